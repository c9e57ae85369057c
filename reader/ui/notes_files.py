"""File > Export Notes… and File > Import Notes…: the file dialogs, and what happens once a file is chosen.

The export format is the save dialog's file type (plain text, Markdown, HTML, CSV, W3C JSON); below the file list
the user chooses which annotations go in and whether speakers are pseudonymised. Import reads W3C Web Annotation
JSON as one undoable command and says what it found: added, already present, detached.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QGridLayout, QLabel, QWidget

from reader.core.notes.export import EXTENSIONS, FORMATS, ONLY

IMPORT_FILTER = "W3C Web Annotation JSON (*.json *.jsonld)"


def name_filter(fmt: str) -> str:
    return f"{FORMATS[fmt]} (*{EXTENSIONS[fmt]})"


class ExportDialog(QFileDialog):
    """A save dialog whose file type picks the format, with the export's options under the file list.

    Qt's own (not the platform's) dialog, because only that one can hold the extra options.
    """

    def __init__(self, parent: QWidget | None, folder: str, stem: str) -> None:
        super().__init__(parent, "Export Notes", folder)
        self.setObjectName("export_dialog")
        self.setOption(QFileDialog.Option.DontUseNativeDialog)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.setNameFilters([name_filter(fmt) for fmt in FORMATS])
        self.selectNameFilter(name_filter("txt"))
        self.setDefaultSuffix(EXTENSIONS["txt"].lstrip("."))
        self.selectFile(f"{stem} notes{EXTENSIONS['txt']}")
        self.filterSelected.connect(self._on_filter_selected)
        self.only_box = QComboBox(self)
        self.only_box.addItem("Every annotation", None)
        for key, label in ONLY.items():
            self.only_box.addItem(f"Only {label}", key)
        self.pseudonymise_box = QCheckBox("&Pseudonymise speakers (their role and a number instead of names)", self)
        layout = self.layout()
        if isinstance(layout, QGridLayout):
            row = layout.rowCount()
            include = QLabel("&Include:", self)
            include.setBuddy(self.only_box)
            layout.addWidget(include, row, 0)
            layout.addWidget(self.only_box, row, 1)
            layout.addWidget(self.pseudonymise_box, row + 1, 1)

    def chosen_format(self) -> str:
        selected = self.selectedNameFilter()
        return next((fmt for fmt in FORMATS if name_filter(fmt) == selected), "txt")

    def chosen_path(self) -> Path:
        """The file chosen, with the format's extension when the name has none of it."""
        path = Path(self.selectedFiles()[0])
        extension = EXTENSIONS[self.chosen_format()]
        return path if path.suffix.lower() == extension else path.with_name(path.name + extension)

    def only(self) -> str | None:
        return self.only_box.currentData()

    def pseudonymise(self) -> bool:
        return self.pseudonymise_box.isChecked()

    def _on_filter_selected(self, selected: str) -> None:
        fmt = next((f for f in FORMATS if name_filter(f) == selected), "txt")
        self.setDefaultSuffix(EXTENSIONS[fmt].lstrip("."))
        names = self.selectedFiles()
        if names:  # the name typed so far follows the new type, as a user expects
            self.selectFile(Path(names[0]).with_suffix(EXTENSIONS[fmt]).name)


class ImportDialog(QFileDialog):
    def __init__(self, parent: QWidget | None, folder: str) -> None:
        super().__init__(parent, "Import Notes", folder, IMPORT_FILTER)
        self.setObjectName("import_dialog")
        self.setOption(QFileDialog.Option.DontUseNativeDialog)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.setFileMode(QFileDialog.FileMode.ExistingFile)
