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
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

POLL_MS = 15  # how often finished jobs are collected while any runs: well under what a reader notices


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


class Background(QObject):
    """Starts jobs on daemon threads and calls back, on this object's thread, with their results."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
