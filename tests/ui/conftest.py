"""Fixtures for the window tests: settings and notes in temporary folders, the sample open in a shown window; for
a panel on its own, a session over a temporary notes store and a navigator that records where it was sent."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.loader import sample_path
from reader.core.notes.store import AnnotationStore
from reader.ui.main_window import MainWindow
from reader.ui.session import ReaderSession
from reader.ui.view_selection import SelectedSpan


def focus_view(qtbot: QtBot, window: MainWindow) -> None:
    """Keys go where a user's would: to the reading view of the active window."""
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


@pytest.fixture(autouse=True)
def _clipboard_emptied_after_test(qapp: QApplication) -> Iterator[None]:
    """Data left on the offscreen clipboard crashes Qt's teardown at exit; a user's clipboard is never touched."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def _windows_deleted_after_test(qapp: QApplication) -> Iterator[None]:
    """The windows a test made are deleted at its end, and their wrappers freed, on the GUI thread: never later,
    by a garbage collection inside the next test's event loop, whose overrides would find them half taken down."""
    yield
    loop = QEventLoop()  # an event loop's turn deletes what pytest-qt's deleteLater left of the test's widgets
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    gc.collect()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Preferences (theme, font, recent files) go to a fresh folder, never the user's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def make_window(qtbot: QtBot, _isolated_data_dir: Path):
    """Build a shown main window on the sample; call again for a 'next start' with the same settings."""

    def make(path: str | Path | None = None) -> MainWindow:
        window = MainWindow(store=AnnotationStore(_isolated_data_dir))
        qtbot.addWidget(window)
        window.resize(1000, 700)
        window.open_path(path or sample_path())
        window.show()
        qtbot.waitExposed(window)
        focus_view(qtbot, window)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


class RecordingNavigator:
    """A reading view as a panel sees it: a reading position, a selection, and the moves asked of it."""

    def __init__(self) -> None:
        self.turn = 0
        self.selection: SelectedSpan | None = None
        self.moves: list[tuple[object, ...]] = []

    def current_turn(self) -> int:
        return self.turn

    def selected_span(self) -> SelectedSpan | None:
        return self.selection

    def go_to_turn(self, turn: int, offset: int = 0) -> None:
        self.turn = turn
        self.moves.append(("turn", turn, offset))

    def go_to_words(self, turn: int, start: int, end: int, end_turn: int | None = None) -> None:
        self.turn, self.selection = turn, SelectedSpan(turn, start, turn if end_turn is None else end_turn, end)
        self.moves.append(("words", turn, start, end) if end_turn is None else ("words", turn, start, end, end_turn))

    def step_speaker(self, speaker: str, direction: int) -> None:
        self.moves.append(("speaker", speaker, direction))


@pytest.fixture
def session(_isolated_data_dir: Path) -> Iterator[ReaderSession]:
    """A session with nothing open; its notes, once a transcript is opened, go to the test's data folder."""
    reader = ReaderSession(AnnotationStore(_isolated_data_dir))
    yield reader
    reader.close()


@pytest.fixture
def navigator() -> RecordingNavigator:
    return RecordingNavigator()
