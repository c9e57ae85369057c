"""The Notes dock: every bookmark, highlight and note of the open transcript, filtered and sorted as asked.

Rows come from `NotesModel` (notes_model.py) through `NotesFilter`, over the session's notes. Every change the
user makes here (a cell edited in place, the note editor, Delete) is pushed as an undoable command on the
session; the rows then change because the notes say so, never because the panel edits them. Activating a row
takes the reader to its words through the navigator.

Signals of `NotesPanel`:
    annotation_activated(str): the user double-clicked (or pressed Enter on) an annotation: jump to it.
    current_changed(object): the annotation the panel's current row shows, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.notes.annotations import Annotation, Kind, Scope, Status
from reader.core.notes.store import Change, TranscriptNotes
from reader.ui.annotation_dialogs import NoteDialog, QuoteChecking, TagsDelegate
from reader.ui.navigation import Navigator
from reader.ui.notes_model import (
    CREATED,
    DETACHED,
    EXCHANGE,
    KIND,
    MODIFIED,
    NOTE,
    QUOTE,
    SPEAKER,
    STATUS,
    TAGS,
    IdRole,
    NotesFilter,
    NotesModel,
)
from reader.ui.operations.annotations import DeleteAnnotationsCommand, edit_command
from reader.ui.session import ReaderSession

KINDS = (("All kinds", ""), ("Bookmarks", Kind.BOOKMARK.value), ("Highlights", Kind.HIGHLIGHT.value),
         ("Notes", Kind.NOTE.value), (DETACHED, "detached"))
SORTS = (("Reading order", "position"), ("Newest first", "newest"), ("Last changed first", "changed"))


class NotesPanel(QWidget):
    annotation_activated = Signal(str)
    current_changed = Signal(object)

    def __init__(self, session: ReaderSession, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes_panel")
        self._session = session
        self._navigator = navigator
        # The recording to check a quote against in the editor, when one is attached (the window sets it).
        self.quote_checking: Callable[[Annotation], QuoteChecking | None] = lambda _annotation: None
        self.model = NotesModel(self)
        self.proxy = NotesFilter(self)
        self.proxy.setSourceModel(self.model)

        self.text_filter = QLineEdit(self, placeholderText="Filter notes", clearButtonEnabled=True)
        self.sort_box = self._combo(SORTS, "Order")
        self.sort_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_box = self._combo(KINDS, "Show only this kind (or the detached ones)")
        self.tag_box = self._combo((("All tags", ""),), "Show only annotations with this tag")
        self.speaker_box = self._combo((("All speakers", ""),), "Show only what this speaker said")
        self.status_box = self._combo((("Any status", None),), "Show only this attribution status")
        for status in Status:
            self.status_box.addItem(status.label or "No status", status)
        self.detached_button = QPushButton(self, flat=True)
        self.detached_button.setToolTip("Notes whose words could not be found in this version of the transcript")
        self.detached_button.hide()

        self.table = QTableView(self)
        self.table.setObjectName("notes-table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Double-click jumps to the words; F2 or a click on a selected cell edits the note or the tags.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setItemDelegateForColumn(TAGS, TagsDelegate(self._known_tags, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((KIND, 84), (QUOTE, 220), (SPEAKER, 110), (EXCHANGE, 64), (TAGS, 110),
                              (STATUS, 110), (NOTE, 200), (CREATED, 120), (MODIFIED, 120)):
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.setContentsMargins(4, 2, 4, 0)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.sort_box)  # as wide as its longest choice, never clipped
        # Two by two, so the dock can be as narrow as a side panel should be.
        choices = QGridLayout()
        choices.setContentsMargins(4, 0, 4, 2)
        for index, box in enumerate((self.kind_box, self.tag_box, self.speaker_box, self.status_box)):
            choices.addWidget(box, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(filters)
        layout.addLayout(choices)
        layout.addWidget(self.detached_button)
        self.empty_hint = QLabel(
            "No bookmarks, highlights or notes yet.\n\nCtrl+D bookmarks the question or turn you are reading; "
            "select words and press Ctrl+Shift+H to highlight them or Ctrl+M to write a note.", self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.empty_hint.setContentsMargins(12, 12, 12, 12)
        self.empty_hint.setEnabled(False)  # drawn in the style's muted colour
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.table, 1)

        self.text_filter.textChanged.connect(self.proxy.set_text)
        self.sort_box.currentIndexChanged.connect(lambda: self.proxy.set_sort(self.sort_box.currentData()))
        self.kind_box.currentIndexChanged.connect(lambda: self.proxy.set_kind(self.kind_box.currentData()))
        self.tag_box.currentIndexChanged.connect(lambda: self.proxy.set_tag(self.tag_box.currentData() or ""))
        self.speaker_box.currentIndexChanged.connect(
            lambda: self.proxy.set_speaker(self.speaker_box.currentData() or ""))
        self.status_box.currentIndexChanged.connect(lambda: self.proxy.set_status(self.status_box.currentData()))
        self.detached_button.clicked.connect(lambda: self.kind_box.setCurrentIndex(len(KINDS) - 1))
        self.model.edit_requested.connect(lambda annotation_id, changes: self.edit(annotation_id, **changes))
        self.annotation_activated.connect(self._on_annotation_activated)
        session.opened.connect(lambda _transcript: self.set_notes(session.notes))
        session.notes_changed.connect(self.on_notes_changed)
        # Enter (and a double-click, on most styles) activates; the double-click itself is caught too, since Qt
        # only activates once the second click is released. A jump twice to the same words is no harm.
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_changed.emit(self._annotation_at(current)))
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        # The tag and speaker lists follow the notes once per turn of the event loop (an import adds hundreds).
        self._choices_timer = QTimer(self)
        self._choices_timer.setSingleShot(True)
        self._choices_timer.setInterval(0)
        self._choices_timer.timeout.connect(self._refresh_choices)

    def _combo(self, items: tuple[tuple[str, Any], ...], tip: str) -> QComboBox:
        box = QComboBox(self)
        box.setToolTip(tip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        for text, data in items:
            box.addItem(text, data)
        return box

    def sizeHint(self) -> QSize:
        return QSize(360, 400)

    def _known_tags(self) -> list[str]:
        notes = self.model.notes()
        return notes.tags() if notes is not None else []

    def add_row_actions(self, actions: list[QAction]) -> None:
        """Commands offered on a row's context menu (they act on the chosen annotations)."""
        self.table.addActions(actions)

    # --- contents ---------------------------------------------------------------------------------------

    def set_notes(self, notes: TranscriptNotes | None) -> None:
        """Show these notes (the open transcript's); the filters go back to showing everything."""
        self.model.set_notes(notes)
        for box in (self.kind_box, self.tag_box, self.speaker_box, self.status_box):
            box.setCurrentIndex(0)
        self.text_filter.clear()
        self._refresh_choices()

    @Slot(object)
    def on_notes_changed(self, change: Change) -> None:
        self.model.on_notes_changed(change)
        if change.annotations or change.speaker_names:
            self._choices_timer.start()

    @Slot()
    def _refresh_choices(self) -> None:
        """The tag and speaker lists offer what the notes hold; the choice made stays when it still exists."""
        notes = self.model.notes()
        self._refill(self.tag_box, [(t, t) for t in notes.tags()] if notes else [])
        speakers = [(notes.display_name(s.key), s.key) for s in notes.transcript.speakers] if notes else []
        self._refill(self.speaker_box, speakers)
        empty = not notes or len(notes) == 0
        self.empty_hint.setVisible(empty)
        self.table.setVisible(not empty)
        detached = len(notes.detached) if notes else 0
        self.detached_button.setText(f"{detached} detached (words not found): show")
        self.detached_button.setVisible(detached > 0)

    def _refill(self, box: QComboBox, items: list[tuple[str, str]]) -> None:
        chosen = box.currentData()
        with QSignalBlocker(box):
            while box.count() > 1:
                box.removeItem(1)
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
        if box.currentData() != chosen:  # the chosen tag is gone: show everything rather than nothing
            box.currentIndexChanged.emit(box.currentIndex())

    # --- the current annotation -----------------------------------------------------------------------

    def _annotation_at(self, index: QModelIndex) -> Annotation | None:
        notes = self.model.notes()
        annotation_id = index.data(IdRole) if index.isValid() else None
        return notes.get(annotation_id) if notes is not None and annotation_id else None

    def current_annotation(self) -> Annotation | None:
        return self._annotation_at(self.table.currentIndex())

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        ids = [str(index.data(IdRole)) for index in rows]
        current = self.current_annotation()
        return ids or ([current.id] if current is not None else [])

    def select_annotation(self, annotation_id: str) -> bool:
        """Make an annotation the current row (clearing a filter that hides it). False when it is not there."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, QUOTE))
        if not index.isValid():
            self.set_notes(self.model.notes())
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(annotation_id), QUOTE))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def visible_rows(self, column: int = QUOTE) -> list[str]:
        """The text of one column in every row shown, top to bottom (what the user sees)."""
        return [self.proxy.index(r, column).data() for r in range(self.proxy.rowCount())]

    # --- changes --------------------------------------------------------------------------------------

    def _writable(self) -> TranscriptNotes | None:
        notes = self.model.notes()
        return notes if notes is not None and not notes.read_only else None

    def edit(self, annotation_id: str, **changes: Any) -> None:
        """Change an annotation, undoably; nothing when no field really changes."""
        notes = self._writable()
        command = edit_command(notes, annotation_id, **changes) if notes is not None else None
        if command is not None:
            self._session.push(command)

    @Slot()
    def delete_selected(self) -> None:
        notes = self._writable()
        ids = self.selected_ids()
        if notes is None or not ids:
            return
        row = self.table.currentIndex().row()
        self._session.push(DeleteAnnotationsCommand(notes, ids))
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(min(row, self.proxy.rowCount() - 1), QUOTE))

    @Slot()
    def edit_current_in_dialog(self) -> None:
        notes = self._writable()
        current = self.current_annotation()
        if notes is None or current is None:
            return
        dialog = NoteDialog(self.window(), title="Edit Annotation", quote=current.anchor.exact,
                            known_tags=notes.tags(), note=current.note, tags=current.tags, status=current.status,
                            colour=current.colour if current.kind is Kind.HIGHLIGHT else None,
                            checking=self.quote_checking(current))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.edit(current.id, **dialog.values()))
        dialog.open()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        annotation = self._annotation_at(index)
        if annotation is not None:
            self.annotation_activated.emit(annotation.id)

    @Slot(str)
    def _on_annotation_activated(self, annotation_id: str) -> None:
        notes = self.model.notes()
        annotation = notes.get(annotation_id) if notes is not None else None
        if notes is None or annotation is None or annotation.detached:
            return
        turn = notes.transcript.turn_by_id.get(annotation.anchor.turn_id)
        if turn is None:
            return
        anchor = annotation.anchor
        if anchor.scope is Scope.TEXT:  # the quoted words themselves, selected: ready to copy with citation
            self._navigator.go_to_words(turn.index, anchor.start, anchor.end)
        else:
            self._navigator.go_to_turn(turn.index, anchor.start)
