"""The reading view's context menu: the menus' own commands, acting where the reader right-clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reader.core.loader import load_transcript, sample_path
from reader.core.notes.store import AnnotationStore
from reader.ui.actions import ActionId
from reader.ui.main_window import MainWindow
from reader.ui.view_menu import COMMANDS


def _point_of(window: MainWindow, block: int) -> QPoint:
    view = window.view
    rect = view.blockBoundingGeometry(view.document().findBlockByNumber(block)).translated(view.contentOffset())
    return QPoint(int(rect.left()) + 60, int(rect.top()) + 4)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")  # the menu's keyboard grab, offscreen
def test_a_right_click_on_a_turn_offers_the_menus_commands_for_it(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    view.scroll_to_turn(5)
    point = _point_of(window, view.vdoc.block_of_turn(6))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=point)
    assert view.current_turn() == 6  # the reading position is where the reader clicked
    view.customContextMenuRequested.emit(point)
    menu = window.view_menu
    qtbot.waitUntil(menu.isVisible)
    assert [a for a in menu.actions() if not a.isSeparator()] == [window.registry[i] for i in COMMANDS if i]
    menu.close()
    window.registry[ActionId.BOOKMARK].trigger()
    assert [window.session.transcript.turn_by_id[a.anchor.turn_id].index
            for a in window.session.notes.annotations] == [6]


def test_a_right_click_keeps_the_selection_for_the_menu_s_commands(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    view.scroll_to_turn(5)
    view.select_in_turn(6, 0, 30)
    words = window.session.transcript.turns[6].text[:30]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=_point_of(window, view.vdoc.block_of_turn(6)))
    span = view.selected_span()
    assert span is not None and (span.first, span.start, span.last, span.end) == (6, 0, 6, 30)
    window.registry[ActionId.COPY].trigger()
    assert QApplication.clipboard().text() == words


def test_renaming_the_topic_from_a_header_s_menu_edits_that_exchange_s_topic(qtbot: QtBot, window: MainWindow) -> None:
    view, panel = window.view, window.topics_panel
    qtbot.waitUntil(lambda: len(panel.model.rows()) > 1, timeout=10000)
    exchange = window.session.transcript.exchanges[9]
    view.scroll_to_turn(exchange.first_turn + 1)  # the reading position on its answer, its header on screen
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=_point_of(window, view.vdoc.block_of_header(9)))
    assert view.current_turn() == exchange.first_turn and not view.is_collapsed(9)  # folded only by the left button
    window.registry[ActionId.RENAME_TOPIC].trigger()
    editor = QApplication.focusWidget()
    row = panel.model.row_of_turn(exchange.first_turn)
    assert isinstance(editor, QLineEdit) and editor.text() == panel.model.rows()[row].topic.label


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")
def test_a_right_click_before_the_window_is_complete_completes_it_and_opens_the_menu(qtbot: QtBot,
                                                                                     tmp_path: Path) -> None:
    window = MainWindow(store=AnnotationStore(tmp_path), staged=True)
    qtbot.addWidget(window)
    window.session.open(load_transcript(sample_path()))
    assert not window.completed
    window.view.customContextMenuRequested.emit(QPoint(80, 40))
    assert window.completed
    qtbot.waitUntil(window.view_menu.isVisible)
    window.view_menu.close()
