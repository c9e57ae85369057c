"""The recording attached to a transcript: found beside it by name, found again by fingerprint after a move,
and kept with the notes with the reader's sync points and the times quotes were checked at."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.core.loader import parse_text
from reader.core.media import fingerprint, link, locate, recording_beside
from reader.core.model import Transcript
from reader.core.notes.annotations import Status, make_anchor, new_annotation
from reader.core.notes.export import export_notes, notes_timeline
from reader.core.notes.schema import parse_document
from reader.core.notes.store import AnnotationStore, ChangeKind
from reader.core.timing import SyncPoint

TEXT = "\n\n".join([
    "Interviewer: Where did you grow up?",
    "Maria: In Porto Novo, right on the harbour, in the blue house at the end of the quay.",
    "Interviewer: And your father?",
    "Maria: He left at four every morning and came back at noon with whatever the sea gave him.",
])


@pytest.fixture
def transcript() -> Transcript:
    parsed = parse_text(TEXT)
    assert len(parsed.turns) == 4
    return parsed


def _write(path: Path, data: bytes = b"RIFF....WAVEfmt recording bytes") -> Path:
    path.write_bytes(data)
    return path


def test_a_recording_beside_the_transcript_with_its_name(tmp_path: Path) -> None:
    transcript = _write(tmp_path / "Interview.txt", b"A: hello")
    assert recording_beside(transcript) is None
    _write(tmp_path / "Interview.MP4")
    _write(tmp_path / "interview.m4a")
    _write(tmp_path / "other.mp3")
    assert recording_beside(transcript) == tmp_path / "interview.m4a"  # audio before video, any case


def test_zoom_names_its_captions_after_the_recording(tmp_path: Path) -> None:
    captions = _write(tmp_path / "GMT20240501-100000_Recording.transcript.vtt", b"WEBVTT")
    audio = _write(tmp_path / "GMT20240501-100000_Recording.m4a")
    assert recording_beside(captions) == audio


def test_the_fingerprint_reads_both_ends_of_a_large_file(tmp_path: Path) -> None:
    body = bytes(range(256)) * 20_000  # 5 MB
    a = _write(tmp_path / "a.wav", body)
    b = _write(tmp_path / "b.wav", body[:-1] + b"\x00")  # one byte differs, at the end
    c = _write(tmp_path / "c.wav", body)
    assert fingerprint(a) != fingerprint(b)
    assert fingerprint(a) == fingerprint(c)


def test_a_moved_recording_is_found_again(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    audio = _write(first / "interview.wav", b"the sound of the interview")
    attached = link(audio, duration=12.5)
    assert attached.size == len(b"the sound of the interview") and attached.duration == 12.5
    assert locate(attached, first / "interview.txt") == audio
    # both moved to another folder: found beside the transcript under its name
    moved = Path(shutil.move(audio, second / "interview.wav"))
    assert locate(attached, second / "interview.txt") == moved
    # and renamed: found by its fingerprint
    renamed = moved.rename(second / "2024-05-01 call.wav")
    assert locate(attached, second / "interview.txt") == renamed
    # another file of the same name is not it
    renamed.unlink()
    _write(second / "interview.wav", b"another recording, not ours")
    assert locate(attached, second / "interview.txt") is None
    assert locate(attached, None) is None


def test_the_recording_sync_points_and_checks_are_kept_with_the_notes(tmp_path: Path,
                                                                      transcript: Transcript) -> None:
    audio = _write(tmp_path / "interview.wav")
    store = AnnotationStore(tmp_path / "store")
    notes = store.open(transcript)
    changes = []
    notes.on_change.append(lambda change: changes.append(change))
    notes.set_recording(link(audio, 61.0))
    points = (SyncPoint(transcript.turns[1].id, 12.25, 3),)
    notes.set_sync_points(points)
    quote = new_annotation("highlight", make_anchor(transcript, 1, 3, 13))
    notes.add(quote)
    notes.update(quote.id, status=Status.CHECKED, recording_time=12.75)
    assert [c.kind for c in changes[:2]] == [ChangeKind.RECORDING, ChangeKind.RECORDING]
    assert changes[0].recording and not changes[0].annotations
    assert notes.save()

    again = AnnotationStore(tmp_path / "store").open(transcript)
    assert again.recording == link(audio, 61.0)
    assert again.sync_points == points
    checked = again.get(quote.id)
    assert checked is not None and checked.status is Status.CHECKED and checked.recording_time == 12.75


def test_notes_written_before_recordings_still_load(transcript: Transcript) -> None:
    old = {"schema_version": 1, "fingerprint": transcript.fingerprint, "annotations": [
        {"id": "n1", "kind": "note", "anchor": {"turn_id": transcript.turns[1].id, "start": 0, "end": 5,
                                                 "exact": "In Po"}, "created": "2024-05-01T10:00:00.000Z"}]}
    doc = parse_document(json.dumps(old))
    assert doc.recording is None and doc.sync_points == ()
    assert doc.annotations[0].recording_time is None
    assert "recording_time" not in doc.annotations[0].to_dict()


def test_an_unreadable_recording_or_sync_point_costs_nothing_else(transcript: Transcript) -> None:
    doc = parse_document(json.dumps({
        "schema_version": 1, "fingerprint": transcript.fingerprint,
        "recording": {"path": "/x.wav", "size": "big", "fingerprint": "ab"},
        "sync_points": [{"turn_id": "t", "seconds": -4}, {"turn_id": "t", "seconds": 3.5, "offset": 2}, "x"],
        "speaker_names": {"maria": "Maria Santos"},
        "annotations": [{"id": "a", "kind": "note", "created": "2024-05-01T10:00:00Z", "recording_time": "soon",
                         "anchor": {"turn_id": "t", "start": 0, "end": 1, "exact": "I"}}],
    }))
    assert doc.recording is None
    assert doc.sync_points == (SyncPoint("t", 3.5, 2),)
    assert doc.speaker_names == {"maria": "Maria Santos"}
    assert len(doc.rejected) == 1 and "recording_time" in doc.rejected[0].reason


def test_a_merge_takes_the_other_windows_recording_unless_changed_here(tmp_path: Path,
                                                                       transcript: Transcript) -> None:
    audio = _write(tmp_path / "interview.wav")
    store = AnnotationStore(tmp_path / "store")
    mine, theirs = store.open(transcript), store.open(transcript)
    theirs.set_recording(link(audio))
    assert theirs.save()
    assert mine.refresh()
    assert mine.recording == link(audio)
    mine.set_sync_points([SyncPoint(transcript.turns[2].id, 30.0)])
    theirs.set_recording(None)
    assert theirs.save()
    assert mine.save()  # merges: its sync points and its recording (both its own part) win
    assert AnnotationStore(tmp_path / "store").open(transcript).sync_points == mine.sync_points


def test_exports_carry_the_quote_time(tmp_path: Path, transcript: Transcript) -> None:
    quote = new_annotation("highlight", make_anchor(transcript, 1, 3, 13))
    checked = new_annotation("highlight", make_anchor(transcript, 2, 0, 7)).edited(
        status=Status.CHECKED, recording_time=75.0)
    plain = export_notes(transcript, [quote, checked], "csv")
    assert "0:01:15" in plain  # the time it was heard at, with or without a timeline
    timeline = notes_timeline(transcript, None, [SyncPoint(transcript.turns[1].id, 20.0)])
    assert timeline is not None and notes_timeline(transcript, None, []) is None
    timed = export_notes(transcript, [quote, checked], "csv", timeline=timeline)
    assert "≈0:00:20" in timed  # three characters into the sync point's turn: estimated
    assert "0:01:15" in timed
