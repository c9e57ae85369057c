"""Highlights in the reading view (search matches, annotations) as the editor's extra selections.

The layers (`highlight.ExtraHighlights`) hold every span; only those of the turns on screen become extra
selections, made again whenever the screen shows other turns. A search for "the" in 20,000 turns has tens of
thousands of matches, and Qt would lay out every one of them on each paint.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.highlight import ExtraHighlights, Span
from reader.ui.view_document import ViewDocument
from reader.ui.view_painting import ShownBlock, blocks_on_screen


class ScreenHighlights:
    """Named layers of highlighted spans shown in one editor, for the turns on its screen."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self._editor = editor
        self._vdoc: ViewDocument | None = None
        self._layers = ExtraHighlights()
        self._timer = QTimer(editor)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)

    def reset(self, vdoc: ViewDocument) -> None:
        """A new document (of the same turns, or of a new transcript after `clear`)."""
        self._vdoc = vdoc

    def clear(self) -> None:
        self._layers.clear()

    def set(self, key: str, spans: Iterable[Span]) -> None:
        """Replace the layer `key` (an empty list removes it), and show it now."""
        self._layers.set(key, spans)
        self.apply()

    def count(self, key: str) -> int:
        return self._layers.count(key)

    def refresh(self) -> None:
        """Make the selections on screen again once control is back in the event loop: this runs from scroll bar
        signals that Qt emits in the middle of its own layout work, where changing selections crashes."""
        self._timer.start()

    def apply(self) -> None:
        """Make the selections for the turns on screen now."""
        self._timer.stop()
        vdoc, editor = self._vdoc, self._editor
        shown = blocks_on_screen(editor, vdoc) if vdoc is not None else []
        turns = [item.index for item in shown if item.kind == "turn"]
        if vdoc is None or not turns:
            editor.setExtraSelections([])
            return
        within = _offsets_on_screen(vdoc, shown) if vdoc.pieces else None  # a long turn: its part on screen
        editor.setExtraSelections(self._layers.selections(editor.document(), vdoc, turns[0], turns[-1], within))


def _offsets_on_screen(vdoc: ViewDocument, shown: list[ShownBlock]) -> tuple[int, int]:
    """Where the screen starts in the first turn on it and ends in the last, as offsets in their text."""
    turns = [item for item in shown if item.kind == "turn"]
    top, bottom = turns[0], turns[-1]
    start = vdoc.offset_in_turn(top.number, 0)
    end = vdoc.offset_in_turn(bottom.number, max(0, bottom.block.length() - 2))  # its last character
    return (start[1] if start else 0), (end[1] if end else 0)
