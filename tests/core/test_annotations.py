"""Annotations and anchors: what a bookmark, highlight or note holds, and how it survives a round trip."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.model import Transcript
from reader.core.notes.annotations import (
    COLOURS,
    STATUS_LABELS,
    Annotation,
    Kind,
    Scope,
    Status,
    exchange_anchor,
    make_anchor,
    new_annotation,
    quote_of,
    reading_order_key,
    turn_anchor,
)


def test_anchor_holds_the_words_and_context_across_turns(sample: Transcript) -> None:
    turn = sample.turns[1]  # "So what?"
    anchor = make_anchor(sample, 1, 0, len(turn.text))
    assert anchor.turn_id == turn.id and anchor.exact == "So what?" and anchor.scope is Scope.TEXT
    assert anchor.prefix.endswith("look like you are having fun.\n\n")  # the end of the question before
    assert anchor.suffix.startswith("\n\nIs that the way it is?\n\nI")  # two turns on
    assert len(anchor.prefix) == len(anchor.suffix) == 32


def test_offsets_are_clamped_and_ordered(sample: Transcript) -> None:
    text = sample.turns[3].text
    anchor = make_anchor(sample, 3, len(text) + 50, len(text) - 5)
    assert (anchor.start, anchor.end) == (len(text) - 5, len(text)) and anchor.exact == text[-5:]


def test_bookmarks_of_a_turn_and_an_exchange(sample: Transcript) -> None:
    whole = turn_anchor(sample, 4)
    assert whole.scope is Scope.TURN and whole.exact == sample.turns[4].text and whole.start == 0
    q3 = exchange_anchor(sample, 2)
    assert q3.scope is Scope.EXCHANGE and q3.turn_id == sample.turns[sample.exchanges[2].first_turn].id


def test_quote_reads_as_one_line(sample: Transcript) -> None:
    turn = next(t for t in sample.turns if len(t.paragraphs) > 1)
    anchor = make_anchor(sample, turn.index, 0, len(turn.text))
    assert "\n" in anchor.exact and "\n" not in quote_of(sample, anchor)
    assert quote_of(None, anchor) == quote_of(sample, anchor)


def test_new_annotation_defaults_and_validation(sample: Transcript) -> None:
    anchor = make_anchor(sample, 3, 0, 20)
    highlight = new_annotation("highlight", anchor, tags=[" Kerry ", "kerry", "", "US  relations"])
    assert highlight.colour == "yellow" and highlight.tags == ("Kerry", "US relations")
    assert uuid.UUID(highlight.id).version == 4
    assert highlight.created == highlight.modified and highlight.created.endswith("Z")
    assert new_annotation(Kind.BOOKMARK, anchor).colour == ""
    with pytest.raises(ValueError, match="unknown colour"):
        new_annotation(Kind.HIGHLIGHT, anchor, colour="purple")
    with pytest.raises(ValueError):
        new_annotation(Kind.NOTE, anchor, status="maybe")


def test_editing_stamps_the_modification_time(sample: Transcript) -> None:
    note = new_annotation(Kind.NOTE, make_anchor(sample, 3, 0, 20), created="2024-01-01T00:00:00.000Z")
    edited = note.edited(note="checked", status="checked", tags=["a", "A"])
    assert edited.id == note.id and edited.created == note.created and edited.modified > note.modified
    assert edited.status is Status.CHECKED and edited.tags == ("a",) and note.note == ""


def test_every_status_has_a_label() -> None:
    assert set(STATUS_LABELS) == set(Status)
    assert Status.OFF_RECORD.label == "Off the record" and Status.NONE.label == ""


_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(note=_texts, tags=st.lists(_texts, max_size=4), status=st.sampled_from(list(Status)),
       colour=st.sampled_from(COLOURS), kind=st.sampled_from(list(Kind)), scope=st.sampled_from(list(Scope)),
       detached=st.booleans())
def test_dict_round_trip(sample: Transcript, note: str, tags: list[str], status: Status, colour: str, kind: Kind,
                         scope: Scope, detached: bool) -> None:
    anchor = make_anchor(sample, 5, 3, 40, scope)
    a = new_annotation(kind, anchor, note=note, tags=tags, status=status, colour=colour)
    a = Annotation(a.id, a.kind, a.anchor, a.note, a.tags, a.status, a.colour, a.created, a.modified, detached)
    assert Annotation.from_dict(a.to_dict()) == a


@pytest.mark.parametrize("bad", [{}, {"id": "x"}, {"id": "x", "kind": "scribble", "anchor": {}, "created": ""},
                                 {"id": "x", "kind": "note", "created": "", "anchor": {"turn_id": "t", "start": 5,
                                                                                       "end": 2, "exact": ""}}])
def test_records_that_are_not_annotations_are_refused(bad: dict) -> None:
    with pytest.raises((KeyError, TypeError, ValueError)):
        Annotation.from_dict(bad)


def test_reading_order_puts_detached_last(sample: Transcript) -> None:
    late = new_annotation(Kind.NOTE, make_anchor(sample, 10, 0, 5))
    early = new_annotation(Kind.NOTE, make_anchor(sample, 2, 7, 9))
    earlier = new_annotation(Kind.NOTE, make_anchor(sample, 2, 0, 9))
    lost = new_annotation(Kind.NOTE, make_anchor(sample, 0, 0, 5)).edited(detached=True)
    ordered = sorted([lost, late, early, earlier], key=lambda a: reading_order_key(sample, a))
    assert ordered == [earlier, early, late, lost]
