"""Two label styles of real transcripts: a select committee's numbered questions (`Q12 Chair:`, a witness's turn
unnumbered) and a print interview's question and answer marks in several languages (`Pregunta.`/`Respuesta.`
then `P.`/`R.`, `Question.`/`Réponse.`, `Frage:`/`Antwort:`, `F:`/`A:`, `Pergunta`/`Resposta`,
`Вопрос:`/`Ответ:`), in text, HTML and Word. What the reader gets: the speakers, where each turn opens, which
turns are the questions, and what is set aside."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.containers import extract
from reader.core.exchanges import labelled_askers
from reader.core.formats.detect import detect_layout
from reader.core.loader import load_transcript, parse_extracted, parse_text
from reader.core.model import AsideKind, Role, Transcript
from tests.core.docx_writer import bold, docx, para
from tests.core.layout_checks import assert_lossless, labels, names, questions, roles
from tests.core.pdf_writer import text_pages, write_pdf

DATA = Path(__file__).parents[1] / "data"
LAYOUTS = DATA / "layouts"
PAGES = DATA / "containers" / "html"


def load(path: Path) -> Transcript:
    t = load_transcript(path)
    assert_lossless(t)
    return t


def read(text: str) -> Transcript:
    t = parse_text(text)
    assert_lossless(t)
    return t


def read_docx(*paragraphs: str) -> Transcript:
    t = parse_extracted(extract(docx(*paragraphs), ".docx"))
    assert_lossless(t)
    return t


def read_html(body: str) -> Transcript:
    t = parse_extracted(extract(f"<!DOCTYPE html><html><body>{body}</body></html>".encode(), ".html"))
    assert_lossless(t)
    return t






# --- a select committee's oral evidence -----------------------------------------------------------------------


def test_committee_numbers_are_no_part_of_the_speaker() -> None:
    t = load(LAYOUTS / "select-committee.txt")
    assert names(t) == [
        "Chair", "Professor Whitby", "Dr Dutta", "Chair", "Professor Whitby", "Dr Dutta", "Chair", "Dr Okafor",
        "Professor Whitby", "Dr Okafor", "Professor Whitby", "Dr Dutta", "Mrs Marsh", "Dr Dutta", "Chair", "Chair",
        "Martin Hollis", "Tom Pryce", "Martin Hollis", "Ruth Ashworth", "Martin Hollis", "Chair"]
    assert t.turns[0].text == ("Good morning, and welcome to this session on chalk streams. Would you both "
                               "introduce yourselves for the record?")
    # The number stays in the turn's label, as the committee printed it: nothing of it is lost.
    assert labels(t)[:3] == ["Q1                Chair:", "Professor Whitby:", "Dr Dutta:"]
    assert labels(t)[6:8] == ["Chair:", "Q3                Dr Okafor:"]


def test_every_numbered_turn_is_a_question_and_the_committee_asks() -> None:
    t = load(LAYOUTS / "select-committee.txt")
    numbered = [i for i, label in enumerate(labels(t)) if label.startswith("Q")]
    assert len(numbered) == 9
    # A numbered turn opens a question even without a question mark ("I want to pick up on the licences"), and
    # the Chair's second numbered turn in a row is a turn of its own; the Chair's unnumbered "Thank you." is not.
    assert questions(t) == numbered
    assert t.turns[7].text.endswith("I want to pick up on the licences themselves.")
    assert (t.turns[14].text, t.turns[15].text[:24]) == (
        "On that note, we will move to our second panel. Thank you both.", "Good morning, Mr Hollis.")
    assert [e.label for e in t.exchanges] == [f"Q{n}" for n in range(1, 10)]
    assert roles(t) == {
        "Chair": Role.INTERVIEWER, "Professor Whitby": Role.INTERVIEWEE, "Dr Dutta": Role.INTERVIEWEE,
        "Dr Okafor": Role.INTERVIEWER, "Mrs Marsh": Role.INTERVIEWER, "Martin Hollis": Role.INTERVIEWEE,
        "Tom Pryce": Role.INTERVIEWER, "Ruth Ashworth": Role.INTERVIEWER}


def test_headers_keep_the_committees_own_question_numbers() -> None:
    # A later session of an inquiry goes on numbering from the one before: the headers say Q34, as a
    # journalist citing the published transcript would; notes and the turns are the same as at Q1.
    first = (LAYOUTS / "select-committee.txt").read_text(encoding="utf-8")
    later = re.sub(r"^Q(\d)(?=\s)", lambda m: f"Q{int(m[1]) + 33}", first, flags=re.MULTILINE)
    t = read(later)
    assert [e.label for e in t.exchanges] == [f"Q{n}" for n in range(34, 43)]
    assert [turn.id for turn in t.turns] == [turn.id for turn in load(LAYOUTS / "select-committee.txt").turns]
    # Numbers that do not go up are no numbering to show: the count stands.
    shuffled = re.sub(r"^Q5(?=\s)", "Q1", first, flags=re.MULTILINE)
    assert [e.label for e in read(shuffled).exchanges] == [f"Q{n}" for n in range(1, 10)]


def test_committee_front_matter_and_panel_headings_are_set_aside() -> None:
    t = load(LAYOUTS / "select-committee.txt")
    assert t.metadata.title == "Oral evidence: Chalk streams and abstraction, HC 412"
    assert t.metadata.date == "2022-03-09"
    boilerplate = [a.text for a in t.boilerplate]
    assert boilerplate[1:4] == ["Ordered by the House of Commons to be published on 9 March 2022.",
                                "Watch the meeting", "Members present: Sir Andrew Hale (Chair); Ruth Ashworth; "
                                "Dr Neil Okafor; Mrs Helen Marsh; Tom Pryce."]
    assert {"Questions 1 - 9", "Witnesses", "Witnesses: Professor Whitby and Dr Dutta.",
            "Witness: Martin Hollis."} <= set(boilerplate)
    assert [b for b in boilerplate if b.startswith(("I:", "II:"))] == [
        "I: Professor Clare Whitby, Professor of Hydrology, University of Wessex; Dr Samir Dutta, Head of Science, "
        "Chalk Rivers Trust.", "II: Martin Hollis, Director of Water Resources, Southern Vale Water."]
    # Each panel is a section of its own, opening at its first question.
    assert [(h.title, h.turn) for h in t.headings] == [("Examination of witnesses", 0),
                                                       ("Examination of witness", 15)]
    assert [a.text for a in t.asides if a.kind is AsideKind.SECTION] == ["Examination of witnesses",
                                                                          "Examination of witness"]
    assert not any("Witness" in turn.text or "Examination" in turn.text for turn in t.turns)


def test_a_question_number_written_once_is_part_of_the_label() -> None:
    t = read("Anna: Hello.\n\nBen: Hi, Anna.\n\nQ3 Chair: Welcome to the third quarter.\n\nAnna: Thanks.\n\n"
             "Ben: Good.\n")
    assert names(t) == ["Anna", "Ben", "Q3 Chair", "Anna", "Ben"]  # no committee numbers one question only
    assert questions(t) == []


def test_committee_numbers_in_a_web_page_and_in_word() -> None:
    rows = [("Q1 ", "Chair:", " Good morning. Would you introduce yourselves?"),
            ("", "Professor Whitby:", " I am a hydrologist, and I have walked these rivers for twenty years."),
            ("Q2 ", "Dr Okafor:", " I want to pick up on the licences."),
            ("", "Professor Whitby:", " They were granted in the 1960s, when nobody measured the flows."),
            ("Q3 ", "Chair:", " Thank you."), ("Q4 ", "Chair:", " And the meters?"),
            ("", "Professor Whitby:", " Meter every licence and publish the readings every month.")]
    expected = ["Chair", "Professor Whitby", "Dr Okafor", "Professor Whitby", "Chair", "Chair", "Professor Whitby"]
    pages = [
        "".join(f"<p>{n}<strong>{label}</strong>{words}</p>" for n, label, words in rows),  # the number outside
        "".join(f"<p><strong>{n}{label}</strong>{words}</p>" for n, label, words in rows),  # inside the bold
        "".join(f"<p>{n}{label}{words}</p>" for n, label, words in rows),  # no markup: the text layouts
    ]
    documents = [
        [para(n.replace(" ", "\t"), bold(label), words) for n, label, words in rows],
        [para(bold(n + label), words) for n, label, words in rows],
    ]
    for t in [*(read_html(body) for body in pages), *(read_docx(*paragraphs) for paragraphs in documents)]:
        assert names(t) == expected
        assert labels(t)[0].startswith("Q1") and labels(t)[0].endswith("Chair:")
        assert roles(t) == {"Chair": Role.INTERVIEWER, "Professor Whitby": Role.INTERVIEWEE,
                            "Dr Okafor": Role.INTERVIEWER}
        assert questions(t) == [0, 2, 4, 5]


def test_committee_transcript_as_a_pdf_with_wrapped_lines() -> None:
    """The same evidence printed to PDF: lines wrapped at 80 characters, a panel's description over two."""
    text = (LAYOUTS / "select-committee.txt").read_text(encoding="utf-8")
    paragraphs = [p.replace("\n", " ") for p in text.split("\n\n")]
    t = parse_extracted(extract(write_pdf(text_pages(paragraphs)), ".pdf"))
    assert_lossless(t)
    assert t.source_format == "pdf"
    assert names(t)[:4] == ["Chair", "Professor Whitby", "Dr Dutta", "Chair"]
    assert [e.label for e in t.exchanges] == [f"Q{n}" for n in range(1, 10)]
    assert any(a.text.startswith("I: Professor Clare Whitby") and a.text.endswith("Chalk Rivers Trust.")
               for a in t.boilerplate)


# --- a print interview's question and answer marks ------------------------------------------------------------


def test_el_pais_style_page_pregunta_then_p() -> None:
    t = load(PAGES / "elpais-entrevista.html")
    assert t.source_format == "html"
    assert names(t) == ["Unknown speaker", *["Pregunta", "Respuesta"] * 4]
    assert labels(t)[1:5] == ["Pregunta.", "Respuesta.", "P.", "R."]
    assert t.turns[0].text.startswith("Lucía Ferrer (Valencia, 1961) recibe en su estudio")  # the lede
    assert t.turns[1].text == "¿Cómo era el barrio cuando llegó?"
    assert t.turns[4].text == ("La luz, y la gente mayor que seguía allí. Eran los únicos que sabían cómo se "
                               "habían hecho aquellas casas.\n\n"
                               "Aprendí más de un albañil jubilado que en cinco años de escuela.")
    # Every question is one, the one without a question mark too; the answers are the interviewee's, named
    # "Respuesta" as the page does: the title's name is not guessed to be hers.
    assert questions(t) == [1, 3, 5, 7]
    assert t.turns[5].text == "Usted dijo una vez que el barrio se salvó demasiado bien."
    assert roles(t) == {"Unknown speaker": Role.OTHER, "Pregunta": Role.INTERVIEWER,
                        "Respuesta": Role.INTERVIEWEE}
    boilerplate = {a.text for a in t.boilerplate}
    assert {"Más información", "La huerta que resiste", "Urbanismo Valencia Arquitectura",
            "© Ediciones del Diario S.L. 2023"} <= boilerplate
    assert t.metadata.date == "2023-05-14"


def test_french_question_reponse_then_q_r() -> None:
    t = load(LAYOUTS / "entrevue-qr.txt")
    assert t.layout == "labelled"
    assert names(t) == ["Unknown speaker", *["Question", "Réponse"] * 4]
    assert labels(t)[1:5] == ["Question.", "Réponse.", "Q.", "R."]
    assert t.turns[1].text == "Comment êtes-vous devenue batelière ?"
    # `la question. Pourquoi ?` inside an answer is prose, not a label.
    assert t.turns[4].text.endswith("On me pose souvent la question. Pourquoi ? Les péniches de fret ne "
                                    "pouvaient plus lutter contre les camions.")
    assert questions(t) == [1, 3, 5, 7]
    assert roles(t)["Question"] is Role.INTERVIEWER and roles(t)["Réponse"] is Role.INTERVIEWEE
    assert t.metadata.title == "« Le fleuve a changé, et nous avec lui »"
    assert t.turns[0].text.startswith("Entretien avec Hélène Marchand")


def test_german_f_and_a() -> None:
    t = load(LAYOUTS / "interview-frage-antwort.txt")
    assert t.layout == "labelled"
    assert names(t) == ["Unknown speaker", *["F", "A"] * 5]
    assert roles(t) == {"Unknown speaker": Role.OTHER, "F": Role.INTERVIEWER, "A": Role.INTERVIEWEE}
    # "Reden wir über den Tourismus." asks without a question mark: the label says it asks.
    assert questions(t) == [1, 3, 5, 7, 9]
    assert t.turns[7].text == "Reden wir über den Tourismus."
    assert t.turns[6].text.endswith("Das ist die ehrliche Antwort: Geld fehlt.")  # a colon in prose


@pytest.mark.parametrize(("text", "expected"), [
    ("Frage: Wie fing alles an?\n\nAntwort: In Berlin, im Jahr 2010.\n\nFrage: Und dann?\n\n"
     "Antwort: Die Krise.\n", ["Frage", "Antwort"] * 2),
    ("Pregunta: ¿Cómo empezó?\n\nRespuesta: En Madrid.\n\nP: ¿Y luego?\n\nR: La crisis.\n",
     ["Pregunta", "Respuesta"] * 2),
    ("Pergunta: Como começou?\n\nResposta: Em Lisboa.\n\nPergunta: E depois?\n\nResposta: A crise.\n",
     ["Pergunta", "Resposta"] * 2),
    ("Pergunta. Como começou?\n\nResposta. Em Lisboa.\n\nP. E depois?\n\nR. A crise.\n",
     ["Pergunta", "Resposta"] * 2),
    ("Вопрос: Как всё началось?\n\nОтвет: В Москве.\n\nВопрос: А потом?\n\nОтвет: Кризис.\n",
     ["Вопрос", "Ответ"] * 2),
    ("Вопрос. Как всё началось?\n\nОтвет. В Москве.\n\nВопрос. А потом?\n\nОтвет. Кризис.\n",
     ["Вопрос", "Ответ"] * 2),
    ("Q. Comment ?\n\nR. Ainsi.\n\nQ. Et après ?\n\nR. Rien.\n", ["Q", "R"] * 2),
    ("P.—¿Cómo empezó?\n\nR.—En Madrid.\n\nP.— ¿Y luego?\n\nR.— La crisis.\n", ["P", "R"] * 2),
    ("Q. When did you open the shop?\n\nA. In 1994.\n\nQ. Was it hard?\n\nA. Every winter.\n", ["Q", "A"] * 2),
])
def test_question_and_answer_marks_in_every_language(text: str, expected: list[str]) -> None:
    t = read(text)
    assert detect_layout(text) == "labelled"
    assert names(t) == expected
    assert questions(t) == [0, 2]
    assert t.speaker(t.turns[0]).role is Role.INTERVIEWER
    assert t.speaker(t.turns[1]).role is Role.INTERVIEWEE
    assert not any(turn.text[:1] in ".:—-" for turn in t.turns)  # the mark is the label's, not the words'


def test_marks_in_word_bold_runs() -> None:
    t = read_docx(para(bold("Frage:"), " Wie fing alles an?"), para(bold("Antwort:"), " In Berlin."),
                  para(bold("F:"), " Und dann?"), para(bold("A:"), " Die Krise."),
                  para(bold("F:"), " Reden wir über heute."), para(bold("A:"), " Heute geht es besser."))
    assert names(t) == ["Frage", "Antwort"] * 3  # `F:` after `Frage:` is the same speaker
    assert questions(t) == [0, 2, 4]
    t = read_docx(para(bold("Pregunta."), " ¿Cómo empezó todo?"), para(bold("Respuesta."), " En 2010."),
                  para(bold("P."), " ¿Y después?"), para(bold("R."), " La crisis."),
                  para(bold("P."), " Usted dijo que no."), para(bold("R."), " Lo dije."))
    assert names(t) == ["Pregunta", "Respuesta"] * 3
    assert questions(t) == [0, 2, 4]


def test_p_and_r_alone_in_a_page() -> None:
    t = read_html("<p>La arquitecta habla de su carrera.</p>" + "".join(
        f"<p><b>P.</b> {q}</p><p><b>R.</b> {a}</p>"
        for q, a in [("¿Cómo empezó?", "En Madrid."), ("Usted dijo que no.", "Lo dije."), ("¿Y hoy?", "Bien.")]))
    assert names(t) == ["Unknown speaker", *["P", "R"] * 3]  # no word to name them: the letters as printed
    assert questions(t) == [1, 3, 5]
    assert roles(t)["P"] is Role.INTERVIEWER


# --- what is no label -------------------------------------------------------------------------------------------


def test_marks_inside_prose_are_not_labels() -> None:
    text = ("The committee met on Tuesday. Question. Why did nobody ask? Answer. Because nobody knew.\n\n"
            "Question. Why would anyone read the minutes? That was the mood in the room.\n\n"
            "Later the chair wrote to the members, and the members wrote back.\n")
    assert detect_layout(text) == "plain"
    assert names(read(text)) == ["Unknown speaker"]


def test_initials_opening_lines_are_not_marks() -> None:
    text = ("He had read everything by\nP. G. Wodehouse and most of\nR. K. Narayan, whose novels were\n"
            "P. D. James's favourites, and\nR. S. Thomas too.\n")
    assert names(read(text)) == ["Unknown speaker"]


@pytest.mark.parametrize(("speakers", "askers"), [
    ({"f", "a"}, {"f"}), ({"p", "r"}, {"p"}), ({"q", "r"}, {"q"}), ({"q", "a"}, {"q"}),
    ({"f", "m"}, set()), ({"p", "i"}, set()), ({"r", "a"}, set()), ({"pregunta", "respuesta"}, {"pregunta"}),
    ({"pergunta", "resposta"}, {"pergunta"}), ({"frage", "antwort"}, {"frage"}),
])
def test_a_question_letter_asks_only_beside_its_answer_letter(speakers: set[str], askers: set[str]) -> None:
    """`F:` beside `M:` may be a facilitator or a woman, `P:` beside `I:` a participant: only a pair's letters
    say who asks."""
    assert labelled_askers(speakers) == askers
