"""Open a transcript: read, decode, detect the layout, parse. The one entry point for every caller."""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from reader.core.decode import decode
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.detect import LAYOUTS, detect_layout
from reader.core.model import Transcript

log = logging.getLogger(__name__)

MAX_BYTES = 200 * 1024 * 1024  # 200 MB: far beyond any real interview, short of exhausting memory


class TranscriptError(Exception):
    """A file that cannot be opened as a transcript; the message is meant for the user."""


def parse_text(text: str, layout: str | None = None, *, encoding: str = "utf-8", path: str | None = None) -> Transcript:
    """Parse decoded text. A layout that fails falls back to plain paragraphs, never an error."""
    if layout is not None and layout not in LAYOUTS:
        raise TranscriptError(f"unknown layout {layout!r}; known layouts: {', '.join(LAYOUTS)}")
    name = layout or detect_layout(text)
    builder = TranscriptBuilder(text, name, encoding, path)
    # Parsing makes a few objects per turn and no reference cycles; the cycle collector's passes over them
    # cost a fifth of the time on a large file and find nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        LAYOUTS[name].parse(text, builder)
        return builder.build()
    except Exception as exc:  # a parser bug must not cost the user the text
        log.exception("layout %s failed, falling back to plain paragraphs", name)
        builder = TranscriptBuilder(text, "plain", encoding, path)
        builder.warnings.append(f"could not read the file as {name} ({exc}); shown as plain paragraphs")
        LAYOUTS["plain"].parse(text, builder)
        return builder.build()
    finally:
        if collecting:
            gc.enable()


def load_transcript(path: str | Path, layout: str | None = None) -> Transcript:
    p = Path(path)
    if not p.exists():
        raise TranscriptError(f"{p}: no such file")
    if p.is_dir():
        raise TranscriptError(f"{p}: is a folder, not a transcript file")
    limit = f"over the {MAX_BYTES // 1_000_000} MB limit"
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise TranscriptError(f"{p}: {size / 1e6:.0f} MB is {limit}")
    if size == 0 and p.is_file():
        raise TranscriptError(f"{p}: the file is empty")
    try:
        with p.open("rb") as f:  # a pipe (/dev/stdin) has no size until it is read: read one byte past the limit
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TranscriptError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise TranscriptError(f"{p}: {limit}")
    if not data:
        raise TranscriptError(f"{p}: the file is empty")
    try:
        decoded = decode(data)
    except ValueError as exc:
        raise TranscriptError(f"{p}: {exc}") from exc
    if not decoded.text.strip():
        raise TranscriptError(f"{p}: the file holds only whitespace")
    return parse_text(decoded.text, layout, encoding=decoded.encoding, path=str(p))


def sample_path() -> Path:
    """The sample interview shipped with the program."""
    return Path(__file__).resolve().parents[2] / "seeds" / "lavrov-nbc-interview-2017-07-21.txt"
