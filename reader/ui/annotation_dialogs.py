"""The note editor: the quoted words, the note, tags completed from those already used, attribution status and
(for highlights) the colour. The same dialog writes a new note (Ctrl+M) and edits any annotation from the dock.

Signals of `NoteDialog`: the QDialog's own (``accepted`` once the user presses OK; read `values()` then).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QColor, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.notes.annotations import COLOURS, Status, normalise_tags
from reader.core.timing import clock
from reader.ui.notes_model import SWATCHES, split_tags

QUOTE_PREVIEW = 400  # characters of the quote shown above the note; the rest is in the dock


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def __init__(self, tags: Sequence[str], field: QLineEdit) -> None:
        super().__init__(field)
        self.setModel(QStringListModel(list(tags), self))  # parented: Python would otherwise free it
        self._field = field
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        if not index.isValid():
            return ""
        done = self._field.text().rsplit(",", 1)[0] + ", " if "," in self._field.text() else ""
        return done + str(index.data())


class TagsDelegate(QStyledItemDelegate):
    """The tags cell of the Notes dock edits with the same completion as the note editor."""

    def __init__(self, known_tags: Callable[[], Sequence[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._known_tags = known_tags

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setCompleter(TagCompleter(self._known_tags(), editor))
        return editor


def swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(SWATCHES.get(colour, "#cccccc")))
    return pixmap


def status_combo(parent: QWidget, current: Status = Status.NONE) -> QComboBox:
    combo = QComboBox(parent)
    for status in Status:
        combo.addItem(status.label or "No status", status)
    combo.setCurrentIndex(list(Status).index(current))
    return combo


class QuoteChecking(Protocol):
    """The recording, for checking one quote against it (the player gives one while a recording is attached)."""

    def play(self) -> None:
        """Play the quote's words, with a second of lead-in."""
        ...

    def heard_at(self) -> float | None:
        """Seconds into the recording where the quote is heard, None when it cannot be said."""
        ...


class NoteDialog(QDialog):
    """Edit a note's text, tags, status and colour; `values()` gives the fields as `Annotation.edited` takes them.
    With `checking`, "Play Quote" and "Mark Checked" check the quote against the recording."""

    def __init__(self, parent: QWidget | None, *, title: str, quote: str, known_tags: Iterable[str],
                 note: str = "", tags: Iterable[str] = (), status: Status = Status.NONE,
                 colour: str | None = None, checking: QuoteChecking | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("note_dialog")
        form = QFormLayout(self)
        quote = " ".join(quote.split())
        shown = QLabel(f"“{quote[:QUOTE_PREVIEW]}{'…' if len(quote) > QUOTE_PREVIEW else ''}”", self)
        shown.setTextFormat(Qt.TextFormat.PlainText)  # a transcript's words are never markup
        shown.setWordWrap(True)
        shown.setMaximumWidth(480)
        if quote:
            form.addRow("Quote:", shown)
        self.note_field = QPlainTextEdit(note, self)
        self.note_field.setTabChangesFocus(True)
        self.note_field.setPlaceholderText("Your note")
        form.addRow("&Note:", self.note_field)
        self.tags_field = QLineEdit(", ".join(tags), self)
        self.tags_field.setPlaceholderText("Tags, separated by commas")
        self.tags_field.setCompleter(TagCompleter(sorted(set(known_tags), key=str.casefold), self.tags_field))
        form.addRow("&Tags:", self.tags_field)
        self.status_field = status_combo(self, status)
        form.addRow("&Status:", self.status_field)
        self.colour_field: QComboBox | None = None
        if colour is not None:
            self.colour_field = QComboBox(self)
            for name in COLOURS:
                self.colour_field.addItem(swatch(name), name.capitalize(), name)
            self.colour_field.setCurrentIndex(max(0, self.colour_field.findData(colour)))
            form.addRow("&Colour:", self.colour_field)
        self._heard: float | None = None
        if checking is not None:
            form.addRow("Recording:", self._checking_row(checking))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # Return is a new line of the note; Ctrl+Return keeps it, as in mail and chat programs.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.note_field.setFocus()

    def _checking_row(self, checking: QuoteChecking) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        play = QPushButton("&Play Quote", row)
        play.setObjectName("play_quote_button")
        play.setAutoDefault(False)
        play.clicked.connect(checking.play)
        mark = QPushButton("Mark C&hecked", row)
        mark.setObjectName("mark_checked_button")
        mark.setAutoDefault(False)
        self.checked_label = QLabel(row)
        mark.clicked.connect(lambda: self._mark_checked(checking.heard_at()))
        for widget in (play, mark, self.checked_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        return row

    def _mark_checked(self, heard: float | None) -> None:
        if heard is None:
            self.checked_label.setText("No recording to check against.")
            return
        self._heard = heard
        self.status_field.setCurrentIndex(list(Status).index(Status.CHECKED))
        self.checked_label.setText(f"Checked against the recording at {clock(heard)}")

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {"note": self.note_field.toPlainText().strip(),
                               "tags": normalise_tags(split_tags(self.tags_field.text())),
                               "status": Status(self.status_field.currentData())}
        if self._heard is not None and out["status"] is Status.CHECKED:
            out["recording_time"] = round(self._heard, 3)
        if self.colour_field is not None:
            out["colour"] = str(self.colour_field.currentData())
        return out
