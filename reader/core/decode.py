"""Bytes to text: BOMs, UTF-8/16, and the legacy code pages transcripts still arrive in.

Never guesses silently wrong: UTF-8 is taken when the bytes are valid UTF-8; a BOM decides UTF-16;
otherwise the legacy code pages (Windows-1250/1251/1252, ISO-8859-1/2/15, KOI8-R, Shift-JIS, GB18030, Big5)
that decode the bytes are scored and the winner named in `Decoded.encoding`, as people know it (`cp1252`,
`iso-8859-2`, `koi8-r`, `shift_jis`).
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate (half a UTF-16 pair, as a JSON `\\ud83d` escape or a caller's string can
    hold, and no file can) made U+FFFD, so every later step can encode it; `text` itself when it has none."""
    if text.isascii() or not _SURROGATE.search(text):  # an ASCII text is told at once
        return text
    return _SURROGATE.sub("\ufffd", text)


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


# The legacy code pages transcripts arrive in, as Python names them, and the names `info` gives them.
_LEGACY = {
    "cp1250": "cp1250", "cp1251": "cp1251", "cp1252": "cp1252", "iso8859_1": "iso-8859-1",
    "iso8859_2": "iso-8859-2", "iso8859_15": "iso-8859-15", "koi8_r": "koi8-r", "shift_jis": "shift_jis",
    "gb18030": "gb18030", "big5": "big5",
}
# When several code pages turn the bytes into the same text, the one named is the first here: the standard
# both agree on (ISO-8859-1 is Windows-1252 without its 0x80-0x9F letters), then the commonest.
_PREFERENCE = ("iso8859_1", "cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "shift_jis",
               "gb18030", "big5")
_FEW_LETTERS = 40  # characters beyond ASCII: fewer than this, and letter frequencies cannot tell code pages apart
_SAMPLE = 64 * 1024  # the opening 64 KB (some ten thousand words) tell the code pages apart as the whole file does


def _legacy(data: bytes) -> Decoded:
    """Bytes that are not UTF-8: the candidate code pages that decode them are scored by how the text reads
    (`mojibake.oddities`: symbols inside words, letters of no single language, a capital inside a word), and
    among the best-reading ones charset-normalizer's ranking, which knows the languages' letter frequencies,
    decides. charset-normalizer alone takes ISO-8859-2 Czech for Windows-1250 and Windows-1252 German for
    Windows-1250; the reading score alone cannot tell Japanese from Chinese bytes."""
    from charset_normalizer import from_bytes

    from reader.core.mojibake import oddities

    sample = data[:_SAMPLE]
    readings: dict[str, str] = {}
    for codec in _PREFERENCE:
        text = _decode_prefix(sample, codec, whole=len(sample) == len(data))
        if text is not None:
            readings[codec] = text
    utf8 = sample.decode("utf-8", errors="replace")  # mostly UTF-8 with a stray byte or two reads best as UTF-8
    scores = {codec: oddities(text) for codec, text in readings.items()}
    utf8_score = oddities(utf8) + 2 * utf8.count("\ufffd")
    best_score = min(scores.values(), default=utf8_score)
    if utf8_score < best_score or not scores:
        return _checked(data.decode("utf-8", errors="replace"), utf8, "utf-8")
    good = [codec for codec in _PREFERENCE if codec in scores and scores[codec] <= best_score]
    # charset-normalizer's letter frequencies need text to count: on a line or two (`Café “crème”, déjà vu.`
    # reads as well in Slovak's Windows-1250) they pick at random, and the commonest code page is the better bet.
    beyond = sum(1 for ch in readings[good[0]] if ch >= "\x80") if good else 0
    ranked = ([_codec(match.encoding) for match in from_bytes(sample, cp_isolation=good)]
              if len(good) > 1 and beyond >= _FEW_LETTERS else good)
    codec = next((c for c in ranked if c in good), good[0])
    same = [c for c in good if readings[c] == readings[codec]]  # identical readings: name the preferred one
    return _checked(data.decode(codec, errors="replace"), readings[codec], _LEGACY[same[0]])


def _codec(name: str) -> str:
    """charset-normalizer's name for a code page as `_LEGACY` spells it (`windows_1251`, `iso8859-2`)."""
    canonical = codecs.lookup(name).name
    return next((c for c in _LEGACY if codecs.lookup(c).name == canonical), name)


def _decode_prefix(sample: bytes, codec: str, *, whole: bool) -> str | None:
    """`sample` decoded strictly (a multi-byte character cut at the end of a partial sample is fine), or None
    when the code page cannot have written it: an undefined byte, or a C1 control (ISO-8859 pages map
    0x80-0x9F to controls no text holds; those bytes mean a Windows code page)."""
    try:
        text = codecs.getincrementaldecoder(codec)(errors="strict").decode(sample, final=whole)
    except UnicodeDecodeError:
        return None
    if _C1.search(text):
        return None
    return text


_C1 = re.compile("[\x80-\x9f]")


def _checked(text: str, sample: str, encoding: str) -> Decoded:
    """`text`, unless its opening `sample` is full of control characters: then the bytes are binary data."""
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise NotText("binary data, not a text transcript")
    return Decoded(normalise_newlines(text), encoding)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # a text holds tabs, line ends and form feeds, no others
