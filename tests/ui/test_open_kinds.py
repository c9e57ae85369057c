"""The window opens every kind of file the reader reads: offered in the Open dialog, and opened when dropped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from reader.ui.dialogs import OpenDialog
from reader.ui.main_window import MainWindow
from tests.ui.test_window import _drop

PAGES = Path(__file__).parents[1] / "data" / "containers" / "html"


def test_dropping_a_web_page_opens_its_interview(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "interview.html"
    shutil.copy(PAGES / "ministry-interview.html", path)
    with qtbot.waitSignal(window.session.opened) as opened:
        _drop(window, path)
    transcript = opened.args[0]
    assert transcript.source_format == "html"
    assert [s.name for s in transcript.speakers] == ["Question", "Ivan Petrenko"]
    assert window.view.shown_headers()[:3] == ["Q1", "Q2", "Q3"]
    assert window.view.turn_display_text(1).startswith("Ivan Petrenko: There is always a way back.")
    assert "Petrenko" in window.windowTitle()


def test_the_open_dialog_offers_every_kind_of_file(qtbot: QtBot, window: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def choose(parent: object, caption: str, directory: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(PAGES / "amp-interview.html"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(OpenDialog)
    assert dialog is not None and dialog.isVisible()
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Browse…")
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    first = offered[0].split(";;")[0]
    for suffix in ("*.html", "*.htm", "*.docx", "*.pdf", "*.json", "*.tsv", "*.csv", "*.sbv", "*.vtt", "*.srt",
                   "*.md", "*.txt"):
        assert suffix in first.split("(")[1].rstrip(")").split()
    assert dialog.path() == str(PAGES / "amp-interview.html")
    with qtbot.waitSignal(window.session.opened) as opened:
        dialog.accept()
    assert [s.name for s in opened.args[0].speakers] == ["Ola Nwosu", "Lena Brandt"]


def test_what_could_not_be_read_of_a_file_is_said_in_the_status_bar(qtbot: QtBot, window: MainWindow,
                                                                     tmp_path: Path) -> None:
    path = tmp_path / "deep.html"  # markup nested deeper than the HTML parser goes: the rest of the page is lost
    path.write_text("<html><body><p><b>Interviewer:</b> Where did you grow up?</p><p><b>Maria:</b> In Porto.</p>"
                    + "<div>" * 3000 + "<p>words in the nesting</p>" + "</div>" * 3000 + "</body></html>",
                    encoding="utf-8")
    with qtbot.waitSignal(window.session.opened) as opened:
        window.open_path(path)
    (warning,) = opened.args[0].warnings
    message = window.statusBar().currentMessage()
    assert message.startswith("The page could not be read to its end") and "is missing." in message
    assert warning[1:] in message
