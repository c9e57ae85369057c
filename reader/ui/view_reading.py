"""The reading position of the transcript view and the commands that move it (J/K, N/P, Alt+Down/Up, Go to).

The position is a turn index. Scrolling by hand moves it to the turn at the top of the page; a command moves
it to its target and scrolls that target to the top (as far as the end of the document allows), so stepping
through the last page still moves from turn to turn. Targets inside a folded exchange unfold it; turns the
outline or the speaker filter hide are stepped over.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

if TYPE_CHECKING:
    from reader.ui.transcript_view import TranscriptView

    _Base = TranscriptView
else:
    _Base = object


class ReadingMixin(_Base):
    """Mixed into TranscriptView: reading position and navigation."""

    def current_turn(self) -> int:
        """The turn at the reading position; -1 with no transcript."""
        return self._current

    def current_exchange(self) -> int:
        return self.transcript.turns[self._current].exchange if self.transcript and self._current >= 0 else -1

    def _set_current(self, turn: int) -> None:
        if turn != self._current:
            self._current = turn
            self.viewport().update()
            self.position_changed.emit(turn)

    def _allowed(self) -> bytearray | None:
        """Turns a step may land on: those the filter lets through and, in the outline, the questions."""
        vdoc = self.vdoc
        if vdoc is None or (self._mask is None and not self._outline):
            return None
        if not self._outline:
            return self._mask
        if self._mask is None:
            return vdoc.is_question
        return bytearray(a & b for a, b in zip(self._mask, vdoc.is_question, strict=True))

    # --- scrolling -------------------------------------------------------------------------------------

    def scroll_to_turn(self, index: int, offset: int = 0) -> None:
        """Make turn `index` the reading position and bring the line holding `offset` (in `Turn.text`) to the
        top; a folded exchange opens, a turn hidden by the outline or the filter shows its exchange's header."""
        vdoc = self.vdoc
        if vdoc is None or not 0 <= index < len(vdoc.turn_exchange):
            return
        exchange = vdoc.turn_exchange[index]
        if self._collapsed[exchange]:
            self.set_collapsed(exchange, False)
        self._set_current(index)
        block = vdoc.block_of_turn(index)
        header = vdoc.block_of_header(exchange)
        if not offset and 1 not in self._visible[header + 1:block]:
            block = header  # the first turn shown of an exchange keeps its label in sight above it
        if not self._visible[block]:
            self._scroll_to_block(vdoc.block_of_header(exchange))
            return
        if offset:
            block, position = vdoc.place(index, offset)
            self._scroll_to_block(block, position)
        else:
            self._scroll_to_block(block)

    def _scroll_to_block(self, number: int, position_in_block: int = 0, keep_if_visible: bool = False) -> None:
        document = self.document()
        block = document.findBlockByNumber(number)
        if not block.isValid():
            return
        if keep_if_visible:
            rect = self.blockBoundingGeometry(block).translated(self.contentOffset())
            if rect.top() >= 0 and rect.bottom() <= self.viewport().height():
                return
        line = 0
        if position_in_block:
            document.documentLayout().blockBoundingRect(block)  # lays the block out, so its lines are known
            text_line = block.layout().lineForTextPosition(position_in_block)
            line = text_line.lineNumber() if text_line.isValid() else 0
        self._navigating = True
        try:
            bar = self.verticalScrollBar()
            bar.setValue(block.firstLineNumber() + line)
            cursor = self.textCursor()
            cursor.setPosition(block.position() + position_in_block)
            self.setTextCursor(cursor)
            bar.setValue(block.firstLineNumber() + line)  # setTextCursor may have nudged it
            self._last_top = self._top_block()
        finally:
            self._navigating = False
        self._refresh_extra_selections()

    @contextmanager
    def _layout_change(self) -> Iterator[None]:
        """Laying the text out again (a resize, a font, a zoom, formats) moves the scroll bar, not the reader."""
        navigating, self._navigating = self._navigating, True
        try:
            yield
        finally:
            self._navigating = navigating
            self._last_top = self._top_block()

    def _top_block(self) -> int:
        block = self.firstVisibleBlock()
        while block.isValid() and not block.isVisible():
            block = block.next()
        return block.blockNumber() if block.isValid() else -1

    @Slot(int)
    def _on_scrollbar_value_changed(self, _value: int) -> None:
        self._refresh_extra_selections()
        # The scroll bar also moves when blocks are laid out or folded above the page; only a new block at the
        # top means the reader scrolled (and a command's own scrolling sets the position itself).
        top = self._top_block()
        if top == self._last_top:
            return
        self._last_top = top
        if not self._navigating and self.vdoc is not None and top >= 0:
            self._set_current(self.vdoc.turn_at_block(top))

    # --- commands --------------------------------------------------------------------------------------

    def _step(self, target: int | None) -> None:
        if target is not None:
            self.scroll_to_turn(target)

    @Slot()
    def next_turn(self) -> None:
        if self.vdoc is not None and self._current >= 0:
            self._step(self.vdoc.next_turn(self._current, 1, self._allowed()))

    @Slot()
    def previous_turn(self) -> None:
        if self.vdoc is not None and self._current >= 0:
            self._step(self.vdoc.next_turn(self._current, -1, self._allowed()))

    @Slot()
    def next_same_speaker(self) -> None:
        if self.vdoc is not None and self._current >= 0:
            self._step(self.vdoc.next_of_speaker(self._current, 1))

    @Slot()
    def previous_same_speaker(self) -> None:
        if self.vdoc is not None and self._current >= 0:
            self._step(self.vdoc.next_of_speaker(self._current, -1))

    @Slot()
    def next_question(self) -> None:
        if self.vdoc is not None and self._current >= 0:
            target = self.vdoc.next_question(self._current, 1)
            if target is not None:
                self.go_to_exchange(target)

    @Slot()
    def previous_question(self) -> None:
        if self.vdoc is not None and self._current >= 0:
            target = self.vdoc.next_question(self._current, -1)
            if target is not None:
                self.go_to_exchange(target)

    def go_to_exchange(self, exchange: int) -> None:
        """Bring an exchange's header to the top, folded or not as it is; its first turn becomes current."""
        if self.vdoc is None or not 0 <= exchange < len(self._collapsed):
            return
        self._set_current(self.transcript.exchanges[exchange].first_turn)  # type: ignore[union-attr]
        self._scroll_to_block(self.vdoc.block_of_header(exchange))

    @Slot()
    def fold_current(self) -> None:
        exchange = self.current_exchange()
        if exchange >= 0:
            self.set_collapsed(exchange, True)

    @Slot()
    def unfold_current(self) -> None:
        exchange = self.current_exchange()
        if exchange >= 0:
            self.set_collapsed(exchange, False)
