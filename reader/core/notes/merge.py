"""Merging two copies of a transcript's notes (two windows, two machines on a synced folder).

Annotations merge by id: the later ``modified`` wins, and a deletion (a tombstone with its time) wins over any
edit made before it. An edit made here since the last read that loses, to a later edit or to a deletion made
elsewhere, is returned as a `Conflict`, so the caller can keep it aside instead of losing it silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reader.core.notes.annotations import Annotation, now_iso


@dataclass(frozen=True, slots=True)
class Conflict:
    """An annotation edited in two places (or edited here and deleted there): which version was kept (None:
    the deletion won) and which lost."""

    kept: Annotation | None
    lost: Annotation
    when: str

    def to_dict(self) -> dict[str, Any]:
        return {"when": self.when, "kept": self.kept.to_dict() if self.kept else None, "lost": self.lost.to_dict()}


@dataclass(frozen=True, slots=True)
class Merged:
    annotations: dict[str, Annotation]
    deleted: dict[str, str]
    base: dict[str, str]  # modification time of each annotation on disk: what later merges compare against
    conflicts: list[Conflict]


def merge_annotations(ours: Mapping[str, Annotation], our_deleted: Mapping[str, str], theirs: Iterable[Annotation],
                      their_deleted: Mapping[str, str], edited_here: set[str],
                      base: Mapping[str, str]) -> Merged:
    """Fold the copy on disk (`theirs`) into ours.

    `edited_here`: ids added, edited or deleted here since the last read of the disk copy; `base`: each
    annotation's modification time in that read. Together they tell a change made on both sides (a conflict)
    from one side merely being behind.
    """
    annotations = dict(ours)
    deleted = dict(our_deleted)
    for ident, when in their_deleted.items():
        if when > deleted.get(ident, ""):
            deleted[ident] = when
    conflicts: list[Conflict] = []
    incoming = {a.id: a for a in theirs}
    for ident, other in incoming.items():
        mine = annotations.get(ident)
        if mine is not None and mine != other and ident in edited_here and other.modified != base.get(ident):
            winner, loser = (other, mine) if _later(other, mine) else (mine, other)
            conflicts.append(Conflict(kept=winner, lost=loser, when=now_iso()))
        if mine is None or _later(other, mine):
            annotations[ident] = other
    for ident, when in deleted.items():
        kept = annotations.get(ident)
        if kept is not None and kept.modified <= when:
            if ident in edited_here and ident in their_deleted:  # edited here, deleted there afterwards
                conflicts.append(Conflict(kept=None, lost=kept, when=now_iso()))
            del annotations[ident]
    return Merged(annotations, deleted, {a.id: a.modified for a in incoming.values()}, conflicts)


def _later(a: Annotation, b: Annotation) -> bool:
    """Whether `a` wins over `b`: the later modification; on a tie (two edits in the same millisecond), the
    same choice on every machine, so that two copies merged either way round agree."""
    if a.modified != b.modified:
        return a.modified > b.modified
    return json.dumps(a.to_dict(), sort_keys=True) > json.dumps(b.to_dict(), sort_keys=True)
