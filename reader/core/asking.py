"""Does a turn ask? Question marks, interrogatives and invitations, in the languages the reader meets.

A turn asks when a question mark ends one of its last sentences (`…in 2019? I mean, before the merger.`), or when
its first or last sentence opens with an interrogative (`How did…`, `Warum…`, `Pourquoi…`, `¿Cómo…`, `Почему…`),
an inverted auxiliary (`Did you…`, `Haben Sie…`, `Pouvez-vous…`) or an invitation to speak (`Tell us about…`,
`Walk me through…`, `Erzählen Sie…`, `Parlez-nous de…`, `Cuéntenos…`, `Расскажите…`, `Let's turn to…`).

Transcription services drop question marks often enough that the openings matter; but an answer may open with
an interrogative too (`What we found was…`), so `asks` says how: `MARK` and `INVITATION` are strong, `OPENING`
(an interrogative without a mark) is weak and only counts for a side already known to ask.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from functools import cache

# Small words that come before the question itself: "So, how did…", "And what about…", "Okay. Tell us…".
_VOCATIVE = r"(?:\w+(?:[ .]+\w+){0,2},\s+)?"  # a name or a lead-in: "Commissioner, what…", "So to start, can you…"
_LEAD_WORDS = (r"(?:(?:so|and|but|now|okay|ok|well|right|alright|yeah|yes|um+|uh+|er+|oh|then|also|und|aber|na|"
               r"et|alors|mais|bon|donc|eh bien|y|pero|bueno|entonces|pues|а|и|но|ну|так|хорошо|итак)[\s,.…—-]+)*")
_LEAD = _VOCATIVE + _LEAD_WORDS

_INTERROGATIVE = (
    # English
    r"who|whom|whose|what|what's|when|where|why|how|how's|which|"
    r"(?:do|does|did|can|could|would|will|should|shall|is|are|was|were|have|has|had|may|might|must|"
    r"don't|doesn't|didn't|can't|couldn't|wouldn't|won't|isn't|aren't|wasn't|haven't|hasn't)"
    r" (?:you|we|they|he|she|it|i|there|that|this|these|those|the|your|anyone|anybody|people|any)|"
    # German
    r"wie|was|warum|wieso|weshalb|weswegen|wann|wo|woher|wohin|wofür|womit|worum|wer|wen|wem|welche[rsmn]?|"
    r"inwiefern|inwieweit|"
    r"(?:haben|hat|hatten|hätten|sind|ist|war|waren|wären|können|könnten|kann|würden|würde|werden|wird|"
    r"sollte|sollten|gibt|glauben|denken|sehen|meinen|wollen|wollten|möchten|hast|bist|kannst|willst)"
    r" (?:sie|du|ihr|es|man|wir|er)|"
    # French
    r"comment|pourquoi|qu'est-ce|qu’est-ce|est-ce que|est-ce qu'|est-ce qu’|quel|quelle|quels|quelles|quand|où|"
    r"combien|lequel|laquelle|qui|que pensez|\w+-(?:vous|tu|ils|elles|on|il|elle|nous)|"
    # Spanish (accented forms only: "como", "que", "porque" are not questions)
    r"cómo|por qué|qué|cuándo|dónde|adónde|quién|quiénes|cuál|cuáles|cuánto|cuánta|cuántos|cuántas|"
    # Russian
    r"как|почему|зачем|отчего|что|чем|когда|где|куда|откуда|кто|кого|кому|какой|какая|какое|какие|каким|какую|"
    r"каков|сколько|неужели|разве|\w+ ли"
)

_INVITATION = (
    # English
    r"tell (?:us|me|our \w+)|walk (?:us|me) through|take (?:us|me) (?:back|through)|talk (?:to us |to me )?about|"
    r"(?:can|could|would|will) you (?:please )?(?:explain|describe|tell|talk|walk|say|elaborate|give|share|"
    r"expand|comment|help)|"
    r"(?:let's|let us|let me) (?:turn|move|talk|go|get|start|begin|switch|come|pivot|shift|ask)|"
    r"what about|how about|i(?:'d| would) (?:like|love) to (?:ask|hear|know|talk|turn|start|begin|move)|"
    r"i (?:want|wanted) to (?:ask|talk|turn|go back|move)|my (?:first |next |last |final |second )?question|"
    r"(?:describe|explain|share with us|help us understand|give us|paint (?:us )?a picture)|"
    r"please (?:state|spell|identify|tell|describe|explain|give|walk|talk)|state your (?:full )?name|"
    r"i(?: have|'ve got| had) (?:a|one|another) (?:\w+ )?question|"
    r"(?:one|a) (?:last|final|more|quick|follow-up) question|"
    r"i (?:need|want|'d like|would like) you to (?:walk|tell|explain|describe|talk|help)|"
    r"i'm curious|i am curious|i wonder|i was wondering|"
    # German
    r"erzählen sie|erzähl(?:en)? (?:uns|mir)|beschreiben sie|erklären sie|schildern sie|sagen sie (?:uns|mir)|"
    r"(?:sprechen|reden|kommen) wir (?:über|zu|auf)|lassen sie uns|meine (?:erste |nächste |letzte )?frage|"
    r"ich möchte (?:sie )?fragen|"
    # French
    r"parlez-nous|parlez-moi|racontez-nous|racontez-moi|expliquez-nous|expliquez-moi|dites-nous|dites-moi|"
    r"décrivez|pouvez-vous|pourriez-vous|passons à|passons au|revenons à|revenons sur|parlons de|parlons du|"
    r"qu'en est-il|qu’en est-il|et (?:pour|quant à)|ma (?:première |prochaine |dernière )?question|"
    # Spanish
    r"cuéntenos|cuéntanos|cuénteme|cuéntame|háblenos|háblanos|hábleme|explíquenos|explícanos|descríbanos|"
    r"díganos|dinos|(?:puede|podría|podrías|puedes) (?:usted )?(?:explicar|contar|decir|hablar|describir)|"
    r"pasemos a|pasemos al|hablemos de|hablemos del|vamos a hablar|mi (?:primera |siguiente |última )?pregunta|"
    # Russian
    r"расскажите|расскажи|объясните|опишите|скажите|поясните|давайте (?:поговорим|перейдём|перейдем|вернёмся|"
    r"вернемся|обсудим)|можете ли|могли бы вы|как насчёт|как насчет|а что (?:с|касается)|мой (?:первый |"
    r"следующий |последний )?вопрос"
)

# Each pattern is compiled when first used (a function cached once it has run), not at import: a parse whose
# labels say who asks (`Q:`, `Interviewer:`) reads no turn for questions, and the alternations below take some
# 8 ms to compile, a twentieth of a start.
#
# Matched against lower-cased sentences: without IGNORECASE these long alternations run about twice as fast, and
# one pattern for both (an invitation first: "can you tell" before "can you") reads each sentence once.
@cache
def _opens_interrogative() -> re.Pattern[str]:
    return re.compile(rf"^¿?{_LEAD}¿?(?:{_INTERROGATIVE})\b")


# Without a question mark, an interrogative after a name is as often a relative clause ("Dr. Lang, who studies…"),
# and so is a spoken sentence that opens "Which…" ("Which sounds dramatic, but…").
@cache
def _opens_unmarked() -> re.Pattern[str]:
    return re.compile(rf"^¿?{_LEAD_WORDS}¿?(?!which\b)(?:{_INTERROGATIVE})\b")


@cache
def _opens() -> re.Pattern[str]:
    return re.compile(rf"^¿?{_LEAD}¿?(?:(?P<invitation>{_INVITATION})|{_INTERROGATIVE})\b")


_MARK = re.compile(r"[?？]")


# Where a sentence ends and the next begins; a title's dot ("Dr. Lang") ends none.
@cache
def _boundary() -> re.Pattern[str]:
    return re.compile(r"[.!?？…](?<!\bdr\.)(?<!\bmr\.)(?<!\bms\.)(?<!\bmrs\.)(?<!\bst\.)(?<!\bprof\.)"
                      r"(?<!\bsen\.)(?<!\brep\.)(?<!\bgov\.)[\"'”»)\]]*\s+")  # titles looked at only after a dot


_LAST_SENTENCES = 2  # `…in 2019? I mean, before the merger.` still asks
_UNMARKED_WORDS = 4  # shorter, an interrogative without a mark exclaims: "What a day.", "Qué bonito."


class Asks(enum.IntEnum):
    """How a turn asks, weakest first; a truthy value asks."""

    NO = 0
    OPENING = 1  # opens with an interrogative, no question mark: a question if its side asks
    INVITATION = 2  # "Tell us about…", "Let's turn to…": asks to speak without a question mark
    MARK = 3  # a question mark ends one of its last sentences (read first: it is the cheapest test)


def asks(text: str) -> Asks:
    """How `text` (one turn's words) asks, if it does. Only its first and last sentences are read."""
    text = text.strip()
    if not text:
        return Asks.NO
    if text.endswith(("?", "？")):  # most questions: the mark ends the last sentence, nothing more to read
        if len(text) <= _SOUND_CHECK_CHARS and _sound_check().search(text):
            return Asks.NO  # "Thanks for joining. Can you hear me all right?": the call is being set up
        return Asks.MARK
    head = text[:400].lower()  # a long answer is lower-cased only where it is read
    tail = text[-600:].lower() if len(text) > 400 else head
    starts = [0, 0, *(m.end() for m in _boundary().finditer(tail))]
    if _MARK.search(tail, starts[-_LAST_SENTENCES]):
        return Asks.MARK
    end = _boundary().search(head)
    first = head[:end.start() + 1] if end else head
    last = tail[starts[-1]:]
    opened = [_opens().match(first)] if last == first else [_opens().match(first), _opens().match(last)]
    if any(m and m["invitation"] for m in opened):
        return Asks.INVITATION
    if any(m and m.string.count(" ") + 1 >= _UNMARKED_WORDS and _opens_unmarked().match(m.string) for m in opened):
        return Asks.OPENING
    return Asks.NO


_SOUND_CHECK_CHARS = 160  # a turn this short whose question checks the line asks nothing of the interview


@cache
def _sound_check() -> re.Pattern[str]:
    """The last sentence asks whether the line works: "Can you hear me all right?", "Is my mic on?"."""
    return re.compile(
        r"(?:^|[.!?]\s+)" + _LEAD + r"(?:(?:can|could|do) (?:you|everyone|everybody|you all) (?:hear|see) "
        r"(?:me|us|my screen|the screen)|(?:is|are) (?:this|my mic|my microphone|the mic|the sound|we) "
        r"(?:on|working|recording|live|coming through)|am i (?:audible|on mute|muted|coming through|on)|"
        r"(?:hören|verstehen) sie mich|hörst du mich|vous m'entendez|tu m'entends|me (?:oyes|oye|escuchas|escucha)|"
        r"(?:вы )?меня слышно|(?:вы )?меня слышите)\b"
        r"(?: (?:all right|alright|ok|okay|now|well|clearly|fine|properly|yet|still|there|at all|gut|bien))?"
        r"(?:,\s*[\w']+)?\s*\?\s*$",  # "...all right?", "..., Daniel?"
        re.IGNORECASE,
    )


# A chair moving a meeting to its next item: "Item 4, the library budget.", "Next on the agenda…", "Moving on to…".
# Minutes write the items' numbers in digits, people say them in words ("Item five, the allotments").
_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty)")


@cache
def _item() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|[.!?]\s+)" + _LEAD + r"(?:(?:agenda )?item (?:number )?(?:\d+|" + _NUMBER_WORDS + r")\b|"
        r"(?:the )?next (?:item|matter|order of business)\b|next, (?:the|our) |"
        r"(?:the |our )?(?:first|second|third|fourth|fifth|sixth|last|final) (?:item|matter)\b|"
        r"(?:we|let's|let us) (?:now )?come to (?!you\b|me\b|them\b|him\b|her\b)|"
        r"next on (?:the|our) agenda|(?:we(?:'ll| will)|let's|let us|i(?:'ll| will)) (?:now )?"
        r"(?:move|go|turn|proceed) (?:on )?to (?:item|the next|agenda)|moving on to (?:item|the next|agenda)|"
        r"(?:tagesordnungspunkt|top) \d+|(?:wir )?kommen (?:nun )?zu (?:tagesordnungspunkt|top|punkt)|"
        r"(?:passons|nous passons) (?:maintenant )?au point|point \d+ de l'ordre du jour|"
        r"(?:pasamos|pasemos) al (?:siguiente )?punto|punto \d+ del orden del día|"
        r"(?:переходим|перейдём|перейдем) к (?:следующему )?(?:пункту|вопросу)|пункт \d+ повестки)",
        re.IGNORECASE,
    )


# Words of a hearing, where members question witnesses by turns.
@cache
def _hearing() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:yields? back|i yield|recogni[sz]ed? for \w+ minutes|(?:i )?(?:now )?recogni[sz]e (?:the )?"
        r"(?:senator|representative|gentle\w+|ranking|member|congress\w+|mr|ms|mrs|dr)|my time (?:has )?expired|"
        r"gentle(?:man|woman|lady) from|ranking member|(?:the|our|each) witness(?:es)?|your testimony|"
        r"(?:mr\.?|madam|madame) (?:chair|chairman|chairwoman)\b|the committee will (?:come to order|stand)|"
        r"subcommittee|without objection)",
        re.IGNORECASE,
    )


# A short turn asking to hear again or to confirm, inside someone's answer: "Sorry, which year?", "Really?".
@cache
def _clarify() -> re.Pattern[str]:
    return re.compile(
        r"^" + _LEAD + r"(?:sorry|pardon|really|seriously|you mean|meaning|is that right|is that so|"
        r"wirklich|echt|wie bitte|tatsächlich|vraiment|c'est-à-dire|pardon|de verdad|perdón|en serio|"
        r"cómo dice|правда|серьёзно|серьезно|то есть|извините|простите)\b",
        re.IGNORECASE,
    )


# A request to speak before asking: a debate's "Will the hon. Member give way?", "Will the gentleman yield?", an
# interview's "Can I ask you something?", the Bundestag's "Gestatten Sie eine Zwischenfrage?".
@cache
def _request_to_speak() -> re.Pattern[str]:
    return re.compile(
        r"^" + _LEAD + r"(?:(?:will|would|may|might|can|could) (?:the |my )?(?:(?:right )?hon(?:\.|ourable)? |"
        r"noble |gallant |learned |distinguished )*(?:member|gentleman|gentlewoman|lady|friend|minister|"
        r"secretary of state|senator|representative|colleague|he|she|you)\b[^?]{0,40}?(?:give way|yield)|"
        r"(?:may|can|could|might) i (?:just )?(?:intervene|interrupt|come in|ask (?:you )?(?:a (?:quick )?question|"
        r"something))|"
        r"(?:gestatten|erlauben) sie (?:mir )?(?:eine )?(?:zwischenfrage|frage)|darf ich (?:kurz )?(?:unterbrechen|"
        r"eine (?:zwischen)?frage stellen|nachfragen)|"
        r"(?:me )?permettez-(?:vous|moi) (?:une question|de vous interrompre)|puis-je (?:vous )?(?:interrompre|"
        r"poser une question)|"
        r"¿?(?:me permite|puedo) (?:una pregunta|interrumpir(?:le)?|hacer(?:le)? una pregunta)|"
        r"(?:можно|разрешите) (?:вопрос|спросить|вас перебить|перебить))",
        re.IGNORECASE,
    )


def requests_to_speak(text: str) -> bool:
    """Does a short turn only ask leave to speak or to ask ("Will the hon. Member give way?")?"""
    return len(text) <= REQUEST_CHARS and _request_to_speak().match(text.strip()) is not None


REQUEST_CHARS = 120  # longer, the turn says something besides the request


# Every agenda phrase holds one of these words; most turns hold none, and looking for them is quicker than the search.
_ITEM_WORDS = re.compile(r"item|agenda|next|moving|come to |matter|tagesordnung|top |punkt|point|punto|пункт|вопрос")


# A chair of a debate giving the floor, the debate's items: "I call Helen Garside.", "I call the Minister.", "Das
# Wort hat die Kollegin Weber.", "La parole est à M. Dupont.", "Tiene la palabra la señora Ruiz.", "Слово
# предоставляется…". In English the name's or the office's capitals tell it from "I call it a day".
@cache
def _floor_given() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|[.!?]\s+)(?:(?:So|Now|Well|Then),? )?I (?:now )?call (?:on |upon )?(?:the (?:[A-Za-z.]+ ){0,3}?"
        r"(?:Minister|Secretary|Member|Leader|Chancellor|Spokesperson|spokesperson|Chair)\b|"
        r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.? [A-Z]|[A-Z][\w'’-]+ [A-Z][\w'’-]+)|"
        r"(?i:das wort hat (?:jetzt |nun |nunmehr )?(?:der|die|das|herr|frau) |"
        r"nächste[rn]? (?:redner|rednerin) ist |la parole est (?:maintenant )?à |tiene (?:ahora )?la palabra |"
        r"слово (?:предоставляется|имеет) )"
    )


def opens_item(text: str) -> bool:
    """Does the turn move a meeting to an agenda item, or give a debate's floor to its next speaker (in its first
    or last 300 characters)?"""
    for part in _ends(text):
        lowered = part.lower()
        if _ITEM_WORDS.search(lowered) and _item().search(lowered):
            return True
    return gives_floor(text)


def gives_floor(text: str) -> bool:
    """Does the turn give a debate's floor to its next speaker ("I call Helen Garside.")?"""
    return any(_FLOOR_WORDS.search(part.lower()) and _floor_given().search(part) for part in _ends(text))


# A hearing's chair giving the floor to a member or a witness: "Dr. Nair, you are recognized for five minutes.",
# "I recognize the ranking member, Mr. Oyelaran.", "The chair now recognizes the gentleman from Ohio."
@cache
def _recognising() -> re.Pattern[str]:
    return re.compile(r"\b(?:you are|you're) (?:now )?recogni[sz]ed\b|"
                      r"\b(?:I|[Cc]hair(?:man|woman)?) (?:now |will now |will )?recogni[sz]es? "
                      r"(?:the |my |Mr|Mrs|Ms|Dr|Senator|Representative|Congress|[A-Z])")


def recognises(text: str) -> bool:
    """Does the turn give a hearing's floor to a member or a witness (in its first or last 300 characters)?"""
    return "recogni" in text and any(_recognising().search(part) for part in _ends(text))


def _ends(text: str) -> tuple[str, ...]:
    """Where a chair says what comes next: the first and the last 300 characters of a turn."""
    return (text[:300], text[-300:]) if len(text) > 300 else (text,)


_FLOOR_WORDS = re.compile(r"call|wort hat|redner|parole est|palabra|слово")


def hearing_words(texts: Sequence[str]) -> int:
    """How often the words of a hearing occur (a few per hearing are enough to tell)."""
    return sum(len(_hearing().findall(text)) for text in texts)


_WORDS = re.compile(r"\w+")


def opens_with_interrogative(text: str) -> bool:
    """"Why bridges?" asks something new; "The butcher?" checks what was said."""
    return _opens_interrogative().match(text.strip().lower()) is not None


# A question asking why or how asks for more than a check of what was said, whatever words it echoes.
@cache
def _explaining() -> re.Pattern[str]:
    return re.compile(_LEAD + r"(?:why|how|warum|wieso|weshalb|wie|pourquoi|comment|por qué|cómo|почему|зачем|как)\b",
                      re.IGNORECASE)


def clarifies(text: str, before: str) -> bool:
    """Does a short question ask to hear again or to confirm what was just said: "Sorry, which year?", or an echo
    of the answer's words ("Two bakeries that hated each other?" after "…two bakeries that hated each other…"),
    unless it asks why or how ("Why old varieties?" after "…old local varieties.")?"""
    if _clarify().match(text.strip()):
        return True
    if _explaining().match(text.strip()):
        return False
    opening = [w for w in _WORDS.findall(text.casefold()) if len(w) >= 4][:2]  # "und die Hunde": "hunde"
    if not opening:
        return False
    said = before.casefold()  # the answer, often long: folded only when there is a word to look for
    return all(_holds_word(said, w) for w in opening)


def _holds_word(text: str, word: str) -> bool:
    """Is `word` one of the words (`\\w+`) of `text`? Looked for where it occurs, so a long answer is not cut into
    words for a short question."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `\w` matches
