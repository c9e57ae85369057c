"""What the opening words of a question say about it: a new subject ("On Syria.", "Let me turn to...")
or a follow-up ("And...", "So...", "Is that...").

Both lists are regular expressions: cues are matched at the start of each of the turn's first sentences ("Thank
you. On Syria."), follow-ups at the very start of the turn. They are English and deliberately conservative: a cue
that fires inside ordinary follow-ups costs more than a missed one, since the lexical scores still see it.
"""

from __future__ import annotations

import re

from reader.core.topics.stopwords import CALENDAR, JOINERS
from reader.core.topics.terms import term_of

# Up to three short openers before the cue: "Thank you, Minister. ", "Okay, ", "Nadia, ".
_PREFACE = (r"(?:(?:ok(?:ay)?|right|alright|all right|thank you[^.!?]{0,40}|thanks[^.!?]{0,40}|good|great|fine|"
            r"mm hmm|mm-hmm|mhm|uh huh|uh-huh|yeah|sure|"
            r"well|now|minister|sir|madam|mr\.? \w+|ms\.? \w+)[.,!:;—–-]*\s+"
            r"|(?:so|and|but|now),\s+|(?:so|now|okay|ok|right|well|alright)\s+(?=let|we|time|i)|\w+,\s+){0,3}")

_OPENERS = [
    r"on (?:the )?(?:subject|issue|question|topic|matter) of\b",
    r"on (?!(?:that|this|those|these|it|the other hand|the one hand)\b)[\w’'-]+(?: [\w’'-]+){0,3}[.:?]",  # On Syria.
    r"(?:let me|let's|let us|i'd like to|i would like to|i want to|i wanna|can i|could i|may i|allow me to)"
    r" (?:now )?(?:turn|move|go|get|come|switch|shift|ask you about|talk about|talk to you about|ask about|"
    r"ask you a question about|ask you a couple of questions about|ask a question about|ask you some questions about|"
    r"bring up|raise|pivot)\b",
    r"i (?:also )?(?:want|wanted|would like|'d like) to ask (?:you )?"
    r"(?:about|a question about|a few questions about)\b",
    r"(?:let's|let us|we should|shall we|can we|time to) (?:now )?(?:talk|turn|move|switch|get into|dive into|do|start|"
    r"begin|look at|hear about|go to)\b",
    r"(?:my|your) turn\b",
    r"(?:the|our|today's|this week's) (?:big|main|top|first|next|last|other) (?:story|item|topic|subject|news)\b",
    r"(?:moving|turning|switching|shifting|coming|getting) (?:on|now|back|over)?\s*(?:to|gears)\b",
    r"(?:moving|let's move) on\b",
    r"(?:a|one|my) (?:different|separate|new|last|final|broader|bigger|other) (?:question|subject|topic|thing)\b",
    r"(?:the|one) other (?:thing|trend|issue|side|area|part|problem|subject|topic|story|change|question)\b",
    r"(?:i've|i have|i) got (?:a|one|another) (?:different|broader|separate|last|final|other)? ?question\b",
    r"(?:another|a different|a new|next|different|new|separate) (?:question|subject|topic|issue)\b",
    r"(?:a |my )?(?:last |final |quick |another |different )?one (?:on|about)\b",  # briefing room: "One on Iran."
    r"(?:going |coming |getting |turning )?back to\b",
    r"(?:finally|lastly|last but not least|one last (?:thing|question))\b",
    r"(?:last|final) question\b",
    r"(?:can|could|would) you (?:walk|take|talk) (?:me|us) through\b",
    r"i don'?t want to (?:leave|go|finish|end|let you go)(?: here)? without\b",
    r"before (?:we|i) (?:go|finish|wrap|end|run out)\b",
    r"(?:a question|questions?) (?:on|about|for you on|regarding)\b",
    r"(?:change|changing) (?:the )?(?:subject|topic|gears)\b",
    r"(?:switching|shifting) (?:topics|subjects|gears)\b",
    r"(?:next up|next topic|next question|up next|our next)\b",
    r"(?:what about|how about) (?!(?:that|this|those|these|it|him|her|them)\b)",
    r"(?:do you have|have you got) (?:anything|any comment|a comment) on\b",
    r"(?:any|a) (?:comment|reaction|update|readout) on\b",
    r"(?:can you|could you) (?:give us|tell us|talk about|speak to|comment on|address|update us on)"
    r" (?:the |any |an )?(?:latest|news|reports?|situation|update)?\b",
    r"(?:can i|could i|may i) (?:ask|switch|turn|go)\b",
    r"(?:i want|i wanted|i'd like|let me) (?:to )?(?:start|begin) (?:with|by)\b",
]
# The same moves in the other languages the reader meets: "Parlons de l'été.", "Kommen wir zum Hafen.",
# "Pasemos a la vivienda.", "Перейдём к бюджету.".
_FOREIGN_OPENERS = [
    r"(?:parlons|parlez-nous|passons|venons-en|revenons|commençons|terminons|abordons|restons) (?:un peu )?"
    r"(?:de|du|des|d'|à|au|aux|par|sur|maintenant)",
    r"(?:autre|nouveau|dernier|dernière|une autre) (?:sujet|question|thème|chose)\b",
    r"l'autre (?:sujet|question|thème|revers|volet|enjeu|problème|dossier|versant|face|grand)\b",
    r"(?:das|ein) andere(?:s)? (?:thema|problem)\b|die andere (?:frage|seite)\b",
    r"(?:el|la) otr[oa] (?:tema|cuestión|pregunta|cara|problema)\b",
    r"(?:au-delà|à propos|s'agissant|quant) (?:de|du|des|d'|à|au|aux)",
    r"(?:lassen sie uns|lass uns|kommen wir|reden wir|sprechen wir|bleiben wir) (?:jetzt |nun |noch )?"
    r"(?:über|zu|zum|zur|bei|auf)\b",
    r"(?:ein anderes|ein neues|letzte|eine letzte|eine andere) (?:thema|frage)\b",
    r"(?:hablemos|pasemos|vayamos|volvamos|empecemos|hablamos) (?:ahora )?(?:de|del|a|al|por|sobre)\b",
    r"(?:otro|otra|última|una última) (?:tema|pregunta|cuestión)\b",
    r"(?:давайте |теперь )?(?:перейдём|перейдем|поговорим|вернёмся|вернемся|начнём|начнем) (?:к|о|об|с)\b",
    r"(?:и |а )?(?:другой|последний|следующий) вопрос\b",
    r"давайте (?:сразу |теперь |сначала )?(?:о|об|к|про|с)\b",
    r"(?:есть )?ещё (?:одна )?(?:старая |другая |важная )?тема\b",
    r"vamos (?:ahora )?a (?:los|las|la|el|hablar)\b",
    r"(?:para terminar|para acabar|por último|pour (?:terminer|finir)|enfin|zum schluss|zuletzt|abschließend)\b",
]
_FOLLOW_UPS = [
    r"(?:and|so|but|or|then|also|yet|because|plus)\b",
    r"(?:is|isn't|was|wasn't|are|aren't) (?:that|it|this|there|he|she|they)\b",
    r"(?:does|doesn't|did|didn't|do|don't) (?:that|it|this) (?:mean|make|change)\b",
    r"(?:right|okay|ok|really|sure|wait|sorry|hang on|hold on|yes|yeah|no|well|true)\b[.,!?—–-]",
    r"(?:to be clear|just to be clear|to clarify|just to clarify|just to follow up|to follow up|following up|"
    r"a follow-?up|follow-?up|in other words|meaning|you mean|you said|you say|what do you mean|"
    r"how so|why not|why is that|why\?|how come|such as|for example|for instance|even|still|surely)\b",
    r"(?:that|this|those|these)\b",
]
# The moves that take the whole conversation somewhere else ("Let's talk about money.", "Let's turn to the
# hazardous materials.", "Parlons de l'été."), not the next question on the same ground ("What about your costs?",
# "On health.", "The other trend is..."): a section, not only a topic, tends to start with one.
_MOVES = [
    r"(?:let me|let's|let us|i'd like to|i would like to|i want to|i wanna|can we|we should|shall we|time to)"
    r" (?:now )?(?:turn|move|go|come|switch|shift|talk about|talk to you about|get into|dive into|look at)\b",
    r"(?:moving|turning|switching|shifting|coming) (?:on |now |over )?to\b",
    r"(?:moving|let's move) on\b",
    r"(?:change|changing) (?:the )?(?:subject|topic|gears)\b",
    r"(?:switching|shifting) (?:topics|subjects|gears)\b",
    r"(?:i want|i wanted|i'd like|let me|let's) (?:to )?(?:start|begin) (?:with|by)\b",
    r"(?:parlons|passons|venons-en|commençons|abordons) (?:un peu )?(?:de|du|des|d'|à|au|aux|par|sur|maintenant)",
    r"(?:lassen sie uns|lass uns|kommen wir|reden wir|sprechen wir) (?:jetzt |nun )?(?:über|zu|zum|zur)\b",
    r"(?:hablemos|pasemos|vayamos|empecemos) (?:ahora )?(?:de|del|a|al|por|sobre)\b",
    r"(?:давайте |теперь )?(?:перейдём|перейдем|поговорим|начнём|начнем) (?:к|о|об|с)\b",
]
_OPENER = re.compile(rf"^\W*{_PREFACE}(?:{'|'.join([*_OPENERS, *_FOREIGN_OPENERS])})", re.IGNORECASE)
_MOVE = re.compile(rf"^\W*{_PREFACE}(?:{'|'.join(_MOVES)})", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?<=[.?!…])[\"”')\]]*\s+")
_FOLLOW_UP = re.compile(rf"^\W*(?:{'|'.join(_FOLLOW_UPS)})", re.IGNORECASE)


def opens_topic(text: str) -> bool:
    """Whether a turn announces a new subject in its first sentences."""
    head = text[:400].replace("’", "'")
    return any(_OPENER.match(sentence) for sentence in _SENTENCE_START.split(head)[:4])


# A new questioner takes the floor: a reporter naming themselves and their outlet ("Lara Benning, Global Wire.",
# "Daniel, Mark Feld, Capitol Report." after addressing the podium), or a host reading out a listener's question
# ("This first one is from Gareth in Swansea.", "Second question, from Aoife"). In a briefing or a phone-in, who
# asks next usually asks about something else. The names (groups 1 and 3) and the outlet (group 2) are people and
# a newspaper, never a subject (`label.speaker_terms` reads them too).
NAME = r"[A-ZÁÉÍÓÚÑ][\w'’-]+"
SELF_INTRODUCED = re.compile(rf"(?=[A-ZÁÉÍÓÚÑ])(?:^|(?<=[.!?] ))(?:{NAME}, )?({NAME}(?: {NAME}){{1,2}}), "
                             rf"((?:[Tt]he )?{NAME}(?: {NAME}){{0,2}})[.!](?= |$)", re.MULTILINE)
QUESTIONER_HEAD = 120  # characters of a turn's opening they are read in
READ_OUT = re.compile(rf"\b(?:questions?|one|email|message|text|call|letter|note)(?: is| comes)?,? from ({NAME})\b")


# A Member asking the one speaking to let them intervene, in the Commons' words: "Will the hon. Gentleman give
# way?", "Will my right hon. Friend give way on that point?".
INTERVENTION = re.compile(r"^\W*(?:Will|Would) (?:the|my) (?:right )?hon\. (?:and learned )?(?:Member|Gentleman|Lady|"
                          r"Friend)(?: for [\w' -]+)? (?:give way|allow me to intervene)\b")


def new_questioner(text: str) -> bool:
    """Whether a turn opens by a new questioner taking the floor: a reporter introducing themselves, a
    listener's question read out, or a Member intervening in a debate (`INTERVENTION`)."""
    head = text[:QUESTIONER_HEAD]
    return bool((", " in head and SELF_INTRODUCED.search(head)) or (" from " in head and READ_OUT.search(head))
                or ("give way" in head and INTERVENTION.match(head)))


def moves_on(text: str) -> bool:
    """Whether a turn takes the conversation to another subject as a whole, in its first sentences."""
    head = text[:400].replace("’", "'")
    return any(_MOVE.match(sentence) for sentence in _SENTENCE_START.split(head)[:4])


# Where a question names its subject outright: "Let me ask you about the injuries.", "On refereeing.", "What
# about your costs?", "Tell me about the farm shop.", "Let's start with mortgage rates, because...", "Parlons de
# l'été.", "Kommen wir zum Hafen.", "Hablemos del olivar.", "Перейдём к бюджету.". The subject runs to the end of
# the clause, at most SUBJECT_WORDS words; a pronoun ("about that") names nothing.
_SUBJECT_MARKERS = [
    r"(?:(?:let me|let's|let us|i'd like to|i would like to|i want to|i wanted to|i'd love to|can i|could i|"
    r"may i|can we|could we|we should|shall we|time to|i'll|i will|i'm going to|we're going to|we'll)"
    r" (?:now |just |also |quickly |briefly )?)?"
    r"(?:ask|asking|talk|talking|speak|hear|tell (?:me|us)|start|begin|move|turn|come|get|switch|focus|"
    r"think|say a word|know)(?: you| me| us)?(?: (?:a (?:little )?bit|a little|a question|a few questions|"
    r"a couple of questions|some questions|more|now|briefly|quickly))* (?:about|on|to|with|into|onto)",
    r"(?:what|how) about",
    # "You mentioned wages. You pay above the legal minimum?": the answer before named the next subject, a short
    # noun phrase that ends the sentence (never "You mentioned your name was Campbell.").
    r"(?:you|you've|you have) (?:just |also )?(?:mentioned|raised|brought up|talked about|spoke about)"
    r"(?= (?:the |your |our |a |an )?[\w'-]+(?: [\w'-]+){0,2}[.?!])",
    # "On Syria.", "On the jobs numbers, ...", never "On the third day, ..." or "On balance, ..."
    r"on(?= (?:the )?\w+(?: \w+){0,2}[.:,?])(?! (?:the )?(?:\w+ )*(?:day|days|week|weekend|morning|afternoon|"
    r"evening|night|year|month|time|occasion|balance|average|paper|top|way|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|record|behalf|purpose)\b)",
    r"(?:parlons|parlez-nous|passons|venons-en|revenons|commençons|abordons) (?:un peu |maintenant )?"
    r"(?:de la|de l'|des|du|de|à la|à l'|aux|au|à|par|sur)",
    r"(?:kommen wir|reden wir|sprechen wir|lassen sie uns über|lass uns über) (?:jetzt |nun |noch )?"
    r"(?:zum|zur|zu|über den|über die|über das|über)",
    r"(?:hablemos|pasemos|volvamos|empecemos|hablamos) (?:ahora |un poco )?(?:del|de la|de los|de las|de|al|a la|a|"
    r"por|sobre)",
    r"vamos (?:ahora )?(?:al|a la|a los|a las)",
    r"давайте (?:сразу |теперь )?(?:о|об|про|к)",
    r"(?:давайте |теперь )?(?:перейдём|перейдем|поговорим|вернёмся|вернемся|начнём|начнем) (?:к|о|об|с|про)",
]
SUBJECT_WORDS = 5
_SUBJECT = re.compile(rf"^\W*{_PREFACE}(?:{'|'.join(_SUBJECT_MARKERS)})\s+(?:the |your |our |a |an |this |these |"
                      rf"those )?([^.,;:?!()\[\]\"“”…—–]{{2,80}})", re.IGNORECASE)
_SUBJECT_END = re.compile(r"\s(?:because|since|which|who|that|where|when|while|now|today|first|again|for a|"
                          r"for you|for us|with you|if|as|so|and how|and what|and why|and whether|parce|car|qui|que|"
                          r"weil|der|die|das|porque|que|который|которая|которые|что|потому)\b.*", re.IGNORECASE)
_NOT_A_SUBJECT = re.compile(r"^(?:that|this|it|them|him|her|those|these|there|here|what|which|you|me|us|"
                            r"the other hand|the one hand|cela|ça|das|eso|esto|это)\b", re.IGNORECASE)


def announced_subject(text: str) -> str:
    """The subject a turn's first sentences name outright ("the injuries", "mortgage rates"), or ""."""
    head = text[:400].replace("’", "'")
    for sentence in _SENTENCE_START.split(head)[:4]:
        match = _SUBJECT.match(sentence)
        if match:
            subject = _SUBJECT_END.sub("", match.group(1)).strip()
            if subject and not _NOT_A_SUBJECT.match(subject):
                return " ".join(subject.split()[:SUBJECT_WORDS])
    return ""


def follows_up(text: str) -> bool:
    """Whether a turn opens like a follow-up to what was just said."""
    return bool(_FOLLOW_UP.match(text[:120].replace("’", "'")))


# A subject a question names that can stand as a label: a noun phrase whose first and last words are content
# words ("recruitment and retention", "the eight o'clock scramble", "nuevas plantas desaladoras"), with the
# words of a phrase between them ("of", "de", "and"); never "doing it online", "why", "the basic question".
_LEADING_ARTICLE = re.compile(r"^(?:the|your|our|a|an|this|these|those|le |la |les |l'|du |des |de la |de l'|de |"
                              r"el |los |las |un |una |der |die |das |den |dem )\s*", re.IGNORECASE)
# "the thing everyone talks about, the eight o'clock scramble": the subject is what follows the comma.
_APPOSITIVE = re.compile(r"^\W*(?:let's|let me|let us|i want to|i'd like to)\s+(?:start|begin)\s+with\s+(?:the|a)\s+"
                         r"(?:thing|one|issue|question|subject|problem)\b[^,.?!]{0,60},\s+(?:the |a |an )?"
                         r"([^.,;:?!()\[\]\"“”…—–]{2,60})", re.IGNORECASE)


def _number(word: str) -> bool:
    return word.isdigit() or word.lower() in CALENDAR


def subject_label(text: str) -> str:
    """The subject a turn announces, as a label ("Recruitment and retention"), or "" when what it announces is
    no noun phrase of content words."""
    head = text[:400].replace("’", "'")
    appositive = _APPOSITIVE.match(head)
    subject = _SUBJECT_END.sub("", appositive.group(1)).strip() if appositive else announced_subject(text)
    subject = _LEADING_ARTICLE.sub("", subject)
    words = subject.split()
    while len(words) > 1 and (words[-1].lower() in JOINERS or _number(words[-1])):
        words.pop()  # "la tempête de janvier": the storm
    subject = " ".join(words)
    if not words or len(words) > SUBJECT_WORDS:
        return ""
    if any(w.lower() not in JOINERS and term_of(w) is None and not _number(w) for w in words[1:-1]):
        return ""
    if (term_of(words[0]) is None and not (_number(words[0]) and len(words) > 1)) or term_of(words[-1]) is None \
            or words[-1].lower() in JOINERS:
        return ""
    return subject[:1].upper() + subject[1:]
