"""What the reading view shows, as plain Python: folds, the outline and the speaker filter to block visibility.

No Qt here (the fold state is tested as the view document is, without a window); the view's own tests check
that the document shows what this state says.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.formats.base import TranscriptBuilder
from reader.core.model import Transcript
from reader.ui.fold_state import FoldState, VisibilityChange
from reader.ui.view_document import ViewDocument
from reader.ui.view_pieces import LONG_TURN

SPEAKERS = ("Interviewer", "Guest", "Expert")
SAYINGS = ("Why did it happen?", "It rained all week.", "And then?", "Yes.", "We left early.\n\nNobody minded.")


def make_transcript(turns: list[tuple[str, str]]) -> Transcript:
    """A transcript from (speaker label, text) pairs; blank lines in a text separate its paragraphs."""
    source = ""
    calls: list[tuple[str, list[tuple[int, int]]]] = []
    for label, text in turns:
        source += f"{label}: "
        spans = []
        for paragraph in text.split("\n\n"):
            spans.append((len(source), len(source) + len(paragraph)))
            source += paragraph + "\n\n"
        calls.append((label, spans))
    builder = TranscriptBuilder(source, "test")
    for label, spans in calls:
        builder.turn(label, new=True)
        for start, end in spans:
            builder.paragraph(start, end)
    return builder.build()


def composed(transcript: Transcript) -> ViewDocument:
    """The view's document, composed as the view does before it folds anything (composing finds long turns)."""
    vdoc = ViewDocument(transcript)
    vdoc.compose()
    return vdoc


def rule(vdoc: ViewDocument, collapsed: list[bool], outline: bool, speakers: set[str] | None) -> list[int]:
    """The visibility rule written out block by block: headers always; a turn (every block of it) when its
    exchange is open, the filter lets it through and, in the outline, it asks."""
    transcript = vdoc.transcript
    asking = {t for e in transcript.exchanges for t in (e.question, *e.questions) if t is not None}
    wanted = [1] * vdoc.block_count
    for turn in transcript.turns:
        shown = (not collapsed[turn.exchange] and (speakers is None or turn.speaker in speakers)
                 and (not outline or turn.index in asking))
        first = vdoc.block_of_turn(turn.index)
        for block in range(first, first + vdoc.pieces.count(turn.index)):
            wanted[block] = int(shown)
    return wanted


turns_strategy = st.lists(st.tuples(st.sampled_from(SPEAKERS), st.sampled_from(SAYINGS)), min_size=1, max_size=30)
operation = st.one_of(
    st.tuples(st.just("fold"), st.integers(0, 40), st.booleans()),
    st.tuples(st.just("collapse_all")),
    st.tuples(st.just("expand_all")),
    st.tuples(st.just("outline"), st.booleans()),
    st.tuples(st.just("filter"), st.none() | st.sets(st.sampled_from([s.lower() for s in SPEAKERS]))),
)


class Model:
    """A fold state driven by operations, with the flags the rule needs kept beside it, and a stand-in for the
    document that applies each change the state reports."""

    def __init__(self, transcript: Transcript) -> None:
        self.vdoc = composed(transcript)
        self.state = FoldState(self.vdoc)
        self.collapsed = [False] * len(transcript.exchanges)
        self.outline = False
        self.speakers: set[str] | None = None
        self.document = [1] * self.vdoc.block_count  # a new text shows every block
        self.changes: list[VisibilityChange | None] = []

    def run(self, op: tuple) -> None:
        state = self.state
        if op[0] == "fold":
            exchange, folded = op[1] % len(self.collapsed), op[2]
            assert state.set_collapsed(exchange, folded) == (self.collapsed[exchange] != folded)
            self.collapsed[exchange] = folded
        elif op[0] == "collapse_all":
            state.collapse_all()
            self.collapsed = [True] * len(self.collapsed)
        elif op[0] == "expand_all":
            state.expand_all()
            self.collapsed = [False] * len(self.collapsed)
        elif op[0] == "outline":
            state.set_outline(op[1])
            self.outline = op[1]
        else:
            state.set_turn_filter(op[1])
            self.speakers = op[1]
        self.apply(state.update())

    def apply(self, change: VisibilityChange | None) -> None:
        self.changes.append(change)
        if change is None:
            return
        for block in change.show():
            assert self.document[block] == 0
            self.document[block] = 1
        for block in change.hide():
            assert self.document[block] == 1
            self.document[block] = 0

    def expected(self) -> list[int]:
        return rule(self.vdoc, self.collapsed, self.outline, self.speakers)


@given(turns_strategy, st.lists(operation, max_size=12))
def test_after_any_changes_the_visibility_is_the_rule(turns: list[tuple[str, str]], ops: list[tuple]) -> None:
    model = Model(make_transcript(turns))
    for op in ops:
        model.run(op)
        assert list(model.state.visibility()) == model.expected()


@given(turns_strategy, st.lists(operation, max_size=12))
def test_each_update_changes_exactly_the_blocks_whose_flag_changed(turns: list[tuple[str, str]],
                                                                   ops: list[tuple]) -> None:
    model = Model(make_transcript(turns))
    for op in ops:
        before = list(model.document)
        model.run(op)
        assert model.document == model.expected()
        changed = [block for block, (a, b) in enumerate(zip(before, model.document, strict=True)) if a != b]
        change = model.changes[-1]
        if not changed:
            assert change is None
            continue
        assert change is not None
        assert (change.first, change.last) == (changed[0], changed[-1])  # the range re-measured, and no more
        assert sorted([*change.show(), *change.hide()]) == changed
        assert all(model.state.is_shown(block) == bool(model.document[block]) for block in range(len(before)))


@given(turns_strategy, st.lists(operation, max_size=12))
def test_unfolding_everything_without_outline_or_filter_shows_every_block(turns: list[tuple[str, str]],
                                                                         ops: list[tuple]) -> None:
    model = Model(make_transcript(turns))
    for op in [*ops, ("expand_all",), ("outline", False), ("filter", None)]:
        model.run(op)
    assert model.document == [1] * model.vdoc.block_count
    assert model.state.visibility() == b"\x01" * model.vdoc.block_count
    assert model.state.allowed() is None


@given(turns_strategy, st.lists(operation, max_size=12))
def test_no_fold_outline_or_filter_hides_a_header(turns: list[tuple[str, str]], ops: list[tuple]) -> None:
    """Every exchange keeps its label, even one the filter leaves no turn of: the reader sees where it is. So
    the header of an exchange with a turn on screen is always on screen too."""
    model = Model(make_transcript(turns))
    vdoc = model.vdoc
    for op in ops:
        model.run(op)
        shown = model.state.visibility()
        assert all(shown[block] for block in vdoc.header_blocks)
        for turn in range(len(vdoc.turn_exchange)):
            if shown[vdoc.block_of_turn(turn)]:
                assert shown[vdoc.block_of_header(vdoc.turn_exchange[turn])]


@given(turns_strategy, st.lists(operation, max_size=12))
def test_steps_land_on_the_turns_shown_once_their_exchange_is_open(turns: list[tuple[str, str]],
                                                                    ops: list[tuple]) -> None:
    """J and K skip what the outline and the filter hide, and step into folded exchanges (which then open)."""
    model = Model(make_transcript(turns))
    for op in ops:
        model.run(op)
    allowed = model.state.allowed()
    unfolded = rule(model.vdoc, [False] * len(model.collapsed), model.outline, model.speakers)
    for turn in range(len(model.vdoc.turn_exchange)):
        assert (allowed is None or bool(allowed[turn])) == bool(unfolded[model.vdoc.block_of_turn(turn)])
        assert model.state.passes_filter(turn) == (model.speakers is None
                                                   or model.vdoc.transcript.turns[turn].speaker in model.speakers)


@settings(max_examples=30)
@given(turns_strategy, st.lists(operation, max_size=8))
def test_a_new_document_of_the_same_transcript_keeps_folds_outline_and_filter(turns: list[tuple[str, str]],
                                                                              ops: list[tuple]) -> None:
    """A speaker renamed: the view composes the text again, whose blocks all show, and folds them as before."""
    model = Model(make_transcript(turns))
    for op in ops:
        model.run(op)
    renamed = composed(model.vdoc.transcript)
    again = model.state.for_document(renamed)
    assert again.visibility() == model.state.visibility()
    assert again.outline == model.state.outline and again.turn_filter == model.state.turn_filter
    change = again.update()
    hidden = [block for block, flag in enumerate(model.state.visibility()) if not flag]
    assert (list(change.hide()) if change else []) == hidden
    assert (list(change.show()) if change else []) == []


def test_a_filter_may_be_a_predicate() -> None:
    vdoc = composed(make_transcript([("Interviewer", "Why did it happen?"), ("Guest", "It rained all week."),
                                     ("Interviewer", "And then?"), ("Guest", "Yes.")]))
    state = FoldState(vdoc)
    state.set_turn_filter(lambda turn: "rain" in turn.text)
    assert [vdoc.locate(b) for b, flag in enumerate(state.visibility()) if flag and vdoc.locate(b)[0] == "turn"] \
        == [("turn", 1)]
    assert state.nearest_passing(3) == 1 and state.nearest_passing(0) == 1


def test_every_piece_of_a_long_turn_folds_with_it() -> None:
    long_text = " ".join(["word"] * (LONG_TURN // 4))
    vdoc = composed(make_transcript([("Interviewer", "Why did it happen?"), ("Guest", long_text),
                                     ("Interviewer", "And then?"), ("Guest", "Yes.")]))
    assert vdoc.pieces.count(1) > 1
    state = FoldState(vdoc)
    state.set_collapsed(0, True)
    change = state.update()
    assert change is not None
    first = vdoc.block_of_turn(0)
    assert list(change.hide()) == list(range(first, first + 1 + vdoc.pieces.count(1)))
    state.set_collapsed(0, False)
    state.set_outline(True)  # the question comes back; the long answer stays hidden, and so does the short one
    change = state.update()
    assert change is not None
    assert (list(change.show()), list(change.hide())) == ([first], [vdoc.block_of_turn(3)])
    state.set_outline(False)
    change = state.update()
    assert change is not None
    assert list(change.show()) == [*range(first + 1, first + 1 + vdoc.pieces.count(1)), vdoc.block_of_turn(3)]
