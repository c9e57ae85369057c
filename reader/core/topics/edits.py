"""The reader's corrections to the automatic topics: a list of small edits replayed on every recomputation.

Each edit is a `TopicEdit`, kept with the transcript's notes and keyed by the turn it acts at (its 0-based index
and, when known, the turn's id, which finds the turn again if the file is re-parsed and indices shift). In the
notes file an edit is the object `TopicEdit.to_dict` gives::

    {"op": "rename", "turn": 12, "label": "G20 dinner"}  # the topic starting at turn 12 is called this
    {"op": "split", "turn": 18}                          # a topic starts at turn 18 (labelled automatically)
    {"op": "add", "turn": 18, "label": "Kindergarten"}   # the same, with the reader's label
    {"op": "merge", "turn": 22}                          # the topic starting at turn 22 joins the one before it

Replaying them on new automatic topics keeps the reader's view: a rename also fixes its topic's start, so a
renamed topic keeps its name even when the automatic boundary moves. An edit that no longer applies (a merge
at a turn that is not a topic start any more, a turn past the end) is skipped, never an error.

Edits of sections are the same four, marked `"level": "section"` (an edit without a level is a topic's, as all
edits saved before sections existed are); they are replayed after the topics' edits. A section starts where a
topic starts: splitting a section inside a topic splits the topic there too, and a section loses its start when
a merge of topics removes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.core.model import Transcript
from reader.core.topics import Section, Topic

if TYPE_CHECKING:  # the notes keep TopicEdits: the labelling is loaded only when edits are replayed
    from reader.core.topics.terms import TermTable, TermTables

OPS = ("rename", "split", "add", "merge")
LEVELS = ("topic", "section")


@dataclass(frozen=True, slots=True)
class TopicEdit:
    """One of the reader's corrections: `op` (one of OPS) at the turn of index `turn`, on the topics or on the
    sections (`level`, one of LEVELS). Raises ValueError for an unknown operation or level."""

    op: str
    turn: int
    label: str | None = None  # what a rename or an add calls the topic
    level: str = "topic"
    turn_id: str | None = None  # the turn's id: finds the turn again when a re-parse shifts the indices

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(f"unknown topic edit {self.op!r}; known: {', '.join(OPS)}")
        if self.level not in LEVELS:
            raise ValueError(f"unknown level {self.level!r}; known: {', '.join(LEVELS)}")

    def to_dict(self) -> dict[str, Any]:
        """The edit as the notes file keeps it (the keys and their order unchanged since the first version)."""
        edit: dict[str, Any] = {"op": self.op, "turn": self.turn}
        if self.level != "topic":
            edit["level"] = self.level
        if self.turn_id is not None:
            edit["turn_id"] = self.turn_id
        if self.label is not None:
            edit["label"] = self.label
        return edit


def make_edit(op: str, turn: int, transcript: Transcript | None = None, label: str | None = None,
              level: str = "topic") -> TopicEdit:
    """An edit at turn index `turn`, which also records the turn's id when the transcript is given."""
    turn_id = transcript.turns[turn].id if transcript is not None and 0 <= turn < len(transcript.turns) else None
    return TopicEdit(op, int(turn), label, level, turn_id)


@dataclass
class _Segment:
    start: int
    label: str
    keywords: tuple[str, ...]
    auto: bool = True
    user_label: bool = False
    stale: bool = False  # its span changed: an automatic label no longer fits


def _turn_of(edit: TopicEdit, count: int, transcript: Transcript | None) -> int | None:
    if transcript is not None and edit.turn_id is not None:
        turn = transcript.turn_by_id.get(edit.turn_id)
        if turn is not None:
            return turn.index
    return edit.turn if 0 <= edit.turn < count else None


def apply_edits(topics: list[Topic], edits: list[TopicEdit], transcript: Transcript | None = None,
                terms: TermTables | None = None) -> list[Topic]:
    """The topics with the reader's edits replayed in order. With the transcript, topics whose span changed
    get fresh automatic labels (from its table in `terms`, when given); without it they keep the label of the
    topic they came from."""
    from reader.core.topics.contents import topics_from_starts

    edits = [e for e in edits if e.level == "topic"]
    if not topics or not edits:
        return list(topics)
    count = topics[-1].last_turn + 1
    segments = {t.first_turn: _Segment(t.first_turn, t.label, t.keywords, t.auto, not t.auto) for t in topics}
    for edit in edits:
        op, turn = edit.op, _turn_of(edit, count, transcript)
        if turn is None:
            continue
        if op in ("split", "add", "rename"):
            if turn not in segments:
                parent = segments[max(s for s in segments if s < turn)]
                parent.stale = True
                parent.auto = False
                segments[turn] = _Segment(turn, parent.label, parent.keywords, False, False, True)
            label = (edit.label or "").strip()
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
        fresh = {t.first_turn: t for t in topics_from_starts(transcript, starts, _table(transcript, terms))}
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


def apply_section_edits(sections: list[Section], edits: list[TopicEdit],
                        transcript: Transcript | None = None, terms: TermTables | None = None) -> list[Section]:
    """The two-level outline with the reader's edits replayed: the topics' edits on the topics, then the
    sections' on the sections. A renamed or added section is the reader's ("user"); a section whose span
    changed gets a fresh automatic label (with the transcript), unless the reader or the document named it. A
    computed section named as its only topic (the table of contents shows the two as one row) keeps that topic's
    name when the reader renames the topic."""
    from reader.core.topics.contents import sections_from_starts, topics_from_starts

    if not sections or not edits:
        return list(sections)
    one_row = {s.first_turn for s in sections if len(s.topics) == 1 and s.topics[0].label == s.label}
    topics = apply_edits([t for s in sections for t in s.topics], edits, transcript, terms)
    count = sections[-1].last_turn + 1
    topic_starts = {t.first_turn for t in topics}
    heads = {s.first_turn: _Head(s.label, s.source, s.auto) for s in sections if s.first_turn in topic_starts}
    heads.setdefault(0, _Head(sections[0].label, sections[0].source, sections[0].auto))
    new_topic_starts: set[int] = set()
    for edit in edits:
        if edit.level != "section":
            continue
        op, turn = edit.op, _turn_of(edit, count, transcript)
        if turn is None:
            continue
        label = (edit.label or "").strip()
        if op in ("split", "add", "rename"):
            if turn not in heads:
                parent = heads[max(s for s in heads if s < turn)]
                parent.stale = True
                heads[turn] = _Head(parent.label, "computed", False, stale=True)
                if turn not in topic_starts:
                    new_topic_starts.add(turn)
            if label and op != "split":
                heads[turn] = _Head(label, "user", False)
            else:
                heads[turn].auto = False
        elif op == "merge" and turn in heads and turn > 0:
            del heads[turn]
            heads[max(s for s in heads if s < turn)].stale = True
    if new_topic_starts:
        # A section starting inside a topic splits it: the two halves get fresh labels.
        starts = sorted(topic_starts | new_topic_starts)
        fresh = {t.first_turn: t for t in topics_from_starts(transcript, starts, _table(transcript, terms))} \
            if transcript is not None else {}
        by_start = {t.first_turn: t for t in topics}
        topics = []
        for start, end in zip(starts, [*starts[1:], count], strict=True):
            old = by_start.get(start) or fresh.get(start)
            if old is None:  # no transcript to label it: the label of the topic it was cut from
                old = by_start[max(s for s in by_start if s < start)]
            changed = start in new_topic_starts or (end < count and end in new_topic_starts)
            label, keywords = old.label, old.keywords
            if changed and start in fresh and old.auto:
                label, keywords = fresh[start].label, fresh[start].keywords
            topics.append(type(old)(start, end - 1, label, keywords, old.auto and not changed))
    starts = sorted(heads)
    named = {s: h.label for s, h in heads.items() if h.label and (h.source != "computed" or not h.stale)}
    if transcript is not None:
        rebuilt = sections_from_starts(transcript, topics, starts, named, _table(transcript, terms))
    else:
        rebuilt = [Section(start, end - 1, named.get(start) or heads[start].label, (), heads[start].source,
                           tuple(t for t in topics if start <= t.first_turn < end))
                   for start, end in zip(starts, [*starts[1:], count], strict=True)]
    result = []
    for section in rebuilt:
        head = heads[section.first_turn]
        source = head.source if section.first_turn in named else "computed"
        label = section.label
        if source == "computed" and section.first_turn in one_row and len(section.topics) == 1:
            label = section.topics[0].label
        result.append(Section(section.first_turn, section.last_turn, label, section.keywords, source,
                              section.topics, head.auto and not head.stale))
    return result


def _table(transcript: Transcript, terms: TermTables | None) -> TermTable | None:
    """The transcript's term table kept in `terms`; None (built where it is needed) without them."""
    return terms.get(transcript) if terms is not None else None


@dataclass
class _Head:
    label: str
    source: str
    auto: bool
    stale: bool = False  # its span changed: an automatic label no longer fits
