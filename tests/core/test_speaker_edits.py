"""The reader's corrections of who speaks: merges and turns given to another speaker, kept with the notes (saved,
merged with another writer's, read from an older file), never changing the transcript; and the reading
position found again after the file changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.notes import schema
from reader.core.notes.export import export_notes
from reader.core.notes.speaker_edits import attributed, resolve
from reader.core.notes.store import AnnotationStore, ChangeKind, Position
from reader.core.notes.transcript_notes import TranscriptNotes, find_position

TEXT = """Kim: Hello there, how are you today?

Unknown Speaker: Fine thanks. It was a long day at the plant.

Kim: Tell me about the river and the night it rose.

Unknown Speaker: The river rose at night, faster than anyone thought.

Lee: I saw it too, from the bridge.

Kim: What did you do then?

Lee: We ran to the school and rang the bell.
"""


@pytest.fixture
def talk(tmp_path: Path) -> Transcript:
    path = tmp_path / "talk.txt"
    path.write_text(TEXT, "utf-8")
    return parse_text(TEXT, path=str(path))


def counts(t: Transcript) -> dict[str, tuple[int, int]]:
    return {s.key: (s.turns, s.words) for s in t.speakers}


def test_a_merge_gives_every_turn_of_one_speaker_to_another_and_counts_follow(talk: Transcript) -> None:
    notes = TranscriptNotes(talk)
    changes: list[ChangeKind] = []
    notes.on_change.append(lambda c: changes.append(c.kind))
    notes.merge_speaker("unknown speaker", "kim")
    shown = notes.attributed
    assert [t.speaker for t in shown.turns] == ["kim", "kim", "kim", "kim", "lee", "kim", "lee"]
    assert counts(shown)["unknown speaker"] == (0, 0)
    assert counts(shown)["kim"] == (counts(talk)["kim"][0] + 2, counts(talk)["kim"][1] + counts(talk)[
        "unknown speaker"][1])
    assert [s.key for s in shown.speakers] == [s.key for s in talk.speakers]  # places (and colours) kept
    assert [t.id for t in shown.turns] == [t.id for t in talk.turns] and shown.fingerprint == talk.fingerprint
    assert [t.speaker for t in talk.turns][1] == "unknown speaker"  # the transcript itself is never changed
    assert changes == [ChangeKind.SPEAKER_EDITS]

    notes.merge_speaker("unknown speaker", "")
    assert notes.attributed is talk


def test_one_turn_given_to_another_speaker_and_back(talk: Transcript) -> None:
    notes = TranscriptNotes(talk)
    notes.set_turn_speaker(talk.turns[4].id, "kim")
    assert notes.attributed.turns[4].speaker == "kim"
    assert counts(notes.attributed)["lee"][0] == 1
    notes.set_turn_speaker(talk.turns[4].id, "lee")  # its own speaker again: no correction left
    assert notes.turn_speakers == {} and notes.attributed is talk


def test_merges_follow_chains_and_refuse_circles(talk: Transcript) -> None:
    notes = TranscriptNotes(talk)
    notes.merge_speaker("lee", "unknown speaker")
    notes.merge_speaker("unknown speaker", "kim")
    assert {t.speaker for t in notes.attributed.turns} == {"kim"}
    with pytest.raises(ValueError, match="already merged"):
        notes.merge_speaker("kim", "lee")
    with pytest.raises(ValueError, match="no speaker"):
        notes.merge_speaker("kim", "nobody")
    assert resolve({"a": "b", "b": "a"}, "a") == "b"  # a hand-edited circle stops


def test_a_turn_given_to_a_merged_speaker_follows_the_merge(talk: Transcript) -> None:
    notes = TranscriptNotes(talk)
    notes.set_turn_speaker(talk.turns[0].id, "unknown speaker")
    notes.merge_speaker("unknown speaker", "lee")
    assert [t.speaker for t in notes.attributed.turns][:2] == ["lee", "lee"]


def test_corrections_are_saved_and_read_again(talk: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path / "data")
    notes = store.open(talk)
    notes.merge_speaker("unknown speaker", "kim")
    notes.set_turn_speaker(talk.turns[4].id, "kim")
    assert notes.save()
    on_disk = json.loads(notes.file.read_text("utf-8"))
    assert on_disk["speaker_merges"] == {"unknown speaker": "kim"}
    assert on_disk["turn_speakers"] == {talk.turns[4].id: "kim"}
    again = AnnotationStore(tmp_path / "data").open(talk)
    assert again.speaker_merges == {"unknown speaker": "kim"}
    assert [t.speaker for t in again.attributed.turns][:5] == ["kim"] * 5
    assert talk.path is not None and Path(talk.path).read_text("utf-8") == TEXT


def test_a_version_1_file_still_loads(talk: Transcript, tmp_path: Path) -> None:
    v1 = json.dumps({"schema_version": 1, "fingerprint": talk.fingerprint, "annotations": [],
                     "speaker_names": {"kim": "Kim Park"}, "position": {"turn_id": talk.turns[2].id, "offset": 3}})
    doc = schema.parse_document(v1)
    assert doc.speaker_names == {"kim": "Kim Park"} and doc.speaker_merges == {} and doc.turn_speakers == {}
    assert doc.position == (talk.turns[2].id, 3, "", "")


def test_an_unreadable_correction_is_dropped_not_the_file(talk: Transcript) -> None:
    raw = json.dumps({"schema_version": 2, "fingerprint": talk.fingerprint, "annotations": [],
                      "speaker_merges": {"unknown speaker": 5, "lee": "kim"}, "turn_speakers": {"t": None}})
    doc = schema.parse_document(raw)
    assert doc.speaker_merges == {"lee": "kim"} and doc.turn_speakers == {}


def test_two_writers_each_keep_their_own_corrections(talk: Transcript, tmp_path: Path) -> None:
    first = AnnotationStore(tmp_path).open(talk)
    second = AnnotationStore(tmp_path).open(talk)
    first.merge_speaker("unknown speaker", "kim")
    assert first.save()
    second.set_turn_speaker(talk.turns[4].id, "kim")
    assert second.save()  # merges the first writer's file before writing
    assert second.speaker_merges == {"unknown speaker": "kim"}
    assert second.turn_speakers == {talk.turns[4].id: "kim"}


def test_an_export_names_the_speaker_the_reader_chose(talk: Transcript) -> None:
    notes = TranscriptNotes(talk)
    notes.merge_speaker("unknown speaker", "kim")
    notes.set_speaker_name("kim", "Kim Park")
    text = export_notes(notes.attributed, [], "txt", notes.speaker_names, with_transcript=True)
    assert "Unknown Speaker" not in text and text.count("Kim Park") == 4 + 1


def test_attributed_is_the_transcript_itself_without_corrections(talk: Transcript) -> None:
    assert attributed(talk, {}, {}) is talk
    assert attributed(talk, {"nobody": "kim"}, {"no turn": "kim"}) is talk


def test_the_reading_position_is_found_again_after_the_file_changes(talk: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path / "data")
    notes = store.open(talk)
    notes.set_position(talk.turns[3].id, 4)
    assert notes.save_position()
    assert talk.path is not None
    changed = TEXT.replace("Hello there, how are you today?", "Hello, how are you?").replace(
        "faster than anyone thought.", "faster than anyone thought. Nobody slept.")
    Path(talk.path).write_text(changed, "utf-8")
    again = parse_text(changed, path=talk.path)
    assert talk.turns[3].id not in again.turn_by_id  # the turn's id changed with its words
    reopened = AnnotationStore(tmp_path / "data").open(again)
    assert reopened.position is not None
    turn = again.turn_by_id[reopened.position.turn_id]
    assert turn.text.startswith("The river rose at night") and reopened.position.offset == 4


def test_a_position_whose_words_are_gone_is_not_guessed(talk: Transcript) -> None:
    gone = Position("no such turn", 0, "words that are not in this transcript at all, anywhere", "")
    assert find_position(talk, gone) is None
    assert find_position(talk, Position("no such turn", 0)) is None
