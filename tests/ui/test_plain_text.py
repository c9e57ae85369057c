"""Text from a transcript, a note or a file name is shown as text everywhere: every role of every item model and
every label, button and message box of the window is scanned for markup Qt would render."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.ui.main_window import MainWindow

HOSTILE = '<img src="/tmp/local.png"><b>bold</b>'
TRANSCRIPT = (f"Host: Welcome, {HOSTILE} and &amp; friends?\n\n"
              f"Guest: Thank you. {HOSTILE} is what I said about sanctions.\n\n"
              f"Host: And sanctions?\n\nGuest: Sanctions, {HOSTILE}, again.\n")
# The roles Qt may render as rich text (an item view paints DisplayRole as plain text).
ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole)


def _indexes(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> Iterator[QModelIndex]:  # noqa: B008
    try:
        rows, columns = model.rowCount(parent), model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        rows, columns = model.rowCount(parent), 1
    for row in range(min(rows, 200)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and columns > 1 and model.rowCount(index):
                yield from _indexes(model, index)


def _rendered_as_markup(text: str) -> bool:
    """Whether Qt would render `text` as rich text with the hostile markup in it as tags."""
    return bool(QtGui.mightBeRichText(text)) and ("<img" in text or "<b>" in text)


def _shown_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    for model in window.findChildren(QAbstractItemModel):
        for index in _indexes(model):
            for role in ROLES:
                value = index.data(role)
                if isinstance(value, str):
                    yield f"{type(model).__name__} role {role}", value
    for label in window.findChildren(QLabel):
        if label.textFormat() != Qt.TextFormat.PlainText:
            yield f"label {label.objectName() or type(label.parent()).__name__}", label.text()
        yield f"tooltip of label {label.objectName()}", label.toolTip()
    for widget in window.findChildren(QAbstractButton):
        yield f"tooltip of {widget.objectName() or widget.text()}", widget.toolTip()
    for box in window.findChildren(QMessageBox):
        if box.textFormat() != Qt.TextFormat.PlainText:
            yield f"message box {box.objectName()}", box.text()


def test_no_transcript_note_or_file_name_text_is_rendered_as_markup(qtbot: QtBot, make_window,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / f"{HOSTILE.replace('/', '_')}.txt"
    path.write_text(TRANSCRIPT, "utf-8")
    window = make_window(path)
    assert window.session.transcript is not None and len(window.session.transcript.turns) == 4
    notes = window.session.notes
    notes.add(new_annotation(Kind.NOTE, make_anchor(window.session.transcript, 1, 0, 30), note=HOSTILE, tags=[HOSTILE]))
    notes.add(new_annotation(Kind.HIGHLIGHT, make_anchor(window.session.transcript, 3, 0, 40)))
    notes.set_speaker_name(window.session.transcript.speakers[0].key, HOSTILE)
    window.show_search("sanctions")
    window.search_bar.show_results() if hasattr(window.search_bar, "show_results") else None
    exported = tmp_path / f"{HOSTILE.replace('/', '_')}.json"
    exported.write_text(json.dumps([{"type": "Annotation", "body": HOSTILE, "target": {
        "selector": {"type": "TextQuoteSelector", "exact": "Thank you"}}}]), "utf-8")
    window.notes_files.import_from(exported)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "import_summary") is not None)
    qtbot.wait(50)
    found = [(where, text) for where, text in _shown_texts(window) if _rendered_as_markup(text)]
    assert not found
    # the words are still there, as written, where the user looks for them
    tips = [text for where, text in _shown_texts(window) if "role 3" in where]
    assert any("&lt;img" in tip for tip in tips)
