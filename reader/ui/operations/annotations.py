"""Every change a user makes to annotations, as an undoable command on the notes store.

A command only calls `TranscriptNotes` (add, update, replace, remove); the store tells its listeners, and the
session relays that as its ``notes_changed`` signal, which is what the Notes dock and the reading view's marks
refresh from. So an undo from Edit > Undo, a change from the dock and one from another window all show the same
way. Undo puts back the earlier version of the annotation with `replace`, which stamps a newer modification
time: an undone edit must win the next merge just as the edit did. An annotation another window deleted
meanwhile (merged in since) is left alone by an undo or redo that would change it, rather than brought back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from reader.core.notes.annotations import Annotation, Kind, Status
from reader.core.notes.store import TranscriptNotes

if TYPE_CHECKING:  # the importer is imported when notes are imported: a faster start
    from reader.core.notes.importer import ImportResult

_KIND_NAMES = {Kind.BOOKMARK: "Bookmark", Kind.HIGHLIGHT: "Highlight", Kind.NOTE: "Note"}


def describe(annotation: Annotation) -> str:
    """A short name for an undo entry: "Highlight “words…”"."""
    quote = " ".join(annotation.anchor.exact.split())
    if len(quote) > 24:
        quote = quote[:23].rstrip() + "…"
    return f"{_KIND_NAMES[annotation.kind]} “{quote}”" if quote else _KIND_NAMES[annotation.kind]


class AddAnnotationCommand(QUndoCommand):
    """A new bookmark, highlight or note."""

    def __init__(self, notes: TranscriptNotes, annotation: Annotation) -> None:
        super().__init__(f"Add {describe(annotation)}")
        self._notes, self._annotation = notes, annotation

    @property
    def annotation_id(self) -> str:
        return self._annotation.id

    def redo(self) -> None:
        self._annotation = self._notes.add(self._annotation)

    def undo(self) -> None:
        if self._annotation.id in self._notes:
            self._annotation = self._notes.remove(self._annotation.id)


class EditAnnotationCommand(QUndoCommand):
    """Change some fields (note, tags, status, colour, kind) of one annotation."""

    def __init__(self, notes: TranscriptNotes, annotation_id: str, text: str = "", **changes: Any) -> None:
        before = notes.get(annotation_id)
        if before is None:
            raise KeyError(annotation_id)
        super().__init__(text or edit_text(before, changes))
        self._notes, self._id, self._changes, self._before = notes, annotation_id, changes, before

    def redo(self) -> None:
        if self._id in self._notes:
            self._notes.update(self._id, **self._changes)

    def undo(self) -> None:
        if self._id in self._notes:
            self._notes.replace(self._before)


class DeleteAnnotationsCommand(QUndoCommand):
    """Delete one or more annotations; undo brings them back with their ids, so nothing else loses track."""

    def __init__(self, notes: TranscriptNotes, annotation_ids: Iterable[str]) -> None:
        self._notes = notes
        self._removed: list[Annotation] = [a for i in annotation_ids if (a := notes.get(i)) is not None]
        count = len(self._removed)
        super().__init__(f"Delete {describe(self._removed[0])}" if count == 1 else f"Delete {count} annotations")

    def redo(self) -> None:
        self._removed = [self._notes.remove(a.id) if a.id in self._notes else a for a in self._removed]

    def undo(self) -> None:
        self._removed = [self._notes.add(a) for a in self._removed]


class ImportNotesCommand(QUndoCommand):
    """Notes read from a W3C Web Annotation file (check it with `read_collection` first: a command cannot fail).

    The first redo imports (attaching by quote, recognising duplicates); undo takes back exactly what it added
    or updated, and a later redo puts those same versions back. `result` holds the counts for the message.
    """

    def __init__(self, notes: TranscriptNotes, raw: str | bytes, name: str = "") -> None:
        super().__init__(f"Import Notes from {name}" if name else "Import Notes")
        self._notes, self._raw = notes, raw
        self.result: ImportResult | None = None
        self._before: dict[str, Annotation | None] = {}
        self._after: dict[str, Annotation] = {}

    def redo(self) -> None:
        if self.result is None:
            from reader.core.notes.importer import import_notes

            before = {a.id: a for a in self._notes.annotations}
            self.result = import_notes(self._notes, self._raw)
            after = {a.id: a for a in self._notes.annotations}
            self._before = {i: before.get(i) for i, a in after.items() if before.get(i) != a}
            self._after = {i: after[i] for i in self._before}
            self.setObsolete(not self._before)  # nothing new: no undo entry
            return
        for annotation_id, annotation in self._after.items():
            if annotation_id in self._notes:
                self._notes.replace(annotation)
            else:
                self._notes.add(annotation)

    def undo(self) -> None:
        for annotation_id, annotation in self._before.items():
            if annotation is None:
                self._notes.remove(annotation_id)
            else:
                self._notes.replace(annotation)


def edit_command(notes: TranscriptNotes, annotation_id: str, **changes: Any) -> EditAnnotationCommand | None:
    """The command for an edit of the fields that really change (None when none does, or the annotation is
    gone): the Notes dock's cells and editor and the Attribution Status menu all edit this way."""
    current = notes.get(annotation_id)
    if current is None:
        return None
    changes = {k: v for k, v in changes.items() if getattr(current.edited(**{k: v}), k) != getattr(current, k)}
    return EditAnnotationCommand(notes, annotation_id, **changes) if changes else None


def edit_text(annotation: Annotation, changes: dict[str, Any]) -> str:
    """The undo entry for an edit, named by what it changes."""
    if set(changes) == {"status"}:
        status = Status(changes["status"])
        return f"Mark {describe(annotation)} {status.label.lower()}" if status else f"Clear status of " \
            f"{describe(annotation)}"
    if set(changes) == {"tags"}:
        return f"Tag {describe(annotation)}"
    if set(changes) == {"note"}:
        return f"Edit note on {describe(annotation)}"
    if set(changes) == {"colour"}:
        return f"Colour {describe(annotation)} {changes['colour']}"
    return f"Edit {describe(annotation)}"
