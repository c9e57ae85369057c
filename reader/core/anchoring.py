"""Re-attach annotations to a transcript that changed since they were made.

Three steps, strictest first, and an annotation stops at the first that places it:

1. **Same place**: the anchor's turn id is in the transcript and the quoted words are still at its offsets.
2. **Same words**: the quote occurs elsewhere (text compared with whitespace collapsed, case and typographic
   quotes folded, so re-wrapping, re-paragraphing and re-exporting to another layout do not matter). One
   occurrence that agrees with the stored context, or several of which one agrees clearly better: placed.
3. **Nearly the same words**: a fuzzy match (rapidfuzz) inside one turn, accepted only above a strict score
   and only when no other place scores close to it.

Anything else is kept, marked ``detached`` with its stored quote, and shown as such: never dropped, and
never attached to words that merely look alike.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from reader.core.annotations import (
    TURN_SEPARATOR,
    Anchor,
    Annotation,
    Scope,
    context_after,
    context_before,
)
from reader.core.model import Transcript

FUZZY_MIN_SCORE = 90.0  # partial_ratio of the quote within a turn, 0-100
FUZZY_MIN_CHARS = 24  # shorter quotes are too easily found "nearly" in unrelated words
FUZZY_MARGIN = 6.0  # the runner-up must score this much lower for the match to count as unambiguous
TURN_MIN_SCORE = 85.0  # whole-turn bookmarks: ratio of the old turn's text to the new one
CONTEXT_MIN_AGREEMENT = 0.5  # a short quote found once must also agree this much with its context
SHORT_QUOTE = 20  # quotes shorter than this (folded characters) need context to be trusted

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Compare form: whitespace runs as one space, lower case, typographic quotes and dashes plain."""
    return _SPACE.sub(" ", _lower(text.translate(_FOLD))).strip()


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # keep one char per char


@dataclass(frozen=True)
class _FoldedText:
    """The reading text in compare form, with a map back to (turn index, offset in Turn.text)."""

    text: str
    origin: array  # origin[i]: offset in the reading text of folded character i
    turn_starts: list[int]  # offset of each turn in the reading text
    turn_ends: list[int]

    @classmethod
    def of(cls, transcript: Transcript) -> _FoldedText:
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for turn in transcript.turns:
            starts.append(pos)
            pos += len(turn.text)
            ends.append(pos)
            pos += len(TURN_SEPARATOR)
        reading = TURN_SEPARATOR.join(t.text for t in transcript.turns)
        lowered = _lower(reading.translate(_FOLD))
        out: list[str] = []
        origin = array("l")
        last = 0
        for m in _SPACE.finditer(lowered):
            out.append(lowered[last:m.start()])
            origin.extend(range(last, m.start()))
            out.append(" ")
            origin.append(m.start())
            last = m.end()
        out.append(lowered[last:])
        origin.extend(range(last, len(lowered)))
        return cls("".join(out), origin, starts, ends)

    def locate(self, fstart: int, fend: int) -> tuple[int, int, int] | None:
        """(turn index, start, end in Turn.text) of folded span, None when it crosses a turn boundary."""
        if fend <= fstart:
            return None
        rstart = self.origin[fstart]
        rend = self.origin[fend - 1] + 1
        turn = bisect_right(self.turn_starts, rstart) - 1
        if turn < 0 or rend > self.turn_ends[turn]:
            return None
        return turn, rstart - self.turn_starts[turn], rend - self.turn_starts[turn]

    def folded_turn(self, turn: int) -> tuple[int, int]:
        """The folded span of one turn."""
        lo = _first_at_or_after(self.origin, self.turn_starts[turn])
        hi = _first_at_or_after(self.origin, self.turn_ends[turn])
        return lo, hi


def _first_at_or_after(origin: array, value: int) -> int:
    lo, hi = 0, len(origin)
    while lo < hi:
        mid = (lo + hi) // 2
        if origin[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


def reattach(transcript: Transcript, annotations: Iterable[Annotation]) -> list[Annotation]:
    """Every annotation, placed in `transcript` where its words are, or marked detached. Order is kept.

    The modification time is left alone: moving an anchor is not a user's edit and must not win a merge.
    """
    folded: _FoldedText | None = None
    result: list[Annotation] = []
    for annotation in annotations:
        if _in_place(transcript, annotation.anchor):
            result.append(annotation if not annotation.detached else replace(annotation, detached=False))
            continue
        if folded is None:
            folded = _FoldedText.of(transcript)
        anchor = find_anchor(transcript, folded, annotation.anchor)
        if anchor is None:
            result.append(annotation if annotation.detached else replace(annotation, detached=True))
        else:
            result.append(replace(annotation, anchor=anchor, detached=False))
    return result


def _in_place(transcript: Transcript, anchor: Anchor) -> bool:
    turn = transcript.turn_by_id.get(anchor.turn_id)
    if turn is None:
        return False
    text = turn.text
    if anchor.scope is not Scope.TEXT:
        return anchor.start == 0 and anchor.end == len(text) and text == anchor.exact
    return anchor.end <= len(text) and text[anchor.start:anchor.end] == anchor.exact


def find_anchor(transcript: Transcript, folded: _FoldedText, anchor: Anchor) -> Anchor | None:
    if anchor.scope is not Scope.TEXT:
        turn = _find_turn(transcript, folded, anchor)
        if turn is None:
            return None
        text = transcript.turns[turn].text
        return _anchor_at(transcript, turn, 0, len(text), anchor.scope)
    quote = fold(anchor.exact)
    if not quote:
        return None
    place = _find_exact(folded, quote, fold(anchor.prefix), fold(anchor.suffix))
    if place is None and len(quote) >= FUZZY_MIN_CHARS:
        place = _find_fuzzy(transcript, folded, quote, fold(anchor.prefix), fold(anchor.suffix))
    if place is None:
        return None
    return _anchor_at(transcript, *place, anchor.scope)


def _anchor_at(transcript: Transcript, turn: int, start: int, end: int, scope: Scope) -> Anchor:
    text = transcript.turns[turn].text
    return Anchor(transcript.turns[turn].id, start, end, text[start:end], context_before(transcript, turn, start),
                  context_after(transcript, turn, end), scope)


def _context_agreement(folded: _FoldedText, fstart: int, fend: int, prefix: str, suffix: str) -> float:
    """0..1: how much of the stored context reads the same around a candidate place."""
    total = len(prefix) + len(suffix)
    if not total:
        return 0.0
    before = folded.text[max(0, fstart - len(prefix) - 1):fstart].rstrip()
    after = folded.text[fend:fend + len(suffix) + 1].lstrip()
    same = _common_suffix(before, prefix.rstrip()) + _common_prefix(after, suffix.lstrip())
    return same / total


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _find_exact(folded: _FoldedText, quote: str, prefix: str, suffix: str) -> tuple[int, int, int] | None:
    candidates: list[tuple[float, tuple[int, int, int]]] = []
    start = folded.text.find(quote)
    while start >= 0:
        place = folded.locate(start, start + len(quote))
        if place is not None:
            candidates.append((_context_agreement(folded, start, start + len(quote), prefix, suffix), place))
        start = folded.text.find(quote, start + 1)
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0], reverse=True)
    best_score, best = candidates[0]
    if len(candidates) == 1:
        if len(quote) >= SHORT_QUOTE or best_score >= CONTEXT_MIN_AGREEMENT or not (prefix or suffix):
            return best
        return None
    runner_up = candidates[1][0]
    if best_score >= CONTEXT_MIN_AGREEMENT and best_score - runner_up >= 0.25:
        return best
    return None


def _find_fuzzy(transcript: Transcript, folded: _FoldedText, quote: str, prefix: str,
                suffix: str) -> tuple[int, int, int] | None:
    spans = [folded.folded_turn(i) for i in range(len(transcript.turns))]
    choices = [folded.text[lo:hi] for lo, hi in spans]
    scored = process.extract(quote, choices, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_MIN_SCORE - FUZZY_MARGIN,
                             limit=None)
    places: list[tuple[float, int, int, int]] = []  # score, turn, folded start, folded end
    for _, _, turn in scored:
        lo, _ = spans[turn]
        for fstart, fend, score in _alignments(quote, choices[turn]):
            places.append((score, turn, lo + fstart, lo + fend))
    if not places:
        return None
    places.sort(reverse=True)
    score, turn, fstart, fend = places[0]
    if score < FUZZY_MIN_SCORE:
        return None
    if len(places) > 1 and places[1][0] > score - FUZZY_MARGIN:
        # two places read nearly alike: only the context may tell them apart
        ranked = sorted(places[:2], key=lambda p: _context_agreement(folded, p[2], p[3], prefix, suffix),
                        reverse=True)
        a = _context_agreement(folded, ranked[0][2], ranked[0][3], prefix, suffix)
        b = _context_agreement(folded, ranked[1][2], ranked[1][3], prefix, suffix)
        if a < CONTEXT_MIN_AGREEMENT or a - b < 0.25:
            return None
        _, turn, fstart, fend = ranked[0]
    return folded.locate(fstart, fend)


def _alignments(quote: str, text: str) -> list[tuple[int, int, float]]:
    """The best alignment of `quote` in one turn's folded text, and the best one elsewhere in that turn
    (so a quote that nearly occurs twice in one turn counts as ambiguous)."""
    found: list[tuple[int, int, float]] = []
    first = _align(quote, text)
    if first is None:
        return found
    found.append(first)
    start, end, _ = first
    masked = text[:start] + "\x00" * (end - start) + text[end:]
    second = _align(quote, masked)
    if second is not None:
        found.append(second)
    return found


def _align(quote: str, text: str) -> tuple[int, int, float] | None:
    if len(text) < len(quote) // 2:
        return None
    al = fuzz.partial_ratio_alignment(quote, text)
    if al is None:
        return None
    if len(quote) <= len(text):
        start, end = al.dest_start, al.dest_end
    else:  # the quote is longer than the turn: rapidfuzz aligns the turn inside the quote
        start, end = 0, len(text)
    start, end = _snap_to_words(text, start, end)
    start, end = _refine(quote, text, start, end)
    return start, end, fuzz.ratio(quote, text[start:end])


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _word_edges(text: str) -> list[int]:
    return sorted({0, len(text), *(m.start() for m in re.finditer(r"(?<= )\S", text)),
                   *(m.end() for m in re.finditer(r"\S(?= )", text))})


def _refine(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move each end of the span by up to two words either way where that makes it read more like the quote."""
    edges = _word_edges(text)
    best = (fuzz.ratio(quote, text[start:end]), start, end)
    i = bisect_right(edges, start) - 1
    j = bisect_right(edges, end) - 1
    for a in edges[max(0, i - 4):i + 5]:
        for b in edges[max(0, j - 4):j + 5]:
            if b - a < len(quote) // 2:
                continue
            score = fuzz.ratio(quote, text[a:b].strip())
            if score > best[0]:
                best = (score, a, b)
    _, start, end = best
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _find_turn(transcript: Transcript, folded: _FoldedText, anchor: Anchor) -> int | None:
    """The turn a whole-turn (or whole-exchange) bookmark belongs to: the same text, or nearly."""
    quote = fold(anchor.exact)
    choices = [folded.text[lo:hi] for lo, hi in (folded.folded_turn(i) for i in range(len(transcript.turns)))]
    same = [i for i, c in enumerate(choices) if c == quote]
    if len(same) == 1:
        return same[0]
    if len(same) > 1:
        scored = sorted(((_turn_context(folded, i, anchor), i) for i in same), reverse=True)
        return scored[0][1] if scored[0][0] - scored[1][0] >= 0.25 else None
    ranked = process.extract(quote, choices, scorer=fuzz.ratio, limit=2)
    if not ranked or ranked[0][1] < TURN_MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - FUZZY_MARGIN:
        return None
    return ranked[0][2]


def _turn_context(folded: _FoldedText, turn: int, anchor: Anchor) -> float:
    lo, hi = folded.folded_turn(turn)
    return _context_agreement(folded, lo, hi, fold(anchor.prefix), fold(anchor.suffix))
