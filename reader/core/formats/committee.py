"""A select committee's oral evidence, as the UK Parliament publishes it: the committee numbers its questions
before the asker's label (`Q12 Chair:`, read by `label_styles`), and heads each panel of witnesses with
`Examination of witnesses` and the names of those who answer (`Witnesses: Professor Whitby and Dr Dutta.`,
`Witness: Martin Hollis.`). The headings are the transcript's sections and the names a list: never words said.

    Ordered by the House of Commons to be published on 9 March 2022.
    Watch the meeting
    Members present: Sir Andrew Hale (Chair); Ruth Ashworth; Dr Neil Okafor.
    Questions 1 - 9
    Witnesses
    I: Professor Clare Whitby, Professor of Hydrology, University of Wessex; ...
    Examination of witnesses
    Witnesses: Professor Whitby and Dr Dutta.
    Q1                Chair: Good morning, and welcome ...

Before the first question, the publication's lines (the order to publish, the link to the recording, the range
of questions, the list of panels) are set aside too. A panel's `Witnesses:` line and `Members present:` are
speaker lists (`speaker_lists`); this module finds the rest, and only in a file whose questions are numbered, so
a `Witness: I saw him leave.` elsewhere is left alone.
"""

from __future__ import annotations

import re

from reader.core.formats.base import TranscriptBuilder
from reader.core.model import AsideKind

_NAME_WORD = r"[A-Z][\w'’.\-]*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|of|de|van|von|da|del|la|le))*"
_HEADING = re.compile(r"^[ \t]*(?P<line>Examination[ \t]+of[ \t]+(?:the[ \t]+)?witness(?:es)?)[ \t]*$",
                      re.MULTILINE | re.IGNORECASE)
_WITNESS = re.compile(rf"^[ \t]*(?P<line>Witness:[ \t]+{_NAME}\.?)[ \t]*$", re.MULTILINE)
# The publication's lines above the first question.
_FRONT_MATTER = re.compile(
    r"^[ \t]*(?P<line>Ordered[ \t]+by[ \t]+the[ \t]+House[ \t]+of[ \t]+(?:Commons|Lords)[ \t]+to[ \t]+be[ \t]+"
    r"published\b[^\n]*|Watch[ \t]+the[ \t]+meeting[^\n]{0,40}|Questions?[ \t]+\d+(?:[ \t]*[-–][ \t]*\d+)?"
    r"|Witnesses|(?:I|II|III|IV|V|VI|VII|VIII|IX|X):[ \t]+[^\n]+"
    r"(?:\n(?![ \t]*(?:[IVX]+:|Examination\b|Witnesses\b))[ \t]*\S[^\n]*)*)[ \t]*$",  # a panel, wrapped
    re.MULTILINE,
)


def panel_lines(text: str, builder: TranscriptBuilder, start: int, first_question: int) -> list[tuple[int, int]]:
    """The spans of the panels' headings in text[start:] (set aside as sections, each opening one), of a lone
    witness's line, and of the publication's lines before `first_question` (set aside as boilerplate)."""
    spans: list[tuple[int, int]] = []
    for m in _FRONT_MATTER.finditer(text, start, first_question):
        builder.aside(AsideKind.BOILERPLATE, *m.span("line"))
        spans.append(m.span("line"))
    for m in _HEADING.finditer(text, start):
        s, e = m.span("line")
        builder.aside(AsideKind.SECTION, s, e)
        builder.heading(text[s:e], at=s)
        spans.append((s, e))
    for m in _WITNESS.finditer(text, start):
        builder.aside(AsideKind.BOILERPLATE, *m.span("line"))
        spans.append(m.span("line"))
    return sorted(spans)
