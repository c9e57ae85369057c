"""The builder's asides: kept as spans while parsing, made into `Aside`s when first read; its paragraphs' spacing."""

from __future__ import annotations

import sys
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from reader.core.formats.base import TranscriptBuilder, single_spaced
from reader.core.formats.spans import merged, outside
from reader.core.model import Aside, AsideKind

SOURCE = "Skip to content\n\n00:01 Ann: Hello.\n\n00:05 Ann: Again.\n\n© 2024 News"


def _built() -> TranscriptBuilder:
    furniture = SOURCE.index("© 2024")
    builder = TranscriptBuilder(SOURCE, "test", hidden=[(AsideKind.BOILERPLATE, (0, 15)),
                                                         (AsideKind.BOILERPLATE, (furniture, furniture + 6))])
    for clock in ("00:01", "00:05"):
        at = SOURCE.index(clock)
        builder.aside(AsideKind.FURNITURE, at + 6, at + 10)  # reported before the time it follows
        builder.aside(AsideKind.FURNITURE, at, at + 5)
        builder.aside(AsideKind.FURNITURE, at + 5, at + 6)  # a blank stretch: no aside
    builder.aside(AsideKind.HEADER, 10, 21)  # over the hidden start: only what is after it, from the source
    builder.aside(AsideKind.BOILERPLATE, 0, 15)  # all hidden: the container's aside already
    builder.aside(AsideKind.FURNITURE, 5, 5)  # empty
    return builder


def test_asides_are_read_in_source_order_as_the_parser_saw_the_text() -> None:
    t = _built().build()
    first, second = SOURCE.index("00:01"), SOURCE.index("00:05")
    expected = (
        Aside(AsideKind.BOILERPLATE, (0, 15), "Skip to content"),
        Aside(AsideKind.HEADER, (17, 21), "00:0"),
        Aside(AsideKind.FURNITURE, (first, first + 5), "00:01"),
        Aside(AsideKind.FURNITURE, (first + 6, first + 10), "Ann:"),
        Aside(AsideKind.FURNITURE, (second, second + 5), "00:05"),
        Aside(AsideKind.FURNITURE, (second + 6, second + 10), "Ann:"),
        Aside(AsideKind.BOILERPLATE, (len(SOURCE) - 11, len(SOURCE) - 5), "© 2024"),
    )
    assert t.asides == expected
    assert tuple(t.asides) == expected and list(t.asides) == list(expected)
    assert len(t.asides) == 7 and t.asides[1] == expected[1] and t.asides[-2:] == expected[-2:]
    assert [a.text for a in t.boilerplate] == ["Skip to content", "© 2024"]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=6), st.integers(0, 50),
       st.integers(0, 12))
def test_outside_is_what_no_covered_span_holds(covers: list[tuple[int, int]], start: int, length: int) -> None:
    covered = merged([(s, s + n) for s, n in covers])
    assert all(a[1] < b[0] for a, b in pairwise(covered))
    pieces = list(outside(start, start + length, covered))
    held = {i for s, e in covered for i in range(s, e)}
    assert [i for s, e in pieces for i in range(s, e)] == [i for i in range(start, start + length) if i not in held]
    assert all(s < e for s, e in pieces) and all(a[1] < b[0] for a, b in pairwise(pieces))


def test_transcripts_built_alike_are_equal() -> None:
    one, two = _built().build(), _built().build()
    assert one.asides == two.asides and hash(one.asides) == hash(two.asides)
    assert one == two
    assert one.asides != tuple(two.asides)[:-1]


def test_a_built_transcript_keeps_its_asides_when_the_builder_is_told_more() -> None:
    builder = _built()
    t = builder.build()
    builder.aside(AsideKind.FURNITURE, 0, 4)
    assert len(t.asides) == 7



def test_only_the_space_is_printable_whitespace() -> None:
    # What lets `single_spaced` keep a printable text with single spaces as it is.
    whitespace = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [ch for ch in whitespace if ch.isprintable()] == [" "]


@given(st.text(st.sampled_from(list("ab.é \t\n\r\x0b\f\x1c\x85\u00a0\u2009\u2028\u3000\u00ad"))))
def test_single_spaced_is_split_and_joined(text: str) -> None:
    assert single_spaced(text) == " ".join(text.split())
