"""An interview's topics: contiguous spans of turns, each with a label and keywords, found automatically and
corrected by the reader.

    topics = find_topics(transcript)                  # automatic, deterministic, offline
    topics = apply_edits(topics, notes.topic_edits, transcript)   # the reader's renames, merges and splits

Topics always cover every turn, contiguously and in order; turn indices are 0-based.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reader.core.model import Transcript
from reader.core.topics.label import label_topics
from reader.core.topics.segment import choose_boundaries, score_gaps, units_of
from reader.core.topics.terms import TermTable, build_terms, remember, terms_for


@dataclass(frozen=True, slots=True)
class Topic:
    first_turn: int
    last_turn: int  # inclusive
    label: str
    keywords: tuple[str, ...]
    auto: bool = True  # False once the reader has renamed, split, merged or added it

    @property
    def turn_range(self) -> range:
        return range(self.first_turn, self.last_turn + 1)


def find_topics(transcript: Transcript) -> list[Topic]:
    """The automatic topics of a transcript (an empty list for a transcript without turns)."""
    if not transcript.turns:
        return []
    table = remember(transcript, build_terms(transcript))  # always fresh: the edits' relabelling reuses it
    units = units_of(transcript, table)
    starts = [0, *(units[u].first_turn for u in choose_boundaries(score_gaps(units, table), units))]
    return topics_from_starts(transcript, starts, table)


def topics_from_starts(transcript: Transcript, starts: list[int], table: TermTable | None = None) -> list[Topic]:
    """Automatic labels for topics beginning at the given turns (0 is added when missing)."""
    bounds = sorted({0, *(s for s in starts if 0 <= s < len(transcript.turns))})
    spans = [(s, e - 1) for s, e in zip(bounds, [*bounds[1:], len(transcript.turns)], strict=True)]
    terms = table or terms_for(transcript)
    labels = label_topics(transcript, terms, spans)
    return [Topic(first, last, label, keywords) for (first, last), (label, keywords) in zip(spans, labels, strict=True)]


def topic_at(topics: list[Topic], turn: int) -> int | None:
    """Index of the topic holding a turn, or None when there are no topics."""
    if not topics:
        return None
    at = bisect.bisect_right([t.first_turn for t in topics], turn) - 1
    return max(0, min(at, len(topics) - 1))


from reader.core.topics.edits import apply_edits  # noqa: E402  (edits build on Topic)

__all__ = ["Topic", "apply_edits", "find_topics", "topic_at", "topics_from_starts"]
