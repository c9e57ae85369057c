"""Find text across the turns of a transcript: plain, whole word, regular expression, one speaker.

Matches are character offsets in `Turn.text`. Every turn's text is joined once into one string with an
offset table, so a search is a single compiled regular expression run in C, not a Python loop over
turns; a match becomes a (turn, start, end) only when someone looks at it. Both the text and the query
are folded the same way before matching (see `folding`), so ``don't`` finds ``don’t`` and ``etude``
finds ``étude``, with offsets unchanged.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, overload

from reader.core.folding import fold, fold_long
from reader.core.model import Speaker, Transcript

# Turns are joined around a character that cannot occur in decoded text, so a match that runs across it
# is easy to recognise and drop (a match belongs to one turn); the line ends let ^ and $ match at a
# turn's start and end as they do at a paragraph's.
_SEPARATOR = "\n\x00\n"

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


class SearchIndex:
    """The folded text of some turns, joined, with where each starts. Built once per transcript (and
    once per speaker searched alone, so a speaker filter costs no more than a whole search)."""

    def __init__(self, texts: list[str], turn_indices: list[int]) -> None:
        starts: list[int] = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(_SEPARATOR)
        self.starts = starts
        self.turn_indices = turn_indices
        self.text = fold_long(_SEPARATOR.join(texts))
        self._lower: str | None = None

    @property
    def lower(self) -> str:
        """The text in lower case, for case-insensitive plain queries: a literal search in C is many times
        faster than one with re.IGNORECASE. Folding already removed the letters whose lower case is longer."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def find(self, pattern: re.Pattern[str], *, lower: bool, width: int | None) -> Matches:
        """Every non-empty match inside one turn; `width` is the length of every match when it is fixed."""
        text = self.lower if lower else self.text
        if width is not None:
            return Matches(self, [m.start() for m in pattern.finditer(text)], None, width)
        spans = [m.span() for m in pattern.finditer(text)]
        kept = [(a, b) for a, b in spans if a != b and "\x00" not in text[a:b]]
        return Matches(self, [a for a, _ in kept], [b for _, b in kept], 0)


class Matches(Sequence[Match]):
    """The matches of one search, in reading order. Positions are kept as plain integers into the index's
    text and turned into `Match` on access, so a search with 200,000 hits costs its regex scan, not
    200,000 objects nobody looks at."""

    def __init__(self, index: SearchIndex, starts: list[int], ends: list[int] | None, width: int) -> None:
        self._index = index
        self._starts = starts
        self._ends = ends
        self._width = width

    def __len__(self) -> int:
        return len(self._starts)

    def _match(self, i: int) -> Match:
        start = self._starts[i]
        end = self._ends[i] if self._ends is not None else start + self._width
        local = bisect_right(self._index.starts, start) - 1
        offset = self._index.starts[local]
        return Match(self._index.turn_indices[local], start - offset, end - offset)

    @overload
    def __getitem__(self, i: int) -> Match: ...
    @overload
    def __getitem__(self, i: slice) -> list[Match]: ...
    def __getitem__(self, i: int | slice) -> Match | list[Match]:
        if isinstance(i, slice):
            return [self._match(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("match index out of range")
        return self._match(i)

    def __iter__(self) -> Iterator[Match]:
        # Matches and turns are both in order: walk them together instead of a bisect per match.
        turn_starts, turn_indices = self._index.starts, self._index.turn_indices
        local, following = -1, 0
        ends = self._ends if self._ends is not None else (s + self._width for s in self._starts)
        for start, end in zip(self._starts, ends, strict=False):
            if start >= following:
                local = bisect_right(turn_starts, start) - 1
                following = turn_starts[local + 1] if local + 1 < len(turn_starts) else len(self._index.text) + 1
            offset = turn_starts[local]
            yield Match(turn_indices[local], start - offset, end - offset)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Matches {len(self)}: {list(self[:3])}{'...' if len(self) > 3 else ''}>"

    def _first_local_at(self, turn_index: int) -> int:
        """Where turn `turn_index` (or the first turn after it that this index holds) starts in the text."""
        local = bisect_left(self._index.turn_indices, turn_index)
        return self._index.starts[local] if local < len(self._index.starts) else len(self._index.text) + 1

    def position_at(self, turn_index: int, offset: int = 0) -> int:
        """The number of the first match at or after `offset` in turn `turn_index` (len(self) if none):
        where "next match" goes from the reading position."""
        local = bisect_left(self._index.turn_indices, turn_index)
        if local < len(self._index.turn_indices) and self._index.turn_indices[local] == turn_index:
            at = self._index.starts[local] + offset
        else:
            at = self._first_local_at(turn_index)
        return bisect_left(self._starts, at)

    def in_turns(self, first: int, last: int) -> list[Match]:
        """The matches in turns `first` to `last` inclusive: what a view needs to paint the turns it shows."""
        return self[self.position_at(first):self.position_at(last + 1)]


_INDEXES: dict[int, tuple[weakref.ref[Transcript], dict[str | None, SearchIndex]]] = {}


def index_for(transcript: Transcript, speaker: str | None = None) -> SearchIndex:
    """The cached index of a transcript, or of one speaker's turns (kept while the transcript lives)."""
    key = id(transcript)
    cached = _INDEXES.get(key)
    if cached is None or cached[0]() is not transcript:
        cached = (weakref.ref(transcript), {})
        _INDEXES[key] = cached
        weakref.finalize(transcript, _INDEXES.pop, key, None)
    indexes = cached[1]
    if speaker not in indexes:
        turns = [t for t in transcript.turns if speaker is None or t.speaker == speaker]
        indexes[speaker] = SearchIndex([t.text for t in turns], [t.index for t in turns])
    return indexes[speaker]


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


def compile_query(query: SearchQuery) -> tuple[re.Pattern[str], bool, int | None] | None:
    """The regular expression for a query, whether it runs on the lower-cased text, and the fixed length
    of its matches (None for a regular expression); None for an empty query. Raises SearchError."""
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
                return lowered, True, None
        return pattern, False, None
    lower = not query.case_sensitive
    literal = re.escape(text.lower() if lower else text)
    source = literal
    if query.whole_word:
        # The literal first and the boundary checks after it keep the regex engine's fast literal scan; a
        # side that ends in punctuation needs no boundary ("-based" finds "web-based").
        if _is_word(text[0]):
            source += rf"(?<!\w{literal})"
        if _is_word(text[-1]):
            source += r"(?!\w)"
    return re.compile(source), lower, len(text)


def search(transcript: Transcript, query: SearchQuery) -> Matches:
    """Every match of `query` in reading order. An empty query finds nothing."""
    if query.speaker is not None and query.speaker not in transcript.speaker_by_key:
        raise SearchError(f"no speaker {query.speaker!r} in this transcript")
    compiled = compile_query(query)
    if compiled is None:
        return Matches(SearchIndex([], []), [], None, 0)
    pattern, lower, width = compiled
    return index_for(transcript, query.speaker).find(pattern, lower=lower, width=width)


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
