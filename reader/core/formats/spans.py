"""Stretches of the source text, as every layout cuts them: blank-line separated blocks, and spans trimmed to
their first and last visible character (so an aside or a paragraph never starts on a space)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import islice

# A blank-line separated block, from its first to its last non-space character.
BLOCK = re.compile(r"\S(?:[^\n]*\S)?(?:[ \t\u00a0\r]*\n[ \t\u00a0\f\r]*\S(?:[^\n]*\S)?)*")


def skip_space(text: str, start: int, end: int) -> int:
    """The first offset from `start` (at most `end`) that is not whitespace."""
    while start < end and text[start].isspace():
        start += 1
    return start


def trim_end(text: str, start: int, end: int) -> int:
    """The offset after the last character before `end` (at least `start`) that is not whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def strip(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the whitespace at either end, as a span."""
    start = skip_space(text, start, end)
    return start, trim_end(text, start, end)


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` sorted, with those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif end > start:
            out.append((start, end))
    return out


def outside(start: int, end: int, covered: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The stretches of [start, end) in none of `covered` (sorted and merged, as `merged` gives them)."""
    index = max(bisect_right(covered, (start, end)) - 1, 0)
    for c_start, c_end in islice(covered, index, None):
        if c_start >= end:
            break
        if c_end <= start:
            continue
        if c_start > start:
            yield start, c_start
        start = max(start, c_end)
    if start < end:
        yield start, end


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` made spaces (line ends kept), so nothing in them is read again and
    every offset stays where it was."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
