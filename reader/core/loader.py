"""Open a transcript: read, decode, detect the layout, parse. The one entry point for every caller."""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import fields, replace
from pathlib import Path
from types import ModuleType

from reader.core import timings
from reader.core.containers import BlockKind, ContainerError, Extracted, cycles_uncollected, extract
from reader.core.containers import text as text_container
from reader.core.decode import without_surrogates
from reader.core.formats import structured
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.detect import LAYOUTS, detect_layout
from reader.core.model import AsideKind, Metadata, Transcript
from reader.core.paths import package_folder

log = logging.getLogger(__name__)

MAX_BYTES = 200_000_000  # 200 MB as the README says: far beyond any real interview, short of exhausting memory


class TranscriptError(Exception):
    """A file that cannot be opened as a transcript; the message is meant for the user."""


def parse_text(text: str, layout: str | None = None, *, encoding: str = "utf-8", path: str | None = None) -> Transcript:
    """Parse decoded text. A layout that fails falls back to plain paragraphs, never an error."""
    return parse_extracted(text_container.from_text(without_surrogates(text), encoding), layout, path=path)


def _parser(name: str) -> ModuleType:
    """The module that parses layout `name`: one a user can choose or detection can find (imported when first
    asked for), or the one only a container asks for."""
    return structured if name == structured.NAME else LAYOUTS[name]


_HIDDEN_AS = {BlockKind.FURNITURE: AsideKind.BOILERPLATE, BlockKind.TIMING: AsideKind.FURNITURE,
              BlockKind.HEADING: AsideKind.SECTION, BlockKind.HEADER: AsideKind.HEADER,
              BlockKind.MARK: AsideKind.FURNITURE}


def parse_extracted(extracted: Extracted, layout: str | None = None, *, path: str | None = None) -> Transcript:
    """Parse a container's text: its furniture and headings set aside, its turns built as given when it knows
    them, otherwise the layout forced, the container's, or the one detected. A layout that fails falls back to
    plain paragraphs, never an error."""
    if layout is not None and layout not in LAYOUTS:
        raise TranscriptError(f"unknown layout {layout!r}; known layouts: {', '.join(LAYOUTS)}")
    text = without_surrogates(extracted.text)  # a JSON escape can hold half a character: one U+FFFD, same offsets
    if text is not extracted.text:
        extracted = replace(extracted, text=text)
    hidden = _hidden(extracted)

    def builder_for(name: str) -> TranscriptBuilder:
        builder = TranscriptBuilder(extracted.text, name, extracted.encoding, path, hidden=hidden,
                                    source_format=extracted.source_format)
        builder.blocks = extracted.blocks
        builder.metadata = Metadata(source=extracted.metadata.source)  # where the file says it is from beats its name
        builder.warnings.extend(extracted.warnings)
        for b in extracted.blocks:
            if b.kind is BlockKind.HEADING:
                builder.heading(extracted.text[b.span[0]:b.span[1]], b.level, at=b.span[0])
        return builder

    if layout is None and extracted.structured:
        layout = "structured"
    builder = builder_for(layout or extracted.layout or "plain")
    name = layout or extracted.layout or detect_layout(builder.source)
    builder.layout = name
    with cycles_uncollected():
        try:
            _parser(name).parse(builder.source, builder)
            return _with_metadata(builder.build(), extracted.metadata)
        except Exception as exc:  # a parser bug must not cost the user the text
            log.exception("layout %s failed, falling back to plain paragraphs", name)
            builder = builder_for("plain")
            builder.warnings.append(f"could not read the file as {name} ({exc}); shown as plain paragraphs")
            LAYOUTS["plain"].parse(builder.source, builder)
            return _with_metadata(builder.build(), extracted.metadata)


def _hidden(extracted: Extracted) -> list[tuple[AsideKind, tuple[int, int]]]:
    """The stretches the container placed (furniture, headings, timings), which the layout sees as spaces."""
    return [(_HIDDEN_AS[b.kind], b.span) for b in extracted.blocks if b.kind in _HIDDEN_AS]


def parse_opening(extracted: Extracted, layout: str | None = None, *, chars: int,
                  path: str | None = None) -> Transcript | None:
    """The turns at the start of a long text, as `parse_extracted` makes them of the whole: the first screen of
    a large file, shown while the rest is read. The layout is the one the whole is read with (detected on the
    whole); the text is cut at the first line end after `chars` characters and parsed, then parsed again up to
    the end of its last turn but one: the last may be cut short, and what opens the next (a dash, a label)
    would be read into it. The opening is given only when the two parses agree on the turns they share (tried
    once more a turn earlier: a question at the end is read without its answer); None
    too when the text has fewer than three turns before the cut, or no line end soon after `chars` (a line of
    megabytes: its opening would be about all of it).

    The layouts read a turn from what is around it, so the turns given are the first turns of the whole, with
    the same ids (tests/core/test_opening.py, one layout of each family); the last exchange may lack answers
    that come after the cut. What a layout learns from the whole file (furniture repeated on every page) can
    make the whole read its start otherwise: the whole, shown once read, is what counts. Raises TranscriptError
    for an unknown layout."""
    if layout is not None and layout not in LAYOUTS:
        raise TranscriptError(f"unknown layout {layout!r}; known layouts: {', '.join(LAYOUTS)}")
    text = without_surrogates(extracted.text)
    end = text.find("\n", chars, 2 * chars) + 1
    if not end:
        return None
    if layout is None and not extracted.structured and extracted.layout is None:
        whole = TranscriptBuilder(text, "plain", hidden=_hidden(extracted)).source  # as parse_extracted sees it
        extracted = replace(extracted, layout=detect_layout(whole))

    def cut(at: int) -> Extracted:
        return replace(extracted, text=text[:at], blocks=tuple(b for b in extracted.blocks if b.span[1] <= at))

    first = parse_extracted(cut(end), layout, path=path)
    if len(first.turns) < 3:
        return None
    # A question is read into an exchange by what answers it: one that ends the opening may be read otherwise
    # than in the whole, so the opening then ends a turn earlier.
    for kept in range(len(first.turns) - 1, max(len(first.turns) - 3, 1), -1):
        opening = parse_extracted(cut(first.turns[kept - 1].span[1]), layout, path=path)
        if opening.turns == first.turns[:kept]:
            return opening
    return None


def _with_metadata(t: Transcript, known: Metadata) -> Transcript:
    """The container's metadata (a page's <title> and publication date) wins over what the layout guessed from
    the text's first lines; the layout's fills the fields the container left empty."""
    if known == Metadata():
        return t
    given = {f.name: getattr(known, f.name) for f in fields(known)
             if getattr(known, f.name) is not None and getattr(known, f.name) != getattr(t.metadata, f.name)}
    return replace(t, metadata=replace(t.metadata, **given)) if given else t


def load_transcript(path: str | Path, layout: str | None = None) -> Transcript:
    transcript = parse_extracted(read_file(path), layout, path=str(Path(path)))
    timings.mark("parse")
    return transcript


def read_file(path: str | Path) -> Extracted:
    """A file's text and structure, out of its container: all of `load_transcript` but the parse. Raises
    TranscriptError for a file that cannot be a transcript (missing, a folder, empty, too large, unreadable)."""
    p = Path(path)
    if not p.exists():
        raise TranscriptError(f"{p}: no such file")
    if p.is_dir():
        raise TranscriptError(f"{p}: is a folder, not a transcript file")
    limit = f"over the {MAX_BYTES // 1_000_000} MB limit"
    mode = p.stat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise TranscriptError(f"{p}: not a regular file (a device or a socket), not a transcript")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise TranscriptError(f"{p}: {size / 1e6:.0f} MB is {limit}")
    if size == 0 and p.is_file():
        raise TranscriptError(f"{p}: the file is empty")
    try:
        data = _read_bytes(p, MAX_BYTES + 1)
    except OSError as exc:
        raise TranscriptError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise TranscriptError(f"{p}: {limit}")
    if not data:
        raise TranscriptError(f"{p}: the file is empty")
    try:
        extracted = extract(data, p.suffix.lower())
    except (ContainerError, ValueError) as exc:  # NotText is a ValueError
        raise TranscriptError(f"{p}: {exc}") from exc
    if not extracted.text.strip():
        what = "holds only whitespace" if extracted.source_format == "text" else "holds no text"
        raise TranscriptError(f"{p}: the file {what}")
    timings.mark("decode")
    return extracted


def _read_bytes(p: Path, limit: int) -> bytes:
    """At most `limit` bytes. A pipe (``/dev/stdin``) has no size until it is read; one that no program writes to
    is opened without waiting for a writer, and then reads as empty instead of blocking for ever."""
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode) and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a writer is there, or none ever was: now read as any file
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(limit)
    finally:
        os.close(fd)


SAMPLE_NAME = "lavrov-nbc-interview-2017-07-21.txt"


def sample_path() -> Path:
    """The sample interview shipped with the program: package data (`reader.seeds`, the repository's seeds/), so an
    installed wheel has it as a clone does."""
    return (package_folder("reader.seeds") / SAMPLE_NAME).resolve()
