"""Who speaks, as a web page's markup says it: the blocks of a page made the container's text and blocks.

Pages mark speakers in their markup more often than in their text: `<b>Name:</b> text`, `<strong>Name:</strong>`,
a label split over two bold runs (`<b>M</b><b>aria:</b>`), a label alone in its own `<p class="speaker">` or
`<div>` above the text, or an interview whose questions are bold paragraphs with no label at all. When the
markup names the speakers, the blocks carry them (`structured`: the turns are built as given, and markup that
merely makes a `Note:` bold is not taken for a speaker, by the same rules the labelled layout keeps: a label
recurs, is a role word, or names someone in an already-labelled conversation). The markup says where each label
is, so nothing is left to guess, and a large page is spared the labelled layout's search for labels over its
whole text (most of the time it would take). Otherwise the text goes to the layouts, which read `Name: text`,
`<em>Name: ...</em>` (emphasis only changes the look), briefings' `Q`, the `<pre>` of the Congressional Record,
and plain prose as they would in a text file.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.containers import Block, BlockKind
from reader.core.containers.html_text import RawBlock
from reader.core.formats.label_styles import (
    MAX_LABEL,
    QUESTION_NUMBER,
    label_key,
    label_shape,
    question_answer_speakers,
    without_question_number,
)
from reader.core.formats.print_interview import bold_questions

_TEXT_LABEL = re.compile(rf"(?:{QUESTION_NUMBER.pattern})?([^\W\d_][^\n:]{{0,{MAX_LABEL}}}?):(?=[\s\u00a0]|$)")
_BARE_QA = re.compile(r"([QA])[ \u00a0]{2,}(?=\S)")
_LINK_FURNITURE = 0.6


def assemble(raw: list[RawBlock], title: str | None) -> tuple[str, tuple[Block, ...], bool]:
    """The page's text (blocks separated by blank lines), its blocks, and whether they carry the turns."""
    for rb in raw:
        _classify(rb)
    _normalise_levels(raw)
    structured = _markup_labels(raw) or _bold_questions(raw, title)
    return _layout(raw, structured)


def _classify(rb: RawBlock) -> None:
    """A heading is kept as one inside a page's own header (the title above the article), furniture elsewhere
    in furniture (the walk has cleared those); a block mostly of links is a menu or a teaser."""
    if rb.heading:
        rb.kind = BlockKind.FURNITURE if rb.link_share >= _LINK_FURNITURE else BlockKind.HEADING
    elif rb.furniture or (rb.link_share >= _LINK_FURNITURE and not rb.pre):
        rb.kind = BlockKind.FURNITURE


def _normalise_levels(raw: list[RawBlock]) -> None:
    """Heading levels as the page uses them: its highest heading is level 1."""
    levels = [rb.heading for rb in raw if rb.kind is BlockKind.HEADING]
    if levels:
        top = min(levels)
        for rb in raw:
            if rb.kind is BlockKind.HEADING:
                rb.heading = rb.heading - top + 1


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
        elif len(prefix) == len(text) or text[len(prefix)].isspace():  # `<b>ANN</b> Hello`, or a bold line
            label, mark = prefix, len(prefix)  # alone: a label only if it recurs (checked by the caller)
    elif (rb.speaker_class or text.endswith(":")) and len(text) <= MAX_LABEL and "\n" not in text:
        label = text[:-1].strip() if text.endswith(":") else text  # a label alone in its element, text below
        mark = len(text)
    label = label and without_question_number(label)  # `<b>Q12 Chair:</b>`: the speaker is the Chair
    if not label or len(label) > MAX_LABEL or label_shape(label) is None:
        return None
    return label, mark


def _markup_labels(raw: list[RawBlock]) -> bool:
    """Speakers from labels the markup sets apart; True when the page has them (then every TEXT block is
    assigned, a text label of a known speaker included)."""
    found: dict[int, tuple[str, int]] = {}
    for i, rb in enumerate(raw):
        if rb.kind is BlockKind.TEXT and not rb.pre and (rb.bold_prefix or rb.speaker_class or rb.text[-1:] == ":"):
            c = _candidate(rb)
            if c:
                found[i] = c
    if not found:
        return False
    # A print interview's `<b>Pregunta.</b>` and later `<b>P.</b>` are one speaker, its question side.
    marks = question_answer_speakers(label for label, _ in found.values())
    if marks:
        found = {i: (marks.get(label, label), mark) for i, (label, mark) in found.items()}
    counts = Counter(label_key(label) for label, _ in found.values())
    # The same speakers' labels written as text count too (`Ann:` in bold once, then plain).
    written = {i: m for i, rb in enumerate(raw)
               if i not in found and rb.kind is BlockKind.TEXT and (m := _TEXT_LABEL.match(rb.text) or
                                                                    _BARE_QA.match(rb.text))}
    counts.update(label_key(m[1]) for m in written.values())
    accepted: dict[int, tuple[str, int]] = {}
    for i, (label, mark) in found.items():
        key, shape = label_key(label), label_shape(label)
        text = raw[i].text
        bare_line = not raw[i].speaker_class and not text[:mark].endswith(":")  # no colon: must recur
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
    for i, rb in enumerate(raw):
        if rb.kind is not BlockKind.TEXT:
            continue
        if i in accepted:
            rb.speaker, rb.label_len = accepted[i]
            rb.alone = rb.label_len == len(rb.text)
        elif i in written and not rb.pre and (i > first or QUESTION_NUMBER.match(rb.text)):
            _text_label(rb, written[i], known)  # before the first turn, a cover page's `Interviewer:` is no turn
    return True


def _text_label(rb: RawBlock, m: re.Match[str], known: set[str]) -> None:
    """A label written as text in a page whose other labels are markup: a known speaker's, or a role word."""
    label = m[1].strip()
    numbered = m.re is _TEXT_LABEL and m.start(1) > 0  # `Q12 Dr Smith:`: the committee's number says it is a label
    if label_key(label) in known or label_shape(label) == "role" or (numbered and label_shape(label) == "name"):
        rb.speaker, rb.label_len = label, m.end() if m.re is _TEXT_LABEL else len(label)


def _bold_questions(raw: list[RawBlock], title: str | None) -> bool:
    """An interview whose questions are bold paragraphs without labels (`print_interview`)."""
    text_blocks = [i for i, rb in enumerate(raw) if rb.kind is BlockKind.TEXT and not rb.pre]
    sides = bold_questions([(raw[i].text, raw[i].emphasis) for i in text_blocks], title,
                           [rb.text for rb in raw if rb.kind is BlockKind.HEADING])
    if sides is None:
        return False
    for n, i in enumerate(text_blocks):
        if n in sides.credits:
            raw[i].kind = BlockKind.FURNITURE  # a byline: who asked is the interviewer's name
        elif n in sides.questions:
            raw[i].speaker, raw[i].asks = sides.asker, True
        elif n in sides.answers:
            raw[i].speaker = sides.answerer
    return True


def _layout(raw: list[RawBlock], structured: bool) -> tuple[str, tuple[Block, ...], bool]:
    """Join the blocks into the text and place each in it. A label alone names the turn of the TEXT block after
    it: its span becomes that block's `label_span`."""
    parts: list[str] = []
    blocks: list[Block] = []
    at = 0
    pending: tuple[str, tuple[int, int]] | None = None  # a label alone, waiting for its text
    text_kind = BlockKind.TEXT
    for index, rb in enumerate(raw):
        text = rb.text
        start, end = at, at + len(text)
        parts.append(text)
        at = end + 2
        if rb.kind is not text_kind:
            blocks.append(Block((start, end), rb.kind, None, None, None, rb.heading or 1))
            continue
        if not structured:
            blocks.append(Block((start, end), text_kind, None, None, None, 1, rb.emphasis))
            continue
        if rb.alone and index + 1 < len(raw):
            following = raw[index + 1]
            if following.kind is text_kind and not following.alone and not following.label_len:
                pending = (rb.speaker or "", (start, end))
                continue
        speaker, label_span = rb.speaker, None
        if rb.alone:  # a label with nothing below it: its words are kept as a paragraph
            speaker = None
        elif rb.label_len:
            label_span = (start, start + rb.label_len)
            start += rb.label_len
            while start < end and text[start - label_span[0]].isspace():
                start += 1
        if pending is not None:
            speaker, label_span = pending
            pending = None
        blocks.append(Block((start, end), text_kind, speaker, label_span, None, 1, rb.emphasis, asks=rb.asks))
    return "\n\n".join(parts), tuple(blocks), structured
