"""Passages over several turns: one annotation whose anchor runs from one turn into another, kept in the notes
file, found again when the transcript changes, exported with each speaker's words and counted once."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.notes import schema
from reader.core.notes.anchoring import reattach
from reader.core.notes.annotations import (
    TURN_SEPARATOR,
    Anchor,
    Annotation,
    Kind,
    anchor_pieces,
    make_anchor,
    new_annotation,
    passage_anchor,
    quote_of,
)
from reader.core.notes.export import export_notes
from reader.core.notes.importer import import_notes
from reader.core.notes.records import InvalidRecord, read_anchor, read_annotation
from reader.core.notes.store import AnnotationStore
from tests.core.test_anchoring import (
    _render,
    _tokens_of,
    inserted_paragraphs,
    labelled_wrapped,
    renamed_speakers,
    rewrapped,
    timestamped,
)

WHEN = "2024-05-01T10:00:00.000Z"


def _passage(sample: Transcript, first: int = 2, last: int = 4) -> Annotation:
    """From a word in the middle of turn `first` to one in the middle of turn `last`."""
    text = sample.turns[first].text
    start = text.rfind(" ", 0, len(text) // 2 + 1) + 1
    text = sample.turns[last].text
    end = text.rfind(" ", 0, len(text) // 2 + 1)
    return new_annotation(Kind.HIGHLIGHT, passage_anchor(sample, first, start, last, end), note="across turns",
                          id="p1", created=WHEN)


def test_a_passage_anchor_holds_the_reading_text_between_its_ends(sample: Transcript) -> None:
    anchor = _passage(sample).anchor
    turns = sample.turns
    assert anchor.is_passage and anchor.turn_id == turns[2].id and anchor.end_turn_id == turns[4].id
    assert anchor.exact == TURN_SEPARATOR.join([turns[2].text[anchor.start:], turns[3].text,
                                                turns[4].text[:anchor.end]])
    reading = TURN_SEPARATOR.join(t.text for t in turns)
    begin = reading.index(anchor.exact)
    assert anchor.prefix == reading[:begin][-32:] and anchor.suffix == reading[begin + len(anchor.exact):][:32]
    assert [p[0] for p in anchor_pieces(sample, anchor)] == [2, 3, 4]
    assert quote_of(sample, anchor) == " ".join(anchor.exact.split())


def test_a_passage_that_only_reaches_the_next_turns_start_is_words_of_one_turn(sample: Transcript) -> None:
    length = len(sample.turns[2].text)
    assert passage_anchor(sample, 2, 5, 3, 0) == make_anchor(sample, 2, 5, length)
    assert passage_anchor(sample, 2, length, 3, 10) == make_anchor(sample, 3, 0, 10)
    assert passage_anchor(sample, 3, 10, 2, 5) == passage_anchor(sample, 2, 5, 3, 10)  # either way round


def test_the_notes_file_keeps_a_passage_and_old_files_still_load(sample: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    notes = store.open(sample)
    passage = _passage(sample)
    one_turn = new_annotation(Kind.NOTE, make_anchor(sample, 1, 0, 8), note="So what?", id="n1", created=WHEN)
    notes.add(passage)
    notes.add(one_turn)
    assert notes.save()
    on_disk = json.loads(notes.file.read_text("utf-8"))
    assert on_disk["schema_version"] == 2
    anchors = {a["id"]: a["anchor"] for a in on_disk["annotations"]}
    assert anchors["p1"]["end_turn_id"] == sample.turns[4].id and "end_turn_id" not in anchors["n1"]
    assert {a.id: a for a in AnnotationStore(tmp_path).open(sample).annotations} == {"p1": passage, "n1": one_turn}

    version_1 = {"schema_version": 1, "fingerprint": sample.fingerprint, "annotations": [one_turn.to_dict()]}
    notes.file.write_text(json.dumps(version_1), "utf-8")
    reopened = AnnotationStore(tmp_path).open(sample)
    assert list(reopened.annotations) == [one_turn] and not reopened.read_only
    assert schema.parse_document(json.dumps(version_1)).annotations == (one_turn,)


def test_records_of_passages_are_checked(sample: Transcript) -> None:
    passage = new_annotation(Kind.NOTE, passage_anchor(sample, 3, 300, 4, 10), created=WHEN)
    record = passage.to_dict()
    assert record["anchor"]["start"] > record["anchor"]["end"]  # offsets in two turns: no span to check
    assert read_annotation(record) == passage
    same_turn = dict(record["anchor"], end_turn_id=record["anchor"]["turn_id"], start=1, end=5)
    assert read_anchor(same_turn).end_turn_id == ""  # its own last turn: words of one turn
    with pytest.raises(InvalidRecord, match="not a span"):
        read_anchor(dict(same_turn, start=5, end=1))
    with pytest.raises(InvalidRecord, match="scope"):
        read_anchor(dict(record["anchor"], scope="turn"))
    with pytest.raises(InvalidRecord, match="end_turn_id"):
        read_anchor(dict(record["anchor"], end_turn_id=7))


def _edited(sample: Transcript, edit) -> Transcript:  # type: ignore[no-untyped-def]
    text, _ = edit(_tokens_of(sample), random.Random(3), [])
    return parse_text(text)


@pytest.mark.parametrize("edit", [renamed_speakers, rewrapped, timestamped, labelled_wrapped, inserted_paragraphs],
                         ids=lambda e: e.__name__)
def test_a_passage_is_found_again_after_the_transcript_changes(sample: Transcript, edit) -> None:  # type: ignore[no-untyped-def]
    passage = _passage(sample, 40, 42)
    words = " ".join(passage.anchor.exact.split())
    new = _edited(sample, edit)
    (after,) = reattach(new, [passage])
    assert not after.detached and after.anchor.is_passage
    assert quote_of(new, after.anchor) == words
    assert len(anchor_pieces(new, after.anchor)) == 3


def test_a_passage_with_a_corrected_word_is_found_nearly(sample: Transcript) -> None:
    passage = _passage(sample, 40, 42)
    turns = _tokens_of(sample)
    words = turns.paragraphs[41][0]
    k = max(range(len(words)), key=lambda i: len(words[i][0]))  # the longest word of the middle turn
    words[k] = (words[k][0][:-2] + words[k][0][-1] + words[k][0][-2], words[k][1])  # two letters swapped
    new = parse_text(_render(turns)[0])
    assert quote_of(new, passage.anchor) != quote_of(sample, passage.anchor)
    (after,) = reattach(new, [passage])
    assert not after.detached and after.anchor.is_passage
    assert [p[0] for p in anchor_pieces(new, after.anchor)] == [40, 41, 42]
    assert quote_of(new, after.anchor).split()[0] == quote_of(sample, passage.anchor).split()[0]


def test_words_of_one_turn_cut_over_two_turns_become_a_passage() -> None:
    before = parse_text("Kim: Where were the boats?\n\nLee: The harbour was empty that morning and the boats "
                        "stayed in.\n\nKim: Why?\n\nLee: The storm.\n")
    start = before.turns[1].text.index("that morning")
    note = new_annotation(Kind.HIGHLIGHT, make_anchor(before, 1, start, start + len("that morning and the boats")))
    after = parse_text("Kim: Where were the boats?\n\nLee: The harbour was empty that morning\n\nKim: and the boats "
                       "stayed in.\n\nKim: Why?\n\nLee: The storm.\n")  # a label added in the middle of a turn
    (moved,) = reattach(after, [note])
    assert not moved.detached and moved.anchor.is_passage
    assert [(p[0], after.turns[p[0]].text[p[1]:p[2]]) for p in anchor_pieces(after, moved.anchor)] == [
        (1, "that morning"), (2, "and the boats")]


def test_a_passage_whose_words_are_gone_is_kept_detached(sample: Transcript) -> None:
    passage = _passage(sample)
    other = parse_text("Question: Something else entirely.\n\nAnswer: Nothing like the sample.")
    (after,) = reattach(other, [passage])
    assert after.detached and after.anchor == passage.anchor
    (back,) = reattach(sample, [after])
    assert not back.detached and back.anchor == passage.anchor


def test_exports_give_each_speakers_words_and_count_the_passage_once(sample: Transcript) -> None:
    passage = _passage(sample, 2, 3)
    names = {"sergey lavrov": "Lavrov"}
    question, answer = sample.turns[2].text[passage.anchor.start:], sample.turns[3].text[:passage.anchor.end]
    text = export_notes(sample, [passage], "txt", names)
    assert "1 annotation\n" in text
    assert "Q2, turns 3\u20134 · Question, Lavrov · Highlight (yellow)" in text
    assert f'  Question: "{" ".join(question.split())}"\n  Lavrov: "{" ".join(answer.split())}"\n' in text
    md = export_notes(sample, [passage], "md", names)
    assert f"> **Question:** {' '.join(question.split())}\n>\n> **Lavrov:**" in md
    html = export_notes(sample, [passage], "html", names)
    assert "<blockquote class=\"yellow\"><p><b>Question:</b>" in html and "<p><b>Lavrov:</b>" in html
    (row,) = csv.DictReader(io.StringIO(export_notes(sample, [passage], "csv", names)))
    assert row["quote"].splitlines()[1].startswith("Lavrov: ") and row["turn"] == "3"
    beside = export_notes(sample, [passage], "txt", names, with_transcript=True)
    assert beside.count(">> Highlight") == 1


def test_a_passage_goes_out_and_back_in_through_w3c_json(sample: Transcript, tmp_path: Path) -> None:
    passage = _passage(sample)
    exported = json.loads(export_notes(sample, [passage], "json"))
    (item,) = exported["first"]["items"]
    position = next(s for s in item["target"]["selector"] if s["type"] == "TextPositionSelector")
    reading = TURN_SEPARATOR.join(t.text for t in sample.turns)
    assert reading[position["start"]:position["end"]] == passage.anchor.exact
    assert item["transcript_reader"]["end_turn"] == 5
    notes = AnnotationStore(tmp_path).open(sample)
    result = import_notes(notes, json.dumps(exported))
    assert (result.added, result.detached) == (1, 0)
    assert notes.annotations[0].anchor == passage.anchor

    other_tool = {"type": "Annotation", "target": {"selector": [  # a position only another tool's reader gives
        {"type": "TextQuoteSelector", "exact": passage.anchor.exact},
        {"type": "TextPositionSelector", "start": position["start"], "end": position["end"]}]}}
    fresh = AnnotationStore(tmp_path / "other").open(sample)
    import_notes(fresh, json.dumps(other_tool))
    assert fresh.annotations[0].anchor.end_turn_id == passage.anchor.end_turn_id
    assert isinstance(fresh.annotations[0].anchor, Anchor) and not fresh.annotations[0].detached
