"""The document model: one immutable `Transcript` per file, shared read-only by every view.

Offsets (`span`) are character offsets into `Transcript.source`, the decoded text with line ends
normalised to ``\\n``. Everything the user adds lives beside the transcript in the annotation store.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from reader.core.words import count_words

Span = tuple[int, int]


# Who says what no label gives to anyone: a page's lede above the first labelled turn, a file read as plain
# paragraphs, a recognition output without speakers. Its key is its label's, as the builder makes keys.
UNKNOWN_SPEAKER = "Unknown speaker"
UNKNOWN_SPEAKER_KEY = UNKNOWN_SPEAKER.casefold()


class Role(enum.StrEnum):
    INTERVIEWER = "interviewer"
    INTERVIEWEE = "interviewee"
    OTHER = "other"


class AsideKind(enum.StrEnum):
    """Why a stretch of the source is in no turn."""

    BOILERPLATE = "boilerplate"  # page furniture of a scraped web page, a cover page, a footer
    HEADER = "header"  # lines that became metadata (title, date line, front matter)
    FURNITURE = "furniture"  # layout marks: timings, cue numbers, margin and page numbers, voice tags
    SECTION = "section"  # a heading the document writes (Markdown `## ...`, HTML <h2>): see `Heading`


@dataclass(frozen=True, slots=True)
class Aside:
    kind: AsideKind
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None  # ISO 8601 date, "2017-07-21"
    time: str | None = None  # "20:08"
    place: str | None = None
    source: str | None = None  # file name or where the text came from
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str  # stable id inside this transcript: the normalised label
    label: str  # as first written in the file
    name: str  # display name (the label cleaned up; the user may rename it in the store)
    role: Role
    turns: int
    words: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str  # as the reader sees it: hard wraps joined with one space, furniture removed
    span: Span  # source span, which may contain furniture asides (margin numbers, cue timings)


@dataclass(frozen=True, slots=True)
class Turn:
    index: int  # 0-based position in reading order
    id: str  # stable across re-parses of the same text: derived from speaker and words
    speaker: str  # Speaker.key
    paragraphs: tuple[Paragraph, ...]
    start: float | None  # seconds from the start of the recording, when the layout gives it
    span: Span  # from the label (or first paragraph) to the end of the last paragraph
    label_span: Span | None  # where the speaker label is written, when it is
    exchange: int  # index into Transcript.exchanges

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def words(self) -> int:
        return sum(count_words(p.text) for p in self.paragraphs)

    @property
    def unlabelled(self) -> bool:
        """Words no label gives anyone (a page's lede, a file read as plain paragraphs), not a file's own
        "Unknown Speaker:" label, which is someone talking."""
        return self.speaker == UNKNOWN_SPEAKER_KEY and self.label_span is None


@dataclass(frozen=True, slots=True)
class Exchange:
    """A question with the turns that answer it: the unit that folds.

    A transcript with no questions, or the turns before the first question, form exchanges
    with ``question`` set to None. A hearing member's round of questions is one exchange: ``questions``
    holds every turn that asks in it, ``question`` first.
    """

    index: int  # 0-based position among all exchanges
    first_turn: int
    last_turn: int  # inclusive
    question: int | None  # index of the turn that opens it with a question
    number: int | None  # 1-based count of questions so far (Q{number}); None without a question
    questions: tuple[int, ...] = ()  # the turns that ask in it, from `question` on; empty without a question

    @property
    def label(self) -> str:
        if self.number is not None:
            return f"Q{self.number}"
        return "Intro" if self.index == 0 else f"T{self.first_turn + 1}"

    @property
    def turn_range(self) -> range:
        return range(self.first_turn, self.last_turn + 1)


@dataclass(frozen=True, slots=True)
class Heading:
    """A section title the document itself gives: a Markdown or HTML heading, a WebVTT chapter, a chapter list
    in show notes (`00:12:30 Mortgage rates`). Its section starts at turn `turn` and runs to the next heading."""

    title: str
    turn: int  # index of the section's first turn
    level: int = 1  # 1 for the top level (`#`, <h1>/<h2> as the document uses them), 2 below it, ...


@dataclass(frozen=True)
class Transcript:
    source: str
    layout: str
    encoding: str
    metadata: Metadata
    speakers: tuple[Speaker, ...]
    turns: tuple[Turn, ...]
    exchanges: tuple[Exchange, ...]
    asides: Sequence[Aside]  # in source order; made when first read (formats/base.py, `Asides`)
    fingerprint: str
    path: str | None = None
    warnings: tuple[str, ...] = field(default=())
    headings: tuple[Heading, ...] = field(default=())  # the document's own sections, in order
    source_format: str = "text"  # the container the text came in: "text", "html", "docx", "pdf", "json", "tsv"

    @cached_property
    def speaker_by_key(self) -> dict[str, Speaker]:
        return {s.key: s for s in self.speakers}

    def speaker(self, turn: Turn) -> Speaker:
        return self.speaker_by_key[turn.speaker]

    @property
    def boilerplate(self) -> tuple[Aside, ...]:
        return tuple(a for a in self.asides if a.kind is AsideKind.BOILERPLATE)

    @property
    def interviewer(self) -> Speaker | None:
        return next((s for s in self.speakers if s.role is Role.INTERVIEWER), None)

    @cached_property
    def turn_by_id(self) -> dict[str, Turn]:
        return {t.id: t for t in self.turns}

    @property
    def words(self) -> int:
        return sum(s.words for s in self.speakers)

    @property
    def paragraph_count(self) -> int:
        return sum(len(t.paragraphs) for t in self.turns)

    def exchange_of(self, turn_index: int) -> Exchange:
        return self.exchanges[self.turns[turn_index].exchange]
