"""The speakers dock: who speaks, how much, in which colour; rename, show only one, step through one's turns.

The table is a `SpeakersModel` (speakers_model.py) over the session's transcript. A rename becomes an undoable
`RenameSpeakerCommand` on the session's notes, and the new name comes back to every view from the notes' change.
Stepping through a speaker's turns goes through the navigator; which turns are shown is the window's to apply
(the reading view's filter, the search), from `show_only_changed`.

Signals of `SpeakersPanel`:
    rename_requested(str, str): speaker key, new display name ("" restores the transcript's own)
    show_only_changed(object): the speaker key whose turns alone are shown, or None for everyone
    step_requested(str, int): go to the next (+1) or previous (-1) turn of the speaker with this key
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QToolButton, QVBoxLayout, QWidget

from reader.core.model import Transcript
from reader.core.notes.store import Change
from reader.core.search import resolve_speaker
from reader.ui.navigation import Navigator
from reader.ui.operations.speakers import RenameSpeakerCommand
from reader.ui.session import ReaderSession
from reader.ui.speakers_model import COLUMNS, NAME, ROLE, KeyRole, SortRole, SpeakersModel
from reader.ui.themes import THEMES, Theme

ROOMY_WIDTH = 420  # every column fits beside a name of about twenty characters


class SpeakersPanel(QWidget):
    rename_requested = Signal(str, str)
    show_only_changed = Signal(object)
    step_requested = Signal(str, int)

    def __init__(self, session: ReaderSession, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._navigator = navigator
        self._theme: Theme = THEMES["light"]  # the reading view's, from `set_theme`
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
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(ROLE, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.only_button = _tool("Show only", "Show only the selected speaker's turns", checkable=True)
        self.previous_button = _tool("◀ Turn", "The selected speaker's previous turn")
        self.next_button = _tool("Turn ▶", "The selected speaker's next turn")
        self.rename_button = _tool("Rename", "Rename the selected speaker (F2)")
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
        self.rename_requested.connect(self._on_rename_requested)
        self.step_requested.connect(self._navigator.step_speaker)
        session.opened.connect(self._on_session_opened)
        session.notes_changed.connect(self._on_session_notes_changed)
        self._update_buttons()

    def sizeHint(self) -> QSize:
        return QSize(ROOMY_WIDTH, 220)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # In a narrow dock the names matter more than the role column (the role stays in each name's tooltip).
        self.table.setColumnHidden(ROLE, event.size().width() < ROOMY_WIDTH)
        super().resizeEvent(event)

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

    # --- following the session -------------------------------------------------------------------------

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        """The reading view's theme: the swatches take its speaker colours."""
        self._theme = theme
        self.model.set_colors(self._colors())

    def _colors(self) -> list[QColor]:
        return [self._theme.speaker_color(i) for i in range(self.model.rowCount())]

    @Slot(object)
    def _on_session_opened(self, transcript: Transcript) -> None:
        notes = self._session.notes
        self.model.set_transcript(transcript)  # the row count first: the colours follow the rows
        self.set_transcript(transcript, notes.speaker_names if notes is not None else {}, self._colors())

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        if change.what in ("speaker_names", "reloaded") and self._session.notes is not None:
            self.model.set_names(self._session.notes.speaker_names)

    @Slot(str, str)
    def _on_rename_requested(self, key: str, name: str) -> None:
        notes = self._session.writable("These notes are read-only; the name was not changed.")
        if notes is not None:
            self._session.push(RenameSpeakerCommand(notes, key, name))

    def _current_speaker(self) -> str | None:
        transcript, turn = self._session.transcript, self._navigator.current_turn()
        return transcript.turns[turn].speaker if transcript is not None and turn >= 0 else None

    @Slot(bool)
    def set_show_only_current(self, checked: bool) -> None:
        """View > Show Only This Speaker: the speaker at the reading position, or everyone again."""
        self.show_only(self._current_speaker() if checked else None)

    @Slot()
    def rename_current(self) -> None:
        """View > Rename Speaker: edit the name of the speaker at the reading position, in the dock."""
        key = self._current_speaker()
        if key is None:
            return
        dock = self.parentWidget()
        if dock is not None and dock.isHidden():
            dock.show()
        self.select(key)
        self.edit_selected_name()

    def show_only_named(self, name: str | None) -> None:
        """Show only the speaker the user means by `name` (key, label, display name or part of one)."""
        session = self._session
        if name is None or session.transcript is None:
            self.show_only(None)
            return
        names = session.notes.speaker_names if session.notes is not None else {}
        self.show_only(resolve_speaker(session.transcript, name, names))

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


def _tool(text: str, tip: str, checkable: bool = False) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setCheckable(checkable)
    button.setAutoRaise(True)
    return button
