"""What every layout parser shares: the builder that turns parse events into a `Transcript`.

A parser walks the source text once and tells the builder what it saw, in source order:
``aside()`` for text that belongs to no turn, ``turn()`` when a speaker starts talking, ``paragraph()``
for text. The builder assigns indices, ids, exchanges, speaker roles and counts, so parsers stay small.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reader.core.model import (
    Aside,
    AsideKind,
    Exchange,
    Metadata,
    Paragraph,
    Role,
    Span,
    Speaker,
    Transcript,
    Turn,
    count_words,
)

UNKNOWN_SPEAKER = "Unknown speaker"

_INTERVIEWER_LABELS = re.compile(
    r"^(q|question|questions|interviewer|host|moderator|presenter|reporter|journalist|"
    r"correspondent|anchor|interviewer \d+|q\d*)$",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # called for every turn with a handful of distinct labels
def speaker_key(label: str) -> str:
    """The identity of a label: case, punctuation and titles' dots do not make a new speaker."""
    folded = unicodedata.normalize("NFKC", label).casefold()
    folded = re.sub(r"[*_.:]+", " ", folded)
    return _WS.sub(" ", folded).strip() or UNKNOWN_SPEAKER.casefold()


def display_name(label: str) -> str:
    """`MR. SMITH` -> `Mr. Smith`; mixed-case labels are kept as written."""
    label = _WS.sub(" ", label.strip().strip("*_").strip())
    if label.isupper() and len(label) > 2:
        return " ".join(w.capitalize() if not re.fullmatch(r"[A-Z]\.?", w) else w for w in label.split())
    return label


def clean_text(text: str) -> str:
    """Join hard-wrapped lines and collapse runs of whitespace (including no-break spaces)."""
    return " ".join(text.split())  # str.split() knows the same whitespace as \s, several times faster


def fingerprint(text: str) -> str:
    """Hash of the words of the text, so line ends, wrapping and encoding do not change it."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def _clean_fingerprint(clean: str) -> str:
    """`fingerprint` of text whose whitespace is already single spaces (joined paragraph texts): one pass less."""
    return hashlib.sha256(unicodedata.normalize("NFC", clean).encode("utf-8")).hexdigest()[:16]


@dataclass
class _PendingTurn:
    label: str
    label_span: Span | None
    start: float | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    span_start: int = 0


class TranscriptBuilder:
    def __init__(self, source: str, layout: str, encoding: str = "utf-8", path: str | None = None):
        self.source = source
        self.layout = layout
        self.encoding = encoding
        self.path = path
        self.metadata = Metadata()
        self.warnings: list[str] = []
        self._asides: list[Aside] = []
        self._turns: list[_PendingTurn] = []
        self._roles: dict[str, Role] = {}

    # --- parse events -------------------------------------------------------------------------

    def aside(self, kind: AsideKind, start: int, end: int) -> None:
        if end > start and self.source[start:end].strip():
            self._asides.append(Aside(kind, (start, end), self.source[start:end]))

    def turn(self, label: str | None, label_span: Span | None = None, start: float | None = None) -> None:
        """A speaker starts talking. The same speaker as the previous turn continues that turn
        (consecutive cues of one voice, a label repeated after a page break)."""
        label = label.strip() if label else UNKNOWN_SPEAKER
        if self._turns and speaker_key(self._turns[-1].label) == speaker_key(label):
            if label_span:  # the repeated label is kept aside, so its text is not lost
                self.aside(AsideKind.FURNITURE, *label_span)
            return
        span_start = label_span[0] if label_span else -1
        self._turns.append(_PendingTurn(label, label_span, start, span_start=span_start))

    def paragraph(self, start: int, end: int, text: str | None = None) -> None:
        """Text at source[start:end]; `text` overrides it when furniture inside the span was removed."""
        shown = clean_text(self.source[start:end] if text is None else text)
        if not shown:
            return
        if not self._turns:
            self._turns.append(_PendingTurn(UNKNOWN_SPEAKER, None, None, span_start=start))
        pending = self._turns[-1]
        if pending.span_start < 0:
            pending.span_start = start
        pending.paragraphs.append(Paragraph(shown, (start, end)))

    def set_role(self, label: str, role: Role) -> None:
        """Let a parser that knows the roles (a press briefing's `Q`) say so."""
        self._roles[speaker_key(label)] = role

    # --- assembly -----------------------------------------------------------------------------

    def build(self) -> Transcript:
        pending = [t for t in self._turns if t.paragraphs]
        for t in self._turns:
            if not t.paragraphs and t.label_span:  # a label with nothing said: keep its text aside
                self.aside(AsideKind.FURNITURE, *t.label_span)
        labels: dict[str, str] = {}
        for t in pending:
            labels.setdefault(speaker_key(t.label), t.label)
        roles = infer_roles(pending, labels, self._roles)
        exchanges = _exchanges(pending, roles)
        exchange_of = {i: e.index for e in exchanges for i in e.turn_range}

        seen: Counter[str] = Counter()
        turns: list[Turn] = []
        turn_counts: Counter[str] = Counter()
        said: dict[str, list[str]] = {}
        all_words: list[str] = []
        for index, t in enumerate(pending):
            key = speaker_key(t.label)
            words = " ".join(p.text for p in t.paragraphs)
            all_words.append(words)
            digest = hashlib.sha1(f"{key}|{words}".encode()).hexdigest()[:10]
            seen[digest] += 1
            turn_id = f"t{digest}" if seen[digest] == 1 else f"t{digest}-{seen[digest]}"
            end = t.paragraphs[-1].span[1]
            turns.append(
                Turn(index, turn_id, key, tuple(t.paragraphs), t.start, (t.span_start, end), t.label_span,
                     exchange_of[index])
            )
            turn_counts[key] += 1
            said.setdefault(key, []).append(words)
        # One count per speaker over all they said: far fewer calls than one per turn, and the same words,
        # since no word spans the space that joins two turns.
        word_counts = {key: count_words(" ".join(texts)) for key, texts in said.items()}
        speakers = tuple(
            Speaker(key, label, display_name(label), roles[key], turn_counts[key], word_counts[key])
            for key, label in labels.items()
        )
        metadata = self.metadata
        if metadata.source is None and self.path:
            from dataclasses import replace
            from pathlib import Path

            metadata = replace(metadata, source=Path(self.path).name)
        return Transcript(
            source=self.source,
            layout=self.layout,
            encoding=self.encoding,
            metadata=metadata,
            speakers=speakers,
            turns=tuple(turns),
            exchanges=tuple(exchanges),
            asides=tuple(sorted(self._asides, key=lambda a: a.span)),
            fingerprint=_clean_fingerprint(" ".join(all_words)),
            path=self.path,
            warnings=tuple(self.warnings),
        )


def infer_roles(pending: list[_PendingTurn], labels: dict[str, str], known: dict[str, Role]) -> dict[str, Role]:
    """The side that asks the questions is the interviewer; the one who answers most is the interviewee."""
    roles: dict[str, Role] = {key: Role.OTHER for key in labels}
    roles.update({k: v for k, v in known.items() if k in roles})
    if Role.INTERVIEWER not in roles.values():
        named = [k for k in labels if _INTERVIEWER_LABELS.match(k)]
        if named:
            for k in named:
                roles[k] = Role.INTERVIEWER
        elif len(labels) >= 2:
            asked: Counter[str] = Counter()
            turns: Counter[str] = Counter()
            for t in pending:
                key = speaker_key(t.label)
                turns[key] += 1
                if t.paragraphs[-1].text.rstrip().endswith("?"):
                    asked[key] += 1
            ratios = {k: asked[k] / turns[k] for k in turns if turns[k] >= 2}
            if ratios:
                best = max(ratios, key=lambda k: ratios[k])
                others = [r for k, r in ratios.items() if k != best]
                if ratios[best] >= 0.4 and all(ratios[best] >= 2 * r for r in others):
                    roles[best] = Role.INTERVIEWER
    if Role.INTERVIEWER in roles.values() and Role.INTERVIEWEE not in roles.values():
        words: Counter[str] = Counter()
        for t in pending:
            key = speaker_key(t.label)
            if roles[key] is Role.OTHER and key != speaker_key(UNKNOWN_SPEAKER):
                words[key] += sum(len(p.text) for p in t.paragraphs)
        if words:
            top = words.most_common(1)[0][0]
            roles[top] = Role.INTERVIEWEE
    return roles


def _exchanges(pending: list[_PendingTurn], roles: dict[str, Role]) -> list[Exchange]:
    exchanges: list[Exchange] = []
    has_interviewer = Role.INTERVIEWER in roles.values()
    number = 0
    first = 0
    question: int | None = None
    for i, t in enumerate(pending):
        asks = roles[speaker_key(t.label)] is Role.INTERVIEWER
        opens = asks if has_interviewer else True
        # Consecutive interviewer turns (a question split by a cue) stay one question.
        if opens and i > 0 and has_interviewer and roles[speaker_key(pending[i - 1].label)] is Role.INTERVIEWER:
            opens = False
        if opens and i > first:
            exchanges.append(Exchange(len(exchanges), first, i - 1, question, number if question is not None else None))
            first = i
        if opens:
            first = i
            if asks:
                number += 1
                question = i
            else:
                question = None
    if pending:
        exchanges.append(Exchange(len(exchanges), first, len(pending) - 1, question,
                                  number if question is not None else None))
    return exchanges
