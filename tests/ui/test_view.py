"""The reading view on its own: what it shows, folding, the outline, filters, highlights, selection, safety."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from reader.core.loader import parse_text
from reader.core.model import Role, Transcript
from reader.core.search import SearchQuery, search
from reader.core.topics.outline import Heading
from reader.core.words import count_words
from reader.ui.themes import THEMES, contrast_ratio
from reader.ui.transcript_view import TranscriptView
from reader.ui.view_document import ViewDocument
from reader.ui.view_painting import GUTTER
from tests.ui.conftest import focus_view


def make_view(qtbot: QtBot, transcript: Transcript) -> TranscriptView:
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_transcript(transcript)
    with qtbot.waitSignal(view.text_shown):  # once the text is on screen, and only then
        view.show()
    return view


def test_sample_shows_31_numbered_exchanges_and_every_turn(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    assert view.shown_headers() == [f"Q{n}" for n in range(1, 32)]
    assert view.visible_turns() == list(range(62))
    lavrov = next(s for s in sample.speakers if s.role is Role.INTERVIEWEE)
    assert view.turn_display_text(1) == f"{lavrov.name}: So what?"


def test_turn_text_is_shown_character_for_character(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    for turn in sample.turns:
        shown = view.turn_display_text(turn.index)
        assert shown == f"{sample.speaker(turn).name}: {turn.text}"


def test_collapse_all_hides_every_answer_and_expand_all_restores_them(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    with qtbot.waitSignal(view.folding_changed):
        view.collapse_all()
    assert view.visible_turns() == []
    assert len(view.shown_headers()) == 31
    assert all(view.is_collapsed(e.index) for e in sample.exchanges)
    view.expand_all()
    assert view.visible_turns() == list(range(62))


def test_folded_exchange_summary_gives_question_and_answer_length(sample: Transcript) -> None:
    vdoc = ViewDocument(sample)
    line, length = vdoc.summary(1)
    exchange = sample.exchanges[1]
    assert line == sample.turns[exchange.question].text.split("\n")[0]
    answer = sum(count_words(sample.turns[i].text) for i in exchange.turn_range if i != exchange.question)
    assert length == f"{answer:,} words"


def test_outline_shows_only_the_questions(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    view.set_outline(True)
    questions = [e.question for e in sample.exchanges]
    assert view.visible_turns() == questions
    assert all(sample.speaker(sample.turns[t]).role is Role.INTERVIEWER for t in view.visible_turns())
    view.set_outline(False)
    assert len(view.visible_turns()) == 62


def test_clicking_a_header_folds_and_unfolds_it(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    view.go_to_exchange(2)
    header = view.document().findBlockByNumber(view.vdoc.block_of_header(2))
    rect = view.blockBoundingGeometry(header).translated(view.contentOffset())
    point = QPoint(40, int(rect.center().y()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.is_collapsed(2)
    assert not set(sample.exchanges[2].turn_range) & set(view.visible_turns())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert not view.is_collapsed(2)


def test_left_and_right_fold_the_exchange_whose_header_holds_the_caret(qtbot: QtBot, sample: Transcript) -> None:
    from reader.ui.main_window import MainWindow  # the keys are the registry's view-scoped actions

    window = MainWindow(restore=False)
    qtbot.addWidget(window)
    window.session.open(sample)
    window.show()
    qtbot.waitExposed(window)
    focus_view(qtbot, window)
    view = window.view
    view.scroll_to_turn(5)
    exchange = sample.turns[5].exchange
    qtbot.keyClick(view, Qt.Key.Key_Right)  # in the text, the caret's key: nothing unfolds or folds
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert not view.is_collapsed(exchange) and view.current_turn() == 5
    qtbot.keyClick(view, Qt.Key.Key_P)  # to the exchange's header, where the caret then stands
    assert view.textCursor().blockNumber() == view.vdoc.block_of_header(exchange)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.is_collapsed(exchange)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert not view.is_collapsed(exchange)
    assert 5 in view.visible_turns()


def test_show_only_one_speaker_hides_the_others_turns(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    interviewee = next(s for s in sample.speakers if s.role is Role.INTERVIEWEE)
    view.set_turn_filter({interviewee.key})
    shown = view.visible_turns()
    assert shown == [t.index for t in sample.turns if t.speaker == interviewee.key]
    assert len(view.shown_headers()) == 31
    view.set_turn_filter(None)
    assert len(view.visible_turns()) == 62


def test_same_speaker_navigation_is_by_speaker(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    view.scroll_to_turn(1)
    view.next_same_speaker()
    assert view.current_turn() == 3
    assert sample.turns[3].speaker == sample.turns[1].speaker
    view.scroll_to_turn(61)
    view.next_same_speaker()  # nothing after the last turn: stays
    assert view.current_turn() == 61


def test_stepping_through_the_last_page_moves_turn_by_turn(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    view.scroll_to_turn(55)
    for expected in range(56, 62):
        view.next_turn()
        assert view.current_turn() == expected


def test_scrolling_moves_the_reading_position(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    bar = view.verticalScrollBar()
    with qtbot.waitSignal(view.position_changed) as signal:
        bar.setValue(bar.maximum() // 2)
    assert signal.args[0] > 0
    assert view.current_turn() == signal.args[0]


def test_selection_maps_to_turn_text_offsets_and_copies_plain(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    turn = sample.turns[4]
    view.select_in_turn(4, 10, 60)
    assert view.selection_in_turn() == (4, 10, 60)
    view.copy()
    assert QGuiApplication.clipboard().text() == turn.text[10:60]
    assert not QGuiApplication.clipboard().mimeData().hasHtml()


def test_copy_leaves_out_folded_exchanges(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    view.set_collapsed(1, True)
    view.selectAll()
    text = view.selected_text()
    assert sample.turns[2].text not in text
    assert sample.turns[4].text in text


def test_renamed_speaker_shows_the_new_name_and_keeps_offsets(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    view.set_collapsed(3, True)
    interviewer = sample.interviewer
    assert interviewer is not None
    view.set_speaker_names({interviewer.key: "Keir Simmons"})
    assert view.turn_display_text(0).startswith("Keir Simmons: Minister")
    assert view.is_collapsed(3)
    view.select_in_turn(0, 0, 8)
    assert view.selected_text() == "Minister"


def test_a_rename_keeps_what_is_shown_and_the_reading_position(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    interviewee = next(s.key for s in sample.speakers if s.role is Role.INTERVIEWEE)
    view.set_collapsed(3, True)
    view.set_turn_filter({interviewee})
    view.scroll_to_turn(11)
    shown, headers = view.visible_turns(), view.shown_headers()
    assert 7 not in shown and 11 in shown
    moves: list[int] = []
    view.position_changed.connect(moves.append)
    view.set_speaker_names({interviewee: "The Minister"})
    assert view.turn_display_text(11).startswith("The Minister: ")
    assert (view.visible_turns(), view.shown_headers()) == (shown, headers)
    assert view.turn_filter() == {interviewee} and view.current_turn() == 11 and moves == []


def test_extra_highlights_mark_the_matches_on_screen(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    matches = search(sample, SearchQuery("Trump"))
    view.set_extra_highlights("search", [(m.turn_index, m.start, m.end, QColor("yellow")) for m in matches])
    assert view.extra_highlight_count("search") == len(matches)
    marked = [s.cursor.selectedText() for s in view.extraSelections()]
    assert marked and {text.casefold() for text in marked} == {"trump"}
    view.set_extra_highlights("search", [])
    assert view.extraSelections() == []


def test_markup_in_a_transcript_is_shown_as_text(qtbot: QtBot, monkeypatch) -> None:
    text = ('Question: <img src="http://example.com/x.png"> and <a href="http://example.com">link</a>?\n\n'
            "Answer: <script>alert(1)</script> Tom &amp; Jerry <b>bold</b>\n")
    transcript = parse_text(text)
    loads: list[object] = []
    monkeypatch.setattr(TranscriptView, "loadResource", lambda self, kind, name: loads.append(name))
    view = make_view(qtbot, transcript)
    qtbot.wait(10)
    shown = view.toPlainText()
    for literal in ('<img src="http://example.com/x.png">', '<a href="http://example.com">link</a>',
                    "<script>alert(1)</script>", "&amp;", "<b>bold</b>"):
        assert literal in shown
    block = view.document().firstBlock()
    while block.isValid():
        for fragment_format in (QTextCharFormat(block.charFormat()),):
            assert not fragment_format.isImageFormat() and not fragment_format.isAnchor()
        block = block.next()
    assert loads == []


def test_theme_colours_are_readable(sample: Transcript) -> None:
    for theme in THEMES.values():
        base = QColor(theme.base)
        band = QColor(theme.band)
        for index in range(len(theme.speakers)):
            assert contrast_ratio(theme.speaker_color(index), base) >= 4.5, (theme.name, index)
            assert contrast_ratio(theme.speaker_color(index), band) >= 4.0, (theme.name, index)
        assert contrast_ratio(QColor(theme.text), base) >= 7
        assert contrast_ratio(QColor(theme.muted), base) >= 4.5


def test_the_document_shows_what_the_rule_says_for_every_combination(qtbot: QtBot, sample: Transcript) -> None:
    """Folds, outline and filter together: the blocks Qt shows are those of the fold state's rule (tested on its
    own, without Qt, in test_fold_state)."""
    view = make_view(qtbot, sample)
    interviewee = next(s.key for s in sample.speakers if s.role is Role.INTERVIEWEE)
    for pattern in range(8):
        collapsed = [(e.index * 7 + pattern) % 3 == 0 for e in sample.exchanges]
        outline = bool(pattern & 1)
        speakers = {interviewee} if pattern & 2 else None
        view.set_outline(outline)
        view.set_turn_filter(speakers)
        view.expand_all()
        for exchange, folded in enumerate(collapsed):
            view.set_collapsed(exchange, folded)
        assert view.shown_headers() == [e.label for e in sample.exchanges]
        asking = {t for e in sample.exchanges for t in (e.question, *e.questions) if t is not None}
        rule = [t.index for t in sample.turns if not collapsed[t.exchange]
                and (speakers is None or t.speaker in speakers) and (not outline or t.index in asking)]
        assert view.visible_turns() == rule


def test_a_timed_turn_shows_its_start_and_keeps_offsets(qtbot: QtBot) -> None:
    transcript = parse_text("[00:00:04] Priya: Ready to start?\n\n[01:02:09] Lucas: Yes, that's fine.\n\n"
                            "[01:02:15] Priya: Good.\n", layout="timestamped")
    view = make_view(qtbot, transcript)
    assert view.turn_display_text(0) == "0:04 Priya: Ready to start?"
    assert view.turn_display_text(1) == "1:02:09 Lucas: Yes, that's fine."
    view.select_in_turn(1, 5, 9)
    assert view.selected_text() == "that"
    assert view.selection_in_turn() == (1, 5, 9)


def test_viewport_made_in_python_is_set_up_as_the_text_box_sets_up_its_own(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    plain = QPlainTextEdit()
    qtbot.addWidget(plain)
    plain.setAcceptDrops(False)  # as the view does: a dropped file goes to the window
    ours, theirs = view.viewport(), plain.viewport()
    assert ours.parent() is view and view.document().documentLayout().paintDevice() is ours
    assert ours.objectName() == theirs.objectName()
    assert (ours.backgroundRole(), ours.foregroundRole()) == (theirs.backgroundRole(), theirs.foregroundRole())
    assert ours.autoFillBackground() and theirs.autoFillBackground()
    assert ours.cursor().shape() == theirs.cursor().shape() == Qt.CursorShape.IBeamCursor
    assert ours.acceptDrops() == theirs.acceptDrops()
    for attribute in (Qt.WidgetAttribute.WA_AcceptTouchEvents, Qt.WidgetAttribute.WA_SetCursor):
        assert ours.testAttribute(attribute) == theirs.testAttribute(attribute)
    assert ours.focusProxy() is view


def test_a_title_beginning_inside_an_exchange_is_painted_above_its_turn(qtbot: QtBot, sample: Transcript) -> None:
    view = make_view(qtbot, sample)
    answer = sample.exchanges[2].first_turn + 1  # an answer: its exchange's header is above the question
    view.scroll_to_turn(answer - 1)
    block = view.document().findBlockByNumber(view.vdoc.block_of_turn(answer))  # type: ignore[union-attr]
    top = int(view.blockBoundingGeometry(block).translated(view.contentOffset()).top())
    gap = view.viewport().grab().toImage().copy(0, max(0, top - view.fontMetrics().height()), 600,
                                                view.fontMetrics().height())
    view.set_headings({answer: Heading("", "Seized Russian property")})
    titled = view.viewport().grab().toImage().copy(0, max(0, top - view.fontMetrics().height()), 600,
                                                   view.fontMetrics().height())
    assert titled != gap  # written in the blank line above the answer
    assert view.headings() == {answer: Heading("", "Seized Russian property")}
    view.set_transcript(sample)
    assert view.headings() == {}  # a new transcript: its titles come with its topics


def test_going_to_a_turn_a_title_is_written_above_keeps_the_title_in_sight(qtbot: QtBot, sample: Transcript) -> None:
    """The topics dock's jump (and T, Ctrl+T) to a topic beginning inside an exchange: its title, written in the
    blank line above the turn, is on the page, not scrolled off above it; a turn with no title above goes to the
    top as before."""
    view = make_view(qtbot, sample)
    inside, untitled = sample.exchanges[10].first_turn + 1, sample.exchanges[14].first_turn + 1  # answers
    view.set_headings({inside: Heading("", "Seized Russian property")})
    view.scroll_to_turn(inside)
    view.viewport().grab()
    assert [(a.turn, a.label) for a in view.painted_titles()] == [(inside, "Seized Russian property")]
    assert view.firstVisibleBlock().blockNumber() < view.vdoc.block_of_turn(inside)  # type: ignore[union-attr]
    view.scroll_to_turn(untitled)
    assert view.firstVisibleBlock().blockNumber() == view.vdoc.block_of_turn(untitled)  # type: ignore[union-attr]


def test_a_long_title_of_a_folded_exchange_leaves_room_for_its_length(qtbot: QtBot, sample: Transcript) -> None:
    """The title goes first in a folded header, elided so that the exchange's word count still shows in full."""
    view = make_view(qtbot, sample)
    view.collapse_all()
    view.set_headings({0: Heading("Ukraine, Syria and the sanctions " * 6, "Seized Russian property " * 4)})
    view.viewport().grab()
    _question, length = view.vdoc.summary(0)  # type: ignore[union-attr]
    right = max(a.rect.right() for a in view.painted_titles() if a.turn == 0)
    assert right + view.fontMetrics().horizontalAdvance(f"  ·  {length}") <= view.viewport().width() - GUTTER + 1
