"""The search bar on its own, over a recording stand-in for the view, and in the real window."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from pytestqt.qtbot import QtBot

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.search import SearchQuery, resolve_speaker, search
from reader.ui.search_bar import SearchBar
from reader.ui.search_highlights import CURRENT_KEY, FULL_HIGHLIGHT_LIMIT, HIGHLIGHT_KEY, HIGHLIGHT_REACH
from reader.ui.search_results import MatchRole
from reader.ui.session import ReaderSession
from reader.ui.themes import THEMES, Theme


class RecordingView:
    """Records what the bar asks of the view, as the reader would see it: highlights and scroll position."""

    def __init__(self) -> None:
        self.highlights: dict[str, list[tuple[int, int, int]]] = {}
        self.colors: dict[str, set[str]] = {}
        self.turn = 0
        self.offset = 0

    def set_extra_highlights(self, key: str, spans: Sequence[tuple[int, int, int, QTextCharFormat]]) -> None:
        self.highlights[key] = [(turn, start, end) for turn, start, end, _style in spans]
        self.colors[key] = {style.background().color().name() for *_span, style in spans}

    def scroll_to_turn(self, index: int, offset: int = 0) -> None:
        self.turn, self.offset = index, offset

    def current_turn(self) -> int:
        return self.turn

    def theme(self) -> Theme:
        return THEMES["sepia"]


@pytest.fixture
def view() -> RecordingView:
    return RecordingView()


@pytest.fixture
def bar(qtbot: QtBot, session: ReaderSession, sample: Transcript, view: RecordingView) -> SearchBar:
    widget = SearchBar(session, view)
    qtbot.addWidget(widget)
    widget.set_transcript(sample)
    widget.show()
    return widget


def type_query(qtbot: QtBot, bar: SearchBar, text: str) -> None:
    bar.field.clear()
    with qtbot.waitSignal(bar.matches_changed, timeout=2000):
        qtbot.keyClicks(bar.field, text)


def test_typing_searches_after_a_pause_and_counts(qtbot: QtBot, bar: SearchBar, sample: Transcript,
                                                  view: RecordingView) -> None:
    type_query(qtbot, bar, "Syria")
    expected = search(sample, SearchQuery("Syria"))
    assert bar.count_label.text() == f"1 of {len(expected)}"
    assert view.highlights[HIGHLIGHT_KEY] == [tuple(m) for m in expected]
    assert view.highlights[CURRENT_KEY] == [tuple(expected[0])]
    assert view.colors == {HIGHLIGHT_KEY: {THEMES["sepia"].match}, CURRENT_KEY: {THEMES["sepia"].match_current}}
    assert (view.turn, view.offset) == (expected[0].turn_index, expected[0].start)


def test_f3_and_enter_step_through_matches_and_wrap(qtbot: QtBot, bar: SearchBar, sample: Transcript,
                                                    view: RecordingView) -> None:
    type_query(qtbot, bar, "Syria")
    expected = search(sample, SearchQuery("Syria"))
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert view.turn == expected[1].turn_index and bar.count_label.text() == f"2 of {len(expected)}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"1 of {len(expected)}"
    bar.find_previous()
    assert bar.count_label.text() == f"{len(expected)} of {len(expected)}"
    assert view.turn == expected[-1].turn_index


def test_enter_straight_after_typing_lands_on_the_first_match(qtbot: QtBot, bar: SearchBar, sample: Transcript,
                                                              view: RecordingView) -> None:
    qtbot.keyClicks(bar.field, "Syria")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    first = search(sample, SearchQuery("Syria"))[0]
    assert bar.count_label.text().startswith("1 of") and view.turn == first.turn_index


def test_search_starts_at_the_reading_position(qtbot: QtBot, bar: SearchBar, sample: Transcript,
                                               view: RecordingView) -> None:
    view.turn = 40
    type_query(qtbot, bar, "the")
    assert view.turn >= 40
    assert bar.current == search(sample, SearchQuery("the")).position_at(40)


def test_options_case_whole_word_regex(qtbot: QtBot, bar: SearchBar, sample: Transcript) -> None:
    type_query(qtbot, bar, "us")
    loose = len(bar.matches)
    bar.word_button.click()
    assert len(bar.matches) == len(search(sample, SearchQuery("us", whole_word=True))) < loose
    bar.case_button.click()
    assert len(bar.matches) == len(search(sample, SearchQuery("us", whole_word=True, case_sensitive=True)))


def test_invalid_regex_says_so_without_crashing(qtbot: QtBot, bar: SearchBar, view: RecordingView) -> None:
    bar.regex_button.click()
    type_query(qtbot, bar, "(Syria")
    assert bar.count_label.text().startswith("Invalid regular expression")
    assert bar.count_label.palette().color(QPalette.ColorRole.WindowText) == QColor("#d0463b")  # said in red
    assert view.highlights[HIGHLIGHT_KEY] == [] and bar.matches == ()
    bar.find_next()  # nothing to step to, and no error
    bar.field.setText("(Syria)")
    qtbot.waitUntil(lambda: bar.count_label.text().startswith("1 of"))


def test_limit_to_a_speaker(qtbot: QtBot, bar: SearchBar, sample: Transcript) -> None:
    type_query(qtbot, bar, "Syria")
    lavrov = resolve_speaker(sample, "Lavrov")
    bar.set_speaker(lavrov)
    assert bar.speaker_combo.currentText() == "Sergey Lavrov"
    assert len(bar.matches) == len(search(sample, SearchQuery("Syria", speaker=lavrov)))
    assert {sample.turns[m.turn_index].speaker for m in bar.matches} == {lavrov}


def test_result_list_shows_context_and_jumps(qtbot: QtBot, bar: SearchBar, sample: Transcript,
                                             view: RecordingView) -> None:
    type_query(qtbot, bar, "Syria")
    bar.results_button.click()
    assert bar.results_view.isVisible()
    model = bar.results_model
    expected = search(sample, SearchQuery("Syria"))
    assert model.rowCount() == len(expected)
    third = model.index(2)
    assert model.data(third).startswith(f"{sample.exchange_of(expected[2].turn_index).label} ")
    assert "Syria" in model.data(third)
    bar.results_view.activated.emit(third)
    assert view.turn == expected[2].turn_index and bar.count_label.text().startswith("3 of")
    assert model.data(third, MatchRole) == tuple(expected[2])


def test_result_rows_mark_the_hit_in_the_match_colour(qtbot: QtBot, bar: SearchBar) -> None:
    type_query(qtbot, bar, "Syria")
    bar.results_button.click()
    bar.resize(900, 220)
    image = bar.results_view.viewport().grab().toImage()
    marked = QColor(THEMES["sepia"].match).rgb()
    assert any(image.pixel(x, y) == marked for x in range(0, image.width(), 2) for y in range(0, 40, 2))


def test_down_from_the_field_walks_the_result_list(qtbot: QtBot, bar: SearchBar, sample: Transcript,
                                                  view: RecordingView) -> None:
    type_query(qtbot, bar, "Syria")
    qtbot.keyClick(bar.field, Qt.Key.Key_Down)
    assert bar.results_view.isVisible() and bar.results_view.hasFocus()
    qtbot.keyClick(bar.results_view, Qt.Key.Key_Down)
    qtbot.keyClick(bar.results_view, Qt.Key.Key_Return)
    expected = search(sample, SearchQuery("Syria"))
    assert bar.count_label.text() == f"2 of {len(expected)}" and view.turn == expected[1].turn_index


def test_escape_hides_the_bar_and_its_highlights(qtbot: QtBot, bar: SearchBar, view: RecordingView) -> None:
    type_query(qtbot, bar, "Syria")
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.highlights[HIGHLIGHT_KEY] == [] and view.highlights[CURRENT_KEY] == []


def test_activate_with_text_searches_at_once(bar: SearchBar, sample: Transcript) -> None:
    bar.hide()
    bar.activate("Ukraine")
    assert bar.isVisible() and len(bar.matches) == len(search(sample, SearchQuery("Ukraine"))) > 0


class MovingView(QObject, RecordingView):
    """A view that says when the reader moves, as the real one does."""

    position_changed = Signal(int)

    def __init__(self) -> None:
        QObject.__init__(self)
        RecordingView.__init__(self)

    def scroll_to_turn(self, index: int, offset: int = 0) -> None:
        super().scroll_to_turn(index, offset)
        self.position_changed.emit(index)


def test_a_huge_result_set_is_highlighted_around_the_reader(qtbot: QtBot, session: ReaderSession) -> None:
    from benchmarks.generate import generate

    transcript = parse_text(generate(3000, seed=2))
    view = MovingView()
    bar = SearchBar(session, view)
    qtbot.addWidget(bar)
    bar.set_transcript(transcript)
    bar.activate("the")
    total = len(search(transcript, SearchQuery("the")))
    assert total > FULL_HIGHLIGHT_LIMIT and bar.count_label.text() == f"1 of {total:,}"
    turns = {turn for turn, _start, _end in view.highlights[HIGHLIGHT_KEY]}
    assert min(turns) <= 5 and max(turns) <= HIGHLIGHT_REACH
    view.scroll_to_turn(2000)
    turns = {turn for turn, _start, _end in view.highlights[HIGHLIGHT_KEY]}
    assert min(turns) >= 2000 - HIGHLIGHT_REACH and max(turns) >= 2000 + HIGHLIGHT_REACH - 5
    bar.find_previous()  # wraps to the last match, at the end of the transcript
    assert view.turn >= 2990 and max(t for t, _s, _e in view.highlights[HIGHLIGHT_KEY]) >= 2990


# --- in the window -------------------------------------------------------------------------------------------


def test_ctrl_f_then_typing_highlights_as_many_matches_as_the_core_finds(qtbot: QtBot, window) -> None:
    from tests.ui.conftest import focus_view

    focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.search_bar
    assert bar.isVisible() and bar.field.hasFocus()
    with qtbot.waitSignal(bar.matches_changed, timeout=2000):
        qtbot.keyClicks(bar.field, "Russia")
    expected = search(window.session.transcript, SearchQuery("Russia"))
    assert len(expected) > 10
    assert bar.count_label.text() == f"1 of {len(expected)}"
    assert window.view.extra_highlight_count(HIGHLIGHT_KEY) == len(expected)
    assert window.view.extra_highlight_count(CURRENT_KEY) == 1


def test_f3_moves_the_view_to_the_next_match(qtbot: QtBot, window) -> None:
    window.show_search("Syria")
    expected = search(window.session.transcript, SearchQuery("Syria"))
    assert window.view.current_turn() == expected[0].turn_index
    following = next(m for m in expected if m.turn_index != expected[0].turn_index)
    steps = list(expected).index(following)
    window.view.setFocus()
    for _ in range(steps):
        qtbot.keyClick(window.view, Qt.Key.Key_F3)
    assert window.view.current_turn() == following.turn_index
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.search_bar.current == steps - 1


def test_an_invalid_regex_in_the_window_shows_a_message(qtbot: QtBot, window) -> None:
    window.show_search("")
    window.search_bar.regex_button.click()
    window.search_bar.field.setText("[Syria")
    qtbot.waitUntil(lambda: "Invalid regular expression" in window.search_bar.count_label.text())
    assert window.view.extra_highlight_count(HIGHLIGHT_KEY) == 0
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_F3)  # nothing to go to, and nothing breaks


def test_limit_to_a_speaker_in_the_window(qtbot: QtBot, window) -> None:
    window.show_search("Syria")
    lavrov = resolve_speaker(window.session.transcript, "Lavrov")
    window.search_bar.set_speaker(lavrov)
    expected = search(window.session.transcript, SearchQuery("Syria", speaker=lavrov))
    assert window.view.extra_highlight_count(HIGHLIGHT_KEY) == len(expected)
    assert window.session.transcript.turns[window.view.current_turn()].speaker == lavrov


def test_escape_closes_the_bar_and_returns_to_the_text(qtbot: QtBot, window) -> None:
    window.show_search("Syria")
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    assert not window.search_bar.isVisible()
    assert window.view.extra_highlight_count(HIGHLIGHT_KEY) == 0
    qtbot.waitUntil(window.view.hasFocus)


def test_renamed_speakers_show_in_the_speaker_list_and_results(qtbot: QtBot, window) -> None:
    window.show_search("Syria")
    lavrov = resolve_speaker(window.session.transcript, "Lavrov")
    window.session.notes.set_speaker_name(lavrov, "The Minister")
    bar = window.search_bar
    assert bar.speaker_combo.itemText(bar.speaker_combo.findData(lavrov)) == "The Minister"
    rows = [bar.results_model.data(bar.results_model.index(r)) for r in range(bar.results_model.rowCount())]
    assert any(" The Minister: " in row for row in rows)
    assert window.view.extra_highlight_count(HIGHLIGHT_KEY) == len(bar.matches)


def test_result_model_passes_the_model_tester(qtmodeltester, qtbot: QtBot, bar: SearchBar) -> None:  # type: ignore[no-untyped-def]
    type_query(qtbot, bar, "Syria")
    qtmodeltester.check(bar.results_model)


def test_the_bars_own_keys_do_nothing_elsewhere_in_the_window(qtbot: QtBot, window) -> None:
    from tests.ui.conftest import focus_view

    window.show_search("Syria")
    focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    assert not window.search_bar.word_button.isChecked()
    assert not window.search_bar.results_view.isVisible() and window.view.hasFocus()
    window.search_bar.field.setFocus()
    qtbot.waitUntil(window.search_bar.field.hasFocus)
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert window.search_bar.word_button.isChecked()


def test_switching_theme_recolours_the_matches(qtbot: QtBot, window) -> None:
    window.show_search("Syria")
    window.appearance.set_theme("dark")
    dark = {QColor(THEMES["dark"].match).name(), QColor(THEMES["dark"].match_current).name()}

    def colours() -> set[str]:
        return {s.format.background().color().name() for s in window.view.extraSelections()}

    qtbot.waitUntil(lambda: bool(colours()) and colours() <= dark)
