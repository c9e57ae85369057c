"""Court-reporter hearings: margin line numbers, page numbers and the cover page stay out of the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats.detect import detect_layout
from reader.core.loader import load_transcript, parse_text
from reader.core.model import AsideKind, Transcript

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


@pytest.fixture(scope="module")
def hearing() -> Transcript:
    return load_transcript(LAYOUTS / "court-hearing.txt")


def test_detected(hearing: Transcript) -> None:
    assert hearing.layout == "court"


def test_cover_page_is_metadata_and_boilerplate(hearing: Transcript) -> None:
    meta = hearing.metadata
    assert (meta.title, meta.date, meta.time, meta.place) == (
        "PUBLIC HEARING ON STATE ELECTION INFRASTRUCTURE", "2019-03-03", "10:00", "Albany, New York")
    boilerplate = [a.text for a in hearing.boilerplate]
    assert "PRESENT:" in boilerplate and "Senator Andrew Lanza" in boilerplate
    assert all("Zellnor" not in turn.text for turn in hearing.turns)


def test_speakers_in_capitals(hearing: Transcript) -> None:
    assert [s.name for s in hearing.speakers] == [
        "Chairwoman Krueger", "Senator Lanza", "Commissioner Valentine", "Senator Myrie"]
    assert [hearing.speaker(t).label for t in hearing.turns][:4] == [
        "CHAIRWOMAN KRUEGER", "SENATOR LANZA", "COMMISSIONER VALENTINE", "SENATOR LANZA"]


def test_wrapped_lines_join_without_margin_numbers(hearing: Transcript) -> None:
    first = hearing.turns[0]
    assert first.paragraphs[0].text == (
        "Good morning, everyone. We are here today to discuss the budget for the election infrastructure of the "
        "state. Note: the hearing started at 10:08 because of the weather.")
    # A line indented like the label's opens a new paragraph.
    assert first.paragraphs[1].text == "I want to thank the witnesses for coming."
    answer = hearing.turns[4]
    assert answer.text == ("Eleven, out of about four hundred. The reason was simple: the batteries had not been "
                           "replaced since 2012.")


def test_margin_and_page_numbers_are_furniture(hearing: Transcript) -> None:
    furniture = [a for a in hearing.asides if a.kind is AsideKind.FURNITURE]
    numbers = [a.text.strip() for a in furniture]
    assert numbers.count("25") == 3  # the last margin number of each of three pages
    assert {"1", "2", "3"} <= set(numbers)
    for turn in hearing.turns:
        for p in turn.paragraphs:
            assert not any(ch.isdigit() for ch in p.text.split()[0])


def test_text_across_a_page_break_stays_one_turn(hearing: Transcript) -> None:
    # Page 2 ends inside the chairwoman's turn; page 3 goes on with it after the form feed and page number.
    turn = next(t for t in hearing.turns if "We will take that up." in t.text)
    assert turn.text.endswith("Commissioner, one last question about the poll books.")
    page_three = hearing.source.index("\f", hearing.source.index("We will take that up"))
    assert turn.span[0] < page_three < turn.span[1]
    assert "\f" in hearing.source[slice(*turn.span)]


def test_deposition_questions_and_answers() -> None:
    lines = ["Q.  Where were you on the night of March 3?", "A.  At home.", "Q.  Alone?",
             "A.  With my sister, until about eleven.", "Q.  And after eleven?", "A.  Asleep."]
    text = "\n".join(f"{i + 1:2d}     {line}" for i, line in enumerate(lines * 3)) + "\n"
    assert detect_layout(text) == "court"
    t = parse_text(text)
    assert [t.speaker(turn).label for turn in t.turns][:4] == ["Q", "A", "Q", "A"]
    assert t.turns[1].text == "At home."
    assert t.speaker_by_key["q"].role.value == "interviewer"


def test_numbered_list_in_prose_is_not_a_hearing() -> None:
    text = "Shopping:\n\n1 apple\n2 pears\n\nThat is all I need for the week, thank you.\n"
    assert detect_layout(text) != "court"


def test_deposition_q_and_a_without_dots() -> None:
    lines = ["Q    Where were you that night?", "A    At home.", "Q    Alone?", "A    Yes.",
             "And the door was locked, as always."]
    text = "\n".join(f"{i + 1:2d}     {line}" for i, line in enumerate(lines * 4)) + "\n"
    t = parse_text(text)
    assert t.layout == "court"
    assert [t.speaker(turn).label for turn in t.turns][:4] == ["Q", "A", "Q", "A"]
    # Same indent as the text before it: a wrapped line of the answer, not a new paragraph.
    assert t.turns[3].text == "Yes. And the door was locked, as always."


def test_page_x_of_y_is_furniture() -> None:
    pages = []
    for page in range(1, 4):
        lines = ["CHAIRWOMAN KRUEGER:  We are back on the record.", "The next witness, please."] * 5
        body = "\n".join(f"{i + 1:2d}     {line}" for i, line in enumerate(lines))
        pages.append(f"\f{body}\n{' ' * 50}Page {page} of 3")
    t = parse_text("\n".join(pages) + "\n")
    assert t.layout == "court"
    furniture = [a.text.strip() for a in t.asides if a.kind is AsideKind.FURNITURE]
    assert {"Page 1 of 3", "Page 2 of 3", "Page 3 of 3"} <= set(furniture)
    assert not any("Page" in turn.text for turn in t.turns)


def test_the_hearing_has_no_running_furniture_or_index(hearing: Transcript) -> None:
    # Every line of the hearing's pages is someone's words or already known furniture: nothing repeats.
    assert [a.text for a in hearing.boilerplate if "KRUEGER" in a.text] == []
    assert hearing.turns[-1].text == "Yes, Madam Chair."
