"""A transcript's notes on disk: the one module that reads and writes notes files.

`NotesFile` is one ``notes/<fingerprint>.json``: read whole, or as far as it can be (a damaged file is moved
aside and its readable records kept, a file from a newer version is left untouched and read-only), written
atomically after keeping the previous version (``.bak`` and dated generations, `reader.core.notes.backups`),
with the versions that lost a merge appended to ``<fingerprint>.conflicts.json`` beside it.

`StoredNotes` is a `TranscriptNotes` kept in such a file: `save` merges with whatever another writer saved
meanwhile and writes the result, `refresh` takes in another writer's changes, and `save_position` records the
reading position in the store's index without touching the notes file. The state itself knows nothing of
files; this module only uses its public interface.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.model import Transcript
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.schema import SCHEMA_VERSION, NewerSchemaError, NotesDocument, NotSchemaError, parse_document
from reader.core.notes.storage import (
    NotAFileError,
    backup_path,
    locked,
    move_aside,
    read_limited,
    remove_stale_temporaries,
    write_atomic,
)
from reader.core.notes.transcript_notes import Change, ChangeKind, TranscriptNotes

if TYPE_CHECKING:
    from reader.core.notes.merge import Conflict
    from reader.core.notes.store import AnnotationStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading a notes file gave: its document (None when there is no file or nothing could be read),
    whether it must never be written (`read_only`) and what the user should be told."""

    document: NotesDocument | None
    read_only: bool = False
    message: str | None = None


class NotesFile:
    """One transcript's notes file, and the conflicts file beside it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def conflicts_path(self) -> Path:
        return self.path.with_name(self.path.stem + ".conflicts.json")

    def exists(self) -> bool:
        return self.path.exists()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the file against other writers (a second window, another process) between a read and a write."""
        with locked(self.path):
            yield

    def read(self, *, read_only: bool = False) -> Loaded:
        """Read the file. One that cannot be read whole is moved aside (unless `read_only`: then it is left as
        it is) and its readable records returned; one from a newer version is read as far as it can be, and
        must not be written."""
        file = self.path
        try:
            raw = read_limited(file, MAX_FILE_BYTES)
        except FileNotFoundError:
            return Loaded(None)
        except (OSError, NotAFileError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            return Loaded(None, True, f"Cannot read the notes in {file} ({reason}); nothing will be saved over them.")
        try:
            doc: NotesDocument | None = parse_document(raw)
        except NewerSchemaError as exc:
            return Loaded(parse_document(raw, newer=True), True,
                          f"The notes in {file} were written by a newer version of Transcript Reader "
                          f"(schema {exc.version}, this one reads {SCHEMA_VERSION}); they are shown read-only, "
                          "left untouched, and nothing will be saved.")
        except NotSchemaError as exc:
            problem, doc = str(exc), None
        else:
            assert doc is not None
            if not doc.rejected:
                return Loaded(doc)
            kept = len(doc.annotations)
            problem = (f"{len(doc.rejected)} of {kept + len(doc.rejected)} annotations could not be read: "
                       + "; ".join(r.line() for r in doc.rejected[:3]) + ("; …" if len(doc.rejected) > 3 else ""))
        if read_only:  # a command that only reads: say so, and leave the file as it is
            return Loaded(doc, False, f"The notes file {file} is damaged ({problem}); it was left as it is.")
        try:
            aside = move_aside(file)
        except OSError as move_exc:
            return Loaded(None, True, f"The notes in {file} are unreadable ({problem}) and could not be moved "
                                      f"aside ({move_exc.strerror}); nothing will be saved over them.")
        kept_text = f"the other {len(doc.annotations)} were kept" if doc else "starting with no notes"
        message = (f"The notes file was damaged ({problem}); it was moved to {aside} and {kept_text}. "
                   "Notes > Restore Earlier Notes… (or transcript-reader restore) brings it back.")
        log.warning("%s", message)
        return Loaded(doc, False, message)

    def write(self, doc: NotesDocument) -> None:
        """Replace the file with `doc` atomically, keeping the version it replaces as ``.bak`` and as a
        generation. Call while holding `lock`. Raises OSError (and whatever encoding the document raises)."""
        from reader.core.notes.backups import keep_generation  # a save's: reading notes needs none of it

        remove_stale_temporaries(self.path)
        data = doc.to_json().encode("utf-8")
        if self.path.exists():
            previous = self.path.read_bytes()
            write_atomic(backup_path(self.path), previous)
            keep_generation(self.path, previous)
        write_atomic(self.path, data)

    def keep_conflicts(self, fingerprint: str, conflicts: Iterable[Conflict]) -> None:
        """Append the versions that lost to the conflicts file, so no edit is lost without trace. Raises OSError."""
        try:
            kept = json.loads(self.conflicts_path.read_text("utf-8"))
            entries = kept["conflicts"] if isinstance(kept, dict) and isinstance(kept.get("conflicts"), list) else []
        except (OSError, ValueError):
            entries = []
        entries += [c.to_dict() for c in conflicts]
        doc = {"schema_version": SCHEMA_VERSION, "fingerprint": fingerprint, "conflicts": entries}
        write_atomic(self.conflicts_path, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


class StoredNotes(TranscriptNotes):
    """A transcript's notes kept in a notes file of a store; get them from `AnnotationStore.open`."""

    def __init__(self, store: AnnotationStore, transcript: Transcript, file: NotesFile, *,
                 read_only: bool = False) -> None:
        super().__init__(transcript, read_only=read_only)
        self.store = store
        self.notes_file = file
        self.last_error: str | None = None  # why the last save failed; None once a save succeeds

    @property
    def file(self) -> Path:
        return self.notes_file.path

    @property
    def conflicts_file(self) -> Path:
        return self.notes_file.conflicts_path

    def apply_read(self, loaded: Loaded) -> NotesDocument | None:
        """Note what reading the file said (read-only, a message for the user); returns its document."""
        self.read_only = self.read_only or loaded.read_only
        if loaded.message is not None:
            self.message = loaded.message
        return loaded.document

    def refresh(self) -> bool:
        """Take in what another writer saved since (a second window, a synced folder). Returns whether
        anything changed; listeners get a RELOADED change."""
        if self.read_only:
            return False
        with self.notes_file.lock():
            changed = self._merge_from_disk()
            try:
                self._keep_conflicts()
            except OSError as exc:  # they stay pending; the next save writes the notes themselves
                log.warning("could not write %s: %s", self.conflicts_file, exc)
        if changed:
            self.emit(Change(ChangeKind.RELOADED))
        return changed

    def save(self) -> bool:
        """Merge with the file on disk and write the result atomically, keeping the previous file as
        ``.bak`` (and older generations, see `reader.core.notes.backups`). Returns True when the notes are on
        disk; on a failure of any kind everything stays in memory, `last_error` says why, and the next call
        tries again. When only the reading position moved, only the index is written."""
        if self.read_only:
            return False
        if not self.dirty:
            return True
        if not self.notes_dirty:
            return self.save_position()
        try:
            with self.notes_file.lock():
                if self._merge_from_disk():
                    self.emit(Change(ChangeKind.RELOADED))
                if self.read_only:  # another writer saved a newer schema meanwhile
                    return False
                self._keep_conflicts()
                self.notes_file.write(self.to_document())
        except Exception as exc:  # a full disk, a folder made read-only, or a bug: the notes must survive it
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            self.last_error = f"Could not save notes to {self.file}: {reason}. They are kept " \
                              "in memory and saving will be tried again."
            log.warning("%s", self.last_error, exc_info=not isinstance(exc, OSError))
            self.emit(Change(ChangeKind.SAVE_FAILED))
            return False
        self.mark_saved()
        self.last_error = None
        self.store.remember(self.transcript, self.position)
        self.emit(Change(ChangeKind.SAVED))
        return True

    def save_position(self) -> bool:
        """Write the reading position to the store's index (no notes file, no backup). Failing is logged:
        the position only helps, it is never worth an error."""
        if self.read_only:
            return False
        self.mark_position_saved()
        if self.position is not None:
            self.store.remember(self.transcript, self.position)
        return True

    def _merge_from_disk(self) -> bool:
        """Read the file on disk and fold it in; returns whether anything here changed. A file found damaged
        meanwhile is moved aside, and listeners hear of it as a reload."""
        message = self.message
        doc = self.apply_read(self.notes_file.read(read_only=self.read_only))
        if self.message != message:
            self.emit(Change(ChangeKind.RELOADED))
        return doc is not None and self.merge(doc)

    def _keep_conflicts(self) -> None:
        pending = self.pending_conflicts
        if not pending:
            return
        self.notes_file.keep_conflicts(self.fingerprint, pending)
        self.conflicts_kept()
        self.message = (f"{len(self.conflicts)} note(s) were changed in two places at once; the later change was "
                        f"kept and the other is saved in {self.conflicts_file}.")
        self.emit(Change(ChangeKind.CONFLICT, tuple(c.lost.id for c in pending)))
