"""Bookmarks, highlights and notes driven from the window's own actions and keys, as a reader would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.loader import sample_path
from reader.core.notes.store import AnnotationStore
from reader.ui.annotation_dialogs import NoteDialog
from reader.ui.main_window import MainWindow
from reader.ui.notes_files import ExportDialog, ImportDialog, name_filter
from reader.ui.notes_model import EXCHANGE, KIND, NOTE, QUOTE, STATUS, TAGS
from reader.ui.transcript_view import TranscriptView
from reader.ui.view_painting import GUTTER
from tests.ui.conftest import focus_view

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def notes_on_disk(window: MainWindow) -> list[dict]:
    path = window.session.notes.file
    return json.loads(path.read_text("utf-8"))["annotations"] if path.exists() else []


def ribbon_pixels(view: TranscriptView) -> int:
    """Pixels of the accent colour in the right margin of the page, where bookmark ribbons are drawn."""
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    accent = QColor(view.theme().accent).rgb()
    right = view.page_width()
    rows = range(min(image.height(), 200))
    return sum(image.pixel(x, y) == accent for x in range(right - GUTTER, right) for y in rows)


def highlight(qtbot: QtBot, window: MainWindow, turn: int, start: int, end: int) -> str:
    window.view.select_in_turn(turn, start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL | SHIFT)
    return window.session.transcript.turns[turn].text[start:end]


def test_ctrl_d_bookmarks_the_exchange_then_the_turn_and_again_removes(qtbot: QtBot, window: MainWindow) -> None:
    panel, view = window.notes_panel, window.view
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)  # on Q1's question: the whole exchange
    assert panel.visible_rows(KIND) == ["Bookmark"]
    assert panel.visible_rows(EXCHANGE) == ["Q1"]
    qtbot.waitUntil(lambda: "bookmark" in view.margin_marks().get(("exchange", 0), ()))
    assert ribbon_pixels(view) > 20
    qtbot.keyClick(view, Qt.Key.Key_J)  # the answer: that turn alone
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert panel.visible_rows(QUOTE)[1].startswith("So what?")
    qtbot.waitUntil(lambda: "bookmark" in view.margin_marks().get(("turn", 1), ()))
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert panel.visible_rows(KIND) == ["Bookmark"]
    qtbot.waitUntil(lambda: ("turn", 1) not in view.margin_marks())
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # back, then gone again: the ribbon follows
    qtbot.waitUntil(lambda: ("turn", 1) in view.margin_marks())
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.margin_marks())
    assert ribbon_pixels(view) == 0
    window.session.undo_stack.redo()
    window.session.undo_stack.redo()
    window.session.undo_stack.redo()
    qtbot.waitUntil(lambda: len(notes_on_disk(window)) == 1, timeout=1500)  # saved promptly, no action needed


def test_highlight_selection_shows_in_the_view_and_the_dock_and_is_saved(qtbot: QtBot, window: MainWindow) -> None:
    quote = highlight(qtbot, window, 4, 10, 60)
    assert window.notes_panel.visible_rows(KIND) == ["Highlight"]
    assert window.notes_panel.visible_rows(QUOTE) == [quote]
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 1)
    qtbot.waitUntil(lambda: any(s.cursor.selectedText() == quote for s in window.view.extraSelections()))
    qtbot.waitUntil(lambda: [a["anchor"]["exact"] for a in notes_on_disk(window)] == [quote])


def test_highlight_colour_from_the_submenu_becomes_the_colour_of_ctrl_shift_h(qtbot: QtBot, window: MainWindow) -> None:
    window.view.select_in_turn(3, 0, 20)
    window.registry["notes.colour_green"].trigger()
    highlight(qtbot, window, 5, 0, 15)
    assert [a.colour for a in window.session.notes.annotations] == ["green", "green"]
    assert window.registry["notes.colour_green"].isChecked()
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 2)
    qtbot.waitUntil(lambda: len(window.view.extraSelections()) > 0)  # those on screen
    assert {s.format.background().color().name() for s in window.view.extraSelections()} == {"#7fd47f"}


def test_highlight_without_a_selection_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.notes_panel.visible_rows() == []
    assert window.statusBar().currentMessage() == "Select some words to highlight."


def test_ctrl_m_writes_a_note_with_tags_and_status_on_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    window.view.select_in_turn(3, 0, 40)
    qtbot.keyClick(window.view, Qt.Key.Key_M, CTRL)
    dialog = window.findChild(NoteDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.note_field, "Denies the photos")
    dialog.tags_field.setText("photos, denial")
    dialog.status_field.setCurrentIndex(dialog.status_field.findText("On background"))
    dialog.accept()
    panel = window.notes_panel
    assert panel.visible_rows(KIND) == ["Note"]
    assert panel.visible_rows(NOTE) == ["Denies the photos"]
    assert panel.visible_rows(TAGS) == ["photos, denial"]
    assert panel.visible_rows(STATUS) == ["On background"]
    qtbot.waitUntil(lambda: "note" in window.view.margin_marks().get(("turn", 3), ()))


def test_ctrl_m_without_a_selection_notes_the_current_turn(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_M, CTRL)
    dialog = window.findChild(NoteDialog)
    dialog.note_field.setPlainText("short answer")
    dialog.accept()
    assert window.notes_panel.visible_rows(QUOTE) == ["So what?"]


def test_tag_and_status_of_the_annotation_chosen_in_the_dock(qtbot: QtBot, window: MainWindow) -> None:
    highlight(qtbot, window, 4, 10, 60)
    panel = window.notes_panel
    window.registry["notes.status_on_record"].trigger()
    assert panel.visible_rows(STATUS) == ["On the record"]
    assert window.registry["notes.status_on_record"].isChecked()
    window.registry["notes.edit"].trigger()
    dialog = window.findChild(NoteDialog)
    dialog.tags_field.setText("Trump, sanctions")
    dialog.accept()
    assert panel.visible_rows(TAGS) == ["Trump, sanctions"]
    assert panel.visible_rows(STATUS) == ["On the record"]
    qtbot.waitUntil(lambda: "sanctions" in [a.text() for a in panel.tags_menu.actions()])
    next(a for a in panel.tags_menu.actions() if a.text() == "sanctions").trigger()  # offered as a filter
    assert panel.visible_rows(TAGS) == ["Trump, sanctions"] and panel.tag_filter() == ["sanctions"]
    focus_view(qtbot, window)  # back from the editor
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.notes.annotations[0].tags == ()
    qtbot.waitUntil(lambda: panel.tag_filter() == [])  # the tag is gone, so is its filter
    assert panel.visible_rows(TAGS) == [""]


def test_filter_field_narrows_the_dock(qtbot: QtBot, window: MainWindow) -> None:
    highlight(qtbot, window, 4, 10, 60)
    highlight(qtbot, window, 3, 0, 30)
    panel = window.notes_panel
    assert len(panel.visible_rows()) == 2
    qtbot.keyClicks(panel.text_filter, "trump")
    assert panel.visible_rows() == [window.session.transcript.turns[4].text[10:60]]


def test_double_click_in_the_dock_jumps_to_the_words(qtbot: QtBot, window: MainWindow) -> None:
    highlight(qtbot, window, 40, 0, 25)
    window.view.scroll_to_turn(0)
    assert window.view.current_turn() == 0
    table = window.notes_panel.cards
    rect = table.visualRect(table.model().index(0, NOTE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.current_turn() == 40
    assert window.view.selection_in_turn() == (40, 0, 25)  # the words themselves, ready to copy
    assert "Q" in window.status_sections["position"].text()


def test_enter_in_the_dock_jumps_too(qtbot: QtBot, window: MainWindow) -> None:
    highlight(qtbot, window, 30, 0, 25)
    window.view.scroll_to_turn(0)
    table = window.notes_panel.cards
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.view.current_turn() == 30


def test_quitting_saves_at_once(qtbot: QtBot, window: MainWindow) -> None:
    quote = highlight(qtbot, window, 4, 10, 60)
    assert notes_on_disk(window) == []  # still within the second the window waits for more changes
    window.close()
    assert [a["anchor"]["exact"] for a in notes_on_disk(window)] == [quote]


def test_the_dock_context_menu_offers_edit_status_and_delete(window: MainWindow) -> None:
    texts = [a.text() for a in window.notes_panel.cards.actions()]
    assert texts == ["Edit &Note in Place\tF2", "Edit &Tags in Place\tShift+F2", "&Delete Annotation",
                     "&Edit Annotation…", "Attribution &Status", "&Play Quote", "Mark &Checked Against the Recording"]


def test_delete_key_in_the_dock_then_undo_and_redo_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    quote = highlight(qtbot, window, 4, 10, 60)
    panel = window.notes_panel
    panel.cards.setFocus()
    qtbot.waitUntil(panel.cards.hasFocus)
    qtbot.keyClick(panel.cards, Qt.Key.Key_Delete)
    assert panel.visible_rows() == []
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 0)
    qtbot.keyClick(panel.cards, Qt.Key.Key_Z, CTRL)
    assert panel.visible_rows() == [quote]
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 1)
    qtbot.keyClick(panel.cards, Qt.Key.Key_Z, CTRL | SHIFT)
    assert panel.visible_rows() == []
    qtbot.waitUntil(lambda: notes_on_disk(window) == [] and window.session.notes.file.exists())


def test_delete_key_in_the_reading_view_deletes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    highlight(qtbot, window, 4, 10, 60)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(window.notes_panel.visible_rows()) == 1


def test_undo_and_redo_of_a_highlight(qtbot: QtBot, window: MainWindow) -> None:
    quote = highlight(qtbot, window, 4, 10, 60)
    assert window.registry["edit.undo"].text().startswith("&Undo Add Highlight")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.notes_panel.visible_rows() == []
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 0)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.notes_panel.visible_rows() == [quote]
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 1)


def test_copy_with_citation(qtbot: QtBot, window: MainWindow) -> None:
    window.view.select_in_turn(3, 0, 25)
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == (
        "\"I haven’t seen any pictur\" (Sergey Lavrov, Foreign Minister Sergey Lavrov’s interview with NBC, "
        "Moscow, July 21, 2017, 21 July 2017, Q2)")


def test_copy_with_citation_uses_the_display_name(qtbot: QtBot, window: MainWindow) -> None:
    window.session.notes.set_speaker_name("sergey lavrov", "Lavrov")
    window.view.select_in_turn(1, 0, 8)
    window.registry["edit.copy_citation"].trigger()
    assert QGuiApplication.clipboard().text().startswith('"So what?" (Lavrov, ')


def test_copy_with_citation_of_the_annotation_chosen_in_the_dock(qtbot: QtBot, window: MainWindow) -> None:
    quote = highlight(qtbot, window, 1, 0, 8)
    window.view.select_in_turn(5, 0, 0)  # nothing selected in the text: the dock's choice is cited
    window.notes_panel.cards.setFocus()
    qtbot.keyClick(window.notes_panel.cards, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text().startswith(f'"{quote}" (Sergey Lavrov, ')


def test_a_failed_save_is_said_in_the_status_bar_and_retried(qtbot: QtBot, window: MainWindow,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.notes.notes_file as notes_file

    real = notes_file.write_atomic

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(notes_file, "write_atomic", full_disk)
    highlight(qtbot, window, 4, 10, 60)
    qtbot.waitUntil(lambda: "kept in memory" in window.statusBar().currentMessage())
    assert "No space left on device" in window.statusBar().currentMessage()
    assert len(window.notes_panel.visible_rows()) == 1
    monkeypatch.setattr(notes_file, "write_atomic", real)
    highlight(qtbot, window, 5, 0, 10)  # the next change is saved as promptly as ever, with the one kept in memory
    qtbot.waitUntil(lambda: len(notes_on_disk(window)) == 2, timeout=1500)


def test_notes_from_a_newer_version_are_read_only(qtbot: QtBot, make_window, sample, _isolated_data_dir: Path) -> None:
    file = AnnotationStore(_isolated_data_dir).notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps({"schema_version": 99, "annotations": []}))
    window = make_window()
    assert not window.registry["notes.bookmark"].isEnabled()
    assert not window.registry["notes.highlight"].isEnabled()
    assert "newer version" in window.statusBar().currentMessage()
    assert window.registry["edit.copy_citation"].isEnabled()


def test_a_corrupt_notes_file_is_set_aside_and_the_user_told_where(qtbot: QtBot, make_window, sample,
                                                                   _isolated_data_dir: Path) -> None:
    file = AnnotationStore(_isolated_data_dir).notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    file.write_text("{not json")
    window = make_window()
    aside = next(file.parent.glob("*.corrupt-*"))
    assert str(aside) in window.statusBar().currentMessage()
    assert window.registry["notes.bookmark"].isEnabled()


def test_export_notes_in_the_format_of_the_chosen_file_type(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    quote = highlight(qtbot, window, 4, 10, 60)
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    window.registry["file.export_notes"].trigger()
    dialog = window.findChild(ExportDialog)
    dialog.selectNameFilter(name_filter("md"))
    dialog.filterSelected.emit(name_filter("md"))
    dialog.selectFile(str(tmp_path / "mine"))
    dialog.only_box.setCurrentIndex(dialog.only_box.findData("highlights"))
    dialog.accept()
    text = (tmp_path / "mine.md").read_text("utf-8")
    assert text.startswith("# ")
    assert quote in text
    assert "Bookmark" not in text


def test_export_pseudonymised_json_then_import_it_back(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    quote = highlight(qtbot, window, 3, 0, 40)
    out = tmp_path / "notes.json"
    window.registry["file.export_notes"].trigger()
    dialog = window.findChild(ExportDialog)
    dialog.selectNameFilter(name_filter("json"))
    dialog.selectFile(str(out))
    dialog.pseudonymise_box.setChecked(True)
    dialog.accept()
    exported = json.loads(out.read_text("utf-8"))
    assert exported["type"] == "AnnotationCollection"
    assert "Lavrov" not in json.dumps(exported["first"]["items"][0].get("transcript_reader", {}))

    window.registry["edit.undo"].trigger()  # the highlight is gone: importing brings it back
    assert window.notes_panel.visible_rows() == []
    window.registry["file.import_notes"].trigger()
    dialog = window.findChild(ImportDialog)
    dialog.selectFile(str(out))
    dialog.accept()
    assert window.notes_panel.visible_rows() == [quote]
    box = window.findChild(QMessageBox, "import_summary")
    assert "1 added" in box.text()
    box.close()
    window.session.undo_stack.undo()  # an import undoes like any edit
    assert window.notes_panel.visible_rows() == []
    window.session.undo_stack.redo()
    assert window.notes_panel.visible_rows() == [quote]
    window.registry["file.import_notes"].trigger()
    dialog = window.findChild(ImportDialog)
    dialog.selectFile(str(out))
    dialog.accept()
    assert window.notes_panel.visible_rows() == [quote]
    boxes = [b for b in window.findChildren(QMessageBox, "import_summary") if b.isVisible()]
    assert "1 already present" in boxes[0].text()


def test_each_transcript_shows_its_own_notes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    quote = highlight(qtbot, window, 4, 10, 60)
    other = tmp_path / "other.txt"
    other.write_text("Question: Where were you?\n\nWitness: At home, all evening.\n", "utf-8")
    window.open_path(other)
    assert window.notes_panel.visible_rows() == []
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 0)
    window.open_path(sample_path())
    assert window.notes_panel.visible_rows() == [quote]
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 1)
    assert window.session.undo_stack.count() == 0  # commands on another transcript's notes are not kept


def test_a_second_window_shows_the_first_ones_notes_when_activated(qtbot: QtBot, make_window) -> None:
    first = make_window()
    second = make_window()
    focus_view(qtbot, first)
    quote = highlight(qtbot, first, 4, 10, 60)
    qtbot.waitUntil(lambda: len(notes_on_disk(first)) == 1)
    assert second.notes_panel.visible_rows() == []
    focus_view(qtbot, second)
    qtbot.waitUntil(lambda: second.notes_panel.visible_rows() == [quote])
    qtbot.waitUntil(lambda: second.view.extra_highlight_count("annotations") == 1)


def test_a_failed_save_is_retried_without_another_change(qtbot: QtBot, window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.notes.notes_file as notes_file
    import reader.ui.session as session

    monkeypatch.setattr(session, "SAVE_DELAY_MS", 100)  # the retry comes ten delays after the failure
    real = notes_file.write_atomic
    failures: list[Path] = []

    def full_disk_once(path: Path, data: bytes) -> None:
        if not failures:
            failures.append(path)
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(notes_file, "write_atomic", full_disk_once)
    quote = highlight(qtbot, window, 4, 10, 60)
    qtbot.waitUntil(lambda: failures != [])
    assert notes_on_disk(window) == []
    qtbot.waitUntil(lambda: [a["anchor"]["exact"] for a in notes_on_disk(window)] == [quote], timeout=3000)


def test_an_empty_notes_dock_says_how_to_add_notes_until_there_is_one(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.notes_panel
    assert panel.empty_hint.isVisible() and "Ctrl+D" in panel.empty_hint.text()
    assert not panel.cards.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(panel.cards.isVisible)
    assert not panel.empty_hint.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(panel.empty_hint.isVisible)
