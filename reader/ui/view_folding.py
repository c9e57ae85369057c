"""Folding applied to Qt: the reading view's blocks shown and hidden as its `FoldState` asks.

The fold state says which blocks changed (`VisibilityChange`); this sets each one's visibility on a handle kept
for the document's life and re-measures the changed range once, instead of once per block.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument

from reader.ui.fold_state import VisibilityChange


class BlockVisibility:
    """Shows and hides blocks of one document. The document is read-only, so handles stay valid until the next
    text (`reset`)."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._blocks: list[QTextBlock] | None = None

    def reset(self) -> None:
        """The document has a new text: its handles are made again when needed."""
        self._blocks = None

    @property
    def ready(self) -> bool:
        return self._blocks is not None

    def make_handles(self) -> list[QTextBlock]:
        """Every block of the document, made once per text; the view makes them after its first paint, so that
        a first fold does not wait for them and the first paint does not either."""
        if self._blocks is None:
            blocks = []
            block = self._document.firstBlock()
            while block.isValid():
                blocks.append(block)
                block = block.next()
            self._blocks = blocks
        return self._blocks

    def apply(self, change: VisibilityChange) -> None:
        """Set the blocks' visibility and have the layout measure the changed range again; the scroll bar moves
        as it does, which the caller keeps from moving the reading position."""
        blocks = self.make_handles()
        for number in change.show():
            blocks[number].setVisible(True)
        for number in change.hide():
            blocks[number].setVisible(False)
        start = blocks[change.first].position()
        end = blocks[change.last].position() + blocks[change.last].length()
        self._document.markContentsDirty(start, end - start)
