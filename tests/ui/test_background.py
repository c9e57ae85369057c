"""Work on daemon threads: results heard on the GUI thread, cancelled jobs never heard, and the jobs' threads
(the topics, the rest of a large file) reaching no Qt object and calling none, so that the interpreter's exit
cannot end them inside PySide."""

from __future__ import annotations

import gc
import sys
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from benchmarks.generate import generate
from reader.core.loader import load_transcript
from reader.core.model import Transcript
from reader.ui import background, first_screen
from reader.ui.background import Background
from reader.ui.main_window import MainWindow
from reader.ui.topics_worker import TopicsWorker


def test_a_result_is_heard_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = Background()
    heard: list[tuple[object, threading.Thread]] = []
    runner.start("sum", lambda: sum(range(10)), lambda value: heard.append((value, threading.current_thread())),
                 heard.append)
    assert runner.running == 1
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == [(45, threading.main_thread())] and runner.running == 0


def test_a_failure_is_heard_with_what_went_wrong(qtbot: QtBot) -> None:
    runner = Background()
    failed: list[str] = []
    runner.start("fails", lambda: int("x"), lambda value: pytest.fail("no result"), failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert failed == ["ValueError: invalid literal for int() with base 10: 'x'"]


def test_a_cancelled_job_is_never_heard(qtbot: QtBot) -> None:
    runner = Background()
    gate, ended = threading.Event(), threading.Event()
    heard: list[object] = []

    def work() -> int:
        gate.wait(5)
        ended.set()
        return 1

    runner.start("held", work, heard.append, heard.append)
    runner.cancel()
    assert runner.running == 0
    gate.set()
    assert ended.wait(5)
    qtbot.wait(5 * background.POLL_MS)
    assert heard == []


def _qt_objects_reachable(root: object) -> list[object]:
    """The Qt objects (PySide wrappers) that `root` leads to, not through modules and classes."""
    module_dicts = {id(vars(m)) for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)}
    seen: set[int] = set()
    todo, found = [root], []
    while todo:
        item = todo.pop()
        if id(item) in seen or id(item) in module_dicts or isinstance(item, (type, types.ModuleType)):
            continue
        seen.add(id(item))
        if isinstance(item, Shiboken.Object):
            found.append(item)
        else:
            todo.extend(gc.get_referents(item))
    return found


@pytest.fixture
def job_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Any, list[str]]]]:
    """Each job thread's target, with the calls into PySide that its thread made."""
    started: list[tuple[Any, list[str]]] = []
    thread_class = threading.Thread

    class Recording(thread_class):  # type: ignore[misc, valid-type]
        def __init__(self, *, target: Callable[[], None], name: str, daemon: bool) -> None:
            calls: list[str] = []
            started.append((target, calls))

            def profile(frame: object, event: str, arg: Any) -> None:
                owner = getattr(arg, "__self__", None)
                if event == "c_call" and (isinstance(owner, Shiboken.Object) or "PySide6" in str(
                        getattr(arg, "__module__", None) or type(owner).__module__)):
                    calls.append(repr(arg))

            def run() -> None:
                sys.setprofile(profile)
                target()

            super().__init__(target=run, name=name, daemon=daemon)

    monkeypatch.setattr(background.threading, "Thread", Recording)
    yield started


def test_the_topics_thread_reaches_no_qt_object(qtbot: QtBot, sample: Transcript,
                                                job_threads: list[tuple[Any, list[str]]]) -> None:
    worker = TopicsWorker()
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.request(sample, None, [])
    ((target, calls),) = job_threads
    assert _qt_objects_reachable(target) == [] and calls == []


def test_the_thread_reading_the_rest_of_a_file_reaches_no_qt_object(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        job_threads: list[tuple[Any, list[str]]]) -> None:
    monkeypatch.setattr(first_screen, "LARGE_TEXT", 50_000)
    monkeypatch.setattr(first_screen, "OPENING_CHARS", 20_000)
    path = tmp_path / "interview.txt"
    path.write_text(generate(300), encoding="utf-8")
    window = make_window(path)
    qtbot.waitUntil(lambda: window.session.transcript is not None, timeout=10_000)
    assert len(window.session.transcript.turns) == len(load_transcript(path).turns)
    (target, calls), *_topics = job_threads
    assert _qt_objects_reachable(target) == [] and calls == []


def test_the_check_finds_a_qt_object_held_by_a_job(qtbot: QtBot) -> None:
    """The check above can fail: a job whose function holds a QObject (as the jobs' signals once were) is found."""
    runner = Background()
    assert _qt_objects_reachable(lambda: runner.running) == [runner]


FREED_ON: list[str] = []  # the threads the cycles below were freed on


class _Cycle:
    """Garbage the cyclic collector alone frees, telling on which thread it was."""

    def __init__(self) -> None:
        self.itself = self

    def __del__(self) -> None:
        FREED_ON.append(threading.current_thread().name)


def test_the_garbage_collector_runs_on_the_gui_thread_only(qtbot: QtBot) -> None:
    """A job allocates much, and a collection on its thread would delete the GUI's QObjects caught in cycles off
    their thread (a test run hung on it): the collections are the GUI thread's, on a timer of the application's."""
    runner = Background()
    assert not gc.isenabled()
    timer = QApplication.instance().findChild(QTimer, "garbage-collector")
    assert timer is not None and timer.isActive() and timer.interval() == background.GC_MS
    FREED_ON.clear()
    for _ in range(50):
        _Cycle()
    done: list[object] = []
    runner.start("allocates", lambda: len([[n] for n in range(200_000)]), done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [200_000] and "allocates" not in FREED_ON
    kept = [[n] for n in range(gc.get_threshold()[0] + 1)]  # past the threshold: a collection is due
    background._collect_garbage()  # what the timer calls
    assert [threading.main_thread().name] * 50 == FREED_ON and kept
