"""The main window driven as a user would: keys, menus, dialogs, dropping files, themes, what is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QImage, QPalette, QUndoCommand
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFontDialog
from pytestqt.qtbot import QtBot

from reader.cli import main
from reader.core.model import Role
from reader.ui.actions import ACTIONS
from reader.ui.dialogs import GoToExchangeDialog, OpenDialog, ShortcutSheet
from reader.ui.main_window import MainWindow

INTERVIEW = "Question: Where were you?\n\nWitness: At home, all evening.\n\nQuestion: Alone?\n\nWitness: Yes.\n"


def test_the_sample_opens_with_its_title_and_position(qtbot: QtBot, window: MainWindow) -> None:
    assert "Lavrov" in window.windowTitle()
    assert window.view.shown_headers()[:2] == ["Q1", "Q2"]
    assert window.status_sections["position"].text() == "Q1 · turn 1 of 62"
    words = window.status_sections["words"]  # read: the words before the reading position, not its turn's too
    first = window.session.transcript.turns[0].words
    qtbot.waitUntil(lambda: words.text() == f"0 / {window.session.transcript.words:,} words")
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    transcript = window.session.transcript
    assert words.text() == f"{first:,} / {transcript.words:,} words"


def test_j_k_n_p_move_through_turns_and_questions(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.current_turn() == 2
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.current_turn() == 1
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.current_exchange() == 1
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert view.current_exchange() == 2
    assert view.current_turn() == window.session.transcript.exchanges[2].first_turn
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.current_exchange() == 1
    assert window.status_sections["position"].text().startswith("Q2 · turn")


def test_letter_keys_type_into_the_search_field_instead_of_moving(qtbot: QtBot, window: MainWindow) -> None:
    window.show_search("")
    field = window.search_bar.field
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "jnkp")
    assert field.text() == "jnkp"
    assert window.view.current_turn() == 0


def test_alt_down_from_the_first_answer_lands_on_the_interviewees_next_turn(qtbot: QtBot, window: MainWindow) -> None:
    transcript = window.session.transcript
    first_answer = next(t for t in transcript.turns if transcript.speaker(t).role is Role.INTERVIEWEE)
    window.view.scroll_to_turn(first_answer.index)
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    following = next(t for t in transcript.turns[first_answer.index + 1:] if t.speaker == first_answer.speaker)
    assert window.view.current_turn() == following.index
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.view.current_turn() == first_answer.index


def test_collapse_expand_and_outline_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert view.visible_turns() == []
    assert len(view.shown_headers()) == 31
    qtbot.keyClick(view, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert len(view.visible_turns()) == 62
    qtbot.keyClick(view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.registry["view.outline"].isChecked()
    assert view.visible_turns() == [e.question for e in window.session.transcript.exchanges]


def test_go_to_exchange_by_number(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(GoToExchangeDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.edit, "12")
    question = window.session.transcript.turns[window.session.transcript.exchanges[11].question].text
    assert dialog.preview.text()[:-1] in question
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.view.current_exchange() == 11
    assert window.status_sections["position"].text().startswith("Q12 ·")


def test_zoom_keys_change_the_text_size(qtbot: QtBot, window: MainWindow) -> None:
    size = window.view.font().pointSizeF()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() > size
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() < size


def test_switching_theme_changes_the_palette(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.view.theme_changed):
        window.registry["view.theme_dark"].trigger()
    dark = QApplication.palette().color(QPalette.ColorRole.Base)
    assert dark.lightness() < 60
    qtbot.waitUntil(lambda: window.view.viewport().palette().color(QPalette.ColorRole.Base) == dark)
    window.registry["view.theme_sepia"].trigger()
    sepia = QApplication.palette().color(QPalette.ColorRole.Base)
    assert sepia.lightness() > 200 and sepia.red() > sepia.blue()
    assert window.view.theme().name == "sepia"
    window.registry["view.theme_light"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 240


def _drop(window: MainWindow, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def test_dropping_a_file_opens_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "witness.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    with qtbot.waitSignal(window.session.opened) as opened:
        _drop(window, path)
    assert opened.args[0].path == str(path)
    assert window.view.shown_headers() == ["Q1", "Q2"]
    assert window.view.turn_display_text(1) == "Witness: At home, all evening."
    assert window.preferences.recent_files()[0] == str(path.resolve())


def test_a_file_that_fails_to_open_is_explained_and_the_transcript_stays(window: MainWindow, tmp_path: Path) -> None:
    before = window.session.transcript
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert not window.open_path(empty)
    assert window.session.transcript is before
    assert window.error_box is not None and window.error_box.isVisible()
    assert "empty" in window.error_box.informativeText()
    assert window.view.shown_headers()[0] == "Q1"


def test_open_dialog_can_force_a_layout(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "witness.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(OpenDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.path_edit.setText(str(path))
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("plain"))
    with qtbot.waitSignal(window.session.opened):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert window.session.transcript.layout == "plain"
    assert window.session.transcript.path == str(path)


def test_open_recent_lists_opened_files(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "witness.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    window.open_path(path)
    window.registry["file.open_sample"].trigger()
    window.files.recent_menu.aboutToShow.emit()
    entries = [a for a in window.files.recent_menu.actions() if a.statusTip()]
    assert [a.statusTip() for a in entries] == [str(path.resolve())]
    entries[0].trigger()
    assert window.session.transcript.path == str(path.resolve())


def test_shortcut_sheet_lists_every_action_of_the_registry(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutSheet)
    assert sheet is not None and sheet.isVisible()
    rows = sheet.rows()
    assert len(rows) == len(ACTIONS)
    assert ("View", "Collapse All", "Ctrl+[") in rows
    assert ("Go", "Next Turn of the Same Speaker", "Alt+Down") in rows
    menu_texts = {a.text().replace("&", "") for m in window.registry.menus.values() for a in m.actions()}
    assert {row[1] for row in rows} <= {t.rstrip("…") for t in menu_texts}


def test_undo_and_redo_go_through_the_window_undo_stack(qtbot: QtBot, window: MainWindow) -> None:
    done: list[str] = []

    class Mark(QUndoCommand):
        def redo(self) -> None:
            done.append("do")

        def undo(self) -> None:
            done.append("undo")

    undo = window.registry["edit.undo"]
    assert not undo.isEnabled()
    window.session.undo_stack.push(Mark("mark"))
    assert undo.isEnabled() and undo.text() == "&Undo mark"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert done == ["do", "undo", "do"]


def test_theme_zoom_and_reading_position_come_back_on_the_next_start(qtbot: QtBot, make_window) -> None:
    first = make_window()
    first.appearance.set_theme("sepia")
    first.registry["view.font"].trigger()
    dialog = first.findChild(QFontDialog)
    dialog.setCurrentFont(QFont("DejaVu Serif", 13))
    dialog.accept()
    first.view.zoom_in()
    first.view.scroll_to_turn(40)
    first.resize(900, 650)
    first.close()
    second = make_window()
    assert second.appearance.theme_setting() == "sepia"
    assert second.view.reading_font().family() == "DejaVu Serif"
    assert second.view.reading_font().pointSize() == 13
    assert second.view.font().pointSize() == 14  # one zoom step on top
    assert second.view.zoom() == 1
    qtbot.waitUntil(lambda: second.view.current_turn() == 40)


def test_a_renamed_speaker_shows_and_survives_reopening(qtbot: QtBot, make_window) -> None:
    first = make_window()
    interviewer = first.session.transcript.interviewer
    first.session.notes.set_speaker_name(interviewer.key, "Keir Simmons")
    assert first.view.turn_display_text(0).startswith("Keir Simmons: ")
    first.close()
    second = make_window()
    assert second.view.turn_display_text(0).startswith("Keir Simmons: ")


def _distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull()
    step = max(1, image.width() // 60)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_screenshot_command_writes_a_picture_of_the_sample(tmp_path: Path, theme: str, capsys) -> None:
    out = tmp_path / f"{theme}.png"
    assert main(["screenshot", "-o", str(out), "--theme", theme, "--size", "800x600"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
    assert _distinct_colours(out) > 20  # text in several colours, not a blank or single-colour frame
    centre = image.pixelColor(400, 300)
    assert (centre.lightness() < 80) == (theme == "dark")


def test_screenshot_command_folds_and_refuses_a_bad_size(tmp_path: Path, capsys) -> None:
    out = tmp_path / "folded.png"
    assert main(["screenshot", "-o", str(out), "--collapse-all", "--exchange", "Q3"]) == 0
    assert out.exists()
    with pytest.raises(SystemExit):
        main(["screenshot", "-o", str(out), "--size", "huge"])
    assert main(["screenshot", "-o", str(out), "--exchange", "Q99"]) == 2
    assert "no exchange" in capsys.readouterr().err
    assert main(["screenshot", "-o", str(out), "--speaker", "nobody"]) == 2
    assert "no speaker" in capsys.readouterr().err


def test_screenshot_command_shows_a_search_and_one_speaker(tmp_path: Path) -> None:
    out = tmp_path / "search.png"
    assert main(["screenshot", "-o", str(out), "--search", "Syria", "--speaker", "lavrov", "--theme", "dark"]) == 0
    assert _distinct_colours(out) > 20
