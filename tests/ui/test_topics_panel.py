"""The topics dock: a tree of sections holding their topics, computed in the background, clicked to jump,
following the reading position, corrected by the reader at both levels with undoable edits kept with the notes."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit
from pytestqt.qtbot import QtBot

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.notes.store import AnnotationStore
from reader.core.topics.contents import find_sections, find_topics
from reader.core.topics.edits import TopicEdit, apply_edits
from reader.core.topics.outline import outline
from reader.ui.main_window import MainWindow
from reader.ui.session import ReaderSession
from reader.ui.topics_model import CurrentRole, FirstTurnRole, LevelRole, TopicsModel
from reader.ui.topics_panel import TopicsPanel
from reader.ui.topics_worker import TopicsWorker, section_rows
from tests.ui.conftest import RecordingNavigator

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate


@pytest.fixture
def panel(qtbot: QtBot, session: ReaderSession, navigator: RecordingNavigator, sample: Transcript) -> TopicsPanel:
    widget = TopicsPanel(session, navigator)
    qtbot.addWidget(widget)
    widget.resize(320, 500)
    widget.show()
    with qtbot.waitSignal(widget.topics_ready, timeout=10000):
        widget.set_transcript(sample)
    return widget


def label(panel: TopicsPanel, row: int) -> str:
    return str(panel.model.data(panel.model.topic_index(row), Qt.ItemDataRole.EditRole))


def test_model_passes_the_model_tester(qtmodeltester, qapp: QApplication,  # type: ignore[no-untyped-def]
                                       sample: Transcript) -> None:
    model = TopicsModel()
    model.set_rows(outline(sample, find_topics(sample)))  # a flat list, without sections
    model.set_current(2)
    qtmodeltester.check(model)
    sections = find_sections(sample)
    rows = outline(sample, [t for s in sections for t in s.topics])
    model.set_rows(rows, section_rows(sample, sections, rows))  # the tree
    model.set_current(2)
    qtmodeltester.check(model)


def test_topics_are_found_off_the_gui_thread(qtbot: QtBot, session: ReaderSession, navigator: RecordingNavigator,
                                             sample: Transcript) -> None:
    widget = TopicsPanel(session, navigator)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.topics_ready, timeout=10000) as ready:
        widget.set_transcript(sample)
        assert len(widget.model.rows()) == 0  # set_transcript returned before the topics were there
        assert widget.status.text() == "Finding topics…"
    assert ready.args == [len(find_topics(sample))]
    assert widget.status.text().startswith(f"{ready.args[0]} topics")


def test_rows_show_label_span_and_share(panel: TopicsPanel, sample: Transcript) -> None:
    topics = find_topics(sample)
    assert len(panel.model.rows()) == len(topics)
    first = str(panel.model.data(panel.model.topic_index(0)))
    title, detail = first.split("\n")
    assert title == topics[0].label
    assert detail.startswith("Q1") and detail.endswith("%")
    tip = str(panel.model.data(panel.model.topic_index(0), Qt.ItemDataRole.ToolTipRole))
    assert "Keywords:" in tip


def test_a_click_jumps_to_the_topic(qtbot: QtBot, panel: TopicsPanel, navigator: RecordingNavigator) -> None:
    index = panel.model.topic_index(3)
    rect = panel.tree.visualRect(index)
    with qtbot.waitSignal(panel.topic_activated) as activated:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [panel.model.data(index, FirstTurnRole)]
    assert navigator.moves[-1] == ("turn", activated.args[0], 0)


def test_the_topic_at_the_reading_position_is_highlighted(qtbot: QtBot, panel: TopicsPanel) -> None:
    with qtbot.waitSignal(panel.current_topic_changed) as changed:
        panel.set_current_turn(50)
    assert "Syria" in changed.args[0]
    row = panel.model.current()
    assert panel.model.data(panel.model.topic_index(row), CurrentRole) is True
    font = panel.model.data(panel.model.topic_index(row), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert not panel.model.data(panel.model.topic_index(0), Qt.ItemDataRole.FontRole).bold()


def test_renaming_in_place_asks_for_a_rename_edit(qtbot: QtBot, panel: TopicsPanel) -> None:
    index = panel.model.topic_index(1)
    panel.tree.setCurrentIndex(index)
    panel.rename_selected()
    editor = panel.tree.findChild(QLineEdit)
    assert editor is not None and editor.text() == label(panel, 1)
    editor.selectAll()
    with qtbot.waitSignal(panel.edits_requested) as requested:
        qtbot.keyClicks(editor, "Seized diplomatic property")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    edits, text = requested.args
    assert edits[-1].op == "rename" and edits[-1].label == "Seized diplomatic property"
    assert edits[-1].turn == panel.model.data(index, FirstTurnRole)
    assert "Rename" in text


def test_merge_split_and_add_ask_for_their_edits(qtbot: QtBot, panel: TopicsPanel, sample: Transcript) -> None:
    panel.tree.setCurrentIndex(panel.model.topic_index(0))
    with qtbot.waitSignal(panel.edits_requested) as merge:
        panel.merge_selected_with_next()
    second = label_turn(panel, 1)
    assert merge.args[0][-1] == TopicEdit("merge", second, turn_id=sample.turns[second].id)
    panel.set_current_turn(51)  # inside the Syria topic, in the exchange opened by turn 50
    with qtbot.waitSignal(panel.edits_requested) as split:
        panel.split_at_reading_position()
    assert split.args[0][-1].op == "split" and split.args[0][-1].turn == 50
    with qtbot.waitSignal(panel.edits_requested) as add:
        panel.add_topic(46, "Classified information")
    assert add.args[0][-1].op == "add" and add.args[0][-1].label == "Classified information"


def label_turn(panel: TopicsPanel, row: int) -> int:
    return int(panel.model.data(panel.model.topic_index(row), FirstTurnRole))


def test_edits_rebuild_the_outline(qtbot: QtBot, panel: TopicsPanel, sample: Transcript) -> None:
    edits = [TopicEdit("add", 46, "Classified information")]
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        panel.set_edits(edits)
    expected = apply_edits(find_topics(sample), edits, sample)
    assert [t.label for t in panel.topics()] == [t.label for t in expected]
    row = next(r for r in range(len(panel.model.rows())) if label(panel, r) == "Classified information")
    assert panel.model.data(panel.model.topic_index(row), Qt.ItemDataRole.FontRole).italic()  # edited by the reader
    edited = sum(not t.auto for t in expected) + sum(not s.auto for s in panel.sections())
    assert panel.status.text() == f"{len(expected)} topics in {len(panel.sections())} sections, {edited} edited"


def test_splitting_where_a_topic_starts_does_nothing(qtbot: QtBot, panel: TopicsPanel) -> None:
    panel.set_current_turn(label_turn(panel, 2))
    with qtbot.assertNotEmitted(panel.edits_requested):
        panel.split_at_reading_position()
    assert panel.status.text() == "A topic already starts here"


# --- in the window ------------------------------------------------------------------------------------


def window_ready(qtbot: QtBot, window: MainWindow) -> TopicsPanel:
    panel = window.topics_panel
    qtbot.waitUntil(lambda: len(panel.model.rows()) > 0, timeout=10000)
    return panel


def test_the_dock_sits_above_the_speakers(qtbot: QtBot, window: MainWindow) -> None:
    panel = window_ready(qtbot, window)
    dock = panel.parentWidget()
    assert isinstance(dock, QDockWidget) and dock.windowTitle() == "Topics" and dock.isVisible()
    speakers = window.speakers_panel.parentWidget()
    assert dock.geometry().bottom() <= speakers.geometry().top()


def test_clicking_a_topic_scrolls_the_view_and_the_status_bar_names_it(qtbot: QtBot, window: MainWindow) -> None:
    panel = window_ready(qtbot, window)
    row = next(r for r in range(len(panel.model.rows())) if "Syria" in label(panel, r))
    panel.tree.scrollTo(panel.model.topic_index(row))  # the tree is longer than the dock
    rect = panel.tree.visualRect(panel.model.topic_index(row))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.view.current_turn() == label_turn(panel, row))
    qtbot.waitUntil(lambda: "Syria" in window.status_sections["topic"].text())
    assert panel.model.current() == row


def test_a_rename_is_undoable_and_kept_with_the_notes(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = window_ready(qtbot, window)
    first = label_turn(panel, 4)
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        panel.model.setData(panel.model.topic_index(4), "Cyber talks", Qt.ItemDataRole.EditRole)
    assert label(panel, 4) == "Cyber talks"
    assert window.session.notes is not None and window.session.notes.topic_edits[-1].label == "Cyber talks"
    assert window.registry["edit.undo"].isEnabled()
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        window.session.undo_stack.undo()
    assert label(panel, 4) != "Cyber talks" and window.session.notes.topic_edits == []
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        window.session.undo_stack.redo()
    window.session.save()
    window.close()

    again = make_window()
    panel = window_ready(qtbot, again)
    qtbot.waitUntil(lambda: any(label(panel, r) == "Cyber talks" for r in range(len(panel.model.rows()))))
    assert label_turn(panel, 4) == first


def test_a_title_in_the_text_is_renamed_where_it_is_painted(qtbot: QtBot, window: MainWindow) -> None:
    """A click on a painted title moves the reading position there and folds nothing; a double-click opens a field
    over it with the whole title; Enter renames (undoably, as in the tree), Escape leaves it."""
    panel = window_ready(qtbot, window)
    view = window.view
    qtbot.waitUntil(lambda: any(a.level == "topic" for a in view.painted_titles()), timeout=10000)
    area = next(a for a in view.painted_titles() if a.level == "topic")
    point = area.rect.center().toPoint()
    folded = view.is_collapsed(window.session.transcript.exchange_of(area.turn).index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.current_turn() == area.turn
    assert view.is_collapsed(window.session.transcript.exchange_of(area.turn).index) == folded

    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    field = view.viewport().findChild(QLineEdit, "title_editor")
    assert field is not None and field.isVisible() and field.text() == area.label and field.selectedText()
    qtbot.keyClicks(field, "Sanctions")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert view.viewport().findChild(QLineEdit, "title_editor") is None or not field.isVisible()
    assert window.session.notes is not None and window.session.notes.topic_edits == []

    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    field = next(f for f in view.viewport().findChildren(QLineEdit, "title_editor") if f.isVisible())
    qtbot.keyClicks(field, "Cyber talks")
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    row = panel.model.row_of_turn(area.turn)
    assert label(panel, row) == "Cyber talks" and label_turn(panel, row) == area.turn
    assert window.session.notes.topic_edits[-1].label == "Cyber talks"
    qtbot.waitUntil(lambda: any(a.label == "Cyber talks" for a in view.painted_titles()))
    assert window.registry["edit.undo"].isEnabled()


def test_reset_forgets_the_edits(qtbot: QtBot, window: MainWindow) -> None:
    panel = window_ready(qtbot, window)
    count = len(panel.model.rows())
    panel.set_current_turn(0)
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        panel.merge_current_with_next()
    assert len(panel.model.rows()) == count - 1
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        window.registry["view.reset_topics"].trigger()
    notes = window.session.notes
    assert len(panel.model.rows()) == count and notes is not None and notes.topic_edits == []


def test_the_window_keeps_processing_events_while_topics_are_found(qtbot: QtBot, session: ReaderSession,
                                                                   navigator: RecordingNavigator) -> None:
    transcript = parse_text(generate(4000, 3))
    widget = TopicsPanel(session, navigator)
    qtbot.addWidget(widget)
    ticks: list[int] = []
    timer = QTimer(widget, interval=10)
    timer.timeout.connect(lambda: ticks.append(len(ticks)))
    timer.start()
    with qtbot.waitSignal(widget.topics_ready, timeout=30000):
        widget.set_transcript(transcript)
    timer.stop()
    assert len(widget.model.rows()) > 10
    assert ticks  # the event loop ran while the topics were being found (computed in the window's thread: none)


@pytest.mark.qt_log_ignore("This plugin does not support")  # an offscreen popup cannot raise or grab keys
def test_the_context_menu_offers_what_applies_to_the_row(qtbot: QtBot, panel: TopicsPanel) -> None:
    last = len(panel.model.rows()) - 1
    panel.tree.scrollTo(panel.model.topic_index(last))
    rect = panel.tree.visualRect(panel.model.topic_index(last))
    panel.tree.customContextMenuRequested.emit(rect.center())
    qtbot.waitUntil(panel.menu.isVisible)
    assert [a.text() for a in panel.menu.actions() if not a.isSeparator()] == [
        "Rename", "Merge with Next", "Split at Reading Position", "Add Topic at Reading Position…",
        "Add Section at Reading Position…", "Reset Topics"]
    assert panel.rename_action.isEnabled()
    assert not panel.merge_action.isEnabled()  # the last topic has no next
    assert not panel.split_action.isEnabled()  # no reading position yet
    assert not panel.reset_action.isEnabled()  # nothing to reset
    panel.menu.close()
    panel.set_current_turn(30)
    panel.tree.scrollTo(panel.model.topic_index(0))
    rect = panel.tree.visualRect(panel.model.topic_index(0))
    panel.tree.customContextMenuRequested.emit(rect.center())
    qtbot.waitUntil(panel.menu.isVisible)
    assert panel.merge_action.isEnabled() and panel.split_action.isEnabled()
    with qtbot.waitSignal(panel.edits_requested) as requested:
        panel.merge_action.trigger()
    assert requested.args[0][-1].op == "merge" and requested.args[0][-1].turn == label_turn(panel, 1)
    panel.menu.close()


def test_t_and_shift_t_step_through_the_topics(qtbot: QtBot, window: MainWindow) -> None:
    panel = window_ready(qtbot, window)
    starts = [label_turn(panel, r) for r in range(len(panel.model.rows()))]
    window.view.scroll_to_turn(0)
    qtbot.waitUntil(lambda: panel.model.current() == 0)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[1])
    qtbot.keyClick(window.view, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[2])
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[1])
    window.view.scroll_to_turn(starts[1] + 2)
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[1] + 2)
    window.registry["go.previous_topic"].trigger()  # inside a topic: back to its start first
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[1])
    assert "Next Topic" in [a.text().replace("&", "") for a in window.registry.menus["go"].actions()]


def test_in_the_window_topics_wait_until_the_text_is_on_screen(qtbot: QtBot, sample: Transcript,
                                                               _isolated_data_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    request = TopicsWorker.request

    def spy(worker: TopicsWorker, transcript: Transcript, *args: object) -> int:
        started.append(len(transcript.turns))
        return request(worker, transcript, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(TopicsWorker, "request", spy)
    window = MainWindow(store=AnnotationStore(_isolated_data_dir))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.session.open(sample)
    assert started == [] and window.topics_panel.status.text() == "Finding topics…"
    with qtbot.waitSignal(window.view.text_shown, timeout=10000):
        window.show()
    assert started == [len(sample.turns)]
    qtbot.waitUntil(lambda: len(window.topics_panel.model.rows()) > 0, timeout=10000)


# --- two levels ---------------------------------------------------------------------------------------


def test_the_dock_is_a_tree_of_sections_holding_their_topics(qtbot: QtBot, panel: TopicsPanel,
                                                              sample: Transcript) -> None:
    sections = find_sections(sample)
    model = panel.model
    assert model.rowCount() == len(sections)
    for row, section in enumerate(sections):
        index = model.index(row, 0)
        assert model.data(index, Qt.ItemDataRole.EditRole) == section.label
        if len(section.topics) == 1 and section.topics[0].label == section.label:
            # One row, not two identical ones: the topic's row, standing for its section too.
            assert model.data(index, LevelRole) == "topic" and model.rowCount(index) == 0
            assert model.section_index(row) == index == model.topic_index(model.topic_of(index))
            continue
        assert model.data(index, LevelRole) == "section"
        assert model.rowCount(index) == len(section.topics)
        assert [model.data(model.index(r, 0, index), Qt.ItemDataRole.EditRole)
                for r in range(model.rowCount(index))] == [t.label for t in section.topics]
    folded = model.index(0, 0)
    assert panel.tree.isExpanded(folded)
    panel.tree.collapse(folded)  # sections fold and unfold
    assert not panel.tree.isExpanded(folded)
    rect = panel.tree.visualRect(folded)
    with qtbot.waitSignal(panel.topic_activated) as activated:  # a click on a section jumps to it
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [sections[0].first_turn]


def test_renaming_a_section_in_place_asks_for_a_section_edit(qtbot: QtBot, panel: TopicsPanel) -> None:
    index = panel.model.section_index(1)
    with qtbot.waitSignal(panel.edits_requested) as requested:
        panel.model.setData(index, "Diplomats", Qt.ItemDataRole.EditRole)
    edit = requested.args[0][-1]
    assert (edit.op, edit.label, edit.level) == ("rename", "Diplomats", "section")
    assert edit.turn == panel.sections()[1].first_turn


def test_merging_and_splitting_a_chosen_section(qtbot: QtBot, panel: TopicsPanel) -> None:
    panel.tree.setCurrentIndex(panel.model.section_index(0))
    with qtbot.waitSignal(panel.edits_requested) as merge:
        panel.merge_selected_with_next()
    assert merge.args[0][-1].level == "section" and merge.args[0][-1].turn == panel.sections()[1].first_turn
    panel.set_current_turn(51)
    with qtbot.waitSignal(panel.edits_requested) as split:
        panel.split_section_at_reading_position()
    assert dataclasses.replace(split.args[0][-1], turn_id=None) == TopicEdit("split", 50, level="section")


def test_ctrl_t_steps_through_sections_and_the_status_bar_names_both_levels(qtbot: QtBot,
                                                                             window: MainWindow) -> None:
    panel = window_ready(qtbot, window)
    starts = [s.first_turn for s in panel.sections()]
    window.view.scroll_to_turn(0)
    qtbot.waitUntil(lambda: panel.model.current_section() == 0)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[1])
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[2])
    qtbot.keyClick(window.view, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.view.current_turn() == starts[1])
    section = panel.sections()[1]
    topic = next(t for t in panel.topics() if t.first_turn == starts[1])
    expected = topic.label if topic.label == section.label else f"{section.label} › {topic.label}"
    qtbot.waitUntil(lambda: window.status_sections["topic"].text() == expected)
    assert "Next Section" in [a.text().replace("&", "") for a in window.registry.menus["go"].actions()]


def test_the_text_names_each_section_and_topic_where_it_begins(qtbot: QtBot, window: MainWindow) -> None:
    panel = window_ready(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.view.headings()))
    sections = panel.sections()
    for section in sections:
        assert window.view.headings()[section.first_turn].section == section.label
    topics = [t for s in sections for t in s.topics if t.first_turn != s.first_turn]
    assert topics and all(window.view.headings()[t.first_turn].topic == t.label for t in topics)
    window.view.scroll_to_turn(0)
    titled = window.view.viewport().grab().toImage()
    window.view.set_headings({})
    assert window.view.viewport().grab().toImage() != titled  # the titles are painted, not only kept
    with qtbot.waitSignal(panel.topics_ready, timeout=10000):
        panel.model.setData(panel.model.topic_index(4), "Cyber talks", Qt.ItemDataRole.EditRole)
    assert "Cyber talks" in {h.topic for h in window.view.headings().values()}


def test_the_titles_in_the_text_can_be_turned_off_and_stay_so(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window_ready(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.view.headings()))
    action = window.registry["view.topic_titles"]
    assert action.isChecked() and action.parent() is not None
    action.trigger()
    assert not action.isChecked() and window.view.headings() == {}
    assert window.preferences.settings.value("view/topic_titles") == "false"
    window.close()
    again = make_window()
    window_ready(qtbot, again)  # its topics shown, and so their titles, were they on
    assert again.view.headings() == {} and not again.registry["view.topic_titles"].isChecked()
    again.registry["view.topic_titles"].trigger()
    assert again.view.headings() and again.preferences.topic_titles
