"""Copy with Citation's text, in each of its forms: the words, the speaker, title, date, exchange and time."""

from __future__ import annotations

import pytest

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.notes.annotations import anchor_pieces, passage_anchor
from reader.core.notes.citation import CitationStyle, cite

TITLE = "Foreign Minister Sergey Lavrov’s interview with NBC, Moscow, July 21, 2017"
BAKERY = """---
title: Bakery interview
date: 2023-04-05
---

[00:00:05] Jane Kim: How did the "bakery" start?

[00:00:09] Lee Park: It started in my kitchen, with one oven and a lot of patience. Then it grew, slowly, one
street at a time, until the whole town came.

[00:12:34] Jane Kim: What was the hardest year?

[00:12:40] Lee Park: The second one. Flour prices doubled and we nearly closed. We kept going because the
neighbours kept coming.

[01:02:03] Jane Kim: And now?

[01:02:09] Lee Park: Now we bake for three villages and I sleep more than I did.
"""


@pytest.fixture(scope="module")
def bakery() -> Transcript:
    return parse_text(BAKERY)


def _words(transcript: Transcript, words: str) -> tuple[int, int, int]:
    turn = next(t for t in transcript.turns if words in t.text)
    start = turn.text.index(words)
    return turn.index, start, start + len(words)


def test_plain_names_speaker_title_date_and_exchange(sample: Transcript) -> None:
    piece = _words(sample, "we laughed a lot")
    assert cite(sample, [piece], {"sergey lavrov": "Lavrov"}) == \
        f'"we laughed a lot" (Lavrov, {TITLE}, 21 July 2017, Q2)'


def test_the_time_of_the_turn_where_the_transcript_gives_times(bakery: Transcript) -> None:
    piece = _words(bakery, "Flour prices doubled")
    assert bakery.exchange_of(piece[0]).label == "Q2"
    assert cite(bakery, [piece]) == '"Flour prices doubled" (Lee Park, Bakery interview, 5 April 2023, Q2, 00:12:40)'


def test_paragraph_breaks_become_spaces_and_inner_quotes_single(bakery: Transcript, sample: Transcript) -> None:
    turn = bakery.turns[0]
    assert cite(bakery, [(0, 0, len(turn.text))]).startswith("\"How did the 'bakery' start?\" (Jane Kim, ")
    start, end = _words(sample, "I am not laughing.")[1], _words(sample, "But with John")[2]
    assert "\n\n" in sample.turns[3].text[start:end]
    assert cite(sample, [(3, start, end)]).startswith('"I am not laughing. But with John" (Sergey Lavrov, ')


def test_a_passage_gives_each_speakers_words_with_their_name(bakery: Transcript) -> None:
    first = bakery.turns[2].text.index("hardest")
    end = bakery.turns[3].text.index(" Flour")
    anchor = passage_anchor(bakery, 2, first, 3, end)
    assert cite(bakery, anchor_pieces(bakery, anchor)) == (
        'Jane Kim: "hardest year?"\n'
        'Lee Park: "The second one."\n'
        "(Bakery interview, 5 April 2023, Q2, 00:12:34)")


def test_a_passage_over_two_exchanges_names_both(bakery: Transcript) -> None:
    anchor = passage_anchor(bakery, 1, 0, 2, len(bakery.turns[2].text))
    text = cite(bakery, anchor_pieces(bakery, anchor))
    assert text is not None and text.endswith("(Bakery interview, 5 April 2023, Q1\u2013Q2, 00:00:09)")
    assert text.splitlines()[:2] == ['Lee Park: "It started in my kitchen, with one oven and a lot of patience. Then '
                                     'it grew, slowly, one street at a time, until the whole town came."',
                                     'Jane Kim: "What was the hardest year?"']


def test_apa_like(bakery: Transcript) -> None:
    piece = _words(bakery, "Flour prices doubled")
    assert cite(bakery, [piece], style=CitationStyle.APA) == (
        '"Flour prices doubled" (Lee Park, 2023, Q2, 00:12:40)\n\n'
        "Lee Park. (2023, April 5). Bakery interview [Interview transcript].")
    passage = passage_anchor(bakery, 2, 0, 3, len("The second one."))
    assert cite(bakery, anchor_pieces(bakery, passage), style="apa") == (
        'Jane Kim: "What was the hardest year?"\nLee Park: "The second one."\n'
        "(Jane Kim & Lee Park, 2023, Q2, 00:12:34)\n\n"
        "Jane Kim & Lee Park. (2023, April 5). Bakery interview [Interview transcript].")


def test_chicago_like(bakery: Transcript) -> None:
    piece = _words(bakery, "Flour prices doubled")
    assert cite(bakery, [piece], style=CitationStyle.CHICAGO) == (
        '"Flour prices doubled"\n\nLee Park, "Bakery interview," April 5, 2023, Q2, 00:12:40.')


def test_without_title_date_or_times(sample: Transcript) -> None:
    bare = parse_text("Question: Where were you?\n\nAnswer: At home, all evening, with the door locked.\n")
    piece = _words(bare, "At home")
    assert cite(bare, [piece]) == '"At home" (Answer, Q1)'
    assert cite(bare, [piece], style="apa") == '"At home" (Answer, n.d., Q1)\n\nAnswer. (n.d.). [Interview transcript].'
    assert cite(bare, [piece], style="chicago") == '"At home"\n\nAnswer, Q1.'


def test_nothing_to_cite() -> None:
    bare = parse_text("Question: Where were you?\n\nAnswer: At home.\n")
    with pytest.raises(ValueError):
        cite(bare, [(1, 3, 3)])
