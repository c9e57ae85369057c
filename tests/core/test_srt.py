"""SubRip subtitles with the speaker habits of captions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.formats import srt
from reader.core.loader import load_transcript, parse_text, sample_path
from reader.core.model import Transcript
from tests.core.layout_checks import assert_lossless

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"
FIXTURES = ["interview-subtitles.srt", "film-dialogue.srt", "panel-discussion.srt"]


def load(name: str) -> Transcript:
    return load_transcript(LAYOUTS / name)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_is_detected_and_nothing_is_lost(name: str) -> None:
    t = load(name)
    assert t.layout == "srt"
    assert_lossless(t)
    every_word = " ".join(turn.text for turn in t.turns)
    assert "-->" not in every_word and "<" not in every_word and "{\\" not in every_word
    assert all(turn.start is not None for turn in t.turns)


def test_names_on_the_first_cue_continue_through_unnamed_cues() -> None:
    t = load("interview-subtitles.srt")
    assert [s.label for s in t.speakers] == ["Emma", "Maria"]
    assert [t.speaker(turn).label for turn in t.turns] == ["Emma", "Maria"] * 10
    assert t.turns[0].text == "Thank you for making time for this. Could you start by telling me where you grew up?"
    assert t.turns[0].start == 5.0
    assert t.turns[1].start == pytest.approx(12.338)
    assert "I remember thinking it was the best day of my life." in t.turns[3].text  # `<i>best</i>`
    assert "(laughs) That sounds very familiar." in t.turns[10].text
    # Maria's two answers in a row are one turn.
    assert "Or maybe they just get tired of being angry." in t.turns[5].text


def test_subtitle_dialogue_with_dashes_and_sound_cues() -> None:
    t = load("film-dialogue.srt")
    labels = [t.speaker(turn).label for turn in t.turns]
    assert labels[:3] == ["Unknown speaker", "Speaker A", "Speaker B"]
    assert set(labels[1:]) == {"Speaker A", "Speaker B"}
    assert t.turns[0].text == "The road's closed past the bridge."  # `{\an8}` is furniture
    assert t.turns[0].start == 62.0
    words = " ".join(turn.text for turn in t.turns)
    assert "[engine starts]" in words and "[laughs] Of course she did." in words
    assert "You don't know her." in words  # inside a <font> tag


def test_capitalised_names_crlf_and_bom() -> None:
    t = load("panel-discussion.srt")
    assert t.encoding == "utf-8-sig"
    assert [s.name for s in t.speakers] == ["Moderator", "Ana Ferreira", "Dr. Okonkwo", "Audience Member"]
    assert t.interviewer is not None and t.interviewer.label == "MODERATOR"
    # Two consecutive moderator turns are one; the bracketed laughter stays in what Ana said.
    assert t.turns[0].text.endswith("Ana, let me start with you. How is the Courier doing?")
    assert "Football pays for the council coverage." in t.turns[3].text
    assert "[laughter]" in t.turns[3].text


def test_legacy_code_page_subtitles(tmp_path: Path) -> None:
    text = ("1\r\n00:00:01,000 --> 00:00:03,000\r\nИВАН: Добрый вечер. Где вы были\r\nвчера вечером?\r\n\r\n"
            "2\r\n00:00:03,500 --> 00:00:05,000\r\nМАРИЯ: Дома, как всегда.\r\n\r\n"
            "3\r\n00:00:05,500 --> 00:00:07,000\r\nИВАН: Одна?\r\n\r\n"
            "4\r\n00:00:07,500 --> 00:00:09,000\r\nМАРИЯ: Нет, с братом.\r\n")
    path = tmp_path / "dialogue.srt"
    path.write_bytes(text.encode("cp1251"))
    t = load_transcript(path)
    assert (t.layout, t.encoding) == ("srt", "cp1251")
    assert [s.name for s in t.speakers] == ["Иван", "Мария"]
    assert t.turns[0].text == "Добрый вечер. Где вы были вчера вечером?"
    assert [turn.start for turn in t.turns] == [1.0, 3.5, 5.5, 7.5]


def test_cues_without_blank_lines_between_them() -> None:
    t = parse_text("1\n00:00:01,000 --> 00:00:02,000\nANA: Hello.\n2\n00:00:03,000 --> 00:00:04,000\n"
                   "BEN: Hi.\n3\n00:00:05,000 --> 00:00:06,000\nANA: Bye.\n")
    assert t.layout == "srt"
    assert [(t.speaker(turn).label, turn.text, turn.start) for turn in t.turns] == [
        ("ANA", "Hello.", 1.0), ("BEN", "Hi.", 3.0), ("ANA", "Bye.", 5.0)]


def test_a_colon_in_a_subtitle_line_is_not_a_speaker() -> None:
    t = parse_text("1\n00:00:01,000 --> 00:00:03,000\nRemember: the bridge is closed.\n\n"
                   "2\n00:00:03,500 --> 00:00:05,000\nNote: take the mill road.\n")
    assert [t.speaker(turn).label for turn in t.turns] == ["Unknown speaker"]
    assert t.turns[0].text == "Remember: the bridge is closed. Note: take the mill road."


def test_sniff_is_sure_of_srt_and_quiet_elsewhere() -> None:
    assert srt.sniff((LAYOUTS / "film-dialogue.srt").read_text(encoding="utf-8")) > 0.9
    for other in ["teams-meeting.vtt", "otter-export.txt", "labelled-caps.txt", "court-hearing.txt"]:
        assert srt.sniff((LAYOUTS / other).read_text(encoding="utf-8")) < 0.3, other
    assert srt.sniff(sample_path().read_text(encoding="utf-8")) == 0.0


_PIECES = ["1", "2", "\n", "\n\n", " ", "00:00:01,000 --> 00:00:02,500", "00:01,000 --> 00:02,000", "-->",
           "<i>", "</i>", "<font color=\"#fff\">", "</font>", "{\\an8}", "- ", "JANE:", "Bob Lee:", "[laughter]",
           "(laughs)", "Hello.", "word", ":", "\r\n"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=50).map("".join))
def test_any_subtitle_text_parses_losslessly(text: str) -> None:
    t = parse_text(text, "srt")
    assert t.warnings == ()
    assert_lossless(t)
