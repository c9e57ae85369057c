"""The units a topic is built from: whole exchanges where the transcript's exchanges group turns (a topic starts
with a question, never inside an answer), single turns otherwise.

An exchange is cut again where a topic must or may start inside it: at the turns the document's own headings
open, at a hearing member's later questions in a round, at each turn before the first question, at a chair's
agenda items, and inside a long exchange at its own internal shifts (see `_inner_cuts`). A unit remembers
whether a chair's agenda item opens it: that is the strongest cue a meeting gives.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from reader.core.asking import opens_item
from reader.core.model import Role, Transcript
from reader.core.topics.cues import opens_topic
from reader.core.topics.stopwords import SPEAKERISH
from reader.core.topics.terms import WORD, TermTable, term_of

LONG_UNIT_TURNS = 4  # an exchange longer than this may change subject inside: its asker's later turns can open one


@dataclass(frozen=True, slots=True)
class Unit:
    first_turn: int
    last_turn: int
    opening: str  # the text of the turn that opens the unit (the question)
    opening_terms: dict[str, None]  # the opening turn's terms, in order of first use
    terms: dict[str, int]
    words: int
    size: int  # content terms, counted with repeats
    item: bool = False  # a chair moves the meeting to its next agenda item here


def units_of(transcript: Transcript, table: TermTable, cuts: frozenset[int] = frozenset()) -> list[Unit]:
    """Exchanges (single turns without an interviewer), cut again at `cuts`: the turns the document's own
    headings open, which a topic must be able to start at even inside an exchange."""
    # Exchanges whenever they group turns (a question and its answers), not only under an interviewer: a
    # podcast's host or a hearing's members ask too.
    if transcript.interviewer is not None or len(transcript.exchanges) < 0.8 * len(transcript.turns):
        spans = [(e.first_turn, e.last_turn) for e in transcript.exchanges]
    else:
        spans = [(t.index, t.index) for t in transcript.turns]
    # A hearing's round of questions is one exchange, but its questions may change the subject: each can start a
    # topic.
    items = agenda_items(transcript)
    cuts = cuts | {q for e in transcript.exchanges for q in e.questions[1:]} | items.keys()
    if cuts:
        spans = [piece for first, last in spans for piece in _cut(first, last, cuts)]
    inner = _inner_cuts(transcript, spans, meeting=bool(items))
    if inner:
        spans = [piece for first, last in spans for piece in _cut(first, last, inner)]
    units = []
    for first, last in spans:
        terms = Counter(chain.from_iterable(table.turn_sequences[first:last + 1]))  # not cached: one per unit
        words = sum(table.turn_words[first:last + 1])
        size = sum(map(len, table.turn_sequences[first:last + 1]))
        opening = dict.fromkeys(table.turn_sequences[first])
        units.append(Unit(first, last, transcript.turns[first].text, opening, terms, words, size, first in items))
    return units


def agenda_items(transcript: Transcript) -> dict[int, str]:
    """The turns where a chair's agenda items begin, each with the item's title when the chair gives one
    ("Item 6, the allotments." -> "Allotments"; "" without). A chair often closes one item and names the next in
    the same turn ("All in favour? Carried. Item 6, the allotments."): the item then begins with the next turn."""
    # Only a chair moves a meeting on, and a chair keeps Role.OTHER: an interview's questions are never read.
    chairs = {s.key for s in transcript.speakers if s.role is Role.OTHER}
    found: dict[int, str] = {}
    if not chairs:
        return found
    turns = transcript.turns
    for e in transcript.exchanges:
        if turns[e.first_turn].speaker not in chairs:
            continue
        text = turns[e.first_turn].text
        if opens_item(text):
            at_start = opens_item(text[:len(text) // 2])
            turn = e.first_turn if at_start or e.first_turn + 1 >= len(transcript.turns) else e.first_turn + 1
            found[turn] = _item_title(text)
    return found


# "Item 5, the playground on the recreation ground.", "Item four is public participation, and...": the title runs
# to the first comma or full stop.
_ITEM_TITLE = re.compile(r"\bitem (?:number |no\.? )?(?:\d+[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"eleven|twelve)(?: is)?[,:.–—-]?\s+(?:the |our |a |an )?([^.?!;:,()]{3,80})", re.IGNORECASE)
MAX_TITLE_WORDS = 6
# A longer title joins two: "the downtown parking study and the proposal to install meters" -> the first.
_SECOND_PART = re.compile(r"\s+and (?:the|a|an|our) ", re.IGNORECASE)
# A reference, read out or written ("twenty-four stroke oh-eight-one-two", "24/00410/FUL"), names no subject, nor
# does what it refers to alone ("Planning application 24/00410/FUL"): the item's own words name it then.
_REFERENCE = re.compile(r"\s+(?=\d+/|(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
                        r"forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)* (?:stroke|slash|dash|oblique)\b)",
                        re.IGNORECASE)
_REFERRED = frozenset({"planning", "application", "applications", "reference", "number", "case"})


def _item_title(text: str) -> str:
    """The title a chair gives the agenda item it opens (the last it names: "Item two is continued. Item three,
    the skate park grant."), when it is a short noun phrase naming a subject (never "the minutes" or "Councillor
    Reid's motion")."""
    *_, match = (None, *_ITEM_TITLE.finditer(text))
    if match is None:
        return ""
    title = match.group(1)
    if len(WORD.findall(title)) > MAX_TITLE_WORDS:
        title = _SECOND_PART.split(title, maxsplit=1)[0]
    title, *reference = _REFERENCE.split(title, maxsplit=1)
    words = WORD.findall(title)
    if not 1 <= len(words) <= MAX_TITLE_WORDS or any(w.lower() in SPEAKERISH for w in words):
        return ""
    if not any(term_of(w) and not (reference and w.lower() in _REFERRED) for w in words):
        return ""  # no content word: "Item 3, as before", "Item 6, planning application 24/00410/FUL"
    title = " ".join(title.split())
    return title[:1].upper() + title[1:]


def _inner_cuts(transcript: Transcript, spans: list[tuple[int, int]], meeting: bool = False) -> frozenset[int]:
    """Turns inside a unit where a topic may start all the same. The turns before the first question group by
    nothing (a podcast's hosts chat, then look at the week's news, then bring in the guest): each is a unit. A
    long exchange may move on without a new question ("Which brings us nicely onto renting", a chair's next
    point): the later turns of the asking side, of whoever opened it, or that open with a cue phrase ("The other
    thing in the playground is...") can start a topic; in a meeting, where members raise matters under an agenda
    item without asking anyone, any of its turns can."""
    asking = {s.key for s in transcript.speakers if s.role is Role.INTERVIEWER}
    openings = {e.first_turn for e in transcript.exchanges if e.question is None}
    found: set[int] = set()
    for first, last in spans:
        if first in openings:
            found.update(range(first + 1, last + 1))
        elif last - first + 1 > LONG_UNIT_TURNS:
            opener = transcript.turns[first].speaker
            found.update(t for t in range(first + 1, last + 1)
                         if meeting or transcript.turns[t].speaker in asking or transcript.turns[t].speaker == opener
                         or opens_topic(transcript.turns[t].text))
    return frozenset(found)


def _cut(first: int, last: int, cuts: frozenset[int]) -> list[tuple[int, int]]:
    starts = [first, *sorted(c for c in cuts if first < c <= last)]
    return [(s, e - 1) for s, e in zip(starts, [*starts[1:], last + 1], strict=True)]
