"""How a speaker's label is shown: ALL-CAPS labels written as names (`MR. SMITH` -> `Mr. Smith`) with their
acronyms kept (`DOJ COMMISSIONER SMITH` -> `DOJ Commissioner Smith`), and a diarisation's numbered voices
(`SPEAKER_00`, `spk_1`) counted from one; and whether a label could be a name at all (`name_shape`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader.core.vocabulary import ACRONYMS, HONORIFICS

__all__ = ["diarised_number", "display_name", "display_names", "name_shape"]

_WS = re.compile(r"\s+")

# The labels diarisation writes (`SPEAKER_00`, `spk_1`, `Speaker 2`): names, though not capitalised words.
_DIARISATION = re.compile(r"(?:speaker|spk)[ _]?\d{1,3}", re.IGNORECASE)
_PARTICLES = frozenset({"de", "da", "del", "der", "den", "van", "von", "la", "le", "du", "di", "bin", "al", "el",
                        "ibn", "y", "of", "the", "and"})
# Words that open ordinary sentences with a colon in subtitles and captions.
_PROSE_LEADS = frozenset({"note", "nb", "ps", "update", "warning", "example", "edit", "source", "caption",
                          "captions", "subtitles", "translation", "music", "transcript", "look", "listen",
                          "remember", "yes", "no", "well", "so", "okay", "ok", "and", "but", "now", "here",
                          "there", "then", "first", "second", "third", "finally", "question", "answer"})


def _capital(ch: str) -> bool:
    """An upper-case letter, or a letter of a script without case (Chinese, Japanese, Arabic, ...)."""
    return ch.isupper() or (ch.isalpha() and not ch.islower())


# The double quotes a nickname stands in (single ones are also a name's apostrophe: O'Brien, O’Neill).
_QUOTES = {('"', '"'), ("“", "”")}
_QUOTE_MARKS = '"“”'


@lru_cache(maxsize=4096)
def name_shape(label: str) -> bool:
    """Could this be a person's name, a title or `Speaker 1`? Capitalised words, particles and numbers."""
    label = label.strip()
    if _DIARISATION.fullmatch(label):
        return True
    words = label.replace(",", " ").split()
    if not words or len(words) > 6 or len(label) > 50 or label.casefold().rstrip(".") in _PROSE_LEADS:
        return False
    if not _capital(words[0][0]):
        return False
    nicknames = 0
    for word in words[1:]:
        if len(word) > 2 and (word[0], word[-1]) in _QUOTES:  # a nickname: Kenneth "Ken" Atkinson
            word = word[1:-1]
            nicknames += 1
        if not (_capital(word[0]) or word.isdigit() or word.casefold() in _PARTICLES):
            return False
    quotes = sum(label.count(q) for q in _QUOTE_MARKS)
    return quotes == 2 * nicknames and all(ch.isalnum() or ch in " .,'’-" or ch in _QUOTE_MARKS for ch in label)


def display_name(label: str) -> str:
    """`MR. SMITH` -> `Mr. Smith`, `DOJ COMMISSIONER SMITH` -> `DOJ Commissioner Smith`, `SEN. MCCAIN` -> `Sen.
    McCain`, `HOUSE OF LORDS` -> `House of Lords`; a surname in capitals after a title (`Mr. BROWN of Ohio`, `La
    señora RUIZ`) is written as a name too. A name with its seat and party in brackets, as Hansard first writes a
    member (`Mr Tom Ellery (Northbridge) (Lab)`), is the name; one bracket after a name is kept as written
    (`Dr. Anja Weisgerber (CDU/CSU)`). Other mixed-case labels are kept as written."""
    label = _WS.sub(" ", label.strip().strip("*_").strip())
    seat_and_party = _SEAT_AND_PARTY.fullmatch(label)
    if seat_and_party:
        label = seat_and_party["name"]
    bracketed = _BRACKETED_AFTER.fullmatch(label)
    if bracketed and not label.isupper():  # `Dr. Anja Weisgerber (CDU/CSU)`: what is in brackets as written
        return display_name(bracketed["name"]) + bracketed["brackets"]
    spanish = SPANISH_TITLE.match(label)
    if spanish and label[spanish.end():]:  # `La señora VÁZQUEZ BLANCO` -> `La señora Vázquez Blanco`
        return label[:spanish.end()] + display_name(label[spanish.end():])
    if label.isupper() and len(label) > 2:
        return " ".join(w.lower() if i and w.lower() in _PARTICLES else _name_word(w)
                        for i, w in enumerate(label.split()))
    words = label.split()
    if len(words) > 1 and words[0].casefold().rstrip(".") in _SHOUTING_TITLES:
        return " ".join([words[0], *(_name_word(w) if w.isupper() else w for w in words[1:])])
    return label


def display_names(labels: Sequence[str]) -> list[str]:
    """`display_name` of each label, with a diarisation's numbered voices (`SPEAKER_00`, `spk_1`, `Speaker 0`)
    shown as "Speaker 1", "Speaker 2": counted from 1 as people count, so a file that numbers from 0 has every
    number moved up by one."""
    numbers = [diarised_number(label) for label in labels]
    shift = 1 if 0 in numbers else 0
    return [display_name(label) if n is None else f"Speaker {n + shift}" for label, n in zip(labels, numbers,
                                                                                          strict=True)]


def diarised_number(label: str) -> int | None:
    """The number of a diarisation's voice label (`SPEAKER_00` -> 0, `spk_1` -> 1, `Speaker 2` -> 2), else None."""
    m = _DIARISED.fullmatch(label.strip())
    return int(m[1]) if m else None


# The Spanish Cortes' Diario de Sesiones names who speaks so: `El señor PRESIDENTE`, `La señora MINISTRA DE
# HACIENDA (Montero Cuadrado)`.
SPANISH_TITLE = re.compile(r"[ \t]*(?:El|La) (?:señor|señora|Sr\.|Sra\.)[ \t]+(?=[^\W\d_])")
_BRACKETED_AFTER = re.compile(r"(?P<name>[^()]*[^()\s])(?P<brackets>(?:[ \t]*\([^()]+\))+)")
_SEAT_AND_PARTY = re.compile(r"(?P<name>[^()]*[^()\s])(?:[ \t]*\([^()]+\)){2}")
_DIARISED = re.compile(r"(?:speaker|spk|spkr)[ _-]?(\d{1,3})", re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.?")
_WORD_PARTS = re.compile(r"(\W*)(.*?)(\W*)")
_ROMAN = re.compile(r"(?=[IVX]{2,})X{0,3}(?:IX|IV|V?I{0,3})")
# The first word of a mixed-case label after which a word in capitals is a surname: `Mr. SMITH`, `The SPEAKER`.
_SHOUTING_TITLES = HONORIFICS | {"the", "madam"}


def _name_word(word: str) -> str:
    """One word of an ALL-CAPS label as a name writes it: titles and names capitalised, initials, acronyms (known
    ones, and those of two to four Latin letters without a vowel) and roman numerals kept."""
    if _INITIAL.fullmatch(word):
        return word
    m = _WORD_PARTS.fullmatch(word)
    assert m is not None  # the pattern matches any string
    lead, core, trail = m.groups()
    if not core:
        return word
    if core.casefold() in HONORIFICS:
        cased = core.capitalize()
    elif core in ACRONYMS or _ROMAN.fullmatch(core) or (
            2 <= len(core) <= 4 and core.isascii() and core.isalpha() and not set(core) & set("AEIOUY")):
        cased = core
    elif core.startswith("MC") and len(core) > 3 and core[2:].isalpha():
        cased = "Mc" + core[2:].capitalize()
    else:
        cased = "-".join(_name_part(part) for part in core.split("-"))
    return lead + cased + trail


def _name_part(part: str) -> str:
    """`O'MARA` -> `O'Mara` (one letter before the apostrophe), `JOHN'S` -> `John's`."""
    if len(part) > 2 and part[1] in "'’" and part[0].isalpha():
        return part[:2] + part[2:].capitalize()
    return part.capitalize()
