"""Very long turns shown as several blocks, so that a file of one 10 MB line opens in a second.

Qt lays a block out whole the first time any of it is shown: a turn of 4 MB took 18 s to appear, however little
of it fits on the screen. A turn longer than `LONG_TURN` characters is therefore shown as blocks of about
`PIECE` characters, and Qt lays out only the ones on screen. The turn's text is unchanged: the pieces are cut
between characters (at a paragraph break or a space when one is near), and `Pieces` maps an offset in
`Turn.text` to (piece, offset in the piece) and back. Only the display holds the extra block breaks; copying,
`toPlainText`, selections, highlights and notes all work in `Turn.text` offsets. No ordinary transcript has a
turn this long, so ordinary transcripts are shown exactly as before, one block per turn.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

LONG_TURN = 100_000  # characters in one turn: about 15,000 words, far more than anyone says at once
PIECE = 10_000  # characters per block of a long turn: laid out in a few milliseconds
_NEAR = PIECE // 10  # how far back from a piece's end a space is looked for, so words stay whole


def piece_starts(text: str, paragraph_break: str) -> list[int]:
    """Where each piece of `text` starts (the first at 0): after a paragraph break in the second half of the
    piece, else after a space near its end, else after exactly `PIECE` characters (a run without spaces)."""
    starts = [0]
    while len(text) - starts[-1] > PIECE:
        start = starts[-1]
        limit = start + PIECE
        cut = text.rfind(paragraph_break, start + PIECE // 2, limit)
        if cut >= 0:
            cut += len(paragraph_break)
        else:
            cut = text.rfind(" ", limit - _NEAR, limit) + 1 or limit
        starts.append(cut)
    return starts


def cut(text: str, starts: list[int]) -> list[str]:
    """The pieces of `text` that start at `starts`."""
    return [text[a:b] for a, b in pairwise([*starts, len(text)])]


class Pieces:
    """The long turns of a transcript, each with where its pieces start: turn index -> offsets in Turn.text."""

    def __init__(self, starts: dict[int, list[int]]) -> None:
        self.starts = starts

    def __bool__(self) -> bool:
        return bool(self.starts)

    def count(self, turn: int) -> int:
        """How many blocks show the turn."""
        starts = self.starts.get(turn)
        return len(starts) if starts else 1

    def place(self, turn: int, offset: int) -> tuple[int, int]:
        """(piece, offset in the piece) of an offset in the turn's text; the end of a piece is the start of
        the next."""
        starts = self.starts.get(turn)
        if not starts:
            return 0, offset
        piece = bisect_right(starts, offset) - 1
        return piece, offset - starts[piece]

    def offset(self, turn: int, piece: int, offset_in_piece: int) -> int:
        """The offset in the turn's text of an offset in one of its pieces."""
        starts = self.starts.get(turn)
        return (starts[piece] if starts else 0) + offset_in_piece

    def span(self, turn: int, piece: int, length: int) -> tuple[int, int]:
        """The part of the turn's text (of `length` characters) that a piece shows."""
        starts = self.starts.get(turn)
        if not starts:
            return 0, length
        return starts[piece], starts[piece + 1] if piece + 1 < len(starts) else length
