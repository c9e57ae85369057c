"""A turn of megabytes (a one-line data file, a transcript whose spaces were lost) is shown as blocks of bounded
length, so Qt never lays out megabytes at once, while every offset, selection, highlight and copy still works in
the turn's own text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QGuiApplication
from pytestqt.qtbot import QtBot

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.ui.transcript_view import TranscriptView
from reader.ui.view_document import ViewDocument, has_long_run
from reader.ui.view_pieces import LONG_TURN, PIECE, cut, piece_starts

LINE = "".join(chr(ord("a") + i % 26) for i in range(3_000_000))  # 3 MB without a space


def long_transcript() -> Transcript:
    return parse_text(f"Host: Here it is.\n\nGuest: {LINE}\n\nHost: Thank you.\n")


def make_view(qtbot: QtBot, transcript: Transcript) -> TranscriptView:
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_transcript(transcript)
    with qtbot.waitSignal(view.text_shown):
        view.show()
    return view


def test_a_3_mb_paragraph_is_shown_as_blocks_of_bounded_length(qtbot: QtBot) -> None:
    transcript = long_transcript()
    assert transcript.turns[1].text == LINE
    view = make_view(qtbot, transcript)
    document = view.document()
    lengths = [document.findBlockByNumber(n).length() for n in range(document.blockCount())]
    assert max(lengths) <= PIECE + 50
    assert document.blockCount() >= len(LINE) // PIECE
    assert view.toPlainText().count(LINE) == 1  # the pieces join back into the text, nothing added
    assert view.turn_display_text(1) == f"{transcript.speaker(transcript.turns[1]).name}: {LINE}"
    assert view.turn_display_text(2).endswith(": Thank you.")
    assert view.visible_turns() == [0, 1, 2]


def test_offsets_in_a_long_turn_map_to_the_text_across_pieces(qtbot: QtBot) -> None:
    view = make_view(qtbot, long_transcript())
    for start, end in ((5, 20), (PIECE - 7, PIECE + 9), (2_500_003, 2_531_000), (len(LINE) - 30, len(LINE))):
        view.select_in_turn(1, start, end)
        assert view.selection_in_turn() == (1, start, end)
        assert view.selected_text() == LINE[start:end]
        assert view.createMimeDataFromSelection().text() == LINE[start:end]  # copy gives the real text
    view.select_in_turn(2, 0, 5)
    assert view.selection_in_turn() == (2, 0, 5) and view.selected_text() == "Thank"


def test_a_highlight_far_into_a_long_turn_covers_its_words(qtbot: QtBot) -> None:
    view = make_view(qtbot, long_transcript())
    start = 2_000_017
    view.scroll_to_turn(1, start)
    view.set_extra_highlights("search", [(1, start, start + 12, QColor("yellow"))])
    qtbot.waitUntil(lambda: bool(view.extraSelections()))
    [selection] = view.extraSelections()
    assert selection.cursor.selectedText() == LINE[start:start + 12]
    assert view.current_turn() == 1


def test_folding_hides_and_shows_every_piece(qtbot: QtBot) -> None:
    transcript = long_transcript()
    view = make_view(qtbot, transcript)
    exchange = transcript.turns[1].exchange
    view.set_collapsed(exchange, True)
    assert 1 not in view.visible_turns()
    document = view.document()
    assert not any(document.findBlockByNumber(n).isVisible() for n in range(2, document.blockCount() - 2))
    view.set_collapsed(exchange, False)
    assert view.visible_turns() == [0, 1, 2]
    assert all(document.findBlockByNumber(n).isVisible() for n in range(document.blockCount()))


def test_copy_of_a_long_turn_through_the_clipboard(qtbot: QtBot) -> None:
    view = make_view(qtbot, long_transcript())
    view.select_in_turn(1, PIECE * 3 - 100, PIECE * 5)
    view.copy()
    assert QGuiApplication.clipboard().text() == LINE[PIECE * 3 - 100:PIECE * 5]


def test_ordinary_transcripts_keep_one_block_per_turn(sample: Transcript) -> None:
    vdoc = ViewDocument(sample)
    text = vdoc.compose()
    assert not vdoc.pieces
    assert text.count("\n") + 1 == vdoc.block_count == len(sample.turns) + len(sample.exchanges)


def test_pieces_cut_at_paragraphs_then_spaces_and_join_back() -> None:
    words = " ".join(f"w{i}" for i in range(60_000))
    paragraphs = "\u2028\u2028".join([words[:25_000], words[25_000:]])
    for text in (LINE[:LONG_TURN + 5], words, paragraphs):
        starts = piece_starts(text, "\u2028\u2028")
        pieces = cut(text, starts)
        assert "".join(pieces) == text
        assert all(0 < len(piece) <= PIECE for piece in pieces)
    assert all(words[s - 1] == " " for s in piece_starts(words, "\u2028\u2028")[1:])  # words stay whole
    assert 25_002 in piece_starts(paragraphs, "\u2028\u2028")


def test_only_the_highlights_of_a_long_turn_near_the_screen_are_drawn(qtbot: QtBot) -> None:
    # A search for one letter in a line of megabytes finds millions of matches, all in one turn.
    view = make_view(qtbot, long_transcript())
    spans = [(1, start, start + 3, QColor("yellow")) for start in range(0, len(LINE) - 3, 100)]
    view.scroll_to_turn(1, 1_500_000)
    view.set_extra_highlights("search", spans)
    qtbot.waitUntil(lambda: bool(view.extraSelections()))
    drawn = {selection.cursor.selectionStart(): selection.cursor.selectedText()
             for selection in view.extraSelections()}
    assert 0 < len(drawn) <= 3 * PIECE // 100
    assert drawn[view.document_position(1, 1_500_000)] == LINE[1_500_000:1_500_003]
    assert view.extra_highlight_count("search") == len(spans)


@given(st.lists(st.tuples(st.sampled_from([0, 1, 499, 500, 501, 999, 1000, 1001, 2500]),
                          st.sampled_from(["", " ", "\n", "\t", "\u00a0"])), max_size=8))
def test_a_long_run_is_found_exactly_where_a_regex_at_every_character_finds_one(pieces: list[tuple[int, str]]) -> None:
    text = "".join("x" * n + gap for n, gap in pieces)
    assert has_long_run(text) == (re.search(r"\S{1000}", text) is not None)
