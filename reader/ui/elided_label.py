"""A one-line label that shows as much of its text as fits, ending in "…", with the whole text as its tooltip: for
the status bar, where a topic's name must give way to the window's width without being cut off mid-letter."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

MIN_CHARS = 8  # the least it keeps room for, in average characters


class ElidedLabel(QLabel):
    """`text()` is the whole text; what is drawn is elided to the width the layout gives."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)

    def text(self) -> str:  # type: ignore[override]
        return self._text

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._text = text
        self.setToolTip(text)
        self.updateGeometry()
        self._elide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        hint.setWidth(self.fontMetrics().horizontalAdvance(self._text) + margins.left() + margins.right() + 2)
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        hint.setWidth(self.fontMetrics().averageCharWidth() * MIN_CHARS + margins.left() + margins.right())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, max(width, 0))
        super().setText(shown)
