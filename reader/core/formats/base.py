"""What every layout parser shares: the builder that turns parse events into a `Transcript`.

A parser walks the source text once and tells the builder what it saw, in source order:
``aside()`` for text that belongs to no turn, ``turn()`` when a speaker starts talking, ``paragraph()``
for text. The builder assigns indices, ids, exchanges, speaker roles and counts, so parsers stay small.
"""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, overload

from reader.core.exchanges import numbered_as_written, research_name, research_roles, roles_and_exchanges
from reader.core.formats.label_styles import question_number
from reader.core.formats.names import display_name as display_name  # re-exported: where it always was
from reader.core.formats.names import display_names
from reader.core.formats.spans import blank_out, merged, outside, strip
from reader.core.model import (
    UNKNOWN_SPEAKER,
    UNKNOWN_SPEAKER_KEY,
    Aside,
    AsideKind,
    Heading,
    Metadata,
    Paragraph,
    Role,
    Span,
    Speaker,
    Transcript,
    Turn,
)
from reader.core.words import count_words

_WS = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # called for every turn with a handful of distinct labels
def speaker_key(label: str) -> str:
    """The identity of a label: case, punctuation and titles' dots do not make a new speaker."""
    folded = unicodedata.normalize("NFKC", label).casefold()
    folded = re.sub(r"[*_.:]+", " ", folded)
    return _WS.sub(" ", folded).strip() or UNKNOWN_SPEAKER_KEY


def single_spaced(text: str) -> str:
    """`text` with its hard wraps joined and each run of whitespace (no-break spaces too) made one space. Most
    paragraphs are so already: their only whitespace is one space between words (every other whitespace character
    is unprintable), and they are kept as they are, three times quicker than splitting and joining them."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _fingerprint(words: str) -> str:
    """Hash of the turns' words (paragraph texts, already single-spaced, joined by spaces), so line ends,
    wrapping, labels and encoding do not change it."""
    return hashlib.sha256(unicodedata.normalize("NFC", words).encode("utf-8")).hexdigest()[:16]


class _PendingTurn:
    """A turn being gathered; `key` is its label's `speaker_key`, worked out once."""

    __slots__ = ("asks", "key", "label", "label_span", "paragraphs", "span_start", "start")

    def __init__(self, label: str, label_span: Span | None, start: float | None, span_start: int = 0,
                 key: str | None = None, asks: bool = False):
        self.asks = asks  # the label says the turn asks (a select committee's numbered question)
        self.label = label
        self.label_span = label_span
        self.start = start
        self.paragraphs: list[Paragraph] = []
        self.span_start = span_start
        self.key = speaker_key(label) if key is None else key




class TranscriptBuilder:
    """Gathers a parser's events. `hidden` are stretches of `source` a container already placed (page furniture,
    headings it found in the markup): the parser sees them as spaces, and they become asides of their kind."""

    def __init__(self, source: str, layout: str, encoding: str = "utf-8", path: str | None = None, *,
                 hidden: Sequence[tuple[AsideKind, Span]] = (), source_format: str = "text"):
        self.original = source
        self.hidden = hidden
        self.source = blank_out(source, [span for _, span in hidden]) if hidden else source
        self.layout = layout
        self.encoding = encoding
        self.path = path
        self.source_format = source_format
        self.metadata = Metadata()
        self.warnings: list[str] = []
        self.blocks: Sequence[Any] = ()  # a container's blocks, for the layouts that read them (`structured`)
        self._asides: list[tuple[AsideKind, int, int]] = []  # made into `Aside`s when read (see `Asides`)
        self._turns: list[_PendingTurn] = []
        self._roles: dict[str, Role] = {}
        self._names: dict[str, str] = {}
        self._headings: list[tuple[str, int, int | None, float | None]] = []

    # --- parse events -------------------------------------------------------------------------

    def aside(self, kind: AsideKind, start: int, end: int) -> None:
        """source[start:end] belongs to no turn (a blank stretch is no aside: it is left out when read)."""
        self._asides.append((kind, start, end))

    def turn(self, label: str | None, label_span: Span | None = None, start: float | None = None, *,
             new: bool = False, asks: bool = False) -> None:
        """A speaker starts talking. The same speaker as the previous turn continues that turn
        (consecutive cues of one voice, a label repeated after a page break), unless the turn is `new`: a
        script's action in the next scene, a parser cutting one voice's long speech into turns (speakerless
        captions, a chapter starting). A turn that `asks` by its label (`Q12 Chair:`) is a question, and new."""
        label = label.strip() if label else UNKNOWN_SPEAKER
        key = speaker_key(label)
        if not (new or asks) and self._turns and self._turns[-1].key == key:
            if label_span:  # the repeated label is kept aside, so its text is not lost
                self.aside(AsideKind.FURNITURE, *label_span)
            return
        span_start = label_span[0] if label_span else -1
        self._turns.append(_PendingTurn(label, label_span, start, span_start, key, asks))

    def paragraph(self, start: int, end: int, text: str | None = None) -> None:
        """Text at source[start:end]; `text` overrides it when furniture inside the span was removed."""
        shown = single_spaced(self.source[start:end] if text is None else text)
        if not shown:
            return
        if not self._turns:
            self._turns.append(_PendingTurn(UNKNOWN_SPEAKER, None, None, span_start=start))
        pending = self._turns[-1]
        if pending.span_start < 0:
            pending.span_start = start
        pending.paragraphs.append(Paragraph(shown, (start, end)))

    def heading(self, title: str, level: int = 1, *, at: int | None = None, start: float | None = None) -> None:
        """The document names a section here: at source offset `at` (its text is kept aside by whoever found it),
        or at `start` seconds into the recording (a chapter list). Its section opens at the first turn that
        begins at or after that point."""
        title = " ".join(title.split())
        if title:
            self._headings.append((title, level, at, start))

    def set_role(self, label: str, role: Role) -> None:
        """Let a parser that knows the roles (a press briefing's `Q`) say so."""
        self._roles[speaker_key(label)] = role

    def set_name(self, label: str, name: str) -> None:
        """Let a parser that finds who a label stands for (a research interview's legend, `I = Interviewerin
        (Lena Vogt)`, above its `I:` turns) show that name."""
        self._names[speaker_key(label)] = name

    # --- assembly -----------------------------------------------------------------------------

    def build(self) -> Transcript:
        pending = [t for t in self._turns if t.paragraphs]
        if len(pending) < len(self._turns):
            for t in self._turns:
                if not t.paragraphs and t.label_span:  # a label with nothing said: keep its text aside
                    self.aside(AsideKind.FURNITURE, *t.label_span)
        keys = [t.key for t in pending]
        labels: dict[str, str] = {}
        for t in pending:
            if t.key not in labels:
                labels[t.key] = t.label
        texts = [t.paragraphs[0].text if len(t.paragraphs) == 1 else " ".join([p.text for p in t.paragraphs])
                 for t in pending]
        marked = [i for i, t in enumerate(pending) if t.asks]
        research = research_roles(labels)  # `I:` beside `R:`: the letters say who asks
        roles, exchanges = roles_and_exchanges(keys, texts, list(labels), {**research, **self._roles},
                                               UNKNOWN_SPEAKER_KEY, marked,
                                               timed=any(t.start is not None for t in pending))
        if marked:  # the committee's own numbers (`Q34 Chair:`), as it wrote them
            numbers = {i: number for i in marked if (span := pending[i].label_span)
                       and (number := question_number(self.source, span[0])) is not None}
            exchanges = numbered_as_written(exchanges, numbers)
        exchange_of: list[int] = []
        for e in exchanges:
            exchange_of.extend([e.index] * (e.last_turn - e.first_turn + 1))

        seen: dict[str, int] = {}
        turns: list[Turn] = []
        said: dict[str, list[str]] = {key: [] for key in labels}
        sha1 = hashlib.sha1
        for index, (t, words) in enumerate(zip(pending, texts, strict=True)):
            key = t.key
            paragraphs = t.paragraphs
            digest = sha1(f"{key}|{words}".encode()).hexdigest()[:10]
            count = seen.get(digest, 0) + 1
            seen[digest] = count
            turn_id = f"t{digest}" if count == 1 else f"t{digest}-{count}"
            turns.append(Turn(index, turn_id, key, tuple(paragraphs), t.start, (t.span_start, paragraphs[-1].span[1]),
                              t.label_span, exchange_of[index]))
            said[key].append(words)
        turn_counts = Counter(keys)
        # One count per speaker over all they said: far fewer calls than one per turn, and the same words,
        # since no word spans the space that joins two turns.
        word_counts = {key: count_words(" ".join(spoken)) for key, spoken in said.items()}
        names = [self._names.get(key) or (research_name(key) if key in research else None) or name
                 for key, name in zip(labels, display_names(list(labels.values())), strict=True)]
        speakers = tuple(
            Speaker(key, label, name, roles[key], turn_counts[key], word_counts[key])
            for (key, label), name in zip(labels.items(), names, strict=True)
        )
        metadata = self.metadata
        headings = _place_headings(self._headings, turns)
        if metadata.source is None and self.path:
            metadata = replace(metadata, source=Path(self.path).name)
        return Transcript(
            source=self.original,
            layout=self.layout,
            encoding=self.encoding,
            metadata=metadata,
            speakers=speakers,
            turns=tuple(turns),
            exchanges=tuple(exchanges),
            asides=Asides(self.original, tuple(self._asides), tuple(self.hidden)),  # later events are not its
            fingerprint=_fingerprint(" ".join(texts)),
            path=self.path,
            warnings=tuple(self.warnings),
            headings=headings,
            source_format=self.source_format,
        )


def _place_headings(found: list[tuple[str, int, int | None, float | None]], turns: list[Turn]) -> tuple[Heading, ...]:
    """Each heading at the first turn that starts at or after it; headings past the last turn, and a heading whose
    section would be empty because the next one opens at the same turn, are dropped (the later one wins)."""
    if not turns or not found:
        return ()
    starts = [t.span[0] for t in turns]
    times = [t.start for t in turns]
    placed: list[Heading] = []
    for title, level, at, start in found:
        if at is not None:
            index = bisect_left(starts, at)
        elif start is not None:
            index = next((i for i, t in enumerate(times) if t is not None and t >= start - 0.5), len(turns))
        else:
            continue
        if index >= len(turns):
            continue
        while placed and placed[-1].turn == index and placed[-1].level >= level:
            placed.pop()
        if placed and placed[-1].turn > index:
            continue  # out of order (a chapter list that disagrees with the text): keep the document's order
        placed.append(Heading(title, index, level))
    return tuple(placed)


class Asides(Sequence[Aside]):
    """A transcript's asides in source order, made when first read.

    A caption file sets aside every cue's timing line and id, 100k and more in 10 MB, and the reading view never
    looks at them: the builder keeps each one's kind and span, and the `Aside`s (their text, the blank ones left
    out, the order) are made the first time something reads them (`info`, an export). `hidden` are the spans a
    container placed. The parser saw them blanked out, so an aside it reports over one keeps only the stretches
    around it: every aside's text is its span's source, and no character is in two asides."""

    __slots__ = ("_hidden", "_made", "_source", "_spans")

    def __init__(self, source: str, spans: Sequence[tuple[AsideKind, int, int]],
                 hidden: Sequence[tuple[AsideKind, Span]] = ()) -> None:
        self._source = source
        self._spans = spans
        self._hidden = hidden
        self._made: tuple[Aside, ...] | None = None

    def _asides(self) -> tuple[Aside, ...]:
        if self._made is None:  # made twice at worst, by two threads at once: the same asides both times
            source = self._source
            found = [Aside(kind, (start, end), text) for kind, (start, end) in self._hidden
                     if (text := source[start:end]).strip()]
            spans: Iterable[tuple[AsideKind, int, int]] = self._spans
            if self._hidden:
                spans = _around(spans, source, merged([span for _, span in self._hidden]))
            found += [Aside(kind, (start, end), text) for kind, start, end in spans
                      if (text := source[start:end]) and not text.isspace()]
            self._made = _in_source_order(found)
        return self._made

    @overload
    def __getitem__(self, index: int) -> Aside: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Aside, ...]: ...
    def __getitem__(self, index: int | slice) -> Aside | tuple[Aside, ...]:
        return self._asides()[index]

    def __len__(self) -> int:
        return len(self._asides())

    def __iter__(self) -> Iterator[Aside]:
        return iter(self._asides())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return self._asides() == tuple(other)

    def __hash__(self) -> int:
        return hash(self._asides())

    def __repr__(self) -> str:
        return f"Asides({self._asides()!r})"


def _around(spans: Iterable[tuple[AsideKind, int, int]], source: str,
            covered: list[tuple[int, int]]) -> Iterator[tuple[AsideKind, int, int]]:
    """The parser's asides less the stretches a container placed (its own asides already): one that overlaps
    them keeps its pieces around them, each trimmed of the space where it was cut."""
    for kind, start, end in spans:
        pieces = list(outside(start, end, covered))
        if pieces == [(start, end)]:
            yield kind, start, end
        else:
            yield from ((kind, *strip(source, *piece)) for piece in pieces)


def _in_source_order(asides: list[Aside]) -> tuple[Aside, ...]:
    """Asides by span. Parsers report them nearly always in order, so sort (stably, as before) only when not."""
    spans = [a.span for a in asides]
    if all(map(operator.le, spans, islice(spans, 1, None))):
        return tuple(asides)
    return tuple(sorted(asides, key=operator.attrgetter("span")))
