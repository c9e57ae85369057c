"""Notes as a Word document, for essays and articles: students and journalists write in Word.

Without the transcript, one entry per annotation: a heading with its place and speaker, the quote (its
paragraphs kept, highlights in their colour), the note, tags and status. With the transcript, its text by
exchange with every note beside its turn as a Word comment, anchored on the quoted words themselves (or on the
whole turn for a bookmark), the quoted words of a highlight marked in its colour: what Word shows in its
margin, and what a reviewer's notes look like. `reader.core.notes.export` decides what goes in.

Written with python-docx, over its own template, so the document opens in Word, LibreOffice and Pages.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reader.core.notes.annotations import Kind, Scope
from reader.core.notes.export_formats import Entry, ExchangeText, Header, TurnText, grouped_by_contents

# The nearest of Word's few highlight colours to each of ours.
HIGHLIGHTS = {"yellow": WD_COLOR_INDEX.YELLOW, "green": WD_COLOR_INDEX.BRIGHT_GREEN,
              "blue": WD_COLOR_INDEX.TURQUOISE, "pink": WD_COLOR_INDEX.PINK}
AUTHOR = "Transcript Reader"
PARAGRAPH_BREAK = "\n\n"  # between the paragraphs of Turn.text, which anchor offsets count in


def _kind_label(e: Entry) -> str:
    a = e.annotation
    label = a.kind.value.capitalize()
    return f"{label} ({a.colour})" if a.kind is Kind.HIGHLIGHT and a.colour else label


def render_docx(head: Header, items: list[Entry], text: list[ExchangeText] | None, *, exact: bool = True) -> bytes:
    """The document's bytes. `exact`: the turns' paragraphs are the file's own words, so a comment can mark the
    quoted words (not so when names were pseudonymised: then it marks the whole turn)."""
    doc = Document()
    doc.core_properties.title = f"Notes on {head.title}"
    doc.core_properties.author = ""
    doc.core_properties.comments = "Exported by Transcript Reader"
    doc.add_heading(f"Notes on {head.title}", level=0)
    for key, value in (("Date", head.date), ("Place", head.place), ("File", head.file),
                       ("Annotations", str(len(items)))):
        if value:
            line = doc.add_paragraph()
            line.add_run(f"{key}: ").bold = True
            line.add_run(value)
    if text is None:
        grouped = grouped_by_contents(items)
        level = 3 if any(section for section, _, _ in grouped) else 2
        for section, topic, e in grouped:
            if section:
                doc.add_heading(section, level=1)
            if topic:
                doc.add_heading(topic, level=2)
            _entry(doc, e, " · ".join(p for p in (e.place, e.speaker) if p), level)
    else:
        for exchange in text:
            doc.add_heading(exchange.label, level=2)
            for turn in exchange.turns:
                if turn.heading:
                    doc.add_heading(turn.heading, level=3)
                _turn(doc, turn, exact)
        detached = [e for e in items if e.turn is None]
        if detached:
            doc.add_heading("Detached", level=2)
            for e in detached:
                _entry(doc, e, None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _entry(doc: WordDocument, e: Entry, heading: str | None, level: int = 2) -> None:
    a = e.annotation
    if heading:
        doc.add_heading(heading, level=level)
    meta = doc.add_paragraph()
    meta.add_run(" · ".join(p for p in (_kind_label(e), e.time) if p)).italic = True
    for name, paragraph in [(f"{name}: ", words) for name, words in e.voices] or \
            [("", p) for p in e.quote_paragraphs]:  # a passage: each speaker's words after their name
        quote = doc.add_paragraph(style="Quote")
        if name:
            quote.add_run(name).bold = True
        run = quote.add_run(paragraph)
        if a.kind is Kind.HIGHLIGHT and a.colour in HIGHLIGHTS:
            run.font.highlight_color = HIGHLIGHTS[a.colour]
    _facts(doc.add_paragraph, e)


def _facts(add_paragraph: Callable[..., Paragraph], e: Entry) -> None:
    """The note (its own line breaks kept), tags and status, each a paragraph from `add_paragraph` (a document's
    or a comment's)."""
    a = e.annotation
    if a.note:
        note = add_paragraph()
        for i, line in enumerate(a.note.splitlines()):
            if i:
                note.add_run().add_break()
            note.add_run(line)
    if a.tags:
        tags = add_paragraph()
        tags.add_run("Tags: ").bold = True
        tags.add_run(", ".join(a.tags))
    if a.status:
        status = add_paragraph()
        status.add_run("Status: ").bold = True
        status.add_run(a.status.label)


def _turn(doc: WordDocument, turn: TurnText, exact: bool) -> None:
    """A turn's paragraphs, cut into runs where a note's words start and end, and each note as a comment."""
    full = PARAGRAPH_BREAK.join(turn.paragraphs)
    spans = [_span(e, len(full), exact) for e in turn.entries]
    starts, pos = [], 0
    for paragraph in turn.paragraphs:
        starts.append(pos)
        pos += len(paragraph) + len(PARAGRAPH_BREAK)
    cuts = sorted({0, len(full), *(s for span in spans for s in span)})
    runs: list[tuple[int, int, Run]] = []  # offsets in `full` of each run of the turn's words
    first_runs: list[Run] = []
    for number, (paragraph, start) in enumerate(zip(turn.paragraphs, starts, strict=True)):
        line = doc.add_paragraph()
        if number == 0:
            when = f" [{turn.time}]" if turn.time else ""
            label = line.add_run(f"{turn.speaker}{when}")
            label.bold = True
            first_runs.append(label)
            first_runs.append(line.add_run(f" (turn {turn.number}): "))
        end = start + len(paragraph)
        edges = [start, *(c for c in cuts[bisect_right(cuts, start):] if c < end), end]
        for lo, hi in pairwise(edges):
            if hi > lo:
                runs.append((lo, hi, line.add_run(full[lo:hi])))
    for (lo, hi, run) in runs:
        colours = [e.annotation.colour for e, (s, t) in zip(turn.entries, spans, strict=True)
                   if e.annotation.kind is Kind.HIGHLIGHT and s <= lo and hi <= t and e.annotation.colour]
        if colours:
            run.font.highlight_color = HIGHLIGHTS.get(colours[-1], WD_COLOR_INDEX.YELLOW)
    for e, (s, t) in zip(turn.entries, spans, strict=True):
        covered = [run for lo, hi, run in runs if s <= lo and hi <= t]
        if not covered or (s, t) == (0, len(full)):
            covered = first_runs + [run for _lo, _hi, run in runs]
        comment = doc.add_comment(covered, text="", author=AUTHOR, initials="TR")
        heading = comment.paragraphs[0]
        heading.add_run(_kind_label(e)).bold = True
        if e.annotation.anchor.scope is Scope.EXCHANGE:
            heading.add_run(f" of {e.exchange}")
        _facts(comment.add_paragraph, e)


def _span(e: Entry, length: int, exact: bool) -> tuple[int, int]:
    """Where a note's words are in its turn's text: its anchor's offsets, else (whole turn, or not `exact`) all."""
    anchor = e.annotation.anchor
    if exact and anchor.scope is Scope.TEXT and 0 <= anchor.start < anchor.end <= length:
        return anchor.start, anchor.end
    return 0, length
