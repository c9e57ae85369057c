"""Who asks names nothing, and a new questioner taking the floor (a reporter naming themselves and their
outlet, "Lara Benning, Global Wire."; a listener's question read out), or a question about words the exchanges before
it never used, lets a middling score open a topic; a word of everyday speech alone never joins a label."""

from __future__ import annotations

import pytest

from reader.core.loader import parse_text
from reader.core.topics.compose import Candidate, compose
from reader.core.topics.cues import new_questioner
from reader.core.topics.label import people_hailed, speaker_terms
from reader.core.topics.segment import Gap, Unit, choose_boundaries, score_gaps, units_of
from reader.core.topics.terms import build_terms, term_lookup

BRIEFING = "\n\n".join([
    "MS. ADEYEMI: Good afternoon. Two things at the top: the flood relief money, and the new visa rules.",
    "QUESTION: Thanks, Ruth. Colm Brady, Harbour Times. On the flood relief, is that new money?",
    "MS. ADEYEMI: Part of it is new money, and part of it was announced in the spring for the river towns.",
    "QUESTION: Ruth, Nadia Fenn, The Courier. The visa rules: when do students have to apply?",
    "MS. ADEYEMI: From the first of May. Students apply online, and the embassy answers within a month.",
    "QUESTION: Okay, a different subject. Ivo Marsh, Radio Kestrel. Pia Lund, the engineer held in Varo, has "
    "she seen a lawyer?",
    "MS. ADEYEMI: Our consul saw Ms. Lund on Monday. Pia Lund is well, and we keep pressing for her release.",
])

PHONE_IN = "\n\n".join([
    "Host: Right, listener questions. This first one is from Gareth in Swansea. Is snoring dangerous?",
    "Guest: Mostly it is only loud. Snoring with long pauses can be apnoea, and apnoea is treatable.",
    "Host: Second question, from Aoife, a student in Galway. Can you catch up on lost sleep?",
    "Guest: Partly. One long night helps, but a week of short nights is not paid back in a weekend.",
    "Host: Congratulations, Aoife, on the exams.",
])


def test_reporters_naming_themselves_and_their_outlets_name_nothing() -> None:
    excluded = speaker_terms(parse_text(BRIEFING))
    for word in ("Colm", "Brady", "Harbour", "Nadia", "Fenn", "Courier", "Ivo", "Marsh", "Kestrel"):
        assert term_lookup(word) in excluded, word
    # The engineer held abroad is what the questions are about, not who asks them.
    assert term_lookup("Lund") not in excluded
    assert term_lookup("Varo") not in excluded


def test_listeners_whose_questions_are_read_out_name_nothing() -> None:
    excluded = speaker_terms(parse_text(PHONE_IN))
    assert {term_lookup("Gareth"), term_lookup("Aoife")} <= excluded
    assert term_lookup("Swansea") not in excluded  # a caller's town may be what the call is about


@pytest.mark.parametrize(("opening", "is_new"), [
    ("Thanks, Daniel. Lara Benning, Global Wire. On the ceasefire, is there anything new?", True),
    ("Daniel, Mark Feld, Capitol Report. The foreign minister said the truce was broken.", True),
    ("Okay, now a different topic. Jo Whitaker, The Ledger. Has the embassy had access?", True),
    ("Right. This first one is from Gareth in Swansea. He says he snores.", True),
    ("Second question, from Aoife, who's a student in Dublin.", True),
    ("Tom Hale, the reporter for the Daily Sentinel, was detained. Has he seen a consul?", False),
    ("Good evening, Council Members. Shall we start?", False),
    ("Yes, New York. And London too.", False),
])
def test_a_new_questioner_is_told_by_how_they_take_the_floor(opening: str, is_new: bool) -> None:
    assert new_questioner(opening) is is_new


def test_a_new_questioner_taking_the_floor_is_marked_at_the_gap() -> None:
    transcript = parse_text(BRIEFING)
    table = build_terms(transcript)
    units = units_of(transcript, table)
    askers = {gap.turn: gap.features["asker"] for gap in score_gaps(units, table)}
    assert askers[3] == 1.0  # "Ruth, Nadia Fenn, The Courier. The visa rules: ..."
    assert askers[1] == 1.0  # "Thanks, Ruth. Colm Brady, Harbour Times. On the flood relief"


PODCAST = "\n\n".join([
    "Host: How did the bakery start?",
    "Guest: My grandmother baked rye loaves in the kitchen and sold them from the window.",
    "Host: And the rye came from where?",
    "Guest: From a mill upriver; the miller still grinds our flour on the old stones.",
    "Host: Did the window sales ever stop?",
    "Guest: Only in the winter of the flood, when the kitchen was under water for a week.",
    "Host: What about your cycling holidays in the Alps?",
    "Guest: Every August we ride over three passes, and the descents are the best part.",
])


def test_a_question_about_words_the_last_two_exchanges_never_used_is_marked_fresh() -> None:
    transcript = parse_text(PODCAST)
    table = build_terms(transcript)
    fresh = {gap.turn: gap.features["fresh"] for gap in score_gaps(units_of(transcript, table), table)}
    assert fresh[6] == 1.0  # cycling holidays, the Alps: nothing the bakery talk said
    assert fresh[2] == 0.0  # "the rye": the answer before said it
    assert fresh[4] == 0.0  # "the window sales": said two exchanges before, a follow-up coming back to it


def test_a_word_of_everyday_speech_alone_is_never_the_second_part_of_a_label() -> None:
    head = Candidate(("shop",), "Shops", 10.0, False, 5)
    # "Street" is capitalised in "the High Street", but alone it says nothing beside the shops; "Fairview" does.
    assert compose([head, Candidate(("street",), "Street", 5.0, True, 3)], [], None) == "Shops"
    assert compose([head, Candidate(("fairview",), "Fairview", 5.0, True, 3)], [], None) == "Shops and Fairview"


def test_people_addressed_at_a_turns_start_and_a_speakers_first_name_name_nothing() -> None:
    transcript = parse_text("\n\n".join([
        "Host: Our guest is the baker Greta Lindholm. Last one, from a listener who signed himself Dave.",
        "Lindholm: Right, that one I get every week.",
        "Host: Dave, don't worry about the clock.",
        "Lindholm: I try not to.",
        "Host: Greta, what about sourdough starters?",
        "Lindholm: Feed the starter twice a day, and keep it warm.",
    ]))
    table = build_terms(transcript)
    hailed = people_hailed(transcript, table)
    assert {term_lookup("Dave"), term_lookup("Greta")} <= hailed
    assert term_lookup("Right") not in hailed  # a word of everyday speech, not a name
    excluded = speaker_terms(parse_text("Host: Das Gespräch führte Martin Seidel.\n\nKessler: Gern."))
    assert {term_lookup("Martin"), term_lookup("Seidel")} <= excluded  # the interviewer a printed interview credits


def _gaps(asker: float) -> tuple[list[Gap], list[Unit]]:
    units = [Unit(k, k, "", {}, {}, 30, 10) for k in range(4)]  # four exchanges of 30 words: a topic needs 40
    features = {"depth": 0.0, "cue": 0.0, "item": 0.0, "fresh": 0.0, "asker": asker}
    return [Gap(k, k, features, 1.0, 0.1) for k in range(1, 4)], units


def test_a_new_questioners_topic_may_be_one_short_exchange() -> None:
    assert choose_boundaries(*_gaps(asker=0.0)) == [2]
    assert choose_boundaries(*_gaps(asker=1.0)) == [1, 2, 3]  # each reporter's one question
