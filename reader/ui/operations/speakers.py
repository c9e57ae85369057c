"""Correcting the speakers, as undoable commands on the notes (which keep the corrections with this transcript,
never changing its file): a rename, a merge of one speaker into another, one turn given to another speaker."""

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


class MergeSpeakerCommand(QUndoCommand):
    """Every turn of one speaker shown as another's ("Unknown Speaker" into "Kim"); `into` "" separates them."""

    def __init__(self, notes: TranscriptNotes, key: str, into: str) -> None:
        self._notes, self._key, self._into = notes, key, into
        self._previous = notes.speaker_merges.get(key, "")
        shown = notes.display_name(key)
        super().__init__(f"Merge {shown} into {notes.display_name(into)}" if into else f"Separate {shown} again")

    def redo(self) -> None:
        self._notes.merge_speaker(self._key, self._into)

    def undo(self) -> None:
        self._notes.merge_speaker(self._key, self._previous)


class GiveTurnCommand(QUndoCommand):
    """One turn shown as another speaker's (the file's own speaker, or "", gives it back)."""

    def __init__(self, notes: TranscriptNotes, turn_id: str, key: str) -> None:
        self._notes, self._turn_id, self._key = notes, turn_id, key
        self._previous = notes.turn_speakers.get(turn_id, "")
        turn = notes.transcript.turn_by_id[turn_id]
        super().__init__(f"Give turn {turn.index + 1} to {notes.display_name(key or turn.speaker)}")

    def redo(self) -> None:
        self._notes.set_turn_speaker(self._turn_id, self._key)

    def undo(self) -> None:
        self._notes.set_turn_speaker(self._turn_id, self._previous)
