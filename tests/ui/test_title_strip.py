"""The strip above the text names the interview: title, then date, place, speakers, length and file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow


def test_the_sample_is_named_above_the_text(window: MainWindow) -> None:
    strip = window.title_strip
    assert strip.isVisible()
    assert strip.title.text() == window.session.transcript.metadata.title
    details = strip.details.text()
    for part in ("21 July 2017, 20:08", "Moscow", "Question, Sergey Lavrov", "4,840 words"):
        assert part in details


def test_a_title_with_markup_is_shown_as_text(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "markup.md"
    path.write_text("---\ntitle: <b>Bold</b> &amp; <img src=x>\ndate: 2024-03-05\n---\n\n"
                    "Host: Welcome to the show?\n\nGuest: Thanks.\n\nHost: Why now?\n\nGuest: Because.\n",
                    encoding="utf-8")
    assert window.open_path(path)
    assert window.title_strip.title.text() == "<b>Bold</b> &amp; <img src=x>"
    assert window.title_strip.details.text().startswith("5 March 2024")


def test_names_written_surname_first_stay_apart(window: MainWindow) -> None:
    layouts = Path(__file__).resolve().parents[1] / "data" / "layouts"
    assert window.open_path(layouts / "teams-meeting.vtt")
    assert "Smith, Jane; Okafor, Daniel" in window.title_strip.details.text()


def test_words_no_label_gives_anyone_show_no_name_until_named(qtbot: QtBot, window: MainWindow) -> None:
    """A printed interview's lede, above its first labelled turn: plain words in the text and no speaker in the
    strip; once the reader names who says them, the name shows."""
    exchanges = Path(__file__).resolve().parents[1] / "data" / "exchanges"
    assert window.open_path(exchanges / "print-interview-german.txt")
    lede = window.session.transcript.turns[0]
    assert window.view.turn_display_text(0) == lede.text  # no "Unknown speaker: "
    assert window.view.turn_display_text(1).startswith("Spiegel: ")
    assert "Spiegel, Brandt · 217 words" in window.title_strip.details.text()
    window.view.scroll_to_turn(0)
    window.registry["view.rename_speaker"].trigger()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Standfirst")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.turn_display_text(0) == f"Standfirst: {lede.text}")
    assert "Standfirst, Spiegel, Brandt" in window.title_strip.details.text()
