"""WebVTT captions: `WEBVTT` header, NOTE / STYLE / REGION blocks, cues with optional ids (numbers or the
GUID-like ids Teams writes), timings with or without hours, cue settings, and cue text whose speakers come
from `<v Name>` voice tags or `Name:` prefixes. How cue text becomes turns is described in `cues.py`.

Chapters become the document's headings, each opening a turn: `NOTE Chapter: Mortgage rates` before the cue
where one starts, a NOTE listing `00:12:30 Mortgage rates` lines, or a chapters file (`Kind: chapters`),
whose every cue is a chapter's title (kept as the text of its turn, so the file still reads)."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.chapters import note_chapters
from reader.core.formats.cue_text import CueReader, cue_names
from reader.core.formats.cues import TIMING, Cue, read_cues

NAME = "webvtt"
sniff = sniffing.webvtt  # detection reads it without importing this module

_LANGUAGE = re.compile(r"^Language:[ \t]*(?P<lang>[\w-]+)[ \t]*$", re.MULTILINE)
_CHAPTERS_KIND = re.compile(r"^Kind:[ \t]*chapters[ \t]*$", re.MULTILINE | re.IGNORECASE)


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
