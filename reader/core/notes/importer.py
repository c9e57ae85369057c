"""Notes into the program: W3C Web Annotation JSON (ours, a colleague's, a backup, another tool's), attached to
the open transcript by quote, with duplicates recognised by id."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.model import Transcript
from reader.core.notes.anchoring import reattach
from reader.core.notes.annotations import Annotation, passage_anchor, reading_text
from reader.core.notes.records import MAX_FILE_BYTES
from reader.core.notes.storage import NotAFileError, read_limited
from reader.core.notes.transcript_notes import TranscriptNotes
from reader.core.notes.web_annotation import Imported, NotAnnotationsError, read_collection, turn_offsets

__all__ = ["ImportResult", "NotAnnotationsError", "import_file", "import_notes", "other_transcript"]


@dataclass
class ImportResult:
    added: int = 0
    duplicates: int = 0  # already there with the same id (and not older there)
    updated: int = 0  # already there with the same id, but the file's copy was edited later
    detached: int = 0  # added, but their words were not found in this transcript
    problems: list[str] = field(default_factory=list)  # items that could not be read, one line each

    def summary(self) -> str:
        parts = [f"{self.added} added"]
        if self.detached:
            parts.append(f"{self.detached} of them detached (quote not found)")
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.duplicates:
            parts.append(f"{self.duplicates} already present")
        if self.problems:
            parts.append(f"{len(self.problems)} unreadable")
        return ", ".join(parts)


def attach(transcript: Transcript, items: list[Imported]) -> list[Annotation]:
    """Anchor imported annotations: at their stated position when the quote is there, else by quote."""
    starts = turn_offsets(transcript)
    placed: list[Annotation] = []
    for item in items:
        annotation = item.annotation
        at = _at_position(transcript, starts, item)
        if at is not None:
            first, start, last, end = at
            placed_at = passage_anchor(transcript, first, start, last, end)
            anchor = replace(annotation.anchor, turn_id=placed_at.turn_id, end_turn_id=placed_at.end_turn_id,
                             start=placed_at.start, end=placed_at.end, prefix=placed_at.prefix,
                             suffix=placed_at.suffix)
            annotation = replace(annotation, anchor=anchor)
        placed.append(annotation)
    return reattach(transcript, placed)  # those placed above pass through; the rest are found by quote


def _at_position(transcript: Transcript, starts: list[int], item: Imported) -> tuple[int, int, int, int] | None:
    """(first turn, start, last turn, end) where the item's position holds its quote (over several turns, for a
    passage); None when it does not."""
    if item.position is None:
        return None
    begin, end = item.position
    first = bisect_right(starts, begin) - 1  # the turn whose text starts at or before `begin`
    last = bisect_right(starts, max(begin, end - 1)) - 1
    if first < 0 or begin > end:
        return None
    start, stop = begin - starts[first], end - starts[last]
    turns = transcript.turns
    if start <= len(turns[first].text) and stop <= len(turns[last].text) \
            and reading_text(transcript, first, start, last, stop) == item.annotation.anchor.exact:
        return first, start, last, stop
    return None


def import_notes(notes: TranscriptNotes, raw: str | bytes) -> ImportResult:
    """Add the annotations in `raw` to `notes`. Raises NotAnnotationsError for a file that is not Web
    Annotation JSON; unreadable items are skipped and listed in `problems`."""
    items, problems, extras = read_collection(raw)
    result = ImportResult(problems=problems)
    for annotation in attach(notes.transcript, items):
        existing = notes.get(annotation.id)
        if existing is not None:
            if _same(annotation, existing):
                result.duplicates += 1
            elif annotation.modified > existing.modified:
                notes.keep_conflict(kept=annotation, lost=existing)
                notes.replace(annotation)
                result.updated += 1
            else:  # the local edit is later (a copy without times is the oldest): it stays, the copy is kept
                notes.keep_conflict(kept=existing, lost=annotation)
                result.duplicates += 1
            continue
        notes.add(annotation)
        result.added += 1
        result.detached += annotation.detached
    names = extras.get("speaker_names")
    if isinstance(names, dict):
        for key, name in names.items():
            if key in notes.transcript.speaker_by_key and key not in notes.speaker_names and isinstance(name, str) \
                    and name.strip():
                notes.set_speaker_name(key, name)
    return result


def other_transcript(notes: TranscriptNotes, extras: Mapping[str, Any]) -> str | None:
    """The title of the transcript an export of ours was made on, when it is another transcript than the notes'
    (another fingerprint and another title); None for this one, an earlier version of it (same title), or a
    file that does not say (another tool's)."""
    fingerprint, title = extras.get("fingerprint"), extras.get("title")
    if not isinstance(fingerprint, str) or not fingerprint or fingerprint == notes.fingerprint:
        return None
    here = " ".join((notes.transcript.metadata.title or "").split()).casefold()
    there = " ".join(str(title or "").split())
    if there.casefold() == here and here:
        return None
    return there or f"an untitled transcript ({fingerprint[:12]})"


def _same(a: Annotation, b: Annotation) -> bool:
    """The same annotation in what a user sees of it (an export does not carry the anchor's context exactly)."""
    return (a.kind, a.note, a.tags, a.status, a.colour, a.anchor.exact) == \
        (b.kind, b.note, b.tags, b.status, b.colour, b.anchor.exact)


def import_file(notes: TranscriptNotes, path: str | Path) -> ImportResult:
    """`import_notes` from a file; OSError and NotAnnotationsError carry a message for the user."""
    p = Path(path)
    try:
        raw = read_limited(p, MAX_FILE_BYTES)
    except OSError as exc:
        raise NotAnnotationsError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    except NotAFileError as exc:
        raise NotAnnotationsError(f"{p}: {exc}") from exc
    try:
        return import_notes(notes, raw)
    except NotAnnotationsError as exc:
        raise NotAnnotationsError(f"{p}: {exc}") from exc

