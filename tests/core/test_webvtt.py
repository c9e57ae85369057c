"""WebVTT captions as meeting tools, podcasts and subtitlers write them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.formats import webvtt
from reader.core.formats.detect import detect_layout
from reader.core.loader import load_transcript, parse_text, sample_path
from reader.core.model import AsideKind, Transcript
from tests.core.layout_checks import assert_lossless

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"
FIXTURES = ["teams-meeting.vtt", "zoom-recording.vtt", "podcast-captions.vtt", "film-subtitles.vtt",
            "youtube-auto-captions.vtt"]


def load(name: str) -> Transcript:
    return load_transcript(LAYOUTS / name)


def speakers_in_order(t: Transcript) -> list[str]:
    return [t.speaker(turn).label for turn in t.turns]


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_is_detected_and_nothing_is_lost(name: str) -> None:
    t = load(name)
    assert t.layout == "webvtt"
    assert_lossless(t)
    every_word = " ".join(turn.text for turn in t.turns)
    assert "-->" not in every_word and "WEBVTT" not in every_word and "<" not in every_word
    assert all(turn.start is not None for turn in t.turns)


def test_teams_voice_tags_with_commas_and_guid_ids() -> None:
    t = load("teams-meeting.vtt")
    assert [s.label for s in t.speakers] == ["Smith, Jane", "Okafor, Daniel"]
    assert speakers_in_order(t) == ["Smith, Jane", "Okafor, Daniel"] * 8
    assert t.turns[0].start == pytest.approx(3.528)
    # Cues of one voice merge into one turn; the GUID cue ids are furniture, not words.
    assert t.turns[2].text == ("That's fine. As I said in the email, this is about the night shift handover. "
                               "Could you walk me through what happens at seven in the morning?")
    assert not any("5b0f6a31" in turn.text for turn in t.turns)
    assert any(a.text.startswith("5b0f6a31-7d1e") for a in t.asides if a.kind is AsideKind.FURNITURE)


def test_a_voice_whose_closing_tag_is_missing_ends_with_its_cue() -> None:
    t = load("teams-meeting.vtt")
    # The eighth cue has no </v>; the next cue's voice still starts its own turn.
    assert t.turns[4].text.startswith("How long does the bedside part usually take?")
    assert t.speaker(t.turns[4]).label == "Smith, Jane"


def test_zoom_names_only_on_the_first_cue_of_a_turn() -> None:
    t = load("zoom-recording.vtt")
    assert [s.label for s in t.speakers] == ["Priya Raman", "Lucas Meyer"]
    assert len(t.turns) == 19
    # The second cue carries no name: it continues Priya's turn.
    assert t.turns[0].text == ("Okay, I think the recording has started. Lucas, thanks for joining us today. "
                               "Before we start, is it still okay that we record this session?")
    assert t.turns[1].text == "Yes, that's fine."
    assert t.turns[1].start == pytest.approx(11.215)
    assert t.interviewer is not None and t.interviewer.label == "Priya Raman"


def test_header_style_note_classes_and_cue_settings() -> None:
    t = load("podcast-captions.vtt")
    assert t.metadata.title == "Small Rooms, episode 41"
    assert t.metadata.language == "en"
    assert [s.label for s in t.speakers] == ["Kelly Brooks", "Tom Adeyemi"]  # `<v.host Kelly Brooks>`
    assert t.turns[0].start == pytest.approx(0.4)  # timings without hours
    furniture = " ".join(a.text for a in t.asides if a.kind is AsideKind.FURNITURE)
    assert "Captions edited by hand" in furniture and "color: #ffd75f" in furniture
    assert "sponsor read removed" in furniture and "line:85% align:center" in furniture
    words = " ".join(turn.text for turn in t.turns)
    assert "Forty minutes. You ask how the device sounds" in words  # `<i>forty</i>` loses its tags only
    assert "sponsor" not in words and "Captions edited" not in words


def test_dashes_switch_between_two_unnamed_voices() -> None:
    t = load("film-subtitles.vtt")
    assert speakers_in_order(t)[:4] == ["Unknown speaker", "Speaker A", "Speaker B", "Speaker A"]
    assert t.turns[1].text == "Since when?"
    assert t.turns[2].text.startswith("Since the storm on Tuesday.")
    assert t.turns[1].start == t.turns[2].start == pytest.approx(4.7)  # both lines share their cue's time
    assert "Mum would kill us if she knew." in t.turns[5].text  # `<i>Mum</i>`


def test_rolling_captions_are_read_once() -> None:
    t = load("youtube-auto-captions.vtt")
    assert t.metadata.language == "en"
    assert len(t.turns) == 1 and t.speakers[0].label == "Unknown speaker"
    text = t.turns[0].text
    assert text.startswith("so today we're going to talk about the history of the harbour and why the boats left")
    assert text.endswith("where they pushed the carts down to the water")
    assert text.count("the history of the harbour") == 1  # each caption line is repeated twice in the file
    assert t.turns[0].words == 134
    assert "<c>" not in text and "00:00" not in text


CONSECUTIVE = """WEBVTT

00:00:01.000 --> 00:00:03.000
<v Ana>We started in March.

00:00:03.100 --> 00:00:05.000
<v Ana>It rained every day, and

00:00:05.100 --> 00:00:07.000
<v Ana>the roof leaked.

00:00:10.000 --> 00:00:12.000
<v Ana>Then April came.

00:00:12.500 --> 00:00:14.000
<v Ben>And May?
"""


def test_consecutive_cues_merge_and_a_long_pause_after_a_sentence_opens_a_paragraph() -> None:
    t = parse_text(CONSECUTIVE)
    assert speakers_in_order(t) == ["Ana", "Ben"]
    ana = t.turns[0]
    assert ana.start == 1.0
    assert [p.text for p in ana.paragraphs] == [
        "We started in March. It rained every day, and the roof leaked.",
        "Then April came.",
    ]
    assert_lossless(t)


def test_an_hour_of_unpunctuated_captions_is_broken_into_paragraphs() -> None:
    words = "and then we walked on along the harbour wall"
    cues = [f"{i // 60:02d}:{i % 60:02d}.000 --> {i // 60:02d}:{i % 60:02d}.900\n{words}" for i in range(1200)]
    t = parse_text("WEBVTT\n\n" + "\n\n".join(cues) + "\n")
    paragraphs = [p for turn in t.turns for p in turn.paragraphs]
    # One unknown voice, in paragraphs gathered into turns of a few minutes: never one turn of an hour.
    assert {s.label for s in t.speakers} == {"Unknown speaker"} and len(paragraphs) > 5
    assert 1 < len(t.turns) <= len(paragraphs)
    assert [turn.start for turn in t.turns] == sorted(turn.start for turn in t.turns if turn.start is not None)
    assert all(len(p.text) <= 4100 for p in paragraphs)
    assert t.words == 1200 * 9
    assert_lossless(t)


def test_the_same_words_in_consecutive_cues_are_both_kept() -> None:
    t = parse_text("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Thank you.</v>\n\n"
                   "00:02.000 --> 00:03.000\n<v Ben>Thank you.</v>\n\n00:03.000 --> 00:04.000\n<v Ben>Thank you.</v>\n")
    assert [(t.speaker(turn).label, turn.text) for turn in t.turns] == [("Ana", "Thank you."),
                                                                        ("Ben", "Thank you. Thank you.")]


def test_dash_lines_keep_named_speakers_apart() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ana>Where were you?\n\n"
            "00:03.000 --> 00:05.000\n- <v Ben>At home.\n- <v Ana>All day?\n\n"
            "00:05.000 --> 00:06.000\n- Yes.\n- Really?\n")
    t = parse_text(text)
    assert [(t.speaker(turn).label, turn.text) for turn in t.turns] == [
        ("Ana", "Where were you?"), ("Ben", "At home."), ("Ana", "All day? Yes."), ("Ben", "Really?"),
    ]


def test_markup_and_entities_are_not_read_aloud() -> None:
    text = ("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n<v Dee>Salt &amp; pepper, <b>please</b>.</v>\n\n"
            "2\n00:00:02.000 --> 00:00:04.000\n<v Eli><00:00:02.500><c>Sure</c>&nbsp;thing.\n")
    t = parse_text(text)
    assert [turn.text for turn in t.turns] == ["Salt & pepper, please.", "Sure thing."]
    assert_lossless(t)


def test_text_outside_any_cue_is_kept() -> None:
    t = parse_text("WEBVTT\n\nstray words before any cue\n\n00:01.000 --> 00:02.000\n<v Ana>Hello.\n")
    assert [turn.text for turn in t.turns] == ["stray words before any cue", "Hello."]


def test_sniff_is_sure_of_webvtt_and_quiet_elsewhere() -> None:
    assert webvtt.sniff((LAYOUTS / "teams-meeting.vtt").read_text(encoding="utf-8")) > 0.9
    headerless = (LAYOUTS / "zoom-recording.vtt").read_text(encoding="utf-8").replace("WEBVTT\n", "", 1)
    assert detect_layout(headerless) == "webvtt"
    for other in ["interview-subtitles.srt", "otter-export.txt", "labelled-qa.txt", "court-hearing.txt"]:
        assert webvtt.sniff((LAYOUTS / other).read_text(encoding="utf-8-sig")) < 0.3, other
    assert webvtt.sniff(sample_path().read_text(encoding="utf-8")) == 0.0


_PIECES = ["WEBVTT", "\n", "\n\n", " ", "00:00:01.000 --> 00:00:02.500", "00:01.000 --> 00:02.000 align:start",
           "NOTE", "STYLE", "5b0f-1/2-0", "1", "<v Jane>", "<v.loud Smith, Jane>", "<v>", "</v>", "<i>", "</i>",
           "- ", "-", "Jane:", "Bob Lee:", "&amp;", "&nbsp;", "<00:00:01.500>", "Hello.", "word", "[laughter]"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=50).map("".join))
def test_any_caption_text_parses_losslessly(text: str) -> None:
    t = parse_text(text, "webvtt")
    assert t.warnings == ()
    assert_lossless(t)
