"""The reading position of the transcript view, and the scrolling that moves it or follows the reader.

The position is a turn index. Scrolling by hand moves it to the turn at the top of the page; a command moves
it to its target and scrolls that target to the top (as far as the end of the document allows), so stepping
through the last page still moves from turn to turn. The scroll bar also moves when the view lays its text out
again (a fold above the page, a resize, a font) or scrolls by itself: `held` marks those times, and only a new
block at the top outside them is the reader's doing.

A target inside a turn (a search match, a note's words) is not put on the page's very edge: its exchange's header
shows above it when both fit in the top third of the page, and otherwise a couple of lines of what comes before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.fold_state import FoldState
from reader.ui.view_document import ViewDocument

CONTEXT_LINES = 2  # lines shown above a target inside a turn, so it is read in its place, not on the edge


class ReadingPosition:
    """The turn being read in one editor; `moved(turn)` is called whenever it changes."""

    def __init__(self, editor: QPlainTextEdit, moved: Callable[[int], None]) -> None:
        self._editor = editor
        self._moved = moved
        self._vdoc: ViewDocument | None = None
        self._turn = -1
        self._held = False  # the view is laying out or scrolling by itself
        self._last_top = -1  # the block at the top when the scroll bar last moved

    def reset(self, vdoc: ViewDocument) -> None:
        """A new document; the position stays (the same transcript with other names) until `forget`."""
        self._vdoc = vdoc

    def forget(self) -> None:
        """No position, without telling anyone: a new transcript's is set next."""
        self._turn = -1

    @property
    def turn(self) -> int:
        """The turn at the reading position; -1 with no transcript."""
        return self._turn

    def move_to(self, turn: int) -> None:
        if turn != self._turn:
            self._turn = turn
            self._moved(turn)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Laying the text out again or scrolling to a target moves the scroll bar, not the reader."""
        held, self._held = self._held, True
        try:
            yield
        finally:
            self._held = held
            self._last_top = self.top_block()

    def follow_scroll(self) -> None:
        """The scroll bar moved: a new block at the top, scrolled to by the reader, is the new position."""
        top = self.top_block()
        if top == self._last_top:
            return
        self._last_top = top
        if not self._held and self._vdoc is not None and top >= 0:
            self.move_to(self._vdoc.turn_at_block(top))

    def top_block(self) -> int:
        """The first block shown at the top of the page; -1 with none."""
        block = self._editor.firstVisibleBlock()
        while block.isValid() and not block.isVisible():
            block = block.next()
        return block.blockNumber() if block.isValid() else -1

    def show_turn(self, turn: int, offset: int, folds: FoldState, titled: bool = False) -> None:
        """Make `turn` (its exchange unfolded) the position and bring the line holding `offset` to the top; the
        first turn shown of an exchange keeps its label in sight above it, a `titled` turn (a section or a topic
        begins there, its title written in the blank line above it) the title, with the last line of the turn
        before; a turn the outline or the filter hides shows its exchange's header instead."""
        vdoc = folds.vdoc
        self.move_to(turn)
        block = vdoc.block_of_turn(turn)
        header = vdoc.block_of_header(vdoc.turn_exchange[turn])
        if not folds.is_shown(block):
            self.scroll_to_block(header)
        elif offset:
            first_shown = not folds.shows_any(header + 1, block)
            self.scroll_to_target(*vdoc.place(turn, offset), header if first_shown else None)
        else:  # the caret at the start of the turn's words, ready to select them
            words = self._editor.document().findBlockByNumber(block).position() + vdoc.prefix_lengths[turn]
            inside = folds.shows_any(header + 1, block)
            self.scroll_to_block(block if inside else header, caret=words,
                                 lines_above=1 if inside and titled and folds.is_shown(block - 1) else 0)

    def scroll_to_target(self, number: int, position_in_block: int, header: int | None) -> None:
        """Bring the line of block `number` holding `position_in_block` near the top, with the text cursor there:
        below the `header` block when both fit in the top third of the page, else below a few lines of context."""
        editor = self._editor
        document = editor.document()
        block = document.findBlockByNumber(number)
        if not block.isValid():
            return
        document.documentLayout().blockBoundingRect(block)  # lays the block out, so its lines are known
        text_line = block.layout().lineForTextPosition(position_in_block)
        line = text_line.lineNumber() if text_line.isValid() else 0
        page = max(1, editor.viewport().height() // max(1, editor.fontMetrics().lineSpacing()))

        def top() -> int:  # asked again once the cursor is set: laying blocks out may renumber the lines
            target = block.firstLineNumber() + line
            if header is not None:
                header_line = document.findBlockByNumber(header).firstLineNumber()
                if target - header_line <= page // 3:
                    return header_line
            return max(0, target - CONTEXT_LINES)

        with self.held():
            bar = editor.verticalScrollBar()
            bar.setValue(top())
            cursor = editor.textCursor()
            cursor.setPosition(block.position() + position_in_block)
            editor.setTextCursor(cursor)
            bar.setValue(top())  # setTextCursor may have nudged it

    def scroll_to_block(self, number: int, position_in_block: int = 0, keep_if_visible: bool = False,
                        caret: int | None = None, lines_above: int = 0) -> None:
        """Bring the line of block `number` holding `position_in_block` to the top (or `lines_above` lines below
        it), with the text cursor there (or at the document position `caret`); with `keep_if_visible`, leave the
        page as it is when the block is already wholly on it."""
        editor = self._editor
        document = editor.document()
        block = document.findBlockByNumber(number)
        if not block.isValid():
            return
        if keep_if_visible:
            rect = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
            if rect.top() >= 0 and rect.bottom() <= editor.viewport().height():
                return
        line = 0
        if position_in_block:
            document.documentLayout().blockBoundingRect(block)  # lays the block out, so its lines are known
            text_line = block.layout().lineForTextPosition(position_in_block)
            line = text_line.lineNumber() if text_line.isValid() else 0
        with self.held():
            bar = editor.verticalScrollBar()
            bar.setValue(max(0, block.firstLineNumber() + line - lines_above))
            cursor = editor.textCursor()
            cursor.setPosition(block.position() + position_in_block if caret is None else caret)
            editor.setTextCursor(cursor)
            # setTextCursor may have nudged it, and laying blocks out renumbered the lines
            bar.setValue(max(0, block.firstLineNumber() + line - lines_above))
