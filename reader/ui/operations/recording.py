"""Attaching a recording and setting sync points, as undoable commands on the notes (which keep both)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand

from reader.core.media import RecordingLink
from reader.core.notes.store import TranscriptNotes
from reader.core.timing import SyncPoint


class AttachRecordingCommand(QUndoCommand):
    """Attach a recording to the transcript (None detaches it)."""

    def __init__(self, notes: TranscriptNotes, recording: RecordingLink | None) -> None:
        self._notes, self._recording, self._previous = notes, recording, notes.recording
        super().__init__(f"Attach {recording.name}" if recording else "Detach the Recording")

    def redo(self) -> None:
        self._notes.set_recording(self._recording)

    def undo(self) -> None:
        self._notes.set_recording(self._previous)


class SetSyncPointsCommand(QUndoCommand):
    """The sync points after "this turn starts now" (see `reader.core.timing.with_sync_point`)."""

    def __init__(self, notes: TranscriptNotes, points: Iterable[SyncPoint], text: str) -> None:
        self._notes, self._points, self._previous = notes, tuple(points), notes.sync_points
        super().__init__(text)

    def redo(self) -> None:
        self._notes.set_sync_points(self._points)

    def undo(self) -> None:
        self._notes.set_sync_points(self._previous)
