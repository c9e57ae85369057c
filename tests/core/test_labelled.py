"""Labelled paragraphs in the shapes real files take, and colons in prose that are not labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats.dates import clock_time
from reader.core.loader import load_transcript, parse_text
from reader.core.model import AsideKind, Role, Transcript
from tests.core.layout_checks import assert_lossless

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def who_said(t: Transcript) -> list[tuple[str, str]]:
    return [(t.speaker(turn).name, turn.text) for turn in t.turns]


def load(name: str) -> Transcript:
    return load_transcript(LAYOUTS / name)


def test_q_and_a_on_consecutive_lines() -> None:
    t = load("labelled-qa.txt")
    assert t.layout == "labelled"
    assert [t.speaker(turn).label for turn in t.turns] == ["Q", "A"] * 3
    assert t.speaker_by_key["q"].role is Role.INTERVIEWER
    assert t.speaker_by_key["a"].role is Role.INTERVIEWEE
    # A line without a label continues the answer; `20:08` is a time, not a label.
    assert t.turns[3].text == ("Anything. I washed dishes at a place on Canal Street. "
                               "The owner paid cash every Friday at 20:08 sharp, never a minute late.")
    assert [e.label for e in t.exchanges] == ["Q1", "Q2", "Q3"]


def test_capitals_and_honorifics() -> None:
    t = load("labelled-caps.txt")
    assert [s.name for s in t.speakers] == ["The President", "Mr. Smith", "Ms. Garcia"]
    assert t.metadata.title == "REMARKS BY THE PRESIDENT AT A TOWN HALL"
    assert t.turns[0].text == ("Thank you. Thank you, everybody. Please, have a seat.\n\n"
                               "I want to start by thanking the mayor for hosting us today.")
    assert "Note: the money is already in the budget" in t.turns[4].text
    assert t.speaker(t.turns[4]).name == "The President"


def test_titles_and_initials() -> None:
    t = load("labelled-titles.txt")
    assert {s.label for s in t.speakers} == {"Dr. J. Doe", "Mr Putin"}
    assert len(t.turns) == 6
    # `Remember:` opens a paragraph but is prose: it continues Mr Putin's answer.
    assert t.turns[3].text.endswith("Remember: a vacuum in arms control is dangerous for everyone.")
    assert len(t.turns[3].paragraphs) == 2


def test_markdown_bold_labels_and_front_matter() -> None:
    t = load("labelled-markdown.md")
    assert (t.metadata.title, t.metadata.date) == ("A Conversation with Jane Doe", "2021-03-14")
    assert who_said(t)[:2] == [("Jane Doe", "It started with a kitchen table and a borrowed laptop."),
                               ("Interviewer", "How many people work here now?")]
    assert t.speaker_by_key["interviewer"].role is Role.INTERVIEWER
    front = [a for a in t.asides if a.kind is AsideKind.HEADER]
    assert len(front) == 1 and front[0].text.startswith("---\ntitle:")
    assert t.turns[2].paragraphs[1].text == "We moved into this building in 2019. Note: the lease runs until 2029."
    assert t.turns[0].label_span is not None
    # The .md file is read rendered, its bold gone; the same text as plain text keeps the bold in its label.
    assert t.source[slice(*t.turns[0].label_span)] == "Jane Doe:"
    raw = parse_text((LAYOUTS / "labelled-markdown.md").read_text(encoding="utf-8"))
    assert raw.turns[0].label_span is not None
    assert raw.source[slice(*raw.turns[0].label_span)] == "**Jane Doe:**"


def test_press_briefing() -> None:
    t = load("labelled-briefing.txt")
    assert [t.speaker(turn).label for turn in t.turns] == ["MS. PSAKI", "Q"] * 3 + ["MS. PSAKI"]
    assert t.speaker_by_key["q"].role is Role.INTERVIEWER
    assert t.speaker_by_key["ms psaki"].name == "Ms. Psaki"
    assert t.metadata.title == "PRESS BRIEFING BY PRESS SECRETARY JEN PSAKI"
    assert t.metadata.time == "13:04"
    # Lines hard-wrapped at 72 columns are joined; the blank line starts a second paragraph.
    first = t.turns[0]
    assert [p.text[:25] for p in first.paragraphs] == ["Good afternoon, everyone.", "Second, the Secretary of "]
    assert "at the top before we get to your questions." in first.paragraphs[0].text
    # `Q` followed by spaces, some of them no-break, is the reporter's label.
    assert t.turns[3].text == "Does that include raising the rate to 25 percent?"
    assert t.turns[1].text.startswith("Thank you, Jen. On the infrastructure plan: is the President willing to")
    boilerplate = [a.text.strip() for a in t.boilerplate]
    assert "THE WHITE HOUSE" in boilerplate
    assert boilerplate[-1].startswith("END")
    assert t.turns[-1].text == "We will have more on the schedule later this week. Thanks, everyone."


def test_colons_in_prose_are_not_labels() -> None:
    t = load("labelled-prose-colons.txt")
    assert [s.label for s in t.speakers] == ["Sarah Lee", "Tom Brandt"]
    assert len(t.turns) == 5
    assert t.turns[2].text == ("Nobody knows. Note: the minutes do not say either.\n\nHere is what we do know: the "
                               "room was booked for an hour, and the reason was simple: the chairman had a train "
                               "to catch.")
    assert t.turns[4].text.endswith("Remember: they had been talking about it for a year.")


@pytest.mark.parametrize("prose", [
    "Note: this is not a speaker.\n\nIt is a note in a memo, written at 20:08.",
    "The reason was simple: nobody asked.\n\nAnd so it went on.",
    "Meeting at 20:08: bring the papers.\n\nWarning: the room is small.",
    "Dear Anna:\n\nThe plan is simple: we go at dawn.\n\nRegards: Tom",
])
def test_prose_with_colons_reads_as_plain(prose: str) -> None:
    t = parse_text(prose)
    assert t.layout == "plain"
    assert [s.label for s in t.speakers] == ["Unknown speaker"]


def test_a_label_that_recurs_is_a_speaker_even_as_one_word() -> None:
    text = "Anna: Hello.\n\nBoris: Hi.\n\nAnna: How are you?\n\nBoris: Fine.\n"
    t = parse_text(text)
    assert t.layout == "labelled"
    assert [t.speaker(turn).label for turn in t.turns] == ["Anna", "Boris", "Anna", "Boris"]


def test_a_one_off_name_joins_a_labelled_file() -> None:
    text = ("Host: Welcome back.\n\nGuest: Thanks.\n\nHost: Let's take a call.\n\n"
            "Audience Member: Is the bridge going to be finished this year?\n\nGuest: Next spring.\n")
    t = parse_text(text)
    assert [t.speaker(turn).label for turn in t.turns] == ["Host", "Guest", "Host", "Audience Member", "Guest"]


def test_label_alone_on_its_line() -> None:
    text = "Sergey Lavrov:\nWe do not believe in regime change.\n\nQuestion:\nNever?\n\nSergey Lavrov:\nNever.\n"
    t = parse_text(text)
    assert who_said(t) == [("Sergey Lavrov", "We do not believe in regime change."), ("Question", "Never?"),
                           ("Sergey Lavrov", "Never.")]


def test_unlabelled_opening_prose_is_kept_as_a_turn() -> None:
    text = ("In this episode we talk to a baker about bread, flour and early mornings.\n\n"
            "Host: When do you start?\n\nBaker: At four.\n\nHost: Every day?\n\nBaker: Six days a week.\n")
    t = parse_text(text)
    assert t.speaker(t.turns[0]).label == "Unknown speaker"
    assert t.turns[0].text.startswith("In this episode")
    assert len(t.turns) == 5


def test_lines_not_wrapped_are_paragraphs_of_their_own() -> None:
    long_a = "This is a long paragraph written on one line without any hard wrapping at all, " * 2
    long_b = "And this is the next paragraph, also on one line, with no blank line between the two. " * 2
    text = f"Jane: Hello there.\nJohn: {long_a.strip()}\n{long_b.strip()}\nJane: Thanks.\nJohn: Bye.\n"
    t = parse_text(text)
    assert t.layout == "labelled"
    assert [len(turn.paragraphs) for turn in t.turns] == [1, 2, 1, 1]


def test_a_heading_with_a_colon_is_not_a_speaker() -> None:
    text = ("Episode 42: The Baker\nMarch 3, 2019\n\nHost: When do you start?\n\nBaker: At four.\n\n"
            "Host: Every day?\n\nBaker: Six days a week.\n")
    t = parse_text(text)
    assert [s.label for s in t.speakers] == ["Host", "Baker"]
    assert (t.metadata.title, t.metadata.date) == ("Episode 42: The Baker", "2019-03-03")


def test_print_interview_with_dotted_q_and_a() -> None:
    text = ("Q. Where did you grow up?\n\nA. In Lyon, above my parents' bakery.\n\nQ. Did you work there?\n\n"
            "A. Every morning before school.\n\nA. Smith, my teacher, thought I slept in class.\n")
    t = parse_text(text)
    assert t.layout == "labelled"
    assert [t.speaker(turn).label for turn in t.turns] == ["Q", "A", "Q", "A"]
    assert t.turns[3].text == "Every morning before school.\n\nSmith, my teacher, thought I slept in class."


def test_one_dotted_initial_is_not_an_answer() -> None:
    text = ("Host: Who taught you?\n\nGuest: Many people.\n\nA. Smith was the first of them, in 1990.\n\n"
            "Host: And then?\n\nGuest: Then nobody.\n")
    t = parse_text(text)
    assert [t.speaker(turn).label for turn in t.turns] == ["Host", "Guest", "Host", "Guest"]
    assert t.turns[1].text.endswith("A. Smith was the first of them, in 1990.")


@pytest.mark.parametrize("note", [
    "Die Äußerungen unserer Gesprächspartner geben deren eigene Auffassungen wieder. Der Deutschlandfunk macht sich "
    "Äußerungen seiner Gesprächspartner in Interviews und Diskussionen nicht zu eigen.",
    "This interview has been edited for length and clarity.",
    "Copyright 2026 Radio North. All rights reserved.",
])
def test_a_publishers_note_after_the_last_turn_is_no_ones_words(note: str) -> None:
    t = parse_text(f"Host: Thank you for coming in.\n\nGuest: My pleasure.\n\nHost: Goodbye.\n\nGuest: Bye.\n\n"
                   f"{note}\n")
    assert_lossless(t)
    assert t.turns[-1].text == "Bye."
    assert note in [a.text.strip() for a in t.asides if a.kind is AsideKind.BOILERPLATE]


def test_a_publishers_note_above_the_page_s_related_links_is_no_ones_words() -> None:
    """The broadcaster's page puts its note (as it writes it, without "Die") above links to more on the subject:
    both are the page's; the last turn ends with what was said."""
    note = ("Äußerungen unserer Gesprächspartner geben deren eigene Auffassungen wieder. Der Deutschlandfunk macht "
            "sich Äußerungen seiner Gesprächspartner in Interviews und Diskussionen nicht zu eigen.")
    links = "Mehr zum Thema\n\nDeutschlandticket: Länder einigen sich\nDB Cargo: Wie die Bahn sparen will"
    t = parse_text(f"Albrecht: Danke für das Gespräch.\n\nBrenner: Gerne.\n\nAlbrecht: Tschüss.\n\n"
                   f"Brenner: Danke schön, Frau Albrecht.\n\n{note}\n\n{links}\n")
    assert_lossless(t)
    assert t.turns[-1].text == "Danke schön, Frau Albrecht."
    assert [t.speaker(turn).label for turn in t.turns] == ["Albrecht", "Brenner"] * 2  # "DB Cargo:" is no one
    # Related links alone, with no note above them, are the page's too.
    t = parse_text(f"Albrecht: Tschüss.\n\nBrenner: Danke schön.\n\nAlbrecht: Bis bald.\n\n"
                   f"Brenner: Gerne.\n\n{links}\n")
    assert t.turns[-1].text == "Gerne."


def test_a_last_turn_that_mentions_copyright_keeps_its_words() -> None:
    # The note must stand in a paragraph of its own: a speaker may talk about copyright in the last turn.
    t = parse_text("Host: And the songs?\n\nGuest: The songs were\ncopyright of the label, not ours.\n")
    assert t.turns[-1].text == "The songs were copyright of the label, not ours."


def test_names_in_lower_case_alone_on_their_lines() -> None:
    """A newspaper's podcast transcript writes each speaker's name in lower case on its own line (its page shows
    them in small capitals), and a clip as `archived recording (who)`."""
    t = load("podcast-lowercase-names.txt")
    assert t.layout == "labelled"
    assert_lossless(t)
    assert [s.name for s in t.speakers] == ["Unknown speaker", "Sabrina Tavernise", "Sarah Kliff",
                                            "Archived Recording (Mayor)"]
    assert [t.speaker(turn).name for turn in t.turns[1:6]] == ["Sabrina Tavernise", "Sarah Kliff",
                                                              "Sabrina Tavernise", "Sarah Kliff",
                                                              "Archived Recording (Mayor)"]
    assert t.turns[3].text == "And what happened to it?"
    assert t.speaker_by_key["sabrina tavernise"].role is Role.INTERVIEWER
    # The host's questions open the exchanges: "where does this story begin?", "Walk me through...", "And is he OK?"
    assert [(e.label, e.first_turn) for e in t.exchanges] == [("Intro", 0), ("Q1", 1), ("Q2", 3), ("Q3", 6),
                                                              ("Q4", 8), ("Q5", 10)]


def test_a_briefing_between_the_clock_lines_of_its_start_and_end() -> None:
    """`1:42 P.M. EDT` above a briefing and `2:21 P.M. EDT` below it tell the time of day: no speaker is called
    "P.M. EDT", and the briefing's own labels are read."""
    t = load("briefing-clock-lines.txt")
    assert t.layout == "labelled"
    assert_lossless(t)
    assert [s.name for s in t.speakers] == ["Ms. Jean-Pierre", "Q"]
    assert len(t.turns) == 13 and t.metadata.time == "13:42"
    assert t.speaker_by_key["q"].role is Role.INTERVIEWER


@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_name_in_lower_case_may_stand_as_a_paragraph_of_its_own(blank: str) -> None:
    text = "".join(f"{name}\n{blank}{words}\n\n" for name, words in [
        ("jane doe", "Where were you that night?"), ("tom reyes", "At the depot, until ten."),
        ("jane doe", "Who saw you there?"), ("tom reyes", "The night guard. He signed me out.")])
    t = parse_text(text)
    assert who_said(t) == [("Jane Doe", "Where were you that night?"), ("Tom Reyes", "At the depot, until ten."),
                           ("Jane Doe", "Who saw you there?"), ("Tom Reyes", "The night guard. He signed me out.")]


def test_short_lines_in_lower_case_in_prose_are_no_names() -> None:
    """A refrain or an aside in lower case alone on its line, however often, names nobody: it holds a function
    word, or only one such line recurs."""
    text = ("and then\nThe rain came down on the harbour.\n\n"
            "and then\nThe boats went out anyway.\n\n"
            "thank you so much\nShe said it to everyone.\n\n"
            "and then\nNobody came back that night.\n\n"
            "low tide\nThe mud shone under the lamps.\n\n"
            "low tide\nWe walked out to the wreck.\n\n")
    t = parse_text(text)
    assert t.layout == "plain" and len(t.speakers) == 1


def test_names_in_mixed_case_alone_on_their_lines_as_hansard_writes_them() -> None:
    """Hansard puts who speaks alone on a line above the words, with their seat and party (or, for a minister,
    the person) in brackets the first time: `Keir Starmer (Holborn and St Pancras) (Lab)`, then `Keir Starmer`."""
    t = load("hansard-names-alone.txt")
    assert t.layout == "labelled"
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == [
        "Sarah Dines", "The Prime Minister", "Sarah Dines", "The Prime Minister", "Mr Speaker", "Keir Starmer",
        "The Prime Minister", "Keir Starmer", "The Prime Minister", "Mr Speaker"]
    assert t.turns[5].text == "The Post Office scandal has ruined lives. When will every conviction be overturned?"
    assert t.source[slice(*t.turns[5].label_span)] == "Keir Starmer (Holborn and St Pancras) (Lab)"
    assert (t.metadata.title, t.metadata.date) == ("Engagements", "2024-01-10")
    assert t.speaker_by_key["the prime minister"].role is Role.INTERVIEWEE


def test_hansard_labels_with_a_colon_name_a_member_by_seat_and_a_minister_by_office() -> None:
    """Hansard's debates as a text file: a member's first label gives the seat and party in brackets, then the
    title and surname; a minister is named by office with the person in brackets, then by title and surname. Each
    is one speaker (a member shown by name), and an office's label opens a turn even when it is written once."""
    text = ("Madam Deputy Speaker: I call Tom Ellery to move the motion.\n\n"
            "Mr Tom Ellery (Northbridge) (Lab): I beg to move the motion on the Vale line.\n\n"
            "Mrs Helen Garside (Ashby Marsh) (Con): Will the hon. Member give way?\n\n"
            "Mr Ellery: I will.\n\n"
            "Mrs Garside: Does he agree that the line needs an hourly service?\n\n"
            "Mr Ellery: I do agree.\n\n"
            "Madam Deputy Speaker: I call the Minister.\n\n"
            "The Minister for Rail (Ms Dana Pryor): I congratulate the hon. Member.\n\n"
            "Mr Ellery: Will the Minister give way?\n\n"
            "Ms Pryor: I will.\n\n"
            "The Shadow Minister for Rail and Local Transport (Mr Owen Batty): One word.\n")
    t = parse_text(text)
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == [
        "Madam Deputy Speaker", "Mr Tom Ellery", "Mrs Helen Garside", "Mr Tom Ellery", "Mrs Helen Garside",
        "Mr Tom Ellery", "Madam Deputy Speaker", "The Minister for Rail (Ms Dana Pryor)", "Mr Tom Ellery",
        "The Minister for Rail (Ms Dana Pryor)", "The Shadow Minister for Rail and Local Transport (Mr Owen Batty)"]
    assert t.speaker(t.turns[1]).label == "Mr Tom Ellery (Northbridge) (Lab)"  # the seat and party kept there
    assert t.turns[7].text == "I congratulate the hon. Member."


def test_bundestag_labels_give_the_party_in_brackets_as_written() -> None:
    """A Plenarprotokoll: `Dr. Anja Weisgerber (CDU/CSU):` and `Dr. Anton Hofreiter (BÜNDNIS 90/DIE GRÜNEN):` on
    their own lines above the speech, applause in brackets between, the President giving the floor."""
    text = ("Präsidentin Bärbel Bas:\n\nDas Wort hat die Kollegin Dr. Anja Weisgerber.\n\n"
            "Dr. Anja Weisgerber (CDU/CSU):\n\nFrau Präsidentin! Das Gesetz ist handwerklich schlecht gemacht.\n\n"
            "(Beifall bei der CDU/CSU – Zuruf vom BÜNDNIS 90/DIE GRÜNEN: Das stimmt doch gar nicht!)\n\n"
            "Präsidentin Bärbel Bas:\n\nGestatten Sie eine Zwischenfrage des Kollegen Dr. Hofreiter?\n\n"
            "Dr. Anja Weisgerber (CDU/CSU):\n\nJa, bitte.\n\n"
            "Dr. Anton Hofreiter (BÜNDNIS 90/DIE GRÜNEN):\n\nIst Ihnen bekannt, dass Ihre Regierung das vorbereitet "
            "hat?\n\nDr. Anja Weisgerber (CDU/CSU):\n\nDas ist mir bekannt.\n\n"
            "Präsidentin Bärbel Bas:\n\nDas Wort hat der Kollege Steffen Kotré.\n\n"
            "Steffen Kotré (fraktionslos):\n\nFrau Präsidentin! Dieses Gesetz ist eine Zumutung.\n")
    t = parse_text(text)
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == [
        "Präsidentin Bärbel Bas", "Dr. Anja Weisgerber (CDU/CSU)", "Präsidentin Bärbel Bas",
        "Dr. Anja Weisgerber (CDU/CSU)", "Dr. Anton Hofreiter (BÜNDNIS 90/DIE GRÜNEN)",
        "Dr. Anja Weisgerber (CDU/CSU)", "Präsidentin Bärbel Bas", "Steffen Kotré (fraktionslos)"]
    assert "Zuruf vom BÜNDNIS 90/DIE GRÜNEN" in t.turns[1].text  # the interjection is no speaker


def test_a_french_assembly_s_compte_rendu_names_who_speaks_before_a_period() -> None:
    """The Assemblée nationale and the Sénat write `M. le président.`, `Mme Claire Martin.` or `M. François Braun,
    ministre de la santé.` before the words; a sentence about `M. Dupont` is none, and the president's "La parole
    est à…" opens each exchange."""
    text = ("M. le président. La parole est à M. Jean Dupont, pour le groupe Les Républicains.\n\n"
            "M. Jean Dupont. Madame la Première ministre, quand allez-vous simplifier les règles ?\n\n"
            "(Applaudissements sur les bancs du groupe LR.)\n\n"
            "M. le président. La parole est à Mme la Première ministre.\n\n"
            "Mme Élisabeth Borne, Première ministre. Monsieur le député, nous présenterons un projet de loi. "
            "M. Dupont le sait.\n\n"
            "M. le président. La parole est à Mme Claire Martin.\n\n"
            "Mme Claire Martin. Que comptez-vous faire pour les urgences ?\n")
    t = parse_text(text)
    assert t.layout == "labelled"
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == [
        "M. le président", "M. Jean Dupont", "M. le président", "Mme Élisabeth Borne, Première ministre",
        "M. le président", "Mme Claire Martin"]
    assert t.turns[3].text.endswith("M. Dupont le sait.")
    assert [e.first_turn for e in t.exchanges] == [0, 2, 4]


def test_the_spanish_diario_de_sesiones_names_who_speaks_after_el_senor_or_la_senora() -> None:
    text = ("El señor PRESIDENTE: Pregunta de la diputada doña Ana Vázquez Blanco.\n\n"
            "La señora VÁZQUEZ BLANCO: Señora ministra, ¿cuándo va a bajar los impuestos?\n\n"
            "La señora MINISTRA DE HACIENDA Y FUNCIÓN PÚBLICA (Montero Cuadrado): Señoría, hemos bajado el IVA.\n\n"
            "El señor PRESIDENTE: Muchas gracias, señora ministra. Pregunta del diputado don Íñigo Errejón.\n\n"
            "El señor ERREJÓN GALVÁN: Señor ministro, ¿qué va a hacer con los alquileres?\n")
    t = parse_text(text)
    assert t.layout == "labelled"
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == [
        "El señor Presidente", "La señora Vázquez Blanco",
        "La señora Ministra de Hacienda y Función Pública (Montero Cuadrado)", "El señor Presidente",
        "El señor Errejón Galván"]


def test_a_russian_stenogram_names_who_speaks_by_surname_and_initials() -> None:
    """The Duma's record: `Смирнов И. П.` or `Председательствующий.` before the words; the chair's "Слово
    предоставляется…" opens each exchange."""
    text = ("Председательствующий. Переходим к следующему вопросу. Слово предоставляется Ивану Петровичу "
            "Смирнову.\n\nСмирнов И. П. Уважаемые коллеги! Законопроект направлен на поддержку малого бизнеса.\n\n"
            "Председательствующий. Есть ли вопросы? Пожалуйста.\n\n"
            "Кузнецова О. Н. Иван Петрович, сколько это будет стоить бюджету?\n\n"
            "Смирнов И. П. Спасибо за вопрос. По оценке правительства, около двенадцати миллиардов рублей в год, "
            "и эти деньги уже заложены в бюджет на следующий год.\n\n"
            "Председательствующий. Слово предоставляется Алексею Сергеевичу Волкову.\n\n"
            "Волков А. С. Наша фракция поддержит законопроект.\n")
    t = parse_text(text)
    assert t.layout == "labelled"
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == [
        "Председательствующий", "Смирнов И. П.", "Председательствующий", "Кузнецова О. Н.", "Смирнов И. П.",
        "Председательствующий", "Волков А. С."]
    assert t.turns[1].text.startswith("Уважаемые коллеги!")
    assert [e.first_turn for e in t.exchanges] == [0, 3, 5]


def test_subheadings_that_recur_above_their_paragraphs_are_no_speakers() -> None:
    text = ("Quarterly Review\n\nNorth Region\n\nKey Findings\nSales rose by four per cent.\n\n"
            "Next Steps\nWe will open two more stores.\n\nSouth Region\n\nKey Findings\nSales fell slightly.\n\n"
            "Next Steps\nA new depot opens in March.\n")
    t = parse_text(text)
    assert t.layout == "plain" and len(t.turns) == 1


def test_a_print_interview_set_as_dialogue_lines_asks_by_its_question_marks() -> None:
    """A French newspaper's interview copied from its page: each question and answer a line opening with a dash
    ("— Que leur dites-vous ?"), one newline apart. Each line is a paragraph, not a wrapped line; the questions
    are the interviewer's, named by the credit under the last answer, the answers the minister's, named by the
    lede ("Claire Fontaine, répond aux questions")."""
    t = load("entretien-tirets.txt")
    assert t.layout == "plain"
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == ["Unknown speaker", *["Julien Marty", "Claire Fontaine"] * 6]
    assert t.turns[3].text == "— Concrètement, quelles mesures annoncez-vous ?"
    assert "Propos recueillis par Julien Marty." in {a.text for a in t.boilerplate}
    assert len([e for e in t.exchanges if e.question is not None]) == 6
    wrapped = "This is prose, hard-wrapped at forty\ncharacters. It has a dash in it, a\n– clause – that opens a line."
    assert parse_text(wrapped).turns[0].text == " ".join(wrapped.split())  # one such line is no dialogue


def test_a_print_interview_pasted_as_text_asks_by_its_question_marks() -> None:
    """A ministry's interview copied from its page: the bold of the questions is gone, no labels. Its short
    paragraphs ending with a question mark, each after an answer, are the questions; the lede names who answers
    and the credit who asks (set aside). A statement put to her, in plain text, reads on with her answer before."""
    t = load("pasted-print-interview.txt")
    assert t.layout == "plain"
    assert_lossless(t)
    assert [t.speaker(turn).name for turn in t.turns] == [
        "Unknown speaker", *["Martin Seidel", "Bundesministerin Anna Weber"] * 4]
    assert t.turns[3].text == "Reicht das?"
    assert t.turns[4].text.endswith("Der Netzausbau hinkt seit Jahren hinterher.\n\n"
                                    "Das stimmt. Aber in diesem Jahr haben wir so viele Kilometer genehmigt wie nie "
                                    "zuvor.")
    assert "Die Fragen stellte Martin Seidel." in {a.text for a in t.boilerplate}
    assert len([e for e in t.exchanges if e.question is not None]) == 4


def test_prose_that_asks_now_and_then_stays_one_voice() -> None:
    """Three short paragraphs that ask, among thirteen: an essay's questions to itself, not an interview."""
    text = "\n\n".join([
        "The harbour had been silting up for years, and nobody in the council wanted to pay for the dredging.",
        "Who would pay?",
        "The fishermen said the town should. The town said the port authority should.",
        "The port authority said nothing, and went on saying it for a decade, while the boats moved to Whitby.",
        "Was it worth it?",
        "Nobody could say. The accounts were never published, and the minutes of the meetings were lost.",
        "By then the harbour was a marina, and the question had answered itself.",
        "The last trawler left in 1998. Its skipper still lives above the chandler's.",
        "He says he does not miss it. His wife says otherwise.",
        "And the council?",
        "It moved to new offices on the hill, with a view of the marina it had never planned.",
        "Its leader retired to Spain. His successor has never been to the harbour.",
        "The dredger was sold for scrap in 2004, to a yard in Ghent."])
    t = parse_text(text + "\n")
    assert len(t.turns) == 1 and t.layout == "plain"


@pytest.mark.parametrize(("text", "clock"), [
    ("March 12, 2024, 10:03AM", "10:03"), ("2:30 p.m. EDT", "14:30"), ("12:15 am", "00:15"), ("14:33", "14:33"),
    ("Recorded 9:05 P.M.", "21:05"), ("at 12:00 PM", "12:00"), ("25:10", None), ("7:75", None),
    ("no time here", None),
])
def test_a_time_of_day_as_transcripts_write_it(text: str, clock: str | None) -> None:
    assert clock_time(text) == clock


def test_a_label_that_opens_a_page_after_a_form_feed_opens_a_turn() -> None:
    t = parse_text("HARRIS: You opened the shop.\nDUNBAR: I did.\n\x0cHARRIS: Weddings.\nDUNBAR: Cakes, three tiers.\n"
                   "HARRIS: Your daughter?\nDUNBAR: She does the sourdough.\n")
    assert [(t.speaker(turn).name, turn.text) for turn in t.turns][1:4] == [
        ("Dunbar", "I did."), ("Harris", "Weddings."), ("Dunbar", "Cakes, three tiers.")]
    assert_lossless(t)
