"""Files that survive a crash: atomic replacement with a backup, a cross-process lock, and corrupt files
moved aside. Plain file mechanics, with no knowledge of what the notes mean."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; os.replace is still atomic there
    fcntl = None  # type: ignore[assignment]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _fsync_dir(folder: Path) -> None:
    # A rename is only durable once the folder's entry is on disk; not possible (nor needed) on Windows.
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a reader, or a crash at any moment, sees the old file or the new one.

    The temporary file is in the same folder (a rename across file systems is a copy), flushed and synced
    before the rename, and the folder is synced after it. Raises OSError; the old file is then untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # 0o666 less the umask, as for any new file (an export is meant to be shared); an existing file keeps its mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(f.fileno() if os.chmod in os.supports_fd else tmp, stat.S_IMODE(os.stat(path).st_mode))
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


class NotAFileError(ValueError):
    """A path that is a pipe, a device or a socket, or a file over the limit: refused with this message."""


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Raises OSError (FileNotFoundError when there is
    none) or NotAFileError. Opened without blocking, so that a pipe with no writer cannot hang the program."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError("not a regular file (a pipe, a device or a socket)")
        if info.st_size > limit:
            raise NotAFileError(f"{info.st_size / 1e6:.0f} MB is over the {limit // 1_000_000} MB limit")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise NotAFileError(f"over the {limit // 1_000_000} MB limit")
    return data


def remove_stale_temporaries(path: Path) -> None:
    """Temporary files a killed writer left behind. Call only while holding `locked(path)`."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def move_aside(path: Path) -> Path:
    """Rename an unreadable file to ``<stem>.corrupt-<UTC time>.json`` beside it and return the new path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix or '.json'}")
    os.replace(path, target)
    return target


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock for `path` (two windows saving the same notes take turns).

    A folder where the lock file cannot be created is not an error here: the write that follows will
    report it.
    """
    if fcntl is None:
        yield
        return
    lock_file = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
