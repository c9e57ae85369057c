"""Court-reporter hearings: numbered pages of 25 numbered lines, a cover page, ALL-CAPS titled speakers.

    \f                                                           12
     1            CHAIRWOMAN KRUEGER:  Good morning. We are here
     2   today to discuss the budget for ...

Margin line numbers and page numbers are recorded as FURNITURE asides nested inside the paragraphs they
interrupt; the text wrapped across margin-numbered lines is joined. Everything before the first speaker is
the cover page: its title and date become metadata (HEADER), the rest is BOILERPLATE.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.dates import iso_date
from reader.core.formats.deposition import Deposition, section_line
from reader.core.formats.label_styles import label_shape
from reader.core.formats.page_furniture import running_lines, word_index_start
from reader.core.formats.sniffing import COURT_MARGIN
from reader.core.formats.spans import skip_space, trim_end
from reader.core.model import AsideKind

NAME = "court"
sniff = sniffing.court  # detection reads it without importing this module

_PAGE = re.compile(r"[ \t\f]*(?:Page[ \t]+)?(?P<number>\d{1,4})(?:[ \t]+of[ \t]+\d{1,4})?[ \t]*$", re.IGNORECASE)
# `CHAIRWOMAN KRUEGER:`, `MR. SMITH:`, `SENATOR O'MARA:`, and the deposition's `Q.` / `A.`.
_QA = re.compile(r"(?P<label>Q|A)(?:\.(?=[ \t])|(?=[ \t]{2,}\S))")  # `Q. Did you` or `Q    Did you`
_CAPS_LABEL = re.compile(r"(?P<label>[A-Z][A-Z'’.\-]*(?:[ \t][A-Z][A-Z'’.\-]*){0,5}):(?=[ \t]|$)")
_CLOCK = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d\d)\s*(?P<pm>[ap])\.?\s*m\.?", re.IGNORECASE)
_PLACE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*,[ \t]+[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*|[A-Z][a-z]+,[ \t]+[A-Z]{2}")
# The cover line that names the proceedings, best first.
_TITLE_WORDS = (re.compile(r"hearing|testimony|deposition|trial|inquiry|proceedings", re.IGNORECASE),
                re.compile(r"committee|meeting|session|commission", re.IGNORECASE))


def _lines(text: str) -> list[tuple[int, int, int, int]]:
    """Each line's start and end, and where its margin number (1 to 28) starts and ends: both at the line's start
    when it has none. The margin is read here once for the steps after (the furniture, the contents, the indents)."""
    spans = []
    start = 0
    margin_of = COURT_MARGIN.match
    for line in text.split("\n"):
        end = start + len(line)
        margin = margin_of(line)
        if margin and 1 <= int(margin["number"]) <= 28:
            spans.append((start, end, start + margin.start("number"), start + margin.end()))
        else:
            spans.append((start, end, start, start))
        start = end + 1
    return spans


def parse(text: str, builder: TranscriptBuilder) -> None:
    lines = _lines(text)
    furniture = _page_furniture(text, lines)
    contents: list[tuple[int, int, int] | None] = []
    for i, (start, end, number_start, body) in enumerate(lines):
        if i in furniture and not _PAGE.fullmatch(text, start, end):  # page numbers are furniture of their own
            _set_aside(text, start, end, builder)
            contents.append(None)
        else:
            contents.append(_content(text, start, end, number_start, body, builder))
    first_speaker = next((i for i, c in enumerate(contents) if c and _label(text, c[0], c[1])), len(lines))
    _cover(text, builder, [(c[0], c[1]) for c in contents[:first_speaker] if c])
    indent = _common_indent(contents[first_speaker:])
    deposition = Deposition.of(text)
    deposition.tell_roles(builder)
    para: list[tuple[int, int]] = []
    for content in contents[first_speaker:]:
        if content is None:
            continue
        start, end, line_indent = content
        if section_line(text, start, end, builder):
            _flush(text, builder, para)
            continue
        label = _label(text, start, end)
        if label is not None:
            _flush(text, builder, para)
            builder.turn(deposition.speaker(label[0], start), (start, label[1]))
            start = skip_space(text, label[1], end)
            if start < end:
                para.append((start, end))
            continue
        if para and line_indent > indent + 3:  # an indented line opens a new paragraph
            _flush(text, builder, para)
        para.append((start, end))
    _flush(text, builder, para)


def _page_furniture(text: str, lines: list[tuple[int, int, int, int]]) -> set[int]:
    """The lines that repeat on every page (a reporting company, `Page 3 of 40`) and those of the word index
    that closes the transcript."""
    bare: list[str] = []
    pages: list[int] = []
    page = 0
    previous_margin = 0
    for start, end, number_start, body in lines:
        number = int(text[number_start:body]) if body > start else 0
        if (number == 1 and previous_margin >= 10) or text.find("\f", start, end) >= 0:
            page += 1
        if number:
            previous_margin = number
        bare.append(text[body:end].strip())
        pages.append(page)
    said = ["" if _CAPS_LABEL.match(line) or _QA.match(line) else line for line in bare]  # a speaker's line
    furniture = running_lines(said, pages)  # is never furniture, however often it is said
    index = word_index_start(["" if i in furniture else line for i, line in enumerate(bare)])
    if index is not None:
        furniture.update(range(index, len(lines)))
    return furniture


def _set_aside(text: str, start: int, end: int, builder: TranscriptBuilder) -> None:
    """A line of page furniture, set aside whole: no content is left of it."""
    start, end = skip_space(text, start, end), trim_end(text, start, end)
    builder.aside(AsideKind.BOILERPLATE, start, end)


def _content(text: str, start: int, end: int, number_start: int, body: int,
             builder: TranscriptBuilder) -> tuple[int, int, int] | None:
    """The line without its margin number or page number (recorded as furniture), and its indent: how far it
    starts after its margin number, or after the line's start. None when nothing is left."""
    line = text[start:end]
    if not line.strip():
        return None
    page = _PAGE.fullmatch(line)
    if page:
        lead = len(line) - len(line.lstrip())
        if lead >= 20 or int(page["number"]) > 28 or "page" in line.lower():  # a page number (set right)
            builder.aside(AsideKind.FURNITURE, start + lead, trim_end(text, start, end))
        else:  # a margin number on an empty line
            builder.aside(AsideKind.FURNITURE, start + page.start("number"), start + page.end("number"))
        return None
    if body > start:
        builder.aside(AsideKind.FURNITURE, number_start, body)
    rest = text[body:end]
    words = rest.strip()
    if not words:
        return None
    first = body + len(rest) - len(rest.lstrip())
    return first, first + len(words), first - body


def _label(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(label, end of the label mark) when the line opens with a speaker."""
    m = _CAPS_LABEL.match(text, start, end) or _QA.match(text, start, end)
    if not m:
        return None
    label = m["label"]
    if skip_space(text, m.end(), end) >= end:  # a speaker starts talking on the label's line; a cover
        return None  # heading such as `PRESENT:` stands alone
    if label not in ("Q", "A") and label_shape(label) is None:
        return None
    return label, m.end()


def _cover(text: str, builder: TranscriptBuilder, contents: list[tuple[int, int]]) -> None:
    meta = builder.metadata
    title_at = next((c for words in _TITLE_WORDS for c in contents if words.search(text[c[0]:c[1]])), None)
    for start, end in contents:
        line = text[start:end]
        kind = AsideKind.BOILERPLATE
        if (start, end) == title_at and meta.title is None:
            meta = replace(meta, title=" ".join(line.split()))
            kind = AsideKind.HEADER
        elif meta.date is None and iso_date(line):
            meta = replace(meta, date=iso_date(line))
            kind = AsideKind.HEADER
        elif meta.time is None and (clock := _CLOCK.fullmatch(line.strip())):
            hours = int(clock["h"]) % 12 + (12 if clock["pm"].lower().startswith("p") else 0)
            meta = replace(meta, time=f"{hours:02d}:{clock['m']}")
            kind = AsideKind.HEADER
        elif meta.place is None and _PLACE.fullmatch(line.strip()):
            meta = replace(meta, place=line.strip())
            kind = AsideKind.HEADER
        builder.aside(kind, start, end)
    builder.metadata = meta


def _flush(text: str, builder: TranscriptBuilder, para: list[tuple[int, int]]) -> None:
    if para:
        builder.paragraph(para[0][0], para[-1][1], " ".join(text[s:e] for s, e in para))
        para.clear()


def _common_indent(contents: list[tuple[int, int, int] | None]) -> int:
    counts = Counter(c[2] for c in contents if c)
    return counts.most_common(1)[0][0] if counts else 0
