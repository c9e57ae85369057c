"""The notes store: everything a user adds to a transcript, kept beside it as JSON, never lost.

Layout of the data folder (see `reader.core.paths.data_dir`)::

    index.json                   known transcripts: path, title, fingerprint, last opened, last position
    notes/<fingerprint>.json     one transcript's annotations, speaker names, topic edits, reading position
    notes/<fingerprint>.json.bak the version before the last save

Use::

    store = AnnotationStore()              # or AnnotationStore(data_dir) / AnnotationStore("--data-dir value")
    notes = store.open(transcript)         # a TranscriptNotes, loaded (and re-anchored) from disk
    notes.on_change.append(callback)       # callback(Change) after every change, from here or from disk
    notes.add(new_annotation(Kind.NOTE, make_anchor(transcript, 3, 10, 42), note="check this"))
    if not notes.save():                   # merges with the file on disk, then replaces it atomically
        show(notes.last_error)             # kept in memory, `dirty` stays True; the next save retries

`read_only` is True (and `message` says why) when the file was written by a newer version of the
program; such a file is never written, and changing the notes raises `ReadOnlyNotesError`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from reader.core import paths
from reader.core.model import Transcript
from reader.core.notes.annotations import now_iso
from reader.core.notes.merge import Conflict
from reader.core.notes.schema import SCHEMA_VERSION, NewerSchemaError, NotesDocument, NotSchemaError, parse_document
from reader.core.notes.storage import locked, move_aside, write_atomic
from reader.core.notes.transcript_notes import Change, Position, ReadOnlyNotesError, TranscriptNotes

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

    # --- the index of known transcripts ---------------------------------------------------------

    def index(self) -> dict[str, dict[str, Any]]:
        """Known transcripts by fingerprint: ``{"path", "title", "fingerprint", "last_opened", "position"}``."""
        try:
            doc = json.loads(self.index_file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("index %s is unreadable; it will be rebuilt", self.index_file)
            return {}
        entries = doc.get("transcripts") if isinstance(doc, dict) else None
        return {k: v for k, v in entries.items() if isinstance(v, dict)} if isinstance(entries, dict) else {}

    def _remember(self, transcript: Transcript, position: Position | None = None, opened: bool = False) -> None:
        """Record a transcript in the index. The index only helps find notes, so failing to write it is logged,
        never fatal."""
        try:
            with locked(self.index_file):
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
        except OSError as exc:
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

    # --- opening --------------------------------------------------------------------------------

    def open(self, transcript: Transcript) -> TranscriptNotes:
        """The notes of a transcript: its own file, else those of an earlier version at the same path
        (re-attached by their quotes), else none yet. Never raises for a bad file: see `message`."""
        notes = TranscriptNotes(self, transcript, self.notes_file(transcript.fingerprint))
        existed = notes.file.exists()
        doc = self._read(notes, notes.file)
        if not existed:
            previous = self._previous_version(transcript)
            if previous is not None:
                old = self._read(notes, self.notes_file(previous))
                if old is not None:
                    notes._load(old)
                    notes.dirty = True  # write it under the new fingerprint at the next save
                    lost = len(notes.detached)
                    notes.message = (f"The transcript changed since its notes were made: {len(notes) - lost} "
                                     f"re-attached, {lost} detached." if lost else
                                     "The transcript changed since its notes were made; all were re-attached.")
                if notes.read_only:  # the earlier version's file is from a newer program: leave it be
                    notes.read_only = False
                    notes.message = (f"Notes of an earlier version of this file ({self.notes_file(previous)}) "
                                     "were written by a newer version of Transcript Reader and are not used.")
        elif doc is not None:
            notes._load(doc)
            if any(a.detached for a in notes.annotations):
                notes.message = notes.message or f"{len(notes.detached)} notes could not be placed in this text."
        self._remember(transcript, notes.position, opened=True)
        return notes

    def _read(self, notes: TranscriptNotes, file: Path) -> NotesDocument | None:
        """Read one notes file; a corrupt one is moved aside and a newer one makes the notes read-only."""
        try:
            raw = file.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            notes.read_only = True
            notes.message = f"Cannot read the notes in {file} ({exc.strerror}); they are shown read-only."
            return None
        try:
            return parse_document(raw)
        except NewerSchemaError as exc:
            notes.read_only = True
            notes.message = (f"The notes in {file} were written by a newer version of Transcript Reader "
                             f"(schema {exc.version}, this one reads {SCHEMA_VERSION}); they are left untouched "
                             "and nothing will be saved.")
            return None
        except NotSchemaError as exc:
            try:
                aside = move_aside(file)
            except OSError as move_exc:
                notes.read_only = True
                notes.message = f"The notes in {file} are unreadable ({exc}) and could not be moved aside " \
                                f"({move_exc.strerror}); nothing will be saved over them."
                return None
            notes.message = f"The notes file was unreadable ({exc}); it was moved to {aside}. Starting with no notes."
            log.warning("%s", notes.message)
            return None

    def _read_for_merge(self, notes: TranscriptNotes) -> NotesDocument | None:
        message = notes.message
        doc = self._read(notes, notes.file)
        if notes.message != message:
            notes._emit(Change("reloaded"))
        return doc


__all__ = ["SCHEMA_VERSION", "AnnotationStore", "Change", "Conflict", "Position", "ReadOnlyNotesError",
           "TranscriptNotes"]
