"""Where topics change: score every candidate boundary, then keep the strong ones.

Units (built in `units`) are exchanges when the transcript's exchanges group turns (a topic starts with a
question, never inside an answer) and single turns otherwise, cut again where a topic must or may start inside
one. Between two units the score combines:

- lexical depth, as in TextTiling: the tf-idf cosine of the words in a block of units on either side, and how
  far it dips below the peaks around it;
- a shift in names and acronyms across the same blocks;
- the opening turn's novelty: how much of what it says was not in the block before it (a follow-up repeats
  the last answer's words);
- its cue phrases ("On Syria.", "Let me turn to...", "Parlons de...") against follow-up openings ("And...",
  "Is that..."), a Member's intervention in a debate ("Will the hon. Gentleman give way?"), weighed as a cue, and
  a chair's move to the next agenda item, which opens a topic whatever the scores;
- its length: a long question sets up a subject, a three-word one ("Do you welcome it?") does not.

The continuous features are standardised over the transcript, so the weights below are unit-free and the
threshold (mean plus a fraction of a standard deviation) adapts the number of topics to the interview. A gap
scoring between that and a lower threshold opens a topic only where the cohesion dips at least as much as usual
or a cue or an announced subject marks it, or the question asks about words the two exchanges before it never
used, or a new questioner takes the floor ("Lara Benning, Global Wire.", "This one is from Gareth in Swansea."):
an interview whose every few exchanges move on gets its many topics, one that stays long on each subject is not
cut at each next detail. A minimum topic length that grows with the
transcript keeps a long meeting from being cut into a hundred pieces.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter, mul

from reader.core.topics.cues import (
    INTERVENTION,
    QUESTIONER_HEAD,
    announced_subject,
    follows_up,
    new_questioner,
    opens_topic,
)
from reader.core.topics.terms import TermTable
from reader.core.topics.units import Unit, agenda_items, units_of

__all__ = ["Gap", "Unit", "agenda_items", "choose_boundaries", "score_gaps", "units_of"]

BLOCK_TERMS = 70  # content terms a block gathers on each side of a gap (it takes whole units)
BLOCK_UNITS = 8  # ... but never more units than this
UNIT_TERMS = 40  # the strongest terms of a unit that take part in the cohesion scores
MIN_TOPIC_WORDS = 120  # a topic shorter than this is folded into its neighbour...
MIN_TOPIC_SHARE = 25  # ... or, in a short transcript, than this fraction (1/25) of its words
MIN_TOPIC_FLOOR = 40
MIN_TOPIC_GROWTH = 40  # ... and never shorter than this fraction (1/40) of a long transcript's words: the count
# of topics follows the content, and a long meeting is not cut into a hundred pieces
# ("fresh", a question none of whose words the two exchanges before it used, and "asker", a new questioner taking
# the floor, add nothing to the score: they let a middling one open a topic, as a cue does.)
WEIGHTS = {"depth": 1.0, "names": 0.5, "novelty": 1.0, "length": 0.3, "cue": 2.0, "item": 3.0, "follow_up": -1.5,
           "fresh": 0.0, "asker": 0.0, "intervention": 2.0}
FRESH_EXCHANGES = 2  # the last and the one before: a follow-up may come back to what was asked two questions ago
ASKER_MINIMUM = 0.5  # a new questioner's topic may be one short exchange: this share of the minimum length
THRESHOLD = 0.35  # in standard deviations of the combined score
LOW_THRESHOLD = -0.2  # ... or this, where the cohesion dips at least as much as usual or a cue marks the subject
COHESION_REF = 0.09  # the mean block cosine at which those thresholds stand as they are...
COHESION_SLOPE = 1.0  # ... lowered by this many standard deviations per e-fold of cohesion below it
COHESION_RANGE = 0.8  # ... and never by more than this
MIN_TOPIC_COHESION = 0.5  # the minimum topic length is scaled by exp(this times that shift)


@dataclass(frozen=True, slots=True)
class Gap:
    """A candidate boundary: a topic could start at `turn`."""

    turn: int
    unit: int
    features: dict[str, float]
    score: float
    similarity: float = 0.0  # the raw cosine of the blocks either side: how much the talk holds together here


def _idf(units: list[Unit]) -> dict[str, float]:
    df = Counter(chain.from_iterable(unit.terms for unit in units))  # each unit's distinct terms, counted in C
    n = len(units)
    return {term: math.log((n + 1) / d) for term, d in df.items()}


def _tf_idf(terms: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    return dict(zip(terms, map(mul, terms.values(), map(idf.__getitem__, terms)), strict=True))  # in C


def _top(weights: dict[str, float]) -> dict[str, float]:
    """A unit's strongest terms: a long answer's tail of once-used words adds cost, not cohesion."""
    if len(weights) <= UNIT_TERMS:
        return weights
    return dict(sorted(weights.items(), key=itemgetter(1), reverse=True)[:UNIT_TERMS])  # stable, like -weight


def _block(weighted: list[dict[str, float]], indices: range) -> dict[str, float]:
    """The summed weights of some units; read only, so a one-unit block is the unit's own weights."""
    if len(indices) < 2:
        return weighted[indices[0]] if indices else {}
    block = dict(weighted[indices[0]])  # copied in C: blocks hold two or three units, so this is half the work
    get = block.get
    for i in indices[1:]:
        for term, w in weighted[i].items():
            block[term] = get(term, 0.0) + w
    return block


class _Block:
    """A block's summed weights with their norms, each computed once however many gaps share the block."""

    __slots__ = ("_names_norm", "norm", "weights")

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        self.norm = math.hypot(*weights.values())
        self._names_norm = -1.0

    def names_norm(self, names: frozenset[str]) -> float:
        if self._names_norm < 0:
            self._names_norm = math.hypot(*map(self.weights.__getitem__, names.intersection(self.weights)))
        return self._names_norm


def _cosines(left: _Block, right: _Block, names: frozenset[str]) -> tuple[float, float]:
    """Cosine of two weighted blocks over all their terms, and over their names only."""
    # Set operations, map and hypot run in C: this is called for every gap of a long transcript.
    a, b = left.weights, right.weights
    common = a.keys() & b.keys()
    if not common:
        return 0.0, 0.0
    dot = sum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))
    if not dot:
        return 0.0, 0.0
    similarity = dot / (left.norm * right.norm)
    common_names = names.intersection(common)
    if not common_names:
        return similarity, 0.0
    dot_names = sum(map(mul, map(a.__getitem__, common_names), map(b.__getitem__, common_names)))
    return similarity, dot_names / (left.names_norm(names) * right.names_norm(names))


def _depths(similarity: list[float]) -> list[float]:
    """TextTiling depth: how far each gap's similarity lies below the highest peaks reached climbing each way."""
    depths = []
    n = len(similarity)
    for i, s in enumerate(similarity):
        left = s
        j = i - 1
        while j >= 0 and similarity[j] >= left:
            left = similarity[j]
            j -= 1
        right = s
        j = i + 1
        while j < n and similarity[j] >= right:
            right = similarity[j]
            j += 1
        depths.append((left - s) + (right - s))
    return depths


def _standardise(values: list[float]) -> list[float]:
    if not values:
        return []
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return [(v - mean) / sd if sd > 1e-12 else 0.0 for v in values]


def _block_bounds(units: list[Unit], gap: int) -> tuple[range, range]:
    size = 0
    start = gap
    while start > 0 and gap - start < BLOCK_UNITS and size < BLOCK_TERMS:
        start -= 1
        size += units[start].size
    size = 0
    end = gap
    while end < len(units) and end - gap < BLOCK_UNITS and size < BLOCK_TERMS:
        size += units[end].size
        end += 1
    return range(start, gap), range(gap, end)


def score_gaps(units: list[Unit], table: TermTable) -> list[Gap]:
    if len(units) < 2:
        return []
    idf = _idf(units)
    weighted = [_top(_tf_idf(unit.terms, idf)) for unit in units]
    # Blocks hold few units (answers are long): summing them afresh beats sliding them incrementally, and a
    # third of them recur (one gap's right block is a later gap's left one), so each is summed once.
    blocks: dict[tuple[int, int], _Block] = {}

    def block(indices: range) -> _Block:
        key = (indices.start, indices.stop)
        found = blocks.get(key)
        if found is None:
            found = blocks[key] = _Block(_block(weighted, indices))
        return found

    lexical: list[float] = []
    names: list[float] = []
    novelty: list[float] = []
    length: list[float] = []
    fresh: list[bool] = []
    for g in range(1, len(units)):
        before, after = _block_bounds(units, g)
        left, right = block(before), block(after)
        similarity, names_similarity = _cosines(left, right, table.names)
        lexical.append(similarity)
        names.append(1.0 - names_similarity)
        opening = units[g].opening_terms
        # Novel weight, not a share: a one-word question ("Illegal?") is all new and says nothing.
        novelty.append(math.log1p(sum(idf[t] for t in opening if t not in left.weights)))
        # A question about words the exchanges just before it never used asks about something else.
        fresh.append(bool(opening) and units[g - 1].terms.keys().isdisjoint(opening)
                     and (g < FRESH_EXCHANGES or units[g - FRESH_EXCHANGES].terms.keys().isdisjoint(opening)))
        length.append(math.log1p(table.turn_words[units[g].first_turn]))
    columns = {"depth": _standardise(_depths(lexical)), "names": _standardise(names),
               "novelty": _standardise(novelty), "length": _standardise(length)}
    gaps = []
    for k, g in enumerate(range(1, len(units))):
        features = {name: values[k] for name, values in columns.items()}
        features["cue"] = 1.0 if opens_topic(units[g].opening) else 0.0
        # A new questioner taking the floor ("Lara Benning, Global Wire.") brings their own subject.
        features["asker"] = 1.0 if new_questioner(units[g].opening) else 0.0
        # ... and a Member intervening in a debate ("Will the hon. Gentleman give way?") raises a point of their
        # own, as a cue does: a debate's speech holds together in its words, interventions and all.
        features["intervention"] = 1.0 if INTERVENTION.match(units[g].opening[:QUESTIONER_HEAD]) else 0.0
        # A chair moving the meeting to its next agenda item ("Item 5, the library.") opens a topic outright.
        features["item"] = 1.0 if units[g].item else 0.0
        features["fresh"] = 1.0 if fresh[k] else 0.0
        features["follow_up"] = 1.0 if not (features["cue"] or features["item"]) and follows_up(units[g].opening) \
            else 0.0
        score = sum(WEIGHTS[name] * value for name, value in features.items())
        gaps.append(Gap(units[g].first_turn, g, features, score, lexical[k]))
    return gaps


def choose_boundaries(gaps: list[Gap], units: list[Unit], forced: frozenset[int] = frozenset(),
                      fresh: bool = True) -> list[int]:
    """Unit indices where topics start (besides 0): the `forced` ones (where the document's own sections
    start), then the best-scoring gaps above the threshold, strongest first, skipping any without a dip in
    cohesion or a cue (or, when `fresh`, a question about words the exchanges before it never used), and any that
    would leave a topic under the minimum length. Sections are grouped from the topics chosen without `fresh`:
    a question on something new opens a topic, rarely a section."""
    forced = frozenset(u for u in forced if 0 < u < len(units))
    if not gaps:
        return sorted(forced)
    scores = [g.score for g in gaps]
    mean = sum(scores) / len(scores)
    sd = math.sqrt(sum((x - mean) ** 2 for x in scores) / len(scores))
    # How much neighbouring stretches of talk share, over the whole transcript: an interview that moves on with
    # every question (each answer shares few words with the last) holds many short topics, a meeting that dwells
    # on each item few long ones. The thresholds follow it.
    cohesion = sum(g.similarity for g in gaps) / len(gaps)
    # (Only downwards: above the reference, the minimum length and the threshold already keep a meeting whole.)
    shift = max(-COHESION_RANGE, min(0.0, COHESION_SLOPE * math.log(max(cohesion, 1e-3) / COHESION_REF)))
    threshold = mean + (THRESHOLD + shift) * sd
    prefix = [0]
    for unit in units:
        prefix.append(prefix[-1] + unit.words)
    # Short interviews have short topics: the floor shrinks with the transcript, up to MIN_TOPIC_WORDS.
    minimum = max(min(MIN_TOPIC_WORDS, max(MIN_TOPIC_FLOOR, prefix[-1] // MIN_TOPIC_SHARE)),
                  prefix[-1] // MIN_TOPIC_GROWTH)
    # ... and with the cohesion: where every question moves on, a topic may be one short exchange.
    minimum = round(minimum * math.exp(MIN_TOPIC_COHESION * shift))
    chosen = [0, *sorted(forced), len(units)]  # sorted, with sentinels
    # A chair's agenda item opens a topic whatever the scores around it (a short meeting has too few gaps for
    # them to stand out), unless it would leave a topic too short.
    low = mean + (LOW_THRESHOLD + shift) * sd
    for gap in sorted(gaps, key=lambda g: (-g.features["item"], -g.score, g.unit)):
        if gap.score < low and not gap.features["item"]:
            break
        if gap.score < threshold and gap.features["depth"] < 0 and not (
                gap.features["cue"] or gap.features["item"] or gap.features["asker"]
                or (fresh and gap.features["fresh"]) or announced_subject(units[gap.unit].opening)):
            continue  # a middling score without a dip: within a long topic, a question on its next detail
        at = bisect.bisect(chosen, gap.unit)
        start, end = chosen[at - 1], chosen[at]
        # (A briefing's reporter may ask one question and sit down: their topic is allowed shorter.)
        need = minimum * ASKER_MINIMUM if gap.features["asker"] else minimum
        if prefix[gap.unit] - prefix[start] >= need and prefix[end] - prefix[gap.unit] >= need:
            chosen.insert(at, gap.unit)
    return chosen[1:-1]
