"""The window's annotation commands: bookmark, highlight, note, status, copy with citation, export and import.

Each command turns what the reader points at (the selection, the reading position, the Notes dock's current
row) into an undoable command from operations.py, pushed on the window's undo stack. What the annotations look
like in the reading view is annotation_marks.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.commands.output import OutputError, check_output, write_output
from reader.core.notes.annotations import (
    COLOURS,
    DEFAULT_COLOUR,
    Annotation,
    Kind,
    Scope,
    Status,
    exchange_anchor,
    make_anchor,
    new_annotation,
    turn_anchor,
    turn_index_of,
)
from reader.core.notes.export import citation, export_notes
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.restore import RestoreError, bring_back, restore_backup
from reader.core.notes.storage import NotAFileError, read_limited
from reader.core.notes.store import Change, StoredNotes, TranscriptNotes
from reader.core.notes.web_annotation import NotAnnotationsError, read_collection
from reader.ui.actions import ActionSpec, register, register_menu
from reader.ui.annotation_dialogs import NoteDialog
from reader.ui.annotation_marks import AnnotationMarks
from reader.ui.notes_files import ExportDialog, ImportDialog
from reader.ui.notes_restore import Choice, RestoreDialog
from reader.ui.operations import AddAnnotationCommand, DeleteAnnotationsCommand, ImportNotesCommand

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

MESSAGE_MS = 5000
CHANGING = ("notes.bookmark", "notes.highlight", "notes.note", "notes.edit", "notes.delete", "file.import_notes",
            "notes.restore",
            *(f"notes.colour_{c}" for c in COLOURS), *(f"notes.status_{s.name.lower()}" for s in Status))

register_menu("notes", "&Notes", before="go")
register(
    ActionSpec("notes.bookmark", "&Bookmark This Exchange or Turn", "notes", "annotation_actions.bookmark",
               ("Ctrl+D",), "Bookmark the question at the reading position (or the turn); again to remove it"),
    ActionSpec("notes.highlight", "&Highlight Selection", "notes", "annotation_actions.highlight", ("Ctrl+Shift+H",),
               "Highlight the selected words in the last colour used"),
    *(ActionSpec(f"notes.colour_{c}", f"&{c.capitalize()}", "notes/Highlight &Colour",
                 "annotation_actions.highlight_in", checkable=True, group="highlight_colour", argument=c,
                 tip=f"Highlight the selection in {c}")
      for c in COLOURS),
    ActionSpec("notes.note", "&Note…", "notes", "annotation_actions.note", ("Ctrl+M",),
               "Write a note on the selection, or on the turn at the reading position"),
    ActionSpec("notes.edit", "&Edit Annotation…", "notes", "notes_panel.edit_current_in_dialog", separator=True,
               tip="Edit the note, tags, status and colour of the annotation chosen in the Notes dock"),
    *(ActionSpec(f"notes.status_{s.name.lower()}", s.label or "&No Status", "notes/Attribution &Status",
                 "annotation_actions.set_status", checkable=True, group="status", argument=s.value,
                 tip="The attribution status of the annotation chosen in the Notes dock") for s in Status),
    ActionSpec("notes.delete", "&Delete Annotation", "notes", "notes_panel.delete_selected", ("Del",),
               "Delete the annotations chosen in the Notes dock"),
    ActionSpec("notes.restore", "&Restore Earlier Notes…", "notes", "annotation_actions.restore_notes",
               separator=True, tip="Bring back an earlier version of these notes, or a file set aside as damaged"),
)


class AnnotationActions(QObject):
    """The slots of the Notes menu, Edit > Copy with Citation and File > Export/Import Notes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.colour = DEFAULT_COLOUR  # the colour Ctrl+Shift+H uses: the last one chosen
        self.marks = AnnotationMarks(window)

    def attach(self, window: MainWindow) -> None:
        self.marks.attach(window)
        registry = window.registry
        registry[f"notes.colour_{self.colour}"].setChecked(True)
        # Delete acts in the dock only: in the search field or the reading view the key keeps its usual meaning.
        delete = registry["notes.delete"]
        window.removeAction(delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.notes_panel.table.addAction(delete)
        window.notes_panel.table.addAction(registry["notes.edit"])
        window.notes_panel.table.addAction(registry.menus["notes/Attribution &Status"].menuAction())
        window.transcript_changed.connect(self._on_window_transcript_changed)
        window.notes_changed.connect(self._on_window_notes_changed)
        window.notes_panel.current_changed.connect(self._show_status_of)
        self._enable()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Coming back to the window takes in what another window (or a synced folder) saved meanwhile, so the
        # dock shows it now rather than after this window's next save.
        if event.type() == QEvent.Type.WindowActivate and watched is self._window and self._window.notes is not None:
            self._window.notes.refresh()
        return False

    # --- what the reader points at -----------------------------------------------------------------------

    def _notes(self) -> StoredNotes | None:
        """The open transcript's notes when they can change; otherwise says why in the status bar."""
        notes = self._window.notes
        if notes is None or self._window.transcript is None:
            return None
        if notes.read_only:
            self._say(notes.message or "These notes are read-only.")
            return None
        return notes

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, MESSAGE_MS)

    def _push_new(self, notes: TranscriptNotes, annotation: Annotation) -> None:
        command = AddAnnotationCommand(notes, annotation)
        self._window.undo_stack.push(command)
        self._window.notes_panel.select_annotation(command.annotation_id)

    # --- the commands ----------------------------------------------------------------------------------------

    @Slot()
    def bookmark(self) -> None:
        """The exchange when the reading position is on its question, else the turn; again removes it."""
        notes, view = self._notes(), self._window.view
        turn = view.current_turn()
        if notes is None or turn < 0:
            return
        transcript = notes.transcript
        exchange = transcript.exchange_of(turn)
        anchor = exchange_anchor(transcript, transcript.turns[turn].exchange) if exchange.first_turn == turn \
            else turn_anchor(transcript, turn)
        existing = [a.id for a in notes.annotations if a.kind is Kind.BOOKMARK and not a.detached
                    and a.anchor.turn_id == anchor.turn_id and a.anchor.scope is anchor.scope]
        if existing:
            self._window.undo_stack.push(DeleteAnnotationsCommand(notes, existing))
            self._say("Bookmark removed.")
            return
        self._push_new(notes, new_annotation(Kind.BOOKMARK, anchor))
        self._say(f"Bookmarked {exchange.label}." if anchor.scope is Scope.EXCHANGE else
                  f"Bookmarked turn {turn + 1} ({exchange.label}).")

    @Slot()
    def highlight(self) -> None:
        self.highlight_in(self.colour)

    @Slot(str)
    def highlight_in(self, colour: str) -> None:
        """Highlight the selection in `colour`, which becomes the colour Ctrl+Shift+H uses."""
        self.colour = colour
        with QSignalBlocker(self._window.registry[f"notes.colour_{colour}"]):
            self._window.registry[f"notes.colour_{colour}"].setChecked(True)
        notes = self._notes()
        selection = self._window.view.selection_in_turn()
        if notes is None:
            return
        if selection is None:
            self._say("Select some words to highlight.")
            return
        self._push_new(notes, new_annotation(Kind.HIGHLIGHT, make_anchor(notes.transcript, *selection),
                                             colour=colour))

    @Slot()
    def note(self) -> None:
        """Open the note editor on the selection, or on the turn at the reading position."""
        notes, view = self._notes(), self._window.view
        if notes is None or view.current_turn() < 0:
            return
        selection = view.selection_in_turn()
        anchor = make_anchor(notes.transcript, *selection) if selection else turn_anchor(notes.transcript,
                                                                                        view.current_turn())
        dialog = NoteDialog(self._window, title="New Note", quote=anchor.exact, known_tags=notes.tags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._push_new(notes, new_annotation(Kind.NOTE, anchor, **dialog.values())))
        dialog.open()

    @Slot(str)
    def set_status(self, status: str) -> None:
        current = self._window.notes_panel.current_annotation()
        if self._notes() is None:
            return
        if current is None:
            self._say("Choose an annotation in the Notes dock first.")
            self._show_status_of(None)
            return
        self._window.notes_panel.edit(current.id, status=Status(status))

    @Slot()
    def copy_with_citation(self) -> None:
        """``"quote" (Speaker, Title, Date)`` of the selection, else of the annotation chosen in the dock."""
        window = self._window
        transcript = window.transcript
        if transcript is None or window.notes is None:
            return
        selection = window.view.selection_in_turn()
        if selection is not None:
            turn, start, end = selection
            quote = transcript.turns[turn].text[start:end]
        else:
            current = window.notes_panel.current_annotation()
            index = turn_index_of(transcript, current.anchor) if current and not current.detached else None
            if current is None or index is None:
                self._say("Select the words to copy with their citation.")
                return
            turn, quote = index, window.notes_panel.model.row_data(window.notes_panel.model.row_of(current.id)).quote
        text = citation(transcript, turn, quote, window.notes.speaker_names)
        QApplication.clipboard().setText(text)
        self._say("Copied with citation.")

    @Slot()
    def export_notes(self) -> None:
        window, notes = self._window, self._window.notes
        if notes is None or window.transcript is None:
            return
        source = Path(window.transcript.path) if window.transcript.path else Path.home() / "transcript"
        dialog = ExportDialog(window, str(source.parent), source.stem)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_to(dialog.chosen_path(), dialog.chosen_format(), dialog.only(),
                                                       dialog.pseudonymise()))
        dialog.open()

    def export_to(self, path: Path, fmt: str, only: str | None = None, pseudonymise: bool = False) -> bool:
        notes = self._window.notes
        if notes is None:
            return False
        text = export_notes(notes.transcript, notes.annotations, fmt, notes.speaker_names, only=only,
                            pseudonymise=pseudonymise)
        try:  # the same checks as the command line's: never over the transcript or the notes store
            target = check_output(str(path), inputs=[notes.transcript.path] if notes.transcript.path else [],
                                  stores=[notes.store.root])
            write_output(target, text.encode("utf-8"))
        except OutputError as exc:
            self._window.show_error("Cannot export the notes", str(exc))
            return False
        self._say(f"Notes exported to {path}.")
        return True

    @Slot()
    def import_notes(self) -> None:
        if self._notes() is None or self._window.transcript is None:
            return
        folder = str(Path(self._window.transcript.path).parent) if self._window.transcript.path else str(Path.home())
        dialog = ImportDialog(self._window, folder)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.import_from(Path(name)))
        dialog.open()

    def import_from(self, path: Path) -> None:
        notes = self._notes()
        if notes is None:
            return
        try:  # a pipe, a device or a huge file is refused without reading it: the window must not hang
            raw = read_limited(path, MAX_FILE_BYTES)
            read_collection(raw)  # a file that is not notes is refused here, before anything changes
        except (OSError, NotAFileError, NotAnnotationsError) as exc:
            reason = exc.strerror or str(exc) if isinstance(exc, OSError) else str(exc)
            self._window.show_error("Cannot import the notes", f"{path}: {reason}")
            return
        command = ImportNotesCommand(notes, raw, path.name)
        self._window.undo_stack.push(command)
        summary = command.result.summary() if command.result else "nothing"
        box = QMessageBox(QMessageBox.Icon.Information, "Notes imported", f"Notes imported from {path.name}: "
                          f"{summary}.", QMessageBox.StandardButton.Ok, self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file's name is shown as written
        box.setObjectName("import_summary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @Slot()
    def restore_notes(self) -> None:
        notes = self._notes()
        if notes is None:
            return
        store = notes.store
        dialog = RestoreDialog(store.backups(notes.fingerprint), store.set_aside(notes.fingerprint), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: (choice := dialog.chosen()) is not None and self.restore_from(choice))
        dialog.open()

    def restore_from(self, choice: Choice) -> bool:
        """Restore a version, or take in a set-aside file; the undo history is cleared (the version replaced is
        kept among the backups instead). Returns whether the notes changed."""
        notes = self._notes()
        if notes is None:
            return False
        try:
            summary = (bring_back(notes, choice.path).summary() if choice.kind == "aside"
                       else restore_backup(notes, choice.path))
        except RestoreError as exc:
            self._window.show_error("Cannot restore the notes", str(exc))
            return False
        self._window.undo_stack.clear()
        self._window.save_notes()
        self._say(f"{choice.path.name}: {summary}.")
        return True

    # --- following the notes ---------------------------------------------------------------------------------

    @Slot(object)
    def _on_window_transcript_changed(self, _transcript: object) -> None:
        self._enable()

    @Slot(object)
    def _on_window_notes_changed(self, change: Change) -> None:
        if change.annotations:
            self._show_status_of(self._window.notes_panel.current_annotation())

    def _enable(self) -> None:
        notes = self._window.notes
        writable = notes is not None and not notes.read_only
        for action_id in CHANGING:
            self._window.registry[action_id].setEnabled(writable)
        for action_id in ("edit.copy_citation", "file.export_notes"):
            self._window.registry[action_id].setEnabled(notes is not None)

    @Slot(object)
    def _show_status_of(self, annotation: Annotation | None) -> None:
        """The Attribution Status menu ticks the status of the annotation chosen in the dock."""
        for status in Status:
            action = self._window.registry[f"notes.status_{status.name.lower()}"]
            with QSignalBlocker(action):
                action.setChecked(annotation is not None and annotation.status is status)
