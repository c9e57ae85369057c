"""An interview's table of contents in two levels: sections, each holding its topics (contiguous spans of
turns, each with a label and keywords), found automatically and corrected by the reader.

    sections = find_sections(transcript)              # contents.py: automatic, deterministic, offline
    sections = apply_section_edits(sections, notes.topic_edits, transcript)   # edits.py: renames, merges, splits
    topics = find_topics(transcript)                  # contents.py: the topics alone, in order

The document's own headings, when it has them, are the sections. Both levels always cover every turn,
contiguously and in order; turn indices are 0-based.

The package itself holds only the two types and `topic_at`, so that what keeps or shows topics (the notes keep
the reader's `TopicEdit`s, the Topics dock shows `Section`s) does not load the labelling and its word tables;
finding them is `contents.py`, which the topics job imports.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


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


SOURCES = ("computed", "document", "user")


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the table of contents: a run of whole topics, titled by the document ("document"), by the
    program ("computed") or by the reader ("user")."""

    first_turn: int
    last_turn: int  # inclusive
    label: str
    keywords: tuple[str, ...]
    source: str = "computed"
    topics: tuple[Topic, ...] = ()
    auto: bool = True  # False once the reader has renamed, split, merged or added it

    @property
    def turn_range(self) -> range:
        return range(self.first_turn, self.last_turn + 1)


def topic_at(topics: list[Topic] | list[Section], turn: int) -> int | None:
    """Index of the topic (or section) holding a turn, or None when there are none."""
    if not topics:
        return None
    at = bisect.bisect_right([t.first_turn for t in topics], turn) - 1
    return max(0, min(at, len(topics) - 1))


__all__ = ["SOURCES", "Section", "Topic", "topic_at"]
