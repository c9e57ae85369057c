"""The speakers dock: its model, renaming, show only one speaker, stepping through one speaker's turns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reader.core.model import Transcript
from reader.ui.session import ReaderSession
from reader.ui.speakers_model import NAME, ROLE, SHARE, TURNS, WORDS, SpeakersModel
from reader.ui.speakers_panel import SpeakersPanel
from tests.ui.conftest import RecordingNavigator

COLORS = [QColor("#332288"), QColor("#882255")]


@pytest.fixture
def panel(qtbot: QtBot, session: ReaderSession, navigator: RecordingNavigator, sample: Transcript) -> SpeakersPanel:
    widget = SpeakersPanel(session, navigator)
    qtbot.addWidget(widget)
    widget.set_transcript(sample, {}, COLORS)
    widget.resize(420, 240)
    widget.show()
    return widget


def cell(panel: SpeakersPanel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    model = panel.table.model()
    return model.data(model.index(row, column), role)


def test_model_passes_the_model_tester(qtmodeltester, qapp: QApplication,  # type: ignore[no-untyped-def]
                                       sample: Transcript) -> None:
    model = SpeakersModel()
    model.set_transcript(sample, {sample.speakers[0].key: "Keir Simmons"}, COLORS)
    qtmodeltester.check(model)


def test_rows_show_name_role_counts_and_share(panel: SpeakersPanel, sample: Transcript) -> None:
    question, lavrov = sample.speakers
    assert [cell(panel, 0, c) for c in (NAME, ROLE, TURNS)] == ["Question", "interviewer", "31"]
    assert [cell(panel, 1, c) for c in (NAME, ROLE, TURNS)] == ["Sergey Lavrov", "interviewee", "31"]
    assert cell(panel, 1, WORDS) == f"{lavrov.words:,}"
    share = lavrov.words / (lavrov.words + question.words)
    assert cell(panel, 1, SHARE) == f"{share:.0%}"
    assert cell(panel, 0, NAME, Qt.ItemDataRole.ForegroundRole) == COLORS[0]


def test_a_narrow_dock_drops_the_role_column_first(panel: SpeakersPanel) -> None:
    panel.resize(250, 240)
    assert panel.table.isColumnHidden(ROLE) and not panel.table.isColumnHidden(WORDS)
    assert "interviewer" in str(cell(panel, 0, NAME, Qt.ItemDataRole.ToolTipRole))
    panel.resize(480, 240)
    assert not panel.table.isColumnHidden(ROLE)


def test_a_narrow_dock_then_drops_the_word_counts_before_it_cuts_a_name(panel: SpeakersPanel,
                                                                        sample: Transcript) -> None:
    question, lavrov = sample.speakers
    panel.set_transcript(sample, {question.key: "Chairwoman Krueger", lavrov.key: "Commissioner Valentine"}, COLORS)
    table = panel.table
    panel.resize(300, 240)
    assert table.isColumnHidden(ROLE) and table.isColumnHidden(WORDS)
    assert not table.isColumnHidden(TURNS) and not table.isColumnHidden(SHARE)
    assert table.columnWidth(NAME) >= table.sizeHintForColumn(NAME)  # the whole name shows
    panel.set_transcript(sample, {}, COLORS)  # shorter names: the counts come back
    assert not table.isColumnHidden(WORDS)
    panel.set_transcript(sample, {question.key: "Chairwoman Krueger", lavrov.key: "Commissioner Valentine"}, COLORS)
    panel.resize(480, 240)  # a roomy dock shows every column
    assert not table.isColumnHidden(WORDS) and not table.isColumnHidden(ROLE)


def test_sorting_by_words(panel: SpeakersPanel) -> None:
    panel.table.sortByColumn(WORDS, Qt.SortOrder.DescendingOrder)
    assert cell(panel, 0, NAME) == "Sergey Lavrov"


def test_editing_a_name_asks_for_a_rename(qtbot: QtBot, panel: SpeakersPanel, sample: Transcript) -> None:
    panel.select(sample.speakers[0].key)
    panel.edit_selected_name()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Keir Simmons")
    with qtbot.waitSignal(panel.rename_requested) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [sample.speakers[0].key, "Keir Simmons"]
    # The model shows the new name only when the store says it changed.
    assert cell(panel, 0, NAME) == "Question"
    panel.model.set_names({sample.speakers[0].key: "Keir Simmons"})
    assert cell(panel, 0, NAME) == "Keir Simmons"


def test_renaming_back_to_the_original_clears_the_name(qtbot: QtBot, panel: SpeakersPanel,
                                                       sample: Transcript) -> None:
    key = sample.speakers[0].key
    panel.model.set_names({key: "Keir Simmons"})
    model = panel.table.model()
    with qtbot.waitSignal(panel.rename_requested) as blocker:
        model.setData(model.index(0, NAME), "Question")
    assert blocker.args == [key, ""]


def test_show_only_follows_the_button_and_the_selection(qtbot: QtBot, panel: SpeakersPanel,
                                                        sample: Transcript) -> None:
    question, lavrov = (s.key for s in sample.speakers)
    panel.select(lavrov)
    with qtbot.waitSignal(panel.show_only_changed) as blocker:
        panel.only_button.click()
    assert blocker.args == [lavrov]
    with qtbot.waitSignal(panel.show_only_changed) as blocker:
        panel.select(question)
    assert blocker.args == [question]
    with qtbot.waitSignal(panel.show_only_changed) as blocker:
        panel.only_button.click()
    assert blocker.args == [None] and panel.shown_only is None


def test_step_buttons_ask_for_the_selected_speakers_turns(qtbot: QtBot, panel: SpeakersPanel, sample: Transcript,
                                                          navigator: RecordingNavigator) -> None:
    lavrov = sample.speakers[1].key
    panel.select(lavrov)
    with qtbot.waitSignal(panel.step_requested) as blocker:
        panel.next_button.click()
    assert blocker.args == [lavrov, 1]
    with qtbot.waitSignal(panel.step_requested) as blocker:
        panel.previous_button.click()
    assert blocker.args == [lavrov, -1]
    assert navigator.moves == [("speaker", lavrov, 1), ("speaker", lavrov, -1)]


# --- in the window -------------------------------------------------------------------------------------------


def test_the_dock_lists_the_speakers_in_the_views_colours(window) -> None:
    panel = window.speakers_panel
    model = panel.table.model()
    theme = window.view.theme()
    assert [model.data(model.index(r, NAME)) for r in range(model.rowCount())] == ["Question", "Sergey Lavrov"]
    assert model.data(model.index(1, NAME), Qt.ItemDataRole.ForegroundRole) == theme.speaker_color(1)


def test_switching_theme_recolours_the_swatches(qtbot: QtBot, window) -> None:
    window.appearance.set_theme("dark")
    model = window.speakers_panel.table.model()
    dark = window.view.theme().speaker_color(0)
    qtbot.waitUntil(lambda: model.data(model.index(0, NAME), Qt.ItemDataRole.ForegroundRole) == dark)


def test_show_only_one_speaker_hides_the_others_turns(window) -> None:
    transcript = window.session.transcript
    lavrov = next(s.key for s in transcript.speakers if s.name == "Sergey Lavrov")
    window.show_only_speaker("lavrov")
    shown = window.view.visible_turns()
    assert shown and all(transcript.turns[t].speaker == lavrov for t in shown)
    assert len(shown) == 31
    assert window.registry["view.show_only_speaker"].isChecked()
    window.show_search("Syria")  # the search keeps to the turns shown
    assert {transcript.turns[m.turn_index].speaker for m in window.search_bar.matches} == {lavrov}
    window.speakers_panel.only_button.click()
    assert len(window.view.visible_turns()) == len(transcript.turns)
    assert window.search_bar.speaker_combo.currentData() is None
    assert not window.registry["view.show_only_speaker"].isChecked()


def test_the_menu_shows_only_the_speaker_at_the_reading_position(window) -> None:
    window.view.scroll_to_turn(1)
    window.registry["view.show_only_speaker"].trigger()
    speaker = window.session.transcript.turns[1].speaker
    assert {window.session.transcript.turns[t].speaker for t in window.view.visible_turns()} == {speaker}
    assert window.speakers_panel.shown_only == speaker


def test_show_only_an_unknown_speaker_says_who_there_is(window) -> None:
    from reader.core.search import SearchError

    with pytest.raises(SearchError, match="speakers: Question, Sergey Lavrov"):
        window.show_only_speaker("Putin")


def test_step_buttons_move_the_view_through_one_speakers_turns(window) -> None:
    panel = window.speakers_panel
    lavrov = next(s.key for s in window.session.transcript.speakers if s.name == "Sergey Lavrov")
    own = [t.index for t in window.session.transcript.turns if t.speaker == lavrov]
    window.view.scroll_to_turn(own[2])
    panel.select(lavrov)
    panel.next_button.click()
    assert window.view.current_turn() == own[3]
    panel.previous_button.click()
    panel.previous_button.click()
    assert window.view.current_turn() == own[1]


def test_renaming_in_the_dock_changes_the_view_undoes_and_survives_reopening(qtbot: QtBot, make_window) -> None:
    first = make_window()
    panel = first.speakers_panel
    question = first.session.transcript.interviewer
    panel.select(question.key)
    panel.edit_selected_name()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Keir Simmons")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: first.view.turn_display_text(0).startswith("Keir Simmons: "))
    model = panel.table.model()
    assert model.data(model.index(0, NAME)) == "Keir Simmons"
    assert first.session.undo_stack.undoText() == "Rename Question to Keir Simmons"
    first.session.undo_stack.undo()
    assert first.view.turn_display_text(0).startswith("Question: ")
    assert model.data(model.index(0, NAME)) == "Question"
    first.session.undo_stack.redo()
    first.close()
    second = make_window()
    assert second.view.turn_display_text(0).startswith("Keir Simmons: ")
    model = second.speakers_panel.table.model()
    assert model.data(model.index(0, NAME)) == "Keir Simmons"


def test_rename_from_the_menu_edits_the_speaker_at_the_reading_position(qtbot: QtBot, window) -> None:
    window.view.scroll_to_turn(1)
    window.registry["view.rename_speaker"].trigger()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Sergey Lavrov"
    editor.setText("Minister Lavrov")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.turn_display_text(1).startswith("Minister Lavrov: "))
