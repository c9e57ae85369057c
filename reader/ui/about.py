"""Help > About: the version and licence, the libraries the program is built on with their licences, and where
the notes are kept, with a button that opens that folder in the file manager."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.icons import app_icon

DISTRIBUTION = "transcript-reader"
LICENCE = "MIT"


# (distribution, or None for data that came with no package; shown name; licence; what it does here). Every
# dependency in pyproject.toml is here (a test checks), with the licence its authors give.
LIBRARIES: tuple[tuple[str | None, str, str, str], ...] = (
    ("PySide6-Essentials", "Qt for Python (PySide6) and Qt",
     "LGPL-3.0 (or GPL-2.0 / GPL-3.0)", "the window and everything in it"),
    ("shiboken6", "Shiboken", "LGPL-3.0 (or GPL-2.0 / GPL-3.0)", "PySide6's bindings to Qt"),
    ("Pygments", "Pygments", "BSD-2-Clause", "the transcript lexer (pygmentize -l transcript)"),
    ("platformdirs", "platformdirs", "MIT", "where notes and settings are kept"),
    ("charset-normalizer", "charset-normalizer", "MIT", "telling legacy encodings apart"),
    ("RapidFuzz", "RapidFuzz", "MIT", "finding notes again after a transcript changes"),
    ("pypdfium2", "pypdfium2 and PDFium", "Apache-2.0 or BSD-3-Clause", "the text of PDF files"),
    ("lxml", "lxml, libxml2 and libxslt", "BSD-3-Clause (libxml2, libxslt: MIT)", "web pages and Word files"),
    ("python-docx", "python-docx", "MIT", "exporting notes to Word"),
    ("pymorphy3", "pymorphy3, with the OpenCorpora dictionary", "MIT (dictionary: CC BY-SA 3.0)",
     "Russian labels, in the nominative"),
    (None, "Common words, from wordfreq's data (Robyn Speer et al.)", "CC BY-SA 4.0",
     "telling a topic's words from everyday speech"),
    (None, "Word classes, from WordNet 3.0, Lexique 3.83 and spaCy", "WordNet; CC BY-SA 4.0; MIT",
     "keeping verbs out of labels"),
)


def version(distribution: str = DISTRIBUTION) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:  # run from a clone that was never installed
        return "not installed"


class AboutDialog(QDialog):
    """Opened with `open()`. `notes_dir` is the store's folder (the --data-dir, if one was given)."""

    def __init__(self, notes_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle("About Transcript Reader")
        self.notes_dir = Path(notes_dir)

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f"<b>Transcript Reader</b> {version()}", self)
        summary = QLabel("Read, navigate and annotate interview transcripts offline.\n"
                         f"Free software under the {LICENCE} licence.", self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(summary)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.libraries = QTableWidget(len(LIBRARIES), 4, self)
        self.libraries.setObjectName("about_libraries")
        self.libraries.setHorizontalHeaderLabels(["Built with", "Version", "Licence", "Used for"])
        for row, (distribution, name, licence, use) in enumerate(LIBRARIES):
            cells = (name, version(distribution) if distribution else "", licence, use)
            for column, text in enumerate(cells):
                self.libraries.setItem(row, column, QTableWidgetItem(text))
        self.libraries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.libraries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.libraries.verticalHeader().hide()
        self.libraries.setWordWrap(False)
        header = self.libraries.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.notes_label = QLabel(f"Notes are kept in {self.notes_dir}", self)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is shown as written
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label.setWordWrap(True)
        self.open_notes_button = QPushButton("Open Notes &Folder", self)
        self.open_notes_button.clicked.connect(self._on_open_notes_button_clicked)
        notes = QHBoxLayout()
        notes.addWidget(self.notes_label, 1)
        notes.addWidget(self.open_notes_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.libraries, 1)
        layout.addLayout(notes)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 500)

    @Slot()
    def _on_open_notes_button_clicked(self) -> None:
        # The store makes the folder at its first save: a reader who has written no note yet still finds it.
        try:
            self.notes_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.notes_label.setText(f"Notes are to be kept in {self.notes_dir}, which cannot be made: "
                                     f"{exc.strerror}")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.notes_dir)))
