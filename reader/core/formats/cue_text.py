"""Cue text to speakers' turns, for WebVTT and SRT alike (`cues.py` splits the file into cues).

Speakers in cue text come three ways: a WebVTT voice tag (`<v Smith, Jane>`, closing `</v>` optional), a
`Name:` prefix as meeting tools write it (`[SPEAKER_02]:` as speech-to-text tools do; often only on the first
cue of a turn: unlabelled cues continue the current speaker), and a leading `- ` (or `-` without the space)
that marks a change of speaker inside a cue (`>>` in broadcast captions and YouTube's SBV).

Choices made for the unnamed `- ` lines, where the file cannot tell who speaks:
- the first dash line of a cue continues the current speaker (the dash only separates it from the next line);
  at the start of a file, or after text by an unknown speaker, it opens "Speaker A";
- every further dash line of the cue switches to the other voice of the conversation: the speaker heard
  before the current one, or the anonymous voice ("Speaker A" / "Speaker B") the current one is not.
Consecutive cues of one speaker make one turn that keeps the first cue's start time. Within it a cue opens
a new paragraph after a pause of `PARAGRAPH_PAUSE` seconds or more that follows the end of a sentence, so
subtitle lines broken mid-sentence are joined back while a long silence still shows. A paragraph past
`LONG_PARAGRAPH` characters also ends at the next sentence end or pause, and at twice that length in any case.
Captions that have not ended a single sentence so far (automatic captions write no stops) cannot be paragraphed
by their sentences: there a paragraph ends at the first cue after `UNPUNCTUATED_PARAGRAPH` characters, so that
they read as blocks of some eighty words and not as a wall of them. Captions nobody is named in (automatic
captions) are one unknown speaker's; so that an hour of them is not one turn, that turn is cut at a paragraph end
once it holds `LONG_TURN` characters. A chapter (`chapter_starts`, from the file's chapter notes) always opens a
turn, so its heading sits where it starts.

Rolling captions (automatic captions of video sites) repeat the previous cue's line above the new words and
flash it again in a cue of a few milliseconds; a line repeating one of the previous cue's is kept aside as
furniture, so it is read once.

Tags and the dash marks are recorded as furniture asides, so every other character of the cue text is in a
paragraph or a label.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.formats.base import UNKNOWN_SPEAKER, TranscriptBuilder, speaker_key
from reader.core.formats.cues import Cue, Item
from reader.core.formats.names import name_shape
from reader.core.model import AsideKind, Span

PARAGRAPH_PAUSE = 2.0
LONG_PARAGRAPH = 2000  # characters
UNPUNCTUATED_PARAGRAPH = 450  # characters: about eighty words, or half a minute of speech
LONG_TURN = 3000  # characters, for the unknown speaker
ANONYMOUS_VOICES = ("Speaker A", "Speaker B")

# Markup inside cue text: WebVTT and SRT tags, karaoke timestamps, SSA overrides SRT files inherit.
_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>|<\d[\d:.]*>|\{\\[^{}\n]{0,100}\}|&(?:amp|nbsp);")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)*(?:[ \t]+(?P<name>[^<>\n]*?))?[ \t]*>")
_VOICE_LINE = re.compile(r"[ \t]*(?P<tag><v(?:\.[\w.-]+)*(?:[ \t]+(?P<name>[^<>\n]*?))?[ \t]*>)"
                         r"(?![ \t]*[-‐–])(?P<words>[^<>&{\n]*)(?P<close></v>)?[ \t]*$")
_DASH = re.compile(r"(?:[-‐–]|>>)[ \t]*(?=[^\s\-‐–>])")  # `>>` as broadcast captions write it
_NAME_PREFIX = re.compile(r"(?P<label>[^\W\d_][^\n:<>\[\]()]{0,40}?):(?=[ \t]|$)")
_BRACKETED_PREFIX = re.compile(r"\[(?P<label>[^\W\d_][^\n:<>\[\]()]{0,40}?)\]:(?=[ \t]|$)")  # [SPEAKER_02]:
_DASH_STARTS = "-‐–>"  # what `_DASH` can start with
_SKIPPABLE = " \t<{&-‐–>"  # what a line's blanks, markup (`_MARKUP`) or a dash (`_DASH`) can start with
# A sentence ends with a stop, perhaps followed by closing quotes and brackets.
_STOPS = (".", "?", "!", "…")
_CLOSERS = "\"'”’)]"
_NOTHING: frozenset[str] = frozenset()


def ends_sentence(shown: str) -> bool:
    """`shown` (stripped) ends with a stop, perhaps followed by closing quotes and brackets."""
    return shown.rstrip(_CLOSERS).endswith(_STOPS)


def cue_names(text: str, items: list[Item]) -> set[str]:
    """The `Name:` prefixes this file vouches for: names that recur, or any name once another one recurs."""
    found: list[str] = []
    for item in items:
        for ls, le in item.lines if isinstance(item, Cue) else [item]:
            if text.find(":", ls, le) < 0:
                continue
            pos = ls
            if text[ls] in _SKIPPABLE:  # else there is no blank, markup or dash to skip: most lines
                pos = _skip_markup(text, ls, le)
                dash = _DASH.match(text, pos, le)
                if dash:
                    pos = _skip_markup(text, dash.end(), le)
            m = _name_prefix(text, pos, le)
            if m and name_shape(label := m["label"]):
                found.append(speaker_key(label))
    counts = Counter(found)
    if not any(c >= 2 for c in counts.values()):
        return set()
    return set(counts)


def _name_prefix(text: str, pos: int, end: int) -> re.Match[str] | None:
    """`Name:` or `[Name]:` at `pos`."""
    if text.startswith("[", pos):
        return _BRACKETED_PREFIX.match(text, pos, end)
    return _NAME_PREFIX.match(text, pos, end)


def _skip_markup(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t":
        pos += 1
    while True:
        m = _MARKUP.match(text, pos, end)
        if not m or _VOICE.match(text, pos, end):
            return pos
        pos = m.end()
        while pos < end and text[pos] in " \t":
            pos += 1


class CueReader:
    """Feeds cues to the builder, keeping track of who is speaking."""

    __slots__ = ("break_pending", "builder", "chapter_starts", "current", "last_end", "last_shown", "names",
                 "next_chapter", "paragraph_end", "paragraph_length", "paragraph_start", "parts", "previous",
                 "previous_cue", "stops", "text", "turn_length")

    def __init__(self, text: str, builder: TranscriptBuilder, names: set[str],
                 chapter_starts: list[float] | None = None):
        self.text = text
        self.builder = builder
        self.names = names
        self.chapter_starts = sorted(chapter_starts or [])
        self.next_chapter = 0  # index of the first chapter not yet reached
        self.current: str | None = None  # label of the speaker now talking
        self.previous: str | None = None  # the different speaker heard before them
        self.last_end: float | None = None
        self.break_pending = False
        self.last_shown = ""  # the words last emitted: does the paragraph end a sentence so far?
        self.stops = False  # whether any words emitted so far ended a sentence
        self.parts: list[str] = []  # the paragraph being gathered, and where it is in the source
        self.paragraph_start = self.paragraph_end = -1
        self.paragraph_length = 0
        self.turn_length = 0
        self.previous_cue: list[Span] = []  # the last cue's lines

    def read(self, items: list[Item], speaker_lines: dict[int, str] | None = None) -> None:
        """`speaker_lines` maps the index of a cue whose first line names its speaker, and nothing else (the older
        Teams text export), to that name."""
        for index, item in enumerate(items):
            if isinstance(item, Cue):
                label = speaker_lines.get(index) if speaker_lines else None
                if label is not None:
                    self._speaker(label, item.lines[0], item.start)
                    item = Cue(item.start, item.end, item.lines[1:])
                self.cue(item)
            else:
                self._line(*item, cue_start=None, dash_index=0)
        self._flush()

    def cue(self, cue: Cue) -> None:
        if self.chapter_starts:
            self._chapter(cue.start)
        pause = self.last_end is not None and cue.start - self.last_end >= PARAGRAPH_PAUSE
        long = self.paragraph_length >= LONG_PARAGRAPH
        ended = (pause or long) and ends_sentence(self.last_shown)  # read only when it can matter
        if (pause and (ended or long)) or (long and ended) \
                or self.paragraph_length >= (2 * LONG_PARAGRAPH if self.stops else UNPUNCTUATED_PARAGRAPH):
            self.break_pending = True
        dashes = 0
        text = self.text
        # Rolling captions follow on without a gap, and their repeats sit above new words or flash briefly.
        rolling = self.last_end is not None and abs(cue.start - self.last_end) < 0.05
        flash = cue.end - cue.start < 0.1
        before = {self._plain(*span) for span in self.previous_cue} if rolling else _NOTHING
        for index, (ls, le) in enumerate(cue.lines):
            line = text[ls:le]
            if rolling and (flash or index < len(cue.lines) - 1) and self._plain(ls, le) in before:
                # Rolling captions repeat the previous cue's line above the new one: said once, read once.
                self.builder.aside(AsideKind.FURNITURE, ls, le)
            elif "<" not in line and "&" not in line and "{" not in line \
                    and (stripped := line.lstrip())[:1] not in _DASH_STARTS:  # the usual case: no markup, no dash
                self._plain_line(le, stripped, cue.start)
            elif (voice := _VOICE_LINE.match(text, ls, le)) is not None:
                self._voice_line(voice, cue.start)
            elif _DASH.match(text, _skip_markup(text, ls, le), le):
                dashes += 1
                self._line(ls, le, cue.start, dashes)
            else:
                self._line(ls, le, cue.start, 0)
        self.last_end = cue.end
        self.previous_cue = cue.lines

    def _chapter(self, cue_start: float) -> None:
        """A chapter starting at this cue opens a new turn of whoever is speaking."""
        reached = False
        starts = self.chapter_starts
        while self.next_chapter < len(starts) and cue_start >= starts[self.next_chapter] - 0.5:
            self.next_chapter += 1
            reached = True
        if reached and self.current is not None:
            self._flush()
            self.builder.turn(self.current, None, cue_start, new=True)
            self.break_pending = False
            self.turn_length = 0

    def _plain_line(self, le: int, stripped: str, cue_start: float) -> None:
        """A line without markup or dash, ending at `le` (`stripped`: its text less leading blanks): words,
        perhaps after a `Name:`."""
        pos = le - len(stripped)
        if self.names and ":" in stripped:
            m = _name_prefix(self.text, pos, le)
            if m and speaker_key(label := m["label"]) in self.names and name_shape(label):
                self._speaker(label.strip(), (pos, m.end()), cue_start)
                stripped = self.text[m.end():le].lstrip()
                pos = le - len(stripped)
        shown = stripped.rstrip()
        self._emit(pos, pos + len(shown), shown, cue_start)

    def _voice_line(self, m: re.Match[str], cue_start: float) -> None:
        """`<v Name>words</v>` and nothing else, as meeting tools write every cue."""
        self._speaker((m["name"] or "").strip() or UNKNOWN_SPEAKER, m.span("tag"), cue_start)
        if m["close"]:
            self.builder.aside(AsideKind.FURNITURE, *m.span("close"))
        start, end = m.span("words")
        words = m["words"]
        self._emit(start + len(words) - len(words.lstrip()), end - len(words) + len(words.rstrip()), words.strip(),
                   cue_start)

    def _plain(self, start: int, end: int) -> str:
        line = self.text[start:end]
        return line.strip() if "<" not in line and "&" not in line else " ".join(_MARKUP.sub("", line).split())

    def _line(self, ls: int, le: int, cue_start: float | None, dash_index: int) -> None:
        text, builder = self.text, self.builder
        pos = _skip_markup(text, ls, le)
        self._markup_asides(ls, pos)
        if dash_index:
            dash = _DASH.match(text, pos, le)
            assert dash is not None
            builder.aside(AsideKind.FURNITURE, pos, dash.end())
            pos = _skip_markup(text, dash.end(), le)
            self._markup_asides(dash.end(), pos)
        named = False
        if not _VOICE.match(text, pos, le):
            m = _name_prefix(text, pos, le)
            if m and speaker_key(m["label"]) in self.names and name_shape(m["label"]):
                self._speaker(m["label"].strip(), (pos, m.end()), cue_start)
                pos = m.end()
                named = True
        if dash_index and not named and not _VOICE.match(text, pos, le):
            self._speaker(self._dash_voice(dash_index), None, cue_start)
        segment = _Segment()
        for m in _MARKUP.finditer(text, pos, le):
            segment.add(text, pos, m.start())
            voice = _VOICE.fullmatch(m.group())
            if voice:
                self._emit_segment(segment, cue_start)
                segment = _Segment()
                self._speaker((voice["name"] or "").strip() or UNKNOWN_SPEAKER, m.span(), cue_start)
            elif m.group() == "&amp;":  # the reader sees "&"; the rest of the entity is markup
                builder.aside(AsideKind.FURNITURE, m.start() + 1, m.end())
                segment.add(text, m.start(), m.start() + 1)
            else:
                builder.aside(AsideKind.FURNITURE, *m.span())
                if m.group() == "&nbsp;":
                    segment.parts.append(" ")
            pos = m.end()
        segment.add(text, pos, le)
        self._emit_segment(segment, cue_start)

    def _markup_asides(self, start: int, end: int) -> None:
        for m in _MARKUP.finditer(self.text, start, end):
            self.builder.aside(AsideKind.FURNITURE, *m.span())

    def _dash_voice(self, dash_index: int) -> str:
        current = self.current
        unknown = current is None or speaker_key(current) == speaker_key(UNKNOWN_SPEAKER)
        if dash_index == 1:
            return ANONYMOUS_VOICES[0] if unknown or current is None else current
        if self.previous is not None and not unknown:
            return self.previous
        a, b = ANONYMOUS_VOICES
        return b if current is not None and speaker_key(current) == speaker_key(a) else a

    def _speaker(self, label: str, label_span: Span | None, cue_start: float | None) -> None:
        if self.current is not None and speaker_key(label) == speaker_key(self.current):
            if label_span:  # the same voice named again: its tag is furniture
                self.builder.aside(AsideKind.FURNITURE, *label_span)
            return
        if self.current is not None and speaker_key(self.current) != speaker_key(UNKNOWN_SPEAKER):
            self.previous = self.current
        self._flush()
        self.builder.turn(label, label_span, cue_start)
        self.current = label
        self.break_pending = False
        self.turn_length = 0

    def _emit_segment(self, segment: _Segment, cue_start: float | None) -> None:
        self._emit(segment.start, segment.end, "".join(segment.parts).strip(), cue_start)

    def _emit(self, start: int, end: int, shown: str, cue_start: float | None) -> None:
        if not shown:
            return
        if self.current is None:
            self._speaker(UNKNOWN_SPEAKER, None, cue_start)
        if self.break_pending:
            self._flush()
            if self.turn_length >= LONG_TURN and self.current is not None \
                    and speaker_key(self.current) == speaker_key(UNKNOWN_SPEAKER):
                self.builder.turn(None, None, cue_start, new=True)
                self.turn_length = 0
        if not self.parts:
            self.paragraph_start = start
        self.parts.append(shown)
        self.paragraph_length += len(shown) + 1
        self.turn_length += len(shown) + 1
        self.paragraph_end = end
        self.break_pending = False
        self.last_shown = shown
        if not self.stops:
            self.stops = ends_sentence(shown)

    def _flush(self) -> None:
        """Hand the gathered paragraph to the builder, once: joining cue by cue there would be quadratic."""
        if self.parts:
            self.builder.paragraph(self.paragraph_start, self.paragraph_end, " ".join(self.parts))
            self.parts = []
            self.paragraph_length = 0


class _Segment:
    """Text of one speaker within a cue line, markup removed, with its source span."""

    __slots__ = ("end", "parts", "start")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.start = -1
        self.end = -1

    def add(self, text: str, start: int, end: int) -> None:
        piece = text[start:end]
        if not piece.strip():
            if piece:
                self.parts.append(" ")
            return
        if self.start < 0:
            self.start = start + len(piece) - len(piece.lstrip())
        self.end = end - (len(piece) - len(piece.rstrip()))
        self.parts.append(piece)
