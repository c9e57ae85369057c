"""The label styles people's transcripts use, and the names the reader shows for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats.detect import detect_layout
from reader.core.formats.names import display_name, display_names
from reader.core.loader import load_transcript, parse_text
from reader.core.model import AsideKind, Role, Transcript
from tests.core.layout_checks import assert_lossless, names

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def load(name: str) -> Transcript:
    t = load_transcript(LAYOUTS / name)
    assert_lossless(t)
    return t


def who_said(t: Transcript) -> list[tuple[str, str]]:
    return [(t.speaker(turn).name, turn.text) for turn in t.turns]



@pytest.mark.parametrize(("name", "layout"), [
    ("congressional-record.txt", "labelled"), ("labelled-deposition.txt", "labelled"),
    ("court-deposition.txt", "court"), ("labelled-press-aliases.txt", "labelled"),
    ("labelled-diarised.txt", "labelled"), ("oral-history-alone.txt", "labelled"),
    ("caps-alone-interview.txt", "labelled"), ("screenplay.fountain", "script"),
    ("labelled-form-feeds.txt", "labelled"),
])
def test_each_style_is_detected(name: str, layout: str) -> None:
    assert detect_layout((LAYOUTS / name).read_text(encoding="utf-8")) == layout


def test_congressional_record_period_labels() -> None:
    t = load("congressional-record.txt")
    assert names(t) == ["Mr. Smith", "The Speaker pro tempore", "Mr. Brown of Ohio", "Mrs. Green",
                        "Mr. Brown of Ohio", "Mrs. Green", "Mr. Brown of Ohio", "The Chair", "Mr. Smith"]
    # Each paragraph of the Record opens with an indented line; the lines wrapped under it join it.
    assert [p.text for p in t.turns[0].paragraphs] == [
        "Mr. Speaker, I yield myself such time as I may consume.",
        "Mr. Speaker, I rise today in support of this bill, which will fund the repair of the bridges and piers of "
        "our harbors for the next ten years."]
    assert t.turns[1].text == "The gentleman from Ohio is recognized for 5 minutes."
    assert t.metadata.title == "HARBOR INFRASTRUCTURE IMPROVEMENT ACT"


def test_a_hearing_as_the_publishing_office_prints_it() -> None:
    """GPO's hearings write the surname in mixed case after the title (`Senator McAllister.`, `Mr. O'Brien.`,
    `The Chairman.`). The title centred on the front page is no label, though it holds a colon, and neither is
    the salutation of a letter read into the record: the letter stays in the turn that reads it in. Lines that
    end in spaces still join the paragraph they wrap."""
    t = load("gpo-hearing.txt")
    assert names(t) == ["Unknown speaker", "Senator Lindgren", "Senator McAllister", "Senator Lindgren",
                        "Ms. Okafor", "Senator Lindgren", "Mr. Ferreira", "Senator Lindgren", "Ms. Okafor",
                        "Senator Lindgren", "Ms. Okafor", "Senator O'Donnell", "Mr. Ferreira", "Senator O'Donnell",
                        "Senator Lindgren"]
    assert "Dear Senator O'Donnell:" in t.turns[-1].text
    # The front page is the header, with the hearing's title and date; the record of who met opens the text.
    assert (t.metadata.title, t.metadata.date) == ("RURAL BROADBAND: CLOSING THE LAST MILE", "2024-03-12")
    assert t.turns[0].text.startswith("U.S. Senate, Subcommittee on Communications")
    assert any(a.kind is AsideKind.HEADER and a.text == "RURAL BROADBAND: CLOSING THE LAST MILE" for a in t.asides)
    # A long title wraps, and comes nearer the margin: in capitals after its colon too, it is still no label.
    wrapped = (LAYOUTS / "gpo-hearing.txt").read_text(encoding="utf-8").replace(
        "                 RURAL BROADBAND: CLOSING THE LAST MILE\n\n=",
        "      RURAL BROADBAND: CLOSING THE LAST MILE FOR FARMS,\n                 RANCHES AND SMALL TOWNS\n\n=")
    t = parse_text(wrapped)
    assert t.metadata.title == "RURAL BROADBAND: CLOSING THE LAST MILE FOR FARMS, RANCHES AND SMALL TOWNS"
    assert "Rural Broadband" not in names(t)
    mixed = "\n\n".join(["The Chairman. The committee will come to order.", "Mr. McClintock. Thank you.",
                          "Dr. Nair-Singh. Cheap cells, mostly.", "Mr. McClintock. How many fires?",
                          "Dr. Nair-Singh. About four hundred."])
    assert names(parse_text(mixed)) == ["The Chairman", "Mr. McClintock", "Dr. Nair-Singh", "Mr. McClintock",
                                        "Dr. Nair-Singh"]
    # In a labelled interview, paragraphs that open on a name and a period are no labels.
    quoted = "\n\n".join(["Host: Who did you meet?", "Guest: Two men.", "Mr. Putin. Ah, Mr. Putin. We met twice.",
                           "Host: And then?", "Guest: The other.", "Mr. Putin. Again, late."])
    assert names(parse_text(quoted)) == ["Host", "Guest", "Host", "Guest"]
    trailing = load_transcript(LAYOUTS / "gpo-hearing.txt").turns[2].paragraphs[0].text
    spaced = parse_text((LAYOUTS / "gpo-hearing.txt").read_text(encoding="utf-8").replace("\n", " \n"))
    assert [p.text for p in spaced.turns[2].paragraphs] == [trailing]  # one paragraph, as without the spaces
    assert trailing.startswith("Thank you, Madam Chair. In my state") and trailing.endswith("as covered.")


def test_period_and_alone_labels_with_accented_capitals() -> None:
    record = ("Chairman BRANNIGAN. The hearing will come to order.\n\n"
              "Ms. NUÑEZ. Thank you, Mr. Chairman. Dr. Nair, what causes these fires?\n\n"
              "Dr. NAIR. Mostly cheap cells, charged in hallways overnight.\n\n"
              "Ms. NUÑEZ. And how many fires were there last year?\n\nDr. NAIR. About four hundred.\n")
    assert names(parse_text(record)) == ["Chairman Brannigan", "Ms. Nuñez", "Dr. Nair", "Ms. Nuñez", "Dr. Nair"]
    script = ("JOSÉ\n¿Dónde estabas anoche?\n\nMÜLLER\nIm Hafen, wie immer.\n\nJOSÉ\n¿Solo?\n\n"
              "MÜLLER\nMit dem Kapitän.\n")
    assert names(parse_text(script)) == ["José", "Müller", "José", "Müller"]


def test_an_outlet_with_its_town_in_brackets_is_one_label() -> None:
    text = ("Moderator: We will take questions.\n\nReporter (The News, Portsmouth): Is the road open?\n\n"
            "Chief Adeyemi: Not yet.\n\nReporter (Daily Echo): When?\n\nChief Adeyemi: Tomorrow, I hope.\n")
    t = parse_text(text)
    assert_lossless(t)
    assert names(t) == ["Moderator", "Reporter (The News, Portsmouth)", "Chief Adeyemi", "Reporter (Daily Echo)",
                        "Chief Adeyemi"]
    # Outside a bracket a comma still ends a name: a sentence that happens to carry a colon is no label.
    assert names(parse_text("Host: Go on.\n\nGuest: Well, yes: we did.\n\nHost: And?\n")) == ["Host", "Guest", "Host"]


def test_a_title_in_a_sentence_is_not_a_period_label() -> None:
    text = ("Host: Who chaired it?\n\nGuest: Mr. SMITH. He ran it for years.\n\nHost: And then?\n\n"
            "Guest: Nobody did.\n")
    t = parse_text(text)
    assert names(t) == ["Host", "Guest", "Host", "Guest"]


def test_deposition_questions_are_the_examiners_and_answers_the_witness() -> None:
    t = load("labelled-deposition.txt")
    assert names(t)[1:5] == ["Ms. Kapoor", "Thomas Reed", "Ms. Kapoor", "Thomas Reed"]
    assert t.speaker_by_key["ms kapoor"].role is Role.INTERVIEWER
    assert t.speaker_by_key["thomas reed"].role is Role.INTERVIEWEE
    # After the cross-examination's BY line, the questions are the other lawyer's; THE WITNESS is the witness.
    cross = next(i for i, turn in enumerate(t.turns) if turn.text.startswith("Mr. Reed, did you write"))
    assert names(t)[cross:] == ["Mr. Dalton", "Thomas Reed", "Mr. Dalton", "Thomas Reed", "Mr. Dalton"]
    assert who_said(t)[-2] == ("Thomas Reed", "Only my logbook, and the company kept that.")
    sections = [a.text for a in t.asides if a.kind is AsideKind.SECTION]
    assert sections == ["EXAMINATION", "BY MS. KAPOOR:", "CROSS-EXAMINATION", "BY MR. DALTON:"]
    assert [h.title for h in t.headings] == ["Examination", "Cross-Examination"]
    assert all("BY M" not in turn.text and "EXAMINATION" not in turn.text for turn in t.turns)


def test_court_deposition_with_running_furniture_and_word_index() -> None:
    t = load("court-deposition.txt")
    assert [s.name for s in t.speakers] == ["Mr. Jones", "Maria Alvarez", "Ms. Lee"]
    assert who_said(t)[:2] == [("Mr. Jones", "Good morning. Please state your name for the record."),
                               ("Maria Alvarez", "Maria Alvarez.")]
    assert who_said(t)[5] == ("Ms. Lee", "Objection, form.")
    assert t.turns[-1].text == "Thank you. That is all I have. (Whereupon, the deposition concluded at 10:42 a.m.)"
    boilerplate = [a.text for a in t.boilerplate]
    assert boilerplate.count("HARBOR REPORTING SERVICES  (503) 555-0148") == 4  # one at the foot of each page
    assert "able [1] 3:12" in boilerplate and "crane [2] 2:12 2:18" in boilerplate and "WORD INDEX" in boilerplate
    assert not any("HARBOR REPORTING" in turn.text or "[1]" in turn.text for turn in t.turns)
    assert [h.title for h in t.headings] == ["Cross-Examination"]


def test_a_line_on_only_some_pages_is_not_running_furniture() -> None:
    pages = []
    for page in range(1, 5):
        lines = [f"CHAIRWOMAN KRUEGER:  Page {page} begins here.", "and goes on for a while."]
        if page == 2:
            lines.append("SENATOR LANZA:  ACME REPORTING is a fine firm.")
        body = "\n".join(f"{i + 1:2d}     {line}" for i, line in enumerate(lines * 6))
        pages.append(f"\f{' ' * 60}{page}\n{body}\n        ACME REPORTING INC.")
    t = parse_text("\n".join(pages) + "\n")
    assert t.layout == "court"
    assert [a.text for a in t.boilerplate].count("ACME REPORTING INC.") == 4
    assert any("ACME REPORTING is a fine firm." in turn.text for turn in t.turns)


def test_parenthesised_abbreviations_affiliations_and_surnames_are_one_speaker() -> None:
    t = load("labelled-press-aliases.txt")
    assert [s.name for s in t.speakers] == ["Jane Kim", "Ana Ruiz (Reuters)", "Maria Lopez",
                                            "Tom Becker (Harbor Times)", "(Unknown)", "Unidentified Speaker"]
    assert names(t) == ["Jane Kim", "Ana Ruiz (Reuters)", "Jane Kim", "Maria Lopez", "Tom Becker (Harbor Times)",
                        "Maria Lopez", "(Unknown)", "Maria Lopez", "Unidentified Speaker", "Jane Kim",
                        "Ana Ruiz (Reuters)", "Jane Kim"]
    assert t.turns[2].text == "By the end of the month, if the weather holds."
    assert t.turns[-1].text == "The city and the state, half each. Thank you all."


def test_speaker_lists_are_set_aside() -> None:
    t = load("labelled-press-aliases.txt")
    listed = [a.text for a in t.boilerplate if a.text.startswith("SPEAKERS:")]
    assert listed == ["SPEAKERS:\nJane Kim (JK), Mayor's Office\nAna Ruiz (Reuters)\nTom Becker (Harbor Times)\n"
                      "Maria Lopez, Port Authority"]
    assert "speakers" not in t.speaker_by_key
    assert not any("Mayor's Office" in turn.text for turn in t.turns)


@pytest.mark.parametrize("heading", ["PARTICIPANTS:", "WITNESSES:", "PRESENT:", "**Speakers:**"])
def test_each_speaker_list_heading(heading: str) -> None:
    text = (f"{heading}\nAnna Berg, host\nBoris Kral, guest\n\nAnna Berg: Welcome.\n\nBoris Kral: Thank you.\n\n"
            "Anna Berg: Shall we start?\n\nBoris Kral: Yes.\n")
    t = parse_text(text)
    assert [s.name for s in t.speakers] == ["Anna Berg", "Boris Kral"]
    assert t.turns[0].text == "Welcome."


def test_unknown_and_unidentified_speakers_stand_on_their_own() -> None:
    t = load("oral-history-alone.txt")
    assert who_said(t)[5] == ("(Unknown)", "Was that the Castle Mill?")
    assert who_said(t)[6] == ("Hughes", "No, the one by the canal. Castle Mill was for the men.")
    assert who_said(t)[7] == ("Unidentified Speaker", "Sorry, I'll be quiet.")


def test_a_label_alone_on_its_line_above_the_words() -> None:
    t = load("oral-history-alone.txt")
    assert names(t)[1:5] == ["Interviewer", "Hughes", "Interviewer", "Hughes"]
    assert t.turns[2].text == ("In Holbeck, in a back-to-back on Stocks Hill, the second of four children. My "
                               "father worked at the foundry and my mother took in washing.")
    assert t.speaker_by_key["interviewer"].role is Role.INTERVIEWER


def test_a_name_in_capitals_alone_on_its_line() -> None:
    t = load("caps-alone-interview.txt")
    assert who_said(t)[:2] == [("Interviewer", "How long did you run the ferry?"),
                               ("Brisk", "Thirty-one years. My father ran it before me, and his uncle before him.")]
    assert len(t.turns) == 6
    assert t.metadata.title == "An interview with Walter Brisk"


def test_headings_in_capitals_are_not_speakers() -> None:
    text = ("INTRODUCTION\nThis report looks at the harbour.\n\nMETHODS\nWe asked people.\n\n"
            "RESULTS\nThey answered.\n")
    assert detect_layout(text) == "plain"


def test_diarisation_labels_are_numbered_from_one() -> None:
    t = load("labelled-diarised.txt")
    assert [s.name for s in t.speakers] == ["Speaker 1", "Speaker 2", "Speaker 3"]
    assert [s.label for s in t.speakers] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"]
    assert t.turns[4].text == "Sorry, can I add something? I was one of those children."


@pytest.mark.parametrize(("labels", "shown"), [
    (["SPEAKER_00", "SPEAKER_01"], ["Speaker 1", "Speaker 2"]),
    (["spk_0", "spk_1"], ["Speaker 1", "Speaker 2"]),
    (["Speaker 0", "Speaker 1"], ["Speaker 1", "Speaker 2"]),
    (["SPEAKER_1", "SPEAKER_2"], ["Speaker 1", "Speaker 2"]),
    (["spk_1", "Jane"], ["Speaker 1", "Jane"]),
])
def test_display_names_of_diarised_voices(labels: list[str], shown: list[str]) -> None:
    assert display_names(labels) == shown


def test_diarised_labels_in_a_file() -> None:
    t = parse_text("spk_0: Hello there.\n\nspk_1: Hi. Who are you?\n\nspk_0: The new tenant.\n")
    assert [s.name for s in t.speakers] == ["Speaker 1", "Speaker 2"]


@pytest.mark.parametrize(("label", "shown"), [
    ("DOJ COMMISSIONER SMITH", "DOJ Commissioner Smith"),
    ("SEN. MCCAIN", "Sen. McCain"),
    ("MR. SMITH", "Mr. Smith"),
    ("THE PRESIDENT", "The President"),
    ("FBI AGENT DOE", "FBI Agent Doe"),
    ("NBC REPORTER", "NBC Reporter"),
    ("SENATOR O'MARA", "Senator O'Mara"),
    ("MS. JACKSON-LEE", "Ms. Jackson-Lee"),
    ("JOHN SMITH III", "John Smith III"),
    ("DR. J. DOE", "Dr. J. Doe"),
    ("Mr. BROWN of Ohio", "Mr. Brown of Ohio"),
    ("The SPEAKER pro tempore", "The Speaker pro tempore"),
    ("Jane Kim (JK)", "Jane Kim (JK)"),
    ("Ana Ruiz (Reuters)", "Ana Ruiz (Reuters)"),
    ("Dr. Anja Weisgerber (CDU/CSU)", "Dr. Anja Weisgerber (CDU/CSU)"),
    ("HOUSE OF LORDS", "House of Lords"),
    ("JOSÉ DE LA CRUZ", "José de la Cruz"),
    ("La señora VÁZQUEZ BLANCO", "La señora Vázquez Blanco"),
    ("El señor MINISTRO DE TRANSPORTES (Puente Santiago)", "El señor Ministro de Transportes (Puente Santiago)"),
    ("Mr Tom Ellery (Northbridge) (Lab)", "Mr Tom Ellery"),
    ("Keir Starmer (Holborn and St Pancras) (Lab)", "Keir Starmer"),
    ("The Minister for Rail (Ms Dana Pryor)", "The Minister for Rail (Ms Dana Pryor)"),
    ("Mr Putin", "Mr Putin"),
    ("Q", "Q"),
    ("ИВАН", "Иван"),
])
def test_display_names_keep_acronyms(label: str, shown: str) -> None:
    assert display_name(label) == shown


def test_acronyms_in_a_hearing() -> None:
    text = ("DOJ COMMISSIONER SMITH: We opened the file in May.\n\nSEN. MCCAIN: Why so late?\n\n"
            "DOJ COMMISSIONER SMITH: The referral came in April.\n\nSEN. MCCAIN: I see.\n")
    t = parse_text(text)
    assert [s.name for s in t.speakers] == ["DOJ Commissioner Smith", "Sen. McCain"]


def test_screenplay_characters_and_dialogue() -> None:
    t = load("screenplay.fountain")
    characters = [s.name for s in t.speakers if s.name != "Action"]
    assert characters == ["Maria", "John", "Radio", "Danny"]
    dialogue = [(name, text) for name, text in who_said(t) if name != "Action"]
    assert dialogue[:3] == [("Maria", "(without turning) You're late."),
                            ("John", "The bus broke down at the bridge. I walked from there."),
                            ("Maria", "In this?")]
    # `JOHN (CONT'D)`, `RADIO (V.O.)`, `DANNY (O.S.)`: the extension is not part of the name.
    assert ("John", "I know. I know.") in dialogue
    assert ("Danny", "Anybody in there? My truck won't start!") in dialogue
    assert (t.metadata.title, t.metadata.date) == ("THE NIGHT SHIFT", "2025-02-03")


def test_screenplay_scene_headings_and_transitions_are_never_speakers() -> None:
    t = load("screenplay.fountain")
    assert [h.title for h in t.headings] == ["INT. DINER KITCHEN - NIGHT", "EXT. DINER PARKING LOT - CONTINUOUS",
                                             "INT. DINER KITCHEN - MOMENTS LATER"]
    # Each scene opens with its own action, not the end of the last scene's.
    second = t.turns[t.headings[1].turn]
    assert (t.speaker(second).name, second.text) == (
        "Action", "Rain hammers a lone pickup truck. Its headlights are on.")
    furniture = [a.text for a in t.asides if a.kind is AsideKind.FURNITURE]
    assert {"FADE IN:", "CUT TO:", "FADE OUT."} <= set(furniture)
    said = " ".join(turn.text for turn in t.turns)
    assert "CUT TO" not in said and "INT." not in said and "FADE" not in said
    assert not any(s.key.startswith(("int", "ext", "cut", "fade")) for s in t.speakers)


def test_a_stage_play_without_a_title_page() -> None:
    text = ("ACT ONE\n\nA bare stage. A single chair.\n\nHAMLET\n(alone)\nTo be, or not to be.\n\n"
            "OPHELIA (O.S.)\nMy lord?\n\nHAMLET\nSoft you now, the fair Ophelia.\n\nOPHELIA\nGood my lord.\n")
    assert detect_layout(text) == "script"
    t = parse_text(text)
    assert [s.name for s in t.speakers if s.name != "Action"] == ["Hamlet", "Ophelia"]
    assert_lossless(t)


def test_headings_in_capitals_in_a_colon_labelled_file_are_not_speakers() -> None:
    text = ("EARLY LIFE\nHost: Where did you grow up?\n\nGuest: By the sea.\n\nSCHOOL YEARS\nHost: And school?\n\n"
            "Guest: I hated it.\n\nLATER ON\nThe war changed everything for us.\n\nHost: How?\n\nGuest: We left.\n")
    t = parse_text(text)
    assert [s.name for s in t.speakers] == ["Host", "Guest"]


def test_running_lines_of_a_form_feed_paged_file_are_set_aside() -> None:
    t = load("labelled-form-feeds.txt")
    assert t.layout == "labelled"
    running = "THE HARBOR INTERVIEWS -- DRAFT, NOT FOR QUOTATION"
    assert [a.text for a in t.boilerplate] == [running, "Page 1 of 3", running, "Page 2 of 3", running, "Page 3 of 3"]
    assert who_said(t)[3] == ("Okafor", "In 1972, in the winter.")
    assert not any("DRAFT" in turn.text or "Page" in turn.text for turn in t.turns)


def test_names_in_square_brackets_and_sounds_that_are_not_names() -> None:
    t = load("bracketed-names.txt")
    assert t.layout == "labelled"
    assert names(t) == ["Interviewer", "Rosa Diaz"] * 3
    assert t.turns[1].text == "At the beginning, I suppose. [laughter] I was born in Ponce."
    assert t.turns[2].text == "And your family?\n\n[laughter]"
    assert t.source[slice(*t.turns[0].label_span)] == "[Interviewer]"


def test_letters_in_brackets_stand_for_the_speaker_only_when_they_are_the_initials() -> None:
    from reader.core.formats.label_styles import speaker_aliases

    aliases = speaker_aliases(["Jane Kim (JK)", "Dr. Maria Lopez (ML)", "Dr. Matthias Miersch (SPD)"])
    assert aliases["jk"] == "Jane Kim" and aliases["ml"] == "Dr. Maria Lopez"
    assert "spd" not in aliases and aliases["miersch"] == "Dr. Matthias Miersch (SPD)"  # a party, kept with him


@pytest.mark.parametrize("label", ["Jane (laughing)", "Jane Doe (inaudible)", "Tom [crosstalk]"])
def test_a_name_with_a_sound_in_brackets_is_no_label(label: str) -> None:
    from reader.core.formats.label_styles import label_shape

    assert label_shape(label) is None


def test_a_rev_export_s_title_and_credit_are_its_header() -> None:
    """Rev writes the title, with the date the transcript was finished, and its credit above the first turn: a
    header and the title, no turn of an unknown speaker."""
    text = ("Mayor Villanueva Year One Interview (Completed 01/10/25)\nTranscript by Rev.com\n\n"
            "Ben Okafor (00:03):\nThanks for making the time, Mayor.\n\n"
            "Teresa Villanueva (00:06):\nHappy to. Coffee?\n\n"
            "Ben Okafor (00:08):\nPlease. Let's start with the stadium.\n")
    t = parse_text(text)
    assert_lossless(t)
    assert names(t) == ["Ben Okafor", "Teresa Villanueva", "Ben Okafor"]
    assert t.metadata.title == "Mayor Villanueva Year One Interview"
    assert [a.kind for a in t.asides][:1] == [AsideKind.HEADER]
