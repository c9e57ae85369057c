"""The second half of reading and annotating as in the best readers, done as a reader would in the window: the
annotation cards (choose all, delete, several tags, a colour, nothing hidden at the dock's width), exports that
do what was asked (the typed extension, what the dock shows, a Word file with its notes), imports that ask
before taking in another transcript's notes, speakers merged and turns given to another, and the smaller
things: the note editor's Ctrl+Return, the Open dialog's label, error boxes, the Topics dock's one current row,
the dark theme's field borders, the docks at 1024×640."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.loader import parse_text
from reader.core.notes.annotations import COLOURS
from reader.core.notes.export import export_notes
from reader.ui.annotation_dialogs import NoteDialog
from reader.ui.dialogs import OpenDialog
from reader.ui.main_window import MainWindow
from reader.ui.notes_cards import _place
from reader.ui.notes_files import ExportDialog, ImportDialog, name_filter
from reader.ui.notes_model import KIND, NOTE, SPEAKER, TAGS, CardRole
from reader.ui.themes import THEMES
from tests.ui.conftest import focus_view
from tests.ui.test_notes_panel import tick
from tests.ui.test_notes_window import CTRL, highlight

INTERVIEW = """Kim: Hello there, how are you today?

Unknown Speaker: Fine thanks. It was a long day at the plant and nobody slept.

Kim: Tell me about the river and the night it rose.

Unknown Speaker: The river rose at night, faster than anyone thought.

Kim: What did you do then?

Unknown Speaker: We ran to the school and rang the bell.
"""


def tag(window: MainWindow, *tags: str) -> None:
    """Tag the annotation chosen in the dock through the note editor, as a reader does."""
    window.registry["notes.edit"].trigger()
    dialog = next(d for d in window.findChildren(NoteDialog) if d.isVisible())  # not one closed before
    dialog.tags_field.setText(", ".join(tags))
    dialog.accept()


def three_highlights(qtbot: QtBot, window: MainWindow) -> None:
    highlight(qtbot, window, 4, 10, 60)
    tag(window, "Kerry", "quote")
    window.view.select_in_turn(6, 0, 40)
    window.registry["notes.colour_green"].trigger()
    tag(window, "quote")
    window.view.select_in_turn(8, 0, 30)
    window.registry["notes.colour_pink"].trigger()
    tag(window, "Kerry")


# --- the cards ----------------------------------------------------------------------------------------------


def test_ctrl_a_in_the_dock_chooses_every_card_and_delete_deletes_them_undoably(qtbot: QtBot,
                                                                                window: MainWindow) -> None:
    three_highlights(qtbot, window)
    cards = window.notes_panel.cards
    window.activateWindow()
    cards.setFocus()
    qtbot.waitUntil(cards.hasFocus)
    words = window.view.textCursor().selectedText()
    qtbot.keyClick(cards, Qt.Key.Key_A, CTRL)
    assert len(window.notes_panel.selected_ids()) == 3
    assert window.view.textCursor().selectedText() == words  # the cards were chosen, not the transcript's text
    qtbot.keyClick(cards, Qt.Key.Key_Delete)
    assert window.notes_panel.visible_rows() == [] and len(window.session.notes) == 0
    assert "3 annotations deleted" in window.statusBar().currentMessage()
    qtbot.keyClick(cards, Qt.Key.Key_Z, CTRL)
    assert len(window.notes_panel.visible_rows()) == 3


def test_the_dock_filters_by_several_tags_at_once_and_by_colour(qtbot: QtBot, window: MainWindow) -> None:
    three_highlights(qtbot, window)
    panel = window.notes_panel
    qtbot.waitUntil(lambda: {"Kerry", "quote"} <= {a.text() for a in panel.tags_menu.actions()})
    tick(panel, "Kerry")
    assert len(panel.visible_rows()) == 2
    tick(panel, "quote")  # both tags: only what carries both
    assert panel.visible_rows(TAGS) == ["Kerry, quote"] and "Kerry + quote" in panel.tags_button.toolTip()
    tick(panel, "Kerry")
    tick(panel, "quote")
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("highlight:green"))
    assert [window.session.notes.get(i).colour for i in panel.shown_ids()] == ["green"]


def test_at_the_docks_usual_width_a_card_shows_everything_it_holds(qtbot: QtBot, window: MainWindow) -> None:
    highlight(qtbot, window, 4, 0, 400)
    tag(window, "Kerry", "US relations", "humour")
    window.registry["notes.status_on_record"].trigger()
    panel = window.notes_panel
    qtbot.waitUntil(lambda: panel.cards.isVisible())
    dock = panel.parentWidget()
    assert isinstance(dock, QDockWidget) and dock.width() <= 330  # the default width of the right dock
    index = panel.proxy.index(0, NOTE)
    qtbot.waitUntil(lambda: panel.cards.visualRect(index).height() > 0)
    layout = panel.delegate.layout_of(index)
    card = panel.cards.visualRect(index)
    assert card.width() <= panel.cards.viewport().width()  # no scrolling sideways
    assert [c.text for c in layout.chips] == ["Kerry", "US relations", "humour"] and layout.status is not None
    assert layout.place.startswith("Q3 · ")
    assert 1 < len(layout.quote) <= 3 and layout.quote[-1].endswith("…")  # clipped, never cut off unseen
    assert layout.height <= card.height()
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Created " in tip and "On the record" in tip  # the dates on hover


def test_a_long_speaker_name_is_elided_in_the_middle(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "hearing.txt"
    path.write_text("Assemblywoman Ruiz: First question about the budget and the schools today.\n\n"
                    "Assemblywoman Rowe: Second point, on the roads and the bridges of the county.\n\n"
                    "Assemblywoman Ruiz: And a third one, on the library hours.\n\n"
                    "Assemblywoman Rowe: The library closes at six on weekdays.\n", "utf-8")
    window = make_window(path)
    window.view.select_in_turn(1, 0, 20)
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    card = window.notes_panel.proxy.index(0, NOTE).data(CardRole)
    place = _place(card, QFontMetrics(window.font()), QFontMetrics(window.font()).horizontalAdvance("T2 · Assemb…Rowe"))
    assert "…" in place and place.endswith("Rowe")  # told apart from Ruiz
    speakers = window.speakers_panel.table
    assert speakers.textElideMode() == Qt.TextElideMode.ElideMiddle
    name = speakers.model().index(1, 0)
    assert "Assemblywoman Rowe" in name.data(Qt.ItemDataRole.ToolTipRole)


# --- exports --------------------------------------------------------------------------------------------------


def open_export(window: MainWindow) -> ExportDialog:
    window.registry["file.export_notes"].trigger()
    return next(d for d in window.findChildren(ExportDialog) if d.isVisible())  # not one closed before


def test_the_typed_extension_picks_the_format(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    quote = highlight(qtbot, window, 4, 10, 60)
    dialog = open_export(window)
    assert dialog.selectedNameFilter() == name_filter("txt")  # the file type left at plain text
    dialog.selectFile(str(tmp_path / "notes.md"))
    dialog.accept()
    assert not (tmp_path / "notes.md.txt").exists()
    text = (tmp_path / "notes.md").read_text("utf-8")
    assert text.startswith("# Notes on ") and quote in text


def test_export_what_the_dock_shows_with_the_transcript_as_word(qtbot: QtBot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    three_highlights(qtbot, window)
    qtbot.waitUntil(lambda: "Kerry" in [a.text() for a in window.notes_panel.tags_menu.actions()])
    tick(window.notes_panel, "Kerry")
    assert len(window.notes_panel.visible_rows()) == 2
    dialog = open_export(window)
    assert dialog.shown_only()  # the dock is filtered: what it shows, unless the reader says otherwise
    dialog.selectNameFilter(name_filter("docx"))
    dialog.filterSelected.emit(name_filter("docx"))
    dialog.selectFile(str(tmp_path / "essay"))
    dialog.transcript_box.setChecked(True)
    dialog.accept()
    document = docx.Document(io.BytesIO((tmp_path / "essay.docx").read_bytes()))
    comments = list(document.comments)
    assert len(comments) == 2 and all("Tags: " in "\n".join(p.text for p in c.paragraphs) for c in comments)
    assert any(p.text.startswith("Sergey Lavrov (turn ") for p in document.paragraphs)

    again = open_export(window)  # the folder is remembered
    assert Path(again.directory().absolutePath()) == tmp_path
    again.which_box.setCurrentIndex(0)
    again.selectFile(str(tmp_path / "all.csv"))
    again.accept()
    assert (tmp_path / "all.csv").read_text("utf-8").count(",highlight,") == 3


def test_the_notes_export_and_citation_follow_the_words_of_a_quote_across_paragraphs(qtbot: QtBot,
                                                                                   window: MainWindow,
                                                                                   tmp_path: Path) -> None:
    turn = next(t for t in window.session.transcript.turns if len(t.paragraphs) > 1)
    split = turn.text.index("\n\n")
    highlight(qtbot, window, turn.index, split - 20, split + 22)
    dialog = open_export(window)
    dialog.selectFile(str(tmp_path / "notes.html"))
    dialog.accept()
    page = (tmp_path / "notes.html").read_text("utf-8")
    assert "</p><p>" in page.split("<blockquote")[1].split("</blockquote>")[0]


# --- imports --------------------------------------------------------------------------------------------------


def test_importing_a_csv_says_which_files_can_be_imported(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    table = tmp_path / "notes.csv"
    table.write_text("id,kind,quote\n1,highlight,words\n", "utf-8")
    window.registry["file.import_notes"].trigger()
    dialog = window.findChild(ImportDialog)
    dialog.selectFile(str(table))
    dialog.accept()
    box = window.error_box
    assert box is not None and box.text() == "Cannot import the notes"
    assert box.windowTitle() == "Transcript Reader"  # nothing of the headline is cut short in a title bar
    message = box.informativeText()
    assert "is a CSV table" in message and "W3C Web Annotation JSON (.json or .jsonld)" in message
    assert not message.startswith("Expecting value")


def test_notes_made_on_another_transcript_are_imported_only_once_the_reader_agrees(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    other = parse_text(INTERVIEW, path=str(tmp_path / "river.txt"))
    from reader.core.notes.annotations import Kind, make_anchor, new_annotation

    note = new_annotation(Kind.HIGHLIGHT, make_anchor(other, 3, 0, 20))
    exported = tmp_path / "river-notes.json"
    exported.write_text(export_notes(other, [note], "json"), "utf-8")
    window.notes_files.import_from(exported)
    box = window.findChild(QMessageBox, "import_elsewhere")
    assert box is not None and "another transcript" in box.text()
    here = window.session.transcript.metadata.title
    assert f"“{here}”" in box.informativeText() and "river-notes.json" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(window.session.notes) == 0
    window.notes_files.import_from(exported)
    box = next(b for b in window.findChildren(QMessageBox, "import_elsewhere") if b.isVisible())
    next(b for b in box.buttons() if b.text() == "Import Anyway").click()
    assert len(window.session.notes) == 1 and window.session.notes.annotations[0].detached


# --- speakers -------------------------------------------------------------------------------------------------


def choose(menu_owner, text: str) -> None:
    menu_owner.aboutToShow.emit()
    next(a for a in menu_owner.actions() if a.text() == text).trigger()


def test_merging_a_speaker_shows_everywhere_and_undoes(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "river.txt"
    path.write_text(INTERVIEW, "utf-8")
    window = make_window(path)
    window.view.select_in_turn(3, 0, 20)
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    speakers = window.speakers_panel
    speakers.select("unknown speaker")
    choose(speakers.merge_menu, "Into Kim")
    assert "Unknown Speaker:" not in window.view.toPlainText() and window.view.toPlainText().count("Kim:") == 6
    assert window.notes_panel.visible_rows(SPEAKER) == ["Kim"]
    assert "Unknown Speaker" not in window.title_strip.details.text()
    assert speakers.model.data(speakers.model.index(1, 0)) == "Unknown Speaker → Kim"
    window.notes_panel.select_annotation(window.session.notes.annotations[0].id)
    window.view.setTextCursor(window.view.textCursor())  # no selection: the chosen card's words are cited
    cursor = window.view.textCursor()
    cursor.clearSelection()
    window.view.setTextCursor(cursor)
    window.registry["edit.copy_citation"].trigger()
    assert QApplication.clipboard().text().endswith("(Kim, T4)")  # the speaker as merged; this file has no title
    out = tmp_path / "notes.txt"
    assert window.notes_files.export_to(out, "txt")
    assert "· Kim ·" in out.read_text("utf-8")
    assert path.read_text("utf-8") == INTERVIEW  # the file is never changed
    window.registry["edit.undo"].trigger()
    assert window.view.toPlainText().count("Unknown Speaker:") == 3


def test_a_search_limited_to_a_speaker_finds_the_turns_merged_into_them(qtbot: QtBot, make_window,
                                                                        tmp_path: Path) -> None:
    path = tmp_path / "river.txt"
    path.write_text(INTERVIEW, "utf-8")
    window = make_window(path)
    window.search_bar.activate("river")
    window.search_bar.set_speaker("kim")
    assert len(window.search_bar.matches) == 1  # Kim asks about the river; the other speaker answers about it
    speakers = window.speakers_panel
    speakers.select("unknown speaker")
    choose(speakers.merge_menu, "Into Kim")
    window.search_bar.set_speaker("kim")
    assert len(window.search_bar.matches) == 2
    assert [window.search_bar.speaker_combo.itemText(i) for i in range(window.search_bar.speaker_combo.count())] \
        == ["All speakers", "Kim"]
    window.registry["edit.undo"].trigger()
    assert len(window.search_bar.matches) == 1  # still limited to Kim, who again said it once
    assert window.search_bar.speaker_combo.count() == 3


def test_the_turn_being_read_is_given_to_another_speaker_and_kept(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "river.txt"
    path.write_text(INTERVIEW, "utf-8")
    window = make_window(path)
    window.view.scroll_to_turn(5)
    qtbot.waitUntil(lambda: window.view.current_turn() == 5)
    choose(window.speakers_panel.give_menu, "Turn 6 to Kim")
    assert window.view.toPlainText().count("Kim:") == 4
    window.session.save()
    window.close()
    again = make_window(path)
    assert again.view.toPlainText().count("Kim:") == 4 and again.session.notes.turn_speakers


def test_a_rename_reaches_the_title_strip_also_after_reopening(qtbot: QtBot, make_window) -> None:
    window = make_window()
    window.speakers_panel.model.setData(window.speakers_panel.model.index(1, 0), "The Minister")
    assert "The Minister" in window.title_strip.details.text()
    window.close()
    assert "The Minister" in make_window().title_strip.details.text()


def test_twelve_speakers_have_twelve_distinct_colours() -> None:
    for theme in THEMES.values():
        colours = [theme.speaker_color(i).name() for i in range(12)]
        assert len(set(colours)) == 12, theme.name
        for i, a in enumerate(colours):
            for b in colours[i + 1:]:
                distance = sum((x - y) ** 2 for x, y in zip(QColor(a).getRgb()[:3], QColor(b).getRgb()[:3],
                                                            strict=True)) ** 0.5
                assert distance > 40, (theme.name, a, b)


# --- smaller things -------------------------------------------------------------------------------------------


def test_the_note_editor_keeps_a_note_on_ctrl_return(qtbot: QtBot, window: MainWindow) -> None:
    window.view.select_in_turn(4, 0, 20)
    qtbot.keyClick(window.view, Qt.Key.Key_M, CTRL)
    dialog = next(d for d in window.findChildren(NoteDialog) if d.isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.note_field, "Ask about this")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return, CTRL)
    assert [a.note for a in window.session.notes.annotations] == ["Ask about this"]


def test_the_open_dialog_shows_file_not_a_literal_ampersand(qtbot: QtBot) -> None:
    dialog = OpenDialog()
    qtbot.addWidget(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.text() == "&File:")
    assert label.buddy() is dialog.path_edit  # drawn as "File:" with F underlined, Alt+F goes there


def test_the_topics_dock_shows_one_current_row(qtbot: QtBot, window: MainWindow) -> None:
    topics = window.topics_panel
    qtbot.waitUntil(lambda: len(topics.topics()) > 2, timeout=20000)
    first = topics.model.topic_index(0)
    topics.tree.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    last_topic = topics.topics()[-1]
    window.view.scroll_to_turn(last_topic.first_turn)
    qtbot.waitUntil(lambda: topics.model.current() == len(topics.topics()) - 1)
    chosen = topics.tree.selectionModel().selectedIndexes()
    assert [i.row() for i in chosen] == [topics.model.topic_index(topics.model.current()).row()]
    assert topics.tree.currentIndex().parent() == topics.model.topic_index(topics.model.current()).parent()


def test_the_dark_themes_filter_box_has_a_visible_border(qtbot: QtBot, window: MainWindow) -> None:
    window.registry["view.theme_dark"].trigger()
    field = window.notes_panel.text_filter
    qtbot.waitUntil(field.isVisible)
    image = field.grab().toImage()
    edge = QColor(image.pixel(image.width() // 2, 0))
    page = QColor(THEMES["dark"].base)
    assert abs(edge.lightness() - page.lightness()) > 40
    window.registry["view.theme_light"].trigger()
    assert QApplication.instance().styleSheet() == ""  # the light theme draws its fields as the style does
    assert field.palette().color(QPalette.ColorRole.Base) == QColor(THEMES["light"].base)


def test_at_1024_by_640_the_docks_share_the_width_with_the_text(qtbot: QtBot, make_window) -> None:
    window = make_window()
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024)
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert window.view.viewport().width() >= 1024 // 2 - 40  # half the window, not a 25-character column
    assert all(d.width() <= 340 for d in docks)
    width = window.view.fontMetrics().averageCharWidth()
    assert window.view.viewport().width() // width >= 55


@pytest.mark.parametrize("colour", COLOURS)
def test_every_highlight_colour_can_be_shown_alone(qtbot: QtBot, window: MainWindow, colour: str) -> None:
    window.view.select_in_turn(4, 0, 20)
    window.registry[f"notes.colour_{colour}"].trigger()
    window.view.select_in_turn(6, 0, 20)
    window.registry["notes.colour_yellow" if colour != "yellow" else "notes.colour_blue"].trigger()
    panel = window.notes_panel
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(f"highlight:{colour}"))
    assert panel.visible_rows(KIND) == ["Highlight"]
    focus_view(qtbot, window)
    assert json.dumps(panel.shown_ids())


def test_export_by_topic_groups_the_notes_as_the_topics_panel_names_them(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path) -> None:
    panel = window.topics_panel
    qtbot.waitUntil(lambda: len(panel.sections()) > 1, timeout=10000)
    three_highlights(qtbot, window)
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):  # the reader's own title for it
        panel.model.setData(panel.model.topic_index(panel.model.row_of_turn(6)), "Kerry's jokes",
                            Qt.ItemDataRole.EditRole)
    dialog = open_export(window)
    assert dialog.by_topic_box.isEnabled() and not dialog.by_topic_box.isChecked()
    dialog.by_topic_box.setChecked(True)
    dialog.selectFile(str(tmp_path / "by-topic.md"))
    dialog.accept()
    text = (tmp_path / "by-topic.md").read_text("utf-8")
    sections = [s.label for s in panel.sections() if any(s.first_turn <= t <= s.last_turn for t in (4, 6, 8))]
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == sections
    assert "\n### Kerry's jokes\n" in text or "\n## Kerry's jokes\n" in text
    assert open_export(window).by_topic_box.isChecked()  # the choice is remembered
