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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core import paths
from reader.core.anchoring import reattach
from reader.core.annotations import Annotation, now_iso, reading_order_key
from reader.core.model import Transcript
from reader.core.schema import SCHEMA_VERSION, NewerSchemaError, NotesDocument, NotSchemaError, parse_document
from reader.core.storage import backup_path, locked, move_aside, remove_stale_temporaries, write_atomic

log = logging.getLogger(__name__)

INDEX_VERSION = 1


class ReadOnlyNotesError(PermissionError):
    """A change to notes that were opened read-only (a file from a newer version of the program)."""


@dataclass(frozen=True, slots=True)
class Change:
    """What changed, for listeners: ``what`` is "annotations" (with the ``ids`` added, edited or removed),
    "speaker_names", "topic_edits", "position", "reloaded" (a merge brought in another writer's changes),
    "saved", "save_failed" or "conflict" (the ids of annotations whose other version lost a merge)."""

    what: str
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Position:
    """A reading position: a turn and a character offset in its text."""

    turn_id: str
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Conflict:
    """An annotation edited in two places (or edited here and deleted there): which version was kept (None:
    the deletion won) and which lost. Lost versions are also written to ``<fingerprint>.conflicts.json``."""

    kept: Annotation | None
    lost: Annotation
    when: str

    def to_dict(self) -> dict[str, Any]:
        return {"when": self.when, "kept": self.kept.to_dict() if self.kept else None, "lost": self.lost.to_dict()}


@dataclass
class _LocalEdits:
    """What this process changed since its last save, so a merge keeps these and takes the rest from disk."""

    annotation_ids: set[str] = field(default_factory=set)
    speaker_keys: set[str] = field(default_factory=set)
    topic_edits: bool = False
    position: bool = False


class TranscriptNotes:
    """One transcript's notes in memory. Annotations are frozen; edit with `update(id, **changes)`."""

    def __init__(self, store: AnnotationStore, transcript: Transcript, file: Path) -> None:
        self.store = store
        self.transcript = transcript
        self.file = file
        self.on_change: list[Callable[[Change], None]] = []
        self.read_only = False
        self.message: str | None = None  # what the user should be told about these notes (moved aside, newer, ...)
        self.last_error: str | None = None  # why the last save failed; None once a save succeeds
        self.dirty = False
        self._annotations: dict[str, Annotation] = {}
        self._deleted: dict[str, str] = {}
        self._speaker_names: dict[str, str] = {}
        self._topic_edits: list[dict[str, Any]] = []
        self._position: Position | None = None
        self._local = _LocalEdits()
        self._base: dict[str, str] = {}  # modification time of each annotation as last read from or written to disk
        self.conflicts: list[Conflict] = []  # edits that lost a merge in this session (also kept on disk)

    # --- reading --------------------------------------------------------------------------------

    @property
    def fingerprint(self) -> str:
        return self.transcript.fingerprint

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """Every annotation in reading order; detached ones last."""
        return tuple(sorted(self._annotations.values(), key=lambda a: reading_order_key(self.transcript, a)))

    @property
    def detached(self) -> tuple[Annotation, ...]:
        return tuple(a for a in self.annotations if a.detached)

    def get(self, annotation_id: str) -> Annotation | None:
        return self._annotations.get(annotation_id)

    def __len__(self) -> int:
        return len(self._annotations)

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._annotations

    def tags(self) -> list[str]:
        """Every tag in use, sorted ignoring case (for completion)."""
        seen = {t.casefold(): t for a in self._annotations.values() for t in a.tags}
        return [seen[k] for k in sorted(seen)]

    @property
    def speaker_names(self) -> dict[str, str]:
        """Display names the user set, by `Speaker.key` (a copy)."""
        return dict(self._speaker_names)

    def display_name(self, speaker_key: str) -> str:
        """The user's name for a speaker, else the name the transcript gives it."""
        if speaker_key in self._speaker_names:
            return self._speaker_names[speaker_key]
        speaker = self.transcript.speaker_by_key.get(speaker_key)
        return speaker.name if speaker else speaker_key

    @property
    def topic_edits(self) -> list[dict[str, Any]]:
        """The topics code's edits (opaque here; a copy)."""
        return [dict(e) for e in self._topic_edits]

    @property
    def position(self) -> Position | None:
        return self._position

    @property
    def deleted(self) -> dict[str, str]:
        """Tombstones: id of each deleted annotation and when it was deleted."""
        return dict(self._deleted)

    # --- changing -------------------------------------------------------------------------------

    def add(self, annotation: Annotation) -> Annotation:
        """Add (or put back, as an undo of `remove` does) an annotation.

        Putting back a deleted id gives it a new modification time, so the deletion does not win a merge.
        """
        self._check_writable()
        if annotation.id in self._deleted:
            del self._deleted[annotation.id]
            annotation = annotation.edited()
        self._annotations[annotation.id] = annotation
        self._local.annotation_ids.add(annotation.id)
        self._changed(Change("annotations", (annotation.id,)))
        return annotation

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        """Apply changes (note, tags, status, colour, kind, anchor) and stamp the modification time.

        Raises KeyError for an unknown id.
        """
        self._check_writable()
        edited = self._annotations[annotation_id].edited(**changes)
        self._annotations[annotation_id] = edited
        self._local.annotation_ids.add(annotation_id)
        self._changed(Change("annotations", (annotation_id,)))
        return edited

    def replace(self, annotation: Annotation) -> Annotation:
        """Put an edited copy in place as given (the caller stamped it, e.g. an undo restoring a state)."""
        self._check_writable()
        if annotation.id not in self._annotations:
            raise KeyError(annotation.id)
        self._annotations[annotation.id] = annotation.edited()  # a newer time than the state it replaces
        self._local.annotation_ids.add(annotation.id)
        self._changed(Change("annotations", (annotation.id,)))
        return self._annotations[annotation.id]

    def remove(self, annotation_id: str) -> Annotation:
        """Delete an annotation and remember the deletion (so a merge does not bring it back); returns it."""
        self._check_writable()
        removed = self._annotations.pop(annotation_id)
        self._deleted[annotation_id] = max(now_iso(), removed.modified)
        self._local.annotation_ids.add(annotation_id)
        self._changed(Change("annotations", (annotation_id,)))
        return removed

    def set_speaker_name(self, speaker_key: str, name: str) -> None:
        """Set the display name of a speaker; an empty name goes back to the transcript's own."""
        self._check_writable()
        name = " ".join(name.split())
        if name:
            self._speaker_names[speaker_key] = name
        else:
            self._speaker_names.pop(speaker_key, None)
        self._local.speaker_keys.add(speaker_key)
        self._changed(Change("speaker_names", (speaker_key,)))

    def set_topic_edits(self, edits: Iterable[dict[str, Any]]) -> None:
        self._check_writable()
        self._topic_edits = [dict(e) for e in edits]
        self._local.topic_edits = True
        self._changed(Change("topic_edits"))

    def set_position(self, turn_id: str, offset: int = 0) -> None:
        """Remember where the reader is. Allowed on read-only notes too; it is then not written."""
        position = Position(turn_id, max(0, int(offset)))
        if position == self._position:
            return
        self._position = position
        self._local.position = True
        self._changed(Change("position"))

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyNotesError(self.message or "these notes are read-only")

    def _changed(self, change: Change) -> None:
        self.dirty = True
        self._emit(change)

    def _emit(self, change: Change) -> None:
        for callback in list(self.on_change):
            try:
                callback(change)
            except Exception:  # one broken listener must not stop the others or the change itself
                log.exception("notes change listener failed")

    # --- loading, merging, saving ---------------------------------------------------------------

    def _load(self, doc: NotesDocument) -> None:
        self._annotations = {a.id: a for a in reattach(self.transcript, doc.annotations)}
        self._deleted = dict(doc.deleted)
        self._speaker_names = dict(doc.speaker_names)
        self._topic_edits = [dict(e) for e in doc.topic_edits]
        self._position = Position(*doc.position) if doc.position else None
        self._base = {a.id: a.modified for a in self._annotations.values()}

    def _merge(self, disk: NotesDocument) -> bool:
        """Fold another writer's file into memory. Returns whether anything here changed."""
        before = (dict(self._annotations), dict(self._speaker_names), list(self._topic_edits), self._position)
        for ident, when in disk.deleted.items():
            if when > self._deleted.get(ident, ""):
                self._deleted[ident] = when
        incoming = {a.id: a for a in reattach(self.transcript, disk.annotations)}
        for ident, theirs in incoming.items():
            ours = self._annotations.get(ident)
            if ours is not None and ours != theirs and ident in self._local.annotation_ids \
                    and theirs.modified != self._base.get(ident):  # edited here and there since we last read
                winner, loser = (theirs, ours) if theirs.modified > ours.modified else (ours, theirs)
                self.conflicts.append(Conflict(kept=winner, lost=loser, when=now_iso()))
            if ours is None or theirs.modified > ours.modified:
                self._annotations[ident] = theirs
        for ident, when in self._deleted.items():
            kept = self._annotations.get(ident)
            if kept is not None and kept.modified <= when:
                if ident in self._local.annotation_ids and ident in disk.deleted:  # our edit, their deletion
                    self.conflicts.append(Conflict(kept=None, lost=kept, when=now_iso()))
                del self._annotations[ident]
        self._base = {a.id: a.modified for a in incoming.values()}
        names = dict(disk.speaker_names)
        for key in self._local.speaker_keys:
            if key in self._speaker_names:
                names[key] = self._speaker_names[key]
            else:
                names.pop(key, None)
        self._speaker_names = names
        if not self._local.topic_edits:
            self._topic_edits = [dict(e) for e in disk.topic_edits]
        if not self._local.position and disk.position:
            self._position = Position(*disk.position)
        after = (self._annotations, self._speaker_names, self._topic_edits, self._position)
        return before != after

    def to_document(self) -> NotesDocument:
        return NotesDocument(
            fingerprint=self.fingerprint,
            title=self.transcript.metadata.title or "",
            path=self.transcript.path or "",
            annotations=tuple(self.annotations),
            deleted=dict(sorted(self._deleted.items())),
            speaker_names=dict(sorted(self._speaker_names.items())),
            topic_edits=tuple(dict(e) for e in self._topic_edits),
            position=(self._position.turn_id, self._position.offset) if self._position else None,
        )

    @property
    def conflicts_file(self) -> Path:
        return self.file.with_name(self.file.stem + ".conflicts.json")

    def _keep_conflicts(self, new: list[Conflict]) -> None:
        """Append the versions that lost a merge to the conflicts file, so no edit is lost without trace."""
        try:
            kept = json.loads(self.conflicts_file.read_text("utf-8"))
            entries = kept["conflicts"] if isinstance(kept, dict) and isinstance(kept.get("conflicts"), list) else []
        except (OSError, ValueError):
            entries = []
        entries += [c.to_dict() for c in new]
        doc = {"schema_version": SCHEMA_VERSION, "fingerprint": self.fingerprint, "conflicts": entries}
        write_atomic(self.conflicts_file, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        self.message = (f"{len(self.conflicts)} note(s) were changed in two places at once; the later change was "
                        f"kept and the other is saved in {self.conflicts_file}.")
        self._emit(Change("conflict", tuple(c.lost.id for c in new)))

    def refresh(self) -> bool:
        """Take in what another writer saved since (a second window, a synced folder). Returns whether
        anything changed; listeners get a "reloaded" change."""
        if self.read_only:
            return False
        with locked(self.file):
            disk = self.store._read_for_merge(self)
            already = len(self.conflicts)
            changed = disk is not None and self._merge(disk)
            if len(self.conflicts) > already:
                try:
                    self._keep_conflicts(self.conflicts[already:])
                except OSError as exc:  # they stay in `conflicts`; the next save writes the notes themselves
                    log.warning("could not write %s: %s", self.conflicts_file, exc)
        if changed:
            self._emit(Change("reloaded"))
        return changed

    def save(self) -> bool:
        """Merge with the file on disk and write the result atomically, keeping the previous file as
        ``.bak``. Returns True when the notes are on disk; on failure everything stays in memory,
        `last_error` says why, and the next call tries again."""
        if self.read_only:
            return False
        if not self.dirty:
            return True
        try:
            with locked(self.file):
                remove_stale_temporaries(self.file)
                disk = self.store._read_for_merge(self)
                if self.read_only:  # another writer saved a newer schema meanwhile
                    return False
                already = len(self.conflicts)
                if disk is not None and self._merge(disk):
                    self._emit(Change("reloaded"))
                if len(self.conflicts) > already:
                    self._keep_conflicts(self.conflicts[already:])
                data = self.to_document().to_json().encode("utf-8")
                if self.file.exists():
                    write_atomic(backup_path(self.file), self.file.read_bytes())
                write_atomic(self.file, data)
        except OSError as exc:
            self.last_error = f"Could not save notes to {self.file}: {exc.strerror or exc}. They are kept " \
                              "in memory and saving will be tried again."
            log.warning("%s", self.last_error)
            self._emit(Change("save_failed"))
            return False
        self.dirty = False
        self.last_error = None
        self._local = _LocalEdits()
        self._base = {a.id: a.modified for a in self._annotations.values()}
        self.store._remember(self.transcript, self._position)
        self._emit(Change("saved"))
        return True


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
