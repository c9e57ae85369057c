"""The notes store: round trip, backup, merge of two writers, deletions, corrupt and newer files, failed writes."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import paths
from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.notes import schema, storage
from reader.core.notes.annotations import Kind, Status, make_anchor, new_annotation, turn_anchor
from reader.core.notes.store import AnnotationStore, Change, ChangeKind, Position, ReadOnlyNotesError
from reader.core.notes.transcript_notes import TranscriptNotes
from reader.core.topics.edits import TopicEdit


def _note(sample: Transcript, turn: int = 3, start: int = 10, end: int = 60, **kw: object):
    return new_annotation(kw.pop("kind", Kind.NOTE), make_anchor(sample, turn, start, end), **kw)  # type: ignore[arg-type]


def test_data_dir_follows_override_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(tmp_path / "opt") == tmp_path / "opt"
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    assert paths.data_dir().name.lower().replace("_", "-").endswith("transcript-reader")


def test_round_trip_keeps_everything(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    note = notes.add(_note(sample, note="Kerry: “we laughed a lot”", tags=["Kerry", "humour"],
                           status=Status.ON_RECORD))
    mark = notes.add(new_annotation(Kind.BOOKMARK, turn_anchor(sample, 5)))
    notes.set_speaker_name("sergey lavrov", "Lavrov")
    notes.set_topic_edits([TopicEdit("rename", 2, "Snowden")])
    notes.set_position(sample.turns[7].id, 120)
    assert notes.dirty and notes.save() and not notes.dirty

    again = AnnotationStore(tmp_path).open(sample)
    assert again.annotations == notes.annotations == (note, mark)
    assert again.speaker_names == {"sergey lavrov": "Lavrov"}
    assert again.display_name("sergey lavrov") == "Lavrov"
    assert again.display_name("question") == "Question"
    assert again.topic_edits == [TopicEdit("rename", 2, "Snowden")]
    assert again.position == Position(sample.turns[7].id, 120)
    assert again.message is None and not again.read_only and not again.dirty
    on_disk = json.loads(again.file.read_text("utf-8"))
    assert on_disk["schema_version"] == schema.SCHEMA_VERSION and on_disk["fingerprint"] == sample.fingerprint
    index = AnnotationStore(tmp_path).index()
    kept = index[sample.fingerprint]["position"]
    assert (kept["turn_id"], kept["offset"]) == (sample.turns[7].id, 120)
    assert kept["words"] == sample.turns[7].text[120:184]  # to find the place again in a changed file


def test_topic_edits_of_an_older_file_load_and_are_written_back_as_they_were(sample: Transcript,
                                                                              tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    kept = [{"op": "add", "turn": 46, "label": "Classified information"},  # saved before sections existed
            {"op": "rename", "turn": 0, "level": "section", "turn_id": sample.turns[0].id, "label": "Opening"},
            {"op": "merge", "turn": 12}]
    doc = {"schema_version": 1, "fingerprint": sample.fingerprint, "annotations": [],
           "topic_edits": [kept[0], {"op": "explode", "turn": 3}, *kept[1:]]}  # one that is no edit at all
    store.notes_file(sample.fingerprint).parent.mkdir(parents=True)
    store.notes_file(sample.fingerprint).write_text(json.dumps(doc), "utf-8")
    notes = store.open(sample)
    assert notes.message is None and notes.topic_edits == [
        TopicEdit("add", 46, "Classified information"),
        TopicEdit("rename", 0, "Opening", "section", sample.turns[0].id), TopicEdit("merge", 12)]
    notes.set_speaker_name("sergey lavrov", "Lavrov")
    assert notes.save()
    assert json.loads(notes.file.read_text("utf-8"))["topic_edits"] == kept


def test_same_transcript_from_another_path_finds_its_notes(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    added = notes.add(_note(sample))
    notes.save()
    copy = tmp_path / "copy.txt"
    copy.write_text(sample.source, "utf-8")
    moved = parse_text(sample.source, path=str(copy))
    assert AnnotationStore(tmp_path).open(moved).annotations == (added,)


def test_new_files_are_readable_as_any_new_file_and_keep_their_mode(tmp_path: Path) -> None:
    target = tmp_path / "export.html"
    storage.write_atomic(target, b"one")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o600)
    storage.write_atomic(target, b"two")
    assert target.read_bytes() == b"two" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.html"]


def test_previous_version_kept_as_backup(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    first = notes.add(_note(sample, note="first"))
    notes.save()
    notes.update(first.id, note="second")
    notes.save()
    backup = json.loads(Path(str(notes.file) + ".bak").read_text("utf-8"))
    assert [a["note"] for a in backup["annotations"]] == ["first"]
    assert [a.note for a in AnnotationStore(tmp_path).open(sample).annotations] == ["second"]


def test_two_writers_merge_by_id_and_modification_time(sample: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    shared = store.open(sample)
    common = shared.add(_note(sample, note="original", created="2024-01-01T00:00:00.000Z"))
    shared.save()
    window_a, window_b = store.open(sample), AnnotationStore(tmp_path).open(sample)
    only_a = window_a.add(_note(sample, 5, 0, 30, note="from A"))
    window_b.add(_note(sample, 7, 0, 30, note="from B"))
    window_a.update(common.id, note="edited in A", modified="2024-01-02T00:00:00.000Z")
    window_b.update(common.id, note="edited in B later", modified="2024-01-03T00:00:00.000Z")
    window_b.set_speaker_name("question", "Interviewer")
    window_a.set_speaker_name("sergey lavrov", "Lavrov")
    seen: list[Change] = []
    window_a.on_change.append(seen.append)
    assert window_a.save() and window_b.save()
    assert window_a.refresh() and Change(ChangeKind.RELOADED) in seen

    for notes in (window_a, window_b, AnnotationStore(tmp_path).open(sample)):
        assert sorted(a.note for a in notes.annotations) == ["edited in B later", "from A", "from B"]
        assert notes.speaker_names == {"question": "Interviewer", "sergey lavrov": "Lavrov"}
    assert window_b.get(only_a.id) == only_a
    (conflict,) = window_b.conflicts  # both edited the common note: the later edit won, the other is kept aside
    assert conflict.kept is not None and conflict.kept.note == "edited in B later"
    assert conflict.lost.note == "edited in A"
    assert window_b.message and str(window_b.conflicts_file) in window_b.message
    kept_aside = json.loads(window_b.conflicts_file.read_text("utf-8"))["conflicts"]
    assert [c["lost"]["note"] for c in kept_aside] == ["edited in A"]
    assert window_a.conflicts == []


def test_deletion_is_not_undone_by_an_older_edit(sample: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    first = store.open(sample)
    doomed = first.add(_note(sample, created="2024-01-01T00:00:00.000Z"))
    first.save()
    editor, deleter = store.open(sample), store.open(sample)
    editor.update(doomed.id, note="edited before the deletion", modified="2024-01-02T00:00:00.000Z")
    deleter.remove(doomed.id)
    assert deleter.save() and editor.save()
    assert doomed.id not in editor
    assert len(AnnotationStore(tmp_path).open(sample)) == 0
    assert doomed.id in AnnotationStore(tmp_path).open(sample).deleted
    (conflict,) = editor.conflicts
    assert conflict.kept is None and conflict.lost.note == "edited before the deletion"


def test_an_edit_made_after_a_deletion_brings_the_annotation_back(sample: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    first = store.open(sample)
    note = first.add(_note(sample, created="2024-01-01T00:00:00.000Z"))
    first.save()
    editor, deleter = store.open(sample), store.open(sample)
    deleter.remove(note.id)
    deleter.save()
    editor.update(note.id, note="still needed")  # later than the deletion
    assert editor.save()
    assert deleter.refresh()
    assert [a.note for a in deleter.annotations] == ["still needed"]


def test_undo_of_a_delete_survives_the_merge(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    kept = notes.add(_note(sample))
    notes.save()
    removed = notes.remove(kept.id)
    notes.save()
    notes.add(removed)  # what undo does
    assert notes.save()
    assert [a.id for a in AnnotationStore(tmp_path).open(sample).annotations] == [kept.id]


def test_corrupt_file_is_moved_aside_and_reported(sample: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    file = store.notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    for bad in ("{not json", '{"no": "schema"}', '{"schema_version": 1, "annotations": [{"id": 1}]}'):
        file.write_text(bad, "utf-8")
        notes = store.open(sample)
        assert len(notes) == 0 and not notes.read_only
        assert notes.message and "moved to" in notes.message
        aside = [p for p in file.parent.iterdir() if ".corrupt-" in p.name]
        assert any(p.read_text("utf-8") == bad for p in aside)
        assert str(aside[0].parent) in notes.message
        assert not file.exists()
        notes.add(_note(sample))
        assert notes.save() and len(store.open(sample)) == 1
        file.unlink()


def test_newer_schema_is_read_only_and_never_written(sample: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    file = store.notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    future = json.dumps({"schema_version": 99, "fingerprint": sample.fingerprint, "annotations": "new shape"})
    file.write_text(future, "utf-8")
    notes = store.open(sample)
    assert notes.read_only and notes.message and "newer version" in notes.message
    with pytest.raises(ReadOnlyNotesError):
        notes.add(_note(sample))
    notes.set_position(sample.turns[2].id)  # reading on is allowed, it is just not written
    assert notes.save() is False
    assert file.read_text("utf-8") == future
    assert not Path(str(file) + ".bak").exists()


def test_migrations_run_one_step_at_a_time(sample: Transcript) -> None:
    steps_run: list[int] = []

    def v0_to_v1(doc: dict) -> dict:
        steps_run.append(0)
        doc["annotations"] = [dict(a, kind="note", tags=a["labels"]) for a in doc.pop("items")]
        for a in doc["annotations"]:
            del a["labels"]
        doc["schema_version"] = 1
        return doc

    old = _note(sample, note="from v0").to_dict()
    old["labels"] = old.pop("tags")
    v0 = json.dumps({"schema_version": 0, "fingerprint": sample.fingerprint, "items": [old]})
    doc = schema.parse_document(v0, migrations={**schema.MIGRATIONS, 0: v0_to_v1})  # then 1 to 2, ...
    assert steps_run == [0] and doc.annotations[0].note == "from v0"
    with pytest.raises(schema.NotSchemaError, match="no migration"):
        schema.parse_document(v0, migrations={})


def test_failed_write_keeps_notes_in_memory_and_retries(sample: Transcript, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    notes.add(_note(sample, note="must not be lost"))

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    events: list[Change] = []
    notes.on_change.append(events.append)
    assert notes.save() is False
    assert notes.dirty and notes.last_error and "No space left" in notes.last_error
    assert Change(ChangeKind.SAVE_FAILED) in events
    assert [a.note for a in notes.annotations] == ["must not be lost"]
    assert not [p for p in notes.file.parent.glob("*.tmp")]
    monkeypatch.undo()
    assert notes.save() and notes.last_error is None and not notes.dirty
    assert [a.note for a in AnnotationStore(tmp_path).open(sample).annotations] == ["must not be lost"]


def test_read_only_folder(sample: Transcript, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "store"
    notes = AnnotationStore(root).open(sample)
    notes.add(_note(sample))
    assert notes.save()
    notes.add(_note(sample, 4, 0, 20, note="second"))
    notes.file.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root writes anywhere: make creating files in the folder fail as it would for a user
        real_open = os.open

        def refuse(file: str | Path, flags: int, *args: int, **kw: object) -> int:
            if flags & os.O_CREAT and Path(file).parent == notes.file.parent:
                raise PermissionError(13, "Permission denied")
            return real_open(file, flags, *args, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refuse)
    try:
        assert notes.save() is False and notes.last_error and "Permission denied" in notes.last_error
        assert notes.dirty and len(notes) == 2
        assert len(AnnotationStore(root).open(sample)) == 1
    finally:
        notes.file.parent.chmod(stat.S_IRWXU)
        monkeypatch.undo()
    assert notes.save() and len(AnnotationStore(root).open(sample)) == 2


def test_changed_transcript_at_a_known_path_gets_its_notes_re_attached(sample: Transcript, tmp_path: Path) -> None:
    path = tmp_path / "interview.txt"
    path.write_text(sample.source, "utf-8")
    before = parse_text(sample.source, path=str(path))
    notes = AnnotationStore(tmp_path).open(before)
    turn = next(t for t in before.turns if "And according to our laws" in t.text)
    quote_at = turn.text.index("And according to our laws")
    kept = notes.add(new_annotation(Kind.HIGHLIGHT, make_anchor(before, turn.index, quote_at, quote_at + 60)))
    gone_at = before.turns[1].text.index("So what?")
    gone = notes.add(new_annotation(Kind.NOTE, make_anchor(before, 1, gone_at, gone_at + 8), note="keep me"))
    notes.set_speaker_name("sergey lavrov", "Lavrov")
    notes.save()

    changed_text = sample.source.replace("Sergey Lavrov: So what?", "Sergey Lavrov: Well.").replace(
        "There is a lot to talk about.", "There is a lot to talk about today.")
    path.write_text(changed_text, "utf-8")
    after = parse_text(changed_text, path=str(path))
    assert after.fingerprint != before.fingerprint
    reopened = AnnotationStore(tmp_path).open(after)
    placed = reopened.get(kept.id)
    assert placed is not None and not placed.detached and placed.anchor.exact == kept.anchor.exact
    assert after.turn_by_id[placed.anchor.turn_id].text[placed.anchor.start:placed.anchor.end] == kept.anchor.exact
    lost = reopened.get(gone.id)
    assert lost is not None and lost.detached and lost.note == "keep me"
    assert reopened.message and "1 detached" in reopened.message
    assert reopened.speaker_names == {"sergey lavrov": "Lavrov"}
    assert reopened.dirty and reopened.save()
    assert AnnotationStore(tmp_path).open(after).get(gone.id) == replace(gone, detached=True)


_operations = st.lists(st.tuples(st.sampled_from(["add", "edit", "remove", "save", "refresh"]), st.integers(0, 1),
                                 st.integers(0, 5)), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=_operations)
def test_two_windows_always_agree_after_saving(sample: Transcript, operations: list[tuple[str, int, int]]) -> None:
    """Whatever two windows do in whatever order, once both have saved and re-read the file they hold the same
    notes as the file, and every annotation ever added is either there or remembered as deleted."""
    with tempfile.TemporaryDirectory() as folder:
        windows = [AnnotationStore(folder).open(sample), AnnotationStore(folder).open(sample)]
        added: set[str] = set()
        for step, (op, w, k) in enumerate(operations):
            notes = windows[w]
            ids = sorted(a.id for a in notes.annotations)
            if op == "add":
                added.add(notes.add(_note(sample, 3 + k, 0, 10, note=f"w{w} step {step}")).id)
            elif op == "edit" and ids:
                notes.update(ids[k % len(ids)], note=f"w{w} edit {step}")
            elif op == "remove" and ids:
                notes.remove(ids[k % len(ids)])
            elif op == "save":
                assert notes.save()
            elif op == "refresh":
                notes.refresh()
        first, second = windows
        assert first.save() and second.save()
        first.refresh()
        second.refresh()
        on_disk = AnnotationStore(folder).open(sample)
        assert first.annotations == second.annotations == on_disk.annotations
        assert {a.id for a in on_disk.annotations} | set(on_disk.deleted) >= added


def test_an_unreadable_index_does_not_stop_notes_opening(sample: Transcript, tmp_path: Path) -> None:
    store = AnnotationStore(tmp_path)
    notes = store.open(sample)
    notes.add(_note(sample))
    notes.save()
    store.index_file.write_text("{broken", "utf-8")
    again = AnnotationStore(tmp_path).open(sample)
    assert len(again) == 1 and again.message is None
    assert sample.fingerprint in AnnotationStore(tmp_path).index()  # rebuilt


def test_a_file_corrupted_on_disk_while_open_is_set_aside_at_the_next_save(sample: Transcript,
                                                                            tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    notes.add(_note(sample, note="in memory"))
    notes.save()
    notes.file.write_text('{"schema_version": 1, "annotations": 5}', "utf-8")  # a sync tool mangled it
    notes.add(_note(sample, 5, 0, 10, note="later"))
    events: list[Change] = []
    notes.on_change.append(events.append)
    assert notes.save()
    assert notes.message and "moved to" in notes.message and Change(ChangeKind.RELOADED) in events
    assert sorted(a.note for a in AnnotationStore(tmp_path).open(sample).annotations) == ["in memory", "later"]


def test_reading_position_moves_with_the_reader_but_needs_no_annotation(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    seen: list[Change] = []
    notes.on_change.append(seen.append)
    notes.set_position(sample.turns[4].id, 12)
    notes.set_position(sample.turns[4].id, 12)  # no change, no event
    assert seen == [Change(ChangeKind.POSITION)] and notes.dirty
    assert notes.save()
    assert AnnotationStore(tmp_path).open(sample).position == Position(sample.turns[4].id, 12)


def test_a_listener_asks_whether_its_part_changed_and_a_reload_changes_every_part() -> None:
    reload = Change(ChangeKind.RELOADED)
    assert reload.annotations and reload.speaker_names and reload.topic_edits
    names = Change(ChangeKind.SPEAKER_NAMES, ("S1",))
    assert names.speaker_names and not names.annotations and not names.topic_edits
    assert not any((Change(ChangeKind.SAVED).annotations, Change(ChangeKind.POSITION).speaker_names))


def test_notes_in_memory_merge_another_writers_copy_with_no_file_involved(sample: Transcript) -> None:
    here = TranscriptNotes(sample)
    note = here.add(_note(sample, note="first words").edited(modified="2024-05-01T10:00:00.000Z"))
    here.mark_saved()  # as if just written: the base the other copy is compared with
    there = TranscriptNotes(sample)
    there.load(here.to_document())
    assert not there.dirty
    there.update(note.id, note="edited there")
    there.set_speaker_name("sergey lavrov", "Lavrov")
    mine = here.add(_note(sample, 5, 0, 20, note="added here"))
    assert here.merge(there.to_document())
    assert [a.note for a in here.annotations] == ["edited there", "added here"] and here.get(mine.id) is not None
    assert here.speaker_names == {"sergey lavrov": "Lavrov"} and here.conflicts == [] and here.notes_dirty
