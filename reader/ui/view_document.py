"""The text the reading view shows, and the index from its blocks back to exchanges and turns.

The view's document is built with one ``setPlainText`` of the text composed here, because that is the fastest
way into Qt (C++ splits the blocks; building them one by one from Python is ten times slower). The layout:

    Q1                                   <- one header block per exchange
    Question: Minister, thank you...     <- one block per turn: [start time,] display name, ": ", Turn.text
    Sergey Lavrov: So what?

The words no label gives anyone (a page's lede, a file read as plain paragraphs, captions without voices) show no
name, until the reader gives their speaker one: "Unknown speaker:" before every paragraph tells nothing.

A turn's paragraphs are joined inside its block by two U+2028 line separators in place of ``"\\n\\n"``, so the
block holds `Turn.text` character for character after its name prefix: an offset in the turn is the same offset
in the block, shifted by the prefix. A trailing U+2028 leaves a blank line after each turn.

Block numbers follow from the counts alone: the header of exchange ``e`` is block ``first_turn(e) + e`` and
turn ``t`` is block ``t + exchange(t) + 1``; nothing is looked up block by block. The one exception is a turn
too long to lay out at once (see `view_pieces`): it is shown as several blocks, and once `compose` has found
such turns the block numbers come from a table. This module is plain Python (like `fold_state`, which says
which blocks show), so the layout and navigation can be tested and timed without Qt.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from operator import itemgetter
from typing import Literal

from reader.core.model import UNKNOWN_SPEAKER_KEY, Role, Transcript
from reader.core.words import count_words
from reader.ui.view_pieces import LONG_TURN, Pieces, cut, piece_starts

LINE_BREAK = "\u2028"
NAME_SEPARATOR = ": "
LONG_RUN = 1000  # characters without a space: more than any word or link, and where Qt's wrapping turns slow
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN}}}")
_SPACE = re.compile(r"\s")
_HALF = LONG_RUN // 2


def has_long_run(text: str) -> bool:
    """Whether `text` holds a run of `LONG_RUN` characters with no space (a line of data, a file with its spaces
    lost). Qt's wrapping at word boundaries takes time quadratic in such a run: a 1 MB one took 75 s to show.
    Such a run holds a whole stretch of `_HALF` characters at a multiple of `_HALF`; only those stretches without
    a space are looked at closely (a regex tried at every character cost 0.35 s on 9 MB, this 0.02 s)."""
    for i in range(0, len(text), _HALF):
        if _SPACE.search(text, i, i + _HALF) is None and _LONG_RUN.search(text, max(0, i - LONG_RUN),
                                                                          i + _HALF + LONG_RUN):
            return True
    return False

def format_time(seconds: float | None) -> str:
    """A turn's start as shown before its speaker ("12:05 ", "1:02:09 "); empty when the layout gives none."""
    if seconds is None:
        return ""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return (f"{hours}:{rest // 60:02d}:{rest % 60:02d} " if hours else f"{rest // 60}:{rest % 60:02d} ")


class ViewDocument:
    """Composed text of a transcript and the mapping block number <-> (exchange, turn)."""

    def __init__(self, transcript: Transcript, names: Mapping[str, str] | None = None) -> None:
        self.transcript = transcript
        self.names = {s.key: (names or {}).get(s.key) or s.name for s in transcript.speakers}
        turns = transcript.turns
        self.turn_exchange = [turn.exchange for turn in turns]
        self.header_blocks = [e.first_turn + e.index for e in transcript.exchanges]
        # A turn's block starts with its time (when the layout gives one) and its speaker's name with ": ", but
        # for words no label gave anyone (`Turn.unlabelled`), until the reader names their speaker.
        self.times = [format_time(turn.start) for turn in turns]
        labels = {key: name + NAME_SEPARATOR for key, name in self.names.items()}
        unnamed = not (names or {}).get(UNKNOWN_SPEAKER_KEY)
        self.labels = ["" if unnamed and turn.unlabelled else labels[turn.speaker] for turn in turns]
        self.prefix_lengths = [len(time) + len(label) for time, label in zip(self.times, self.labels, strict=True)]
        self.is_question = bytearray(len(turns))
        for exchange in transcript.exchanges:
            if exchange.question is not None:
                self.is_question[exchange.question] = 1
            for asked in exchange.questions:  # a hearing member's round asks again inside one exchange
                self.is_question[asked] = 1
        interviewers = {s.key for s in transcript.speakers if s.role is Role.INTERVIEWER}
        self.is_interviewer = bytearray(turn.speaker in interviewers for turn in turns)
        self.turns_of_speaker: dict[str, list[int]] = {s.key: [] for s in transcript.speakers}
        for turn in turns:
            self.turns_of_speaker[turn.speaker].append(turn.index)
        self._gather_blocks: itemgetter | None = None
        self.widest_label = max((e.label for e in transcript.exchanges), key=len, default="")
        self._answer_words: dict[int, int] = {}
        self._words_before: list[int] | None = None
        self._words_running = [0]
        self.pieces = Pieces({})  # the turns shown as several blocks; found by compose()
        self._turn_blocks: list[int] | None = None  # block of each turn, when some turns have several

    # --- the text ---------------------------------------------------------------------------------------

    def compose(self) -> str:
        parts: list[str] = []
        append = parts.append
        turns = self.transcript.turns
        labels = self.labels
        times = self.times
        between = LINE_BREAK * 2
        long_turns: dict[int, list[int]] = {}
        long_parts: set[int] = set()
        for exchange in self.transcript.exchanges:
            append(exchange.label)
            for turn in turns[exchange.first_turn:exchange.last_turn + 1]:
                text = between.join([p.text for p in turn.paragraphs])
                if len(text) > LONG_TURN:  # its pieces are blocks of their own
                    starts = long_turns[turn.index] = piece_starts(text, between)
                    text = "\n".join(cut(text.replace("\n", LINE_BREAK), starts))
                    long_parts.add(len(parts))
                append(f"{times[turn.index]}{labels[turn.index]}{text}{LINE_BREAK}")
        composed = "\n".join(parts)
        breaks = len(parts) - 1 + sum(len(starts) - 1 for starts in long_turns.values())
        if composed.count("\n") != breaks:  # a line end inside a paragraph would split its block
            composed = "\n".join(part if i in long_parts else part.replace("\n", LINE_BREAK)
                                 for i, part in enumerate(parts))
        self._set_pieces(Pieces(long_turns))
        return composed

    def _set_pieces(self, pieces: Pieces) -> None:
        """Number the blocks again when some turns are shown as several."""
        if not pieces and not self.pieces:
            return  # one block per turn, as numbered from the start
        self.pieces = pieces
        self._gather_blocks = None
        if not pieces:
            self._turn_blocks = None
            self.header_blocks = [e.first_turn + e.index for e in self.transcript.exchanges]
            return
        extra = 0
        self.header_blocks, self._turn_blocks = [], []
        for exchange in self.transcript.exchanges:
            self.header_blocks.append(exchange.first_turn + exchange.index + extra)
            for turn in exchange.turn_range:
                self._turn_blocks.append(turn + exchange.index + 1 + extra)
                extra += pieces.count(turn) - 1

    def place(self, turn: int, offset: int) -> tuple[int, int]:
        """(block, position in the block) that shows the character at `offset` in the turn's text."""
        piece, in_piece = self.pieces.place(turn, offset)
        return self.block_of_turn(turn) + piece, in_piece + (self.prefix_lengths[turn] if piece == 0 else 0)

    def offset_in_turn(self, block: int, position: int) -> tuple[int, int] | None:
        """(turn, offset in its text) of a position in a block of a turn; None for a header."""
        kind, turn = self.locate(block)
        if kind != "turn":
            return None
        piece = block - self.block_of_turn(turn)
        return turn, self.pieces.offset(turn, piece, position - (self.prefix_lengths[turn] if piece == 0 else 0))

    def continues(self, block: int) -> bool:
        """Whether `block` is a later piece of the turn shown in the block before it."""
        if not self.pieces:
            return False
        kind, turn = self.locate(block)
        return kind == "turn" and block != self.block_of_turn(turn)

    @property
    def block_count(self) -> int:
        pieces = sum(len(starts) - 1 for starts in self.pieces.starts.values())
        return len(self.transcript.turns) + len(self.transcript.exchanges) + pieces

    # --- blocks <-> exchanges and turns -----------------------------------------------------------------

    def block_of_turn(self, turn: int) -> int:
        """The turn's block (its first, when it is shown as several)."""
        if self._turn_blocks is not None:
            return self._turn_blocks[turn]
        return turn + self.turn_exchange[turn] + 1

    def block_of_header(self, exchange: int) -> int:
        return self.header_blocks[exchange]

    def locate(self, block: int) -> tuple[Literal["header", "turn"], int]:
        """What block `block` shows: ("header", exchange index) or ("turn", turn index)."""
        exchange = bisect_right(self.header_blocks, block) - 1
        if exchange < 0:
            raise IndexError(block)
        if self.header_blocks[exchange] == block:
            return "header", exchange
        if self._turn_blocks is not None:
            return "turn", bisect_right(self._turn_blocks, block) - 1
        return "turn", block - exchange - 1

    def turn_at_block(self, block: int) -> int:
        """The turn a block belongs to; a header stands for its exchange's first turn."""
        kind, index = self.locate(block)
        return self.transcript.exchanges[index].first_turn if kind == "header" else index

    # --- what is visible --------------------------------------------------------------------------------

    def blocks_from_turns(self, by_turn: bytes) -> bytes:
        """One byte per block from one per turn: every block of a turn takes the turn's byte, a header 1 (the
        fold state's rule, in `fold_state`). A fixed index gathers them, in C, since this runs on every fold."""
        by_turn += b"\x01"  # the extra 1 at index `len(turns)` is what headers gather
        return bytes(self._gather()(by_turn)) if self.block_count > 1 else by_turn[-1:]

    def _gather(self) -> itemgetter:
        """For each block, the index of the turn it shows (headers: one past the last turn); made at first use."""
        if self._gather_blocks is None:
            turns = len(self.turn_exchange)
            sources = list(range(self.block_count))
            for exchange, block in enumerate(self.header_blocks):
                sources[block] = turns
                for turn in self.transcript.exchanges[exchange].turn_range if not self.pieces else ():
                    sources[turn + exchange + 1] = turn
            if self.pieces:  # every piece of a long turn shows with it
                for turn in range(turns):
                    first, count = self.block_of_turn(turn), self.pieces.count(turn)
                    sources[first:first + count] = [turn] * count
            self._gather_blocks = itemgetter(*sources)
        return self._gather_blocks

    # --- navigation -------------------------------------------------------------------------------------

    def next_turn(self, turn: int, step: int, allowed: bytearray | None = None) -> int | None:
        """The nearest turn after (step 1) or before (step -1) `turn` that `allowed` lets through."""
        count = len(self.turn_exchange)
        candidate = turn + step
        while 0 <= candidate < count:
            if allowed is None or allowed[candidate]:
                return candidate
            candidate += step
        return None

    def next_question(self, turn: int, step: int) -> int | None:
        """The exchange after (or before) the one holding `turn`; going back from inside an exchange
        first returns to its own start."""
        exchange = self.turn_exchange[turn] if self.turn_exchange else 0
        exchanges = self.transcript.exchanges
        if step < 0 and exchanges and turn > exchanges[exchange].first_turn:
            return exchange
        target = exchange + step
        return target if 0 <= target < len(exchanges) else None

    def next_of_speaker(self, turn: int, step: int, speaker: str | None = None) -> int | None:
        """The next (or previous) turn of `speaker`, by default the speaker of `turn`: a bisect, not a scan."""
        if not self.turn_exchange:
            return None
        key = speaker or self.transcript.turns[turn].speaker
        own = self.turns_of_speaker.get(key, [])
        if step > 0:
            at = bisect_right(own, turn)
            return own[at] if at < len(own) else None
        at = bisect_left(own, turn) - 1
        return own[at] if at >= 0 else None

    # --- numbers for the reader -------------------------------------------------------------------------

    def answer_words(self, exchange: int) -> int:
        """Words in an exchange's turns other than its question (cached; only asked for shown headers)."""
        cached = self._answer_words.get(exchange)
        if cached is None:
            ex = self.transcript.exchanges[exchange]
            turns = self.transcript.turns
            cached = sum(count_words(turns[i].text) for i in ex.turn_range if i != ex.question)
            self._answer_words[exchange] = cached
        return cached

    def summary(self, exchange: int) -> tuple[str, str]:
        """What a folded exchange shows after its label: the question's first line and the answer's length."""
        ex = self.transcript.exchanges[exchange]
        first = self.transcript.turns[ex.question if ex.question is not None else ex.first_turn]
        line = first.text.split("\n", 1)[0]
        words = self.answer_words(exchange)
        if ex.question is not None and ex.last_turn == ex.first_turn:
            return line, "no answer"
        return line, f"{words:,} word{'s' * (words != 1)}"

    @property
    def words_counted(self) -> bool:
        return self._words_before is not None

    def count_words(self, turns: int) -> bool:
        """Count the words of up to `turns` more turns (a step of the background count); True when done."""
        if self._words_before is not None:
            return True
        running = self._words_running
        all_turns = self.transcript.turns
        total = running[-1]
        for turn in all_turns[len(running) - 1:len(running) - 1 + turns]:
            total += count_words(turn.text)
            running.append(total)
        if len(running) == len(all_turns) + 1:
            self._words_before = running
        return self._words_before is not None

    def words_before(self) -> list[int]:
        """Cumulative words: entry ``t`` counts every word before turn ``t``; the last entry is the total."""
        while not self.count_words(10_000):
            pass
        return self._words_before  # type: ignore[return-value]
