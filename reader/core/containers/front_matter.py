"""YAML front matter at the top of a text or Markdown file: `---`, `key: value` lines, `---` (or `...`).

Static site generators, Pandoc, Obsidian and transcription tools' Markdown exports write the interview's title,
date and place there. Only flat `key: value` fields are read (no YAML library: the few keys a transcript's
metadata needs are scalars, and a block that holds anything but YAML-looking lines is not front matter, so a
transcript that opens with a `---` rule keeps its text). Values are decoded as YAML writes them: quoted strings
with their escapes, and in plain values the Markdown backslash escapes (`\\_`) that exporters add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.formats.dates import iso_date
from reader.core.model import Metadata

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_MAX_CHARS = 20_000  # front matter is a few lines; a `---` far down is a rule, not its end
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w .\-]{0,40}?)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_YAML_LINE = re.compile(r"^(?:[ \t]*#.*|[ \t]+\S.*|-[ \t].*|-)$")  # a comment, an indented line, a list item

# Metadata fields and the keys transcripts' front matter names them by.
_FIELDS = {
    "title": ("title", "headline"),
    "date": ("date", "recorded", "recorded_on", "recording_date", "interview_date", "date_recorded", "created",
             "published"),
    "time": ("time", "start_time", "recorded_at"),
    "place": ("place", "location", "city", "venue", "where"),
    "source": ("source", "url", "link", "publication", "outlet", "publisher"),
    "language": ("language", "lang", "locale"),
}
_CLOCK = re.compile(r"(?:^|[T ])(?P<h>\d{1,2}):(?P<m>\d\d)")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# YAML reads `\_` as a no-break space; in transcripts' front matter it is an exporter's Markdown escape of `_`.
_YAML_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                 "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "_",
                 "L": "\u2028", "P": "\u2029"}
_DOUBLE_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


@dataclass(frozen=True)
class FrontMatter:
    end: int  # where the closing delimiter's line ends (before its line end)
    metadata: Metadata


def read(text: str) -> FrontMatter | None:
    """The front matter opening `text`, or None when it has none."""
    opening = _OPEN.match(text)
    if not opening:
        return None
    closing = _CLOSE.search(text, opening.end(), opening.end() + _MAX_CHARS)
    if not closing:
        return None
    values: dict[str, str] = {}
    keys = 0
    for line in text[opening.end():closing.start()].split("\n"):
        key = _KEY.match(line)
        if key:
            keys += 1
            name = re.sub(r"[ .\-]+", "_", key["key"].strip().casefold())
            values.setdefault(name, key["value"] or "")
        elif line.strip() and not _YAML_LINE.match(line):
            return None  # prose between two rules, not YAML
    if not keys:
        return None
    return FrontMatter(closing.end(), _metadata(values))


def _metadata(values: dict[str, str]) -> Metadata:
    found: dict[str, str] = {}
    for field, keys in _FIELDS.items():
        for key in keys:
            value = scalar(values.get(key, ""))
            if value:
                found[field] = value
                break
    date = found.get("date", "")
    time = found.get("time") or date
    clock = _CLOCK.search(time)
    return Metadata(
        title=found.get("title"),
        date=iso_date(date),
        time=f"{int(clock['h']):02d}:{clock['m']}" if clock and int(clock["h"]) < 24 else None,
        place=found.get("place"),
        source=found.get("source"),
        language=found.get("language"),
    )


def scalar(value: str) -> str:
    """A YAML scalar as text: quotes and their escapes decoded, a trailing comment dropped, block and flow
    collections (`|`, `[a, b]`) read as no value."""
    value = value.strip()
    if value.startswith('"'):
        body = re.match(r'"((?:[^"\\]|\\.)*)"', value)
        inner = body[1] if body else value[1:]
        return " ".join(_DOUBLE_ESCAPE.sub(_double_escape, inner).split())
    if value.startswith("'"):
        body = re.match(r"'((?:[^']|'')*)'", value)
        inner = body[1] if body else value[1:]
        return " ".join(inner.replace("''", "'").split())
    if value[:1] in ("|", ">", "[", "{", "&", "*", "!"):
        return ""
    value = re.sub(r"[ \t]+#.*$", "", value)
    return " ".join(_MARKDOWN_ESCAPE.sub(r"\1", value).split())


def _double_escape(m: re.Match[str]) -> str:
    code = m[1]
    if len(code) > 1:
        number = int(code[1:], 16)
        return chr(number) if number < 0x110000 and not 0xD800 <= number < 0xE000 else "\ufffd"
    return _YAML_ESCAPES.get(code, code)
