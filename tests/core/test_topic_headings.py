"""The titles the reading view writes where sections and topics begin (`outline.headings`)."""

from __future__ import annotations

from reader.core.topics import Section, Topic
from reader.core.topics.outline import Heading, headings


def _section(first: int, last: int, label: str, *topics: tuple[int, int, str]) -> Section:
    return Section(first, last, label, (), topics=tuple(Topic(f, la, name, ()) for f, la, name in topics))


def test_each_section_and_topic_is_named_at_its_first_turn() -> None:
    sections = [_section(0, 4, "Part 1: Childhood", (0, 2, "Ribeira and quay"), (3, 4, "Boats")),
                _section(5, 9, "Part 2: The cannery", (5, 9, "Sardines"))]
    assert headings(sections) == {0: Heading("Part 1: Childhood", "Ribeira and quay"), 3: Heading("", "Boats"),
                                  5: Heading("Part 2: The cannery", "Sardines")}
    assert str(headings(sections)[0]) == "Part 1: Childhood › Ribeira and quay"
    assert str(headings(sections)[3]) == "Boats"


def test_a_topic_that_only_repeats_its_section_is_not_named_twice() -> None:
    sections = [_section(0, 3, "Mortgage rates", (0, 3, "Mortgage Rates")),
                _section(4, 6, "Housing supply", (4, 5, "Housing supply"), (6, 6, "Planning rules"))]
    found = headings(sections)
    assert found[0] == Heading("Mortgage rates", "") and str(found[0]) == "Mortgage rates"
    assert found[4] == Heading("Housing supply", "")
    assert found[6] == Heading("", "Planning rules")


def test_a_section_given_without_topics_is_named_alone() -> None:
    assert headings([Section(0, 5, "Opening statements", ())]) == {0: Heading("Opening statements", "")}
    assert headings([]) == {}
