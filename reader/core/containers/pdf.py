"""A PDF with a text layer: hearing, court and oral-history transcripts.

The text is laid out as the page shows it, line by line in reading order (top to bottom, left to right; a page
set in columns, the left column and then the next: `_columns`), with the indentation written as spaces and
a blank line where the page leaves a gap between paragraphs; pages are separated by a form feed. That is the
text a court reporter's file or a typed transcript would be, so the layouts read it as they read those: the
court layout takes margin line numbers, page numbers and the cover page, the labelled layout `Name: text`
paragraphs.

What repeats at the top or bottom of every page (a reporting company's name, a draft notice, `Page 3 of 40`,
a bare page number) is running furniture: marked as FURNITURE blocks, so no layout mistakes it for speech.

A word hyphenated across a line end (PDFium tells such a hyphen from others) is written whole on its first
line, so that it reads, is found and is quoted as one word: "every-" and "body" make "everybody" where that is a
word of general usage, and "well-" and "known" make "well-known" where both halves are and the whole is not, as
"Franco-" and "German" make "Franco-German". A syllable split ("unprec-" and "edented") is joined without its
hyphen. So is a word broken at the foot of a page, with the first words of the next page past its running
header.

The library is pypdfium2 (PDFium, the PDF engine of Chrome): on a 200-page hearing it reads the text layer in
about a third of a second, where pypdf takes close to two seconds and pdfminer.six over ten. PDFium is not
thread-safe, so one lock serialises its use.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from reader.core.containers import Block, BlockKind, ContainerError, Extracted, sniffing
from reader.core.model import Metadata

NAME = "pdf"
sniff = sniffing.pdf  # what kind a file is: told apart without importing this module

_LOCK = threading.Lock()
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running furniture
_MARGIN_NUMBER = re.compile(r"(\d{1,2})(?= )")
_DIGITS = re.compile(r"\d+")
_SENTENCE_ENDS = (".", "?", "!", '"', "”", ")", "]", ":", "-", "—")
# `Microsoft Word - hearing.docx`, `untitled`: titles that name the file, not the transcript.
_FILE_TITLE = re.compile(r"^(?:microsoft \w+ - .*|.*\.(?:docx?|rtf|txt|odt|pdf|wpd)|untitled.*)$", re.IGNORECASE)

# PDFium's load errors (FPDF_GetLastError) in words for the user.
_LOAD_ERRORS = {
    4: "an encrypted PDF that needs a password; open it in a PDF viewer and save a copy without one",
    5: "an encrypted PDF whose protection this reader cannot open",
    2: "a PDF that cannot be read",
}
_DAMAGED = "a damaged PDF (cannot be read; it may be incomplete or corrupt)"
_SCANNED = "a scanned PDF with no text layer; this reader does no OCR"


@dataclass(frozen=True, slots=True)
class _Line:
    """A line on a page: where it starts, the baseline it sits on, and its text with indentation as spaces."""

    left: float  # points
    bottom: float
    char_width: float  # points, the median of the page's lines
    text: str


def extract(data: bytes) -> Extracted:
    import pypdfium2

    with _LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise ContainerError(_LOAD_ERRORS.get(getattr(exc, "err_code", None) or 0, _DAMAGED)) from exc
        try:
            pages = [_page_lines(page) for page in document]
            info = document.get_metadata_dict()
            running = _running(pages)
            pages = _across_pages(pages, running)
            if _scanned(document, pages, running):
                raise ContainerError(_SCANNED)
        except pypdfium2.PdfiumError as exc:
            raise ContainerError(_DAMAGED) from exc
        finally:
            document.close()
    text, blocks = _render(pages, running)
    title = " ".join((info.get("Title") or "").split())
    metadata = Metadata(title=title if title and not _FILE_TITLE.match(title) else None)
    return Extracted(text, NAME, blocks=tuple(blocks), metadata=metadata)


def _scanned(document: Any, pages: list[list[_Line]], running: set[str]) -> bool:
    """No text, or, on pages that are pictures, no more than a scanner's stamp or a page number. (A page of
    text that only looks like running furniture, a few numbers, is text all the same when it is no picture.)"""
    if not any(pages):
        return True
    words = sum(len(line.text.split()) for lines in pages for line in lines if _shape(line.text) not in running)
    if words > 3 * len(pages):
        return False
    import pypdfium2.raw

    return any(next(iter(page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None)
               for page in document)


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines in reading order. PDFium gives the text in the order it is drawn, a line break where
    the baseline changes; each line is placed by its characters' boxes and the lines sorted top to bottom,
    so a page that draws its margin numbers apart from the text still reads line by line."""
    textpage = page.get_textpage()
    try:
        # PDFium marks a hyphen that ends a line with U+FFFE (and joins the lines): a soft hyphen until the
        # word is made whole (the same length, so the offsets of the characters' boxes hold).
        raw = textpage.get_text_range().replace("\ufffe", _SOFT)
        pieces: list[tuple[float, float, float, float, str]] = []  # left, right, bottom, top, text
        at = 0
        for line in re.split(r"\r\n|\r|\n", raw):
            first = len(line) - len(line.lstrip())
            stripped = line.strip()
            if stripped:
                _pieces(textpage, at + first, stripped, pieces)
            at += len(line) + (2 if raw.startswith("\r\n", at + len(line)) else 1)
    finally:
        textpage.close()
    return _whole_words([line for column in _columns(pieces) for line in _lines(column)])


_SOFT = "\u00ad"
_SUSPENDED = frozenset({"and", "or", "to", "und", "oder", "bis", "et", "ou", "y", "o"})
PARAGRAPH_GAP = 1.5  # times the page's usual distance between lines: the gap before a new paragraph
_HYPHENATED = re.compile(rf"([^\W\d_]+){_SOFT}$")
_CONTINUED = re.compile(r"([^\W\d_]+)(\S*)\s*")  # the rest of the word, what sticks to it ("known?"), the space


@functools.cache
def _common_words() -> frozenset[str]:
    from reader.core.topics.common_words import BANDS

    return frozenset(word for words in BANDS.values() for word in words.split())


def _whole_words(lines: list[_Line]) -> list[_Line]:
    """The page's lines with each word hyphenated across a line end written whole on its first line (see the
    module's docstring). A soft hyphen that nothing follows on the page is left for the next page
    (`_across_pages`)."""
    out: list[_Line] = []
    gaps = sorted(a.bottom - b.bottom for a, b in itertools.pairwise(lines) if a.bottom > b.bottom)
    paragraph_gap = PARAGRAPH_GAP * gaps[len(gaps) // 2] if gaps else math.inf
    for line in lines:
        # A word goes on in the same paragraph: a line after a wider gap than the page's lines have starts another.
        if out and out[-1].bottom - line.bottom < paragraph_gap and (joined := _joined(out[-1], line)):
            out[-1], line = joined
            if not line.text:
                continue
        out.append(line)
    return out


def _joined(before: _Line, after: _Line) -> tuple[_Line, _Line] | None:
    """`before` with the word it breaks off with a soft hyphen made whole from the start of `after`, and `after`
    without that start; None when there is no such word to make. A hyphen before `and` is left hanging, as
    meant: `pre- and post-war`, `Ein- und Ausgang`."""
    head = _HYPHENATED.search(before.text)
    rest = _CONTINUED.match(after.text) if head else None
    if head is None or rest is None or rest[1].lower() in _SUSPENDED:
        return None
    first, second = head[1], rest[1]
    common = _common_words()
    compound = second[0].isupper() or ((first + second).lower() not in common and first.lower() in common
                                       and second in common)
    return (replace(before, text=before.text[:head.end(1)] + ("-" if compound else "") + rest[1] + rest[2]),
            replace(after, text=after.text[rest.end():]))


def _across_pages(pages: list[list[_Line]], running: set[str]) -> list[list[_Line]]:
    """The pages with a word hyphenated at the foot of one made whole from the first words of the next (past the
    running furniture of both); then every soft hyphen left shown as the hyphen it is."""
    for before, after in itertools.pairwise(pages):
        furniture = _furniture(before, running) | _furniture(after, running)
        last = next((i for i in reversed(range(len(before))) if id(before[i]) not in furniture), None)
        first = next((i for i, line in enumerate(after) if id(line) not in furniture), None)
        if last is not None and first is not None and (joined := _joined(before[last], after[first])):
            before[last], after[first] = joined
            if not after[first].text:
                del after[first]
    return [[replace(line, text=line.text.replace(_SOFT, "-")) if _SOFT in line.text else line for line in lines]
            for lines in pages]


def _furniture(lines: list[_Line], running: set[str]) -> set[int]:
    """The ids of a page's lines that are running furniture: at its top or bottom, of a running shape."""
    return {id(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:] if _shape(line.text) in running}


def _pieces(textpage: Any, at: int, line: str, pieces: list[tuple[float, float, float, float, str]]) -> None:
    """The pieces of one of PDFium's lines (the text at `at` in the text page) with their boxes."""
    left, bottom, _, top = textpage.get_charbox(at, loose=True)
    right, last_bottom = textpage.get_charbox(at + len(line) - 1, loose=True)[2:0:-1]
    if abs(last_bottom - bottom) > 0.5 * max(top - bottom, 1.0):
        # PDFium joined text on two baselines without a break (it does, on sparse pages): split it by hand.
        _split_by_baseline(textpage, at, line, pieces)
        return
    # A margin number drawn on the text's baseline comes in one line with it: keep the gap between.
    number = _MARGIN_NUMBER.match(line)
    rest = len(line) - len(line[number.end():].lstrip()) if number else 0
    if number and rest < len(line):
        split_left = textpage.get_charbox(at + rest, loose=True)[0]
        number_right = textpage.get_charbox(at + number.end() - 1, loose=True)[2]
        pieces.append((left, number_right, bottom, top, number[1]))
        pieces.append((split_left, right, bottom, top, line[rest:]))
    else:
        pieces.append((left, right, bottom, top, line))


def _split_by_baseline(textpage: Any, at: int, line: str, pieces: list[tuple[float, float, float, float, str]]) -> None:
    run: list[tuple[float, float, float, float, str]] = []
    for i, char in enumerate(line):
        left, bottom, right, top = textpage.get_charbox(at + i, loose=True)
        if run and (abs(run[0][2] - bottom) > 0.5 * max(top - bottom, 1.0)):
            _add_run(run, pieces)
            run = []
        if char.strip() or run:
            run.append((left, right, bottom, top, char))
    _add_run(run, pieces)


def _add_run(run: list[tuple[float, float, float, float, str]], pieces: list[tuple[float, float, float, float, str]]) \
        -> None:
    text = "".join(piece[4] for piece in run).strip()
    if text:
        pieces.append((run[0][0], run[-1][1], run[0][2], run[0][3], text))


Piece = tuple[float, float, float, float, str]  # left, right, bottom, top, text
COLUMN_LINES = 4  # a column of a two-column page holds at least this many lines (a last page too)...
COLUMN_CHARS = 25  # ... most of this many characters (prose, not a table's cells or a cover's fields)
GUTTER_CHARS = 2  # ... and the gap between the columns is at least this many characters wide
_MIDDLE = (0.3, 0.7)  # the share of the text's width the gap between two columns stands in


def _columns(pieces: list[Piece]) -> list[list[Piece]]:
    """The page's pieces column by column, when its text is set in columns (a magazine's interview and a Hansard
    page in two, the Congressional Record in three): what stands above them (a title), the columns from left to
    right, each shifted to the first one's left edge (so that its indentation reads as the first's), then what
    stands below them (a page number). Any other page: its pieces as they are."""
    if len(pieces) < 2 * COLUMN_LINES:
        return [pieces]
    start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
    middle = (start + end) / 2
    if sum(p[0] < middle < p[1] for p in pieces) * 2 > len(pieces):
        return [pieces]  # most lines run across the middle: one column (the pages of most transcripts)
    lefts = sorted(p[0] for p in pieces)
    rights = sorted(p[1] for p in pieces)
    low, high = start + _MIDDLE[0] * (end - start), start + _MIDDLE[1] * (end - start)
    edges = sorted({x for x in (*lefts, *rights) if low < x < high} | {low, high})
    tolerance = max(1, len(pieces) // 20)  # a title or a page number across the gap
    best, gutter = 0.0, None
    for a, b in itertools.pairwise(edges):
        x = (a + b) / 2
        crossing = bisect.bisect_left(lefts, x) - bisect.bisect_right(rights, x)
        if crossing <= tolerance and b - a > best:
            best, gutter = b - a, x
    char_width = _char_width(pieces)
    if gutter is None or best < GUTTER_CHARS * char_width:
        return [pieces]
    left = [p for p in pieces if p[1] <= gutter]
    right = [p for p in pieces if p[0] >= gutter]
    if min(len(left), len(right)) < COLUMN_LINES or any(
            median(len(p[4]) for p in column) < COLUMN_CHARS for column in (left, right)):
        return [pieces]
    # Across both: what crosses the gap (a title), and what stands in it (a page number in the middle).
    margin = _margin(right)
    across = [p for p in pieces if p[0] < gutter < p[1]] + [p for p in right if p[0] < margin - char_width]
    right = [p for p in right if p[0] >= margin - char_width]
    top = max(p[3] for p in (*left, *right))
    shift = margin - _margin(left)
    shifted = [(le - shift, r - shift, bottom, t, text) for le, r, bottom, t, text in right]
    # Each side may be set in columns again (the Congressional Record prints three).
    return [[p for p in across if p[2] >= top], *_columns(left), *_columns(shifted), [p for p in across if p[2] < top]]


def _char_width(pieces: list[Piece]) -> float:
    """The width of a character on the page, in points: the median over its longer pieces."""
    widths = [(r - le) / len(t) for le, r, _, _, t in pieces if len(t) >= 8 and r > le]
    return median(widths) if widths else 6.0


def _margin(column: list[Piece]) -> float:
    """Where most of a column's lines start (not its page number, nor an indented first line)."""
    return Counter(round(p[0]) for p in column).most_common(1)[0][0]


def _lines(pieces: list[Piece]) -> list[_Line]:
    """Pieces on one baseline joined left to right, the gaps between them written as spaces."""
    if not pieces:
        return []
    char_width = _char_width(pieces)
    pieces.sort(key=lambda p: (-round(p[2]), p[0]))
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for piece in pieces:
        if rows and abs(rows[-1][0][2] - piece[2]) < 0.5 * max(piece[3] - piece[2], 1.0):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    lines = []
    for row in rows:
        row.sort(key=lambda p: p[0])
        text = row[0][4]
        for (_, right, _, _, _), (left, _, _, _, words) in itertools.pairwise(row):
            text += " " * max(1, round((left - right) / char_width)) + words
        lines.append(_Line(row[0][0], row[0][2], char_width, text))
    return lines


def _shape(text: str) -> str:
    """A line with its numbers and spacing made alike, so `Page 3 of 40` on page 3 matches `Page 4 of 40`."""
    return " ".join(_DIGITS.sub("#", text).split()).casefold()


def _running(pages: list[list[_Line]]) -> set[str]:
    """Shapes of the lines that stand at a page's top or bottom on most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        counts.update({_shape(line.text) for line in edges})
    # A bare number needs every page (or nearly): an empty margin-numbered line can end a page too.
    needed = max(2, round(0.6 * len(pages)))
    bare = max(2, math.ceil(0.9 * len(pages)))
    return {shape for shape, n in counts.items() if n >= (bare if shape == "#" else needed)}


def _render(pages: list[list[_Line]], running: set[str]) -> tuple[str, list[Block]]:
    """The pages as text (indentation from the page's left edge, a blank line at a paragraph gap, a form feed
    between pages) and the running furniture's blocks.

    When a page ends in the middle of a sentence, the furniture between it and the next page's words is
    written after the paragraph instead (at its next gap, or the next page break): the layouts see furniture
    as blank space, and a line of it inside the paragraph would cut it in two."""
    writer = _Writer()
    lefts = [line.left for lines in pages for line in lines]
    page_left = min(lefts) if lefts else 0.0
    widths = [line.char_width for lines in pages for line in lines]
    char_width = median(widths) if widths else 6.0
    open_sentence = False  # the last line of words written does not end a sentence
    deferred: list[str] = []  # furniture waiting for the paragraph to end, each with its separator

    for number, lines in enumerate(pages):
        gaps = [a.bottom - b.bottom for a, b in itertools.pairwise(lines) if a.bottom > b.bottom]
        usual = sorted(gaps)[len(gaps) // 4] if gaps else 0.0  # line spacing: most gaps, or the smaller ones
        furniture = _furniture(lines, running)
        page_break = "\f" if number else ""
        previous: _Line | None = None
        for line in lines:
            # A gap after the last line of words on the page: not after a running header, below which the
            # words go on from the page before as often as not (the page's top starts no paragraph by itself).
            gap = previous is not None and usual > 0 and previous.bottom - line.bottom > 1.6 * usual
            indent = " " * max(0, round((line.left - page_left) / char_width))
            if id(line) in furniture:
                if open_sentence or deferred:
                    deferred.append(page_break + indent + line.text)
                else:
                    writer.line(page_break + indent, line.text, BlockKind.FURNITURE, blank_before=gap)
                page_break = ""
                continue
            previous = line
            if deferred and (gap or page_break or not open_sentence):
                writer.furniture_lines(deferred)
            writer.line(page_break + indent, line.text, blank_before=gap)
            page_break = ""
            if re.search(r"[^\W\d_]", line.text):
                open_sentence = not line.text.rstrip().endswith(_SENTENCE_ENDS)
    writer.furniture_lines(deferred)
    return writer.text() + "\n", writer.blocks


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.at = 0
        self.blocks: list[Block] = []

    def line(self, lead: str, text: str, kind: BlockKind | None = None, *, blank_before: bool = False) -> None:
        separator = ("\n\n" if blank_before else "\n") if self.parts else ""
        self.parts.append(separator + lead)
        start = self.at + len(separator) + len(lead)
        self.parts.append(text)
        self.at = start + len(text)
        if kind is not None:
            self.blocks.append(Block((start, self.at), kind))

    def furniture_lines(self, lines: list[str]) -> None:
        for text in lines:
            lead = len(text) - len(text.lstrip())
            self.line(text[:lead], text[lead:], BlockKind.FURNITURE)
        lines.clear()

    def text(self) -> str:
        return "".join(self.parts)
