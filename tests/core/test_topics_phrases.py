"""How a label is worded: the subject a question announces, verbs and names told apart from nouns without a
tagger, "X and Y" rather than "X: Y" fragments, and the words of other languages that name nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.loader import load_transcript, parse_text
from reader.core.topics.compose import Candidate, compose
from reader.core.topics.contents import find_sections, find_topics
from reader.core.topics.cues import opens_topic, subject_label
from reader.core.topics.label import INTRODUCTIONS, russian_verb
from reader.core.topics.terms import WORD, build_terms, term_lookup

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold"
DEVELOPMENT = [*sorted((GOLD / "two-level").glob("*.json")), *sorted((GOLD / "held-out").glob("*.json")),
               *sorted((GOLD / "held-out-2").glob("*.json"))]


@pytest.mark.parametrize(("question", "label"), [
    ("Let's talk about recruitment and retention. Nationally a third leave.", "Recruitment and retention"),
    ("Okay. I want to ask you about pay now. How much does an order pay?", "Pay"),
    ("Let's start with the thing everyone talks about, the eight o'clock scramble. You ring at eight.",
     "Eight o'clock scramble"),
    ("Commençons par la tempête de janvier. Où en est-on ?", "Tempête"),
    ("Hablemos del olivar, que es el gran cultivo de Jaén.", "Olivar"),
    ("Vamos a las soluciones. El Gobierno ha anunciado nuevas plantas.", "Soluciones"),
])
def test_a_question_announcing_its_subject_names_it(question: str, label: str) -> None:
    assert subject_label(question) == label


@pytest.mark.parametrize("question", [
    "Thank you both. Let me start with the basic question. How bad is it?",  # no subject, a question
    "What about doing it online? A lot of surgeries want a form.",  # a verb and a pronoun
    "Let's talk about why. Are there simply not enough GPs?",
    "Did you always want to be a head?",
])
def test_a_question_that_names_no_noun_phrase_announces_nothing(question: str) -> None:
    assert subject_label(question) == ""


@pytest.mark.parametrize("question", [
    "Давайте сразу о главном. Почему линии до сих пор нет?", "Есть ещё старая тема — трамвай.",
    "И последний вопрос. Каким вы видите город?", "Vamos a los datos. ¿Cómo están los embalses?",
    "Para terminar, ¿qué puede hacer?"])
def test_russian_and_spanish_questions_that_move_on_are_cues(question: str) -> None:
    assert opens_topic(question)


def test_a_word_capitalised_only_where_a_sentence_starts_is_no_name() -> None:
    transcript = parse_text("Host: Talks went on all night. Talks are hard. We spoke to Anna about Syria.\n\n"
                            "Guest: Syria matters. In Syria the talks stalled, as Anna said.\n")
    table = build_terms(transcript)
    assert {term_lookup("Syria"), term_lookup("Anna")} <= table.names
    assert term_lookup("Talks") not in table.names


def test_a_common_word_and_a_phrase_are_joined_not_set_apart_by_a_colon() -> None:
    def cand(text: str, score: float, name: bool = False) -> Candidate:
        terms = tuple(t for t in map(term_lookup, WORD.findall(text)) if t)
        return Candidate(terms, text, score, name, 3)

    inspections, judgements = cand("Inspections", 10.0), cand("one-word judgements", 6.0)
    assert compose([inspections, judgements], [judgements], None) == "Inspections and one-word judgements"
    syria, bases = cand("Syria", 10.0, name=True), cand("American bases", 6.0)
    assert compose([syria, bases], [bases], None) == "Syria: American bases"  # a place, and what about it


@pytest.mark.parametrize("path", DEVELOPMENT, ids=lambda p: p.stem)
def test_no_label_is_a_fragment_with_a_verb_or_a_lone_word_before_a_colon(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    transcript = load_transcript(ROOT / gold["transcript"])
    names = build_terms(transcript).names
    for section in find_sections(transcript):
        for item in (section, *section.topics):
            before, colon, _ = item.label.partition(": ")
            if colon:  # only a name stands before a colon: "Syria: American bases", never "Evenings: workload"
                assert {t for t in map(term_lookup, WORD.findall(before)) if t} <= names, item.label
            parts = item.label.split(" and ")
            if len(parts) == 2:  # two subjects, never one said twice ("Ashcombe library and Ashcombe Library")
                first, second = ({t for t in map(term_lookup, WORD.findall(p)) if t} for p in parts)
                assert not first & second, item.label
            assert "apps manage" not in item.label.lower() and "eats" not in item.label.lower()


@pytest.mark.parametrize(("path", "language"), [("held-out-2/gp-radio.txt", "en"),
                                              ("held-out-8/ornitolog-interview.txt", "ru")])
def test_the_welcome_and_introductions_are_a_section_of_their_own(path: str, language: str) -> None:
    # "...меня зовут Анна Белова. Сегодня у нас в студии — орнитолог...": was "Анна: орнитолог Григорий"
    sections = find_sections(load_transcript(GOLD / path))
    assert sections[0].label == INTRODUCTIONS[language] and len(sections[0].topics) == 1


@pytest.mark.parametrize(("word", "verb"), [("появились", True), ("частично", True), ("заниматься", True),
                                             ("трамвай", False), ("самокаты", False), ("plantando", True),
                                             ("olivar", False), ("planning", False), ("despedirnos", True),
                                             ("pasarme", True), ("perla", False), ("lugares", False)])
def test_russian_verbs_and_adverbs_and_spanish_gerunds_are_no_label_words(word: str, verb: bool) -> None:
    assert russian_verb(word) is verb


def test_russian_labels_keep_no_verb_and_no_adjective_in_an_oblique_case() -> None:
    transcript = load_transcript(GOLD / "held-out-2" / "metro-intervyu.txt")
    words = {w.lower() for t in find_topics(transcript) for w in t.label.split()}
    assert not words & {"появились", "давайте", "сразу", "частично", "новую", "раскопанных", "каким"}


def test_a_members_intervention_in_a_debate_opens_a_topic() -> None:
    # "Will the hon. Member give way?": each intervention raises its own point inside the opening speech, whose
    # words hold together (a rail debate). Before, the debate's 73 turns gave 10 topics against 24 marked.
    transcript = load_transcript(GOLD / "held-out-11" / "hansard-debate.txt")
    intervening = [i for i, turn in enumerate(transcript.turns) if turn.text.startswith("Will ") and "give way" in
                   turn.text[:60]]
    starts = {t.first_turn for s in find_sections(transcript) for t in s.topics}
    assert len(starts) >= 12 and len(starts & set(intervening)) >= 3, (sorted(starts), intervening)
