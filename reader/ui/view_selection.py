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
        continues = self.vdoc.continues if self.vdoc is not None else (lambda _block: False)
        while block.isValid() and block.position() < end:
            if block.isVisible():
                lo = max(start, block.position()) - block.position()
                hi = min(end, block.position() + block.length() - 1) - block.position()
                if pieces and continues(block.blockNumber()):  # one turn shown as several blocks
                    pieces[-1] += block.text()[lo:hi]
                else:
                    pieces.append(block.text()[lo:hi])
            block = block.next()
        return "\n".join(pieces).replace(LINE_BREAK, "\n")

    def selection_in_turn(self) -> tuple[int, int, int] | None:
        """(turn index, start, end) of the selection in `Turn.text` offsets, cut to the turn it starts in."""
        cursor = self.textCursor()
        if self.vdoc is None or not cursor.hasSelection():
            return None
        first = self._offset_at(cursor.selectionStart())
        if first is None:
            return None
        turn, start = first
        length = len(self.transcript.turns[turn].text)  # type: ignore[union-attr]
        last = self._offset_at(cursor.selectionEnd())
        end = last[1] if last is not None and last[0] == turn else length  # to the turn's end, when past it
        start, end = min(max(start, 0), length), min(max(end, 0), length)
        return (turn, start, end) if end > start else None

    def _offset_at(self, position: int) -> tuple[int, int] | None:
        """(turn, offset in its text) of a document position; None in a header."""
        block = self.document().findBlock(position)
        return self.vdoc.offset_in_turn(block.blockNumber(), position - block.position())  # type: ignore[union-attr]

    def select_in_turn(self, turn: int, start: int, end: int) -> None:
        """Select `Turn.text[start:end]` of a turn (and bring it on screen)."""
        assert self.vdoc is not None
        self.scroll_to_turn(turn, start)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.document_position(turn, start))
        cursor.setPosition(self.document_position(turn, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def document_position(self, turn: int, offset: int) -> int:
        """The position in the view's document of `offset` in the turn's text."""
        block, position = self.vdoc.place(turn, offset)  # type: ignore[union-attr]
        return self.document().findBlockByNumber(block).position() + position
