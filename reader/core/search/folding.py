"""Folding for search: typographic quotes to ASCII, accented letters to their base letter, one character
in for one character out, so an offset in folded text is the same offset in the original."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-",
    "\u00a0": " ",
}



# Folding an accent is right for Latin, Greek and Cyrillic letters (é to e, ё to е), wrong elsewhere (a
# Japanese が is not a か); й is its own letter to a Russian reader, not an и with a mark.
_FOLDED_RANGES = ((0x80, 0x530), (0x1E00, 0x2000))
_KEEP = {"й", "Й"}


def _fold_char(ch: str) -> str:
    if ch in QUOTES:
        return QUOTES[ch]
    if ch.isascii() or ch in _KEEP or not any(lo <= ord(ch) < hi for lo, hi in _FOLDED_RANGES):
        return ch
    base = unicodedata.normalize("NFD", ch)
    # Only a letter plus combining marks folds (é -> e); anything else would change the length.
    if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]):
        return base[0]
    return ch


_FOLD_TABLE: dict[int, str] = {}


def fold(text: str) -> str:
    """`text` with quotes and accents folded; always the same length as `text`. For short strings."""
    missing = {ch for ch in set(text) if ord(ch) not in _FOLD_TABLE}
    for ch in missing:
        _FOLD_TABLE[ord(ch)] = _fold_char(ch)
    return text.translate(_FOLD_TABLE)


@cache
def _foldable() -> tuple[dict[str, str], re.Pattern[str]]:
    chars = {chr(c) for lo, hi in _FOLDED_RANGES for c in range(lo, hi)} | set(QUOTES)
    table = {ch: _fold_char(ch) for ch in chars if _fold_char(ch) != ch}
    return table, re.compile("[" + re.escape("".join(sorted(table))) + "]")


def fold_long(text: str) -> str:
    """`fold` for a whole transcript: str.translate looks up every character in a dict, while finding the few
    foldable characters present and replacing each in C is several times faster on megabytes of text."""
    if text.isascii():  # nothing to fold, and the check runs at memory speed
        return text
    table, pattern = _foldable()
    for ch in set(pattern.findall(text)):
        text = text.replace(ch, table[ch])
    return text
