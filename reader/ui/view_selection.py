"""Selections in the transcript view, in `Turn.text` offsets, and copying them as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextBlock, QTextCursor

from reader.ui.view_document import LINE_BREAK

if TYPE_CHECKING:
    from reader.ui.transcript_view import TranscriptView

    _Base = TranscriptView
else:
    _Base = object


class SelectionMixin(_Base):
    """Mixed into TranscriptView."""

    def createMimeDataFromSelection(self) -> QMimeData:
        """Plain text only, with the hidden (folded) blocks left out."""
        data = QMimeData()
        data.setText(self.selected_text())
        return data

    def selected_text(self) -> str:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return ""
        document = self.document()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block: QTextBlock = document.findBlock(start)
        pieces = []
        while block.isValid() and block.position() < end:
            if block.isVisible():
                lo = max(start, block.position()) - block.position()
                hi = min(end, block.position() + block.length() - 1) - block.position()
                pieces.append(block.text()[lo:hi])
            block = block.next()
        return "\n".join(pieces).replace(LINE_BREAK, "\n")

    def selection_in_turn(self) -> tuple[int, int, int] | None:
        """(turn index, start, end) of the selection in `Turn.text` offsets, cut to the turn it starts in."""
        cursor = self.textCursor()
        if self.vdoc is None or not cursor.hasSelection():
            return None
        block = self.document().findBlock(cursor.selectionStart())
        kind, turn = self.vdoc.locate(block.blockNumber())
        if kind != "turn":
            return None
        base = block.position() + self.vdoc.prefix_lengths[turn]
        length = len(self.transcript.turns[turn].text)  # type: ignore[union-attr]
        start = min(max(cursor.selectionStart() - base, 0), length)
        end = min(max(cursor.selectionEnd() - base, 0), length)
        return (turn, start, end) if end > start else None

    def select_in_turn(self, turn: int, start: int, end: int) -> None:
        """Select `Turn.text[start:end]` of a turn (and bring it on screen)."""
        assert self.vdoc is not None
        self.scroll_to_turn(turn, start)
        base = self.document().findBlockByNumber(self.vdoc.block_of_turn(turn)).position()
        base += self.vdoc.prefix_lengths[turn]
        cursor = QTextCursor(self.document())
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
