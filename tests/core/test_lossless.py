"""Nothing is lost: for any text, in every layout, parsing never raises and every non-whitespace character
of the input is in a speaker label, a paragraph or an aside, in source order; a paragraph's text is its
span's characters less the furniture nested inside it."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.containers import extract
from reader.core.formats.base import TranscriptBuilder
from reader.core.formats.detect import LAYOUTS, detect_layout
from reader.core.loader import parse_extracted, parse_text, sample_path
from reader.core.model import Transcript
from reader.core.words import count_words

FIXTURES = sorted((Path(__file__).parents[1] / "data" / "layouts").iterdir())

# Pieces of every layout, so random text hits the parsers' interesting paths and not only the plain one.
TOKENS = [
    "Question:", "Sergey Lavrov:", "Q:", "A:", "Q    ", "Q \u00a0 ", "MR. SMITH:", "THE PRESIDENT:", "Dr. J. Doe:",
    "**Jane Doe:**", "**Kelly**", "Note:", "the reason was simple:", "at 20:08", "20:08", "21 July 201720:08",
    "• en-GB1 ru-RU1", "Advanced settings", "---", "title: A", "date: 2021-03-14", "WEBVTT", "00:00:01.000 --> ",
    "00:01.500", "-->", "<v Bob, Jr.>", "</v>", "<v>", "[00:01:23]", "(00:03):", "Emma  0:37", "1", "25", " 12",
    "\f", "CHAIRWOMAN KRUEGER:", "Transcribed by", "- ", "END", "Hello there.", "Why?", "word", "Yes", "Moscow,",
    "\n", "\n\n", " ", "  ", "\t", "\u00a0", "\r", "\r\n", ":", "*", "**", "[", "]", "(", ")", "<", ">", ".", "?",
    "Mr. SMITH.", "The SPEAKER pro tempore.", "Mr. BROWN of Ohio.", "Q.", "A.", "BY MR. JONES:", "EXAMINATION",
    "CROSS-EXAMINATION", "MARIA ALVAREZ, having been duly sworn,", "THE WITNESS:", "Jane Kim (JK):", "JK:",
    "Ana Ruiz (Reuters):", "Ms Lopez:", "(UNKNOWN):", "UNIDENTIFIED SPEAKER:", "SPEAKERS:", "PRESENT:",
    "SPEAKER_00:", "spk_1:", "Speaker 0:", "HUGHES\n", "INT. KITCHEN - NIGHT", "EXT.", "CUT TO:", "FADE IN:",
    "JOHN (V.O.)", "(CONT'D)", "(beat)", "Title: A", "@McCLANE", "^", "# Act", "= synopsis", "===", "> THE END <",
    "abandon [1] 12:4", "able [3] 5:9 7:1", "Page 3 of 40", "ACME REPORTING", "[Rosa Diaz] ", "[laughter]",
    # speech-to-text and caption shapes: SBV, the older Teams text, podcast times, diarisation, chapters
    "0:00:01.000,0:00:04.000", "0:0:4.120 --> 0:0:9.8", "Okafor, Grace", ">> ", ">> MARTA:", "[SPEAKER_02]:",
    "SPEAKER_00", "spk_1", "[Speaker 1] [00:17]", "00:00:04 ", "02:10 Saving for a deposit", "Chapters:",
    "NOTE Chapter: Rates", "NOTE\n00:09 Soil", "Kind: chapters", "-Text", "-",
    # a select committee's numbered questions and panels, a print interview's marks in several languages
    "Q12 Chair:", "Q13            Dr Smith:", "Professor Jones:", "Examination of witnesses", "Witness: Ann Lee.",
    "Witnesses", "II: ", "Ordered by the House of Commons to be published", "Pregunta.", "Respuesta.", "P.", "R.",
    "P.—", "Question.", "Réponse.", "Frage:", "F:", "Antwort:", "Pergunta:", "Вопрос.", "Ответ:",
]
texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60).map("".join)


def problems(t: Transcript) -> list[str]:
    """Everything wrong with `t` as a lossless account of its source (empty when all is well)."""
    source = t.source
    found: list[str] = []
    covered = bytearray(len(source))
    pieces: list[tuple[int, int, str]] = []  # labels and paragraphs in reading order
    for turn in t.turns:
        if turn.label_span:
            pieces.append((*turn.label_span, "label"))
        pieces.extend((*p.span, "paragraph") for p in turn.paragraphs)
    for (_, a_end, a_kind), (b_start, _, b_kind) in pairwise(pieces):
        if b_start < a_end:
            found.append(f"{b_kind} at {b_start} starts before the {a_kind} ending at {a_end}: out of order")
    paragraphs = [(s, e) for s, e, kind in pieces if kind == "paragraph"]
    for aside in t.asides:
        start, end = aside.span
        inside = any(p_start <= start and end <= p_end for p_start, p_end in paragraphs)
        crossing = any(start < p_end and p_start < end for p_start, p_end in paragraphs)
        if crossing and not inside:
            found.append(f"aside {aside.span} {aside.text!r} straddles a paragraph edge")
        if source[start:end] != aside.text:
            found.append(f"aside {aside.span} text differs from its source")
    for start, end in [(s, e) for s, e, _ in pieces] + [a.span for a in t.asides]:
        covered[start:end] = b"\x01" * (end - start)
    lost = "".join(ch for ch, c in zip(source, covered, strict=True) if not c and not ch.isspace())
    if lost:
        found.append(f"characters in no label, paragraph or aside: {lost[:80]!r}")
    asides = [a.span for a in t.asides]
    for p_start, p_end in paragraphs:
        mask = bytearray(p_end - p_start)
        for a_start, a_end in asides:
            if p_start <= a_start and a_end <= p_end:
                mask[a_start - p_start : a_end - p_start] = b"\x01" * (a_end - a_start)
        expected = "".join(ch for ch, m in zip(source[p_start:p_end], mask, strict=True) if not m and not ch.isspace())
        text = next(p.text for turn in t.turns for p in turn.paragraphs if p.span == (p_start, p_end))
        if "".join(text.split()) != expected:
            found.append(f"paragraph {(p_start, p_end)} reads {text[:60]!r}, its source {expected[:60]!r}")
    return found


def parse_strictly(text: str, layout: str) -> Transcript:
    """Parse with no fallback, so a parser's bug fails the test instead of being hidden by plain paragraphs."""
    builder = TranscriptBuilder(text, layout)
    LAYOUTS[layout].parse(text, builder)
    return builder.build()


def test_the_sample_is_lossless() -> None:
    t = parse_text(sample_path().read_text(encoding="utf-8"))
    assert problems(t) == []


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_each_fixture_is_lossless_in_its_layout(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert problems(parse_strictly(text, detect_layout(text))) == []


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("path", [*FIXTURES, sample_path()], ids=lambda p: p.name)
def test_every_fixture_forced_into_every_layout(path: Path, layout: str) -> None:
    assert problems(parse_strictly(path.read_text(encoding="utf-8"), layout)) == []


@pytest.mark.parametrize("layout", list(LAYOUTS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_any_text_in_any_layout(layout: str, text: str) -> None:
    assert problems(parse_strictly(text, layout)) == []


@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_any_text_detected(text: str) -> None:
    t = parse_text(text)
    assert t.warnings == ()  # no parser fell back to plain paragraphs after an error
    assert problems(t) == []


# Markdown's markup, a byte-order mark where files were joined, and half a surrogate pair.
MARKDOWN_TOKENS = ["# ", "## ", "===", "> ", ">", "*Name:*", "__Q:__", "_", "\\_", "\\[", "\\", "`", "```",
                   "[text](http://x.org)", "![alt](a.png)", "<!--", "-->", "<b>", "1. ", "- ", "* * *", "&amp;"]
MARKS = ["\ufeff", "\ud83d", "\udc00"]


@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.one_of(st.sampled_from(TOKENS + MARKDOWN_TOKENS + MARKS), st.text(max_size=4)),
                     max_size=60).map("".join))
def test_any_markdown_rendered(text: str) -> None:
    """A Markdown file's rendered text is as lossless as a text file, and parsing it never raises."""
    t = parse_extracted(extract(text.replace("\0", "").encode("utf-8", "replace"), ".md"))
    assert t.warnings == ()
    assert problems(t) == []


@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.one_of(st.sampled_from(TOKENS + MARKS), st.text(max_size=4)), max_size=60).map("".join))
def test_any_text_with_marks_and_half_characters(text: str) -> None:
    t = parse_text(text)
    assert t.warnings == ()
    assert problems(t) == []


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_mutated_fixtures(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from([*FIXTURES, sample_path()]))
    text = path.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 200)))
        action = data.draw(st.sampled_from(["delete", "duplicate", "insert"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + data.draw(st.sampled_from(TOKENS)) + text[start:]
    layout = data.draw(st.sampled_from([detect_layout(text), *LAYOUTS]))
    assert problems(parse_strictly(text, layout)) == []


_REGEX_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_WORDY = st.sampled_from([*"ab1_ '’.-,;:!?\n\t\x1c", *"“”‘–—…«»•·„‚‹›¿¡§°×\u00a0\u2009\u202f\u200b\u2010\u2011\u2012"
                          "\u2015\u2032\u2033", "Ж", "é", "ß", "٣", "中", "\u0301", "\U0001f600"])


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(alphabet=_WORDY, max_size=40), st.text(max_size=40)))
def test_word_counts_are_the_regex_words(text: str) -> None:
    """Speakers' word counts come from a fast counter; it must find exactly the words of the word pattern."""
    assert count_words(text) == len(_REGEX_WORD.findall(text))
