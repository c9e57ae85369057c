"""A large file opens by its opening, then the whole: what the reader sees first is what the whole shows at its
start, the place they scrolled to is kept, and their notes are only ever shown, made or saved against the whole.
(The file is large for these tests: the sizes that make one are made small.)"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benchmarks.generate import generate
from reader.core.loader import load_transcript, sample_path
from reader.core.model import Transcript
from reader.core.notes.annotations import Kind, new_annotation, turn_anchor
from reader.core.notes.store import AnnotationStore
from reader.ui import first_screen, window_files
from reader.ui.actions import ActionId
from reader.ui.main_window import MainWindow


@pytest.fixture
def large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(first_screen, "LARGE_TEXT", 50_000)
    monkeypatch.setattr(first_screen, "OPENING_CHARS", 20_000)
    monkeypatch.setattr(first_screen, "OPENING_SHARE", 1.0)
    path = tmp_path / "interview.txt"
    path.write_text(generate(300), encoding="utf-8")
    return path


@pytest.fixture
def rest_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The whole is read (on its thread) only once the event is set, so that the test sees the first screen."""
    gate = threading.Event()
    parse = window_files.parse_extracted

    def held(*args, **kwargs) -> Transcript:  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            assert gate.wait(10)
        return parse(*args, **kwargs)

    monkeypatch.setattr(window_files, "parse_extracted", held)
    yield gate
    gate.set()


def whole_opened(qtbot: QtBot, window: MainWindow, gate: threading.Event) -> None:
    gate.set()
    qtbot.waitUntil(lambda: window.session.transcript is not None, timeout=10_000)


def test_the_opening_first_then_the_whole(qtbot: QtBot, make_window: Callable[..., MainWindow], large_file: Path,
                                          rest_held: threading.Event) -> None:
    whole = load_transcript(large_file)
    window = make_window(large_file)
    opening = window.view.transcript
    assert opening is not None and 2 < len(opening.turns) < len(whole.turns)
    assert opening.turns == whole.turns[:len(opening.turns)]
    assert window.statusBar().currentMessage() == "Reading the rest…"
    assert window.session.transcript is None and window.session.notes is None
    # The window names the file already, and the Topics dock says when its contents come.
    assert window.windowTitle() == f"{whole.metadata.title} — Transcript Reader"
    assert window.title_strip.title.text() == whole.metadata.title
    assert "words" not in window.title_strip.details.text()  # the opening's count would mislead
    assert "whole file" in window.topics_panel.status.text()
    assert "whole file" in window.notes_panel.empty_hint.text()  # not "No bookmarks … yet": they may exist
    first_text = window.view.toPlainText()

    whole_opened(qtbot, window, rest_held)
    assert window.session.transcript is not None and window.session.transcript.turns == whole.turns
    assert window.view.transcript is not None and window.view.transcript.turns == whole.turns
    assert window.view.toPlainText().startswith(first_text)  # the first screen showed the whole's start
    assert window.statusBar().currentMessage() == ""
    assert f"{whole.words:,} words" in window.title_strip.details.text()
    assert window.notes_panel.empty_hint.text().startswith("No bookmarks")
    assert window.speakers_panel.model.rowCount() == len(whole.speakers)


def test_the_place_read_in_the_opening_is_kept(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                               large_file: Path, rest_held: threading.Event) -> None:
    window = make_window(large_file)
    opening = window.view.transcript
    assert opening is not None
    window.view.scroll_to_turn(30)
    whole_opened(qtbot, window, rest_held)
    assert window.view.current_turn() == 30
    notes = window.session.notes
    assert notes is not None and notes.position is not None and notes.position.turn_id == opening.turns[30].id


def test_notes_are_only_for_the_whole(qtbot: QtBot, make_window: Callable[..., MainWindow], large_file: Path,
                                      rest_held: threading.Event, _isolated_data_dir: Path) -> None:
    whole = load_transcript(large_file)
    stored = AnnotationStore(_isolated_data_dir).open(whole)
    kept = stored.add(new_annotation(Kind.BOOKMARK, turn_anchor(whole, 5)))
    assert stored.save()
    window = make_window(large_file)
    assert window.notes_panel.model.rowCount() == 0 and not window.view.margin_marks()
    window.view.scroll_to_turn(12)
    assert not window.registry[ActionId.BOOKMARK].isEnabled()  # shown greyed in the Notes menu
    window.registry[ActionId.BOOKMARK].trigger()  # nothing to bookmark into until the whole is open
    assert window.session.notes is None

    whole_opened(qtbot, window, rest_held)
    notes = window.session.notes
    assert notes is not None and [a.id for a in notes.annotations] == [kept.id]
    assert window.notes_panel.model.rowCount() == 1
    # The marks follow the notes at the event loop's next turn (annotation_marks coalesces its refreshes).
    qtbot.waitUntil(lambda: window.view.margin_marks() == {("turn", 5): {"bookmark"}}, timeout=5000)
    window.registry[ActionId.BOOKMARK].trigger()
    assert len(notes.annotations) == 2


def test_a_file_opened_meanwhile_is_not_replaced(make_window: Callable[..., MainWindow], large_file: Path,
                                                 rest_held: threading.Event) -> None:
    window = make_window(large_file)
    assert window.open_path(sample_path())
    sample = window.session.transcript
    assert sample is not None and sample.path == str(sample_path())
    assert window.statusBar().currentMessage() == ""
    rest_held.set()
    for thread in [t for t in threading.enumerate() if t.name == "rest of file"]:
        thread.join(10)
    QApplication.processEvents()  # what the thread would have said, heard
    assert window.session.transcript is sample and window.view.transcript is not None
    assert window.view.transcript.turns == sample.turns


def test_a_window_showing_a_transcript_opens_a_large_file_whole(make_window: Callable[..., MainWindow],
                                                                large_file: Path) -> None:
    window = make_window()  # the sample
    assert window.open_path(large_file)
    assert window.session.transcript is not None and window.session.transcript.path == str(large_file)
    assert window.view.transcript is not None and window.view.transcript.turns == window.session.transcript.turns


def test_a_file_of_some_hundred_kilobytes_comes_by_an_opening_of_a_few_screens(tmp_path: Path) -> None:
    from reader.core.loader import read_file  # the defaults, not the fixture's: a 512 KB hearing is shown so

    path = tmp_path / "interview.txt"
    path.write_text(generate(1500), encoding="utf-8")
    extracted = read_file(path)
    assert first_screen.LARGE_TEXT < len(extracted.text) < 10 * first_screen.OPENING_CHARS
    opening = first_screen.opening_of(extracted, None, str(path))
    assert opening is not None
    shown = opening.turns[-1].span[1]
    chars = max(first_screen.OPENING_MIN, int(len(extracted.text) * first_screen.OPENING_SHARE))
    assert chars // 2 < shown <= chars  # the turns before a twenty-fifth, and at least 20,000 characters
    assert len(opening.turns) >= 25  # more than a screen
    assert first_screen.opening_of(read_file(sample_path()), None, str(sample_path())) is None  # small: whole
