"""Which layout a decoded text is in: each layout's `sniff`, on the head of the text.

They live here, apart from the parsers, so that detecting a layout imports none of the parsers it does not
choose (their patterns, the timed lines' finders, the cover pages' readers): `detect.LAYOUTS` imports the one
chosen. Each layout module exposes its sniffer as its `sniff`. The patterns a sniffer shares with its parser are
defined here and imported by the parser. `timestamped` is the one sniffer that needs its parser's line finder:
here it only rules out a text with fewer than two lines holding a clock (which the whole sniffer scores 0.0 too)
and hands the others to the parser's module. `SNIFFERS` gives each sniffer's highest score, so that detection
can stop asking once no later layout can win.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import NamedTuple

from reader.core.formats.base import speaker_key
from reader.core.formats.dates import MONTH
from reader.core.formats.label_styles import SCENE_HEADING, accept_labels, find_candidates, sniff_share
from reader.core.formats.names import name_shape
from reader.core.formats.spans import BLOCK

SNIFF_CHARS = 64_000  # the head every sniffer reads (court: its first lines)
_STARTS_WEBVTT = re.compile(r"\A\ufeff?[ \t\n]*WEBVTT")  # captions the other cue layouts leave to webvtt

# --- WebVTT (webvtt.py) ---------------------------------------------------------------------------------------

_WEBVTT_SIGNATURE = re.compile(r"\A\ufeff?[ \t\n]*WEBVTT(?:[ \t\-]|$)", re.MULTILINE)
_DOT_TIMING = re.compile(r"^[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}\.\d{1,3}[ \t]*-->", re.MULTILINE)


def webvtt(text: str) -> float:
    head = text[:SNIFF_CHARS]
    if _WEBVTT_SIGNATURE.match(head):
        return 0.99
    # Captions pasted without their header: timings with a decimal point, as SRT never writes them.
    timings = len(_DOT_TIMING.findall(head))
    if timings >= 2:
        lines = sum(1 for line in head.splitlines() if line.strip())
        return 0.8 if timings * 5 >= lines else 0.5
    return 0.0


# --- SubRip (srt.py) ------------------------------------------------------------------------------------------

_COMMA_TIMING = re.compile(r"^[ \t]*\d{1,3}:\d{2}:\d{2},\d{1,3}[ \t]*-->[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}",
                           re.MULTILINE)
_NUMBERED_CUE = re.compile(r"^[ \t]*\d+[ \t]*\n[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->", re.MULTILINE)


def srt(text: str) -> float:
    head = text[:SNIFF_CHARS]
    if _STARTS_WEBVTT.match(head):
        return 0.0
    timings = len(_COMMA_TIMING.findall(head))
    numbered = len(_NUMBERED_CUE.findall(head))
    if timings >= 2 or (timings and numbered):
        return 0.95
    if numbered >= 2:  # numbered cues with decimal points: WebVTT without its header is likelier (0.8)
        return 0.75
    return 0.0


# --- SubViewer (sbv.py) ---------------------------------------------------------------------------------------

SBV_CLOCK = r"\d{1,3}:\d{2}:\d{2}\.\d{1,3}"
_SBV_TIMING_LINES = re.compile(rf"^[ \t]*{SBV_CLOCK},{SBV_CLOCK}[ \t]*$", re.MULTILINE)


def sbv(text: str) -> float:
    timings = len(_SBV_TIMING_LINES.findall(text, 0, SNIFF_CHARS))
    return 0.9 if timings >= 2 else 0.4 if timings else 0.0


# --- Teams text (teams_text.py) -------------------------------------------------------------------------------

_TEAMS_CLOCK = r"(?:\d{1,3}:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,7})?"
TEAMS_TIMING = re.compile(rf"[ \t]*(?P<start>{_TEAMS_CLOCK})[ \t]*-->[ \t]*(?P<end>{_TEAMS_CLOCK})[ \t]*$")
_TEAMS_TIMING_LINE = re.compile(rf"^{TEAMS_TIMING.pattern}", re.MULTILINE)


def teams_text(text: str) -> float:
    head = text[:SNIFF_CHARS]
    if _STARTS_WEBVTT.match(head):
        return 0.0
    timings = list(_TEAMS_TIMING_LINE.finditer(head))
    if len(timings) < 2:
        return 0.0
    # The speaker line under each timing line: the line after it, a name recurring on most cues.
    names: Counter[str] = Counter()
    for m in timings:
        nl = head.find("\n", m.end() + 1)
        line = head[m.end() + 1 : nl if nl >= 0 else len(head)].strip()
        if name_shape(line) and ":" not in line:
            names[speaker_key(line)] += 1
    named = sum(names.values())
    return 0.9 if names and max(names.values()) >= 2 and named * 2 >= len(timings) else 0.0


# --- court hearings (court.py) --------------------------------------------------------------------------------

_COURT_LINES = 400
COURT_MARGIN = re.compile(r"[ \t\f]*(?P<number>\d{1,2})(?=[ \t]|$)")


def court(text: str) -> float:
    lines = [line for line in text[:40_000].split("\n")[:_COURT_LINES] if line.strip()]
    if len(lines) < 10:
        return 0.0
    numbers = []
    for line in lines:
        m = COURT_MARGIN.match(line)
        if m and 1 <= int(m["number"]) <= 28:
            numbers.append(int(m["number"]))
    if len(numbers) < 0.6 * len(lines):
        return 0.0
    rising = sum(1 for a, b in pairwise(numbers) if b == a + 1 or (b == 1 and a >= 10))
    return 0.95 if rising >= 0.7 * (len(numbers) - 1) else 0.0


# --- screenplays (script.py) ----------------------------------------------------------------------------------

_CUE = re.compile(
    r"[ \t]*(?P<name>@[^\n(^]*[^\s(^]|[A-Z][A-Z0-9 .'’\-&]*[A-Z0-9.'’])"
    r"(?P<extensions>(?:[ \t]*\([^()\n]{1,30}\))*)[ \t]*\^?[ \t]*"
)
EXTENSION = re.compile(r"\((?:V\.?O|O\.?S|O\.?C|CONT['’]?D|CONTINUED|OFF|ON PHONE|PRE-LAP|FILTERED)\.?\)",
                       re.IGNORECASE)
TRANSITION = re.compile(r"[ \t]*(?:[A-Z][A-Z .'’\-]*TO:|FADE IN:|FADE OUT\.?|FADE TO BLACK\.?|CUT TO BLACK\.?|"
                        r"THE END\.?|>[^\n<]*)[ \t]*")
PARENTHETICAL = re.compile(r"[ \t]*\([^\n]*\)[ \t]*")


def script(text: str) -> float:
    """Sure when the text has character cues over dialogue and the marks only a script has: scene headings,
    transitions, a cue's extensions, parentheticals under a cue."""
    head = text[:SNIFF_CHARS]
    cues: set[str] = set()
    said = 0
    marks = 0
    for block in BLOCK.finditer(head):
        lines = block[0].split("\n")
        first = lines[0]
        if scene_heading(first) or TRANSITION.fullmatch(first):
            marks += 1
        elif len(lines) >= 2 and (cue := script_cue(first)):
            cues.add(cue)
            said += 1
            marks += bool(EXTENSION.search(first)) + bool(PARENTHETICAL.fullmatch(lines[1]))
    if said >= 3 and len(cues) >= 2 and marks >= 2:
        return 0.9
    return 0.0


def scene_heading(line: str) -> bool:
    return bool(SCENE_HEADING.fullmatch(line)) and not line.lstrip().startswith("..")


def script_cue(line: str) -> str | None:
    """The character's name when `line` is a character cue."""
    m = _CUE.fullmatch(line)
    if not m or scene_heading(line) or TRANSITION.fullmatch(line):
        return None
    name = m["name"].lstrip("@").strip()
    if not name or not any(ch.isalpha() for ch in name):
        return None
    return name


# --- timestamped lines (timestamped.py) -----------------------------------------------------------------------

_CLOCK_DIGITS = re.compile(r"\d:\d\d")  # what the timed lines' finder looks for first (`_candidate_lines`)


def timestamped(text: str) -> float:
    """0.0 for a text with fewer than two lines holding a clock in the part the whole sniffer reads: it finds
    fewer than two timed lines there, and says 0.0 for those too. Any other text is sniffed by timestamped.py's
    own `sniff`, which needs its timed lines."""
    head = text[:SNIFF_CHARS]
    end = max(head.rfind("\n") if len(text) > SNIFF_CHARS else len(head), 0)
    first = _CLOCK_DIGITS.search(head, 0, end)
    line_end = head.find("\n", first.end(), end) if first else -1
    if line_end < 0 or not _CLOCK_DIGITS.search(head, line_end, end):
        return 0.0
    sniff: Callable[[str], float] = importlib.import_module("reader.core.formats.timestamped").sniff
    return sniff(text)


# --- web pages (webpage.py) -----------------------------------------------------------------------------------

DATE_LINE = re.compile(
    rf"^(?:[A-Z][a-z]+,?\s+)?(?:\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    r",?\s*(?:(?P<time>\d{1,2}[:.]\d{2})(?:\s*[AaPp]\.?[Mm]\.?)?)?(?:\s*\w{0,5})?$"
)
# `• en-GB1 ru-RU1`, `EN | RU | FR`: language codes with a region or a bullet, nothing else on the line.
LANGUAGE_SWITCHER = re.compile(
    r"^(?=.*(?:[a-z]{2}-[A-Z]{2}|[•·|]))[•·|\s]*(?:(?:[a-z]{2}|[A-Z]{2})(?:-[A-Za-z]{2,4})?\d*[\s•·|/]*){1,12}$"
)


def page_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        line = text[s:e]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((s + lead, s + len(line.rstrip())))
    return spans


# A web page's own furniture, whatever the site: the skip link, the cookie banner, the breadcrumb's lead, the
# language switch, the share and feedback links, the licence and copyright lines.
PAGE_CHROME = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|cookies on .{1,40}|we use (?:some )?(?:essential )?cookies\b.*|"
    r"(?:accept|reject) (?:all |additional |optional )?cookies|(?:view|manage) cookies|cookie (?:settings|policy)|"
    r"language selection|you are here:?.*|(?:main )?menu|search(?: .{1,30})?|share this(?: page| article)?|"
    r"print this page|is this page useful\?|report a problem with this page|back to top|top of page|"
    r"date modified:.*|(?:all content is available under|contains public sector information).*|© .{1,60}|"
    r"(?:privacy|accessibility)(?: statement| policy| notice)?|terms and conditions|contact us)$", re.IGNORECASE)


def _header_signals(text: str, end: int) -> int:
    lines = [text[s:e] for s, e in page_lines(text, 0, end)]
    return sum(1 for line in lines if DATE_LINE.match(line) or LANGUAGE_SWITCHER.match(line)
               or PAGE_CHROME.match(line))


def webpage(text: str) -> float:
    head = text[:SNIFF_CHARS]
    if labelled(head) <= 0:
        return 0.0
    labels = accept_labels(find_candidates(head))
    first = labels[0].start if labels else 0
    if first == 0 or not _header_signals(head, first):
        return 0.0
    return 0.9


# --- labelled paragraphs (labelled.py) and plain text (plain.py) ----------------------------------------------

def labelled(text: str) -> float:
    """Share of paragraphs (or, in files without blank lines, of lines) that open with an accepted label."""
    head = text[:SNIFF_CHARS]
    labels = accept_labels(find_candidates(head))
    if len(labels) < 2:
        return 0.0
    return 0.3 + 0.4 * min(1.0, sniff_share(head, labels) * 2)


def plain(text: str) -> float:
    return 0.01


class Sniffer(NamedTuple):
    module: str  # the layout's module in reader.core.formats
    sniff: Callable[[str], float]
    top: float  # the highest score `sniff` gives: once another layout has it, this one cannot win


# Each layout's name (its module's NAME) and its sniffer. Order matters only for ties: more specific layouts first.
SNIFFERS: dict[str, Sniffer] = {
    "webvtt": Sniffer("webvtt", webvtt, 0.99),
    "srt": Sniffer("srt", srt, 0.95),
    "sbv": Sniffer("sbv", sbv, 0.9),
    "teams-text": Sniffer("teams_text", teams_text, 0.9),
    "court": Sniffer("court", court, 0.95),
    "script": Sniffer("script", script, 0.9),
    "timestamped": Sniffer("timestamped", timestamped, 0.95),
    "webpage": Sniffer("webpage", webpage, 0.9),
    "labelled": Sniffer("labelled", labelled, 0.7),
    "plain": Sniffer("plain", plain, 0.01),
}
