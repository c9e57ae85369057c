"""The window's small dialogs: Go to exchange, Open with a layout override, and the keyboard shortcut sheet.

Each is opened with `open()` (window-modal, not a nested event loop), and reports through `accepted`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.formats.detect import layout_names
from reader.core.model import Transcript

# Every kind of file a container or layout reads: all of them at once first, then one kind at a time.
FILE_KINDS = (
    ("Web pages", "*.html *.htm *.xhtml"),
    ("Word documents", "*.docx"),
    ("PDF documents", "*.pdf"),
    ("Speech-to-text JSON", "*.json"),
    ("Tables", "*.tsv *.csv"),
    ("Subtitles and captions", "*.vtt *.srt *.sbv"),
    ("Markdown", "*.md *.markdown"),
    ("Text", "*.txt *.text"),
)
FILE_FILTER = ";;".join([
    f"Transcripts ({' '.join(patterns for _, patterns in FILE_KINDS)})",
    *(f"{name} ({patterns})" for name, patterns in FILE_KINDS),
    "All files (*)",
])


class GoToExchangeDialog(QDialog):
    """Asks for an exchange by label ("Q12") or number ("12") and shows its question before you go."""

    def __init__(self, transcript: Transcript, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Go to Exchange")
        self.transcript = transcript
        self._by_label = {e.label.casefold(): e.index for e in transcript.exchanges}
        self.exchange: int | None = None
        self.edit = QLineEdit(self)
        first, last = transcript.exchanges[0].label, transcript.exchanges[-1].label
        self.edit.setPlaceholderText(f"{first} to {last}, or a question number")
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)  # the question is transcript text, never markup
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setMinimumHeight(self.preview.fontMetrics().lineSpacing() * 4)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("&Exchange:", self.edit)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self._on_edit_text_changed("")
        self.resize(460, self.sizeHint().height())

    def exchange_for(self, text: str) -> int | None:
        """The exchange a user means: its label in any case, or a bare question number."""
        wanted = text.strip().casefold()
        if wanted.isdigit():
            wanted = f"q{int(wanted)}"
        return self._by_label.get(wanted)

    @Slot(str)
    def _on_edit_text_changed(self, text: str) -> None:
        self.exchange = self.exchange_for(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.exchange is not None)
        if self.exchange is None:
            self.preview.setText("No such exchange." if text.strip() else "")
            return
        exchange = self.transcript.exchanges[self.exchange]
        first = self.transcript.turns[exchange.first_turn].text.split("\n", 1)[0]
        self.preview.setText(first if len(first) < 240 else first[:239] + "…")


class OpenDialog(QDialog):
    """A file and, when detection guesses wrong, the layout to read it with."""

    AUTOMATIC = "Detect automatically"

    def __init__(self, directory: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open Transcript")
        self.path_edit = QLineEdit(self)
        self.path_edit.setMinimumWidth(380)
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self._on_browse_clicked)
        self._directory = directory
        self.layout_box = QComboBox(self)
        self.layout_box.addItem(self.AUTOMATIC, None)
        for name in layout_names():
            self.layout_box.addItem(name, name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form = QFormLayout()
        file_label = QLabel("&File:", self)  # its buddy makes the & an accelerator (Alt+F), not a character
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, row)
        form.addRow("&Layout:", self.layout_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)
        self._on_path_edit_text_changed("")

    def path(self) -> str:
        return self.path_edit.text().strip()

    def layout_override(self) -> str | None:
        return self.layout_box.currentData()

    @Slot()
    def _on_browse_clicked(self) -> None:
        start = str(Path(self.path()).parent) if self.path() else self._directory
        path, _ = QFileDialog.getOpenFileName(self, "Open Transcript", start, FILE_FILTER)
        if path:
            self.path_edit.setText(path)

    @Slot(str)
    def _on_path_edit_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(text.strip()))


class ShortcutSheet(QDialog):
    """Every command with its keys, from the registry that builds the menus."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None, footnote: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        if footnote:  # the keys that are the text's own (the caret's), not commands
            note = QLabel(footnote, self)
            note.setObjectName("shortcut_footnote")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def rows(self) -> list[tuple[str, str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""
        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]
