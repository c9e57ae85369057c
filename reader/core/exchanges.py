"""Who asks and how the turns group into exchanges: pure functions over the turns' speaker keys and texts.

The builder calls `roles_and_exchanges` once every turn is known; it runs the two steps below.

`infer_roles` names the side that asks. A role label (`Question`, `Q`, `Interviewer`, `Frage`, `Вопрос`…, and a
print interview's letter beside its answer's, `F` beside `A`, `P` beside `R`) says it outright, and so does a
social-research transcript's `I:` beside `R:` or `B:` (`research_roles`; which of its turns ask is read from
their words, as its interviewer also says "Mhm" in the middle of an answer), and so do the turns a label marks
as questions (a select committee's numbered `Q12 Chair:`): who asks them is the asking side,
everyone else answers. Otherwise the answering side is found first, the speaker who says most while asking least
(the guest, the witness), with anyone else who answers as much; everyone else who asks (both hosts of a podcast,
the members of a committee) is the asking side (`Role.INTERVIEWER`), the ones who answer `Role.INTERVIEWEE`. A
meeting's chair, who moves the agenda from item to item, keeps `Role.OTHER`.

`group_exchanges` cuts the turns into exchanges: each opened by a question of the asking side (or an agenda
item, or a turn marked as a question), holding the turns that answer it, up to the next question. A short
clarifying question inside an answer ("Sorry, which year?") stays in it; in a hearing a member's round of
questions is one exchange whose later questions are its `questions`. With no asking side, a question another
speaker answers at length still opens an exchange (a lecture's questions from the floor); a transcript where
nobody asks keeps one exchange per turn.

A printed interview (a newspaper's or a magazine's, copied from its page: `printed_pair`) asks mostly in
statements ("You opened the shop in 1984.", "Die Warnung kam spät."): its interviewer is who prompts, first and
briefly, and every prompt the interviewee answers at length opens an exchange. A recording's transcript (its
turns have times, or it keeps the "um"s, the "Yeah." turns and the "(laughs)") is never read so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import compress, pairwise

from reader.core.asking import (
    Asks,
    asks,
    clarifies,
    gives_floor,
    hearing_words,
    opens_item,
    opens_with_interrogative,
    recognises,
    requests_to_speak,
)
from reader.core.model import Exchange, Role
from reader.core.vocabulary import QUESTION_ANSWER_PAIRS, RESEARCH_INTERVIEWERS, RESEARCH_RESPONDENTS

INTERVIEWER_LABELS = re.compile(
    r"^(q|question|questions|interviewer|host|moderator|presenter|reporter|journalist|"
    r"correspondent|anchor|interviewer \d+|q\d*|"
    r"frage|interviewerin|moderatorin|journalistin|journaliste|animateur|animatrice|pregunta|entrevistador|"
    r"entrevistadora|periodista|pergunta|вопрос|корреспондент|ведущий|ведущая|журналист|интервьюер)$",
    re.IGNORECASE,
)
# A print interview's question letter asks when its answer letter speaks too: `F` beside `A`, `P` beside `R`
# (alone, an `F:` or a `P:` may be anyone: a facilitator, a participant).
def _question_letters() -> dict[str, frozenset[str]]:
    """Each question letter -> the answer letters it pairs with (`q` -> `a`, `r`)."""
    letters: dict[str, set[str]] = {}
    for asking, answering in QUESTION_ANSWER_PAIRS:
        for letter in (w for w in asking if len(w) == 1):
            letters.setdefault(letter, set()).update(w for w in answering if len(w) == 1)
    return {letter: frozenset(answers) for letter, answers in letters.items()}


_QUESTION_LETTERS = _question_letters()


def labelled_askers(speakers: Iterable[str]) -> set[str]:
    """The speaker keys whose label says they ask: `Interviewer`, `Q`, `Frage`, and `F` when `A` speaks too."""
    keys = set(speakers)
    return {k for k in keys if INTERVIEWER_LABELS.match(k) or not keys.isdisjoint(_QUESTION_LETTERS.get(k, ()))}


_PARTICIPANT = re.compile(r"p(?P<number>\d{1,2})")  # `P1:`, `P2:`: a group's participants, beside an `I:`


def research_roles(speakers: Iterable[str]) -> dict[str, Role]:
    """The roles a social-research transcript's letters give (`I:` with `R:`, `Int:` with `Resp:`, `IV:` with
    `B:`, `I:` with `P1:` and `P2:`): its interviewer asks, the respondents answer. Empty unless both sides
    speak."""
    keys = set(speakers)
    asking = keys & RESEARCH_INTERVIEWERS.keys()
    answering = {k for k in keys if k in RESEARCH_RESPONDENTS or _PARTICIPANT.fullmatch(k)}
    if not asking or not answering:
        return {}
    return {**dict.fromkeys(asking, Role.INTERVIEWER), **dict.fromkeys(answering, Role.INTERVIEWEE)}


def research_name(key: str) -> str | None:
    """How a social-research letter is shown: `i` -> "Interviewer", `b` -> "Befragte(r)", `p2` -> "Participant 2"."""
    participant = _PARTICIPANT.fullmatch(key)
    if participant:
        return f"Participant {int(participant['number'])}"
    return RESEARCH_INTERVIEWERS.get(key) or RESEARCH_RESPONDENTS.get(key)


ASKING_SHARE = 0.3  # an answerer asks in fewer of its turns than this, the asking side's lead in more...
ASKING_CONTRAST = 3  # ... and this many times as often as the main answerer (co-hosts who both ask are equals)
SIDE_ASKER_SHARE = 0.15  # a second host or the chair of a hearing asks less, but asks
ANSWER_WORDS = 8  # the answering side's turns are this long on average (a film's lines are shorter)
CO_ANSWERER_SHARE = 0.3  # a second witness says at least this share of the first one's words...
CONSENT_WORDS = 15  # leave to speak is given in fewer words than this ("I will give way one last time.")
CLARIFY_WORDS = 2  # a question this short between two parts of one answer is a clarification ("The butcher?")...
CLARIFY_PATTERN_WORDS = 8  # ... and one that opens "Sorry", "Really", "You mean" or echoes the answer, up to this
FLOOR_ANSWER_WORDS = 30  # without an asking side, a question opens only when answered at this length
ITEM_OPENINGS = 2  # a speaker who moves the meeting to its next item this often chairs it
HEARING_WORDS = 3  # "yield back", "Madam Chair", "the witness"…: this many make a hearing
SAMPLE_TURNS = 500  # how often a speaker asks is told well enough by this many of their turns
WELCOME_TURNS = 6  # a briefing that starts late is welcomed to within its first turns...
WELCOME_SHARE = 10  # ... and within this fraction (1/10) of them (the first three of a short one)
# The host's welcome that starts a briefing, a meeting or a show: a question asked before it ("Are we getting an
# update on the arrests?") was asked while people sat down, and belongs with the opening.
_WELCOME = re.compile(r"\b(?:(?:and )?welcome (?:to|everyone|everybody|all)\b|thank(?:s| you) (?:all )?for "
                      r"coming\b|willkommen\b|bienvenue\b|bienvenid[oa]s?\b|добро пожаловать)", re.IGNORECASE)


class Asked:
    """What each turn does, for both steps: how it asks, and whether it opens an agenda item, each read when first
    needed and kept. Roles need only a sample of each speaker's turns, the exchanges only the asking side's and
    the chair's, so a long interview's answers are mostly never read. The `marked` turns are questions by their
    label (a select committee's `Q12 Chair:`), whatever their words."""

    def __init__(self, texts: Sequence[str], marked: Collection[int] = ()) -> None:
        self.texts = texts
        self.marked = frozenset(marked)
        self._how: list[Asks | None] = [None] * len(texts)
        self._items: list[bool | None] = [None] * len(texts)
        for turn in marked:
            self._how[turn] = Asks.MARK

    def how(self, turn: int) -> Asks:
        known = self._how[turn]
        if known is None:
            known = self._how[turn] = asks(self.texts[turn])
        return known

    def item(self, turn: int) -> bool:
        known = self._items[turn]
        if known is None:
            known = self._items[turn] = opens_item(self.texts[turn])
        return known


def roles_and_exchanges(keys: Sequence[str], texts: Sequence[str], speakers: Sequence[str], known: dict[str, Role],
                        unknown: str, marked: Collection[int] = (), timed: bool = False
                        ) -> tuple[dict[str, Role], list[Exchange]]:
    """`infer_roles` and `group_exchanges` in one; the turns are read for questions only when no label says who
    asks (a long labelled interview costs nothing more). `marked` are the turns whose label says they ask;
    `timed`, whether the turns have times (a recording's transcript, never a printed interview)."""
    labelled = Role.INTERVIEWER in known.values() or bool(labelled_askers(speakers))
    asked = None if labelled and not marked else Asked(texts, marked)
    printed = None if labelled or marked or timed else printed_pair(keys, texts, unknown)
    roles = infer_roles(keys, texts, speakers, known, unknown, asked, printed)
    return roles, group_exchanges(keys, texts, roles, asked, printed)


@dataclass
class _Voice:
    turns: int = 0
    read: int = 0  # turns read for questions: the first SAMPLE_TURNS
    asking: int = 0
    words: int = 0

    @property
    def share(self) -> float:
        return self.asking / self.read if self.read else 0.0


def infer_roles(keys: Sequence[str], texts: Sequence[str], speakers: Sequence[str],
                known: dict[str, Role], unknown: str, asked: Asked | None = None,
                printed: tuple[str, str] | None = None) -> dict[str, Role]:
    """Each speaker's role. `keys` and `texts` are the speaker key and the words of each turn (single-spaced, as
    the builder joins them); `speakers` every key once; `known` the roles a parser gave; `unknown` the key of the
    unknown speaker, who never answers; `printed`, the two sides of a printed interview (`printed_pair`)."""
    roles: dict[str, Role] = {key: Role.OTHER for key in speakers}
    roles.update({k: v for k, v in known.items() if k in roles})
    askers = labelled_askers(speakers)
    if Role.INTERVIEWER in roles.values() or askers:
        for k in askers:
            if k not in known:
                roles[k] = Role.INTERVIEWER
        _name_main_answerer(keys, texts, roles, unknown)
        return roles
    asked = asked or Asked(texts)
    if asked.marked:  # the document numbers its questions: who asks them is the committee, the others answer
        askers = {keys[i] for i in asked.marked}
        roles.update({key: Role.INTERVIEWER if key in askers else Role.INTERVIEWEE for key in roles if key != unknown})
        return roles
    voices = _voices(keys, texts, asked, unknown)
    answering = _answering_side(voices)
    if not answering:
        # A printed interview's prompts are mostly statements: its interviewer is who asks more, however little.
        if printed is not None and voices[printed[0]].share > voices[printed[1]].share:
            roles[printed[0]], roles[printed[1]] = Role.INTERVIEWER, Role.INTERVIEWEE
        return roles
    chair = _chair(keys, asked, unknown)
    for key, voice in voices.items():
        if key in answering:
            roles[key] = Role.INTERVIEWEE
        elif key != chair and voice.asking and voice.share >= SIDE_ASKER_SHARE:
            roles[key] = Role.INTERVIEWER
    if Role.INTERVIEWER not in roles.values():
        return {key: Role.OTHER for key in roles}
    return roles


def _name_main_answerer(keys: Sequence[str], texts: Sequence[str], roles: dict[str, Role], unknown: str) -> None:
    """With the interviewer named by a label, the interviewee is whoever else says most."""
    if Role.INTERVIEWEE in roles.values():
        return
    words: Counter[str] = Counter()
    for key, text in zip(keys, texts, strict=True):
        if roles[key] is Role.OTHER and key != unknown:
            words[key] += len(text)
    if words:
        roles[words.most_common(1)[0][0]] = Role.INTERVIEWEE


def _voices(keys: Sequence[str], texts: Sequence[str], asked: Asked, unknown: str) -> dict[str, _Voice]:
    voices: dict[str, _Voice] = {}
    for i, (key, text) in enumerate(zip(keys, texts, strict=True)):
        if key == unknown:
            continue
        voice = voices.get(key)
        if voice is None:  # not setdefault: that would make a _Voice for every turn
            voice = voices[key] = _Voice()
        voice.turns += 1
        voice.words += text.count(" ") + 1  # words, near enough (the text is single-spaced), without splitting it
        if voice.read < SAMPLE_TURNS:
            how = asked.how(i)
            if how is Asks.NO and recognises(text):
                continue  # a hearing's chair handing the floor on ("you are recognized") neither asks nor answers
            voice.read += 1
            voice.asking += how is not Asks.NO
    return voices


def _answering_side(voices: dict[str, _Voice]) -> set[str]:
    """The guest or the witnesses: who says most while asking little, and anyone else who answers about as much.
    Empty when nobody stands out as asking (a conversation of equals, a film's short lines)."""
    answerers = [k for k, v in voices.items() if v.share < ASKING_SHARE and v.turns >= 2]
    if not answerers:
        return set()
    main = voices[max(answerers, key=lambda k: voices[k].words)]
    if main.words < ANSWER_WORDS * main.turns:
        return set()
    lead = max((v.share for k, v in voices.items() if k not in answerers), default=0.0)
    if lead < ASKING_SHARE or lead < ASKING_CONTRAST * main.share:
        return set()
    return {k for k in answerers if voices[k] is main or (voices[k].words >= CO_ANSWERER_SHARE * main.words
                                                           and voices[k].words >= ANSWER_WORDS * voices[k].turns)}


# A turn of these words alone reacts to what is being said ("Yeah.", "Right, right.", "Genau.", "D'accord."): a
# spoken conversation's, never a printed interview's prompt.
_REACTIONS = frozenset({
    "yeah", "yes", "yep", "no", "nope", "right", "okay", "ok", "wow", "sure", "exactly", "absolutely", "really",
    "mm", "mhm", "mm-hmm", "mm-hm", "hmm", "uh-huh", "uh-hm", "oh", "ah", "aha", "interesting", "great", "true",
    "indeed", "gosh", "ja", "nein", "genau", "stimmt", "klar", "gut", "oui", "non", "d'accord", "voilà",
    "exactement", "bon", "sí", "claro", "vale", "exacto", "да", "нет", "ага", "угу", "ого", "понятно", "ясно",
    "конечно",
})
# Hesitations a speech transcript keeps and an edited interview never prints, set off by a comma or a dash ("I, uh,
# think", "Um... yes"): so the German "um" of "um drei Uhr" is none. The patterns below are compiled when first
# used, as in `asking`: most transcripts are no printed interview, and the start compiles none of them.
@cache
def _hesitation() -> re.Pattern[str]:
    return re.compile(r"\b(?:um+|uh+|uhm|erm|äh+m?|öhm|euh|ehm|эм+|ээ+)(?=\s*[,.…—–-])", re.IGNORECASE)


# What a transcriber of a recording notes: "(laughs)", "[crosstalk]", "[inaudible 00:12:03]".
@cache
def _stage_direction() -> re.Pattern[str]:
    return re.compile(r"[(\[](?:laugh|chuckl|inaudible|crosstalk|applause|pause|silence|music|rires|lacht|risas|"
                      r"смеётся|смех)", re.IGNORECASE)


# A presenter greeting the listeners or the guest, as a broadcast opens.
@cache
def _greeting() -> re.Pattern[str]:
    return re.compile(r"\b(?:hello|hi,? (?:everyone|everybody|all)|good (?:morning|afternoon|evening)|welcome|"
                      r"guten (?:morgen|tag|abend)|willkommen|bonjour|bonsoir|bienvenue|buen[oa]s (?:días|tardes|"
                      r"noches)|bienvenid[oa]s?|здравствуйте|добр(?:ый|ое) (?:день|вечер|утро)|добро пожаловать)\b",
                      re.IGNORECASE)


# A turn thanking who speaks: the interview's end, not a prompt ("Thank you, Mrs Dunbar.", "Vielen Dank.").
@cache
def _thanks() -> re.Pattern[str]:
    return re.compile(r"\W*(?:[\w'’.-]+(?: [\w'’.-]+){0,2}, )?(?:thank you|thanks|many thanks|vielen dank|danke|"
                      r"herzlichen dank|merci|muchas gracias|gracias|спасибо)\b", re.IGNORECASE)


_TOKEN = re.compile(r"[\w'’-]+")
PRINT_TURNS = 3  # each side of a printed interview speaks at least this often...
PROMPT_CONTRAST = 3  # ... the answers are this many times as long as the prompts, on average...
PRINT_ALTERNATION = 0.9  # ... the two take turns: this share of the turns changes speaker...
HESITATION_RATE = 1 / 500  # ... and it prints fewer hesitations than this, per word
REACTION_WORDS = 4  # a reaction ("Yeah, right, right.") is shorter than this


def printed_pair(keys: Sequence[str], texts: Sequence[str], unknown: str) -> tuple[str, str] | None:
    """The interviewer and the interviewee of an interview printed as a newspaper or a magazine prints one: two
    people taking turns, the interviewer first, whose short prompts the other answers at length, in edited words
    (no "Yeah." turn, no "um", no "(laughs)"). Its prompts are often statements ("You opened the shop in
    1984.", "Die Warnung kam spät."), and each is a question all the same: the layout says so. None for any
    other transcript."""
    said = [(key, text) for key, text in zip(keys, texts, strict=True) if key != unknown]
    people = list(dict.fromkeys(key for key, _ in said))
    if len(people) != 2:
        return None
    turns: Counter[str] = Counter(key for key, _ in said)
    words: Counter[str] = Counter()
    for key, text in said:
        words[key] += text.count(" ") + 1  # the builder's texts are single-spaced
    asker, answerer = sorted(people, key=lambda key: words[key] / turns[key])
    if people[0] != asker or min(turns.values()) < PRINT_TURNS or words[answerer] < ANSWER_WORDS * turns[answerer]:
        return None
    if words[answerer] * turns[asker] < PROMPT_CONTRAST * words[asker] * turns[answerer]:
        return None
    if sum(a != b for (a, _), (b, _) in pairwise(said)) < PRINT_ALTERNATION * (len(said) - 1):
        return None
    if _greeting().search(said[0][1][:300]):
        return None  # a broadcast's opening ("Hello and welcome to The World Tonight"): a print opens on a prompt
    # How the words are written is told well enough by the first turns (a reaction is a turn of a few words).
    sample = said[:2 * SAMPLE_TURNS]
    if any(key == asker and text.count(" ") < REACTION_WORDS and _REACTIONS.issuperset(_TOKEN.findall(text.lower()))
           for key, text in sample):
        return None
    whole = "\n".join(text for _, text in sample)
    if _stage_direction().search(whole) or len(_hesitation().findall(whole)) > HESITATION_RATE * (whole.count(" ") + 1):
        return None
    return asker, answerer


def _prompting(keys: Sequence[str], texts: Sequence[str], how: Callable[[int], Asks],
               printed: tuple[str, str]) -> Callable[[int], Asks]:
    """`how`, with each prompt of a printed interview's interviewer asking: a statement the interviewee answers
    at length ("Die Warnung kam spät." — "Sie kam um drei Uhr nachts, per App…"), not a welcome or a thanks."""
    asker, answerer = printed

    def prompted(i: int) -> Asks:
        asked = how(i)
        if asked or keys[i] != asker or i + 1 == len(keys) or keys[i + 1] != answerer:
            return asked
        prompt, answer = texts[i], texts[i + 1]
        if answer.count(" ") + 1 < ANSWER_WORDS or answer.count(" ") < 2 * prompt.count(" "):
            return asked
        return Asks.NO if _WELCOME.search(prompt[:300]) or _thanks().match(prompt) else Asks.OPENING

    return prompted


def _chair(keys: Sequence[str], asked: Asked, unknown: str) -> str | None:
    """Who moves the meeting from item to item, if anyone does (told from each speaker's first turns)."""
    read: Counter[str] = Counter()
    items: Counter[str] = Counter()
    for i, key in enumerate(keys):
        if key != unknown and read[key] < SAMPLE_TURNS:
            read[key] += 1
            items[key] += asked.item(i)
    chair, count = max(items.items(), key=lambda kv: kv[1], default=(None, 0))
    return chair if count >= ITEM_OPENINGS else None


def group_exchanges(keys: Sequence[str], texts: Sequence[str], roles: dict[str, Role],
                    asked: Asked | None = None, printed: tuple[str, str] | None = None) -> list[Exchange]:
    """The exchanges of the turns, in order, covering every turn. `printed`: the interviewer and interviewee of
    a printed interview (`printed_pair`), whose every prompt asks."""
    asking = {key for key, role in roles.items() if role is Role.INTERVIEWER}
    if asking & labelled_askers(roles):
        return _build(_labelled_openers(keys, asking), [False] * len(keys))
    asked = asked or Asked(texts)
    how: Callable[[int], Asks] = asked.how
    if printed is not None and asking == {printed[0]}:
        how = _prompting(keys, texts, how, printed)
    chair = _chair(keys, asked, "")
    items = [key == chair and asked.item(i) for i, key in enumerate(keys)]  # only the chair opens items
    leave: dict[int, int] = {}
    if asking:
        opens, sub = _asked_openers(keys, texts, how, items, asking, asked.marked)
        leave = _leave_asked(keys, texts, opens, sub)
    else:
        opens, sub = _floor_openers(keys, texts, how, items), [False] * len(keys)
    if not any(opens) or (not asking and sum(opens) < 2):
        return _build([True] * len(keys), [False] * len(keys), numbered=False)
    welcome = _welcome(texts, opens)
    if welcome:
        opens[:welcome] = [False] * welcome
        sub[:welcome] = [False] * welcome
    return _build(opens, sub, asks_at=leave)


def _welcome(texts: Sequence[str], opens: list[bool]) -> int:
    """The turn that welcomes people to the start, when a question was asked before it (else 0): the questions
    before it are asked as people sit down, and go with the opening. Only early on (and "welcome back", after a
    break, is inside the conversation)."""
    first = 0
    for i in range(1, min(WELCOME_TURNS, max(3, len(texts) // WELCOME_SHARE))):
        if not opens[i] and any(opens[:i]) and _WELCOME.search(texts[i][:300]):
            first = i
    return first


def _labelled_openers(keys: Sequence[str], asking: set[str]) -> list[bool]:
    """Every turn of a labelled interviewer is a question (the transcriber said so), the first of several in a
    row for them all."""
    return [key in asking and not (i > 0 and keys[i - 1] in asking) for i, key in enumerate(keys)]


def _asked_openers(keys: Sequence[str], texts: Sequence[str], how: Callable[[int], Asks], items: list[bool],
                   asking: set[str], marked: Collection[int] = ()) -> tuple[list[bool], list[bool]]:
    """Which turns open an exchange, and which ask again inside one (a hearing's round). A turn `marked` as a
    question by its label asks whoever spoke before it: the document numbers it."""
    rounds = len(asking) >= 2 and hearing_words(texts[:SAMPLE_TURNS]) >= HEARING_WORDS
    opens = [False] * len(keys)
    sub = [False] * len(keys)
    owner: str | None = None  # who asked the open exchange's question
    answered = True  # someone outside the asking side spoke since that question
    floor: str | None = None  # who a debate's chair called to speak: their speech asks nothing
    for i, key in enumerate(keys):
        if items[i]:
            opens[i], owner, answered = True, key, False
            floor = keys[i + 1] if i + 1 < len(keys) and gives_floor(texts[i]) else None
            continue
        if key not in asking or key == floor:
            answered = answered or owner is not None
            continue
        if how(i) is Asks.NO:
            continue
        if i not in marked:
            if not answered:
                continue  # a second host adds to the question before anyone answers
            if (i + 1 < len(keys) and keys[i + 1] in asking and keys[i + 1] not in (key, floor) and
                    how(i + 1) is Asks.NO):
                continue  # one host asks the other ("Remember the guy last season?"): banter, not a question
            if owner is not None and _clarifies(keys, texts, i):
                continue
        if rounds and key == owner:
            sub[i] = True  # the same member asks again in their round
        else:
            opens[i], owner = True, key
        answered = False
    return opens, sub


def _leave_asked(keys: Sequence[str], texts: Sequence[str], opens: list[bool], sub: list[bool]) -> dict[int, int]:
    """Where someone asks leave to speak ("Will the hon. Member give way?"), is given it in a few words ("I will.")
    and then asks: the three turns are one exchange, whose question is the third. Changes `opens` and `sub` so;
    gives each such exchange's first turn -> its question."""
    leave: dict[int, int] = {}
    for i in range(len(keys) - 2):
        if (opens[i] and keys[i + 2] == keys[i] != keys[i + 1] and
                texts[i + 1].count(" ") < CONSENT_WORDS and requests_to_speak(texts[i])):
            leave[i] = i + 2
            opens[i + 2] = sub[i + 2] = False
    return leave


def _clarifies(keys: Sequence[str], texts: Sequence[str], i: int) -> bool:
    """A quick question between two turns of the same answerer, who then goes on: part of that answer (unless it
    asks leave to speak, and the answerer gives it)."""
    if not 0 < i < len(keys) - 1 or keys[i - 1] != keys[i + 1] or requests_to_speak(texts[i]):
        return False
    words = texts[i].count(" ") + 1  # the words: the builder's texts are single-spaced
    if words <= CLARIFY_WORDS:
        return not opens_with_interrogative(texts[i])
    return words <= CLARIFY_PATTERN_WORDS and clarifies(texts[i], texts[i - 1])


def _floor_openers(keys: Sequence[str], texts: Sequence[str], how: Callable[[int], Asks],
                   items: list[bool]) -> list[bool]:
    """Without an asking side: agenda items, and questions that another speaker answers at length."""
    opens = list(items)
    for i in range(len(keys) - 1):
        if keys[i + 1] != keys[i] and len(texts[i + 1].split()) >= FLOOR_ANSWER_WORDS and how(i) >= Asks.INVITATION:
            opens[i] = True
    return opens


def numbered_as_written(exchanges: list[Exchange], numbers: dict[int, int]) -> list[Exchange]:
    """The exchanges numbered as the document numbers its questions (a select committee's `Q34 Chair:`: a
    session's numbers go on from the one before, and a journalist cites them), when it numbers the question of
    every exchange and the numbers go up; else as they are (Q1, Q2...). `numbers`: turn index -> number."""
    asked = [e for e in exchanges if e.question is not None]
    if not asked or any(e.question not in numbers for e in asked):
        return exchanges
    written = [numbers[e.question] for e in asked if e.question is not None]
    if any(b <= a for a, b in pairwise(written)):
        return exchanges
    return [replace(e, number=numbers[e.question]) if e.question is not None else e for e in exchanges]


def _build(opens: list[bool], sub: list[bool], numbered: bool = True,
           asks_at: dict[int, int] | None = None) -> list[Exchange]:
    """Exchanges from the turns that open them; turns before the first opener form an opening without a number.
    `asks_at`: an exchange's first turn -> its question, where that is a later turn (`_leave_asked`)."""
    exchanges: list[Exchange] = []
    starts = [i for i, o in enumerate(opens) if o]
    if not starts:
        return [Exchange(0, 0, len(opens) - 1, None, None)] if opens else []
    if starts[0] > 0:
        exchanges.append(Exchange(0, 0, starts[0] - 1, None, None))
    rounds = any(sub)
    bounds = [*starts, len(opens)]
    for n, (first, end) in enumerate(pairwise(bounds), start=1):
        if numbered:
            question = (asks_at or {}).get(first, first)
            questions = ((question, *compress(range(question + 1, end), sub[question + 1:end])) if rounds
                         else (question,))
            exchanges.append(Exchange(len(exchanges), first, end - 1, question, n, questions))
        else:
            exchanges.append(Exchange(len(exchanges), first, end - 1, None, None))
    return exchanges
