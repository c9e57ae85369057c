"""Who speaks, as a web page's markup says it: the blocks of a page made the container's text and blocks.

Pages mark speakers in their markup more often than in their text: `<b>Name:</b> text`, `<strong>Name:</strong>`,
a label split over two bold runs (`<b>M</b><b>aria:</b>`), a label alone in its own `<p class="speaker">` or
`<div>` above the text, or an interview whose questions are bold paragraphs with no label at all. When the
markup names the speakers, the blocks carry them (`structured`: the turns are built as given, and markup that
merely makes a `Note:` bold is not taken for a speaker, by the same rules the labelled layout keeps: a label
recurs, is a role word, or names someone in an already-labelled conversation). Otherwise the text goes to the
layouts, which read `Name: text`, `<em>Name: ...</em>` (emphasis only changes the look), briefings' `Q`, the
`<pre>` of the Congressional Record, and plain prose as they would in a text file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from reader.core.containers import Block, BlockKind
from reader.core.containers.html_text import RawBlock
from reader.core.formats.labelled import label_key, label_shape

INTERVIEWER = "Interviewer"
INTERVIEWEE = "Interviewee"
_MAX_LABEL = 60
_TEXT_LABEL = re.compile(rf"([^\W\d_][^\n:]{{0,{_MAX_LABEL}}}?):(?=[\s\u00a0]|$)")
_BARE_QA = re.compile(r"([QA])[ \u00a0]{2,}(?=\S)")
_SENTENCE_END = (".", "?", "!", "…", ":", '"', "”", "’", ")", ";", ",")
_INTERVIEW_WITH = re.compile(
    r"\b(?:interview|conversation|q\s*&\s*a|talks?|chats?|speaks?|sits down)\s+with\s+"
    r"(?:the\s+\w+\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|bin|al)){0,3})",
    re.IGNORECASE,
)
_LINK_FURNITURE = 0.6


@dataclass(slots=True)
class _Piece:
    """One block of the extracted text, with what is known about it."""

    text: str
    kind: BlockKind = BlockKind.TEXT
    level: int = 1
    speaker: str | None = None
    label_len: int = 0  # the block opens with its speaker's label, this long ("Maria:")
    alone: bool = False  # the block is a label alone: it names the speaker of the text below
    emphasis: bool = False


def assemble(raw: list[RawBlock], title: str | None) -> tuple[str, tuple[Block, ...], bool]:
    """The page's text (blocks separated by blank lines), its blocks, and whether they carry the turns."""
    pieces = [_piece(rb) for rb in raw]
    _normalise_levels(pieces)
    structured = _markup_labels(pieces, raw) or _bold_questions(pieces, raw, title)
    return _layout(pieces, structured)


def _piece(rb: RawBlock) -> _Piece:
    """A heading is kept as one inside a page's own header (the title above the article), furniture elsewhere
    in furniture (the walk has cleared those)."""
    if rb.heading:
        if rb.link_share >= _LINK_FURNITURE:  # a teaser's linked headline
            return _Piece(rb.text, BlockKind.FURNITURE)
        return _Piece(rb.text, BlockKind.HEADING, level=rb.heading)
    if rb.furniture:
        return _Piece(rb.text, BlockKind.FURNITURE)
    if rb.link_share >= _LINK_FURNITURE and not rb.pre:
        return _Piece(rb.text, BlockKind.FURNITURE)
    return _Piece(rb.text, emphasis=rb.emphasis)


def _normalise_levels(pieces: list[_Piece]) -> None:
    """Heading levels as the page uses them: its highest heading is level 1."""
    levels = [p.level for p in pieces if p.kind is BlockKind.HEADING]
    if levels:
        top = min(levels)
        for p in pieces:
            if p.kind is BlockKind.HEADING:
                p.level = p.level - top + 1


def _candidate(rb: RawBlock) -> tuple[str, int] | None:
    """(label, length of its mark in the text) when the block opens with a label its markup sets apart."""
    text = rb.text
    prefix = rb.bold_prefix.strip()
    label = None
    if prefix and text.startswith(prefix):
        if prefix.endswith(":"):
            label, mark = prefix[:-1].strip(), len(prefix)
        elif text[len(prefix) : len(prefix) + 1] == ":":
            label, mark = prefix, len(prefix) + 1
        elif len(prefix) == len(text):  # a bold line alone: a label only if it recurs (checked by the caller)
            label, mark = prefix, len(prefix)
    elif rb.speaker_class and len(text) <= _MAX_LABEL and "\n" not in text:
        label = text[:-1].strip() if text.endswith(":") else text
        mark = len(text)
    if not label or len(label) > _MAX_LABEL or label_shape(label) is None:
        return None
    return label, mark


def _markup_labels(pieces: list[_Piece], raw: list[RawBlock]) -> bool:
    """Speakers from labels the markup sets apart; True when the page has them (then every TEXT block is
    assigned, a text label of a known speaker included)."""
    found: dict[int, tuple[str, int]] = {}
    for i, (p, rb) in enumerate(zip(pieces, raw, strict=True)):
        if p.kind is BlockKind.TEXT and not rb.pre:
            c = _candidate(rb)
            if c:
                found[i] = c
    counts = Counter(label_key(label) for label, _ in found.values())
    if found:  # the same speakers' labels written as text count too (`Ann:` in bold once, then plain)
        counts.update(label_key(m[1]) for i, p in enumerate(pieces)
                      if i not in found and p.kind is BlockKind.TEXT and (m := _TEXT_LABEL.match(p.text)))
    accepted: dict[int, tuple[str, int]] = {}
    for i, (label, mark) in found.items():
        key, shape = label_key(label), label_shape(label)
        bare_line = mark == len(pieces[i].text) and not raw[i].speaker_class and not pieces[i].text.endswith(":")
        if bare_line and (counts[key] < 2 or shape == "prose"):
            continue  # a bold line without a colon names a speaker only when it recurs
        if shape == "prose" and counts[key] < 3:
            continue
        if counts[key] >= 2 or shape == "role" or (shape == "name" and accepted):
            accepted[i] = (label, mark)
    if len(accepted) < 2:
        return False
    known = {label_key(label) for label, _ in accepted.values()}
    first = min(accepted)
    for i, p in enumerate(pieces):
        if p.kind is not BlockKind.TEXT:
            continue
        if i in accepted:
            label, mark = accepted[i]
            p.speaker, p.label_len = label, mark
            p.alone = mark == len(p.text)
        elif i > first and not raw[i].pre:  # before the first turn, `Interviewer: Ann Lee` is a cover page's
            _text_label(p, known)
    return True


def _text_label(p: _Piece, known: set[str]) -> None:
    """A label written as text in a page whose other labels are markup: a known speaker's, or a role word."""
    m = _TEXT_LABEL.match(p.text) or _BARE_QA.match(p.text)
    if not m:
        return
    label = m[1].strip()
    if label_key(label) in known or label_shape(label) == "role":
        p.speaker, p.label_len = label, len(label) + 1 if m.re is _TEXT_LABEL else len(label)


def _bold_questions(pieces: list[_Piece], raw: list[RawBlock], title: str | None) -> bool:
    """An interview whose questions are bold paragraphs without labels: those are the interviewer's, the plain
    paragraphs after them the interviewee's (named when the title or a heading says who). A bold lede or a bold
    line like a subheading is not a question."""
    text_blocks = [i for i, p in enumerate(pieces) if p.kind is BlockKind.TEXT and not raw[i].pre]
    bold = [i for i in text_blocks if pieces[i].emphasis and not _heading_like(pieces[i].text)]
    plain = [i for i in text_blocks if not pieces[i].emphasis]
    if not plain:
        return False
    while bold and bold[0] < plain[0] and not pieces[bold[0]].text.rstrip().endswith("?"):
        bold.pop(0)  # the lede, before any plain paragraph
    if len(bold) < 2:
        return False
    asks = sum(1 for i in bold if pieces[i].text.rstrip().endswith("?"))
    bold_set = set(bold)
    alternate = all(any(j not in bold_set for j in text_blocks if a < j < b) for a, b in pairwise(bold))
    if not (asks >= 0.5 * len(bold) or (alternate and len(bold) >= 3 and asks >= 1)):
        return False
    answerer = _interviewee(title, [p.text for p in pieces if p.kind is BlockKind.HEADING])
    for i in text_blocks:
        if i in bold_set:
            pieces[i].speaker = INTERVIEWER
        elif i > bold[0]:
            pieces[i].speaker = answerer
    return True


def _heading_like(text: str) -> bool:
    return len(text.split()) <= 8 and not text.rstrip().endswith(_SENTENCE_END)


def _interviewee(title: str | None, headings: list[str]) -> str:
    for line in [title or "", *headings]:
        m = _INTERVIEW_WITH.search(line)
        if m:
            name = m["name"].strip().rstrip(".,:;")
            if name and name[0].isupper():
                return name
    return INTERVIEWEE


def _layout(pieces: list[_Piece], structured: bool) -> tuple[str, tuple[Block, ...], bool]:
    """Join the pieces into the text and place each block in it. A label alone names the turn of the TEXT block
    after it: its span becomes that block's `label_span`."""
    parts: list[str] = []
    blocks: list[Block] = []
    at = 0
    pending: tuple[str, tuple[int, int]] | None = None  # a label alone, waiting for its text
    for index, p in enumerate(pieces):
        start, end = at, at + len(p.text)
        parts.append(p.text)
        at = end + 2
        if p.kind is not BlockKind.TEXT:
            blocks.append(Block((start, end), p.kind, level=p.level))
            continue
        if not structured:
            blocks.append(Block((start, end), emphasis=p.emphasis))
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if (p.alone and following is not None and following.kind is BlockKind.TEXT and not following.alone
                and not following.label_len):
            pending = (p.speaker or "", (start, end))
            continue
        speaker, label_span = p.speaker, None
        if p.label_len and not p.alone:
            label_span = (start, start + p.label_len)
            start += p.label_len
            while start < end and p.text[start - label_span[0]].isspace():
                start += 1
        elif p.alone:  # a label with nothing below it: its words are kept as a paragraph
            speaker = None
        if pending is not None:
            speaker, label_span = pending[0], pending[1]
            pending = None
        blocks.append(Block((start, end), speaker=speaker, label_span=label_span, emphasis=p.emphasis))
    return "\n\n".join(parts), tuple(blocks), structured
