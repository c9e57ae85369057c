"""PDF transcripts with a text layer: read in reading order, running furniture set aside, then the court or
labelled layout; a scan, an encrypted or a damaged file refused with one clear line."""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.containers import BlockKind, ContainerError, extract
from reader.core.loader import TranscriptError, load_transcript, parse_extracted
from reader.core.model import Transcript
from reader.core.search import SearchQuery, search
from tests.core.layout_checks import assert_lossless, names
from tests.core.pdf_writer import HEIGHT, Page, text_pages, write_pdf
from tests.core.test_lossless import problems

DATA = Path(__file__).parents[1] / "data" / "containers"



def all_words(t: Transcript) -> str:
    return " ".join(turn.text for turn in t.turns)


def test_hearing_reads_as_a_court_transcript_with_its_furniture_aside() -> None:
    t = load_transcript(DATA / "hearing.pdf")
    assert (t.source_format, t.layout) == ("pdf", "court")
    assert names(t)[:5] == ["Chairwoman Krueger", "Senator Lanza", "Commissioner Valentine", "Senator Lanza",
                            "Commissioner Valentine"]
    assert {s.name for s in t.speakers} == {"Chairwoman Krueger", "Senator Lanza", "Commissioner Valentine",
                                            "Senator Myrie", "Ms. Ortega"}
    assert t.turns[0].paragraphs[0].text == ("Good morning, everyone. We are here today to discuss the budget for "
                                             "the election infrastructure of the state. Note: the hearing started "
                                             "at 10:08 because of the weather.")
    # A turn wrapped over a page break reads as one: page 2 ends in Myrie's request, page 3 opens with the answer.
    assert t.turns[8].text == ("Then I would ask that the board send us the list of counties and the dates of "
                               "their last orders.")
    assert t.turns[9].text == "We will send it by the end of the month."
    meta = t.metadata
    assert (meta.title, meta.date, meta.time, meta.place) == (
        "PUBLIC HEARING ON STATE ELECTION INFRASTRUCTURE", "2019-03-03", "10:00", "Albany, New York")
    boilerplate = [a.text for a in t.boilerplate]
    assert boilerplate.count("Empire State Reporting Company (518) 555-0147") == 3
    assert [b for b in boilerplate if b.startswith("DRAFT")] == [f"DRAFT TRANSCRIPT - NOT CERTIFIED {n}"
                                                                  for n in (1, 2, 3)]
    words = all_words(t)
    assert "DRAFT" not in words and "Empire" not in words and "PRESIDING" not in words
    assert not any(word.isdigit() and int(word) <= 25 for word in words.split())  # no margin numbers
    assert_lossless(t)


def test_oral_history_reads_as_labelled_paragraphs_across_pages() -> None:
    t = load_transcript(DATA / "oral-history.pdf")
    assert (t.source_format, t.layout) == ("pdf", "labelled")
    assert names(t) == ["Margaret Ellis", "Thomas Reid"] * 4
    assert t.turns[0].text.startswith("This is Margaret Ellis. It is the fourteenth of May, 2022")
    # The last answer runs from page 1 onto page 2: one paragraph, the footer and header not inside it.
    assert [p.text for p in t.turns[7].paragraphs] == [
        "The dust. You could not see your hand in front of your face some days. They gave us paper masks and the "
        "masks were black inside of an hour."]
    assert [a.text for a in t.boilerplate] == ["Mountain Voices Oral History Project", "Page 1 of 2",
                                               "Mountain Voices Oral History Project", "Page 2 of 2"]
    assert t.metadata.title == "Thomas Reid, interviewed by Margaret Ellis"  # the document's title, as fallback
    assert_lossless(t)


def test_a_title_naming_the_word_file_is_not_the_transcripts_title() -> None:
    pages = text_pages(["Question: Why did you stay?", "Answer: Because of the river.",
                        "Question: And now?", "Answer: Still the river."])
    extracted = extract(write_pdf(pages, title="Microsoft Word - interview_final.docx"), ".pdf")
    assert extracted.metadata.title is None


def test_margin_numbers_drawn_apart_from_the_text_still_read_line_by_line() -> None:
    lines = ["THE COURT:  Be seated, please.", "MR. HALE:  Thank you, Your Honor.", "THE COURT:  Proceed."] * 4
    numbers = [(57, HEIGHT - 90 - i * 26, str(i + 1)) for i in range(len(lines))]
    text = [(90, HEIGHT - 90 - i * 26, line) for i, line in enumerate(lines)]
    t = parse_extracted(extract(write_pdf([Page(numbers + text)]), ".pdf"))
    assert t.layout == "court"
    assert names(t)[:3] == ["The Court", "Mr. Hale", "The Court"]
    assert t.turns[0].text == "Be seated, please."
    assert_lossless(t)


def test_a_word_hyphenated_across_a_line_end_reads_whole() -> None:
    page = Page([(72, 700, "Question: Was it well-"), (72, 686, "known?"), (72, 660, "Answer: Every-"),
                 (72, 646, "body knew. It was unprec-"), (72, 632, "edented, in Franco-"), (72, 618, "German talks."),
                 (72, 590, "Question: Really?"), (72, 570, "Answer: Yes, from 5-"), (72, 556, "6 pm.")])
    t = parse_extracted(extract(write_pdf([page]), ".pdf"))
    assert [turn.text for turn in t.turns] == [
        "Was it well-known?",  # both halves are words, the whole is none: a compound, its hyphen kept
        "Everybody knew. It was unprecedented, in Franco-German talks.",  # a word; syllables; a capital
        "Really?", "Yes, from 5- 6 pm."]  # no letters after the hyphen: the lines stay apart
    assert_lossless(t)
    assert search(t, SearchQuery("everybody knew"))  # found, and quoted, as the page reads it


def test_a_hyphen_that_hangs_before_and_or_ends_a_paragraph_is_kept() -> None:
    """`pre-` above `and post-` hangs as meant; `post-` above a new paragraph (a wider gap than the page's lines)
    ends no broken word."""
    page = Page([(72, 700, "Question: Which ones, pre-"), (72, 686, "and post-"), (72, 660, "war stock?"),
                 (72, 646, "Answer: Both.")])
    t = parse_extracted(extract(write_pdf([page]), ".pdf"))
    assert t.turns[0].text.startswith("Which ones, pre- and post-")
    assert "post-war" not in t.turns[0].text.replace("\n", " ")
    assert_lossless(t)


def test_a_word_hyphenated_at_the_foot_of_a_page_reads_whole_past_the_running_header() -> None:
    header, footer = (72, 760, "SELECT COMMITTEE ON TRANSPORT"), (300, 40, "Page {} of 2")
    first = Page([header, (72, 700, "Question: What did the inspectors find?"),
                  (72, 672, "Answer: A fault that was unprec-"), (footer[0], footer[1], footer[2].format(1))])
    second = Page([header, (72, 700, "edented on that line, and a Franco-"), (72, 686, "German report."),
                   (footer[0], footer[1], footer[2].format(2))])
    extracted = extract(write_pdf([first, second]), ".pdf")
    t = parse_extracted(extracted)
    answer = next(turn.text for turn in t.turns if turn.text.startswith("A fault"))
    assert " ".join(answer.split()) == "A fault that was unprecedented on that line, and a Franco-German report."
    furniture = [extracted.text[slice(*b.span)] for b in extracted.blocks if b.kind is BlockKind.FURNITURE]
    assert furniture.count("SELECT COMMITTEE ON TRANSPORT") == 2  # the header stays furniture, set aside
    assert search(t, SearchQuery("unprecedented on that line"))
    assert_lossless(t)


def test_a_pdf_restricted_only_in_what_may_be_done_is_read() -> None:
    pages = text_pages(["Question: Is this locked?", "Answer: Only against printing.",
                        "Question: Sure?", "Answer: Quite sure."])
    t = parse_extracted(extract(write_pdf(pages, user_password=""), ".pdf"))
    assert names(t) == ["Question", "Answer"] * 2
    assert t.turns[1].text == "Only against printing."


def test_the_content_decides_not_the_name() -> None:
    data = (DATA / "oral-history.pdf").read_bytes()
    assert extract(data, ".txt").source_format == "pdf"
    assert extract(data, "").source_format == "pdf"


@pytest.mark.parametrize(("name", "reason"), [
    ("scanned.pdf", "a scanned PDF with no text layer; this reader does no OCR"),
    ("encrypted.pdf", "an encrypted PDF that needs a password"),
    ("truncated.pdf", "a damaged PDF"),
])
def test_unreadable_pdfs_say_why(name: str, reason: str) -> None:
    with pytest.raises(ContainerError, match=reason):
        extract((DATA / name).read_bytes(), ".pdf")
    with pytest.raises(TranscriptError, match=reason):
        load_transcript(DATA / name)


@pytest.mark.parametrize(("name", "reason"), [("scanned.pdf", "no OCR"), ("encrypted.pdf", "password"),
                                              ("truncated.pdf", "damaged")])
def test_unreadable_pdfs_are_one_line_and_exit_2(name: str, reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["info", str(DATA / name)])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("transcript-reader: ") and reason in err


def test_an_unreadable_pdf_from_the_installed_command() -> None:
    result = subprocess.run([sys.executable, "-m", "reader", "info", str(DATA / "scanned.pdf"), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"transcript-reader: {DATA / 'scanned.pdf'}: a scanned PDF with no text layer; this reader does no OCR"]


def test_a_scan_with_a_stamp_of_text_is_still_a_scan() -> None:
    stamp = [(40, 30, "Scanned with OfficeLens")]
    with pytest.raises(ContainerError, match="a scanned PDF with no text layer"):
        extract(write_pdf([Page(stamp, scan=True) for _ in range(3)]), ".pdf")
    # a short text with a picture in it (a letterhead, a photo) is text
    page = Page([(72, 700, "Question: Who?"), (72, 680, "Answer: Me.")], scan=True)
    assert extract(write_pdf([page]), ".pdf").text.split() == ["Question:", "Who?", "Answer:", "Me."]


def test_pdf_of_blank_pages_is_refused() -> None:
    with pytest.raises(ContainerError, match="no text layer"):
        extract(write_pdf([Page(), Page()]), ".pdf")


def test_running_furniture_is_marked_as_blocks() -> None:
    extracted = extract((DATA / "hearing.pdf").read_bytes(), ".pdf")
    furniture = [extracted.text[slice(*b.span)] for b in extracted.blocks if b.kind is BlockKind.FURNITURE]
    assert furniture.count("Empire State Reporting Company (518) 555-0147") == 3
    assert "\f" in extracted.text  # the pages stay pages for the court layout


# Paragraphs a PDF's standard font can show (WinAnsi), some opening with a label.
# A word ending with a hyphen after a letter is left out: at a line's end, before a word in the same paragraph,
# it is what a word hyphenated across the line end looks like, which is read whole (`Every-` `body`).
_WORDS = st.text(alphabet=string.ascii_letters + string.digits + ".,;:?!'\"()-[]&%$#@*/", min_size=1,
                 max_size=12).filter(lambda w: not (w.endswith("-") and w[-2:-1].isalpha()))
_PARAGRAPHS = st.lists(
    st.tuples(st.sampled_from(["", "Question: ", "Ann Lee: ", "MR. SMITH:  ", "Q.  ", "12  "]),
              st.lists(_WORDS, min_size=1, max_size=30).map(" ".join)).map("".join),
    min_size=1, max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PARAGRAPHS, st.integers(min_value=4, max_value=30))
@example(["1", "2", "3"], 4)  # text that only looks like page numbers is no scan: a PDF without pictures
def test_any_text_written_into_a_pdf_is_read_whole(paragraphs: list[str], lines_per_page: int) -> None:
    pages = text_pages(paragraphs, chars_per_line=70, lines_per_page=lines_per_page)
    extracted = extract(write_pdf(pages), ".pdf")
    written = "".join("".join(paragraphs).split())
    assert sorted("".join(extracted.text.split())) == sorted(written)  # nothing lost, nothing invented
    # and the words in their order (furniture may be moved to the end of a paragraph that crosses a page)
    furniture = [b.span for b in extracted.blocks if b.kind is BlockKind.FURNITURE]
    words = iter(written)
    assert all(ch in words for i, ch in enumerate(extracted.text)
               if not ch.isspace() and not any(s <= i < e for s, e in furniture))
    t = parse_extracted(extracted)
    assert problems(t) == []


def test_the_fixtures_are_what_the_script_writes() -> None:
    sys.path.insert(0, str(DATA))
    try:
        import make_fixtures
    finally:
        sys.path.remove(str(DATA))
    assert (DATA / "hearing.pdf").read_bytes() == make_fixtures.hearing()
    assert (DATA / "oral-history.pdf").read_bytes() == make_fixtures.oral_history()
    assert (DATA / "oral-history.docx").read_bytes() == make_fixtures.word_oral_history()


def _two_columns(title: str, paragraphs: list[str], number: int, width: int = 38) -> Page:
    """A magazine's page: the title across the top, the paragraphs wrapped in two columns (drawn column by column,
    as a layout program writes them), a blank line between paragraphs, the page number centred at the foot."""
    import textwrap

    rows = []
    for paragraph in paragraphs:
        rows += [*textwrap.wrap(paragraph, width), ""]
    half = (len(rows) + 1) // 2
    lines = [(150, HEIGHT - 60, title)] if title else []
    for column, x in ((rows[:half], 54), (rows[half:], 330)):
        lines += [(x, HEIGHT - 100 - 12 * i, row) for i, row in enumerate(column) if row]
    return Page([*lines, (300, 40, str(number))])


def test_a_page_set_in_two_columns_reads_the_left_column_then_the_right() -> None:
    source = Path(__file__).resolve().parents[1] / "data" / "exchanges" / "print-interview-surname.txt"
    title, *paragraphs = [line for line in source.read_text("utf-8").splitlines() if line.strip()]
    pages = [_two_columns(title, paragraphs[:9], 12), _two_columns("", paragraphs[9:], 13)]
    t = parse_extracted(extract(write_pdf(pages, font_size=10), ".pdf"))
    said = [" ".join(p.split(": ", 1)[-1].split()) for p in paragraphs]
    assert [turn.text for turn in t.turns] == said  # every turn whole and in order, none mixed with its neighbour
    assert t.metadata.title == title
    assert sum(1 for e in t.exchanges if e.question is not None) >= 6  # the printed interview's prompts
    assert_lossless(t)


def test_a_cover_of_fields_in_two_columns_is_no_page_of_columns() -> None:
    """Short fields beside their values (a hearing's cover, a table) stay row by row."""
    fields = [(72, HEIGHT - 100 - 14 * i, f"Field number {i}") for i in range(12)]
    values = [(340, HEIGHT - 100 - 14 * i, f"Value {i}") for i in range(12)]
    t = extract(write_pdf([Page(fields + values)]), ".pdf")
    assert "Field number 0" in t.text and t.text.index("Value 0") < t.text.index("Field number 1")


def test_a_speaker_who_opens_a_page_opens_a_turn() -> None:
    first = ["HARRIS: You opened the shop in 1984.", "DUNBAR: I did. My father had a van round the estates."]
    second = ["HARRIS: And the first year was hard.", "DUNBAR: Brutal. The ovens failed twice that winter."]
    pages = [Page([*((72, HEIGHT - 100 - 24 * i, line) for i, line in enumerate(lines)), (300, 40, str(n))])
             for n, lines in ((1, first), (2, second))]
    t = parse_extracted(extract(write_pdf(pages), ".pdf"))
    assert [turn.text for turn in t.turns] == [line.split(": ", 1)[1] for line in first + second]
    assert_lossless(t)


def test_a_page_in_three_columns_reads_them_left_to_right() -> None:
    import textwrap

    said = [f"SPEAKER {'ABC'[i % 3]}: " + " ".join(f"word{i}x{j}" for j in range(24)) for i in range(9)]
    rows: list[str] = []
    for paragraph in said:
        rows += [*textwrap.wrap(paragraph, 26), ""]
    third = (len(rows) + 2) // 3
    lines = [(x, HEIGHT - 80 - 12 * i, row) for n, x in enumerate((40, 225, 410))
             for i, row in enumerate(rows[n * third:(n + 1) * third]) if row]
    t = parse_extracted(extract(write_pdf([Page(lines)], font_size=10), ".pdf"))
    assert [turn.text for turn in t.turns] == [paragraph.split(": ", 1)[1] for paragraph in said]
