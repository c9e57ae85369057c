"""Help > About: version, licence, every library with its licence, and the notes folder with a button to it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui import about
from reader.ui.about import AboutDialog
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].casefold()
            for requirement in project["dependencies"]}


def _cells(dialog: AboutDialog) -> list[list[str]]:
    table = dialog.libraries
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def _about(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    window.registry["help.about"].trigger()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None and window.findChild(AboutDialog).isVisible())
    dialog = window.findChild(AboutDialog)
    assert isinstance(dialog, AboutDialog)
    return dialog


def test_the_about_box_names_every_library_with_its_licence(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _about(qtbot, window)
    listed = {(distribution or "").casefold() for distribution, *_ in about.LIBRARIES}
    assert _dependencies() <= listed  # a dependency added to pyproject.toml must be credited here
    rows = {row[0]: row for row in _cells(dialog)}
    assert rows["Qt for Python (PySide6) and Qt"][2].startswith("LGPL-3.0")
    assert rows["Pygments"][2] == "BSD-2-Clause"
    assert any("wordfreq" in name and row[2] == "CC BY-SA 4.0" for name, row in rows.items())
    assert all(row[2] and row[3] for row in rows.values())
    assert rows["Pygments"][1] == about.version("Pygments") != "not installed"
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.notes_label)))
    assert about.version() in texts and "MIT" in texts


def test_the_about_box_says_where_the_notes_are_and_opens_the_folder(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = _about(qtbot, window)
    assert str(window.session.store.root) in dialog.notes_label.text()
    dialog.open_notes_button.click()
    assert [url.toLocalFile() for url in opened] == [str(window.session.store.root)]
    assert window.session.store.root.is_dir()  # made for a reader who has not written a note yet
    dialog.close()


def test_a_notes_folder_that_cannot_be_made_is_said(qtbot: QtBot, qapp: QApplication, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    dialog = AboutDialog(blocker / "notes")
    qtbot.addWidget(dialog)
    dialog.open_notes_button.click()
    assert opened == [] and "cannot be made" in dialog.notes_label.text()
