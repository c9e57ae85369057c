"""Transcripts as tables: Whisper's TSV (`start`, `end`, `text` in milliseconds) and the TSV/CSV files people
make in spreadsheets or export from transcription tools, with a header row naming the start, end, speaker and
text columns in any order and under common names (`Start Time`, `Speaker Name`, `Transcript`, `Begin`, ...).

Lines above the header (a title, notes) and the header itself are set aside; the title becomes the
transcript's title. Times may be seconds (`12.5`), milliseconds (a column named so, or whole numbers that
step by hundreds), `hh:mm:ss(.mmm)` or `mm:ss`. Rows become turns with those start times, never text.
"""

from __future__ import annotations

import csv
import re
import statistics
from collections.abc import Callable, Iterator
from itertools import pairwise

from reader.core.containers import Extracted, sniffing
from reader.core.containers.turns import Piece, write_turns
from reader.core.decode import decode
from reader.core.model import Metadata

NAME = "tsv"
sniff = sniffing.table  # what kind a file is: told apart without importing this module
_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def extract(data: bytes) -> Extracted:
    decoded = decode(data)
    lines = decoded.text.split("\n")
    header = sniffing.find_header(lines)
    if header is None:  # sniffed on other bytes: read it as text rather than fail
        return Extracted(decoded.text, "text", decoded.encoding)
    notes = lines[:header.line + 1]
    rows = list(_rows("\n".join(lines[header.line + 1:]), header.delimiter))
    times = {kind: _time_reader([row[header.columns[kind]] for row in rows if header.columns[kind] < len(row)],
                                kind in header.milliseconds)
             for kind in ("start", "end") if kind in header.columns}
    pieces: list[Piece] = []
    for row in rows:
        cells = {kind: row[index].strip() if index < len(row) else "" for kind, index in header.columns.items()}
        if not cells["text"]:
            if any(value.strip() for value in row):  # a note among the rows: kept, as text of no turn
                notes.append(header.delimiter.join(row))
            continue
        start, end = (times[kind](cells[kind]) if kind in times else None for kind in ("start", "end"))
        pieces.append(Piece(cells["text"], start, end, cells.get("speaker") or None))
    title = next((line.strip() for line in lines[:header.line] if line.strip()), None)
    metadata = Metadata(title=title[:120] if title and not title.endswith(".") else None)
    return write_turns(pieces, NAME, metadata=metadata, notes=notes)


def _rows(text: str, delimiter: str) -> Iterator[list[str]]:
    """Rows of the table; a tab-separated file is split on tabs alone, since its text may hold quote marks."""
    if delimiter == "\t":
        for line in text.split("\n"):
            yield line.split("\t")
        return
    try:
        yield from csv.reader(text.split("\n"), delimiter=delimiter)
    except csv.Error:  # a stray NUL or an unclosed quote at the end: the lines as they are
        for line in text.split("\n"):
            yield line.split(delimiter)


def _time_reader(values: list[str], milliseconds: bool) -> Callable[[str], float | None]:
    """How to read one time column: clocks as written, plain numbers as seconds or, when the column is named
    so or its whole numbers step by hundreds (Whisper's TSV), milliseconds."""
    numbers = [float(v) for v in (value.strip() for value in values) if _NUMBER.fullmatch(v)]
    if not milliseconds and numbers and all(n.is_integer() for n in numbers):
        steps = [b - a for a, b in pairwise(numbers) if b > a]
        milliseconds = bool(steps) and statistics.median(steps) >= 100
    scale = 1000.0 if milliseconds else 1.0

    def read(value: str) -> float | None:
        value = value.strip()
        if _NUMBER.fullmatch(value):
            return float(value) / scale
        m = _CLOCK.fullmatch(value)
        if m:
            hours, minutes, secs, fraction = m.groups()
            return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + (int(fraction) / 10 ** len(fraction)
                                                                             if fraction else 0)
        return None

    return read
