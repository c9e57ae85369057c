"""The notes store: everything a user adds to a transcript, kept beside it as JSON, never lost.

Layout of the data folder (see `reader.core.paths.data_dir`)::

    index.json                   known transcripts: path, title, fingerprint, last opened, last position
    notes/<fingerprint>.json     one transcript's annotations, speaker names, topic edits, reading position
    notes/<fingerprint>.json.bak the version before the last save
    notes/backups/               older generations (`reader.core.notes.backups`)
    notes/<fingerprint>.corrupt-<time>.json  a file that could not be read whole, set aside (`set_aside`)

Use::

    store = AnnotationStore()              # or AnnotationStore(data_dir) / AnnotationStore("--data-dir value")
    notes = store.open(transcript)         # a TranscriptNotes, loaded (and re-anchored) from disk
    notes.on_change.append(callback)       # callback(Change) after every change, from here or from disk
    notes.add(new_annotation(Kind.NOTE, make_anchor(transcript, 3, 10, 42), note="check this"))
    if not notes.save():                   # merges with the file on disk, then replaces it atomically
        show(notes.last_error)             # kept in memory, `dirty` stays True; the next save retries

`read_only` is True (and `message` says why) when the file was written by a newer version of the
program (its notes are shown as far as they can be read); such a file is never written, and changing the notes
raises `ReadOnlyNotesError`. `store.open(transcript, read_only=True)` is how a command that only reads opens
notes: nothing in the data folder is created, changed or moved.

A file with records that fail validation loads the others; the file itself is moved aside whole (the message
says where) and `reader.core.notes.restore.bring_back` takes it in again, for instance once it is mended.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from reader.core import paths
from reader.core.model import Transcript
from reader.core.notes import backups
from reader.core.notes.annotations import now_iso
from reader.core.notes.merge import Conflict
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.schema import (
    SCHEMA_VERSION,
    NewerSchemaError,
    NotesDocument,
    NotSchemaError,
    parse_document,
    read_position,
)
from reader.core.notes.storage import (
    NotAFileError,
    locked,
    move_aside,
    read_limited,
    remove_stale_temporaries,
    write_atomic,
)
from reader.core.notes.transcript_notes import Change, ChangeKind, Position, ReadOnlyNotesError, TranscriptNotes

log = logging.getLogger(__name__)

INDEX_VERSION = 1


class AnnotationStore:
    """The data folder: notes files by fingerprint and the index of known transcripts."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.root = paths.data_dir(data_dir)
        self.notes_dir = self.root / "notes"
        self.index_file = self.root / "index.json"

    def notes_file(self, fingerprint: str) -> Path:
        return self.notes_dir / f"{fingerprint}.json"

    def set_aside(self, fingerprint: str) -> list[Path]:
        """The files of a transcript's notes that were moved aside as unreadable, newest first."""
        return sorted(self.notes_dir.glob(f"{fingerprint}.corrupt-*.json"), reverse=True)

    def backups(self, fingerprint: str) -> list[backups.Backup]:
        """Earlier versions of a transcript's notes, newest first."""
        return backups.backups(self.notes_file(fingerprint))

    # --- the index of known transcripts ---------------------------------------------------------

    def index(self) -> dict[str, dict[str, Any]]:
        """Known transcripts by fingerprint: ``{"path", "title", "fingerprint", "last_opened", "position"}``."""
        try:
            doc = json.loads(read_limited(self.index_file, MAX_FILE_BYTES))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError):
            log.warning("index %s is unreadable; it will be rebuilt", self.index_file)
            return {}
        entries = doc.get("transcripts") if isinstance(doc, dict) else None
        return {k: v for k, v in entries.items() if isinstance(v, dict)} if isinstance(entries, dict) else {}

    def _remember(self, transcript: Transcript, position: Position | None = None, opened: bool = False) -> None:
        """Record a transcript in the index (and clean what killed writers left of it). The index only helps
        find notes, so failing to write it is logged, never fatal."""
        try:
            with locked(self.index_file):
                remove_stale_temporaries(self.index_file)
                entries = self.index()
                entry = entries.setdefault(transcript.fingerprint, {"fingerprint": transcript.fingerprint})
                if transcript.path:
                    entry["path"] = str(Path(transcript.path).resolve())
                entry["title"] = transcript.metadata.title or ""
                if opened or "last_opened" not in entry:
                    entry["last_opened"] = now_iso()
                if position is not None:
                    entry["position"] = {"turn_id": position.turn_id, "offset": position.offset}
                doc = {"schema_version": INDEX_VERSION, "transcripts": dict(sorted(entries.items()))}
                write_atomic(self.index_file, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode())
        except (OSError, ValueError) as exc:
            log.warning("could not update %s: %s", self.index_file, exc)

    def _previous_version(self, transcript: Transcript) -> str | None:
        """The fingerprint of the notes last used for the same path, when the file has changed since."""
        if not transcript.path:
            return None
        path = str(Path(transcript.path).resolve())
        known = [e for fp, e in self.index().items()
                 if e.get("path") == path and fp != transcript.fingerprint and self.notes_file(fp).exists()]
        known.sort(key=lambda e: str(e.get("last_opened", "")), reverse=True)
        return str(known[0]["fingerprint"]) if known else None

    def _indexed_position(self, transcript: Transcript) -> Position | None:
        entry = self.index().get(transcript.fingerprint, {})
        found = read_position(entry.get("position"))
        return Position(*found) if found and found[0] in transcript.turn_by_id else None

    # --- opening --------------------------------------------------------------------------------

    def open(self, transcript: Transcript, *, read_only: bool = False, remember: bool = True) -> TranscriptNotes:
        """The notes of a transcript: its own file, else those of an earlier version at the same path
        (re-attached by their quotes), else none yet. Never raises for a bad file: see `message`.

        `read_only`: for a command that only reads; nothing is written, moved or recorded. `remember`: record
        the transcript as opened in the index (the window does; `export` does not)."""
        notes = TranscriptNotes(self, transcript, self.notes_file(transcript.fingerprint))
        notes.read_only = read_only
        existed = notes.file.exists()
        doc = self._read(notes, notes.file)
        if not existed:
            previous = self._previous_version(transcript)
            if previous is not None:
                earlier = TranscriptNotes(self, transcript, self.notes_file(previous))
                earlier.read_only = read_only
                old = self._read(earlier, earlier.file)
                if earlier.read_only and not read_only:  # the earlier version's file is from a newer program
                    notes.message = (f"Notes of an earlier version of this file ({earlier.file}) were written "
                                     "by a newer version of Transcript Reader and are not used.")
                elif old is not None:
                    notes._load(old)
                    notes.dirty = not read_only  # write it under the new fingerprint at the next save
                    lost = len(notes.detached)
                    notes.message = (f"The transcript changed since its notes were made: {len(notes) - lost} "
                                     f"re-attached, {lost} detached." if lost else
                                     "The transcript changed since its notes were made; all were re-attached.")
        elif doc is not None:
            message = notes.message
            notes._load(doc)
            notes.dirty = bool(doc.rejected) and not notes.read_only  # the readable ones, back in their place
            if any(a.detached for a in notes.annotations):
                notes.message = message or f"{len(notes.detached)} notes could not be placed in this text."
        notes._position = self._indexed_position(transcript) or notes.position
        if remember and not read_only:
            self._remember(transcript, notes.position, opened=True)
        return notes

    def _read(self, notes: TranscriptNotes, file: Path) -> NotesDocument | None:
        """Read one notes file. A file that cannot be read whole is moved aside (unless the notes are
        read-only) and its readable records returned; a newer one makes the notes read-only."""
        try:
            raw = read_limited(file, MAX_FILE_BYTES)
        except FileNotFoundError:
            return None
        except (OSError, NotAFileError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            notes.read_only = True
            notes.message = f"Cannot read the notes in {file} ({reason}); nothing will be saved over them."
            return None
        try:
            doc: NotesDocument | None = parse_document(raw)
        except NewerSchemaError as exc:
            notes.read_only = True
            notes.message = (f"The notes in {file} were written by a newer version of Transcript Reader "
                             f"(schema {exc.version}, this one reads {SCHEMA_VERSION}); they are shown read-only, "
                             "left untouched, and nothing will be saved.")
            return parse_document(raw, newer=True)
        except NotSchemaError as exc:
            problem, doc = str(exc), None
        else:
            assert doc is not None
            if not doc.rejected:
                return doc
            kept = len(doc.annotations)
            problem = (f"{len(doc.rejected)} of {kept + len(doc.rejected)} annotations could not be read: "
                       + "; ".join(r.line() for r in doc.rejected[:3]) + ("; …" if len(doc.rejected) > 3 else ""))
        if notes.read_only:  # a command that only reads: say so, and leave the file as it is
            notes.message = f"The notes file {file} is damaged ({problem}); it was left as it is."
            return doc
        try:
            aside = move_aside(file)
        except OSError as move_exc:
            notes.read_only = True
            notes.message = f"The notes in {file} are unreadable ({problem}) and could not be moved aside " \
                            f"({move_exc.strerror}); nothing will be saved over them."
            return None
        kept_text = f"the other {len(doc.annotations)} were kept" if doc else "starting with no notes"
        notes.message = (f"The notes file was damaged ({problem}); it was moved to {aside} and {kept_text}. "
                         "Notes > Restore Earlier Notes… (or transcript-reader restore) brings it back.")
        log.warning("%s", notes.message)
        return doc

    def _read_for_merge(self, notes: TranscriptNotes) -> NotesDocument | None:
        message = notes.message
        doc = self._read(notes, notes.file)
        if notes.message != message:
            notes._emit(Change(ChangeKind.RELOADED))
        return doc


__all__ = ["SCHEMA_VERSION", "AnnotationStore", "Change", "ChangeKind", "Conflict", "Position", "ReadOnlyNotesError",
           "TranscriptNotes"]
