"""Re-attach annotations to a transcript that changed since they were made.

Three steps, strictest first, and an annotation stops at the first that places it:

1. **Same place**: the anchor's turn id is in the transcript and the quoted words are still at its offsets.
2. **Same words**: the quote occurs elsewhere (text compared with whitespace collapsed, case and typographic
   quotes folded, so re-wrapping, re-paragraphing and re-exporting to another layout do not matter). One
   occurrence that agrees with the stored context, or several of which one agrees clearly better: placed.
3. **Nearly the same words**: a fuzzy match (rapidfuzz) inside one turn, accepted only above a strict score,
   where the stored context also reads (nearly) the same, and only when no other place scores close to it.

Context matters most for short quotes: a quote of a word or two must find both sides of its context intact.

A passage over several turns is found the same way, in the reading text across turns: the same turns and
words, the same words elsewhere (over as many turns as they now run), or nearly the same words in a run of
turns as long as the passage. Words of one turn that an edit has cut over two turns (a label corrected in the
middle of a turn) are found too, and become a passage.

Anything else is kept, marked ``detached`` with its stored quote, and shown as such: never dropped, and
never attached to words that merely look alike.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace

from reader.core.model import Transcript
from reader.core.notes.annotations import (
    TURN_SEPARATOR,
    Anchor,
    Annotation,
    Scope,
    anchor_span,
    context_after,
    context_before,
    passage_anchor,
    reading_text,
)
from reader.core.notes.folded_text import WORDS, FoldedText, fold

FUZZY_MIN_SCORE = 90.0  # partial_ratio of the quote within a turn, 0-100
FUZZY_LOW_SCORE = 80.0  # accepted only where the context reads almost the same (CONTEXT_STRONG)
FUZZY_CANDIDATES = 12  # turns aligned in detail, best first; more close rivals than this is ambiguity anyway
FUZZY_MIN_CHARS = 24  # shorter quotes are too easily found "nearly" in unrelated words
FUZZY_MARGIN = 6.0  # the runner-up must score this much lower for the match to count as unambiguous
TURN_MIN_SCORE = 85.0  # whole-turn bookmarks: ratio of the old turn's text to the new one
CONTEXT_MIN_AGREEMENT = 0.6  # 0..1; unrelated English text scores about 0.3, one intact side 0.8
CONTEXT_STRONG = 0.85
CONTEXT_MARGIN = 0.15  # how much better the chosen place's context must read than the runner-up's
SHORT_QUOTE = 20  # whole-turn texts shorter than this need context to be trusted
TINY_QUOTE = 12  # quotes shorter than this need both sides of their context to agree closely
LONG_QUOTE = 40  # a quote this long found exactly once is trusted even where its context changed

# rapidfuzz is imported by the functions that match nearly (below): opening a transcript reattaches its notes, and
# most are found in place or exactly, so a start needs none of it.

Place = tuple[int, int, int, int]  # first turn, start in its text, last turn, end in its text

def reattach(transcript: Transcript, annotations: Iterable[Annotation]) -> list[Annotation]:
    """Every annotation, placed in `transcript` where its words are, or marked detached. Order is kept.

    The modification time is left alone: moving an anchor is not a user's edit and must not win a merge.
    """
    folded: FoldedText | None = None
    result: list[Annotation] = []
    for annotation in annotations:
        if _in_place(transcript, annotation.anchor):
            result.append(annotation if not annotation.detached else replace(annotation, detached=False))
            continue
        if folded is None:
            folded = FoldedText.of(transcript)
        anchor = find_anchor(transcript, folded, annotation.anchor)
        if anchor is None:
            result.append(annotation if annotation.detached else replace(annotation, detached=True))
        else:
            result.append(replace(annotation, anchor=anchor, detached=False))
    return result


def _in_place(transcript: Transcript, anchor: Anchor) -> bool:
    if anchor.is_passage:
        span = anchor_span(transcript, anchor)
        if span is None:
            return False
        first, start, last, end = span
        turns = transcript.turns
        return start <= len(turns[first].text) and end <= len(turns[last].text) \
            and reading_text(transcript, *span) == anchor.exact
    turn = transcript.turn_by_id.get(anchor.turn_id)
    if turn is None:
        return False
    text = turn.text
    if anchor.scope is not Scope.TEXT:
        return anchor.start == 0 and anchor.end == len(text) and text == anchor.exact
    return anchor.end <= len(text) and text[anchor.start:anchor.end] == anchor.exact


def find_anchor(transcript: Transcript, folded: FoldedText, anchor: Anchor) -> Anchor | None:
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
        # A passage is looked for in runs of as many turns as it could span (a turn inserted inside it too).
        reach = anchor.exact.count(TURN_SEPARATOR) + 1 if anchor.is_passage else 0
        place = _find_fuzzy(transcript, folded, quote, fold(anchor.prefix), fold(anchor.suffix), reach)
    if place is None:
        return None
    first, start, last, end = place
    if first != last:
        return passage_anchor(transcript, first, start, last, end)
    return _anchor_at(transcript, first, start, end, anchor.scope)


def _anchor_at(transcript: Transcript, turn: int, start: int, end: int, scope: Scope) -> Anchor:
    text = transcript.turns[turn].text
    return Anchor(transcript.turns[turn].id, start, end, text[start:end], context_before(transcript, turn, start),
                  context_after(transcript, turn, end), scope)


def _context_agreement(folded: FoldedText, fstart: int, fend: int, prefix: str, suffix: str) -> float:
    """0..1: how well the stored context reads around a candidate place.

    Each side is compared by edit distance, so a corrected typo next to the quote costs little; one side
    that reads the same is strong evidence on its own (the other may have been edited), so the score is the
    mean of the better side and the average of both.
    """
    before = folded.text[max(0, fstart - len(prefix) - 1):fstart]
    after = folded.text[fend:fend + len(suffix) + 1]
    sides = [_similarity(before.rstrip()[-len(prefix.rstrip()):] if prefix.strip() else before.strip(),
                         prefix.rstrip(), len(prefix)),
             _similarity(after.lstrip()[:len(suffix.lstrip())] if suffix.strip() else after.strip(),
                         suffix.lstrip(), len(suffix))]
    weights = [max(1, len(prefix)), max(1, len(suffix))]
    mean = (sides[0] * weights[0] + sides[1] * weights[1]) / sum(weights)
    if fend - fstart < TINY_QUOTE:
        # a word or two: words like it are everywhere, so both sides must still read alike
        return min(sides)
    return (max(sides) + mean) / 2


def _similarity(found: str, stored: str, length: int) -> float:
    if not stored.strip():
        return 1.0 if not found.strip() else 0.0  # both at an end of the transcript, or not
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(found, stored)


def _find_exact(folded: FoldedText, quote: str, prefix: str, suffix: str) -> Place | None:
    candidates: list[tuple[float, Place]] = []
    start = folded.text.find(quote)
    while start >= 0:
        place = folded.locate_span(start, start + len(quote))
        if place is not None:
            candidates.append((_context_agreement(folded, start, start + len(quote), prefix, suffix), place))
        start = folded.text.find(quote, start + 1)
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0], reverse=True)
    best_score, best = candidates[0]
    need = CONTEXT_STRONG if len(quote) < TINY_QUOTE else CONTEXT_MIN_AGREEMENT
    if len(candidates) == 1:
        if len(quote) >= LONG_QUOTE or best_score >= need:
            return best
        return None
    runner_up = candidates[1][0]
    if best_score >= need and best_score - runner_up >= CONTEXT_MARGIN:
        return best
    return None


def _find_fuzzy(transcript: Transcript, folded: FoldedText, quote: str, prefix: str,
                suffix: str, reach: int = 0) -> Place | None:
    """Nearly the same words, in a place whose context also reads nearly the same, with no rival place; in one
    turn, or (`reach` > 0, a passage) in a run of a turn and the `reach` turns after it."""
    from rapidfuzz import fuzz, process

    spans = folded.turn_spans
    turns = _turns_sharing_words(folded, quote, reach)
    last = len(spans) - 1
    choices = {turn: folded.text[spans[turn][0]:spans[min(turn + reach, last)][1]] for turn in turns}
    scored = process.extract(quote, choices, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_LOW_SCORE - FUZZY_MARGIN,
                             limit=FUZZY_CANDIDATES)
    places: list[tuple[float, float, int, int]] = []  # score, context agreement, folded start, folded end
    for _, _, turn in scored:
        lo, _ = spans[turn]
        for fstart, fend, score in _alignments(quote, choices[turn]):
            context = _context_agreement(folded, lo + fstart, lo + fend, prefix, suffix)
            places.append((score, context, lo + fstart, lo + fend))
    if not places:
        return None
    places.sort(reverse=True)
    score, context, fstart, fend = places[0]
    if not ((score >= FUZZY_MIN_SCORE and context >= CONTEXT_MIN_AGREEMENT)
            or (score >= FUZZY_LOW_SCORE and context >= CONTEXT_STRONG)):
        return None
    rivals = [p for p in places[1:] if p[0] > score - FUZZY_MARGIN
              and not (reach and _overlaps(p, fstart, fend))]
    if any(p[1] > context - CONTEXT_MARGIN for p in rivals):
        return None
    return folded.locate_span(fstart, fend)


def _overlaps(place: tuple[float, float, int, int], fstart: int, fend: int) -> bool:
    """Whether a rival place is the same words found again from another turn of an overlapping run (only a
    passage's runs overlap: a run starts at every turn that shares its words)."""
    return place[2] < fend and fstart < place[3]


def _turns_sharing_words(folded: FoldedText, quote: str, reach: int = 0) -> set[int]:
    """The turns that hold at least two of the quote's four rarest words (one, for a quote of one word); with
    `reach`, the turns whose run of `reach` more turns holds them.

    A fuzzy match above the threshold keeps most of the words, so this loses no real candidate; it spares
    scoring every turn of a long transcript. Words found nowhere (the ones that were corrected, or cut by
    the selection) are skipped; rare words keep the candidates few.
    """
    index = folded.word_turns
    present = sorted((len(index[w]), w) for w in set(WORDS.findall(quote)) if len(w) > 2 and w in index)
    rare = [w for _, w in present[:4]]
    if not rare:
        return set(range(len(folded.turn_spans)))
    hits: dict[int, int] = {}
    for word in rare:
        for turn in {max(0, t - k) for t in index[word] for k in range(reach + 1)}:  # the runs holding it
            hits[turn] = hits.get(turn, 0) + 1
    need = min(2, len(rare))
    return {turn for turn, n in hits.items() if n >= need}


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
    from rapidfuzz import fuzz

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


def _word_edges(text: str, lo: int, hi: int) -> list[int]:
    """Offsets where words start or end in text[lo:hi] (and the ends of the text)."""
    edges = {m.start() for m in re.compile(r"(?<= )\S").finditer(text, lo, hi)}
    edges |= {m.end() for m in re.compile(r"\S(?= )").finditer(text, lo, hi)}
    edges |= {e for e in (0, len(text)) if lo <= e <= hi}
    return sorted(edges)


def _refine(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move each end of the span by up to two words either way where that makes it read more like the quote."""
    from rapidfuzz import fuzz

    margin = 80  # room for four words either way
    edges = _word_edges(text, max(0, start - margin), min(len(text), end + margin))
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


def _find_turn(transcript: Transcript, folded: FoldedText, anchor: Anchor) -> int | None:
    """The turn a whole-turn (or whole-exchange) bookmark belongs to: the turn with the same text, else the
    one turn that still holds all of it (a paragraph was added), else one that reads nearly the same."""
    quote = fold(anchor.exact)
    if not quote:
        return None
    choices = [folded.text[lo:hi] for lo, hi in (folded.folded_turn(i) for i in range(len(transcript.turns)))]
    for test in (quote.__eq__, choices_containing(quote)):
        same = [i for i, c in enumerate(choices) if test(c)]
        if len(same) == 1 and (len(quote) >= SHORT_QUOTE or _turn_context(folded, same[0], anchor)
                               >= CONTEXT_MIN_AGREEMENT):
            return same[0]
        if len(same) > 1:
            scored = sorted(((_turn_context(folded, i, anchor), i) for i in same), reverse=True)
            if scored[0][0] >= CONTEXT_MIN_AGREEMENT and scored[0][0] - scored[1][0] >= CONTEXT_MARGIN:
                return scored[0][1]
            return None
    if len(quote) < FUZZY_MIN_CHARS:
        return None
    from rapidfuzz import fuzz, process

    ranked = process.extract(quote, choices, scorer=fuzz.ratio, limit=2)
    if not ranked or ranked[0][1] < TURN_MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - FUZZY_MARGIN:
        return None
    return ranked[0][2]


def choices_containing(quote: str) -> Callable[[str], bool]:
    return lambda text: quote in text


def _turn_context(folded: FoldedText, turn: int, anchor: Anchor) -> float:
    lo, hi = folded.folded_turn(turn)
    return _context_agreement(folded, lo, hi, fold(anchor.prefix), fold(anchor.suffix))
