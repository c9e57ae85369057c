"""Checks every layout test applies to a parsed transcript: nothing lost, nothing invented; and what the layout
tests read off a transcript (who speaks each turn, the labels as written, the questions, the roles)."""

from __future__ import annotations

from reader.core.model import Role, Transcript


def unaccounted(t: Transcript) -> str:
    """Non-whitespace characters of the source that are in no label, aside or paragraph (should be "")."""
    covered = bytearray(len(t.source))
    spans = [a.span for a in t.asides]
    for turn in t.turns:
        if turn.label_span:
            spans.append(turn.label_span)
        spans.extend(p.span for p in turn.paragraphs)
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    return "".join(ch for ch, c in zip(t.source, covered, strict=True) if not c and not ch.isspace())


def paragraph_mismatches(t: Transcript) -> list[tuple[str, str]]:
    """Paragraphs whose text is not their span's characters less the asides inside it, as (text, expected)."""
    asides = sorted(a.span for a in t.asides)
    bad: list[tuple[str, str]] = []
    for turn in t.turns:
        for p in turn.paragraphs:
            start, end = p.span
            inside = bytearray(end - start)
            for a_start, a_end in asides:
                if a_end > start and a_start < end:
                    lo, hi = max(a_start, start), min(a_end, end)
                    inside[lo - start : hi - start] = b"\x01" * (hi - lo)
            expected = "".join(ch for ch, c in zip(t.source[start:end], inside, strict=True)
                               if not c and not ch.isspace())
            if "".join(p.text.split()) != expected:
                bad.append((p.text, expected))
    return bad


def assert_lossless(t: Transcript) -> None:
    assert unaccounted(t) == ""
    assert paragraph_mismatches(t) == []


def names(t: Transcript) -> list[str]:
    """Who speaks each turn, by display name."""
    return [t.speaker(turn).name for turn in t.turns]


def labels(t: Transcript) -> list[str]:
    """Each turn's label as the document writes it."""
    return [t.source[slice(*turn.label_span)] if turn.label_span else "" for turn in t.turns]


def questions(t: Transcript) -> list[int]:
    """The turns that open an exchange with a question."""
    return [e.question for e in t.exchanges if e.question is not None]


def roles(t: Transcript) -> dict[str, Role]:
    return {s.name: s.role for s in t.speakers}
