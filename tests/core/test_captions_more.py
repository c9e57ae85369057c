"""More caption and timed-text shapes: YouTube's SBV, the older Teams text export, podcast text with a time on
every line, `[Speaker 1] [00:17]`, diarisation labels in cues, `-Text` dashes, long speakerless captions, and
chapters (show notes' lists, WebVTT NOTE chapters, chapter files) as the document's headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats.cue_text import UNPUNCTUATED_PARAGRAPH
from reader.core.loader import load_transcript, parse_text
from reader.core.model import AsideKind, Transcript
from tests.core.layout_checks import assert_lossless
from tests.core.test_detect import EXPECTED

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"
# The timed fixtures of this file, with the layout the detection test expects of each (written there once).
FIXTURES = {name: EXPECTED[name] for name in (
    "youtube-captions.sbv", "teams-transcript.txt", "podcast-timestamps.txt", "bracketed-speakers.txt",
    "diarised-captions.srt", "tight-dashes.srt", "chapter-notes.vtt", "chapters.vtt")}


def load(name: str) -> Transcript:
    return load_transcript(LAYOUTS / name)


def turns(t: Transcript) -> list[tuple[str, float | None, str]]:
    """(speaker label, start, first words) of each turn."""
    return [(t.speaker(turn).label, turn.start, turn.text[:24]) for turn in t.turns]


def headings(t: Transcript) -> list[tuple[str, int]]:
    return [(h.title, h.turn) for h in t.headings]


def said(t: Transcript) -> str:
    return " ".join(turn.text for turn in t.turns)


@pytest.mark.parametrize(("name", "layout"), FIXTURES.items())
def test_fixture_is_detected_timed_and_lossless(name: str, layout: str) -> None:
    t = load(name)
    assert (t.source_format, t.layout) == ("text", layout)
    assert all(turn.start is not None for turn in t.turns)
    assert "-->" not in said(t) and "0:00:0" not in said(t)
    assert_lossless(t)


def test_sbv_cues_with_broadcast_speaker_marks() -> None:
    t = load("youtube-captions.sbv")
    assert [s.name for s in t.speakers] == ["Marta", "Dev"]
    assert turns(t) == [("MARTA", 0.48, "Welcome back to the work"), ("DEV", 3.9, "And I finally get to ask"),
                        ("MARTA", 7.25, "Ask away. First, the ang"), ("DEV", 14.6, "Why the micro bevel?"),
                        ("MARTA", 16.3, "It is quicker to hone. Y"), ("DEV", 28.0, "That sound is very satis")]
    # The cue without a mark goes on with Marta; a pause of 3 s after a sentence opens a paragraph.
    assert t.turns[2].text.endswith("then a small micro bevel on top.")
    assert [p.text for p in t.turns[4].paragraphs][1] == "[sound of the stone]"
    assert ">>" not in said(t) and "MARTA" not in said(t)


def test_older_teams_text_with_a_speaker_line_under_each_timing() -> None:
    t = load("teams-transcript.txt")
    assert [s.label for s in t.speakers] == ["Okafor, Grace", "Lindqvist, Erik", "Moreau, Claire"]
    assert turns(t) == [
        ("Okafor, Grace", 0.0, "Good morning, everyone. "), ("Lindqvist, Erik", 4.12, "Yes, it's up now."),
        ("Okafor, Grace", 6.5, "Great. So the headline i"), ("Lindqvist, Erik", 15.2, "Sure. The first venue ca"),
        ("Moreau, Claire", 25.1, "Did we claim anything ba"), ("Lindqvist, Erik", 27.0, "We got the deposit back,"),
        ("Okafor, Grace", 33.48, "Okay. Let's note that an")]
    # Two cues of Grace in a row are one turn; her repeated name is set aside, the wrapped line joined.
    assert t.turns[2].text == ("Great. So the headline is that we're about eight percent over on the catering line, "
                               "mostly because of the spring conference. Erik, do you want to explain the venue "
                               "change?")
    assert "Okafor" not in said(t)


def test_podcast_text_with_a_time_on_every_line_and_a_chapter_list_in_the_show_notes() -> None:
    t = load("podcast-timestamps.txt")
    assert t.metadata.title == "Small Harbour Podcast, episode 18: Buying your first home"
    assert [s.label for s in t.speakers] == ["Unknown speaker"]
    assert headings(t) == [("Introduction", 0), ("Saving for a deposit", 1), ("Mortgage rates", 2),
                           ("What a survey misses", 3)]
    assert [turn.start for turn in t.turns] == [4.0, 130.0, 330.0, 525.0]  # each chapter opens a turn
    assert t.turns[0].text == ("Hello and welcome to the Small Harbour Podcast. This week it is all about buying your "
                               "first home. I have had so many messages about this, so let us get going.")
    assert [p.text[:20] for p in t.turns[3].paragraphs] == ["Finally, surveys.", "A basic survey will ",
                                                             "That is it for this "]
    # The chapter lines and the show notes around them are set aside, never in a turn.
    assert [a.text for a in t.asides if a.kind is AsideKind.SECTION] == [
        "Introduction", "Saving for a deposit", "Mortgage rates", "What a survey misses"]
    assert "Chapters:" in [a.text for a in t.asides if a.kind is AsideKind.HEADER]
    assert "In this episode" not in said(t) and "00:" not in said(t)


def test_podcast_text_without_chapters_keeps_its_notes_and_is_one_voice() -> None:
    text = "Recorded live.\n\n00:00:01 Good evening.\n00:00:03 It is late, so let us begin\n00:00:06 with the news.\n"
    t = parse_text(text)
    assert t.layout == "timestamped"
    assert [p.text for turn in t.turns for p in turn.paragraphs] == [
        "Recorded live.", "Good evening. It is late, so let us begin with the news."]
    assert_lossless(t)


def test_a_long_podcast_without_speakers_is_cut_into_turns() -> None:
    lines = [f"{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d} And then the tide came in over the harbour wall."
             for i in range(0, 7200, 4)]
    t = parse_text("\n".join(lines) + "\n")
    assert t.layout == "timestamped" and {s.label for s in t.speakers} == {"Unknown speaker"}
    assert len(t.turns) > 10 and all(len(turn.text) < 8000 for turn in t.turns)
    assert [turn.start for turn in t.turns] == sorted(turn.start for turn in t.turns if turn.start is not None)
    assert_lossless(t)


def test_a_chapter_list_above_a_labelled_transcript() -> None:
    text = ("Episode 3\n\n00:00 Welcome\n01:00 The flood\n\nAna  0:02\nWelcome to the show.\n\nBen  0:30\nThanks.\n\n"
            "Ana  1:01\nTell me about the flood.\n\nBen  1:05\nIt came at night.\n")
    t = parse_text(text)
    assert t.layout == "timestamped"
    assert [(s, start) for s, start, _ in turns(t)] == [("Ana", 2.0), ("Ben", 30.0), ("Ana", 61.0), ("Ben", 65.0)]
    assert headings(t) == [("Welcome", 0), ("The flood", 2)]
    assert t.turns[0].text == "Welcome to the show."
    assert_lossless(t)


def test_a_table_of_contents_with_an_introduction_and_its_titles_over_their_parts() -> None:
    """A podcast's transcript page: a `Table of Contents` heading, a line that introduces the list, `0:00 –
    Introduction` lines; then each chapter's title alone above its part, and one host's lines on both sides of
    a chapter's start."""
    t = load("podcast-contents-and-titles.txt")
    assert headings(t) == [("Introduction", 1), ("Gombe", 2), ("Tools", 6), ("Hope", 10)]
    # The host's question at 2:15 opens the chapter: a turn of its own, not the end of his introduction.
    assert [(s, start) for s, start, _ in turns(t)][1:4] == [("Lex Fridman", 0.0), ("Lex Fridman", 135.0),
                                                             ("Jane Goodall", 140.0)]
    assert t.turns[2].text == "What was it like arriving in Gombe for the first time?"
    assert "Gombe" not in [p.text for turn in t.turns for p in turn.paragraphs]  # a title, not said
    assert {"Table of Contents", "Gombe"} <= {a.text.split("\n")[0] for a in t.asides}
    assert_lossless(t)


def test_times_that_go_on_are_a_transcript_not_a_chapter_list() -> None:
    t = parse_text("00:00:01 Hello there\n00:00:05 Good to see you\n\n00:00:09 Shall we begin\n")
    assert t.headings == () and "Hello there" in said(t) and "Shall we begin" in said(t)


def test_bracketed_speaker_and_time() -> None:
    t = load("bracketed-speakers.txt")
    assert turns(t) == [
        ("Speaker 1", 0.0, "Thanks for making time t"), ("Speaker 2", 7.0, "Of course. I schedule th"),
        ("Speaker 1", 17.0, "How many drivers is that"), ("Speaker 2", 19.0, "About ninety on a normal"),
        ("Speaker 1", 38.0, "What happens when somebo"), ("Speaker 2", 41.0, "I ring the reserve list.")]
    assert [p.text[:20] for p in t.turns[3].paragraphs] == ["About ninety on a no", "The hard part is sic"]
    assert t.source[slice(*t.turns[0].label_span)] == "[Speaker 1]"


def test_diarisation_labels_in_brackets_inside_srt_cues() -> None:
    t = load("diarised-captions.srt")
    assert turns(t) == [
        ("SPEAKER_00", 0.5, "So you started the choir"), ("SPEAKER_01", 3.6, "In the back room of one,"),
        ("SPEAKER_00", 10.7, "And now there are how ma"), ("SPEAKER_01", 12.9, "Eighty-two, and a waitin")]
    assert t.turns[1].text == ("In the back room of one, with six people and an out-of-tune piano. "
                               "It was freezing in winter.")
    assert "[laughs]" in t.turns[3].text and "SPEAKER" not in said(t)


def test_diarisation_labels_in_webvtt_cues() -> None:
    t = parse_text("WEBVTT\n\n00:01.000 --> 00:03.000\n[SPEAKER_00]: Ready?\n\n00:03.500 --> 00:05.000\n"
                   "[SPEAKER_01]: Ready.\n\n00:05.500 --> 00:07.000\n[SPEAKER_00]: Go.\n\n00:07.500 --> 00:08.000\n"
                   "[Music]\n")
    assert turns(t) == [("SPEAKER_00", 1.0, "Ready?"), ("SPEAKER_01", 3.5, "Ready."),
                        ("SPEAKER_00", 5.5, "Go. [Music]")]


def test_dashes_without_a_space_change_the_speaker() -> None:
    t = load("tight-dashes.srt")
    assert turns(t) == [("Speaker A", 1.0, "Did you lock the boathou"), ("Speaker B", 1.0, "I thought you did. Not a"),
                        ("Speaker A", 5.4, "Take the torch, it's dar")]
    assert not any(p.text.startswith("-") for turn in t.turns for p in turn.paragraphs)
    spaced = parse_text(load("tight-dashes.srt").source.replace("\n-", "\n- "))
    assert turns(spaced) == turns(t)  # `-Text` reads as `- Text` does


def test_hyphenated_words_are_not_dashes() -> None:
    t = parse_text("1\n00:00:01,000 --> 00:00:03,000\nAnna: The self-made man\n\n2\n00:00:03,500 --> 00:00:05,000\n"
                   "Ben: and the well-known town.\n\n3\n00:00:05,500 --> 00:00:07,000\nAnna: Yes.\n")
    assert [s for s, _, _ in turns(t)] == ["Anna", "Ben", "Anna"]


def _rolling_captions(lines: list[str], above: str = " ") -> str:
    """WebVTT as YouTube writes automatic captions: each line shown again above the next, two seconds a cue
    (`above`: what the first cue shows above its line)."""
    def clock(seconds: int) -> str:
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000"

    cues, previous = [], above
    for i, words in enumerate(lines):
        cues.append(f"{clock(2 * i)} --> {clock(2 * i + 2)}\n{previous}\n{words}")
        previous = words
    return "WEBVTT\nKind: captions\nLanguage: en\n\n" + "\n\n".join(cues) + "\n"


def test_long_automatic_captions_are_paragraphs_in_several_turns() -> None:
    t = parse_text(_rolling_captions([f"line {i} of what we said about the harbour" for i in range(3000)], "so"))
    assert t.layout == "webvtt" and [s.label for s in t.speakers] == ["Unknown speaker"]
    assert len(t.turns) > 10 and all(len(turn.text) < 8000 for turn in t.turns)
    assert sum(turn.text.count("of what we said") for turn in t.turns) == 3000  # each line read once
    assert said(t).startswith("so line 0 of what")
    assert_lossless(t)


def test_automatic_captions_without_stops_read_in_paragraphs_of_some_eighty_words() -> None:
    lines = [f"and then the boats came in number {i} we" for i in range(400)]  # no stop anywhere: 13 minutes
    t = parse_text(_rolling_captions(lines))
    paragraphs = [p.text for turn in t.turns for p in turn.paragraphs]
    longest_line = max(map(len, lines))
    assert len(paragraphs) >= 30
    assert all(len(p) <= UNPUNCTUATED_PARAGRAPH + longest_line + 1 for p in paragraphs)
    assert " ".join(paragraphs) == " ".join(lines)  # every line read once, in order
    assert_lossless(t)


def test_captions_with_stops_still_end_their_paragraphs_at_sentence_ends() -> None:
    lines = [f"and then the boats came in number {i}" + ("." if i % 12 == 11 else "") for i in range(400)]
    t = parse_text(_rolling_captions(lines))
    paragraphs = [p.text for turn in t.turns for p in turn.paragraphs]
    assert all(p.endswith(".") for p in paragraphs[:-1])
    assert max(map(len, paragraphs)) > UNPUNCTUATED_PARAGRAPH  # long paragraphs are cut only at a stop


def test_webvtt_chapter_notes_become_headings_at_the_turns_they_open() -> None:
    t = load("chapter-notes.vtt")
    assert headings(t) == [("Arriving at the plots", 0), ("Soil and compost", 1), ("Pests and neighbours", 4)]
    assert [(s, start) for s, start, _ in turns(t)] == [
        ("Nadia Rahman", 0.5), ("Nadia Rahman", 9.0), ("Owen Price", 12.9), ("Nadia Rahman", 14.8),
        ("Nadia Rahman", 21.0), ("Owen Price", 25.3), ("Nadia Rahman", 27.4)]
    assert "Chapter" not in said(t) and "Soil and compost" not in said(t)


def test_a_webvtt_chapters_file() -> None:
    t = load("chapters.vtt")
    assert headings(t) == [("Introduction", 0), ("Saving for a deposit", 1), ("Mortgage rates", 2)]
    assert [turn.start for turn in t.turns] == [0.0, 130.0, 330.0]
