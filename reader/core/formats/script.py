"""Scripts and plays, as Fountain screenplays write them: a CHARACTER in capitals alone on a line, the dialogue
right below it.

    INT. KITCHEN - NIGHT

    Maria stirs a pot. The door bangs.

    MARIA (V.O.)
    (without turning)
    You're late.

    CUT TO:

A cue's extensions (`(V.O.)`, `(O.S.)`, `(CONT'D)`) and a dual-dialogue caret are part of its label, not of the
name: `JOHN (CONT'D)` goes on being John. A parenthetical stays in the dialogue, where the reader shows it as a
stage direction. Scene headings (`INT.`, `EXT.`, a forced `.HEADING`) and Fountain's `#` sections are the
script's sections; transitions (`CUT TO:`, `FADE IN:`, a forced `> ...`), centred text, synopses and page
breaks are set aside; action paragraphs are read as the turns of "Action", so the story between the lines
stays in reading order and is never put in a character's mouth. A Fountain title page becomes metadata.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.dates import iso_date
from reader.core.formats.sniffing import TRANSITION, scene_heading, script_cue
from reader.core.formats.spans import BLOCK, strip
from reader.core.model import AsideKind

NAME = "script"
sniff = sniffing.script  # detection reads it without importing this module
ACTION = "Action"

_CENTRED = re.compile(r"[ \t]*>[^\n]*<[ \t]*")
_SECTION = re.compile(r"[ \t]*(?P<marks>#{1,6})[ \t]*(?P<title>[^\n#][^\n]*)")
_SKIPPED = re.compile(r"[ \t]*(?:=(?!==)[^\n]*|={3,}[ \t]*)")  # a synopsis, a page break
_TITLE_FIELD = re.compile(r"(?P<key>[A-Za-z][A-Za-z ]{0,20}):[ \t]*(?P<value>[^\n]*)")
_TITLE_KEYS = frozenset({"title", "credit", "author", "authors", "source", "draft date", "date", "contact",
                         "copyright", "notes", "revision"})


def parse(text: str, builder: TranscriptBuilder) -> None:
    start = _title_page(text, builder)
    for block in BLOCK.finditer(text, start):
        _block(text, builder, block.start(), block.end())


def _title_page(text: str, builder: TranscriptBuilder) -> int:
    """A Fountain title page (`Title:`, `Credit:`, `Author:`, `Draft date:` up to the first blank line; a value
    may go on over indented lines): its title and date become metadata. Returns where the script starts."""
    first = BLOCK.search(text)
    opening = _TITLE_FIELD.match(first[0]) if first else None
    if first is None or opening is None or opening["key"].casefold() not in _TITLE_KEYS:
        return 0
    meta = builder.metadata
    key = ""
    for m in re.finditer(r"[^\n]+", first[0]):
        field = _TITLE_FIELD.fullmatch(m[0])
        if field:
            key = field["key"].casefold()
        value = (field["value"] if field else m[0]).strip()
        kind = AsideKind.BOILERPLATE
        if key == "title" and value and meta.title is None:
            meta, kind = replace(meta, title=" ".join(value.strip("_*").split())), AsideKind.HEADER
        elif key in ("draft date", "date") and iso_date(value) and meta.date is None:
            meta, kind = replace(meta, date=iso_date(value)), AsideKind.HEADER
        builder.aside(kind, first.start() + m.start(), first.start() + m.end())
    builder.metadata = meta
    return first.end()


def _block(text: str, builder: TranscriptBuilder, start: int, end: int) -> None:
    newline = text.find("\n", start, end)
    first_end = end if newline < 0 else newline
    first = text[start:first_end]
    if scene_heading(first) or _SECTION.fullmatch(first):
        section = _SECTION.fullmatch(first)
        title = section["title"] if section else first.strip().lstrip(".")
        builder.aside(AsideKind.SECTION, start, first_end)
        builder.heading(title, len(section["marks"]) if section else 1, at=start)
        builder.turn(ACTION, new=True)  # the scene's action is its own, not the end of the last scene's
        _action(text, builder, first_end, end)
        return
    if TRANSITION.fullmatch(first) or _CENTRED.fullmatch(first) or _SKIPPED.fullmatch(first):
        builder.aside(AsideKind.FURNITURE, start, first_end)
        _action(text, builder, first_end, end)
        return
    name = script_cue(first) if newline >= 0 else None
    if name is None:
        _action(text, builder, start, end)
        return
    builder.turn(name, (start + len(first) - len(first.lstrip()), start + len(first.rstrip())))
    builder.paragraph(*strip(text, first_end, end))


def _action(text: str, builder: TranscriptBuilder, start: int, end: int) -> None:
    start, end = strip(text, start, end)
    if start < end:
        builder.turn(ACTION)
        builder.paragraph(start, end)
