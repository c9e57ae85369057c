"""Earlier versions of a notes file, so that a mistake noticed tomorrow can still be undone.

Beside ``<fingerprint>.json.bak`` (the version before the last save), the store keeps generations in
``notes/backups/<fingerprint>.<UTC time>.json``: the file as it was before a save, at most one every
`GAP_MINUTES`. Of those, the last `KEEP_LAST` are kept, and the last one of each of the past `KEEP_DAYS`
days, as Zotero and calibre keep theirs. Plain file mechanics, like `reader.core.notes.storage`.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.core.notes.storage import backup_path, write_atomic

KEEP_LAST = 10
KEEP_DAYS = 7
GAP_MINUTES = 10
FOLDER = "backups"
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True, slots=True)
class Backup:
    """One earlier version of a transcript's notes."""

    path: Path
    when: datetime  # UTC
    annotations: int | None  # how many it holds; None when it cannot be read

    def line(self, number: int) -> str:
        count = "unreadable" if self.annotations is None else f"{self.annotations} annotations"
        return f"{number:>3}. {self.when:%Y-%m-%d %H:%M:%S} UTC  {count:<18} {self.path}"


def folder(notes_file: Path) -> Path:
    return notes_file.parent / FOLDER


def generations(notes_file: Path) -> list[tuple[datetime, Path]]:
    """The kept generations of one notes file, newest first."""
    found = []
    for path in folder(notes_file).glob(f"{notes_file.stem}.*.json"):
        try:
            when = datetime.strptime(path.name[len(notes_file.stem) + 1:-len(".json")], _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append((when, path))
    return sorted(found, reverse=True)


def keep_generation(notes_file: Path, data: bytes, now: datetime | None = None, force: bool = False) -> Path | None:
    """Keep `data` (the file as it was before a save) as a generation, unless the newest one is younger than
    `GAP_MINUTES` (and not `force`); then drop those the policy no longer keeps. Returns the new file."""
    now = now or datetime.now(UTC)
    kept = generations(notes_file)
    if kept and not force and now - kept[0][0] < timedelta(minutes=GAP_MINUTES):
        return None
    target = folder(notes_file) / f"{notes_file.stem}.{now:{_STAMP}}.json"
    for stale in folder(notes_file).glob(f".{notes_file.stem}.*.tmp"):  # a killed writer's; the caller holds the lock
        with contextlib.suppress(OSError):
            stale.unlink()
    write_atomic(target, data)
    prune(notes_file, now)
    return target


def prune(notes_file: Path, now: datetime | None = None) -> None:
    """Delete the generations that are neither among the last `KEEP_LAST` nor the last of a recent day."""
    now = now or datetime.now(UTC)
    kept = generations(notes_file)
    keep = {path for _when, path in kept[:KEEP_LAST]}
    days: set[object] = set()
    for when, path in kept:  # newest first: the first seen of a day is its last
        if now - when <= timedelta(days=KEEP_DAYS) and when.date() not in days:
            days.add(when.date())
            keep.add(path)
    for _when, path in kept:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()


def backups(notes_file: Path) -> list[Backup]:
    """Every earlier version to restore from, newest first: the ``.bak`` and the generations."""
    found = [(when, path) for when, path in generations(notes_file)]
    bak = backup_path(notes_file)
    with contextlib.suppress(OSError):
        found.append((datetime.fromtimestamp(bak.stat().st_mtime, UTC), bak))
    found.sort(reverse=True)
    return [Backup(path, when, _count(path)) for when, path in found]


def _count(path: Path) -> int | None:
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    annotations = doc.get("annotations") if isinstance(doc, dict) else None
    return len(annotations) if isinstance(annotations, list) else None
