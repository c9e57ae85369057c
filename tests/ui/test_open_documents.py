"""Word and PDF transcripts in the window: dropped or opened, they read as turns; a scan, an encrypted or a
damaged file is explained in a dialog and the transcript shown stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from tests.ui.test_window import _drop

DATA = Path(__file__).parents[1] / "data" / "containers"


@pytest.mark.parametrize(("name", "first_turn"), [
    ("hearing.pdf", "Chairwoman Krueger: Good morning, everyone."),
    ("oral-history.docx", "Priya Natarajan: Walter, what is the first thing you remember about the harbour?"),
])
def test_dropping_a_document_opens_it(qtbot: QtBot, window: MainWindow, name: str, first_turn: str) -> None:
    with qtbot.waitSignal(window.session.opened) as opened:
        _drop(window, DATA / name)
    assert opened.args[0].path == str(DATA / name)
    assert window.view.turn_display_text(0).startswith(first_turn)


@pytest.mark.parametrize(("name", "reason"), [("scanned.pdf", "this reader does no OCR"),
                                              ("encrypted.pdf", "needs a password"),
                                              ("truncated.docx", "a damaged Word document")])
def test_an_unreadable_document_is_explained_in_a_dialog(window: MainWindow, name: str, reason: str) -> None:
    before = window.session.transcript
    assert not window.open_path(DATA / name)
    assert window.session.transcript is before
    assert window.error_box is not None and window.error_box.isVisible()
    assert reason in window.error_box.informativeText()
