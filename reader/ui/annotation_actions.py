"""The window's annotation commands: bookmark, highlight, note, status, copy with citation and restore (export
and import are notes_files.py).

Each command turns what the reader points at (the selection and the reading position, from the navigator; the
Notes dock's current row, from `ChosenAnnotation`) into an undoable command from reader.ui.operations, pushed
on the session. A selection over several turns is one passage: highlighted, noted and cited whole, never cut
to its first turn; one that runs over turns a fold or a filter hides is refused, since the reader did not see
all it holds. The commands' enabled and ticked states follow the session's notes. What the annotations look
like in the reading view is annotation_marks.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.notes.annotations import (
    COLOURS,
    DEFAULT_COLOUR,
    Anchor,
    Annotation,
    Kind,
    Scope,
    Status,
    anchor_pieces,
    exchange_anchor,
    new_annotation,
    passage_anchor,
    turn_anchor,
)
from reader.core.notes.citation import CitationStyle, cite, time_heard
from reader.core.notes.export import notes_timeline
from reader.core.notes.restore import RestoreError, bring_back, restore_backup
from reader.core.notes.store import Change, StoredNotes, TranscriptNotes
from reader.ui.actions import ActionId, ActionRegistry, Choice
from reader.ui.annotation_dialogs import NoteDialog
from reader.ui.navigation import Navigator
from reader.ui.operations.annotations import (
    AddAnnotationCommand,
    DeleteAnnotationsCommand,
    edit_command,
)
from reader.ui.preferences import Preferences
from reader.ui.session import ReaderSession
from reader.ui.view_selection import SelectedSpan

OVER_HIDDEN = "The selection runs over hidden turns, so it was not {}: unfold them or show every speaker, then select."

if TYPE_CHECKING:  # the restore dialog is imported when asked for: a faster start
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
    """The callables of the Notes menu and Edit > Copy with Citation."""

    def __init__(self, session: ReaderSession, navigator: Navigator, registry: ActionRegistry,
                 chosen: ChosenAnnotation, parent: QWidget, *, preferences: Preferences | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._navigator = navigator
        self._registry = registry
        self._chosen = chosen
        self._dialog_parent = parent
        self._preferences = preferences
        self.colour = DEFAULT_COLOUR  # the colour Ctrl+Shift+H uses: the last one chosen
        registry.show_choice(Choice.HIGHLIGHT_COLOUR, self.colour)
        self.citation_style = CitationStyle(preferences.citation_style) if preferences else CitationStyle.PLAIN
        registry.show_choice(Choice.CITATION_STYLE, self.citation_style.value)
        session.follow(self._on_session_opened)
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

    def _selected(self, undone: str) -> SelectedSpan | None:
        """The selection, unless it runs over hidden turns (then says so, and what was not done)."""
        span = self._navigator.selected_span()
        if span is not None and span.over_hidden:
            self._say(OVER_HIDDEN.format(undone))
            return None
        return span

    @staticmethod
    def _anchor(notes: TranscriptNotes, span: SelectedSpan) -> Anchor:
        return passage_anchor(notes.transcript, span.first, span.start, span.last, span.end)

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
        if notes is None:
            return
        if self._navigator.selected_span() is None:
            self._say("Select some words to highlight.")
            return
        span = self._selected("highlighted")
        if span is None:
            return
        self._push_new(notes, new_annotation(Kind.HIGHLIGHT, self._anchor(notes, span), colour=colour))
        if span.turns > 1:
            self._say(f"Highlighted a passage of {span.turns} turns.")

    @Slot()
    def note(self) -> None:
        """Open the note editor on the selection, or on the turn at the reading position."""
        notes, turn = self._notes(), self._navigator.current_turn()
        if notes is None or turn < 0:
            return
        selected = self._navigator.selected_span() is not None
        span = self._selected("noted")
        if selected and span is None:
            return
        anchor = self._anchor(notes, span) if span else turn_anchor(notes.transcript, turn)
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
        """The selection with its citation (`reader.core.notes.citation`, in the style chosen), else the
        annotation chosen in the dock; a passage gives each speaker's words with their name."""
        notes = self._session.notes
        if notes is None:
            return
        transcript = notes.attributed  # the speakers as the reader corrected them
        if self._navigator.selected_span() is not None:
            span = self._selected("copied")
            if span is None:
                return
            pieces = [(t, span.start if t == span.first else 0,
                       span.end if t == span.last else len(transcript.turns[t].text))
                      for t in range(span.first, span.last + 1)]
            heard = None
        else:
            current = self._chosen.current_annotation()
            pieces = anchor_pieces(transcript, current.anchor) if current and not current.detached else []
            if not pieces:
                self._say("Select the words to copy with their citation.")
                return
            heard = current.recording_time if current else None
        time = time_heard(notes_timeline(transcript, notes.recording, notes.sync_points), *pieces[0][:2], heard)
        try:
            text = cite(transcript, pieces, notes.speaker_names, self.citation_style, time)
        except ValueError:  # only spaces selected
            self._say("Select the words to copy with their citation.")
            return
        turns = len(pieces)
        QApplication.clipboard().setText(text)
        self._say(f"Copied a passage of {turns} turns with its citation." if turns > 1 else "Copied with citation.")

    @Slot(str)
    def set_citation_style(self, style: str) -> None:
        """The form Copy with Citation writes (plain, APA-like, Chicago-like), remembered for the next start."""
        self.citation_style = CitationStyle(style)
        self._registry.show_choice(Choice.CITATION_STYLE, self.citation_style.value)
        if self._preferences is not None:
            self._preferences.citation_style = self.citation_style.value

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
