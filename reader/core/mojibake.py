"""How much a decoded text reads like mojibake: the score that tells the legacy code pages apart.

The single-byte code pages decode nearly any bytes without an error, so an error tells little; what the wrong
one gives away is how the text then reads. Polish in Windows-1252 writes `³` for `ł` and `¹` for `ą`;
ISO-8859-15 French in Windows-1252 writes `¤` for `€`; KOI8-R Russian in Windows-1251 swaps the cases
(`оЕРЕ`); Czech in Windows-1252 mixes Danish `ø` with Italian `ì` in one text, letters that no single language
writes together. Each of these oddities counts one; the right code page has the fewest.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Letters beyond ASCII that each language using a Latin code page writes (lower case).
ALPHABETS = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüßé",
    "spanish": "áéíñóúü",
    "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóù",
    "catalan": "àçèéíïòóúü",
    "dutch": "éëïöüè",
    "danish and norwegian": "æøåé",
    "swedish and finnish": "åäöé",
    "icelandic": "áðéíóúýþæö",
    "polish": "ąćęłńóśźż",
    "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž",
    "hungarian": "áéíóöőúüű",
    "slovene and croatian": "čćđšž",
    "romanian": "ăâîșțşţ",
    "turkish": "çğıöşü",
    "albanian": "çë",
    "estonian": "äöõüšž",
}
_ALPHABET_SETS = tuple(frozenset(letters) for letters in ALPHABETS.values())
# Marks real text holds: typographic quotes, dashes, currency, degrees, no-break space.
_TYPOGRAPHY = frozenset("’‘“”„‚«»‹›–—…•·€£¥¢§°™¡¿×\u00a0")
_WORD = re.compile(r"[^\W\d_]+")
# Scripts that share words: Japanese writes kanji, hiragana and katakana in one word.
_SAME_SCRIPT = dict.fromkeys(("HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH"),
                             "CJK")


def oddities(text: str) -> int:
    """How many characters and words of `text` read as a wrong decoding would (0 for clean text)."""
    counts = Counter(text)
    odd = 0
    latin: Counter[str] = Counter()
    for char, n in counts.items():
        if char < "\x80":
            continue
        kind = _kind(char)
        if kind == "odd":
            odd += n
        elif kind == "latin":
            latin[char.lower()] += n
    if latin:
        total = sum(latin.values())
        covered = max(sum(n for letter, n in latin.items() if letter in alphabet) for alphabet in _ALPHABET_SETS)
        odd += total - covered
    for word, n in Counter(_WORD.findall(text)).items():
        if not word.isascii() and _odd_word(word):
            odd += n
    return odd


@lru_cache(maxsize=8192)
def _kind(char: str) -> str:
    """"latin" (a Latin letter), "letter" (of another script, or a combining mark), "mark" (typography a
    text holds), or "odd" (a symbol, a control or an unassigned code point, as wrong decodings make)."""
    category = unicodedata.category(char)
    if category[0] == "L":
        return "latin" if _script(char) == "LATIN" else "letter"
    if category == "Mn" or char in _TYPOGRAPHY or category == "Zs":
        return "mark"
    code = ord(char)
    if category[0] == "P" and (0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF):
        return "mark"  # general and CJK punctuation, full-width forms
    return "odd"


@lru_cache(maxsize=8192)
def _script(char: str) -> str:
    first = unicodedata.name(char, "UNKNOWN").split()[0]
    return _SAME_SCRIPT.get(first, first)


def _odd_word(word: str) -> bool:
    """A capital after a small letter where one of them is beyond ASCII (`оЕРЕ`, not `McDonald`), or letters
    of two scripts in one word (`Mоscow` with a Cyrillic `о`)."""
    scripts = {_script(c) if c >= "\x80" else "LATIN" for c in word}
    if len(scripts) > 1:
        return True
    previous = ""
    for char in word:
        if previous and char.isupper() and previous.islower() and (char >= "\x80" or previous >= "\x80"):
            return True
        previous = char
    return False
