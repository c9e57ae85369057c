"""The text a search runs over, and the matches it finds, kept as cheaply as a long transcript needs.

`SearchIndex` joins the folded text of some turns into one string with a table of where each turn starts, so
a search is a regular expression run in C over one string, not a Python loop over turns.

`Matches` does not list every match up front. The text is cut into chunks of CHUNK_TURNS turns; a search
first only counts the matches in each chunk (a loop in C: `str.count`, or `findall` for whole words), and
finds a chunk's positions the first time something looks into it: the current match, the turns on screen, a
row of the result list. So "the" in a 50,000-turn interview (340,000 matches) is counted in a few tens of
milliseconds, and no Python code runs per match until the reader goes there. A regular expression, whose
matches must be checked against turn boundaries, is found in full at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple, overload

from reader.core.search.folding import fold_long

# Turns are joined around a character that cannot occur in decoded text, so a match that runs across it
# is easy to recognise and drop (a match belongs to one turn); the line ends let ^ and $ match at a
# turn's start and end as they do at a paragraph's.
SEPARATOR = "\n\x00\n"
CHUNK_TURNS = 512

Positions = tuple[list[int], list[int] | None]  # starts, and ends unless every match has the same width


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
            position += len(text) + len(SEPARATOR)
        self.starts = starts
        self.turn_indices = turn_indices
        self.text = fold_long(SEPARATOR.join(texts))
        self._lower: str | None = None

    @property
    def lower(self) -> str:
        """The text in lower case, for case-insensitive plain queries: a literal search in C is many times
        faster than one with re.IGNORECASE. Folding already removed the letters whose lower case is longer."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def turn_end(self, local: int) -> int:
        following = self.starts[local + 1] if local + 1 < len(self.starts) else len(self.text) + len(SEPARATOR)
        return following - len(SEPARATOR)

    def find(self, pattern: re.Pattern[str], *, lower: bool, literal: str | None = None,
             width: int | None = None) -> Matches:
        """The matches of `pattern`. With `width` (the length of every match: a literal, maybe with word
        boundaries) they are counted now and placed later; `literal` is the plain string, counted faster."""
        text = self.lower if lower else self.text
        if width is None or "\n" in (literal or pattern.pattern):
            return Matches(self, [0, len(text)], self._find_all(pattern, text), 0)
        bounds = [self.starts[i] for i in range(0, len(self.starts), CHUNK_TURNS)] + [len(text)]
        if literal is not None:
            counts = [text.count(literal, a, b) for a, b in pairwise(bounds)]
        else:
            counts = [len(pattern.findall(text, a, b)) for a, b in pairwise(bounds)]

        def place(a: int, b: int) -> Positions:
            return [m.start() for m in pattern.finditer(text, a, b)], None

        return Matches(self, bounds, None, width, counts, place)

    def _find_all(self, pattern: re.Pattern[str], text: str) -> Positions:
        """Every non-empty match that lies inside one turn."""
        starts, ends = [], []
        for m in pattern.finditer(text):
            a, b = m.span()
            if a != b and b <= self.turn_end(bisect_right(self.starts, a) - 1):
                starts.append(a)
                ends.append(b)
        return starts, ends


class Matches(Sequence[Match]):
    """The matches of one search, in reading order; positions found chunk by chunk as they are looked at."""

    def __init__(self, index: SearchIndex, bounds: list[int], found: Positions | None, width: int,
                 counts: list[int] | None = None, place: Callable[[int, int], Positions] | None = None) -> None:
        self._index = index
        self._bounds = bounds  # chunk c covers index.text[bounds[c]:bounds[c + 1]]
        self._width = width
        self._place = place
        self._chunks: dict[int, Positions] = {}
        if found is not None:
            self._chunks[0] = found
            counts = [len(found[0])]
        self._before = [0]  # matches before chunk c
        for count in counts or [0]:
            self._before.append(self._before[-1] + count)

    def __len__(self) -> int:
        return self._before[-1]

    def _chunk(self, c: int) -> Positions:
        chunk = self._chunks.get(c)
        if chunk is None:
            assert self._place is not None  # only a counted search has chunks still to place
            chunk = self._place(self._bounds[c], self._bounds[c + 1])
            self._chunks[c] = chunk
        return chunk

    def _match(self, start: int, end: int) -> Match:
        local = bisect_right(self._index.starts, start) - 1
        offset = self._index.starts[local]
        return Match(self._index.turn_indices[local], start - offset, end - offset)

    def _at(self, i: int) -> Match:
        c = bisect_right(self._before, i) - 1
        starts, ends = self._chunk(c)
        j = i - self._before[c]
        return self._match(starts[j], ends[j] if ends is not None else starts[j] + self._width)

    @overload
    def __getitem__(self, i: int) -> Match: ...
    @overload
    def __getitem__(self, i: slice) -> list[Match]: ...
    def __getitem__(self, i: int | slice) -> Match | list[Match]:
        if isinstance(i, slice):
            first, last, step = i.indices(len(self))
            if step == 1:
                return list(self._walk(first, last))
            return [self._at(j) for j in range(first, last, step)]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("match index out of range")
        return self._at(i)

    def __iter__(self) -> Iterator[Match]:
        return self._walk(0, len(self))

    def _walk(self, first: int, last: int) -> Iterator[Match]:
        """Matches `first` to `last - 1`: chunk by chunk, turns followed along instead of a bisect per match."""
        starts_of_turns, turn_indices = self._index.starts, self._index.turn_indices
        i = first
        while i < last:
            c = bisect_right(self._before, i) - 1
            starts, ends = self._chunk(c)
            j, stop = i - self._before[c], min(last, self._before[c + 1]) - self._before[c]
            local, following = -1, 0
            for k in range(j, stop):
                start = starts[k]
                if start >= following:
                    local = bisect_right(starts_of_turns, start) - 1
                    following = self._index.turn_end(local)
                offset = starts_of_turns[local]
                end = ends[k] if ends is not None else start + self._width
                yield Match(turn_indices[local], start - offset, end - offset)
            i += stop - j

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Matches {len(self)}: {self[:3]}{'...' if len(self) > 3 else ''}>"

    def position_at(self, turn_index: int, offset: int = 0) -> int:
        """The number of the first match at or after `offset` in turn `turn_index` (len(self) if none):
        where "next match" goes from the reading position."""
        index = self._index
        local = bisect_left(index.turn_indices, turn_index)
        if local >= len(index.starts):
            return len(self)
        at = index.starts[local] + (offset if index.turn_indices[local] == turn_index else 0)
        c = min(bisect_right(self._bounds, at) - 1, len(self._before) - 2)
        return self._before[c] + bisect_left(self._chunk(c)[0], at)

    def in_turns(self, first: int, last: int) -> list[Match]:
        """The matches in turns `first` to `last` inclusive: what a view needs to paint the turns it shows."""
        return self[self.position_at(max(0, first)):self.position_at(last + 1)]
