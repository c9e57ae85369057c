"""Timed cues, as WebVTT and SRT files hold them: the file split into cues with their start and end, and
everything that is not cue text (header, NOTE / STYLE / REGION blocks, cue ids, timing lines) kept aside as
furniture. How cue text becomes speakers' turns is in `cue_text.py`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from reader.core.formats.base import TranscriptBuilder
from reader.core.model import AsideKind, Span

CLOCK = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_CLOCK_PARTS = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")
_PARTS = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
TIMING = re.compile(rf"[ \t]*(?P<start>{_PARTS})[ \t]*-->[ \t]*(?P<end>{_PARTS})")
_VTT_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:\s|$)")
_VTT_KEYWORDS = ("NOTE", "STYLE", "REGION")  # what `_VTT_BLOCK` starts with: a cheap test before the regex


def seconds(clock: str) -> float:
    """`01:02:03.500`, `2:03,5` or `0:37` in seconds."""
    m = _CLOCK_PARTS.fullmatch(clock.strip("[]():, \t"))
    if not m:
        raise ValueError(f"not a time: {clock!r}")
    return _seconds(*m.groups())


def _seconds(hours: str | None, minutes: str, secs: str, fraction: str | None) -> float:
    h = (_NUMBER.get(hours) or int(hours)) if hours else 0
    m = _NUMBER.get(minutes)
    s = _NUMBER.get(secs)
    value = h * 3600 + (int(minutes) if m is None else m) * 60 + (int(secs) if s is None else s)
    if fraction:
        f = _FRACTION.get(fraction)
        return value + (int(fraction) / _SCALE[len(fraction)] if f is None else f)
    return float(value)


_SCALE = (1, 10, 100, 1000)  # 10 ** len(fraction), which has 1 to 3 digits
# The parts of a clock looked up rather than converted by int(), the slow part of reading two clocks per cue;
# parts not in the tables (three-digit hours, digits of other scripts) still go through int().
_NUMBER = {f"{i:0{width}d}": i for width in (1, 2) for i in range(10**width)}
_FRACTION = {f"{i:0{width}d}": i / _SCALE[width] for width in (1, 2, 3) for i in range(10**width)}


class Cue:
    """A cue's times (seconds) and its non-blank payload lines. A plain class with slots: one is made per cue."""

    __slots__ = ("end", "lines", "start")

    def __init__(self, start: float, end: float, lines: list[Span] | None = None):
        self.start = start
        self.end = end
        self.lines: list[Span] = [] if lines is None else lines


Item = Cue | Span  # a cue, or a line of text outside any cue


def read_cues(text: str, builder: TranscriptBuilder, *, vtt: bool) -> list[Item]:
    """Cues in source order; ids, timing lines and (for WebVTT) header, NOTE, STYLE and REGION blocks go
    aside as furniture. A line outside every cue is returned as its span, so no text is lost."""
    items: list[Item] = []
    cue: Cue | None = None
    block_start = True
    skipping = False  # inside a header / NOTE / STYLE / REGION block
    pos = 0
    n = len(text)
    while pos <= n:
        if block_start and not skipping:
            block = _well_formed_cue(text, pos, builder, vtt and not items)
            if block is not None:
                cue, end = block
                items.append(cue)
                pos = end + 1
                if pos > n:
                    break
                block_start = False
                if pos < n and text[pos] == "\n":  # the usual empty line after a cue, read as below would
                    cue, block_start = None, True
                    pos += 1
                    continue
        nl = text.find("\n", pos)
        ls, le = pos, n if nl < 0 else nl
        pos = le + 1
        line = text[ls:le]
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
            cue = Cue(*_times(timing))
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
        nxt = text.find("\n", pos)
        following = text[pos : n if nxt < 0 else nxt] if pos <= n else ""
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


def _times(timing: re.Match[str]) -> tuple[float, float]:
    # By position, not by name: the groups are the start, its 4 parts, the end, its 4 parts (see `_PARTS`), and
    # one `groups()` call costs less than eight look-ups by name (measured: 5% of reading a caption file).
    groups = timing.groups()
    return _seconds(*groups[1:5]), _seconds(*groups[6:10])


# The usual cue, read in one step: an optional id line, the timing line, and its payload lines.
_CUE_BLOCK = re.compile(rf"(?:(?P<id>[^\n]*)\n)?(?P<timing>{TIMING.pattern})[^\n]*(?P<payload>(?:\n[^\n]*\S[^\n]*)*)")


def _well_formed_cue(text: str, pos: int, builder: TranscriptBuilder, header_possible: bool) -> tuple[Cue, int] | None:
    """The cue starting at `pos` and where it ends, when it has nothing unusual (no keyword block, no timing
    inside its text); its id and timing line go aside."""
    m = _CUE_BLOCK.match(text, pos)
    if m is None:
        return None
    payload = m["payload"]
    if "-->" in payload:
        return None
    cue_id = m["id"]
    if cue_id is not None:
        bare = cue_id.strip().lstrip("\ufeff")
        if not bare or "-->" in bare or (bare.startswith(_VTT_KEYWORDS) and _VTT_BLOCK.match(bare)) \
                or (header_possible and bare.startswith("WEBVTT")):
            return None
    payload_start = m.start("payload")
    builder.aside(AsideKind.FURNITURE, m.start(), payload_start)  # the id and the timing line
    groups = m.groups()  # id, timing, start and its 4 parts, end and its 4 parts, payload
    cue = Cue(_seconds(groups[3], groups[4], groups[5], groups[6]),
              _seconds(groups[8], groups[9], groups[10], groups[11]), _payload_lines(payload_start, payload))
    return cue, m.end()


def _payload_lines(start: int, payload: str) -> list[Span]:
    if not payload:
        return []
    second = payload.find("\n", 1)
    if second < 0:  # most cues hold one line or two
        return [(start + 1, start + len(payload))]
    if payload.find("\n", second + 1) < 0:
        return [(start + 1, start + second), (start + second + 1, start + len(payload))]
    lines: list[Span] = []
    pos = start + 1
    for line in payload[1:].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return lines


def _header(line: str, builder: TranscriptBuilder) -> None:
    """`WEBVTT - Quarterly review` names the file; keep it as the title when nothing better is known."""
    rest = line[6:].strip(" -\t")
    if rest and builder.metadata.title is None:
        builder.metadata = replace(builder.metadata, title=rest)


def read_timed_blocks(text: str, builder: TranscriptBuilder, timing: re.Pattern[str],
                      times: Callable[[re.Match[str]], tuple[float, float]]) -> list[Item]:
    """Cues of the caption formats that are not WebVTT or SRT (YouTube's SBV, the older Teams text export): a
    line matching `timing` (set aside as furniture) opens a cue, whose payload is every non-blank line up to the
    next timing line, blank lines between cues or not. Lines before the first cue are returned as spans."""
    items: list[Item] = []
    cue: Cue | None = None
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        ls, le = pos, n if nl < 0 else nl
        pos = le + 1
        if not text[ls:le].strip():
            continue
        m = timing.match(text, ls, le)
        if m is not None:
            cue = Cue(*times(m))
            items.append(cue)
            builder.aside(AsideKind.FURNITURE, ls, le)
        elif cue is not None:
            cue.lines.append((ls, le))
        else:
            items.append((ls, le))
    return items
