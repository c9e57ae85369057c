"""The older Microsoft Teams transcript, saved as text: each cue is a timing line (`0:0:4.120 --> 0:0:9.800`,
fields not padded), a line with the speaker's name alone and a line of what they said, usually with no blank
lines between cues. Later lines of a cue continue the text; how cue text becomes turns is in `cue_text.py`."""

from __future__ import annotations

import re
from collections import Counter

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder, speaker_key
from reader.core.formats.cue_text import CueReader, cue_names
from reader.core.formats.cues import Cue, read_timed_blocks
from reader.core.formats.names import name_shape
from reader.core.formats.sniffing import TEAMS_TIMING

NAME = "teams-text"
sniff = sniffing.teams_text  # detection reads it without importing this module


def seconds(clock: str) -> float:
    """`1:2:3.5` (hours, minutes, seconds, each perhaps one digit) in seconds."""
    total = 0.0
    for part in clock.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def _times(m: re.Match[str]) -> tuple[float, float]:
    return seconds(m["start"]), seconds(m["end"])


def speaker_lines(text: str, cues: list[Cue | tuple[int, int]]) -> dict[int, str]:
    """The cues (by index) whose first line is a speaker's name: a name that opens several cues with words below
    it. Empty when the file does not hold such names (captions that merely lack a blank line)."""
    firsts: dict[int, str] = {}
    for index, item in enumerate(cues):
        if isinstance(item, Cue) and len(item.lines) >= 2:
            line = text[slice(*item.lines[0])].strip()
            if name_shape(line) and ":" not in line:
                firsts[index] = line
    counts = Counter(speaker_key(name) for name in firsts.values())
    cue_count = sum(1 for item in cues if isinstance(item, Cue))
    if not counts or max(counts.values()) < 2 or len(firsts) * 2 < cue_count:
        return {}
    return firsts


def parse(text: str, builder: TranscriptBuilder) -> None:
    items = read_timed_blocks(text, builder, TEAMS_TIMING, _times)
    CueReader(text, builder, cue_names(text, items)).read(items, speaker_lines(text, items))
