"""YouTube's SubViewer captions (`.sbv`): a `0:00:01.000,0:00:04.000` line opens each cue, its text below,
a blank line between cues. Speakers as captions write them (`>> ALICE:` or `Name:` prefixes, `>>` or `- `
marking a change of speaker); how cue text becomes turns is in `cue_text.py`."""

from __future__ import annotations

import re

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.cue_text import CueReader, cue_names
from reader.core.formats.cues import read_timed_blocks, seconds
from reader.core.formats.sniffing import SBV_CLOCK

NAME = "sbv"
sniff = sniffing.sbv  # detection reads it without importing this module

_TIMING = re.compile(rf"[ \t]*(?P<start>{SBV_CLOCK}),(?P<end>{SBV_CLOCK})[ \t]*$")


def _times(m: re.Match[str]) -> tuple[float, float]:
    return seconds(m["start"]), seconds(m["end"])


def parse(text: str, builder: TranscriptBuilder) -> None:
    items = read_timed_blocks(text, builder, _TIMING, _times)
    CueReader(text, builder, cue_names(text, items)).read(items)
