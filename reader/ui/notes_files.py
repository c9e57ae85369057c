"""File > Export Notes… and File > Import Notes…: the file dialogs, and what happens once a file is chosen.

The export's format is the one the typed name's extension asks for (``notes.md`` is Markdown whatever the file
type list says), else the chosen file type's. Below the file list: every annotation or what the Notes dock shows
(its filters applied), only some kinds, with the transcript's text (the notes beside their turns), speakers
pseudonymised. Both dialogs open in the folder last used. Import reads W3C Web Annotation JSON as one undoable
command and says what it found: added, already present, detached; notes made on another transcript are
imported only once the reader agrees, told which transcript they were made on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QGridLayout, QLabel, QMessageBox, QWidget

from reader.commands.output import OutputError, check_output, write_output
from reader.core.notes.export import EXTENSIONS, FORMATS, ONLY, Part, export_bytes, format_of, notes_timeline
from reader.core.notes.export_formats import WITH_TRANSCRIPT
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.storage import NotAFileError, read_limited
from reader.ui.operations.annotations import ImportNotesCommand
from reader.ui.preferences import Preferences
from reader.ui.session import ReaderSession

IMPORT_FILTER = "W3C Web Annotation JSON (*.json *.jsonld)"
WORD_TRANSCRIPT = ("docx",)  # beside the text formats, the formats that can hold the transcript's text
IMPORTABLE = ("W3C Web Annotation JSON (.json or .jsonld): what File > Export Notes writes as “W3C Web Annotation "
              "JSON”, and what Hypothesis and other annotation tools export")


def name_filter(fmt: str) -> str:
    return f"{FORMATS[fmt]} (*{EXTENSIONS[fmt]})"


class ShownAnnotations(Protocol):
    """What the Notes dock shows: the export of "what the dock shows" writes these."""

    def shown_ids(self) -> list[str]: ...
    def filtered(self) -> bool: ...


class ExportDialog(QFileDialog):
    """A save dialog whose file type picks the format (unless the name typed has an extension of its own), with
    the export's options under the file list.

    Qt's own (not the platform's) dialog, because only that one can hold the extra options.
    """

    def __init__(self, parent: QWidget | None, folder: str, stem: str, shown: int = 0, total: int = 0,
                 topics: bool = True) -> None:
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
        self.which_box = QComboBox(self)
        self.which_box.addItem(f"Every annotation ({total})", False)
        self.which_box.addItem(f"What the Notes dock shows ({shown})", True)
        self.which_box.setEnabled(shown != total)  # no filter: both are the same
        self.only_box = QComboBox(self)
        self.only_box.addItem("Every kind", None)
        for key, kinds in ONLY.items():
            self.only_box.addItem(f"Only {kinds}", key)
        self.transcript_box = QCheckBox("With the &transcript's text, each note beside its turn", self)
        self.transcript_box.setToolTip("In plain text, Markdown, HTML and Word; with “Only bookmarks”, the "
                                       "bookmarked exchanges only")
        self.pseudonymise_box = QCheckBox("&Pseudonymise speakers (their role and a number instead of names)", self)
        self.by_topic_box = QCheckBox("&Grouped under the sections and topics of the Topics panel", self)
        self.by_topic_box.setToolTip("Each note under the titles of its section and topic, as the Topics panel "
                                     "names them (with the transcript's text, the titles where they begin); in "
                                     "CSV, two columns more" if topics else
                                     "The topics are still being found")
        self.by_topic_box.setEnabled(topics)
        layout = self.layout()
        if isinstance(layout, QGridLayout):
            row = layout.rowCount()
            for offset, (caption, box) in enumerate((("&Export:", self.which_box), ("&Include:", self.only_box))):
                label = QLabel(caption, self)
                label.setBuddy(box)
                layout.addWidget(label, row + offset, 0)
                layout.addWidget(box, row + offset, 1)
            layout.addWidget(self.transcript_box, row + 2, 1)
            layout.addWidget(self.by_topic_box, row + 3, 1)
            layout.addWidget(self.pseudonymise_box, row + 4, 1)
        self._on_filter_selected(self.selectedNameFilter())

    def chosen_format(self) -> str:
        """The format the typed name's extension asks for, else the chosen file type's."""
        names = self.selectedFiles()
        typed = format_of(Path(names[0]).name) if names else None
        selected = self.selectedNameFilter()
        return typed or next((fmt for fmt in FORMATS if name_filter(fmt) == selected), "txt")

    def chosen_path(self) -> Path:
        """The file chosen, with the format's extension when the name has none of it."""
        path = Path(self.selectedFiles()[0])
        if format_of(path.name) is not None:
            return path
        return path.with_name(path.name + EXTENSIONS[self.chosen_format()])

    def only(self) -> str | None:
        return self.only_box.currentData()

    def shown_only(self) -> bool:
        """Whether what the Notes dock shows is exported, rather than every annotation."""
        return bool(self.which_box.currentData())

    def with_transcript(self) -> bool:
        return self.transcript_box.isChecked() and self.transcript_box.isEnabled()

    def pseudonymise(self) -> bool:
        return self.pseudonymise_box.isChecked()

    def by_topic(self) -> bool:
        """Whether the notes are grouped by section and topic (not before the topics are found)."""
        return self.by_topic_box.isChecked() and self.by_topic_box.isEnabled()

    def _on_filter_selected(self, selected: str) -> None:
        fmt = next((f for f in FORMATS if name_filter(f) == selected), "txt")
        self.setDefaultSuffix(EXTENSIONS[fmt].lstrip("."))
        self.transcript_box.setEnabled(fmt in WITH_TRANSCRIPT or fmt in WORD_TRANSCRIPT)
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


def import_refusal(path: Path, reason: str) -> str:
    """Why a file cannot be imported, for a person: what it seems to be, and what can be imported instead."""
    kind = {".csv": "a CSV table", ".tsv": "a table", ".txt": "plain text", ".md": "Markdown", ".html": "a web page",
            ".htm": "a web page", ".docx": "a Word document", ".pdf": "a PDF"}.get(path.suffix.casefold())
    seems = f"“{path.name}” is {kind}, not notes that can be imported." if kind else \
        f"“{path.name}” holds no notes that can be imported."
    return f"{seems}\n\nNotes can be imported from {IMPORTABLE}.\n\n(What was found: {reason}.)"


class NotesFiles(QObject):
    """The callables of File > Export Notes and File > Import Notes."""

    def __init__(self, session: ReaderSession, preferences: Preferences, shown: ShownAnnotations,
                 parent: QWidget, contents: Callable[[], list[Part]] = list) -> None:
        super().__init__(parent)
        self._session = session
        self._preferences = preferences
        self._shown = shown
        self._dialog_parent = parent
        self._contents = contents  # the Topics panel's table of contents, [] until it is found

    def _folder(self) -> str:
        """The folder last exported to or imported from, else the transcript's, else home."""
        remembered = self._preferences.notes_folder
        if remembered and Path(remembered).is_dir():
            return remembered
        transcript = self._session.transcript
        return str(Path(transcript.path).parent) if transcript is not None and transcript.path else str(Path.home())

    def _remember_folder(self, path: Path) -> None:
        self._preferences.notes_folder = str(path.parent)

    # --- export ---------------------------------------------------------------------------------------

    @Slot()
    def export_notes(self) -> None:
        notes, transcript = self._session.notes, self._session.transcript
        if notes is None or transcript is None:
            return
        stem = Path(transcript.path).stem if transcript.path else "transcript"
        dialog = ExportDialog(self._dialog_parent, self._folder(), stem, len(self._shown.shown_ids()), len(notes),
                              topics=bool(self._contents()))
        if self._shown.filtered():
            dialog.which_box.setCurrentIndex(1)  # a reader who filtered the dock most likely wants that
        dialog.by_topic_box.setChecked(self._preferences.export_by_topic)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._export_chosen(dialog))
        dialog.open()

    def _export_chosen(self, dialog: ExportDialog) -> None:
        if dialog.by_topic_box.isEnabled():  # remembered as chosen, when it could be
            self._preferences.export_by_topic = dialog.by_topic_box.isChecked()
        self.export_to(dialog.chosen_path(), dialog.chosen_format(), dialog.only(), dialog.pseudonymise(),
                       shown_only=dialog.shown_only(), with_transcript=dialog.with_transcript(),
                       by_topic=dialog.by_topic())

    def export_to(self, path: Path, fmt: str, only: str | None = None, pseudonymise: bool = False, *,
                  shown_only: bool = False, with_transcript: bool = False, by_topic: bool = False) -> bool:
        """Write the notes (or those the dock shows) in `fmt`, the speakers as the reader corrected them;
        `by_topic`, under the titles of the Topics panel's sections and topics."""
        notes = self._session.notes
        if notes is None:
            return False
        annotations = notes.annotations
        if shown_only:
            shown = set(self._shown.shown_ids())
            annotations = tuple(a for a in annotations if a.id in shown)
        data = export_bytes(notes.attributed, annotations, fmt, notes.speaker_names, only=only,
                            pseudonymise=pseudonymise, with_transcript=with_transcript,
                            timeline=notes_timeline(notes.attributed, notes.recording, notes.sync_points),
                            contents=self._contents() if by_topic else None)
        try:  # the same checks as the command line's: never over the transcript or the notes store
            target = check_output(str(path), inputs=[notes.transcript.path] if notes.transcript.path else [],
                                  stores=[notes.store.root])
            write_output(target, data)
        except OutputError as exc:
            self._session.report_error("Cannot export the notes", str(exc))
            return False
        self._remember_folder(path)
        self._session.tell(f"{len(annotations)} annotations exported to {path}.")
        return True

    # --- import ---------------------------------------------------------------------------------------

    @Slot()
    def import_notes(self) -> None:
        if self._session.writable() is None or self._session.transcript is None:
            return
        dialog = ImportDialog(self._dialog_parent, self._folder())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.import_from(Path(name)))
        dialog.open()

    def import_from(self, path: Path) -> None:
        """Import a file's notes; a file made on another transcript is asked about first (`confirm_import`)."""
        from reader.core.notes.importer import other_transcript  # the import's readers: when an import is asked for
        from reader.core.notes.web_annotation import NotAnnotationsError, read_collection

        notes = self._session.writable()
        if notes is None:
            return
        try:  # a pipe, a device or a huge file is refused without reading it: the window must not hang
            raw = read_limited(path, MAX_FILE_BYTES)
            _items, _problems, extras = read_collection(raw)  # a file that is not notes is refused before any change
        except (OSError, NotAnnotationsError) as exc:
            reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
            self._session.report_error("Cannot import the notes", import_refusal(path, reason))
            return
        except NotAFileError as exc:
            self._session.report_error("Cannot import the notes", f"“{path.name}” cannot be read: {exc}.")
            return
        self._remember_folder(path)
        elsewhere = other_transcript(notes, extras)
        if elsewhere is None:
            self._import(path, raw)
            return
        here = notes.transcript.metadata.title or notes.transcript.path or "this transcript"
        box = QMessageBox(QMessageBox.Icon.Question, "Transcript Reader",
                          "These notes were made on another transcript", parent=self._dialog_parent)
        box.setObjectName("import_elsewhere")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(f"“{path.name}” holds notes on “{elsewhere}”; the transcript open is “{here}”.\n\n"
                               "Imported here, they are placed where their quoted words are found, and kept as "
                               "detached where they are not.")
        anyway = box.addButton("Import Anyway", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._import(path, raw) if button is anyway else None)
        box.open()

    def _import(self, path: Path, raw: bytes) -> None:
        notes = self._session.writable()
        if notes is None:
            return
        command = ImportNotesCommand(notes, raw, path.name)
        self._session.push(command)
        summary = command.result.summary() if command.result else "nothing"
        box = QMessageBox(QMessageBox.Icon.Information, "Notes imported", f"Notes imported from {path.name}: "
                          f"{summary}.", QMessageBox.StandardButton.Ok, self._dialog_parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file's name is shown as written
        box.setObjectName("import_summary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
