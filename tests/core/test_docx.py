"""Word transcripts: cover pages as metadata, speakers from bold labels, service time stamps and tables, headings
as sections, plain labelled paragraphs left to the layouts; damaged files refused with one clear line."""

from __future__ import annotations

import io
import string
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.containers import ContainerError, extract
from reader.core.loader import TranscriptError, load_transcript, parse_extracted
from reader.core.model import AsideKind, Transcript
from tests.core.docx_writer import bold, docx, para, run, table
from tests.core.layout_checks import assert_lossless
from tests.core.test_lossless import problems

DATA = Path(__file__).parents[1] / "data" / "containers"


def read(data: bytes, suffix: str = ".docx") -> Transcript:
    return parse_extracted(extract(data, suffix))


def turns(t: Transcript) -> list[tuple[str, str, float | None]]:
    return [(t.speaker(turn).name, turn.text, turn.start) for turn in t.turns]


def test_oral_history_cover_page_labels_and_headings() -> None:
    t = load_transcript(DATA / "oral-history.docx")
    assert (t.source_format, t.layout) == ("docx", "structured")
    assert [name for name, _, _ in turns(t)] == ["Priya Natarajan", "Walter Brennan"] * 3
    # A soft line break joins; an unlabelled paragraph goes on with the speaker.
    assert [p.text for p in t.turns[1].paragraphs] == [
        "The smell, before anything. Tar and fish and coal smoke. My mother hated it and my father never noticed it.",
        "We lived above the chandler's on Church Street until I was twelve."]
    assert t.turns[4].text == "When did you leave school?"  # a label split over two bold runs
    meta = t.metadata
    assert (meta.title, meta.date, meta.place) == ("The Harbour Lights Oral History", "2021-10-12",
                                                   "Whitby, North Yorkshire")
    assert [a.text for a in t.boilerplate] == ["The Harbour Lights Oral History", "Interviewer: Priya Natarajan",
                                               "Interviewee: Walter Brennan", "Date: 12 October 2021",
                                               "Location: Whitby, North Yorkshire"]
    assert [(h.title, h.level, h.turn) for h in t.headings] == [("Growing up on the harbour", 1, 0),
                                                                 ("Leaving school", 2, 4)]
    assert t.speaker(t.turns[0]).role == "interviewer"
    assert_lossless(t)


def test_otter_export_times_become_start_times() -> None:
    t = load_transcript(DATA / "otter-export.docx")
    assert turns(t) == [
        ("Speaker 1", "Okay, I think everyone is here. Shall we start with the budget?", 2.0),
        ("Dana Whitfield", "Yes. I sent the numbers round this morning, so I will keep it short.", 9.0),
        ("Speaker 1", "Great, go ahead.", 17.0),
        ("Dana Whitfield", "We are about four percent over on travel and under on everything else.", 19.0)]
    assert t.metadata.title == "Weekly planning call"
    assert [a.text for a in t.boilerplate] == ["Weekly planning call", "Transcribed by https://otter.ai"]
    assert [a.text for a in t.asides if a.kind is AsideKind.FURNITURE] == ["0:02", "0:09", "0:17", "0:19"]
    assert_lossless(t)


def test_a_print_interview_with_bold_questions_and_no_labels() -> None:
    """A newspaper interview written up in Word: each bold paragraph asks (a statement put to her too), the plain
    ones after it answer; the heading names who answers, the credit below who asks, and is set aside."""
    t = load_transcript(DATA / "print-interview.docx")
    assert t.layout == "structured" and t.metadata.title == "Interview with Dr. Maria Santos"
    assert [t.speaker(turn).name for turn in t.turns] == ["Unknown speaker", *["Tom Hale", "Dr. Maria Santos"] * 4]
    assert t.turns[4].text == ("Sea walls buy time, but they move the problem along the coast.\n\n"
                               "Further south the council has stopped repairing them.")
    assert [t.turns[e.first_turn].text for e in t.exchanges if e.question is not None] == [
        "How fast is the coast retreating?", "What can be done?", "Managed retreat is unpopular.", "Who pays?"]
    assert "Interview by Tom Hale." in {a.text for a in t.boilerplate}
    assert_lossless(t)


def test_table_of_time_speaker_and_text() -> None:
    t = load_transcript(DATA / "focus-group-table.docx")
    assert turns(t)[:3] == [
        ("Moderator", "Thanks for coming out on a wet night. Let's go round and say names.", 4.0),
        ("Ruth", "I'm Ruth, I've lived on the estate for twenty years.", 11.0),
        ("Kwame", "Kwame. Five years, give or take.", 16.0)]
    assert [a.text for a in t.boilerplate] == ["Focus group 3, Tuesday evening session", "Time\nSpeaker\nTranscript"]
    assert_lossless(t)


def test_table_columns_in_another_order_without_a_header() -> None:
    t = read(docx(table([["Ann", "Where did it start?", "[00:01:02]"],
                         ["Bob", "In the kitchen, of all places.", "[00:01:09]"]])))
    assert turns(t) == [("Ann", "Where did it start?", 62.0), ("Bob", "In the kitchen, of all places.", 69.0)]
    assert "00:01" not in " ".join(turn.text for turn in t.turns)
    assert_lossless(t)


def test_a_title_row_over_the_columns_is_furniture() -> None:
    t = read(docx(table([["Session 2, recorded at the library"], ["0:05", "Ann", "We can start."],
                         ["0:09", "Bob", "Ready when you are."]])))
    assert turns(t) == [("Ann", "We can start.", 5.0), ("Bob", "Ready when you are.", 9.0)]
    assert [a.text for a in t.boilerplate] == ["Session 2, recorded at the library"]


def test_a_table_that_is_not_a_transcript_is_text() -> None:
    t = read(docx(para("Question: Where were you?"), table([["Budget", "£4,000 for the year and more"]]),
                  para("Answer: At home."), para("Question: Alone?"), para("Answer: Yes.")))
    assert t.layout == "labelled"
    assert "Budget" in t.turns[0].text


def test_times_closing_a_labelled_paragraph_are_start_times() -> None:
    t = read(docx(para("Speaker 1: So where do we begin? (00:59)"), para("Speaker 2: At the start. (01:04)"),
                  para("And then the middle."), para("Speaker 1: Fair enough. (1:01:30)")))
    assert turns(t) == [("Speaker 1", "So where do we begin?", 59.0),
                        ("Speaker 2", "At the start.\n\nAnd then the middle.", 64.0),
                        ("Speaker 1", "Fair enough.", 3690.0)]
    assert_lossless(t)


@pytest.mark.parametrize("opening", ["[00:00:05] {name}: {text}", "{name} (00:00:05): {text}"])
def test_times_opening_a_labelled_paragraph_are_start_times(opening: str) -> None:
    body = [para(opening.format(name=n, text=x)) for n, x in (("Rosa", "Hello."), ("Ian", "Hi, Rosa."))]
    t = read(docx(*body))
    assert turns(t) == [("Rosa", "Hello.", 5.0), ("Ian", "Hi, Rosa.", 5.0)]


def test_bold_names_alone_above_their_paragraphs() -> None:
    t = read(docx(para(bold("MARIA ALVES")), para("I came in 1989."), para("It rained all week."),
                  para(bold("JOHN")), para("And you stayed?"), para(run("MARIA ALVES", strong=True)), para("I did.")))
    assert turns(t) == [("Maria Alves", "I came in 1989.\n\nIt rained all week.", None),
                        ("John", "And you stayed?", None), ("Maria Alves", "I did.", None)]
    assert_lossless(t)


def test_a_bold_title_above_bold_names_is_the_title_not_a_speaker() -> None:
    t = read(docx(para(bold("Conversation with Maria Alves")), para(bold("JOHN")), para("When did you come?"),
                  para(bold("MARIA ALVES")), para("In 1989."), para(bold("JOHN")), para("Why?")))
    assert [name for name, _, _ in turns(t)] == ["John", "Maria Alves", "John"]
    assert t.metadata.title == "Conversation with Maria Alves"


def test_plain_labels_that_recur_open_turns_beside_bold_ones() -> None:
    t = read(docx(para(bold("Q:"), " Where were you born?"), para("A: In Porto."),
                  para(bold("Q:"), " And school?"), para("A: In Lisbon, later.")))
    assert [name for name, _, _ in turns(t)] == ["Q", "A", "Q", "A"]


def test_plain_labelled_paragraphs_go_to_the_layouts() -> None:
    t = read(docx(para("First session", style="Heading1"), para("Question: Why now?"),
                  para("Mayor: Because the budget\nwas finally passed."), para("Question: And then?"),
                  para("Mayor: We build.")))
    assert (t.layout, t.source_format) == ("labelled", "docx")
    assert turns(t)[1] == ("Mayor", "Because the budget was finally passed.", None)
    assert [(h.title, h.turn) for h in t.headings] == [("First session", 0)]
    assert_lossless(t)


def test_lines_hard_wrapped_into_paragraphs_of_their_own_are_joined() -> None:
    body = [para("Question: When did the mill"), para("close, and who kept"), para("working there?"),
            para("Answer: In 1984. Most of us"), para("went to the docks."), para("Some never worked again."),
            para("Question: And you?"), para("Answer: The docks.")]
    t = read(docx(*body))
    assert t.layout == "labelled"
    assert [[p.text for p in turn.paragraphs] for turn in t.turns][:2] == [
        ["When did the mill close, and who kept working there?"],
        ["In 1984. Most of us went to the docks.", "Some never worked again."]]
    structured = read(docx(para(bold("Ann:"), " I was thinking"), para("about the budget."),
                           para(bold("Bob:"), " Yes.")))
    assert [turn.text for turn in structured.turns] == ["I was thinking about the budget.", "Yes."]
    assert_lossless(structured)


def test_headings_found_without_a_styles_part() -> None:
    t = read(docx(para("Part two", style="Heading2"), para("Question: Ready?"), para("Answer: Yes."),
                  para("Question: Go?"), para("Answer: Go."), styles=False))
    assert [(h.title, h.level) for h in t.headings] == [("Part two", 2)]


def test_a_question_to_the_interviewer_is_not_a_cover_field() -> None:
    t = read(docx(para("Interviewer: So where were you born?"), para("Narrator: In Cork."),
                  para("Interviewer: And your parents?"), para("Narrator: Cork too.")))
    assert [name for name, _, _ in turns(t)] == ["Interviewer", "Narrator"] * 2


def test_the_core_properties_title_is_the_fallback_title_but_their_date_is_no_interview_date() -> None:
    t = read(docx(para("Question: Hello?"), para("Answer: Hi."), para("Question: Well?"), para("Answer: Yes."),
                  title="Interview with the harbour master", created="2020-02-14T08:00:00Z"))
    assert (t.metadata.title, t.metadata.date) == ("Interview with the harbour master", None)
    dated = read(docx(para("Date: 12 October 2021"), para("Question: Hello?"), para("Answer: Hi."),
                      para("Question: Well?"), para("Answer: Yes."), created="2024-01-03T08:00:00Z"))
    assert dated.metadata.date == "2021-10-12"  # the text's own date, whatever the file's


def test_the_date_under_a_calls_title_is_its_date() -> None:
    """Otter and Teams write the call's name, then when it was, above the first speaker."""
    t = read(docx(para("Project sync-20240312_100312-Meeting Recording"), para("March 12, 2024, 10:03AM"),
                  para("42m 10s"), para("Priya Raman   0:03"), para("Can everyone hear me?"),
                  para("Tom Becker   0:11"), para("Yes."), para("Priya Raman   0:19"), para("Good."),
                  para("Tom Becker   0:22"), para("Let's start.")))
    assert (t.metadata.title, t.metadata.date, t.metadata.time) == (
        "Project sync-20240312_100312-Meeting Recording", "2024-03-12", "10:03")
    assert [name for name, _, _ in turns(t)] == ["Priya Raman", "Tom Becker"] * 2


def test_deleted_text_is_not_read() -> None:
    deleted = '<w:del w:id="1" w:author="x"><w:r><w:delText>secret draft</w:delText></w:r></w:del>'
    t = read(docx(para(bold("Ann:"), " Kept.", deleted), para(bold("Bob:"), " Also kept.")))
    assert turns(t) == [("Ann", "Kept.", None), ("Bob", "Also kept.", None)]


def test_the_content_decides_not_the_name() -> None:
    data = (DATA / "otter-export.docx").read_bytes()
    assert extract(data, ".zip").source_format == "docx"
    assert extract(data, "").source_format == "docx"


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize(("data", "suffix", "reason"), [
    ((DATA / "truncated.docx").read_bytes(), ".docx", "a damaged Word document"),
    (_zip({"word/document.xml": "<w:document"}), ".docx", "a damaged Word document"),
    (_zip({"content.xml": "<x/>"}), ".docx", "without a Word document in it"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") * 4, ".docx",
     "a password-protected Word document"),
])
def test_unreadable_word_files_say_why(data: bytes, suffix: str, reason: str) -> None:
    with pytest.raises(ContainerError, match=reason):
        extract(data, suffix)


def test_a_document_that_unzips_to_too_much_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.containers import docx as container

    monkeypatch.setattr(container, "_MAX_PART", 1000)
    data = docx(*[para("Ann: words and more words") for _ in range(100)])
    with pytest.raises(ContainerError, match="too large to be a transcript"):
        extract(data, ".docx")


def test_a_damaged_docx_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["info", str(DATA / "truncated.docx")])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "a damaged Word document (.docx)" in err
    with pytest.raises(TranscriptError, match="damaged Word document"):
        load_transcript(DATA / "truncated.docx")


def test_other_office_files_and_old_word_files_are_named() -> None:
    with pytest.raises(ValueError, match="Office document other than Word"):
        extract(_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), ".odt")
    with pytest.raises(ValueError, match=r"old Office document \(\.doc\)"):
        extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc")


_TEXT = st.text(alphabet=string.ascii_letters + string.digits + " .,:;?!'()[]-\t\n&<>\"é’", max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["", "Ann:", "Speaker 1  0:05", "BOB", "Interviewer:", "Date:", "Q12\tChair:",
                                           "Q3 Ann:", "Frage:", "F:", "P."]),
                          st.booleans(), _TEXT, st.sampled_from(["", "Heading1", "Title"])), max_size=20))
def test_any_paragraphs_written_into_a_docx_are_read_whole(paragraphs: list[tuple[str, bool, str, str]]) -> None:
    body = [para(*([run(label, bold=is_bold)] if label else []), run(text), style=style or None)
            for label, is_bold, text, style in paragraphs]
    extracted = extract(docx(*body), ".docx")
    written = "".join(label + text for label, _, text, _ in paragraphs)
    assert "".join(extracted.text.split()) == "".join(written.split())
    t = parse_extracted(extracted)
    assert problems(t) == []
