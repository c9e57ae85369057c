"""Selecting as a reader does, in the window: the caret and the keyboard, the mouse (whole words, a paragraph), the
bar over a selection, and the focus moving between the text and the docks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from reader.ui.dialogs import ShortcutSheet
from reader.ui.main_window import MainWindow
from reader.ui.transcript_view import TranscriptView
from tests.ui.conftest import focus_view

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


def point_at(view: TranscriptView, turn: int, offset: int) -> QPoint:
    """Where on the screen the character at `offset` of a turn's text is drawn."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(turn, offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag(qtbot: QtBot, view: TranscriptView, start: QPoint, end: QPoint) -> None:
    """Press, move with the button held (QTest's moves carry no button), release."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for at in (QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2), end):
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(at), QPointF(viewport.mapToGlobal(at)),
                           Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


# --- the keyboard --------------------------------------------------------------------------------------------


def test_the_keyboard_selects_words_without_a_click(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    text = window.session.transcript.turns[3].text
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_J)  # the caret comes to the start of the turn's words
    assert view.current_turn() == 3 and not view.textCursor().hasSelection()
    assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert view.viewport().rect().contains(view.cursorRect().center())  # the caret is on the page
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert view.selected_text() == text[:1]
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    assert view.selected_text() == "I haven’t "
    qtbot.keyClick(view, Qt.Key.Key_End, SHIFT)
    line = view.selected_text()
    assert text.startswith(line) and len(line) > 40 and view.selected_span()[:4] == (3, 0, 3, len(line))
    qtbot.keyClick(view, Qt.Key.Key_H, CTRL | SHIFT)  # and the words can be highlighted
    assert [a.anchor.exact for a in window.session.notes.annotations] == [line]


def test_left_and_right_move_the_caret_in_the_text_and_fold_on_a_header(qtbot: QtBot, window: MainWindow) -> None:
    view, sample = window.view, window.session.transcript
    qtbot.keyClick(view, Qt.Key.Key_N)  # Q2's header: the caret on it
    header = view.vdoc.block_of_header(1)
    assert view.textCursor().blockNumber() == header
    qtbot.keyClick(view, Qt.Key.Key_Right)  # open already: Right moves on, as in a tree
    assert not view.is_collapsed(1) and view.textCursor().position() == view.document().findBlockByNumber(
        header).position() + 1
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # back at the header's start, Left folds
    assert view.is_collapsed(1)
    assert not set(sample.exchanges[1].turn_range) & set(view.visible_turns())
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert not view.is_collapsed(1)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # into the question: the arrows are the caret's again
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT)
    assert not view.is_collapsed(1) and view.textCursor().hasSelection()


def test_the_caret_never_rests_in_a_folded_exchange(qtbot: QtBot, window: MainWindow) -> None:
    view, sample = window.view, window.session.transcript
    view.scroll_to_turn(5)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    view.set_collapsed(sample.turns[5].exchange, True)  # from the menu: the caret was inside
    assert view.textCursor().block().isVisible()
    assert view.textCursor().blockNumber() == view.vdoc.block_of_header(sample.turns[5].exchange)
    view.set_outline(True)  # questions only: each answer hidden between two shown blocks
    view.scroll_to_turn(2)  # Q2's question
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # past the question's end: over the hidden answer, to Q3's header
    assert view.textCursor().blockNumber() == view.vdoc.block_of_header(2)
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT)  # and back, selecting: to the question's end, not the answer's
    assert view.textCursor().block().isVisible() and view.textCursor().blockNumber() == view.vdoc.block_of_turn(2)
    assert view.textCursor().hasSelection()


def test_the_reading_position_follows_the_caret(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current_turn() == 2  # "So what?" is one line: two lines down is Q2's question
    assert window.status_sections["position"].text().startswith("Q2 · turn 3")


# --- the focus ------------------------------------------------------------------------------------------------


def test_tab_and_f6_move_the_focus_between_the_text_and_the_docks(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus() and window.panes.framed is not None  # into a dock, and shown there
    focus_view(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert not view.hasFocus()
    focus_view(qtbot, window)
    visited = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(window.panes.framed)
    assert visited == [window.topics_panel, window.speakers_panel, window.notes_panel, None]
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_F6, SHIFT)
    assert window.panes.framed is window.notes_panel
    frame = window.notes_panel.findChild(type(window.panes._frames[window.notes_panel]))
    assert frame is not None and frame.isVisible() and frame.geometry() == window.notes_panel.rect()


def test_the_reading_view_shows_its_focus(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    accent, page = QColor(view.theme().accent), QColor(view.theme().base)

    def left_edge() -> QColor:
        view.viewport().repaint()
        image = view.viewport().grab().toImage()
        return QColor(image.pixel(1, image.height() // 2))

    def distance(a: QColor, b: QColor) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    focused = left_edge()
    assert distance(focused, accent) < distance(page, accent) // 2  # a frame in the accent colour
    qtbot.keyClick(view, Qt.Key.Key_F6)  # to the topics: the frame goes with the focus
    assert not view.hasFocus() and window.panes.framed is window.topics_panel
    assert distance(left_edge(), page) < 10


# --- the mouse ------------------------------------------------------------------------------------------------


def test_a_drag_snaps_to_whole_words_unless_turned_off(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    text = window.session.transcript.turns[3].text  # "I haven’t seen any pictures of me that could be..."
    view.scroll_to_turn(3)
    start, end = text.index("aven"), text.index("ctures") + 2  # inside "haven’t" and inside "pictures"
    drag(qtbot, view, point_at(view, 3, start), point_at(view, 3, end))
    assert view.selected_text() == "haven’t seen any pictures"
    qtbot.keyClick(view, Qt.Key.Key_Right)  # let it go: a press inside a selection would drag it away
    action = window.registry["view.snap_to_words"]
    assert action.isChecked()
    action.trigger()
    assert not action.isChecked() and not view.snaps_to_words()
    drag(qtbot, view, point_at(view, 3, start), point_at(view, 3, end))
    assert view.selected_text() == text[start:end]
    assert window.preferences.settings.value("view/snap_to_words") == "false"


def test_the_snap_choice_is_remembered(qtbot: QtBot, make_window) -> None:
    first = make_window()
    first.registry["view.snap_to_words"].trigger()
    first.close()
    again = make_window()
    assert not again.registry["view.snap_to_words"].isChecked() and not again.view.snaps_to_words()


def test_a_triple_click_selects_the_paragraph_not_the_turn(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    turn = window.session.transcript.turns[3]
    second = turn.paragraphs[1].text  # "But with John Kerry for example – we laughed a lot..."
    view.scroll_to_turn(3)
    at = point_at(view, 3, turn.text.index("John Kerry") + 2)
    viewport = view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    assert view.selected_text() == second
    assert view.selected_span()[:4] == (3, len(turn.paragraphs[0].text) + 2, 3, len(turn.text))


# --- the bar over a selection -----------------------------------------------------------------------------------


def test_the_bar_over_a_selection_highlights_notes_and_copies(qtbot: QtBot, window: MainWindow) -> None:
    view, bar = window.view, window.selection_tools.bar
    text = window.session.transcript.turns[3].text
    view.scroll_to_turn(3)
    assert not bar.isVisible()
    drag(qtbot, view, point_at(view, 3, 2), point_at(view, 3, 30))
    qtbot.waitUntil(bar.isVisible)
    assert set(bar.buttons) == {"notes.colour_yellow", "notes.colour_green", "notes.colour_blue", "notes.colour_pink",
                                "notes.note", "edit.copy", "edit.copy_citation"}
    selection = view.textCursor()
    assert bar.geometry().bottom() < view.cursorRect(selection).top() or \
        bar.geometry().top() > view.cursorRect(selection).bottom()  # over or under the words, not on them
    qtbot.mouseClick(bar.buttons["edit.copy_citation"], Qt.MouseButton.LeftButton)
    words = view.selected_text()
    assert QGuiApplication.clipboard().text().startswith(f'"{words}" (Sergey Lavrov, ')
    assert view.hasFocus()  # the bar never takes the keys from the text
    qtbot.keyClick(view, Qt.Key.Key_Right)  # let it go: a press inside a selection would drag it away
    drag(qtbot, view, point_at(view, 3, 2), point_at(view, 3, 30))
    qtbot.waitUntil(bar.isVisible)
    qtbot.mouseClick(bar.buttons["edit.copy"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == words == text[text.index("haven"):text.index("haven") + len(words)]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    drag(qtbot, view, point_at(view, 3, 2), point_at(view, 3, 30))
    qtbot.waitUntil(bar.isVisible)
    qtbot.mouseClick(bar.buttons["notes.colour_green"], Qt.MouseButton.LeftButton)
    (highlight,) = window.session.notes.annotations
    assert highlight.colour == "green" and highlight.anchor.exact == words
    assert not bar.isVisible() and not view.textCursor().hasSelection()  # the new colour shows at once
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 1)


def test_the_bar_follows_the_keyboard_and_goes_with_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    view, bar = window.view, window.selection_tools.bar
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    assert bar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the selection let go
    assert not bar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    assert bar.isVisible()
    window.notes_panel.setFocus()
    qtbot.waitUntil(lambda: not bar.isVisible())


def test_the_shortcut_sheet_says_the_carets_keys(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutSheet)
    assert sheet is not None and sheet.isVisible()
    note = sheet.findChild(QLabel, "shortcut_footnote")
    assert note is not None and note.isVisible()
    assert "select with Shift" in note.text() and "header" in note.text() and "F6" in note.text()
    assert ("View", "Next Pane", "F6") in sheet.rows() and ("View", "Fold This Exchange", "Left") in sheet.rows()
