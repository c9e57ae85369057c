"""The two ends of the window's process: timing the start to the first picture (`--timings`), and an end that
waits on nothing: neither the work still running in the background nor what is left in memory.

The first picture: the window's start marks its phases (reader.core.timings) and watches the first window's
reading view, to the end of its first paint of the text and to the first paint that finds nothing left to format
(the view's `text_painted`); then the timings are printed.

The end: the event loop quits once every window is closed, each window's notes written in its closeEvent. Two
things made quitting take seconds on a large transcript:
- the topics job, still computing on its daemon thread (it cannot be stopped, only left unheard), holds the
  interpreter lock for up to the switch interval (5 ms by default) each time the window's thread lets go of it
  to call into Qt, which closing and taking the window down do hundreds of times. While the window runs
  (`sharing_the_lock`), the interval is short, so the lock comes back at once: the same holds for anything the
  reader does while the topics are found. A thread that nobody waits for is never interrupted more often.
- at its exit the interpreter searches every object left for reference cycles, millions of them with a large
  transcript: frozen (gc.freeze) just before, they are left to the process's end with everything else
  (`leave_memory_at_exit`).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from reader.core import timings
from reader.ui.transcript_view import TranscriptView

SWITCH_INTERVAL = 0.0005  # seconds: the window's thread gets the interpreter lock back within this from a job
SHOWN_LIMIT_MS = 20_000  # the longest `until_shown` waits: a view with no room on screen never paints


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
            # A view given no room on screen never paints: then what there is, after a while.
            QTimer.singleShot(SHOWN_LIMIT_MS, loop, loop.quit)
            loop.exec()

    return wait


def until(condition: Callable[[], bool]) -> None:
    """Run the event loop until `condition()` holds, asked after each event."""
    while not condition():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


@contextmanager
def sharing_the_lock() -> Iterator[None]:
    """While windows run beside the topics jobs, up to their end: the interpreter lock comes back to the window's
    thread within SWITCH_INTERVAL (the interval as it was after), and the threads allocate from one heap
    (`one_heap`)."""
    one_heap()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


M_ARENA_MAX = -8  # glibc's mallopt parameter: how many heaps ("arenas") malloc may make for threads


def one_heap() -> None:
    """Have the C allocator keep one heap for every thread (glibc; elsewhere nothing). By default a thread that
    allocates while another does gets a heap of its own, whose freed memory the other threads do not reuse: a
    large file's whole, parsed on a thread while its first screen shows, left its 20 MB of temporaries in such a
    heap, beside the window's own when it then showed the whole (peak 244 MB instead of 225 at 18.6k turns).
    Threads that take turns with the interpreter lock gain next to nothing from heaps of their own."""
    global _one_heap
    if _one_heap or not sys.platform.startswith("linux"):
        return
    _one_heap = True
    with contextlib.suppress(OSError, AttributeError):  # not glibc (musl has no arenas to keep apart)
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1)


_one_heap = False


def leave_memory_at_exit() -> None:
    """At the interpreter's exit, no search for reference cycles among the objects left: they go with the
    process. Registered once."""
    global _leaving
    if not _leaving:
        _leaving = True
        atexit.register(gc.freeze)  # before the interpreter's last collections


_leaving = False
