"""Web-page scrapes: a labelled interview between the page's header and its furniture.

The header holds a section name, a date glued to a time (`21 July 201720:08`), a title line that carries
the place and date, and a language switcher (`• en-GB1 ru-RU1`); after the body come links such as
`Advanced settings`. The title and date lines become metadata (HEADER asides); the rest of the header and
the trailing furniture are BOILERPLATE. The body is read as labelled paragraphs. The title is kept as the
page writes it, typographic apostrophes and all: metadata quotes the source, it does not correct it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.formats import labelled, sniffing
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.dates import MONTH, iso_date
from reader.core.formats.label_styles import Label
from reader.core.formats.sniffing import DATE_LINE, LANGUAGE_SWITCHER, PAGE_CHROME, page_lines
from reader.core.model import AsideKind

NAME = "webpage"
sniff = sniffing.webpage  # detection reads it without importing this module

_TITLE_PLACE = re.compile(
    rf",\s*(?P<place>[^,\d][^,]{{1,40}}?),\s*(?P<date>{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}})\s*$"
)
_PLACE_LINE = re.compile(r"[A-Z][\w’'-]*(?:[ -](?:[A-Z][\w’'-]*|of|de|on|upon|am))*"
                         r"(?:,\s+[A-Z][\w’'-]*(?:[ -](?:[A-Z][\w’'-]*|of|de|on|upon|am))*){1,2}")
_SENTENCE_END = (".", "?", "!", "…", '"', "”", "’", ")", ":", "—", "–", "-", ",", ";")
_FURNITURE_WORDS = 6
_FURNITURE_CHARS = 60


def parse(text: str, builder: TranscriptBuilder) -> None:
    text, labels = labelled.find_labels(text, builder)
    body_start = labels[0].start if labels else 0
    prose = next((s for s, e in page_lines(text, 0, body_start) if _is_prose(text[s:e])
                  and not PAGE_CHROME.match(text[s:e])), None)
    if prose is not None:  # a lead paragraph before the first speaker is the page's text, not its furniture
        body_start = prose
    _read_header(text, builder, body_start)
    end = labelled.trailer(text, labels)  # a publisher's note, the page's contacts, its related links
    labels = [label for label in labels if label.start < end]
    body_end = min(end, _furniture_start(text, body_start, labels))
    labelled.parse_body(text, builder, body_start, body_end, labels)
    for s, e in page_lines(text, body_end, len(text)):
        builder.aside(AsideKind.BOILERPLATE, s, e)


def _is_prose(line: str) -> bool:
    return len(line) > 100 or (len(line.split()) >= 6 and line.endswith((".", "?", "!", "…")))


def _read_header(text: str, builder: TranscriptBuilder, end: int) -> None:
    meta = builder.metadata
    lines = page_lines(text, 0, end)
    title_at = _title_line(text, lines)
    for s, e in lines:
        line = text[s:e]
        date_line = DATE_LINE.match(line)
        if (s, e) == title_at:
            meta = replace(meta, title=line)
            place = _TITLE_PLACE.search(line)
            if place:
                meta = replace(meta, place=meta.place or place["place"].strip(),
                               date=meta.date or iso_date(place["date"]))
            builder.aside(AsideKind.HEADER, s, e)
        elif date_line:
            meta = replace(meta, date=meta.date or iso_date(line), time=meta.time or _time(date_line["time"]))
            builder.aside(AsideKind.HEADER, s, e)
        elif meta.place is None and meta.date is not None and _PLACE_LINE.fullmatch(line):
            meta = replace(meta, place=line)  # the dateline's place, written under the date
            builder.aside(AsideKind.HEADER, s, e)
        else:
            builder.aside(AsideKind.BOILERPLATE, s, e)
    builder.metadata = meta


def _title_line(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The header line that names the page: a place and date at its end, else the longest line of words."""
    candidates = [(s, e) for s, e in lines if not DATE_LINE.match(text[s:e])
                  and not LANGUAGE_SWITCHER.match(text[s:e]) and not PAGE_CHROME.match(text[s:e])]
    for s, e in candidates:
        if _TITLE_PLACE.search(text[s:e]):
            return s, e
    worded = [(s, e) for s, e in candidates if len(text[s:e].split()) >= 4]
    return max(worded, key=lambda se: se[1] - se[0]) if worded else None


def _time(raw: str | None) -> str | None:
    if not raw:
        return None
    hours, minutes = re.split(r"[:.]", raw)
    return f"{int(hours):02d}:{minutes}"


def _furniture_start(text: str, body_start: int, labels: list[Label]) -> int:
    """Where the trailing page furniture begins: short lines without sentence punctuation after the last turn."""
    after_label = text.find("\n", labels[-1].end) if labels else body_start
    if after_label < 0:
        return len(text)
    start = len(text)
    for s, e in reversed(page_lines(text, after_label, len(text))):
        line = text[s:e]
        if PAGE_CHROME.match(line):  # the licence, the feedback question: furniture, however long
            start = s
            continue
        if len(line) > _FURNITURE_CHARS or len(line.split()) > _FURNITURE_WORDS or line.endswith(_SENTENCE_END):
            break
        if _previous_line_length(text, s) > _FURNITURE_CHARS:  # the tail of a wrapped paragraph
            break
        start = s
    return start


def _previous_line_length(text: str, line_start: int) -> int:
    begin = text.rfind("\n", 0, line_start) + 1
    if begin == 0:
        return 0
    previous = text.rfind("\n", 0, begin - 1) + 1
    return len(text[previous : begin - 1].strip())
