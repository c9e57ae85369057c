"""From turns to terms: tokens, a light stemmer, names and acronyms, and how each term is best written.

A term is the key two words share when they mean the same thing for topic purposes: "meetings" and
"meeting" are `meet`, "Syrian" and "Syria" are `syria`, an acronym keeps its capitals (`CIA`, `G20`, `US`).
Stopwords, fillers and titles never become terms. Tokenising is the costly step on a 20k-turn transcript,
so each turn is tokenised once by one compiled pattern and its tokens mapped to terms through a dict (in C:
a miss computes the term once per distinct form). Each turn keeps its sequence of terms, so any span's counts are
one C-level count over the span's sequences.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from reader.core.model import Transcript
from reader.core.topics.stopwords import CALENDAR, FILLER, FOREIGN, NEVER_TOPIC

# A word: letters and digits, with inner apostrophes, hyphens and dots ("don't", "al-Nusra", "U.S").
WORD = re.compile(r"\w+(?:['’.-]\w+)*")  # the simplest pattern is the fastest, and tokenising is the hot path
_NAME_SHARE = 0.7  # a word written with a capital this often is a name ("Syria", "Hamburg"), not a sentence start
_KEEP_CAPS = frozenset({"I"})
# Three or more words in capitals in a row, in a turn otherwise written in mixed case: a printed heading or a
# note ("STATEMENT OF HON. JAMES McALLISTER, U.S. SENATOR FROM MONTANA", "[GRAPHIC NOT AVAILABLE IN TIFF
# FORMAT]"), whose words are neither acronyms nor what the talk is about.
_SHOUTED = re.compile(r"(?=[A-Z])(?:\b[A-Z][A-Z'’&.-]*(?![\w'’])[ \t,;:]*){3,}")
_SHOUTING = re.compile(r"[A-Z][A-Z'’&.-]*[ \t,;:]+[A-Z][A-Z'’&.-]*[ \t,;:]+[A-Z][A-Z'’&.-]*(?![\w'’])")  # a quick look
# The word opening a sentence (or a turn, or a quotation): its capital tells no name.
# (The turn's first word is added apart: a pattern that also matches at ^ is twice as slow.)
_SENTENCE_INITIAL = re.compile(r"[.!?…:;«\"“(\n]\s*([^\W\d_][\w'’.-]*)")
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)'(?=\w)")


def shown_form(token: str) -> str:
    """A token as a label shows it: typographic apostrophes plain, without a possessive or a French elision
    ("Russia's" -> "Russia", "l'école" -> "école")."""
    clean = token.replace("’", "'")
    if clean.endswith(("'s", "'S")):
        clean = clean[:-2]
    return _ELISION.sub("", clean)


# Russian ordinals ("девятнадцатого", "третий", "двадцатая"): a date or a rank, never a subject.
_RUSSIAN_ORDINAL = re.compile(r"^(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|\w+надцат|двадцат|"
                              r"тридцат|сороков|сот)(?:ый|ий|ого|его|ому|ему|ом|ем|ая|ья|ой|ей|ую|ью|ое|ье|ые|ьи|ых|"
                              r"ьих|ым|ими|ыми)$")


def _counting(low: str) -> bool:
    """A number or month written in words, "dix-huit" and "twenty-three" too: never a term."""
    if low in CALENDAR or _RUSSIAN_ORDINAL.match(low):
        return True
    if "-" not in low:
        return False
    parts = low.split("-")
    # "dix-huit", "twenty-three"; and a verb with its pronoun: "serez-vous", "gère-t-elle", "arrivent-ils"
    return all(part in CALENDAR for part in parts) or parts[-1] in FOREIGN


# Russian case and number endings, longest first: "бюджету", "бюджета" and "бюджет" are one term, as are
# "трамвай", "трамвая" and "трамваи". A light stemmer, for topic purposes only.
_RUSSIAN_ENDINGS = ("иями", "ями", "ами", "ией", "иях", "ого", "его", "ому", "ему", "ях", "ах", "ов", "ев", "ей", "ий",
                    "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ом", "ем", "ам", "ям",
                    "ию", "ью", "ия", "ья", "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й")


def _fold(word: str) -> str:
    """A word without its accents ("présentación" and "presentaciones" meet), ё as е."""
    return "".join(c for c in unicodedata.normalize("NFD", word.replace("ё", "е"))
                   if not unicodedata.combining(c))


def _stem_russian(word: str) -> str:
    for ending in _RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    # "трамвай" -> "трамва" meets "трамвая" -> "трамв": a vowel left at the end goes too.
    return word[:-1] if word[-1] in "аяыиуюеоьй" and len(word) > 3 else word


def stem(word: str) -> str:
    """Fold the common English inflections of a lowercase word (and accents, and Russian endings, in the other
    languages); the result is a key, not a word to show."""
    if not word.isascii():
        word = _fold(word)
        if "а" <= word[0] <= "я":
            return _stem_russian(word)
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and any(c in "aeiouy" for c in base):
            word = base
            if word[-1] == word[-2] and word[-1] not in "lsz":  # planned -> plan, but called -> call
                word = word[:-1]
            break
    if word.endswith("ly") and len(word) > 5:
        word = word[:-2]
    if word.endswith("e") and len(word) > 3:  # make/making, base/bases meet at mak, bas
        word = word[:-1]
    return word


def term_of(token: str) -> str | None:
    """The term a raw token counts towards, or None for stopwords, fillers, titles and numbers."""
    token = token.replace("’", "'")
    if token.endswith(("'s", "'S")):
        token = token[:-2]
    token = _ELISION.sub("", token.strip("'")).replace(".", "")  # French l'hiver, d'éoliennes, qu'il
    if not token or token.isdigit():
        return None
    if len(token) >= 2 and token not in _KEEP_CAPS and (token.isupper() or (token[0].isupper()
                                                                             and any(c.isdigit() for c in token))):
        return None if token.lower() in FILLER else token.upper()
    low = token.lower()
    if low in NEVER_TOPIC or len(low) < 3 or any(c.isdigit() for c in low) or _counting(low):
        return None
    if token[0].isupper() and low.endswith(("ian", "ean")) and len(low) > 5:
        low = low[:-1]  # Syrian -> syria, Korean -> korea: the people and the place are one topic
    return stem(low)


class _TermCache(dict[str, str | None]):
    """token -> term, filled on first sight: `map(cache.__getitem__, tokens)` runs in C for known forms."""

    def __missing__(self, token: str) -> str | None:
        if len(self) > _CACHE_LIMIT:  # a bound, for a process that opens many long transcripts
            self.clear()
        term = self[token] = term_of(token)
        return term


_CACHE_LIMIT = 300_000
_TERMS = _TermCache()


term_lookup = _TERMS.__getitem__  # term_of through the cache: mapped over tokens, it runs in C for known forms


@dataclass(frozen=True, slots=True)
class TermTable:
    """Per-turn terms of a transcript, with each term's display form and whether it is a name."""

    turn_sequences: tuple[tuple[str, ...], ...]  # each turn's terms in order, with repeats
    turn_words: tuple[int, ...]
    display: dict[str, str]  # term -> its most frequent written form
    names: frozenset[str]  # terms mostly written with a capital, and acronyms
    totals: dict[str, int]  # term -> uses in the whole transcript
    # Counts already made: segmenting, grouping and labelling both levels ask for the same spans. Read only.
    _counted: dict[tuple[int, int], Counter[str]] = field(default_factory=dict, compare=False, repr=False)
    extra: dict[str, object] = field(default_factory=dict, compare=False, repr=False)  # what labelling keeps

    def span_counts(self, first: int, last: int) -> Counter[str]:
        """Term counts of turns first..last (inclusive), counted in C once per span; never change the result."""
        found = self._counted.get((first, last))
        if found is None:
            if len(self._counted) > 512:  # the reader's edits ask for new spans; old ones are rarely asked again
                self._counted.clear()
            found = self._counted[(first, last)] = Counter(chain.from_iterable(self.turn_sequences[first:last + 1]))
        return found

    def is_name(self, term: str) -> bool:
        return term in self.names


class TermTables:
    """The term tables of the last few transcripts whose topics were found, kept by whoever finds them again
    (the window: the reader's every edit relabels the topics, and tokenising a long interview again each
    time would be wasted). A table does not keep its transcript alive. Safe to share between threads: the
    window finds topics off the GUI thread."""

    KEEP = 3

    def __init__(self) -> None:
        self._recent: list[tuple[weakref.ref[Transcript], TermTable]] = []
        self._lock = threading.Lock()

    def get(self, transcript: Transcript) -> TermTable:
        """The table of a transcript: the one kept, else built now and kept."""
        with self._lock:
            for ref, table in self._recent:
                if ref() is transcript:
                    return table
        return self.keep(transcript, build_terms(transcript))

    def keep(self, transcript: Transcript, table: TermTable) -> TermTable:
        """Keep a table just built (the newest first; the oldest beyond KEEP go)."""
        with self._lock:
            self._recent = [(weakref.ref(transcript), table),
                            *((r, t) for r, t in self._recent if r() is not None and r() is not transcript)]
            del self._recent[self.KEEP:]
        return table


def build_terms(transcript: Transcript) -> TermTable:
    sequences: list[tuple[str, ...]] = []
    words: list[int] = []
    forms: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    count_forms = forms.update  # a list is counted in C; each turn's tokens are freed once counted
    count_initial = initial.update
    lookup = term_lookup
    findall = WORD.findall
    starts = _SENTENCE_INITIAL.findall
    for turn in transcript.turns:
        text = turn.text
        if text.isupper():  # an all-capitals transcript: capitals say nothing about names
            text = text.lower()
        tokens = findall(text)
        words.append(len(tokens))
        if _SHOUTING.search(text):
            text = _SHOUTED.sub(" ", text)
            tokens = findall(text)
        count_forms(tokens)
        count_initial(starts(text))
        if tokens:
            initial[tokens[0]] += 1
        # C loops end to end (findall, map over a dict, filter): this is the hot path on long transcripts.
        sequences.append(tuple(filter(None, map(lookup, tokens))))  # type: ignore[arg-type]  # None filtered
    display, names, totals = _display_forms(forms, initial)
    return TermTable(tuple(sequences), tuple(words), display, names, totals)


def _display_forms(forms: Counter[str], initial: Counter[str]) -> tuple[dict[str, str], frozenset[str],
                                                                        dict[str, int]]:
    """Each term's shown form, the names, and each term's count. A name is written with a capital inside a
    sentence, not only at its start: "Talks" and "Новую" opening sentences are no names."""
    best: dict[str, tuple[int, str]] = {}
    capital: Counter[str] = Counter()
    inside: Counter[str] = Counter()  # capitalised uses not at a sentence start
    total: Counter[str] = Counter()
    for token, n in forms.items():
        term = _TERMS[token]
        if term is None:
            continue
        total[term] += n
        if token[0].isupper():
            capital[term] += n
            inside[term] += n - initial.get(token, 0)
        clean = shown_form(token)
        if n > best.get(term, (0, ""))[0]:
            best[term] = (n, clean)
    names = frozenset(t for t in total if t.isupper() or (capital[t] >= _NAME_SHARE * total[t] and inside[t] > 0))
    display = {}
    for term, (_, form) in best.items():
        # A common word seen mostly at the start of sentences is shown in lowercase.
        display[term] = form if term in names or any(c.isupper() for c in form[1:]) else form.lower()
    return display, names, dict(total)
