"""Work done on daemon threads, whose results come back on the GUI thread, with no Qt on the work's thread.

A job's thread runs a plain function and keeps what it returns (or what it raised) in a plain object; the
`Background` that started it collects it on its own (the GUI) thread, every POLL_MS while jobs run, and hands it
to the caller's callbacks there. A job cancelled, or whose Background is gone (its window closed), goes on to
its end unheard; nothing waits for it, not even the program's exit.

Why the thread touches no Qt object, not even to emit a signal: at the interpreter's exit, a daemon thread is
ended where it next takes the interpreter lock, by unwinding its stack. PySide lets go of the lock around the
C++ it calls, so a thread inside a PySide call then (a signal's emit, a QObject's deletion) is unwound through
C++ that cannot be: the process aborts ("terminate called without an active exception") or crashes, after the
window closed and the notes were written. The jobs this replaces emitted their results and let their signals'
QObject go on their own thread; a screenshot once ended so.

Nor may a job's thread run Python's cyclic garbage collector, which runs on whichever thread's allocation
crosses its threshold: a job allocates much, and a collection there deletes the GUI's QObjects caught in
reference cycles (a closed window's) off their thread. Qt's deletion then waits, holding a lock of its own, for
the interpreter lock, which the GUI thread holds while it waits for that lock (a test run once hung so). Once a
`Background` is made, the collector runs on the GUI thread alone, every GC_MS, as it would have by itself.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

POLL_MS = 15  # how often finished jobs are collected while any runs: well under what a reader notices
GC_MS = 500  # how often the GUI thread runs the garbage collector, when its thresholds say one is due


class _Work:
    """What a job's thread holds: the function, then its outcome. Plain Python only (see the module's doc)."""

    def __init__(self, function: Callable[[], Any]) -> None:
        self._function: Callable[[], Any] | None = function
        self.outcome: tuple[bool, Any] | None = None  # (True, the result) or (False, what went wrong), once done

    def run(self) -> None:
        function, self._function = self._function, None
        assert function is not None
        try:
            outcome = (True, function())
        except Exception as exc:  # a bug in the work must cost the reader its result, not the window
            outcome = (False, f"{type(exc).__name__}: {exc}")
        self.outcome = outcome


def collect_on_this_thread() -> None:
    """From now on, Python's cyclic garbage collector runs on this (the GUI) thread only, driven by a timer of
    the application's: the collections the interpreter would have made, each at the next tick (see the module's
    doc). Once per application; nothing without one."""
    app = QCoreApplication.instance()
    if app is None or app.findChild(QTimer, "garbage-collector") is not None:
        return
    gc.disable()
    timer = QTimer(app)
    timer.setObjectName("garbage-collector")
    timer.setInterval(GC_MS)
    timer.timeout.connect(_collect_garbage)
    timer.start()


def _collect_garbage() -> None:
    """The collection the interpreter would make now: of the oldest generation whose count is past its
    threshold (and the younger ones with it), when the youngest's is."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 0
    while generation < 2 and counts[generation + 1] + 1 > thresholds[generation + 1]:
        generation += 1
    gc.collect(generation)


class Background(QObject):
    """Starts jobs on daemon threads and calls back, on this object's thread, with their results."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        collect_on_this_thread()
        self._jobs: list[tuple[_Work, Callable[[Any], None], Callable[[str], None]]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._collect)

    @property
    def running(self) -> int:
        """How many jobs started and not cancelled have not been heard back from yet."""
        return len(self._jobs)

    def start(self, name: str, function: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[str], None]) -> None:
        """Run `function()` on a daemon thread named `name`; then `done(its result)`, or `failed(message)` if it
        raised. `function` must hold no Qt object: it is the thread's (a `functools.partial` of plain values)."""
        work = _Work(function)
        self._jobs.append((work, done, failed))
        threading.Thread(target=work.run, name=name, daemon=True).start()
        self._timer.start()

    def cancel(self) -> None:
        """None of the jobs started reports back (one computing goes on to its end, unheard)."""
        self._jobs.clear()
        self._timer.stop()

    def _collect(self) -> None:
        finished = [job for job in self._jobs if job[0].outcome is not None]
        if not finished:
            return
        self._jobs = [job for job in self._jobs if job[0].outcome is None]
        if not self._jobs:
            self._timer.stop()
        for work, done, failed in finished:
            ok, value = work.outcome  # type: ignore[misc]  # set: the job is among the finished
            done(value) if ok else failed(value)
