"""What kind of file a transcript's bytes are: each container's `sniff`, on the first bytes of the file.

They live here, apart from the containers that read each kind, so that telling a text file from the others
imports none of those readers (lxml, the Word and PDF readers, the speech-to-text shapes): `extract` imports
only the container chosen. Each container module exposes its sniffer as its `sniff`; the order of `SNIFFERS`
breaks ties, as the containers' order did.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable
from dataclasses import dataclass

# --- web pages (html.py) ------------------------------------------------------------------------------------

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".xht")
_NOT_HTML_SUFFIXES = (".vtt", ".srt", ".sbv", ".md", ".markdown", ".json", ".tsv", ".csv", ".docx", ".pdf")
_HTML_BYTES = 65536
HTML_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DOCTYPE = re.compile(rb"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<!doctype\s+html", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(rb"\A(?:\s|<!--.*?-->|<\?xml[^>]*>|<!doctype[^>]*>)*<html[\s>]", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(rb"<(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|pre|body|head|title|meta|section|article|"
                        rb"span|a|b|strong|em|i|font|blockquote)[\s>/]", re.IGNORECASE)
_HTML_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)


def html(data: bytes, suffix: str) -> float:
    """HTML by its content: a doctype, an `<html>` tag, or a file that opens with a tag and is dense with block
    tags. A text transcript that mentions `<b>` or `<p>` now and then is not HTML; the suffix only breaks ties."""
    head = _ascii_head(data, _HTML_BYTES)
    bonus = 0.05 if suffix in _HTML_SUFFIXES else 0.0
    if _DOCTYPE.match(head):
        return 0.9 + bonus
    if _HTML_TAG.match(head):
        return 0.85 + bonus
    if suffix in _NOT_HTML_SUFFIXES or b"-->" in _HTML_COMMENT.sub(b"", head):
        return 0.0  # captions use <i> and <b> too, and their cue timings hold `-->`: only a doctype says HTML
    tags = len(_BLOCK_TAG.findall(head))
    kilobytes = max(len(head) / 1024, 1.0)
    if head.lstrip().startswith(b"<") and tags >= 3 and tags / kilobytes >= 2:
        return 0.6 + bonus
    if tags >= 20 and tags / kilobytes >= 8:  # a fragment without a first tag, but markup all through
        return 0.5 + bonus
    return 0.0


def _ascii_head(data: bytes, size: int) -> bytes:
    """The first bytes, readable as ASCII whatever the encoding (UTF-16 with a BOM is transcoded)."""
    for bom, encoding in HTML_BOMS:
        if data.startswith(bom):
            if encoding == "utf-16":
                return data[: size * 2].decode("utf-16", errors="replace").encode("ascii", errors="replace")
            return data[len(bom) : size]
    return data[:size]


# --- Word (docx.py) ---------------------------------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: what Word makes of a .docx with a password


def docx(data: bytes, suffix: str) -> float:
    if data.startswith(b"PK\x03\x04"):
        # The part names stand in the zip's local headers, near the data they name.
        if b"word/document.xml" in data or b"word/" in data[:65536]:
            return 1.0
        return 0.6 if suffix == ".docx" else 0.0
    if data.startswith(OLE) and suffix == ".docx":  # Word writes a password-protected .docx as an OLE file
        return 0.6
    return 0.0


# --- PDF (pdf.py) -----------------------------------------------------------------------------------------

def pdf(data: bytes, suffix: str) -> float:
    # The header may follow a few bytes of junk (the specification allows 1,024).
    return 1.0 if b"%PDF-" in data[:1024] else 0.0


# --- speech-to-text JSON (speech.py) ----------------------------------------------------------------------

_JSON_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def speech(data: bytes, suffix: str) -> float:
    """JSON opens with `{"` or `[{`; a `.json` name vouches for any opening bracket. `[00:01] text` and
    `{inaudible}` are text."""
    head = _json_opening(data)
    if head[:1] not in ("{", "["):
        return 0.0
    if suffix == ".json":
        return 0.95
    rest = head[1:].lstrip()
    if head[:1] == "{" and rest[:1] in ('"', "}"):
        return 0.9
    if head[:1] == "[" and rest[:1] in ("{", "]"):
        return 0.9
    return 0.0


def _json_opening(data: bytes) -> str:
    """The first characters of `data`, less a BOM and leading blanks, in whichever encoding JSON allows."""
    for bom, encoding in _JSON_BOMS:
        if data.startswith(bom):
            return data[len(bom):len(bom) + 64].decode(encoding, "ignore").lstrip()
    if data[:1] == b"\x00" or data[1:2] == b"\x00":  # UTF-16 without a BOM: an ASCII character, then its NUL
        return data[:64].decode("utf-16-be" if data[:1] == b"\x00" else "utf-16-le", "ignore").lstrip()
    return data[:64].decode("latin-1").lstrip()


# --- tables (table.py): a header row naming the columns -----------------------------------------------------

_TABLE_LINES = 30
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
class TableHeader:
    line: int  # index among the file's lines
    delimiter: str
    columns: dict[str, int]  # "start", "end", "speaker", "text" -> cell index
    milliseconds: set[str]  # the time columns whose name says they are in milliseconds


def _fold(cell: str) -> str:
    return " ".join(re.sub(r"[_\-()\[\]:]", " ", cell.strip().strip("\"'").casefold()).split())


def _header_row(line: str) -> TableHeader | None:
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
    return TableHeader(0, delimiter, columns, milliseconds)


def find_header(lines: list[str]) -> TableHeader | None:
    for index, line in enumerate(lines[:_TABLE_LINES]):
        header = _header_row(line) if line.strip() else None
        if header is not None:
            return TableHeader(index, header.delimiter, header.columns, header.milliseconds)
    return None


def table(data: bytes, suffix: str) -> float:
    head = data[:16_384]
    if head[:1] in (b"{", b"[") or b"-->" in head:  # JSON; captions with a `start,end` line of their own
        return 0.0
    lines = head.decode("utf-8", "replace").removeprefix("\ufeff").splitlines()[:-1 if len(data) > 16_384 else None]
    header = find_header(lines)
    if header is None:
        return 0.0
    rows = [line for line in lines[header.line + 1:] if line.strip()]
    if not rows or not any(header.delimiter in row for row in rows[:5]):
        return 0.0
    return 0.95 if suffix in (".tsv", ".csv", ".tab") else 0.9


# --- Markdown (markdown.py) -------------------------------------------------------------------------------

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn"})


def markdown(data: bytes, suffix: str) -> float:
    """A Markdown file name, or text of a clearly Markdown shape (several kinds of its markup recurring)."""
    if suffix in MARKDOWN_SUFFIXES:
        return 0.5
    head = data[:16_384].decode("utf-8", errors="ignore")
    kinds = [len(pattern.findall(head)) for pattern in _MARKDOWN_SIGNS]
    return 0.4 if sum(1 for n in kinds if n) >= 2 and sum(kinds) >= 4 else 0.0


_MARKDOWN_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+[^\W_][^\n]*$", re.MULTILINE),  # a heading (not `# # #`, an end mark)
    re.compile(r"^[ \t]*(?:\*\*|__|\*|_)[^\W\d_][^\n*_:]{0,60}:(?:\*\*|__|\*|_)?[ \t]", re.MULTILINE),  # **Name:**
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # a link
    re.compile(r"\\[_*\[\]#`]"),  # an escape
    re.compile(r"^>[ \t]?\S", re.MULTILINE),  # a quote
)


# By the container module each sniffs for, in the order that breaks ties (the text container claims nothing: it
# is what a file no other claims is read as).
SNIFFERS: dict[str, Callable[[bytes, str], float]] = {
    "html": html, "docx": docx, "pdf": pdf, "speech": speech, "table": table, "markdown": markdown,
}
