"""What a Word transcript's markup says about its speakers, and the text and blocks it becomes.

- A cover page (see `docx_cover`) becomes metadata and furniture, never turns; the core properties' title and
  creation date are the fallback.
- When the markup or the service's time stamps name the speakers, the turns are given as structured blocks:
  a bold label opening a paragraph (`**Maria:** text`), a bold name alone above its paragraphs, a
  `Speaker 1  00:00:05` line as Otter and Rev write them, `Speaker 1: text (00:59)`, `[00:01:05] Ann: text`,
  or a table of time, speaker and text columns. Times become the turns' start times and are set aside as
  TIMING, never left in the text. A plain `Name:` label also opens a turn there when the name recurs or is
  one the markup named.
- Otherwise the paragraphs are handed to the layouts as text (one block each, soft line breaks kept), Heading
  paragraphs set aside as HEADING blocks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from reader.core.containers import Block, BlockKind, Extracted
from reader.core.containers.docx import NAME, Document, Paragraph, Table
from reader.core.containers.docx_cover import cover, titlelike
from reader.core.formats.dates import clock_time, iso_date
from reader.core.formats.label_styles import QUESTION_NUMBER, question_answer_speakers
from reader.core.formats.print_interview import Sides, bold_questions
from reader.core.model import Span

_TIME = r"(?<![\d:])(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?(?![\d:])"
_NAME = r"[^\W\d_][\w.'’\-]*(?:[ \t]{1,2}[\w.'’\-]+){0,4}"
# A line that is only a speaker and a time: `Speaker 1  00:00:05`, `Jane Doe (00:03):`, `[00:00:05] Speaker 1`.
_NAME_TIME_LINE = re.compile(rf"[ \t]*(?P<name>{_NAME})[ \t]*[\[(]?(?P<time>{_TIME})[\])]?[ \t]*:?[ \t]*")
_TIME_NAME_LINE = re.compile(rf"[ \t]*[\[(]?(?P<time>{_TIME})[\])]?[ \t]+(?P<name>{_NAME})[ \t]*:?[ \t]*")
# A speaker and a time opening the words: `Jane (00:03): text`, `[00:01:05] Ann: text`.
_NAME_TIME_TEXT = re.compile(rf"[ \t]*(?P<name>{_NAME})[ \t]*[\[(](?P<time>{_TIME})[\])][ \t]*:[ \t]+(?=\S)")
_TIME_NAME_TEXT = re.compile(rf"[ \t]*[\[(](?P<time>{_TIME})[\])][ \t]*(?P<name>{_NAME}):[ \t]+(?=\S)")
# `Speaker 1: text (00:59)`: the time closes the paragraph.
_NAME_TEXT_TIME = re.compile(rf"[ \t]*(?P<name>{_NAME}):[ \t]+\S.*?(?P<time>[\[(]{_TIME}[\])])[ \t]*", re.DOTALL)
# A select committee's question number may come before the label (`Q12<tab>Chair:`): part of the label's mark.
_LABEL = re.compile(rf"[ \t]*(?P<number>{QUESTION_NUMBER.pattern})?(?P<name>{_NAME})[ \t]*:")
_TIME_CELL = re.compile(rf"[ \t]*[\[(]?(?P<time>{_TIME})[\])]?(?:[ \t]*(?:-|–|-->)[ \t]*[\[(]?{_TIME}[\])]?)?[ \t]*")

_HEADER_ROW = re.compile(r"(?:(?:time(?:code|stamp)?|start|end|in|out|speaker|name|who|text|transcript|dialogue|"
                         r"words|utterance|content)[ \t]*)+", re.IGNORECASE)
# A transcription service's note under the transcript.
_SERVICE_NOTE = re.compile(r"[ \t]*(?:transcribed|transcription|generated|produced) (?:by|with|using)\b.{0,200}",
                           re.IGNORECASE | re.DOTALL)
_SENTENCE_ENDS = (".", "?", "!", ":", ";", '"', "”", "’", ")", "]", "…", "-", "—")



@dataclass(frozen=True)
class _Opening:
    """Where a paragraph names its speaker: the name's span, the time's, and where the words begin (relative
    to the paragraph)."""

    name: str
    name_span: Span
    body_start: int
    seconds: float | None = None
    time_span: Span | None = None
    alone: bool = False  # a bold name that is the whole paragraph


def seconds(clock: str) -> float:
    parts = clock.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


class _Writer:
    """Text with blocks: each paragraph or table row a block, blank lines between."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.at = 0
        self.blocks: list[Block] = []
        self.last, self.last_start = "", 0  # the block written last, for slicing without joining the text
        self.previous: Paragraph | None = None  # the body paragraph written last, if the last thing written

    def add_paragraph(self, p: Paragraph) -> tuple[int, bool]:
        """Appends a body paragraph; returns where it starts and whether it goes on with the paragraph before
        it, as a line hard-wrapped into paragraphs of its own does (pasted text, typed line breaks)."""
        wrapped = _wraps_on(self.previous, p)
        start = self.add(p.text, "\n" if wrapped else "\n\n")
        self.last, self.last_start = p.text, start
        self.previous = p
        if wrapped and self.blocks and self.blocks[-1].kind is BlockKind.TEXT:
            self.blocks[-1] = replace(self.blocks[-1], span=(self.blocks[-1].span[0], self.at))
        return start, wrapped

    def add(self, text: str, separator: str = "\n\n") -> int:
        """Appends `text` as a new block (or, with the separator "\n", a line of the last); returns where it
        starts."""
        if self.parts:
            self.parts.append(separator)
            self.at += len(separator)
        self.last, self.last_start = text, self.at
        self.parts.append(text)
        self.at += len(text)
        return self.last_start

    def slice(self, start: int, end: int) -> str:
        """Text of the block written last."""
        return self.last[start - self.last_start:end - self.last_start]

    def block(self, begin: int, end: int, kind: BlockKind = BlockKind.TEXT, **fields: object) -> None:
        """A block over [start, end), less its surrounding spaces when it lies in the block written last."""
        if begin >= self.last_start:
            piece = self.slice(begin, end)
            if piece.strip():
                begin += len(piece) - len(piece.lstrip())
                end -= len(piece) - len(piece.rstrip())
        if end > begin:
            self.blocks.append(Block((begin, end), kind, **fields))  # type: ignore[arg-type]

    def text(self) -> str:
        return "".join(self.parts)


def arrange(document: Document) -> Extracted:
    body = list(document.body)
    writer = _Writer()
    metadata, cover_end = cover(body)
    for item in body[:cover_end]:
        if isinstance(item, Paragraph) and item.text.strip():
            start = writer.add(item.text)
            writer.block(start, writer.at, BlockKind.FURNITURE)
    rest = body[cover_end:]
    tables = {id(item): columns for item in rest if isinstance(item, Table) and (columns := _columns(item))}
    paragraphs = [item for item in rest if isinstance(item, Paragraph) and not item.heading]
    openings = {id(p): o for p in paragraphs if (o := _strong_opening(p))}
    marks = question_answer_speakers(o.name for o in openings.values())  # `Frage:` once, then `F:`: one speaker
    if marks:
        openings = {k: replace(o, name=marks.get(o.name, o.name)) for k, o in openings.items()}
    first = next((p for p in paragraphs if p.text.strip()), None)
    if first is not None and (o := openings.get(id(first))) and o.alone and \
            [x.name for x in openings.values()].count(o.name) == 1:
        del openings[id(first)]  # a bold line above the first speaker, never named again: the title
    structured = bool(tables) or len(openings) >= 2
    written = [p for p in paragraphs if p.text.strip()]
    sides = None if structured else bold_questions(
        [(p.text, p.all_bold) for p in written], metadata.title or document.title,
        [p.text for p in rest if isinstance(p, Paragraph) and p.heading])
    if sides is not None:
        structured = True
        _print_interview(writer, rest, sides, {id(p): n for n, p in enumerate(written)})
    elif structured:
        named = {o.name.casefold() for o in openings.values()}
        plain = [m for p in paragraphs if id(p) not in openings and (m := _LABEL.match(p.text))]
        names = [m["name"] for m in plain]
        # A name that recurs, or that a select committee's question number goes before (`Q12<tab>Dr Smith:`).
        named |= {m["name"].casefold() for m in plain if m["number"] or names.count(m["name"]) >= 2}
        turns = _Structured(writer, openings, named, tables)
        turns.write(rest)
        metadata = replace(metadata, title=metadata.title or turns.title, date=metadata.date or turns.date,
                           time=metadata.time or turns.time)
    else:
        for item in rest:
            _plain(writer, item)
    # Else the first heading of the body: a write-up's `Interview with Dr. Maria Santos`.
    first_heading = next((" ".join(p.text.split()) for p in rest if isinstance(p, Paragraph) and p.heading
                          and p.text.strip()), None)
    metadata = replace(metadata, title=metadata.title or document.title or first_heading)
    return Extracted(writer.text(), NAME, blocks=tuple(writer.blocks), structured=structured, metadata=metadata)


def _print_interview(writer: _Writer, body: list[Paragraph | Table], sides: Sides, index: dict[int, int]) -> None:
    """A print interview whose questions are bold (`print_interview`): each question a turn of the asker's, each
    answer paragraph the answerer's, a credit set aside; headings, tables and a lede as they are."""
    for item in body:
        n = index.get(id(item))
        if n is None or not isinstance(item, Paragraph):
            _plain(writer, item)
            continue
        start = writer.add(item.text)
        writer.previous = None
        if n in sides.credits:
            writer.block(start, writer.at, BlockKind.FURNITURE)
        elif n in sides.questions:
            writer.block(start, writer.at, speaker=sides.asker, asks=True)
        elif n in sides.answers:
            writer.block(start, writer.at, speaker=sides.answerer)
        else:
            writer.block(start, writer.at)


def _strong_opening(p: Paragraph) -> _Opening | None:
    """The speaker a paragraph names by its markup or a time stamp, if it does."""
    text = p.text
    first_line_end = text.find("\n") if "\n" in text else len(text)
    # The cheap tests first: a time needs a colon near the start, or a bracket closing the paragraph.
    timed = ":" in text[:80]
    # The time's span takes in its brackets and the colon after it, so nothing of the mark is left over.
    if timed and first_line_end < 80:
        m = _NAME_TIME_LINE.fullmatch(text, 0, first_line_end)
        if m:
            return _Opening(m["name"], m.span("name"), m.end(), seconds(m["time"]), (m.end("name"), m.end()))
        m = _TIME_NAME_LINE.fullmatch(text, 0, first_line_end)
        if m:
            return _Opening(m["name"], (m.start("name"), m.end()), m.end(), seconds(m["time"]),
                            (m.start(), m.start("name")))
    if timed and ("(" in text[:80] or "[" in text[:80]):
        m = _NAME_TIME_TEXT.match(text)
        if m:
            return _Opening(m["name"], m.span("name"), m.end(), seconds(m["time"]), (m.end("name"), m.end()))
        m = _TIME_NAME_TEXT.match(text)
        if m:
            return _Opening(m["name"], (m.start("name"), m.end()), m.end(), seconds(m["time"]),
                            (m.start(), m.start("name")))
    m = _NAME_TEXT_TIME.fullmatch(text) if timed and text.rstrip().endswith((")", "]")) else None
    if m:
        label = _LABEL.match(text)
        assert label is not None
        return _Opening(m["name"], label.span(), label.end(), seconds(m["time"].strip("[]()")), m.span("time"))
    lead = len(text) - len(text.lstrip())
    if p.bold_prefix:
        m = _LABEL.match(text)
        if m and m.end() <= lead + p.bold_prefix + 1:
            return _Opening(m["name"], _label_span(m), m.end())
        if p.all_bold and "\n" not in text.strip() and re.fullmatch(rf"[ \t]*{_NAME}[ \t]*", text):
            return _Opening(text.strip(), (lead, len(text.rstrip())), len(text), alone=True)
    return None


def _label_span(m: re.Match[str]) -> Span:
    """Where a `_LABEL` is written: from its question number, if it has one, to its colon."""
    return m.start("number") if m["number"] else m.start("name"), m.end()


def _wraps_on(previous: Paragraph | None, p: Paragraph) -> bool:
    """`p` is the next line of `previous`'s sentence: it ended mid-sentence and `p` opens in lower case."""
    if previous is None or p.heading or not p.text.strip():
        return False
    return not previous.text.rstrip().endswith(_SENTENCE_ENDS) and p.text.lstrip()[:1].islower()


def _plain(writer: _Writer, item: Paragraph | Table) -> None:
    if isinstance(item, Table):
        writer.previous = None
        for row in item.rows:
            if any(cell.strip() for cell in row):
                start = writer.add("\t".join(row))
                writer.block(start, writer.at)
        return
    if not item.text.strip():
        return
    if item.heading:
        writer.previous = None
        start = writer.add(item.text)
        writer.block(start, writer.at, BlockKind.HEADING, level=item.heading)
        return
    start, wrapped = writer.add_paragraph(item)
    if not wrapped:
        writer.block(start, writer.at)


def _columns(table: Table) -> tuple[int | None, int | None, int] | None:
    """(time, speaker, text) column numbers when the table is a transcript; None when it is not."""
    # The rows of the table's usual width: a title row spanning the columns is furniture.
    width = Counter(len(row) for row in table.rows).most_common(1)[0][0] if table.rows else 0
    rows = [row for row in table.rows if len(row) == width]
    if len(rows) < 2 or width < 2:
        return None
    body = rows[1:] if not any(_TIME_CELL.fullmatch(cell) for cell in rows[0]) else rows

    def share(test: Callable[[str], object], col: int) -> float:
        return sum(1 for row in body if test(row[col])) / len(body)

    time_col = next((c for c in range(width) if share(lambda s: _TIME_CELL.fullmatch(s), c) >= 0.6), None)
    others = [c for c in range(width) if c != time_col]
    if not others:
        return None
    text_col = max(others, key=lambda c: sum(len(row[c]) for row in body))
    names = [c for c in others if c != text_col
             and share(lambda s: 0 < len(s.split()) <= 5 and "\n" not in s, c) >= 0.6]
    speaker_col = names[0] if names else None
    if speaker_col is None and time_col is None:
        return None
    return time_col, speaker_col, text_col


class _Structured:
    """Writes the body as structured blocks: each TEXT block names its speaker when it opens a turn."""

    def __init__(self, writer: _Writer, openings: dict[int, _Opening], named: set[str],
                 tables: dict[int, tuple[int | None, int | None, int]]):
        self.writer, self.openings, self.named, self.tables = writer, openings, named, tables
        self.pending: tuple[str, Span, float | None] | None = None  # a label alone, waiting for its words
        self.started = False  # a speaker has been named
        self.title: str | None = None  # a title line above the first speaker (Otter writes the call's name)
        self.date: str | None = None  # ... and the line under it that dates the call (Otter, Teams)
        self.time: str | None = None

    def write(self, body: list[Paragraph | Table]) -> None:
        for item in body:
            if isinstance(item, Table):
                if id(item) in self.tables:
                    self.table(item, self.tables[id(item)])
                else:
                    self.flush()
                    _plain(self.writer, item)
            elif item.heading and item.text.strip():
                self.flush()
                _plain(self.writer, item)
            elif item.text.strip():
                self.paragraph(item)
        self.flush()

    def flush(self) -> None:
        """A label that no words followed is kept, as furniture."""
        if self.pending:
            self.writer.block(*self.pending[1], BlockKind.FURNITURE)
            self.pending = None

    def paragraph(self, p: Paragraph) -> None:
        w = self.writer
        opening = self.openings.get(id(p))
        if opening is None and (m := _LABEL.match(p.text)) and m["name"].casefold() in self.named:
            opening = _Opening(m["name"], _label_span(m), m.end())
        if opening is not None:
            w.previous = None  # a speaker's label never continues the line before
        base, wrapped = w.add_paragraph(p)
        if wrapped and w.blocks and w.blocks[-1].span[1] == w.at:
            return  # the previous paragraph's block now reaches over this line
        if opening is None and _SERVICE_NOTE.fullmatch(p.text):
            w.block(base, w.at, BlockKind.FURNITURE)
            return
        if opening is None and not self.started and titlelike(replace(p, bold_prefix=len(p.text))):
            w.block(base, w.at, BlockKind.FURNITURE)
            line = " ".join(p.text.split())
            if self.title is None:
                self.title = line
            elif self.date is None and len(line) <= 80 and (date := iso_date(line)):
                self.date, self.time = date, clock_time(line)  # under the title: `March 12, 2024, 10:03AM`
            return
        if opening is not None:
            self.started = True
            self.flush()
            if opening.time_span:
                w.block(base + opening.time_span[0], base + opening.time_span[1], BlockKind.TIMING)
            label = (base + opening.name_span[0], base + opening.name_span[1])
            self.pending = (opening.name, label, opening.seconds)
            closing = opening.time_span and opening.time_span[0] >= opening.body_start  # `text (00:59)`
            self.words(base + opening.body_start, base + opening.time_span[0] if closing else w.at)  # type: ignore[index]
        else:
            self.words(base, w.at)

    def words(self, start: int, end: int) -> None:
        if not self.writer.slice(start, end).strip():
            return
        if self.pending:
            name, label, start_time = self.pending
            self.pending = None
            self.writer.block(start, end, speaker=name, label_span=label, start=start_time)
        else:
            self.writer.block(start, end)

    def table(self, table: Table, columns: tuple[int | None, int | None, int]) -> None:
        time_col, speaker_col, text_col = columns
        self.writer.previous = None
        for row in table.rows:
            if not any(c.strip() for c in row):
                continue
            cells = [cell.replace("\n", " ") for cell in row]
            base = self.writer.add("\n".join(cells))
            if len(row) <= max(c for c in columns if c is not None):  # a title row over the columns
                self.writer.block(base, self.writer.at, BlockKind.FURNITURE)
                continue
            offsets = []
            at = base
            for cell in cells:
                offsets.append((at, at + len(cell)))
                at += len(cell) + 1
            time_match = _TIME_CELL.fullmatch(row[time_col]) if time_col is not None else None
            if _HEADER_ROW.fullmatch(" ".join(cells)):  # `Time | Speaker | Text`: furniture
                self.writer.block(base, self.writer.at, BlockKind.FURNITURE)
                continue
            if time_match:
                self.writer.block(*offsets[time_col], BlockKind.TIMING)  # type: ignore[index]
            for col in range(len(cells)):
                if col not in (time_col, speaker_col, text_col):
                    self.writer.block(*offsets[col], BlockKind.FURNITURE)
            name = cells[speaker_col].strip() if speaker_col is not None else ""
            if name:
                self.started = True
                self.pending = (name, (offsets[speaker_col][0], offsets[speaker_col][1]),  # type: ignore[index]
                                seconds(time_match["time"]) if time_match else None)
            self.words(*offsets[text_col])
            self.flush()
