"""Transcripts without question labels read as numbered exchanges too: an Otter-style interview and a hearing
open in the window with Q headers, and Questions Only (Ctrl+Shift+Q) lists their questions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.speakers_model import ROLE

DATA = Path(__file__).resolve().parents[1] / "data"
OTTER = DATA / "exchanges" / "otter-interview.txt"
HEARING = DATA / "exchanges" / "hearing-two-witnesses.txt"


def outline_key(qtbot: QtBot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_an_otter_interview_shows_questions_and_its_outline_lists_them(qtbot: QtBot, make_window) -> None:
    window = make_window(OTTER)
    view = window.view
    assert view.shown_headers() == ["Intro", "Q1", "Q2", "Q3", "Q4", "Q5"]
    outline_key(qtbot, window)
    assert window.registry["view.outline"].isChecked()
    asked = view.visible_turns()
    assert asked == [2, 6, 10, 14, 18]
    assert view.turn_display_text(2).startswith("0:20 Hannah Cole: So to start, can you tell me where you were born")
    assert {window.session.transcript.turns[t].speaker for t in asked} == {"hannah cole"}
    qtbot.keyClick(view, Qt.Key.Key_N)  # next question, from the opening
    assert window.status_sections["position"].text().startswith("Q1 · turn 3")


def test_a_hearing_s_outline_shows_each_member_s_round_with_its_questions(qtbot: QtBot, make_window) -> None:
    window = make_window(HEARING)
    view = window.view
    assert view.shown_headers() == ["Intro", "Q1", "Q2", "Q3"]
    outline_key(qtbot, window)
    assert view.visible_turns() == [4, 6, 10, 13, 15, 17, 21, 23, 25]
    outline_key(qtbot, window)
    assert len(view.visible_turns()) == len(window.session.transcript.turns)
    with qtbot.waitSignal(view.folding_changed):
        view.set_collapsed(2, True)  # Senator Blake's round folds as one
    assert not set(range(13, 21)) & set(view.visible_turns())


def test_the_speakers_dock_names_both_witnesses_as_answering(qtbot: QtBot, make_window) -> None:
    window = make_window(HEARING)
    model = window.speakers_panel.model
    roles = {model.index(row, 0).data(): model.index(row, ROLE).data() for row in range(model.rowCount())}
    assert roles["Ms. Torres"] == roles["Dr. Huang"] == "interviewee"
    assert roles["Senator Blake"] == roles["Chairman Reed"] == "interviewer"
