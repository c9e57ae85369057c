"""Containers: the bytes a transcript arrives in, turned into text with structure, before any layout reads it.

A transcript comes as a text file, or wrapped: a web page, a Word document, a PDF, a speech-to-text JSON, a
spreadsheet-like TSV/CSV. Each container module reads one kind and returns `Extracted`: the text a reader
sees (blocks separated by blank lines), what it already knows about that text (page furniture, headings,
speakers and times from the markup or the fields), and its metadata. Then either the layouts read the text as
they would a text file, or, when the container knows the turns (`structured`), the `structured` layout builds
them from its blocks.

A container module exposes NAME (the `source_format` it reports), ``sniff(data, suffix) -> float`` (0..1, how
sure it is; content decides, the file name's suffix only breaks ties) and ``extract(data) -> Extracted``. It
raises `ContainerError` with a message for the user when the file is of its kind but cannot be read (an
encrypted or scanned PDF, a damaged DOCX, JSON that is not a transcript). The sniffers are written in
`sniffing.py`, so that telling the kinds apart imports only the container chosen.
"""

from __future__ import annotations

import enum
import gc
import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reader.core.model import Metadata, Span

log = logging.getLogger(__name__)


class ContainerError(ValueError):
    """A file of a known kind that cannot be read as a transcript; the message is meant for the user."""


class BlockKind(enum.StrEnum):
    TEXT = "text"  # words somebody said (or, for an unstructured container, any body text)
    HEADING = "heading"  # a section title the document writes: kept aside and made a `Heading`
    FURNITURE = "furniture"  # page furniture (navigation, footers, running headers, page numbers): set aside
    TIMING = "timing"  # a time or cue mark written into the text by the container: set aside as furniture
    HEADER = "header"  # what became metadata (YAML front matter, a document title): set aside as header
    MARK = "mark"  # an invisible mark (a byte-order mark where files were joined): set aside as furniture


@dataclass(frozen=True, slots=True)
class Block:
    span: Span  # into `Extracted.text`
    kind: BlockKind = BlockKind.TEXT
    speaker: str | None = None  # the speaker the container knows (a markup label, a JSON `speaker` field)
    label_span: Span | None = None  # where that speaker's label is written in the text, when it is
    start: float | None = None  # seconds into the recording
    level: int = 1  # for headings
    emphasis: bool = False  # the whole block is bold or strong: a hint (unlabelled questions in a web interview)
    opens_turn: bool = False  # a turn starts here even when its speaker is the one talking (a long speech cut)
    asks: bool = False  # the container knows the block asks: a print interview's question, set in bold


@dataclass(frozen=True)
class Extracted:
    text: str  # line ends "\n"; blocks separated by blank lines
    source_format: str  # "text", "html", "docx", "pdf", "json", "tsv"
    encoding: str = "utf-8"
    blocks: tuple[Block, ...] = ()
    structured: bool = False  # TEXT blocks carry the turns: build them as given, no layout detection
    metadata: Metadata = field(default_factory=Metadata)
    layout: str | None = None  # a layout the container knows fits (court for a hearing PDF); None: detect
    warnings: tuple[str, ...] = ()


def extract(data: bytes, suffix: str = "") -> Extracted:
    """The most confident container's reading of `data`; plain text when no other claims it.
    `suffix` is the file name's extension, lower case with its dot ("" when unknown)."""
    from reader.core.containers import sniffing

    best, best_score = "text", 0.0
    for name, sniff in sniffing.SNIFFERS.items():
        try:
            score = sniff(data, suffix)
        except Exception:  # a sniffer's bug must not stop the file from opening
            log.exception("container %s could not sniff the file", name)
            continue
        if score > best_score:
            best, best_score = name, score
    # Imported here, the chosen one alone: each reader loads its library (lxml, python-docx, PDFium) only when used.
    module = importlib.import_module(f"reader.core.containers.{best}")
    with cycles_uncollected():
        result: Extracted = module.extract(data)
    return result


@contextmanager
def cycles_uncollected() -> Iterator[None]:
    """Reading a file makes many small objects (a few per paragraph or turn) and no reference cycles: the cycle
    collector's passes over them find nothing and cost a fifth of the time on a large file (0.18 s of 0.9 s
    extracting a 10 MB Word document), so they wait until the reading is done."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
