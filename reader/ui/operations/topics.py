"""Correcting the sections and topics, as an undoable command: the whole list of the reader's edits replaced."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from reader.core.notes.transcript_notes import TranscriptNotes
from reader.core.topics.edits import TopicEdit


class TopicEditsCommand(QUndoCommand):
    """Replace the transcript's topic edits through the notes store (which saves them and tells every view)."""

    def __init__(self, notes: TranscriptNotes, edits: list[TopicEdit], text: str) -> None:
        super().__init__(text)
        self._notes, self._after, self._before = notes, list(edits), notes.topic_edits

    def redo(self) -> None:
        self._notes.set_topic_edits(self._after)

    def undo(self) -> None:
        self._notes.set_topic_edits(self._before)
