"""A Word transcript's cover page: the title and `Key: value` fields (`Interviewer: Jane Roe`, `Date: 3 March
2021`, `Location: Leeds`) that stand above the transcript. They become metadata, never turns."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.containers.docx import Paragraph, Table
from reader.core.formats.dates import clock_time, iso_date
from reader.core.model import Metadata

_COVER_FIELD = re.compile(
    r"[ \t]*(?P<key>interviewers?|interviewees?|narrators?|interviewed by|date of interview|interview date|date|"
    r"recorded|recording date|recorded on|place|location|interview location|venue|title|project|"
    r"transcriber|transcribed by|transcription|duration|length|subject|topic|participants|speakers|file|"
    r"audio file|recording|collection|language|time)[ \t]*:[ \t]*(?P<value>[^\n]+?)[ \t]*",
    re.IGNORECASE)
_PERSON_KEYS = re.compile(r"interview|narrator|transcri|participant|speaker", re.IGNORECASE)
_DATE_KEYS = re.compile(r"date|recorded", re.IGNORECASE)
_PLACE_KEYS = re.compile(r"place|location|venue", re.IGNORECASE)


def cover(body: list[Paragraph | Table]) -> tuple[Metadata, int]:
    """The leading title and `Key: value` fields: their metadata, and how many items of the body they take
    (0 when the document has no cover page)."""
    meta = Metadata()
    end, fields, title_at = 0, 0, None
    for i, item in enumerate(body):
        if not isinstance(item, Paragraph):
            break
        if not item.text.strip():
            end = i + 1
            continue
        m = _COVER_FIELD.fullmatch(item.text)
        if m and _is_cover_value(m["key"], m["value"]):
            fields += 1
            meta = _with_field(meta, m["key"], m["value"])
            end = i + 1
        elif fields == 0 and title_at is None and (item.title or item.heading == 1 or titlelike(item)):
            title_at = i
            end = i + 1
        else:
            break
    if fields == 0:  # no cover page: only a Title-styled paragraph stands for one
        if title_at is None or not body[title_at].title:  # type: ignore[union-attr]
            return meta, 0
        end = title_at + 1
    if title_at is not None:
        meta = replace(meta, title=meta.title or " ".join(body[title_at].text.split()))  # type: ignore[union-attr]
    return meta, end


def titlelike(p: Paragraph) -> bool:
    text = p.text.strip()
    return 0 < len(text.split()) <= 15 and "\n" not in text and not text.endswith((".", "?", ":")) and \
        (p.all_bold or text.isupper())


def _is_cover_value(key: str, value: str) -> bool:
    words = value.split()
    if _PERSON_KEYS.search(key):  # `Interviewer: Jane Roe`, not `Interviewer: So where were you born?`
        return len(words) <= 6 and not value.rstrip().endswith((".", "?", "!", ","))
    return len(words) <= 12 and not value.rstrip().endswith("?")


def _with_field(meta: Metadata, key: str, value: str) -> Metadata:
    value = " ".join(value.split())
    if _DATE_KEYS.search(key) and meta.date is None:
        return replace(meta, date=iso_date(value))
    if _PLACE_KEYS.search(key) and meta.place is None:
        return replace(meta, place=value)
    if key.casefold() in ("title", "project", "subject") and meta.title is None:
        return replace(meta, title=value)
    if key.casefold() == "time" and meta.time is None and (clock := clock_time(value)):
        return replace(meta, time=clock)
    return meta


