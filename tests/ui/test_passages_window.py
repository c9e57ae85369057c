"""Passages over several turns in the window, as a reader makes and uses them: highlighted, noted and cited whole
(each speaker's words with their name), found again from the Notes dock; the citation's form chosen and
remembered; and where the reader is: the words read so far, a jump's target below its header."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.notes.store import AnnotationStore
from reader.ui.annotation_dialogs import NoteDialog
from reader.ui.main_window import MainWindow
from tests.ui.conftest import focus_view
from tests.ui.test_selection import point_at

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
TITLE = "Foreign Minister Sergey Lavrov’s interview with NBC, Moscow, July 21, 2017"


def shift_down_into(qtbot: QtBot, window: MainWindow, turn: int) -> None:
    """Shift+Down, line by line, until the selection reaches into `turn` (as a reader watching the screen)."""
    for _ in range(20):
        qtbot.keyClick(window.view, Qt.Key.Key_Down, SHIFT)
        span = window.view.selected_span()
        if span is not None and span.last >= turn:
            return
    raise AssertionError(f"the selection never reached turn {turn}")


def select_answer_and_question(qtbot: QtBot, window: MainWindow) -> None:
    """From Lavrov's second paragraph in Q2 into Q3's question: a click before "But with John Kerry", then
    Shift+Down over the paragraph, the blank line and Q3's header into the question, and Shift+End."""
    view = window.view
    view.scroll_to_turn(3)
    turn = window.session.transcript.turns[3]
    at = point_at(view, 3, len(turn.paragraphs[0].text) + 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    shift_down_into(qtbot, window, 4)
    qtbot.keyClick(view, Qt.Key.Key_End, SHIFT)


def test_a_highlight_across_turns_is_one_passage_shown_in_each_turn(qtbot: QtBot, window: MainWindow) -> None:
    select_answer_and_question(qtbot, window)
    span = window.view.selected_span()
    assert span is not None and (span.first, span.last) == (3, 4) and not span.over_hidden
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.statusBar().currentMessage() == "Highlighted a passage of 2 turns."
    (passage,) = window.session.notes.annotations  # counted once
    sample = window.session.transcript
    assert passage.anchor.turn_id == sample.turns[3].id and passage.anchor.end_turn_id == sample.turns[4].id
    assert passage.anchor.exact.startswith("But with John Kerry") and "\n\nIf there is a warmer" in passage.anchor.exact
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 2)  # a piece in each turn
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # let the selection go: the colour shows in both turns
    qtbot.waitUntil(lambda: {s.cursor.block().blockNumber() for s in window.view.extraSelections()} == {
        window.view.vdoc.block_of_turn(3), window.view.vdoc.block_of_turn(4)})
    path = window.session.notes.file
    qtbot.waitUntil(lambda: path.exists() and bool(json.loads(path.read_text("utf-8"))["annotations"]),
                    timeout=2000)
    on_disk = json.loads(path.read_text("utf-8"))
    assert on_disk["schema_version"] == 2 and on_disk["annotations"][0]["anchor"]["end_turn_id"] == sample.turns[4].id
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # undone whole
    assert window.session.notes.annotations == ()
    qtbot.waitUntil(lambda: window.view.extra_highlight_count("annotations") == 0)


def test_copy_with_citation_of_a_passage_gives_each_speakers_words(qtbot: QtBot, window: MainWindow) -> None:
    select_answer_and_question(qtbot, window)
    sample = window.session.transcript
    end = window.view.selected_span().end
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL | SHIFT)
    answer = " ".join(sample.turns[3].paragraphs[1].text.split())
    question = " ".join(sample.turns[4].text[:end].split())
    assert QGuiApplication.clipboard().text() == (
        f'Sergey Lavrov: "{answer}"\nQuestion: "{question}"\n({TITLE}, 21 July 2017, Q2\u2013Q3)')
    assert window.statusBar().currentMessage() == "Copied a passage of 2 turns with its citation."


def test_a_selection_over_hidden_turns_is_refused_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    window.show_only_speaker("Lavrov")  # the questions between Lavrov's answers are hidden
    view = window.view
    view.scroll_to_turn(1)
    shift_down_into(qtbot, window, 3)  # from "So what?" over Q2's header into turn 3 (Lavrov again)
    span = view.selected_span()
    assert span is not None and span.first == 1 and span.last == 3 and span.over_hidden
    QGuiApplication.clipboard().setText("as it was")
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == "as it was"  # nothing copied, and nothing said to be
    assert "hidden turns" in window.statusBar().currentMessage()
    assert "Copied" not in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.session.notes.annotations == () and "hidden turns" in window.statusBar().currentMessage()


def test_a_note_on_a_passage(qtbot: QtBot, window: MainWindow) -> None:
    select_answer_and_question(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_M, CTRL)
    dialog = window.findChild(NoteDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.note_field, "Kerry, then the property")
    dialog.accept()
    (note,) = window.session.notes.annotations
    assert note.kind is Kind.NOTE and note.anchor.is_passage and note.note == "Kerry, then the property"
    qtbot.waitUntil(lambda: "note" in window.view.margin_marks().get(("turn", 3), ()))
    assert ("turn", 4) not in window.view.margin_marks()  # its sign beside its first turn only


def test_the_notes_dock_takes_the_reader_to_the_whole_passage(qtbot: QtBot, window: MainWindow) -> None:
    select_answer_and_question(qtbot, window)
    span = window.view.selected_span()
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL | SHIFT)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    window.view.scroll_to_turn(40)
    qtbot.waitUntil(lambda: any(v.isVisible() for v in window.notes_panel.findChildren(QAbstractItemView)))
    for _ in range(3):  # F6 to the topics, the speakers, the notes: the passage is the dock's current one
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert window.panes.framed is window.notes_panel
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.view.hasFocus() and window.view.selected_span() == span


def test_the_citation_style_is_chosen_and_remembered(qtbot: QtBot, make_window) -> None:
    window = make_window()
    edit = window.registry.menus["edit/Citation &Style"]
    assert [a.text() for a in edit.actions()] == ["&Plain", "&APA-like", "&Chicago-like"]
    assert window.registry["edit.citation_plain"].isChecked()
    window.registry["edit.citation_apa"].trigger()
    text = window.session.transcript.turns[3].text
    start = text.index("we laughed a lot")
    window.view.select_in_turn(3, start, start + len("we laughed a lot"))
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == (
        '"we laughed a lot" (Sergey Lavrov, 2017, Q2)\n\n'
        f"Sergey Lavrov. (2017, July 21). {TITLE} [Interview transcript].")
    window.close()
    again = make_window()
    assert again.registry["edit.citation_apa"].isChecked()
    again.view.select_in_turn(3, start, start + len("we laughed a lot"))
    qtbot.keyClick(again.view, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text().startswith('"we laughed a lot" (Sergey Lavrov, 2017, Q2)')
    again.registry["edit.citation_chicago"].trigger()
    qtbot.keyClick(again.view, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == f'"we laughed a lot"\n\nSergey Lavrov, "{TITLE}," July 21, 2017, Q2.'


def test_a_timed_transcript_cites_the_time(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "bakery.txt"
    path.write_text("[00:00:05] Jane Kim: How did the bakery start?\n\n"
                    "[00:00:09] Lee Park: It started in my kitchen, with one oven and a lot of patience.\n\n"
                    "[00:12:34] Jane Kim: What was the hardest year?\n\n"
                    "[00:12:40] Lee Park: The second one. Flour prices doubled and we nearly closed.\n", "utf-8")
    window = make_window(path)
    text = window.session.transcript.turns[3].text
    window.view.select_in_turn(3, text.index("Flour"), text.index(" and we"))
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == '"Flour prices doubled" (Lee Park, Q2, 00:12:40)'


def test_notes_of_the_first_format_open_and_can_change(qtbot: QtBot, make_window, sample,
                                                        _isolated_data_dir: Path) -> None:
    note = new_annotation(Kind.NOTE, make_anchor(sample, 1, 0, 8), note="So what?")
    file = AnnotationStore(_isolated_data_dir).notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps({"schema_version": 1, "fingerprint": sample.fingerprint,
                                "annotations": [note.to_dict()]}), "utf-8")
    window = make_window()
    assert list(window.session.notes.annotations) == [note] and not window.session.notes.read_only
    assert window.registry["notes.highlight"].isEnabled()


# --- where the reader is ----------------------------------------------------------------------------------------


def test_the_words_read_follow_the_page_through_a_long_turn(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    paragraph = "We talked about the harbour, the boats and the winter that closed the roads for weeks. " * 4
    path = tmp_path / "long.txt"
    path.write_text("Host: Tell me about that winter.\n\nGuest: " + "\n\n".join([paragraph] * 40) +
                    "\n\nHost: Thank you.\n", "utf-8")
    window = make_window(path)
    transcript = window.session.transcript
    words = window.status_sections["words"]
    total = transcript.words
    qtbot.waitUntil(lambda: words.text() == f"0 / {total:,} words")
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    first = transcript.turns[0].words
    assert words.text() == f"{first:,} / {total:,} words"
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    assert window.view.current_turn() == 1
    qtbot.waitUntil(lambda: words.text() != f"{first:,} / {total:,} words")
    read = int(words.text().split(" / ")[0].replace(",", ""))
    assert first < read < first + transcript.turns[1].words


def test_a_search_result_shows_below_its_exchange_header(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.search_bar.field, "warmer relationship")  # in the first line of Q3's question
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
    assert view.current_turn() == 4
    header = view.blockBoundingGeometry(view.document().findBlockByNumber(view.vdoc.block_of_header(2)))
    header = header.translated(view.contentOffset())
    assert header.top() >= 0 and header.bottom() <= view.cursorRect().top()  # the label in sight, above it
    window.search_bar.field.selectAll()
    qtbot.keyClicks(window.search_bar.field, "Magnitsky")  # deep in a long answer
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.current_turn() == 5)
    line = view.fontMetrics().lineSpacing()
    assert view.cursorRect().top() >= 2 * line - 2  # two lines of what comes before, not the page's edge
    assert view.cursorRect().bottom() < view.viewport().height() // 2
    focus_view(qtbot, window)
