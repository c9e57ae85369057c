"""The layout of last resort: paragraphs by an unknown speaker. Never fails.

Blank lines separate paragraphs. Inside a block, short lines are a hard-wrapped paragraph and are joined; a line
longer than any wrap width is a paragraph of its own (files that end paragraphs with one newline), and so is a
line of dialogue opening with a dash (a French, Spanish or Russian print interview: "— Que leur dites-vous ?").

A print interview pasted as text (its bold questions plain now, no labels) is told by its paragraphs: short
ones that end with a question mark, a good share of them, each after one that does not. They are then the
interviewer's questions and the paragraphs between them the answers, the sides named as `print_interview`
names them (the lede, a credit). Prose whose paragraphs now and then end by asking stays one voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from reader.core.formats import sniffing
from reader.core.formats.base import TranscriptBuilder, single_spaced
from reader.core.formats.print_interview import Sides, bold_questions
from reader.core.formats.spans import BLOCK, strip
from reader.core.model import AsideKind, Span

NAME = "plain"
# A line opening with a dash and a space is a new line of dialogue, as French, Spanish and Russian print
# interviews set their questions and answers ("— Que leur dites-vous ?"): it is never a wrapped line's end.
_DIALOGUE = re.compile(r"[ \t\u00a0]*[—–―][ \t\u00a0]")
_DIALOGUE_LINE = re.compile(r"\n[ \t\u00a0]*[—–―][ \t\u00a0]")
_ENDS = (".", "?", "!", "…", "»", "”", '"')
sniff = sniffing.plain  # detection reads it without importing this module
_NOT_WRAPPED = 100
QUESTION_WORDS = 60  # a question paragraph is at most this long
QUESTIONS = 3  # a pasted interview asks at least this many...
QUESTION_SHARE = 0.3  # ... and this share of the paragraphs from the first question on do


def parse(text: str, builder: TranscriptBuilder) -> None:
    spans = list(_paragraphs(text))
    sides = _print_interview(text, spans)
    for n, (start, end) in enumerate(spans):
        if sides is not None:
            if n in sides.credits:
                builder.aside(AsideKind.BOILERPLATE, start, end)  # a byline: its name is the interviewer's
                continue
            if n in sides.questions:
                builder.turn(sides.asker, asks=True)
            elif n in sides.answers:
                builder.turn(sides.answerer)
        builder.paragraph(start, end)


def _paragraphs(text: str) -> Iterator[Span]:
    """The paragraphs' spans, each trimmed to its first and last visible character."""
    for block in BLOCK.finditer(text):
        start, end = block.span()
        if text.find("\n", start, end) < 0:
            yield start, end
            continue
        # In a dialogue (two such lines or more), a line after one that ends a sentence starts a paragraph too:
        # the credit under the last answer ("Propos recueillis par ..."), the lede under the title.
        dialogue = bool(_DIALOGUE.match(text, start, end)) + len(_DIALOGUE_LINE.findall(text, start, end)) >= 2
        para_start = start
        line_start = start
        while True:
            nl = text.find("\n", line_start, end)
            if nl < 0:
                break
            if nl - line_start > _NOT_WRAPPED or (dialogue and (
                    _DIALOGUE.match(text, nl + 1, end) or text[line_start:nl].rstrip().endswith(_ENDS))):
                yield from _trimmed(text, para_start, nl)
                para_start = nl + 1
            line_start = nl + 1
        yield from _trimmed(text, para_start, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    start, end = strip(text, start, end)
    if start < end:
        yield start, end


def _print_interview(text: str, spans: list[Span]) -> Sides | None:
    """The sides of a print interview pasted as text (see the module's doc), or None."""
    texts = [single_spaced(text[start:end]) for start, end in spans]
    asking = [t.endswith("?") and len(t.split()) <= QUESTION_WORDS for t in texts]
    if sum(asking) < QUESTIONS:
        return None
    first = asking.index(True)
    if sum(asking) < QUESTION_SHARE * (len(asking) - first) or any(a and b for a, b in pairwise(asking[first:])):
        return None
    return bold_questions(list(zip(texts, asking, strict=True)), None, [])
