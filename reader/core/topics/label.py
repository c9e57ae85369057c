"""Labels a journalist would write in a notebook ("Syria: US bases", "North Korea sanctions"), and keywords.

A term's weight in a topic is its count times the log of its lift (how much more often the topic uses it
than the rest of the interview does), boosted when the question that opens the topic uses it: the interviewer names the
subject there. Phrases of two or three words ("North Korea", "working group", "Imperial War Museum") compete with
single terms when they recur, and stand in for a word they usually carry ("bases" -> "American bases"). Terms
found in most topics are the interview's setting and weigh little; generic nouns ("system") label only inside a
phrase; a verb of a short list heads its object ("Expelling US diplomats"), and a participle the opening question
uses of the head qualifies it ("Seized Russian property"). Speaker names, titles and fillers are never candidates.
This module scores the candidates; `compose` ranks them and writes the label.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
import re
from collections import Counter
from itertools import chain

from reader.core.asking import asks
from reader.core.model import Role, Transcript
from reader.core.topics import russian
from reader.core.topics.common_words import BANDS
from reader.core.topics.compose import EVERYDAY, PHRASE_MIN, Candidate, _participle, compose, participle_prefix, rank
from reader.core.topics.cues import (
    QUESTIONER_HEAD,
    READ_OUT,
    SELF_INTRODUCED,
    announced_subject,
    opens_topic,
    subject_label,
)
from reader.core.topics.sections import opening_statements
from reader.core.topics.stopwords import (
    BROADCAST,
    CALENDAR,
    CONJUNCTIONS,
    FILLER,
    GENERIC,
    GERUNDS,
    LANGUAGE_CUES,
    NOT_A_LABEL,
    NOUN_BEFORE,
    OBJECT_AFTER,
    VERB_BEFORE,
)
from reader.core.topics.terms import WORD, TermTable, shown_form, term_lookup, term_of
from reader.core.topics.units import agenda_items
from reader.core.topics.word_classes import MODIFIERS, VERBS

SAID_AS_ONE = 2  # a phrase said this often is a name for something, whatever its words are used as elsewhere
OPENING_BOOST = 2.5  # the opening question names the subject
ANNOUNCED_BOOST = 3.0  # ... above all the words it announces as its subject ("Let me ask you about the injuries.")
ANNOUNCED_LIFT = 2.0  # an announced word counts as at least this distinctive, even when the whole talk uses it
# How much a word of everyday speech keeps of its weight, by how common it is (Zipf band): "head", "books" and
# "west" say less about a topic than "sourdough" or "mortgage" said as often. Names keep theirs.
GENERAL_USAGE = {5.5: 0.25, 5.0: 0.4, 4.5: 0.6, 4.0: 0.8}
_COMMONNESS = {word: GENERAL_USAGE[band] for band, words in BANDS.items() for word in words.split()}
_EVERYDAY = frozenset(BANDS[5.5].split())
PHRASE_BONUS = 1.2  # a recurring phrase says more than either of its words ("North Korea" over "Korea")
KEYWORDS = 6
# A topic's subject is what many of its turns come back to ("prices", "the flood plan"), not a word one turn says
# over and over ("pork pies" in a last anecdote, "the seventeenth" of a date): a term's weight goes with the share
# of the topic's turns that use it, to this power.
TURN_SPREAD = 0.25
TOPIC_SPREAD = 1.0  # ... and a section's, also with the share of its topics using it, to this power
NAMED_ONCE = 2  # ... and a name the whole transcript says this often at most, in one turn of a topic, in passing
PAIR_SHARE = 0.3  # a second word joins a one-word label when it weighs this share of the head
EVEN_MIN_TOPICS = 4  # from this many topics, a term found in most of them is penalised as the setting...
EVEN_SHARE = 0.6  # ... most meaning more than this share
_PHRASE_BUDGET = 100_000  # characters of phrase scanning shared by all topics of a long transcript
# The lookahead lets the engine skip, letter by letter, every position no opener starts at: 1.5x faster.
_ADDRESSED = re.compile(r"(?=[TtGgYyOoWwHhSsCc])\b"
                        r"(?:[Tt]hank you|[Tt]hanks|[Gg]o ahead|[Yy]es|[Oo]kay|[Ww]ell|[Hh]ello|[Hh]i|[Ss]orry|"
                        r"[Cc]ongratulations),? "
                        r"((?:[A-Z][\w'’-]+ ?){1,2})[.,!?]")
# Speakers introducing themselves: "I'm Ruth Calloway", "je suis Claire Morel", "ich bin ...", "me llamo ...";
# and the interviewer a printed interview credits ("Interview by Ana Ruiz", "Das Gespräch führte Martin Seidel.").
_INTRODUCED = re.compile(r"(?=[IiMmJjSsGgPpEe])\b(?:I'm|I’m|I am|[Mm]y name is|[Jj]e suis|[Jj]e m'appelle|[Ii]ch bin|"
                         r"[Mm]e llamo|[Ss]oy|[Ii]nterview(?:ed)? by|[Ii]nterview:|[Gg]espräch führten?|"
                         r"[Pp]ropos recueillis par|[Ee]ntrevista de|[Ee]ntrevista:)\s+((?:[A-Z][\w'’-]+ ?){1,3})")
# People the talk names by their title ("Councillor Reid", "Mr Lyle", "Dr. Whitfield"): one named only in
# passing (twice at most: "apologies from Councillor Reid") is no subject; a nominee the talk comes back to is.
# The lookahead skips, in C, every position no title starts at (most are lowercase letters).
_LISTENER = re.compile(r"(?=[A-Zaemt])\b(?:([A-Z][\w'’-]+) (?:in|from) [A-Z][\w'’-]+,? (?:asks|writes|says|emails|"
                       r"wants to know|wonders|has been in touch|is on the line)|(?:email|text|message|call|question|"
                       r"note) from ([A-Z][\w'’-]+))")
# Reporters and callers a moderator or host gives the floor to ("Next we have Sofia Marin from Radio Latina.",
# "Our next question is from Tom Hadley at the Herald.", "a text we've had from Priya", "La primera es de Marta, de
# Zaragoza."): who asks, and the newspaper or station they ask for, are no subject. (A caller's town stays: it may
# be what the question is about.) The lookahead skips every position that starts neither "from" nor "de".
_NAME = r"[A-ZÁÉÍÓÚÑ][\w'’-]+"
_OUTLET = r"(?:the )?([A-Z0-9][\w'’-]*(?: [A-Z0-9][\w'’-]*){0,2})"
_ASKER = re.compile(
    rf"(?=[QqNnWwTtEeMmCcPpSsLlÚú])\b(?:(?:questions?|next|text|email|message|call|caller|note)(?: [\w'’]+){{0,4}}? "
    rf"from ({_NAME}(?: {_NAME})?)(?: (?:at|from|with) {_OUTLET})?"
    rf"|(?:next|we have|we've got|now) (?:we have |up |is )?({_NAME} {_NAME}) (?:at|from|with) {_OUTLET}"
    rf"|(?:pregunta|primera|segunda|tercera|última|mensaje|correo|question|message|courriel)(?:,? [\w'’]+){{0,3}}?,? "
    rf"d[e'] ({_NAME}(?: {_NAME})?),? d[e'] ?[A-ZÁÉÍÓÚ]"
    rf"|(?:more|next|last|first|one)[.:!] ({_NAME} {_NAME}), {_OUTLET}[.!]?(?=\n|$))")
# Anyone taking the floor by name, in any turn: "Thanks. Mark Tennant, I'm a councillor", "Hi, I'm Sarah Quinn".
_FROM_THE_FLOOR = re.compile(rf"(?=[A-ZÁÉÍÓÚÑIi])(?:(?:^|(?<=[.!?] ))(?!The )({_NAME} {_NAME}), "
                             rf"(?:I'm|I’m|I am|I work|I run|I live|I used to)\b"
                             rf"|\b(?:I'm|I’m|I am|my name is|My name is) ({_NAME} {_NAME})\b)", re.MULTILINE)
SHORT_TURN = 100  # characters: a moderator's turn giving the floor
_ASKER_BUDGET = 400_000  # characters searched for them, shared by all turns (their openings)
_TITLED = re.compile(r"(?=[MDPCSRGJALHF])\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Professor|Councillor|Cllr|Senator|Congressman|"
                     r"Congresswoman|Representative|Mayor|Chairwoman|Chairman|Chair|Governor|Secretary|Minister|"
                     r"Judge|Justice|Ambassador|Director|Commissioner|Sir|Dame|Lord|Lady|Madame|Monsieur|Herr|Frau|"
                     r"Señor|Señora)\.? ((?:[A-Z][\w'’-]+ ?){1,2})")
_TITLED_BUDGET = 400_000  # characters searched for titled names, shared by all turns (their openings)
# Words, and clause punctuation as an empty token: a phrase never runs across a comma or a full stop.
_WORDS_AND_BREAKS = re.compile(rf"({WORD.pattern})|[.,;:!?()\[\]\"“”‘—–…]")


def speaker_terms(transcript: Transcript) -> frozenset[str]:
    """Terms of every speaker's label and name, of the names speakers address each other by ("Thank you,
    Ines.", "Go ahead, Selina.") and of those they introduce themselves by ("I'm Ruth Calloway"): a label never
    names who is talking, even when the file labels them Q and A."""
    words = [f"{speaker.label} {speaker.name}" for speaker in transcript.speakers]
    # One search over every turn's head and tail, a line each: a name never spans lines.
    ends = "\n".join(f"{turn.paragraphs[0].text[:80]}\n{turn.paragraphs[-1].text[-80:]}"
                     for turn in transcript.turns if turn.paragraphs)
    words += _ADDRESSED.findall(ends)
    # Speakers introduce themselves at the start ("... I'm Ruth Calloway."): the first turns, read further.
    words += _INTRODUCED.findall("\n".join(turn.text[:600] for turn in transcript.turns[:8]))
    # Listeners and callers a host reads out ("Amira in Bristol asks...", "an email from Tom"): people, not topics.
    # (Read only on the lines that can hold one: the search is slow on every line of a long transcript.)
    heard = "\n".join(line for line in ends.split("\n") if " from " in line or " in " in line)
    words += [name for pair in _LISTENER.findall(heard) for name in pair if name]
    # Reporters and callers given the floor: read in each turn's opening, where a moderator names them.
    head = max(200, _ASKER_BUDGET // max(1, len(transcript.turns)))
    openings = [turn.text[:head] for turn in transcript.turns]
    # (A moderator's short turn may name them alone: "We have time for two more. Ben Osei, WXRT.")
    asked = "\n".join(text for text in openings if " from " in text or " de " in text or " d'" in text
                       or (len(text) < SHORT_TURN and ", " in text))
    words += [name for pair in _ASKER.findall(asked) for name in pair if name]
    # Listeners whose questions are read out ("This first one is from Gareth in Swansea."), and reporters naming
    # themselves and their outlet as they take the floor ("Thanks, Daniel. Lara Benning, Global Wire.").
    words += READ_OUT.findall(asked)
    heads = "\n".join(text[:QUESTIONER_HEAD] for text in openings)
    words += [name for found in SELF_INTRODUCED.findall(heads) for name in found]
    # ... and anyone taking the floor by their name: "Thanks. Mark Tennant, I'm a councillor in Salford.", "Hi,
    # I'm Sarah Quinn from Historic Homes Trust."
    words += [name for found in _FROM_THE_FLOOR.findall(heads) for name in found if name]
    found = set(map(term_lookup, WORD.findall(" ".join(words))))
    found.discard(None)
    return frozenset(found)  # type: ignore[arg-type]  # None was just removed


def people_in_passing(transcript: Transcript, table: TermTable) -> frozenset[str]:
    """Terms of people named with a title and mentioned at most twice in the whole transcript."""
    head = max(120, _TITLED_BUDGET // max(1, len(transcript.turns)))
    names = _TITLED.findall("\n".join(turn.text[:head] for turn in transcript.turns))
    found = {term_lookup(w) for w in WORD.findall(" ".join(names))}
    return frozenset(t for t in found if t is not None and table.totals.get(t, 0) <= 2)


# A turn opening by addressing someone: "Dave, don't look at the clock.", "Hannah, how does someone end up...".
_HAILED = re.compile(r"^([A-ZÁÉÍÓÚÑ][\w'’-]+), (?=[a-zà-ÿ])", re.MULTILINE)
# A speaker's first name before the surname the file labels them by: "Die Winzerin Johanna Kessler führt...".
_FIRST_NAME = r"(?=[A-ZÁÉÍÓÚÑ])\b([A-ZÁÉÍÓÚÑ][\w'’-]+) (?:{})\b"
HAILED_HEAD = 30  # characters of each turn's opening searched


def people_hailed(transcript: Transcript, table: TermTable) -> frozenset[str]:
    """Terms of the people a turn opens by addressing ("Dave, don't look at the clock."), and of the first names
    before the surnames speakers are labelled by ("Johanna Kessler" for "Kessler:"): names (capitalised inside a
    sentence elsewhere), never words of everyday speech ("Right, we've...", "Frau Kessler")."""
    words = _HAILED.findall("\n".join(turn.text[:HAILED_HEAD] for turn in transcript.turns))
    surnames = [re.escape(speaker.label) for speaker in transcript.speakers
                if " " not in speaker.label and speaker.label[:1].isupper() and not speaker.label.isupper()]
    if surnames:
        opening = "\n".join(turn.text[:600] for turn in transcript.turns[:8])
        words += re.findall(_FIRST_NAME.format("|".join(surnames)), opening)
    found = {term_lookup(w) for w in words if w.lower() not in EVERYDAY}
    return frozenset(t for t in found if t is not None and t in table.names)


def label_topics(transcript: Transcript, table: TermTable, spans: list[tuple[int, int]],
                 parts: list[list[tuple[int, int]]] | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """(label, keywords) for each (first_turn, last_turn) span; `parts`, for sections, the spans of each one's
    topics: a section is named by what most of its topics talk about."""
    excluded = table.extra.get("speakers")
    if not isinstance(excluded, frozenset):
        excluded = table.extra["speakers"] = speaker_terms(transcript) | people_in_passing(transcript, table) \
            | people_hailed(transcript, table)
        # once per table: both levels need it
        table.extra["language"] = language(transcript)
        table.extra["and"] = CONJUNCTIONS[str(table.extra["language"])]
        # German writes every noun with a capital: there a capital tells no name, only an acronym does ("ICE").
        table.extra["german"] = dataclasses.replace(table, names=frozenset(t for t in table.names if t.isupper()))
    conjunction = str(table.extra["and"])
    if table.extra["language"] == "de":
        table = table.extra["german"]  # type: ignore[assignment]  # a TermTable, set just above
    counts = [table.span_counts(first, last) for first, last in spans]
    covered = [first for first, _ in spans] == [0, *(last + 1 for _, last in spans[:-1])] and bool(spans) \
        and spans[-1][1] == len(table.turn_sequences) - 1
    total = table.totals if covered else sum(counts, Counter())
    grand = sum(total.values())
    spans_with: Counter[str] = Counter()
    for topic in counts:
        spans_with.update(topic.keys())
    # Outside English (whose stopwords are listed in full) the commonest words of everyday speech are function
    # words and verbs the short lists miss ("mismo", "всего", "lleva"): none names a subject.
    everyday = _EVERYDAY if table.extra["language"] != "en" else frozenset()
    german = table.extra["language"] == "de"
    english = table.extra["language"] == "en"
    spanish = table.extra["language"] == "es"
    russian_words = table.extra["language"] == "ru"
    labelable = {t for t in spans_with if t not in excluded and not _adverb(table.display[t])
                 and not table.display[t].lower().endswith(_CONTRACTED)
                 and not (german and table.display[t][:1].islower())
                 and table.display[t].lower() not in NOT_A_LABEL and table.display[t].lower() not in everyday
                 and not (_unfit_russian(t, table) if russian_words else russian_verb(table.display[t]))
                 and not future_verb(table.display[t], str(table.extra["language"]))}
    # A count or a date in words ("the seventeenth"), and the broadcast's own words ("Lunchtime", "programmes"),
    # name no subject alone; inside a phrase they may qualify one ("Third term", "missile programmes").
    framing = {t for t in labelable if table.display[t].lower() in BROADCAST
               or counting_word(table.display[t], str(table.extra["language"]))}

    def spread(topics_using: int) -> float:
        """Down-weights names the whole interview is about (Trump, Russia): they tell no topic apart. A term in
        nearly every topic of a long outline is the interview's setting ("Moscow"), not any topic's subject."""
        if len(spans) < 2:
            return 1.0
        factor = math.log(1 + len(spans) / topics_using) / math.log(1 + len(spans))
        share = topics_using / len(spans)
        if len(spans) >= EVEN_MIN_TOPICS and share > EVEN_SHARE:
            factor *= (1 - share) / (1 - EVEN_SHARE)
        return factor

    spreads = [0.0, *(spread(k) for k in range(1, len(spans) + 1))]  # by the number of topics using a term
    turn_sets = table.extra.get("turn_sets")
    if not isinstance(turn_sets, tuple):
        turn_sets = table.extra["turn_sets"] = tuple(map(frozenset, table.turn_sequences))
    budget = max(600, _PHRASE_BUDGET // max(1, len(spans)))
    results: list[tuple[str, tuple[str, ...]]] = []
    for (first, last), topic in zip(spans, counts, strict=True):
        size = sum(topic.values()) or 1
        rest = grand - size
        opening = frozenset(table.turn_sequences[first])
        announced = frozenset(filter(None, map(term_lookup, WORD.findall(announced_subject(
            transcript.turns[first].text)))))

        allowed = labelable.intersection(topic)
        in_turns, talking = _turn_spread(turn_sets, first, last)
        inside = parts[len(results)] if parts is not None and len(parts[len(results)]) > 1 else []
        in_topics: Counter[str] = Counter()
        for part in inside:
            in_topics.update(table.span_counts(*part).keys())
        # A place or a person the talk names in passing, in one turn of a longer topic ("Jess in Salisbury"), is
        # where a caller rings from or who is mentioned, not what the topic is about.
        passing = {t for t in allowed if t in table.names and in_turns[t] == 1 and table.totals[t] <= NAMED_ONCE
                   and talking > 2}
        singles = allowed.difference(framing, passing)
        weight = {}
        for t, n in topic.items():  # _distinctive inlined: this loop sees every term of every topic
            if t not in singles:
                continue
            boost = (OPENING_BOOST if t in opening else 1.0) * (ANNOUNCED_BOOST if t in announced else 1.0)
            if rest <= 0:
                w = n * boost
            else:
                lift = (n / size) / ((total[t] - n + 0.5) / rest)
                if t in announced:
                    lift = max(lift, ANNOUNCED_LIFT)
                if lift <= 1.0:
                    continue
                w = n * math.log(lift) * boost
            w *= spreads[spans_with[t]] * (in_turns[t] / talking) ** TURN_SPREAD
            if inside:
                w *= (in_topics[t] / len(inside)) ** TOPIC_SPREAD
            if t not in table.names:
                w *= _COMMONNESS.get(table.display[t].lower(), 1.0)
            if w > 0:
                weight[t] = w
        if not weight:
            # A short transcript's topic beside a rest too small to tell its words apart by (each said once, and
            # rarer elsewhere only by chance): named by what it says most, not by its turn numbers.
            weight = {t: float(n) * (OPENING_BOOST if t in opening else 1.0) for t, n in topic.items() if t in singles}
        phrases = []
        uses: dict[str, list[int]] = {}  # term -> [uses after a determiner, uses after a pronoun or modal]
        once: dict[tuple[str, ...], dict[tuple[str, ...], int]] = {}  # phrases said once: their spellings
        for gram, (n, text, in_opening, after, turns) in _phrases(transcript, first, last, budget, allowed, table,
                                                                  uses, once).items():
            elsewhere = min(total[t] - topic[t] for t in gram)
            score = _distinctive(n, size, elsewhere, rest, in_opening) * spreads[min(spans_with[t] for t in gram)] \
                * (turns / talking) ** TURN_SPREAD
            # A phrase that accounts for most uses of its words stands for them ("North Korea" over "Korea").
            score = max(score, max(weight.get(t, 0) for t in gram) * n / max(topic[t] for t in gram))
            score *= PHRASE_BONUS if n >= PHRASE_MIN else 1.0
            if announced.issuperset(gram):
                score *= ANNOUNCED_BOOST
            if score > 0:
                is_name = all(t in table.names for t in gram)
                phrases.append(Candidate(gram, text, score, is_name, n, in_opening, after))
        # A word used as a verb more than as a noun: twice, once in the past ("you mentioned inclusion"), or
        # never as a noun ("faut-il accepter de reculer ?", "qui paie ?").
        verbs = frozenset(t for t, (noun, verb) in uses.items() if verb > noun and t not in table.names
                          and (verb >= 2 or not noun or table.display[t].endswith("ed")))
        if spanish:  # "llaman", "dicen", "creció": a verb by its ending, where the topic puts no article before it
            verbs |= frozenset(t for t in weight if t not in table.names and not uses.get(t, (0, 0))[0]
                               and _SPANISH_FINITE.search(table.display[t]))
        # A phrase with a verb in it is a clause ("Valencia llaman paella", "freezing shut"), unless the topic says
        # it as one often: "sick leave" is a name, whatever "leave" is elsewhere.
        done = verbs.difference(GERUNDS)
        phrases = [p for p in phrases if p.is_name or (not done.intersection(p.terms[1:-1]) and (
            p.count >= SAID_AS_ONE or not done.intersection(p.terms)))] if done else phrases
        modifiers = frozenset(t for t in weight if english and t not in table.names
                              and (superlative(table.display[t]) or not uses.get(t, (0, 0))[0])
                              and adjective(table.display[t]))
        # ... and the words the language never uses as nouns: no verb names a subject ("Negotiate", "Teacher and
        # generate", "Tengan"), and a word that only qualifies a noun names one only in a phrase ("Online form",
        # not "Actual"). (An English participle may qualify a noun: "Leaking roof", "Seized Russian property".)
        verbs |= frozenset(t for t in weight if t not in table.names
                           and never_a_noun(table.display[t].lower(), table)
                           and not (english and table.display[t].endswith(("ed", "ing"))))
        qualifiers = frozenset(t for t in weight if t not in table.names
                               and (only_qualifies(table.display[t].lower(), table)
                                    or (english and counted_compound(table.display[t]))))
        # An "-ing" word the topic says after a determiner more than as a verb is a noun: "the planning", "a warning"
        # (not a compound adjective: "a good-looking lad").
        nouns = frozenset(t for t in weight if english and table.display[t].endswith("ing")
                          and "-" not in table.display[t]
                          and (uses_of := uses.get(t)) is not None and uses_of[0] > uses_of[1])
        ranked = rank(weight, phrases, table, topic, verbs, modifiers, qualifiers, nouns)
        # (What the topic says as a verb is no keyword: "recule", "dira", "aviez" tell nothing of its subject.)
        keywords = tuple(table.display[t] for t in heapq.nsmallest(KEYWORDS, weight.keys() - verbs,
                                                                      key=lambda t: (-weight[t], t)))
        question = transcript.turns[first].text
        label = _worded(ranked, phrases, once, weight, table, uses, question, conjunction, qualifiers)
        if english and label and " " not in label and ranked and ranked[0].is_name:
            label = _full_name(label, transcript, first, last, table, excluded) or label
        label = _announced(question, topic, label, conjunction) or label
        # Two neighbours never share a name ("Ashcombe library", "Ashcombe Library"): the second says what else it
        # is about, its next best subject, when it has one.
        if results and label and _label_terms(label) == _label_terms(results[-1][0]) and len(ranked) > 1:
            label = _worded(ranked[1:], phrases, once, weight, table, uses, question, conjunction, qualifiers) \
                or label
        if german and label:  # "Häusern", "Wintern": the plural as it is said outside the dative ("Häuser")
            label = _undative(label, table)
        if russian_words and label:  # "Куршской косе", "Звёздам": the nominative ("Куршская коса", "Звёзды")
            label = russian.nominative_label(label, conjunction)
        if first == 0 and (named := _opening_name(transcript, table, last, grand)):
            label = named[str(table.extra["language"])]
        elif first > 0 and last == len(transcript.turns) - 1 and _closing(transcript, first, last):
            label = CLOSING[str(table.extra["language"])]
        results.append((label or f"Turns {first + 1}-{last + 1}", keywords))
    return results


def _turn_spread(turn_sets: tuple[frozenset[str], ...], first: int, last: int) -> tuple[Counter[str], int]:
    """How many turns of first..last use each term, and how many use any (at least 1)."""
    sets = turn_sets[first:last + 1]
    return Counter(chain.from_iterable(sets)), max(1, sum(1 for terms in sets if terms))


def _worded(ranked: list[Candidate], phrases: list[Candidate], once: dict[tuple[str, ...], dict[tuple[str, ...], int]],
            weight: dict[str, float], table: TermTable, uses: dict[str, list[int]], question: str,
            conjunction: str, qualifiers: frozenset[str] = frozenset()) -> str:
    """The label the ranked candidates make: composed, and a lone word made two when the topic says it so. A
    head that only qualifies a noun ("online", "actual") names the topic only in a phrase the topic says ("Online
    form"); else the next candidate heads the label."""
    if ranked and len(ranked[0].terms) == 1 and ranked[0].terms[0] in qualifiers:
        said = _said_with(ranked[0].terms[0], phrases, once, weight, table, uses)
        if said:
            return said
        return _worded(ranked[1:], phrases, once, weight, table, uses, question, conjunction, qualifiers)
    head = ranked[0] if ranked else None
    institution = head is not None and head.is_name and len(head.terms) == 1 \
        and head.text.lower() in EVERYDAY and 2 * uses.get(head.terms[0], (0, 0))[0] >= head.count
    label = compose(ranked, phrases, participle_prefix(ranked, weight, table, question), conjunction, institution)
    if label and " " not in label:
        label = _two_words(label, ranked, phrases, once, weight, table, uses, conjunction)
    return label


_NAME_WORD = r"[A-Z][\w'’&.-]*"
FULL_NAME_WORDS = 6


def _full_name(name: str, transcript: Transcript, first: int, last: int, table: TermTable,
               excluded: frozenset[str]) -> str:
    """The name a one-word label shortens, as the topic says it in full at least once: "League" -> "League of
    Women Voters", "Corps" -> "Army Corps of Engineers" (a full name is said once, then "the League"); "" when
    the topic never says a longer one. It begins and ends on a name (a word capitalised inside a sentence), its
    words are capitalised but for "of", "for" and "the", and none is a speaker's."""
    pattern = re.compile(rf"(?:{_NAME_WORD} ){{0,3}}{re.escape(name)}\b"
                         rf"(?: (?:of|for)(?: the)?(?: {_NAME_WORD}){{1,3}})?")
    found: Counter[str] = Counter()
    for turn in transcript.turns[first:last + 1]:
        for match in pattern.finditer(turn.text):
            words = match.group().rstrip(".").split(" ")  # (a sentence's full stop is no part of it)
            # Capitalised words before the name that are no names open the sentence ("Our", "The"): left out.
            while len(words) > 1 and term_lookup(words[0]) not in table.names:
                words = words[1:]
            ends = [term_lookup(words[0]), term_lookup(words[-1])]
            if len(words) < 2 or len(words) > FULL_NAME_WORDS or any(t not in table.names for t in ends) \
                    or any(term_lookup(w) in excluded for w in words):
                continue
            found[" ".join(words)] += 1
    if not found:
        return ""
    return max(found, key=lambda text: (found[text], len(text)))


def _undative(label: str, table: TermTable) -> str:
    """A German label's nouns in the dative plural ("in den Häusern", "in den Achtzigern") without the dative's
    "-n", where the transcript also writes them so, capitalised: "Häuser", "Achtziger". (Only after "-er" and
    "-el": in "-en" the "n" is as often the plural's own, "Flächen", "Böschungen".)"""
    words = label.split(" ")
    for k, word in enumerate(words):
        plural = word[:-1]
        if word[:1].isupper() and word.endswith(("ern", "eln")) and len(plural) > 3:
            term = term_lookup(plural)
            if term is not None and term != term_lookup(word) and table.totals.get(term) \
                    and table.display[term][:1].isupper():
                words[k] = plural
    return " ".join(words)


def _label_terms(label: str) -> frozenset[str]:
    return frozenset(filter(None, map(term_lookup, WORD.findall(label))))


# How people open a conversation by introducing someone, or agreeing to the recording: "my guest is", "joins
# us", "I'm Ruth Calloway", "we're recording", "Hoy nos acompaña...", "меня зовут...", "Сегодня у нас в
# гостях...". A greeting alone ("Good afternoon, everybody.") opens a briefing's announcements as well: it is not
# enough.
_INTRODUCING = re.compile(
    r"\b(?:welcome (?:to|back)|(?:hello|hi|good (?:morning|afternoon|evening))\b[^.!?]{0,30}\bwelcome\b|"
    r"welcome,? (?:everyone|everybody|all)\b|(?:I'm|I am|my name is) (?-i:[A-Z])\w+|my (?:guest|guests)|"
    r"our (?:guest|guests)|joins? (?:me|us)|joining (?:me|us)|with me (?:is|are|today|in the studio)|"
    r"introduce yourselves?|for the record|(?:thank you|thanks) for having (?:me|us)|"
    r"(?:we're|we are|I'm|it's) recording|record this|bienvenue|mon invité|notre invité|nous accompagne|"
    r"présentez-vous|willkommen|zu gast|mein gast|stellen sie sich|bienvenid[oa]s?|nos acompaña|mi invitad[oa]|"
    r"en los estudios|в гостях|спасибо за приглашение|je m'appelle|me llamo|mein name ist|меня зовут|"
    r"у нас в студии|со мной в студии|добро пожаловать)", re.IGNORECASE)
INTRODUCTIONS = {"en": "Welcome and introductions", "fr": "Accueil et présentations",
                 "de": "Begrüßung und Vorstellung", "es": "Bienvenida y presentaciones",
                 "ru": "Приветствие и представление"}
# A research interview or an oral history opens by asking to record and going over consent.
_CONSENTING = re.compile(
    r"\b(?:consent|information sheet|anonymi[sz]|withdraw at any (?:time|point)|"
    r"(?:ok|okay|happy|fine|all right|alright) (?:with me |for me |if I |for us |to )?record(?:ing)?\b|"
    r"permission to record|is it ok(?:ay)? if (?:I|we) record|happy for (?:the |this |your )?recording|"
    r"signed the (?:consent |release )?form|consentement|einverständnis|einwilligung|"
    r"consentimiento|согласи[ея] на запись)", re.IGNORECASE)
CONSENT = {"en": "Consent and introductions", "fr": "Consentement et présentations",
           "de": "Einverständnis und Vorstellung", "es": "Consentimiento y presentaciones",
           "ru": "Согласие и знакомство"}
_CHAIRED = re.compile(r"\b(?:chair|chairman|chairwoman|chairperson|président|présidente|vorsitzende[r]?|"
                      r"presidente|председатель)\b", re.IGNORECASE)
OPENING_INTRODUCTIONS = {"en": "Opening and introductions", "fr": "Ouverture et présentations",
                         "de": "Eröffnung und Vorstellung", "es": "Apertura y presentaciones",
                         "ru": "Открытие и представление"}
PANEL_INTRODUCTIONS = {"en": "Panel introductions", "fr": "Présentation des intervenants",
                       "de": "Vorstellung der Sachverständigen", "es": "Presentación de los comparecientes",
                       "ru": "Представление участников"}
GUEST_INTRODUCTIONS = {"en": "Introductions", "fr": "Présentations", "de": "Vorstellung", "es": "Presentaciones",
                       "ru": "Знакомство"}
_NEW_PANEL = re.compile(r"\b(?:(?:second|third|next|new) panel|our panel|witnesses|I welcome|we welcome|"
                        r"table ronde|nouveaux intervenants|sachverständigen|comparecientes|новых участников)\b",
                        re.IGNORECASE)
PANEL_INTRO_TURNS = 5  # the witnesses of a panel introducing themselves, each in a turn of at most...
PANEL_INTRO_WORDS = 60  # ... this many words


def panel_introductions(transcript: Transcript, starts: list[int], lang: str) -> dict[int, tuple[int, str]]:
    """Where a new panel of witnesses, or a new guest, introduces itself (`starts`: the chair's or the host's
    turns bringing them in, see sections.panel_starts): the chair welcomes them, names the panel or asks them to
    introduce themselves, and each answers in a short turn. The start -> (the turn after the introductions,
    the chair's first question; the topic's name: "Panel introductions" where a panel or witnesses are named,
    else "Introductions")."""
    answering = {s.key for s in transcript.speakers if s.role is Role.INTERVIEWEE}
    turns = transcript.turns
    found = {}
    for start in starts:
        panel = _NEW_PANEL.search(turns[start].text)
        if not (panel or _INTRODUCING.search(turns[start].text)):
            continue
        end = start + 1
        while end < len(turns) and turns[end].speaker in answering and turns[end].words <= PANEL_INTRO_WORDS:
            end += 1
        if start + 1 < end <= start + PANEL_INTRO_TURNS and end < len(turns) and turns[end].speaker not in answering:
            found[start] = (end, (PANEL_INTRODUCTIONS if panel else GUEST_INTRODUCTIONS)[lang])
    return found


INTRO_TURNS = 12  # an opening longer than this, or than a fifth of the words, is about more than who is talking
INTRO_SHARE = 5


# A last stretch that opens by thanking the guests or saying goodbye is the sign-off, whatever small talk follows.
_THANKS = re.compile(r"^\W*(?:[\w'’.-]+(?: [\w'’.-]+){0,2}, )?(?:thank you|thanks|many thanks|merci|danke|"
                     r"muchas gracias|gracias|спасибо)\b|\b(?:goodbye|see you next|until next time|au revoir|"
                     r"auf wiedersehen|hasta la próxima|до свидания|до встречи)\b", re.IGNORECASE)
OPENING_STATEMENTS = {"en": "Opening statements", "fr": "Déclarations liminaires", "de": "Eingangsstatements",
                      "es": "Declaraciones iniciales", "ru": "Вступительные заявления"}
OPENING_BUSINESS = {"en": "Opening business", "fr": "Ouverture de la séance", "de": "Eröffnung der Sitzung",
                    "es": "Apertura de la sesión", "ru": "Открытие заседания"}
ADJOURNMENT = {"en": "Adjournment", "fr": "Levée de séance", "de": "Schluss der Sitzung", "es": "Cierre de la sesión",
               "ru": "Закрытие заседания"}
SPONSOR = {"en": "Sponsor message", "fr": "Message du partenaire", "de": "Werbung", "es": "Patrocinio",
           "ru": "Реклама"}
# The segments a host or a chair announces (`sections.SEGMENTS`), by kind; a meeting's public part is named by the
# words the chair calls it ("Public comment", "Public participation").
SEGMENT_NAMES = {
    "listener": {"en": "Listener questions", "fr": "Questions des auditeurs", "de": "Hörerfragen",
                 "es": "Preguntas de los oyentes", "ru": "Вопросы слушателей"},
    "audience": {"en": "Audience questions", "fr": "Questions du public", "de": "Fragen aus dem Publikum",
                 "es": "Preguntas del público", "ru": "Вопросы из зала"},
    "quick": {"en": "Quick-fire round", "fr": "Questions en rafale", "de": "Schnelle Fragen",
              "es": "Preguntas rápidas", "ru": "Блиц"},
    "other": {"en": "Any other business", "fr": "Questions diverses", "de": "Verschiedenes",
              "es": "Ruegos y preguntas", "ru": "Разное"},
}
CLOSING = {"en": "Closing remarks", "fr": "Conclusion", "de": "Schlusswort", "es": "Despedida", "ru": "Заключение"}
CLOSING_TURNS = 4


def _closing(transcript: Transcript, first: int, last: int) -> bool:
    """Whether the span ending the transcript is its sign-off: a few turns opening with thanks or a goodbye, not
    with thanks before the next question ("Thanks, Nadia. On Iran...")."""
    text = transcript.turns[first].text
    return last - first + 1 <= CLOSING_TURNS and bool(_THANKS.search(text[:200])) and not (
        opens_topic(text) or announced_subject(text) or _thanks_then_asks(text))


def _thanks_then_asks(text: str) -> bool:
    """A reporter's or a caller's "Thank you." before a question of their own ("Thank you. There are reports that
    the rule will be delayed. Is that true?"), not the host's "Thank you so much. Where can people find you?"."""
    thanks = _BARE_THANKS.match(text)
    rest = text[thanks.end():] if thanks else ""
    return bool(rest) and len(rest.split()) >= ASKED_AFTER_THANKS and bool(asks(rest))


# A first sentence of thanks alone, nobody thanked by name: "Thank you.", "Thanks, yes."
_BARE_THANKS = re.compile(r"\W*(?:thank you|thanks|many thanks|merci|danke|gracias|спасибо)(?: very much)?"
                          r"(?:, (?:yes|chair|madam chair|mr\.? chairman))?[.!]\s+", re.IGNORECASE)
ASKED_AFTER_THANKS = 12  # words: a question this long after the thanks is the speaker's own, not a sign-off's


def _opening_name(transcript: Transcript, table: TermTable, last: int, grand: int) -> dict[str, str] | None:
    """The name, by language, of the short span opening the transcript, up to `last`, when it is the welcome and
    introductions (INTRODUCTIONS), a research interview's consent to record (CONSENT) or a chair opening a
    session (OPENING_INTRODUCTIONS): a reader's table of contents calls it so, not by the words of the small talk
    around it ("Recording", "Movement"). None when it is none of them."""
    if last + 1 > INTRO_TURNS or sum(map(len, table.turn_sequences[:last + 1])) * INTRO_SHARE > grand:
        return None
    if any(s.role is Role.OTHER for s in transcript.speakers) and agenda_items(transcript):
        return None  # a meeting opens with its business (apologies, the minutes), whoever is welcomed
    said = [turn.text[:600] for turn in transcript.turns[:last + 1]]
    if any(_CONSENTING.search(text) for text in said):
        return CONSENT
    if _CHAIRED.search(transcript.speaker_by_key[transcript.turns[0].speaker].name) \
            and opening_statements(transcript) is None:
        return OPENING_INTRODUCTIONS  # a chair opens a committee's session, and its witnesses introduce themselves
    return INTRODUCTIONS if any(_INTRODUCING.search(text) for text in said) else None


ANNOUNCED_USES = 2  # an announced subject names the topic when the topic uses its words this often


def _announced(question: str, topic: Counter[str], computed: str, conjunction: str) -> str:
    """The subject the opening question announces ("Let's talk about recruitment and retention."), as the label,
    when the topic goes on to talk about it."""
    subject = subject_label(question)
    terms = [t for t in map(term_lookup, WORD.findall(subject)) if t]
    if not terms or min(topic.get(t, 0) for t in terms) < ANNOUNCED_USES:
        return ""
    said = {t for t in map(term_lookup, WORD.findall(computed)) if t}
    if said.issuperset(terms):
        return ""  # the label already says it, widened ("Muscle injuries" for "the injuries")
    if len(terms) == 1 and ":" not in computed and f" {conjunction} " not in computed:
        return ""  # one announced word against the name the topic keeps saying: that tells more
    return subject


def _two_words(label: str, ranked: list[Candidate], phrases: list[Candidate],
               once: dict[tuple[str, ...], dict[tuple[str, ...], int]], weight: dict[str, float], table: TermTable,
               uses: dict[str, list[int]], conjunction: str) -> str:
    """A label of one word made two to six: the word in a phrase the topic says, once will do ("Supermarket" ->
    "Supermarket contracts"), whose other words weigh in the topic; else the head with the next subject as strong
    ("Sodium and lithium"). Every word added must be seen used as a noun (after "the", "a", "les"...) or be a
    name: "Referee sees" and "Wonders and damp" are no subjects. A lone word stays when nothing fits: a wrong
    second word is worse than none."""
    head = ranked[0]
    term = head.terms[0]
    said = _said_with(term, phrases, once, weight, table, uses)
    if said:
        return said
    for cand in ranked[1:4]:
        if len(cand.terms) > 1 or cand.score < PAIR_SHARE * head.score or _participle(cand.text):
            continue
        if not _nounlike(cand.terms[0], table, uses) or cand.terms[0][:4] == term[:4]:
            continue  # a verb or an adjective; or the same word again ("Pêche et pêcheur")
        if cand.is_name and not (head.is_name or cand.text.isupper()):
            continue  # a name beside a common word is a passer-by ("Shared ownership: Tom"); an acronym is not
        return f"{label} {conjunction} {cand.text}"
    return _qualified(label, term, once, table, uses)


def _nounlike(term: str, table: TermTable, uses: dict[str, list[int]]) -> bool:
    """A name, or a word the topic uses as a noun (after "the", "a", "les"...) more than as a verb."""
    noun, verb = uses.get(term, (0, 0))
    return term in table.names or noun > verb


def _said_with(term: str, phrases: list[Candidate], once: dict[tuple[str, ...], dict[tuple[str, ...], int]],
               weight: dict[str, float], table: TermTable, uses: dict[str, list[int]]) -> str:
    """The phrase with the term that the topic says, once will do, whose other words weigh most in the topic
    (capitalised), or "": "Supermarket" -> "Supermarket contracts", "online" -> "Online form"."""

    def other_weight(gram: tuple[str, ...]) -> float:
        return sum(weight.get(t, 0.0) for t in gram if t != term)

    said = [(other_weight(p.terms), p.text) for p in phrases if term in p.terms]
    for gram, spellings in once.items():
        if term in gram and len(gram) <= 3 and all(_nounlike(t, table, uses) for t in gram[1:]):
            shown = _display_phrase(max(spellings, key=spellings.__getitem__), gram, table)
            if not _not_a_noun_phrase(shown, gram, table, uses):
                said.append((other_weight(gram), shown))
    said = [(w, text) for w, text in said if w > 0]
    if not said:
        return ""
    text = max(said)[1]
    return text[:1].upper() + text[1:]


def _qualified(label: str, term: str, once: dict[tuple[str, ...], dict[tuple[str, ...], int]], table: TermTable,
               uses: dict[str, list[int]]) -> str:
    """A lone word with the word the topic says before it (English "low-floor tram") or after it (French and
    Spanish "paella valenciana"), however common: the word that qualifies it, unless a verb, a name, a generic
    word, a participle, or in English a plural or a verb in "-s" ("caps bills"). Else the word alone."""
    romance = table.extra.get("language") in ("fr", "es")
    qualified = []
    for gram, spellings in once.items():
        if len(gram) != 2 or gram[0 if romance else 1] != term:
            continue
        other = gram[1] if romance else gram[0]
        noun, verb = uses.get(other, (0, 0))
        if verb > noun or other in table.names:
            continue
        shown = _display_phrase(max(spellings, key=spellings.__getitem__), gram, table)
        words = shown.lower().split()
        qualifier = words[-1] if romance else words[0]
        if len(words) != 2 or _not_a_noun_phrase(shown, gram, table, uses) or qualifier in GENERIC \
                or qualifier.endswith(("ed", "ing")) or (romance and _ROMANCE_FINITE.search(qualifier)) \
                or (not romance and qualifier.endswith("s")):
            continue
        qualified.append((sum(spellings.values()), shown))
    if not qualified:
        return label
    text = max(qualified)[1]
    return text[:1].upper() + text[1:]


def language(transcript: Transcript) -> str:
    """The language of the transcript's first turns, by their commonest function words ("en" when unsure)."""
    sample = Counter(w.lower() for turn in transcript.turns[:40] for w in WORD.findall(turn.text[:2000]))
    scores = {code: sum(sample[w] for w in cues) for code, cues in LANGUAGE_CUES.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] > scores["en"] else "en"


def _distinctive(n: int, size: int, elsewhere: float, rest: int, in_opening: bool) -> float:
    """Count times log-lift over the rest of the interview: frequent here and rare elsewhere. A topic that is
    the whole interview has no rest to stand out from: there, frequency alone."""
    if rest <= 0:
        return n * (OPENING_BOOST if in_opening else 1.0)
    lift = (n / size) / ((elsewhere + 0.5) / rest)
    return n * math.log(lift) * (OPENING_BOOST if in_opening else 1.0) if lift > 1.0 else 0.0


def _phrases(transcript: Transcript, first: int, last: int, budget: int, allowed: set[str],
             table: TermTable,
             uses: dict[str, list[int]], once: dict[tuple[str, ...], dict[tuple[str, ...], int]],
             ) -> dict[tuple[str, ...], tuple[int, str, bool, frozenset[str], int]]:
    """Noun phrases of two or three words in the topic: (count, how they are most often written, in the opening
    question, the terms seen right before them, the number of turns saying them). Fills `uses` with how often
    each allowed term follows a determiner (a noun) or a pronoun, a modal or "to" (a verb)."""
    seen: Counter[tuple[str, ...]] = Counter()
    forms: dict[tuple[str, ...], dict[tuple[str, ...], int]] = {}  # the tokens as written, shown only for survivors
    in_opening: set[tuple[str, ...]] = set()
    before: dict[tuple[str, ...], set[str]] = {}
    after: dict[tuple[str, ...], Counter[str | None]] = {}  # the term right after each use (None: none)
    turns: Counter[tuple[str, ...]] = Counter()  # the turns saying each phrase
    last_turn: dict[tuple[str, ...], int] = {}
    bridges = _BRIDGES.get(str(table.extra.get("language")), frozenset())
    used = 0
    for i in range(first, last + 1):
        text = transcript.turns[i].text
        if i > first:
            text = text[: max(0, budget - used)]
        used += len(text)
        tokens = _WORDS_AND_BREAKS.findall(text.replace("’", "'"))
        terms = list(map(term_lookup, tokens))
        for k in range(1, len(tokens)):
            term = terms[k]
            if term is not None and term in allowed:
                before_word = tokens[k - 1].lower()
                side = 0 if before_word in NOUN_BEFORE else 1 if before_word in VERB_BEFORE else -1
                if side < 0 and k + 1 < len(tokens) and tokens[k + 1].lower() in OBJECT_AFTER:
                    side = 1  # a word with a determiner right after it takes an object: "eats the time"
                if side >= 0:
                    uses.setdefault(term, [0, 0])[side] += 1
        for k in range(len(tokens) - 2):
            # "réserves de eau", "precio del aceite": the preposition joins two nouns into one phrase.
            if bridges and tokens[k + 1].lower() in bridges and terms[k] in allowed and terms[k + 2] in allowed \
                    and terms[k] != terms[k + 2] and not tokens[k].lower().endswith(_VERB_FORMS):
                bridged: tuple[str, ...] = (terms[k], terms[k + 2])  # type: ignore[assignment]  # both allowed
                seen[bridged] += 1
                if last_turn.get(bridged) != i:
                    last_turn[bridged] = i
                    turns[bridged] += 1
                spelled = forms.setdefault(bridged, {})
                joined = (tokens[k], f"{tokens[k + 1]} {tokens[k + 2]}")
                spelled[joined] = spelled.get(joined, 0) + 1
                if i == first:
                    in_opening.add(bridged)
        for k in range(len(tokens) - 1):
            a, b = terms[k], terms[k + 1]
            # "Russia's envoy" is whose envoy, not a kind of envoy. (None is never allowed.)
            if a not in allowed or b not in allowed or a == b or tokens[k].endswith("'s"):
                continue
            grams: list[tuple[str, ...]] = [(a, b)]  # type: ignore[list-item]  # both allowed: not None
            c = terms[k + 2] if k + 2 < len(terms) else None
            if c in allowed and c != a and c != b and not tokens[k + 1].endswith("'s"):
                grams.append((a, b, c))  # type: ignore[arg-type]
            for gram in grams:
                seen[gram] += 1
                if last_turn.get(gram) != i:
                    last_turn[gram] = i
                    turns[gram] += 1
                end = k + len(gram)
                after.setdefault(gram, Counter())[terms[end] if end < len(terms) else None] += 1
                if k and terms[k - 1] is not None:
                    before.setdefault(gram, set()).add(terms[k - 1])  # type: ignore[arg-type]
                written = forms.get(gram)
                if written is None:
                    written = forms[gram] = {}
                key = tuple(tokens[k:k + len(gram)])
                if k and tokens[k - 1].isdigit():
                    key = (f"{tokens[k - 1]} {key[0]}", *key[1:])  # "the 6 o'clock scramble"
                written[key] = written.get(key, 0) + 1
                if i == first:
                    in_opening.add(gram)
        if used >= budget and i > first:
            break
    phrases = {}
    for gram, n in seen.items():
        if n < PHRASE_MIN and gram not in in_opening:
            once[gram] = forms[gram]
            continue
        if _cut(gram, n, after.get(gram), allowed):
            continue
        shown: Counter[str] = Counter()
        for spelling, times in forms[gram].items():
            shown[_display_phrase(spelling, gram, table)] += times
        text = shown.most_common(1)[0][0]
        if not _not_a_noun_phrase(text, gram, table, uses):
            phrases[gram] = (n, text, gram in in_opening, frozenset(before.get(gram, ())), turns[gram])
    return phrases


def _cut(gram: tuple[str, ...], n: int, after: Counter[str | None] | None, allowed: set[str]) -> bool:
    """Whether a phrase is only ever said as the start of a longer one: every use goes on with the same word
    ("future sea" in "future sea level rise"). Shown alone it would be cut inside; the longer phrase, or its
    tail ("sea level rise"), names the subject."""
    if len(gram) > 2 or not after:
        return False  # no longer phrase is counted: a three-word one stands
    (word, times), = after.most_common(1)
    return times == n and word is not None and word in allowed and word not in gram


_BRIDGES = {"fr": frozenset({"de", "du", "des"}), "es": frozenset({"de", "del"})}
_VERB_FORMS = ("er", "ir", "ar", "é", "ée", "és", "ado", "ido")  # "accepter de", "hablar de": a verb, no noun


def _not_a_noun_phrase(text: str, gram: tuple[str, ...], table: TermTable, uses: dict[str, list[int]]) -> bool:
    """Word runs with a verb and its object or subject ("expel US", "Trump raised"), not a name. A common word
    before a name qualifies it ("bovine TB", "the river Wye") unless it is a verb: one of the verbs news topics
    are named by, a past or present participle, or a word the topic uses as a verb more than as a noun."""
    words = text.split(" ")
    language = str(table.extra.get("language"))
    if any(never_a_noun(w, table) and not (language == "en" and k == 0 and w.endswith(("ed", "ing")))
           for k, w in enumerate(words) if w.islower()):
        return True  # a verb the language never uses as a noun: "restrict exports", "crew arrive", "Tengan autobús"
    # ... nor a phrase without its noun: the last word in English and Russian ("maximum civil"); in French and
    # Spanish, an adjective stands on either side of it ("peor sequía", "rebaja fiscal"), but not on both.
    ends = (words[0], words[-1]) if language in ("fr", "es") else (words[-1],)
    if all(w.islower() and only_qualifies(w, table) for w in ends):
        return True
    if all((w.islower() and only_qualifies(w, table)) or counting_word(w, language) for w in words):
        return True  # a count and what qualifies it, no noun: "suficientes dieciocho", "three more"
    if language == "de":
        # German capitalises every noun: a phrase ends on one ("Neubauwohnung", "Lehre"), and a lowercase word
        # inside it is an adjective before its noun ("neue Werft"); "Werft gekommen" ends on a participle.
        if not words[-1][:1].isupper():
            return True
        if any(w[:1].islower() and not w.endswith(_GERMAN_ADJECTIVE) for w in words[:-1]):
            return True
    if language in ("fr", "es") and words[0].islower() and words[0].endswith(("ment", "mente")) \
            and only_qualifies(words[0], table):
        return True  # an adverb qualifies no noun: "prudemment optimiste", "exactamente anoche"
    if language == "fr" and words[-1].endswith("ent") and not words[-1].endswith("ment") \
            and not uses.get(gram[-1], (0, 0))[0]:
        return True  # "syndicats disent": a verb in the third person plural, never seen after an article
    for k in range(1, len(gram)):
        if gram[k - 1] not in table.names and gram[k] in table.names:
            noun, verb = uses.get(gram[k - 1], (0, 0))
            if gram[k - 1] in GERUNDS or words[k - 1].endswith(("ed", "ing")) or verb > noun:
                return True
        if words[k].endswith("ed") and gram[k] not in table.names:
            return True
        # "-ing" after a noun in the plural is what they do ("shops closing", "people living"); after a word in the
        # singular, a compound noun ("affordable housing", "wheel bearing", "flood warning"), unless a generic one
        # ("regular meeting").
        if words[k].endswith("ing") and gram[k] not in table.names \
                and (_plural(words[k - 1]) or words[k].lower() in GENERIC):
            return True
    return False


_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "folk"})  # ("staff training" is a noun)


def _plural(word: str) -> bool:
    lower = word.lower()
    return lower in _IRREGULAR_PLURALS or (lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s")))


_GERMAN_ADJECTIVE = ("e", "en", "er", "es", "em")  # the endings of an adjective before its noun
# Spanish gerunds ("plantando", "siguiendo") say what is being done, like English "-ing" forms.
_SPANISH_GERUND = re.compile(r"(?:ando|iendo|yendo)$")
# ... and an infinitive with its pronoun ("despedirnos", "pasarme", "decirle"), which no noun ends like.
_SPANISH_CLITIC_INFINITIVE = re.compile(r"[aeií]r(?:me|te|se|nos|os|lo|la|los|las|le|les)$")
# Spanish verbs in the third person ("llaman", "dicen", "creció"), by their ending, in words of five letters or
# more ("plan", "pan" are nouns); nouns that end so ("examen", "origen") come after an article.
_SPANISH_FINITE = re.compile(r"^[a-záéíóúñ]{3,}(?:an|en|ió)$")
# ... and, after a noun, any French or Spanish word that may be a verb in the present ("pierden", "depende").
_ROMANCE_FINITE = re.compile(r"^[a-zàâçéèêëîïôûùüÿœáíóúñ]{3,}(?:an|en|ió|ez|ent|e)$")


# Ordinals, in words: the dates a talk tells its story by ("on the seventeenth", "le dix-septième", "am
# siebzehnten", "el día once") and ranks ("the third"); and the numbers "-teen", "elf", "once".
_ORDINAL = re.compile(r"^(?:\w*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                      r"twelfth|teenth|tieth|hundredth|thousandth)|(?:thir|four|fif|six|seven|eigh|nine)teen|"
                      r"\w+ièmes?|premi(?:er|ère)s?)$")
# (German and Spanish ones only in those languages: "elf", "once" and "quinto" mean other things elsewhere.)
_ORDINALS_IN = {
    "de": re.compile(r"^(?:(?:\w*zehnt|\w+zigst|erst|zweit|dritt|viert|fünft|sechst|siebt|neunt|elft|zwölft)"
                     r"(?:e[nmrs]?)?|elf|zwölf|\w+zehn)$"),
    "es": re.compile(r"^(?:(?:primer|tercer|cuart|quint|sext|séptim|octav|noven|décim)[oa]s?|once|doce|trece|"
                     r"catorce|quince|dieci\w+|veinti\w+)$"),
}


def counting_word(text: str, language: str = "en") -> bool:
    """A number or an ordinal in words ("Seventeenth", "dix-sept", "siebzehnten", "Eleventh"), or a month: a
    date or a count, which names no subject, however often one turn says it."""
    own = _ORDINALS_IN.get(language)
    return all(part in CALENDAR or _ORDINAL.match(part) or (own is not None and own.match(part))
               for part in text.lower().split("-"))


# French and Spanish verbs in the future or the French conditional, by their endings ("skiera", "fermeront",
# "changerait", "cambiará", "tendrán"), in words of six letters or more: no noun ends so.
_FUTURE = {"fr": re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{2,}(?:era|eras|eront|erait|eraient|erions|eriez|ira|iront|irait|"
                            r"iraient)$"),
           "es": re.compile(r"^[a-záéíóúñ]{2,}(?:ará|erá|irá|arán|erán|irán|drá|drán)$")}


# An English compound of a number and a noun qualifies the noun after it: "a five-year plan", "a two-bedroom
# flat", "an 18-week wait" (a number in words, "twenty-five", is `counting_word`'s; a fraction, "two-thirds", is
# a noun).
_COUNTED = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                      r"thirty|forty|fifty|sixty|hundred|thousand|half|single|double)-(?!(?:thirds?|quarters?|"
                      r"halves|fifths?|tenths?)$)[a-z]{3,}$")


def counted_compound(text: str) -> bool:
    """A number joined to a noun ("five-year", "two-bedroom", "18-week"): it qualifies a noun, names none."""
    return bool(_COUNTED.match(text)) and not counting_word(text)


def future_verb(text: str, language: str) -> bool:
    """A French or Spanish verb in the future or conditional ("Skiera", "cambiará"): no label's word."""
    pattern = _FUTURE.get(language)
    return pattern is not None and len(text) >= 6 and bool(pattern.match(text.lower()))


def russian_verb(text: str) -> bool:
    """A Russian verb or adverb, or a Spanish gerund or infinitive with its pronoun: no label's word."""
    if not text.islower():
        return False
    if not text.isascii() and "а" <= text[0] <= "я":
        return russian.verb(text) or russian.adverb(text)
    return (len(text) > 6 and bool(_SPANISH_GERUND.search(text))) or (
        len(text) >= 6 and bool(_SPANISH_CLITIC_INFINITIVE.search(text)))


def never_a_noun(word: str, table: TermTable) -> bool:
    """A lowercase form the transcript's language uses only as a verb: it heads no label and sits in no phrase."""
    language = str(table.extra.get("language"))
    if language == "ru":
        return term_lookup(word) in _analysed(table) and russian.verb(word)
    return word in VERBS.get(language, ())


def only_qualifies(word: str, table: TermTable) -> bool:
    """A lowercase form the transcript's language uses only to qualify a noun (an adjective, a participle, an
    adverb)."""
    language = str(table.extra.get("language"))
    if language == "ru":
        return term_lookup(word) in _analysed(table) and russian.modifier(word)
    return word in MODIFIERS.get(language, ())


ANALYSED_TERMS = 6000  # a Russian transcript's commonest terms, whose forms the analyser is asked about


def _analysed(table: TermTable) -> frozenset[str]:
    """The terms of a Russian transcript the analyser is asked about: the commonest, which are the words that name
    its topics. (A long transcript's rarer forms, tens of thousands, would take seconds; they are taken as nouns.)"""
    found = table.extra.get("analysed")
    if not isinstance(found, frozenset):
        found = table.extra["analysed"] = frozenset(heapq.nlargest(ANALYSED_TERMS, table.totals,
                                                                   key=table.totals.__getitem__))
    return found


def _unfit_russian(term: str, table: TermTable) -> bool:
    """A Russian verb, adverb, pronoun, numeral or other function word, among the commonest terms: no label's."""
    shown = table.display[term]
    return term in _analysed(table) and (russian_verb(shown) or (shown.islower() and russian.function_word(shown)))



# Endings nearly only adjectives take; "-al" and "-ic" alone are left out, for the nouns that share them
# ("scandal", "clinic").
_ADJECTIVE_ENDINGS = ("ful", "ous", "ive", "ical", "ional", "ural", "oral", "less", "atic", "istic")
_LONG_ADJECTIVE_ENDINGS = ("able", "ible")  # "affordable", "possible"; but "table", "cable"
# Words in "-est" that are no superlatives of the word before it ("inter-est", "for-est").
_NOT_SUPERLATIVES = frozenset({"interest", "forest", "protest", "harvest", "request", "contest", "honest", "arrest",
                               "suggest", "digest", "invest", "manifest", "modest"})


def adjective(text: str) -> bool:
    """An English adjective by its form: an ending adjectives take ("hopeful", "basic", "doctoral", "affordable"),
    or a superlative of a common word ("longest", "cheapest", "biggest"). Nouns share the endings ("proposal",
    "clinic"): the caller asks it only of words the topic never uses after a determiner."""
    if not text.islower() or len(text) < 5:
        return False
    if text.endswith(_ADJECTIVE_ENDINGS) or (len(text) >= 8 and text.endswith(_LONG_ADJECTIVE_ENDINGS)):
        return True
    return superlative(text)


def superlative(text: str) -> bool:
    """A superlative of a common word ("longest", "cheapest", "biggest"): an adjective even after "the"."""
    if not text.islower() or len(text) < 5 or not text.endswith("est") or text in _NOT_SUPERLATIVES:
        return False
    stem = text[:-3]
    stems = (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem, f"{stem}e",
             f"{stem[:-1]}y" if stem.endswith("i") else stem)  # long-est, bigg-est, larg-est, easi-est
    return any(len(s) >= 3 and s in _COMMONNESS and (s in FILLER or s in NOT_A_LABEL or term_of(s) is not None)
               for s in stems)


_CONTRACTED = ("'d", "'ll", "'ve", "'re", "'m", "n't")  # "who'd", "they've": a function word and its verb


def _adverb(text: str) -> bool:
    """An English adverb by its form: an adverb's ending, or "-ly" after an everyday word ("partly", "mostly";
    "family", "supply" and "rally" are no such word and "ly")."""
    if not text.islower():
        return False
    return text.endswith(("ally", "ably", "ibly", "ently", "antly", "ously", "ively", "edly", "ately", "fully",
                          "lessly", "ingly")) or (len(text) >= 6 and text.endswith("ly") and text[:-2] in _COMMONNESS)


def _display_phrase(tokens: tuple[str, ...], gram: tuple[str, ...], table: TermTable) -> str:
    """The phrase with the source's capitals where they are not just a sentence start ("al-Nusra", "G20",
    "Imperial War Museum")."""
    shown: list[str] = []
    for k, (token, term) in enumerate(zip(tokens, gram, strict=True)):
        # What links the words stays ("Réserves d'eau", "precio del aceite", "The 6 o'clock scramble").
        bridge, _, token = token.rpartition(" ")
        elided = token[:2] if shown and token[:2].lower() in ("d'", "d’") else ""
        token = shown_form(token)
        if elided or bridge:
            shown.append(" ".join(filter(None, (bridge, elided + token))))
            continue
        # A capital before a name is the name's own ("Ben Osei", "Lucía Ferrer"), even where the first name alone
        # only ever starts a sentence.
        keep = term in table.names or any(c.isupper() for c in token[1:]) or (
            shown and token[:1].isupper() and shown[-1][:1].isupper()) or table.extra.get("language") == "de" or (
            token[:1].isupper() and k + 1 < len(gram) and gram[k + 1] in table.names)
        shown.append(token if keep else token.lower())
    return " ".join(shown)
