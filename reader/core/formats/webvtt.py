"""WebVTT captions: `WEBVTT` header, NOTE / STYLE / REGION blocks, cues with optional ids (numbers or the
GUID-like ids Teams writes), timings with or without hours, cue settings, and cue text whose speakers come
from `<v Name>` voice tags or `Name:` prefixes. How cue text becomes turns is described in `cues.py`.

Chapters become the document's headings, each opening a turn: `NOTE Chapter: Mortgage rates` before the cue
where one starts, a NOTE listing `00:12:30 Mortgage rates` lines, or a chapters file (`Kind: chapters`),
whose every cue is a chapter's title (kept as the text of its turn, so the file still reads)."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.chapters import note_chapters
from reader.core.formats.cue_text import CueReader, cue_names
from reader.core.formats.cues import TIMING, Cue, read_cues

NAME = "webvtt"

_SNIFF_CHARS = 64_000
_SIGNATURE = re.compile(r"\A\ufeff?[ \t\n]*WEBVTT(?:[ \t\-]|$)", re.MULTILINE)
_DOT_TIMING = re.compile(r"^[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}\.\d{1,3}[ \t]*-->", re.MULTILINE)
_LANGUAGE = re.compile(r"^Language:[ \t]*(?P<lang>[\w-]+)[ \t]*$", re.MULTILINE)
_CHAPTERS_KIND = re.compile(r"^Kind:[ \t]*chapters[ \t]*$", re.MULTILINE | re.IGNORECASE)


def sniff(text: str) -> float:
    head = text[:_SNIFF_CHARS]
    if _SIGNATURE.match(head):
        return 0.99
    # Captions pasted without their header: timings with a decimal point, as SRT never writes them.
    timings = len(_DOT_TIMING.findall(head))
    if timings >= 2:
        lines = sum(1 for line in head.splitlines() if line.strip())
        return 0.8 if timings * 5 >= lines else 0.5
    return 0.0


def parse(text: str, builder: TranscriptBuilder) -> None:
    items = read_cues(text, builder, vtt=True)
    header_end = next((m.start() for m in TIMING.finditer(text)), len(text))
    language = _LANGUAGE.search(text, 0, header_end)
    if language and builder.metadata.language is None:
        builder.metadata = replace(builder.metadata, language=language["lang"])
    chapters = note_chapters(text)
    if _CHAPTERS_KIND.search(text, 0, header_end):
        chapters += [(" ".join(text[ls:le].strip() for ls, le in cue.lines), cue.start)
                     for cue in items if isinstance(cue, Cue)]
    for title, start in chapters:
        builder.heading(title, start=start)
    CueReader(text, builder, cue_names(text, items), [start for _, start in chapters]).read(items)
