"""The start and the end of the window: `--timings` gives every phase, the screenshot is taken once the view is
idle (not after a fixed wait), the view says when its first picture is complete, and what can wait for the text
to be on screen does (the store's index). How fast any of it is, is the benchmarks' business
(benchmarks/bench_startup.py), never a test's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.cli import main
from reader.core.loader import sample_path
from reader.core.model import Transcript
from reader.core.notes.store import AnnotationStore
from reader.core.timings import PHASES
from reader.ui.main_window import MainWindow
from reader.ui.session import ReaderSession
from reader.ui.topics_panel import FINDING
from reader.ui.transcript_view import TranscriptView

ROOT = Path(__file__).parents[2]


def _timings(stderr: str) -> dict[str, float]:
    lines = [line for line in stderr.splitlines() if line.startswith("{")]
    assert len(lines) == 1, stderr
    return json.loads(lines[0])


def _check_phases(phases: dict[str, float]) -> None:
    assert list(phases) == [*PHASES, "total"]  # every phase, in the order they come, then the whole
    assert all(isinstance(s, float) and s >= 0 for s in phases.values())
    assert sum(phases[p] for p in PHASES) == pytest.approx(phases["total"], abs=0.001)


def test_the_window_started_with_timings_prints_every_phase(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from reader.cli import main
        from reader.core import timings
        from reader.ui.app import application

        def close_once_reported():  # as a reader would, once the picture is there
            if timings.running():
                QTimer.singleShot(10, close_once_reported)
                return
            for window in QApplication.topLevelWidgets():
                window.close()

        application()
        QTimer.singleShot(0, close_once_reported)
        print("exit", main([{str(sample_path())!r}, "--timings", "--data-dir", {str(tmp_path / "data")!r}]))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env,
                            cwd=ROOT)
    assert result.returncode == 0 and "exit 0" in result.stdout, result.stderr
    _check_phases(_timings(result.stderr))


def test_the_screenshot_with_timings_prints_every_phase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screenshot", "-o", str(tmp_path / "shot.png"), "--timings"]) == 0
    _check_phases(_timings(capsys.readouterr().err))


def _formatted_on_screen(view: TranscriptView) -> bool:
    """Every block on screen has its colours: an exchange's label, a turn's speaker name at least."""
    block, bottom = view.firstVisibleBlock(), view.viewport().height()
    seen = 0
    while block.isValid() and view.blockBoundingGeometry(block).translated(view.contentOffset()).top() < bottom:
        if block.isVisible():
            seen += 1
            if not block.layout().formats():
                return False
        block = block.next()
    return seen > 0


def test_the_screenshot_is_taken_once_the_view_is_idle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    grab, record_opened = QWidget.grab, ReaderSession.record_opened

    def spy_grab(window: QWidget, *args: object) -> object:
        assert isinstance(window, MainWindow)
        events.append("grab")
        assert _formatted_on_screen(window.view)
        assert window.topics_panel.status.text() == FINDING  # the background work is not waited for
        return grab(window, *args)  # type: ignore[arg-type]

    def spy_shown(session: ReaderSession) -> None:  # a slot of the view's text_shown
        events.append("text shown")
        record_opened(session)

    monkeypatch.setattr(MainWindow, "grab", spy_grab)
    monkeypatch.setattr(ReaderSession, "record_opened", spy_shown)
    assert main(["screenshot", "-o", str(tmp_path / "shot.png"), "--collapse-all", "--exchange", "Q3"]) == 0
    assert events == ["text shown", "grab"]


def test_a_complete_screenshot_waits_for_the_topics_and_the_words(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    grab = QWidget.grab

    def spy_grab(window: QWidget, *args: object) -> object:
        assert isinstance(window, MainWindow)
        seen.append((window.topics_panel.status.text(), window.status_sections["words"].text()))
        return grab(window, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(MainWindow, "grab", spy_grab)
    assert main(["screenshot", "-o", str(tmp_path / "shot.png"), "--complete"]) == 0
    [(topics, words)] = seen
    assert topics != FINDING and "topics" in topics
    assert " / " in words  # the words before the reading position, counted


def test_the_view_says_when_its_first_picture_is_complete(qtbot: QtBot, sample: Transcript) -> None:
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_transcript(sample)
    painted: list[bool] = []
    view.text_painted.connect(painted.append)
    with qtbot.waitSignal(view.text_shown):
        view.show()
    assert painted[0] is False and painted[-1] is True  # the first paint formats what it shows, the next shows it
    assert _formatted_on_screen(view)


def test_the_index_records_a_transcript_once_it_is_on_screen(qtbot: QtBot, sample: Transcript,
                                                             _isolated_data_dir: Path) -> None:
    store = AnnotationStore(_isolated_data_dir)
    alone = ReaderSession(store)
    alone.open(sample)
    assert sample.fingerprint not in store.index()  # a write to disk the first picture does not wait for
    alone.close()
    assert sample.fingerprint in store.index()  # closed before it was ever shown: recorded all the same
    store.index_file.unlink()

    window = MainWindow(store=store)
    qtbot.addWidget(window)
    window.open_path(sample_path())
    with qtbot.waitSignal(window.view.text_shown, timeout=10000):
        window.show()
    assert sample.fingerprint in store.index()

