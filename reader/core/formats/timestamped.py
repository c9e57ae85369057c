"""Timestamped exports of transcription services, where each turn opens with a speaker and a time:

- a name and a time on one line, text below (`Emma  0:37`, `Speaker 1  1:02:03`, `Jane Doe 00:00:12`,
  `Jane Doe - 00:00:12`, `Jane Doe | 0:12`), often ending with a footer such as `Transcribed by https://otter.ai`;
  or the name alone on its line and the time alone on the next (as copied from a web player);
- a name with the time in parentheses on its own line (`Jane Doe (00:03):`), or before the text;
- the time first (`[00:01:23] Jane: text`, `00:00:03 Speaker 1` on its own line);
- Markdown with a bold name (`**Kelly** [0:18] text`); a bracketed name (`[Jane Doe] 10:05:33`,
  `[Speaker 1] [00:17] text`).

A time alone at the start of a line (`[00:02:10] and then...`) opens a new paragraph of the same turn.
Times become the turns' start (seconds) and are kept aside as furniture; footers are boilerplate.

Text where every line opens with a time and nobody is named (a podcast's transcript, `00:00:04 text`) is
one unknown speaker's, its lines joined into paragraphs that end at pauses after a sentence (`speakerless.py`).
A chapter list in the show notes above the transcript (`00:12:30 Mortgage rates`) gives the document's
headings, and its lines are set aside.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from reader.core.formats import speakerless
from reader.core.formats.base import UNKNOWN_SPEAKER, TranscriptBuilder, speaker_key
from reader.core.formats.chapters import Chapters, find_chapters
from reader.core.formats.cues import CLOCK, TIMING, seconds
from reader.core.formats.dates import clock_time, iso_date
from reader.core.formats.names import name_shape
from reader.core.model import AsideKind, Span

NAME = "timestamped"

_SNIFF_CHARS = 64_000
_BCLOCK = rf"[\[(]{CLOCK}[\])]"
_NAME = r"[^\W\d_][^\n:\[\]()*_|<>]{0,50}?"
_BOLD = r"(?:\*\*|__)"


class _Pattern(NamedTuple):
    """A label pattern, tried on a line from its first non-blank character. `mark` is the label as written
    (bold and colon included), `time` the timestamp with its brackets, `content` the text after them. A weak
    label has neither colon nor brackets, so it must look like a name (`_plausible`)."""

    strength: str  # "strong" or "weak"
    regex: re.Pattern[str]
    # A label alone with its time has at most this many characters besides blanks: a longer line (one that
    # continues a turn after a time) is ruled out before the regex, whose lazy name takes microseconds to fail.
    longest: int | None = None


_TIME_THEN_NAME = _Pattern("strong", re.compile(  # [00:01:23] Jane: text    00:01:23 **Jane:** text
    rf"(?P<time>{_BCLOCK}|{CLOCK})[ \t]+(?P<mark>{_BOLD}?(?P<label>{_NAME})[ \t]*(?:{_BOLD}:|:{_BOLD}?))"
    rf"(?:[ \t]+(?P<content>\S.*))?[ \t]*$"))
_TIME_THEN_NAME_ALONE = _Pattern("weak", re.compile(  # 00:00:03 Speaker 1    (alone on its line)
    rf"(?P<time>{_BCLOCK}|{CLOCK})[ \t]+(?P<mark>{_BOLD}?(?P<label>{_NAME})[ \t]*{_BOLD}?)[ \t]*$"),
    longest=70)  # the time (15), bold (4), the name (51)
_BRACKETED_NAME_THEN_CLOCK = _Pattern("strong", re.compile(  # [Jane Doe] 10:05:33
    rf"(?P<mark>\[(?P<label>{_NAME})\])[ \t]+(?P<time>{CLOCK})[ \t]*$"))
_BRACKETED_NAME_THEN_TIME = _Pattern("strong", re.compile(  # [Speaker 1] [00:17] text
    rf"(?P<mark>\[(?P<label>{_NAME})\]:?)[ \t]*(?P<time>{_BCLOCK}):?(?:[ \t]+(?P<content>\S.*))?[ \t]*$"))
_NAME_THEN_TIME = _Pattern("strong", re.compile(  # Jane (00:03):    **Kelly** [0:18] text    Speaker 1: [00:00] text
    rf"(?P<mark>{_BOLD}?(?P<label>{_NAME})[ \t]*{_BOLD}?(?::{_BOLD}?)?)[ \t]*"
    rf"(?P<time>{_BCLOCK}:?)(?:[ \t]+(?P<content>\S.*))?[ \t]*$"))
_NAME_THEN_CLOCK = _Pattern("weak", re.compile(  # Emma  0:37    Jane Doe - 00:01:02    Jane Doe | 1:02
    rf"(?P<mark>{_BOLD}?(?P<label>{_NAME})[ \t]*{_BOLD}?(?:[ \t]+[-–—|·•])?)[ \t]+(?P<time>{CLOCK})[ \t]*$"))
# The patterns worth trying on a line, by what it opens with, in the order they are tried.
_OPENS_WITH_BRACKET = (_TIME_THEN_NAME, _TIME_THEN_NAME_ALONE, _BRACKETED_NAME_THEN_CLOCK, _BRACKETED_NAME_THEN_TIME)
_OPENS_WITH_TIME = (_TIME_THEN_NAME, _TIME_THEN_NAME_ALONE)
_NAME_AND_BRACKETS = (_NAME_THEN_TIME, _NAME_THEN_CLOCK)
_NAME_ONLY = (_NAME_THEN_CLOCK,)  # no bracket anywhere on the line: only `Emma  0:37`
_CLOCK_REACH = 90  # how far into a line a label's time can be
_BLOCK = re.compile(r"\S(?:[^\n]*\S)?(?:\n[ \t\r\f\v\u00a0]*\S[^\n]*)*")
_LIST_HEADING = re.compile(r"(?:SUMMARY KEYWORDS|KEYWORDS|SPEAKERS|Keywords:|Speakers:)[ \t]*(?:$|\S)")
_BARE_TIME = re.compile(rf"(?P<time>{_BCLOCK}|{CLOCK})(?:[ \t]+(?P<content>\S.*))?[ \t]*$")
_FULL_CLOCK = re.compile(r"\d{1,3}:\d{2}:\d{2}")
_FOOTER = re.compile(r"(?:Transcribed (?:by|with)|Transcription by|Transcript by|This transcript was exported on)"
                     r"\b.{0,200}$", re.IGNORECASE)


class TimedLine(NamedTuple):  # a tuple: made once per timed line, several times cheaper than a frozen dataclass
    start: int  # first non-blank character of the line
    end: int  # end of the line, trailing blanks excluded
    time: Span
    seconds: float
    label: str | None
    mark: Span | None
    content: int  # where the text after label and time starts (== end when there is none)


def _match_line(text: str, ls: int, le: int, labels: bool = True) -> TimedLine | None:
    if ls < le and text[ls] in _LEADING:
        ls = _first_char(text, ls, le)
    while le > ls and text[le - 1].isspace():
        le -= 1
    if ls >= le:
        return None
    first = text[ls]
    patterns: tuple[_Pattern, ...]
    if not labels:
        patterns = ()
    elif first == "[":
        patterns = _OPENS_WITH_BRACKET
    elif first.isdigit() or first == "(":
        patterns = _OPENS_WITH_TIME
    elif text.find("[", ls, le) >= 0 or text.find("(", ls, le) >= 0:
        patterns = _NAME_AND_BRACKETS
    else:
        patterns = _NAME_ONLY
    for strength, pattern, longest in patterns:
        if longest is not None and le - ls - text.count(" ", ls, le) - text.count("\t", ls, le) > longest:
            continue
        m = pattern.match(text, ls, le)
        if m and _plausible(label := m["label"].strip(), strength):
            content = m.start("content") if "content" in pattern.groupindex and m["content"] else le
            return TimedLine(ls, le, m.span("time"), seconds(m["time"]), label, _strip(text, *m.span("mark")),
                             content)
    m = _BARE_TIME.match(text, ls, le)
    if m and (m["content"] is None or m["time"][0] in "[(" or _FULL_CLOCK.fullmatch(m["time"])):
        return TimedLine(ls, le, m.span("time"), seconds(m["time"]), None, None,
                         m.start("content") if m["content"] else le)
    return None


# Role words that open prose in captions, but after a timestamp and before a colon are a speaker's label.
_ROLE_LABELS = frozenset({"question", "answer", "interviewer", "interviewee", "host", "guest"})
# What follows a clock that tells the time of day, not a speaker: `1:42 P.M. EDT`, the opening and closing lines
# of a White House briefing; `14:30 Uhr`, `10:15 heures`, `9:00 o'clock`.
_TIME_OF_DAY = re.compile(r"(?:[AaPp]\.?[ \t]?[Mm]\.?|Uhr|heures?|horas?|hrs?\.?|o['’]clock)"
                          r"(?:[ \t]+\(?[A-Z]{1,5}\)?)?")  # and a time zone: `EDT`, `(GMT)`


@lru_cache(maxsize=4096)  # asked for every timed line, of a handful of distinct labels
def _plausible(label: str, strength: str) -> bool:
    if _TIME_OF_DAY.fullmatch(label):
        return False
    if strength == "strong" and label.strip().casefold() in _ROLE_LABELS:
        return True
    if not name_shape(label):
        return False
    # Without a colon or brackets a label could be the first words of a sentence: it must look like a name.
    return strength == "strong" or not label.endswith((".", ","))


def timed_lines(text: str, start: int, end: int) -> dict[int, TimedLine]:
    """The timed lines of text[start:end] by line start; labels only when the file vouches for them (some
    label recurs), so a lone `Meeting at Noon 12:00` is not a speaker."""
    lines = _candidate_lines(text, start, end)
    found = _names_above({ls: t for ls, le in lines if (t := _match_line(text, ls, le))}, text, start)
    keys: set[str] = set()
    for t in found.values():
        if t.label:
            key = speaker_key(t.label)
            if key in keys:
                return found  # a label recurs (the first lines tell, in a real transcript)
            keys.add(key)
    if keys:
        found = {ls: t for ls, le in lines if (t := _match_line(text, ls, le, labels=False))}
    return found


_NAME_LINE = re.compile(rf"{_BOLD}?(?P<label>{_NAME})[ \t]*{_BOLD}?")


def _names_above(found: dict[int, TimedLine], text: str, start: int) -> dict[int, TimedLine]:
    """A time alone on its line under a name alone on its own, after a blank line (`Jane Doe` then `00:01:02`,
    the text below), is a label with its time, as `Jane Doe  00:01:02` is on one line."""
    out = {}
    for ls, line in found.items():
        if line.label is None and line.content == line.end and ls > start and text[ls - 1] == "\n":
            above = _line_start(text, start, ls - 1)
            name = _strip(text, above, ls - 1)
            blank = above == start or not text[_line_start(text, start, above - 1):above - 1].strip()
            m = _NAME_LINE.fullmatch(text, *name) if blank and name[0] < name[1] else None
            if m and _plausible(label := m["label"].strip(), "weak"):
                out[name[0]] = line._replace(start=name[0], label=label, mark=name)
                continue
        out[ls] = line
    return out


def _line_start(text: str, start: int, at: int) -> int:
    """Where the line holding text[at] (or ending there) starts, not before `start`."""
    return max(text.rfind("\n", start, at) + 1, start)


def _candidate_lines(text: str, start: int, end: int) -> list[Span]:
    """Lines with a clock (a digit, a colon and two digits) near their start: the only ones worth trying the
    patterns on. Found from the colons, which are few, rather than by a regex tried at every character."""
    out: list[Span] = []
    colon = text.find(":", start + 1, end)
    while colon >= 0:
        if colon + 3 <= end and text[colon - 1].isdecimal() and text[colon + 1:colon + 3].isdecimal():
            at = colon - 1  # the leftmost clock of its line: later ones on the line are not looked at
            ls = max(text.rfind("\n", start, at) + 1, start)
            nl = text.find("\n", at, end)
            line_end = end if nl < 0 else nl
            if at - ls <= _CLOCK_REACH:
                out.append((ls, line_end))
            if nl < 0:
                break
            colon = text.find(":", nl + 2, end)
        else:
            colon = text.find(":", colon + 1, end)
    return out


def sniff(text: str) -> float:
    head = text[:_SNIFF_CHARS]
    if len(TIMING.findall(head, 0, 4000)) >= 1:  # caption timings belong to WebVTT and SRT
        return 0.0
    cut = head.rfind("\n") if len(text) > _SNIFF_CHARS else len(head)
    timed = timed_lines(head, 0, max(cut, 0))
    labelled = sum(1 for t in timed.values() if t.label)
    lines = sum(1 for line in head.splitlines() if line.strip()) or 1
    if labelled == 0 and len(timed) >= 3 and len(timed) * 2 >= lines:
        return 0.6  # a time opening most lines, nobody named: a podcast's transcript, one voice
    if labelled < 2:
        return 0.0
    share = len(timed) / lines
    if share < 0.05:
        return 0.3
    return 0.75 + 0.2 * min(1.0, share * 2.5)


def parse(text: str, builder: TranscriptBuilder) -> None:
    body_end = _footer(text, builder)
    chapters = find_chapters(text, 0, body_end)
    timed = timed_lines(text, 0, body_end)
    if chapters:
        timed = {ls: line for ls, line in timed.items() if not chapters.holds(ls)}
        chapters.set_aside(text, builder)
    first_label = min((ls for ls, t in timed.items() if t.label), default=body_end)
    start = _preamble(text, builder, first_label, chapters)
    if timed and first_label == body_end:
        speakerless.parse(text, builder, list(timed.values()), start, body_end, chapters)
        return
    current: str | None = None
    current_key = ""
    cursor = start
    starts = chapters.starts if chapters else []
    chapter = 0  # the next chapter to start
    for ls, line in timed.items():
        if ls < start:
            continue
        _paragraphs(text, builder, cursor, ls, chapters)
        builder.aside(AsideKind.FURNITURE, *line.time)
        label = line.label
        opens_chapter = False  # a chapter starts with this line: its turn too, so that its heading has a place
        while chapter < len(starts) and starts[chapter] <= line.seconds:
            chapter += 1
            opens_chapter = True
        if label is not None and line.mark is not None:
            key = speaker_key(label)
            if current is not None and key == current_key and not opens_chapter:
                builder.aside(AsideKind.FURNITURE, *line.mark)  # the same speaker again, after a pause
            else:
                builder.turn(label, line.mark, line.seconds, new=opens_chapter)
                current, current_key = label, key
        elif current is None:
            builder.turn(None, None, line.seconds)
            current, current_key = UNKNOWN_SPEAKER, speaker_key(UNKNOWN_SPEAKER)
        cursor = min(line.content, line.end)
    _paragraphs(text, builder, cursor, body_end, chapters)


def _paragraphs(text: str, builder: TranscriptBuilder, start: int, end: int, chapters: Chapters) -> None:
    """Blank-line separated blocks of text[start:end], each one paragraph (hard wraps joined); a chapter list is
    set aside already, and a chapter's title written again alone above its part (`Gombe`) is set aside too: the
    list's heading stands there."""
    for m in _BLOCK.finditer(text, start, end):
        if not chapters:
            builder.paragraph(m.start(), m.end())
        elif chapters.titles_line(text, *m.span()):  # a chapter's title over its part of the transcript
            builder.aside(AsideKind.SECTION, m.start(), m.end())
        elif not chapters.holds(m.start()):
            builder.paragraph(m.start(), m.end())


_LEADING = " \t\u00a0\ufeff"


def _first_char(text: str, ls: int, le: int) -> int:
    while ls < le and text[ls] in _LEADING:
        ls += 1
    return ls


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _footer(text: str, builder: TranscriptBuilder) -> int:
    """Trailing lines naming the tool that made the transcript are boilerplate; returns where they start."""
    end = len(text)
    body_end = end
    while True:
        s, e = _strip(text, 0, end)
        if s >= e:
            return body_end
        ls = text.rfind("\n", 0, e) + 1
        ls = max(ls, s)
        if not _FOOTER.match(text, ls, e):
            return body_end
        builder.aside(AsideKind.BOILERPLATE, ls, e)
        body_end = end = ls


def _preamble(text: str, builder: TranscriptBuilder, first_label: int, chapters: Chapters) -> int:
    """What comes before the first speaker: a title line (`# Episode 12`), perhaps with a date line under it
    (`Sat, Nov 28, 2026 2:33PM • 45:12`) and, as Teams writes it, the length (`42m 10s`), and keyword or speaker
    lists become metadata and header asides; a
    chapter list is set aside already. Anything else stays as text. Returns where the body starts."""
    pos = 0
    meta = builder.metadata
    for index, m in enumerate(_BLOCK.finditer(text, 0, first_label)):
        lines = m.group().split("\n")
        if chapters and chapters.holds(m.start()):
            pass
        elif _LIST_HEADING.match(lines[0]):
            builder.aside(AsideKind.HEADER, m.start(), m.end())
        elif index == 0 and _title_block(lines):
            meta = replace(meta, title=_COMPLETED.sub("", lines[0]).strip("#*_ \t"))
            if len(lines) >= 2 and not _CREDIT.fullmatch(lines[1]):
                meta = replace(meta, date=iso_date(lines[1]), time=clock_time(lines[1]))
            builder.aside(AsideKind.HEADER, m.start(), m.end())
        elif index == 0 and len(lines) == 1 and _dated(lines[0]):
            meta = replace(meta, date=iso_date(lines[0]), time=clock_time(lines[0]))
            builder.aside(AsideKind.HEADER, m.start(), m.end())
        else:
            break
        pos = m.end()
    builder.metadata = meta
    return pos


_DURATION = re.compile(r"[ \t]*(?=\d)(?:\d+h[ \t]*)?(?:\d+m(?:in)?[ \t]*)?(?:\d+s)?[ \t]*")  # `42m 10s`, `1h 3m`


# The transcription service's credit under the title, as Rev writes it: `Transcript by Rev.com`.
_CREDIT = re.compile(r"[ \t]*(?:transcript(?:ion)?|transcribed)[ \t]+(?:by|with|from)[ \t]+\S.{0,60}", re.IGNORECASE)
# ... and the date its transcript was finished, after the title: `Year One Interview (Completed 01/10/25)`.
_COMPLETED = re.compile(r"[ \t]*\((?:completed|transcribed)[ \t]+[^()]{1,30}\)[ \t]*$", re.IGNORECASE)


def _title_block(lines: list[str]) -> bool:
    """A title alone, or with its date or the transcription service's credit under it, and under that perhaps
    the recording's length."""
    if not _title_like(lines[0]) or len(lines) > 3:
        return False
    return len(lines) == 1 or ((_dated(lines[1]) or bool(_CREDIT.fullmatch(lines[1])))
                               and (len(lines) == 2 or bool(_DURATION.fullmatch(lines[2]))))


def _title_like(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 120 and not line.endswith((".", "?", "!", ",", ";", ":"))


def _dated(line: str) -> bool:
    return len(line) <= 80 and iso_date(line) is not None


