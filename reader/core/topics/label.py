"""Labels a journalist would write in a notebook ("Syria: US bases", "North Korea sanctions"), and keywords.

A term's weight in a topic is its count times the log of its lift (how much more often the topic uses it
than the rest of the interview does), boosted when the question that opens the topic uses it: the interviewer names the
subject there. Two-word phrases ("North Korea", "diplomatic property", "working group") compete with single
terms when they recur. Speaker names, the interviewee's own name, titles and fillers are never candidates.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from reader.core.model import Transcript
from reader.core.stopwords import NOT_A_LABEL
from reader.core.topics.terms import WORD, TermTable, term_of

OPENING_BOOST = 2.5  # the opening question names the subject
PHRASE_MIN = 2  # a phrase must recur (or be in the opening question) to compete
PHRASE_BONUS = 1.2  # a recurring phrase says more than either of its words ("North Korea" over "Korea")
KEYWORDS = 6
WIDEN_SHARE = 0.4  # a phrase replaces its head word when it accounts for this share of the word's uses
PARTICIPLE = 0.4  # the weight a participle keeps among label candidates (it still counts as a keyword)
SECOND_SHARE = 0.15  # the second part of a label weighs at least this share of the first
MAX_LABEL_WORDS = 6
_PHRASE_BUDGET = 100_000  # characters of phrase scanning shared by all topics of a long transcript
_ADDRESSED = re.compile(r"\b(?:[Tt]hank you|[Tt]hanks|[Gg]o ahead|[Yy]es|[Oo]kay|[Ww]ell|[Hh]ello|[Hh]i|[Ss]orry),? "
                        r"((?:[A-Z][\w'’-]+ ?){1,2})[.,!?]")
_CLAUSE = re.compile(r"[^.,;:!?()\[\]\"“”‘’—–…]+")


@dataclass(frozen=True, slots=True)
class _Candidate:
    terms: tuple[str, ...]
    text: str
    score: float
    is_name: bool
    count: int = 0
    in_opening: bool = False


def speaker_terms(transcript: Transcript) -> frozenset[str]:
    """Terms of every speaker's label and name, and of the names speakers address each other by ("Thank you,
    Ines.", "Go ahead, Selina."): a label never names who is talking, even when the file labels them Q and A."""
    words = [f"{speaker.label} {speaker.name}" for speaker in transcript.speakers]
    for turn in transcript.turns:
        if turn.paragraphs:
            words += _ADDRESSED.findall(turn.paragraphs[0].text[:80])
            words += _ADDRESSED.findall(turn.paragraphs[-1].text[-80:])
    found = set()
    for token in WORD.findall(" ".join(words)):
        term = term_of(token)
        if term is not None:
            found.add(term)
    return frozenset(found)


def label_topics(transcript: Transcript, table: TermTable,
                 spans: list[tuple[int, int]]) -> list[tuple[str, tuple[str, ...]]]:
    """(label, keywords) for each (first_turn, last_turn) span."""
    excluded = speaker_terms(transcript)
    counts = []
    total: dict[str, int] = {}
    for first, last in spans:
        topic: dict[str, int] = {}
        for i in range(first, last + 1):
            for term, n in table.turn_terms[i].items():
                topic[term] = topic.get(term, 0) + n
        for term, n in topic.items():
            total[term] = total.get(term, 0) + n
        counts.append(topic)
    grand = sum(total.values())
    spans_with: Counter[str] = Counter()
    for topic in counts:
        spans_with.update(topic.keys())

    def spread(topics_using: int) -> float:
        """Down-weights names the whole interview is about (Trump, Russia): they tell no topic apart."""
        return math.log(1 + len(spans) / topics_using) / math.log(1 + len(spans)) if len(spans) > 1 else 1.0

    budget = max(600, _PHRASE_BUDGET // max(1, len(spans)))
    results = []
    for (first, last), topic in zip(spans, counts, strict=True):
        size = sum(topic.values()) or 1
        rest = grand - size
        opening = table.turn_terms[first]

        allowed = {t for t in topic if t not in excluded and not _adverb(table.display[t])
                   and table.display[t].lower() not in NOT_A_LABEL}
        weight = {}
        for t in allowed:
            w = _distinctive(topic[t], size, total[t] - topic[t], rest, t in opening) * spread(spans_with[t])
            if w > 0:
                weight[t] = w
        phrases = []
        for pair, (n, text, in_opening) in _phrases(transcript, first, last, budget, allowed, table).items():
            a, b = pair
            elsewhere = min(total[a] - topic[a], total[b] - topic[b])
            score = _distinctive(n, size, elsewhere, rest, in_opening) * spread(min(spans_with[a], spans_with[b]))
            # A phrase that accounts for most uses of its words stands for them ("North Korea" over "Korea").
            score = max(score, max(weight.get(a, 0), weight.get(b, 0)) * n / max(topic[a], topic[b]))
            score *= PHRASE_BONUS if n >= PHRASE_MIN else 1.0
            if score > 0:
                is_name = pair[0] in table.names and pair[1] in table.names
                phrases.append(_Candidate(pair, text, score, is_name, n, in_opening))
        ranked = _rank(weight, phrases, table, topic)
        keywords = tuple(table.display[t] for t in sorted(weight, key=lambda t: (-weight[t], t))[:KEYWORDS])
        results.append((_compose(ranked) or f"Turns {first + 1}-{last + 1}", keywords))
    return results


def _distinctive(n: int, size: int, elsewhere: float, rest: int, in_opening: bool) -> float:
    """Count times log-lift over the rest of the interview: frequent here and rare elsewhere. A topic that is
    the whole interview has no rest to stand out from: there, frequency alone."""
    if rest <= 0:
        return n * (OPENING_BOOST if in_opening else 1.0)
    lift = (n / size) / ((elsewhere + 0.5) / rest)
    return n * math.log(lift) * (OPENING_BOOST if in_opening else 1.0) if lift > 1.0 else 0.0


def _phrases(transcript: Transcript, first: int, last: int, budget: int, allowed: set[str],
             table: TermTable) -> dict[tuple[str, str], tuple[int, str, bool]]:
    """Two-word noun phrases of the topic: (count, how they are most often written, in the opening question)."""
    seen: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = {}
    in_opening: set[tuple[str, str]] = set()
    used = 0
    for i in range(first, last + 1):
        text = transcript.turns[i].text
        if i > first:
            text = text[: max(0, budget - used)]
        used += len(text)
        for clause in _CLAUSE.findall(text.replace("’", "'")):
            tokens = WORD.findall(clause)
            terms = [term_of(tok) for tok in tokens]
            for k in range(len(tokens) - 1):
                a, b = terms[k], terms[k + 1]
                if a is None or b is None or a == b or a not in allowed or b not in allowed:
                    continue
                seen[a, b] += 1
                forms.setdefault((a, b), Counter())[_display_pair(tokens[k], tokens[k + 1], table, a, b)] += 1
                if i == first:
                    in_opening.add((a, b))
        if used >= budget and i > first:
            break
    phrases = {}
    for pair, n in seen.items():
        if n < PHRASE_MIN and pair not in in_opening:
            continue
        text = forms[pair].most_common(1)[0][0]
        if not _not_a_noun_phrase(text, *pair, table):
            phrases[pair] = (n, text, pair in in_opening)
    return phrases


def _not_a_noun_phrase(text: str, a: str, b: str, table: TermTable) -> bool:
    """Word pairs that are verb and object or subject and verb ("expel US", "Trump raised"), not a name."""
    second = text.split(" ", 1)[1]
    if a not in table.names and b in table.names:
        return True
    return second.endswith(("ed", "ing")) and b not in table.names


def _participle(text: str) -> bool:
    return text.islower() and " " not in text and text.endswith(("ed", "ing"))


def _adverb(text: str) -> bool:
    return text.islower() and text.endswith(("ally", "ably", "ibly", "ently", "antly", "ously", "ively", "edly"))


def _display_pair(first: str, second: str, table: TermTable, a: str, b: str) -> str:
    def show(token: str, term: str) -> str:
        token = token[:-2] if token.endswith("'s") else token
        return token if term in table.names or token.isupper() else token.lower()

    return f"{show(first, a)} {show(second, b)}"


def _rank(weight: dict[str, float], phrases: list[_Candidate], table: TermTable,
          counts: dict[str, int]) -> list[_Candidate]:
    # A participle ("interfered", "seized") says what happened, rarely what the topic is: it heads no label.
    singles = [_Candidate((t,), table.display[t], w * (PARTICIPLE if _participle(table.display[t]) else 1.0),
                          t in table.names, counts[t]) for t, w in weight.items()]
    ranked: list[_Candidate] = []
    taken: set[str] = set()
    for cand in sorted([*phrases, *singles], key=lambda c: (-c.score, c.text)):
        if taken.intersection(cand.terms):
            continue
        if not ranked and len(cand.terms) == 1:
            # The head word as the interview phrases it, when it does ("Russian property", "US diplomats").
            # A name stays bare unless the phrase is how it is usually said ("Syria", not "Syrian Arab").
            wider = [p for p in phrases if cand.terms[0] in p.terms
                     and (p.count >= WIDEN_SHARE * cand.count or (p.in_opening and not cand.is_name))]
            if wider:
                best = max(wider, key=lambda p: p.score)
                cand = _Candidate(best.terms, best.text, cand.score, best.is_name, best.count, best.in_opening)
        ranked.append(cand)
        taken.update(cand.terms)
        if len(ranked) == 6:
            break
    return ranked


def _compose(ranked: list[_Candidate]) -> str:
    """Head term or phrase, then what about it: "Syria: US bases", "Cybersecurity working group"."""
    if not ranked:
        return ""
    head = ranked[0]
    text = head.text[:1].upper() + head.text[1:]
    # A second item when it matters, and always after a lone word: two to six words, as the notebook has it.
    rest = [c for c in ranked[1:] if c.score >= SECOND_SHARE * head.score or " " not in head.text]
    # Prefer a phrase ("US diplomats") or a noun to a participle ("seized") after the head.
    rest = [c for c in rest if not _participle(c.text)] or rest
    phrases = [c for c in rest if " " in c.text and c.score >= 0.4 * rest[0].score and not rest[0].is_name]
    if rest:
        second = phrases[0] if phrases else rest[0]
        text = f"{text} and {second.text}" if head.is_name and second.is_name else f"{text}: {second.text}"
    words = text.split()
    return " ".join(words[:MAX_LABEL_WORDS])
