"""One transcript's notes in memory: annotations, speaker names, topic edits and reading position, with
change events for the UI and saving that merges with whatever another writer put on disk meanwhile.

Get one from `reader.core.notes.store.AnnotationStore.open`; see that module for how the files are laid out.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.model import Transcript
from reader.core.notes.anchoring import reattach
from reader.core.notes.annotations import Annotation, now_iso, reading_order_key
from reader.core.notes.backups import keep_generation
from reader.core.notes.merge import Conflict, merge_annotations
from reader.core.notes.records import MAX_SHORT, clean_text, read_topic_edit, valid
from reader.core.notes.schema import SCHEMA_VERSION, NotesDocument
from reader.core.notes.storage import backup_path, locked, remove_stale_temporaries, write_atomic
from reader.core.topics.edits import TopicEdit

if TYPE_CHECKING:
    from reader.core.notes.store import AnnotationStore

log = logging.getLogger(__name__)


class ReadOnlyNotesError(PermissionError):
    """A change to notes that were opened read-only (a file from a newer version of the program)."""


class ChangeKind(Enum):
    """What a change is about."""

    ANNOTATIONS = auto()  # ids: the annotations added, edited or removed
    SPEAKER_NAMES = auto()  # ids: the keys of the speakers renamed
    TOPIC_EDITS = auto()
    POSITION = auto()  # the reading position moved
    RELOADED = auto()  # a merge brought in another writer's changes: any part may differ
    SAVED = auto()
    SAVE_FAILED = auto()  # `last_error` says why
    CONFLICT = auto()  # ids: the annotations whose other version lost a merge (kept in the conflicts file)


@dataclass(frozen=True, slots=True)
class Change:
    """What changed in the notes, for listeners, as Anki's OpChanges says it: a listener asks whether the part
    it shows changed (`annotations`, `speaker_names`, `topic_edits`), and a reload answers yes for every part."""

    kind: ChangeKind
    ids: tuple[str, ...] = ()

    @property
    def annotations(self) -> bool:
        """Whether annotations may have changed: here (`ids` says which) or by a reload."""
        return self.kind in (ChangeKind.ANNOTATIONS, ChangeKind.RELOADED)

    @property
    def speaker_names(self) -> bool:
        return self.kind in (ChangeKind.SPEAKER_NAMES, ChangeKind.RELOADED)

    @property
    def topic_edits(self) -> bool:
        return self.kind in (ChangeKind.TOPIC_EDITS, ChangeKind.RELOADED)


@dataclass(frozen=True, slots=True)
class Position:
    """A reading position: a turn and a character offset in its text."""

    turn_id: str
    offset: int = 0


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
        self._notes_dirty = False  # annotations, names or topic edits changed: the notes file is written
        self._position_dirty = False  # only the reading position moved: the index is written, no backup turns
        self._unsaved_conflicts: list[Conflict] = []
        self._annotations: dict[str, Annotation] = {}
        self._deleted: dict[str, str] = {}
        self._speaker_names: dict[str, str] = {}
        self._topic_edits: list[TopicEdit] = []
        self._position: Position | None = None
        self._local = _LocalEdits()
        self._base: dict[str, str] = {}  # modification time of each annotation as last read from or written to disk
        self.conflicts: list[Conflict] = []  # edits that lost a merge in this session (also kept on disk)

    @property
    def dirty(self) -> bool:
        """Whether anything (notes, or only the reading position) is not on disk yet."""
        return self._notes_dirty or self._position_dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self._notes_dirty = value
        if not value:
            self._position_dirty = False

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
    def topic_edits(self) -> list[TopicEdit]:
        """The reader's corrections of the topics, in the order made (a copy)."""
        return list(self._topic_edits)

    @property
    def position(self) -> Position | None:
        return self._position

    @property
    def deleted(self) -> dict[str, str]:
        """Tombstones: id of each deleted annotation and when it was deleted."""
        return dict(self._deleted)

    # --- changing -------------------------------------------------------------------------------

    def add(self, annotation: Annotation) -> Annotation:
        """Add (or put back, as an undo of `remove` does) an annotation; an existing id is replaced.

        Putting back a deleted id gives it a new modification time, so the deletion does not win a merge.
        """
        self._check_writable()
        annotation = valid(annotation)  # raises ValueError for a record that could not be written back
        if annotation.id in self._deleted:
            del self._deleted[annotation.id]
            annotation = annotation.edited()
        self._annotations[annotation.id] = annotation
        self._local.annotation_ids.add(annotation.id)
        self._changed(Change(ChangeKind.ANNOTATIONS, (annotation.id,)))
        return annotation

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        """Apply changes (note, tags, status, colour, kind, anchor) and stamp the modification time.

        Raises KeyError for an unknown id.
        """
        self._check_writable()
        edited = valid(self._annotations[annotation_id].edited(**changes))
        self._annotations[annotation_id] = edited
        self._local.annotation_ids.add(annotation_id)
        self._changed(Change(ChangeKind.ANNOTATIONS, (annotation_id,)))
        return edited

    def replace(self, annotation: Annotation) -> Annotation:
        """Put another version of an annotation in place (an undo restoring an earlier state, a newer copy from
        an import), stamped with a new modification time so that it wins the next merge. KeyError if unknown."""
        self._check_writable()
        if annotation.id not in self._annotations:
            raise KeyError(annotation.id)
        self._annotations[annotation.id] = valid(annotation.edited())  # a newer time than the state it replaces
        self._local.annotation_ids.add(annotation.id)
        self._changed(Change(ChangeKind.ANNOTATIONS, (annotation.id,)))
        return self._annotations[annotation.id]

    def remove(self, annotation_id: str) -> Annotation:
        """Delete an annotation and remember the deletion (so a merge does not bring it back); returns it."""
        self._check_writable()
        removed = self._annotations.pop(annotation_id)
        self._deleted[annotation_id] = max(now_iso(), removed.modified)
        self._local.annotation_ids.add(annotation_id)
        self._changed(Change(ChangeKind.ANNOTATIONS, (annotation_id,)))
        return removed

    def set_speaker_name(self, speaker_key: str, name: str) -> None:
        """Set the display name of a speaker; an empty name goes back to the transcript's own."""
        self._check_writable()
        speaker_key = clean_text(speaker_key)[:MAX_SHORT]
        name = clean_text(" ".join(name.split()))[:MAX_SHORT]
        if name:
            self._speaker_names[speaker_key] = name
        else:
            self._speaker_names.pop(speaker_key, None)
        self._local.speaker_keys.add(speaker_key)
        self._changed(Change(ChangeKind.SPEAKER_NAMES, (speaker_key,)))

    def set_topic_edits(self, edits: Iterable[TopicEdit]) -> None:
        self._check_writable()
        self._topic_edits = [read_topic_edit(e.to_dict()) for e in edits]  # checked as an edit read from a file
        self._local.topic_edits = True
        self._changed(Change(ChangeKind.TOPIC_EDITS))

    def set_position(self, turn_id: str, offset: int = 0) -> None:
        """Remember where the reader is. Allowed on read-only notes too; it is then not written.

        The position is kept in the store's index, written by `save_position` (or any save), and never
        rotates a backup: scrolling must not push an earlier version of the notes out of the ``.bak``."""
        position = Position(clean_text(turn_id)[:MAX_SHORT], max(0, int(offset)))
        if position == self._position:
            return
        self._position = position
        self._local.position = True
        self._position_dirty = True
        self._emit(Change(ChangeKind.POSITION))

    def keep_conflict(self, kept: Annotation | None, lost: Annotation) -> None:
        """Keep a version that lost (an import older than a local edit), written to the conflicts file at
        the next save, as a merge's losing edit is."""
        conflict = Conflict(kept=kept, lost=lost, when=now_iso())
        self.conflicts.append(conflict)
        self._unsaved_conflicts.append(conflict)
        self._notes_dirty = True

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyNotesError(self.message or "these notes are read-only")

    def _changed(self, change: Change) -> None:
        self._notes_dirty = True
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
        self._topic_edits = list(doc.topic_edits)
        self._position = Position(*doc.position) if doc.position else None
        self._base = {a.id: a.modified for a in self._annotations.values()}

    def _merge(self, disk: NotesDocument) -> bool:
        """Fold another writer's file into memory. Returns whether anything here changed."""
        before = (dict(self._annotations), dict(self._speaker_names), list(self._topic_edits), self._position)
        merged = merge_annotations(self._annotations, self._deleted, reattach(self.transcript, disk.annotations),
                                   disk.deleted, self._local.annotation_ids, self._base)
        self._annotations, self._deleted, self._base = merged.annotations, merged.deleted, merged.base
        self.conflicts += merged.conflicts
        names = dict(disk.speaker_names)
        for key in self._local.speaker_keys:
            if key in self._speaker_names:
                names[key] = self._speaker_names[key]
            else:
                names.pop(key, None)
        self._speaker_names = names
        if not self._local.topic_edits:
            self._topic_edits = list(disk.topic_edits)
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
            topic_edits=tuple(self._topic_edits),
            position=(self._position.turn_id, self._position.offset) if self._position else None,
        )

    @property
    def conflicts_file(self) -> Path:
        return self.file.with_name(self.file.stem + ".conflicts.json")

    def _keep_conflicts(self) -> None:
        """Append the versions that lost a merge to the conflicts file, so no edit is lost without trace."""
        new = self._unsaved_conflicts
        if not new:
            return
        try:
            kept = json.loads(self.conflicts_file.read_text("utf-8"))
            entries = kept["conflicts"] if isinstance(kept, dict) and isinstance(kept.get("conflicts"), list) else []
        except (OSError, ValueError):
            entries = []
        entries += [c.to_dict() for c in new]
        doc = {"schema_version": SCHEMA_VERSION, "fingerprint": self.fingerprint, "conflicts": entries}
        write_atomic(self.conflicts_file, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        self._unsaved_conflicts = []
        self.message = (f"{len(self.conflicts)} note(s) were changed in two places at once; the later change was "
                        f"kept and the other is saved in {self.conflicts_file}.")
        self._emit(Change(ChangeKind.CONFLICT, tuple(c.lost.id for c in new)))

    def _merge_from_disk(self) -> bool:
        """Read the file on disk and fold it in (see `_merge`); returns whether anything here changed."""
        already = len(self.conflicts)
        disk = self.store._read_for_merge(self)
        changed = disk is not None and self._merge(disk)
        self._unsaved_conflicts += self.conflicts[already:]
        return changed

    def refresh(self) -> bool:
        """Take in what another writer saved since (a second window, a synced folder). Returns whether
        anything changed; listeners get a RELOADED change."""
        if self.read_only:
            return False
        with locked(self.file):
            changed = self._merge_from_disk()
            try:
                self._keep_conflicts()
            except OSError as exc:  # they stay in `conflicts`; the next save writes the notes themselves
                log.warning("could not write %s: %s", self.conflicts_file, exc)
        if changed:
            self._emit(Change(ChangeKind.RELOADED))
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
        if not self._notes_dirty:
            return self.save_position()
        try:
            with locked(self.file):
                remove_stale_temporaries(self.file)
                if self._merge_from_disk():
                    self._emit(Change(ChangeKind.RELOADED))
                if self.read_only:  # another writer saved a newer schema meanwhile
                    return False
                self._keep_conflicts()
                data = self.to_document().to_json().encode("utf-8")
                if self.file.exists():
                    previous = self.file.read_bytes()
                    write_atomic(backup_path(self.file), previous)
                    keep_generation(self.file, previous)
                write_atomic(self.file, data)
        except Exception as exc:  # a full disk, a folder made read-only, or a bug: the notes must survive it
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            self.last_error = f"Could not save notes to {self.file}: {reason}. They are kept " \
                              "in memory and saving will be tried again."
            log.warning("%s", self.last_error, exc_info=not isinstance(exc, OSError))
            self._emit(Change(ChangeKind.SAVE_FAILED))
            return False
        self.dirty = False
        self.last_error = None
        self._local = _LocalEdits()
        self._base = {a.id: a.modified for a in self._annotations.values()}
        self.store._remember(self.transcript, self._position)
        self._emit(Change(ChangeKind.SAVED))
        return True

    def save_position(self) -> bool:
        """Write the reading position to the store's index (no notes file, no backup). Failing is logged:
        the position only helps, it is never worth an error."""
        if self.read_only:
            return False
        self._position_dirty = False
        if self._position is not None:
            self.store._remember(self.transcript, self._position)
        return True
