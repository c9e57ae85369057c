"""Import of W3C Web Annotation JSON: our own exports round-trip, other tools' quotes attach, bad files are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.loader import parse_text, sample_path
from reader.core.model import Transcript
from reader.core.notes.annotations import Kind
from reader.core.notes.export import export_notes
from reader.core.notes.importer import NotAnnotationsError, import_file, import_notes
from reader.core.notes.store import AnnotationStore
from tests.core.test_export import NAMES, sample_annotations


def test_import_of_an_export_into_an_empty_store_reproduces_it(sample: Transcript, tmp_path: Path) -> None:
    original = sample_annotations(sample)
    exported = export_notes(sample, original, "json", NAMES)
    notes = AnnotationStore(tmp_path).open(sample)
    result = import_notes(notes, exported)
    assert (result.added, result.duplicates, result.detached, result.problems) == (7, 0, 1, [])
    assert notes.save()
    reopened = AnnotationStore(tmp_path).open(sample)
    assert sorted(reopened.annotations, key=lambda a: a.id) == sorted(original, key=lambda a: a.id)
    assert reopened.speaker_names == NAMES
    for fmt in ("txt", "md", "html", "csv", "json"):
        assert export_notes(sample, reopened.annotations, fmt, reopened.speaker_names) == \
            export_notes(sample, original, fmt, NAMES)


def test_importing_twice_recognises_duplicates(sample: Transcript, tmp_path: Path) -> None:
    exported = export_notes(sample, sample_annotations(sample), "json", NAMES)
    notes = AnnotationStore(tmp_path).open(sample)
    import_notes(notes, exported)
    again = import_notes(notes, exported)
    assert (again.added, again.duplicates) == (0, 7) and len(notes) == 7


def test_a_newer_copy_of_the_same_annotation_updates_it(sample: Transcript, tmp_path: Path) -> None:
    original = sample_annotations(sample)
    notes = AnnotationStore(tmp_path).open(sample)
    import_notes(notes, export_notes(sample, original, "json"))
    colleague = [original[0].edited(note="Colleague's better note", modified="2025-01-01T00:00:00.000Z")]
    result = import_notes(notes, export_notes(sample, colleague, "json"))
    assert (result.added, result.updated) == (0, 1)
    assert notes.get(original[0].id).note == "Colleague's better note"  # type: ignore[union-attr]


def test_another_tools_quote_only_annotations_attach_by_quote(sample: Transcript, tmp_path: Path) -> None:
    other_tool = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [
            {"id": "https://example.org/anno/1", "type": "Annotation", "motivation": "commenting",
             "created": "2023-03-04T05:06:07+02:00",
             "body": [{"type": "TextualBody", "value": "Interesting"},
                      {"type": "TextualBody", "value": "snowden", "purpose": "tagging"}],
             "target": {"source": "https://www.mid.ru/en/interview",
                        "selector": {"type": "TextQuoteSelector", "exact": "Edward Snowden made it to Russia"}}},
            {"id": "https://example.org/anno/2", "type": "Annotation",
             "target": [{"source": "x", "selector": [{"type": "TextQuoteSelector", "exact": "we laughed a lot",
                                                       "prefix": "Kerry for example – ", "suffix": ". He had"}]}]},
            {"id": "https://example.org/anno/3", "type": "Annotation", "target": {"source": "x"}},
        ],
    }
    notes = AnnotationStore(tmp_path).open(sample)
    result = import_notes(notes, json.dumps(other_tool))
    assert (result.added, result.detached) == (2, 0)
    assert result.problems == ["item 3: no TextQuoteSelector with the quoted text"]
    comment = notes.get("https://example.org/anno/1")
    assert comment is not None and comment.kind is Kind.NOTE and comment.note == "Interesting"
    assert comment.tags == ("snowden",) and comment.created == "2023-03-04T03:06:07.000Z"
    turn = sample.turn_by_id[comment.anchor.turn_id]
    assert turn.text[comment.anchor.start:comment.anchor.end] == "Edward Snowden made it to Russia"
    highlight = notes.get("https://example.org/anno/2")
    assert highlight is not None and highlight.kind is Kind.HIGHLIGHT and highlight.colour == "yellow"
    assert not highlight.detached


@pytest.mark.parametrize("content", ["{not json", '{"type": "Something"}', "[1, 2", '{"type": "AnnotationPage"}'])
def test_a_file_that_is_not_web_annotation_json_is_refused(sample: Transcript, tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    notes = AnnotationStore(tmp_path).open(sample)
    with pytest.raises(NotAnnotationsError, match=r"bad\.json"):
        import_file(notes, bad)
    assert len(notes) == 0 and not notes.dirty


def test_import_into_a_different_transcript_keeps_what_does_not_fit_as_detached(sample: Transcript,
                                                                                tmp_path: Path) -> None:
    other = parse_text("Host: Welcome to the show.\n\nGuest: Thank you, we laughed a lot at that.")
    notes = AnnotationStore(tmp_path).open(other)
    result = import_notes(notes, export_notes(sample, sample_annotations(sample), "json"))
    assert result.added == 7 and result.detached == 7
    assert all(a.detached for a in notes.annotations)


def test_command_line_export_and_import(sample: Transcript, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source"
    notes = AnnotationStore(source).open(sample)
    for a in sample_annotations(sample):
        notes.add(a)
    notes.set_speaker_name("sergey lavrov", "Lavrov")
    assert notes.save()
    out = tmp_path / "notes.json"
    assert main(["export", "--data-dir", str(source), "--format", "json", "-o", str(out)]) == 0
    assert main(["export", "--data-dir", str(source), "--only", "highlights", "--pseudonymise"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("Highlight") == 3 and "Interviewee 1" in printed and "Lavrov" not in printed

    assert main(["export", "--data-dir", str(source), "--with-transcript", "--only", "bookmarked", "-f", "md"]) == 0
    assert "**Lavrov** (turn 2): So what?" in capsys.readouterr().out
    assert main(["export", "--data-dir", str(source), "--with-transcript", "-f", "csv"]) == 2
    assert "not csv" in capsys.readouterr().err

    target = tmp_path / "target"
    assert main(["import", "--data-dir", str(target), str(sample_path()), str(out)]) == 0
    assert "7 added" in capsys.readouterr().out
    assert main(["import", "--data-dir", str(target), str(out)]) == 0
    assert "7 already present" in capsys.readouterr().out
    assert len(AnnotationStore(target).open(sample)) == 7

    bad = tmp_path / "bad.json"
    bad.write_text("{oops", "utf-8")
    assert main(["import", "--data-dir", str(target), str(bad)]) == 2
    assert "bad.json: not valid JSON" in capsys.readouterr().err


def test_command_line_export_of_a_corrupt_store_says_where_it_went(sample: Transcript, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    store = AnnotationStore(tmp_path)
    file = store.notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True)
    file.write_text("{corrupt", "utf-8")
    assert main(["export", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "moved to" in err and ".corrupt-" in err
    assert any(".corrupt-" in p.name for p in file.parent.iterdir())


def test_command_line_export_by_topic_follows_the_reader_s_topic_edits(sample: Transcript, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from reader.core.topics.edits import TopicEdit

    notes = AnnotationStore(tmp_path).open(sample)
    for a in sample_annotations(sample):
        notes.add(a)
    notes.set_topic_edits([TopicEdit("add", 5, "Seized diplomatic property")])
    assert notes.save()
    assert main(["export", "--data-dir", str(tmp_path), "--by-topic", "-f", "md"]) == 0
    printed = capsys.readouterr().out
    assert "\n### Seized diplomatic property\n" in printed and "\n## Detached\n" in printed
    where = [printed.index(text) for text in ("#### Q3, turn 5 ", "Seized diplomatic property", "#### Q3, turn 6")]
    assert where == sorted(where)  # the new topic begins between the two turns' notes
