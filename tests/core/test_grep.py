"""`transcript-reader grep`: a journalist's "who said X", on the sample interview and a small file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.loader import sample_path
from reader.core.model import Transcript
from reader.core.search import SearchQuery, search

INTERVIEW = """Question: Did the minister discuss sanctions?

Sergey Lavrov: We don’t discuss sanctions in public.

Nobody asked about them.

Question: And Syria?

Sergey Lavrov: Syria is another matter, and so are sanctions.
"""


@pytest.fixture
def interview(tmp_path: Path) -> Path:
    path = tmp_path / "interview.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    return path


def grep_json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    assert main(["grep", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_gives_exchange_turn_speaker_and_context(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = grep_json(capsys, "sanctions", str(interview))
    assert [(r["exchange"], r["turn"], r["speaker"]) for r in rows] == [
        ("Q1", 0, "Question"), ("Q1", 1, "Sergey Lavrov"), ("Q2", 3, "Sergey Lavrov")]
    assert rows[1] == {"exchange": "Q1", "turn": 1, "speaker": "Sergey Lavrov", "start": 17, "end": 26,
                       "before": "We don’t discuss ", "match": "sanctions",
                       "after": " in public. Nobody asked about them."}


def test_limit_to_a_speaker_by_part_of_the_name(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = grep_json(capsys, "sanctions", str(interview), "--speaker", "lavrov")
    assert [r["turn"] for r in rows] == [1, 3]


def test_human_output_names_exchange_turn_and_speaker(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grep", "don't", str(interview), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out == "Q1 (turn 2) Sergey Lavrov: We don’t discuss sanctions in public. Nobody asked about them.\n"


def test_case_whole_word_and_regex_options(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grep", "syria", str(interview), "--json"]) == 1  # case-sensitive unless asked, like grep
    capsys.readouterr()
    assert len(grep_json(capsys, "syria", str(interview), "--ignore-case")) == 2
    assert main(["grep", "sanction", str(interview), "--whole-word"]) == 1
    capsys.readouterr()
    rows = grep_json(capsys, r"\bS\w+a\b", str(interview), "--regex")
    assert [r["match"] for r in rows] == ["Syria", "Syria"]


def test_nothing_found_exits_1_quietly(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grep", "zebra", str(interview)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_bad_regex_exits_2_with_one_line(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grep", "(sanctions", str(interview), "--regex"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid regular expression" in err and "Traceback" not in err


def test_empty_pattern_is_an_error(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grep", "", str(interview)]) == 2
    assert "nothing to search for" in capsys.readouterr().err


def test_unknown_speaker_exits_2_and_lists_the_speakers(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grep", "x", str(interview), "--speaker", "Putin"]) == 2
    assert "speakers: Question, Sergey Lavrov" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grep", "x", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_sample_interview_count_matches_core(sample: Transcript, capsys: pytest.CaptureFixture[str]) -> None:
    rows = grep_json(capsys, "Syria", "--ignore-case")  # no path: the sample interview
    assert len(rows) == len(search(sample, SearchQuery("Syria"))) > 0
    assert {r["speaker"] for r in rows} == {"Question", "Sergey Lavrov"}


def test_speaker_names_given_in_the_window_are_used(interview: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.core.loader import load_transcript
    from reader.core.notes.store import AnnotationStore

    transcript = load_transcript(interview)
    notes = AnnotationStore().open(transcript)
    notes.set_speaker_name(transcript.speakers[0].key, "Keir Simmons (NBC)")
    assert notes.save()
    rows = grep_json(capsys, "Syria", str(interview))
    assert [r["speaker"] for r in rows] == ["Keir Simmons (NBC)", "Sergey Lavrov"]
    assert [r["turn"] for r in grep_json(capsys, "Syria", str(interview), "--speaker", "keir")] == [2]


def test_options_may_come_between_the_pattern_and_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["grep", r"sanction\w*", "--regex", "--speaker", "lavrov", str(sample_path()), "--json"])
    out = capsys.readouterr().out
    assert status == 0
    hits = json.loads(out)
    assert hits and all(h["speaker"] == "Sergey Lavrov" and h["match"].startswith("sanction") for h in hits)


def test_matches_are_printed_as_they_are_found(interview: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.commands import grep

    real = grep.search

    def first_then_stop(*args: object, **kw: object):  # ten million matches would never all be gathered
        yield next(iter(real(*args, **kw)))  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(grep, "search", first_then_stop)
    with pytest.raises(KeyboardInterrupt):
        main(["grep", "sanctions", str(interview)])
    assert capsys.readouterr().out.count("sanctions") == 1


def test_context_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = tmp_path / "line.txt"
    line.write_text("word " * 20_000 + "needle " + "word " * 20_000, "utf-8")
    assert main(["grep", "needle", str(line), "--context", "1000000", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert len(row["before"]) <= 1001 and len(row["after"]) <= 1001


def test_control_characters_reach_a_terminal_shown_not_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Host: The \x1b]0;owned\x07 title and \x1b[2J sanctions.\n\nGuest: \x9b31m Fine.\n", "utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for argv in (["grep", "sanctions", str(hostile), "--color", "never"], ["info", str(hostile), "--turns"],
                 ["export", str(hostile), "-f", "md"]):
        main(argv)
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out, argv
    main(["grep", "sanctions", str(hostile)])
    assert "\\x1b]0;owned" in capsys.readouterr().out
