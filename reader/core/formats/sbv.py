"""YouTube's SubViewer captions (`.sbv`): a `0:00:01.000,0:00:04.000` line opens each cue, its text below,
a blank line between cues. Speakers as captions write them (`>> ALICE:` or `Name:` prefixes, `>>` or `- `
marking a change of speaker); how cue text becomes turns is in `cue_text.py`."""

from __future__ import annotations

import re

from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.cue_text import CueReader, cue_names
from reader.core.formats.cues import read_timed_blocks, seconds

NAME = "sbv"

_SNIFF_CHARS = 64_000
_CLOCK = r"\d{1,3}:\d{2}:\d{2}\.\d{1,3}"
_TIMING = re.compile(rf"[ \t]*(?P<start>{_CLOCK}),(?P<end>{_CLOCK})[ \t]*$")
_TIMING_LINES = re.compile(rf"^[ \t]*{_CLOCK},{_CLOCK}[ \t]*$", re.MULTILINE)


def sniff(text: str) -> float:
    timings = len(_TIMING_LINES.findall(text, 0, _SNIFF_CHARS))
    return 0.9 if timings >= 2 else 0.4 if timings else 0.0


def _times(m: re.Match[str]) -> tuple[float, float]:
    return seconds(m["start"]), seconds(m["end"])


def parse(text: str, builder: TranscriptBuilder) -> None:
    items = read_timed_blocks(text, builder, _TIMING, _times)
    CueReader(text, builder, cue_names(text, items)).read(items)
