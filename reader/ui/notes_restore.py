"""Notes > Restore Earlier Notes…: the earlier versions of the open transcript's notes and the files set aside as
damaged, one to choose. Restoring a version makes the notes what they were then; taking in a set-aside file adds
what can be read of it. The version replaced is kept among the backups, so a restore is undone the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.core.notes.backups import Backup
from reader.ui.plain_text import tooltip


@dataclass(frozen=True, slots=True)
class Choice:
    kind: str  # "version" (restore it) or "aside" (take in what can be read)
    path: Path


class RestoreDialog(QDialog):
    """A list of what can be brought back, newest first; `chosen()` once accepted."""

    def __init__(self, versions: list[Backup], aside: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore Earlier Notes")
        self.list = QListWidget(self)
        self.list.setObjectName("restore_list")
        for backup in versions:
            count = "unreadable" if backup.annotations is None else f"{backup.annotations} annotations"
            self._add(f"{backup.when.astimezone():%Y-%m-%d %H:%M:%S} — {count}", Choice("version", backup.path))
        for path in aside:
            self._add(f"Set aside as damaged: {path.name}", Choice("aside", path))
        hint = QLabel("Restoring a version makes the notes what they were then; a file set aside adds what can "
                      "be read of it. What you have now is kept as a version of its own." if self.list.count()
                      else "There are no earlier versions of these notes yet.", self)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(self.list.count() > 0)
        if self.list.count():
            self.list.setCurrentRow(0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _add(self, text: str, choice: Choice) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, choice)
        item.setToolTip(tooltip(str(choice.path)) or "")
        self.list.addItem(item)

    def chosen(self) -> Choice | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
