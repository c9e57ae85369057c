"""Notes out of the program: plain text (the default), Markdown, HTML, CSV and W3C Web Annotation JSON.

Every format holds the same things: a header naming the transcript (title, date, place, file) and one entry
per annotation in reading order, with its exchange and turn, speaker (the user's display name), the quote's time
(`quote_time`), the quote as one line, the note, tags and status. Detached annotations (whose words are no
longer in the transcript) come last, with their stored quote. The output is deterministic: the same notes
export to the same bytes, which is what the expected files in the tests rely on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date as Date

from reader.core.media import RecordingLink
from reader.core.model import Role, Transcript
from reader.core.notes.annotations import Annotation, Kind, quote_of, reading_order_key, turn_index_of
from reader.core.notes.export_formats import RENDERERS, WITH_TRANSCRIPT, Entry, ExchangeText, Header, TurnText
from reader.core.notes.web_annotation import to_web_annotation
from reader.core.timing import SyncPoint, Timeline, estimate_times

FORMATS: dict[str, str] = {"txt": "Plain text", "md": "Markdown", "html": "HTML", "csv": "CSV",
                           "json": "W3C Web Annotation JSON"}
EXTENSIONS: dict[str, str] = {"txt": ".txt", "md": ".md", "html": ".html", "csv": ".csv", "json": ".json"}
ONLY: dict[str, str] = {"bookmarked": "bookmarks", "highlights": "highlights", "notes": "annotations with a note"}

# Labels that name a role, not a person: left alone when pseudonymising text.
_ROLE_WORDS = {"question", "answer", "q", "a", "interviewer", "interviewee", "host", "moderator", "speaker",
               "unknown speaker", "reporter", "journalist", "presenter", "correspondent", "anchor"}


def select(annotations: Iterable[Annotation], only: str | None) -> list[Annotation]:
    """`only`: "bookmarked" (bookmarks), "highlights", "notes" (notes and anything with note text), or None."""
    if only is None:
        return list(annotations)
    if only == "bookmarked":
        return [a for a in annotations if a.kind is Kind.BOOKMARK]
    if only == "highlights":
        return [a for a in annotations if a.kind is Kind.HIGHLIGHT]
    if only == "notes":
        return [a for a in annotations if a.kind is Kind.NOTE or a.note.strip()]
    raise ValueError(f"unknown selection {only!r}; choose one of {', '.join(ONLY)}")


def pseudonyms(transcript: Transcript) -> dict[str, str]:
    """Speaker key -> role and number ("Interviewer 1", "Interviewee 1", "Speaker 1"), in order of appearance."""
    counts: dict[Role, int] = {}
    names: dict[str, str] = {}
    words = {Role.INTERVIEWER: "Interviewer", Role.INTERVIEWEE: "Interviewee", Role.OTHER: "Speaker"}
    for turn in transcript.turns:
        if turn.speaker in names:
            continue
        role = transcript.speaker_by_key[turn.speaker].role
        counts[role] = counts.get(role, 0) + 1
        names[turn.speaker] = f"{words[role]} {counts[role]}"
    return names


def _name_pattern(transcript: Transcript, names: Mapping[str, str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern for the written forms of each person's name (label, display name, surname) and their pseudonyms."""
    aliases = pseudonyms(transcript)
    forms: dict[str, str] = {}
    for speaker in transcript.speakers:
        for written in {speaker.label, speaker.name, names.get(speaker.key, "")}:
            written = written.strip()
            if not written or written.casefold() in _ROLE_WORDS:
                continue
            forms.setdefault(written, aliases[speaker.key])
            last = written.split()[-1]
            if len(written.split()) > 1 and len(last) > 2 and last[0].isupper():
                forms.setdefault(last, aliases[speaker.key])
    if not forms:
        return None, forms
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), forms


class _Namer:
    """Speaker names for an export: the user's display names, or role pseudonyms that also replace the names
    where the title, quotes and notes mention the people."""

    def __init__(self, transcript: Transcript, names: Mapping[str, str], pseudonymise: bool) -> None:
        self.transcript = transcript
        self.pseudonymise = pseudonymise
        self.names = pseudonyms(transcript) if pseudonymise else dict(names)
        self.pattern, self.forms = _name_pattern(transcript, names) if pseudonymise else (None, {})

    def speaker(self, key: str) -> str:
        if key in self.names:
            return self.names[key]
        speaker = self.transcript.speaker_by_key.get(key)
        return speaker.name if speaker else key

    def text(self, value: str) -> str:
        if self.pattern is None or not value:
            return value
        return self.pattern.sub(lambda m: self.forms[m.group(0)], value)


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def notes_timeline(transcript: Transcript, recording: RecordingLink | None,
                   sync_points: Iterable[SyncPoint]) -> Timeline | None:
    """The timeline an export places quotes on: only where the notes have a recording or sync points; the
    layout's own times alone need none."""
    points = tuple(sync_points)
    if recording is None and not points:
        return None
    return estimate_times(transcript, points, recording.duration if recording else None)


def quote_time(transcript: Transcript, annotation: Annotation, turn_index: int,
               timeline: Timeline | None = None) -> str:
    """When the quote is heard: where the reader heard it when checking it against the recording; else where
    the timeline places its first word, "≈" marking an estimate; else its turn's start as the layout gives it."""
    if annotation.recording_time is not None:
        return clock(annotation.recording_time)
    return time_of(transcript, turn_index, annotation.anchor.start, timeline)


def time_of(transcript: Transcript, turn_index: int, offset: int, timeline: Timeline | None = None) -> str:
    """When the words at `offset` of a turn are heard: on the timeline ("≈" marking an estimate), else the
    turn's start as the layout gives it ("" when it gives none)."""
    if timeline is not None:
        estimated = timeline.is_estimated(turn_index, offset)
        return ("≈" if estimated else "") + clock(timeline.time_at(turn_index, offset))
    return clock(transcript.turns[turn_index].start)


def entries(transcript: Transcript, annotations: Iterable[Annotation], names: Mapping[str, str] | None = None,
            *, pseudonymise: bool = False, timeline: Timeline | None = None) -> list[Entry]:
    namer = _Namer(transcript, names or {}, pseudonymise)
    return _entries(transcript, annotations, namer, timeline)


def _entries(transcript: Transcript, annotations: Iterable[Annotation], namer: _Namer,
             timeline: Timeline | None = None) -> list[Entry]:
    out: list[Entry] = []
    for a in sorted(annotations, key=lambda a: reading_order_key(transcript, a)):
        index = None if a.detached else turn_index_of(transcript, a.anchor)
        quote = namer.text(quote_of(transcript if index is not None else None, a.anchor))
        if index is None:
            out.append(Entry(a, "", None, "", "", quote))
            continue
        turn = transcript.turns[index]
        out.append(Entry(a, transcript.exchange_of(index).label, index + 1, namer.speaker(turn.speaker),
                         quote_time(transcript, a, index, timeline), quote))
    return out


def header(transcript: Transcript, pseudonymise: bool = False, names: Mapping[str, str] | None = None) -> Header:
    meta = transcript.metadata
    namer = _Namer(transcript, names or {}, pseudonymise)
    title = namer.text(meta.title or "") or "Untitled transcript"
    file = meta.source or ""
    if pseudonymise and file:
        file = "(withheld)"
    return Header(title, human_date(meta.date), namer.text(meta.place or ""), file)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def human_date(iso: str | None) -> str:
    """"2017-07-21" -> "21 July 2017" (English whatever the locale); anything else as given."""
    if not iso:
        return ""
    try:
        d = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def citation(transcript: Transcript, turn_index: int, quote: str, names: Mapping[str, str] | None = None,
             time: str = "") -> str:
    """What Copy with citation puts on the clipboard: ``"quote" (Speaker, Title, Date, time)``, the time (where
    the quote is heard in the recording) when known."""
    turn = transcript.turns[turn_index]
    speaker = (names or {}).get(turn.speaker) or transcript.speaker(turn).name
    parts = [p for p in (speaker, transcript.metadata.title or "", human_date(transcript.metadata.date), time) if p]
    return f'"{" ".join(quote.split())}" ({", ".join(parts)})'


# --- the formats -----------------------------------------------------------------------------------------


def export_notes(transcript: Transcript, annotations: Iterable[Annotation], fmt: str = "txt",
                 names: Mapping[str, str] | None = None, *, only: str | None = None,
                 pseudonymise: bool = False, with_transcript: bool = False, timeline: Timeline | None = None) -> str:
    """The annotations of `transcript` in format `fmt` (a key of FORMATS), as text ready to write (UTF-8).

    `with_transcript` (txt, md and html) puts the entries under their turns in the transcript's own text;
    with ``only="bookmarked"`` that text is limited to the bookmarked exchanges. `timeline` (`notes_timeline`)
    places each quote in the recording.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if with_transcript and fmt not in WITH_TRANSCRIPT:
        raise ValueError(f"the transcript's text can be included in {', '.join(WITH_TRANSCRIPT)}, not {fmt}")
    chosen = select(annotations, only)
    namer = _Namer(transcript, names or {}, pseudonymise)
    head = header(transcript, pseudonymise, names)
    items = _entries(transcript, chosen, namer, timeline)
    if fmt == "json":
        return to_web_annotation(transcript, items, head, {} if pseudonymise else dict(names or {}), text=namer.text)
    text = _transcript_text(transcript, items, namer, only == "bookmarked") if with_transcript else None
    return RENDERERS[fmt](head, items, text)


def _transcript_text(transcript: Transcript, items: list[Entry], namer: _Namer,
                     bookmarked_only: bool) -> list[ExchangeText]:
    by_turn: dict[int, list[Entry]] = {}
    for e in items:
        if e.turn is not None:
            by_turn.setdefault(e.turn - 1, []).append(e)
    out: list[ExchangeText] = []
    for exchange in transcript.exchanges:
        if bookmarked_only and not any(i in by_turn for i in exchange.turn_range):
            continue
        turns = tuple(
            TurnText(i + 1, namer.speaker(transcript.turns[i].speaker), clock(transcript.turns[i].start),
                     tuple(namer.text(p.text) for p in transcript.turns[i].paragraphs), tuple(by_turn.get(i, ())))
            for i in exchange.turn_range)
        out.append(ExchangeText(exchange.label, turns))
    return out
