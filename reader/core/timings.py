"""Where the time of a start goes (`--timings`): the phases from the start of the process to the first picture
of a transcript, printed as one JSON line.

A start that asks for them begins a clock (`begin`); the code on the way marks the end of each phase it does
(`mark("decode")`), and a mark does nothing when no clock runs. The time since the previous mark goes to the
phase named, so a phase done in two parts (the window: made before the file is read, shown after) adds up.
The phases, in the order a window's start has them:

    imports      from the start of the process (as the system saw it begin) to the modules of the window loaded
    decode       reading the file and taking its text out of its container (decoding a plain text)
    parse        the layout detected, the turns built
    window       the window made, the transcript shown in it, the window shown
    first_paint  to the end of the reading view's first paint of the text
    idle         to the first paint that finds every block on screen formatted (the picture complete)

Plain Python (the loader marks its phases); the window's marks are made in reader/ui/startup.py.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import TextIO

PHASES = ("imports", "decode", "parse", "window", "first_paint", "idle")


class StartClock:
    """The phases of one start, in seconds; `report` ends them."""

    def __init__(self, started: float) -> None:
        self.started = started  # time.perf_counter() at the start of the process
        self.phases: dict[str, float] = {}
        self._last = started

    def mark(self, phase: str) -> None:
        now = time.perf_counter()
        self.phases[phase] = self.phases.get(phase, 0.0) + now - self._last
        self._last = now

    def line(self) -> str:
        """`{"imports": 0.31, ..., "total": 0.52}`: the phases marked, in their order, and the whole."""
        ordered = {p: round(self.phases[p], 4) for p in PHASES if p in self.phases}
        ordered.update({p: round(s, 4) for p, s in self.phases.items() if p not in ordered})
        return json.dumps({**ordered, "total": round(self._last - self.started, 4)})


_clock: StartClock | None = None


def begin() -> StartClock:
    """Start timing this process's start (its imports counted from the moment the process began)."""
    global _clock
    _clock = StartClock(process_started())
    return _clock


def mark(phase: str) -> None:
    """The phase `phase` ends now (when a start is being timed)."""
    if _clock is not None:
        _clock.mark(phase)


def running() -> bool:
    return _clock is not None


def report(file: TextIO | None = None) -> None:
    """Print the phases as one JSON line (stderr by default) and stop timing: what comes after is no start."""
    global _clock
    if _clock is not None:
        print(_clock.line(), file=file or sys.stderr, flush=True)
        _clock = None


def process_started() -> float:
    """The `time.perf_counter()` of the moment this process began, as the system tells it (Linux: to a clock
    tick, 10 ms); where it does not, now."""
    now = time.perf_counter()
    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as f:
            # The fields after the command's name (which may hold spaces) in parentheses; the start is the 22nd.
            started_ticks = int(f.read().rpartition(")")[2].split()[19])
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    return now - max(0.0, age)
