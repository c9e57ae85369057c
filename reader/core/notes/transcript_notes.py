"""One transcript's notes in memory: annotations, speaker names, topic edits and reading position, with
change events for the UI, and what a merge with another writer's copy needs (what changed here since the
notes were last read or written).

Nothing here reads or writes a file: `reader.core.notes.notes_file` keeps notes on disk, and
`reader.core.notes.store.AnnotationStore.open` gives the notes of a transcript, read from there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import Enum, auto
from typing import TYPE_CHECKING, Any

from reader.core.model import Transcript
from reader.core.notes.annotations import Anchor, Annotation, Kind, context_before, now_iso, reading_order_key
from reader.core.notes.records import MAX_SHORT, clean_text, read_recording, read_sync_point, read_topic_edit, valid
from reader.core.notes.schema import NotesDocument
from reader.core.notes.speaker_edits import attributed, resolve

if TYPE_CHECKING:
    from reader.core.media import RecordingLink
    from reader.core.notes.merge import Conflict  # merging is a save's or a reload's: opening notes merges nothing
    from reader.core.timing import SyncPoint
    from reader.core.topics.edits import TopicEdit

log = logging.getLogger(__name__)


class ReadOnlyNotesError(PermissionError):
    """A change to notes that were opened read-only (a file from a newer version of the program)."""


class ChangeKind(Enum):
    """What a change is about."""

    ANNOTATIONS = auto()  # ids: the annotations added, edited or removed
    SPEAKER_NAMES = auto()  # ids: the keys of the speakers renamed
    SPEAKER_EDITS = auto()  # who speaks changed: a speaker merged into another, a turn given to another speaker
    TOPIC_EDITS = auto()
    POSITION = auto()  # the reading position moved
    RELOADED = auto()  # a merge brought in another writer's changes: any part may differ
    SAVED = auto()
    SAVE_FAILED = auto()  # the notes stay in memory; `StoredNotes.last_error` says why
    CONFLICT = auto()  # ids: the annotations whose other version lost a merge (kept in the conflicts file)
    RECORDING = auto()  # the attached recording or the sync points changed


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
        """Whether the name shown for a turn may have changed: a rename, a merge, a turn given to another."""
        return self.kind in (ChangeKind.SPEAKER_NAMES, ChangeKind.SPEAKER_EDITS, ChangeKind.RELOADED)

    @property
    def speaker_edits(self) -> bool:
        """Whether who speaks which turn may have changed (read `TranscriptNotes.attributed` again)."""
        return self.kind in (ChangeKind.SPEAKER_EDITS, ChangeKind.RELOADED)

    @property
    def topic_edits(self) -> bool:
        return self.kind in (ChangeKind.TOPIC_EDITS, ChangeKind.RELOADED)

    @property
    def recording(self) -> bool:
        """Whether the attached recording or the sync points may have changed."""
        return self.kind in (ChangeKind.RECORDING, ChangeKind.RELOADED)


POSITION_WORDS = 64  # characters of the text at the reading position kept with it, to find it again


@dataclass(frozen=True, slots=True)
class Position:
    """A reading position: a turn and a character offset in its text, with the words there and a little context
    before them, so that the position is found again in a changed transcript as a note is."""

    turn_id: str
    offset: int = 0
    words: str = field(default="", compare=False)  # only to find the place again: not what makes it
    prefix: str = field(default="", compare=False)


def find_position(transcript: Transcript, position: Position | None) -> Position | None:
    """The position in this transcript: where it was when its turn is still there, else where its words are
    now (re-attached as a note's quote is), else None."""
    if position is None:
        return None
    if position.turn_id in transcript.turn_by_id:
        return position
    if not position.words.strip():
        return None
    # Here, in `load` and in `merge`: finding words again (anchoring, and its folded copy of the text) is only for
    # notes read from a file and for a position whose turn is gone.
    from reader.core.notes.anchoring import reattach

    anchor = Anchor(position.turn_id, position.offset, position.offset + len(position.words), position.words,
                    position.prefix)
    found = reattach(transcript, [Annotation("position", Kind.BOOKMARK, anchor)])[0]
    if found.detached:
        return None
    return replace(position, turn_id=found.anchor.turn_id, offset=found.anchor.start)


@dataclass
class _LocalEdits:
    """What this process changed since its last save, so a merge keeps these and takes the rest from disk."""

    annotation_ids: set[str] = field(default_factory=set)
    speaker_keys: set[str] = field(default_factory=set)
    merged_keys: set[str] = field(default_factory=set)
    turn_ids: set[str] = field(default_factory=set)  # turns given to another speaker, or given back
    topic_edits: bool = False
    position: bool = False
    recording: bool = False  # the attachment or the sync points


class TranscriptNotes:
    """One transcript's notes in memory. Annotations are frozen; edit with `update(id, **changes)`.

    `read_only` notes refuse every change (`message` says why); `dirty` says whether anything changed since
    the notes were last read or written (`notes_dirty`: more than the reading position)."""

    def __init__(self, transcript: Transcript, *, read_only: bool = False) -> None:
        self.transcript = transcript
        self.on_change: list[Callable[[Change], None]] = []
        self.read_only = read_only
        self.message: str | None = None  # what the user should be told about these notes (moved aside, newer, ...)
        self.conflicts: list[Conflict] = []  # edits that lost a merge in this session (also kept on disk)
        self._notes_dirty = False  # annotations, names or topic edits changed: the notes file is to be written
        self._position_dirty = False  # only the reading position moved: no notes file, no backup turns
        self._pending_conflicts: list[Conflict] = []  # not yet written where the losing versions are kept
        self._annotations: dict[str, Annotation] = {}
        self._deleted: dict[str, str] = {}
        self._speaker_names: dict[str, str] = {}
        self._speaker_merges: dict[str, str] = {}  # speaker key -> the key it was merged into
        self._turn_speakers: dict[str, str] = {}  # turn id -> the key of the speaker it was given to
        self._attributed: Transcript | None = None  # the transcript with those applied, made when first asked
        self._topic_edits: list[TopicEdit] = []
        self._position: Position | None = None
        self._recording: RecordingLink | None = None
        self._sync_points: tuple[SyncPoint, ...] = ()
        self._local = _LocalEdits()
        self._base: dict[str, str] = {}  # modification time of each annotation as last read from or written to disk

    @property
    def dirty(self) -> bool:
        """Whether anything (notes, or only the reading position) is not on disk yet."""
        return self._notes_dirty or self._position_dirty

    @property
    def notes_dirty(self) -> bool:
        """Whether annotations, names or topic edits changed, not only the reading position."""
        return self._notes_dirty

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
    def speaker_merges(self) -> dict[str, str]:
        """Speakers the user merged into another, by key: merged key -> the key it joined (a copy)."""
        return dict(self._speaker_merges)

    @property
    def turn_speakers(self) -> dict[str, str]:
        """Turns the user gave to another speaker: turn id -> speaker key (a copy)."""
        return dict(self._turn_speakers)

    @property
    def attributed(self) -> Transcript:
        """The transcript as the user corrected who speaks (`reader.core.notes.speaker_edits`): what the view,
        the docks, exports and citations show. The transcript itself while there is no correction."""
        if self._attributed is None:
            self._attributed = attributed(self.transcript, self._speaker_merges, self._turn_speakers)
        return self._attributed

    @property
    def topic_edits(self) -> list[TopicEdit]:
        """The reader's corrections of the topics, in the order made (a copy)."""
        return list(self._topic_edits)

    @property
    def position(self) -> Position | None:
        return self._position

    @property
    def recording(self) -> RecordingLink | None:
        """The recording attached to the transcript, as last found."""
        return self._recording

    @property
    def sync_points(self) -> tuple[SyncPoint, ...]:
        """The reader's "this turn starts now" points, oldest first (see `reader.core.timing`)."""
        return self._sync_points

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

    def merge_speaker(self, speaker_key: str, into: str) -> None:
        """Show every turn of one speaker as another's (`into`; "" separates them again). Raises ValueError for
        a speaker the transcript does not have, or a merge that would go round in a circle."""
        self._check_writable()
        known = self.transcript.speaker_by_key
        if speaker_key not in known or (into and into not in known):
            raise ValueError(f"no speaker {(into if speaker_key in known else speaker_key)!r} in this transcript")
        if into and resolve(self._speaker_merges, into) == speaker_key:
            raise ValueError(f"{self.display_name(into)} is already merged into {self.display_name(speaker_key)}")
        if into:
            self._speaker_merges[speaker_key] = into
        else:
            self._speaker_merges.pop(speaker_key, None)
        self._local.merged_keys.add(speaker_key)
        self._speakers_edited((speaker_key,))

    def set_turn_speaker(self, turn_id: str, speaker_key: str) -> None:
        """Give one turn to another speaker; "" (or the speaker the file names) gives it back. Raises KeyError
        for a turn or ValueError for a speaker the transcript does not have."""
        self._check_writable()
        turn = self.transcript.turn_by_id[turn_id]
        if speaker_key and speaker_key not in self.transcript.speaker_by_key:
            raise ValueError(f"no speaker {speaker_key!r} in this transcript")
        if speaker_key and speaker_key != turn.speaker:
            self._turn_speakers[turn_id] = speaker_key
        else:
            self._turn_speakers.pop(turn_id, None)
        self._local.turn_ids.add(turn_id)
        self._speakers_edited((turn_id,))

    def _speakers_edited(self, ids: tuple[str, ...]) -> None:
        self._attributed = None
        self._changed(Change(ChangeKind.SPEAKER_EDITS, ids))

    def set_topic_edits(self, edits: Iterable[TopicEdit]) -> None:
        self._check_writable()
        self._topic_edits = [read_topic_edit(e.to_dict()) for e in edits]  # checked as an edit read from a file
        self._local.topic_edits = True
        self._changed(Change(ChangeKind.TOPIC_EDITS))

    def set_recording(self, recording: RecordingLink | None) -> None:
        """Attach a recording (or a new place or length of the one attached); None detaches it."""
        self._check_writable()
        recording = None if recording is None else read_recording(recording.to_dict())  # checked as read
        if recording == self._recording:
            return
        self._recording = recording
        self._local.recording = True
        self._changed(Change(ChangeKind.RECORDING))

    def set_sync_points(self, points: Iterable[SyncPoint]) -> None:
        """Replace the sync points (`reader.core.timing.with_sync_point` makes the list after a new one)."""
        self._check_writable()
        points = tuple(read_sync_point(p.to_dict()) for p in points)
        if points == self._sync_points:
            return
        self._sync_points = points
        self._local.recording = True
        self._changed(Change(ChangeKind.RECORDING))

    def set_position(self, turn_id: str, offset: int = 0) -> None:
        """Remember where the reader is, with the words there (to find the place again if the file changes).
        Allowed on read-only notes too; it is then not written.

        The position is kept apart from the notes file (in the store's index) and its save never rotates a
        backup: scrolling must not push an earlier version of the notes out of the ``.bak``."""
        offset = max(0, int(offset))
        turn = self.transcript.turn_by_id.get(turn_id)
        words = prefix = ""
        if turn is not None:
            offset = min(offset, len(turn.text))
            words = turn.text[offset:offset + POSITION_WORDS]
            prefix = context_before(self.transcript, turn.index, offset)
        position = Position(clean_text(turn_id)[:MAX_SHORT], offset, words, prefix)
        if position == self._position:
            return
        self._position = position
        self._local.position = True
        self._position_dirty = True
        self.emit(Change(ChangeKind.POSITION))

    def keep_conflict(self, kept: Annotation | None, lost: Annotation) -> None:
        """Keep a version that lost (an import older than a local edit), written beside the notes at the next
        save, as a merge's losing edit is."""
        from reader.core.notes.merge import Conflict

        conflict = Conflict(kept=kept, lost=lost, when=now_iso())
        self.conflicts.append(conflict)
        self._pending_conflicts.append(conflict)
        self._notes_dirty = True

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyNotesError(self.message or "these notes are read-only")

    def _changed(self, change: Change) -> None:
        self._notes_dirty = True
        self.emit(change)

    def emit(self, change: Change) -> None:
        """Tell every listener (the file that keeps the notes tells them of saves and reloads this way)."""
        for callback in list(self.on_change):
            try:
                callback(change)
            except Exception:  # one broken listener must not stop the others or the change itself
                log.exception("notes change listener failed")

    # --- for the file that keeps them -----------------------------------------------------------

    def load(self, doc: NotesDocument, *, unsaved: bool = False) -> None:
        """Take the contents of a notes file (re-attached to this transcript), as the base of later merges.
        `unsaved`: they are not yet in the file these notes are saved to (an earlier version's notes, the
        readable part of a file set aside), so the next save writes them."""
        from reader.core.notes.anchoring import reattach

        self._annotations = {a.id: a for a in reattach(self.transcript, doc.annotations)}
        self._deleted = dict(doc.deleted)
        self._speaker_names = dict(doc.speaker_names)
        self._speaker_merges = dict(doc.speaker_merges)
        self._turn_speakers = dict(doc.turn_speakers)
        self._attributed = None
        self._topic_edits = list(doc.topic_edits)
        self._position = find_position(self.transcript, Position(*doc.position)) if doc.position else None
        self._recording, self._sync_points = doc.recording, doc.sync_points
        self._base = {a.id: a.modified for a in self._annotations.values()}
        self._notes_dirty = unsaved

    def resume_at(self, position: Position | None) -> None:
        """The reading position kept outside the notes file (the store's index): where reading goes on, not a
        change to save."""
        self._position = position

    def merge(self, disk: NotesDocument) -> bool:
        """Fold another writer's copy into memory: what was changed here since the last read or write wins
        over it, the rest is taken from it. An edit lost on either side joins `conflicts` (and
        `pending_conflicts`). Returns whether anything here changed."""
        from reader.core.notes.anchoring import reattach
        from reader.core.notes.merge import merge_annotations

        before = (dict(self._annotations), dict(self._speaker_names), dict(self._speaker_merges),
                  dict(self._turn_speakers), list(self._topic_edits), self._position, self._recording,
                  self._sync_points)
        merged = merge_annotations(self._annotations, self._deleted, reattach(self.transcript, disk.annotations),
                                   disk.deleted, self._local.annotation_ids, self._base)
        self._annotations, self._deleted, self._base = merged.annotations, merged.deleted, merged.base
        self.conflicts += merged.conflicts
        self._pending_conflicts += merged.conflicts
        self._speaker_names = _merged(disk.speaker_names, self._speaker_names, self._local.speaker_keys)
        self._speaker_merges = _merged(disk.speaker_merges, self._speaker_merges, self._local.merged_keys)
        self._turn_speakers = _merged(disk.turn_speakers, self._turn_speakers, self._local.turn_ids)
        self._attributed = None
        if not self._local.topic_edits:
            self._topic_edits = list(disk.topic_edits)
        if not self._local.position and disk.position:
            self._position = find_position(self.transcript, Position(*disk.position)) or self._position
        if not self._local.recording:
            self._recording, self._sync_points = disk.recording, disk.sync_points
        after = (self._annotations, self._speaker_names, self._speaker_merges, self._turn_speakers,
                 self._topic_edits, self._position, self._recording, self._sync_points)
        return before != after

    def to_document(self) -> NotesDocument:
        return NotesDocument(
            fingerprint=self.fingerprint,
            title=self.transcript.metadata.title or "",
            path=self.transcript.path or "",
            annotations=tuple(self.annotations),
            deleted=dict(sorted(self._deleted.items())),
            speaker_names=dict(sorted(self._speaker_names.items())),
            speaker_merges=dict(sorted(self._speaker_merges.items())),
            turn_speakers=dict(sorted(self._turn_speakers.items())),
            topic_edits=tuple(self._topic_edits),
            position=(self._position.turn_id, self._position.offset, self._position.words, self._position.prefix)
            if self._position else None,
            recording=self._recording,
            sync_points=self._sync_points,
        )

    @property
    def pending_conflicts(self) -> tuple[Conflict, ...]:
        """The versions that lost a merge or an import and are not yet written beside the notes."""
        return tuple(self._pending_conflicts)

    def conflicts_kept(self) -> None:
        """The pending conflicts are written beside the notes."""
        self._pending_conflicts = []

    def mark_saved(self) -> None:
        """What is in memory is now what is on disk: the base of the next merge, nothing left to write."""
        self._notes_dirty = self._position_dirty = False
        self._local = _LocalEdits()
        self._base = {a.id: a.modified for a in self._annotations.values()}

    def mark_position_saved(self) -> None:
        """The reading position is written (it is kept apart from the notes file)."""
        self._position_dirty = False


def _merged(disk: dict[str, str], here: dict[str, str], local: set[str]) -> dict[str, str]:
    """Another writer's entries, with those changed here since the last read or write kept as they are here."""
    out = dict(disk)
    for key in local:
        if key in here:
            out[key] = here[key]
        else:
            out.pop(key, None)
    return out
