"""Renaming a section or a topic where its title is painted in the text: a line edit laid over the title.

Enter (or leaving the field, or scrolling the text under it) keeps the new title, Escape keeps the old one; an
empty or unchanged title changes nothing. The view says where and what (`edit`); the editor reports the title
typed (`renamed`), and the Topics panel makes that an undoable edit kept with the notes, as a rename in its own
tree is.

Signals:
    renamed(int, str, str): the first turn of the section or topic, the title typed, "section" or "topic".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from reader.ui.view_painting import TitleArea

MIN_WIDTH = 260  # pixels: room to type a longer title than an elided one


class _Field(QLineEdit):
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TitleEditor(QObject):
    renamed = Signal(int, str, str)

    def __init__(self, over: QWidget) -> None:
        super().__init__(over)
        self._over = over
        self._field: _Field | None = None
        self._area: TitleArea | None = None

    @property
    def editing(self) -> TitleArea | None:
        """The title being edited, if any."""
        return self._area if self._field is not None else None

    def edit(self, area: TitleArea) -> None:
        """Open the field over `area`'s title, holding it in full and selected."""
        self.close()
        field = _Field(area.label, self._over)
        field.setObjectName("title_editor")
        field.setAccessibleName(f"Rename {area.level}")
        rect = QRectF(area.rect).toAlignedRect()
        height = max(rect.height(), field.sizeHint().height())
        width = min(max(rect.width() + 40, MIN_WIDTH), self._over.width() - rect.left())
        field.setGeometry(rect.left() - 3, rect.center().y() - height // 2, width, height)
        field.selectAll()
        field.editingFinished.connect(self.finish)
        field.cancelled.connect(self.close)
        self._field, self._area = field, area
        field.show()
        field.setFocus(Qt.FocusReason.MouseFocusReason)

    @Slot()
    def finish(self) -> None:
        """Keep the title typed, if one is being edited."""
        field, area = self._field, self._area
        if field is None or area is None:
            return
        label = " ".join(field.text().split())
        self.close()
        if label and label != area.label:
            self.renamed.emit(area.turn, label, area.level)

    @Slot()
    def close(self) -> None:
        """Take the field away without renaming."""
        field, self._field, self._area = self._field, None, None
        if field is not None:
            field.editingFinished.disconnect(self.finish)
            field.hide()
            field.deleteLater()
            self._over.setFocus(Qt.FocusReason.OtherFocusReason)
