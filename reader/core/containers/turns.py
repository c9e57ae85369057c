"""Timed pieces of speech (a speech-to-text segment, a table row) written out as a transcript's text with its
turns already known, for the containers that read them (`speech.py`, `table.py`).

Each turn gets a label line, the speaker as the service wrote it and the time it starts
(`SPEAKER_00  00:01:23`), then its paragraphs. The label is the turn's label span, the time a TIMING block
(set aside), and each paragraph a TEXT block carrying the speaker and its start, so the `structured` layout
builds the turns as given and nothing of the text is lost.

Consecutive pieces of one speaker make one turn. A paragraph ends at a pause of `PARAGRAPH_PAUSE` seconds
or more after the end of a sentence, or at a sentence end once it is long, as in captions (`cue_text.py`,
whose measures these are). Pieces nobody is named for belong to one unknown speaker; so that a recording
without diarisation is not one turn of 20,000 words, their turn is cut at the next paragraph end once it
holds `LONG_TURN` characters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reader.core.containers import Block, BlockKind, Extracted
from reader.core.formats.cue_text import LONG_PARAGRAPH, LONG_TURN, PARAGRAPH_PAUSE, ends_sentence
from reader.core.model import Metadata
from reader.core.timing import stamp


@dataclass(frozen=True, slots=True)
class Piece:
    """Words of one speaker with their times (seconds), as a service or a table gives them."""

    text: str
    start: float | None = None
    end: float | None = None
    speaker: str | None = None


def finite(value: object) -> float | None:
    """A time as a number of seconds, or None: numbers and numeric strings (Amazon writes `"12.34"`) only."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value) and value >= 0:
        return float(value)
    return None


class _Writer:
    """Builds the text and its blocks, line by line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []

    def write(self, text: str) -> tuple[int, int]:
        """`text` as a block of its own (a blank line before it); returns its span."""
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def label_line(self, speaker: str | None, start: float | None) -> tuple[int, int] | None:
        """The line that opens a turn; returns the label's span (None for the unknown speaker)."""
        if speaker is None and start is None:
            return None
        line = "  ".join(part for part in (speaker, None if start is None else stamp(start)) if part)
        begin, end = self.write(line)
        if start is not None:
            time_start = end - len(stamp(start))  # the time as written; the exact start is kept in the block
            self.blocks.append(Block((time_start, end), BlockKind.TIMING))
        return (begin, begin + len(speaker)) if speaker else None


def write_turns(pieces: list[Piece], source_format: str, *, metadata: Metadata | None = None,
                notes: list[str] | tuple[str, ...] = (), warnings: tuple[str, ...] = ()) -> Extracted:
    """The text and blocks of `pieces` in their order; `notes` (lines the file holds above the transcript, such
    as a title or a table's header row) go first and are set aside as furniture."""
    out = _Writer()
    for note in notes:
        if note.strip():
            out.blocks.append(Block(out.write(note.strip()), BlockKind.FURNITURE))
    speaker: str | None = None
    started = False
    paragraph: list[str] = []
    paragraph_start: float | None = None
    paragraph_length = 0
    turn_length = 0
    last_end: float | None = None
    label_span: tuple[int, int] | None = None
    opening = True  # the next paragraph is the first of its turn

    def flush() -> None:
        nonlocal paragraph, paragraph_length, opening, label_span
        if not paragraph:
            return
        span = out.write(" ".join(paragraph))
        out.blocks.append(Block(span, speaker=speaker, start=paragraph_start, label_span=label_span,
                                opens_turn=opening))
        paragraph, paragraph_length, opening, label_span = [], 0, False, None

    for piece in pieces:
        words = " ".join(piece.text.split())
        if not words:
            continue
        new_speaker = not started or piece.speaker != speaker
        ended = bool(paragraph) and ends_sentence(paragraph[-1])
        pause = last_end is not None and piece.start is not None and piece.start - last_end >= PARAGRAPH_PAUSE
        long = paragraph_length >= LONG_PARAGRAPH
        breaks = bool(paragraph) and (((pause or long) and ended) or paragraph_length >= 2 * LONG_PARAGRAPH)
        if new_speaker or (breaks and speaker is None and turn_length >= LONG_TURN):
            flush()
            speaker, started, turn_length, opening = piece.speaker, True, 0, True
            label_span = out.label_line(speaker, piece.start)
            paragraph_start = piece.start
        elif breaks:
            flush()
        if not paragraph:
            paragraph_start = piece.start
        paragraph.append(words)
        paragraph_length += len(words) + 1
        turn_length += len(words) + 1
        if piece.end is not None or piece.start is not None:
            last_end = piece.end if piece.end is not None else piece.start
    flush()
    return Extracted("".join(out.parts) + "\n", source_format, blocks=tuple(out.blocks), structured=True,
                     metadata=metadata or Metadata(), warnings=warnings)
