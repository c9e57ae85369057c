"""Estimated times: known where the layout or a sync point gives them, spread over the words between, never
going back, and passing through the reader's sync points."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.loader import load_transcript, parse_text
from reader.core.model import Transcript
from reader.core.timing import (
    DEFAULT_WORDS_PER_SECOND,
    TURN_PAUSE,
    SyncPoint,
    clock,
    estimate_times,
    with_sync_point,
)

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"
UNTIMED = "\n\n".join([
    "Interviewer: Where did you grow up?",
    "Maria: In Porto Novo, right on the harbour, in the blue house at the end of the quay.",
    "Interviewer: And your father?",
    "Maria: He left at four every morning and came back at noon with whatever the sea gave him.",
    "Interviewer: Thank you.",
])

TIMED = "\n\n".join([
    "[00:00:05] Interviewer: Where did you grow up?",
    "[00:00:09] Maria: In Porto Novo, right on the harbour, in the blue house at the end of the quay.",
    "[00:00:21] Interviewer: And your father?",
    "[00:00:24] Maria: He left at four every morning and came back at noon with whatever the sea gave him.",
    "[00:00:40] Interviewer: Thank you.",
])


@pytest.fixture(scope="module")
def untimed() -> Transcript:
    transcript = parse_text(UNTIMED)
    assert len(transcript.turns) == 5 and all(t.start is None for t in transcript.turns)
    return transcript


@pytest.fixture(scope="module")
def timed() -> Transcript:
    transcript = parse_text(TIMED)
    assert [t.start for t in transcript.turns] == [5, 9, 21, 24, 40]
    return transcript


def test_known_turn_times_are_kept_and_not_estimated(timed: Transcript) -> None:
    timeline = estimate_times(timed)
    assert timeline.starts == (5, 9, 21, 24, 40)
    assert not any(timeline.turn_estimated(i) for i in range(5))
    assert timeline.has_known_times


def test_words_inside_a_turn_are_spread_between_its_start_and_the_next(timed: Transcript) -> None:
    timeline = estimate_times(timed)
    text = timed.turns[1].text
    middle = text.index("blue")
    at = timeline.time_at(1, middle)
    assert 9 < at < 21
    assert timeline.is_estimated(1, middle)
    assert not timeline.is_estimated(1, 0)
    # the words before "blue" take their share of the twelve seconds, plus the pause before the next turn
    words_before = len(text[:middle].split())
    assert at == pytest.approx(9 + 12 * words_before / (len(text.split()) + TURN_PAUSE))


def test_a_transcript_without_times_is_estimated_at_an_even_pace(untimed: Transcript) -> None:
    timeline = estimate_times(untimed)
    assert timeline.starts[0] == 0
    assert not timeline.has_known_times
    assert all(timeline.turn_estimated(i) for i in range(5))
    first = untimed.turns[0]
    assert timeline.starts[1] == pytest.approx((len(first.text.split()) + TURN_PAUSE) / DEFAULT_WORDS_PER_SECOND)


def test_the_recording_length_stretches_the_estimates_to_its_end(untimed: Transcript) -> None:
    timeline = estimate_times(untimed, duration=600)
    last = untimed.turns[-1]
    assert timeline.span(4, 0, len(last.text))[1] == pytest.approx(600)
    assert timeline.starts[2] == pytest.approx(600 * timeline.position(2) / timeline.points[-1].position)


def test_a_sync_point_moves_the_estimates_and_is_passed_through(untimed: Transcript) -> None:
    before = estimate_times(untimed, duration=120)
    point = SyncPoint(untimed.turns[2].id, 70.0)
    after = estimate_times(untimed, [point], duration=120)
    assert after.starts[2] == 70.0 and not after.turn_estimated(2)
    assert after.starts[1] != before.starts[1] and after.starts[3] != before.starts[3]
    assert after.starts[1] < 70 < after.starts[3] < 120
    assert after.turn_estimated(1) and after.turn_estimated(3)


def test_a_sync_point_inside_a_turn(untimed: Transcript) -> None:
    text = untimed.turns[3].text
    offset = text.index("came")
    timeline = estimate_times(untimed, [SyncPoint(untimed.turns[3].id, 50.0, offset)])
    assert timeline.time_at(3, offset) == 50.0
    assert not timeline.is_estimated(3, offset)
    assert timeline.place_at(50.0) == (3, offset)


def test_a_sync_point_wins_over_layout_times_it_contradicts(timed: Transcript) -> None:
    timeline = estimate_times(timed, [SyncPoint(timed.turns[1].id, 30.0)])
    assert timeline.starts[1] == 30.0
    # 21 s for turn 2 would go back in time: it is estimated after the sync point instead
    assert timeline.turn_estimated(2)
    assert timeline.starts[2] > 30
    assert timeline.starts[3] == 24 or timeline.starts[3] > 30  # turn 3 at 24 s contradicts too
    assert list(timeline.starts) == sorted(timeline.starts)


def test_the_newest_sync_point_wins(untimed: Transcript) -> None:
    old = SyncPoint(untimed.turns[3].id, 20.0)
    new = SyncPoint(untimed.turns[1].id, 40.0)  # earlier in the text, later in time: contradicts `old`
    timeline = estimate_times(untimed, [old, new])
    assert timeline.starts[1] == 40.0
    assert timeline.turn_estimated(3)
    assert with_sync_point(untimed, [old], new) == (new,)


def test_with_sync_point_keeps_the_consistent_ones_and_replaces_the_same_place(untimed: Transcript) -> None:
    a = SyncPoint(untimed.turns[1].id, 10.0)
    b = SyncPoint(untimed.turns[3].id, 30.0)
    again = SyncPoint(untimed.turns[3].id, 33.0)
    assert with_sync_point(untimed, [a], b) == (a, b)
    assert with_sync_point(untimed, [a, b], again) == (a, again)
    gone = SyncPoint("no such turn", 5.0)
    assert with_sync_point(untimed, [gone], a) == (gone, a)  # kept for a later version of the transcript


def test_following_the_recording_turn_by_turn(timed: Transcript) -> None:
    timeline = estimate_times(timed)
    assert [timeline.turn_at(s) for s in (0, 5, 8.9, 9, 22, 39.99, 40, 5000)] == [0, 0, 0, 1, 2, 3, 4, 4]
    turn, offset = timeline.place_at(15)
    assert turn == 1 and 0 < offset < len(timed.turns[1].text)
    assert timed.turns[1].text[offset - 1] == " "  # at the start of a word


def test_a_quote_span_ends_where_its_last_word_does(timed: Transcript) -> None:
    timeline = estimate_times(timed)
    text = timed.turns[1].text
    start, end = text.index("right"), text.index(" in the blue")
    begin, finish = timeline.span(1, start, end)
    assert 9 < begin < finish < 21
    whole = timeline.span(1, 0, len(text))
    assert whole == (9, 21)


def test_the_later_cues_of_a_merged_turn_are_known_times() -> None:
    # Zoom's captions: one speaker's consecutive cues are one turn, the later cues' timings kept aside in it
    captions = load_transcript(LAYOUTS / "zoom-recording.vtt")
    timeline = estimate_times(captions)
    text = captions.turns[0].text
    second_cue = text.index("today. Before")  # the cue "00:00:05.958 --> 00:00:10.865" starts with it
    assert timeline.time_at(0, second_cue) == pytest.approx(5.958)
    assert not timeline.is_estimated(0, second_cue)
    assert timeline.place_at(6.0) == (0, second_cue)
    # a timestamped export's lines inside one turn
    podcast = load_transcript(LAYOUTS / "podcast-timestamps.txt")
    line = podcast.turns[0].text.index("This week")
    assert estimate_times(podcast).time_at(0, line) == 8.0


def test_no_turns() -> None:
    transcript = parse_text("")
    timeline = estimate_times(transcript, duration=10)
    assert timeline.starts == () and timeline.turn_at(3) == -1 and timeline.place_at(3) == (-1, 0)


def test_clock() -> None:
    assert clock(0) == "0:00"
    assert clock(65.9) == "1:05"
    assert clock(3729) == "1:02:09"
    assert clock(65, estimated=True) == "≈1:05"


# --- properties -------------------------------------------------------------------------------------------

_WORDS = st.lists(st.sampled_from(["yes", "no", "the", "harbour", "boats", "4am", "don't"]), min_size=0, max_size=12)


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    """Labelled transcripts of 1 to 12 turns, some with a time (not always in order), some without."""
    turns = draw(st.lists(_WORDS, min_size=1, max_size=12))
    times = draw(st.lists(st.one_of(st.none(), st.integers(0, 3600)), min_size=len(turns), max_size=len(turns)))
    lines = []
    for n, (words, seconds) in enumerate(zip(turns, times, strict=True)):
        stamp = "" if seconds is None else f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}] "
        lines.append(f"{stamp}{'Anna' if n % 2 else 'Ben'}: {' '.join(words) or 'Hm'}")
    return parse_text("\n\n".join(lines))


@st.composite
def sync_points(draw: st.DrawFn, transcript: Transcript) -> list[SyncPoint]:
    count = draw(st.integers(0, 4))
    points = []
    for _ in range(count):
        turn = transcript.turns[draw(st.integers(0, len(transcript.turns) - 1))]
        offset = draw(st.integers(0, len(turn.text)))
        points.append(SyncPoint(turn.id, draw(st.floats(0, 7200, allow_nan=False)), offset))
    return points


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_estimates_are_monotonic(data: st.DataObject) -> None:
    transcript = data.draw(transcripts())
    points = data.draw(sync_points(transcript))
    duration = data.draw(st.one_of(st.none(), st.floats(0, 9000, allow_nan=False)))
    timeline = estimate_times(transcript, points, duration)
    places = [(t.index, o) for t in transcript.turns for o in range(0, len(t.text) + 1, 3)]
    times = [timeline.time_at(t, o) for t, o in places]
    assert all(math.isfinite(x) and x >= 0 for x in times)
    assert times == sorted(times)
    assert list(timeline.starts) == sorted(timeline.starts)
    # following the recording never goes back either
    heard = [timeline.turn_at(s) for s in range(0, 9000, 97)]
    assert heard == sorted(heard)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_estimates_pass_through_the_sync_points(data: st.DataObject) -> None:
    transcript = data.draw(transcripts())
    points: tuple[SyncPoint, ...] = ()
    for point in data.draw(sync_points(transcript)):
        points = with_sync_point(transcript, points, point)  # as the reader sets them, one after another
    timeline = estimate_times(transcript, points)
    for point in points:
        turn = transcript.turn_by_id[point.turn_id].index
        assert timeline.time_at(turn, point.offset) == pytest.approx(point.seconds)
        assert not timeline.is_estimated(turn, point.offset)


@settings(max_examples=100, deadline=None)
@given(transcripts())
def test_layout_times_in_order_are_all_kept(transcript: Transcript) -> None:
    given_times = [t.start for t in transcript.turns if t.start is not None]
    if given_times != sorted(given_times):
        return
    timeline = estimate_times(transcript)
    for turn in transcript.turns:
        if turn.start is not None:
            assert timeline.starts[turn.index] == turn.start
            assert not timeline.turn_estimated(turn.index)
