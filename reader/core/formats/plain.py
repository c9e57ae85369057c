"""The layout of last resort: paragraphs by an unknown speaker. Never fails.

Blank lines separate paragraphs. Inside a block, short lines are a hard-wrapped paragraph and are joined;
a line longer than any wrap width is a paragraph of its own (files that end paragraphs with one newline).
"""

from __future__ import annotations

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.spans import BLOCK, strip

NAME = "plain"
sniff = sniffing.plain  # detection reads it without importing this module
_NOT_WRAPPED = 100


def parse(text: str, builder: TranscriptBuilder) -> None:
    for block in BLOCK.finditer(text):
        start, end = block.span()
        if text.find("\n", start, end) < 0:
            builder.paragraph(start, end)
            continue
        para_start = start
        line_start = start
        while True:
            nl = text.find("\n", line_start, end)
            if nl < 0:
                break
            if nl - line_start > _NOT_WRAPPED:
                _paragraph(text, builder, para_start, nl)
                para_start = nl + 1
            line_start = nl + 1
        _paragraph(text, builder, para_start, end)


def _paragraph(text: str, builder: TranscriptBuilder, start: int, end: int) -> None:
    """The paragraph at source[start:end], its span trimmed to its first and last visible character."""
    start, end = strip(text, start, end)
    if start < end:
        builder.paragraph(start, end)
