"""The Word export, opened with python-docx as Word would show it: the notes with their quotes (paragraphs kept),
speakers, Q numbers and tags; with the transcript, every note a comment beside the words it quotes."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from reader.cli import main
from reader.core.model import Transcript
from reader.core.notes.export import export_bytes, format_of
from reader.core.notes.store import AnnotationStore
from tests.core.test_export import NAMES, sample_annotations


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def commented_words(document: docx.document.Document) -> dict[int, str]:
    """The words each comment is anchored on, by comment id, read from the document's XML as Word reads it."""
    body = document.element.body
    out: dict[int, str] = {}
    open_ids: set[int] = set()
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for i in open_ids:
                out[i] = out.get(i, "") + (element.text or "")
        elif element.tag == qn("w:p"):
            for i in open_ids:
                out[i] = out.get(i, "") + "\n"
    return out


def test_notes_alone_give_quotes_speakers_exchanges_and_tags(sample: Transcript) -> None:
    document = open_docx(export_bytes(sample, sample_annotations(sample), "docx", NAMES))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Notes on Foreign Minister Sergey Lavrov’s interview with NBC, Moscow, July 21, 2017"
    assert document.paragraphs[0].style.name == "Title"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == ["Q1, turn 2 · Lavrov", "Q2, turn 4 · Lavrov", "Q3, turn 5 (whole exchange) · Question"]
    assert headings[-1] == "Detached"
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    assert "But with John Kerry for example – we laughed a lot." in [p.text for p in quotes]
    assert "Tags: Kerry, US relations" in texts and "Status: On the record" in texts
    kerry = next(p for p in quotes if p.text.startswith("But with John Kerry"))
    assert kerry.runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_a_quote_keeps_its_paragraph_break(sample: Transcript) -> None:
    two = next(a for a in sample_annotations(sample) if "\n\n" in a.anchor.exact)
    document = open_docx(export_bytes(sample, [two], "docx", NAMES))
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes == [" ".join(part.split()) for part in two.anchor.exact.split("\n\n")]


def test_with_the_transcript_each_note_is_a_comment_on_its_words(sample: Transcript) -> None:
    annotations = sample_annotations(sample)
    document = open_docx(export_bytes(sample, annotations, "docx", NAMES, with_transcript=True))
    texts = [p.text for p in document.paragraphs]
    assert "Lavrov (turn 2): So what?" in texts
    assert sum(1 for p in document.paragraphs if p.style.name == "Heading 2" and p.text.startswith("Q")) == sum(
        1 for e in sample.exchanges if e.number)
    comments = {c.comment_id: [p.text for p in c.paragraphs] for c in document.comments}
    assert len(comments) == 6  # the detached one has no words to stand beside: it is listed at the end
    anchored = commented_words(document)
    kerry = next(i for i, lines in comments.items() if "Warm words about Kerry." in lines)
    assert anchored[kerry] == "But with John Kerry for example – we laughed a lot."
    assert comments[kerry] == ["Highlight (yellow)", "Warm words about Kerry.", "Tags: Kerry, US relations",
                               "Status: On the record"]
    across = next(i for i, lines in comments.items() if any(line.startswith("Check <script>") for line in lines))
    two = next(a for a in annotations if "\n\n" in a.anchor.exact)
    assert anchored[across].split("\n") == two.anchor.exact.split("\n\n")  # from one paragraph into the next
    bookmark = next(i for i, lines in comments.items() if lines == ["Bookmark"])
    assert anchored[bookmark] == "Lavrov (turn 2): So what?"  # a whole turn
    assert texts[-1] == "From an earlier version."


def test_the_extension_names_the_format() -> None:
    assert [format_of(n) for n in ("a.md", "b.DOCX", "c.markdown", "d.htm", "e", "f.notes", "g.md.txt")] == [
        "md", "docx", "md", "html", None, None, "txt"]


def test_the_command_line_writes_a_word_file_named_so(sample: Transcript, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    notes = AnnotationStore(tmp_path / "data").open(sample)
    for annotation in sample_annotations(sample)[:3]:
        notes.add(annotation)
    assert notes.save()
    out = tmp_path / "notes.docx"
    assert main(["export", "--data-dir", str(tmp_path / "data"), "-o", str(out)]) == 0
    assert "Q1, turn 2 · Sergey Lavrov" in [p.text for p in open_docx(out.read_bytes()).paragraphs]
    assert main(["export", "--data-dir", str(tmp_path / "data"), "--format", "docx"]) == 2
    assert "written to a file" in capsys.readouterr().err
