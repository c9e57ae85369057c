"""What Copy with Citation puts on the clipboard: the words, who said them, and where to find them again.

A citation names the speaker, the transcript's title and date, the exchange (``Q12``) and, when the transcript
gives times, the time of the turn the words start in (``00:12:34``); with a recording, where the words are
heard (`time_heard`: ``≈00:12:40`` when estimated). It comes in one of three forms a reader may choose:

- plain: ``"quote" (Speaker, Title, 21 July 2017, Q12, 00:12:34)``;
- APA-like: ``"quote" (Speaker, 2017, Q12, 00:12:34)``, then a reference-list entry,
  ``Speaker. (2017, July 21). Title [Interview transcript].``;
- Chicago-like: ``"quote"``, then a note, ``Speaker, "Title," July 21, 2017, Q12, 00:12:34.``

A passage over several turns gives each speaker's words on a line of its own after their name, and the
citation after them (the speakers are named once each, with their words). Double quotes inside the words
become single ones, as a quotation inside a quotation is written. Speakers go by the reader's display names.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from reader.core.model import Transcript

if TYPE_CHECKING:  # the times are imported by the citations that give one: a title's date (`human_date`) needs none
    from reader.core.timing import Timeline

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DASH = "\u2013"  # between the first and last exchange of a passage: "Q12–Q13"


def human_date(iso: str | None) -> str:
    """"2017-07-21" -> "21 July 2017" (English whatever the locale); anything else as given."""
    if not iso:
        return ""
    try:
        d = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


class CitationStyle(enum.StrEnum):
    PLAIN = "plain"
    APA = "apa"
    CHICAGO = "chicago"

    @property
    def label(self) -> str:
        return STYLE_LABELS[self]


STYLE_LABELS: dict[CitationStyle, str] = {CitationStyle.PLAIN: "Plain", CitationStyle.APA: "APA-like",
                                          CitationStyle.CHICAGO: "Chicago-like"}

Piece = tuple[int, int, int]  # a turn index, and start and end offsets in its text


@dataclass(frozen=True, slots=True)
class Cited:
    """What a citation is made of, before it is written in a style."""

    voices: tuple[tuple[str, str], ...]  # (speaker, words as one line), a speaker's consecutive turns as one
    title: str
    date: Date | None  # None when the transcript gives no date (or one that is not a calendar date)
    date_text: str  # the date as the transcript gives it, when it is not a calendar date
    where: str  # "Q12", or "Q12–Q13" for a passage over two exchanges
    time: str  # "00:12:34", or "" when the transcript gives no times


def cite(transcript: Transcript, pieces: Sequence[Piece], names: Mapping[str, str] | None = None,
         style: CitationStyle | str = CitationStyle.PLAIN, time: str | None = None) -> str:
    """The citation of the words in `pieces` (in reading order; several for a passage), at `time` when it is
    known better than by the first turn's start (`time_heard`). Raises ValueError when the pieces hold no words."""
    return write(gather(transcript, pieces, names, time), CitationStyle(style))


def time_heard(timeline: Timeline | None, turn: int, offset: int, heard: float | None = None) -> str | None:
    """Where words are heard in the recording, as a citation gives it: where the reader heard them when checking
    them (`heard`), else where the timeline places them ("≈" for an estimate); None without either."""
    from reader.core.timing import stamp

    if heard is not None:
        return stamp(heard)
    if timeline is None:
        return None
    seconds, estimated = timeline.heard(turn, offset)
    return ("≈" if estimated else "") + stamp(seconds)


def gather(transcript: Transcript, pieces: Sequence[Piece], names: Mapping[str, str] | None = None,
           time: str | None = None) -> Cited:
    voices: list[tuple[str, str]] = []
    for turn_index, start, end in pieces:
        turn = transcript.turns[turn_index]
        words = " ".join(turn.text[start:end].split())
        if not words:
            continue
        name = (names or {}).get(turn.speaker) or transcript.speaker(turn).name
        if voices and voices[-1][0] == name:
            voices[-1] = (name, f"{voices[-1][1]} {words}")
        else:
            voices.append((name, words))
    if not voices:
        raise ValueError("no words to cite")
    first, last = pieces[0][0], pieces[-1][0]
    labels = dict.fromkeys((transcript.exchange_of(first).label, transcript.exchange_of(last).label))
    iso = transcript.metadata.date or ""
    try:
        day: Date | None = Date.fromisoformat(iso) if iso else None
    except ValueError:
        day = None
    begins = transcript.turns[first].start
    if time is None:
        from reader.core.timing import stamp

        time = "" if begins is None else stamp(begins)
    return Cited(tuple(voices), transcript.metadata.title or "", day, "" if day else iso, DASH.join(labels), time)


def write(cited: Cited, style: CitationStyle) -> str:
    if style is CitationStyle.APA:
        return _apa(cited)
    if style is CitationStyle.CHICAGO:
        return _chicago(cited)
    return _plain(cited)


def _quoted(words: str) -> str:
    return f'"{words.replace(chr(34), chr(39))}"'


def _said(cited: Cited) -> tuple[str, str]:
    """The words, and the speaker to name in the citation: a passage names each speaker with their words."""
    if len(cited.voices) == 1:
        speaker, words = cited.voices[0]
        return _quoted(words), speaker
    return "\n".join(f"{name}: {_quoted(words)}" for name, words in cited.voices), ""


def _joined(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _plain(cited: Cited) -> str:
    words, speaker = _said(cited)
    day = f"{cited.date.day} {MONTHS[cited.date.month - 1]} {cited.date.year}" if cited.date else cited.date_text
    source = f"({_joined(speaker, cited.title, day, cited.where, cited.time)})"
    return f"{words} {source}" if speaker else f"{words}\n{source}"


def _names(voices: tuple[tuple[str, str], ...]) -> str:
    """The speakers as APA lists authors: "Kim", "Kim & Lee", "Kim, Lee, & Park"."""
    names = list(dict.fromkeys(name for name, _ in voices))
    if len(names) <= 2:
        return " & ".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _apa(cited: Cited) -> str:
    words, speaker = _said(cited)
    year = str(cited.date.year) if cited.date else (cited.date_text or "n.d.")
    when = f"{cited.date.year}, {MONTHS[cited.date.month - 1]} {cited.date.day}" if cited.date else year
    source = f"({_joined(speaker or _names(cited.voices), year, cited.where, cited.time)})"
    title = f"{cited.title} [Interview transcript]" if cited.title else "[Interview transcript]"
    reference = f"{_names(cited.voices)}. ({when}). {title}."
    return f"{words} {source}\n\n{reference}" if speaker else f"{words}\n{source}\n\n{reference}"


def _chicago(cited: Cited) -> str:
    words, speaker = _said(cited)
    day = f"{MONTHS[cited.date.month - 1]} {cited.date.day}, {cited.date.year}" if cited.date else cited.date_text
    parts = [(p, False) for p in (speaker,) if p] + [(cited.title, True)] * bool(cited.title)
    parts += [(p, False) for p in (day, cited.where, cited.time) if p]
    note: list[str] = []
    for i, (part, is_title) in enumerate(parts):
        mark = "." if i == len(parts) - 1 else ","
        note.append(f'"{part}{mark}"' if is_title else part + mark)  # the comma goes inside a title's quotes
    return f"{words}\n\n{' '.join(note)}"
