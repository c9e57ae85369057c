"""Renaming a speaker, as an undoable command on the notes (which keep the name with this transcript)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from reader.core.notes.store import TranscriptNotes


class RenameSpeakerCommand(QUndoCommand):
    """A new display name for a speaker, through the notes store (which saves it and tells every view)."""

    def __init__(self, notes: TranscriptNotes, key: str, name: str) -> None:
        self._notes, self._key, self._name = notes, key, name
        self._previous = notes.speaker_names.get(key, "")
        shown = notes.display_name(key)
        super().__init__(f"Rename {shown} to {name}" if name else f"Rename {shown} back")

    def redo(self) -> None:
        self._notes.set_speaker_name(self._key, self._name)

    def undo(self) -> None:
        self._notes.set_speaker_name(self._key, self._previous)
