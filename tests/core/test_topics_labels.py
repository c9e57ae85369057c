"""The label rules of issue 9: who is given the floor names nothing, names keep the capitals the text gives them,
a label has a head noun and is never cut inside a phrase, and a section is named for what its topics share."""

from __future__ import annotations

from reader.core.loader import parse_text
from reader.core.topics.label import _display_phrase, speaker_terms
from reader.core.topics.terms import build_terms, term_lookup

BRIEFING = "\n\n".join([
    "Moderator: Good morning. Our first question is from Tom Hadley at the Herald.",
    "Question: On the stadium, how much public money is going in?",
    "Mayor: None of the operating costs. We import steel from China, and the builder pays for it.",
    "Moderator: Next we have Sofia Marin from Radio Latina.",
    "Question: On the heat wave, are the cooling centres open at night?",
    "Mayor: They are, until nine, and the libraries too.",
    "Host: Y la primera pregunta es de Marta, de Zaragoza. Dice que no sabe qué cenar.",
])


def test_reporters_and_callers_given_the_floor_and_their_outlets_name_nothing() -> None:
    excluded = speaker_terms(parse_text(BRIEFING))
    assert {term_lookup(w) for w in ("Hadley", "Herald", "Sofia", "Marin", "Latina", "Marta")} <= excluded
    assert term_lookup("China") not in excluded  # "steel from China, and": a place talked about, nobody asking
    assert term_lookup("Zaragoza") not in excluded  # a caller's town may be what the call is about


def test_a_first_name_keeps_its_capital_before_a_surname() -> None:
    transcript = parse_text("Host: Ben Osei has the next question. Ben is new.\n\n"
                            "Guest: I spoke to Osei yesterday, and to Osei's editor.")
    table = build_terms(transcript)
    gram = (term_lookup("Ben"), term_lookup("Osei"))
    assert _display_phrase(("Ben", "Osei"), gram, table) == "Ben Osei"  # type: ignore[arg-type]
