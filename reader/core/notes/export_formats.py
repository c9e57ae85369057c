"""How an export looks in plain text, Markdown, HTML and CSV: the entries, and (when asked) the transcript's
text around them. `reader.core.notes.export` decides what goes in; this module only lays it out (and
export_docx.py a Word document)."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.notes.annotations import Annotation, Kind, Scope


@dataclass(frozen=True, slots=True)
class Entry:
    """One annotation as an export shows it."""

    annotation: Annotation
    exchange: str  # "Q3", "" when detached
    turn: int | None  # 1-based turn number
    speaker: str  # a passage's: every speaker's name, in order ("Kim, Lee")
    time: str  # "0:03:12" where the quote is heard, "≈0:03:12" estimated, "" when unknown
    quote: str  # each paragraph on one line, paragraphs apart by a blank line
    last_turn: int | None = None  # a passage's last turn (1-based); None for words in one turn
    voices: tuple[tuple[str, str], ...] = ()  # a passage's words speaker by speaker: (name, words as one line)
    section: str = ""  # grouped by the table of contents: the title of the section it begins in...
    topic: str = ""  # ... and of the topic ("" when not grouped, and for a detached annotation)

    @property
    def quote_paragraphs(self) -> list[str]:
        return self.quote.split("\n\n") if self.quote else []

    @property
    def place(self) -> str:
        if self.turn is None:
            return "Detached"
        if self.last_turn is not None:
            return f"{self.exchange}, turns {self.turn}\u2013{self.last_turn}"
        where = f"{self.exchange}, turn {self.turn}"
        return f"{where} (whole exchange)" if self.annotation.anchor.scope is Scope.EXCHANGE else where


@dataclass(frozen=True, slots=True)
class Header:
    title: str
    date: str
    place: str
    file: str


@dataclass(frozen=True, slots=True)
class TurnText:
    number: int  # 1-based
    speaker: str
    time: str
    paragraphs: tuple[str, ...]
    entries: tuple[Entry, ...]  # the annotations in this turn
    heading: str = ""  # grouped by the table of contents: the titles beginning here ("Part 2 › Sardines")


@dataclass(frozen=True, slots=True)
class ExchangeText:
    label: str
    turns: tuple[TurnText, ...]


def _kind_label(a: Annotation) -> str:
    label = a.kind.value.capitalize()
    return f"{label} ({a.colour})" if a.kind is Kind.HIGHLIGHT and a.colour else label


def _header_lines(head: Header) -> list[tuple[str, str]]:
    return [(k, v) for k, v in (("Date", head.date), ("Place", head.place), ("File", head.file)) if v]


def _count(n: int) -> str:
    return f"{n} annotation{'s' if n != 1 else ''}"


def _detached(items: list[Entry]) -> list[Entry]:
    return [e for e in items if e.turn is None]


DETACHED = "Detached"


def grouped_by_contents(items: list[Entry]) -> list[tuple[str | None, str | None, Entry]]:
    """Each entry with the section and the topic it opens, when it is the first of theirs in an export grouped
    by the table of contents (None when it opens neither; a topic named as its section is not named again).
    Detached annotations come last, under their own heading. Not grouped: no headings at all."""
    if not any(e.section for e in items):
        return [(None, None, e) for e in items]
    out: list[tuple[str | None, str | None, Entry]] = []
    last: tuple[str, str] | None = None
    for e in items:
        place = (e.section, e.topic) if e.turn is not None else (DETACHED, DETACHED)
        section = place[0] if last is None or place[0] != last[0] else None
        topic = place[1] if place != last and place[1] != place[0] else None
        out.append((section, topic, e))
        last = place
    return out


# --- plain text ----------------------------------------------------------------------------------------


def _quoted(e: Entry, in_text: bool) -> bool:
    """Beside the transcript's own text, a bookmark of a whole turn or exchange need not repeat it."""
    return not in_text or e.annotation.anchor.scope is Scope.TEXT


def _text_quote(e: Entry, indent: str) -> list[str]:
    """The quote in double quotes, one line a paragraph, the later ones lined up under the first's words; a
    passage's words line by line after each speaker's name."""
    if e.voices:
        return [f'{indent}  {name}: "{words}"' for name, words in e.voices]
    paragraphs = e.quote_paragraphs or [""]
    lines = [f'{indent}  "{paragraphs[0]}'] + [f"{indent}   {p}" for p in paragraphs[1:]]
    lines[-1] += '"'
    return lines


def _text_entry(e: Entry, heading: str, indent: str = "", in_text: bool = False) -> list[str]:
    a = e.annotation
    lines = ["", indent + heading] + (_text_quote(e, indent) if _quoted(e, in_text) else [])
    if a.note:
        lines += [f"{indent}  Note: {line}" if i == 0 else f"{indent}        {line}"
                  for i, line in enumerate(a.note.splitlines())]
    if a.tags:
        lines.append(f"{indent}  Tags: " + ", ".join(a.tags))
    if a.status:
        lines.append(f"{indent}  Status: " + a.status.label)
    return lines


def _text(head: Header, items: list[Entry], text: list[ExchangeText] | None) -> str:
    lines = [f"Notes on: {head.title}", *(f"{k}: {v}" for k, v in _header_lines(head)), _count(len(items))]
    if text is None:
        for section, topic, e in grouped_by_contents(items):
            lines += ["", f"=== {section} ==="] if section else []
            lines += ["", f"--- {topic} ---"] if topic else []
            lines += _text_entry(e, " · ".join(p for p in (e.place, e.speaker, e.time, _kind_label(e.annotation)) if p))
    else:
        for exchange in text:
            lines += ["", f"=== {exchange.label} ==="]
            for turn in exchange.turns:
                when = f" [{turn.time}]" if turn.time else ""
                lines += ["", f"--- {turn.heading} ---"] if turn.heading else []
                lines += ["", f"{turn.speaker}{when} (turn {turn.number}): {turn.paragraphs[0]}"]
                for paragraph in turn.paragraphs[1:]:
                    lines += ["", paragraph]
                for e in turn.entries:
                    scope = " (whole exchange)" if e.annotation.anchor.scope is Scope.EXCHANGE else ""
                    lines += _text_entry(e, f">> {_kind_label(e.annotation)}{scope}", "    ", in_text=True)
        if _detached(items):
            lines += ["", "=== Detached ==="]
            for e in _detached(items):
                lines += _text_entry(e, _kind_label(e.annotation))
    return "\n".join(lines) + "\n"


# --- Markdown ------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~]|&(?=#?[A-Za-z0-9]+;))")  # "&amp;" stays as written, not "&"
# What would start a list ("1. ", "1) ", "- ", "+ "), a rule ("---") or a setext heading ("===") at a line's start.
_MD_LINE_START = re.compile(r"^([ \t]*)(?:(\d{1,9})([.)])(?=[ \t]|$)|([-+])(?=[ \t]|$)|([-=])(?=[-= \t]*$))",
                            re.MULTILINE)


def _md(text: str) -> str:
    """Text shown as written in Markdown: its punctuation escaped, and what would start a list, a rule or a
    heading at a line's start too."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[1]}\\{m[4] or m[5]}", text)


def _md_entry(e: Entry, heading: str | None, in_text: bool = False) -> list[str]:
    a = e.annotation
    lines = ["", heading, ""] if heading else [""]
    lines.append(" · ".join(f"*{_md(p)}*" for p in (_kind_label(a), e.time) if p))
    if _quoted(e, in_text) and e.voices:  # a passage: each speaker's words, a paragraph of the quote each
        lines.append("")
        for i, (name, words) in enumerate(e.voices):
            lines += ([">"] if i else []) + [f"> **{_md(name)}:** {_md(words)}"]
    elif _quoted(e, in_text):  # a paragraph break stays one inside the block quote
        lines += ["", "\n>\n".join(f"> {_md(p)}" for p in e.quote_paragraphs)]
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
    return lines


def _markdown(head: Header, items: list[Entry], text: list[ExchangeText] | None) -> str:
    lines = [f"# Notes on {_md(head.title)}", "", *(f"- **{k}:** {_md(v)}" for k, v in _header_lines(head)),
             f"- **Annotations:** {len(items)}"]
    if text is None:
        grouped = grouped_by_contents(items)
        level = "####" if any(section for section, _, _ in grouped) else "##"
        for section, topic, e in grouped:
            lines += ["", f"## {_md(section)}"] if section else []
            lines += ["", f"### {_md(topic)}"] if topic else []
            lines += _md_entry(e, f"{level} {_md(' · '.join(p for p in (e.place, e.speaker) if p))}")
        return "\n".join(lines) + "\n"
    for exchange in text:
        lines += ["", f"## {_md(exchange.label)}"]
        for turn in exchange.turns:
            when = f" [{_md(turn.time)}]" if turn.time else ""
            lines += ["", f"### {_md(turn.heading)}"] if turn.heading else []
            lines += ["", f"**{_md(turn.speaker)}**{when} (turn {turn.number}): {_md(turn.paragraphs[0])}"]
            for paragraph in turn.paragraphs[1:]:
                lines += ["", _md(paragraph)]
            for e in turn.entries:
                lines += _md_entry(e, None, in_text=True)
    if _detached(items):
        lines += ["", "## Detached"]
        for e in _detached(items):
            lines += _md_entry(e, None)
    return "\n".join(lines) + "\n"


# --- HTML ----------------------------------------------------------------------------------------------

_HTML_STYLE = """body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
header dl{display:grid;grid-template-columns:max-content auto;gap:0 1em}header dt{font-weight:bold}
article{border-top:1px solid #ccc;padding:.5em 0}h2{font-size:1.05em;margin:.3em 0}
.meta{color:#666;font-size:.9em}blockquote{margin:.5em 0;padding:.2em .8em;border-left:4px solid #ccc}
.yellow{border-color:#e8c000}.green{border-color:#3a3}.blue{border-color:#38c}.pink{border-color:#d4a}
.stage{color:#777;font-style:italic}.tag{background:#eee;border-radius:3px;padding:0 .3em;margin-right:.3em}
.note{white-space:pre-wrap}.turn article{margin-left:2em}"""


def _html_marked(text: str) -> str:
    """Text escaped, with stage directions and quoted speech marked as the reading view marks them."""
    from reader.core.lexer import token_spans  # Pygments: only for an HTML export with the transcript

    out: list[str] = []
    last = 0
    for start, end, kind in token_spans(text):
        if kind not in ("stage", "quote"):
            continue
        out.append(html.escape(text[last:start]))
        out.append(f'<span class="{kind}">{html.escape(text[start:end])}</span>')
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def _html_entry(e: Entry, heading: str | None, in_text: bool = False, level: int = 2) -> list[str]:
    a, esc = e.annotation, html.escape
    parts = [f'<article class="{esc(a.kind.value)}" id="{esc(a.id)}">']
    if heading:
        parts.append(f"<h{level}>{esc(heading)}</h{level}>")
    parts.append(f'<p class="meta">{" · ".join(esc(p) for p in (_kind_label(a), e.time) if p)}</p>')
    colour = f' class="{esc(a.colour)}"' if a.colour else ""
    if _quoted(e, in_text) and e.voices:
        parts.append(f"<blockquote{colour}>" + "".join(f"<p><b>{esc(name)}:</b> {_html_marked(words)}</p>"
                                                       for name, words in e.voices) + "</blockquote>")
    elif _quoted(e, in_text):
        paragraphs = e.quote_paragraphs
        inner = (_html_marked(paragraphs[0]) if len(paragraphs) == 1 else
                 "".join(f"<p>{_html_marked(p)}</p>" for p in paragraphs))
        parts.append(f"<blockquote{colour}>{inner}</blockquote>")
    if a.note:
        parts.append(f'<p class="note">{esc(a.note)}</p>')
    if a.tags:
        parts.append('<p class="tags">' + "".join(f'<span class="tag">{esc(t)}</span>' for t in a.tags) + "</p>")
    if a.status:
        parts.append(f'<p class="status">Status: {esc(a.status.label)}</p>')
    parts.append("</article>")
    return parts


def _html(head: Header, items: list[Entry], text: list[ExchangeText] | None) -> str:
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>Notes on {esc(head.title)}</title>", f"<style>\n{_HTML_STYLE}\n</style>", "</head>", "<body>",
             "<header>", f"<h1>Notes on {esc(head.title)}</h1>", "<dl>",
             *(f"<dt>{k}</dt><dd>{esc(v)}</dd>" for k, v in _header_lines(head)),
             f"<dt>Annotations</dt><dd>{len(items)}</dd>", "</dl>", "</header>", "<main>"]
    if text is None:
        grouped = grouped_by_contents(items)
        level = 4 if any(section for section, _, _ in grouped) else 2
        for section, topic, e in grouped:
            parts += [f"<h2>{esc(section)}</h2>"] if section else []
            parts += [f"<h3>{esc(topic)}</h3>"] if topic else []
            parts += _html_entry(e, " · ".join(p for p in (e.place, e.speaker) if p), level=level)
    else:
        for exchange in text:
            parts += ["<section>", f"<h2>{esc(exchange.label)}</h2>"]
            for turn in exchange.turns:
                when = f' <span class="meta">{esc(turn.time)}</span>' if turn.time else ""
                parts += [f"<h3>{esc(turn.heading)}</h3>"] if turn.heading else []
                parts.append(f'<div class="turn" id="turn-{turn.number}">')
                parts.append(f"<p><b>{esc(turn.speaker)}</b>{when} (turn {turn.number}): "
                             f"{_html_marked(turn.paragraphs[0])}</p>")
                parts += [f"<p>{_html_marked(p)}</p>" for p in turn.paragraphs[1:]]
                for e in turn.entries:
                    parts += _html_entry(e, None, in_text=True)
                parts.append("</div>")
            parts.append("</section>")
        if _detached(items):
            parts += ["<section>", "<h2>Detached</h2>"]
            for e in _detached(items):
                parts += _html_entry(e, None)
            parts.append("</section>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


# --- CSV -----------------------------------------------------------------------------------------------

CSV_COLUMNS = ("id", "kind", "exchange", "turn", "speaker", "time", "quote", "note", "tags", "status", "colour",
               "created", "modified", "detached")
CSV_CONTENTS_COLUMNS = ("section", "topic")


def _csv(head: Header, items: list[Entry], text: list[ExchangeText] | None) -> str:
    # Rows end in "\n"; a field holding a bare "\r" must still be quoted, which the csv module does only for the
    # characters of its line terminator: each row is written with "\r\n" and its own ending then replaced.
    buffer, row_buffer = io.StringIO(), io.StringIO()
    writer = csv.writer(row_buffer, lineterminator="\r\n")

    def write(row: list[str]) -> None:
        row_buffer.seek(0)
        row_buffer.truncate()
        writer.writerow(row)
        buffer.write(row_buffer.getvalue().removesuffix("\r\n") + "\n")

    grouped = any(e.section for e in items)  # the table of contents' two columns, after the rest
    write([*CSV_COLUMNS, *CSV_CONTENTS_COLUMNS] if grouped else list(CSV_COLUMNS))
    for e in items:
        a = e.annotation
        quote = "\n".join(f"{name}: {words}" for name, words in e.voices) if e.voices else e.quote
        row = [a.id, a.kind.value, e.exchange, e.turn or "", e.speaker, e.time, quote, a.note, "; ".join(a.tags),
               a.status.label, a.colour, a.created, a.modified, "yes" if a.detached or e.turn is None else ""]
        cells = [*row, e.section, e.topic] if grouped else row
        write([_cell(str(value)) for value in cells])  # every cell: an imported id is text like any other
    return buffer.getvalue()


def _cell(value: str) -> str:
    """Text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return first,
    as OWASP lists them) is shown as text instead."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


Renderer = Callable[[Header, list[Entry], list[ExchangeText] | None], str]
RENDERERS: dict[str, Renderer] = {"txt": _text, "md": _markdown, "html": _html, "csv": _csv}
WITH_TRANSCRIPT = ("txt", "md", "html")
