"""Find text across the turns of a transcript: plain, whole word, regular expression, one speaker.

Matches are character offsets in `Turn.text`. Every turn's text is joined once into one string with an
offset table, so a search is a single compiled regular expression run in C plus a bisect per match, not
a Python loop over turns. Both the text and the query are folded the same way before matching, with
one character in for one character out so offsets survive: typographic quotes become ASCII quotes
(``don't`` finds ``don’t``) and accented letters their base letter (``etude`` finds ``étude``).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from reader.core.model import Speaker, Transcript

# Turns are joined around a character that cannot occur in decoded text, so a match that runs across it
# is easy to recognise and drop (a match belongs to one turn); the line ends let ^ and $ match at a
# turn's start and end as they do at a paragraph's.
_SEPARATOR = "\n\x00\n"

_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-",
    "\u00a0": " ",
}


class SearchError(ValueError):
    """A query that cannot run (an invalid regular expression, an unknown speaker); the message is for the user."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False
    speaker: str | None = None  # Speaker.key; None searches every speaker


class Match(NamedTuple):
    """One hit: `Turn.text[start:end]` of turn `turn_index`."""

    turn_index: int
    start: int
    end: int


def _fold_char(ch: str) -> str:
    if ch in _QUOTES:
        return _QUOTES[ch]
    if ch.isascii():
        return ch
    base = unicodedata.normalize("NFD", ch)
    # Only a letter plus combining marks folds (é -> e); anything else would change the length.
    if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]):
        return base[0]
    return ch


_FOLD_TABLE: dict[int, str] = {}


def fold(text: str) -> str:
    """`text` with quotes and accents folded; always the same length as `text`."""
    missing = {ch for ch in set(text) if ord(ch) not in _FOLD_TABLE}
    for ch in missing:
        _FOLD_TABLE[ord(ch)] = _fold_char(ch)
    return text.translate(_FOLD_TABLE)


class SearchIndex:
    """The folded text of every turn, joined, with where each turn starts. Built once per transcript."""

    def __init__(self, transcript: Transcript) -> None:
        texts = [turn.text for turn in transcript.turns]
        starts: list[int] = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(_SEPARATOR)
        self.starts = starts
        self.text = fold(_SEPARATOR.join(texts))
        self.speakers = [turn.speaker for turn in transcript.turns]

    def find(self, pattern: re.Pattern[str], speaker: str | None = None) -> list[Match]:
        starts = self.starts
        matches: list[Match] = []
        append = matches.append
        text = self.text
        for m in pattern.finditer(text):
            start, end = m.span()
            if start == end or "\x00" in text[start:end]:
                continue
            turn = bisect_right(starts, start) - 1
            if speaker is not None and self.speakers[turn] != speaker:
                continue
            offset = starts[turn]
            append(Match(turn, start - offset, end - offset))
        return matches


_INDEXES: dict[int, tuple[weakref.ref[Transcript], SearchIndex]] = {}


def index_for(transcript: Transcript) -> SearchIndex:
    """The cached index of a transcript (kept while the transcript lives)."""
    key = id(transcript)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0]() is transcript:
        return cached[1]
    index = SearchIndex(transcript)
    _INDEXES[key] = (weakref.ref(transcript, lambda _ref, key=key: _INDEXES.pop(key, None)), index)
    return index


def compile_query(query: SearchQuery) -> re.Pattern[str] | None:
    """The regular expression for a query, or None for an empty one. Raises SearchError."""
    if not query.text:
        return None
    source = fold(query.text) if query.regex else re.escape(fold(query.text))
    if query.whole_word:
        # Lookarounds rather than \b, so a query that starts or ends with punctuation still works.
        source = rf"(?<!\w)(?:{source})(?!\w)"
    flags = re.MULTILINE | (0 if query.case_sensitive else re.IGNORECASE)
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise SearchError(f"invalid regular expression: {exc.msg}"
                          + (f" at position {exc.pos}" if exc.pos is not None else "")) from exc
    except (OverflowError, RecursionError) as exc:
        raise SearchError("invalid regular expression: too large or too deeply nested") from exc


def search(transcript: Transcript, query: SearchQuery) -> list[Match]:
    """Every match of `query` in reading order. An empty query finds nothing."""
    pattern = compile_query(query)
    if pattern is None:
        return []
    if query.speaker is not None and query.speaker not in transcript.speaker_by_key:
        raise SearchError(f"no speaker {query.speaker!r} in this transcript")
    return index_for(transcript).find(pattern, query.speaker)


def resolve_speaker(transcript: Transcript, name: str, display_names: dict[str, str] | None = None) -> str:
    """The key of the speaker the user means by `name`: a key, label or display name, in any case, or
    a part of one that fits a single speaker (``lavrov`` for ``Sergey Lavrov``)."""
    wanted = fold(name).casefold().strip()
    names = display_names or {}

    def candidates(speaker: Speaker) -> list[str]:
        given = (speaker.key, speaker.label, speaker.name, names.get(speaker.key, ""))
        return [fold(c).casefold().strip() for c in given if c]

    for speaker in transcript.speakers:
        if wanted in candidates(speaker):
            return speaker.key
    partial = [s for s in transcript.speakers if wanted and any(wanted in c for c in candidates(s))]
    if len(partial) == 1:
        return partial[0].key
    known = ", ".join(names.get(s.key) or s.name for s in (partial or transcript.speakers))
    if partial:
        raise SearchError(f"{name!r} could be any of: {known}")
    raise SearchError(f"no speaker {name!r} in this transcript; speakers: {known}")


_SPACES = re.compile(r"\s+")


def context(transcript: Transcript, match: Match, width: int = 60) -> tuple[str, str, str]:
    """The hit with up to `width` characters either side, on one line, cut at word boundaries."""
    text = transcript.turns[match.turn_index].text
    reach = width + 20  # a little more than needed, as whitespace collapses
    lo, hi = max(0, match.start - reach), min(len(text), match.end + reach)
    before = _SPACES.sub(" ", text[lo:match.start]).lstrip()
    hit = _SPACES.sub(" ", text[match.start:match.end])
    after = _SPACES.sub(" ", text[match.end:hi]).rstrip()
    if lo > 0 or len(before) > width:
        before = before[-width:]
        cut = before.find(" ")
        if 0 <= cut < width // 3:
            before = before[cut + 1:]
        before = "…" + before
    if hi < len(text) or len(after) > width:
        after = after[:width]
        cut = after.rfind(" ")
        if cut > width * 2 // 3:
            after = after[:cut]
        after += "…"
    return before, hit, after
