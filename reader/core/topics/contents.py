"""The automatic table of contents of an interview: its sections, each holding its topics (`find_sections`), or
the topics alone (`find_topics`); and labels for topics or sections starting at given turns, which the reader's
edits ask for (edits.py). The types are the package's (`Topic`, `Section`)."""

from __future__ import annotations

import dataclasses

from reader.core.model import Transcript
from reader.core.topics import Section, Topic, russian
from reader.core.topics.cues import announced_subject, moves_on, subject_label
from reader.core.topics.label import (
    ADJOURNMENT,
    ANNOUNCED_USES,
    CLOSING,
    CONSENT,
    INTRODUCTIONS,
    OPENING_BUSINESS,
    OPENING_INTRODUCTIONS,
    OPENING_STATEMENTS,
    SEGMENT_NAMES,
    SPONSOR,
    label_topics,
    language,
    panel_introductions,
)
from reader.core.topics.sections import (
    announced_segments,
    closing_start,
    document_sections,
    group_topics,
    last_part_start,
    opening_business,
    opening_statements,
    panel_starts,
    sponsor_breaks,
)
from reader.core.topics.segment import agenda_items, choose_boundaries, score_gaps, units_of
from reader.core.topics.terms import WORD, TermTable, TermTables, build_terms, term_lookup


def find_topics(transcript: Transcript, terms: TermTables | None = None) -> list[Topic]:
    """The automatic topics of a transcript, in order (an empty list for a transcript without turns)."""
    return [topic for section in find_sections(transcript, terms) for topic in section.topics]


def find_sections(transcript: Transcript, terms: TermTables | None = None) -> list[Section]:
    """The automatic two-level table of contents: the document's own sections when it has headings, else
    sections grouped from the topics. The transcript's term table is kept in `terms`, for the relabelling
    that the reader's edits ask for (`apply_section_edits` with the same `terms`)."""
    if not transcript.turns:
        return []
    table = build_terms(transcript)
    if terms is not None:
        terms.keep(transcript, table)  # always fresh here; the edits' relabelling reuses it
    upper, lower, procedural = document_sections(transcript)
    lang = "" if upper else language(transcript)  # the language the structural entries are named in
    opening = None if upper else _opening(transcript, lang)
    close = None if upper else closing_start(transcript)
    # "Last question.", "We're nearly out of time": the last part opens a section (in the gold files with sections
    # that announce it, a person's last section opens there in 24 of 38; in the others it splits the last section,
    # or the announcement is a topic inside it).
    last_part = None if upper else last_part_start(transcript)
    # A podcast's sponsor reads: each an entry of its own at both levels, the conversation resuming after it.
    sponsored = [] if upper else sponsor_breaks(transcript)
    resumed = [last + 1 for _, last in sponsored if last + 1 < len(transcript.turns)]
    # The segments the host or the chair announces (listeners' questions, public comment...): each a section; one
    # inside the opening ends it there.
    segments = {} if upper else announced_segments(transcript)
    if opening and (inside := [turn for turn in segments if turn < opening[0]]):
        opening = (min(inside), opening[1])
    panels = [] if upper else panel_starts(transcript)
    # A new panel introducing itself is a topic of its own, the questions to it the next.
    introduced = panel_introductions(transcript, panels, lang)
    if not upper:  # a hearing's panels of witnesses, each a section, as a document's "Examination of witnesses"
        procedural = sorted({*procedural, *panels, *([opening[0]] if opening else []),
                             *([close] if close else []), *(first for first, _ in sponsored), *resumed,
                             *segments, *([last_part] if last_part else [])})
    headed = [*(turn for turn, _ in (*upper, *lower)), *procedural, *([last_part] if last_part else []),
              *(end for end, _ in introduced.values())]
    cuts = frozenset(turn for turn in headed if turn > 0)
    units = units_of(transcript, table, cuts)
    forced = frozenset(u for u, unit in enumerate(units) if unit.first_turn in cuts)
    gaps = score_gaps(units, table)
    chosen = choose_boundaries(gaps, units, forced)
    strength = {units[g.unit].first_turn: g.score for g in gaps}
    starts = [0, *(units[u].first_turn for u in chosen)]
    topics = topics_from_starts(transcript, starts, table)
    titles = dict(lower)
    if close:  # the chair's close: "Adjournment" when the chair adjourns, else "Closing remarks"
        words = ADJOURNMENT if "adjourn" in transcript.turns[close].text.lower() else CLOSING
        titles = {**titles, close: words[lang]}
    titles.update((first, SPONSOR[lang]) for first, _ in sponsored)
    titles.update((start, name) for start, (_, name) in introduced.items())
    titles.update((turn, SEGMENT_NAMES[kind][lang]) for turn, (kind, _) in segments.items() if kind == "quick")
    topics = [Topic(t.first_turn, t.last_turn, titles[t.first_turn], t.keywords) if t.first_turn in titles else t
              for t in topics]
    if upper:
        section_starts = sorted({0, *(turn for turn, _ in upper), *procedural})
        named = dict(upper)
    else:
        # Sections gather the topics found without the questions that only ask about something new (`fresh`):
        # those open a topic, rarely a section, and would blur the wider view the sections are found by.
        coarse = [0, *(units[u].first_turn for u in choose_boundaries(gaps, units, forced, fresh=False))]
        spans = list(zip(coarse, [*(start - 1 for start in coarse[1:]), len(transcript.turns) - 1], strict=True))
        # The welcome and introductions are a section of their own, and so is the sign-off: a reader's contents
        # lists them apart.
        apart = {topics[1].first_turn} if len(topics) > 1 and topics[0].label in OPENINGS else set()
        apart.update(turn for turn in procedural if turn > 0)
        if len(topics) > 2 and topics[-1].label in CLOSING.values():
            apart.add(topics[-1].first_turn)
        opened = group_topics(table, spans, [strength.get(first, 0.0) for first, _ in spans],
                              [moves_on(transcript.turns[first].text) for first, _ in spans],
                              frozenset(i for i, (first, _) in enumerate(spans) if first in apart))
        fine = [t.first_turn for t in topics]
        # (A section starts where a topic does: at the nearest, where a fresh question's topic took the place.)
        section_starts = sorted({0, *apart, *(min(fine, key=lambda turn: abs(turn - spans[i][0])) for i in opened)})
        if opening:  # the opening statements or business are one section, whatever their topics
            section_starts = [s for s in section_starts if not 0 < s < opening[0]]
        named = {}
    sections = sections_from_starts(transcript, topics, section_starts, named, table)
    # A chair's agenda item names its subject as a heading does ("Item 6, the allotments."): a computed section
    # it opens takes the item's title; its topics keep their own, finer labels.
    items = {turn: title for turn, title in agenda_items(transcript).items() if title}
    if opening:
        items[0] = opening[1]
    items.update((first, SPONSOR[lang]) for first, _ in sponsored)
    items.update((turn, SEGMENT_NAMES[kind][lang] if kind in SEGMENT_NAMES else words.capitalize())
                 for turn, (kind, words) in segments.items())
    return [dataclasses.replace(s, label=items[s.first_turn]) if s.source == "computed" and s.first_turn in items
            else s for s in sections]


# The openings the reader's contents list apart, each a section of its own.
OPENINGS = frozenset((*INTRODUCTIONS.values(), *CONSENT.values(), *OPENING_INTRODUCTIONS.values()))


def _opening(transcript: Transcript, lang: str) -> tuple[int, str] | None:
    """Where a hearing's or a press conference's opening statements end, or a meeting's opening business, and
    the name of that first section; None when the transcript opens otherwise."""
    if (end := opening_statements(transcript)) is not None:
        return end, OPENING_STATEMENTS[lang]
    if (end := opening_business(transcript)) is not None:
        return end, OPENING_BUSINESS[lang]
    return None


def sections_from_starts(transcript: Transcript, topics: list[Topic], starts: list[int],
                         named: dict[int, str] | None = None, table: TermTable | None = None) -> list[Section]:
    """Sections opening at the given turns (each a topic start; 0 is added), holding the topics, with the
    document's titles where `named` has one and automatic labels elsewhere."""
    named = named or {}
    count = len(transcript.turns)
    bounds = sorted({0, *(s for s in starts if 0 <= s < count)})
    spans = [(s, e - 1) for s, e in zip(bounds, [*bounds[1:], count], strict=True)]
    computed = [span for span in spans if span[0] not in named]
    table = table if table is not None else build_terms(transcript)
    parts = [[(t.first_turn, t.last_turn) for t in topics if first <= t.first_turn <= last] for first, last in computed]
    labels = dict(zip(computed, label_topics(transcript, table, computed, parts), strict=True)) if computed else {}
    sections = []
    for first, last in spans:
        inside = tuple(t for t in topics if first <= t.first_turn <= last)
        if first in named:
            label, source = named[first], "document"
            keywords = inside[0].keywords if len(inside) == 1 else tuple(dict.fromkeys(
                k for t in inside for k in t.keywords[:2]))[:6]
        else:
            (label, keywords), source = labels[(first, last)], "computed"
            if inside:
                label = _section_label(transcript, table, label, inside)
        sections.append(Section(first, last, label, keywords, source, inside))
    return sections


def _section_label(transcript: Transcript, table: TermTable, own: str, inside: tuple[Topic, ...]) -> str:
    """A computed section's name. Its opening question often announces the subject of the whole section ("Let's
    turn to the hazardous materials.", "On the transit deal, ..."; the question may follow a moderator's turn
    giving the floor): then the first label naming it, a topic's or the section's own, else the subject as the
    question words it, when the section goes on to talk about it. Else the section's own label: the phrase
    that sets the whole section apart from the rest of the transcript, which is what its topics share, not one
    topic's name ("Stadium and Fairview" over the first topic's "Fairview: crisis teams"). A section of one topic
    is named as it, so the two read as one."""
    if len(inside) == 1:
        return inside[0].label
    first, last = inside[0].first_turn, inside[-1].last_turn
    question = next((turn.text for turn in transcript.turns[first:min(first + OPENING_TURNS, last + 1)]
                     if announced_subject(turn.text)), "")
    announced = {t for t in map(term_lookup, WORD.findall(announced_subject(question))) if t}
    if announced:
        for label in (*(t.label for t in inside), own):
            if announced.intersection(map(term_lookup, WORD.findall(label))):
                return label
        subject = subject_label(question)
        terms = [t for t in map(term_lookup, WORD.findall(subject)) if t]
        counts = table.span_counts(first, last)
        if terms and min(counts.get(t, 0) for t in terms) >= ANNOUNCED_USES:
            # As the question says it, in the case its sentence needed: a Russian label is in the nominative.
            return russian.nominative_label(subject) if table.extra.get("language") == "ru" else subject
    return own


OPENING_TURNS = 2  # a section's opening question is in its first turns (after a moderator's, if any)


def topics_from_starts(transcript: Transcript, starts: list[int], table: TermTable | None = None) -> list[Topic]:
    """Automatic labels for topics beginning at the given turns (0 is added when missing)."""
    bounds = sorted({0, *(s for s in starts if 0 <= s < len(transcript.turns))})
    spans = [(s, e - 1) for s, e in zip(bounds, [*bounds[1:], len(transcript.turns)], strict=True)]
    labels = label_topics(transcript, table or build_terms(transcript), spans)
    return [Topic(first, last, label, keywords) for (first, last), (label, keywords) in zip(spans, labels, strict=True)]
