"""Transcripts as tables (Whisper's TSV, spreadsheet CSV/TSV): header columns found by name in any order,
notes above the header set aside, times of every common form read as turn start times and never as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.containers import extract
from reader.core.decode import NotText
from reader.core.loader import load_transcript, parse_extracted
from reader.core.model import Transcript
from tests.core.layout_checks import assert_lossless

CONTAINERS = Path(__file__).parents[1] / "data" / "containers"


def table(text: str, suffix: str = "") -> Transcript:
    return parse_extracted(extract(text.encode(), suffix))


def turns(t: Transcript) -> list[tuple[str, float | None, str]]:
    return [(t.speaker(turn).label, turn.start, turn.text[:24]) for turn in t.turns]


def test_whisper_tsv_in_milliseconds_is_one_voice_in_paragraphs() -> None:
    t = load_transcript(CONTAINERS / "whisper.tsv")
    assert (t.source_format, t.layout) == ("tsv", "structured")
    assert [s.label for s in t.speakers] == ["Unknown speaker"]
    assert t.turns[0].start == 0.0
    # 12.9 s to 16.2 s is a pause after a sentence: a new paragraph; the quotes in the text stay as written.
    assert [p.text[:24] for p in t.turns[0].paragraphs] == ["Good evening and welcome", "The first stall holder w"]
    assert '"Six months of digging," she said' in t.turns[0].text
    assert [a.text for a in t.boilerplate] == ["start\tend\ttext"]
    assert_lossless(t)


def test_spreadsheet_csv_with_a_title_and_notes_above_the_header() -> None:
    t = load_transcript(CONTAINERS / "market-interview.csv")
    assert t.source_format == "tsv"
    assert t.metadata.title == "Market stalls and the tram works"
    assert turns(t) == [
        ("Interviewer", 2.5, "How long has your family"), ("Rosa Bianchi", 6.4, "Since nineteen seventy-t"),
        ("Interviewer", 19.0, "And the tram works, what"), ("Rosa Bianchi", 23.1, "Fewer people on Saturday")]
    assert len(t.turns[1].paragraphs) == 1 and t.turns[1].text.endswith("when the roof was repaired.")
    assert len(t.turns[3].paragraphs) == 2  # half a minute of silence before "Last week"
    assert 'asked me, "Are you still open?"' in t.turns[3].text  # CSV's doubled quotes read as one
    assert [a.text[:16] for a in t.boilerplate] == ["Market stalls an", "Recorded at the ", "Start Time,End T"]
    assert "0.98" not in " ".join(turn.text for turn in t.turns)  # a confidence column is not what was said
    assert t.interviewer is not None and t.interviewer.label == "Interviewer"
    assert_lossless(t)


@pytest.mark.parametrize(("header", "rows", "expected"), [
    ("Speaker\tBegin\tText", ["Ann\t0:05\tHello.", "Bob\t1:02\tHi, Ann."], [("Ann", 5.0), ("Bob", 62.0)]),
    ("text,speaker,start (s)", ["Hello.,Ann,5.5", "Hi.,Bob,7"], [("Ann", 5.5), ("Bob", 7.0)]),
    ("Start_ms;Speaker Label;Utterance", ["5000;spk_0;Hello.", "7250;spk_1;Hi."], [("spk_0", 5.0), ("spk_1", 7.25)]),
    ("Timestamp,Name,Transcript", ['01:02:03.5,Ann,"Yes, well."', "01:02:09,Bob,No."],
     [("Ann", 3723.5), ("Bob", 3729.0)]),
    ("In,Out,Speaker Name,Dialogue", ["00:00:01,00:00:02,Ann,Hello.", "00:00:03,00:00:04,Bob,Hi."],
     [("Ann", 1.0), ("Bob", 3.0)]),
    ("Speaker,Text", ["Ann,Hello.", "Bob,Hi."], [("Ann", None), ("Bob", None)]),
])
def test_columns_by_name_in_any_order_and_times_of_any_form(header: str, rows: list[str],
                                                           expected: list[tuple[str, float | None]]) -> None:
    t = table("\n".join([header, *rows]) + "\n")
    assert t.source_format == "tsv"
    assert [(label, start) for label, start, _ in turns(t)] == expected
    assert not any(ch.isdigit() for turn in t.turns for ch in turn.text)
    assert_lossless(t)


def test_a_note_among_the_rows_is_set_aside() -> None:
    t = table("start\tend\ttext\n0\t2000\tHello.\n\t\t\nExported by a tool\n3000\t4000\tBye.\n")
    assert t.turns[0].text == "Hello. Bye."
    assert "Exported by a tool" in [a.text for a in t.boilerplate]


@pytest.mark.parametrize("text", [
    "Question: Where were you, Ann, that night?\nAnn: At home, text in hand.\n",
    "Name, Start, and the rest of it: not a header, just prose with commas.\nMore prose.\n",
    "1\n00:00:01,000 --> 00:00:02,000\nstart,end,text\n",
])
def test_text_with_commas_or_captions_is_not_a_table(text: str) -> None:
    assert extract(text.encode(), ".txt").source_format == "text"


_CELL = st.one_of(st.sampled_from(["0", "1500", "00:01:02.5", "1:02", "12.5", "x", "", "Ann", "SPEAKER_00",
                                   '"quoted, text"', "Hello.", "Why?", '"', "\t"]), st.text(max_size=6))
_HEADER = st.lists(st.sampled_from(["start", "End", "Speaker Name", "Text", "Transcript", "Begin", "confidence",
                                    "start (ms)"]), min_size=2, max_size=5)


@settings(max_examples=300, deadline=None)
@given(notes=st.lists(st.text(max_size=20), max_size=2), header=_HEADER, delimiter=st.sampled_from(["\t", ",", ";"]),
       rows=st.lists(st.lists(_CELL, max_size=6), max_size=8))
def test_any_table_shaped_input_reads_losslessly(notes: list[str], header: list[str], delimiter: str,
                                                 rows: list[list[str]]) -> None:
    lines = [*notes, delimiter.join(header), *(delimiter.join(row) for row in rows)]
    try:
        extracted = extract("\n".join(lines).encode(), ".csv")
    except NotText:  # NUL bytes: a binary file, one line for the user as for any other
        return
    t = parse_extracted(extracted)
    assert t.warnings == ()
    assert_lossless(t)
