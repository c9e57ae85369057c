"""What a paged transcript prints on every page and at its end that nobody said.

- Running lines: a reporting company's name and telephone number, a `DRAFT - NOT CERTIFIED` notice, `Page 3 of
  40`, written at the top or the foot of every page. A line is one when the same words (digits aside) stand
  among the first or last lines of most pages.
- The word index that closes a court reporter's transcript: alphabetical entries with their page:line places,
  `abandon [1] 12:4`, `able [3] 5:9 7:1`, often in columns, running to the end.

Both work on the lines' text with the margin numbers taken off, and give line indices; the layout sets those
lines aside.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.formats.spans import strip

_EDGE_LINES = 3  # how far from a page's top or foot a running line stands
_MIN_PAGES = 3
_DIGITS = re.compile(r"\d+")
_PLACES = r"(?:\d{1,4}:\d{1,2}[,;]?[ \t]*)+"
_ENTRY = rf"[^\s\[\]]+(?:[ \t]+[^\s\[\]\d][^\s\[\]]*)?[ \t]+(?:\[\d+\]|\(\d+\))?[ \t]*{_PLACES}"
_INDEX_LINE = re.compile(rf"(?:{_ENTRY})+|{_PLACES}")
# Lines an index has between its entries: a letter heading, `WORD INDEX`, a page number.
_INDEX_FILLER = re.compile(r"[A-Z]|<[ \t]*\w[ \t]*>|\d{1,4}|(?:WORD[ \t]+)?INDEX|CONCORDANCE|\w+[ \t]+-[ \t]+\w+")
_MIN_INDEX_ENTRIES = 8


def running_lines(lines: list[str], pages: list[int]) -> set[int]:
    """Indices of `lines` (bare text, "" for blank lines) that repeat at the edge of most pages; `pages` gives each
    line's page number."""
    edges: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line:
            edges.setdefault(pages[i], []).append(i)
    if len(edges) < _MIN_PAGES:
        return set()
    at_edge = {i for indices in edges.values() for i in indices[:_EDGE_LINES] + indices[-_EDGE_LINES:]}
    shape = {i: _DIGITS.sub("#", " ".join(lines[i].split())) for i in at_edge}
    pages_with: Counter[str] = Counter()
    for form, _ in {(form, pages[i]) for i, form in shape.items()}:
        pages_with[form] += 1
    running = {form for form, n in pages_with.items() if n >= _MIN_PAGES and n * 2 >= len(edges)
               and form.strip("# ")}
    return {i for i, form in shape.items() if form in running}


def word_index_start(lines: list[str]) -> int | None:
    """The index of the first line of the closing word index, or None when the text does not end with one."""
    start = None
    entries = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        if _INDEX_LINE.fullmatch(line):
            entries += 1
            start = i
        elif not _INDEX_FILLER.fullmatch(line):
            break
        elif start is not None and _INDEX_FILLER.fullmatch(line) and not line.isdigit():
            start = i  # a heading above the entries belongs to the index
    return start if entries >= _MIN_INDEX_ENTRIES else None


def form_feed_furniture(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The spans (stripped lines) of the running lines and the closing word index of a text whose pages are
    separated by form feeds; none when it has no form feeds."""
    if "\f" not in text[start:]:
        return []
    spans: list[tuple[int, int]] = []
    bare: list[str] = []
    pages: list[int] = []
    at = start
    page = 0
    for line in text[start:].split("\n"):
        page += line.count("\f")
        spans.append(strip(text, at, at + len(line)))
        bare.append(line.strip())
        pages.append(page)
        at += len(line) + 1
    furniture = running_lines(bare, pages)
    index = word_index_start(["" if i in furniture else line for i, line in enumerate(bare)])
    if index is not None:
        furniture.update(range(index, len(bare)))
    return [spans[i] for i in sorted(furniture) if spans[i][1] > spans[i][0]]

