"""What a reader sees of each topic (or section) in a table of contents: its span in questions and its share of
the words; the titles the reading view writes where sections and topics begin; and the titles an export of the
notes groups them under."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import Transcript
from reader.core.topics import Section, Topic


@dataclass(frozen=True, slots=True)
class OutlineRow:
    topic: Topic
    span: str  # "Q3-Q5", or "Q7" for a topic within one exchange
    share: float  # of the interview's words, 0..1
    words: int


def span_label(transcript: Transcript, topic: Topic | Section) -> str:
    first = transcript.exchange_of(topic.first_turn).label
    last = transcript.exchange_of(topic.last_turn).label
    return first if first == last else f"{first}-{last}"


def outline(transcript: Transcript, topics: list[Topic]) -> list[OutlineRow]:
    words = [turn.words for turn in transcript.turns]
    total = sum(words) or 1
    rows = []
    for topic in topics:
        count = sum(words[topic.first_turn:topic.last_turn + 1])
        rows.append(OutlineRow(topic, span_label(transcript, topic), count / total, count))
    return rows


@dataclass(frozen=True, slots=True)
class Heading:
    """The titles that begin at one turn: the section's (or ""), and the topic's (or "", also where the topic
    only says again what its section says)."""

    section: str
    topic: str

    def __str__(self) -> str:
        return " › ".join(filter(None, (self.section, self.topic)))


def headings(sections: Sequence[Section]) -> dict[int, Heading]:
    """By turn: the titles of the sections and topics beginning at it, the opening's included."""
    found = {}
    for section in sections:
        for topic in section.topics:
            opens = topic.first_turn == section.first_turn
            title = "" if opens and topic.label.casefold() == section.label.casefold() else topic.label
            found[topic.first_turn] = Heading(section.label if opens else "", title)
        found.setdefault(section.first_turn, Heading(section.label, ""))  # a section given without its topics
    return found


def contents(sections: Sequence[Section]) -> list[tuple[int, str, str, str]]:
    """(first turn, section's title, topic's title, the titles the reading view writes there) of every topic in
    order: what an export of the notes groups them by (`reader.core.notes.export.Part`)."""
    written = headings(sections)
    return [(topic.first_turn, section.label, topic.label, str(written[topic.first_turn]))
            for section in sections for topic in section.topics]
