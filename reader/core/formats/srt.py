"""SubRip subtitles: numbered cues, `00:00:01,000 --> 00:00:04,000` timings (a few tools write a decimal
point or add coordinates), and cue text with the habits of captions: `Name:` prefixes, `- ` marking a change
of speaker, `<i>` and `<font>` tags. Bracketed sounds such as `[laughter]` stay in the text. How cue text
becomes turns is described in `cues.py`."""

from __future__ import annotations

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.cue_text import CueReader, cue_names
from reader.core.formats.cues import read_cues

NAME = "srt"
sniff = sniffing.srt  # detection reads it without importing this module


def parse(text: str, builder: TranscriptBuilder) -> None:
    items = read_cues(text, builder, vtt=False)
    CueReader(text, builder, cue_names(text, items)).read(items)
