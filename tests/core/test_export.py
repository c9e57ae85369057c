"""Export of notes on the sample, in every format, against the expected files in tests/data/expected.

After a deliberate change of an export format, regenerate them with
``UPDATE_EXPECTED=1 python -m pytest tests/core/test_export.py`` and read the diff before committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import docx
import pytest

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.notes.annotations import (
    Anchor,
    Annotation,
    Kind,
    Status,
    exchange_anchor,
    make_anchor,
    new_annotation,
    turn_anchor,
)
from reader.core.notes.export import BINARY, FORMATS, export_bytes, export_notes, pseudonyms

EXPECTED = Path(__file__).parents[1] / "data" / "expected"
NAMES = {"sergey lavrov": "Lavrov"}
WHEN = "2024-05-01T10:00:00.000Z"


def _at(sample: Transcript, words: str, length: int | None = None) -> tuple[int, int, int]:
    turn = next(t for t in sample.turns if words in t.text)
    start = turn.text.index(words)
    return turn.index, start, start + (length or len(words))


def sample_annotations(sample: Transcript) -> list[Annotation]:
    """A fixed set of annotations on the sample: every kind, scope, colour and status, a detached one, and
    text that needs escaping in every format."""

    def ident(n: int) -> str:
        return f"00000000-0000-4000-8000-{n:012d}"

    kerry = _at(sample, "But with John Kerry for example – we laughed a lot.")
    snowden = _at(sample, "The first time I think it was publicly shown")
    extradite = _at(sample, "“You must extradite him, you must extradite him.”")
    two_paragraphs_turn = next(t for t in sample.turns if len(t.paragraphs) > 1 and t.index > 3)
    split = two_paragraphs_turn.text.index("\n\n")
    across = (two_paragraphs_turn.text.rindex(". ", 0, split) + 2, two_paragraphs_turn.text.index(" ", split + 30))
    return [
        new_annotation(Kind.HIGHLIGHT, make_anchor(sample, *kerry), note="Warm words about Kerry.",
                       tags=["Kerry", "US relations"], status=Status.ON_RECORD, id=ident(1), created=WHEN),
        new_annotation(Kind.BOOKMARK, turn_anchor(sample, 1), id=ident(2), created=WHEN),
        new_annotation(Kind.BOOKMARK, exchange_anchor(sample, 2), tags=["property"], id=ident(3), created=WHEN),
        new_annotation(Kind.NOTE, make_anchor(sample, two_paragraphs_turn.index, *across),
                       note='Check <script>alert("x")</script> & the recording.\nSecond line, *not* emphasis.',
                       tags=["to check"], status=Status.CHECKED, id=ident(4), created=WHEN),
        new_annotation(Kind.HIGHLIGHT, make_anchor(sample, *extradite), colour="green", status=Status.USED,
                       id=ident(5), created=WHEN),
        new_annotation(Kind.HIGHLIGHT, make_anchor(sample, *snowden), colour="pink", note="=HYPERLINK(\"x\")",
                       status=Status.BACKGROUND, id=ident(6), created=WHEN),
        Annotation(ident(7), Kind.NOTE, Anchor("tgone", 0, 26, "words no longer in the text", "before ", " after"),
                   note="From an earlier version.", created=WHEN, detached=True),
    ]


CASES = [(fmt, {}) for fmt in FORMATS if fmt not in BINARY] + [
    ("txt", {"pseudonymise": True}),
    ("json", {"pseudonymise": True}),
    ("md", {"only": "highlights"}),
    ("txt", {"only": "bookmarked"}),
    ("csv", {"only": "notes"}),
    ("txt", {"with_transcript": True, "only": "bookmarked"}),
    ("md", {"with_transcript": True}),
    ("html", {"with_transcript": True, "only": "bookmarked", "pseudonymise": True}),
]


def _name(fmt: str, options: dict) -> str:
    suffix = "".join(f"-{k}" + (f"-{v}" if v is not True else "") for k, v in options.items())
    return f"sample-notes{suffix}.{fmt}"


@pytest.mark.parametrize(("fmt", "options"), CASES, ids=[_name(f, o) for f, o in CASES])
def test_export_matches_expected_file(sample: Transcript, fmt: str, options: dict) -> None:
    text = export_notes(sample, sample_annotations(sample), fmt, NAMES, **options)
    expected = EXPECTED / _name(fmt, options)
    if os.environ.get("UPDATE_EXPECTED"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(text, "utf-8", newline="")
    with expected.open(encoding="utf-8", newline="") as f:
        assert text == f.read()


def test_text_export_reads_in_order_with_quotes_a_line_a_paragraph(sample: Transcript) -> None:
    text = export_notes(sample, sample_annotations(sample), "txt", NAMES)
    assert text.startswith("Notes on: Foreign Minister Sergey Lavrov’s interview with NBC, Moscow, July 21, 2017\n"
                           "Date: 21 July 2017\nPlace: Moscow\nFile: lavrov-nbc-interview-2017-07-21.txt\n")
    places = [line.split(" · ")[0] for line in text.splitlines() if " · " in line]
    assert places[:3] == ["Q1, turn 2", "Q2, turn 4", "Q3, turn 5 (whole exchange)"]
    assert places[-1] == "Detached"
    assert "Q1, turn 2 · Lavrov · Bookmark" in text
    quotes = [line for line in text.splitlines() if line.startswith('  "')]
    assert len(quotes) == 7
    two = next(a for a in sample_annotations(sample) if "\n\n" in a.anchor.exact)  # across a paragraph break
    first, second = (" ".join(p.split()) for p in two.anchor.exact.split("\n\n"))
    assert f'  "{first}\n   {second}"\n' in text
    assert "Status: Checked against the recording" in text and "Tags: Kerry, US relations" in text


def test_html_escapes_everything(sample: Transcript) -> None:
    page = export_notes(sample, sample_annotations(sample), "html", NAMES)
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the" in page
    assert '<span class="quote">“You must extradite him, you must extradite him.”</span>' in page


def test_csv_has_one_row_per_annotation_and_no_formulas(sample: Transcript) -> None:
    rows = list(csv.DictReader(io.StringIO(export_notes(sample, sample_annotations(sample), "csv", NAMES))))
    assert len(rows) == 7
    assert rows[0]["speaker"] == "Lavrov" and rows[0]["exchange"] == "Q1"
    assert next(r for r in rows if r["note"].startswith("'=")), "a formula must be shown as text"
    assert rows[-1]["detached"] == "yes" and rows[-1]["quote"] == "words no longer in the text"


def test_json_is_a_web_annotation_collection(sample: Transcript) -> None:
    doc = json.loads(export_notes(sample, sample_annotations(sample), "json", NAMES))
    assert doc["type"] == "AnnotationCollection" and doc["first"]["type"] == "AnnotationPage"
    assert "http://www.w3.org/ns/anno.jsonld" in doc["@context"]
    items = doc["first"]["items"]
    assert [i["motivation"] for i in items][:3] == ["bookmarking", "highlighting", "bookmarking"]
    reading_text = "\n\n".join(t.text for t in sample.turns)
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        quote, *position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector"
        if position:
            assert position[0]["type"] == "TextPositionSelector"
            assert reading_text[position[0]["start"]:position[0]["end"]] == quote["exact"]
    kerry = items[1]
    assert {b["purpose"] for b in kerry["body"]} == {"commenting", "tagging"}
    assert kerry["transcript_reader"]["status"] == "on-record" and kerry["transcript_reader"]["speaker"] == "Lavrov"


def test_pseudonymised_export_names_no_one(sample: Transcript) -> None:
    assert pseudonyms(sample) == {"question": "Interviewer 1", "sergey lavrov": "Interviewee 1"}
    for fmt in FORMATS:
        data = export_bytes(sample, sample_annotations(sample), fmt, NAMES, pseudonymise=True)
        text = docx_text(data) if fmt == "docx" else data.decode("utf-8")
        assert "Lavrov" not in text and "Interviewee 1" in text, fmt


def docx_text(data: bytes) -> str:
    """Every word a Word document shows: its paragraphs and its comments."""
    document = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in document.paragraphs]
                     + [p.text for c in document.comments for p in c.paragraphs])


def test_with_transcript_puts_entries_under_their_turns(sample: Transcript) -> None:
    text = export_notes(sample, sample_annotations(sample), "txt", NAMES, with_transcript=True, only="bookmarked")
    assert [line for line in text.splitlines() if line.startswith("===")] == ["=== Q1 ===", "=== Q3 ==="]
    assert "Lavrov (turn 2): So what?\n\n    >> Bookmark\n" in text
    full = export_notes(sample, sample_annotations(sample), "md", NAMES, with_transcript=True)
    assert full.count("\n## Q") == sum(1 for e in sample.exchanges if e.number) and full.endswith(
        "*Note*\n\n> words no longer in the text\n\nFrom an earlier version.\n")
    with pytest.raises(ValueError, match="not csv"):
        export_notes(sample, [], "csv", with_transcript=True)


def test_unknown_format_or_selection_is_refused(sample: Transcript) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export_notes(sample, [], "odt")
    with pytest.raises(ValueError, match="not text"):
        export_notes(sample, [], "docx")
    with pytest.raises(ValueError, match="unknown selection"):
        export_notes(sample, [], "txt", only="everything")


def test_times_are_given_where_the_layout_has_them() -> None:
    timed = parse_text("[00:00:02] Keir Simmons: Minister, thank you.\n[00:00:05] Sergey Lavrov: You are welcome.\n"
                       "[00:01:05] Keir Simmons: Do you trust him?\n[01:02:09] Sergey Lavrov: Why would I not?\n"
                       "[01:02:30] Keir Simmons: Thank you.\n")
    answer = next(t for t in timed.turns if t.text.startswith("Why"))
    note = new_annotation(Kind.HIGHLIGHT, make_anchor(timed, answer.index, 0, 3), id="timed", created=WHEN)
    text = export_notes(timed, [note], "txt")
    assert ", turn 4 · Sergey Lavrov · 1:02:09 · Highlight (yellow)\n" in text
    row = next(csv.DictReader(io.StringIO(export_notes(timed, [note], "csv"))))
    assert row["time"] == "1:02:09"


def test_every_csv_cell_that_could_be_a_formula_is_text(sample: Transcript) -> None:
    hostile = [new_annotation(Kind.NOTE, make_anchor(sample, 3, 0, 10), note="-2+3+cmd|' /C calc'!A0",
                              tags=["@SUM(A1)"], id='=HYPERLINK("http://x","y")'),
               new_annotation(Kind.NOTE, make_anchor(sample, 4, 0, 10), note="\tTAB", id="+1"),
               new_annotation(Kind.NOTE, make_anchor(sample, 5, 0, 10), note="\rCR", id="-1")]
    rows = list(csv.reader(io.StringIO(export_notes(sample, hostile, "csv"), newline="")))[1:]
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert {r[0] for r in rows} == {"'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-1"}
    assert "'-2+3+cmd|' /C calc'!A0" in cells


def test_markdown_shows_list_rule_and_entity_openings_as_written(sample: Transcript) -> None:
    note = "1. not a list\n- nor this\n---\n&amp; stays\n2) nor this\n===\n-3 is a number"
    md = export_notes(sample, [new_annotation(Kind.NOTE, make_anchor(sample, 3, 0, 10), note=note)], "md")
    body = md.split("*Note*", 1)[1]
    assert "1\\. not a list" in body and "\\- nor this" in body and "\\---" in body
    assert "\\&amp; stays" in body and "2\\) nor this" in body and "\\===" in body and "\n-3 is a number" in body


def _by_topic(sample: Transcript) -> list[tuple[int, str, str, str]]:
    """A table of contents of three topics in two sections, beginning at the notes' first, second and fourth
    turns; titles that need escaping."""
    turns = sorted({sample.turn_by_id[a.anchor.turn_id].index for a in sample_annotations(sample) if not a.detached})
    starts = [turns[1], turns[3]]
    return [(0, "Kerry & <Lavrov>", "Kerry & <Lavrov>", "Kerry & <Lavrov>"),
            (starts[0], "Kerry & <Lavrov>", "Seized property", "Seized property"),
            (starts[1], "Snowden", "Extradition", "Snowden › Extradition")]


def test_an_export_by_topic_puts_each_note_under_its_section_and_topic(sample: Transcript) -> None:
    notes, parts = sample_annotations(sample), _by_topic(sample)
    text = export_notes(sample, notes, "txt", NAMES, contents=parts)
    headings = [line for line in text.splitlines() if line.startswith(("===", "---"))]
    assert headings == ["=== Kerry & <Lavrov> ===", "--- Seized property ---", "=== Snowden ===",
                        "--- Extradition ---", "=== Detached ==="]
    entries = [line.split(" · ")[0] for line in text.splitlines() if line.startswith(("Q", "Detached"))]
    assert entries == [line.split(" · ")[0] for line in export_notes(sample, notes, "txt", NAMES).splitlines()
                       if line.startswith(("Q", "Detached"))]  # the same entries, in the same order
    markdown = export_notes(sample, notes, "md", NAMES, contents=parts)
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == [
        "## Kerry & \\<Lavrov\\>", "## Snowden", "## Detached"]
    assert markdown.count("\n### ") == 2 and markdown.count("\n#### ") == len(notes)
    page = export_notes(sample, notes, "html", NAMES, contents=parts)
    assert "<h2>Kerry &amp; &lt;Lavrov&gt;</h2>" in page and page.count("<h4>") == len(notes)
    rows = list(csv.reader(io.StringIO(export_notes(sample, notes, "csv", NAMES, contents=parts))))
    assert rows[0][-2:] == ["section", "topic"] and rows[-1][-2:] == ["", ""]  # the detached note: in none
    assert {tuple(row[-2:]) for row in rows[1:-1]} == {(s, t) for _, s, t, _ in parts}
    document = docx.Document(io.BytesIO(export_bytes(sample, notes, "docx", NAMES, contents=parts)))
    assert [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")] == [
        ("Heading 1", "Kerry & <Lavrov>"), ("Heading 2", "Seized property"), ("Heading 1", "Snowden"),
        ("Heading 2", "Extradition"), ("Heading 1", "Detached")]
    assert json.loads(export_notes(sample, notes, "json", NAMES, contents=parts)) == json.loads(
        export_notes(sample, notes, "json", NAMES))


def test_an_export_by_topic_names_no_one_when_pseudonymised(sample: Transcript) -> None:
    parts = [(0, "Lavrov on Kerry", "Lavrov on Kerry", "Lavrov on Kerry")]
    text = export_notes(sample, sample_annotations(sample), "txt", NAMES, contents=parts, pseudonymise=True)
    assert "Lavrov" not in text and "=== Interviewee 1 on Kerry ===" in text


def test_an_export_with_the_transcript_by_topic_writes_the_titles_where_they_begin(sample: Transcript) -> None:
    parts = _by_topic(sample)
    text = export_notes(sample, sample_annotations(sample), "txt", NAMES, with_transcript=True, contents=parts)
    titles = [line for line in text.splitlines() if line.startswith("--- ")]
    assert titles == ["--- Kerry & <Lavrov> ---", "--- Seized property ---", "--- Snowden › Extradition ---"]
    assert text.index("--- Seized property ---") < text.index(f"(turn {parts[1][0] + 1}): ")
    markdown = export_notes(sample, sample_annotations(sample), "md", NAMES, with_transcript=True, contents=parts)
    assert "\n### Snowden › Extradition\n" in markdown
    document = docx.Document(io.BytesIO(export_bytes(sample, sample_annotations(sample), "docx", NAMES,
                                                     with_transcript=True, contents=parts)))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 3"] == [t[4:-4] for t in titles]
