"""The layout of last resort: blank-line separated paragraphs by an unknown speaker. Never fails."""

from __future__ import annotations

import re

from reader.core.formats.base import TranscriptBuilder

NAME = "plain"
_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n[ \t\u00a0]*\S.*)*", re.MULTILINE)


def sniff(text: str) -> float:
    return 0.01


def parse(text: str, builder: TranscriptBuilder) -> None:
    for block in _BLOCK.finditer(text):
        builder.paragraph(block.start(), block.end())
