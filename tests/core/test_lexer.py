"""The transcript lexer: found by Pygments, usable from `pygmentize`, and the spans the view colours."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pygments.lexers import find_lexer_class_for_filename, get_lexer_by_name
from pygments.token import Comment, Name, Number, String

from reader.core.lexer import TranscriptLexer, token_spans

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def marked(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for start, end, kind in token_spans(text)]


def test_pygments_finds_the_lexer_by_name_and_by_file_name() -> None:
    assert isinstance(get_lexer_by_name("transcript"), TranscriptLexer)
    assert find_lexer_class_for_filename("interview.transcript") is TranscriptLexer
    # It does not take plain text files away from the lexers that own them.
    assert find_lexer_class_for_filename("notes.txt") is not TranscriptLexer


def test_pygmentize_highlights_a_file(tmp_path: Path) -> None:
    source = tmp_path / "interview.transcript"
    source.write_text("Q: Where were you at 20:08?\nMR. SMITH: At home. [laughter]\n", encoding="utf-8")
    pygmentize = Path(sys.executable).with_name("pygmentize")
    result = subprocess.run([str(pygmentize), "-l", "transcript", "-f", "html", str(source)],
                            capture_output=True, text=True, check=True, timeout=60)
    assert '<span class="nt">Q:</span>' in result.stdout
    assert '<span class="nt">MR. SMITH:</span>' in result.stdout
    assert '<span class="c">[laughter]</span>' in result.stdout


@pytest.mark.parametrize(("line", "label"), [
    ("Q: What happened?", "Q:"),
    ("Question: And then?", "Question:"),
    ("MR. SMITH: I object.", "MR. SMITH:"),
    ("THE PRESIDENT: Thank you.", "THE PRESIDENT:"),
    ("Dr. J. Doe: Good evening.", "Dr. J. Doe:"),
    ("**Jane:** Hello.", "Jane:"),
    ("Sergey Lavrov: Thank you.", "Sergey Lavrov:"),
    ("Maria de la Cruz: Yes.", "Maria de la Cruz:"),
])
def test_speaker_labels_at_the_start_of_a_line(line: str, label: str) -> None:
    assert marked(line)[0] == ("speaker", label)


@pytest.mark.parametrize("line", [
    "Note: the meeting moved.",
    "The reason was simple: money.",
    "We left at 20:08 sharp.",
    "He said it twice (which was unusual) and left.",
    "and then Jane: she said no.",
])
def test_prose_is_left_alone(line: str) -> None:
    assert marked(line) == []


def test_timestamped_labels() -> None:
    assert marked("Jane Doe (00:03):") == [("speaker", "Jane Doe"), ("timestamp", "(00:03)")]
    assert marked("[00:01:23] Kelly: text") == [("timestamp", "[00:01:23]"), ("speaker", "Kelly:")]
    assert marked("**Kelly** [0:18] Hi.") == [("speaker", "Kelly"), ("timestamp", "[0:18]")]
    assert marked("Emma  0:37\nHello.") == [("speaker", "Emma"), ("timestamp", "0:37")]
    assert marked("00:00:01.000 --> 00:00:04.000 align:start\n<v Smith, Jane>Hi") == [
        ("timestamp", "00:00:01.000"), ("timestamp", "00:00:04.000"), ("speaker", "<v Smith, Jane>")]


def test_stage_directions_and_quotes() -> None:
    text = 'I said “no” and "never" [laughter] (inaudible) [crosstalk] (LAUGHS) «non» (audio cuts out)'
    assert marked(text) == [
        ("quote", "“no”"), ("quote", '"never"'), ("stage", "[laughter]"), ("stage", "(inaudible)"),
        ("stage", "[crosstalk]"), ("stage", "(LAUGHS)"), ("quote", "«non»"), ("stage", "(audio cuts out)"),
    ]


def test_a_quote_does_not_run_past_a_blank_line() -> None:
    assert marked("He said “wait\n\nand stop”.") == []
    assert marked("He said “wait\nand stop”.") == [("quote", "“wait\nand stop”")]


def test_offsets_are_exact_with_tabs_and_without_a_final_newline() -> None:
    text = "\tQ:\tWhere?\t[pause]"
    assert token_spans(text) == [(1, 3, "speaker"), (11, 18, "stage")]


def test_token_types_are_the_documented_ones() -> None:
    tokens = {value: token for token, value in TranscriptLexer().get_tokens('Q: [0:12] "hi" (laughs)\n')}
    assert tokens["Q:"] in Name.Tag
    assert tokens["[0:12]"] in Number
    assert tokens['"hi"'] in String
    assert tokens["(laughs)"] in Comment


def test_every_fixture_is_tokenised_without_losing_text() -> None:
    lexer = TranscriptLexer()
    for path in sorted(LAYOUTS.iterdir()):
        text = path.read_text(encoding="utf-8-sig")
        pieces = list(lexer.get_tokens_unprocessed(text))
        assert "".join(value for _, _, value in pieces) == text, path.name


@given(st.text(alphabet=st.sampled_from(list('QA:[]()"“”«» \n\t0123456789abcJane.-*<>v')), max_size=80))
def test_spans_are_ordered_and_inside_the_text(text: str) -> None:
    spans = token_spans(text)
    position = 0
    for start, end, kind in spans:
        assert position <= start < end <= len(text)
        assert kind in {"speaker", "timestamp", "stage", "quote"}
        position = end
