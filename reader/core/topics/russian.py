"""Russian words by their grammar, for labels: which forms are never nouns, and a label put in the nominative.

Russian inflects its nouns and adjectives for case, so the words a topic says most are often in the case the
sentence needed ("на Куршской косе", "с нашим кольцом", "звёздам"), and a label made of them reads as a torn-off
phrase. The analyser is pymorphy3 over the OpenCorpora dictionary (for a form it does not know it guesses from
the ending, as a reader does): it tells a verb, a modifier or a function word from a noun, and gives each
word of a label's subjects the nominative that agrees with its noun ("Куршская коса", "Звёзды").

A form that can be a noun at all is never called anything else: "стали" is steel's as well as "became".
The analyser is loaded on first use (about 0.15 s, in the topics job, for a Russian transcript only).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

VERB = frozenset({"VERB", "INFN", "GRND"})
MODIFIER = frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS", "ADVB"})
FUNCTION = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "NUMR", "INTJ", "PRED"})
_QUALIFYING = frozenset({"ADJF", "PRTF"})  # what stands before its noun and agrees with it

_lock = threading.Lock()
_analyzer: MorphAnalyzer | None = None


def _morph() -> MorphAnalyzer:
    global _analyzer
    with _lock:
        if _analyzer is None:
            from pymorphy3 import MorphAnalyzer

            _analyzer = MorphAnalyzer()
        return _analyzer


@lru_cache(maxsize=4096)  # (the readings weigh a kilobyte or so a word: each word's class is kept instead)
def _parses(word: str) -> tuple[Parse, ...]:
    """The word's readings, likeliest first."""
    return tuple(_morph().parse(word.lower()))


def _cyrillic(word: str) -> bool:
    return bool(word) and all("а" <= c <= "я" or c in "ё-" for c in word.lower())


@lru_cache(maxsize=100_000)
def _word_class(word: str) -> str:
    """"verb", "adverb", "modifier", "function" or "" (a noun, a name, anything else): by the likeliest
    reading, and "" for a form that any reading makes a noun."""
    if not _cyrillic(word):
        return ""
    parses = _parses(word)
    if not parses or any(p.tag.POS == "NOUN" for p in parses):
        return ""
    top = parses[0].tag
    if top.POS in VERB:
        return "verb"
    if top.POS in FUNCTION or "Apro" in top:
        return "function"
    if top.POS in MODIFIER:
        return "adverb" if top.POS == "ADVB" else "modifier"
    return ""


def verb(word: str) -> bool:
    """A verb, an infinitive or a gerund ("зимовала", "обещали", "делая")."""
    return _word_class(word) == "verb"


def modifier(word: str) -> bool:
    """An adjective, a participle or an adverb ("магнитное", "недовольны", "послушно"): it qualifies a noun."""
    return _word_class(word) in ("modifier", "adverb")


def adverb(word: str) -> bool:
    """An adverb ("частично", "послушно"): it names nothing."""
    return _word_class(word) == "adverb"


def function_word(word: str) -> bool:
    """A pronoun, possessive or demonstrative ("нашим", "этой", "свои"), a numeral, a preposition or a particle."""
    return _word_class(word) == "function"


def _agrees(adjective: Parse, noun: Parse) -> bool:
    a, n = adjective.tag, noun.tag
    return a.case == n.case and a.number == n.number and (n.number == "plur" or a.gender in (None, n.gender))


def _shown(said: str, word: str) -> str:
    return word[:1].upper() + word[1:] if said[:1].isupper() else word


def nominative(subject: str) -> str:
    """A subject (its qualifiers, its noun, the words depending on it) with the qualifiers and the noun in the
    nominative, in the noun's number: "Куршской косе" -> "Куршская коса", "звёздам" -> "Звёзды"; "сроки
    миграции" stays. Anything else, or a word the analyser cannot inflect, is left as it was."""
    words = subject.split(" ")
    head = next((k for k, w in enumerate(words) if _cyrillic(w) and any(p.tag.POS == "NOUN" for p in _parses(w))),
                None)
    if head is None:
        return subject
    before = [[p for p in _parses(w) if p.tag.POS in _QUALIFYING] for w in words[:head]]
    if not all(before) or not all(map(_cyrillic, words[:head])):
        return subject  # not qualifiers before their noun: a phrase of another shape, left as said
    nouns = [p for p in _parses(words[head]) if p.tag.POS == "NOUN"]
    agreeing = [n for n in nouns if all(any(_agrees(a, n) for a in options) for options in before)]
    noun = (agreeing or nouns)[0]
    if noun.tag.case == "nomn":
        return subject
    number = noun.tag.number or "sing"
    target = noun.inflect({"nomn", number})
    if target is None:
        return subject
    shown = [_shown(words[head], target.word)]
    for said, options in zip(words[:head], before, strict=True):
        adjective = next((a for a in options if _agrees(a, noun)), options[0])
        wanted = {"nomn", number} | ({target.tag.gender} if number == "sing" and target.tag.gender else set())
        inflected = adjective.inflect(wanted)
        if inflected is None:
            return subject
        shown.insert(len(shown) - 1, _shown(said, inflected.word))
    return " ".join([*shown, *words[head + 1:]])


def nominative_label(label: str, conjunction: str = "и") -> str:
    """Each subject of a label ("X и Y", "X: Y") in the nominative."""
    shown = ": ".join(f" {conjunction} ".join(map(nominative, side.split(f" {conjunction} ")))
                      for side in label.split(": "))
    return shown[:1].upper() + shown[1:]
