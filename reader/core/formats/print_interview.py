"""A print interview whose questions are set in bold, with no labels, as web pages and Word files write them:
which paragraphs ask, who answers and who asks.

The bold paragraphs are the interviewer's questions, the plain paragraphs after the first of them the
interviewee's answers; a bold lede above the first answer, or a bold line like a subheading, asks nothing. Who
is interviewed comes from the title, a heading or the lede ("An interview with Priya Raman", "Interview mit
Bundesministerin Anna Weber", "Anna Weber im Interview mit der Rheinischen Post"); who asks, from a credit line
("Die Fragen stellte Martin Seidel.", "Interview by Tom Hale"), which is a byline, not the interviewee's words.
The containers (`html_speakers`, `docx_turns`) and the plain layout give the paragraphs and apply the
answer to their blocks or turns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from reader.core.formats.label_styles import label_shape

INTERVIEWER = "Interviewer"
INTERVIEWEE = "Interviewee"
_SENTENCE_END = (".", "?", "!", "…", ":", '"', "”", "’", ")", ";", ",")
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|van|von|da|del|bin|al)){0,3}"
# Who the page interviews: "An interview with Priya Raman", "Interview mit Bundesministerin Anna Weber",
# "Entretien avec Claire Morel", "Entrevista con Ana Ruiz".
_INTERVIEW_WITH = re.compile(
    r"\b(?i:interview|conversation|q\s*&\s*a|talks?|chats?|speaks?|sits down|gespräch|entretien|entrevista)\s+"
    r"(?i:with|mit|avec|con)\s+(?:(?i:the\s+\w+|der|dem|la|le|l['’]|el)\s*)?"
    rf"(?P<name>{_NAME})")
# "Anna Weber im Interview mit der Rheinischen Post", "Anna Weber im Gespräch": the name before is who is asked.
_NAMED_IN_INTERVIEW = re.compile(rf"(?P<name>{_NAME})\s+im\s+(?:Interview|Gespräch)\b")
# "La ministre, Claire Fontaine, répond aux questions de La Dépêche": the name before answers.
_NAMED_ANSWERING = re.compile(rf"(?P<name>{_NAME}),?\s+(?:répond|responde|answers|beantwortet)\b")
# Who asked, as a print interview credits it below or above the text.
_CREDIT = re.compile(
    r"(?:Die Fragen stellten?|Das (?:Interview|Gespräch) führten?|Interview(?:ed)? by|Interview:|Questions by|"
    r"Propos recueillis par|Entrevista realizada por)\s+(?P<names>[^\n]{2,80}?)\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sides:
    """Of the paragraphs given, by index: those that ask, those answering them, and the credits (bylines)."""

    asker: str
    answerer: str
    questions: frozenset[int]
    answers: frozenset[int]
    credits: frozenset[int]


def bold_questions(paragraphs: list[tuple[str, bool]], title: str | None, headings: list[str]) -> Sides | None:
    """The sides of an interview whose questions are the bold paragraphs (`paragraphs`: each one's text and
    whether all of it is bold); None when the bold paragraphs are not its questions."""
    bold = [i for i, (text, strong) in enumerate(paragraphs) if strong and not _heading_like(text)]
    plain = [i for i, (_text, strong) in enumerate(paragraphs) if not strong]
    if len(bold) < 2 or not plain:
        return None
    while bold and bold[0] < plain[0] and not paragraphs[bold[0]][0].rstrip().endswith("?"):
        bold.pop(0)  # the lede, before any plain paragraph
    if len(bold) < 2:
        return None
    asks = sum(1 for i in bold if paragraphs[i][0].rstrip().endswith("?"))
    bold_set = set(bold)
    alternate = all(any(j not in bold_set for j in range(a + 1, b)) for a, b in pairwise(bold))
    if not (asks >= 0.5 * len(bold) or (alternate and len(bold) >= 3 and asks >= 1)):
        return None
    lede = [text for text, _strong in paragraphs[:bold[0]]]
    credits = {i: m for i, (text, _strong) in enumerate(paragraphs)
               if i not in bold_set and (m := _CREDIT.fullmatch(text.strip()))}
    asker = next((name for m in credits.values() if (name := _one_name(m["names"]))), INTERVIEWER)
    answers = frozenset(i for i in range(bold[0] + 1, len(paragraphs)) if i not in bold_set and i not in credits)
    return Sides(asker, interviewee(title, headings, lede), frozenset(bold), answers, frozenset(credits))


def interviewee(title: str | None, headings: list[str], lede: list[str]) -> str:
    """Who is interviewed, as the title, a heading or the lede names them; else "Interviewee"."""
    for line in [title or "", *headings, *lede]:
        # "Anna Weber im Interview mit der Rheinischen Post": who is named before is interviewed, by whom after.
        m = _NAMED_IN_INTERVIEW.search(line) or _INTERVIEW_WITH.search(line) or _NAMED_ANSWERING.search(line)
        if m:
            name = m["name"].strip().rstrip(".,:;")
            if name and name[0].isupper():
                return name
    return INTERVIEWEE


def _one_name(names: str) -> str | None:
    """The one person a credit names (`Martin Seidel`), else None: two of them (`Ana Ruiz und Tom Berg`) ask
    as one interviewer."""
    names = names.strip().rstrip(".")
    if re.search(r",|\s(?:und|and|et|y|&)\s", names) or label_shape(names) != "name":
        return None
    return names


def _heading_like(text: str) -> bool:
    return len(text.split()) <= 8 and not text.rstrip().endswith(_SENTENCE_END)
