"""Text out of the reading view, in `Turn.text` terms: a selection as plain text or as a span of one turn, a turn
as shown, and the whole document with a long turn's pieces joined again.

Functions of the view's document (or a cursor on it) and its `ViewDocument`; they keep no state. The blocks a
fold hides are left out of what is copied, as a reader who copies what they see expects.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.view_document import LINE_BREAK, ViewDocument


def selected_text(cursor: QTextCursor, vdoc: ViewDocument | None) -> str:
    """The selected text as plain text, paragraphs on lines of their own, hidden blocks left out."""
    if not cursor.hasSelection():
        return ""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    block = cursor.document().findBlock(start)
    pieces: list[str] = []
    while block.isValid() and block.position() < end:
        if block.isVisible():
            lo = max(start, block.position()) - block.position()
            hi = min(end, block.position() + block.length() - 1) - block.position()
            if pieces and vdoc is not None and vdoc.continues(block.blockNumber()):  # a turn as several blocks
                pieces[-1] += block.text()[lo:hi]
            else:
                pieces.append(block.text()[lo:hi])
        block = block.next()
    return "\n".join(pieces).replace(LINE_BREAK, "\n")


def selection_in_turn(cursor: QTextCursor, vdoc: ViewDocument) -> tuple[int, int, int] | None:
    """(turn index, start, end) of the selection in `Turn.text` offsets, cut to the turn it starts in."""
    if not cursor.hasSelection():
        return None
    document = cursor.document()
    first = _offset_at(document, vdoc, cursor.selectionStart())
    if first is None:
        return None
    turn, start = first
    length = len(vdoc.transcript.turns[turn].text)
    last = _offset_at(document, vdoc, cursor.selectionEnd())
    end = last[1] if last is not None and last[0] == turn else length  # to the turn's end, when past it
    start, end = min(max(start, 0), length), min(max(end, 0), length)
    return (turn, start, end) if end > start else None


def turn_selection(document: QTextDocument, vdoc: ViewDocument, turn: int, start: int, end: int) -> QTextCursor:
    """A cursor selecting `Turn.text[start:end]` of a turn."""
    cursor = QTextCursor(document)
    cursor.setPosition(document_position(document, vdoc, turn, start))
    cursor.setPosition(document_position(document, vdoc, turn, end), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def document_position(document: QTextDocument, vdoc: ViewDocument, turn: int, offset: int) -> int:
    """The position in the view's document of `offset` in the turn's text."""
    block, position = vdoc.place(turn, offset)
    return document.findBlockByNumber(block).position() + position


def turn_display_text(document: QTextDocument, vdoc: ViewDocument, turn: int) -> str:
    """A turn's block as shown: the speaker's name, then the text (paragraph breaks as newlines)."""
    first = vdoc.block_of_turn(turn)
    blocks = [document.findBlockByNumber(first + piece) for piece in range(vdoc.pieces.count(turn))]
    return "".join(block.text() for block in blocks).replace(LINE_BREAK, "\n").rstrip("\n")


def joined_text(document: QTextDocument, vdoc: ViewDocument) -> str:
    """The document's text with a long turn's pieces joined again (their block breaks are only for display)."""
    parts: list[str] = []
    block = document.firstBlock()
    while block.isValid():
        if parts and vdoc.continues(block.blockNumber()):
            parts[-1] += block.text()
        else:
            parts.append(block.text())
        block = block.next()
    return "\n".join(parts)


def _offset_at(document: QTextDocument, vdoc: ViewDocument, position: int) -> tuple[int, int] | None:
    """(turn, offset in its text) of a document position; None in a header."""
    block = document.findBlock(position)
    return vdoc.offset_in_turn(block.blockNumber(), position - block.position())
