"""Never lose a note, never trust an input: the defects an adversarial run found, each kept out by a test.

Data loss first (surrogates, one bad record, output paths, imports without times, newer files), then hostile
values and inputs that hang, then the store's housekeeping (stale temporaries, a read-only folder, one size
figure), and the three data-safety defects of the notes' shape (scrolling turns the backup, read-only commands
write, backups of one generation only).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import loader
from reader.core.loader import TranscriptError, load_transcript, sample_path
from reader.core.model import Transcript
from reader.core.notes import backups, records
from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.notes.importer import import_file, import_notes
from reader.core.notes.restore import bring_back, restore_backup
from reader.core.notes.schema import SCHEMA_VERSION, NotesDocument
from reader.core.notes.store import AnnotationStore
from reader.core.topics.edits import TopicEdit

SURROGATE_IMPORT = ('[{"type":"Annotation","body":"half \\ud83d","target":{"selector":'
                    '{"type":"TextQuoteSelector","exact":"At home"}}}]')


def _note(sample: Transcript, turn: int = 3, note: str = "", **kw: object):
    return new_annotation(Kind.NOTE, make_anchor(sample, turn, 0, 20), note=note, **kw)  # type: ignore[arg-type]


def _write_notes(store: AnnotationStore, sample: Transcript, annotations: list[object], **extra: object) -> Path:
    file = store.notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True, exist_ok=True)
    doc = {"schema_version": 1, "fingerprint": sample.fingerprint, "annotations": annotations, **extra}
    file.write_text(json.dumps(doc), "utf-8")
    return file


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file()}


# --- 1. a lone surrogate, and saves that fail for any reason ------------------------------------------------


def test_a_lone_surrogate_in_an_import_is_replaced_and_later_saves_work(sample: Transcript, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    hostile = tmp_path / "half.json"
    hostile.write_text(SURROGATE_IMPORT, "utf-8")
    assert main(["import", "--data-dir", str(tmp_path), str(hostile)]) == 0
    assert "1 added" in capsys.readouterr().out
    notes = AnnotationStore(tmp_path).open(sample)
    assert [a.note for a in notes.annotations] == ["half \ufffd"]
    notes.add(_note(sample, note="added after the import"))
    assert notes.save()
    assert sorted(a.note for a in AnnotationStore(tmp_path).open(sample).annotations) == \
        ["added after the import", "half \ufffd"]


def test_everything_into_the_store_is_valid_by_construction(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    a = notes.add(_note(sample, note="lone \udc00 here", tags=["t\ud800"]))
    notes.set_speaker_name("sergey lavrov", "La\udfffvrov")
    notes.set_topic_edits([TopicEdit("rename", 0, "x\ud801")])
    assert a.note == "lone \ufffd here" and a.tags == ("t\ufffd",)
    with pytest.raises(ValueError):
        notes.add(new_annotation(Kind.NOTE, make_anchor(sample, 3, 0, 5)).edited(created="yesterday"))
    assert notes.save()
    again = AnnotationStore(tmp_path).open(sample)
    assert again.get(a.id) == a and again.speaker_names["sergey lavrov"] == "La\ufffdvrov"


@pytest.mark.parametrize("error", [UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates"), RuntimeError("bug"),
                                   OSError(28, "No space left on device")])
def test_a_save_that_fails_for_any_reason_keeps_the_notes_and_says_so(sample: Transcript, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      error: Exception) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    notes.add(_note(sample, note="must survive"))

    def broken(self: NotesDocument) -> str:
        raise error

    monkeypatch.setattr(NotesDocument, "to_json", broken)
    assert notes.save() is False
    assert notes.dirty and notes.last_error and "kept in memory" in notes.last_error
    assert [a.note for a in notes.annotations] == ["must survive"]
    monkeypatch.undo()
    assert notes.save() and notes.last_error is None
    assert [a.note for a in AnnotationStore(tmp_path).open(sample).annotations] == ["must survive"]


# --- 2. one bad record ------------------------------------------------------------------------------------


BAD_RECORDS = {
    "reversed span": {"anchor": {"turn_id": "t", "start": 10, "end": 2, "exact": "x"}},
    "negative offset": {"anchor": {"turn_id": "t", "start": -3, "end": 2, "exact": "x"}},
    "no anchor": {"anchor": None},
    "bad kind": {"kind": "scribble"},
    "tags a string": {"tags": "Kerry, humour"},
    "end 1e999": {"anchor": {"turn_id": "t", "start": 0, "end": float("inf"), "exact": "x"}},
    "year 0001 east of UTC": {"created": "0001-01-01T00:00:00+05:00"},
    "year 9999 west of UTC": {"modified": "9999-12-31T23:59:59-05:00"},
}


@pytest.mark.parametrize("name", list(BAD_RECORDS))
def test_one_bad_record_is_set_aside_and_the_good_ones_load(sample: Transcript, tmp_path: Path, name: str) -> None:
    store = AnnotationStore(tmp_path)
    good = [_note(sample, 3, "first"), _note(sample, 5, "second")]
    bad = {**good[0].to_dict(), "id": "bad-one", **BAD_RECORDS[name]}
    text = json.dumps({"schema_version": 1, "fingerprint": sample.fingerprint,
                       "annotations": [good[0].to_dict(), bad, good[1].to_dict()]}).replace("Infinity", "1e999")
    file = store.notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    file.write_text(text, "utf-8")
    notes = store.open(sample)
    assert sorted(a.note for a in notes.annotations) == ["first", "second"]
    assert notes.message and "item 2" in notes.message and "moved to" in notes.message
    [aside] = store.set_aside(sample.fingerprint)
    assert str(aside) in notes.message and aside.read_text("utf-8") == text
    assert notes.save()
    assert sorted(a.note for a in AnnotationStore(tmp_path).open(sample).annotations) == ["first", "second"]


def test_the_importer_validates_as_the_reader_does(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    item = {"type": "Annotation", "id": "urn:uuid:0f8e2c4a-5b1d-4c3e-9a7f-2d6b8e1c4a90",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "we laughed a lot"}},
            "transcript_reader": {"start": 10, "end": 2}}
    result = import_notes(notes, json.dumps([item, {**item, "id": "x", "transcript_reader": {}}]))
    assert result.added == 1 and len(result.problems) == 1 and "not a span" in result.problems[0]
    assert notes.save()
    reopened = AnnotationStore(tmp_path).open(sample)
    assert len(reopened) == 1 and reopened.message is None


def test_a_file_set_aside_is_brought_back(sample: Transcript, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    store = AnnotationStore(tmp_path)
    good = _note(sample, 3, "kept all along")
    mended = _note(sample, 6, "mended by hand")
    _write_notes(store, sample, [good.to_dict(), {**mended.to_dict(), "tags": "oops"}])
    notes = store.open(sample)
    assert [a.note for a in notes.annotations] == ["kept all along"] and notes.save()
    [aside] = store.set_aside(sample.fingerprint)
    aside.write_text(aside.read_text("utf-8").replace('"tags": "oops"', '"tags": []'), "utf-8")
    back = bring_back(notes, aside)
    assert (back.added, back.unreadable) == (1, 0)
    assert sorted(a.note for a in notes.annotations) == ["kept all along", "mended by hand"]

    # and from the command line: listed, then brought back by its number
    _write_notes(store, sample, [good.to_dict(), {**mended.to_dict(), "id": "other", "kind": 5}])
    assert len(AnnotationStore(tmp_path).open(sample)) == 1
    assert main(["backups", "--data-dir", str(tmp_path)]) == 0
    listing = capsys.readouterr().out
    assert "Set aside" in listing and ".corrupt-" in listing
    number = next(line.split(".")[0].strip() for line in listing.splitlines() if ".corrupt-" in line
                  and str(store.set_aside(sample.fingerprint)[0].name) in line)
    assert main(["restore", "--data-dir", str(tmp_path), number]) == 0
    out = capsys.readouterr()
    assert "1 could not be read" in out.out + out.err


# --- 3. output paths --------------------------------------------------------------------------------------


@pytest.fixture
def transcript_copy(tmp_path: Path) -> Path:
    path = tmp_path / "t.md"
    path.write_bytes(sample_path().read_bytes())
    return path


def test_export_never_replaces_the_transcript_or_a_store_file(transcript_copy: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    store = AnnotationStore(data)
    notes = store.open(load_transcript(transcript_copy))
    notes.add(_note(notes.transcript, note="mine"))
    assert notes.save()
    before = transcript_copy.read_bytes(), notes.file.read_bytes()
    for target in (transcript_copy, notes.file, store.index_file):
        assert main(["export", str(transcript_copy), "--data-dir", str(data), "-o", str(target)]) == 2
        assert "would replace" in capsys.readouterr().err
    link = tmp_path / "link.md"
    link.symlink_to(transcript_copy)
    assert main(["export", str(transcript_copy), "--data-dir", str(data), "-o", str(link)]) == 2
    assert (transcript_copy.read_bytes(), notes.file.read_bytes()) == before
    assert main(["screenshot", str(transcript_copy), "--data-dir", str(data), "-o", str(transcript_copy)]) == 2
    assert "would replace" in capsys.readouterr().err and transcript_copy.read_bytes() == before[0]


def test_export_writes_into_a_pipe_follows_a_link_and_overwrites_an_old_export(
        transcript_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    old = tmp_path / "notes.txt"
    old.write_text("an earlier export", "utf-8")
    assert main(["export", str(transcript_copy), "--data-dir", data, "-o", str(old)]) == 0
    assert "Notes on" in old.read_text("utf-8")

    real = tmp_path / "real.txt"
    link = tmp_path / "link.txt"
    real.write_text("old", "utf-8")
    link.symlink_to(real)
    assert main(["export", str(transcript_copy), "--data-dir", data, "-o", str(link)]) == 0
    assert link.is_symlink() and "Notes on" in real.read_text("utf-8")

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["export", str(transcript_copy), "--data-dir", data, "-o", str(fifo)]) == 0
    reader.join(30)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and b"Notes on" in received[0]

    assert main(["export", str(transcript_copy), "--data-dir", data, "-o", "-"]) == 0
    assert "Notes on" in capsys.readouterr().out
    assert main(["export", str(transcript_copy), "--data-dir", data, "-o", str(tmp_path / "no" / "x.txt")]) == 2
    assert "no such folder" in capsys.readouterr().err and not (tmp_path / "no").exists()


# --- 4. and 5. imports without times, newer files -----------------------------------------------------------


def test_reimporting_a_file_without_times_keeps_local_edits(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    item = {"type": "Annotation", "id": "urn:uuid:0f8e2c4a-5b1d-4c3e-9a7f-2d6b8e1c4a90",
            "body": [{"type": "TextualBody", "value": "as imported"}],
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "At home"}}}
    assert import_notes(notes, json.dumps([item])).added == 1
    [a] = notes.annotations
    notes.update(a.id, note="my edit", tags=["mine"])
    import_notes(notes, json.dumps([item]))
    assert notes.get(a.id).note == "my edit"  # type: ignore[union-attr]
    assert notes.save()
    conflicts = json.loads(notes.conflicts_file.read_text("utf-8"))["conflicts"]
    assert [c["lost"]["note"] for c in conflicts] == ["as imported"]


def test_a_newer_schema_shows_its_notes_read_only_and_exports(sample: Transcript, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    store = AnnotationStore(tmp_path)
    file = _write_notes(store, sample, [_note(sample, note="from the future").to_dict()],
                        schema_version=SCHEMA_VERSION + 1,
                        new_field={"x": 1})
    before = file.read_bytes()
    notes = store.open(sample)
    assert notes.read_only and [a.note for a in notes.annotations] == ["from the future"]
    assert main(["export", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert "from the future" in out.out and "newer version" in out.err
    assert file.read_bytes() == before


# --- 8. hostile values ------------------------------------------------------------------------------------


HOSTILE_FILES = {
    "end 1e999": '{"schema_version": 1, "annotations": [{"id": "a", "kind": "note", "created": '
                 '"2024-01-01T00:00:00Z", "anchor": {"turn_id": "t", "start": 0, "end": 1e999, "exact": "x"}}]}',
    "position 1e400": '{"schema_version": 1, "annotations": [], "position": {"turn_id": "t", "offset": 1e400}}',
    "Infinity": '{"schema_version": 1, "annotations": [], "position": {"turn_id": "t", "offset": Infinity}}',
    "5k deep": '{"schema_version": 1, "annotations": [' + "[" * 5000 + "]" * 5000 + "]}",
    "200k deep": '{"schema_version": 1, "annotations": [' + "[" * 200_000 + "]" * 200_000 + "]}",
}


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_hostile_notes_files_never_raise_and_later_commands_work(sample: Transcript, tmp_path: Path, name: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    store = AnnotationStore(tmp_path)
    file = store.notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    file.write_text(HOSTILE_FILES[name], "utf-8")
    notes = store.open(sample)
    notes.add(_note(sample, note="after"))
    assert notes.save()
    assert main(["export", "--data-dir", str(tmp_path)]) == 0
    assert "after" in capsys.readouterr().out


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_hostile_imports_give_one_line(sample: Transcript, tmp_path: Path, name: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    hostile = tmp_path / "hostile.json"
    hostile.write_text(HOSTILE_FILES[name].replace('"schema_version": 1, "annotations"', '"type": "AnnotationPage", '
                                                   '"items"'), "utf-8")
    status = main(["import", "--data-dir", str(tmp_path / "data"), str(hostile)])
    err = capsys.readouterr().err
    assert status in (0, 2) and "Traceback" not in err and len(err.strip().splitlines()) <= 1
    assert main(["export", "--data-dir", str(tmp_path / "data")]) == 0


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "not a date"])
def test_imported_dates_out_of_range_are_refused_item_by_item(sample: Transcript, tmp_path: Path, when: str) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    item = {"type": "Annotation", "created": when, "modified": when,
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "At home"}}}
    result = import_notes(notes, json.dumps([item]))
    assert result.added == 1 and notes.annotations[0].modified == records.OLDEST
    assert notes.save()


# --- 9. inputs that are not files ---------------------------------------------------------------------------


def test_a_fifo_with_no_writer_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "t.txt"
    os.mkfifo(fifo)
    for command in (["info", str(fifo)], ["import", str(sample_path()), str(fifo)]):
        result = subprocess.run([sys.executable, "-m", "reader", *command, "--data-dir", str(tmp_path / "d")],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_devices_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(TranscriptError, match="not a regular file"):
        load_transcript("/dev/zero")
    assert main(["import", "--data-dir", str(tmp_path), str(sample_path()), "/dev/zero"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_notes_and_import_files_over_the_limit_get_one_line(sample: Transcript, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(records.MAX_FILE_BYTES + 1)
    assert main(["import", "--data-dir", str(tmp_path), str(big)]) == 2
    assert f"{records.MAX_FILE_MB} MB limit" in capsys.readouterr().err
    notes = AnnotationStore(tmp_path).open(sample)
    with pytest.raises(Exception, match="MB limit"):
        import_file(notes, big)


def test_the_transcript_size_limit_is_one_figure(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(loader.MAX_BYTES + 1)
    with pytest.raises(TranscriptError) as caught:
        load_transcript(big)
    figure = f"{loader.MAX_BYTES // 1_000_000} MB"
    assert figure in str(caught.value) and loader.MAX_BYTES % 1_000_000 == 0
    assert f"over {figure}" in (Path(__file__).parents[2] / "README.md").read_text("utf-8")


# --- 13. housekeeping ---------------------------------------------------------------------------------------


def test_stale_temporaries_of_the_index_are_cleaned_on_start(sample: Transcript, tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    stale = tmp_path / ".index.json.0123456789ab.tmp"
    stale.write_text("{half", "utf-8")
    AnnotationStore(tmp_path).open(sample)
    assert not stale.exists() and (tmp_path / "index.json").exists()


def test_a_read_only_data_folder_is_one_line(sample: Transcript, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    (data / "notes").mkdir(parents=True)
    hostile = tmp_path / "notes.json"
    hostile.write_text(SURROGATE_IMPORT, "utf-8")
    real_open = os.open

    def refuse(file: str | Path, flags: int, *args: int, **kw: object) -> int:
        if flags & os.O_CREAT and data in Path(file).parents:  # as a read-only folder refuses a user
            raise PermissionError(13, "Permission denied")
        return real_open(file, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert main(["import", "--data-dir", str(data), str(hostile)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Permission denied" in err, err


# --- issue 11: scrolling, read-only commands, generations ---------------------------------------------------


def test_scrolling_never_turns_the_backup(sample: Transcript, tmp_path: Path) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    doomed = notes.add(_note(sample, note="deleted a moment ago"))
    notes.add(_note(sample, 5, note="stays"))
    assert notes.save()
    notes.remove(doomed.id)
    assert notes.save()
    bak = Path(str(notes.file) + ".bak")
    assert "deleted a moment ago" in bak.read_text("utf-8")
    file_before = notes.file.read_bytes()
    for turn in (7, 8, 9):
        notes.set_position(sample.turns[turn].id)
        assert notes.save()
    assert "deleted a moment ago" in bak.read_text("utf-8")
    assert notes.file.read_bytes() == file_before
    assert AnnotationStore(tmp_path).open(sample).position.turn_id == sample.turns[9].id  # type: ignore[union-attr]


@pytest.mark.parametrize("command", [["grep", "sanctions"], ["info"], ["topics"], ["export"],
                                     ["export", "-f", "json"]])
def test_commands_that_only_read_never_write_to_the_data_folder(sample: Transcript, tmp_path: Path,
                                                                command: list[str],
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    assert main([*command, "--data-dir", str(empty)]) in (0, 1)
    assert not empty.exists()
    store = AnnotationStore(tmp_path / "used")
    notes = store.open(sample)
    notes.add(_note(sample, note="x"))
    notes.set_speaker_name("sergey lavrov", "Lavrov")
    assert notes.save()
    if command[0] != "export":  # export sets a damaged file aside, and says where (test_import)
        _write_notes(store, sample, [notes.annotations[0].to_dict(), {"id": "broken"}])
    before = _snapshot(store.root)
    assert main([*command, "--data-dir", str(store.root)]) in (0, 1, 2)
    assert _snapshot(store.root) == before
    capsys.readouterr()


def test_backups_keep_the_last_versions_and_one_a_day_for_a_week(tmp_path: Path) -> None:
    file = tmp_path / "notes" / "abc.json"
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for hour in range(0, 24 * 14, 6):  # every six hours for two weeks
        backups.keep_generation(file, f"version {hour}".encode(), now=start + timedelta(hours=hour))
    now = start + timedelta(hours=24 * 14 - 6)
    kept = backups.generations(file)
    days = {when.date() for when, _ in kept}
    assert len(kept) == backups.KEEP_LAST + len(days - {w.date() for w, _ in kept[:backups.KEEP_LAST]})
    assert all((now - when).days <= backups.KEEP_DAYS for when, _ in kept)
    assert len(days) >= backups.KEEP_DAYS
    assert kept[0][1].read_bytes() == f"version {24 * 14 - 6}".encode()
    # within the gap, no new generation
    assert backups.keep_generation(file, b"soon after", now=now + timedelta(minutes=1)) is None


def test_an_earlier_version_is_listed_and_restored(sample: Transcript, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    notes = AnnotationStore(tmp_path).open(sample)
    first = notes.add(_note(sample, note="first"))
    assert notes.save()
    notes.remove(first.id)
    notes.add(_note(sample, 6, note="mistake"))
    assert notes.save()
    listed = AnnotationStore(tmp_path).backups(sample.fingerprint)
    assert listed and listed[0].annotations == 1
    summary = restore_backup(notes, listed[-1].path)
    assert "restored" in summary and [a.note for a in notes.annotations] == ["first"]
    assert notes.save() and [a.note for a in AnnotationStore(tmp_path).open(sample).annotations] == ["first"]
    # the version replaced by the restore is itself kept, so a restore can be undone
    assert any(b.annotations == 1 and "mistake" in b.path.read_text("utf-8")
               for b in AnnotationStore(tmp_path).backups(sample.fingerprint))
    assert main(["backups", "--data-dir", str(tmp_path)]) == 0
    assert "Earlier versions" in capsys.readouterr().out
    assert main(["restore", "--data-dir", str(tmp_path), "1"]) == 0
    assert "restored" in capsys.readouterr().out
