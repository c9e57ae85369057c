"""Where a command's output goes: a file named with ``-o`` (never one the program reads), or a terminal.

Writing to a path, as careful command-line tools do:
- never over the input transcript or a file of the notes store (``export t.md -o t.md`` would orphan the notes);
- into a pipe, a device or ``-`` (standard output) as they are, never renaming a regular file over them;
- through a symbolic link to its target, the link kept;
- into an existing folder only (a typo must not make folders);
- over an ordinary earlier file atomically, so that a failed write leaves the old one whole.

Text bound for a terminal has its control characters shown, not obeyed: a transcript or a note could hold
escape sequences that retitle the terminal or rewrite what is on screen.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from reader.core.notes.storage import write_atomic

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class OutputError(ValueError):
    """An output path refused or not writable; the message is for the user."""


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.is_relative_to(folder.resolve())
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(name: str, *, inputs: Iterable[Path | str] = (), stores: Iterable[Path] = ()) -> Path | None:
    """The file `name` stands for (None for standard output), refused when writing it would replace an input
    or a notes-store file, or when its folder does not exist. Raises OutputError."""
    if name == "-":
        return None
    target = Path(name).expanduser().resolve()  # through links, to what would be written
    for source in inputs:
        if target == Path(source).resolve() or _same_file(target, Path(source)):
            raise OutputError(f"{name}: would replace the transcript being read")
    for root in stores:
        if _inside(target, root):
            raise OutputError(f"{name}: would replace a file of the notes store ({root})")
    if not target.parent.is_dir():
        raise OutputError(f"{name}: no such folder {target.parent} (it is not created)")
    return target


def write_output(target: Path | None, data: bytes) -> None:
    """Write to what `check_output` returned. A pipe or device is written into; a regular file replaced
    atomically. Raises OutputError."""
    try:
        if target is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        try:
            mode = target.stat().st_mode
        except FileNotFoundError:
            mode = stat.S_IFREG
        if stat.S_ISDIR(mode):
            raise OutputError(f"{target}: is a folder")
        if not stat.S_ISREG(mode):
            with open(target, "wb") as f:  # a pipe or a device: into it, as a shell's > would
                f.write(data)
            return
        write_atomic(target, data)
    except OSError as exc:
        raise OutputError(f"{target or 'standard output'}: cannot write ({exc.strerror or exc})") from exc


def for_terminal(text: str, stream: TextIO | None = None) -> str:
    """`text` with control characters (escape sequences) made visible when `stream` is a terminal."""
    stream = stream or sys.stdout
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return neutralise(text) if terminal else text


def neutralise(text: str) -> str:
    """Control characters other than newline and tab, shown as ``\\x1b`` and the like."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
