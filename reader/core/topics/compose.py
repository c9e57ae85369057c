"""From ranked candidates to a label a journalist would write: a noun phrase naming the subject ("Mortgage
rates", "Sodium-ion batteries"), two of them joined ("Rail strike and sick leave"), a place with what about it
("Syria: American bases"), a listed verb with its object ("Expelling US diplomats"), or a participle qualifying
the head ("Seized Russian property"). Never a verb ("Undertake: ..."), and never "X: Y" where Y is a lone name,
number or generic word. The candidates and their scores come from `label`.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from reader.core.topics.common_words import BANDS
from reader.core.topics.stopwords import GENERIC, GERUNDS
from reader.core.topics.terms import TermTable

PHRASE_MIN = 2  # a phrase must recur (or be in the opening question) to compete
SINGLES = 24  # single terms per topic that compete for the label
WIDEN_SHARE = 0.4  # a phrase replaces its head word when it accounts for this share of the word's uses
WIDEN_SHARE_AFTER = 0.25  # ... or, after the head, when it recurs and accounts for this share
PARTICIPLE = 0.4  # the weight a participle keeps among label candidates (it still counts as a keyword)
SECOND_SHARE = 0.15  # the second part of a label weighs at least this share of the first
MAX_LABEL_WORDS = 6
NAMED_OFTEN = 3  # a name used this often in a topic, weighing this share of the head, is part of its subject
NAMED_SHARE = 0.4
PREFIX_SHARE = 0.5  # a participle this strong, used in the opening question, qualifies the head ("Seized ... property")
EVERYDAY_BAND = 4.5  # a word this common in general usage (Zipf) adds nothing alone beside a head ("Shops and Street")
EVERYDAY = frozenset(w for band, words in BANDS.items() if band >= EVERYDAY_BAND for w in words.split())


@dataclass(slots=True)  # not frozen: a frozen dataclass is slow to build, and thousands are built per outline
class Candidate:
    terms: tuple[str, ...]
    text: str
    score: float
    is_name: bool
    count: int = 0
    in_opening: bool = False
    after: frozenset[str] = frozenset()  # terms seen right before the phrase ("expel" before "US diplomats")


def _participle(text: str) -> bool:
    return text.islower() and " " not in text and text.endswith(("ed", "ing"))


def rank(weight: dict[str, float], phrases: list[Candidate], table: TermTable,
          counts: dict[str, int], verbs: frozenset[str] = frozenset(),
          modifiers: frozenset[str] = frozenset(), qualifiers: frozenset[str] = frozenset(),
          nouns: frozenset[str] = frozenset()) -> list[Candidate]:
    # A participle ("interfered", "seized") or a word used as a verb ("we overpay") says what happened, rarely
    # what the topic is: it heads no label, unless the topic uses it as a noun (`nouns`: "the planning", "a
    # warning"). A generic noun ("system", "meeting") says nothing alone: it labels only inside a phrase. Only the
    # strongest singles can make the label: building candidates for a topic's every word is waste.
    verbs = verbs.difference(GERUNDS)  # "expel" heads its object: "Expelling US diplomats"
    strongest = heapq.nlargest(SINGLES, weight.items(), key=lambda item: item[1])
    singles = [Candidate((t,), table.display[t],
                         w * (PARTICIPLE if (_participle(table.display[t]) and t not in nouns) or t in verbs
                              else 1.0),
                         t in table.names, counts[t]) for t, w in strongest
               if table.display[t].lower() not in GENERIC]
    singles = [c for c in singles if c.terms[0] not in verbs] if verbs else singles
    # An adjective qualifies a noun and names nothing alone: "Hopeful", "Cheap generic" have no head.
    singles = [c for c in singles if c.terms[0] not in modifiers] if modifiers else singles
    phrases = [p for p in phrases if p.is_name or not (verbs.intersection(p.terms) or p.terms[-1] in modifiers)]
    # ("apps manage", "Valencia llaman paella")
    ranked: list[Candidate] = []
    taken: set[str] = set()
    for cand in sorted([*phrases, *singles], key=lambda c: (-c.score, c.text)):
        if taken.intersection(cand.terms):
            continue
        if len(cand.terms) == 1:
            cand = _widen(cand, phrases, taken, head=not ranked)
            if ranked and len(cand.terms) == 1 and cand.terms[0] in qualifiers:
                continue  # a word that only qualifies a noun ("actual") is no second subject: "Tarmac and actual"
        ranked.append(cand)
        taken.update(cand.terms)
        if len(ranked) == 6:
            break
    return ranked


def _widen(cand: Candidate, phrases: list[Candidate], taken: set[str], head: bool) -> Candidate:
    """A word as the interview phrases it, when it does ("Russian property", "American bases", "G20 summit").
    A name stays bare unless the phrase is how it is usually said ("Syria", not "Syrian Arab"); after the head,
    a recurring phrase is enough ("bases" -> "American bases"): it says more than the bare word."""
    share = WIDEN_SHARE if head or cand.is_name else WIDEN_SHARE_AFTER
    wider = [p for p in phrases if cand.terms[0] in p.terms and not taken.intersection(p.terms)
             and ((p.count >= share * cand.count and p.count >= PHRASE_MIN)
                  or p.count >= WIDEN_SHARE * cand.count or (p.in_opening and not cand.is_name and head))]
    if not wider:
        return cand
    best = max(wider, key=lambda p: p.score)
    return Candidate(best.terms, best.text, max(cand.score, best.score), best.is_name, best.count, best.in_opening,
                      best.after)


def compose(ranked: list[Candidate], phrases: list[Candidate], prefix: str | None, conjunction: str = "and",
            institution: bool = False) -> str:
    """The label from the ranked candidates: the head phrase, and a second subject when it weighs enough, joined
    by the transcript's own word for "and". `institution`: the head is a common word the topic capitalises and
    says after an article ("the Department"), no name to file a subject under."""
    if not ranked:
        return ""
    head = ranked[0]
    gerund = GERUNDS.get(head.text.lower()) if len(head.terms) == 1 else None
    if gerund:
        # The verb with its object, as said in the topic: "expel US diplomats" -> "Expelling US diplomats".
        objects = [p for p in phrases if head.terms[0] in p.after and head.terms[0] not in p.terms]
        if objects:
            return _clip(f"{gerund} {max(objects, key=lambda p: p.score).text}")
    if prefix and not head.is_name:
        return _clip(f"{prefix.capitalize()} {head.text}")  # "Seized Russian property" says it all
    rest = [c for c in ranked[1:] if c.score >= SECOND_SHARE * head.score and not _participle(c.text)]
    if rest:
        # Two parts of one phrase are said as the phrase: "Museum" and "Imperial War" -> "Imperial War Museum".
        whole = [p for p in phrases if set(p.terms) >= {*head.terms, *rest[0].terms}]
        if whole:
            return _clip(max(whole, key=lambda p: p.count).text)
    second = _second(head, rest, phrases)
    if second is None:
        return _clip(head.text)
    # ... and so are the head and the second part chosen: "Tariff" and "heat pump" -> "Heat pump tariffs".
    whole = [p for p in phrases if set(p.terms) >= {*head.terms, *second.terms} and len(p.terms) <= 3]
    if whole:
        return _clip(max(whole, key=lambda p: p.count).text)
    if head.is_name and " " in second.text and not second.is_name:
        if institution:
            # "the Department", "the Government": an institution the talk capitalises, no place or person to
            # file the subject under ("Department: Union transfer scheme"): the subject alone.
            return _clip(second.text)
        return _clip(f"{head.text}: {second.text}")  # a place and what about it: "Syria: American bases"
    return _clip(f"{head.text} {conjunction} {second.text}")


def _second(head: Candidate, rest: list[Candidate], phrases: list[Candidate]) -> Candidate | None:
    """What else the topic is about, worth naming beside the head: a phrase ("sick leave"), or beside a name
    another name ("Beijing and China"). A lone common word after a phrase adds nothing ("Rail workers: deal"),
    nor does a word of everyday speech alone, name or not ("Shops and Street", "Department and Affairs"),
    and a lone name after a common head is a passer-by ("Shared ownership: Tom") unless the topic keeps naming
    it ("Federal Reserve and Mercer")."""
    for cand in rest[:3]:
        if cand.is_name and len(cand.terms) == 1 and not head.is_name and not (
                cand.count >= NAMED_OFTEN and cand.score >= NAMED_SHARE * head.score):
            continue  # a passer-by; a name the topic keeps coming back to is part of it ("Mercer" the nominee)
        if len(cand.terms) == 1:
            # A phrase that also holds this word says it better: "controllers" -> "air traffic controllers",
            # "Bang" -> "Big Bang".
            fuller = [p for p in phrases if set(p.terms) > set(cand.terms) and not set(p.terms) & set(head.terms)
                      and p.count >= PHRASE_MIN]
            if fuller:
                cand = max(fuller, key=lambda p: p.count)
            elif not cand.is_name:
                continue  # two lone words make no subject: "West and garden"
        if len(cand.terms) == 1 and not cand.is_name and not (head.is_name and len(head.terms) == 1):
            continue
        if len(cand.terms) == 1 and cand.text.lower() in EVERYDAY:
            continue  # an everyday word alone adds nothing: "Shops and Street", "Department and Affairs"
        if len(head.text.split()) + 1 + len(cand.text.split()) > MAX_LABEL_WORDS:
            continue
        return cand
    return None


def participle_prefix(ranked: list[Candidate], weight: dict[str, float], table: TermTable, question: str) -> str | None:
    """A participle the opening question uses of the head ("the Russian property that was seized"), strong
    enough to qualify it: "Seized Russian property". Only a passive use qualifies: "the starter bubbled" is no
    "bubbled starter"."""
    if not ranked or ranked[0].is_name:
        return None
    floor = PREFIX_SHARE * ranked[0].score
    noun = re.escape(ranked[0].text.split()[-1])
    for t in sorted(weight, key=lambda t: -weight[t]):
        form = table.display[t]
        if weight[t] < floor:
            break
        if t in ranked[0].terms or not form.endswith("ed") or not form.islower():
            continue
        passive = rf"\b{noun}\b[^.?!]{{0,20}}\b(?:is|are|was|were|been|being|got) {re.escape(form)}\b"
        if re.search(passive, question, re.IGNORECASE) or re.search(rf"\b{re.escape(form)} {noun}\b", question):
            return form
    return None


def _clip(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return " ".join(text.split()[:MAX_LABEL_WORDS])
