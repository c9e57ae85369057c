"""The search bar above the reading view: incremental search, match count, next/previous, options, results.

The bar owns no search logic: it builds a `SearchQuery`, asks `reader.core.search` for the matches, has
`SearchHighlights` mark them in the view and scrolls to the current one. It talks to the view only through
the `SearchTarget` methods, so it can be tried on its own; it follows the session's transcript and speaker names.

Signals:
    matches_changed(int): the number of matches after a search ran (0 also for an invalid query)
    current_changed(int): the 0-based number of the current match, after it moved
    closed(): the bar hid itself (Escape); the window gives the focus back to the view
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Transcript
from reader.core.notes.store import Change
from reader.core.search import Match, Matches, SearchError, SearchQuery, search
from reader.ui.search_highlights import SearchHighlights, SearchTarget
from reader.ui.search_results import SearchResultDelegate, SearchResultsModel
from reader.ui.session import ReaderSession
from reader.ui.themes import Theme

DEBOUNCE_MS = 120  # long enough to skip the keystrokes of a word being typed, short enough to feel instant


class SearchBar(QWidget):
    matches_changed = Signal(int)
    current_changed = Signal(int)
    closed = Signal()

    def __init__(self, session: ReaderSession, target: SearchTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._target = target
        self._indexes = session.search_indexes
        self._transcript: Transcript | None = None
        self._names: dict[str, str] = {}
        self._matches: Sequence[Match] = ()
        self._current = -1
        self._error: str | None = None
        self.highlights = SearchHighlights(target, self)
        theme_changed = getattr(target, "theme_changed", None)
        if theme_changed is not None:
            theme_changed.connect(self._on_view_theme_changed)

        self.field = QLineEdit(placeholderText="Find in transcript", clearButtonEnabled=True)
        self.field.setObjectName("search-field")
        self.count_label = QLabel()
        self.count_label.setObjectName("search-count")
        self.count_label.setMinimumWidth(90)
        self.previous_button = self._tool("▲", "Previous match (Shift+F3, Shift+Enter)")
        self.next_button = self._tool("▼", "Next match (F3, Enter)")
        self.case_button = self._tool("Aa", "Match case (Alt+C)", checkable=True)
        self.word_button = self._tool("W", "Whole words only (Alt+W)", checkable=True)
        self.regex_button = self._tool(".*", "Regular expression (Alt+R)", checkable=True)
        self.speaker_combo = QComboBox()
        self.speaker_combo.setToolTip("Limit the search to one speaker")
        self.results_button = self._tool("☰", "Show every match with its context", checkable=True)
        self.close_button = self._tool("✕", "Close the search bar (Escape)")
        self.results_model = SearchResultsModel(self)
        self.results_view = QListView(uniformItemSizes=True)
        self.results_view.setVisible(False)
        self.results_view.setObjectName("search-results")
        self.results_view.setModel(self.results_model)
        self.results_delegate = SearchResultDelegate(QColor(target.theme().match), self.results_view)
        self.results_view.setItemDelegate(self.results_delegate)
        self.results_view.setMaximumHeight(160)

        row = QHBoxLayout()
        row.setContentsMargins(6, 3, 6, 3)
        for widget in (self.field, self.count_label, self.previous_button, self.next_button, self.case_button,
                       self.word_button, self.regex_button, self.speaker_combo, self.results_button,
                       self.close_button):
            row.addWidget(widget)
        row.setStretch(0, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addWidget(self.results_view)
        # As tall as its contents: the reading view below takes every other pixel.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # A red readable on the light, sepia and dark pages alike.
        self.setStyleSheet('QLabel#search-count[state="error"] { color: #d0463b; }'
                           'QLineEdit#search-field[state="error"] { border: 1px solid #d0463b; }')

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._debounce.start)
        self.field.returnPressed.connect(self.find_next)
        for button in (self.case_button, self.word_button, self.regex_button):
            button.toggled.connect(self.run_search)
        self.speaker_combo.currentIndexChanged.connect(self.run_search)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self.results_button.toggled.connect(self.results_view.setVisible)
        self.results_view.activated.connect(self._on_results_activated)
        self.results_view.clicked.connect(self._on_results_activated)
        local = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (("Escape", self.close_bar), ("Shift+Return", self.find_previous),
                           ("Shift+Enter", self.find_previous), ("Alt+C", self.case_button.toggle),
                           ("Alt+W", self.word_button.toggle), ("Alt+R", self.regex_button.toggle)):
            # The context goes in the constructor without a slot: PySide ignores it when given with one.
            QShortcut(QKeySequence(keys), self, context=local).activated.connect(slot)
        down = QShortcut(QKeySequence("Down"), self.field, context=Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._on_field_down)
        session.follow(self._on_session_opened)
        session.notes_changed.connect(self._on_session_notes_changed)
        self.hide()  # until Ctrl+F
        self._update_count()

    def _tool(self, text: str, tip: str, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setAutoRaise(True)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    # --- what the window calls ------------------------------------------------------------------------

    def set_transcript(self, transcript: Transcript | None, names: dict[str, str] | None = None) -> None:
        """A new transcript (or new speaker names): offer its speakers, and search it again."""
        self._transcript = transcript
        self._names = dict(names or {})
        if transcript is not None:
            self._names = {s.key: self._names.get(s.key) or s.name for s in transcript.speakers}
        chosen = self.speaker_combo.currentData()
        with QSignalBlocker(self.speaker_combo):  # refilling the list is no choice of the user's
            self.speaker_combo.clear()
            self.speaker_combo.addItem("All speakers", None)
            for speaker in transcript.speakers if transcript is not None else ():
                if speaker.turns:  # a speaker merged into another has none left to search
                    self.speaker_combo.addItem(self._names[speaker.key], speaker.key)
            self.speaker_combo.setCurrentIndex(max(0, self.speaker_combo.findData(chosen)))
        self.run_search()

    @Slot(object)
    def _on_session_opened(self, transcript: Transcript) -> None:
        notes = self._session.notes
        # Who speaks is as the reader corrected it (merged speakers, turns given to another), as the view shows.
        self.set_transcript(notes.attributed if notes is not None else transcript,
                            notes.speaker_names if notes is not None else {})

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        notes = self._session.notes
        if notes is None:
            return
        if change.speaker_edits:
            self.set_transcript(notes.attributed, notes.speaker_names)
        elif change.speaker_names:
            self.set_speaker_names(notes.speaker_names)

    def set_speaker_names(self, names: dict[str, str]) -> None:
        """Renamed speakers: the combo and the result list follow; the matches stay (the view was rebuilt,
        so they are handed to it again)."""
        if self._transcript is None:
            return
        self._names = {s.key: names.get(s.key) or s.name for s in self._transcript.speakers}
        for row in range(1, self.speaker_combo.count()):
            self.speaker_combo.setItemText(row, self._names.get(self.speaker_combo.itemData(row), ""))
        self.results_model.set_results(self._transcript, self._matches, self._names)
        self.highlights.refresh()  # the view was rebuilt with the new names

    def activate(self, text: str | None = None) -> None:
        """Show the bar and put the focus in the field (Ctrl+F); `text` replaces the query, searched at once."""
        self.show()
        if text is not None:
            self.field.setText(text)
        elif self._transcript is not None and not self.field.text():
            _ = self._indexes.index(self._transcript).lower  # built as the bar opens, not at the first keystroke
        self.run_search()  # from the reading position, and the highlights back if the bar was closed
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_speaker(self, key: str | None) -> None:
        """Limit the search to one speaker (None: everyone)."""
        self.speaker_combo.setCurrentIndex(max(0, self.speaker_combo.findData(key)))

    @property
    def matches(self) -> Sequence[Match]:
        return self._matches

    @property
    def current(self) -> int:
        return self._current

    @property
    def error(self) -> str | None:
        return self._error

    @Slot()
    def close_bar(self) -> None:
        self._debounce.stop()
        self.hide()
        self.highlights.clear()
        self.closed.emit()

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    @Slot(object)
    def _on_view_theme_changed(self, theme: Theme) -> None:
        self.results_delegate.match_color = QColor(theme.match)
        self.results_view.viewport().update()
        self.highlights.refresh()

    # --- searching --------------------------------------------------------------------------------------

    def query(self) -> SearchQuery:
        return SearchQuery(self.field.text(), case_sensitive=self.case_button.isChecked(),
                           whole_word=self.word_button.isChecked(), regex=self.regex_button.isChecked(),
                           speaker=self.speaker_combo.currentData())

    @Slot()
    def run_search(self) -> None:
        self._debounce.stop()
        self._error = None
        try:
            self._matches = search(self._transcript, self.query(), self._indexes) \
                if self._transcript is not None else ()
        except SearchError as exc:
            self._matches, self._error = (), str(exc)
        self.results_model.set_results(self._transcript, self._matches, self._names)
        self._current = -1
        if isinstance(self._matches, Matches) and self._matches and not self.isHidden():
            self.highlights.show(self._matches)
            # Start from where the reader is, not from the top: the first match at or after the current turn.
            self._move_to(self._matches.position_at(max(0, self._target.current_turn())) % len(self._matches))
        else:
            self.highlights.clear()
            self._update_count()
        self.matches_changed.emit(len(self._matches))

    def _step(self, direction: int) -> None:
        if self.isHidden():  # F3 with the bar closed: the last search again, from the reading position
            if not self.field.text():
                self.activate()
                return
            self.show()
            self.run_search()
            if direction > 0 or not self._matches:
                return
        elif self._debounce.isActive():  # Enter right after typing: the search lands on the first match
            self.run_search()
            return
        if not self._matches:
            return
        self._move_to((self._current + direction) % len(self._matches))

    def _move_to(self, number: int) -> None:
        self._current = number
        match = self._matches[number]
        self.highlights.show_current(match)
        self._target.scroll_to_turn(match.turn_index, match.start)
        if self.results_view.isVisible():
            self.results_view.setCurrentIndex(self.results_model.index(number))
        self._update_count()
        self.current_changed.emit(number)

    def _update_count(self) -> None:
        if self._error:
            text, state = self._error[0].upper() + self._error[1:], "error"
        elif not self.field.text():
            text, state = "", ""
        elif not self._matches:
            text, state = "No matches", "empty"
        else:
            count = len(self._matches)
            text = f"{self._current + 1:,} of {count:,}" if self._current >= 0 else f"{count:,} matches"
            state = ""
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # an error may quote the pattern typed
        self.count_label.setText(text)
        self.count_label.setToolTip(text)
        for widget in (self.field, self.count_label):  # the style sheet marks a failed expression in red
            widget.setProperty("state", state)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    @Slot()
    def _on_field_down(self) -> None:
        """Down from the field goes into the result list (opening it), at the current match."""
        if not self._matches:
            return
        self.results_button.setChecked(True)
        self.results_view.doItemsLayout()  # just shown: laid out now, so the next key already moves in it
        self.results_view.setCurrentIndex(self.results_model.index(max(0, self._current)))
        self.results_view.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot(QModelIndex)
    def _on_results_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._move_to(index.row())

