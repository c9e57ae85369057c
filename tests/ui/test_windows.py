"""File > New Window, and where a file handed over by another start goes (single_instance.py hands it over;
tests/ui/test_single_instance.py does that with two processes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.loader import sample_path
from reader.ui.main_window import MainWindow
from reader.ui.single_instance import HandOver
from reader.ui.windows import WindowGroup


def _transcript(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(f"Interviewer: What is in {name}?\n\nGuest: Only this answer.\n", encoding="utf-8")
    return path


def _shown(window: MainWindow) -> Path | None:
    transcript = window.session.transcript
    return Path(transcript.path).resolve() if transcript and transcript.path else None


@pytest.fixture
def group(window: MainWindow) -> Iterator[WindowGroup]:
    """The group of the test's window; the windows made in the test are closed after it."""
    group = WindowGroup.of(window)
    yield group
    for other in list(group.windows):
        if other is not window:
            other.close()


def test_file_new_window_gives_a_second_window_on_the_same_notes(qtbot: QtBot, window: MainWindow,
                                                                  group: WindowGroup) -> None:
    window.registry["file.new_window"].trigger()
    windows = group.windows
    assert len(windows) == 2
    second = windows[-1]
    qtbot.waitExposed(second)
    assert second is not window and second.isVisible() and window.isVisible()
    assert second.session.store is window.session.store
    assert _shown(second) == sample_path()
    assert second.pos() != window.pos()  # cascaded, not exactly over the first


def test_a_handed_over_file_goes_to_the_window_used_last_and_brings_it_forward(
        qtbot: QtBot, window: MainWindow, group: WindowGroup, tmp_path: Path) -> None:
    one, two = _transcript(tmp_path, "one.txt"), _transcript(tmp_path, "two.txt")
    group.open(HandOver((str(one),)))
    assert _shown(window) == one.resolve() and len(group.windows) == 1
    qtbot.waitUntil(window.isActiveWindow)

    group.open(HandOver((str(two),), new_window=True))
    second = group.windows[-1]
    assert _shown(second) == two.resolve() and len(group.windows) == 2
    qtbot.waitUntil(second.isActiveWindow)

    # one.txt is open in the first window: that window comes forward, nothing is opened again
    group.open(HandOver((str(one),)))
    qtbot.waitUntil(window.isActiveWindow)
    assert (_shown(window), _shown(second)) == (one.resolve(), two.resolve())
    assert group.windows[-1] is window

    # a start without files brings the last window forward
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    group.open(HandOver())
    assert QApplication.activeWindow() is second and len(group.windows) == 2


def test_several_files_at_once_open_one_window_each(window: MainWindow, group: WindowGroup, tmp_path: Path) -> None:
    paths = [_transcript(tmp_path, f"{n}.txt") for n in ("a", "b", "c")]
    group.open(HandOver(tuple(str(p) for p in paths)))
    assert [_shown(w) for w in group.windows] == [p.resolve() for p in paths]


def test_a_handed_over_file_that_cannot_be_opened_says_why_and_keeps_the_transcript(
        qtbot: QtBot, window: MainWindow, group: WindowGroup, tmp_path: Path) -> None:
    group.open(HandOver((str(tmp_path / "missing.txt"),)))
    assert _shown(window) == sample_path()
    assert window.error_box is not None and window.error_box.isVisible()
    window.error_box.close()
