"""Chapter lists: the sections a podcast's show notes or a caption file name, each with the time it starts.

Show notes above a transcript often list the episode's chapters, one a line (`00:12:30 Mortgage rates`,
`12:30 - Mortgage rates`), perhaps under a `Chapters:` or `Timestamps` line. Such a list becomes the
document's headings (placed at the first turn that starts at or after each time), and its lines are set aside,
never read as a turn. A block of timed lines is a chapter list when a heading line names it so, or when the
transcript below starts again from an earlier time than the list's last one (a transcript's own times only go
forward).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.cues import CLOCK, seconds
from reader.core.model import AsideKind, Span

_BLOCK = re.compile(r"\S(?:[^\n]*\S)?(?:\n[ \t\r\f\v\u00a0]*\S[^\n]*)*")
_LINE = re.compile(rf"[ \t]*[-*•]?[ \t]*(?P<time>\[{CLOCK}\]|\({CLOCK}\)|{CLOCK})[ \t]*(?:[-–—:|][ \t]*)?"
                   r"(?P<title>[^\s\d][^\n]{0,99}?)[ \t]*$")
_HEADING = re.compile(r"[ \t]*(?:#+[ \t]*)?[*_]*(?:episode[ \t]+)?(?:chapters|chapter list|timestamps|time stamps|"
                      r"contents|table of contents|show notes|in this episode)[*_]*[ \t]*:?[ \t]*$", re.IGNORECASE)
_NEXT_CLOCK = re.compile(rf"^[^\n]{{0,60}}?(?<![\d:.,])(?P<time>{CLOCK})(?![\d:])", re.MULTILINE)
_BLOCKS_LOOKED_AT = 12  # a chapter list sits in the show notes at the top


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float  # seconds
    time: Span
    title_span: Span


@dataclass
class Chapters:
    entries: list[Chapter] = field(default_factory=list)
    blocks: list[Span] = field(default_factory=list)  # the blocks that hold the lists
    headings: list[Span] = field(default_factory=list)  # `Chapters:` lines above them

    def __bool__(self) -> bool:
        return bool(self.entries)

    def holds(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.blocks)

    def titles_line(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] is one line that is a chapter's title, outside the list."""
        line = text[start:end].strip().strip("#*_").strip().casefold()
        return "\n" not in line and not self.holds(start) and any(c.title.casefold() == line for c in self.entries)

    @property
    def starts(self) -> list[float]:
        return [chapter.start for chapter in self.entries]

    def set_aside(self, text: str, builder: TranscriptBuilder) -> None:
        """The list's lines become asides (times furniture, titles sections) and its titles headings."""
        for span in self.headings:
            builder.aside(AsideKind.HEADER, *span)
        for chapter in self.entries:
            time_end = chapter.title_span[0]  # the time and a dash after it (`0:00 –`)
            while text[time_end - 1].isspace():
                time_end -= 1
            builder.aside(AsideKind.FURNITURE, chapter.time[0], time_end)
            builder.aside(AsideKind.SECTION, *chapter.title_span)
            builder.heading(chapter.title, start=chapter.start)


def chapter_lines(text: str, start: int, end: int) -> list[Chapter] | None:
    """The chapters of text[start:end] when every line of it is `time title` and the times go forward."""
    found: list[Chapter] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if text[pos:line_end].strip():
            m = _LINE.match(text, pos, line_end)
            if m is None or m["title"].rstrip().endswith((".", ",", ";")):
                return None
            at = seconds(m["time"])
            if found and at <= found[-1].start:
                return None
            found.append(Chapter(m["title"].strip().strip("*_").strip() or m["title"], at, m.span("time"),
                                 m.span("title")))
        pos = line_end + 1
    return found


_INTRO_LINES = 2  # lines of prose a heading's list may open with: `Here are the loose "chapters" in the conversation.`


def _after_intro(text: str, start: int, end: int) -> tuple[list[Chapter] | None, int]:
    """The chapters of text[start:end] under a heading, after up to _INTRO_LINES lines that introduce them; and
    where the heading's part ends: the newline after the introduction, or `start - 1` (the heading's own line
    end) when there is none."""
    intro_end = start - 1
    for _ in range(_INTRO_LINES + 1):
        entries = chapter_lines(text, intro_end + 1, end)
        if entries:
            return entries, intro_end
        nl = text.find("\n", intro_end + 1, end)
        if nl < 0:
            break
        intro_end = nl
    return None, start - 1


def find_chapters(text: str, start: int, end: int) -> Chapters:
    """The chapter list at the top of text[start:end], if it has one."""
    for index, block in enumerate(_BLOCK.finditer(text, start, end)):
        if index >= _BLOCKS_LOOKED_AT:
            break
        b_start, b_end = block.span()
        heading: Span | None = None
        first_nl = text.find("\n", b_start, b_end)
        first_line_end = b_end if first_nl < 0 else first_nl
        if _HEADING.match(text, b_start, first_line_end):
            heading = (b_start, first_line_end)
            if first_nl < 0:  # the heading alone, the list in the next block
                following = _BLOCK.search(text, b_end, end)
                if following is None:
                    break
                entries = chapter_lines(text, *following.span())
                if entries and len(entries) >= 2:
                    return Chapters(entries, [(b_start, b_end), following.span()], [heading])
                continue
            entries, intro_end = _after_intro(text, first_line_end + 1, b_end)
            heading = (b_start, intro_end)
        else:
            entries = chapter_lines(text, b_start, b_end)
        if not entries or len(entries) < 2:
            continue
        if heading is None:
            after = _NEXT_CLOCK.search(text, b_end, end)
            if after is None or seconds(after["time"]) >= entries[-1].start:
                continue  # the times go on: the transcript itself, not a list of its chapters
        return Chapters(entries, [(b_start, b_end)], [heading] if heading else [])
    return Chapters()


_NOTE = re.compile(r"^NOTE(?:[ \t]+(?P<first>[^\n]*))?(?P<rest>(?:\n[^\n]*\S[^\n]*)*)", re.MULTILINE)
_NOTE_CHAPTER = re.compile(r"(?:chapter|section)(?:[ \t]+\d+)?[ \t]*[:.\-–][ \t]*(?P<title>\S[^\n]*)", re.IGNORECASE)
_CUE_TIMING = re.compile(rf"^[ \t]*(?P<start>{CLOCK})[ \t]*-->", re.MULTILINE)


def note_chapters(text: str) -> list[tuple[str, float]]:
    """Chapters a WebVTT file names in NOTE blocks, as (title, start): `NOTE Chapter: Mortgage rates` before the
    cue where it starts, or a NOTE listing `00:12:30 Mortgage rates` lines."""
    if "NOTE" not in text:
        return []
    found: list[tuple[str, float]] = []
    for note in _NOTE.finditer(text):
        one = _NOTE_CHAPTER.fullmatch((note["first"] or "").strip())
        if one is not None:
            cue = _CUE_TIMING.search(text, note.end())
            if cue is not None:
                found.append((one["title"].strip(), seconds(cue["start"])))
            continue
        listed = chapter_lines(text, note.start("rest") + 1, note.end()) if note["rest"] else None
        if listed:
            found.extend((chapter.title, chapter.start) for chapter in listed)
    return found
