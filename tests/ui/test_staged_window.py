"""The window of the reader's own start, made in two stages: what the first picture shows, then the rest once the
text is on screen, or at once when the reader acts on it, or when a script asks for a part of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from pytestqt.qtbot import QtBot

from reader.core.loader import sample_path
from reader.core.notes.store import AnnotationStore
from reader.ui.actions import MENUS
from reader.ui.main_window import MainWindow

LATER = ("topics_panel", "speakers_panel", "notes_panel", "search_bar", "registry", "player", "marks")


def _staged(qtbot: QtBot, data: Path) -> MainWindow:
    window = MainWindow(store=AnnotationStore(data), staged=True)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    return window


def _made(window: MainWindow) -> list[str]:
    return [name for name in LATER if name in vars(window)]


def _geometry(widget: QWidget) -> tuple[int, int, int, int]:
    corner = widget.mapTo(widget.window(), QPoint(0, 0))
    return corner.x(), corner.y(), widget.width(), widget.height()


def test_the_text_comes_first_and_the_rest_of_the_window_in_the_same_places(qtbot: QtBot, tmp_path: Path) -> None:
    window = _staged(qtbot, tmp_path)
    assert window.open_path(sample_path())
    assert _made(window) == []  # opened: the text is set in the view, nothing of the second stage is made
    assert window.view.shown_headers()[:2] == ["Q1", "Q2"]
    shown: list[bool] = []
    window.view.text_shown.connect(lambda: shown.append(window.completed))
    window.show()
    qtbot.waitUntil(lambda: shown == [False])  # the first picture, before the rest of the window
    docks = {dock.windowTitle(): _geometry(dock) for dock in window.findChildren(QDockWidget)}
    view = _geometry(window.view)
    qtbot.waitUntil(lambda: window.completed)
    assert _made(window) == list(LATER)
    qtbot.wait(50)  # the docks' panels laid out
    # Nothing moves when the second stage comes: the text stays where it was read, the docks keep their frames.
    assert _geometry(window.view) == view
    assert {dock.windowTitle(): _geometry(dock) for dock in window.findChildren(QDockWidget)} == docks
    assert [dock.widget() for dock in window.docks.values()] == [window.topics_panel, window.speakers_panel,
                                                                 window.notes_panel]
    # The menu bar's titles of the first picture are the registry's menus, once each, now with their commands.
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [title for _key, title in MENUS]
    assert all(window.registry.menus[key].actions() for key, _title in MENUS)
    # Caught up with the transcript open: the panels show it, the topics are looked for.
    assert window.speakers_panel.table.model().rowCount() > 0
    qtbot.waitUntil(lambda: window.topics_panel.tree.model().rowCount() > 0, timeout=10_000)


def test_a_key_or_a_click_before_the_rest_of_the_window_completes_it(qtbot: QtBot, tmp_path: Path) -> None:
    for act in (lambda view: qtbot.keyClick(view, Qt.Key.Key_J),
                lambda view: qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)):
        window = _staged(qtbot, tmp_path)
        window.open_path(sample_path())
        window.show()
        assert not window.completed  # no event handled yet: the text is not on screen
        act(window.view)
        assert window.completed
        window.close()


@pytest.mark.qt_log_ignore("This plugin does not support")  # an offscreen popup cannot grab the keyboard
def test_a_menu_opened_before_the_rest_of_the_window_shows_its_commands(qtbot: QtBot, tmp_path: Path) -> None:
    window = _staged(qtbot, tmp_path)
    window.open_path(sample_path())
    window.show()
    assert not window.completed
    menu = window.menuBar().actions()[0].menu()
    menu.popup(window.mapToGlobal(QPoint(10, 10)))  # as a click on its title does
    assert window.completed
    assert menu is window.registry.menus[MENUS[0][0]] and menu.actions()
    menu.close()
    window.close()


def test_a_part_asked_for_completes_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = _staged(qtbot, tmp_path)
    window.open_path(sample_path())
    assert not window.completed
    assert window.notes_panel is window.docks["Notes"].widget()
    assert window.completed and _made(window) == list(LATER)
    window.complete()  # once only
    assert window.notes_panel is window.docks["Notes"].widget()


def test_a_window_closed_before_its_rest_is_made_keeps_the_notes_and_makes_nothing(qtbot: QtBot,
                                                                                 tmp_path: Path) -> None:
    window = _staged(qtbot, tmp_path)
    window.open_path(sample_path())
    notes = window.session.notes
    assert notes is not None
    notes.set_position(window.session.transcript.turns[5].id)
    window.close()
    assert not window.completed
    reopened = AnnotationStore(tmp_path).open(window.session.transcript)
    assert reopened.position is not None and reopened.position.turn_id == window.session.transcript.turns[5].id
    # The window's file opener filters its events no longer: torn down by the garbage collector, whose clearing
    # of the opener's attributes may come first, the window would call into an opener without them.
    opener = window.files
    vars(opener).clear()
    QApplication.sendEvent(window, QEvent(QEvent.Type.DragLeave))


def test_a_window_that_is_not_staged_is_complete_when_made(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(store=AnnotationStore(tmp_path))
    qtbot.addWidget(window)
    assert window.completed and _made(window) == list(LATER)
