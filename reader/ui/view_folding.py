"""Folding in the transcript view: exchanges folded one by one or all at once, the questions-only outline and the
speaker filter. All three only change which blocks are visible; `_update_visibility` hides and shows the blocks
whose state changed, in one pass over the changed range, and re-measures that range once.
"""

from __future__ import annotations

from itertools import compress
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QTextBlock

from reader.ui.view_document import TurnFilter

if TYPE_CHECKING:
    from reader.ui.transcript_view import TranscriptView

    _Base = TranscriptView
else:
    _Base = object


class FoldingMixin(_Base):
    """Mixed into TranscriptView."""

    def is_collapsed(self, exchange: int) -> bool:
        return bool(self._collapsed[exchange])

    def set_collapsed(self, exchange: int, collapsed: bool) -> None:
        if bool(self._collapsed[exchange]) == collapsed:
            return
        self._collapsed[exchange] = collapsed
        self._update_visibility()
        if collapsed and self.current_exchange() == exchange:
            # The reading position folds into its exchange's header, which stays where the reader can see it.
            self._set_current(self.transcript.exchanges[exchange].first_turn)  # type: ignore[union-attr]
            self._scroll_to_block(self.vdoc.block_of_header(exchange), keep_if_visible=True)  # type: ignore[union-attr]

    def toggle_exchange(self, exchange: int) -> None:
        self.set_collapsed(exchange, not self._collapsed[exchange])

    @Slot()
    def collapse_all(self) -> None:
        self._collapsed = bytearray(b"\x01" * len(self._collapsed))
        self._update_visibility()
        if self.vdoc and self._current >= 0:
            self._scroll_to_block(self.vdoc.block_of_header(self.transcript.turns[self._current].exchange))  # type: ignore[union-attr]

    @Slot()
    def expand_all(self) -> None:
        self._collapsed = bytearray(len(self._collapsed))
        self._update_visibility()
        if self._current >= 0:
            self.scroll_to_turn(self._current)

    def set_outline(self, outline: bool) -> None:
        """Questions only: every answer hidden, every question shown in full."""
        self._outline = outline
        self._update_visibility()
        if self.vdoc and self._current >= 0:
            exchange = self.transcript.exchanges[self.transcript.turns[self._current].exchange]  # type: ignore[union-attr]
            self.scroll_to_turn(exchange.first_turn if exchange.question is None else exchange.question)

    def is_outline(self) -> bool:
        return self._outline

    def set_turn_filter(self, turn_filter: TurnFilter) -> None:
        """Show only the turns a predicate (or a set of speaker keys) accepts; None shows every turn."""
        self._turn_filter = turn_filter
        if self.vdoc is None:
            return
        self._mask = self.vdoc.turn_filter_mask(turn_filter)
        self._update_visibility()
        if self._current >= 0 and self._mask is not None and not self._mask[self._current]:
            following = self.vdoc.next_turn(self._current, 1, self._mask)
            if following is None:
                following = self.vdoc.next_turn(self._current, -1, self._mask)
            if following is not None:
                self.scroll_to_turn(following)

    def turn_filter(self) -> TurnFilter:
        return self._turn_filter

    def _block_handles(self) -> list[QTextBlock]:
        """Every block of the document, made once per text (the document is read-only, so handles stay valid)."""
        if self._blocks is None:
            blocks = []
            block = self.document().firstBlock()
            while block.isValid():
                blocks.append(block)
                block = block.next()
            self._blocks = blocks
        return self._blocks

    def _update_visibility(self) -> None:
        vdoc = self.vdoc
        if vdoc is None:
            return
        wanted = vdoc.visibility(self._collapsed, self._outline, self._mask)
        shown = self._visible
        if wanted == shown:
            return
        # Which blocks to show and which to hide, found by integer arithmetic on the 0/1 bytes (C speed), then
        # one call per changed block on handles kept for the document's life.
        size = len(wanted)
        now, then = int.from_bytes(wanted), int.from_bytes(shown)
        changed = now ^ then
        first = size - 1 - (changed.bit_length() - 1) // 8
        last = size - 1 - ((changed & -changed).bit_length() - 1) // 8
        blocks = self._block_handles()
        for number in compress(range(size), (now & ~then).to_bytes(size)):
            blocks[number].setVisible(True)
        for number in compress(range(size), (then & ~now).to_bytes(size)):
            blocks[number].setVisible(False)
        document = self.document()
        start = blocks[first].position()
        end = blocks[last].position() + blocks[last].length()
        self._visible = wanted
        # One re-measure of the changed range instead of one per block.
        navigating, self._navigating = self._navigating, True
        try:
            document.markContentsDirty(start, end - start)
        finally:
            self._navigating = navigating
        self._last_top = self._top_block()
        self._refresh_extra_selections()
        self.viewport().update()
        self.folding_changed.emit()
