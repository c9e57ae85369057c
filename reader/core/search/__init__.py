"""Find text across the turns of a transcript: plain, whole word, regular expression, one speaker.

Matches are character offsets in `Turn.text`. Every turn's text is joined once into one string with an
offset table, so a search is a single compiled regular expression run in C, not a Python loop over
turns; a match becomes a (turn, start, end) only when someone looks at it. The index is built for one search,
or kept in a `SearchIndexes` by whoever searches the same transcript again. Both the text and the query
are folded the same way before matching (see `folding`), so ``don't`` finds ``don’t`` and ``etude``
finds ``étude``, with offsets unchanged.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from reader.core.model import Speaker, Transcript
from reader.core.search.folding import fold
from reader.core.search.index import Match, Matches, SearchIndex

__all__ = ["Context", "Match", "Matches", "SearchError", "SearchIndexes", "SearchQuery", "build_index", "context",
           "context_in", "contexts", "fold", "resolve_speaker", "search"]


class SearchError(ValueError):
    """A query that cannot run (an invalid regular expression, an unknown speaker); the message is for the user."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False
    speaker: str | None = None  # Speaker.key; None searches every speaker


class SearchIndexes:
    """The indexes of the transcript being searched, each built on first use: its whole text, and each
    speaker's turns searched alone. Owned by what searches one transcript again and again (the window, at
    every keystroke) and passed to `search`; a search without one builds the index it needs and drops it.

    Holds one transcript's indexes at a time, without keeping the transcript alive: asked about another,
    it forgets the first, and they go when their transcript does."""

    def __init__(self) -> None:
        self._transcript: weakref.ref[Transcript] | None = None
        self._indexes: dict[str | None, SearchIndex] = {}

    def index(self, transcript: Transcript, speaker: str | None = None) -> SearchIndex:
        """The index of a transcript's turns, or of one speaker's (a `Speaker.key`)."""
        if self._transcript is None or self._transcript() is not transcript:
            self._indexes = {}
            self._transcript = weakref.ref(transcript, self._forget)
        if speaker not in self._indexes:
            self._indexes[speaker] = build_index(transcript, speaker)
        return self._indexes[speaker]

    def __len__(self) -> int:
        """How many indexes are held."""
        return len(self._indexes)

    def _forget(self, gone: weakref.ref[Transcript]) -> None:
        if gone is self._transcript:
            self._transcript, self._indexes = None, {}


def build_index(transcript: Transcript, speaker: str | None = None) -> SearchIndex:
    """The index of a transcript's turns, or of one speaker's, built now."""
    turns = [t for t in transcript.turns if speaker is None or t.speaker == speaker]
    return SearchIndex([t.text for t in turns], [t.index for t in turns])


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_ESCAPE_OR_LETTER = re.compile(r"\\.|[^\W\d_]", re.DOTALL)
_CODE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\[xuUN0-7]")


def _lower_pattern(source: str) -> re.Pattern[str] | None:
    """A case-insensitive regular expression as a lower-case one for the lower-cased text: re.IGNORECASE
    gives up the engine's fast scan for a literal prefix and is several times slower on long text. Escapes
    (\\W, \\S, \\B) keep their case; None when the rewrite does not compile or holds inline flags."""
    if "(?" in source.replace("(?:", "").replace("(?<", "").replace("(?=", "").replace("(?!", ""):
        return None
    if _CODE_ESCAPE.search(source):  # \x50 is a "P" that lower-casing the pattern would not reach
        return None
    lowered = _ESCAPE_OR_LETTER.sub(lambda m: m[0] if m[0].startswith("\\") else m[0].lower(), source)
    try:
        return re.compile(lowered, re.MULTILINE)
    except (re.error, OverflowError, RecursionError):
        return None


class CompiledQuery(NamedTuple):
    pattern: re.Pattern[str]
    lower: bool  # runs on the lower-cased text
    width: int | None = None  # the length of every match, when fixed (not a regular expression)
    literal: str | None = None  # the plain string to count, when the pattern is just that


def compile_query(query: SearchQuery) -> CompiledQuery | None:
    """How to run a query; None for an empty one. Raises SearchError for an invalid expression."""
    text = fold(query.text).replace("\x00", "")
    if not text:
        return None
    if query.regex:
        source = rf"(?<!\w)(?:{text})(?!\w)" if query.whole_word else text
        try:
            pattern = re.compile(source, re.MULTILINE | (0 if query.case_sensitive else re.IGNORECASE))
        except re.error as exc:
            where = f" at position {exc.pos}" if exc.pos is not None else ""
            raise SearchError(f"invalid regular expression: {exc.msg}{where}") from exc
        except (OverflowError, RecursionError) as exc:
            raise SearchError("invalid regular expression: too large or too deeply nested") from exc
        if not query.case_sensitive:
            lowered = _lower_pattern(source)
            if lowered is not None:
                return CompiledQuery(lowered, True)
        return CompiledQuery(pattern, False)
    lower = not query.case_sensitive
    plain = text.lower() if lower else text
    literal = re.escape(plain)
    if not query.whole_word:
        return CompiledQuery(re.compile(literal), lower, len(text), plain)
    # The literal first and the boundary checks after it keep the regex engine's fast literal scan; a side
    # that ends in punctuation needs no boundary ("-based" finds "web-based").
    source = literal
    if _is_word(text[0]):
        source += rf"(?<!\w{literal})"
    if _is_word(text[-1]):
        source += r"(?!\w)"
    return CompiledQuery(re.compile(source), lower, len(text))


def search(transcript: Transcript, query: SearchQuery, indexes: SearchIndexes | None = None) -> Matches:
    """Every match of `query` in reading order, in the index `indexes` keeps (else one built for this search
    alone). An empty query finds nothing."""
    if query.speaker is not None and query.speaker not in transcript.speaker_by_key:
        raise SearchError(f"no speaker {query.speaker!r} in this transcript")
    compiled = compile_query(query)
    if compiled is None:
        return Matches(SearchIndex([], []), [], None, 0)
    index = indexes.index(transcript, query.speaker) if indexes is not None else build_index(transcript, query.speaker)
    return index.find(compiled.pattern, lower=compiled.lower, literal=compiled.literal, width=compiled.width)


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


def _is_one_line(text: str) -> bool:
    """Whether `text` holds no whitespace but single spaces (every other whitespace character is unprintable):
    checked in C, many times cheaper than a substitution that replaces each space with itself."""
    return text.isprintable() and "  " not in text


def _one_line(text: str) -> str:
    """`text` with every whitespace run as one space."""
    return text if _is_one_line(text) else _SPACES.sub(" ", text)


def context(transcript: Transcript, match: Match, width: int = 60) -> tuple[str, str, str]:
    """The hit with up to `width` characters either side, on one line, cut at word boundaries."""
    return context_in(transcript.turns[match.turn_index].text, match.start, match.end, width)


def context_in(text: str, start: int, end: int, width: int = 60, one_line: bool = False) -> tuple[str, str, str]:
    """`context` of the hit `text[start:end]`: the work is in the hit and `width` characters either side
    of it, never in the rest of the text. `one_line`: the caller knows `text` has nothing to collapse."""
    reach = width + 20  # a little more than needed, as whitespace collapses
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    before, hit, after = text[lo:start], text[start:end], text[end:hi]
    if not one_line:
        before, hit, after = _one_line(before), _one_line(hit), _one_line(after)
    before, after = before.lstrip(), after.rstrip()
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


class Context(NamedTuple):
    """A match and the words around it, on one line."""

    match: Match
    before: str
    hit: str
    after: str


def contexts(transcript: Transcript, matches: Iterable[Match], width: int = 60) -> Iterator[Context]:
    """Each match with its `context`, in the order given. A turn's text is joined from its paragraphs, and
    looked at for whitespace to collapse, once for all its matches (a 10 MB turn may hold two million)."""
    turn_index, text, one_line = -1, "", False
    for match in matches:
        if match.turn_index != turn_index:
            turn_index, text = match.turn_index, transcript.turns[match.turn_index].text
            one_line = _is_one_line(text)
        yield Context(match, *context_in(text, match.start, match.end, width, one_line))
