"""Timed cues, as WebVTT and SRT files hold them: the file split into cues with their start and end, and
everything that is not cue text (header, NOTE / STYLE / REGION blocks, cue ids, timing lines) kept aside as
furniture. How cue text becomes speakers' turns is in `cue_text.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.core.formats.base import TranscriptBuilder
from reader.core.model import AsideKind, Span

CLOCK = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_CLOCK_PARTS = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")
TIMING = re.compile(rf"[ \t]*(?P<start>{CLOCK})[ \t]*-->[ \t]*(?P<end>{CLOCK})")
_VTT_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:\s|$)")


def seconds(clock: str) -> float:
    """`01:02:03.500`, `2:03,5` or `0:37` in seconds."""
    m = _CLOCK_PARTS.fullmatch(clock.strip("[]():, \t"))
    if not m:
        raise ValueError(f"not a time: {clock!r}")
    hours, minutes, secs, fraction = m.groups()
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(secs)
    return value + int(fraction) / 10 ** len(fraction) if fraction else float(value)


@dataclass
class Cue:
    start: float
    end: float
    lines: list[Span] = field(default_factory=list)  # non-blank payload lines


Item = Cue | Span  # a cue, or a line of text outside any cue


def read_cues(text: str, builder: TranscriptBuilder, *, vtt: bool) -> list[Item]:
    """Cues in source order; ids, timing lines and (for WebVTT) header, NOTE, STYLE and REGION blocks go
    aside as furniture. A line outside every cue is returned as its span, so no text is lost."""
    raw = text.split("\n")
    items: list[Item] = []
    cue: Cue | None = None
    block_start = True
    skipping = False  # inside a header / NOTE / STYLE / REGION block
    pos = 0
    for i, line in enumerate(raw):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if not line or line.isspace():
            if line and cue is not None and not cue.lines:
                continue  # rolling captions put a line of spaces above the words: the cue goes on
            cue, block_start, skipping = None, True, False
            continue
        if skipping:
            builder.aside(AsideKind.FURNITURE, ls, le)
            continue
        timing = TIMING.match(line) if "-->" in line else None
        if timing:
            cue = Cue(seconds(timing["start"]), seconds(timing["end"]))
            items.append(cue)
            builder.aside(AsideKind.FURNITURE, ls, le)
            block_start = False
            continue
        if vtt and block_start:
            stripped = line.strip().lstrip("\ufeff")
            header = not items and stripped.startswith("WEBVTT")
            if header or _VTT_BLOCK.match(stripped):
                if header:
                    _header(stripped, builder)
                skipping = True
                builder.aside(AsideKind.FURNITURE, ls, le)
                continue
        following = raw[i + 1] if i + 1 < len(raw) else ""
        if "-->" in following and TIMING.match(following) and (block_start or line.strip().isdigit()):
            builder.aside(AsideKind.FURNITURE, ls, le)  # the cue id
            block_start = False
            continue
        block_start = False
        if cue is not None:
            cue.lines.append((ls, le))
        else:
            items.append((ls, le))
    return items


def _header(line: str, builder: TranscriptBuilder) -> None:
    """`WEBVTT - Quarterly review` names the file; keep it as the title when nothing better is known."""
    rest = line[6:].strip(" -\t")
    if rest and builder.metadata.title is None:
        builder.metadata = replace(builder.metadata, title=rest)
