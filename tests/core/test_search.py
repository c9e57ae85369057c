"""Core search: what a reader finds, where, and what a bad query tells them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.formats.base import TranscriptBuilder
from reader.core.model import Transcript, Turn
from reader.core.search import (
    Match,
    SearchError,
    SearchIndexes,
    SearchQuery,
    context,
    contexts,
    fold,
    resolve_speaker,
    search,
)


def make_transcript(turns: list[tuple[str, str]]) -> Transcript:
    """A transcript from (speaker label, text) pairs; blank lines in a text separate its paragraphs."""
    source = ""
    builder_calls: list[tuple[str, list[tuple[int, int]]]] = []
    for label, text in turns:
        source += f"{label}: "
        spans = []
        for para in text.split("\n\n"):
            spans.append((len(source), len(source) + len(para)))
            source += para + "\n\n"
        builder_calls.append((label, spans))
    builder = TranscriptBuilder(source, "test")
    for label, spans in builder_calls:
        builder.turn(label)
        for start, end in spans:
            builder.paragraph(start, end)
    return builder.build()


@pytest.fixture
def interview() -> Transcript:
    return make_transcript([
        ("Question", "Did you meet the President?"),
        ("Lavrov", "I met the president twice.\n\nWe don’t discuss the details, the président said."),
        ("Question", "What about sanctions? Sanctions matter."),
        ("Lavrov", "Presidential sanctions are a matter for Congress."),
    ])


def hits(t: Transcript, matches: list[Match]) -> list[str]:
    return [t.turns[m.turn_index].text[m.start:m.end] for m in matches]


def test_plain_search_is_case_insensitive_by_default_and_in_reading_order(interview: Transcript) -> None:
    matches = search(interview, SearchQuery("president"))
    assert [m.turn_index for m in matches] == [0, 1, 1, 3]
    assert hits(interview, matches) == ["President", "president", "président", "President"]


def test_case_sensitive(interview: Transcript) -> None:
    assert hits(interview, search(interview, SearchQuery("President", case_sensitive=True))) == [
        "President", "President"]


def test_whole_word_skips_longer_words(interview: Transcript) -> None:
    matches = search(interview, SearchQuery("president", whole_word=True))
    assert [m.turn_index for m in matches] == [0, 1, 1]


def test_offsets_point_into_turn_text_across_paragraphs(interview: Transcript) -> None:
    [m] = search(interview, SearchQuery("details"))
    text = interview.turns[m.turn_index].text
    assert "\n\n" in text[: m.start]
    assert text[m.start:m.end] == "details"


def test_typographic_quotes_and_accents_fold(interview: Transcript) -> None:
    assert hits(interview, search(interview, SearchQuery("don't"))) == ["don’t"]
    assert hits(interview, search(interview, SearchQuery("président", whole_word=True))) == [
        "President", "president", "président"]


def test_fold_keeps_length() -> None:
    text = "«Ça» — don’t “quote” Ё ǅ ﬁ İ ß"
    assert len(fold(text)) == len(text)
    assert fold("“don’t” café") == '"don\'t" cafe'


def test_regex_search(interview: Transcript) -> None:
    assert hits(interview, search(interview, SearchQuery(r"sanction\w*", regex=True))) == [
        "sanctions", "Sanctions", "sanctions"]
    # ^ and $ anchor at each turn's and paragraph's start and end, never across turns.
    assert hits(interview, search(interview, SearchQuery(r"^\w+", regex=True))) == [
        "Did", "I", "We", "What", "Presidential"]


def test_match_never_spans_two_turns(interview: Transcript) -> None:
    matches = search(interview, SearchQuery(r"President\?\s+I", regex=True))
    assert matches == []


def test_invalid_regex_raises_a_message_for_the_user(interview: Transcript) -> None:
    with pytest.raises(SearchError, match="invalid regular expression: missing \\), unterminated subpattern"):
        search(interview, SearchQuery("(sanctions", regex=True))
    # The same text as a plain query is just text.
    assert search(interview, SearchQuery("(sanctions")) == []


def test_limit_to_one_speaker(interview: Transcript) -> None:
    key = resolve_speaker(interview, "lavrov")
    matches = search(interview, SearchQuery("sanctions", speaker=key))
    assert [m.turn_index for m in matches] == [3]
    with pytest.raises(SearchError, match="no speaker"):
        search(interview, SearchQuery("x", speaker="nobody"))


def test_resolve_speaker_by_display_name(interview: Transcript) -> None:
    key = interview.speakers[1].key
    assert resolve_speaker(interview, "Sergey Lavrov", {key: "Sergey Lavrov"}) == key
    with pytest.raises(SearchError, match="speakers: Question, Lavrov"):
        resolve_speaker(interview, "Putin")


def test_empty_query_finds_nothing(interview: Transcript) -> None:
    assert search(interview, SearchQuery("")) == []
    assert search(interview, SearchQuery(r"\b", regex=True)) == []  # empty matches are not hits


def test_context_is_one_line_cut_at_words() -> None:
    long = " ".join(f"word{i}" for i in range(40))
    t = make_transcript([("A", long + "\n\ntarget here " + long)])
    [m] = search(t, SearchQuery("target"))
    before, hit, after = context(t, m, width=30)
    assert hit == "target"
    assert before.startswith("…") and after.endswith("…")
    assert "\n" not in before + after
    assert before.endswith("word39 ")
    assert after.startswith(" here word0")
    assert len(before) <= 31 and len(after) <= 31
    assert not before[1:].startswith(("ord", "rd")), before  # starts on a whole word


def test_context_of_a_short_turn_is_the_whole_turn(interview: Transcript) -> None:
    [m] = search(interview, SearchQuery("Congress"))
    assert context(interview, m) == ("Presidential sanctions are a matter for ", "Congress", ".")


def test_context_collapses_every_kind_of_whitespace() -> None:
    t = make_transcript([("A", "one\ttwo  three\u00a0four\n\nfive target six\u2028seven \x0b eight")])
    [m] = search(t, SearchQuery("target"))
    assert context(t, m, width=60) == ("one two three four five ", "target", " six seven eight")


def test_contexts_join_a_turn_once_for_all_its_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    # A 10 MB turn may hold two million hits: joining its paragraphs again for each one is quadratic.
    paragraphs = ["word " * 200 + "tail"] * 50
    t = make_transcript([("A", "\n\n".join(paragraphs)), ("B", "a word or two, word")])
    matches = search(t, SearchQuery("word"))
    expected = [context(t, m, 40) for m in matches]
    joined = []
    real = Turn.text

    def counted(turn: Turn) -> str:
        joined.append(turn.index)
        return real.fget(turn)  # type: ignore[attr-defined]

    monkeypatch.setattr(Turn, "text", property(counted))
    found = list(contexts(t, matches, 40))
    assert [(c.before, c.hit, c.after) for c in found] == expected
    assert [c.match for c in found] == list(matches)
    assert len(found) == 50 * 200 + 2
    assert joined == [0, 1]


def test_the_sample_interview(sample: Transcript) -> None:
    matches = search(sample, SearchQuery("sanctions"))
    expected = sum(len(re.findall("sanctions", fold(t.text), re.IGNORECASE)) for t in sample.turns)
    assert len(matches) == expected > 0


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="ab ’'\n", min_size=1, max_size=30).filter(str.strip), min_size=1, max_size=5),
    needle=st.text(alphabet="ab'", min_size=1, max_size=3),
)
def test_search_agrees_with_a_per_turn_loop(texts: list[str], needle: str) -> None:
    t = make_transcript([(f"S{i % 2}", text) for i, text in enumerate(texts)])
    expected = [
        Match(turn.index, m.start(), m.end())
        for turn in t.turns
        for m in re.finditer(re.escape(needle), fold(turn.text), re.IGNORECASE)
    ]
    assert search(t, SearchQuery(needle)) == expected


def test_whole_word_with_punctuation_at_an_edge() -> None:
    t = make_transcript([("A", "A web-based tool, not -based alone; and C++ code.")])
    assert len(search(t, SearchQuery("-based", whole_word=True))) == 2
    assert hits(t, search(t, SearchQuery("c++", whole_word=True))) == ["C++"]


def test_folding_keeps_letters_other_scripts_need() -> None:
    assert fold("ёлка") == "елка"
    assert fold("йод") == "йод"
    assert fold("が") == "が"


def test_matches_step_from_a_reading_position(interview: Transcript) -> None:
    matches = search(interview, SearchQuery("the"))
    assert matches[-1] == list(matches)[-1] and matches[1:3] == list(matches)[1:3]
    first_in_turn_1 = matches.position_at(1)
    assert matches[first_in_turn_1].turn_index == 1
    assert matches[first_in_turn_1 - 1].turn_index == 0
    later = matches.position_at(1, matches[first_in_turn_1].start + 1)
    assert later == first_in_turn_1 + 1
    assert matches.position_at(99) == len(matches)
    assert {m.turn_index for m in matches.in_turns(1, 2)} == {1}
    # A speaker's matches step the same way, skipping the other speaker's turns.
    lavrov = search(interview, SearchQuery("the", speaker=resolve_speaker(interview, "lavrov")))
    assert lavrov.position_at(2) == lavrov.position_at(3) == len(lavrov.in_turns(0, 1))


@pytest.mark.parametrize("pattern", [r"S\w+s\b", r"[A-Z]{2,}", r"\Bres\w*", r"(?i:the)\s+P", r"(?P<w>the)\W", r"\x50r"])
def test_case_insensitive_regex_agrees_with_ignorecase(interview: Transcript, pattern: str) -> None:
    expected = [
        Match(turn.index, m.start(), m.end())
        for turn in interview.turns
        for m in re.finditer(pattern, fold(turn.text), re.IGNORECASE | re.MULTILINE)
        if m.start() != m.end()
    ]
    assert search(interview, SearchQuery(pattern, regex=True)) == expected


def test_the_indexes_kept_are_built_once_and_go_with_their_transcript() -> None:
    import gc
    import weakref

    indexes = SearchIndexes()
    t = make_transcript([("A", "one two"), ("B", "two three")])
    assert len(search(t, SearchQuery("two"), indexes)) == 2
    assert indexes.index(t) is indexes.index(t) and len(indexes) == 1
    assert len(search(t, SearchQuery("two", speaker=t.speakers[1].key), indexes)) == 1 and len(indexes) == 2
    other = make_transcript([("A", "four")])
    assert len(search(other, SearchQuery("two"), indexes)) == 0 and len(indexes) == 1  # the first is forgotten
    alive = weakref.ref(other)
    del other
    gc.collect()
    assert alive() is None and len(indexes) == 0


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="ab ’'\n", min_size=1, max_size=20).filter(str.strip), min_size=1, max_size=12),
    needle=st.text(alphabet="abA'", min_size=1, max_size=3),
    whole_word=st.booleans(),
    case_sensitive=st.booleans(),
)
def test_matches_counted_by_chunk_agree_with_a_per_turn_loop(texts: list[str], needle: str, whole_word: bool,
                                                             case_sensitive: bool) -> None:
    from reader.core.search import index as search_index

    original = search_index.CHUNK_TURNS
    search_index.CHUNK_TURNS = 3  # many chunks in a small transcript
    try:
        t = make_transcript([(f"S{i % 2}", text) for i, text in enumerate(texts)])
        flags = 0 if case_sensitive else re.IGNORECASE
        body = re.escape(fold(needle))
        pattern = rf"(?<!\w){body}(?!\w)" if whole_word and needle[0] != "'" and needle[-1] != "'" else body
        expected = [Match(turn.index, m.start(), m.end()) for turn in t.turns
                    for m in re.finditer(pattern, fold(turn.text), flags)]
        if whole_word and (needle[0] == "'" or needle[-1] == "'"):
            return  # a punctuation edge needs no boundary there; covered by its own test
        matches = search(t, SearchQuery(needle, whole_word=whole_word, case_sensitive=case_sensitive))
        assert len(matches) == len(expected)
        assert list(matches) == expected
        assert [matches[i] for i in range(len(matches))] == expected
        assert matches[1:-1] == expected[1:-1]
        for turn in t.turns:
            first = next((i for i, m in enumerate(expected) if m.turn_index >= turn.index), len(expected))
            assert matches.position_at(turn.index) == first
            assert matches.in_turns(turn.index, turn.index) == [m for m in expected if m.turn_index == turn.index]
    finally:
        search_index.CHUNK_TURNS = original
