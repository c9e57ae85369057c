"""Notes out of the program: plain text (the default), Markdown, HTML, CSV, W3C Web Annotation JSON and Word.

Every format holds the same things: a header naming the transcript (title, date, place, file) and one entry per
annotation in reading order (grouped, when `contents` is given, under the titles of the sections and topics they
begin in: an essay's notes by subject), with its exchange and turn, speaker (the user's display name), the quote's
time (`quote_time`), the quote (its paragraph breaks kept), the note, tags and status. Detached annotations (whose
words are no longer in the transcript) come last, with their stored quote. The text formats are deterministic: the
same notes export to the same bytes, which is what the expected files in the tests rely on. `export_bytes` gives
any format as the bytes of a file (a Word document is no text).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reader.core.media import RecordingLink
from reader.core.model import Role, Transcript
from reader.core.notes.annotations import (
    Anchor,
    Annotation,
    Kind,
    anchor_pieces,
    anchored_text,
    reading_order_key,
)
from reader.core.notes.citation import human_date
from reader.core.notes.export_formats import RENDERERS, WITH_TRANSCRIPT, Entry, ExchangeText, Header, TurnText
from reader.core.timing import SyncPoint, Timeline, estimate_times

FORMATS: dict[str, str] = {"txt": "Plain text", "md": "Markdown", "html": "HTML", "csv": "CSV",
                           "json": "W3C Web Annotation JSON", "docx": "Word document"}
EXTENSIONS: dict[str, str] = {"txt": ".txt", "md": ".md", "html": ".html", "csv": ".csv", "json": ".json",
                              "docx": ".docx"}
# Other names a file of a format is known by, for picking the format from a name typed with its extension.
ALSO_EXTENSIONS: dict[str, str] = {".text": "txt", ".markdown": "md", ".htm": "html", ".jsonld": "json"}
BINARY = ("docx",)  # formats that are no text: only `export_bytes` gives them
ONLY: dict[str, str] = {"bookmarked": "bookmarks", "highlights": "highlights", "notes": "annotations with a note"}

# Labels that name a role, not a person: left alone when pseudonymising text.
_ROLE_WORDS = {"question", "answer", "q", "a", "interviewer", "interviewee", "host", "moderator", "speaker",
               "unknown speaker", "reporter", "journalist", "presenter", "correspondent", "anchor"}


# A topic of the table of contents, to group the notes by: (its first turn, 0-based; its section's title; its own
# title; the titles the reading view writes where it begins, "Part 2 › Sardines"). The topics, in order, cover
# the transcript from turn 0 (`reader.core.topics.outline.contents`).
Part = tuple[int, str, str, str]


def _placed(items: list[Entry], contents: Sequence[Part], namer: _Namer) -> list[Entry]:
    """The entries with the section and topic each begins in (titled as the export names people)."""
    starts = [part[0] for part in contents]
    titles = [(namer.text(part[1]), namer.text(part[2])) for part in contents]
    out = []
    for e in items:
        at = bisect_right(starts, e.turn - 1) - 1 if e.turn is not None else -1
        out.append(replace(e, section=titles[at][0], topic=titles[at][1]) if at >= 0 else e)
    return out


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


def quote_time(transcript: Transcript, annotation: Annotation, turn_index: int, offset: int,
               timeline: Timeline | None = None) -> str:
    """When the quote (starting at `offset` of the turn) is heard: where the reader heard it when checking it
    against the recording; else `time_of` its first word."""
    if annotation.recording_time is not None:
        return clock(annotation.recording_time)
    return time_of(transcript, turn_index, offset, timeline)


def time_of(transcript: Transcript, turn_index: int, offset: int, timeline: Timeline | None = None) -> str:
    """When the words at `offset` of a turn are heard: on the timeline ("≈" marking an estimate), else the
    turn's start as the layout gives it ("" when it gives none)."""
    if timeline is not None:
        seconds, estimated = timeline.heard(turn_index, offset)
        return ("≈" if estimated else "") + clock(seconds)
    return clock(transcript.turns[turn_index].start)


def entries(transcript: Transcript, annotations: Iterable[Annotation], names: Mapping[str, str] | None = None,
            *, pseudonymise: bool = False, timeline: Timeline | None = None) -> list[Entry]:
    namer = _Namer(transcript, names or {}, pseudonymise)
    return _entries(transcript, annotations, namer, timeline)


def format_of(name: str) -> str | None:
    """The format a file name's extension asks for ("notes.md" -> "md"), None when it names none."""
    suffix = "." + name.rsplit(".", 1)[-1].casefold() if "." in name else ""
    by_extension = {extension: fmt for fmt, extension in EXTENSIONS.items()} | ALSO_EXTENSIONS
    return by_extension.get(suffix)


def quote_text(transcript: Transcript | None, anchor: Anchor) -> str:
    """The words an anchor covers, as an export shows them: each paragraph on one line (hard wraps become
    spaces), paragraphs apart by a blank line as in the transcript (a passage's turns too). Read from the
    current transcript when the anchor's turns are in it, else the stored quote."""
    text = anchored_text(transcript, anchor)
    return "\n\n".join(p for p in (" ".join(part.split()) for part in text.split("\n\n")) if p)


def _entries(transcript: Transcript, annotations: Iterable[Annotation], namer: _Namer,
             timeline: Timeline | None = None) -> list[Entry]:
    out: list[Entry] = []
    for a in sorted(annotations, key=lambda a: reading_order_key(transcript, a)):
        pieces = [] if a.detached else anchor_pieces(transcript, a.anchor)
        quote = namer.text(quote_text(transcript if pieces else None, a.anchor))
        if not pieces:
            out.append(Entry(a, "", None, "", "", quote))
            continue
        index, last = pieces[0][0], pieces[-1][0]
        turn = transcript.turns[index]
        time = quote_time(transcript, a, index, pieces[0][1], timeline)
        if index == last:
            out.append(Entry(a, transcript.exchange_of(index).label, index + 1, namer.speaker(turn.speaker),
                             time, quote))
            continue
        voices = _voices(transcript, pieces, namer)
        labels = dict.fromkeys((transcript.exchange_of(index).label, transcript.exchange_of(last).label))
        out.append(Entry(a, "\u2013".join(labels), index + 1, ", ".join(dict.fromkeys(n for n, _ in voices)),
                         time, quote, last + 1, voices))
    return out


def _voices(transcript: Transcript, pieces: list[tuple[int, int, int]], namer: _Namer) -> tuple[tuple[str, str], ...]:
    """A passage's words speaker by speaker, as one line each; a speaker's consecutive turns read as one."""
    voices: list[tuple[str, str]] = []
    for turn, start, end in pieces:
        name = namer.speaker(transcript.turns[turn].speaker)
        words = namer.text(" ".join(transcript.turns[turn].text[start:end].split()))
        if not words:
            continue
        if voices and voices[-1][0] == name:
            voices[-1] = (name, f"{voices[-1][1]} {words}")
        else:
            voices.append((name, words))
    return tuple(voices)


def header(transcript: Transcript, pseudonymise: bool = False, names: Mapping[str, str] | None = None) -> Header:
    meta = transcript.metadata
    namer = _Namer(transcript, names or {}, pseudonymise)
    title = namer.text(meta.title or "") or "Untitled transcript"
    file = meta.source or ""
    if pseudonymise and file:
        file = "(withheld)"
    return Header(title, human_date(meta.date), namer.text(meta.place or ""), file)


# --- the formats -----------------------------------------------------------------------------------------


def export_notes(transcript: Transcript, annotations: Iterable[Annotation], fmt: str = "txt",
                 names: Mapping[str, str] | None = None, *, only: str | None = None,
                 pseudonymise: bool = False, with_transcript: bool = False, timeline: Timeline | None = None,
                 contents: Sequence[Part] | None = None) -> str:
    """The annotations of `transcript` in text format `fmt` (a key of FORMATS but BINARY), as text ready to
    write (UTF-8).

    `with_transcript` (txt, md, html and docx) puts the entries under their turns in the transcript's own text;
    with ``only="bookmarked"`` that text is limited to the bookmarked exchanges. `timeline` (`notes_timeline`)
    places each quote in the recording. `contents` (the table of contents' topics) groups the entries under
    their section's and topic's titles (with the transcript, writes the titles before the turns they begin at),
    and gives CSV two columns more; the JSON is the same either way.
    """
    if fmt in BINARY:
        raise ValueError(f"{FORMATS[fmt]} is not text: use export_bytes")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if with_transcript and fmt not in WITH_TRANSCRIPT:
        raise ValueError(f"the transcript's text can be included in {', '.join(WITH_TRANSCRIPT)}, not {fmt}")
    chosen = select(annotations, only)
    namer = _Namer(transcript, names or {}, pseudonymise)
    head = header(transcript, pseudonymise, names)
    items = _entries(transcript, chosen, namer, timeline)
    if contents and fmt != "json":
        items = _placed(items, contents, namer)
    if fmt == "json":
        from reader.core.notes.web_annotation import to_web_annotation  # here: it reads this module's types

        return to_web_annotation(transcript, items, head, {} if pseudonymise else dict(names or {}), text=namer.text)
    text = _transcript_text(transcript, items, namer, only == "bookmarked", contents) if with_transcript else None
    return RENDERERS[fmt](head, items, text)


def export_bytes(transcript: Transcript, annotations: Iterable[Annotation], fmt: str = "txt",
                 names: Mapping[str, str] | None = None, *, only: str | None = None,
                 pseudonymise: bool = False, with_transcript: bool = False, timeline: Timeline | None = None,
                 contents: Sequence[Part] | None = None) -> bytes:
    """Any format of FORMATS as the bytes of a file: a Word document, or the UTF-8 of a text format."""
    if fmt not in BINARY:
        return export_notes(transcript, annotations, fmt, names, only=only, pseudonymise=pseudonymise,
                            with_transcript=with_transcript, timeline=timeline, contents=contents).encode("utf-8")
    namer = _Namer(transcript, names or {}, pseudonymise)
    items = _entries(transcript, select(annotations, only), namer, timeline)
    if contents:
        items = _placed(items, contents, namer)
    text = _transcript_text(transcript, items, namer, only == "bookmarked", contents) if with_transcript else None
    from reader.core.notes.export_docx import render_docx  # python-docx and lxml: only for a Word file

    # Pseudonymised words may differ in length from the file's: the notes then mark whole turns, not words.
    return render_docx(header(transcript, pseudonymise, names), items, text, exact=not pseudonymise)


def _transcript_text(transcript: Transcript, items: list[Entry], namer: _Namer,
                     bookmarked_only: bool, contents: Sequence[Part] | None = None) -> list[ExchangeText]:
    headings = {part[0]: namer.text(part[3]) for part in contents or ()}
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
                     tuple(namer.text(p.text) for p in transcript.turns[i].paragraphs), tuple(by_turn.get(i, ())),
                     headings.get(i, ""))
            for i in exchange.turn_range)
        out.append(ExchangeText(exchange.label, turns))
    return out
