"""SubRip subtitles: numbered cues, `00:00:01,000 --> 00:00:04,000` timings (a few tools write a decimal
point or add coordinates), and cue text with the habits of captions: `Name:` prefixes, `- ` marking a change
of speaker, `<i>` and `<font>` tags. Bracketed sounds such as `[laughter]` stay in the text. How cue text
becomes turns is described in `cues.py`."""

from __future__ import annotations

import re

from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.cue_text import CueReader, cue_names
from reader.core.formats.cues import read_cues

NAME = "srt"

_SNIFF_CHARS = 64_000
_COMMA_TIMING = re.compile(r"^[ \t]*\d{1,3}:\d{2}:\d{2},\d{1,3}[ \t]*-->[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}",
                           re.MULTILINE)
_NUMBERED_CUE = re.compile(r"^[ \t]*\d+[ \t]*\n[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->", re.MULTILINE)
_WEBVTT = re.compile(r"\A\ufeff?[ \t\n]*WEBVTT")


def sniff(text: str) -> float:
    head = text[:_SNIFF_CHARS]
    if _WEBVTT.match(head):
        return 0.0
    timings = len(_COMMA_TIMING.findall(head))
    numbered = len(_NUMBERED_CUE.findall(head))
    if timings >= 2 or (timings and numbered):
        return 0.95
    if numbered >= 2:  # numbered cues with decimal points: WebVTT without its header is likelier (0.8)
        return 0.75
    return 0.0


def parse(text: str, builder: TranscriptBuilder) -> None:
    items = read_cues(text, builder, vtt=False)
    CueReader(text, builder, cue_names(text, items)).read(items)
