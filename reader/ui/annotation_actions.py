"""The window's annotation commands: bookmark, highlight, note, status, copy with citation, export, import and
restore.

Each command turns what the reader points at (the selection and the reading position, from the navigator; the
Notes dock's current row, from `ChosenAnnotation`) into an undoable command from reader.ui.operations, pushed
on the session. The commands' enabled and ticked states follow the session's notes. What the annotations look
like in the reading view is annotation_marks.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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
    quote_of,
    turn_anchor,
    turn_index_of,
)
from reader.core.notes.export import citation, export_notes
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.storage import NotAFileError, read_limited
from reader.core.notes.store import Change, StoredNotes, TranscriptNotes
from reader.core.notes.web_annotation import NotAnnotationsError, read_collection
from reader.ui.actions import ActionId, ActionRegistry, Choice
from reader.ui.annotation_dialogs import NoteDialog
from reader.ui.navigation import Navigator
from reader.ui.operations.annotations import (
    AddAnnotationCommand,
    DeleteAnnotationsCommand,
    ImportNotesCommand,
    edit_command,
)
from reader.ui.session import ReaderSession

if TYPE_CHECKING:  # the export, import and restore dialogs are imported when asked for: a faster start
    from reader.ui.notes_restore import Choice as RestoreChoice

# What only writable notes allow; exporting and copying need notes of any kind.
CHANGING = (ActionId.BOOKMARK, ActionId.HIGHLIGHT, ActionId.NOTE, ActionId.EDIT_ANNOTATION,
            ActionId.DELETE_ANNOTATION, ActionId.IMPORT_NOTES, ActionId.RESTORE_NOTES,
            *(f"{Choice.HIGHLIGHT_COLOUR}_{c}" for c in COLOURS),
            *(f"{Choice.STATUS}_{s.name.lower()}" for s in Status))
READING = (ActionId.COPY_CITATION, ActionId.EXPORT_NOTES)


class ChosenAnnotation(Protocol):
    """The annotation the reader chose in the Notes dock, and choosing one there."""

    def current_annotation(self) -> Annotation | None: ...
    def select_annotation(self, annotation_id: str) -> bool: ...


class AnnotationActions(QObject):
    """The callables of the Notes menu, Edit > Copy with Citation and File > Export/Import Notes."""

    def __init__(self, session: ReaderSession, navigator: Navigator, registry: ActionRegistry,
                 chosen: ChosenAnnotation, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._navigator = navigator
        self._registry = registry
        self._chosen = chosen
        self._dialog_parent = parent
        self.colour = DEFAULT_COLOUR  # the colour Ctrl+Shift+H uses: the last one chosen
        registry.show_choice(Choice.HIGHLIGHT_COLOUR, self.colour)
        session.opened.connect(self._on_session_opened)
        session.notes_changed.connect(self._on_session_notes_changed)
        self._enable()

    # --- what the reader points at -----------------------------------------------------------------------

    def _notes(self) -> StoredNotes | None:
        """The open transcript's notes when they can change; otherwise says why in the status bar."""
        return self._session.writable()

    def _say(self, message: str) -> None:
        self._session.tell(message)

    def _push_new(self, notes: TranscriptNotes, annotation: Annotation) -> None:
        command = AddAnnotationCommand(notes, annotation)
        self._session.push(command)
        self._chosen.select_annotation(command.annotation_id)

    # --- the commands ----------------------------------------------------------------------------------------

    @Slot()
    def bookmark(self) -> None:
        """The exchange when the reading position is on its question, else the turn; again removes it."""
        notes, turn = self._notes(), self._navigator.current_turn()
        if notes is None or turn < 0:
            return
        transcript = notes.transcript
        exchange = transcript.exchange_of(turn)
        anchor = exchange_anchor(transcript, transcript.turns[turn].exchange) if exchange.first_turn == turn \
            else turn_anchor(transcript, turn)
        existing = [a.id for a in notes.annotations if a.kind is Kind.BOOKMARK and not a.detached
                    and a.anchor.turn_id == anchor.turn_id and a.anchor.scope is anchor.scope]
        if existing:
            self._session.push(DeleteAnnotationsCommand(notes, existing))
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
        self._registry.show_choice(Choice.HIGHLIGHT_COLOUR, colour)
        notes = self._notes()
        selection = self._navigator.selection_in_turn()
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
        notes, turn = self._notes(), self._navigator.current_turn()
        if notes is None or turn < 0:
            return
        selection = self._navigator.selection_in_turn()
        anchor = make_anchor(notes.transcript, *selection) if selection else turn_anchor(notes.transcript, turn)
        dialog = NoteDialog(self._dialog_parent, title="New Note", quote=anchor.exact, known_tags=notes.tags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._push_new(notes, new_annotation(Kind.NOTE, anchor, **dialog.values())))
        dialog.open()

    @Slot(str)
    def set_status(self, status: str) -> None:
        current = self._chosen.current_annotation()
        notes = self._notes()
        if notes is None:
            return
        if current is None:
            self._say("Choose an annotation in the Notes dock first.")
            self.show_status_of(None)
            return
        command = edit_command(notes, current.id, status=Status(status))
        if command is not None:
            self._session.push(command)

    @Slot()
    def copy_with_citation(self) -> None:
        """``"quote" (Speaker, Title, Date)`` of the selection, else of the annotation chosen in the dock."""
        transcript, notes = self._session.transcript, self._session.notes
        if transcript is None or notes is None:
            return
        selection = self._navigator.selection_in_turn()
        if selection is not None:
            turn, start, end = selection
            quote = transcript.turns[turn].text[start:end]
        else:
            current = self._chosen.current_annotation()
            index = turn_index_of(transcript, current.anchor) if current and not current.detached else None
            if current is None or index is None:
                self._say("Select the words to copy with their citation.")
                return
            turn, quote = index, quote_of(transcript, current.anchor)  # as the dock shows it
        text = citation(transcript, turn, quote, notes.speaker_names)
        QApplication.clipboard().setText(text)
        self._say("Copied with citation.")

    @Slot()
    def export_notes(self) -> None:
        transcript = self._session.transcript
        if self._session.notes is None or transcript is None:
            return
        from reader.ui.notes_files import ExportDialog  # imported when asked for: a faster start

        source = Path(transcript.path) if transcript.path else Path.home() / "transcript"
        dialog = ExportDialog(self._dialog_parent, str(source.parent), source.stem)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_to(dialog.chosen_path(), dialog.chosen_format(), dialog.only(),
                                                       dialog.pseudonymise()))
        dialog.open()

    def export_to(self, path: Path, fmt: str, only: str | None = None, pseudonymise: bool = False) -> bool:
        from reader.commands.output import OutputError, check_output, write_output

        notes = self._session.notes
        if notes is None:
            return False
        text = export_notes(notes.transcript, notes.annotations, fmt, notes.speaker_names, only=only,
                            pseudonymise=pseudonymise)
        try:  # the same checks as the command line's: never over the transcript or the notes store
            target = check_output(str(path), inputs=[notes.transcript.path] if notes.transcript.path else [],
                                  stores=[notes.store.root])
            write_output(target, text.encode("utf-8"))
        except OutputError as exc:
            self._session.report_error("Cannot export the notes", str(exc))
            return False
        self._say(f"Notes exported to {path}.")
        return True

    @Slot()
    def import_notes(self) -> None:
        transcript = self._session.transcript
        if self._notes() is None or transcript is None:
            return
        from reader.ui.notes_files import ImportDialog  # imported when asked for: a faster start

        folder = str(Path(transcript.path).parent) if transcript.path else str(Path.home())
        dialog = ImportDialog(self._dialog_parent, folder)
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
            self._session.report_error("Cannot import the notes", f"{path}: {reason}")
            return
        command = ImportNotesCommand(notes, raw, path.name)
        self._session.push(command)
        summary = command.result.summary() if command.result else "nothing"
        box = QMessageBox(QMessageBox.Icon.Information, "Notes imported", f"Notes imported from {path.name}: "
                          f"{summary}.", QMessageBox.StandardButton.Ok, self._dialog_parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file's name is shown as written
        box.setObjectName("import_summary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @Slot()
    def restore_notes(self) -> None:
        notes = self._notes()
        if notes is None:
            return
        from reader.ui.notes_restore import RestoreDialog  # imported when asked for: a faster start

        store = notes.store
        dialog = RestoreDialog(store.backups(notes.fingerprint), store.set_aside(notes.fingerprint),
                               self._dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: (choice := dialog.chosen()) is not None and self.restore_from(choice))
        dialog.open()

    def restore_from(self, choice: RestoreChoice) -> bool:
        """Restore a version, or take in a set-aside file; the undo history is cleared (the version replaced is
        kept among the backups instead). Returns whether the notes changed."""
        from reader.core.notes.restore import RestoreError, bring_back, restore_backup

        notes = self._notes()
        if notes is None:
            return False
        try:
            summary = (bring_back(notes, choice.path).summary() if choice.kind == "aside"
                       else restore_backup(notes, choice.path))
        except RestoreError as exc:
            self._session.report_error("Cannot restore the notes", str(exc))
            return False
        self._session.restored()
        self._say(f"{choice.path.name}: {summary}.")
        return True

    # --- following the notes ---------------------------------------------------------------------------------

    @Slot(object)
    def _on_session_opened(self, _transcript: object) -> None:
        self._enable()

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        if change.annotations:
            self.show_status_of(self._chosen.current_annotation())

    def _enable(self) -> None:
        notes = self._session.notes
        self._registry.set_enabled(CHANGING, notes is not None and not notes.read_only)
        self._registry.set_enabled(READING, notes is not None)

    @Slot(object)
    def show_status_of(self, annotation: Annotation | None) -> None:
        """The Attribution Status menu ticks the status of the annotation chosen in the dock (none for none)."""
        self._registry.show_choice(Choice.STATUS, annotation.status.value if annotation is not None else None)
