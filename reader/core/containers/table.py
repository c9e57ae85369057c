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
from dataclasses import dataclass
from itertools import pairwise

from reader.core.containers import Extracted
from reader.core.containers.turns import Piece, write_turns
from reader.core.decode import decode
from reader.core.model import Metadata

NAME = "tsv"
_SNIFF_LINES = 30
_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MILLISECONDS = re.compile(r"\b(?:ms|msec|millis|milliseconds?)\b")

# Column names, folded (lower case, `_`, `-` and brackets made spaces), by what the column holds.
_COLUMNS = {
    "start": {"start", "start time", "starttime", "begin", "begin time", "from", "in", "time in", "timecode in",
              "start timecode", "timestamp", "time", "start ms", "start seconds", "start sec", "start s", "offset",
              "start offset", "time start", "tc in"},
    "end": {"end", "end time", "endtime", "stop", "stop time", "to", "out", "time out", "timecode out",
            "end timecode", "end ms", "end seconds", "end sec", "end s", "time end", "tc out"},
    "speaker": {"speaker", "speaker name", "speaker label", "speakers", "name", "who", "participant", "voice",
                "person", "talker", "role"},
    "text": {"text", "transcript", "transcription", "utterance", "content", "caption", "captions", "words",
             "dialogue", "dialog", "sentence", "subtitle", "speech", "line", "comment", "said"},
}


@dataclass(frozen=True)
class _Header:
    line: int  # index among the file's lines
    delimiter: str
    columns: dict[str, int]  # "start", "end", "speaker", "text" -> cell index
    milliseconds: set[str]  # the time columns whose name says they are in milliseconds


def _fold(cell: str) -> str:
    return " ".join(re.sub(r"[_\-()\[\]:]", " ", cell.strip().strip("\"'").casefold()).split())


def _header(line: str) -> _Header | None:
    """The header row's columns, when `line` names a text column and a start or speaker column."""
    delimiter = "\t" if "\t" in line else ";" if line.count(";") > line.count(",") else ","
    cells = next(csv.reader([line], delimiter=delimiter), [])
    if len(cells) < 2 or any(len(cell) > 40 for cell in cells):
        return None
    columns: dict[str, int] = {}
    milliseconds: set[str] = set()
    for index, cell in enumerate(cells):
        name = _fold(cell)
        bare = _MILLISECONDS.sub("", name).strip()
        for kind, names in _COLUMNS.items():
            if kind not in columns and (name in names or bare in names):
                columns[kind] = index
                if bare != name:
                    milliseconds.add(kind)
                break
    if "text" not in columns or not ({"start", "speaker"} & columns.keys()):
        return None
    return _Header(0, delimiter, columns, milliseconds)


def _find_header(lines: list[str]) -> _Header | None:
    for index, line in enumerate(lines[:_SNIFF_LINES]):
        header = _header(line) if line.strip() else None
        if header is not None:
            return _Header(index, header.delimiter, header.columns, header.milliseconds)
    return None


def sniff(data: bytes, suffix: str) -> float:
    head = data[:16_384]
    if head[:1] in (b"{", b"[") or b"-->" in head:  # JSON; captions with a `start,end` line of their own
        return 0.0
    lines = head.decode("utf-8", "replace").removeprefix("\ufeff").splitlines()[:-1 if len(data) > 16_384 else None]
    header = _find_header(lines)
    if header is None:
        return 0.0
    rows = [line for line in lines[header.line + 1:] if line.strip()]
    if not rows or not any(header.delimiter in row for row in rows[:5]):
        return 0.0
    return 0.95 if suffix in (".tsv", ".csv", ".tab") else 0.9


def extract(data: bytes) -> Extracted:
    decoded = decode(data)
    lines = decoded.text.split("\n")
    header = _find_header(lines)
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
