"""`transcript-reader info` on good and bad input: bad input is one line on stderr and exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.loader import MAX_BYTES, sample_path

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def assert_refused(status: int, out: str, err: str, reason: str) -> None:
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("transcript-reader: ")
    assert reason in err
    assert "Traceback" not in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_refused(*run(["info", str(tmp_path / "nope.txt")], capsys), "no such file")


def test_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_refused(*run(["info", str(tmp_path)], capsys), "is a folder")


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_refused(*run(["info", str(path)], capsys), "empty")


def test_whitespace_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n\n")
    assert_refused(*run(["info", str(path)], capsys), "only whitespace")


def test_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(256)) * 64)
    assert_refused(*run(["info", str(path)], capsys), "binary data")


@pytest.mark.parametrize(("head", "what"), [(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
                                            (b"PK\x03\x04\x14\x00\x06\x00", "Office document"),
                                            (b"\x00\x00\x00\x20ftypM4A ", "recording")])
def test_documents_and_recordings_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], head: bytes,
                                            what: str) -> None:
    path = tmp_path / "interview.pdf"
    path.write_bytes(head + b"Question: is this text?\n" * 10)
    assert_refused(*run(["info", str(path)], capsys), what)


def test_over_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: no disk is used, and the size check comes before any read
        f.truncate(MAX_BYTES + 1)
    assert_refused(*run(["info", str(path)], capsys), f"over the {MAX_BYTES // 1_000_000} MB limit")


def test_unknown_layout_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["info", str(sample_path()), "--layout", "nonsense"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err


def test_bad_input_from_the_installed_command(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "reader", "info", str(tmp_path / "missing.txt"), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"transcript-reader: {tmp_path / 'missing.txt'}: no such file"]


def test_no_path_means_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["info", "--json"], capsys)
    assert status == 0
    assert json.loads(out)["path"] == str(sample_path())


def test_forcing_a_layout(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["info", str(sample_path()), "--layout", "plain", "--json"], capsys)
    summary = json.loads(out)
    assert status == 0
    assert summary["layout"] == "plain"
    assert [s["label"] for s in summary["speakers"]] == ["Unknown speaker"]
    assert summary["boilerplate"] == []


def test_human_summary_with_turns(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["info", str(LAYOUTS / "labelled-qa.txt"), "--turns"], capsys)
    assert status == 0
    assert "Layout: labelled (utf-8)" in out
    assert "6 turns, 3 questions, 3 exchanges" in out
    assert "[1] A: In 1998. I was nineteen, and I had one suitcase." in out


def test_json_turn_list(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["info", str(LAYOUTS / "labelled-markdown.md"), "--json", "--turns"], capsys)
    summary = json.loads(out)
    assert status == 0
    assert summary["metadata"]["title"] == "A Conversation with Jane Doe"
    assert summary["turn_list"][2]["text"] == ("Forty-two, if you count the two dogs.\n\n"
                                               "We moved into this building in 2019. Note: the lease runs until 2029.")
    assert summary["turn_list"][2]["speaker"] == "Jane Doe"
    assert summary["turn_list"][2]["start"] is None


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="no /dev/stdin on this system")
def test_a_pipe_is_read_although_it_has_no_size() -> None:
    result = subprocess.run([sys.executable, "-m", "reader", "info", "/dev/stdin", "--json"],
                            input="Host: Hi.\n\nGuest: Hello.\n\nHost: Bye?\n", capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert [s["label"] for s in json.loads(result.stdout)["speakers"]] == ["Host", "Guest"]
