"""When each word of a transcript is heard in its recording: known times where the transcript or the reader gives
them, estimates by word position between them.

Times are known from the layout (a turn's start, which a caption file takes from the turn's first cue; the later
cues of a turn merged from several, whose timings are kept aside in the turn's span) and from the reader's sync
points ("this turn starts now", set while the recording plays and kept with the notes).
Between two known points the time is spread over the words between them, as if the speakers kept an even pace;
a change of speaker counts as `TURN_PAUSE` words more, so that a turn without words still comes after the one
before it. Before the first known point the recording is taken to start with the transcript; after the last,
speech goes on at the pace of the known points (or `DEFAULT_WORDS_PER_SECOND` with fewer than two), or reaches
the end of the recording when its length is known.

The times never go back: a known point that contradicts the others is left out, and its turn is estimated like
the rest. The newest sync point wins over older ones, and the reader's points win over the layout's times, so
that setting "this turn starts now" always makes that turn start then.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reader.core.model import AsideKind, Transcript
from reader.core.words import count_words, word_starts

DEFAULT_WORDS_PER_SECOND = 2.5  # 150 words a minute: an interview's usual pace
PACE_LIMITS = (0.5, 8.0)  # words a second: a pace measured outside these is a wrong time, not speech
TURN_PAUSE = 1.0  # a change of speaker takes as long as a word
MAX_SECONDS = 10_000_000.0  # about 115 days: no recording is longer

PointSource = Literal["layout", "cue", "sync", "start", "end"]
# The first clock of a cue's timing line ("00:01:05.958 --> …", "00:01:05,958 --> …", "0:01:05.958,0:01:09.1",
# "[00:01:05]", "1:05"): hours, minutes, seconds, fraction.
_CLOCK = re.compile(r"(?<![\d:.,])(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?(?![\d:])")


@dataclass(frozen=True, slots=True)
class SyncPoint:
    """The reader's word that the words at `offset` of a turn's text are heard `seconds` into the recording."""

    turn_id: str
    seconds: float
    offset: int = 0  # in Turn.text

    def to_dict(self) -> dict[str, Any]:
        return {"turn_id": self.turn_id, "offset": self.offset, "seconds": round(self.seconds, 3)}


@dataclass(frozen=True, slots=True)
class KnownPoint:
    """A place in the transcript (its word position) whose time is known, or assumed at the start and end."""

    position: float
    seconds: float
    source: PointSource


class Timeline:
    """Every turn's start in the recording, known or estimated, and the way between times and words.

    A word position counts the words before a place in the transcript, plus `TURN_PAUSE` for every turn begun
    before it: `position(turn, offset)`.
    """

    def __init__(self, transcript: Transcript, points: Sequence[KnownPoint], words_per_second: float,
                 positions: Sequence[float]) -> None:
        """`positions`: where each turn starts (`turn_positions`)."""
        self.transcript = transcript
        self.points = tuple(points)  # in order of position (and so of time); the first is at position 0
        self.words_per_second = words_per_second
        self._xs = [p.position for p in self.points]
        self._ys = [p.seconds for p in self.points]
        self._turn_positions = positions
        self._exact = {p.position for p in self.points if p.source in ("layout", "cue", "sync")}
        self.starts = tuple(self._time_of(x) for x in self._turn_positions)

    @property
    def has_known_times(self) -> bool:
        """Whether any time is known (from the layout, a cue or a sync point), rather than all assumed."""
        return bool(self._exact)

    def position(self, turn: int, offset: int = 0) -> float:
        """The word position of `offset` in a turn's text (clamped to the turn)."""
        return word_position(self.transcript, self._turn_positions, turn, offset)

    def time_at(self, turn: int, offset: int = 0) -> float:
        """Seconds into the recording where the words at `offset` of the turn are heard."""
        return self._time_of(self.position(turn, offset))

    def is_estimated(self, turn: int, offset: int = 0) -> bool:
        """Whether the time at this place is an estimate (not a time the layout or a sync point gives)."""
        return self.position(turn, offset) not in self._exact

    def heard(self, turn: int, offset: int = 0) -> tuple[float, bool]:
        """(seconds, whether estimated) of the words at `offset` of the turn."""
        x = self.position(turn, offset)
        return self._time_of(x), x not in self._exact

    def turn_estimated(self, turn: int) -> bool:
        return self._turn_positions[turn] not in self._exact

    def span(self, turn: int, start: int, end: int) -> tuple[float, float]:
        """(from, to) seconds of the words `Turn.text[start:end]`; words at a turn's end last until the next
        turn starts, or at the pace of the timeline after the last turn."""
        text = self.transcript.turns[turn].text
        begin = self.time_at(turn, start)
        if end >= len(text.rstrip()):
            finish = (self.starts[turn + 1] if turn + 1 < len(self.starts)
                      else self._time_of(self.position(turn, len(text)) + TURN_PAUSE))
        else:
            finish = self.time_at(turn, end)
        return begin, max(begin, finish)

    def turn_at(self, seconds: float) -> int:
        """The turn being heard `seconds` into the recording: the last to start by then (-1 with no turns)."""
        if not self.starts:
            return -1
        return max(0, bisect_right(self.starts, seconds) - 1)

    def place_at(self, seconds: float) -> tuple[int, int]:
        """(turn, offset of the word heard `seconds` into the recording); (-1, 0) with no turns."""
        turn = self.turn_at(seconds)
        if turn < 0:
            return -1, 0
        words_in = self._position_of(seconds) - self._turn_positions[turn]
        starts = word_starts(self.transcript.turns[turn].text)
        if not starts or words_in < 1:
            return turn, 0
        return turn, starts[min(len(starts) - 1, int(words_in))]

    # --- the piecewise-linear map between word positions and seconds ---------------------------------------

    def _time_of(self, x: float) -> float:
        return min(MAX_SECONDS, _along(self._xs, self._ys, x, 1 / self.words_per_second))

    def _position_of(self, seconds: float) -> float:
        return _along(self._ys, self._xs, seconds, self.words_per_second)


def _along(keys: Sequence[float], values: Sequence[float], key: float, beyond: float) -> float:
    """The piecewise-linear map through (keys[i], values[i]) at `key`; past the last key, rising `beyond` a unit.
    Keys never go down; of equal keys the last is taken (bisect_right), so a segment used always rises."""
    i = bisect_right(keys, key) - 1
    if i < 0:
        return values[0]
    if i == len(keys) - 1:
        return values[i] + (key - keys[i]) * beyond
    return values[i] + (values[i + 1] - values[i]) * (key - keys[i]) / (keys[i + 1] - keys[i])


def turn_positions(transcript: Transcript) -> list[float]:
    """The word position where each turn starts."""
    positions: list[float] = []
    running = 0.0
    for turn in transcript.turns:
        positions.append(running)
        running += count_words(turn.text) + TURN_PAUSE
    return positions


def word_position(transcript: Transcript, positions: Sequence[float], turn: int, offset: int) -> float:
    """The word position of `offset` in a turn's text (clamped to the turn), `positions` the turns' own."""
    text = transcript.turns[turn].text
    offset = max(0, min(offset, len(text)))
    return positions[turn] + (count_words(text[:offset]) if offset else 0)


def estimate_times(transcript: Transcript, sync_points: Iterable[SyncPoint] = (),
                   duration: float | None = None) -> Timeline:
    """The timeline of a transcript: its layout's turn times and the reader's sync points (oldest first), and
    the recording's length in seconds when known. Points that contradict those before them are left out."""
    positions = turn_positions(transcript)
    xs: list[float] = []
    points: list[KnownPoint] = []

    def add(x: float, seconds: float | None, source: PointSource) -> None:
        if seconds is None or not math.isfinite(seconds) or not 0 <= seconds <= MAX_SECONDS:
            return
        i = bisect_left(xs, x)
        taken = i < len(xs) and xs[i] == x
        if taken or (i and points[i - 1].seconds > seconds) or (i < len(xs) and seconds > points[i].seconds):
            return
        xs.insert(i, x)
        points.insert(i, KnownPoint(x, seconds, source))

    by_id = transcript.turn_by_id
    for point in reversed(list(sync_points)):  # the newest first: it is the one the reader just set
        turn = by_id.get(point.turn_id)
        if turn is not None:
            add(word_position(transcript, positions, turn.index, point.offset), point.seconds, "sync")
    for turn in transcript.turns:
        add(positions[turn.index], turn.start, "layout")
    for position, seconds in cue_points(transcript, positions):
        add(position, seconds, "cue")
    pace = _pace(points)
    if not xs or xs[0] > 0:
        add(0.0, 0.0, "start")
    if transcript.turns and duration is not None:
        last = transcript.turns[-1]
        end = positions[-1] + count_words(last.text) + TURN_PAUSE
        if end > xs[-1]:
            add(end, duration, "end")
    return Timeline(transcript, points, pace, positions)


def cue_points(transcript: Transcript, positions: Sequence[float]) -> list[tuple[float, float]]:
    """(word position, seconds) of the cues inside turns: a caption file's consecutive cues of one speaker are one
    turn, and the timings of all but the first are kept as furniture asides within its span. The words before such
    a timing are those of the source from the turn's start, less its label and the asides before it."""
    asides = sorted((a for a in transcript.asides if a.kind is AsideKind.FURNITURE), key=lambda a: a.span[0])
    starts = [a.span[0] for a in asides]
    source = transcript.source
    out: list[tuple[float, float]] = []
    for turn in transcript.turns:
        begin, end = turn.span
        first, last = bisect_right(starts, begin), bisect_left(starts, end)
        if first >= last:
            continue
        label = count_words(source[turn.label_span[0]:turn.label_span[1]]) if turn.label_span else 0
        words = count_words(turn.text)
        aside_words = 0
        for aside in asides[first:last]:
            clock_at = _CLOCK.search(aside.text)
            if clock_at is not None:
                hours, minutes, secs, fraction = clock_at.groups()
                seconds = int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + float(f"0.{fraction or 0}")
                before = count_words(source[begin:aside.span[0]]) - label - aside_words
                out.append((positions[turn.index] + max(0, min(words, before)), seconds))
            aside_words += count_words(aside.text)
    return out


def _pace(points: Sequence[KnownPoint]) -> float:
    """Words a second between the first and last known points, when it is a pace people speak at."""
    if len(points) >= 2:
        words = points[-1].position - points[0].position
        seconds = points[-1].seconds - points[0].seconds
        if words > 0 and seconds > 0:
            pace = words / seconds
            low, high = PACE_LIMITS
            if low <= pace <= high:
                return pace
    return DEFAULT_WORDS_PER_SECOND


def with_sync_point(transcript: Transcript, points: Sequence[SyncPoint], new: SyncPoint) -> tuple[SyncPoint, ...]:
    """The sync points after the reader sets `new`: the ones it contradicts (later in the text but earlier in
    time, or the other way round) and one at the same place go; the rest are kept, oldest first."""
    positions = turn_positions(transcript)
    by_id = transcript.turn_by_id

    def where(point: SyncPoint) -> float | None:
        turn = by_id.get(point.turn_id)
        return None if turn is None else word_position(transcript, positions, turn.index, point.offset)

    here = where(new)
    kept: list[SyncPoint] = []
    for point in points:
        there = where(point)
        if here is not None and there is not None and (
                there == here or (there < here and point.seconds > new.seconds)
                or (there > here and point.seconds < new.seconds)):
            continue
        kept.append(point)
    return (*kept, new)


def stamp(seconds: float) -> str:
    """`83.4` -> `00:01:23`: hours, minutes and seconds, two digits each, as a label line or a citation writes
    a time."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def clock(seconds: float, estimated: bool = False) -> str:
    """A time as a reader reads it: "4:05", "1:02:09"; an estimate is marked "≈4:05"."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    text = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
    return f"≈{text}" if estimated else text
