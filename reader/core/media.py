"""The recording of a transcript: which files are recordings, the one beside a transcript, and finding an
attached one again after either file moved.

An attached recording is remembered with the transcript's notes as a `RecordingLink`: where it was, its name,
size and a fingerprint of its bytes (a hash of its size, its first and its last MiB, so that a two-hour video is
recognised in a millisecond). The notes belong to the transcript's text, not its path, so they follow a moved
transcript; `locate` then finds the recording where it was, or beside the transcript under its name, or among
the recordings beside the transcript by fingerprint (a renamed copy).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

# What phones, Zoom, Teams, dictation apps and cameras record, in the order a same-named file is preferred:
# audio before video, since only the sound is played.
AUDIO_SUFFIXES = (".m4a", ".mp3", ".wav", ".ogg", ".oga", ".opus", ".flac", ".aac", ".wma")
VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".webm", ".mkv")
MEDIA_SUFFIXES = AUDIO_SUFFIXES + VIDEO_SUFFIXES
_SAMPLE = 1 << 20  # bytes hashed at each end of a file
MAX_SCANNED = 500  # files looked at when searching a folder by fingerprint


@dataclass(frozen=True, slots=True)
class RecordingLink:
    """A recording attached to a transcript's notes."""

    path: str  # absolute, where it was attached or last found
    size: int
    fingerprint: str
    duration: float | None = None  # seconds, once a player has read it

    @property
    def name(self) -> str:
        return Path(self.path).name

    def found_at(self, path: Path) -> RecordingLink:
        return replace(self, path=str(path))

    def with_duration(self, seconds: float) -> RecordingLink:
        return replace(self, duration=round(seconds, 3))

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "fingerprint": self.fingerprint, "duration": self.duration}


def is_recording(path: str | Path) -> bool:
    return Path(path).suffix.lower() in MEDIA_SUFFIXES


def fingerprint(path: str | Path) -> str:
    """A hash of the file's size and its first and last MiB. Raises OSError when it cannot be read."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        digest.update(str(size).encode())
        f.seek(0)
        digest.update(f.read(_SAMPLE))
        if size > _SAMPLE:
            f.seek(max(_SAMPLE, size - _SAMPLE))
            digest.update(f.read(_SAMPLE))
    return digest.hexdigest()


def link(path: str | Path, duration: float | None = None) -> RecordingLink:
    """The link to keep for a recording file. Raises OSError when it cannot be read."""
    resolved = Path(path).resolve()
    if duration is not None and not (math.isfinite(duration) and duration >= 0):
        duration = None
    return RecordingLink(str(resolved), resolved.stat().st_size, fingerprint(resolved), duration)


def stems(transcript_path: Path) -> list[str]:
    """The names a recording of this transcript may have: its own stem, and without a ".transcript" or
    ".captions" second suffix (Zoom writes "GMT…_Recording.transcript.vtt" beside "GMT…_Recording.m4a")."""
    stem = transcript_path.stem
    names = [stem]
    for extra in (".transcript", ".captions", ".cc", ".en"):
        if stem.lower().endswith(extra):
            names.append(stem[: -len(extra)])
    return names


def recording_beside(transcript_path: str | Path) -> Path | None:
    """A recording in the transcript's folder with the transcript's name ("interview.txt" and "interview.m4a"),
    suffixes compared without case; audio first, in the order of `MEDIA_SUFFIXES`."""
    path = Path(transcript_path)
    try:
        siblings = {p.name.lower(): p for p in path.parent.iterdir() if p.is_file()}
    except OSError:
        return None
    for stem in stems(path):
        for suffix in MEDIA_SUFFIXES:
            found = siblings.get((stem + suffix).lower())
            if found is not None:
                return found
    return None


def matches(path: Path, recording: RecordingLink) -> bool:
    """Whether the file at `path` is this recording (same size, same fingerprint)."""
    try:
        return path.is_file() and path.stat().st_size == recording.size and fingerprint(path) == recording.fingerprint
    except OSError:
        return False


def locate(recording: RecordingLink, transcript_path: str | Path | None) -> Path | None:
    """Where the attached recording is now: its path; else the transcript's folder under its name; else any
    recording of the same size and fingerprint in that folder. None when it is in none of these places."""
    where = Path(recording.path)
    if matches(where, recording):
        return where
    if transcript_path is None:
        return None
    folder = Path(transcript_path).parent
    if matches(folder / where.name, recording):
        return folder / where.name
    try:
        candidates = [p for p in folder.iterdir() if is_recording(p)][:MAX_SCANNED]
    except OSError:
        return None
    return next((p for p in candidates if matches(p, recording)), None)
