"""A text file: decoded, its front matter and invisible marks set aside; the layouts read the rest."""

from __future__ import annotations

import re

from reader.core.containers import Block, BlockKind, Extracted, front_matter
from reader.core.decode import decode
from reader.core.model import Metadata

NAME = "text"

# A byte-order mark inside the text, where exported files were joined: invisible, and a layout reading lines
# would skip it; kept as a mark of its own so that it is never silently lost.
_JOIN_MARK = re.compile("\ufeff+")


def sniff(data: bytes, suffix: str) -> float:
    return 0.0  # the fallback: chosen when no other container claims the file


def extract(data: bytes) -> Extracted:
    decoded = decode(data)  # raises NotText for binary data
    return from_text(decoded.text, decoded.encoding)


def from_text(text: str, encoding: str = "utf-8") -> Extracted:
    """Decoded text as the layouts should see it: YAML front matter as metadata and a hidden header (in every
    layout, not only the labelled one), byte-order marks where files were joined as hidden marks."""
    blocks, metadata = header(text)
    return Extracted(text, NAME, encoding, blocks=(*blocks, *join_marks(text)), metadata=metadata)


def header(text: str) -> tuple[tuple[Block, ...], Metadata]:
    """The front matter opening `text` as a HEADER block and its metadata (none: no blocks, no metadata)."""
    found = front_matter.read(text)
    if found is None:
        return (), Metadata()
    start = 1 if text.startswith("\ufeff") else 0
    return (Block((start, found.end), BlockKind.HEADER),), found.metadata


def join_marks(text: str) -> tuple[Block, ...]:
    if "\ufeff" not in text:
        return ()
    return tuple(Block(m.span(), BlockKind.MARK) for m in _JOIN_MARK.finditer(text))
