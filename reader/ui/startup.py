"""The two ends of the window's process: timing the start to the first picture (`--timings`), and an end that
does not wait on the work still running in the background.

The first picture: the window's start marks its phases (reader.core.timings) and watches the first window's
reading view, to the end of its first paint of the text and to the first paint that finds nothing left to format
(the view's `text_painted`); then the timings are printed.

The end: the event loop quits once every window is closed, each window's notes written in its closeEvent. Two
things would then make quitting take seconds on a large transcript:
- the topics job, still computing on its daemon thread (it cannot be stopped, only left unheard), holds the
  interpreter lock for up to the switch interval (5 ms) each time this thread lets go of it to call into Qt,
  which taking the window down does hundreds of times: a short interval hands it back at once;
- at its exit the interpreter searches every object left for reference cycles, millions of them with a large
  transcript: frozen (gc.freeze) just before, they are left to the process's end with everything else.
"""

from __future__ import annotations

import atexit
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEventLoop

from reader.core import timings
from reader.ui.transcript_view import TranscriptView

ENDING_SWITCH_INTERVAL = 0.0002  # seconds: while the window is taken down, the lock comes back at once


def watch_first_picture(view: TranscriptView) -> None:
    """Mark the end of the view's first paint of a transcript and of its idle, and print the timings then."""
    painted: list[bool] = []

    def on_painted(complete: bool) -> None:
        if not painted:
            painted.append(True)
            timings.mark("first_paint")
        if complete:
            timings.mark("idle")
            timings.report()
            view.text_painted.disconnect(on_painted)

    view.text_painted.connect(on_painted)


def until_shown(view: TranscriptView) -> Callable[[], None]:
    """A function that runs the event loop until `view` shows its transcript (`text_shown`: painted, every block
    on screen formatted). Made before the view is shown, so that the signal cannot come unheard."""
    loop = QEventLoop()
    view.text_shown.connect(loop.quit)

    def wait() -> None:
        vdoc = view.vdoc
        if vdoc is not None and vdoc.block_count:  # else nothing is painted, and nothing to wait for
            loop.exec()

    return wait


def until(condition: Callable[[], bool]) -> None:
    """Run the event loop until `condition()` holds, asked after each event."""
    while not condition():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def end_quickly(app: QCoreApplication) -> None:
    """When `app` quits, end without waiting on what runs in the background or what is left in memory."""
    app.aboutToQuit.connect(lambda: sys.setswitchinterval(ENDING_SWITCH_INTERVAL))  # the process ends after
    leave_memory_at_exit()


@contextmanager
def taking_down() -> Iterator[None]:
    """While a window is taken down with its topics perhaps still computing: the interpreter lock handed back at
    once (the interval as it was after)."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(ENDING_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def leave_memory_at_exit() -> None:
    """At the interpreter's exit, no search for reference cycles among the objects left: they go with the
    process. Registered once."""
    global _leaving
    if not _leaving:
        _leaving = True
        atexit.register(gc.freeze)  # before the interpreter's last collections


_leaving = False
