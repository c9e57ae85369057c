"""The table behind the speakers dock: one row per speaker with colour, display name, role, turns, words, share.

It adapts the transcript's speakers (as the reader corrected who speaks: counts follow merged speakers and turns
given to another) and the user's display names into rows; a speaker merged into another keeps its row, greyed,
named "Unknown Speaker → Kim", so that it can be separated again and the colours stay in place. Editing a name
does not change anything here: `rename_requested` goes out (the window makes it an undoable operation on the
notes store) and the new names come back through `set_names` when the store says they changed.

Signals:
    rename_requested(str, str): speaker key, new display name ("" restores the transcript's own)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

from reader.core.model import Speaker, Transcript
from reader.ui.plain_text import tooltip

_Index = QModelIndex | QPersistentModelIndex
KeyRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Speaker", "Role", "Turns", "Words", "Share")
NAME, ROLE, TURNS, WORDS, SHARE = range(len(COLUMNS))

class SpeakersModel(QAbstractTableModel):
    rename_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._speakers: tuple[Speaker, ...] = ()
        self._names: dict[str, str] = {}
        self._merges: dict[str, str] = {}
        self._colors: list[QColor] = []
        self._swatches: list[QIcon] = []
        self._total_words = 1

    def set_transcript(self, transcript: Transcript | None, names: dict[str, str] | None = None,
                       colors: list[QColor] | None = None, merges: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._merges = dict(merges or {})
        self._speakers = transcript.speakers if transcript is not None else ()
        self._total_words = max(1, sum(s.words for s in self._speakers))
        self._names = dict(names or {})
        self._colors = list(colors or [])
        self._swatches = [_swatch(c) for c in self._colors]
        self.endResetModel()

    def set_names(self, names: dict[str, str]) -> None:
        """The user's display names changed (a rename, an undo, another window's edit)."""
        self._names = dict(names)
        if self._speakers:
            self.dataChanged.emit(self.index(0, NAME), self.index(len(self._speakers) - 1, NAME))

    def set_colors(self, colors: list[QColor]) -> None:
        """The theme changed: new swatches."""
        self._colors = list(colors)
        self._swatches = [_swatch(c) for c in self._colors]
        if self._speakers:
            self.dataChanged.emit(self.index(0, NAME), self.index(len(self._speakers) - 1, NAME),
                                  [Qt.ItemDataRole.DecorationRole])

    def display_name(self, speaker: Speaker) -> str:
        return self._names.get(speaker.key) or speaker.name

    def merged_into(self, key: str) -> str | None:
        """The key of the speaker this one was merged into, or None."""
        return self._merges.get(key)

    def shown_name(self, speaker: Speaker) -> str:
        """The name in the row: "Unknown Speaker → Kim" for one merged into another."""
        into = self._merges.get(speaker.key)
        target = next((s for s in self._speakers if s.key == into), None)
        return f"{self.display_name(speaker)} → {self.display_name(target)}" if target else self.display_name(speaker)

    def row_of(self, key: str) -> int:
        return next((i for i, s in enumerate(self._speakers) if s.key == key), -1)

    # --- the Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._speakers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section >= TURNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == NAME else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._speakers):
            return None
        speaker = self._speakers[index.row()]
        column = index.column()
        if role == KeyRole:
            return speaker.key
        values = (self.shown_name(speaker), str(speaker.role), speaker.turns, speaker.words,
                  speaker.words / self._total_words)
        if role == SortRole:
            return values[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == SHARE:
                return f"{values[SHARE]:.0%}" if role == Qt.ItemDataRole.DisplayRole else values[SHARE]
            if column in (TURNS, WORDS):
                return f"{values[column]:,}" if role == Qt.ItemDataRole.DisplayRole else values[column]
            return self.display_name(speaker) if role == Qt.ItemDataRole.EditRole and column == NAME else values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= TURNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME and self._colors:
            return self._swatches[index.row() % len(self._swatches)]
        if role == Qt.ItemDataRole.ForegroundRole and column == NAME and speaker.key in self._merges:
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ForegroundRole and column == NAME and self._colors:
            return self._colors[index.row() % len(self._colors)]
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:  # the whole name, however narrow the dock
            written = f", written “{speaker.label}”" if speaker.label != self.display_name(speaker) else ""
            merged = "; merged: Merge ▸ Separate Again undoes it" if speaker.key in self._merges else ""
            return tooltip(f"{self.shown_name(speaker)} ({speaker.role}{written}){merged}; double-click or F2 to "
                           "rename")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != NAME:
            return False
        speaker = self._speakers[index.row()]
        name = " ".join(str(value).split())
        if name == self.display_name(speaker):
            return False
        self.rename_requested.emit(speaker.key, "" if name == speaker.name else name)
        return True


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(color)
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # the true colour on a selected row too, not a tinted one
    return icon
