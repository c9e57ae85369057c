"""The reader's corrections to the automatic topics: a list of small edits replayed on every recomputation.

Edits are plain dicts, stored with the transcript's notes, each keyed by the turn it acts at (its 0-based index
and, when known, the turn's id, which finds the turn again if the file is re-parsed and indices shift)::

    {"op": "rename", "turn": 12, "label": "G20 dinner"}  # the topic starting at turn 12 is called this
    {"op": "split", "turn": 18}                          # a topic starts at turn 18 (labelled automatically)
    {"op": "add", "turn": 18, "label": "Kindergarten"}   # the same, with the reader's label
    {"op": "merge", "turn": 22}                          # the topic starting at turn 22 joins the one before it

Replaying them on new automatic topics keeps the reader's view: a rename also fixes its topic's start, so a
renamed topic keeps its name even when the automatic boundary moves. An edit that no longer applies (a merge
at a turn that is not a topic start any more, a turn past the end) is skipped, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.core.model import Transcript

if TYPE_CHECKING:
    from reader.core.topics import Topic

OPS = ("rename", "split", "add", "merge")


def make_edit(op: str, turn: int, transcript: Transcript | None = None, label: str | None = None) -> dict[str, Any]:
    """An edit dict as the store keeps it."""
    if op not in OPS:
        raise ValueError(f"unknown topic edit {op!r}; known: {', '.join(OPS)}")
    edit: dict[str, Any] = {"op": op, "turn": int(turn)}
    if transcript is not None and 0 <= turn < len(transcript.turns):
        edit["turn_id"] = transcript.turns[turn].id
    if label is not None:
        edit["label"] = label
    return edit


@dataclass
class _Segment:
    start: int
    label: str
    keywords: tuple[str, ...]
    auto: bool = True
    user_label: bool = False
    stale: bool = False  # its span changed: an automatic label no longer fits


def _turn_of(edit: dict[str, Any], count: int, transcript: Transcript | None) -> int | None:
    if transcript is not None:
        turn = transcript.turn_by_id.get(str(edit.get("turn_id", "")))
        if turn is not None:
            return turn.index
    try:
        index = int(edit["turn"])
    except (KeyError, TypeError, ValueError):
        return None
    return index if 0 <= index < count else None


def apply_edits(topics: list[Topic], edits: list[dict[str, Any]], transcript: Transcript | None = None) -> list[Topic]:
    """The topics with the reader's edits replayed in order. With the transcript, topics whose span changed
    get fresh automatic labels; without it they keep the label of the topic they came from."""
    from reader.core.topics import Topic, topics_from_starts

    if not topics or not edits:
        return list(topics)
    count = topics[-1].last_turn + 1
    segments = {t.first_turn: _Segment(t.first_turn, t.label, t.keywords, t.auto, not t.auto) for t in topics}
    for edit in edits:
        op = edit.get("op")
        turn = _turn_of(edit, count, transcript)
        if turn is None or op not in OPS:
            continue
        if op in ("split", "add", "rename"):
            if turn not in segments:
                parent = segments[max(s for s in segments if s < turn)]
                parent.stale = True
                parent.auto = False
                segments[turn] = _Segment(turn, parent.label, parent.keywords, False, False, True)
            label = str(edit.get("label") or "").strip()
            if label and op != "split":
                segments[turn].label = label
                segments[turn].user_label = True
                segments[turn].auto = False
            elif op == "split":
                segments[turn].auto = False
        elif op == "merge" and turn in segments and turn > 0:
            gone = segments.pop(turn)
            keeper = segments[max(s for s in segments if s < turn)]
            keeper.keywords = tuple(dict.fromkeys((*keeper.keywords, *gone.keywords)))
            keeper.stale = True
            keeper.auto = False
    starts = sorted(segments)
    fresh = {}
    if transcript is not None and any(s.stale and not s.user_label for s in segments.values()):
        fresh = {t.first_turn: t for t in topics_from_starts(transcript, starts)}
    result = []
    for start, end in zip(starts, [*starts[1:], count], strict=True):
        seg = segments[start]
        label, keywords = seg.label, seg.keywords
        if seg.stale and start in fresh:
            keywords = fresh[start].keywords
            if not seg.user_label:
                label = fresh[start].label
        result.append(Topic(start, end - 1, label, keywords, seg.auto))
    return result
