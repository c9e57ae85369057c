"""Fuzzing the two ways notes come in from files: the notes reader and the importer.

For any JSON (and any bytes) neither raises, and a valid annotation is never lost because of the invalid
records around it: it loads, it is saved, and it is there on reopening.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.model import Transcript
from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.notes.importer import import_notes
from reader.core.notes.schema import NotSchemaError, parse_document
from reader.core.notes.store import AnnotationStore
from reader.core.notes.web_annotation import NotAnnotationsError, read_collection

_scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
            | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20)
            | st.sampled_from(["note", "highlight", "text", "turn", "2024-01-01T00:00:00Z", "0001-01-01T00:00:00+05:00",
                               "\ud83d", "yellow", "Annotation", "TextQuoteSelector", "we laughed a lot"]))
_keys = st.sampled_from(["id", "kind", "anchor", "turn_id", "start", "end", "exact", "prefix", "suffix", "scope",
                         "note", "tags", "status", "colour", "created", "modified", "detached", "type", "body",
                         "target", "selector", "value", "purpose", "transcript_reader", "position", "offset"])
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys | st.text(max_size=5),
                                                                                          inner, max_size=6),
                     max_leaves=25)
_fuzz_settings = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                                   HealthCheck.too_slow])


def _good(sample: Transcript, n: int) -> list[dict]:
    return [new_annotation(Kind.NOTE, make_anchor(sample, 3 + i, 0, 15), note=f"good {i}").to_dict()
            for i in range(n)]


@_fuzz_settings
@given(anything=_json)
def test_the_notes_reader_never_raises_for_any_json(anything: object) -> None:
    for doc in (anything, {"schema_version": 1, "annotations": anything},
                {"schema_version": 1, "annotations": [anything], "deleted": anything, "position": anything}):
        with contextlib.suppress(NotSchemaError):
            parse_document(json.dumps(doc))


@_fuzz_settings
@given(raw=st.binary(max_size=200))
def test_the_notes_reader_and_the_importer_never_raise_for_any_bytes(raw: bytes) -> None:
    with contextlib.suppress(NotSchemaError):
        parse_document(raw)
    with contextlib.suppress(NotAnnotationsError):
        read_collection(raw)


@_fuzz_settings
@given(bad=st.lists(_json, max_size=4), where=st.integers(0, 4))
@example(bad=[{"id": "0", "kind": []}], where=0)  # a list where a name belongs: it once cost the file every note
@example(bad=[{"id": "0", "kind": "note", "status": {}}, {"id": "1", "kind": "highlight",
                                                         "anchor": {"scope": [1]}}], where=1)
def test_valid_annotations_survive_invalid_neighbours_in_a_notes_file(sample: Transcript, bad: list[object],
                                                                      where: int) -> None:
    good = _good(sample, 2)
    records = [*bad[:where], good[0], *bad[where:], good[1]]
    with tempfile.TemporaryDirectory() as folder:
        store = AnnotationStore(folder)
        file = store.notes_file(sample.fingerprint)
        file.parent.mkdir(parents=True)
        file.write_text(json.dumps({"schema_version": 1, "annotations": records}), "utf-8")
        notes = store.open(sample)
        assert {"good 0", "good 1"} <= {a.note for a in notes.annotations}
        assert notes.save()
        assert {"good 0", "good 1"} <= {a.note for a in AnnotationStore(folder).open(sample).annotations}


@_fuzz_settings
@given(bad=st.lists(_json, max_size=4), shape=st.sampled_from(["list", "page", "collection"]))
@example(bad=[{"type": "Annotation", "transcript_reader": {"kind": [], "status": {}, "scope": [0]},
               "target": {"selector": {"type": "TextQuoteSelector", "exact": "we laughed a lot"}}}], shape="list")
def test_valid_annotations_survive_invalid_neighbours_in_an_import(sample: Transcript, bad: list[object],
                                                                   shape: str) -> None:
    good = [{"type": "Annotation", "id": f"urn:uuid:0f8e2c4a-5b1d-4c3e-9a7f-2d6b8e1c4a9{i}",
             "body": [{"type": "TextualBody", "value": f"good {i}"}], "created": "2024-01-01T00:00:00Z",
             "target": {"selector": {"type": "TextQuoteSelector", "exact": "we laughed a lot"}}} for i in range(2)]
    items = [good[0], *bad, good[1]]
    doc: object = {"list": items, "page": {"type": "AnnotationPage", "items": items},
                   "collection": {"type": "AnnotationCollection", "first": {"items": items},
                                  "transcript_reader": {"speaker_names": bad[0] if bad else {}}}}[shape]
    with tempfile.TemporaryDirectory() as folder:
        notes = AnnotationStore(folder).open(sample)
        import_notes(notes, json.dumps(doc))
        assert {"good 0", "good 1"} <= {a.note for a in notes.annotations}
        assert notes.save()
        assert {"good 0", "good 1"} <= {a.note for a in AnnotationStore(Path(folder)).open(sample).annotations}


@_fuzz_settings
@given(anything=_json)
@example(anything={"type": [[]]})  # a list inside the type list once raised TypeError
def test_the_importer_never_raises_for_any_json(sample: Transcript, anything: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        notes = AnnotationStore(folder).open(sample)
        for doc in (anything, [anything], {"type": "AnnotationPage", "items": [anything]}):
            with contextlib.suppress(NotAnnotationsError):
                import_notes(notes, json.dumps(doc))
        assert notes.save()
