"""Opening files: File > Open (with a layout override), Open Recent, the sample, and files dropped on the window.
A file that cannot be opened is explained in a dialog (the session's `error`) and the transcript already shown
stays; one that opens goes to the session and into Open Recent. A large file opened in a window with nothing
open yet shows its opening first (`first_screen`), and goes to the session once the whole is read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMenu, QWidget

from reader.core import timings
from reader.core.loader import TranscriptError, parse_extracted, read_file, sample_path
from reader.ui.first_screen import FirstScreen, opening_of
from reader.ui.preferences import Preferences
from reader.ui.session import ReaderSession
from reader.ui.transcript_view import TranscriptView


class FileOpener(QObject):
    """Opens transcripts into a session; `window` is where the dialogs and the Open Recent menu belong, and
    where files may be dropped; `view` shows a large file's opening while the rest is read."""

    def __init__(self, session: ReaderSession, preferences: Preferences, window: QWidget,
                 view: TranscriptView) -> None:
        super().__init__(window)
        self._session = session
        self._preferences = preferences
        self._window = window
        self.first_screen = FirstScreen(session, view, self)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def open_path(self, path: str | Path, layout: str | None = None) -> bool:
        """Open a transcript file; on failure say why in a dialog and keep what is shown. True when opened (a
        large file's opening shown, the rest to follow)."""
        name = str(Path(path))
        try:
            extracted = read_file(path)
            # Into a window with nothing open yet, a large file comes by its opening first; a window showing a
            # transcript keeps it until the new one is read, as for any file.
            opening = opening_of(extracted, layout, name) if self._session.transcript is None else None
            whole = parse_extracted(extracted, layout, path=name) if opening is None else None
        except TranscriptError as exc:
            self._session.report_error("Cannot open the file", str(exc))
            if not Path(path).exists():  # gone since it was opened: no use keeping it in Open Recent
                self._preferences.remove_recent(str(Path(path).resolve()))
            return False
        timings.mark("parse")
        self.first_screen.cancel()  # the rest of a file opened before is not wanted any more
        if opening is not None:
            self.first_screen.show(opening, lambda: parse_extracted(extracted, layout, path=name))
        else:
            assert whole is not None
            self._session.open(whole)
        if Path(path).resolve() != sample_path():
            self._preferences.add_recent(str(path))
        return True

    @Slot()
    def open_file_dialog(self) -> None:
        from reader.ui.dialogs import OpenDialog  # imported when asked for: a faster start

        recent = self._preferences.recent_files()
        dialog = OpenDialog(str(Path(recent[0]).parent) if recent else str(Path.home()), self._window)
        dialog.accepted.connect(lambda: self.open_path(dialog.path(), dialog.layout_override()))
        dialog.open()

    @Slot()
    def open_sample(self) -> None:
        self.open_path(sample_path())

    # --- Open Recent ----------------------------------------------------------------------------------

    @Slot()
    def _on_recent_menu_about_to_show(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self._preferences.recent_files()
        for number, path in enumerate(recent, 1):
            action = QAction(f"&{number % 10} {Path(path).name}", menu)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
            menu.addAction(action)
        if not recent:
            menu.addAction("No recent files").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("&Clear the List", self._preferences.clear_recent)

    # --- drag and drop --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        if event.type() == QEvent.Type.Close:  # the window goes: the rest of a large file is not opened
            self.first_screen.cancel()
            # ... and nothing more is dropped on it: the filter goes with it, before the window's teardown, which
            # may come when the garbage collector has already cleared this object's attributes.
            self._window.removeEventFilter(self)
            return False
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if self._dropped_file(event):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = self._dropped_file(event)
            if path is None:
                event.ignore()
                return True
            event.acceptProposedAction()
            self.open_path(path)
            return True
        return False

    def _dropped_file(self, event: QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return local[0] if local else None
