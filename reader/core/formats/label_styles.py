"""Where a line opens with a speaker's label, learnt from the document itself.

Transcripts write their labels in a handful of styles: `Name: text` (with Markdown bold or not, and with a select
committee's question number before it, `Q12 Chair:`), a briefing's `Q` and spaces, a print interview's `Q.`/`A.` and
its other languages' marks (`Pregunta.`/`Respuesta.`, `P.`/`R.`, `Question.`/`Réponse.`, `Frage:`/`Antwort:`,
`F:`/`A:`: `QUESTION_ANSWER_PAIRS`), the Congressional Record's `Mr. SMITH.` and `The SPEAKER pro tempore.`, the
French assemblies' `M. le président.` and `Mme Claire Martin.`, a Russian stenogram's `Смирнов И. П.`, a NAME
in capitals alone on its line above what is said (scripts, some oral histories), a name in mixed case so (Hansard's
`Keir Starmer (Holborn and St Pancras) (Lab)`) or in lower case (a newspaper's podcast transcripts), and a `[Name]`
in square brackets. Each style is a pattern over line openings and a rule on the whole document that says whether
the document uses it: one `A.` opens a sentence about `A. Smith`, a dozen `Q.`/`A.` pairs are an interview. Within
the styles a document uses, a label is accepted when it is a role word, recurs, or, once the file is known to be
labelled, looks like a person's name or title (`accept_labels`). Then the short forms of a speaker's name (`JK`
after `Jane Kim (JK)`, `Ms Lopez` after `Maria Lopez`, `P` after `Pregunta`) are found to be the same speaker
(`speaker_aliases`, `question_answer_speakers`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from reader.core.formats.names import SPANISH_TITLE, diarised_number
from reader.core.vocabulary import (
    FUNCTION_WORDS,
    HONORIFICS,
    PARTICLES,
    PROSE_LEADS,
    QUESTION_ANSWER_PAIRS,
    ROLE_WORDS,
    SOUNDS,
    SPEAKER_LIST_HEADINGS,
)

MAX_LABEL = 90  # Hansard: `The Parliamentary Under-Secretary of State for Transport (Guy Opperman)`

# Each pattern comes twice: after a newline (a literal first character lets the regex engine skip ahead fast)
# and at the start of the text.
# `Name: text`: optional Markdown bold, the label, a colon (inside or after the bold), then a space or the end of
# the line. The label cannot hold a colon, so `20:08` never matches; it may open with a bracket, `(UNKNOWN):`.
# A select committee numbers its questions before the asker's label (`Q12 Chair:`, often spaced out to a tab
# stop): the number is part of the label's mark, the speaker is `Chair`.
_COLON_BODY = (
    r"[ \t\u00a0]*(?P<open>\*\*|__)?(?:(?P<number>Q\d{1,4})[ \t\u00a0]+)?"
    rf"(?P<label>[(\[]?[^\W\d_][^\n:*]{{0,{MAX_LABEL}}}?)(?:\*\*|__)?:(?:\*\*|__)?"
    r"(?=[ \t\u00a0\n]|$)"
)
# Press-briefing reporter: `Q` and several spaces (some of them no-break), no colon.
_BARE_Q_BODY = r"[ \t\u00a0]*(?P<label>Q|A)(?:[ \t\u00a0]{2,}|[ \t]*\u00a0[ \t\u00a0]*)(?=\S)"
# Print interviews and depositions: `Q. text` / `A. text`, and a print interview's marks in other languages
# (`Pregunta. text`, `P. text`, `R.- text`, `P.—¿...`): the letters in capitals, the words in any case. A letter
# before another initial is a name (`P. G. Wodehouse`).
_QA_WORDS = sorted({w for pair in QUESTION_ANSWER_PAIRS for side in pair for w in side}, key=len, reverse=True)
_DOTTED_QA_BODY = (
    r"[ \t\u00a0]*(?P<label>" + "|".join(w.upper() if len(w) == 1 else f"(?i:{w})" for w in _QA_WORDS) + r")\."
    r"(?:[ \t\u00a0]*[–—-](?=[ \t\u00a0]*\S)|(?=[ \t\u00a0]+\S))(?![ \t\u00a0]*[A-Z]\.)"
)
# Capital letters in names: ASCII and Latin-1's (`NUÑEZ`, `JOSÉ`, `MÜLLER`, `BRØNDUM`).
_CAPS = "A-ZÀ-ÖØ-Þ"
# The Congressional Record: a title and a surname in capitals, a period, then the words.
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.|Madam|Chairman|Chairwoman|Senator|Secretary|Ambassador|General|Judge)"
_PERIOD_BODY = (
    rf"[ \t\u00a0]*(?P<label>{_TITLE}[ \t]+[{_CAPS}][{_CAPS}'’\-]+(?:[ \t]+[{_CAPS}][{_CAPS}'’\-]+){{0,2}}"
    r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"
    r"|The[ \t]+(?:[A-Z]{2,}[ \t]+){0,3}[A-Z]{2,}(?:[ \t]+pro[ \t]+tempore)?)\.(?=[ \t\u00a0]+\S)"
)
# A hearing as the Government Publishing Office puts it online: the same, with the surname in mixed case
# (`Senator Whitfield.`, `Mr. McClintock.`, `The Chairman.`). Only the title marks it as a label, so a file
# uses the style only with three such labels or more, naming two people at least (`_several_names`).
_HEARING_BODY = (
    rf"[ \t\u00a0]*(?P<label>(?:{_TITLE}|Chair)[ \t]+(?:Mc|Mac|O['’]|De|La|Van[ \t]+)?[{_CAPS}][a-zß-öø-ÿ'’]+"
    r"(?:-[A-Z][a-zß-öø-ÿ'’]+)?(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"
    r"|The[ \t]+(?:Chairman|Chairwoman|Chair|Speaker|Clerk|Presiding[ \t]+Officer)(?:[ \t]+pro[ \t]+tempore)?)"
    r"\.(?=[ \t\u00a0]+\S)"
)
# The French assemblies' compte rendu: a title and the name, or the office, a period, then the words: `M. le
# président.`, `Mme Claire Martin.`, `M. François Braun, ministre de la santé.`, `Mme la Première ministre.`
_ASSEMBLY_BODY = (
    r"[ \t\u00a0]*(?P<label>(?:M\.|Mme|Mlle)[ \t\u00a0]+(?:(?:le|la)[ \t]+[\w'’\-]+(?:[ \t]+[\w'’\-]+){0,6}?"
    rf"|[{_CAPS}][\w'’\-]*(?:[ \t]+(?:[{_CAPS}][\w'’\-]*|de|du|des|d['’][\w\-]+)){{0,4}}"
    r"(?:,[ \t]+[^.\n]{1,100}?)?))\.(?=[ \t\u00a0]+\S)"
)
# A Russian stenogram (the Duma's, a council's): a surname and the initials, or the chair, then the words:
# `Смирнов И. П. Уважаемые коллеги!`, `Председательствующий. Слово предоставляется…`.
_INITIALS_BODY = (
    r"[ \t\u00a0]*(?P<label>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \t\u00a0][А-ЯЁ]\.[ \t\u00a0]?[А-ЯЁ]\.|"
    r"Председательствующий(?=\.)|Председатель(?=\.))\.?(?=[ \t\u00a0]+\S)"
)
# A NAME in capitals alone on its line, with a script's extensions (`(V.O.)`, `(CONT'D)`), the words below.
_ALONE_BODY = (
    rf"[ \t\u00a0]*(?P<label>[{_CAPS}][{_CAPS}0-9'’.\-&]+(?:[ \t]+[{_CAPS}0-9'’.\-&]+){{0,4}})"
    r"(?P<extensions>(?:[ \t]*\([^()\n]{1,24}\))*)[ \t]*(?=\n[ \t\u00a0]*[^\s])"
)
# A name in mixed case alone on its line above the words, as Hansard writes who speaks: `The Prime Minister (Rishi
# Sunak)`, `Keir Starmer (Holborn and St Pancras) (Lab)`, `Mr Speaker`. Two to six words; the person, seat or
# party in brackets after it are part of the label's mark, not of the name.
_TITLED_ALONE_BODY = (
    rf"[ \t\u00a0]*(?P<label>[{_CAPS}][\w'’.\-]*(?:[ \t]+(?:[{_CAPS}][\w'’.\-]*|de|van|von|der|du|of|the|and)){{1,5}})"
    r"(?P<extensions>(?:[ \t]*\([^()\n]{1,60}\))*)[ \t]*(?=\n[ \t\u00a0]*[^\s])"
)
# A name in lower case alone on its line, above what is said or as a paragraph of its own: The New York Times'
# podcast transcripts (`sabrina tavernise`, `archived recording (joe biden)`), whose pages show them in small
# capitals. Two to four words, and what a clip is from in brackets.
_LOWER = "a-zß-öø-ÿ"
_LOWER_ALONE_BODY = (
    rf"[ \t\u00a0]*(?P<label>[{_LOWER}][{_LOWER}'’\-]+(?:[ \t]+[{_LOWER}][{_LOWER}'’.\-]*){{1,3}}"
    r"(?:[ \t]*\([^()\n]{1,40}\))?)[ \t]*(?=\n(?:[ \t\u00a0]*\n)?[ \t\u00a0]*[^\s])"
)
# `[Name] text`, `[Name]: text`: a name in square brackets opening the line (not a sound: `[laughter]`).
_BRACKET_BODY = r"[ \t\u00a0]*(?P<open>\[)(?P<label>[^\W\d_][^\]\[\n:]{0,40}?)\][ \t]*:?(?=[ \t\u00a0]+\S)"
# Script scene headings, never a speaker: `INT. KITCHEN - NIGHT`, `EXT.`, `INT./EXT.`, `I/E`, `EST.`.
SCENE_HEADING = re.compile(r"[ \t]*(?:INT|EXT|EST|INT\.?/EXT|I/E)[. ][^\n]*|[ \t]*\.[A-Z][^\n]*")
_BLANK_SPLIT = re.compile(r"\n[ \t\u00a0\f]*\n")


class Style(NamedTuple):
    name: str
    after_newline: re.Pattern[str]
    at_start: re.Pattern[str]
    mark_end: Callable[[re.Match[str]], int]  # where the label's mark ends (the words start after it)
    used: Callable[[list[re.Match[str]]], list[re.Match[str]]]  # those of its matches the document uses as labels


_Matches = list[re.Match[str]]


def _always(matches: _Matches) -> _Matches:
    return matches


def _question_answer_pairs(matches: _Matches) -> _Matches:
    """The marks of the question-and-answer pairs whose both sides recur (`Q.` and `A.` twice each, or `P.` and
    `R.` with a `Pregunta.` and a `Respuesta.` counted on their sides)."""
    used = _used_pair_words(Counter(m["label"].casefold() for m in matches))
    return [m for m in matches if m["label"].casefold() in used]


def _recurs(matches: _Matches) -> _Matches:
    return matches if len(matches) >= 2 else []


def _several_names(matches: _Matches) -> _Matches:
    return matches if len(matches) >= 3 and len({label_key(m["label"]) for m in matches}) >= 2 else []


def _recurring_names(matches: _Matches) -> _Matches:
    """Names in mixed case alone on their lines are a document's labels only where two of them recur, four times
    in all, and the lines say they are people: some give a seat, a party or a person in brackets, or open with a
    title (`Mr Speaker`, `The Prime Minister`). A report's `Key Findings` above each region's paragraph is none."""
    counts = Counter(label_key(m["label"]) for m in matches)
    people = {label_key(m["label"]) for m in matches if m["extensions"].strip() or _titled(m["label"])}
    return matches if _two_recur(counts) and 2 * len(people) >= len(counts) else []


def _two_recur(counts: Counter[str]) -> bool:
    """Two labels written twice or more, four times in all: a name alone on its line is no one-off heading."""
    recurring = [n for n in counts.values() if n >= 2]
    return len(recurring) >= 2 and sum(recurring) >= 4


def _titled(label: str) -> bool:
    words = label_key(label).split()
    return bool(words) and (words[0] in HONORIFICS or (words[0] == "the" and len(words) > 1))


def _lowercase_names(matches: _Matches) -> _Matches:
    """Names in lower case are a document's labels only where two of them recur, four times in all, and none
    holds a function word (`and then`, `thank you so much` alone on a line are no names)."""
    names = [m for m in matches if not FUNCTION_WORDS.intersection(label_key(m["label"].split("(")[0]).split())]
    return names if _two_recur(Counter(label_key(m["label"]) for m in names)) else []


def _as_name(label: str) -> str:
    """A name written in lower case as a name is written: `sarah kliff` -> `Sarah Kliff`, `archived recording
    (joe biden)` -> `Archived Recording (Joe Biden)`; particles after the first word stay (`ursula von der leyen`)."""
    words = label.split()
    return " ".join(w if i and w in PARTICLES else w.capitalize() if w[0] != "(" else "(" + w[1:].capitalize()
                    for i, w in enumerate(words))


def _style(name: str, body: str, mark_end: Callable[[re.Match[str]], int],
           used: Callable[[_Matches], _Matches]) -> Style:
    # (A label may open a page: after the form feed a PDF or a paged text file puts at the page's first line.)
    return Style(name, re.compile(r"\n\f?" + body), re.compile(r"\f?" + body), mark_end, used)


STYLES = (
    _style("colon", _COLON_BODY, lambda m: m.end(), _always),
    _style("bare", _BARE_Q_BODY, lambda m: m.start("label") + 1, _always),
    _style("dotted", _DOTTED_QA_BODY, lambda m: m.end(), _question_answer_pairs),
    _style("period", _PERIOD_BODY, lambda m: m.end("label") + 1, _recurs),
    _style("hearing", _HEARING_BODY, lambda m: m.end("label") + 1, _several_names),
    _style("assembly", _ASSEMBLY_BODY, lambda m: m.end("label") + 1, _several_names),
    _style("initials", _INITIALS_BODY, lambda m: m.end(), _several_names),
    _style("alone", _ALONE_BODY, lambda m: m.end(), _several_names),
    _style("lower", _LOWER_ALONE_BODY, lambda m: m.end("label"), _lowercase_names),
    _style("titled", _TITLED_ALONE_BODY, lambda m: m.end(), _recurring_names),
    _style("bracket", _BRACKET_BODY, lambda m: m.end(), _several_names),
)

_WORD = re.compile(r"[(\[]?(?:[^\W\d_][\w'’.\-]*|\d+[.)]?)[)\]]?")
_BRACKETED_WORD = re.compile(r"[(\[]?[\w'’.&/+\-]+[)\]]?,?")
_KEY_STRIP = re.compile(r"[*_.:]+")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    return _WS.sub(" ", _KEY_STRIP.sub(" ", label.casefold())).strip()


_SALUTATION = re.compile(r"(?:Dear|Dearest|Cher|Chère|Chers|Chères|Liebe|Lieber|Sehr geehrte[rn]?|Estimad[oa]s?|"
                         r"Querid[oa]s?|Уважаем\w+|Дорог\w+)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def label_shape(label: str) -> str | None:
    """What a label candidate looks like: "role" (`Q`, `Interviewer`, `(UNKNOWN)`, `SPEAKER_01`), "name" (a
    person or a title), "word" (one capitalised word), "prose" (opens like a sentence: `In March`), or None when
    it cannot be a label at all."""
    key = label_key(label)
    if not key:
        return None
    if key in ROLE_WORDS or key.strip("()[] ") in ROLE_WORDS or diarised_number(label) is not None:
        return "role"
    if key in PROSE_LEADS or _SALUTATION.match(label):
        return None  # `Note:`; a letter's `Dear Senator Hale:` read into the record
    office = _OFFICE_HOLDER.fullmatch(label.strip())
    if office:  # Hansard's `The Minister for Rail (Ms Dana Pryor)`: an office, the person holding it in brackets
        return "name" if _surname(office["person"]) else None
    lead = SPANISH_TITLE.match(label)
    if lead and label[lead.end():].strip():  # the Diario de Sesiones: `El señor PRESIDENTE`, `La señora RUIZ`
        return "name" if label_shape(label[lead.end():]) in ("name", "word") else None
    if any(_is_sound(inside) for inside in _IN_BRACKETS.findall(label)):
        return None  # `Jane (laughing)`: words in brackets, no label
    words = label.split()
    # Seven words at most, those in brackets after the name aside (a minister's name after the office).
    if not words or len(label.split("(")[0].split()) > 7 or len(words) > 12:
        return None
    capitals = 0
    inside = False  # within a bracket: an outlet and its town (`Reporter (The News, Hull)`), a seat or a party
    for i, word in enumerate(words):
        if inside or (word.startswith(("(", "[")) and i > 0):
            # A party as the Bundestag writes it, `(BÜNDNIS 90/DIE GRÜNEN)`, `(CDU/CSU)`, `(fraktionslos)`.
            if not _BRACKETED_WORD.fullmatch(word):
                return None
            inside = not word.endswith((")", "]"))
            continue
        if not _WORD.fullmatch(word):
            return None
        bare = word.strip("()[]")
        if bare[:1].isdigit():
            if i == 0:
                return None
            continue
        if bare[:1].isupper():
            capitals += 1
        elif bare.casefold() not in PARTICLES or i == 0:
            return None
    if capitals == 0:
        return None
    if label.isupper() and len(words) > 1:
        return "name"
    if words[0].casefold() in FUNCTION_WORDS and not label.isupper():
        return "prose"
    return "name" if len(words) > 1 else "word"


_IN_BRACKETS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")


def _is_sound(words: str) -> bool:
    key = label_key(words)
    return key in SOUNDS or key.split(" ", 1)[0] in SOUNDS


# An office in title case with the person who holds it in brackets, as Hansard names a minister who speaks.
_OFFICE_HOLDER = re.compile(
    rf"The[ \t]+[{_CAPS}][\w'’\-]*,?(?:[ \t]+(?:[{_CAPS}][\w'’\-]*|for|of|and|the|to|in),?){{0,9}}"
    r"[ \t]*\((?P<person>[^()]+)\)")


class Label(NamedTuple):  # a tuple: a 10 MB file has tens of thousands, and tuples are made fastest
    start: int  # start of the label's text (after indentation)
    end: int  # end of the label mark (after the colon and any closing bold)
    text: str  # the label as written, without bold, colon or a script's extensions
    at_paragraph: bool  # the line opens a paragraph (first line of a block)
    style: str = "colon"  # the name of its `Style`
    speaker: str | None = None  # the speaker it stands for, when not `text` itself (`JK` for `Jane Kim (JK)`)
    asks: bool = False  # the label says its turn asks: a select committee's numbered question (`Q12 Chair:`)


def find_candidates(text: str, start: int = 0, end: int | None = None) -> list[Label]:
    """Every line opening that could be a label in a style the document uses, in source order (see
    `accept_labels` for which are)."""
    end = len(text) if end is None else end
    found: list[Label] = []
    at_line_start = start == 0 or text[start - 1] == "\n"
    colons = 0
    for style in STYLES:
        first = style.at_start.match(text, start, end) if at_line_start else None
        matches = ([first] if first else []) + list(style.after_newline.finditer(text, start, end))
        kind = style.name
        numbered = False
        if kind == "colon":
            colons = len(matches)
            numbered = _numbers_questions(matches)
        # A name alone on its line is a document's label only where it is commoner than `Name:`; in a file
        # labelled with colons it is a heading.
        if not matches or (kind in ("alone", "lower", "titled") and len(matches) < colons):
            continue
        matches = style.used(matches)
        has_open = "open" in style.after_newline.groupindex
        mark_end = style.mark_end
        for m in matches:
            number = m.start("number") if kind == "colon" and m["number"] else -1
            # A `Q12` that is no committee's numbering is part of the label, as it was written.
            label = (m.group("label") if numbered or number < 0 else text[number:m.end("label")]).rstrip()
            if kind == "lower":
                label = _as_name(label)
            newline = m.start() if m is not first else start - 1
            at_paragraph = _opens_paragraph(text, newline)
            name = kind
            if kind == "colon" and label_key(label) in SPEAKER_LIST_HEADINGS:
                name = "list"  # `SPEAKERS:` opens a list of names; `speaker_lists` finds where it ends
            elif _ruled_out(kind, label, at_paragraph):
                continue
            elif kind == "colon" and _printed_title(text, newline + 1, m):
                continue  # a title on the page (`RURAL BROADBAND: CLOSING THE LAST MILE`), no label
            mark_start = m.start("open") if has_open and m["open"] else number if number >= 0 else m.start("label")
            found.append(Label(mark_start, mark_end(m), label, at_paragraph, name, asks=numbered and number >= 0))
    found.sort(key=lambda c: (c.start, -c.end))
    # One label per line: where a colon label and a bare `Q` start together, the longer mark wins.
    kept: list[Label] = []
    for c in found:
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
    return kept


# A select committee's question number before a label a container found in markup (`<b>Q12 Chair:</b>`, a Word
# paragraph `Q12<tab>Chair:`): the number belongs to the label's mark, not to the speaker.
QUESTION_NUMBER = re.compile(r"Q\d{1,4}[ \t\u00a0]+(?=[^\W\d_])")


def question_number(text: str, at: int) -> int | None:
    """The committee's number of the question whose label mark starts at `at` (`Q12 Chair:` -> 12), if any."""
    m = QUESTION_NUMBER.match(text, at)
    return int(m.group().rstrip()[1:]) if m else None


def without_question_number(label: str) -> str:
    """`Q12 Chair` -> `Chair`; any other label as it is."""
    m = QUESTION_NUMBER.match(label)
    return label[m.end():] if m else label


def _numbers_questions(matches: _Matches) -> bool:
    """Whether the `Q12` before colon labels is a select committee's numbering of its questions: it recurs, and
    its numbers go up."""
    numbers = [int(m["number"][1:]) for m in matches if m["number"]]
    rises = sum(b > a for a, b in pairwise(numbers))
    return len(numbers) >= 2 and 2 * rises >= len(numbers) - 1


def _ruled_out(style: str, label: str, at_paragraph: bool) -> bool:
    """Whether a match of `style` cannot be a label: a NAME alone that opens no paragraph or is a scene heading,
    a bracketed sound, anything not shaped like a label (a period label's pattern is its shape)."""
    if style in ("alone", "lower", "titled") and (not at_paragraph or SCENE_HEADING.fullmatch(label)):
        return True
    if style == "bracket" and label_key(label) in SOUNDS:
        return True
    if style in ("assembly", "initials"):
        return not at_paragraph
    return style not in ("period", "hearing") and label_shape(label) is None


CENTRED = 10  # columns of blank before a line's first word: a printed hearing's title, centred; never a label
TITLE_INDENT = 4  # ... nor, indented this far, a title in capitals that runs on after its colon


def _printed_title(text: str, line_start: int, m: re.Match[str]) -> bool:
    """Whether a `Name:` match is a printed title: centred on the page, or indented and in capitals on both
    sides of the colon, a long title wrapped (`WILDFIRE SMOKE AND PUBLIC HEALTH: PROTECTING COMMUNITIES,`)."""
    lead = text[line_start:m.start("label")]
    if lead.strip(" \t\u00a0\f"):
        return False
    width = len(lead.expandtabs(8))
    if width >= CENTRED:
        return True
    line_end = text.find("\n", m.end())
    after = text[m.end():line_end if line_end >= 0 else len(text)]
    return width >= TITLE_INDENT and m["label"].isupper() and any(c.isalpha() for c in after) and after.isupper()


def _opens_paragraph(text: str, newline: int) -> bool:
    """Whether the line after the newline at `newline` (-1: the text's start) follows a blank line."""
    i = newline - 1
    while i >= 0 and text[i] in " \t\u00a0\f\r":
        i -= 1
    return i < 0 or text[i] == "\n"


def accept_labels(candidates: list[Label]) -> list[Label]:
    """Keep the candidates the whole file vouches for (see the module docstring), each with the speaker it
    stands for."""
    counts: Counter[str] = Counter(label_key(c.text) for c in candidates)
    shapes = {c.text: label_shape(c.text) for c in candidates}
    strong = {k for k, n in counts.items() if n >= 2}
    strong.update(label_key(c.text) for c in candidates if shapes[c.text] == "role")
    marks = question_answer_speakers(c.text for c in candidates if c.style != "list")
    strong.update(label_key(text) for text in marks)  # `Pregunta.` said once, then `P.`: the side recurs
    accepted = _accept(candidates, counts, shapes, strong)
    if marks:
        accepted = [c._replace(speaker=marks[c.text]) if c.speaker is None and c.text in marks and
                    marks[c.text] != c.text else c for c in accepted]
    return accepted


def _accept(candidates: list[Label], counts: Counter[str], shapes: dict[str, str | None],
            strong: set[str]) -> list[Label]:
    accepted: list[Label] = []
    rest: list[Label] = []
    for c in candidates:
        key = label_key(c.text)
        shape = shapes[c.text]
        if c.style == "list":
            continue
        # A Congressional Record label is a title and a surname in capitals, a compte rendu's a title and a name
        # or an office, a stenogram's a surname and initials: once the style is used, each is one.
        if c.style in ("period", "hearing", "assembly", "initials"):
            accepted.append(c)
        elif shape == "prose" and counts[key] < 3:
            continue
        # A name said once counts only inside the conversation, after a vouched-for label: before it, a
        # one-off `Episode 42: The Baker` is a heading.
        elif key in strong or (shape == "name" and c.at_paragraph and accepted):
            accepted.append(c)
        else:
            rest.append(c)
    aliases = speaker_aliases(c.text for c in [*accepted, *rest] if shapes[c.text] in ("name", "word"))
    if not aliases:
        return accepted
    speakers = {text: resolve_alias(label_key(text), aliases) or text for text in shapes}
    if all(speaker == text for text, speaker in speakers.items()):
        return accepted  # nobody is written two ways
    # Another way of writing someone who speaks counts even once: `Jane Kim (JK):` opening the conversation
    # when `JK:` recurs, `Kim:` after `Jane Kim (JK):`.
    speaking = {label_key(speakers[c.text]) for c in accepted}
    accepted.extend(c for c in rest if shapes[c.text] is not None and label_key(speakers[c.text]) in speaking)
    accepted.sort(key=lambda c: c.start)
    return [c if speakers[c.text] == c.text else c._replace(speaker=speakers[c.text]) for c in accepted]


def question_answer_speakers(labels: Iterable[str]) -> dict[str, str]:
    """Of a document's labels, those that are a print interview's question and answer marks (`Pregunta`, `P`,
    `R.`, `Frage`, `F`; see `QUESTION_ANSWER_PAIRS`) of a pair whose both sides it uses at least twice -> the
    speaker each stands for: its side's word as the document first writes it (`P` -> `Pregunta` after
    `Pregunta.`, as El País prints them), or the mark itself without a dot. Who answers is never guessed from
    elsewhere (a title's `Entrevista a X`): the label is kept."""
    written = Counter(labels)  # each distinct label once, in the order first written
    marks = {label: mark for label in written if (mark := label.strip().rstrip(".").rstrip()).casefold() in _QA_MARKS}
    counts: Counter[str] = Counter()
    for label, mark in marks.items():
        counts[mark.casefold()] += written[label]
    used = _used_pair_words(counts) if marks else set()
    if not used:
        return {}
    words: dict[str, str] = {}  # a side's letter -> its word as the document first writes it
    for mark in marks.values():
        folded = mark.casefold()
        if len(folded) > 1 and folded in used:
            words.setdefault(folded[0], mark)
    return {label: words.get(mark.casefold(), mark) if len(mark) == 1 else mark
            for label, mark in marks.items() if mark.casefold() in used}


_QA_MARKS = frozenset(_QA_WORDS)


def _used_pair_words(counts: Counter[str]) -> set[str]:
    """The words (casefolded, as in `QUESTION_ANSWER_PAIRS`) of the pairs whose both sides occur twice in
    `counts`."""
    used: set[str] = set()
    for asking, answering in QUESTION_ANSWER_PAIRS:
        if sum(counts[w] for w in asking) >= 2 and sum(counts[w] for w in answering) >= 2:
            used |= {w for w in asking | answering if counts[w]}
    return used


def sniff_share(text: str, labels: list[Label]) -> float:
    """Share of paragraphs (or, in files without blank lines, of lines) of `text` opening with one of `labels`."""
    blocks = sum(1 for b in _BLANK_SPLIT.split(text) if b.strip()) or 1
    lines = sum(1 for line in text.split("\n") if line.strip()) or 1
    return max(sum(1 for c in labels if c.at_paragraph) / blocks, len(labels) / lines)


# --- who is who ----------------------------------------------------------------------------------------------

_PARENTHESISED = re.compile(r"(?P<name>[^()]*\S)[ \t]*\((?P<inside>[^()]+)\)(?P<more>(?:[ \t]*\([^()]+\))*)")


def speaker_aliases(labels: Iterable[str]) -> dict[str, str]:
    """`label_key` of each other way of writing a speaker -> the speaker's label: the abbreviation and the name
    of `Jane Kim (JK)` stand for "Jane Kim", the name of `Ana Ruiz (Reuters)` or of Hansard's `Mr Tom Ellery
    (Northbridge) (Lab)` for the whole label, the person of `The Minister for Rail (Ms Dana Pryor)` for hers, and
    the surname of a full name, with or without a title (`Lopez`, `Ms Lopez`), for the full name when no one else
    has that surname."""
    distinct = list(dict.fromkeys(labels))
    aliases: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for label in distinct:
        m = _PARENTHESISED.fullmatch(label.strip())
        name = m["name"] if m else label
        if m:
            inside = m["inside"].strip()
            if not m["more"] and _initials_of(inside, name):
                aliases[label_key(inside)] = aliases[label_key(label)] = name
            else:
                aliases[label_key(name)] = label
            if _OFFICE_HOLDER.fullmatch(label.strip()):
                aliases[label_key(inside)] = label
                name = inside
        surname = _surname(name)
        if surname:
            surnames.setdefault(surname, set()).add(aliases.get(label_key(label), label))
    for surname, speakers in surnames.items():
        if len(speakers) == 1:
            aliases.setdefault(surname, next(iter(speakers)))
    return {key: speaker for key, speaker in aliases.items() if label_key(speaker) != key}


def _initials_of(inside: str, name: str) -> bool:
    """Are the letters in brackets the initials of the name before them (`JK` of `Jane Kim`, `ML` or `DML` of
    `Dr. Maria Lopez`)? A party's or an outlet's letters (`SPD`, `BBC`) are not."""
    written = inside.replace(".", "").replace(" ", "").upper()
    words = [w for w in name.split() if w[:1].isupper()]
    given = [w for w in words if label_key(w) not in HONORIFICS]
    return len(written) >= 2 and written in {"".join(w[0] for w in words).upper(),
                                             "".join(w[0] for w in given).upper()}


def _surname(name: str) -> str | None:
    """The `label_key` of a person's surname in a full name (`Maria Lopez`, `Dr. Ana de la Cruz`), or None when
    the label is no person's full name (`The President`, `Audience Member`, `Q`)."""
    key = label_key(name)
    if key in ROLE_WORDS or label_shape(name) != "name":
        return None
    words = key.split()
    if words and words[0] in HONORIFICS:
        words = words[1:]
    if len(words) < 2 or words[0] in FUNCTION_WORDS:
        return None
    return words[-1]


def resolve_alias(key: str, aliases: dict[str, str]) -> str | None:
    """The speaker that `key` (a `label_key`) stands for, a title before a surname allowed (`ms lopez`)."""
    if key in aliases:
        return aliases[key]
    words = key.split()
    if len(words) == 2 and words[0] in HONORIFICS:
        return aliases.get(words[1])
    return None
