"""Labels a journalist would write in a notebook ("Syria: US bases", "North Korea sanctions"), and keywords.

A term's weight in a topic is class-based tf-idf (the topic's share of the term against how common the term is
in the whole interview), boosted when the question that opens the topic uses it: the interviewer names the
subject there. Two-word phrases ("North Korea", "diplomatic property", "working group") compete with single
terms when they recur. Speaker names, the interviewee's own name, titles and fillers are never candidates.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from reader.core.model import Transcript
from reader.core.topics.terms import WORD, TermTable, term_of

OPENING_BOOST = 2.5  # the opening question names the subject
PHRASE_MIN = 2  # a phrase must recur (or be in the opening question) to compete
KEYWORDS = 6
MAX_LABEL_WORDS = 6
_PHRASE_BUDGET = 200_000  # characters of phrase scanning shared by all topics of a long transcript
_CLAUSE = re.compile(r"[^.,;:!?()\[\]\"“”‘’—–…]+")


@dataclass(frozen=True, slots=True)
class _Candidate:
    terms: tuple[str, ...]
    text: str
    score: float
    is_name: bool


def speaker_terms(transcript: Transcript) -> frozenset[str]:
    """Terms of every speaker's label and name: a label never names who is talking."""
    found = set()
    for speaker in transcript.speakers:
        for token in WORD.findall(f"{speaker.label} {speaker.name}"):
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
    average = sum(total.values()) / max(1, len(spans))
    budget = max(800, _PHRASE_BUDGET // max(1, len(spans)))
    results = []
    for (first, last), topic in zip(spans, counts, strict=True):
        size = sum(topic.values()) or 1
        opening = table.turn_terms[first]
        weight = {}
        for term, n in topic.items():
            if term in excluded:
                continue
            w = n / size * math.log(1 + average / total[term])
            if term in opening:
                w *= OPENING_BOOST
            weight[term] = w
        phrases = _phrases(transcript, first, last, budget, weight, table)
        ranked = _rank(weight, phrases, table)
        keywords = tuple(table.display[t] for t in sorted(weight, key=lambda t: (-weight[t], t))[:KEYWORDS])
        results.append((_compose(ranked) or f"Turns {first + 1}-{last + 1}", keywords))
    return results


def _phrases(transcript: Transcript, first: int, last: int, budget: int, weight: dict[str, float],
             table: TermTable) -> list[_Candidate]:
    """Recurring two-word phrases of distinctive terms, written as they most often are."""
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
                if a is None or b is None or a == b or a not in weight or b not in weight:
                    continue
                seen[a, b] += 1
                forms.setdefault((a, b), Counter())[_display_pair(tokens[k], tokens[k + 1], table, a, b)] += 1
                if i == first:
                    in_opening.add((a, b))
        if used >= budget and i > first:
            break
    phrases = []
    for pair, n in seen.items():
        if n < PHRASE_MIN and pair not in in_opening:
            continue
        a, b = pair
        is_name = a in table.names and b in table.names
        score = (weight[a] + weight[b]) * (1.0 if n >= PHRASE_MIN else 0.7)
        phrases.append(_Candidate(pair, forms[pair].most_common(1)[0][0], score, is_name))
    return phrases


def _display_pair(first: str, second: str, table: TermTable, a: str, b: str) -> str:
    def show(token: str, term: str) -> str:
        token = token[:-2] if token.endswith("'s") else token
        return token if term in table.names or token.isupper() else token.lower()

    return f"{show(first, a)} {show(second, b)}"


def _rank(weight: dict[str, float], phrases: list[_Candidate], table: TermTable) -> list[_Candidate]:
    singles = [_Candidate((t,), table.display[t], w, t in table.names) for t, w in weight.items()]
    ranked = []
    taken: set[str] = set()
    for cand in sorted([*phrases, *singles], key=lambda c: (-c.score, c.text)):
        if taken.intersection(cand.terms):
            continue
        ranked.append(cand)
        taken.update(cand.terms)
        if len(ranked) == 3:
            break
    return ranked


def _compose(ranked: list[_Candidate]) -> str:
    """Head term or phrase, then what about it: "Syria: US bases", "Cybersecurity working group"."""
    if not ranked:
        return ""
    head = ranked[0]
    text = head.text[:1].upper() + head.text[1:]
    rest = [c for c in ranked[1:] if c.score >= 0.4 * head.score]
    if rest:
        second = rest[0]
        text = f"{text} and {second.text}" if head.is_name and second.is_name else f"{text}: {second.text}"
    words = text.split()
    return " ".join(words[:MAX_LABEL_WORDS])
