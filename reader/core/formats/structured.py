"""Turns a container already knows: speech-to-text JSON segments, a table of time, speaker and text, markup
that names its speakers. Each TEXT block is a paragraph of its speaker's turn; consecutive blocks of one
speaker make one turn, timed by its first block. Headings, furniture and timings are placed by the loader.
Never chosen by detection: the container asks for it."""

from __future__ import annotations

from reader.core.containers import BlockKind
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.label_styles import QUESTION_NUMBER
from reader.core.model import AsideKind

NAME = "structured"


def sniff(text: str) -> float:
    return 0.0


def parse(text: str, builder: TranscriptBuilder) -> None:
    for block in builder.blocks:
        if block.kind is BlockKind.TEXT:
            if block.speaker is not None or block.opens_turn:
                # A label numbered as a select committee numbers its questions (`Q12 Chair:`) opens a question, as
                # does a print interview's bold one.
                asks = block.asks or (block.label_span is not None
                                      and QUESTION_NUMBER.match(text, block.label_span[0]) is not None)
                builder.turn(block.speaker, block.label_span, block.start, new=block.opens_turn, asks=asks)
            elif block.label_span:
                builder.aside(AsideKind.FURNITURE, *block.label_span)
            builder.paragraph(*block.span)
