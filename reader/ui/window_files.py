"""Opening files in the main window: File > Open (with a layout override), Open Recent, the sample, drag and
drop. A file that cannot be opened is explained in a dialog and the transcript already shown stays."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMenu, QMessageBox

from reader.core.loader import TranscriptError, load_transcript, sample_path
from reader.ui.dialogs import OpenDialog

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class FilesMixin(_Base):
    """Mixed into MainWindow."""

    error_box: QMessageBox | None = None

    def open_path(self, path: str | Path, layout: str | None = None) -> bool:
        """Open a transcript file; on failure say why in a dialog and keep what is shown. True when opened."""
        try:
            transcript = load_transcript(path, layout)
        except TranscriptError as exc:
            self.show_error("Cannot open the file", str(exc))
            if not Path(path).exists():  # gone since it was opened: no use keeping it in Open Recent
                self.preferences.remove_recent(str(Path(path).resolve()))
            return False
        self.set_transcript(transcript)
        if Path(path).resolve() != sample_path():
            self.preferences.add_recent(str(path))
        return True

    def show_error(self, title: str, message: str) -> None:
        """A window-modal warning; the message is plain text, whatever the file name holds."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(box.textFormat().PlainText)
        box.setInformativeText(message)
        box.setObjectName("error_box")
        self.error_box = box
        box.open()

    @Slot()
    def open_file_dialog(self) -> None:
        recent = self.preferences.recent_files()
        dialog = OpenDialog(str(Path(recent[0]).parent) if recent else str(Path.home()), self)
        dialog.accepted.connect(lambda: self.open_path(dialog.path(), dialog.layout_override()))
        dialog.open()

    @Slot()
    def open_sample(self) -> None:
        self.open_path(sample_path())

    # --- Open Recent ----------------------------------------------------------------------------------

    def build_recent_menu(self) -> None:
        file_menu = self.registry.menus["file"]
        self.recent_menu = QMenu("Open &Recent", file_menu)
        file_menu.insertMenu(self.registry["file.open_sample"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)

    @Slot()
    def _on_recent_menu_about_to_show(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.preferences.recent_files()
        for number, path in enumerate(recent, 1):
            action = QAction(f"&{number % 10} {Path(path).name}", menu)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
            menu.addAction(action)
        if not recent:
            menu.addAction("No recent files").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("&Clear the List", self.preferences.clear_recent)

    # --- drag and drop --------------------------------------------------------------------------------

    def _dropped_file(self, event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return local[0] if local else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_path(path)
