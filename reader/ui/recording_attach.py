"""Which recording goes with the open transcript: the one its notes remember (found again if it moved), else a
file beside the transcript with the same name; File > Attach Recording… for any other, and a recording dropped
on the window.

Signals of `RecordingAttacher`:
    found(object): a Path to play (attached now, or found where the notes remember it), or None for no recording.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core import media
from reader.core.model import Transcript
from reader.ui.operations.recording import AttachRecordingCommand
from reader.ui.session import ReaderSession

FILTER = "Recordings (" + " ".join(f"*{s}" for s in media.MEDIA_SUFFIXES) + ");;All files (*)"


class RecordingAttacher(QObject):
    found = Signal(object)

    def __init__(self, session: ReaderSession, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        # Installed after the window's file opener, so it sees a drop first and keeps the recordings.
        window.installEventFilter(self)
        session.follow(self._on_session_opened)

    # --- when a transcript opens ---------------------------------------------------------------------------

    @Slot(object)
    def _on_session_opened(self, transcript: Transcript) -> None:
        notes = self._session.notes
        if notes is None:
            return
        remembered = notes.recording
        if remembered is not None:
            where = media.locate(remembered, transcript.path)
            if where is None:
                self._session.tell(f"The recording {remembered.name} attached to these notes is not where it was, "
                                   "nor beside the transcript: File > Attach Recording… finds it again.", 15000)
                self.found.emit(None)
                return
            if str(where) != remembered.path and not notes.read_only:
                notes.set_recording(remembered.found_at(where))  # where it is now, for the next time
            self.found.emit(where)
            return
        beside = media.recording_beside(transcript.path) if transcript.path else None
        if beside is not None:
            self._attach(beside, undoable=False)
            return
        self.found.emit(None)

    # --- by the reader ----------------------------------------------------------------------------------------

    @Slot()
    def attach_dialog(self) -> None:
        transcript = self._session.transcript
        if transcript is None:
            self._session.tell("Open a transcript first, then attach its recording.")
            return
        folder = str(Path(transcript.path).parent) if transcript.path else str(Path.home())
        dialog = QFileDialog(self._window, "Attach Recording", folder, FILTER)
        dialog.setObjectName("attach_recording_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.attach(Path(path)))
        dialog.open()

    def attach(self, path: Path) -> bool:
        """Attach a recording to the open transcript (undoable) and play it from its start."""
        return self._attach(path, undoable=True)

    @Slot()
    def detach(self) -> None:
        notes = self._session.writable("These notes are read-only: the recording cannot be detached.")
        if notes is None or notes.recording is None:
            return
        self._session.push(AttachRecordingCommand(notes, None))
        self.found.emit(None)

    def _attach(self, path: Path, *, undoable: bool) -> bool:
        if self._session.transcript is None:
            return False
        try:
            attached = media.link(path)
        except OSError as exc:
            self._session.report_error("Cannot attach the recording", f"{path}: {exc.strerror or exc}")
            return False
        notes = self._session.notes
        if notes is not None and not notes.read_only:
            if undoable:
                self._session.push(AttachRecordingCommand(notes, attached))
            else:  # found beside the transcript by its name: the reader did nothing to undo
                notes.set_recording(attached)
        self._session.tell(f"Recording: {path.name}.")
        self.found.emit(path)
        return True

    # --- dropped on the window ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if self._dropped_recording(event) is not None and self._session.transcript is not None:
                event.acceptProposedAction()
                return True
            return False
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = self._dropped_recording(event)
            if path is None or self._session.transcript is None:
                return False
            event.acceptProposedAction()
            self.attach(path)
            return True
        return False

    @staticmethod
    def _dropped_recording(event: QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return local[0] if local and media.is_recording(local[0]) else None
