"""The speakers dock: its model, renaming, show only one speaker, stepping through one speaker's turns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reader.core.model import Transcript
from reader.ui.speakers_model import NAME, ROLE, SHARE, TURNS, WORDS, SpeakersModel
from reader.ui.speakers_panel import SpeakersPanel

COLORS = [QColor("#332288"), QColor("#882255")]


@pytest.fixture
def panel(qtbot: QtBot, sample: Transcript) -> SpeakersPanel:
    widget = SpeakersPanel()
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


def test_step_buttons_ask_for_the_selected_speakers_turns(qtbot: QtBot, panel: SpeakersPanel,
                                                          sample: Transcript) -> None:
    lavrov = sample.speakers[1].key
    panel.select(lavrov)
    with qtbot.waitSignal(panel.step_requested) as blocker:
        panel.next_button.click()
    assert blocker.args == [lavrov, 1]
    with qtbot.waitSignal(panel.step_requested) as blocker:
        panel.previous_button.click()
    assert blocker.args == [lavrov, -1]
