"""What the reading view shows of its document: folded exchanges, the questions-only outline and the speaker
filter, turned into one visible flag per block.

Plain Python beside `view_document`, so the rules are tested without Qt; the view applies the result to its
QTextBlocks (`view_folding`). The rule: an exchange's header always shows, so the reader can see where each
exchange is and unfold it; a turn shows when its exchange is unfolded, the filter lets it through and, in the
outline, it is a question. Every block of a long turn shown as several blocks shows with it.

The state keeps what the document shows too, so that a change hides and shows only the blocks whose flag
changed: on 20,000 turns a fold touches a handful of blocks, not 40,000.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import compress

from reader.core.model import Turn
from reader.ui.view_document import ViewDocument

TurnFilter = Callable[[Turn], bool] | Iterable[str] | None


@dataclass(frozen=True, slots=True)
class VisibilityChange:
    """The blocks to show and to hide to bring the document to the state, and the range they lie in."""

    to_show: bytes  # 1 per block to show
    to_hide: bytes  # 1 per block to hide
    first: int  # the first block changed
    last: int  # the last block changed (inclusive)

    def show(self) -> Iterator[int]:
        """The numbers of the blocks to show, found in C (no list of 40,000 numbers after a fold of all)."""
        return compress(range(len(self.to_show)), self.to_show)

    def hide(self) -> Iterator[int]:
        return compress(range(len(self.to_hide)), self.to_hide)


class FoldState:
    """Folds, the outline and the speaker filter of one view document, and the visibility they give. The
    document is composed first: composing finds the turns shown as several blocks, and so the blocks."""

    def __init__(self, vdoc: ViewDocument) -> None:
        self.vdoc = vdoc
        self._collapsed = bytearray(len(vdoc.transcript.exchanges))
        self._outline = False
        self._turn_filter: TurnFilter = None
        self._mask: bytearray | None = None  # 1 per turn the filter lets through; None without a filter
        self._shown = b"\x01" * vdoc.block_count  # what the document shows: a new text shows every block

    def for_document(self, vdoc: ViewDocument) -> FoldState:
        """The same folds, outline and filter over a new document of the same transcript (the speakers'
        names changed), whose text shows every block."""
        state = FoldState(vdoc)
        state._collapsed = bytearray(self._collapsed)
        state._outline = self._outline
        state.set_turn_filter(self._turn_filter)
        return state

    # --- folds ------------------------------------------------------------------------------------------

    def is_collapsed(self, exchange: int) -> bool:
        return bool(self._collapsed[exchange])

    def set_collapsed(self, exchange: int, collapsed: bool) -> bool:
        """Fold or unfold one exchange; False when it already was."""
        if bool(self._collapsed[exchange]) == collapsed:
            return False
        self._collapsed[exchange] = collapsed
        return True

    def collapse_all(self) -> None:
        self._collapsed = bytearray(b"\x01" * len(self._collapsed))

    def expand_all(self) -> None:
        self._collapsed = bytearray(len(self._collapsed))

    # --- the outline and the filter ---------------------------------------------------------------------

    @property
    def outline(self) -> bool:
        return self._outline

    def set_outline(self, outline: bool) -> None:
        """Questions only: every answer hidden, every question shown in full."""
        self._outline = outline

    @property
    def turn_filter(self) -> TurnFilter:
        return self._turn_filter

    def set_turn_filter(self, turn_filter: TurnFilter) -> None:
        """Show only the turns a predicate (or a set of speaker keys) accepts; None shows every turn."""
        self._turn_filter = turn_filter
        turns = self.vdoc.transcript.turns
        if turn_filter is None:
            self._mask = None
        elif callable(turn_filter):
            self._mask = bytearray(bool(turn_filter(turn)) for turn in turns)
        else:
            keys = set(turn_filter)
            self._mask = bytearray(turn.speaker in keys for turn in turns)

    def passes_filter(self, turn: int) -> bool:
        return self._mask is None or bool(self._mask[turn])

    def nearest_passing(self, turn: int) -> int | None:
        """The nearest turn after `turn`, else before it, that the filter lets through."""
        following = self.vdoc.next_turn(turn, 1, self._mask)
        return following if following is not None else self.vdoc.next_turn(turn, -1, self._mask)

    def allowed(self) -> bytearray | None:
        """1 per turn a step may land on: those the filter lets through and, in the outline, the questions;
        None when every turn is allowed. Folds do not count: a step into a folded exchange unfolds it."""
        if not self._outline:
            return self._mask
        if self._mask is None:
            return self.vdoc.is_question
        return bytearray(a & b for a, b in zip(self._mask, self.vdoc.is_question, strict=True))

    # --- visibility -------------------------------------------------------------------------------------

    def visibility(self) -> bytes:
        """1 per visible block, by the rule in the module's docstring.

        Computed without a Python loop over the turns, since it runs on every fold: the 0/1 bytes of each
        condition are combined as big integers, then spread from turns to blocks by the document."""
        vdoc = self.vdoc
        count = len(vdoc.turn_exchange)
        if not count or (self._mask is None and not self._outline and 1 not in self._collapsed):
            return b"\x01" * vdoc.block_count
        shown = int.from_bytes(b"\x01" * count) ^ int.from_bytes(
            bytes(map(self._collapsed.__getitem__, vdoc.turn_exchange)))
        if self._mask is not None:
            shown &= int.from_bytes(self._mask)
        if self._outline:
            shown &= int.from_bytes(vdoc.is_question)
        return vdoc.blocks_from_turns(shown.to_bytes(count))

    def is_shown(self, block: int) -> bool:
        """Whether the document shows `block` (as of the last `update`)."""
        return bool(self._shown[block])

    def shows_any(self, start: int, end: int) -> bool:
        """Whether the document shows any of the blocks `start` to `end` (exclusive)."""
        return 1 in self._shown[start:end]

    def shows_all(self, start: int, end: int) -> bool:
        """Whether the document shows every block from `start` to `end` (exclusive)."""
        return 0 not in self._shown[start:end]

    def update(self) -> VisibilityChange | None:
        """The blocks whose visibility the changes since the last update changed, taken as applied; None when
        none did. Found by integer arithmetic on the 0/1 bytes (C speed), not a loop over the blocks."""
        wanted, shown = self.visibility(), self._shown
        if wanted == shown:
            return None
        size = len(wanted)
        now, then = int.from_bytes(wanted), int.from_bytes(shown)
        changed = now ^ then
        first = size - 1 - (changed.bit_length() - 1) // 8
        last = size - 1 - ((changed & -changed).bit_length() - 1) // 8
        self._shown = wanted
        return VisibilityChange((now & ~then).to_bytes(size), (then & ~now).to_bytes(size), first, last)
