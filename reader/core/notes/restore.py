"""Bringing notes back: an earlier version (a backup generation) restored, or a file that was set aside as
damaged taken in again. Both go through the notes (`StoredNotes`), so they are validated, merged and saved as any
change is, and both keep the version they replace among the backups: a restore can itself be undone.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from reader.core.notes.anchoring import reattach
from reader.core.notes.backups import keep_generation
from reader.core.notes.notes_file import StoredNotes
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.schema import NotesDocument, NotSchemaError, parse_document
from reader.core.notes.storage import NotAFileError, read_limited


class RestoreError(ValueError):
    """A file that cannot be restored from; the message is for the user."""


@dataclass(frozen=True, slots=True)
class BroughtBack:
    added: int  # annotations that were not in the notes (or were older there)
    unreadable: int  # records still failing validation, left in the file

    def summary(self) -> str:
        text = f"{self.added} brought back"
        return text + (f", {self.unreadable} could not be read (mend the file and try again)"
                       if self.unreadable else "")


def _read(path: Path) -> NotesDocument:
    try:
        return parse_document(read_limited(path, MAX_FILE_BYTES))
    except (OSError, NotAFileError, NotSchemaError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise RestoreError(f"{path}: {reason}") from exc


def _keep_current(notes: StoredNotes) -> None:
    """Save, and keep what is on disk now as a generation of its own, before a restore changes it."""
    notes.save()
    with contextlib.suppress(FileNotFoundError):
        keep_generation(notes.file, notes.file.read_bytes(), force=True)


def bring_back(notes: StoredNotes, path: Path) -> BroughtBack:
    """Take the readable annotations of a set-aside file into the notes: those missing, or newer there."""
    doc = _read(path)
    _keep_current(notes)
    added = 0
    for annotation in reattach(notes.transcript, doc.annotations):
        existing = notes.get(annotation.id)
        if existing is None:
            notes.add(annotation)
            added += 1
        elif annotation.modified > existing.modified:
            notes.replace(annotation)
            added += 1
    return BroughtBack(added, len(doc.rejected))


def restore_backup(notes: StoredNotes, path: Path) -> str:
    """Make the notes what they were in an earlier version: its annotations, speaker names and topic edits.

    Annotations added since are removed (kept in the generation saved first); the restored ones are stamped
    now, so that they win the next merge. Returns a line for the user."""
    doc = _read(path)
    _keep_current(notes)
    wanted = {a.id: a for a in reattach(notes.transcript, doc.annotations)}
    removed = [a.id for a in notes.annotations if a.id not in wanted]
    for ident in removed:
        notes.remove(ident)
    changed = 0
    for ident, annotation in wanted.items():
        existing = notes.get(ident)
        if existing is None:
            notes.add(annotation.edited())
            changed += 1
        elif existing != annotation:
            notes.replace(annotation)
            changed += 1
    for key in set(notes.speaker_names) | set(doc.speaker_names):
        if notes.speaker_names.get(key, "") != doc.speaker_names.get(key, ""):
            notes.set_speaker_name(key, doc.speaker_names.get(key, ""))
    if notes.topic_edits != list(doc.topic_edits):
        notes.set_topic_edits(doc.topic_edits)
    return (f"{len(wanted)} annotations restored from {path.name} ({changed} put back or changed, "
            f"{len(removed)} added since removed)")
