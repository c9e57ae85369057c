"""Speaker lists: the blocks that name who takes part (`SPEAKERS:`, `PRESENT:`, `WITNESSES:` and the names on
that line or below it) are a list, never a speaker saying something. Their headings are found among the colon
label candidates (`label_styles` marks them "list"), so finding them costs no extra pass over the text."""

from __future__ import annotations

from reader.core.formats.label_styles import Label
from reader.core.formats.spans import trim_end

_SENTENCE_END = (".", "?", "!", "…")


def speaker_lists(text: str, candidates: list[Label]) -> list[tuple[int, int]]:
    """The spans of the blocks that list who takes part, from the `SPEAKERS:`, `PRESENT:`, `WITNESSES:` among
    `candidates` to the last name on that line or below it, up to a blank line: a list of names, not a speaker
    saying something."""
    spans: list[tuple[int, int]] = []
    for heading in candidates:
        if heading.style != "list" or (spans and heading.start < spans[-1][1]):
            continue
        newline = text.find("\n", heading.end)
        end = len(text) if newline < 0 else newline
        if not text[heading.end:end].strip():  # the names are below: on the next lines, or after a blank line
            names = _list_lines(text, end + 1)
            after_blank = text.find("\n", end + 1)
            if not names and after_blank >= 0 and not text[end + 1 : after_blank].strip():
                names = _list_lines(text, after_blank + 1)
                names = names if len(names) >= 2 else []  # a list, not one line of someone's words
            end = names[-1] if names else heading.end
        spans.append((heading.start, trim_end(text, heading.start, end)))
    return spans



def _list_lines(text: str, at: int) -> list[int]:
    """The ends of the lines of names from `at` up to the next blank line; none when one of them is prose."""
    ends: list[int] = []
    while at < len(text):
        newline = text.find("\n", at)
        line_end = len(text) if newline < 0 else newline
        line = text[at:line_end].strip()
        if not line:
            break
        if len(line) > 80 or len(line.split()) > 8 or line.endswith(_SENTENCE_END):
            return []
        ends.append(line_end)
        at = line_end + 1
    return ends
