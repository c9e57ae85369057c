"""The Notes dock on its own, over a session's notes in a temporary folder: rows, filters, order, edits, undo,
and activating a row takes the reader to its words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from reader.core.model import Transcript
from reader.core.notes.annotations import Kind, Status, make_anchor, new_annotation, turn_anchor
from reader.core.notes.store import TranscriptNotes
from reader.ui.annotation_dialogs import NoteDialog
from reader.ui.notes_model import EXCHANGE, KIND, NOTE, QUOTE, SPEAKER, STATUS, TAGS, NotesModel
from reader.ui.notes_panel import NotesPanel
from reader.ui.session import ReaderSession
from tests.ui.conftest import RecordingNavigator


@pytest.fixture
def notes(session: ReaderSession, sample: Transcript) -> TranscriptNotes:
    session.open(sample)
    assert session.notes is not None
    return session.notes


@pytest.fixture
def panel(qtbot: QtBot, session: ReaderSession, navigator: RecordingNavigator, notes: TranscriptNotes) -> NotesPanel:
    widget = NotesPanel(session, navigator)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.set_notes(notes)  # the session opened its transcript before the panel was made
    widget.show()
    return widget


def fill(notes: TranscriptNotes) -> dict[str, str]:
    t = notes.transcript
    ids = {
        "mark": notes.add(new_annotation(Kind.BOOKMARK, turn_anchor(t, 5), created="2026-01-03T10:00:00.000Z")).id,
        "light": notes.add(new_annotation(Kind.HIGHLIGHT, make_anchor(t, 2, 0, 20), tags=["Syria", "quote"],
                                          status=Status.ON_RECORD, created="2026-01-01T10:00:00.000Z")).id,
        "note": notes.add(new_annotation(Kind.NOTE, make_anchor(t, 9, 5, 40), note="Check the date",
                                         tags=["check"], created="2026-01-02T10:00:00.000Z")).id,
    }
    return ids


def tags_offered(panel: NotesPanel) -> list[str]:
    return [a.text() for a in panel.tags_menu.actions() if a.isCheckable()]


def tick(panel: NotesPanel, tag: str) -> None:
    """Tick (or untick) a tag in the dock's tag menu, as a click on it does."""
    next(a for a in panel.tags_menu.actions() if a.isCheckable() and a.text() == tag).trigger()


def test_the_model_passes_the_model_tester(qtmodeltester, notes: TranscriptNotes) -> None:
    fill(notes)
    model = NotesModel()
    model.set_notes(notes)
    qtmodeltester.check(model)


def test_rows_show_kind_quote_speaker_exchange_tags_status_in_reading_order(panel: NotesPanel,
                                                                             notes: TranscriptNotes) -> None:
    fill(notes)
    t = notes.transcript
    assert panel.visible_rows(KIND) == ["Highlight", "Bookmark", "Note"]
    assert panel.visible_rows(QUOTE)[0] == t.turns[2].text[:20]
    assert panel.visible_rows(SPEAKER)[0] == t.speaker(t.turns[2]).name
    assert panel.visible_rows(EXCHANGE) == [t.exchange_of(i).label for i in (2, 5, 9)]
    assert panel.visible_rows(TAGS) == ["Syria, quote", "", "check"]
    assert panel.visible_rows(STATUS) == ["On the record", "", ""]
    assert panel.visible_rows(NOTE) == ["", "", "Check the date"]


def test_sort_by_date(panel: NotesPanel, notes: TranscriptNotes) -> None:
    fill(notes)
    panel.sort_box.setCurrentIndex(panel.sort_box.findData("newest"))
    assert panel.visible_rows(KIND) == ["Bookmark", "Note", "Highlight"]
    panel.sort_box.setCurrentIndex(panel.sort_box.findData("position"))
    assert panel.visible_rows(KIND) == ["Highlight", "Bookmark", "Note"]


def test_filters_by_text_tag_kind_speaker_and_status(qtbot: QtBot, panel: NotesPanel, notes: TranscriptNotes) -> None:
    fill(notes)
    qtbot.keyClicks(panel.text_filter, "check the")
    assert panel.visible_rows(KIND) == ["Note"]
    panel.text_filter.clear()
    qtbot.waitUntil(lambda: "Syria" in tags_offered(panel))  # the lists follow the notes once idle
    tick(panel, "Syria")
    assert panel.visible_rows(KIND) == ["Highlight"]
    tick(panel, "Syria")
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("bookmark"))
    assert panel.visible_rows(KIND) == ["Bookmark"]
    panel.kind_box.setCurrentIndex(0)
    speaker = notes.transcript.turns[9].speaker
    panel.speaker_box.setCurrentIndex(panel.speaker_box.findData(speaker))
    assert set(panel.visible_rows(SPEAKER)) == {notes.display_name(speaker)}
    panel.speaker_box.setCurrentIndex(0)
    panel.status_box.setCurrentIndex(panel.status_box.findData(Status.ON_RECORD))
    assert panel.visible_rows(KIND) == ["Highlight"]


def test_the_tag_list_offers_new_tags_and_speaker_renames_show(qtbot: QtBot, panel: NotesPanel,
                                                               notes: TranscriptNotes) -> None:
    ids = fill(notes)
    notes.update(ids["mark"], tags=["follow up"])
    qtbot.waitUntil(lambda: "follow up" in tags_offered(panel))
    key = notes.transcript.turns[5].speaker
    notes.set_speaker_name(key, "The Minister")
    assert "The Minister" in panel.visible_rows(SPEAKER)


def test_edit_in_place_goes_through_the_undo_stack(qtbot: QtBot, session: ReaderSession, panel: NotesPanel,
                                                   notes: TranscriptNotes) -> None:
    ids = fill(notes)
    panel.select_annotation(ids["note"])
    panel.cards.setFocus()
    qtbot.keyClick(panel.cards, Qt.Key.Key_F2)
    editor = panel.cards.findChild(QPlainTextEdit, "card_note_editor")
    assert editor is not None and editor.toPlainText() == "Check the date"
    qtbot.waitUntil(editor.isVisible)
    card = panel.cards.visualRect(panel.cards.currentIndex())
    assert panel.cards.viewport().rect().contains(editor.geometry().center())  # seen, over its card
    assert editor.geometry().top() >= card.top() and editor.geometry().height() >= 4 * editor.fontMetrics().height()
    editor.selectAll()
    qtbot.keyClicks(editor, "Checked: 21 July")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.visible_rows(NOTE)[2] == "Checked: 21 July")  # the view commits once idle
    assert notes.get(ids["note"]).note == "Checked: 21 July"
    session.undo_stack.undo()
    assert panel.visible_rows(NOTE)[2] == "Check the date"
    session.undo_stack.redo()
    assert panel.visible_rows(NOTE)[2] == "Checked: 21 July"


def test_tags_typed_in_a_cell_are_split_and_kept_once(qtbot: QtBot, panel: NotesPanel, notes: TranscriptNotes) -> None:
    ids = fill(notes)
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(ids["mark"]), TAGS))
    panel.proxy.setData(row, " war,  Syria , war ")
    assert notes.get(ids["mark"]).tags == ("war", "Syria")
    assert panel.visible_rows(TAGS)[1] == "war, Syria"


def test_delete_key_in_the_table_and_undo(qtbot: QtBot, session: ReaderSession, panel: NotesPanel,
                                          notes: TranscriptNotes) -> None:
    ids = fill(notes)
    panel.select_annotation(ids["light"])
    panel.delete_selected()
    assert panel.visible_rows(KIND) == ["Bookmark", "Note"]
    assert ids["light"] not in notes
    session.undo_stack.undo()
    assert panel.visible_rows(KIND) == ["Highlight", "Bookmark", "Note"]
    assert notes.get(ids["light"]).tags == ("Syria", "quote")


def test_detached_annotations_are_listed_under_their_own_filter(qtbot: QtBot, panel: NotesPanel,
                                                               notes: TranscriptNotes) -> None:
    fill(notes)
    lost = new_annotation(Kind.NOTE, turn_anchor(notes.transcript, 1), note="from an older version")
    notes.add(lost.edited(detached=True))
    assert panel.visible_rows(EXCHANGE)[-1] == "Detached"
    qtbot.waitUntil(lambda: panel.detached_button.isVisibleTo(panel))
    panel.detached_button.click()
    assert panel.visible_rows(NOTE) == ["from an older version"]


@pytest.mark.qt_log_ignore("This plugin does not support")  # the completion popup's raise and keyboard grab
def test_the_note_dialog_completes_tags_from_those_in_use(qtbot: QtBot, notes: TranscriptNotes) -> None:
    fill(notes)
    dialog = NoteDialog(None, title="New Note", quote="words", known_tags=notes.tags(), tags=["quote"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tags_field.setFocus()
    dialog.tags_field.end(False)
    qtbot.keyClicks(dialog.tags_field, ", sy")
    popup = dialog.tags_field.completer().popup()
    assert popup.isVisible()
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == ["Syria"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.tags_field.text() == "quote, Syria"
    dialog.status_field.setCurrentIndex(dialog.status_field.findData(Status.BACKGROUND))
    assert dialog.values()["tags"] == ("quote", "Syria")
    assert dialog.values()["status"] is Status.BACKGROUND


@pytest.mark.qt_log_ignore("This plugin does not support")  # the completion popup's raise and keyboard grab
def test_tags_edited_in_place_are_completed_too(qtbot: QtBot, panel: NotesPanel, notes: TranscriptNotes) -> None:
    ids = fill(notes)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.select_annotation(ids["mark"])
    panel.cards.setFocus()
    qtbot.keyClick(panel.cards, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    editor = panel.cards.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.waitUntil(editor.isVisible)
    qtbot.keyClicks(editor, "sy")
    popup = editor.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text() == "Syria"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: notes.get(ids["mark"]).tags == ("Syria",))
    assert panel.visible_rows(TAGS)[1] == "Syria"


def test_undo_of_an_edit_to_a_note_deleted_elsewhere_does_not_fail(session: ReaderSession, panel: NotesPanel,
                                                                   notes: TranscriptNotes) -> None:
    ids = fill(notes)
    panel.edit(ids["note"], note="changed here")
    notes.remove(ids["note"])  # as a merge with another window's deletion would
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert ids["note"] not in notes
    assert panel.visible_rows(KIND) == ["Highlight", "Bookmark"]


def test_enter_on_a_row_takes_the_reader_to_its_words(qtbot: QtBot, panel: NotesPanel, notes: TranscriptNotes,
                                                      navigator: RecordingNavigator) -> None:
    ids = fill(notes)
    panel.select_annotation(ids["light"])
    panel.cards.setFocus()
    qtbot.keyClick(panel.cards, Qt.Key.Key_Return)
    assert navigator.moves[-1] == ("words", 2, 0, 20)  # the highlighted words, selected
    panel.select_annotation(ids["mark"])
    qtbot.keyClick(panel.cards, Qt.Key.Key_Return)
    assert navigator.moves[-1] == ("turn", 5, 0)  # a bookmarked turn: its start
