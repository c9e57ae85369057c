"""Notes out of the program: plain text (the default), Markdown, HTML, CSV and W3C Web Annotation JSON.

Every format holds the same things: a header naming the transcript (title, date, place, file) and one entry
per annotation in reading order, with its exchange and turn, speaker (the user's display name), time where the
layout gives one, the quote as one line, the note, tags and status. Detached annotations (whose words are no
longer in the transcript) come last, with their stored quote. The output is deterministic: the same notes
export to the same bytes, which is what the expected files in the tests rely on.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date as Date

from reader.core.annotations import Annotation, Kind, Scope, quote_of, reading_order_key, turn_index_of
from reader.core.lexer import token_spans
from reader.core.model import Role, Transcript
from reader.core.web_annotation import to_web_annotation

FORMATS: dict[str, str] = {"txt": "Plain text", "md": "Markdown", "html": "HTML", "csv": "CSV",
                           "json": "W3C Web Annotation JSON"}
EXTENSIONS: dict[str, str] = {"txt": ".txt", "md": ".md", "html": ".html", "csv": ".csv", "json": ".json"}
ONLY: dict[str, str] = {"bookmarked": "bookmarks", "highlights": "highlights", "notes": "annotations with a note"}

# Labels that name a role, not a person: left alone when pseudonymising text.
_ROLE_WORDS = {"question", "answer", "q", "a", "interviewer", "interviewee", "host", "moderator", "speaker",
               "unknown speaker", "reporter", "journalist", "presenter", "correspondent", "anchor"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One annotation as an export shows it."""

    annotation: Annotation
    exchange: str  # "Q3", "" when detached
    turn: int | None  # 1-based turn number
    speaker: str
    time: str  # "0:03:12" when the layout gives times, else ""
    quote: str  # one line

    @property
    def place(self) -> str:
        if self.turn is None:
            return "Detached"
        where = f"{self.exchange}, turn {self.turn}"
        return f"{where} (whole exchange)" if self.annotation.anchor.scope is Scope.EXCHANGE else where


@dataclass(frozen=True, slots=True)
class Header:
    title: str
    date: str
    place: str
    file: str


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


def entries(transcript: Transcript, annotations: Iterable[Annotation], names: Mapping[str, str] | None = None,
            *, pseudonymise: bool = False) -> list[Entry]:
    namer = _Namer(transcript, names or {}, pseudonymise)
    return _entries(transcript, annotations, namer)


def _entries(transcript: Transcript, annotations: Iterable[Annotation], namer: _Namer) -> list[Entry]:
    out: list[Entry] = []
    for a in sorted(annotations, key=lambda a: reading_order_key(transcript, a)):
        index = None if a.detached else turn_index_of(transcript, a.anchor)
        quote = namer.text(quote_of(transcript if index is not None else None, a.anchor))
        if index is None:
            out.append(Entry(a, "", None, "", "", quote))
            continue
        turn = transcript.turns[index]
        out.append(Entry(a, transcript.exchange_of(index).label, index + 1, namer.speaker(turn.speaker),
                         clock(turn.start), quote))
    return out


def header(transcript: Transcript, pseudonymise: bool = False, names: Mapping[str, str] | None = None) -> Header:
    meta = transcript.metadata
    namer = _Namer(transcript, names or {}, pseudonymise)
    title = namer.text(meta.title or "") or "Untitled transcript"
    file = meta.source or ""
    if pseudonymise and file:
        file = "(withheld)"
    return Header(title, human_date(meta.date), namer.text(meta.place or ""), file)


def human_date(iso: str | None) -> str:
    """"2017-07-21" -> "21 July 2017"; anything else as given."""
    if not iso:
        return ""
    try:
        d = Date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


def citation(transcript: Transcript, turn_index: int, quote: str, names: Mapping[str, str] | None = None) -> str:
    """What Copy with citation puts on the clipboard: ``"quote" (Speaker, Title, Date)``."""
    turn = transcript.turns[turn_index]
    speaker = (names or {}).get(turn.speaker) or transcript.speaker(turn).name
    parts = [p for p in (speaker, transcript.metadata.title or "", human_date(transcript.metadata.date)) if p]
    return f'"{" ".join(quote.split())}" ({", ".join(parts)})'


# --- the formats -----------------------------------------------------------------------------------------


def export_notes(transcript: Transcript, annotations: Iterable[Annotation], fmt: str = "txt",
                 names: Mapping[str, str] | None = None, *, only: str | None = None,
                 pseudonymise: bool = False) -> str:
    """The annotations of `transcript` in format `fmt` (a key of FORMATS), as text ready to write (UTF-8)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    chosen = select(annotations, only)
    namer = _Namer(transcript, names or {}, pseudonymise)
    head = header(transcript, pseudonymise, names)
    items = _entries(transcript, chosen, namer)
    if fmt == "json":
        return to_web_annotation(transcript, items, head, {} if pseudonymise else dict(names or {}), text=namer.text)
    return {"txt": _text, "md": _markdown, "html": _html, "csv": _csv}[fmt](head, items)


def _kind_label(a: Annotation) -> str:
    label = a.kind.value.capitalize()
    return f"{label} ({a.colour})" if a.kind is Kind.HIGHLIGHT and a.colour else label


def _header_lines(head: Header) -> list[tuple[str, str]]:
    return [(k, v) for k, v in (("Date", head.date), ("Place", head.place), ("File", head.file)) if v]


def _text(head: Header, items: list[Entry]) -> str:
    lines = [f"Notes on: {head.title}"]
    lines += [f"{k}: {v}" for k, v in _header_lines(head)]
    lines.append(f"{len(items)} annotation{'s' if len(items) != 1 else ''}")
    for e in items:
        a = e.annotation
        lines.append("")
        first = " · ".join(p for p in (e.place, e.speaker, e.time, _kind_label(a)) if p)
        lines.append(first)
        lines.append(f'  "{e.quote}"')
        if a.note:
            lines += ["  Note: " + line if i == 0 else "        " + line for i, line in enumerate(a.note.splitlines())]
        if a.tags:
            lines.append("  Tags: " + ", ".join(a.tags))
        if a.status:
            lines.append("  Status: " + a.status.label)
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _markdown(head: Header, items: list[Entry]) -> str:
    lines = [f"# Notes on {_md(head.title)}", ""]
    lines += [f"- **{k}:** {_md(v)}" for k, v in _header_lines(head)]
    lines += [f"- **Annotations:** {len(items)}"]
    for e in items:
        a = e.annotation
        lines += ["", f"## {_md(' · '.join(p for p in (e.place, e.speaker) if p))}", ""]
        lines.append(" · ".join(f"*{_md(p)}*" for p in (_kind_label(a), e.time) if p))
        lines += ["", f"> {_md(e.quote)}"]
        if a.note:  # a backslash at a line's end keeps the note's own line breaks (CommonMark hard break)
            note = [_md(line) for line in a.note.splitlines()]
            lines += [""] + [line + "\\" if i + 1 < len(note) and line.strip() and note[i + 1].strip() else line
                             for i, line in enumerate(note)]
        facts = []
        if a.tags:
            facts.append("**Tags:** " + ", ".join(f"`{t.replace('`', '')}`" for t in a.tags))
        if a.status:
            facts.append(f"**Status:** {_md(a.status.label)}")
        if facts:
            lines += ["", " · ".join(facts)]
    return "\n".join(lines) + "\n"


_HTML_STYLE = """body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
header dl{display:grid;grid-template-columns:max-content auto;gap:0 1em}header dt{font-weight:bold}
article{border-top:1px solid #ccc;padding:.5em 0}h2{font-size:1.05em;margin:.3em 0}
.meta{color:#666;font-size:.9em}blockquote{margin:.5em 0;padding:.2em .8em;border-left:4px solid #ccc}
.yellow{border-color:#e8c000}.green{border-color:#3a3}.blue{border-color:#38c}.pink{border-color:#d4a}
.stage{color:#777;font-style:italic}.tag{background:#eee;border-radius:3px;padding:0 .3em;margin-right:.3em}
.note{white-space:pre-wrap}"""


def _html_quote(quote: str) -> str:
    """The quote escaped, with stage directions and quoted speech marked as the reading view marks them."""
    out: list[str] = []
    last = 0
    for start, end, kind in token_spans(quote):
        if kind not in ("stage", "quote"):
            continue
        out.append(html.escape(quote[last:start]))
        out.append(f'<span class="{kind}">{html.escape(quote[start:end])}</span>')
        last = end
    out.append(html.escape(quote[last:]))
    return "".join(out)


def _html(head: Header, items: list[Entry]) -> str:
    e_ = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>Notes on {e_(head.title)}</title>", f"<style>\n{_HTML_STYLE}\n</style>", "</head>", "<body>",
             "<header>", f"<h1>Notes on {e_(head.title)}</h1>", "<dl>"]
    parts += [f"<dt>{k}</dt><dd>{e_(v)}</dd>" for k, v in _header_lines(head)]
    parts += [f"<dt>Annotations</dt><dd>{len(items)}</dd>", "</dl>", "</header>", "<main>"]
    for e in items:
        a = e.annotation
        parts.append(f'<article class="{e_(a.kind.value)}" id="{e_(a.id)}">')
        parts.append(f"<h2>{e_(' · '.join(p for p in (e.place, e.speaker) if p))}</h2>")
        meta = " · ".join(e_(p) for p in (_kind_label(a), e.time) if p)
        parts.append(f'<p class="meta">{meta}</p>')
        parts.append(f'<blockquote class="{e_(a.colour)}">{_html_quote(e.quote)}</blockquote>' if a.colour
                     else f"<blockquote>{_html_quote(e.quote)}</blockquote>")
        if a.note:
            parts.append(f'<p class="note">{e_(a.note)}</p>')
        if a.tags:
            parts.append('<p class="tags">' + "".join(f'<span class="tag">{e_(t)}</span>' for t in a.tags) + "</p>")
        if a.status:
            parts.append(f'<p class="status">Status: {e_(a.status.label)}</p>')
        parts.append("</article>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


CSV_COLUMNS = ("id", "kind", "exchange", "turn", "speaker", "time", "quote", "note", "tags", "status", "colour",
               "created", "modified", "detached")


def _csv(head: Header, items: list[Entry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in items:
        a = e.annotation
        writer.writerow([a.id, a.kind.value, e.exchange, e.turn or "", _cell(e.speaker), e.time, _cell(e.quote),
                         _cell(a.note), _cell("; ".join(a.tags)), a.status.label, a.colour, a.created, a.modified,
                         "yes" if a.detached or e.turn is None else ""])
    return buffer.getvalue()


def _cell(value: str) -> str:
    """Text a spreadsheet would run as a formula (``=``, ``+``, ``@`` first) is shown as text instead."""
    return "'" + value if value[:1] in ("=", "+", "@", "\t", "\r") else value
