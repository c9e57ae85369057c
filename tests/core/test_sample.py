"""The sample interview (a scraped web page) gives the figures the issue names, in the model and on the CLI.

The issue counts 12 unlabelled paragraphs; the file holds 11 between the first label and the page furniture
(the 12th block without a label is the `Advanced settings` link, which is boilerplate). We check the 11 by
their opening words and the turn each belongs to.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.core.loader import sample_path
from reader.core.model import AsideKind, Role, Transcript

TITLE = "Foreign Minister Sergey Lavrov's interview with NBC, Moscow, July 21, 2017"

# Opening words of each unlabelled paragraph and the 0-based turn it continues.
CONTINUATIONS = [
    ("But with John Kerry for example", 3),
    ("Maybe President Obama was personally offended", 5),
    ("As for the situation in which he found himself", 7),
    ("It was the Russian Federation along with China", 25),
    ("By the way, you said that President Trump", 45),
    ("And I understand that the United States", 51),
    ("But it was interesting to read", 55),
    ("And by the way, this was the reason", 57),
    ("The proposals that have been put on the table", 59),
    ("By the way, on that very day", 61),
    ("Therefore, not in place of", 61),
]


def ascii_quotes(text: str) -> str:
    """The file writes a typographic apostrophe; the title keeps it. Compare the words, not the glyph."""
    return text.replace("’", "'").replace("‘", "'")


def test_turns_and_speakers(sample: Transcript) -> None:
    assert len(sample.turns) == 62
    by_label = {s.label: s for s in sample.speakers}
    assert set(by_label) == {"Question", "Sergey Lavrov"}
    assert by_label["Question"].turns == 31
    assert by_label["Sergey Lavrov"].turns == 31
    assert by_label["Question"].role is Role.INTERVIEWER
    assert by_label["Sergey Lavrov"].role is Role.INTERVIEWEE
    assert [sample.speaker(t).label for t in sample.turns[:2]] == ["Question", "Sergey Lavrov"]


def test_exchanges_pair_each_question_with_its_answer(sample: Transcript) -> None:
    assert len(sample.exchanges) == 31
    for number, exchange in enumerate(sample.exchanges, start=1):
        assert exchange.label == f"Q{number}"
        assert exchange.turn_range == range(2 * number - 2, 2 * number)


def test_unlabelled_paragraphs_continue_the_right_turn(sample: Transcript) -> None:
    continued = [(p.text, turn.index) for turn in sample.turns for p in turn.paragraphs[1:]]
    assert len(continued) == len(CONTINUATIONS)
    for (text, index), (opening, expected) in zip(continued, CONTINUATIONS, strict=True):
        assert text.startswith(opening)
        assert index == expected
        assert sample.speaker(sample.turns[index]).label == "Sergey Lavrov"
    assert sample.paragraph_count == 62 + 11


def test_the_issue_count_of_twelve_unlabelled_blocks(sample: Transcript) -> None:
    """After the header, 12 blocks open without a label: the 11 continuations and the `Advanced settings` link."""
    body = sample.source[sample.source.index("Question:") :]
    blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
    unlabelled = [b for b in blocks if not b.startswith(("Question:", "Sergey Lavrov:"))]
    assert len(unlabelled) == 12
    assert unlabelled[-1] == "Advanced settings"
    assert [a.text for a in sample.boilerplate][-1] == "Advanced settings"


def test_metadata(sample: Transcript) -> None:
    meta = sample.metadata
    assert meta.title is not None
    assert "’" in meta.title  # kept as the source writes it
    assert ascii_quotes(meta.title) == TITLE
    assert (meta.date, meta.time, meta.place) == ("2017-07-21", "20:08", "Moscow")


def test_header_switcher_and_furniture_are_in_no_turn(sample: Transcript) -> None:
    boilerplate = [a.text.strip() for a in sample.boilerplate]
    assert boilerplate == ["Translation (original)", "Translation (original)", "Speeches by Minister",
                           "• en-GB1 ru-RU1", "Advanced settings"]
    headers = [a.text for a in sample.asides if a.kind is AsideKind.HEADER]
    assert headers == ["21 July 201720:08", sample.metadata.title]
    for turn in sample.turns:
        for aside in sample.asides:
            assert aside.span[1] <= turn.span[0] or aside.span[0] >= turn.span[1]
    assert "Advanced settings" not in sample.turns[-1].text
    assert sample.turns[-1].text.endswith("the disaster which is looming.")


def test_first_and_last_turn_text(sample: Transcript) -> None:
    assert sample.turns[0].text.startswith("Minister, thank you very much for your time.")
    assert sample.turns[1].text == "So what?"
    assert sample.speaker(sample.turns[-1]).label == "Sergey Lavrov"


def _check_summary(summary: dict) -> None:
    assert summary["layout"] == "webpage"
    assert summary["turns"] == 62
    assert summary["exchanges"] == 31
    assert summary["paragraphs"] == 73
    meta = summary["metadata"]
    assert ascii_quotes(meta["title"]) == TITLE
    assert (meta["date"], meta["time"], meta["place"]) == ("2017-07-21", "20:08", "Moscow")
    speakers = {s["label"]: s for s in summary["speakers"]}
    assert speakers["Question"]["role"] == "interviewer" and speakers["Question"]["turns"] == 31
    assert speakers["Sergey Lavrov"]["role"] == "interviewee" and speakers["Sergey Lavrov"]["turns"] == 31
    assert "Advanced settings" in summary["boilerplate"]
    assert "• en-GB1 ru-RU1" in summary["boilerplate"]


def test_cli_info_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(sample_path()), "--json", "--turns"]) == 0
    summary = json.loads(capsys.readouterr().out)
    _check_summary(summary)
    assert len(summary["turn_list"]) == 62
    assert summary["turn_list"][1] == {"index": 1, "id": summary["turn_list"][1]["id"], "speaker": "Sergey Lavrov",
                                       "start": None, "text": "So what?"}


def test_installed_command_on_the_sample() -> None:
    result = subprocess.run([sys.executable, "-m", "reader", "info", str(sample_path()), "--json"],
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    _check_summary(json.loads(result.stdout))


def test_human_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(sample_path())]) == 0
    out = capsys.readouterr().out
    assert ascii_quotes(out.splitlines()[0]) == TITLE
    assert "62 turns, 31 questions, 31 exchanges" in out
