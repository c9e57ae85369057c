"""The two-level table of contents: sections holding topics, the document's own headings first, a readable number
of sections, labels a journalist would write, and the targets measured against the gold segmentations."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import sys
from pathlib import Path

import pytest

from reader.core.containers import Block, BlockKind, Extracted
from reader.core.loader import load_transcript, parse_extracted, parse_text, sample_path
from reader.core.model import Heading, Role, Transcript
from reader.core.topics import Section
from reader.core.topics.contents import find_sections, find_topics
from reader.core.topics.evaluate import boundary_f1, pk
from reader.core.topics.label import SEGMENT_NAMES
from reader.core.topics.sections import announced_segments, closing_start, last_part_start, sponsor_breaks
from reader.core.topics.stopwords import CALENDAR, GENERIC

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold"
TUNING = sorted((GOLD / "two-level").glob("*.json"))
# Ten sets written as held out and since looked at while tuning (held-out-4 to held-out-10 each seen once after
# the method was frozen): development sets now, still checked by the label rules. The eleventh and twelfth,
# held-out-11 and held-out-12, were seen once and then looked at: development sets too, whose gold's shape is
# checked here. (The thirteenth, held-out-13, is the one set no tuning has seen: only its gold's shape is
# checked here, and benchmarks/topics_eval.py reports it apart.)
DEVELOPMENT_SETS = ["held-out", *(f"held-out-{n}" for n in range(2, 11))]
HELD_OUT = [path for name in DEVELOPMENT_SETS for path in sorted((GOLD / name).glob("*.json"))]
LOOKED_AT = [*sorted((GOLD / "held-out-11").glob("*.json")), *sorted((GOLD / "held-out-12").glob("*.json"))]
UNSEEN = sorted((GOLD / "held-out-13").glob("*.json"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402
from topics_eval import named  # noqa: E402


def load_gold(path: Path) -> tuple[Transcript, dict]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return load_transcript(ROOT / gold["transcript"]), gold


def assert_two_levels_cover(sections: list[Section], turns: int) -> None:
    assert sections[0].first_turn == 0 and sections[-1].last_turn == turns - 1
    for before, after in itertools.pairwise(sections):
        assert after.first_turn == before.last_turn + 1
    for section in sections:
        assert section.topics and section.topics[0].first_turn == section.first_turn
        assert section.topics[-1].last_turn == section.last_turn
        for before, after in itertools.pairwise(section.topics):
            assert after.first_turn == before.last_turn + 1


def test_gold_sets_are_real_shaped_and_some_are_held_out() -> None:
    assert len(TUNING) + len(HELD_OUT) >= 6 and HELD_OUT
    assert {p.parent.name for p in HELD_OUT} == set(DEVELOPMENT_SETS)
    assert len(UNSEEN) >= 4
    for path in [*TUNING, *HELD_OUT, *LOOKED_AT, *UNSEEN]:
        transcript, gold = load_gold(path)
        assert gold["held_out"] == path.parent.name.startswith("held-out")
        turns = len(transcript.turns)
        for level in ("sections", "topics"):
            spans = gold[level]
            assert spans[0]["first_turn"] == 0 and spans[-1]["last_turn"] == turns - 1, path.name
            assert all(s["label"] and s["first_turn"] <= s["last_turn"] for s in spans)
        assert {s["first_turn"] for s in gold["sections"]} <= {t["first_turn"] for t in gold["topics"]}


@pytest.mark.parametrize("path", [*TUNING, *HELD_OUT], ids=lambda p: p.stem)
def test_both_levels_cover_every_turn_in_order(path: Path) -> None:
    transcript, _ = load_gold(path)
    sections = find_sections(transcript)
    assert_two_levels_cover(sections, len(transcript.turns))
    assert find_topics(transcript) == [t for s in sections for t in s.topics]
    assert all(s.source == "computed" for s in sections)  # these files have no headings of their own


@pytest.mark.parametrize("seed", [1, 4])
def test_a_long_transcript_gets_a_readable_number_of_sections(seed: int) -> None:
    transcript = parse_text(generate(1500, seed))
    sections = find_sections(transcript)
    assert_two_levels_cover(sections, 1500)
    assert 5 <= len(sections) <= 12
    topics = sum(len(s.topics) for s in sections)
    assert len(sections) < topics < 150  # the count follows the content, not 1500 turns


@pytest.mark.parametrize("path", TUNING, ids=lambda p: p.stem)
def test_tuning_set_counts_stay_within_half_and_twice_the_gold(path: Path) -> None:
    transcript, gold = load_gold(path)
    sections = find_sections(transcript)
    topics = [t for s in sections for t in s.topics]
    assert 0.5 <= len(sections) / len(gold["sections"]) <= 2
    assert 0.5 <= len(topics) / len(gold["topics"]) <= 2


def _section_scores(paths: list[Path]) -> tuple[float, float]:
    found, none = [], []
    for path in paths:
        transcript, gold = load_gold(path)
        starts = [s["first_turn"] for s in gold["sections"]]
        turns = len(transcript.turns)
        found.append(pk(starts, [s.first_turn for s in find_sections(transcript)], turns))
        none.append(pk(starts, [0], turns))
    return sum(found) / len(found), sum(none) / len(none)


def test_sections_beat_drawing_no_boundary_on_the_tuning_set() -> None:
    found, none = _section_scores(TUNING)
    assert found < none


def test_topic_labels_name_the_gold_subject_at_least_half_the_time() -> None:
    hits = total = 0
    for path in TUNING:
        transcript, gold = load_gold(path)
        topics = find_topics(transcript)
        for g in gold["topics"]:
            holders = [next(t for t in topics if t.first_turn <= turn <= t.last_turn)
                       for turn in range(g["first_turn"], g["last_turn"] + 1)]
            total += 1
            hits += named(max(holders, key=holders.count).label, g["label"])
    assert hits >= total / 2


@pytest.mark.parametrize("path", [*TUNING, *HELD_OUT], ids=lambda p: p.stem)
def test_labels_are_noun_phrases_without_names_numbers_or_procedure(path: Path) -> None:
    transcript, _ = load_gold(path)
    speaker_words = {w.lower() for s in transcript.speakers for w in re.findall(r"\w+", f"{s.label} {s.name}")}
    procedural = {"questioner", "chair", "chairwoman", "microphone", "seconded", "minutes", "agenda", "bonjour"}
    # The name of a kind of segment names no speaker, even where one is called after the audience it asks for
    # ("Audience member").
    structural = {name for names in SEGMENT_NAMES.values() for name in names.values()}
    for section in find_sections(transcript):
        for item in (section, *section.topics):
            words = [w.lower() for w in re.findall(r"[\w'’-]+", item.label)]
            assert 1 <= len(words) <= 6, item.label
            assert item.label in structural or not (speaker_words | procedural) & set(words), item.label
            _, colon, after = item.label.partition(": ")
            if colon:  # "X: Y" only when Y says what about X: never a lone name, generic word, number or month
                assert len(after.split()) >= 2, item.label
                assert not {w.lower() for w in after.split()} <= GENERIC | CALENDAR, item.label


def test_people_named_by_title_never_label_a_topic() -> None:
    transcript, _ = load_gold(GOLD / "held-out" / "council-meeting.json")
    labels = " ".join(t.label for s in find_sections(transcript) for t in (s, *s.topics))
    assert "Reid" not in labels and "Fairbanks" not in labels  # "apologies from Councillor Reid"


def test_french_labels_drop_french_function_words_and_elisions() -> None:
    transcript, _ = load_gold(GOLD / "two-level" / "maire-littoral.json")
    labels = [t.label.lower().split() for s in find_sections(transcript) for t in (s, *s.topics)]
    words = {w for label in labels for w in label}
    assert not words & {"le", "la", "les", "pas", "parlons", "bonjour", "mille", "dix-huit"}
    assert not any(w.startswith("l'") for w in words)
    # "de", "des" and "d'" only join two nouns inside a phrase ("Réserves d'eau"), never open or end a label.
    for label in labels:
        assert label[0] not in {"de", "des", "du"} and not label[0].startswith("d'")
        assert label[-1] not in {"de", "des", "du"}


# --- the document's own sections ----------------------------------------------------------------------


def _with_headings(path: Path, headings: dict[int, tuple[str, int]]) -> Transcript:
    """A labelled transcript as a container would hand it over, with HEADING blocks before some turns."""
    turns = path.read_text(encoding="utf-8").strip().split("\n\n")
    pieces: list[tuple[str, BlockKind | None, int]] = []
    for number, turn in enumerate(turns):
        if number in headings:
            title, level = headings[number]
            pieces.append((title, BlockKind.HEADING, level))
        pieces.append((turn, None, 1))
    text = "\n\n".join(p for p, _, _ in pieces) + "\n"
    blocks, at = [], 0
    for piece, kind, level in pieces:
        start = text.index(piece, at)
        at = start + len(piece)
        if kind is not None:
            blocks.append(Block((start, at), kind, level=level))
    return parse_extracted(Extracted(text, "html", blocks=tuple(blocks)))


PODCAST = GOLD / "two-level" / "housing-podcast.txt"


def test_the_documents_headings_are_the_sections_with_their_titles() -> None:
    transcript = _with_headings(PODCAST, {0: ("Welcome", 1), 9: ("Mortgage rates", 1), 26: ("Rent controls", 1),
                                          36: ("Building new homes", 1), 46: ("First-time buyers", 1)})
    assert [(h.title, h.turn) for h in transcript.headings][:2] == [("Welcome", 0), ("Mortgage rates", 9)]
    sections = find_sections(transcript)
    assert [(s.first_turn, s.label, s.source) for s in sections] == [
        (0, "Welcome", "document"), (9, "Mortgage rates", "document"), (26, "Rent controls", "document"),
        (36, "Building new homes", "document"), (46, "First-time buyers", "document")]
    assert_two_levels_cover(sections, len(transcript.turns))
    assert any(len(s.topics) > 1 for s in sections)  # computed topics inside the document's sections
    assert all(t.label for s in sections for t in s.topics)


def test_turns_before_the_first_heading_are_a_section_of_their_own() -> None:
    transcript = _with_headings(PODCAST, {9: ("Mortgage rates", 2), 26: ("Rent controls", 2)})
    sections = find_sections(transcript)
    assert [(s.first_turn, s.source) for s in sections] == [(0, "computed"), (9, "document"), (26, "document")]
    assert sections[0].label != "Mortgage rates"


def test_a_heading_the_document_repeats_opens_a_section_named_by_what_it_says() -> None:
    """A hearing's "Examination of witnesses" above each panel is procedure: the panels begin there, but a
    contents list of that title twice says nothing of what they are about."""
    transcript = _with_headings(PODCAST, {9: ("Examination of Witnesses", 1), 26: ("Examination of witnesses", 1)})
    sections = find_sections(transcript)
    assert {9, 26} <= {s.first_turn for s in sections}
    assert all(s.source == "computed" and "witnesses" not in s.label.lower() for s in sections)
    assert len(sections) > 3  # the sections the talk has, not only the two panels'
    assert_two_levels_cover(sections, len(transcript.turns))
    mixed = find_sections(_with_headings(PODCAST, {9: ("Examination of witnesses", 1), 26: ("Rent controls", 1),
                                                   36: ("Examination of witnesses", 1)}))
    assert [(s.first_turn, s.label, s.source) for s in mixed if s.source == "document"] == [(26, "Rent controls",
                                                                                             "document")]
    assert {0, 9, 26, 36} == {s.first_turn for s in mixed}


def test_deeper_headings_open_topics_with_their_titles() -> None:
    transcript = _with_headings(PODCAST, {9: ("Mortgages", 1), 19: ("The remortgage cliff", 2),
                                          26: ("Renting", 1)})
    sections = find_sections(transcript)
    mortgages = next(s for s in sections if s.label == "Mortgages")
    assert (19, "The remortgage cliff") in [(t.first_turn, t.label) for t in mortgages.topics]
    assert [s.first_turn for s in sections] == [0, 9, 26]


# --- the measures ---------------------------------------------------------------------------------------


def test_boundary_f1_counts_near_misses_within_the_tolerance() -> None:
    assert boundary_f1([0, 10, 20], [0, 10, 20], 30) == 1.0
    assert boundary_f1([0, 10, 20], [0, 12, 19], 30, tolerance=2) == 1.0
    assert boundary_f1([0, 10, 20], [0, 13], 30, tolerance=2) == 0.0
    assert boundary_f1([0, 10, 20], [0, 10], 30) == pytest.approx(2 / 3)
    assert boundary_f1([0], [0], 30) == 1.0 and boundary_f1([0, 5], [0], 30) == 0.0


@pytest.mark.parametrize("text", ["", "Just one paragraph of text.", "Ann: Hi.\n\nBob: Hello.",
                                  "Q: Why?\n\nA: Because.\n\nQ: And then?\n\nA: Then we left."])
def test_tiny_transcripts_give_whole_sections(text: str) -> None:
    transcript = parse_text(text)
    sections = find_sections(transcript)
    if not transcript.turns:
        assert sections == []
    else:
        assert_two_levels_cover(sections, len(transcript.turns))
        assert all(s.label for s in sections)


def test_two_headings_on_one_turn_make_one_section() -> None:
    transcript = _with_headings(PODCAST, {9: ("Part two", 1)})
    transcript = dataclasses.replace(transcript, headings=(*transcript.headings, Heading("Also part two", 9, 1)))
    sections = find_sections(transcript)
    assert [(s.first_turn, s.label) for s in sections][1:] == [(9, "Part two")]


def test_the_sample_keeps_its_fine_level_pk_at_or_below_a_tenth(sample: Transcript) -> None:
    gold = [t["first_turn"] for t in json.loads((ROOT / "tests/data/sample-topics.json").read_text())["topics"]]
    assert pk(gold, [t.first_turn for t in find_topics(sample)], len(sample.turns)) <= 0.10


def test_the_documents_title_written_as_its_first_heading_is_no_section() -> None:
    page = ROOT / "tests" / "data" / "containers" / "html" / "blog-bold-questions.html"
    t = load_transcript(page)
    assert t.metadata.title in [h.title for h in t.headings]  # the page's <h1>
    assert t.metadata.title not in [s.label for s in find_sections(t)]


def test_german_labels_are_built_from_capitalised_nouns() -> None:
    transcript, _ = load_gold(GOLD / "held-out-3" / "werft-zeitzeuge.json")
    for section in find_sections(transcript):
        for label in (section.label, *(t.label for t in section.topics)):
            words = [w for w in label.split() if w != "und"]
            assert words[-1][:1].isupper(), label  # never "Werft gekommen", "Gefühl gehabt"
            assert all(w[:1].isupper() or w.endswith(("e", "en", "er", "es", "em")) for w in words), label


def test_a_hearing_s_panels_of_witnesses_each_open_a_section() -> None:
    from reader.core.topics.sections import panel_starts

    # The committee hears two witnesses, then, introduced by the chair, two others: the second panel is a
    # section of its own, as the gold of every such hearing here marks it.
    transcript = load_transcript(GOLD / "held-out-2" / "rivers-committee.txt")
    assert panel_starts(transcript) == [29]
    assert 29 in {s.first_turn for s in find_sections(transcript)}  # was 32, three turns into the panel
    # One guest, or guests who speak throughout: no panels.
    assert panel_starts(load_transcript(GOLD / "held-out-8" / "netball-podcast.txt")) == []
    assert panel_starts(load_transcript(sample_path())) == []
    # Eight answering voices one after another are no panels but callers: a phone-in's sections follow what they
    # talk about, not a forced one per caller.
    names = ["Jess Hall", "Tom Reed", "Ann Mills", "Raj Patel", "Lucy Ford", "Dan Wood", "Meg Cole", "Sam Dale"]
    calls = parse_text("\n\n".join(f"Host: {name.split()[0]}, what is your question?\n\n{name}: The bins.\n\n"
                                     f"Host: How long?\n\n{name}: Three weeks." for name in names))
    answering = tuple(dataclasses.replace(s, role=Role.INTERVIEWEE) if s.key != "host" else s for s in calls.speakers)
    callers = dataclasses.replace(calls, speakers=answering)
    assert panel_starts(dataclasses.replace(callers, speakers=answering[:4])) == [4, 8]  # three panels: sections
    assert panel_starts(callers) == []


def test_a_press_conference_s_opening_statements_are_one_section() -> None:
    """The officials' prepared words before the first question are the contents' first section, "Opening
    statements", holding their topics; a podcast's banter before its first question is no such section."""
    fire = ("At midnight our control room took the first call about the tyre stacks. Crews from six stations "
            "fought the fire through the night, and the stacks will burn for days. ") * 3
    police = ("Officers put a cordon around the yard and closed the access road. Two men were arrested on suspicion "
              "of arson and remain in custody while the investigation continues. ") * 3
    health = ("The smoke irritates the throat and the lungs. People with asthma should keep windows shut, and "
              "schools nearby will keep the children indoors until the smoke clears. ") * 3
    turns = [("CLAIRE HOBBS", "Good morning, everyone, and thank you for coming at short notice."),
             ("MARK DUNSTAN", fire), ("RUTH ADEYEMI", police), ("DR RAO", health),
             ("CLAIRE HOBBS", "We will take questions now. Sam."),
             *[pair for n in range(6) for pair in (
                 ("REPORTER", f"Dr Rao, question {n}: how long should people with asthma keep their windows shut?"),
                 ("DR RAO", "Until the smoke has cleared, which may take days. " + health[:120]))]]
    closing = [("CLAIRE HOBBS", "We're out of time. Thank you, everyone. That concludes this briefing, and the "
                                "next one is at four o'clock this afternoon."), ("REPORTER", "Thank you.")]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in [*turns, *closing]))
    sections = find_sections(t)
    assert_two_levels_cover(sections, len(t.turns))
    opening = sections[0]
    assert opening.label == "Opening statements"
    assert opening.last_turn + 1 == t.exchanges[1].first_turn
    # The chair's close is the last entry of both levels; "Adjournment" where the chair adjourns.
    last = sections[-1]
    assert (last.first_turn, last.label, [x.label for x in last.topics]) == (
        len(turns), "Closing remarks", ["Closing remarks"])
    adjourned = [*turns, ("CLAIRE HOBBS", "Thank you all. This briefing is adjourned until four o'clock.")]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in adjourned))
    assert find_sections(t)[-1].topics[-1].label == "Adjournment"
    answered = [*turns, ("DR RAO", "We're out of time on the smoke, I know, but one more thing: " + health)]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in answered))
    assert closing_start(t) is None  # an answer, however it opens, closes nothing
    # A close that more is said after is none, but a later one is: the chair adjourns after the last answer.
    later = [*turns, ("CLAIRE HOBBS", "We're out of time, I'm afraid. Dr Rao, a last word?"),
             ("DR RAO", "Only this: " + health), ("CLAIRE HOBBS", "Thank you. This briefing is adjourned.")]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in later))
    assert closing_start(t) == len(t.turns) - 1
    banter = parse_text("\n\n".join([
        "ANN: Hello and welcome to the show. I finally put up the shelf this week, and it is nearly level.",
        "BOB: Nearly level is a sense of movement, as the estate agents say about subsidence in old houses.",
        *[f"ANN: So question {n}, why do house prices fall in the winter?\n\nBOB: Because fewer people move "
          "house when it is dark and cold, and sellers who must sell take lower offers." for n in range(6)]]))
    assert find_sections(banter)[0].label != "Opening statements"


def test_a_meeting_s_opening_business_is_one_section() -> None:
    """The call to order, the quorum and the minutes with their motion, up to the item the chair names after them,
    are the contents' first section, "Opening business"; a meeting that goes straight to its first item, or an
    interview, has none."""
    from reader.core.topics.sections import opening_business

    meeting = load_transcript(ROOT / "tests" / "data" / "exchanges" / "council-meeting.txt")
    sections = find_sections(meeting)
    assert_two_levels_cover(sections, len(meeting.turns))
    assert (sections[0].label, sections[0].last_turn) == ("Opening business", 3)
    assert meeting.turns[4].text.startswith("Thank you, Mayor. As you know, the water main")
    straight = parse_text("\n\n".join([
        "Chair: Good evening. Item 1, the library opening hours. Ms Lee?",
        *[f"Ms Lee: The library opens at nine on weekdays and the readers ask for evenings, point {n}.\n\n"
          f"Cllr Ford: Could it open at eight on Thursdays, for those who work, point {n}?" for n in range(5)],
        "Chair: Thank you. Item 2, the allotments. Mr Page?",
        *[f"Mr Page: The allotments have a waiting list of forty names and the water pipe leaks, point {n}.\n\n"
          f"Cllr Ford: Could the parish pay for the pipe, point {n}?" for n in range(5)]]))
    assert opening_business(straight) is None
    assert opening_business(load_transcript(sample_path())) is None


def test_a_podcast_s_sponsor_read_is_an_entry_of_its_own() -> None:
    """A host's sponsor read (a sponsor and an offer), with the break announced before it and the quips after it,
    is an entry at both levels, "Sponsor message"; the talk resumes with the next question. A bill "sponsored by"
    a member offers nothing, and a guest's words are no break in the programme."""
    bees = ("Honeybees forage three miles from the hive, and in a cold spring the colony eats its stores before the "
            "first flowers open, so we feed them sugar syrup in March. ")
    wasps = ("Wasps raid the weaker hives in late summer. We narrow the entrances to a bee's width, so the guards "
             "can hold the door, and we set traps away from the apiary. ")
    turns = [("ANN", "Welcome back to Garden Talk. Tom keeps bees. Tom, how far do your bees fly?"), ("TOM", bees * 3),
             ("BOB", "And what do they eat in a cold spring?"), ("TOM", bees * 2),
             ("BOB", "We're going to take a quick break, and when we come back, wasps."),
             ("ANN", "This episode is brought to you by Hive and Home. Their cedar hives last twenty years, and "
                     "listeners get fifteen percent off with the code GARDEN at hiveandhome dot com."),
             ("TOM", "I have one of those hives. It smells lovely."),
             ("ANN", "Tom, wasps. What do you do when they raid a hive?"), ("TOM", wasps * 3),
             ("BOB", "And do the traps work?"), ("TOM", wasps * 2)]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in turns))
    assert sponsor_breaks(t) == [(4, 6)]
    sections = find_sections(t)
    assert_two_levels_cover(sections, len(t.turns))
    read = next(s for s in sections if s.first_turn == 4)
    assert (read.last_turn, read.label, [x.label for x in read.topics]) == (6, "Sponsor message", ["Sponsor message"])
    assert any(s.first_turn == 7 for s in sections)  # the talk resumes with the next question
    # "Sponsored by" without an offer, or said by the guest: no sponsor read.
    bill = [*turns[:4], ("ANN", "The bill sponsored by Senator Hale would ban imports of queens. Will it pass?"),
            ("TOM", "I hope not; use code words all you like, but the queens come from Italy. " + bees)]
    assert sponsor_breaks(parse_text("\n\n".join(f"{who}: {text}" for who, text in bill))) == []
    guest = [*turns[:4], ("TOM", "My hives are sponsored by a local shop, and you get ten percent off with the "
                                 "code BEES. " + bees * 2), *turns[7:]]
    assert sponsor_breaks(parse_text("\n\n".join(f"{who}: {text}" for who, text in guest))) == []


def test_the_segments_a_host_or_a_chair_announces_are_sections_named_by_their_kind() -> None:
    """The listeners' questions, the audience's, a meeting's public comment and a quick-fire round each open a
    section named by its kind (the public part as the chair calls it); the opening's preview of what is coming
    announces nothing, and neither does a guest, nor a long turn mentioning listeners in passing."""
    bees = ("Honeybees forage three miles from the hive, and in a cold spring the colony eats its stores before the "
            "first flowers open, so we feed them sugar syrup in March. ")
    wasps = ("Wasps raid the weaker hives in late summer. We narrow the entrances to a bee's width, so the guards "
             "can hold the door, and we set traps away from the apiary. ")
    turns = [("ANN", "Welcome to Garden Talk. Later on, as always, your listener questions."),
             ("BOB", "And Tom keeps bees. Tom, how far do your bees fly?"), ("TOM", bees * 3),
             ("ANN", "And what do they eat in a cold spring?"), ("TOM", bees * 2),
             ("BOB", "We've got time for some listener questions. Jo in Leeds asks: what do I do about wasps?"),
             ("TOM", wasps * 3), ("ANN", "And do the traps work?"), ("TOM", wasps * 2),
             ("BOB", "Before we let you go, our quick-fire round. Honey or jam?"), ("TOM", "Honey."),
             ("ANN", "Spring or autumn?"), ("TOM", "Spring, always.")]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in turns))
    assert {turn: kind for turn, (kind, _) in announced_segments(t).items()} == {5: "listener", 9: "quick"}
    sections = find_sections(t)
    assert_two_levels_cover(sections, len(t.turns))
    named = {s.first_turn: s.label for s in sections}
    assert (named[5], named[9]) == ("Listener questions", "Quick-fire round")
    assert next(s for s in sections if s.first_turn == 9).topics[0].label == "Quick-fire round"
    assert next(s for s in sections if s.first_turn == 5).topics[0].label != "Listener questions"  # its own subject
    # A guest's words, or a host's long turn naming the listeners in passing, announce no segment.
    passing = [*turns[:5], ("TOM", "Our listener questions all come from beekeepers. " + wasps),
               ("BOB", "Tom, let's talk about wasps, because that's what our listener questions are mostly about, "
                       "every spring. " + wasps * 3)]
    assert announced_segments(parse_text("\n\n".join(f"{who}: {text}" for who, text in passing))) == {}
    meeting = ["CHAIR: Good evening. We move to public comment. Mrs Dale, you have three minutes.",
               "MRS DALE: " + bees * 2, "CHAIR: Thank you. Item 5, the allotments.", "CLLR REED: " + wasps * 2,
               "CHAIR: Thank you, Councillor Reed.", "CLLR REED: " + wasps]
    assert announced_segments(parse_text("\n\n".join(meeting))) == {}  # the first turn opens the meeting itself
    called = parse_text("\n\n".join(["CLERK: We are quorate, Chair.", *meeting]))
    assert announced_segments(called) == {1: ("public", "public comment")}
    assert find_sections(called)[1].label == "Public comment"


def test_a_meetings_any_other_business_is_a_section_from_the_turn_after_the_chair_calls_it() -> None:
    """A chair calls the last item at the end of a turn that closes the one before: the section "Any other
    business" starts with the turn after (in German and Russian, only as an item: "Punkt 9, Verschiedenes")."""
    allotments = ("The allotment waiting list has forty names on it and the plots by the brook flood every winter, "
                  "so we would like the council to drain them before the spring sowing. ")
    turns = ["CLERK: We are quorate, Chair.", "CHAIR: Good evening. Item 4, the allotments. Councillor Reed.",
             "CLLR REED: " + allotments * 2, "CLLR PATEL: " + allotments,
             "CHAIR: Is everyone content to ask the clerk to write to the drainage board? Proposed by Councillor "
             "Reed, seconded by Councillor Patel. All in favour? Thank you. Any other business?",
             "CLLR WHITMORE: The Christmas lights switch-on is on the thirtieth of November, and we still need "
             "volunteers for the stewarding.", "CHAIR: Thank you. The meeting is closed."]
    t = parse_text("\n\n".join(turns))
    assert announced_segments(t) == {5: ("other", "Any other business")}
    assert {s.first_turn: s.label for s in find_sections(t)}[5] == "Any other business"
    called_first = [*turns[:4], "CHAIR: Any other business?", *turns[5:]]
    assert announced_segments(parse_text("\n\n".join(called_first))) == {4: ("other", "Any other business")}
    spielplatz = "Der Spielplatz an der Schule braucht neue Schaukeln, und die alten sind seit dem Winter gesperrt. "
    german = parse_text("\n\n".join([
        "VORSITZENDE: Guten Abend. Punkt 4, der Spielplatz. Herr Krause, wie steht es?",
        "HERR KRAUSE: " + spielplatz * 2, "VORSITZENDE: Und die Kosten?", "FRAU LANGE: " + spielplatz,
        "VORSITZENDE: Danke. Punkt 9, Verschiedenes.", "HERR KRAUSE: Das Sommerfest ist am fünften Juli.",
        "VORSITZENDE: Noch etwas?", "FRAU LANGE: Ich habe Verschiedenes versucht, für die Schaukeln."]))
    assert announced_segments(german) == {4: ("other", "Punkt 9, Verschiedenes")}


def test_a_new_panel_introducing_itself_is_a_topic_of_its_own() -> None:
    """A hearing's second panel: the chair brings it in, each witness introduces themselves in a short turn,
    then the questions to it start a topic of their own. Witnesses who go on to make their case give none."""
    water = ("The company paid out more in dividends than it invested in the sewers, and the storm overflows "
             "spilled four hundred times last year into the river above the town. ")
    buses = ("Supported bus routes were cut by a fifth, and the villages lost their evening buses first, so people "
             "without a car cannot get to the hospital for a late appointment. ")
    first = [("CHAIR", "Good morning. Ms Reed, what do the councils spend on buses?"), ("MS REED", buses * 2),
             ("MR COLE", buses * 2), ("CHAIR", "And the evening routes?"), ("MS REED", buses * 2),
             ("MR COLE", buses)]
    second = [("CHAIR", "Thank you both. Welcome to our second panel. Could you introduce yourselves for the "
                        "record?"),
              ("MR BRANDON", "Good morning. Richard Brandon, chief executive of Severn Water."),
              ("MS ODUYA", "Good morning. Helen Oduya, director of enforcement at the Environment Agency."),
              ("CHAIR", "Mr Brandon, the first question has to be about money. Dividends or sewers?"),
              ("MR BRANDON", water * 2), ("CHAIR", "Ms Oduya, the overflows?"), ("MS ODUYA", water * 2),
              ("CHAIR", "And the river above the town?"), ("MR BRANDON", water)]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in (*first, *second)))
    topics = {topic.first_turn: topic.label for s in find_sections(t) for topic in s.topics}
    assert topics[6] == "Panel introductions" and 9 in topics and topics[9] != "Panel introductions"
    making_a_case = [second[0], *((who, text + " " + water * 2) for who, text in second[1:3]), *second[3:]]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in (*first, *making_a_case)))
    assert "Panel introductions" not in {topic.label for s in find_sections(t) for topic in s.topics}


def test_the_last_part_a_host_announces_opens_a_section() -> None:
    """"Last question.", "We're nearly out of time": in the last 30% of the turns, the host's announcement of the
    last part opens a section and its first topic, however much its words share with the one before; earlier, or
    said by the guest, it announces nothing."""
    bees = ("Honeybees forage three miles from the hive, and in a cold spring the colony eats its stores before the "
            "first flowers open, so we feed them sugar syrup in March. ")
    turns = [("HOST", "Tom, how far do your bees fly?"), ("TOM", bees * 2),
             *[pair for n in range(7) for pair in (("HOST", f"And in a cold spring, week {n}, what do they eat?"),
                                                   ("TOM", bees * 2))],
             ("HOST", "Last question. Do the bees forage in a cold spring at all?"), ("TOM", bees * 2),
             ("HOST", "Tom, thank you."), ("TOM", "Thank you.")]
    t = parse_text("\n\n".join(f"{who}: {text}" for who, text in turns))
    assert last_part_start(t) == 16
    assert 16 in {s.first_turn for s in find_sections(t)}
    early = [*turns[:2], ("HOST", "Last question first, as a joke. How far do they fly?"), ("TOM", bees), *turns[2:]]
    assert last_part_start(parse_text("\n\n".join(f"{who}: {text}" for who, text in early))) == 18
    guest = [*turns[:16], ("TOM", "One last thing about the bees: " + bees), *turns[17:]]
    assert last_part_start(parse_text("\n\n".join(f"{who}: {text}" for who, text in guest))) is None


def test_where_a_host_announces_the_last_part_of_a_seen_gold_file_its_last_section_starts_there() -> None:
    """The gold files (all but the unseen set) whose last section a person opened at the host's "Last question."
    or "We're nearly out of time": a found section opens at that turn too in each of them (24 of them)."""
    announced = []
    for path in sorted(GOLD.glob("**/*.json")):
        if path.parent.name == "held-out-13" or "sections" not in (gold := json.loads(path.read_text("utf-8"))):
            continue
        transcript = load_transcript(ROOT / gold["transcript"])
        if (start := last_part_start(transcript)) is not None and start == gold["sections"][-1]["first_turn"]:
            announced.append((path.stem, start, start in {s.first_turn for s in find_sections(transcript)}))
    assert len(announced) >= 20
    assert [name for name, _, found in announced if not found] == []


@pytest.mark.parametrize(("name", "word"), [("held-out-5/winzerin-interview", "schluss"),
                                            ("held-out-11/spanish-press-conference", "pregunta"),
                                            ("held-out-8/ornitolog-interview", "минут")])
def test_the_words_announcing_the_last_part_name_no_topic_in_any_language(name: str, word: str) -> None:
    """"Zum Schluss", "Última pregunta", "У нас осталась пара минут" say that the end comes, as "Last question"
    and "a few minutes" do in English: no word of theirs names the topic."""
    from reader.core.topics.contents import topics_from_starts

    transcript, gold = load_gold(GOLD / f"{name}.json")
    labels = [t.label.lower() for t in topics_from_starts(transcript, [g["first_turn"] for g in gold["topics"]])]
    assert not [label for label in labels if word in label]


@pytest.mark.parametrize("name", ["held-out-5/state-dept-briefing", "held-out-8/tyre-fire-press-conference"])
def test_a_reporters_follow_up_names_no_topic(name: str) -> None:
    """"Follow-up on Geneva." and "Jonathan, you had a follow-up." say how a question comes, not what about."""
    from reader.core.topics.contents import topics_from_starts

    transcript, gold = load_gold(GOLD / f"{name}.json")
    labels = [t.label.lower() for t in topics_from_starts(transcript, [g["first_turn"] for g in gold["topics"]])]
    assert not [label for label in labels if "follow" in label]
