"""The reading text of a transcript in the form an annotation's quote is found again in (`anchoring`), with the
way back to turn offsets.

Folding lower-cases, makes typographic quotes and dashes plain and collapses whitespace runs to one space, so
a quote matches across re-wrapping, re-paragraphing and re-export to another layout. (The search folds in its
own way, `reader.core.search.folding`: one character for one, accents too.)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from reader.core.model import Transcript
from reader.core.notes.annotations import TURN_SEPARATOR

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")
_RUN = re.compile(" {2,}")
WORDS = re.compile(r"\w+")
# Every whitespace character becomes a plain space (one for one), so only runs of them change the length.
_FOLD_AND_SPACE = {**_FOLD, **{i: " " for i in range(0x3001) if chr(i).isspace()}}  # what \s matches


def fold(text: str) -> str:
    """Compare form: whitespace runs as one space, lower case, typographic quotes and dashes plain."""
    return _SPACE.sub(" ", _lower(text.translate(_FOLD))).strip()


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # keep one char per char


@dataclass(frozen=True)
class FoldedText:
    """The reading text in compare form, with the map back to (turn index, offset in Turn.text).

    Folding is one character for one character except where a run of whitespace shrinks to one space, so the
    map only records those runs: memory and time grow with the number of paragraphs, not of characters.
    """

    text: str
    run_starts: list[int]  # reading offset where each collapsed whitespace run starts
    run_ends: list[int]
    folded_runs: list[int]  # folded offset of the single space each run became
    removed: list[int]  # characters removed by this run and all before it
    turn_starts: list[int]  # offset of each turn in the reading text
    turn_ends: list[int]

    @classmethod
    def of(cls, transcript: Transcript) -> FoldedText:
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for turn in transcript.turns:
            starts.append(pos)
            pos += len(turn.text)
            ends.append(pos)
            pos += len(TURN_SEPARATOR)
        reading = TURN_SEPARATOR.join(t.text for t in transcript.turns)
        spaced = _lower(reading.translate(_FOLD_AND_SPACE))
        out: list[str] = []
        run_starts: list[int] = []
        run_ends: list[int] = []
        folded_runs: list[int] = []
        removed: list[int] = []
        last = gone = 0
        for m in _RUN.finditer(spaced):
            out.append(spaced[last:m.start() + 1])
            run_starts.append(m.start())
            run_ends.append(m.end())
            folded_runs.append(m.start() - gone)
            gone += m.end() - m.start() - 1
            removed.append(gone)
            last = m.end()
        out.append(spaced[last:])
        return cls("".join(out), run_starts, run_ends, folded_runs, removed, starts, ends)

    def reading_offset(self, folded: int) -> int:
        k = bisect_right(self.folded_runs, folded) - 1
        if k < 0:
            return folded
        if folded == self.folded_runs[k]:
            return self.run_starts[k]
        return folded + self.removed[k]

    def folded_offset(self, reading: int) -> int:
        k = bisect_right(self.run_starts, reading) - 1
        if k < 0:
            return reading
        if reading < self.run_ends[k]:
            return self.folded_runs[k]
        return reading - self.removed[k]

    def locate(self, fstart: int, fend: int) -> tuple[int, int, int] | None:
        """(turn index, start, end in Turn.text) of folded span, None when it crosses a turn boundary."""
        if fend <= fstart:
            return None
        rstart = self.reading_offset(fstart)
        rend = self.reading_offset(fend - 1) + 1
        turn = bisect_right(self.turn_starts, rstart) - 1
        if turn < 0 or rend > self.turn_ends[turn]:
            return None
        return turn, rstart - self.turn_starts[turn], rend - self.turn_starts[turn]

    def locate_span(self, fstart: int, fend: int) -> tuple[int, int, int, int] | None:
        """(first turn, start in its text, last turn, end in its text) of a folded span, which may run over
        several turns; None when it starts or ends between two turns."""
        if fend <= fstart:
            return None
        rstart = self.reading_offset(fstart)
        rend = self.reading_offset(fend - 1) + 1
        first = bisect_right(self.turn_starts, rstart) - 1
        last = bisect_right(self.turn_starts, rend - 1) - 1
        if first < 0 or rstart >= self.turn_ends[first] or rend > self.turn_ends[last]:
            return None
        return first, rstart - self.turn_starts[first], last, rend - self.turn_starts[last]

    def folded_turn(self, turn: int) -> tuple[int, int]:
        """The folded span of one turn."""
        return self.turn_spans[turn]

    @cached_property
    def turn_spans(self) -> list[tuple[int, int]]:
        return [(self.folded_offset(start), self.folded_offset(end))
                for start, end in zip(self.turn_starts, self.turn_ends, strict=True)]

    @cached_property
    def word_turns(self) -> dict[str, list[int]]:
        """Each word and the turns it occurs in: built once, when a first quote needs the fuzzy search."""
        index: dict[str, list[int]] = {}
        for turn, (lo, hi) in enumerate(self.turn_spans):
            for word in set(WORDS.findall(self.text, lo, hi)):
                index.setdefault(word, []).append(turn)
        return index
