"""Timed text with nobody named: each line opens with a time (`00:00:04 text`), as podcast transcripts and
automatic transcription exports write it. One unknown speaker says it all.

The lines are joined into paragraphs, as a reader would write them: a paragraph ends at a blank line, or where
the speaker pauses after a sentence. Lines give only start times, so a pause is the time between two lines'
starts beyond what the first line takes to say (`CHARS_PER_SECOND`). A long paragraph ends at the next
sentence end. So that a long recording is not one turn, the speaker's turn is cut at a paragraph end once it
holds `LONG_TURN` characters, and at each chapter of the show notes' list, so every chapter opens a turn. The
show notes' other lines around such a list are set aside with it.
"""

from __future__ import annotations

import re
from typing import Protocol

from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.chapters import Chapters
from reader.core.formats.cue_text import LONG_PARAGRAPH, LONG_TURN, PARAGRAPH_PAUSE, ends_sentence
from reader.core.model import AsideKind, Span

CHARS_PER_SECOND = 15  # about 180 words a minute
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_BLOCK = re.compile(r"\S(?:[^\n]*\S)?(?:\n[ \t\r\f\v\u00a0]*\S[^\n]*)*")


class TimedLine(Protocol):
    """A line that opens with a time, as `timestamped.timed_lines` finds it."""

    @property
    def start(self) -> int: ...  # the line's first visible character
    @property
    def end(self) -> int: ...
    @property
    def time(self) -> Span: ...
    @property
    def seconds(self) -> float: ...
    @property
    def content(self) -> int: ...  # where its words start


def parse(text: str, builder: TranscriptBuilder, lines: list[TimedLine], start: int, end: int,
          chapters: Chapters) -> None:
    """`lines` are the timed lines of text[start:end] in order; text between them continues the line above."""
    body = [line for line in lines if line.start >= start]
    for block in _BLOCK.finditer(text, start, body[0].start if body else end):
        if chapters:  # show notes, around the chapter list: what the episode is about, not what was said
            if not chapters.holds(block.start()):
                builder.aside(AsideKind.HEADER, *block.span())
        else:
            builder.paragraph(*block.span())
    reader = _Paragraphs(text, builder, chapters.starts)
    for index, line in enumerate(body):
        builder.aside(AsideKind.FURNITURE, *line.time)
        following = body[index + 1].start if index + 1 < len(body) else end
        reader.line(line.seconds, min(line.content, line.end), following)
    reader.flush()


class _Paragraphs:
    """Gathers the lines' words into paragraphs of one voice and cuts its turns."""

    def __init__(self, text: str, builder: TranscriptBuilder, chapter_starts: list[float]):
        self.text = text
        self.builder = builder
        self.chapters = chapter_starts
        self.next_chapter = 0  # index of the first chapter not yet reached
        self.parts: list[str] = []
        self.span: Span = (-1, -1)
        self.length = 0
        self.turn_length = 0
        self.started = False
        self.last: tuple[float, int] | None = None  # the previous timed line's time and length

    def line(self, at: float, content: int, following: int) -> None:
        """The words from `content` up to the next timed line (`following`), said from `at` seconds; a blank line
        among them is the transcriber's own paragraph end."""
        pos = content
        first = True
        for blank in [*_BLANK_LINE.finditer(self.text, content, following), None]:
            piece_end = following if blank is None else blank.start()
            piece = self.text[pos:piece_end]
            if not first:
                self.flush()
            if piece.strip():
                start = pos + len(piece) - len(piece.lstrip())
                self._add(at if first else None, " ".join(piece.split()), start, pos + len(piece.rstrip()))
            first = False
            if blank is not None:
                pos = blank.end()

    def _add(self, at: float | None, words: str, start: int, end: int) -> None:
        chapter = False
        while at is not None and self.next_chapter < len(self.chapters) \
                and at >= self.chapters[self.next_chapter] - 0.5:
            chapter = self.started  # a chapter starts here: a new turn, so its heading sits at it
            self.next_chapter += 1
        if at is not None and self.parts and self.last is not None:
            said_until = self.last[0] + self.last[1] / CHARS_PER_SECOND
            pause = at - said_until >= PARAGRAPH_PAUSE
            ended = ends_sentence(self.parts[-1])
            if chapter or ((pause or self.length >= LONG_PARAGRAPH) and ended) or self.length >= 2 * LONG_PARAGRAPH:
                self.flush()
        if not self.parts and (not self.started or chapter or (at is not None and self.turn_length >= LONG_TURN)):
            self.builder.turn(None, None, at, new=self.started)
            self.started = True
            self.turn_length = 0
        if not self.parts:
            self.span = (start, end)
        self.parts.append(words)
        self.span = (self.span[0], end)
        self.length += len(words) + 1
        self.turn_length += len(words) + 1
        if at is not None:
            self.last = (at, len(words))

    def flush(self) -> None:
        if self.parts:
            self.builder.paragraph(*self.span, text=" ".join(self.parts))
            self.parts = []
            self.length = 0
