"""Correcting the sections and topics, as an undoable command: the whole list of the reader's edits replaced."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from reader.core.notes.store import TranscriptNotes


class TopicEditsCommand(QUndoCommand):
    """Replace the transcript's topic edits through the notes store (which saves them and tells every view)."""

    def __init__(self, notes: TranscriptNotes, edits: list[dict[str, Any]], text: str) -> None:
        super().__init__(text)
        self._notes, self._after, self._before = notes, [dict(e) for e in edits], notes.topic_edits

    def redo(self) -> None:
        self._notes.set_topic_edits(self._after)

    def undo(self) -> None:
        self._notes.set_topic_edits(self._before)
