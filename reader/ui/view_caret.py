"""The caret of the reading view: keyboard selection as in a browser's caret browsing, and the mouse's selections.

The view is read-only, but its caret moves and selects as in any text: arrows, Ctrl+arrows by word, Home and
End, Page Up and Down, and each with Shift to select. Left and Right fold and unfold an exchange only where the
caret stands on its header (as in a tree, a key that would change nothing there moves the caret instead), so
they never stop a reader from selecting words. The caret never rests in a block a fold hides: a move into one
goes on to the next block shown. By the mouse, a triple click takes the paragraph under it (not the whole
turn), and a drag is snapped to whole words when the reader wants that (View > Snap Selection to Whole Words).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.fold_state import FoldState
from reader.ui.view_document import ViewDocument

FOLD_KEYS = {Qt.Key.Key_Left: True, Qt.Key.Key_Right: False}  # key -> whether it folds (else unfolds)


class Caret:
    """Where the caret of one editor stands in its `ViewDocument`, and the keys that act there."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self._editor = editor
        self._vdoc: ViewDocument | None = None

    def reset(self, vdoc: ViewDocument) -> None:
        self._vdoc = vdoc

    def header(self) -> int | None:
        """The exchange whose header the caret stands on; None in a turn."""
        if self._vdoc is None:
            return None
        kind, index = self._vdoc.locate(self._editor.textCursor().blockNumber())
        return index if kind == "header" else None

    def turn(self) -> int | None:
        """The turn the caret stands in; on a header, the exchange's first turn."""
        if self._vdoc is None:
            return None
        return self._vdoc.turn_at_block(self._editor.textCursor().blockNumber())

    def folds_here(self, key: int, modifiers: Qt.KeyboardModifier, folds: FoldState | None) -> bool:
        """Whether Left or Right (no modifier) is the fold command here: on a header that it would fold or
        unfold. Anywhere else the key moves the caret."""
        if key not in FOLD_KEYS or modifiers & ~Qt.KeyboardModifier.KeypadModifier or folds is None:
            return False
        exchange = self.header()
        return exchange is not None and folds.is_collapsed(exchange) != FOLD_KEYS[Qt.Key(key)]

    def leave_hidden(self, forward: bool) -> None:
        """A caret moved into a hidden block goes on to the next block shown that way (its start going
        forward, its end going back), the selection's anchor staying where it was."""
        cursor = self._editor.textCursor()
        block = cursor.block()
        if block.isVisible():
            return
        while block.isValid() and not block.isVisible():
            block = block.next() if forward else block.previous()
        if not block.isValid():  # nothing shown that way: back to the other side
            block = cursor.block()
            while block.isValid() and not block.isVisible():
                block = block.previous() if forward else block.next()
            forward = not forward
            if not block.isValid():
                return
        mode = QTextCursor.MoveMode.KeepAnchor if cursor.hasSelection() else QTextCursor.MoveMode.MoveAnchor
        cursor.setPosition(block.position() if forward else block.position() + block.length() - 1, mode)
        self._editor.setTextCursor(cursor)


class TripleClick:
    """Tells a third click from a new one: within the double-click interval of a double click, near it."""

    def __init__(self) -> None:
        self._timer = QElapsedTimer()
        self._at = QPointF()

    def double_clicked(self, at: QPointF) -> None:
        self._timer.start()
        self._at = at

    def is_third(self, at: QPointF) -> bool:
        if not self._timer.isValid():
            return False
        third = self._timer.elapsed() < QGuiApplication.styleHints().mouseDoubleClickInterval() and \
            (at - self._at).manhattanLength() < QGuiApplication.styleHints().startDragDistance() * 2
        self._timer.invalidate()
        return third
