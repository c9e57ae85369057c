"""Who asks and who answers in a deposition's or a trial's `Q.` and `A.`

    DIRECT EXAMINATION
    BY MR. JONES:
    Q.  Please state your name for the record.
    A.  Maria Alvarez.

The `BY MR. JONES:` line names the examiner whose questions follow, until the next one; the witness is named
where the reporter writes that they were sworn (`MARIA ALVAREZ, having been first duly sworn, ...`) or on a
`WITNESS:` line. So a `Q` is shown as the examiner who asks it and an `A` (and `THE WITNESS:`) as the witness.
The examination headings and `BY` lines are not speakers: they are the document's sections.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.spans import strip
from reader.core.model import AsideKind, Role

_MARGIN = r"[ \t\f]*(?:\d{1,2}[ \t]+)?"  # a court transcript's margin line number, if any
_NAME = r"[A-Z][A-Z.'’\-]*(?:[ \t]+[A-Z][A-Z.'’\-]*){1,4}"
BY_LINE = re.compile(r"[ \t]*BY[ \t]+(?P<examiner>(?:MR|MRS|MS|MISS|DR|MX)\.?[ \t]+[A-Z][A-Z'’\-]+"
                     r"(?:[ \t]+[A-Z][A-Z'’\-]+)?)[ \t]*:?[ \t]*")
EXAMINATION_LINE = re.compile(r"[ \t]*(?:(?:DIRECT|CROSS|REDIRECT|RECROSS|RE-DIRECT|RE-CROSS|FURTHER|CONTINUED)"
                              r"[ \t-]*)*(?:-?EXAMINATION|VOIR[ \t]+DIRE)(?:[ \t]+\(CONTINUED\))?[ \t]*")
_SWORN = re.compile(rf"^{_MARGIN}(?P<name>{_NAME}),[ \t]*(?:\n{_MARGIN})?(?i:[^\n]{{0,60}}?duly[ \t]+sworn)",
                    re.MULTILINE)
_WITNESS_LINE = re.compile(rf"^{_MARGIN}WITNESS:[ \t]*(?:\n{_MARGIN})?(?P<name>{_NAME})[ \t]*$", re.MULTILINE)
_BY_ANYWHERE = re.compile(rf"^{_MARGIN}(?P<line>{BY_LINE.pattern})$", re.MULTILINE)


@dataclass
class Deposition:
    """The examiners (from where each starts asking) and the witness of a text, as found in it."""

    witness: str | None = None
    starts: list[int] = field(default_factory=list)
    examiners: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Deposition:
        """The patterns are tried at every line of the whole text, so a text without the words each one needs
        (a hearing that names no sworn witness and has no `BY` line) is not searched: 13 ms of the 15 ms this
        took on a 512 KB hearing."""
        sworn = _SWORN.search(text) if "duly" in text.lower() else None  # `duly` as _SWORN reads it, in any case
        if sworn is None and "WITNESS:" in text:
            sworn = _WITNESS_LINE.search(text)
        found = cls(" ".join(sworn["name"].split()) if sworn else None)
        if "BY" not in text:
            return found
        for m in _BY_ANYWHERE.finditer(text):
            found.starts.append(m.start("line"))
            found.examiners.append(" ".join(m["examiner"].split()))
        return found

    def speaker(self, label: str, at: int) -> str:
        """Who `label`, at offset `at`, stands for: a `Q` is the examiner then asking, an `A` the witness."""
        if label == "Q" and self.examiners:
            index = bisect_right(self.starts, at) - 1
            return self.examiners[index] if index >= 0 else label
        if self.witness and label in ("A", "THE WITNESS"):
            return self.witness
        return label

    def tell_roles(self, builder: TranscriptBuilder) -> None:
        """The examiners ask, the witness answers (the builder would guess otherwise from named labels)."""
        for examiner in self.examiners:
            builder.set_role(examiner, Role.INTERVIEWER)
        if self.witness and self.examiners:
            builder.set_role(self.witness, Role.INTERVIEWEE)


_SECTION_LINE = re.compile(rf"^(?:{EXAMINATION_LINE.pattern}|{BY_LINE.pattern})$", re.MULTILINE)


def section_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The spans of the examination headings and `BY` lines of a text without margin numbers, stripped."""
    spans: list[tuple[int, int]] = []
    if "EXAMINATION" not in text and "BY " not in text:
        return spans
    for m in _SECTION_LINE.finditer(text, start):
        line_start, line_end = strip(text, m.start(), m.end())
        if line_end > line_start:
            spans.append((line_start, line_end))
    return spans


def section_line(text: str, start: int, end: int, builder: TranscriptBuilder) -> bool:
    """Whether text[start:end] (one line, stripped) is an examination heading or a `BY` line; if it is, it is
    set aside as a section, and an examination heading opens one."""
    if EXAMINATION_LINE.fullmatch(text, start, end):
        builder.aside(AsideKind.SECTION, start, end)
        builder.heading(text[start:end].strip().title(), at=start)
        return True
    if BY_LINE.fullmatch(text, start, end):
        builder.aside(AsideKind.SECTION, start, end)
        return True
    return False
