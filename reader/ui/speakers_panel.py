"""The speakers dock: who speaks, how much, in which colour; rename, show only one, step through one's turns.

`SpeakersModel` adapts the transcript's speakers and the user's display names into rows; a rename goes out
through `rename_requested` (the window makes it an undoable operation on the notes store) and comes back
through `set_names` when the store says it changed, so the model never edits anything itself.

Signals of `SpeakersPanel`:
    rename_requested(str, str): speaker key, new display name ("" restores the transcript's own)
    show_only_changed(object): the speaker key whose turns alone are shown, or None for everyone
    step_requested(str, int): go to the next (+1) or previous (-1) turn of the speaker with this key
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QToolButton, QVBoxLayout, QWidget

from reader.core.model import Speaker, Transcript

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
        self._colors: list[QColor] = []
        self._swatches: list[QIcon] = []
        self._total_words = 1

    def set_transcript(self, transcript: Transcript | None, names: dict[str, str] | None = None,
                       colors: list[QColor] | None = None) -> None:
        self.beginResetModel()
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
        values = (self.display_name(speaker), str(speaker.role), speaker.turns, speaker.words,
                  speaker.words / self._total_words)
        if role == SortRole:
            return values[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == SHARE:
                return f"{values[SHARE]:.0%}" if role == Qt.ItemDataRole.DisplayRole else values[SHARE]
            if column in (TURNS, WORDS):
                return f"{values[column]:,}" if role == Qt.ItemDataRole.DisplayRole else values[column]
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= TURNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME and self._colors:
            return self._swatches[index.row() % len(self._swatches)]
        if role == Qt.ItemDataRole.ForegroundRole and column == NAME and self._colors:
            return self._colors[index.row() % len(self._colors)]
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            written = f" (written “{speaker.label}”)" if speaker.label != self.display_name(speaker) else ""
            return f"{self.display_name(speaker)}{written}; double-click or F2 to rename"
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
    return QIcon(pixmap)


class SpeakersPanel(QWidget):
    rename_requested = Signal(str, str)
    show_only_changed = Signal(object)
    step_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SpeakersModel(self)
        self.model.rename_requested.connect(self.rename_requested)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("speakers-table")
        self.table.setModel(self._proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # reading order until the user sorts
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(ROLE, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.only_button = QToolButton(text="Show only", checkable=True, autoRaise=True,
                                       toolTip="Show only the selected speaker's turns")
        self.previous_button = QToolButton(text="◀ Turn", autoRaise=True,
                                           toolTip="The selected speaker's previous turn")
        self.next_button = QToolButton(text="Turn ▶", autoRaise=True, toolTip="The selected speaker's next turn")
        self.rename_button = QToolButton(text="Rename", autoRaise=True, toolTip="Rename the selected speaker (F2)")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 2, 4, 2)
        for button in (self.only_button, self.previous_button, self.next_button, self.rename_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self._shown_only: str | None = None
        self.only_button.toggled.connect(self._on_only_toggled)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.rename_button.clicked.connect(self.edit_selected_name)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._update_buttons()

    def set_transcript(self, transcript: Transcript | None, names: dict[str, str] | None = None,
                       colors: list[QColor] | None = None) -> None:
        self._shown_only = None
        self.only_button.setChecked(False)
        self.model.set_transcript(transcript, names, colors)
        if self._proxy.rowCount():
            self.select(self.model.data(self.model.index(0, NAME), KeyRole))
        self._update_buttons()

    def selected_key(self) -> str | None:
        index = self.table.currentIndex()
        return self._proxy.data(index, KeyRole) if index.isValid() else None

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            index = self._proxy.mapFromSource(self.model.index(row, NAME))
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def show_only(self, key: str | None) -> None:
        """Show only `key`'s turns (None: everyone); the button follows."""
        if key is not None:
            self.select(key)
        self._shown_only = key
        self.only_button.setChecked(key is not None)
        self.show_only_changed.emit(key)

    @property
    def shown_only(self) -> str | None:
        return self._shown_only

    @Slot()
    def edit_selected_name(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index.siblingAtColumn(NAME))

    @Slot(bool)
    def _on_only_toggled(self, checked: bool) -> None:
        key = self.selected_key() if checked else None
        if key != self._shown_only:
            self._shown_only = key
            self.show_only_changed.emit(key)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self._proxy.data(current, KeyRole) if current.isValid() else None
        if self._shown_only is not None and key is not None and key != self._shown_only:
            self.show_only(key)  # "show only" follows the selection while it is on
        self._update_buttons()

    def _step(self, direction: int) -> None:
        key = self.selected_key()
        if key is not None:
            self.step_requested.emit(key, direction)

    def _update_buttons(self) -> None:
        has = self.selected_key() is not None
        for button in (self.only_button, self.previous_button, self.next_button, self.rename_button):
            button.setEnabled(has)
