"""The notes file format: its version, the migrations from older versions, and validation on read.

A notes file is one JSON object (documented in the README under "Where notes live")::

    {"schema_version": 2, "fingerprint": "...", "title": "...", "path": "...",
     "annotations": [Annotation.to_dict(), ...], "deleted": {id: ISO time},
     "speaker_names": {Speaker.key: display name}, "speaker_merges": {Speaker.key: Speaker.key merged into},
     "turn_speakers": {Turn.id: Speaker.key}, "topic_edits": [TopicEdit.to_dict(), ...],
     "position": {"turn_id": "...", "offset": 0, "words": "...", "prefix": "..."} | null,
     "recording": RecordingLink.to_dict() | null, "sync_points": [SyncPoint.to_dict(), ...]}

Version 2 added ``speaker_merges`` and ``turn_speakers`` (the reader's corrections of who speaks) and the
position's words; a version 1 file reads as one without them. A file of version 2 opens read-only in a program
that knows only version 1, which would otherwise drop the corrections at its next save. The attached
``recording``, the reader's ``sync_points`` and an annotation's ``recording_time`` came with version 2 too; a
file without them has none.

Reading migrates an older file one version step at a time (`MIGRATIONS[n]` turns version n into n + 1) and
refuses a newer one, which the store then opens read-only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from reader.core.notes.annotations import Annotation
from reader.core.notes.records import (
    MAX_SHORT,
    InvalidRecord,
    clean_text,
    load_json,
    offset,
    read_annotation,
    read_recording,
    read_sync_point,
    read_topic_edit,
    text,
    timestamp,
)

if TYPE_CHECKING:  # read from a file by `records`, which imports them when it holds any
    from reader.core.media import RecordingLink
    from reader.core.timing import SyncPoint
    from reader.core.topics.edits import TopicEdit

T = TypeVar("T")

SCHEMA_VERSION = 2


def _speaker_edits_and_passages(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 1 -> 2: the reader's corrections of who speaks (none yet), and anchors that may run over several
    turns (``end_turn_id``, the passage's last turn, with ``end`` an offset in that turn). Every version-1 anchor
    means the same in version 2. The number is what keeps a version-1 program from opening a file with passages
    or speaker corrections as if it could write it (it would drop them, and read ``end`` in the wrong turn): it
    shows such a file read-only."""
    return {**doc, "schema_version": 2, "speaker_merges": {}, "turn_speakers": {}}


# MIGRATIONS[n] turns a version-n document into a version n + 1 one. Version 1 is the first published format.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _speaker_edits_and_passages}


class NotSchemaError(ValueError):
    """Not valid JSON, or not a notes file of ours."""


class NewerSchemaError(ValueError):
    def __init__(self, version: int) -> None:
        super().__init__(f"schema_version {version} is newer than {SCHEMA_VERSION}")
        self.version = version


@dataclass(frozen=True)
class Rejected:
    """An annotation record that failed validation: its place in the file (1-based), why, and the record."""

    number: int
    reason: str
    record: Any

    def line(self) -> str:
        return f"item {self.number}: {self.reason}"


@dataclass(frozen=True)
class NotesDocument:
    fingerprint: str
    title: str = ""
    path: str = ""
    annotations: tuple[Annotation, ...] = ()
    deleted: dict[str, str] = field(default_factory=dict)
    speaker_names: dict[str, str] = field(default_factory=dict)
    speaker_merges: dict[str, str] = field(default_factory=dict)  # speaker key -> the key it was merged into
    turn_speakers: dict[str, str] = field(default_factory=dict)  # turn id -> the speaker it was given to
    topic_edits: tuple[TopicEdit, ...] = ()
    position: tuple[str, int, str, str] | None = None  # turn id, offset, the words there, context before
    rejected: tuple[Rejected, ...] = ()  # records that failed validation: kept aside, never written back
    recording: RecordingLink | None = None  # the recording attached to the transcript
    sync_points: tuple[SyncPoint, ...] = ()  # the reader's "this turn starts now", oldest first

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "fingerprint": self.fingerprint,
            "title": self.title,
            "path": self.path,
            "annotations": [a.to_dict() for a in self.annotations],
            "deleted": dict(self.deleted),
            "speaker_names": dict(self.speaker_names),
            "speaker_merges": dict(self.speaker_merges),
            "turn_speakers": dict(self.turn_speakers),
            "topic_edits": [e.to_dict() for e in self.topic_edits],
            "position": {"turn_id": self.position[0], "offset": self.position[1], "words": self.position[2],
                         "prefix": self.position[3]} if self.position else None,
            "recording": self.recording.to_dict() if self.recording else None,
            "sync_points": [p.to_dict() for p in self.sync_points],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def migrate(doc: dict[str, Any], migrations: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] | None = None,
            target: int = SCHEMA_VERSION) -> dict[str, Any]:
    """Bring a document up to `target`, one step at a time. Raises NotSchemaError when a step is missing."""
    steps = MIGRATIONS if migrations is None else migrations
    version = doc["schema_version"]
    while version < target:
        step = steps.get(version)
        if step is None:
            raise NotSchemaError(f"no migration from schema_version {version}")
        doc = step(dict(doc))
        if doc.get("schema_version") != version + 1:
            raise NotSchemaError(f"the migration from schema_version {version} did not produce {version + 1}")
        version += 1
    return doc


def parse_document(raw: bytes | str,
                   migrations: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] | None = None, *,
                   newer: bool = False) -> NotesDocument:
    """Validate and read a notes file. Raises NotSchemaError, or NewerSchemaError (with `newer`, a newer file
    is read as far as it can be, for showing read-only).

    Each annotation is validated alone (`reader.core.notes.records.read_annotation`): the ones that fail are
    listed in `NotesDocument.rejected` and the others are read. Only a file that is not a notes file at all
    (not JSON, no schema_version, annotations not a list) raises."""
    try:
        doc = load_json(raw)
    except ValueError as exc:
        raise NotSchemaError(f"not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or "schema_version" not in doc:
        raise NotSchemaError("not a Transcript Reader notes file (no schema_version)")
    version = doc["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise NotSchemaError(f"schema_version {str(version)[:20]!r} is not a version number")
    if version > SCHEMA_VERSION:
        if not newer:
            raise NewerSchemaError(version)
        try:
            return _document(doc)
        except (InvalidRecord, TypeError, ValueError):  # a shape this version does not know: nothing to show
            return NotesDocument(fingerprint="")
    doc = migrate(doc, migrations)
    try:
        return _document(doc)
    except (InvalidRecord, TypeError, ValueError) as exc:
        raise NotSchemaError(f"not a Transcript Reader notes file ({exc})") from exc


def _document(doc: dict[str, Any]) -> NotesDocument:
    annotations = doc.get("annotations", [])
    if not isinstance(annotations, list):
        raise TypeError("annotations must be a list")
    read: list[Annotation] = []
    rejected: list[Rejected] = []
    for n, record in enumerate(annotations, 1):
        try:
            read.append(read_annotation(record))
        except InvalidRecord as exc:
            rejected.append(Rejected(n, str(exc), record))
    # A tombstone, a speaker name or a topic edit that cannot be read is dropped: none is a note, and none may
    # cost the file its notes.
    deleted = _entries(_object(doc.get("deleted", {}), "deleted"), lambda k, v: (
        text(k, "a deleted id", MAX_SHORT), timestamp(v, "a deletion time")))
    names = _entries(_object(doc.get("speaker_names", {}), "speaker_names"), lambda k, v: (
        text(k, "a speaker key", MAX_SHORT), text(v, "a speaker name", MAX_SHORT)))
    merges = _entries(_object(doc.get("speaker_merges", {}), "speaker_merges"), lambda k, v: (
        text(k, "a speaker key", MAX_SHORT), text(v, "a speaker key", MAX_SHORT)))
    turn_speakers = _entries(_object(doc.get("turn_speakers", {}), "turn_speakers"), lambda k, v: (
        text(k, "a turn id", MAX_SHORT), text(v, "a speaker key", MAX_SHORT)))
    topic_edits = doc.get("topic_edits", [])
    if not isinstance(topic_edits, list):
        raise TypeError("topic_edits must be a list")
    sync_points = doc.get("sync_points", [])
    return NotesDocument(
        fingerprint=clean_text(str(doc.get("fingerprint", "")))[:MAX_SHORT],
        title=clean_text(str(doc.get("title") or ""))[:MAX_SHORT],
        path=clean_text(str(doc.get("path") or ""))[:MAX_SHORT],
        annotations=tuple(read),
        deleted=deleted,
        speaker_names=names,
        speaker_merges=merges,
        turn_speakers=turn_speakers,
        topic_edits=tuple(_readable(topic_edits, read_topic_edit)),
        position=read_position(doc.get("position")),
        rejected=tuple(rejected),
        # A recording or a sync point that cannot be read is dropped, as a topic edit is: the recording can be
        # attached again, and the file keeps its notes.
        recording=next(iter(_readable([doc.get("recording")], read_recording)), None),
        sync_points=tuple(_readable(sync_points if isinstance(sync_points, list) else [], read_sync_point)),
    )


def read_position(value: Any) -> tuple[str, int, str, str] | None:
    """A stored reading position (turn id, offset, the words there and before them: "" when not kept), or
    None for a missing or unreadable one (it is never worth an error)."""
    if not isinstance(value, dict):
        return None
    try:
        return (text(value.get("turn_id"), "turn_id", MAX_SHORT), offset(value.get("offset", 0), "offset"),
                text(value.get("words", ""), "words", MAX_SHORT), text(value.get("prefix", ""), "prefix", MAX_SHORT))
    except InvalidRecord:
        return None


def _readable(records: list[Any], read: Callable[[Any], T]) -> list[T]:
    out: list[T] = []
    for record in records:
        try:
            out.append(read(record))
        except InvalidRecord:
            continue
    return out


def _entries(value: dict[Any, Any], read: Callable[[Any, Any], tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in value.items():
        try:
            key, item = read(k, v)
        except InvalidRecord:
            continue
        out[key] = item
    return out


def _object(value: Any, name: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be an object")
    return value
