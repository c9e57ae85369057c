"""Bytes to text: BOMs, UTF-8/16, and the legacy code pages transcripts still arrive in.

Never guesses silently wrong: UTF-8 is taken when the bytes are valid UTF-8; a BOM decides UTF-16;
otherwise the single-byte candidates are scored and the winner named in `Decoded.encoding`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


class NotText(ValueError):
    """The bytes are not a text file (binary data)."""


@dataclass(frozen=True)
class Decoded:
    text: str  # line ends normalised to "\n"
    encoding: str


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029")


def normalise_newlines(text: str) -> str:
    return _LINE_ENDS.sub("\n", text)


# Files people mistake for transcripts: say what they are, so the user knows to export them as text.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    # Word (.docx) and PDF files are read by their containers; what reaches here is some other kind.
    (b"PK\x03\x04", "a ZIP archive or an Office document other than Word (.odt, .xlsx, .pptx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"ID3", "an MP3 recording"),
    (b"RIFF", "a WAV or AVI file"),
    (b"OggS", "an Ogg recording"),
    (b"fLaC", "a FLAC recording"),
    (b"\x7fELF", "a program"),
)


def decode(data: bytes) -> Decoded:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise NotText(f"{what}, not a text transcript; save or export it as plain text first")
    if data[4:8] == b"ftyp":
        raise NotText("an MP4 or M4A recording, not a text transcript")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(normalise_newlines(data.decode(encoding, errors="replace")), encoding)
    if b"\x00" in data[:4096]:
        guessed = _utf16_without_bom(data)
        if guessed:
            return guessed
        raise NotText("binary data (NUL bytes), not a text transcript")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    return _legacy(data)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return Decoded(normalise_newlines(data.decode(encoding)), encoding)
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes) -> Decoded:
    """Cyrillic (cp1251) or Western (cp1252): charset-normalizer scores both on the whole text."""
    from charset_normalizer import from_bytes

    results = from_bytes(data, cp_isolation=["cp1251", "cp1252"])
    best = results.best()
    encoding = best.encoding if best is not None else "cp1252"
    encoding = {"windows_1251": "cp1251", "windows_1252": "cp1252"}.get(encoding, encoding)
    text = data.decode(encoding, errors="replace")
    if _control_share(text) > 0.01:
        raise NotText("binary data, not a text transcript")
    return Decoded(normalise_newlines(text), encoding)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return bad / len(text)
