"""Text out of the reading view, in `Turn.text` terms: a selection as plain text, as a span of one turn or as a
passage over several, a turn as shown, and the whole document with a long turn's pieces joined again; and
the selections a reader makes by hand, snapped to whole words or taken by the paragraph.

Functions of the view's document (or a cursor on it) and its `ViewDocument`; they keep no state. The blocks a
fold hides are left out of what is copied, as a reader who copies what they see expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.view_document import LINE_BREAK, ViewDocument

# A word for snapping: letters and digits, with the apostrophes and hyphens inside words ("don't", "well-known").
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")


class SelectedSpan(NamedTuple):
    """The words selected, as offsets in `Turn.text`: from `start` in turn `first` to `end` in turn `last` (the
    same turn for words in one). `over_hidden` says that turns between them are hidden (folded, or left out by
    the outline or a filter): the reader did not see all that the span holds."""

    first: int
    start: int
    last: int
    end: int
    over_hidden: bool = False

    @property
    def turns(self) -> int:
        return self.last - self.first + 1


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


def selected_span(cursor: QTextCursor, vdoc: ViewDocument, shown: Callable[[int, int], bool]) -> SelectedSpan | None:
    """The selection as a span of turns, over as many turns as it covers; None when it holds no words of a turn.

    A selection that starts on an exchange's header starts with the exchange's first turn, and one that ends on a
    header ends with the turn before it. `shown(first_block, end_block)` says whether every block in that range
    is shown."""
    if not cursor.hasSelection():
        return None
    document = cursor.document()
    first = _turn_offset_at(document, vdoc, cursor.selectionStart(), forward=True)
    last = _turn_offset_at(document, vdoc, cursor.selectionEnd(), forward=False)
    if first is None or last is None or first > last:
        return None
    turns = vdoc.transcript.turns
    (a, start), (b, end) = first, last
    start, end = min(max(start, 0), len(turns[a].text)), min(max(end, 0), len(turns[b].text))
    while a < b and start >= len(turns[a].text):  # from the very end of a turn: the words start in the next
        a, start = a + 1, 0
    while b > a and end <= 0:  # to the very start of a turn (its name, the line break before it): the turn before
        b, end = b - 1, len(turns[b - 1].text)
    if a == b and end <= start:
        return None
    hidden = a != b and not shown(vdoc.block_of_turn(a), vdoc.block_of_turn(b) + vdoc.pieces.count(b))
    return SelectedSpan(a, start, b, end, hidden)


def turn_selection(document: QTextDocument, vdoc: ViewDocument, turn: int, start: int, end: int,
                   end_turn: int | None = None) -> QTextCursor:
    """A cursor selecting `Turn.text[start:end]` of a turn, or with `end_turn` the words from `start` in `turn`
    to `end` in `end_turn`."""
    cursor = QTextCursor(document)
    cursor.setPosition(document_position(document, vdoc, turn, start))
    cursor.setPosition(document_position(document, vdoc, turn if end_turn is None else end_turn, end),
                       QTextCursor.MoveMode.KeepAnchor)
    return cursor


def snapped_to_words(cursor: QTextCursor) -> QTextCursor:
    """The selection with each end moved out to the edge of the word it falls in, and the spaces at its ends
    left out: what a reader dragging over words means to take. The anchor stays the anchor."""
    if not cursor.hasSelection():
        return cursor
    document = cursor.document()
    anchor, position = cursor.anchor(), cursor.position()
    start, end = sorted((anchor, position))
    start, end = _word_edge(document, start, backward=True), _word_edge(document, end, backward=False)
    if end <= start:
        return cursor
    snapped = QTextCursor(document)
    snapped.setPosition(start if anchor <= position else end)
    snapped.setPosition(end if anchor <= position else start, QTextCursor.MoveMode.KeepAnchor)
    return snapped


def _word_edge(document: QTextDocument, position: int, backward: bool) -> int:
    """The start (`backward`) or end of the word `position` falls in; past the spaces at a selection's end."""
    block = document.findBlock(position)
    text, at = block.text(), position - block.position()
    for word in _WORD.finditer(text):
        if word.start() < at < word.end():
            return block.position() + (word.start() if backward else word.end())
    if backward:  # a start on a space: the next word's start, in this block
        while at < len(text) and text[at].isspace():
            at += 1
    else:
        while at > 0 and text[at - 1].isspace():
            at -= 1
    return block.position() + at


def paragraph_selection(document: QTextDocument, vdoc: ViewDocument, position: int) -> QTextCursor | None:
    """A cursor selecting the paragraph of a turn at a document position (its text, not the speaker's name);
    None on a header."""
    found = _offset_at(document, vdoc, position)
    if found is None:
        return None
    turn, offset = found
    text = vdoc.transcript.turns[turn].text
    offset = max(0, min(offset, len(text)))
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", offset)
    return turn_selection(document, vdoc, turn, start, len(text) if end < 0 else end)


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


def _turn_offset_at(document: QTextDocument, vdoc: ViewDocument, position: int,
                    forward: bool) -> tuple[int, int] | None:
    """(turn, offset) of a document position; on a header, the start of the exchange's first turn (`forward`)
    or the end of the turn before it, None when there is none."""
    found = _offset_at(document, vdoc, position)
    if found is not None:
        return found
    _kind, exchange = vdoc.locate(document.findBlock(position).blockNumber())
    first = vdoc.transcript.exchanges[exchange].first_turn
    if forward:
        return (first, 0) if first < len(vdoc.transcript.turns) else None
    return (first - 1, len(vdoc.transcript.turns[first - 1].text)) if first > 0 else None
