"""Scoring a segmentation against a gold one: Pk (Beeferman et al., 1999) and WindowDiff (Pevzner and Hearst,
2002).

Conventions, so numbers are comparable: the units are turns; a segmentation is given by the 0-based turns
where its topics start (0 included or not, it is implied); boundaries sit between turns, so a transcript of N
turns has N - 1 places for one. The window k is half the mean gold topic length in turns, rounded, and at
least 2. Pk counts the windows of k turns whose two ends are in the same topic in one segmentation and in
different topics in the other; WindowDiff counts the windows holding a different number of boundaries. Both
are error rates in [0, 1]: lower is better, 0 is perfect.
"""

from __future__ import annotations

from collections.abc import Iterable


def _boundaries(starts: Iterable[int], turns: int) -> list[int]:
    """1 where a topic starts after turn i (i in 0..turns-2), else 0."""
    marks = [0] * max(0, turns - 1)
    for s in starts:
        if 0 < s < turns:
            marks[s - 1] = 1
    return marks


def window(gold_starts: Iterable[int], turns: int) -> int:
    topics = len({0, *(s for s in gold_starts if 0 <= s < turns)})
    return max(2, round(turns / topics / 2))


def pk(gold_starts: Iterable[int], hyp_starts: Iterable[int], turns: int, k: int | None = None) -> float:
    gold, hyp = list(gold_starts), list(hyp_starts)
    k = k or window(gold, turns)
    if turns <= k:
        return 0.0
    ref_marks, hyp_marks = _boundaries(gold, turns), _boundaries(hyp, turns)
    ref_prefix, hyp_prefix = _prefix(ref_marks), _prefix(hyp_marks)
    errors = 0
    for i in range(turns - k):
        same_ref = ref_prefix[i + k] == ref_prefix[i]
        same_hyp = hyp_prefix[i + k] == hyp_prefix[i]
        errors += same_ref != same_hyp
    return errors / (turns - k)


def window_diff(gold_starts: Iterable[int], hyp_starts: Iterable[int], turns: int, k: int | None = None) -> float:
    gold, hyp = list(gold_starts), list(hyp_starts)
    k = k or window(gold, turns)
    if turns <= k:
        return 0.0
    ref_prefix, hyp_prefix = _prefix(_boundaries(gold, turns)), _prefix(_boundaries(hyp, turns))
    errors = sum((ref_prefix[i + k] - ref_prefix[i]) != (hyp_prefix[i + k] - hyp_prefix[i]) for i in range(turns - k))
    return errors / (turns - k)


def even_split(turns: int, topics: int) -> list[int]:
    """Starts of `topics` topics of (nearly) equal length: the baseline a segmenter must beat."""
    topics = max(1, min(topics, turns))
    return sorted({round(i * turns / topics) for i in range(topics)})


def _prefix(marks: list[int]) -> list[int]:
    """prefix[i] = boundaries after turns 0..i-1, so a window from turn i to turn i+k holds prefix[i+k]-prefix[i]."""
    out = [0]
    for m in marks:
        out.append(out[-1] + m)
    return out


def boundary_f1(gold_starts: Iterable[int], hyp_starts: Iterable[int], turns: int, tolerance: int = 2) -> float:
    """F1 of the boundaries found, a found one counting as right when a gold one lies within `tolerance` turns
    (each gold boundary matched once). No boundary on either side: 1.0 when both have none, else 0.0."""
    gold = sorted({s for s in gold_starts if 0 < s < turns})
    hyp = sorted({s for s in hyp_starts if 0 < s < turns})
    if not gold or not hyp:
        return 1.0 if not gold and not hyp else 0.0
    unmatched = list(gold)
    hits = 0
    for h in hyp:
        near = [g for g in unmatched if abs(g - h) <= tolerance]
        if near:
            unmatched.remove(min(near, key=lambda g: abs(g - h)))
            hits += 1
    if not hits:
        return 0.0
    precision, recall = hits / len(hyp), hits / len(gold)
    return 2 * precision * recall / (precision + recall)
