"""The Notes dock: every bookmark, highlight and note of the open transcript as a card, filtered and sorted as
asked.

Rows come from `NotesModel` (notes_model.py) through `NotesFilter`, over the session's notes, and show as cards
(notes_cards.py). The filters: words, kind (and a highlight's colour), several tags at once, speaker, status.
Ctrl+A chooses every card shown, Delete deletes the chosen ones, F2 edits the note of the current card in place
and Shift+F2 its tags. Every change the user makes here is pushed as an undoable command on the session; the
cards then change because the notes say so, never because the panel edits them. Activating a card takes the
reader to its words through the navigator.

Signals of `NotesPanel`:
    annotation_activated(str): the user double-clicked (or pressed Enter on) an annotation: jump to it.
    current_changed(object): the annotation the panel's current row shows, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.notes.annotations import COLOURS, Annotation, Kind, Scope, Status
from reader.core.notes.store import Change, TranscriptNotes
from reader.ui.annotation_dialogs import NoteDialog, QuoteChecking, swatch
from reader.ui.navigation import Navigator
from reader.ui.notes_cards import CardDelegate, CardList
from reader.ui.notes_model import DETACHED, NOTE, QUOTE, IdRole, NotesFilter, NotesModel
from reader.ui.operations.annotations import DeleteAnnotationsCommand, edit_command
from reader.ui.session import ReaderSession

# A kind, or a highlight's colour ("highlight:green"), or the detached ones.
KINDS = (("All kinds", ""), ("Bookmarks", Kind.BOOKMARK.value), ("Highlights", Kind.HIGHLIGHT.value),
         *((f"{c.capitalize()} highlights", f"{Kind.HIGHLIGHT.value}:{c}") for c in COLOURS),
         ("Notes", Kind.NOTE.value), (DETACHED, "detached"))
SORTS = (("Reading order", "position"), ("Newest first", "newest"), ("Last changed first", "changed"))

EMPTY_HINT = ("No bookmarks, highlights or notes yet.\n\nCtrl+D bookmarks the question or turn you are reading; "
              "select words and press Ctrl+Shift+H to highlight them or Ctrl+M to write a note.")
WAITING_HINT = "Your bookmarks, highlights and notes come once the whole file is read."


class TagMenu(QMenu):
    """The tags to filter by, ticked one by one: the menu stays open while ticking, as a list of checkboxes."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


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
        self.kind_box = self._combo(KINDS, "Show only this kind, highlights of one colour, or the detached ones")
        for colour in COLOURS:
            self.kind_box.setItemIcon(self.kind_box.findData(f"{Kind.HIGHLIGHT.value}:{colour}"), QIcon(swatch(colour)))
        self.tags_button = QToolButton(self)
        self.tags_button.setObjectName("notes-tags")
        self.tags_button.setText("All tags")
        self.tags_button.setToolTip("Show only annotations with every tag ticked")
        self.tags_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tags_button.setSizePolicy(self.kind_box.sizePolicy())
        self.tags_menu = TagMenu(self.tags_button)
        self.tags_button.setMenu(self.tags_menu)
        self.speaker_box = self._combo((("All speakers", ""),), "Show only what this speaker said")
        self.status_box = self._combo((("Any status", None),), "Show only this attribution status")
        for status in Status:
            self.status_box.addItem(status.label or "No status", status)
        self.detached_button = QPushButton(self, flat=True)
        self.detached_button.setToolTip("Notes whose words could not be found in this version of the transcript")
        self.detached_button.hide()

        # Double-click or Enter jumps to the words; F2 edits the note in place, Shift+F2 the tags.
        self.cards = CardList(self)
        self.cards.setModel(self.proxy)
        self.cards.setModelColumn(NOTE)
        self.delegate = CardDelegate(self.cards, self._known_tags)
        self.cards.setItemDelegate(self.delegate)
        self.cards.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # The keys are the card list's own (`edit_requested`); the menu only names them.
        for text, slot in (("Edit &Note in Place\tF2", self.edit_note_in_place),
                           ("Edit &Tags in Place\tShift+F2", self.edit_tags_in_place)):
            action = QAction(text, self.cards)
            action.triggered.connect(slot)
            self.cards.addAction(action)
        self.cards.edit_requested.connect(lambda tags: self._edit_in_place(tags=tags))

        filters = QHBoxLayout()
        filters.setContentsMargins(4, 2, 4, 0)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.sort_box)  # as wide as its longest choice, never clipped
        # Two by two, so the dock can be as narrow as a side panel should be.
        choices = QGridLayout()
        choices.setContentsMargins(4, 0, 4, 2)
        for index, box in enumerate((self.kind_box, self.tags_button, self.speaker_box, self.status_box)):
            choices.addWidget(box, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(filters)
        layout.addLayout(choices)
        layout.addWidget(self.detached_button)
        self.empty_hint = QLabel(EMPTY_HINT, self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.empty_hint.setContentsMargins(12, 12, 12, 12)
        self.empty_hint.setEnabled(False)  # drawn in the style's muted colour
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.cards, 1)

        self.text_filter.textChanged.connect(self.proxy.set_text)
        self.sort_box.currentIndexChanged.connect(lambda: self.proxy.set_sort(self.sort_box.currentData()))
        self.kind_box.currentIndexChanged.connect(self._on_kind_chosen)
        self.tags_menu.triggered.connect(self._on_tags_ticked)
        self.speaker_box.currentIndexChanged.connect(
            lambda: self.proxy.set_speaker(self.speaker_box.currentData() or ""))
        self.status_box.currentIndexChanged.connect(lambda: self.proxy.set_status(self.status_box.currentData()))
        self.detached_button.clicked.connect(lambda: self.kind_box.setCurrentIndex(len(KINDS) - 1))
        self.model.edit_requested.connect(lambda annotation_id, changes: self.edit(annotation_id, **changes))
        self.annotation_activated.connect(self._on_annotation_activated)
        session.follow(lambda _transcript: self.set_notes(session.notes))
        session.notes_changed.connect(self.on_notes_changed)
        # Enter (and a double-click, on most styles) activates; the double-click itself is caught too, since Qt
        # only activates once the second click is released. A jump twice to the same words is no harm.
        self.cards.activated.connect(self._on_card_activated)
        self.cards.doubleClicked.connect(self._on_card_activated)
        self.cards.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_changed.emit(self._annotation_at(current)))
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
        return QSize(320, 400)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 160)  # a narrow window's docks share its width with the text

    def _known_tags(self) -> list[str]:
        notes = self.model.notes()
        return notes.tags() if notes is not None else []

    def add_row_actions(self, actions: list[QAction]) -> None:
        """Commands offered on a card's context menu (they act on the chosen annotations)."""
        self.cards.addActions(actions)

    # --- contents ---------------------------------------------------------------------------------------

    def set_notes(self, notes: TranscriptNotes | None) -> None:
        """Show these notes (the open transcript's); the filters go back to showing everything."""
        self.empty_hint.setText(EMPTY_HINT)
        self.model.set_notes(notes)
        for box in (self.kind_box, self.speaker_box, self.status_box):
            box.setCurrentIndex(0)
        self.text_filter.clear()
        self.set_tag_filter([])
        self._refresh_choices()

    def wait_for_whole(self) -> None:
        """A large file's opening is shown while the rest is read: its notes come with the whole."""
        self.empty_hint.setText(WAITING_HINT)

    @Slot(object)
    def on_notes_changed(self, change: Change) -> None:
        self.model.on_notes_changed(change)
        if change.annotations or change.speaker_names:
            self._choices_timer.start()

    @Slot()
    def _refresh_choices(self) -> None:
        """The tag and speaker lists offer what the notes hold; the choice made stays when it still exists."""
        notes = self.model.notes()
        self._refill_tags(notes.tags() if notes else [])
        speakers = [(notes.display_name(s.key), s.key) for s in notes.attributed.speakers if s.turns] if notes else []
        self._refill(self.speaker_box, speakers)
        empty = not notes or len(notes) == 0
        self.empty_hint.setVisible(empty)
        self.cards.setVisible(not empty)
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

    # --- filters ----------------------------------------------------------------------------------------

    @Slot()
    def _on_kind_chosen(self) -> None:
        kind, _, colour = str(self.kind_box.currentData() or "").partition(":")
        self.proxy.set_kind(kind)
        self.proxy.set_colour(colour)

    def tag_filter(self) -> list[str]:
        """The tags ticked: an annotation is shown when it carries every one."""
        return [a.text() for a in self.tags_menu.actions() if a.isCheckable() and a.isChecked()]

    def set_tag_filter(self, tags: list[str]) -> None:
        wanted = {t.casefold() for t in tags}
        for action in self.tags_menu.actions():
            if action.isCheckable():
                action.setChecked(action.text().casefold() in wanted)
        self._tags_changed()

    @Slot(QAction)
    def _on_tags_ticked(self, action: QAction) -> None:
        if not action.isCheckable():  # "Any tag": untick them all
            self.set_tag_filter([])
            return
        self._tags_changed()

    def _tags_changed(self) -> None:
        ticked = self.tag_filter()
        self.proxy.set_tags(ticked)
        label = " + ".join(ticked) if ticked else "All tags"
        self.tags_button.setText(self.tags_button.fontMetrics().elidedText(
            label, Qt.TextElideMode.ElideRight, max(60, self.kind_box.width() - 24)))
        self.tags_button.setToolTip(f"Showing annotations tagged {label}" if ticked
                                    else "Show only annotations with every tag ticked")

    def _refill_tags(self, tags: list[str]) -> None:
        """The tags in use, the ticked ones still ticked (a tag no longer used is dropped from the filter)."""
        ticked = {t.casefold() for t in self.tag_filter()}
        self.tags_menu.clear()
        self.tags_menu.addAction("Any tag (untick all)").setEnabled(bool(tags))
        self.tags_menu.addSeparator()
        for tag in tags:
            action = self.tags_menu.addAction(tag)
            action.setCheckable(True)
            action.setChecked(tag.casefold() in ticked)
        if not tags:
            self.tags_menu.addAction("No tags yet").setEnabled(False)
        self._tags_changed()

    # --- the current annotation -----------------------------------------------------------------------

    def _annotation_at(self, index: QModelIndex) -> Annotation | None:
        notes = self.model.notes()
        annotation_id = index.data(IdRole) if index.isValid() else None
        return notes.get(annotation_id) if notes is not None and annotation_id else None

    def current_annotation(self) -> Annotation | None:
        return self._annotation_at(self.cards.currentIndex())

    def selected_ids(self) -> list[str]:
        """The chosen cards' annotations, top to bottom (the current one when none is chosen)."""
        rows = sorted({index.row() for index in self.cards.selectionModel().selectedIndexes()})
        ids = [str(self.proxy.index(row, NOTE).data(IdRole)) for row in rows]
        current = self.current_annotation()
        return ids or ([current.id] if current is not None else [])

    def shown_ids(self) -> list[str]:
        """Every annotation the dock shows, filtered as it is, top to bottom (what an export of "what the dock
        shows" writes)."""
        return [str(self.proxy.index(r, NOTE).data(IdRole)) for r in range(self.proxy.rowCount())]

    def filtered(self) -> bool:
        """Whether a filter hides some of the annotations."""
        notes = self.model.notes()
        return notes is not None and self.proxy.rowCount() < len(notes)

    def select_annotation(self, annotation_id: str) -> bool:
        """Make an annotation the current row (clearing a filter that hides it). False when it is not there."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NOTE))
        if not index.isValid():
            self.set_notes(self.model.notes())
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(annotation_id), NOTE))
        self.cards.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.cards.scrollTo(index)
        return True

    def visible_rows(self, column: int = QUOTE) -> list[str]:
        """One fact of every card shown (the text of one column), top to bottom."""
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
        row = self.cards.currentIndex().row()
        self._session.push(DeleteAnnotationsCommand(notes, ids))
        if self.proxy.rowCount():
            self.cards.setCurrentIndex(self.proxy.index(min(max(row, 0), self.proxy.rowCount() - 1), NOTE))
        self._session.tell(f"{len(ids)} annotations deleted (Ctrl+Z brings them back)." if len(ids) > 1 else
                           "Annotation deleted (Ctrl+Z brings it back).")

    @Slot()
    def edit_note_in_place(self) -> None:
        """F2: the current card's note, edited over the card."""
        self._edit_in_place(tags=False)

    @Slot()
    def edit_tags_in_place(self) -> None:
        """Shift+F2: the current card's tags, completed from those in use."""
        self._edit_in_place(tags=True)

    def _edit_in_place(self, *, tags: bool) -> None:
        current = self.cards.currentIndex()
        if not current.isValid() or self._writable() is None:
            return
        self.delegate.editing_tags = tags
        self.cards.scrollTo(current)
        self.cards.edit(current)

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
    def _on_card_activated(self, index: QModelIndex) -> None:
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
        last = notes.transcript.turn_by_id.get(anchor.end_turn_id) if anchor.end_turn_id else None
        if anchor.scope is Scope.TEXT:  # the quoted words themselves, selected: ready to copy with citation
            self._navigator.go_to_words(turn.index, anchor.start, anchor.end, last.index if last else None)
        else:
            self._navigator.go_to_turn(turn.index, anchor.start)
