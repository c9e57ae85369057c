"""The topics as a list model: one row per topic, its label over its span and share ("Q3-Q5 · 12%").

The model only adapts `reader.core.topics.outline` rows; it never changes a topic itself. An in-place rename
is reported through `rename_requested` so the panel can make it an undoable edit kept with the notes.

Signals:
    rename_requested(int, str): first turn of the topic, the label the reader typed
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from reader.core.topics.outline import OutlineRow
from reader.ui.plain_text import tooltip

Index = QModelIndex | QPersistentModelIndex

FirstTurnRole = Qt.ItemDataRole.UserRole + 1
SpanRole = Qt.ItemDataRole.UserRole + 2
ShareRole = Qt.ItemDataRole.UserRole + 3
CurrentRole = Qt.ItemDataRole.UserRole + 4  # True for the topic at the reading position


class TopicsModel(QAbstractListModel):
    rename_requested = Signal(int, str)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[OutlineRow] = []
        self._starts: list[int] = []
        self._current = -1

    def set_rows(self, rows: list[OutlineRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._starts = [r.topic.first_turn for r in self._rows]
        self._current = -1
        self.endResetModel()

    def rows(self) -> list[OutlineRow]:
        return list(self._rows)

    def row_of_turn(self, turn: int) -> int:
        """The row of the topic holding `turn`, or -1 with no topics (called on every scroll step)."""
        if not self._rows or turn < 0:
            return -1
        return max(0, bisect.bisect_right(self._starts, turn) - 1)

    def set_current(self, row: int) -> None:
        if row == self._current:
            return
        changed = [r for r in (self._current, row) if 0 <= r < len(self._rows)]
        self._current = row
        for r in changed:
            index = self.index(r, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.FontRole, CurrentRole])

    def current(self) -> int:
        return self._current

    # --- QAbstractListModel -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        topic = row.topic
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{topic.label}\n{row.span} · {row.share:.0%}"
        if role == Qt.ItemDataRole.EditRole:
            return topic.label
        if role == Qt.ItemDataRole.ToolTipRole:
            edited = "" if topic.auto else "\nEdited by you"
            keywords = ", ".join(topic.keywords)
            return tooltip(f"{topic.label}\n{row.span}, {row.share:.0%} of the words\nKeywords: {keywords}{edited}")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(index.row() == self._current)
            font.setItalic(not topic.auto)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{topic.label}, {row.span}, {row.share:.0%}"
        if role == FirstTurnRole:
            return topic.first_turn
        if role == SpanRole:
            return row.span
        if role == ShareRole:
            return row.share
        if role == CurrentRole:
            return index.row() == self._current
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        label = str(value).strip()
        topic = self._rows[index.row()].topic
        if not label or label == topic.label:
            return False
        # The row changes when the edit comes back from the notes store, as a new outline.
        self.rename_requested.emit(topic.first_turn, label)
        return True

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({FirstTurnRole: b"firstTurn", SpanRole: b"span", ShareRole: b"share", CurrentRole: b"current"})
        return names
