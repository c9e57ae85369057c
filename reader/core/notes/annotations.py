"""Bookmarks, highlights and notes, and the anchors that tie them to the words of a transcript.

An `Anchor` names a turn (its stable id), character offsets in `Turn.text` (paragraphs joined by
``"\\n\\n"``), the quoted words and a little context before and after them. The context is taken from the
*reading text*, every turn's text joined by ``"\\n\\n"`` in reading order, so a quote at the start of a turn
still has context from the turn before. When the transcript changes, `reader.core.notes.anchoring.reattach`
finds the words again from the quote and its context.

A *passage* runs over several turns (a question and its answer, an exchange of replies): its anchor also names
its last turn (``end_turn_id``), ``start`` is an offset in the first turn and ``end`` one in the last, and the
quote is the reading text between them. It is one annotation, counted once; `anchor_pieces` gives the words
of each turn it covers, for the view and for exports that give each speaker's words.

Annotations are frozen: a change makes a new object (`Annotation.edited`) with a new ``modified`` time,
which is what the store merges on.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from reader.core.model import Transcript

CONTEXT_CHARS = 32  # as much context as the W3C TextQuoteSelector examples and Hypothesis keep
TURN_SEPARATOR = "\n\n"


class Kind(enum.StrEnum):
    BOOKMARK = "bookmark"
    HIGHLIGHT = "highlight"
    NOTE = "note"


class Scope(enum.StrEnum):
    """What an anchor covers: a selection, a whole turn, or the whole exchange opened by its turn."""

    TEXT = "text"
    TURN = "turn"
    EXCHANGE = "exchange"


class Status(enum.StrEnum):
    """A quote's attribution status, as a journalist records it."""

    NONE = ""
    ON_RECORD = "on-record"
    BACKGROUND = "background"
    OFF_RECORD = "off-record"
    CHECKED = "checked"
    USED = "used"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.NONE: "",
    Status.ON_RECORD: "On the record",
    Status.BACKGROUND: "On background",
    Status.OFF_RECORD: "Off the record",
    Status.CHECKED: "Checked against the recording",
    Status.USED: "Used",
}

COLOURS: tuple[str, ...] = ("yellow", "green", "blue", "pink")


def one_of(value: Any, kind: type[enum.StrEnum]) -> bool:
    """Whether `value` read from a file is one of the enumeration's values: a string, never a list or an object
    (a membership test fails on those with TypeError, which would cost a file every note, not that one)."""
    return isinstance(value, str) and value in kind._value2member_map_
DEFAULT_COLOUR = "yellow"


def now_iso() -> str:
    """The current UTC time as the store writes it: ISO 8601 with milliseconds and a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Anchor:
    turn_id: str  # the turn the words start in
    start: int  # offset in that turn's Turn.text
    end: int  # offset in the last turn's text: the same turn's, unless `end_turn_id` names another
    exact: str  # the quoted words as the reader sees them (over several turns: the reading text between)
    prefix: str = ""  # up to CONTEXT_CHARS of the reading text before `exact`
    suffix: str = ""  # and after it
    scope: Scope = Scope.TEXT
    end_turn_id: str = ""  # the last turn of a passage over several turns; "" for words in one turn

    @property
    def is_passage(self) -> bool:
        return bool(self.end_turn_id)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"turn_id": self.turn_id, "start": self.start, "end": self.end, "exact": self.exact,
                             "prefix": self.prefix, "suffix": self.suffix, "scope": str(self.scope)}
        if self.end_turn_id:  # written only for a passage, so a file without one reads as it always did
            d["end_turn_id"] = self.end_turn_id
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Anchor:
        """Raises ValueError on a record that is not an anchor (see `reader.core.notes.records`)."""
        from reader.core.notes.records import read_anchor

        return read_anchor(d)


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str  # uuid4, the identity that merging and import go by
    kind: Kind
    anchor: Anchor
    note: str = ""
    tags: tuple[str, ...] = ()
    status: Status = Status.NONE
    colour: str = ""  # one of COLOURS for highlights, "" otherwise
    created: str = field(default_factory=now_iso)
    modified: str = ""  # equals `created` until the first edit
    detached: bool = False  # the words could not be found in the current version of the transcript
    # Seconds into the recording where the reader heard the quote when marking it checked; None until then.
    recording_time: float | None = None

    def __post_init__(self) -> None:
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    @property
    def status_text(self) -> str:
        """The status as the reader reads it; a quote checked against the recording says where it was heard
        ("Checked against the recording at 12:34")."""
        if self.status is Status.CHECKED and self.recording_time is not None:
            from reader.core.timing import clock  # the recording's times: only for a quote checked against one

            return f"{self.status.label} at {clock(self.recording_time)}"
        return self.status.label

    def edited(self, *, modified: str | None = None, **changes: Any) -> Annotation:
        """A copy with `changes` applied and a new modification time (what a user's edit produces)."""
        if "tags" in changes:
            changes["tags"] = normalise_tags(changes["tags"])
        if "status" in changes:
            changes["status"] = Status(changes["status"])
        return replace(self, modified=modified or now_iso(), **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": str(self.kind), "anchor": self.anchor.to_dict(), "note": self.note,
            "tags": list(self.tags), "status": str(self.status), "colour": self.colour,
            "created": self.created, "modified": self.modified, "detached": self.detached,
            **({} if self.recording_time is None else {"recording_time": round(self.recording_time, 3)}),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Annotation:
        """Raises ValueError (`reader.core.notes.records.InvalidRecord`) on a record that is not ours."""
        from reader.core.notes.records import read_annotation  # the one validation; it imports this module

        return read_annotation(d)


def new_annotation(kind: Kind | str, anchor: Anchor, *, note: str = "", tags: Iterable[str] = (),
                   status: Status | str = Status.NONE, colour: str = "", id: str | None = None,
                   created: str | None = None) -> Annotation:
    """A fresh annotation with a new id; highlights get the default colour unless given one."""
    import uuid  # here, where ids are made: with the platform module it imports, 3 ms of a start that makes none

    kind = Kind(kind)
    if kind is Kind.HIGHLIGHT and not colour:
        colour = DEFAULT_COLOUR
    if colour and colour not in COLOURS:
        raise ValueError(f"unknown colour {colour!r}; choose one of {', '.join(COLOURS)}")
    stamp = created or now_iso()
    return Annotation(id or str(uuid.uuid4()), kind, anchor, note, normalise_tags(tags), Status(status), colour,
                      stamp, stamp)


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, empty ones dropped, duplicates (ignoring case) kept once, in the order given."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


# --- anchors --------------------------------------------------------------------------------------


def context_before(transcript: Transcript, turn_index: int, start: int, n: int = CONTEXT_CHARS) -> str:
    """Up to `n` characters of reading text before offset `start` of a turn, across turn boundaries."""
    pieces = [transcript.turns[turn_index].text[:start]]
    i = turn_index
    while sum(map(len, pieces)) < n and i > 0:
        i -= 1
        pieces.insert(0, transcript.turns[i].text + TURN_SEPARATOR)
    return "".join(pieces)[-n:] if n else ""


def context_after(transcript: Transcript, turn_index: int, end: int, n: int = CONTEXT_CHARS) -> str:
    pieces = [transcript.turns[turn_index].text[end:]]
    i = turn_index
    while sum(map(len, pieces)) < n and i + 1 < len(transcript.turns):
        i += 1
        pieces.append(TURN_SEPARATOR + transcript.turns[i].text)
    return "".join(pieces)[:n]


def make_anchor(transcript: Transcript, turn_index: int, start: int, end: int,
                scope: Scope = Scope.TEXT) -> Anchor:
    """The anchor of ``Turn.text[start:end]`` in turn `turn_index`; offsets are clamped to the turn."""
    turn = transcript.turns[turn_index]
    start, end = sorted((max(0, min(start, len(turn.text))), max(0, min(end, len(turn.text)))))
    return Anchor(turn.id, start, end, turn.text[start:end], context_before(transcript, turn_index, start),
                  context_after(transcript, turn_index, end), scope)


def passage_anchor(transcript: Transcript, first: int, start: int, last: int, end: int) -> Anchor:
    """The anchor of the reading text from offset `start` of turn `first` to offset `end` of turn `last`.

    An end that falls on a turn's very start counts as the end of the turn before (and a start at a turn's very
    end as the start of the next), so a selection that reaches a line break does not take in an empty turn;
    what then lies in one turn is an ordinary anchor of that turn."""
    turns = transcript.turns
    (first, start), (last, end) = sorted(((first, start), (last, end)))
    start = max(0, min(start, len(turns[first].text)))
    end = max(0, min(end, len(turns[last].text)))
    while first < last and start >= len(turns[first].text):
        first, start = first + 1, 0
    while last > first and end <= 0:
        last, end = last - 1, len(turns[last - 1].text)
    if first == last:
        return make_anchor(transcript, first, start, end)
    return Anchor(turns[first].id, start, end, reading_text(transcript, first, start, last, end),
                  context_before(transcript, first, start), context_after(transcript, last, end), Scope.TEXT,
                  turns[last].id)


def reading_text(transcript: Transcript, first: int, start: int, last: int, end: int) -> str:
    """The reading text from `start` in turn `first` to `end` in turn `last` (turns joined by TURN_SEPARATOR)."""
    turns = transcript.turns
    if first == last:
        return turns[first].text[start:end]
    middle = [t.text for t in turns[first + 1:last]]
    return TURN_SEPARATOR.join([turns[first].text[start:], *middle, turns[last].text[:end]])


def anchor_span(transcript: Transcript, anchor: Anchor) -> tuple[int, int, int, int] | None:
    """(first turn, start, last turn, end) of an anchor in this transcript; None when a turn it names is not
    in it (or a passage's turns are no longer in order)."""
    first = turn_index_of(transcript, anchor)
    if first is None:
        return None
    if not anchor.end_turn_id:
        return first, anchor.start, first, anchor.end
    last_turn = transcript.turn_by_id.get(anchor.end_turn_id)
    if last_turn is None or last_turn.index <= first:
        return None
    return first, anchor.start, last_turn.index, anchor.end


def anchor_pieces(transcript: Transcript, anchor: Anchor) -> list[tuple[int, int, int]]:
    """(turn, start, end) in each turn's text for the words an anchor covers: one piece for words in one turn,
    one per turn for a passage; none when its turns are not in this transcript."""
    span = anchor_span(transcript, anchor)
    if span is None:
        return []
    first, start, last, end = span
    turns = transcript.turns
    if first == last:
        return [(first, start, min(end, len(turns[first].text)))]
    pieces = [(first, min(start, len(turns[first].text)), len(turns[first].text))]
    pieces += [(i, 0, len(turns[i].text)) for i in range(first + 1, last)]
    pieces.append((last, 0, min(end, len(turns[last].text))))
    return pieces


def turn_anchor(transcript: Transcript, turn_index: int) -> Anchor:
    """A bookmark of a whole turn (Ctrl+D with no selection)."""
    return make_anchor(transcript, turn_index, 0, len(transcript.turns[turn_index].text), Scope.TURN)


def exchange_anchor(transcript: Transcript, exchange_index: int) -> Anchor:
    """A bookmark of a whole exchange: anchored on the turn that opens it (its question)."""
    first = transcript.exchanges[exchange_index].first_turn
    return make_anchor(transcript, first, 0, len(transcript.turns[first].text), Scope.EXCHANGE)


def turn_index_of(transcript: Transcript, anchor: Anchor) -> int | None:
    """Index of the anchor's turn in this transcript, None when the turn id is not in it."""
    turn = transcript.turn_by_id.get(anchor.turn_id)
    return None if turn is None else turn.index


def anchored_text(transcript: Transcript | None, anchor: Anchor) -> str:
    """The words an anchor covers as the transcript has them (a passage's turns joined by TURN_SEPARATOR):
    read from the current transcript when the anchor's turns are in it, else the stored quote."""
    if transcript is not None:
        span = anchor_span(transcript, anchor)
        if span is not None and span[1] <= len(transcript.turns[span[0]].text) \
                and span[3] <= len(transcript.turns[span[2]].text):
            return reading_text(transcript, *span)
    return anchor.exact


def quote_of(transcript: Transcript | None, anchor: Anchor) -> str:
    """The words an anchor covers, as one line: hard wraps and paragraph breaks (and the breaks between the
    turns of a passage) become single spaces."""
    return " ".join(anchored_text(transcript, anchor).split())


def reading_order_key(transcript: Transcript | None, annotation: Annotation) -> tuple[int, int, int, str, str]:
    """Sort key: position in the transcript; detached annotations (and unknown turns) last, by date; the id
    settles ties, so every window lists the same notes in the same order."""
    if transcript is not None and not annotation.detached:
        index = turn_index_of(transcript, annotation.anchor)
        if index is not None:
            return (0, index, annotation.anchor.start, annotation.created, annotation.id)
    return (1, 0, 0, annotation.created, annotation.id)
