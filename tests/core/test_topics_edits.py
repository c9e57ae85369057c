"""The reader's corrections: rename, merge, split and add, replayed on the automatic topics and surviving
recomputation; and the Pk / WindowDiff conventions the evaluation relies on."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.model import Transcript
from reader.core.notes.records import InvalidRecord, read_topic_edit
from reader.core.topics import Section, Topic
from reader.core.topics.contents import find_sections, find_topics
from reader.core.topics.edits import OPS, TopicEdit, apply_edits, apply_section_edits, make_edit
from reader.core.topics.evaluate import even_split, pk, window, window_diff
from reader.core.topics.outline import outline


def covers(topics: list[Topic], turns: int) -> bool:
    return (topics[0].first_turn == 0 and topics[-1].last_turn == turns - 1
            and all(b.first_turn == a.last_turn + 1 for a, b in itertools.pairwise(topics)))


@pytest.fixture(scope="module")
def auto(sample: Transcript) -> list[Topic]:
    return find_topics(sample)


def test_rename_keeps_the_span_and_marks_the_topic_edited(sample: Transcript, auto: list[Topic]) -> None:
    target = auto[3]
    edited = apply_edits(auto, [make_edit("rename", target.first_turn, sample, "Hamburg: the hallway meetings")],
                         sample)
    assert [(t.first_turn, t.last_turn) for t in edited] == [(t.first_turn, t.last_turn) for t in auto]
    assert edited[3].label == "Hamburg: the hallway meetings" and not edited[3].auto
    assert all(t.auto for i, t in enumerate(edited) if i != 3)


def test_merge_joins_a_topic_to_the_one_before(sample: Transcript, auto: list[Topic]) -> None:
    edited = apply_edits(auto, [make_edit("merge", auto[2].first_turn, sample)], sample)
    assert len(edited) == len(auto) - 1
    assert (edited[1].first_turn, edited[1].last_turn) == (auto[1].first_turn, auto[2].last_turn)
    assert not edited[1].auto
    assert covers(edited, len(sample.turns))


def test_split_starts_a_topic_at_a_turn_with_fresh_labels(sample: Transcript, auto: list[Topic]) -> None:
    syria = next(t for t in auto if "Syria" in t.label)
    at = syria.first_turn + 4
    edited = apply_edits(auto, [make_edit("split", at, sample)], sample)
    assert len(edited) == len(auto) + 1
    second = next(t for t in edited if t.first_turn == at)
    assert second.label and not second.auto
    assert covers(edited, len(sample.turns))


def test_add_is_a_split_with_the_readers_label(sample: Transcript, auto: list[Topic]) -> None:
    edited = apply_edits(auto, [make_edit("add", 46, sample, "Classified information")], sample)
    assert next(t for t in edited if t.first_turn == 46).label == "Classified information"


def test_edits_survive_recomputation(sample: Transcript, auto: list[Topic]) -> None:
    edits = [make_edit("split", 46, sample), make_edit("rename", 46, sample, "Oval Office leak"),
             make_edit("merge", auto[1].first_turn, sample)]
    first = apply_edits(auto, edits, sample)
    again = apply_edits(find_topics(sample), edits, sample)
    assert first == again
    assert next(t for t in again if t.first_turn == 46).label == "Oval Office leak"


def test_rename_pins_its_start_when_the_automatic_boundary_moves(sample: Transcript, auto: list[Topic]) -> None:
    inside = auto[4].first_turn + 2  # a turn that is not an automatic start
    edited = apply_edits(auto, [make_edit("rename", inside, sample, "Pinned")], sample)
    assert next(t for t in edited if t.first_turn == inside).label == "Pinned"


def test_turn_ids_find_their_turn_when_indices_are_stale(sample: Transcript, auto: list[Topic]) -> None:
    edit = dataclasses.replace(make_edit("rename", 48, sample, "Syria, by id"), turn=3)  # a re-parse shifted them
    edited = apply_edits(auto, [edit], sample)
    assert next(t for t in edited if t.first_turn == 48).label == "Syria, by id"


@pytest.mark.parametrize("edit", [TopicEdit("merge", 0), TopicEdit("merge", 1), TopicEdit("split", 999),
                                  TopicEdit("split", -1), TopicEdit("merge", 999, turn_id="no such turn")])
def test_edits_that_no_longer_apply_are_skipped(sample: Transcript, auto: list[Topic], edit: TopicEdit) -> None:
    assert auto[1].first_turn != 1
    assert apply_edits(auto, [edit], sample) == auto


@pytest.mark.parametrize("record", [{"op": "rename"}, {"op": "explode", "turn": 3}, {"op": "split", "turn": "x"},
                                    {"op": "split", "turn": 3, "level": "chapter"}, {}, ["split", 3]])
def test_a_record_that_is_no_edit_is_refused_as_it_is_read(record: object) -> None:
    with pytest.raises(InvalidRecord):
        read_topic_edit(record)


def test_an_edit_is_written_as_the_notes_file_always_kept_it(sample: Transcript) -> None:
    assert make_edit("rename", 3, sample, "G20").to_dict() == {"op": "rename", "turn": 3,
                                                               "turn_id": sample.turns[3].id, "label": "G20"}
    section = make_edit("split", 4, level="section")
    assert list(section.to_dict().items()) == [("op", "split"), ("turn", 4), ("level", "section")]
    assert read_topic_edit(section.to_dict()) == section


def test_without_the_transcript_new_topics_inherit_labels(auto: list[Topic]) -> None:
    edited = apply_edits(auto, [TopicEdit("split", auto[0].first_turn + 2)])
    assert edited[1].label == auto[0].label
    assert covers(edited, auto[-1].last_turn + 1)


def test_make_edit_refuses_unknown_operations() -> None:
    with pytest.raises(ValueError, match="unknown topic edit"):
        make_edit("explode", 3)


def test_outline_gives_spans_in_questions_and_shares_that_add_up(sample: Transcript, auto: list[Topic]) -> None:
    rows = outline(sample, auto)
    assert rows[0].span.startswith("Q1")
    assert rows[-1].span.endswith("Q31")
    assert sum(r.share for r in rows) == pytest.approx(1.0)
    assert sum(r.words for r in rows) == sample.words


# --- the evaluation's conventions ------------------------------------------------------------------


def test_identical_segmentations_score_zero() -> None:
    assert pk([0, 5, 10], [0, 5, 10], 20) == 0.0
    assert window_diff([0, 5, 10], [5, 10], 20) == 0.0  # topic 0 is implied


def test_window_is_half_the_mean_gold_length_at_least_two() -> None:
    assert window([0, 10], 20) == 5
    assert window([0, 1, 2, 3], 4) == 2


def test_pk_counts_windows_that_disagree() -> None:
    # 10 turns, gold boundary before turn 5, k = 2 (windows i..i+2, i = 0..7): the hypothesis with no
    # boundary disagrees on the windows that straddle it: i = 3 and i = 4.
    assert pk([0, 5], [0], 10, k=2) == pytest.approx(2 / 8)
    assert window_diff([0, 5], [0, 6], 10, k=2) == pytest.approx(2 / 8)


def test_even_split() -> None:
    assert even_split(10, 2) == [0, 5]
    assert even_split(3, 5) == [0, 1, 2]


# --- any sequence of edits keeps the topics whole ----------------------------------------------------

_EDIT = st.builds(TopicEdit, op=st.sampled_from(["rename", "split", "add", "merge"]),
                  turn=st.integers(min_value=-2, max_value=70), label=st.none() | st.text(max_size=12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(_EDIT, max_size=8))
def test_any_edits_keep_every_turn_covered_once(sample: Transcript, auto: list[Topic], edits: list[TopicEdit]) -> None:
    edited = apply_edits(auto, edits)  # without the transcript: labels are inherited, fast
    assert covers(edited, len(sample.turns))
    starts = {t.first_turn for t in edited}
    for at, edit in enumerate(edits):
        if edit.op in ("split", "add", "rename") and 0 <= edit.turn < len(sample.turns):
            undone = any(e.op == "merge" and e.turn == edit.turn for e in edits[at + 1:])
            assert edit.turn in starts or undone  # a boundary the reader asked for stays unless merged away


# --- edits of sections ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sections(sample: Transcript) -> list[Section]:
    return find_sections(sample)


def section_covers(found: list[Section], turns: int) -> bool:
    flat = [t for s in found for t in s.topics]
    return covers(flat, turns) and all(s.topics[0].first_turn == s.first_turn and s.topics[-1].last_turn == s.last_turn
                                       for s in found) and found[-1].last_turn == turns - 1


def test_a_renamed_section_is_the_readers(sample: Transcript, sections: list[Section]) -> None:
    at = sections[1].first_turn
    edited = apply_section_edits(sections, [make_edit("rename", at, sample, "Diplomats", level="section")], sample)
    renamed = next(s for s in edited if s.first_turn == at)
    assert (renamed.label, renamed.source, renamed.auto) == ("Diplomats", "user", False)
    assert [t.label for t in renamed.topics] == [t.label for t in sections[1].topics]  # its topics keep theirs


def test_merging_sections_joins_their_topics(sample: Transcript, sections: list[Section]) -> None:
    edited = apply_section_edits(sections, [make_edit("merge", sections[1].first_turn, sample, level="section")],
                                 sample)
    assert len(edited) == len(sections) - 1
    assert edited[0].topics == (*sections[0].topics, *sections[1].topics)
    assert section_covers(edited, len(sample.turns))


def test_a_section_split_inside_a_topic_splits_the_topic_too(sample: Transcript, sections: list[Section]) -> None:
    topic = next(t for s in sections for t in s.topics if t.last_turn - t.first_turn >= 4)
    at = topic.first_turn + 2
    edited = apply_section_edits(sections, [make_edit("add", at, sample, "Second half", level="section")], sample)
    added = next(s for s in edited if s.first_turn == at)
    assert added.label == "Second half" and added.source == "user"
    assert at in {t.first_turn for s in edited for t in s.topics}
    assert section_covers(edited, len(sample.turns))


def test_topic_and_section_edits_mix_and_old_edits_still_load(sample: Transcript, sections: list[Section]) -> None:
    saved_before_sections = read_topic_edit({"op": "add", "turn": 46, "label": "Classified information"})  # no level
    assert saved_before_sections.level == "topic"
    edits = [saved_before_sections, make_edit("rename", 0, sample, "Opening", level="section")]
    edited = apply_section_edits(sections, edits, sample)
    assert edited[0].label == "Opening"
    assert "Classified information" in [t.label for s in edited for t in s.topics]
    # The topics alone ignore the sections' edits, as an older reader of the same notes would see them.
    flat = apply_edits([t for s in sections for t in s.topics], edits, sample)
    assert "Opening" not in [t.label for t in flat]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 61), st.sampled_from(["topic", "section"])),
                      max_size=6))
def test_any_edits_keep_both_levels_covering_every_turn(sample: Transcript, sections: list[Section],
                                                        edits: list[tuple[str, int, str]]) -> None:
    made = [make_edit(op, turn, sample, "Mine" if op in ("add", "rename") else None, level)
            for op, turn, level in edits]
    assert section_covers(apply_section_edits(sections, made, sample), len(sample.turns))


def test_the_edits_relabel_with_the_term_table_kept_and_it_goes_with_its_transcript(
        sample: Transcript, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import weakref

    import reader.core.topics.contents as topics_module
    from reader.core.loader import parse_text
    from reader.core.topics import terms as terms_module
    from reader.core.topics.terms import TermTables

    terms = TermTables()
    sections = find_sections(sample, terms)
    edits = [make_edit("split", 46, sample), make_edit("add", 20, sample, "Mine", level="section")]
    expected = apply_section_edits(sections, edits, sample)

    def no_second_tokenising(_transcript: Transcript) -> None:
        raise AssertionError("the transcript was tokenised again")

    monkeypatch.setattr(topics_module, "build_terms", no_second_tokenising)
    monkeypatch.setattr(terms_module, "build_terms", no_second_tokenising)
    assert apply_section_edits(sections, edits, sample, terms) == expected
    monkeypatch.undo()

    other = parse_text("A: Hello there, this is a short one.\nB: About gardens and roses.\n")
    find_sections(other, terms)
    gone = weakref.ref(other)
    del other
    gc.collect()
    assert gone() is None  # the table kept does not keep its transcript alive
