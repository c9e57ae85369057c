"""Automatic topics: good enough against the gold segmentations, labels that name the subject, full coverage."""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

import pytest

from reader.core.loader import load_transcript, parse_text, sample_path
from reader.core.model import Transcript
from reader.core.topics import Topic, topic_at
from reader.core.topics.contents import find_sections, find_topics, topics_from_starts
from reader.core.topics.cues import announced_subject, follows_up, moves_on, opens_topic
from reader.core.topics.evaluate import even_split, pk, window_diff
from reader.core.topics.label import language, russian_verb, speaker_terms
from reader.core.topics.stopwords import CALENDAR, CONJUNCTIONS
from reader.core.topics.terms import term_of

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
GOLD_FILES = [DATA / "sample-topics.json", *sorted((DATA / "gold").glob("*.json"))]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate, topic_plan  # noqa: E402


def load_gold(path: Path) -> tuple[Transcript, list[int]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return load_transcript(ROOT / gold["transcript"]), [t["first_turn"] for t in gold["topics"]]


def assert_covers(topics: list[Topic], turns: int) -> None:
    assert topics[0].first_turn == 0
    assert topics[-1].last_turn == turns - 1
    for before, after in itertools.pairwise(topics):
        assert after.first_turn == before.last_turn + 1
    assert all(t.first_turn <= t.last_turn for t in topics)


def gold_topic_label(topics: list[Topic], first: int, last: int) -> str:
    """The label of the automatic topic holding most of a gold topic's turns."""
    holders = [topics[topic_at(topics, turn) or 0] for turn in range(first, last + 1)]
    return max(holders, key=holders.count).label


def test_gold_files_are_present() -> None:
    assert len(GOLD_FILES) >= 3


def test_sample_meets_the_pk_target(sample: Transcript) -> None:
    gold = [t["first_turn"] for t in json.loads((DATA / "sample-topics.json").read_text())["topics"]]
    found = [t.first_turn for t in find_topics(sample)]
    assert pk(gold, found, len(sample.turns)) <= 0.25
    assert window_diff(gold, found, len(sample.turns)) <= 0.3


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_gold_file_beats_an_even_split_clearly(path: Path) -> None:
    transcript, gold = load_gold(path)
    turns = len(transcript.turns)
    found = [t.first_turn for t in find_topics(transcript)]
    even = even_split(turns, len(gold))
    assert pk(gold, found, turns) <= 0.6 * pk(gold, even, turns)
    assert window_diff(gold, found, turns) <= 0.6 * window_diff(gold, even, turns)


def test_generated_interview_beats_an_even_split() -> None:
    transcript = parse_text(generate(300, 5))
    gold = [first for first, _, _ in topic_plan(300, 5)]
    found = [t.first_turn for t in find_topics(transcript)]
    assert pk(gold, found, 300) <= 0.6 * pk(gold, even_split(300, len(gold)), 300)


@pytest.mark.parametrize(("first", "last", "word"), [
    (12, 21, "G20"), (22, 31, "cybersecurity"), (48, 57, "Syria"), (58, 61, "North Korea"), (4, 5, "property"),
])
def test_sample_labels_name_the_subject(sample: Transcript, first: int, last: int, word: str) -> None:
    label = gold_topic_label(find_topics(sample), first, last)
    assert word.lower() in label.lower()


def test_sample_labels_say_what_about_with_more_than_a_generic_word(sample: Transcript) -> None:
    labels = [t.label for t in find_topics(sample)]
    generic = {"system", "meeting", "issue", "question", "thing", "people"}
    for label in labels:
        _, colon, after = label.partition(":")
        assert not (colon and after.strip().lower() in generic), label
    joined = " ".join(labels).lower()
    for subject in ("syria", "north korea", "cybersecurity", "g20", "property"):
        assert subject in joined, labels


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_labels_are_short_and_never_name_a_speaker_or_a_filler(path: Path) -> None:
    transcript, _ = load_gold(path)
    speaker_words = {w.lower() for s in transcript.speakers for w in re.findall(r"\w+", f"{s.label} {s.name}")}
    fillers = {"well", "look", "so", "okay", "question", "answer", "thank", "actually", "basically", "um", "mr"}
    for topic in find_topics(transcript):
        words = [w.lower() for w in re.findall(r"[\w'-]+", topic.label)]
        assert 1 <= len(words) <= 6, topic.label
        assert not speaker_words & set(words), topic.label
        assert not fillers & set(words), topic.label
        assert topic.keywords and not speaker_words & {k.lower() for k in topic.keywords}


def test_press_briefing_labels_name_its_subjects() -> None:
    transcript, _ = load_gold(DATA / "gold" / "press-briefing.json")
    labels = " ".join(t.label for t in find_topics(transcript)).lower()
    for word in ("lake charles", "rail", "china", "mercer", "egg"):
        assert word in labels


@pytest.mark.parametrize("text", [
    "Question: Hello?",
    "Just one paragraph with no speaker at all.",
    "Anna: Hi.\n\nBen: Hi.\n\nAnna: Bye.",
    "Q: Why?\n\nA: Because.\n\nQ: " + "Really? " * 50 + "\n\nA: " + "Yes. " * 300,
])
def test_tiny_transcripts_give_one_covering_topic_list(text: str) -> None:
    transcript = parse_text(text)
    topics = find_topics(transcript)
    assert_covers(topics, len(transcript.turns))
    assert all(t.label for t in topics)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_generated_interviews_are_covered_contiguously(seed: int) -> None:
    transcript = parse_text(generate(400, seed))
    assert_covers(find_topics(transcript), 400)


def test_topics_are_deterministic(sample: Transcript) -> None:
    assert find_topics(sample) == find_topics(load_transcript(sample.path or ""))


def test_a_transcript_without_an_interviewer_can_start_a_topic_at_any_turn() -> None:
    transcript, _ = load_gold(DATA / "gold" / "podcast.json")
    assert transcript.interviewer is None
    starts = {t.first_turn for t in find_topics(transcript)}
    speakers = {transcript.turns[s].speaker for s in starts}
    assert len(speakers) == 2  # both hosts open topics


def test_interview_topics_start_with_a_question(sample: Transcript) -> None:
    for topic in find_topics(sample)[1:]:
        assert sample.speaker(sample.turns[topic.first_turn]).role == "interviewer"


def test_topic_at_finds_the_topic_holding_a_turn(sample: Transcript) -> None:
    topics = find_topics(sample)
    for index, topic in enumerate(topics):
        assert topic_at(topics, topic.first_turn) == index
        assert topic_at(topics, topic.last_turn) == index
    assert topic_at([], 3) is None


@pytest.mark.parametrize("text", [
    "On Syria. Do you view the reports as a concession?",
    "Thank you. Let me turn to the economy.",
    "I don't want to leave without asking you a question about North Korea.",
    "I've got a broader question, actually, because you are a diplomat.",
    "Never. Okay, shall we do the mailbag first?",
    "Moving on to something slightly bigger.",
    "Nadia, different topic. The rail unions say they'll strike.",
    "Mm hmm. Can you walk me through a normal day on the farm?",
    "Last question. If you could change one thing, what would it be?",
    "The other trend is train length.",
])
def test_cue_phrases_open_topics(text: str) -> None:
    assert opens_topic(text)


@pytest.mark.parametrize("text", [
    "And Russia is on Trump's side?", "So, it is possible that they had another meeting?", "Is that not true?",
    "But my question is really more about...", "To be clear, the principle is this.", "Right, right.",
])
def test_follow_ups_are_recognised_and_do_not_open_topics(text: str) -> None:
    assert follows_up(text)
    assert not opens_topic(text)


@pytest.mark.parametrize("text", [
    "Commençons par la tempête de janvier. Les images de la digue ont fait le tour du pays.",
    "Merci. Parlons de l'été : la commune triple de population.",
    "Dernière question, monsieur le maire.",
    "Kommen wir zum Hafen. Wie geht es der Fischerei?",
    "Pasemos a la vivienda, que preocupa a todos.",
    "Перейдём к бюджету. Что изменится?",
])
def test_cue_phrases_open_topics_in_other_languages(text: str) -> None:
    assert opens_topic(text)


@pytest.mark.parametrize("text", ["Et qui paie ?", "Und die Hunde?", "¿Y el precio del gasóleo?"])
def test_short_follow_ups_in_other_languages_open_nothing(text: str) -> None:
    assert not opens_topic(text)


def test_a_chairs_agenda_items_open_topics() -> None:
    items = [("Item 2, the bus route.", "bus", "route", "timetable", "drivers"),
             ("Moving on to item 3, the library.", "library", "books", "volunteers", "opening hours"),
             ("Item 4, the parking charges.", "parking", "charges", "car park", "permits")]
    lines = ["Chair: Good evening, and welcome to the meeting of the town council. Any apologies?",
             "Osei: Apologies have been received from two members, who are both unwell this evening. The minutes "
             "of the last meeting were circulated last week, and nobody has asked for a correction, so I move that "
             "they be signed as a true record."]
    for opening, *words in items:
        lines.append(f"Chair: {opening} Councillor Hart, would you introduce it?")
        for speaker in ("Hart", "Osei", "Hart", "Osei"):
            lines.append(f"{speaker}: " + " ".join(f"The {w} matters to residents, and the {w} report shows the "
                                                  f"{w} plan needs work." for w in words))
    transcript = parse_text("\n\n".join(lines))
    starts = [t.first_turn for t in find_topics(transcript)]
    assert [s for s in starts if s > 0] == [2, 7, 12]


def test_an_item_named_at_the_end_of_a_chairs_turn_begins_with_the_next_turn() -> None:
    lines = ["Chair: Good evening. Item 1, the bus route. Councillor Hart, would you introduce it?"]
    for subject, next_item in (("bus", "Item 2, the library."), ("library", "Item 3, the parking charges."),
                               ("parking", "")):
        for speaker in ("Hart", "Osei", "Hart", "Osei"):
            lines.append(f"{speaker}: The {subject} matters to residents, and the {subject} report shows that the "
                         f"{subject} plan needs more work before the {subject} budget is agreed next year.")
        if next_item:
            lines.append(f"Chair: Thank you both. I will take the vote on the {subject} report now. All in favour? "
                         f"That is carried. {next_item}")
    transcript = parse_text("\n\n".join(lines))
    starts = [t.first_turn for t in find_topics(transcript)]
    assert [s for s in starts if s > 0] == [6, 11]  # Hart's turns after the chair's, not the chair's own


def test_a_section_an_agenda_item_opens_takes_the_items_title() -> None:
    transcript, _ = _parish_council()
    sections = {s.first_turn: s.label for s in find_sections(transcript)}
    assert sections[23] == "Allotments"  # "Carried. Item 6, the allotments." ends turn 22
    assert sections[32] == "Finance"
    assert "Minutes" not in sections.values()  # procedure never names a section


def test_an_agenda_items_title_is_the_one_the_chair_opens_in_words_without_its_reference() -> None:
    """The chair may number items in words, close one and open the next in one turn, join two titles, or read
    out a reference: the title is the opened item's, its first part, without the reference (and none where the
    reference was all it said)."""
    from reader.core.topics.units import _item_title

    assert _item_title("Item four is the parking charges. Mr Kessler.") == "Parking charges"
    assert _item_title("Item two is continued to November. Item three: the skate park grant.") == "Skate park grant"
    assert _item_title("Item two is continued to November. Item three: accepting a state grant for the "
                       "Riverside Park skate park from the county. Amy.") == ""  # no short title for it
    assert _item_title("Item two is the downtown parking study and the proposal to install parking meters on "
                       "Main Street between First and Fourth.") == "Downtown parking study"
    assert _item_title("Item six, planning application twenty-four stroke oh-eight-one-two, a new "
                       "supermarket.") == ""  # the item's own words name it
    assert _item_title("Item 4, application 24/01342/HOU, an extension.") == ""
    assert _item_title("Item 5, the Mill Lane application 24/01342/HOU.") == "Mill Lane application"
    assert _item_title("Item 8, planning applications. There are two.") == "Planning applications"
    transcript, _ = load_gold(DATA / "gold" / "held-out-5" / "town-council.json")
    assert "Downtown parking study" in {s.label for s in find_sections(transcript)}


def _parish_council() -> tuple[Transcript, dict]:
    path = ROOT / "tests" / "data" / "gold" / "two-level" / "parish-council.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    return load_transcript(ROOT / gold["transcript"]), gold


def test_on_that_is_not_a_new_subject() -> None:
    assert not opens_topic("On that point, you said something else.")
    assert not opens_topic("On the other hand, the talks continue.")


def test_a_one_topic_interview_is_labelled_by_what_it_talks_about() -> None:
    transcript = parse_text("Q: Why is the harbour bridge closed again?\n\nA: The harbour bridge needs new cables. "
                            "The cables rusted, and the bridge engineers found cracks in two of them.\n\n"
                            "Q: When will it open?\n\nA: In spring, if the cables arrive.")
    (topic,) = find_topics(transcript)
    assert "bridge" in topic.label.lower() or "cables" in topic.label.lower()


@pytest.mark.parametrize(("text", "subject"), [
    ("Let me ask you about the injuries. You have had eleven players out.", "injuries"),
    ("On refereeing. After the game you said VAR had killed it.", "refereeing"),
    ("Lena, let's start with mortgage rates, because that's what every email is about.", "mortgage rates"),
    ("What about your costs? Everyone says feed went through the roof.", "costs"),
    ("Tell me about the farm shop.", "farm shop"),
    ("Parlons de l'été : la commune triple de population.", "l'été"),
    ("Kommen wir zum Hafen. Wie geht es der Fischerei?", "Hafen"),
    ("Hablemos del olivar, que es el gran cultivo de Jaén.", "olivar"),
    ("Перейдём к бюджету. Что изменится?", "бюджету"),
    ("On the third day, the crews vented the cars.", ""),  # a time, not a subject
    ("On balance, yes.", ""),
    ("I want to come back to that.", ""),  # a pronoun names nothing
])
def test_the_subject_a_question_announces(text: str, subject: str) -> None:
    assert announced_subject(text) == subject


@pytest.mark.parametrize(("text", "moves"), [
    ("So let's talk about money. What are you paid for your milk?", True),
    ("Let's turn to the hazardous materials.", True),
    ("Parlons de l'été.", True),
    ("What about your costs?", False),  # the next question on the same ground
    ("On health. Mayor, what are people reporting?", False),
    ("The other trend is train length.", False),
])
def test_a_move_to_another_subject_as_a_whole(text: str, moves: bool) -> None:
    assert moves_on(text) is moves


def _interview(*exchanges: tuple[str, str], opening: str = "") -> Transcript:
    lines = [opening] if opening else []
    for question, answer in exchanges:
        lines += [f"Host: {question}", f"Ana: {answer}"]
    return parse_text("\n\n".join(lines))


def test_a_label_names_what_the_question_announces() -> None:
    transcript = _interview(
        ("Let me ask you about the harbour. Ships wait for days now, don't they?",
         "They do. The quays are full of containers, the cranes are old, and the dockers work double shifts."),
        ("Why are the cranes so old?", "Because the port authority never ordered new cranes for the quays."))
    (topic,) = find_topics(transcript)
    assert "harbour" in topic.label.lower()


def test_labels_join_two_subjects_with_the_transcripts_own_and() -> None:
    assert language(parse_text("Claire: Bonjour et bienvenue. Le maire est avec nous.\n\nJean: Bonjour à tous, "
                               "et merci pour l'invitation.")) == "fr"
    assert language(parse_text("Ann: Good morning and welcome to the show.\n\nBob: Thank you, it is good to be "
                               "here.")) == "en"
    assert CONJUNCTIONS["fr"] == "et"
    transcript, _ = load_gold(DATA / "gold" / "two-level" / "maire-littoral.json")
    labels = [t.label for s in find_sections(transcript) for t in (s, *s.topics)]
    assert not any(" and " in label for label in labels)


WELCOME = ("Host: Good morning and welcome to City Talk, the programme about the people who keep this town "
           "going. My guest today is Dr Ana Ruiz, who grew up above her father's bakery on Mill Street and now "
           "runs the harbour. Welcome, Ana.\n\nAna: Thank you for having me. I still buy my bread on Mill Street, "
           "and my father still tells me the bakery was a better job than the harbour.")


# Two subjects, three exchanges each, after an opening.
HARBOUR = [("Let me ask you about the harbour. Ships wait for days now, don't they?",
            "They do. The quays are full of containers, the cranes are old, the dockers work double shifts, "
            "and the port authority still has not ordered the new cranes it promised for the quays.")] * 3 + [
           ("What about the ferries? The ferry timetable has been cut twice this year.",
            "The ferry company lost two boats to repairs, so the ferry timetable is thin until the boats are "
            "back, and the ferry fares went up as well.")] * 3


def test_an_opening_of_introductions_is_called_so() -> None:
    body = HARBOUR
    transcript = _interview(*body, opening=WELCOME)
    topics = find_topics(transcript)
    assert topics[0].label == "Welcome and introductions" and topics[0].last_turn == 1
    assert topics[1].label != "Welcome and introductions"
    # A webinar's host greets first and names the show later: "Hello everyone, and welcome."
    greeting = ("Host: Hello, everyone, and welcome. Dr Ana Ruiz grew up above her father's bakery on Mill Street "
                "and now runs the harbour, the town's biggest employer after the hospital.\n\nAna: Hello. I still "
                "buy my bread on Mill Street, and my father still says the bakery was a better job than the harbour.")
    assert find_topics(_interview(*body, opening=greeting))[0].label == "Welcome and introductions"


def test_an_opening_whose_welcome_comes_after_a_microphone_check_is_introductions_too() -> None:
    """A podcast's or a webinar's recording often starts before the show does ("Are we rolling?", "You're on
    mute"): the welcome comes a few turns in, and the opening, up to the first question, is still the welcome and
    introductions. A guest's "I am not" introduces nobody (the sample's minister: "I am not happy or unhappy")."""
    check = ("Host: Are we rolling? Is the red light on?\n\nAna: It's on here. Can you hear me?\n\n"
             "Host: Loud and clear.\n\nAna: Sorry, the dog is barking. There.\n\n")
    topics = find_topics(_interview(*HARBOUR, *HARBOUR, opening=check + WELCOME))
    assert topics[0].label == "Welcome and introductions" and topics[0].last_turn == 5
    assert find_topics(load_transcript(sample_path()))[0].label != "Welcome and introductions"


def test_a_research_interview_s_opening_over_consent_is_called_so() -> None:
    consent = ("Host: OK, the recorder's on. Before we start, you've had the information sheet, and you "
               "signed the consent form? You can withdraw at any time, up to a month after today, and I'll "
               "anonymise your name and anything else that could identify you in the write-up.\n\n"
               "Ana: Yes, I signed it and sent it back to the research office last week. That's all fine, and "
               "my name can stay out of it, go ahead.")
    body = HARBOUR
    topics = find_topics(_interview(*body, opening=consent))
    assert topics[0].label == "Consent and introductions" and topics[0].last_turn == 1
    archive = ("Host: Right, I think that's recording now. And you're happy for the recording to go into the "
               "archive at the History Centre, we went through the release form together last week?\n\n"
               "Ana: Oh yes, I signed it. Put in what you like, I'll be long gone before anybody listens to it.")
    assert find_topics(_interview(*body, opening=archive))[0].label == "Consent and introductions"
    assert find_topics(_interview(*body, opening=WELCOME))[0].label == "Welcome and introductions"


def test_a_chair_opens_a_committee_s_session_and_its_witnesses_introduce_themselves() -> None:
    opening = ("Chair: Good morning, and welcome to this session of the Harbour Committee's inquiry into the "
               "port. Our first witness is Dr Ana Ruiz, who runs the harbour. Would you introduce yourself?\n\n"
               "Ana: Good morning. I'm Ana Ruiz, the harbour master, and before that I ran the ferry company.")
    lines = [opening, *(line for question, answer in HARBOUR for line in (f"Chair: {question}", f"Ana: {answer}"))]
    assert find_topics(parse_text("\n\n".join(lines)))[0].label == "Opening and introductions"


def test_a_meeting_or_a_briefing_opening_is_not_introductions() -> None:
    transcript, _ = _parish_council()  # "Good evening, welcome to the meeting..." opens the council's business
    assert all(t.label != "Welcome and introductions" for t in find_topics(transcript))
    transcript, _ = load_gold(DATA / "gold" / "press-briefing.json")  # "Good afternoon" alone introduces nobody
    assert find_topics(transcript)[0].label != "Welcome and introductions"


def test_a_last_stretch_of_thanks_is_the_closing_but_a_last_question_is_not() -> None:
    body = [("Let me ask you about the harbour. Ships wait for days now, don't they?",
             "They do. The quays are full of containers, the cranes are old, the dockers work double shifts, "
             "and the port authority still has not ordered the new cranes it promised for the quays.")] * 4
    closing = ("Ana Ruiz, thank you so much for coming in. Where can people follow your work?",
               "On the port's website, and thank you for having me.")
    # The labels of given spans: a two-turn sign-off is often too short to be found as a topic of its own.
    transcript = _interview(*body, closing, opening=WELCOME)
    topics = topics_from_starts(transcript, [0, 2, len(transcript.turns) - 2])
    assert topics[-1].label == "Closing remarks" and topics[1].label != "Closing remarks"
    last_question = ("Thanks, Ana. On the ferries, will the timetable be restored?",
                     "Yes, the ferry timetable comes back in May with both boats.")
    transcript = _interview(*body, last_question, opening=WELCOME)
    topics = topics_from_starts(transcript, [0, 2, len(transcript.turns) - 2])
    assert topics[-1].label != "Closing remarks"
    # A caller's or a reporter's thanks before a question of their own is no sign-off either.
    polite = ("Thank you. I live by the quays, and the ferry to the island stops at seven now. Will the evening "
              "ferries come back this year?", "Yes, the evening ferries come back in May with both boats.")
    transcript = _interview(*body, polite, opening=WELCOME)
    topics = topics_from_starts(transcript, [0, 2, len(transcript.turns) - 2])
    assert topics[-1].label != "Closing remarks"


def test_listeners_a_host_reads_out_never_label_a_topic() -> None:
    transcript, _ = load_gold(DATA / "gold" / "two-level" / "housing-podcast.json")  # "Amira in Bristol asks..."
    labels = " ".join(t.label for t in find_topics(transcript))
    assert "Amira" not in labels
    assert "amira" in speaker_terms(transcript)


def test_a_one_word_label_takes_a_phrase_the_topic_says_with_it() -> None:
    transcript, _ = load_gold(DATA / "gold" / "two-level" / "dairy-otter.json")
    labels = [t.label for t in find_topics(transcript)]
    assert "Supermarket contracts" in labels  # not "Supermarket" alone
    assert any("bovine TB" in label or "Bovine TB" in label for label in labels)  # "bovine" qualifies "TB"


@pytest.mark.parametrize("name", ["spanish-interview", "russian-interview", "french-interview"])
def test_labels_in_other_languages_hold_no_numbers_greetings_or_verbs(name: str) -> None:
    transcript = load_transcript(DATA / "exchanges" / f"{name}.txt")
    for section in find_sections(transcript):
        for item in (section, *section.topics):
            words = {w.lower() for w in re.findall(r"[\w'’-]+", item.label)}
            assert not words & (CALENDAR | {"добрый", "вечер", "buenas", "tardes", "лет", "años"}), item.label
            assert not any(russian_verb(w) for w in words), item.label
            assert " and " not in item.label, item.label  # their own word for "and"


@pytest.mark.parametrize("forms", [
    ("бюджет", "бюджета", "бюджету"),  # Russian cases are one term
    ("трамвай", "трамвая", "трамваи"),
    ("автобусы", "автобусов"),
    ("presentación", "Presentaciones"),  # accents and plurals meet
    ("résidence", "residences"),
])
def test_inflected_forms_are_one_term(forms: tuple[str, ...]) -> None:
    assert len({term_of(form) for form in forms}) == 1


def test_russian_ordinals_are_no_terms_but_look_alikes_are() -> None:
    assert term_of("девятнадцатого") is None and term_of("третий") is None
    assert term_of("пятница") is not None and term_of("семья") is not None


def test_french_and_spanish_adverbs_and_prepositions_are_no_terms() -> None:
    # "Autoroutes autour et fumier devant", "Exactamente anoche", "Abuela y pusieras debajo" were labels
    assert not any(map(term_of, ["autour", "devant", "souvent", "anoche", "debajo", "después", "cuántas",
                                 "elles-mêmes"]))
    assert all(map(term_of, ["autoroutes", "fumier", "abuela", "puerta", "ensemble", "mañana"]))
