"""The notes store: everything a user adds to a transcript, kept beside it as JSON, never lost.

Layout of the data folder (see `reader.core.paths.data_dir`)::

    index.json                   known transcripts: path, title, fingerprint, last opened, last position
    notes/<fingerprint>.json     one transcript's annotations, speaker names, topic edits, reading position
    notes/<fingerprint>.json.bak the version before the last save
    notes/backups/               older generations (`reader.core.notes.backups`)
    notes/<fingerprint>.corrupt-<time>.json  a file that could not be read whole, set aside (`set_aside`)

Use::

    store = AnnotationStore()              # or AnnotationStore(data_dir) / AnnotationStore("--data-dir value")
    notes = store.open(transcript)         # StoredNotes: a TranscriptNotes read (and re-anchored) from its file
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
from typing import TYPE_CHECKING, Any

from reader.core import paths
from reader.core.model import Transcript
from reader.core.notes.annotations import now_iso
from reader.core.notes.notes_file import NotesFile, StoredNotes
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.schema import SCHEMA_VERSION, read_position
from reader.core.notes.storage import locked, read_limited, remove_stale_temporaries, write_atomic
from reader.core.notes.transcript_notes import (
    Change,
    ChangeKind,
    Position,
    ReadOnlyNotesError,
    TranscriptNotes,
    find_position,
)

if TYPE_CHECKING:
    from reader.core.notes.backups import Backup

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

    def backups(self, fingerprint: str) -> list[Backup]:
        """Earlier versions of a transcript's notes, newest first."""
        from reader.core.notes import backups  # when asked for, as by the saves that make them: not at the start

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

    def remember(self, transcript: Transcript, position: Position | None = None, opened: bool = False) -> None:
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
                    entry["position"] = {"turn_id": position.turn_id, "offset": position.offset,
                                         "words": position.words, "prefix": position.prefix}
                doc = {"schema_version": INDEX_VERSION, "transcripts": dict(sorted(entries.items()))}
                write_atomic(self.index_file, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode())
        except (OSError, ValueError) as exc:
            log.warning("could not update %s: %s", self.index_file, exc)

    def _previous_version(self, transcript: Transcript, with_notes: bool = True) -> str | None:
        """The fingerprint of the notes last used for the same path, when the file has changed since (or, not
        `with_notes`, of the version last read there, notes or not)."""
        if not transcript.path:
            return None
        path = str(Path(transcript.path).resolve())
        known = [e for fp, e in self.index().items() if e.get("path") == path and fp != transcript.fingerprint
                 and (not with_notes or self.notes_file(fp).exists())]
        known.sort(key=lambda e: str(e.get("last_opened", "")), reverse=True)
        return str(known[0]["fingerprint"]) if known else None

    def _indexed_position(self, transcript: Transcript, fingerprint: str | None = None) -> Position | None:
        """Where reading stopped in this transcript (or in the earlier version with `fingerprint`, found again
        in this one by its words)."""
        entry = self.index().get(fingerprint or transcript.fingerprint, {})
        found = read_position(entry.get("position"))
        return find_position(transcript, Position(*found)) if found else None

    # --- opening --------------------------------------------------------------------------------

    def open(self, transcript: Transcript, *, read_only: bool = False, remember: bool = True) -> StoredNotes:
        """The notes of a transcript: its own file, else those of an earlier version at the same path
        (re-attached by their quotes), else none yet. Never raises for a bad file: see `message`.

        `read_only`: for a command that only reads; nothing is written, moved or recorded. `remember`: record
        the transcript as opened in the index (the window does; `export` does not)."""
        notes = StoredNotes(self, transcript, NotesFile(self.notes_file(transcript.fingerprint)), read_only=read_only)
        existed = notes.notes_file.exists()
        doc = notes.apply_read(notes.notes_file.read(read_only=read_only))
        position = self._indexed_position(transcript)
        if not existed:
            previous = self._previous_version(transcript)
            if previous is not None:
                earlier = NotesFile(self.notes_file(previous))
                old = earlier.read(read_only=read_only)
                if old.read_only and not read_only:  # the earlier version's file is from a newer program
                    notes.message = (f"Notes of an earlier version of this file ({earlier.path}) were written "
                                     "by a newer version of Transcript Reader and are not used.")
                elif old.document is not None:
                    notes.load(old.document, unsaved=not read_only)  # saved under the new fingerprint next
                    lost = len(notes.detached)
                    notes.message = (f"The transcript changed since its notes were made: {len(notes) - lost} "
                                     f"re-attached, {lost} detached." if lost else
                                     "The transcript changed since its notes were made; all were re-attached.")
            read_before = self._previous_version(transcript, with_notes=False)
            if position is None and read_before is not None:  # read there before: go on where reading stopped
                position = self._indexed_position(transcript, read_before)
        elif doc is not None:
            message = notes.message
            notes.load(doc, unsaved=bool(doc.rejected) and not notes.read_only)  # the readable ones, back in place
            if any(a.detached for a in notes.annotations):
                notes.message = message or f"{len(notes.detached)} notes could not be placed in this text."
        notes.resume_at(position or notes.position)
        if remember and not read_only:
            self.remember(transcript, notes.position, opened=True)
        return notes


__all__ = ["SCHEMA_VERSION", "AnnotationStore", "Change", "ChangeKind", "Position", "ReadOnlyNotesError", "StoredNotes",
           "TranscriptNotes"]
