"""Annotations in the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), both ways.

Written: an ``AnnotationCollection`` whose ``first`` is an ``AnnotationPage`` holding the ``items``. Each item is
a ``type: Annotation`` with ``id`` (``urn:uuid:...``), ``motivation`` (bookmarking, highlighting, commenting),
``created``/``modified``, ``body`` (``TextualBody`` entries with purpose commenting for the note and tagging
for each tag) and a ``target`` whose ``selector`` list holds a ``TextQuoteSelector`` (exact, prefix, suffix)
and a ``TextPositionSelector``. Positions count characters in the *reading text*: every turn's text (without
speaker labels, paragraphs joined by a blank line) joined by a blank line. Our own fields (kind, status, colour,
speaker, exchange, turn) sit under the ``transcript_reader`` key, declared in the ``@context``. A passage over
several turns is one annotation whose position runs from its first turn into its last (``end_turn_id`` and
``end_turn`` among our fields).

Read: our own files, or another tool's where a target may carry only a ``TextQuoteSelector`` (or a bare
``exact`` string); what cannot be read is reported item by item, never guessed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.core.model import Transcript
from reader.core.notes.annotations import (
    COLOURS,
    TURN_SEPARATOR,
    Annotation,
    Kind,
    Scope,
    Status,
    anchor_span,
    one_of,
)
from reader.core.notes.records import OLDEST, InvalidRecord, clean_text, load_json, offset, read_annotation, timestamp

if TYPE_CHECKING:
    from reader.core.notes.export import Entry, Header

EXTRA = "transcript_reader"
NAMESPACE = "urn:x-transcript-reader:"
CONTEXT: list[Any] = ["http://www.w3.org/ns/anno.jsonld",
                      {EXTRA: {"@id": NAMESPACE + "extra", "@type": "@json"}}]
MOTIVATION = {Kind.BOOKMARK: "bookmarking", Kind.HIGHLIGHT: "highlighting", Kind.NOTE: "commenting"}
KIND_OF_MOTIVATION = {v: k for k, v in MOTIVATION.items()} | {"tagging": Kind.NOTE, "describing": Kind.NOTE,
                                                             "questioning": Kind.NOTE, "replying": Kind.NOTE,
                                                             "assessing": Kind.NOTE, "classifying": Kind.NOTE}


def turn_offsets(transcript: Transcript) -> list[int]:
    """Where each turn starts in the reading text."""
    starts: list[int] = []
    pos = 0
    for turn in transcript.turns:
        starts.append(pos)
        pos += len(turn.text) + len(TURN_SEPARATOR)
    return starts


def to_web_annotation(transcript: Transcript, items: list[Entry], head: Header, names: Mapping[str, str],
                      text: Callable[[str], str] = lambda s: s) -> str:
    """The collection as JSON text. `text` rewrites free text (pseudonymising names in quotes and notes)."""
    starts = turn_offsets(transcript)
    out: list[dict[str, Any]] = []
    for e in items:
        a = e.annotation
        item: dict[str, Any] = {"id": f"urn:uuid:{a.id}" if _is_uuid(a.id) else a.id, "type": "Annotation",
                                "motivation": MOTIVATION[a.kind], "created": a.created, "modified": a.modified}
        body = ([{"type": "TextualBody", "value": text(a.note), "purpose": "commenting", "format": "text/plain"}]
                if a.note else [])
        body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in a.tags]
        if body:
            item["body"] = body
        selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": text(a.anchor.exact),
                                            "prefix": text(a.anchor.prefix), "suffix": text(a.anchor.suffix)}]
        span = anchor_span(transcript, a.anchor) if e.turn is not None else None
        if span is not None:
            selectors.append({"type": "TextPositionSelector", "start": starts[span[0]] + span[1],
                              "end": starts[span[2]] + span[3]})
        item["target"] = {"source": NAMESPACE + "transcript:" + transcript.fingerprint, "selector": selectors}
        extra: dict[str, Any] = {"kind": a.kind.value, "scope": a.anchor.scope.value, "status": a.status.value,
                                 "colour": a.colour, "speaker": e.speaker, "exchange": e.exchange, "turn": e.turn,
                                 "turn_id": a.anchor.turn_id, "start": a.anchor.start, "end": a.anchor.end,
                                 "time": e.time, "quote": e.quote, "detached": e.turn is None}
        if a.anchor.is_passage:
            extra |= {"end_turn_id": a.anchor.end_turn_id, "end_turn": span[2] + 1 if span else None,
                      "voices": [{"speaker": name, "words": words} for name, words in e.voices]}
        item[EXTRA] = extra
        out.append(item)
    collection = {
        "@context": CONTEXT,
        "id": NAMESPACE + "notes:" + transcript.fingerprint,
        "type": "AnnotationCollection",
        "label": f"Notes on {head.title}",
        "total": len(out),
        EXTRA: {"fingerprint": transcript.fingerprint, "title": head.title, "date": head.date, "place": head.place,
                "file": head.file, "speaker_names": dict(sorted(names.items()))},
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": out},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


# --- reading ------------------------------------------------------------------------------------------


class NotAnnotationsError(ValueError):
    """A file that is not Web Annotation JSON; the message is for the user."""


@dataclass(frozen=True, slots=True)
class Imported:
    """An annotation read from a file, anchored only by its quote (and position, when given)."""

    annotation: Annotation  # anchor.turn_id is "" (another tool's) until it is attached to a transcript
    position: tuple[int, int] | None  # TextPositionSelector start, end in the reading text


def read_collection(raw: str | bytes) -> tuple[list[Imported], list[str], dict[str, Any]]:
    """Parse Web Annotation JSON: a collection, a page, a list, or one annotation.

    Returns the annotations, one message per item that could not be read, and our collection-level extras
    (speaker names and the like; empty for another tool's file). Raises NotAnnotationsError when the whole
    file is unusable.
    """
    try:
        doc = load_json(raw)
    except ValueError as exc:
        raise NotAnnotationsError(f"not valid JSON ({exc})") from exc
    extras: dict[str, Any] = {}
    if isinstance(doc, dict) and doc.get("type") == "AnnotationCollection":
        found = doc.get(EXTRA)
        extras = found if isinstance(found, dict) else {}
        first = doc.get("first")
        items = first.get("items") if isinstance(first, dict) else doc.get("items")
    elif isinstance(doc, dict) and doc.get("type") == "AnnotationPage":
        items = doc.get("items")
    elif isinstance(doc, dict) and _types(doc) & {"Annotation", "oa:Annotation"}:
        items = [doc]
    elif isinstance(doc, list):
        items = doc
    else:
        raise NotAnnotationsError("no AnnotationCollection, AnnotationPage or Annotation in it")
    if not isinstance(items, list):
        raise NotAnnotationsError("the annotation page holds no list of items")
    read: list[Imported] = []
    problems: list[str] = []
    for n, item in enumerate(items, 1):
        try:
            read.append(_annotation(item))
        except (KeyError, TypeError, ValueError, OverflowError, RecursionError) as exc:
            problems.append(f"item {n}: {clean_text(str(exc))[:200]}")
    return read, problems, extras


def _types(obj: Mapping[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type", ""))
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else {str(value)}


def _annotation(item: Any) -> Imported:
    if not isinstance(item, dict):
        raise TypeError("not an object")
    if not _types(item) & {"Annotation", "oa:Annotation"}:
        raise ValueError("not of type Annotation")
    found = item.get(EXTRA)
    ours: dict[str, Any] = found if isinstance(found, dict) else {}
    target = item.get("target")
    if isinstance(target, list):
        target = next((t for t in target if isinstance(t, dict)), None)
    if not isinstance(target, dict):
        raise ValueError("no target with a selector")
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if isinstance(s, dict) and "TextQuoteSelector" in _types(s)), None)
    position = next((s for s in selectors if isinstance(s, dict) and "TextPositionSelector" in _types(s)), None)
    if quote is None or not str(quote.get("exact", "")).strip():
        raise ValueError("no TextQuoteSelector with the quoted text")
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes: list[str] = []
    tags: list[str] = []
    for body in bodies:
        if isinstance(body, str):
            notes.append(body)
            continue
        if not isinstance(body, dict):
            continue
        value = str(body.get("value", body.get("chars", "")))
        (tags if body.get("purpose") == "tagging" else notes).append(value)
    motivation = item.get("motivation", "")
    motivation = motivation[0] if isinstance(motivation, list) and motivation else motivation
    kind = Kind(ours["kind"]) if one_of(ours.get("kind"), Kind) else \
        KIND_OF_MOTIVATION.get(str(motivation).removeprefix("oa:"), Kind.NOTE if notes else Kind.HIGHLIGHT)
    colour = ours.get("colour", "")
    if kind is Kind.HIGHLIGHT and colour not in COLOURS:
        colour = COLOURS[0]
    status = ours.get("status", "")
    # A time the file does not give counts as the oldest possible, so that a copy without times never wins
    # over an edit made here.
    created = _iso(item.get("created")) or _iso(item.get("modified")) or OLDEST
    scope = ours.get("scope")
    record = {
        "id": _local_id(str(item.get("id", "")) or str(uuid.uuid4())), "kind": kind.value,
        "anchor": {"turn_id": str(ours.get("turn_id", "")), "start": ours.get("start", 0) or 0,
                   "end": ours.get("end", 0) or 0, "exact": quote["exact"], "prefix": quote.get("prefix", ""),
                   "suffix": quote.get("suffix", ""), "scope": scope if one_of(scope, Scope) else "text",
                   "end_turn_id": str(ours.get("end_turn_id") or "")},
        "note": "\n\n".join(n for n in notes if n.strip()), "tags": tags,
        "status": status if one_of(status, Status) else "",
        "colour": colour if kind is Kind.HIGHLIGHT else "", "created": created,
        "modified": _iso(item.get("modified")) or created,
    }
    annotation = read_annotation(record)  # the validation every way into the store goes through
    span = None
    if position is not None:
        span = (offset(position.get("start"), "TextPositionSelector start"),
                offset(position.get("end"), "TextPositionSelector end"))
    return Imported(annotation, span)


def _local_id(value: str) -> str:
    return value.removeprefix("urn:uuid:")


def _iso(value: Any) -> str | None:
    """A W3C date-time as the store writes times (UTC, milliseconds, Z); None when missing or unreadable."""
    try:
        return timestamp(value, "a time")
    except InvalidRecord:
        return None
