"""The notes file format: its version, the migrations from older versions, and validation on read.

A notes file is one JSON object (documented in the README under "Where notes live")::

    {"schema_version": 1, "fingerprint": "...", "title": "...", "path": "...",
     "annotations": [Annotation.to_dict(), ...], "deleted": {id: ISO time},
     "speaker_names": {Speaker.key: display name}, "topic_edits": [{...}, ...],
     "position": {"turn_id": "...", "offset": 0} | null}

Reading migrates an older file one version step at a time (`MIGRATIONS[n]` turns version n into n + 1) and
refuses a newer one, which the store then opens read-only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.core.notes.annotations import Annotation

SCHEMA_VERSION = 1

# MIGRATIONS[n] turns a version-n document into a version n + 1 one. Version 1 is the first published
# format, so there is no step yet; the next format change adds MIGRATIONS[1] and bumps SCHEMA_VERSION.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class NotSchemaError(ValueError):
    """Not valid JSON, or not a notes file of ours."""


class NewerSchemaError(ValueError):
    def __init__(self, version: int) -> None:
        super().__init__(f"schema_version {version} is newer than {SCHEMA_VERSION}")
        self.version = version


@dataclass(frozen=True)
class NotesDocument:
    fingerprint: str
    title: str = ""
    path: str = ""
    annotations: tuple[Annotation, ...] = ()
    deleted: dict[str, str] = field(default_factory=dict)
    speaker_names: dict[str, str] = field(default_factory=dict)
    topic_edits: tuple[dict[str, Any], ...] = ()
    position: tuple[str, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "fingerprint": self.fingerprint,
            "title": self.title,
            "path": self.path,
            "annotations": [a.to_dict() for a in self.annotations],
            "deleted": dict(self.deleted),
            "speaker_names": dict(self.speaker_names),
            "topic_edits": [dict(e) for e in self.topic_edits],
            "position": {"turn_id": self.position[0], "offset": self.position[1]} if self.position else None,
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
                   migrations: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] | None = None) -> NotesDocument:
    """Validate and read a notes file. Raises NotSchemaError or NewerSchemaError."""
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotSchemaError(f"not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or "schema_version" not in doc:
        raise NotSchemaError("not a Transcript Reader notes file (no schema_version)")
    version = doc["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise NotSchemaError(f"schema_version {version!r} is not a version number")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    doc = migrate(doc, migrations)
    try:
        return _document(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise NotSchemaError(f"not a Transcript Reader notes file ({type(exc).__name__}: {exc})") from exc


def _document(doc: dict[str, Any]) -> NotesDocument:
    annotations = doc.get("annotations", [])
    if not isinstance(annotations, list):
        raise TypeError("annotations must be a list")
    deleted = _str_map(doc.get("deleted", {}), "deleted")
    names = _str_map(doc.get("speaker_names", {}), "speaker_names")
    topic_edits = doc.get("topic_edits", [])
    if not isinstance(topic_edits, list) or not all(isinstance(e, dict) for e in topic_edits):
        raise TypeError("topic_edits must be a list of objects")
    position = doc.get("position")
    if position is not None:
        position = (str(position["turn_id"]), int(position.get("offset", 0)))
    return NotesDocument(
        fingerprint=str(doc.get("fingerprint", "")),
        title=str(doc.get("title") or ""),
        path=str(doc.get("path") or ""),
        annotations=tuple(Annotation.from_dict(a) for a in annotations),
        deleted=deleted,
        speaker_names=names,
        topic_edits=tuple(topic_edits),
        position=position,
    )


def _str_map(value: Any, name: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be an object")
    return {str(k): str(v) for k, v in value.items()}
