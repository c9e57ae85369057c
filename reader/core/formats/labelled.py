"""Labelled paragraphs: `Name: text`, `Q:`/`A:`, `MR. SMITH:`, `**Jane Doe:** text`, press-briefing `Q    text`,
the Congressional Record's `Mr. SMITH.`, a NAME alone on its line above the words (or a name in
lower case: `sabrina tavernise`).

A colon at the start of a line is weak evidence on its own (`Note: ...`, `Remember: ...`), so candidates are
collected over the whole file first and a label is accepted when it is a role word (`Q`, `Question`,
`Interviewer`), recurs, or, once the file is known to be labelled, looks like a person's name or title (the
styles and that rule are in `label_styles`). Unlabelled paragraphs continue the previous turn; lines
hard-wrapped inside a paragraph are joined.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.exchanges import research_roles
from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder, speaker_key
from reader.core.formats.dates import clock_time, iso_date
from reader.core.formats.label_styles import Label, accept_labels, find_candidates
from reader.core.formats.names import name_shape
from reader.core.formats.page_furniture import form_feed_furniture
from reader.core.formats.spans import BLOCK, blank_out, strip
from reader.core.formats.speaker_lists import speaker_lists
from reader.core.model import AsideKind, Role
from reader.core.vocabulary import ANONYMOUS_ROLES, RESEARCH_INTERVIEWERS, RESEARCH_RESPONDENTS

NAME = "labelled"
sniff = sniffing.labelled  # detection reads it without importing this module

_NOT_WRAPPED = 100  # a line longer than this is a whole paragraph, not a hard-wrapped piece of one

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_YAML_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)


def parse(text: str, builder: TranscriptBuilder) -> None:
    start = front_matter(text, builder)
    text, labels = find_labels(text, builder, start)
    text, labels = research_header(text, builder, start, labels)
    start = header(text, builder, start, labels[0].start if labels else len(text))
    end = trailer(text, labels)
    parse_body(text, builder, start, end, labels)
    builder.aside(AsideKind.BOILERPLATE, end, len(text))


def find_labels(text: str, builder: TranscriptBuilder, start: int = 0) -> tuple[str, list[Label]]:
    """The accepted labels of text[start:], each with the speaker it stands for, and the text to read them in:
    with the lines that no one says (speaker lists, a deposition's examination headings and `BY` lines, the
    lines on every page of a form-feed paged file and its word index, a select committee's panel headings) set
    aside and blanked."""
    candidates = find_candidates(text, start)
    lists = speaker_lists(text, candidates) + form_feed_furniture(text, start)
    for s, e in lists:
        builder.aside(AsideKind.BOILERPLATE, s, e)
    sections: list[tuple[int, int]] = []
    if any(c.style in ("dotted", "bare") for c in candidates):
        # Imported here, as the committee's below: their patterns are compiled only for the files that have them.
        from reader.core.formats.deposition import section_line, section_lines

        sections = section_lines(text, start)
        for s, e in sections:
            section_line(text, s, e, builder)
    first_question = next((c.start for c in candidates if c.asks), None)
    if first_question is not None:  # the questions are numbered: a select committee's
        from reader.core.formats.committee import panel_lines

        sections += panel_lines(text, builder, start, first_question)
    view = text
    if lists or sections:
        view = blank_out(text, lists + sections)
        candidates = find_candidates(view, start)
    labels = accept_labels(candidates)
    if any(label.text in ("Q", "A") for label in labels):
        labels = _name_questions_and_answers(text, builder, labels)
    return view, labels


# `I = Interviewerin (Katrin Jahnke), B = Befragter (Gerd Kramer, geb. 1948)`, `R = Tom Hale`
_LEGEND = re.compile(r"(?<!\w)(?P<letter>[A-Za-z]{1,4}\d{0,2})[ \t]*=[ \t]*(?P<what>[^,;=()\n]+?)[ \t]*"
                     r"(?:\((?P<who>[^()\n]*)\))?[ \t]*(?=[,;\n]|$)")
_ROLE_NAMES = ANONYMOUS_ROLES | {name.casefold() for name in (*RESEARCH_INTERVIEWERS.values(),
                                                              *RESEARCH_RESPONDENTS.values())} | {
    "interviewerin", "befragte", "befragter", "interviewpartner", "interviewpartnerin", "teilnehmer", "teilnehmerin"}


# The role words a research interview's header names its two sides with (`Interviewer: Anna Brooks`).
_SIDE_WORDS = {"interviewer": Role.INTERVIEWER, "interviewerin": Role.INTERVIEWER, "respondent": Role.INTERVIEWEE,
               "interviewee": Role.INTERVIEWEE, "befragte": Role.INTERVIEWEE, "befragter": Role.INTERVIEWEE,
               "interviewpartner": Role.INTERVIEWEE, "interviewpartnerin": Role.INTERVIEWEE}
_HEADER_NAME = 60  # characters: a name after a role word, not a sentence


def research_header(text: str, builder: TranscriptBuilder, start: int, labels: list[Label]) -> tuple[str, list[Label]]:
    """A research interview's header names who its letters stand for, in a legend (`I = Interviewerin (Katrin
    Jahnke), B = Befragter (…)`) or in lines of their own above the first turn (`Interviewer: Anna Brooks`,
    `Respondent: Tom Hale (R07)`): `I:` is shown as Katrin Jahnke, `R:` as Tom Hale. A letter given only its
    part keeps the part's name. The header's lines are no turns: they are set aside, and blanked in the text
    returned, with the labels left."""
    research = research_roles({speaker_key(label.speaker or label.text) for label in labels})
    if not research:
        return text, labels
    first = next(i for i, label in enumerate(labels) if speaker_key(label.speaker or label.text) in research)
    header_lines: list[tuple[int, int]] = []
    for m in _LEGEND.finditer(text, start, labels[first].start):
        if speaker_key(m["letter"]) not in research:
            continue
        name = next((n for said in (m["who"], m["what"]) if (n := (said or "").split(",")[0].strip())
                     and n.casefold() not in _ROLE_NAMES and name_shape(n)), None)
        if name:
            builder.set_name(m["letter"], name)
        line = (text.rfind("\n", 0, m.start()) + 1, _line_end(text, m.end()))
        if line not in header_lines:
            header_lines.append(line)
            builder.aside(AsideKind.HEADER, *line)
    for label in labels[:first]:
        side = _SIDE_WORDS.get(speaker_key(label.speaker or label.text))
        line_end = _line_end(text, label.end)
        rest = text[label.end:line_end].strip()
        name = rest.split("(")[0].split(",")[0].strip()
        if side is None or len(rest) > _HEADER_NAME or not name or not name_shape(name):
            continue  # a turn of its own ("Interviewer: Okay, we're recording.")
        header_lines.append((label.start, line_end))
        builder.aside(AsideKind.HEADER, label.start, line_end)
        letters = [key for key, role in research.items() if role is side]
        if len(letters) == 1 and name.casefold() not in _ROLE_NAMES:
            builder.set_name(letters[0], name)
    if not header_lines:
        return text, labels
    starts = {s for s, _ in header_lines}
    return blank_out(text, header_lines), [label for label in labels if label.start not in starts]


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _name_questions_and_answers(text: str, builder: TranscriptBuilder, labels: list[Label]) -> list[Label]:
    """A deposition's `Q` is the examiner, its `A` the witness (see `deposition`)."""
    from reader.core.formats.deposition import Deposition

    deposition = Deposition.of(text)
    deposition.tell_roles(builder)
    named = []
    for label in labels:
        speaker = deposition.speaker(label.speaker or label.text, label.start)
        named.append(label if speaker == (label.speaker or label.text) else label._replace(speaker=speaker))
    return named


def front_matter(text: str, builder: TranscriptBuilder) -> int:
    """YAML front matter (`title:`, `date:`) becomes metadata; returns where the body starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0
    fields = {f.group("key").casefold(): f.group("value").strip("'\"") for f in _YAML_FIELD.finditer(m["body"])}
    meta = builder.metadata
    builder.metadata = replace(
        meta,
        title=fields.get("title") or meta.title,
        date=iso_date(fields.get("date", "")) or meta.date,
        place=fields.get("place") or fields.get("location") or meta.place,
        language=fields.get("language") or fields.get("lang") or meta.language,
    )
    builder.aside(AsideKind.HEADER, m.start(), m.end())
    return m.end()


_HEADER_FIELD = re.compile(r"^(?P<key>Title|Date|Place|Location|Language)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$",
                           re.IGNORECASE)
_TITLE_WORDS = re.compile(r"interview|briefing|conversation|transcript|remarks|hearing|press conference|podcast|"
                          r"episode|talk|discussion|q\s*&\s*a|meeting", re.IGNORECASE)
_SENTENCE_END = (".", "?", "!", "…", ",", ";", ":")
_END_MARK = re.compile(r"(?:END|# # #|###|-\s*30\s*-)\b[^\n]{0,40}$|(?:END|# # #|###)$|"
                       r"(?i:\[(?:end of (?:the )?(?:interview|recording|transcript)|"  # a research interview's
                       r"ende de[rs] (?:interviews|aufnahme|transkripts|gesprächs))\])$")  # note of its end


def header(text: str, builder: TranscriptBuilder, start: int, body: int) -> int:
    """Before the first label: a preamble of short lines (title, date, time, office) becomes metadata and
    boilerplate; `Title:`/`Date:` lines and a lone title line do so in any case. Prose stays in the body as
    an unlabelled opening, so nothing a speaker might have said is hidden."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text[:body]) if m.start() >= start]
    lines = [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in lines]
    has_body = body < len(text)  # without a single label there is no preamble, only text
    if has_body and lines and all(_preamble_line(text[s:e]) for s, e in lines):
        _preamble(text, builder, lines)
        return lines[-1][1]
    # A front page above the prose that opens the transcript (a printed hearing's title, committee, date and
    # contents above "The Subcommittee met, pursuant to notice..."): its paragraphs of such lines, before the
    # first paragraph with a sentence, are the preamble; the prose stays.
    front = _front_page(text, lines) if has_body else []
    if len(front) >= FRONT_PAGE_LINES:
        _preamble(text, builder, front)
        return front[-1][1]
    meta = builder.metadata
    pos = start
    for s, e in lines:
        line = text[s:e]
        field = _HEADER_FIELD.match(line)
        if field:
            key, value = field["key"].casefold(), field["value"]
            if key == "title":
                meta = replace(meta, title=meta.title or value)
            elif key == "date":
                meta = replace(meta, date=meta.date or iso_date(value) or None)
            elif key in ("place", "location"):
                meta = replace(meta, place=meta.place or value)
            else:
                meta = replace(meta, language=meta.language or value)
        elif meta.title is None and len(line) <= 150 and not line.endswith(_SENTENCE_END) \
                and _next_line_is_blank(text, e):
            meta = replace(meta, title=line.strip("#* \t"))
        else:
            break
        builder.aside(AsideKind.HEADER, s, e)
        pos = e
    builder.metadata = meta
    return pos


def _preamble_line(line: str) -> bool:
    return len(line) <= 100 and not line.endswith(_SENTENCE_END)


FRONT_PAGE_LINES = 6  # a front page has a title, a date and more; fewer lines above the prose are left to it


def _front_page(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of the paragraphs of preamble lines that come before the first paragraph holding any other (a
    title wrapped over two lines may end its first in a comma)."""
    front: list[tuple[int, int]] = []
    paragraph: list[tuple[int, int]] = []
    for s, e in lines:
        if paragraph and text.count("\n", paragraph[-1][1], s) > 1:  # a blank line between: a new paragraph
            if not _preamble_line(text[slice(*paragraph[-1])]):
                return front
            front += paragraph
            paragraph = []
        line = text[s:e]
        if len(line) > 100 or (line.endswith(_SENTENCE_END) and not line.endswith(",")):
            return front
        paragraph.append((s, e))
    return front


# A line that names no title: a bracketed note (`[Senate Hearing 118-377]`), a contents entry with its dot
# leaders.
_NO_TITLE = re.compile(r"^\[.*\]$|\.{4,}")


def _preamble(text: str, builder: TranscriptBuilder, lines: list[tuple[int, int]]) -> None:
    """The preamble's lines as metadata and asides. The title is the first line naming what the text is (an
    interview, a hearing: more than the word alone), else the first in capitals (a printed title, `RURAL
    BROADBAND: CLOSING THE LAST MILE`), else the first line."""
    meta = builder.metadata
    titled = [se for se in lines if not _NO_TITLE.search(text[se[0]:se[1]])] or lines
    named = [se for se in titled if _TITLE_WORDS.search(line := text[se[0]:se[1]]) and len(line.split()) > 1]
    printed = [se for se in titled if (line := text[se[0]:se[1]]).isupper() and len(line.split()) > 1]
    title_at = None if meta.title else (named or printed or titled)[0]
    for s, e in lines:
        line = text[s:e]
        kind = AsideKind.BOILERPLATE
        field = _HEADER_FIELD.match(line)
        clock = clock_time(line)
        if (s, e) == title_at:
            meta, kind = replace(meta, title=line.strip("#* \t")), AsideKind.HEADER
        elif title_at and meta.title and meta.title.endswith(",") and text.count("\n", title_at[1], s) == 1:
            meta, kind = replace(meta, title=f"{meta.title} {line.strip()}"), AsideKind.HEADER  # the title, wrapped
        elif field and field["key"].casefold() != "date":
            key = field["key"].casefold()
            meta = replace(meta, **{"title" if key == "title" else "language" if key == "language" else "place":
                                    field["value"]})
            kind = AsideKind.HEADER
        elif meta.date is None and iso_date(line):
            meta, kind = replace(meta, date=iso_date(line), time=meta.time or clock), AsideKind.HEADER
        elif meta.time is None and clock and len(line.split()) <= 4:
            meta, kind = replace(meta, time=clock), AsideKind.HEADER
        builder.aside(kind, s, e)
    builder.metadata = meta


# The publisher's note under a transcript, in a paragraph of its own after the last turn: the broadcaster's
# disclaimer ("Die Äußerungen unserer Gesprächspartner geben deren eigene Auffassungen wieder."), an editing note
# ("This interview has been edited for length and clarity."), a copyright line. Nobody says them.
_EDITORIAL = re.compile(
    r"(?i:(?:die )?äußerungen (?:unserer|unseres|seiner|ihrer) gesprächspartner|"
    r"(?:this|the) (?:interview|conversation|transcript|exchange) (?:has been|was|is|have been) "
    r"(?:lightly |slightly )?(?:edited|condensed)|this (?:is a )?(?:rush|draft) transcript|"
    r"cet (?:entretien|échange) a été (?:édité|condensé|raccourci)|copyright\b)|©")


def trailer(text: str, labels: list[Label]) -> int:
    """Where an end mark (`END 1:42 P.M. EDT`, `###`) or a publisher's note after the last turn starts; len(text)
    when there is none."""
    tail = text.rstrip()
    line_start = tail.rfind("\n") + 1
    last = tail[line_start:].strip()
    if labels and line_start > labels[-1].start and _END_MARK.match(last):
        return line_start
    # A page's contacts close it ("Contacts", "Media enquiries"), perhaps with a `Public Inquiries:` line of their
    # own, which no one says: they are looked for from a few labels back.
    back = labels[-CONTACT_LABELS].start if len(labels) > CONTACT_LABELS else len(tail)
    for block in _BLOCK_STARTS.finditer(tail, back):
        if _CONTACTS.match(tail, block.end()):
            return block.end()
    # The note may come last, or above the page's links to more on the subject ("Mehr zum Thema", "Read more").
    after = labels[-1].start if labels else len(tail)
    for block in _BLOCK_STARTS.finditer(tail, after):
        start = block.end()
        if _EDITORIAL.match(tail, start) or _RELATED.match(tail, start):
            return start
    return len(text)


CONTACT_LABELS = 3  # a contacts block holds this many `Name:` lines of its own at most
_CONTACTS = re.compile(r"(?i:contacts?|media contacts?|media (?:enquiries|inquiries|relations)|press contacts?|"
                       r"for more information|kontakt|pressekontakt|contacts? presse)[ \t]*:?[ \t]*\n")


_BLOCK_STARTS = re.compile(r"\n[ \t]*\n\s*")  # a blank line and the spaces before the next block's first word
_RELATED = re.compile(r"(?i:mehr zum thema|related (?:articles|stories|links|content)|read more|more on this "
                      r"(?:story|topic)|lire aussi|à lire aussi|sur le même sujet|más información|te puede interesar)"
                      r"[ \t]*:?[ \t]*\n")


def _next_line_is_blank(text: str, end: int) -> bool:
    nxt = text.find("\n", end + 1)
    return end >= len(text) or not text[end + 1 : nxt if nxt >= 0 else len(text)].strip()


def parse_body(text: str, builder: TranscriptBuilder, start: int, end: int, labels: list[Label]) -> None:
    """Turns from `labels` (accepted, sorted) and paragraphs from blank-line blocks within [start, end)."""
    index = 0
    n = len(labels)
    while index < n and labels[index].start < start:
        index += 1
    for block in BLOCK.finditer(text, start, end):
        b_start, b_end = block.span()
        if text.find("\n", b_start, b_end) < 0:  # one line, the common case: no wrapping to undo
            content = b_start
            if index < n and labels[index].start < b_end:
                label = labels[index]
                builder.turn(label.speaker or label.text, (label.start, label.end), asks=label.asks)
                content = label.end
                index += 1
            content, _ = strip(text, content, b_end)
            if content < b_end:
                builder.paragraph(content, b_end)
            continue
        index = _wrapped_block(text, builder, b_start, b_end, labels, index)


def _wrapped_block(text: str, builder: TranscriptBuilder, b_start: int, b_end: int, labels: list[Label],
                   index: int) -> int:
    """A block of several lines: labels may open any line; wrapped lines join, whole-paragraph lines do not, and
    in a block whose first line is indented and whose wrapped lines are not (the Congressional Record's
    paragraphs), a line indented like the first opens a paragraph."""
    n = len(labels)
    lines = text[text.rfind("\n", 0, b_start) + 1 : b_end].split("\n")
    indents = [len(line) - len(line.lstrip(" \t")) for line in lines]
    opening_indent = indents[0] if indents[0] > min(indents) else None
    line_start = b_start
    para_start = para_end = -1
    prev_len = 0
    for indent in indents:
        nl = text.find("\n", line_start, b_end)
        line_end = b_end if nl < 0 else nl
        content = line_start
        if index < n and labels[index].start < line_end:
            label = labels[index]
            if para_start >= 0:
                builder.paragraph(para_start, para_end)
                para_start = -1
            builder.turn(label.speaker or label.text, (label.start, label.end), asks=label.asks)
            content = label.end
            index += 1
        elif para_start >= 0 and (prev_len > _NOT_WRAPPED or (opening_indent is not None and indent >= opening_indent)):
            builder.paragraph(para_start, para_end)
            para_start = -1
        stripped_start, stripped_end = strip(text, content, line_end)
        if stripped_end > stripped_start:
            if para_start < 0:
                para_start = stripped_start
            para_end = stripped_end
        prev_len = line_end - line_start
        line_start = line_end + 1
    if para_start >= 0:
        builder.paragraph(para_start, para_end)
    return index
