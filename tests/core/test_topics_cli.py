"""`transcript-reader topics`: the outline as text and as JSON, with the reader's saved edits applied."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.model import Transcript
from reader.core.topics.edits import make_edit

PODCAST = Path(__file__).resolve().parents[1] / "data" / "gold" / "podcast.txt"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["topics", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["topics"]


def test_json_topics_cover_every_turn_in_order(capsys: pytest.CaptureFixture[str], sample: Transcript) -> None:
    topics = run_json(capsys)
    assert topics[0]["first_turn"] == 0 and topics[-1]["last_turn"] == len(sample.turns) - 1
    for before, after in itertools.pairwise(topics):
        assert after["first_turn"] == before["last_turn"] + 1
    assert all(t["label"] and t["keywords"] for t in topics)
    assert any("Syria" in t["label"] for t in topics)


def test_text_outline_shows_span_share_and_label(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "topics" in out[0]
    number, span = out[1].split()[:2]
    assert number == "1." and span.startswith("Q1")
    assert any("North Korea" in line and "%" in line for line in out)


def test_a_file_path_and_keywords(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics", str(PODCAST), "--keywords"]) == 0
    out = capsys.readouterr().out
    assert "octopuses" in out.lower() and "(" in out


def test_saved_edits_are_applied_and_can_be_ignored(capsys: pytest.CaptureFixture[str], sample: Transcript,
                                                     tmp_path: Path) -> None:
    from reader.core.notes.store import AnnotationStore

    notes = AnnotationStore(tmp_path).open(sample)
    notes.set_topic_edits([make_edit("add", 46, sample, "Classified information")])
    assert notes.save()
    topics = run_json(capsys, "--data-dir", str(tmp_path))
    added = next(t for t in topics if t["first_turn"] == 46)
    assert added["label"] == "Classified information" and added["edited"]
    assert main(["topics", "--data-dir", str(tmp_path)]) == 0
    assert "* edited by the reader" in capsys.readouterr().out
    assert all(t["label"] != "Classified information" for t in run_json(capsys, "--data-dir", str(tmp_path),
                                                                         "--automatic"))


def test_a_missing_file_is_one_line_and_status_two(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["topics", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


def test_json_sections_hold_their_topics_and_cover_every_turn(capsys: pytest.CaptureFixture[str],
                                                              sample: Transcript) -> None:
    assert main(["topics", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    sections = doc["sections"]
    assert 2 <= len(sections) < len(doc["topics"])
    assert sections[0]["first_turn"] == 0 and sections[-1]["last_turn"] == len(sample.turns) - 1
    for before, after in itertools.pairwise(sections):
        assert after["first_turn"] == before["last_turn"] + 1
    assert [t for s in sections for t in s["topics"]] == doc["topics"]  # the flat list is the same topics
    for s in sections:
        assert s["label"] and s["keywords"] and s["source"] == "computed"
        assert s["topics"][0]["first_turn"] == s["first_turn"] and s["topics"][-1]["last_turn"] == s["last_turn"]


def test_text_outline_indents_topics_under_their_sections(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "sections" in out[0] and "topics" in out[0]
    assert out[1].startswith("  1. ") and out[2].startswith("      1.1 ")


def test_a_renamed_section_is_saved_and_shown(capsys: pytest.CaptureFixture[str], sample: Transcript,
                                              tmp_path: Path) -> None:
    from reader.core.notes.store import AnnotationStore

    notes = AnnotationStore(tmp_path).open(sample)
    notes.set_topic_edits([make_edit("rename", 0, sample, "The mood in Moscow", level="section")])
    assert notes.save()
    assert main(["topics", "--json", "--data-dir", str(tmp_path)]) == 0
    first = json.loads(capsys.readouterr().out)["sections"][0]
    assert (first["label"], first["source"], first["edited"]) == ("The mood in Moscow", "user", True)
