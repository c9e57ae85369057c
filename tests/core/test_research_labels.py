"""Social-research transcripts label their turns with letters: `I:` for the interviewer and `R:` for the respondent
(`Int:`/`Resp:`, the German `IV:` or `I:` with `B:` for Befragte(r) and `IP:` for Interviewpartner(in), a group's
`P1:`, `P2:`). What the reader gets: the speakers named for their part (or as a legend above the first turn names
them), the interviewer asking, the questions found from the interviewer's words (an "Mhm." inside an answer asks
nothing), and a note of the interview's end set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats.detect import detect_layout
from reader.core.loader import load_transcript, parse_text
from reader.core.model import AsideKind, Role, Transcript
from tests.core.layout_checks import assert_lossless, labels, names, questions, roles

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def load(name: str) -> Transcript:
    t = load_transcript(LAYOUTS / name)
    assert_lossless(t)
    return t


def read(text: str) -> Transcript:
    t = parse_text(text)
    assert_lossless(t)
    return t






def headers(t: Transcript) -> set[str]:
    return {a.text.strip() for a in t.asides if a.kind is AsideKind.HEADER}


def test_an_english_interview_with_i_and_r() -> None:
    t = load("research-interview-i-r.txt")
    assert t.layout == "labelled"
    assert names(t) == ["Interviewer", "Respondent"] * 7 + ["Interviewer"]
    assert labels(t)[:2] == ["I:", "R:"]
    assert t.turns[0].text.startswith("Thanks for coming in. Could you start by telling me")
    assert roles(t) == {"Interviewer": Role.INTERVIEWER, "Respondent": Role.INTERVIEWEE}
    # The short questions are questions; "Mm-hm." and the thanks at the end are not, and stay in their exchange.
    assert questions(t) == [0, 2, 4, 6, 10, 12]
    assert t.turns[6].text == "What did you do afterwards?"
    assert t.turns[8].text == "Mm-hm." and t.exchanges[t.turns[8].exchange].question == 6
    assert t.turns[-1].text == "Thank you, that's really helpful."
    assert "[End of interview]" in {a.text.strip() for a in t.asides if a.kind is AsideKind.BOILERPLATE}
    assert t.metadata.date == "2025-03-14"


def test_a_german_interview_with_i_and_b() -> None:
    t = load("forschungsinterview-i-b.txt")
    assert t.layout == "labelled"
    assert names(t) == ["Interviewer", "Befragte(r)"] * 6 + ["Interviewer"]
    assert labels(t)[:2] == ["I:", "B:"]
    assert roles(t) == {"Interviewer": Role.INTERVIEWER, "Befragte(r)": Role.INTERVIEWEE}
    # "Erzählen Sie mir…" asks without a question mark; "Mhm." and the closing thanks do not ask.
    assert questions(t) == [0, 2, 4, 8, 10]
    assert t.turns[4].text == "Erzählen Sie mir von Ihren Nachbarn früher."
    assert t.turns[6].text == "Mhm."
    assert t.turns[-1].text == "Dann danke ich Ihnen herzlich."
    assert "[Ende des Interviews]" in {a.text.strip() for a in t.asides}


BACKCHANNELS = (
    "I: How did you come to work at the library?\n\n"
    "R: I answered an advert in the local paper, back in 1998. I'd been a teacher before, and I wanted something "
    "quieter, or so I thought.\n\nI: Mhm.\n\n"
    "R: It wasn't quieter at all. Who knew that half the town comes in to use the computers? And the children's "
    "hour on Saturdays is chaos.\n\nI: Right.\n\n"
    "R: But I loved it from the first week. The regulars became friends, some of them.\n\nI: Yeah.\n\n"
    "R: There was one man who came every day to read the papers, for twenty years. When he died his daughter "
    "brought us his reading glasses.\n\nI: Mm.\n\nR: We still have them behind the desk.\n\n"
    "I: What has changed most since then?\n\n"
    "R: Fewer books, more everything else. Why would anyone borrow a book when they can download it? That's what "
    "the council asks us every budget round.\n\nI: Okay.\n"
)


def test_the_letters_say_who_asks_when_the_interviewer_mostly_listens() -> None:
    # Read from the words alone, an interviewer who says "Mhm" more often than they ask, and a respondent who asks
    # rhetorical questions, would be two equals; the letters say who interviews whom.
    t = read(BACKCHANNELS)
    assert roles(t) == {"Interviewer": Role.INTERVIEWER, "Respondent": Role.INTERVIEWEE}
    assert questions(t) == [0, 10]


@pytest.mark.parametrize(("asking", "answering", "shown"), [
    ("Int", "Resp", ["Interviewer", "Respondent"]),
    ("IV", "B", ["Interviewer", "Befragte(r)"]),
    ("I", "IP", ["Interviewer", "Interviewpartner(in)"]),
])
def test_other_letters_of_the_two_sides(asking: str, answering: str, shown: list[str]) -> None:
    text = (f"{asking}: Where did you grow up?\n\n{answering}: In a village near the coast, with my grandparents.\n\n"
            f"{asking}: Mhm.\n\n{answering}: We moved to the city when I was twelve.\n\n"
            f"{asking}: How was that for you?\n\n{answering}: Hard at first. I missed the sea.\n")
    t = read(text)
    assert detect_layout(text) == "labelled"
    assert names(t) == shown * 3
    assert roles(t) == {shown[0]: Role.INTERVIEWER, shown[1]: Role.INTERVIEWEE}
    assert questions(t) == [0, 4]


def test_a_group_interview_with_numbered_participants() -> None:
    t = read("I: What brought you both to the allotment?\n\n"
             "P1: For me it was the waiting list, honestly. I put my name down years ago and forgot about it.\n\n"
             "P2: I came because of my dad. He had a plot here in the eighties.\n\nI: Okay.\n\n"
             "P1: And now we share the shed.\n\nI: How do you decide what to grow?\n\n"
             "P2: We argue, mostly. He wants potatoes, I want flowers.\n")
    assert names(t) == ["Interviewer", "Participant 1", "Participant 2", "Interviewer", "Participant 1",
                        "Interviewer", "Participant 2"]
    assert roles(t) == {"Interviewer": Role.INTERVIEWER, "Participant 1": Role.INTERVIEWEE,
                        "Participant 2": Role.INTERVIEWEE}
    assert questions(t) == [0, 5]


def test_a_legend_names_who_the_letters_stand_for() -> None:
    t = read("Interview 12, Archiv der Werft\n"
             "I = Interviewerin (Lena Vogt), B = Befragter (Horst Brandt, geb. 1951)\n\n"
             "I: Wann haben Sie auf der Werft angefangen?\n\nB: Neunzehnhundertsiebzig, als Lehrling.\n\n"
             "I: Und wie war das?\n\nB: Laut. Und kalt im Winter.\n")
    assert names(t) == ["Lena Vogt", "Horst Brandt"] * 2
    assert roles(t) == {"Lena Vogt": Role.INTERVIEWER, "Horst Brandt": Role.INTERVIEWEE}
    assert "I = Interviewerin (Lena Vogt), B = Befragter (Horst Brandt, geb. 1951)" in headers(t)
    assert t.metadata.title == "Interview 12, Archiv der Werft"
    # A legend that gives a letter only its part keeps the part's name.
    t = read("I = Interviewer, R = Tom Hale\n\nI: When did you start?\n\nR: In 1970.\n\nI: And then?\n\n"
             "R: Then the yard closed.\n")
    assert names(t) == ["Interviewer", "Tom Hale"] * 2
    # A nickname in quotes is part of the name as the legend writes it.
    t = read('I = Interviewer (Sue Marsh), R = Kenneth "Ken" Atkinson\n\nI: When did you start?\n\nR: In 1970.\n\n'
             "I: And then?\n\nR: Then the dock closed.\n")
    assert names(t) == ["Sue Marsh", 'Kenneth "Ken" Atkinson'] * 2


ANSWERS = "I: When did you start?\n\nR: In 1970.\n\nI: And then?\n\nR: Then the yard closed.\n"


def test_header_lines_name_the_two_sides() -> None:
    t = read("Shipyard memories, interview 4\nInterviewer: Anna Brooks\nRespondent: Tom Hale (R07)\n"
             "Date: 14 March 2025\n\n" + ANSWERS)
    assert names(t) == ["Anna Brooks", "Tom Hale"] * 2  # the header's lines are no turns of their own
    assert {"Interviewer: Anna Brooks", "Respondent: Tom Hale (R07)"} <= headers(t)
    assert t.metadata.title == "Shipyard memories, interview 4" and t.metadata.date == "2025-03-14"
    # An interviewer's words before the first `I:` are a turn, not a name.
    t = read("Interviewer: Okay, we're recording now, is that alright?\n\n" + ANSWERS)
    assert names(t)[:2] == ["Interviewer", "Interviewer"]
    assert t.turns[0].text == "Okay, we're recording now, is that alright?"


def test_the_letters_alone_are_no_roles() -> None:
    # `A:` and `B:` are two voices of a conversation; a `B:` without an `I:` is no respondent.
    t = read("A: Did you see the match last night?\n\nB: Only the second half. Was the first any good?\n\n"
             "A: Not really. Two goals, both offside.\n\nB: Typical.\n")
    assert names(t) == ["A", "B"] * 2
    assert roles(t) == {"A": Role.OTHER, "B": Role.OTHER}
    assert questions(t) == []
