"""The speakers dock: who speaks, how much, in which colour; rename, merge one speaker into another, give the
turn being read to another speaker, show only one, step through one's turns.

The table is a `SpeakersModel` (speakers_model.py) over the session's transcript as the reader corrected it. A
rename, a merge and a turn given to another speaker are undoable commands on the session's notes
(operations/speakers.py), never changes to the file; what they change comes back to every view from the notes'
change. In a narrow dock the role column goes first, then the word counts, before a name is cut; a name
longer than the dock is elided in the middle ("Assemblywoman…Ruiz"), the whole name in the tooltip.
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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Transcript
from reader.core.notes.store import Change
from reader.core.search import resolve_speaker
from reader.ui.navigation import Navigator
from reader.ui.operations.speakers import GiveTurnCommand, MergeSpeakerCommand, RenameSpeakerCommand
from reader.ui.session import ReaderSession
from reader.ui.speakers_model import COLUMNS, NAME, ROLE, SHARE, TURNS, WORDS, KeyRole, SortRole, SpeakersModel
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
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # names that start alike stay apart
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(ROLE, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.only_button = _tool("Show only", "Show only the selected speaker's turns", checkable=True)
        self.previous_button = _tool("◀ Turn", "The selected speaker's previous turn")
        self.next_button = _tool("Turn ▶", "The selected speaker's next turn")
        self.rename_button = _tool("Rename", "Rename the selected speaker (F2)")
        # Corrections of who speaks, kept with the notes (the file is never changed): one button, two menus.
        self.more_button = _tool("More", "Merge the selected speaker into another, or give the turn being read "
                                 "to another speaker (the file is not changed)")
        more = QMenu(self.more_button)
        self.merge_menu = more.addMenu("&Merge Selected Speaker")
        self.give_menu = more.addMenu("&Give the Turn Being Read To")
        self.more_button.setMenu(more)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.merge_menu.aboutToShow.connect(self._fill_merge_menu)
        self.give_menu.aboutToShow.connect(self._fill_give_menu)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 2, 4, 2)
        buttons.setSpacing(0)
        for button in (self.only_button, self.previous_button, self.next_button, self.rename_button,
                       self.more_button):
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
        self._title_widths: dict[int, int] = {}
        self.model.modelReset.connect(self._fit_columns)  # other names, other widths
        self.model.dataChanged.connect(lambda *_: self._fit_columns())
        self.rename_requested.connect(self._on_rename_requested)
        self.step_requested.connect(self._navigator.step_speaker)
        session.follow(self._on_session_opened)
        session.notes_changed.connect(self._on_session_notes_changed)
        self._update_buttons()

    def sizeHint(self) -> QSize:
        return QSize(ROOMY_WIDTH, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)  # a narrow window's docks share its width with the text

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_columns(event.size().width())
        super().resizeEvent(event)

    def _fit_columns(self, width: int | None = None) -> None:
        """In a narrow dock the names matter more than the role column (the role stays in each name's tooltip),
        then than the word counts, where the longest name would be cut (the share of the words stays)."""
        width = self.width() if width is None else width
        header = self.table.horizontalHeader()
        for column in (ROLE, TURNS, WORDS, SHARE):
            if not self.table.isColumnHidden(column):  # a hidden column's title has no size: the last one stands
                self._title_widths[column] = header.sectionSizeHint(column)
        self.table.setColumnHidden(ROLE, width < ROOMY_WIDTH)

        def needed(column: int) -> int:  # as ResizeToContents sizes it: the title or the widest cell
            return max(self._title_widths.get(column, 0), self.table.sizeHintForColumn(column))

        scroll_bar = self.table.verticalScrollBar()
        room = width - 2 * self.table.frameWidth() - (scroll_bar.sizeHint().width() if scroll_bar.isVisible() else 0)
        beside = [TURNS, WORDS, SHARE] if self.table.isColumnHidden(ROLE) else [ROLE, TURNS, WORDS, SHARE]
        self.table.setColumnHidden(WORDS, needed(NAME) > room - sum(map(needed, beside)))

    def set_transcript(self, transcript: Transcript | None, names: dict[str, str] | None = None,
                       colors: list[QColor] | None = None, merges: dict[str, str] | None = None) -> None:
        self._shown_only = None
        self.only_button.setChecked(False)
        self.model.set_transcript(transcript, names, colors, merges)
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
        shown = notes.attributed if notes is not None else transcript
        self.model.set_transcript(shown)  # the row count first: the colours follow the rows
        self.set_transcript(shown, notes.speaker_names if notes is not None else {}, self._colors(),
                            notes.speaker_merges if notes is not None else {})

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        notes = self._session.notes
        if notes is None:
            return
        if change.speaker_edits:  # counts and merges changed: the rows again, the one chosen kept
            key, shown_only = self.selected_key(), self._shown_only
            self.model.set_transcript(notes.attributed, notes.speaker_names, self._colors(), notes.speaker_merges)
            if key is not None:
                self.select(key)
            self._shown_only = shown_only
            self.only_button.setChecked(shown_only is not None)
            self._update_buttons()
        elif change.speaker_names:
            self.model.set_names(notes.speaker_names)

    # --- merging and giving turns ----------------------------------------------------------------------

    def _speakers(self) -> list[tuple[str, str]]:
        """(key, display name) of every speaker not merged into another."""
        notes = self._session.notes
        if notes is None:
            return []
        merges = notes.speaker_merges
        return [(s.key, notes.display_name(s.key)) for s in notes.transcript.speakers if s.key not in merges]

    @Slot()
    def _fill_merge_menu(self) -> None:
        menu, key, notes = self.merge_menu, self.selected_key(), self._session.notes
        menu.clear()
        if key is None or notes is None:
            return
        if key in notes.speaker_merges:
            menu.addAction(f"Separate {notes.display_name(key)} Again").triggered.connect(
                lambda: self.merge(key, ""))
            return
        for other, name in self._speakers():
            if other != key:
                menu.addAction(f"Into {name}").triggered.connect(lambda _c=False, o=other: self.merge(key, o))
        if menu.isEmpty():
            menu.addAction("No other speaker").setEnabled(False)

    def merge(self, key: str, into: str) -> None:
        """Show every turn of `key` as `into`'s ("" separates them again), undoably."""
        notes = self._session.writable("These notes are read-only; the speakers were not merged.")
        if notes is None:
            return
        try:
            self._session.push(MergeSpeakerCommand(notes, key, into))
        except ValueError as exc:  # a merge that would go round in a circle
            self._session.tell(str(exc))

    @Slot()
    def _fill_give_menu(self) -> None:
        menu, notes, transcript = self.give_menu, self._session.notes, self._session.transcript
        menu.clear()
        turn = self._navigator.current_turn()
        if notes is None or transcript is None or turn < 0:
            menu.addAction("No turn is being read").setEnabled(False)
            return
        current = notes.attributed.turns[turn].speaker
        for key, name in self._speakers():
            action = menu.addAction(f"Turn {turn + 1} to {name}" if key != current else f"Turn {turn + 1}: {name}'s")
            action.setEnabled(key != current)
            action.triggered.connect(lambda _c=False, k=key: self.give_turn(turn, k))

    def give_turn(self, turn: int, key: str) -> None:
        """Show one turn (an index) as `key`'s, undoably."""
        notes = self._session.writable("These notes are read-only; the turn was not given to another speaker.")
        if notes is None or self._session.transcript is None:
            return
        turn_id = notes.transcript.turns[turn].id
        self._session.push(GiveTurnCommand(notes, turn_id, key))
        self._session.tell(f"Turn {turn + 1} is now {notes.display_name(key)}'s (Ctrl+Z gives it back).")

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
        self.more_button.setEnabled(self._session.transcript is not None)


def _tool(text: str, tip: str, checkable: bool = False) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setCheckable(checkable)
    button.setAutoRaise(True)
    return button
