"""Timestamped exports of transcription services: a speaker and a time open each turn."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.formats import sniffing, timestamped
from reader.core.loader import load_transcript, parse_text, sample_path
from reader.core.model import AsideKind, Transcript
from tests.core.layout_checks import assert_lossless

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"
FIXTURES = ["otter-export.txt", "otter-speaker-numbers.txt", "otter-with-summary.txt", "rev-transcript.txt",
            "bracketed-log.txt", "descript-export.md", "trint-export.txt", "word-transcribe.txt", "zoom-transcript.txt",
            "meeting-dash-times.txt", "name-over-time.txt"]


def load(name: str) -> Transcript:
    return load_transcript(LAYOUTS / name)


def labels(t: Transcript) -> list[str]:
    return [t.speaker(turn).label for turn in t.turns]


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_is_detected_and_nothing_is_lost(name: str) -> None:
    t = load(name)
    assert t.layout == "timestamped"
    assert_lossless(t)
    assert all(turn.start is not None for turn in t.turns)
    starts = [turn.start for turn in t.turns]
    assert starts == sorted(starts)
    furniture = [a.text for a in t.asides if a.kind is AsideKind.FURNITURE]
    assert len(furniture) >= len(t.turns)  # at least one timestamp per turn, none of them in the text


def test_otter_names_and_times_with_the_footer_aside() -> None:
    t = load("otter-export.txt")
    assert [s.label for s in t.speakers] == ["Emma", "Maria Santos"]
    assert labels(t) == ["Emma", "Maria Santos"] * 10
    assert [turn.start for turn in t.turns[:4]] == [2.0, 9.0, 30.0, 36.0]
    assert [a.text for a in t.boilerplate] == ["Transcribed by https://otter.ai"]
    assert "otter.ai" not in t.turns[-1].text
    # Two blocks of Maria in a row are one turn of two paragraphs, timed by the first.
    merged = t.turns[5]
    assert [p.text[:20] for p in merged.paragraphs] == ["Very unusual. The ol", "Or maybe they just g"]
    assert merged.start == 60.0  # `Maria Santos  1:00`, not the second block's `1:18`
    assert "(laughs)" in t.turns[10].text


def test_otter_summary_header_becomes_metadata() -> None:
    t = load("otter-with-summary.txt")
    assert (t.metadata.title, t.metadata.date, t.metadata.time) == ("Night shift handover interview", "2025-03-11",
                                                                      "07:42")
    header = [a.text.split("\n")[0] for a in t.asides if a.kind is AsideKind.HEADER]
    assert header == ["Night shift handover interview", "SUMMARY KEYWORDS", "SPEAKERS"]
    assert [s.label for s in t.speakers] == ["Jane Smith", "Daniel Okafor"]
    assert t.turns[0].text == "Good morning, Daniel. Thanks for joining. Can you hear me all right?"
    assert not any("KEYWORDS" in turn.text or "otter.ai" in turn.text for turn in t.turns)


def test_a_meeting_recordings_title_date_and_length_are_a_header_not_a_turn() -> None:
    """Teams and Stream write the recording's name, when it began and how long it ran above the first speaker."""
    t = parse_text("Project sync-20240312_100312-Meeting Recording\nMarch 12, 2024, 10:03AM\n42m 10s\n\n"
                   "Priya Raman   0:03\nOK, can everyone hear me?\n\nTom Becker   0:11\nYes. We moved the date.\n\n"
                   "Priya Raman   0:19\nAnd the audit?\n\nTom Becker   0:22\nAlmost done.\n")
    assert (t.metadata.title, t.metadata.date, t.metadata.time) == (
        "Project sync-20240312_100312-Meeting Recording", "2024-03-12", "10:03")
    assert [t.speaker(turn).name for turn in t.turns] == ["Priya Raman", "Tom Becker"] * 2
    assert [a.text for a in t.asides if a.kind is AsideKind.HEADER] == [
        "Project sync-20240312_100312-Meeting Recording\nMarch 12, 2024, 10:03AM\n42m 10s"]
    assert_lossless(t)
    prose = parse_text("Project notes\nMarch 12, 2024\n42 people came.\n\nPriya Raman   0:03\nHello.\n\n"
                       "Tom Becker   0:11\nHi.\n\nPriya Raman   0:19\nReady?\n\nTom Becker   0:22\nYes.\n")
    assert prose.metadata.date is None  # a third line that is no length: the lines stay text


def test_numbered_speakers_past_the_hour() -> None:
    t = load("otter-speaker-numbers.txt")
    assert [s.label for s in t.speakers] == ["Speaker 1", "Speaker 2"]
    assert t.turns[0].start == 58 * 60 + 10
    assert t.turns[-1].start == 3630.0  # written `1:00:30`
    assert t.interviewer is not None and t.interviewer.label == "Speaker 1"


def test_rev_names_with_parenthesised_times_on_their_own_line() -> None:
    t = load("rev-transcript.txt")
    assert t.metadata.title == "Afternoon Line: Elm Street bike lanes"
    assert [s.label for s in t.speakers] == ["Alex Carter", "Samira Haddad", "Caller"]
    assert t.turns[1].text == "Thank you, Alex. Happy to be here."
    assert t.turns[1].start == 13.0
    assert t.turns[1].label_span is not None
    assert t.source[slice(*t.turns[1].label_span)] == "Samira Haddad"


def test_time_first_lines_and_a_time_alone_opening_a_paragraph() -> None:
    t = load("bracketed-log.txt")
    assert [s.label for s in t.speakers] == ["Priya", "Lucas"]
    lucas = t.turns[3]
    assert lucas.start == 30.0
    assert [p.text for p in lucas.paragraphs] == [
        "Sure. Last October I went from Hamburg to Rome with my daughter.",
        "It was two days, we stopped one night in Munich. I booked everything myself, which took, I think, "
        "three evenings.",
    ]


def test_markdown_bold_names_and_heading_title() -> None:
    t = load("descript-export.md")
    assert t.metadata.title == "Small Rooms, episode 41: Tom Adeyemi"
    assert [s.label for s in t.speakers] == ["Kelly", "Tom"]
    assert t.turns[1].start == 14.0
    assert t.turns[7].text.startswith("Slowly, and with a lot of help.")
    assert "[laughter] I know. Eleven." in t.turns[7].text


@pytest.mark.parametrize(("name", "first", "start"), [
    ("trint-export.txt", "Emma Lindqvist", 12.0),
    ("word-transcribe.txt", "Speaker 1", 0.0),
    ("zoom-transcript.txt", "Priya Raman", 10 * 3600 + 5 * 60 + 33.0),
    ("meeting-dash-times.txt", "Maya Okafor", 4.0),  # `Maya Okafor - 00:00:04`, a meeting assistant's export
    ("name-over-time.txt", "Ruth Ellison", 2.0),  # the name, then the time on the line below, copied from a player
])
def test_name_and_clock_layouts(name: str, first: str, start: float) -> None:
    t = load(name)
    assert t.speakers[0].label == first
    assert t.turns[0].start == start
    assert t.turns[1].text != "" and len(t.turns) >= 13


def test_times_in_prose_are_not_timestamps() -> None:
    text = ("Ana  0:04\nWe met at 20:08 on the platform.\n\nThe Meeting at Noon 12:00\nwas a film we liked.\n\n"
            "Ben  0:15\nAnd then?\n\nAna  0:18\nThen nothing.\n")
    t = parse_text(text)
    assert t.layout == "timestamped"
    assert labels(t) == ["Ana", "Ben", "Ana"]
    assert t.turns[0].text == "We met at 20:08 on the platform.\n\nThe Meeting at Noon 12:00 was a film we liked."
    assert_lossless(t)


def test_names_in_scripts_without_capitals() -> None:
    t = parse_text("王伟  0:03\n你好。\n\n李娜  0:09\n你好！\n\n王伟  0:15\n再见。\n")
    assert t.layout == "timestamped"
    assert [(t.speaker(turn).label, turn.start, turn.text) for turn in t.turns] == [
        ("王伟", 3.0, "你好。"), ("李娜", 9.0, "你好！"), ("王伟", 15.0, "再见。")]


def test_a_name_or_a_heading_above_a_time_alone() -> None:
    """A name alone on its line, after a blank line, over a time alone on its own is a speaker's label, as on one
    line; a heading over a time that never recurs is none, and a sentence's last line over a time is text."""
    names = ("Ana Ruiz\n00:00:04\nWe met on the platform.\n\nBen Cole\n00:00:15\nAnd then?\n\n"
             "Ana Ruiz\n00:00:18\nNothing.\n")
    t = parse_text(names)
    assert [(label, turn.start, turn.text) for label, turn in zip(labels(t), t.turns, strict=True)] == [
        ("Ana Ruiz", 4.0, "We met on the platform."), ("Ben Cole", 15.0, "And then?"), ("Ana Ruiz", 18.0, "Nothing.")]
    assert_lossless(t)
    podcast = ("Harbour Stories\n00:00:04\nso we met on the platform that morning\n00:00:09\nand then the boats came "
               "in with the catch\n00:00:15\nand nobody said a word about the storm\n")
    t = parse_text(podcast)
    assert labels(t) == ["Unknown speaker"] and "Harbour Stories" in t.turns[0].text
    assert_lossless(t)


def test_a_label_that_never_recurs_is_not_trusted() -> None:
    t = parse_text("Meeting Notes 10:30\nWe agreed to meet again.\n", "timestamped")
    assert labels(t) == ["Unknown speaker"]
    assert t.turns[0].text == "Meeting Notes 10:30 We agreed to meet again."


def test_sniff_is_sure_of_timestamped_and_quiet_elsewhere() -> None:
    for name in FIXTURES:
        assert timestamped.sniff((LAYOUTS / name).read_text(encoding="utf-8")) > 0.8, name
    for other in ["teams-meeting.vtt", "film-dialogue.srt", "labelled-qa.txt", "labelled-briefing.txt",
                  "court-hearing.txt"]:
        assert timestamped.sniff((LAYOUTS / other).read_text(encoding="utf-8")) < 0.3, other
    assert timestamped.sniff(sample_path().read_text(encoding="utf-8")) == 0.0


_PIECES = ["Emma  0:37", "Maria Santos  1:02:03", "Jane (00:03):", "[00:01:23] Kelly:", "**Kelly** [0:18]",
           "Speaker 1  0:03", "Jane Doe 00:00:12", "00:00:03 Speaker 1", "[Jane Doe] 10:05:33", "[00:02:10]",
           "Transcribed by https://otter.ai", "# Title", "\n", "\n\n", " ", "  ", "Hello.", "at 20:08", ":", "**",
           "(", ")", "[", "]", "\u00a0", "\r\n"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=50).map("".join))
def test_any_timestamped_text_parses_losslessly(text: str) -> None:
    t = parse_text(text, "timestamped")
    assert t.warnings == ()
    assert_lossless(t)



@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=50).map("".join))
@example("[00:01] Kelly: Hi.\n[00:05] Kelly: Bye.\n")  # two timed lines: the fewest the parser takes
@example("Emma  0:37 and 0:38\nHello.\n")  # two clocks, one line
def test_detection_refuses_without_the_parser_only_what_the_parser_refuses(text: str) -> None:
    # Detection rules out a text with fewer than two lines holding a clock without importing this layout's module.
    assert sniffing.timestamped(text) == timestamped.sniff(text)


def test_role_words_after_a_timestamp_are_speaker_labels() -> None:
    text = (
        "[00:00:01] Question: How are you?\n\n[00:00:04] Sergey Lavrov: Fine, thanks.\n\n"
        "[00:00:09] Question: And Syria?\n\n[00:00:12] Sergey Lavrov: Complicated.\n"
    )
    t = parse_text(text)
    assert t.layout == "timestamped"
    assert [t.speaker(turn).label for turn in t.turns] == ["Question", "Sergey Lavrov"] * 2
    assert [turn.start for turn in t.turns] == [1.0, 4.0, 9.0, 12.0]
    assert t.interviewer is not None and t.interviewer.label == "Question"


@pytest.mark.parametrize("clock", ["1:42 P.M. EDT", "10:15 a.m.", "14:30 Uhr", "9:00 PM (GMT)"])
def test_the_time_of_day_after_a_clock_is_no_speaker(clock: str) -> None:
    text = f"{clock}\n\nSome words of the day.\n\n{clock}\n"
    assert all(line.label is None for line in timestamped.timed_lines(text, 0, len(text)).values())
