"""The upper level of the table of contents: sections, each a run of whole topics.

The document's own headings come first (a Markdown or HTML heading, a chapter list): when a transcript has
them, its top-level headings are the sections, with their titles, and deeper headings start topics. Without
them, sections are found by grouping the fine topics: between two neighbouring topics we compare the words
of a block of topics on either side (a block reaches a share of the transcript's words, so a section boundary
is judged on a wider view than a topic boundary), take how far that similarity dips below the peaks around it
(TextTiling's depth), add the strength of the topic boundary itself, and keep the boundaries that stand out
from the rest, strongest first, while every section stays long enough. So the number of sections follows the
content: a two-hour hearing gets a readable handful, never forty.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import pairwise

from reader.core.model import Heading, Role, Transcript
from reader.core.topics.segment import _depths, _standardise
from reader.core.topics.terms import TermTable
from reader.core.topics.units import agenda_items

MAX_SECTIONS = 12
MIN_SECTION_SHARE = 12  # a section holds at least this fraction (1/12) of the words...
BLOCK_SHARE = 8  # ... and its boundaries are judged on blocks of topics holding 1/8 of them on each side
THRESHOLD = -1.0  # in standard deviations of the combined score: all but the weakest boundaries may open one
STRENGTH = 1.0  # the weight of the topic boundary's own score beside the depth of the section one
MOVE = 3.0  # ... and of a question that takes the whole conversation elsewhere ("Let's talk about money.")
SECTIONS_PER_TOPIC = 0.6  # at most three sections per five topics (rounded up): a section gathers topics
FEW_TOPICS = 3  # this many topics or fewer: each is its own section (a short interview)


PANEL_TURNS = 2  # a witness who speaks this often belongs to a panel (one who answers once may be called back)
MAX_PANELS = 6  # a hearing hears a few panels; more, one after another, are a phone-in's callers: the words decide


STATEMENT_WORDS = 60  # a turn this long, before anyone is asked anything, is a statement
STATEMENT_SHARE = 0.6  # ... and the statements hold this share of the opening's words


def _answering(transcript: Transcript) -> set[str]:
    """The keys of the speakers who answer (witnesses, guests): what they say opens, closes or announces nothing."""
    return {s.key for s in transcript.speakers if s.role is Role.INTERVIEWEE}


def opening_statements(transcript: Transcript) -> int | None:
    """Where the questions begin after the opening statements of a hearing or a press conference: the chair's,
    the ranking member's, each witness's or official's prepared words, before the first question. None when the
    turns before the first question are no such statements: a welcome, small talk, a roll call. Statements are
    long turns by at least two speakers, holding most of the opening's words."""
    first = next((e.first_turn for e in transcript.exchanges if e.question is not None), None)
    if not first:
        return None
    opening = transcript.turns[:first]
    words = [turn.words for turn in opening]
    statements = [(turn.speaker, n) for turn, n in zip(opening, words, strict=True) if n >= STATEMENT_WORDS]
    if len({speaker for speaker, _ in statements}) < 2:
        return None
    return first if sum(n for _, n in statements) >= STATEMENT_SHARE * sum(words) else None


# A meeting's opening business: called to order, the roll, apologies, declarations of interest, the minutes, the
# agenda, and their motions ("So moved.", "Seconded.", "All in favour?"), with a roll call's answers ("Here.").
_PROCEDURE = re.compile(
    r"\b(?:apolog(?:y|ies)|declar(?:e|ing|ation)s?\b|(?:disclosable |pecuniary )interests?\b|(?:the|these) minutes\b|"
    r"roll\b|quorum|quorate|pledge of allegiance|agenda\b|to order\b|so moved|seconded|proposer|all in favou?r|"
    r"carried\b(?! out)|excused\b|(?:^|all )agreed\b|"
    r"ordre du jour|procès-verbal|excusée?s?\b|tagesordnung|protokoll|beschlussfähig|entschuldigt|orden del día|"
    r"\bacta\b|quórum|повестк|протокол|кворум)", re.IGNORECASE)
BUSINESS_GAP = 2  # turns that say no procedure (a member's correction to the minutes) inside the opening business
BUSINESS_WORDS = 4  # a turn this short answers the roll or a motion ("Here.", "So moved.")
BUSINESS_TURNS = 4  # the opening business holds this many procedural turns at least


def opening_business(transcript: Transcript) -> int | None:
    """Where a meeting's business proper begins after its opening: the call to order, the roll, apologies,
    declarations of interest, the minutes and their motions. None for a transcript that is no meeting (no chair
    moving it from item to item), and for a meeting that goes straight to its first item."""
    items = agenda_items(transcript)  # none without a chair
    if not items:
        return None
    procedural, last, gap = 0, -1, 0
    for turn in transcript.turns:
        if turn.words <= BUSINESS_WORDS or _PROCEDURE.search(turn.text[:400]):
            procedural, last, gap = procedural + 1, turn.index, 0
        else:
            gap += 1
            if gap > BUSINESS_GAP:
                break
    # An item the chair names in the last of those turns ("Seconded, all in favour. Item 4 is public
    # participation") is business proper, begun there.
    end = min([last + 1, *(turn for turn, title in items.items() if 0 < turn <= last and title
                            and not _PROCEDURE.search(title))])
    return end if procedural >= BUSINESS_TURNS and 0 < end < len(transcript.turns) else None


# The chair or the host ending a hearing, a meeting or a briefing: "This hearing is adjourned.", "I declare the
# meeting closed.", "That concludes this session.", "We're out of time. I want to thank our witnesses."
_CLOSE = re.compile(
    r"\b(?:(?:hearing|meeting|session|committee|briefing|conference) (?:is |stands )?(?:now )?(?:adjourned|closed)|"
    r"we(?:'re| are) (?:now )?adjourned|(?:declare|declaring) (?:the|this) meeting closed|that concludes|"
    r"brings? us to the end|we(?:'re| are) out of time|(?:have|need) to (?:end|stop|leave it) there|"
    r"motion to adjourn|thank[^.?!]{0,60}\bwitnesses|la séance est levée|sitzung ist geschlossen|"
    r"schließe die sitzung|se levanta la sesión|finaliza la rueda de prensa|заседание закрыто)", re.IGNORECASE)
CLOSING_TURNS = 4  # the close is in the last turns...
CLOSING_WORDS = 40  # ... and the turns after the one that closes are this short (a witness's "Thank you.")


def closing_start(transcript: Transcript) -> int | None:
    """Where the chair or the host closes a hearing, a meeting or a briefing, in its last turns ("This hearing is
    adjourned.", "We're out of time. I want to thank our witnesses."): the close is an entry of its own. None
    when nobody closes so, or when more is said after (a later turn may close it then: "We're out of time",
    a witness's last point, "This hearing is adjourned.")."""
    turns = transcript.turns
    answering = _answering(transcript)
    for turn in turns[max(1, len(turns) - CLOSING_TURNS):]:
        if turn.speaker not in answering and _CLOSE.search(turn.text) \
                and all(t.words <= CLOSING_WORDS for t in turns[turn.index + 1:]):
            return turn.index
    return None


# A podcast's sponsor read: a host says who pays for the episode and how to buy from them ("This episode is
# brought to you by Driftwood Robes ... twenty percent off with the code SELKIES"), after announcing a break.
_SPONSORED = re.compile(  # (the lookahead on the first letters lets the search skip ahead fast)
    r"(?=[bBsSaAtTpPeEuUgGnNсСпП])\b(?:brought to you by|sponsored by|supported by|"
    r"support for (?:this|the) (?:show|podcast|episode) comes from|(?:a word|a message) from our sponsors?|"
    r"thanks to our sponsors?|présenté par|en partenariat avec|sponsorisé par|präsentiert von|unterstützt von|"
    r"gesponsert von|patrocinado por|nuestro patrocinador|при поддержке|спонсор выпуска)", re.IGNORECASE)
_OFFER = re.compile(
    r"\b(?:promo(?:tion(?:al)?)? code|discount code|(?:use|with|enter) (?:the )?code|percent off|\d+ ?% off|"
    r"dot com|\w\.com\b|show notes|free trial|code promo|de réduction|rabatt|gutschein|código|descuento|"
    r"промокод|скидк)", re.IGNORECASE)
_BREAK = re.compile(r"\b(?:(?:quick|short|little) break|take a break|after the break|when we come back|"
                    r"petite pause|kurze pause|pausa|после рекламы)", re.IGNORECASE)
SPONSOR_WORDS = 25  # a sponsor read says who pays and what they sell: this many words at least
AFTER_SPONSOR_WORDS = 30  # the quips after the read ("You do look like a Jedi in it.") belong to the break


def sponsor_breaks(transcript: Transcript) -> list[tuple[int, int]]:
    """The first and last turns of each sponsor read: a host's (not a guest's) turn that names a sponsor and an
    offer, with the announcement of the break before it and the short quips after it, up to the next question.
    A bill "sponsored by" a member names no offer, and a guest's sponsor is no break in the programme."""
    answering = _answering(transcript)
    asking = {q for e in transcript.exchanges for q in e.questions}
    turns = transcript.turns
    breaks: list[tuple[int, int]] = []
    for turn in turns:
        if turn.speaker in answering or turn.words < SPONSOR_WORDS or (breaks and turn.index <= breaks[-1][1]):
            continue
        if not (_SPONSORED.search(turn.text) and _OFFER.search(turn.text)):
            continue
        first = turn.index
        if first > 0 and turns[first - 1].speaker not in answering and _BREAK.search(turns[first - 1].text):
            first -= 1
        last = turn.index
        while last + 1 < len(turns) and last + 1 not in asking and turns[last + 1].words <= AFTER_SPONSOR_WORDS:
            last += 1
        breaks.append((first, last))
    return breaks


# The segments a host or a chair announces, each a section of its own: the listeners' questions ("We've got time
# for some listener questions"), the audience's ("Let's go to the floor"), a meeting's public comment, and the
# quick-fire round that ends many podcasts. (The listeners' kind first: "We asked our listeners for questions, so
# let's do a quick-fire round" opens their questions.)
SEGMENTS = {
    "listener": re.compile(  # (each with a lookahead on the first letters, which lets the search skip ahead fast)
        r"(?=[lLmMaAiIqQhHfFpPвВ])\b(?:listener(?:s'?)? (?:questions?|emails|mail|messages|voicemails)|mailbag|"
        r"(?:asked|invited) (?:our )?listeners|questions? from (?:our )?listeners|questions des auditeurs|"
        r"hörerfragen?|fragen (?:unserer|der) hörer|preguntas de (?:los|nuestros) oyentes|"
        r"вопрос\w* (?:от )?слушател\w*)",
        re.IGNORECASE),
    "audience": re.compile(
        r"(?=[aAqQgGoOtTcCfFpPвВ])\b(?:audience questions?|questions? from the (?:audience|floor)|go to the floor|"
        r"open (?:it )?up to (?:the )?(?:floor|audience)|q ?(?:&|and) ?a\b|(?:go|turn|come) to (?:your|the|some) "
        r"questions|questions du public|fragen aus dem publikum|preguntas del público|вопросы из зала)",
        re.IGNORECASE),
    "public": re.compile(r"(?=[pP])\bpublic (?:comment|participation|questions?|question time|forum)\b",
                         re.IGNORECASE),
    "quick": re.compile(r"(?=[qQrRlL])\b(?:quick-?fire|rapid-?fire|lightning round)", re.IGNORECASE),
    # A meeting's last item, as a chair calls it (in German and Russian only as an item: "Punkt 9, Verschiedenes").
    "other": re.compile(r"(?=[aAqQpPtTrRпП])\b(?:any other business|questions diverses|points divers|"
                        r"(?:punkt|top) \d+[,:.]? verschiedenes|ruegos y preguntas|asuntos varios|"
                        r"пункт \w+[,:.]? разное)", re.IGNORECASE),
}
SEGMENT_WORDS = 80  # a turn this short announces; a longer one talks about listeners' emails in passing
# ... and what the opening says is coming ("and at the end, as always, your questions") announces nothing yet.
_LATER = re.compile(r"\b(?:later|coming up|at the end|after that|al final|más tarde|plus tard|à la fin|später|"
                    r"am ende|потом|в конце)\b[^.?!]{0,60}$", re.IGNORECASE)


def announced_segments(transcript: Transcript) -> dict[int, tuple[str, str]]:
    """The turns where a segment of SEGMENTS starts, as the host or the chair announces it, the first time of
    each kind: the turn -> (the kind, the words that announce it). A segment called at the end of a turn that
    closes something else first ("... Thank you, Councillor Osei, and the working group. Any other business?")
    starts with the next turn."""
    answering = _answering(transcript)
    found: dict[int, tuple[str, str]] = {}
    kinds: set[str] = set()
    last = len(transcript.turns) - 1
    for turn in transcript.turns:
        if turn.speaker in answering or turn.words > SEGMENT_WORDS or turn.index == 0:
            continue
        for kind, pattern in SEGMENTS.items():
            match = pattern.search(turn.text) if kind not in kinds else None
            if match and not _LATER.search(turn.text, max(0, match.start() - 80), match.start()):
                kinds.add(kind)
                called_last = not turn.text[match.end():].strip(" \t\n.?!:;…")
                before = len(turn.text[:match.start()].split())
                start = turn.index + 1 if called_last and before >= CLOSED_FIRST and turn.index < last else turn.index
                found.setdefault(start, (kind, match.group(0)))
    return found


CLOSED_FIRST = 12  # words before a segment called at a turn's end: the turn closed something else first


# The host or the chair announcing the last part: "Last question.", "Time for one more.", "Before we let you go",
# "We're nearly out of time", "Where can people find your work?", "Dernière question", "Zum Schluss".
_LAST_PART = re.compile(
    r"(?=[tToOmMaAlLfFcCjJbBwWnNrRdDúÚpPzZпПнНоО])\b(?:(?:the |our |my |a |one )?(?:last|final) "
    r"(?:question|one|thing|word|couple|few)|one last|time for (?:one|two|a couple|a few) more|"
    r"(?:a |just a )?(?:couple|few) more questions|before we (?:let you go|go|finish|wrap up|say goodbye)|"
    r"we(?:'re| are) (?:nearly|almost|just about|coming up on|running out of|out of) (?:at )?time|"
    r"(?:nearly|almost) out of time|running out of time|to finish(?: up)?,|to wrap up|"
    r"where can (?:people|listeners|folks) find|dernière question|toute dernière|última pregunta|para terminar|"
    r"antes de despedirnos|zum schluss|zum abschluss|letzte frage|последний вопрос|напоследок|"
    r"осталась пара минут)", re.IGNORECASE)
LAST_PART_SHARE = 0.7  # the last part is announced in the last 30% of the turns...
LAST_PART_CHARS = 300  # ... at the opening of the turn that announces it


def last_part_start(transcript: Transcript) -> int | None:
    """The turn where the host or the chair announces the conversation's last part ("Last question.", "We're
    nearly out of time."), the first such turn in the last 30% of the turns, where a topic starts; None when
    none does."""
    answering = _answering(transcript)
    turns = transcript.turns
    return next((turn.index for turn in turns[max(1, int(len(turns) * LAST_PART_SHARE)):]
                 if turn.speaker not in answering and _LAST_PART.search(turn.text[:LAST_PART_CHARS])), None)


def panel_starts(transcript: Transcript) -> list[int]:
    """The turns where a new panel of witnesses is brought in: a hearing hears its witnesses in turn ("We now
    move to our second panel"), and a podcast may have one guest, then another. A panel is the answering
    speakers whose turns overlap; a new one begins once every witness of the one before has spoken for the last
    time, at the asking side's last turn before it (the chair introducing it). [] for one panel, and for more
    than MAX_PANELS."""
    asking = {s.key for s in transcript.speakers if s.role is Role.INTERVIEWER}
    answering = {s.key for s in transcript.speakers if s.role is Role.INTERVIEWEE and s.turns >= PANEL_TURNS}
    if not asking or len(answering) < 2:
        return []
    spans: dict[str, tuple[int, int]] = {}  # each witness's first and last turn
    for turn in transcript.turns:
        if turn.speaker in answering:
            spans[turn.speaker] = (spans.get(turn.speaker, (turn.index, 0))[0], turn.index)
    panels: list[list[int]] = []
    for first, last in sorted(spans.values()):
        if panels and first <= panels[-1][1]:
            panels[-1][1] = max(panels[-1][1], last)
        else:
            panels.append([first, last])
    if len(panels) > MAX_PANELS:
        return []
    starts = []
    for (_, before), (after, _) in pairwise(panels):
        introducing = [i for i in range(before + 1, after) if transcript.turns[i].speaker in asking]
        starts.append(introducing[-1] if introducing else after)
    return starts


def document_sections(transcript: Transcript) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[int]]:
    """(turn, title) of the document's top-level headings, and of its deeper ones, each list by turn with one
    heading per turn (the first wins: two headings in a row name one section); and the turns of the top-level
    headings whose title the document repeats. Those are procedure, not contents: a hearing's "Examination of
    witnesses" above each panel says where a panel begins, never what it is about. They open a section that is
    named by what it says."""
    # The document's title written as its first heading (a page's <h1>, a Markdown `# Title`) names the whole
    # transcript, not a section of it.
    title = " ".join((transcript.metadata.title or "").split()).casefold()
    headings = [h for h in transcript.headings if 0 <= h.turn < len(transcript.turns)
                and not (title and h.title.casefold() == title)]
    if not headings:
        return [], [], []
    top = min(h.level for h in headings)

    def first_per_turn(items: list[Heading]) -> list[tuple[int, str]]:
        seen: dict[int, str] = {}
        for h in items:
            seen.setdefault(h.turn, h.title)
        return sorted(seen.items())

    upper = first_per_turn([h for h in headings if h.level == top])
    starts = {turn for turn, _ in upper}
    lower = [(turn, title) for turn, title in first_per_turn([h for h in headings if h.level > top])
             if turn not in starts]
    said = Counter(_title_key(title) for _, title in upper)
    repeated = [turn for turn, title in upper if said[_title_key(title)] > 1]
    return [(turn, title) for turn, title in upper if said[_title_key(title)] == 1], lower, repeated


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def group_topics(table: TermTable, spans: list[tuple[int, int]], strengths: list[float],
                 moves: list[bool] | None = None, forced: frozenset[int] = frozenset()) -> list[int]:
    """Indices of the topics (in `spans`, besides 0) that open a section. `strengths[i]` is how strongly the
    topic boundary before topic i was found (standardised; 0 for none), so a clear topic boundary is also a
    likelier section one; `moves[i]` whether topic i opens with a move to another subject as a whole. The topics
    in `forced` open one whatever the scores (the one after the welcome and introductions, the sign-off)."""
    n = len(spans)
    if n <= FEW_TOPICS:
        return list(range(1, n))
    counts = [table.span_counts(first, last) for first, last in spans]
    words = [sum(table.turn_words[first:last + 1]) for first, last in spans]
    total = sum(words) or 1
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {t: math.log((n + 1) / d) for t, d in df.items()}
    vectors = [{t: k * idf[t] for t, k in c.items()} for c in counts]
    reach = total / BLOCK_SHARE
    similarity = []
    for i in range(1, n):
        left = _block(vectors, words, range(i - 1, -1, -1), reach)
        right = _block(vectors, words, range(i, n), reach)
        similarity.append(_cosine(left, right))
    depth = _standardise(_depths(similarity))
    strength = _standardise(strengths[1:])
    moved = (moves or [False] * n)[1:]
    scores = [d + STRENGTH * s + MOVE * m for d, s, m in zip(depth, strength, moved, strict=True)]
    mean = sum(scores) / len(scores)
    sd = math.sqrt(sum((x - mean) ** 2 for x in scores) / len(scores))
    prefix = [0]
    for w in words:
        prefix.append(prefix[-1] + w)
    minimum = total / MIN_SECTION_SHARE
    most = min(MAX_SECTIONS, max(2, math.ceil(n * SECTIONS_PER_TOPIC)))
    chosen = sorted({0, n, *(i for i in forced if 0 < i < n)})
    for score, i in sorted(((s, k + 1) for k, s in enumerate(scores)), key=lambda item: (-item[0], item[1])):
        if score < mean + THRESHOLD * sd or len(chosen) - 1 >= most:
            break
        at = next(k for k, c in enumerate(chosen) if c > i)
        before, after = chosen[at - 1], chosen[at]
        if prefix[i] - prefix[before] >= minimum and prefix[after] - prefix[i] >= minimum:
            chosen.insert(at, i)
    return chosen[1:-1]


def _block(vectors: list[dict[str, float]], words: list[int], order: range, reach: float) -> dict[str, float]:
    """The summed weights of topics taken in `order` until they hold `reach` words (at least one topic)."""
    block: dict[str, float] = {}
    held = 0
    for i in order:
        for term, w in vectors[i].items():
            block[term] = block.get(term, 0.0) + w
        held += words[i]
        if held >= reach:
            break
    return block


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    common = a.keys() & b.keys()
    if not common:
        return 0.0
    dot = sum(a[t] * b[t] for t in common)
    return dot / (math.hypot(*a.values()) * math.hypot(*b.values()))
