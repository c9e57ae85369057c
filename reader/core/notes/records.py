"""What may enter the notes store: one validation for every way in (the notes file, an import, the window).

A record is checked field by field, every value bounded (offsets, lengths, dates) and every text made
encodable (a lone surrogate, which JSON allows and UTF-8 cannot write, becomes U+FFFD). A record that fails
raises `InvalidRecord` naming the field, so that a reader can skip it, keep it aside and load the rest: one
bad record never hides its neighbours.

Reading JSON is bounded too (`load_json`): a file over `MAX_FILE_BYTES`, ``Infinity``/``NaN`` and nesting
deeper than Python's parser can follow give one `ValueError` with a message for the user.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.core.notes.annotations import COLOURS, Anchor, Annotation, Kind, Scope, Status, normalise_tags, one_of

if TYPE_CHECKING:  # each imported by the reader of its record below: notes without them need none of it
    from reader.core.media import RecordingLink
    from reader.core.timing import SyncPoint
    from reader.core.topics.edits import TopicEdit

MAX_FILE_MB = 50
MAX_FILE_BYTES = MAX_FILE_MB * 1000 * 1000  # a notes or import file: tens of thousands of notes fit in 50 MB
MAX_OFFSET = 2**31 - 1  # offsets in a turn's text; far beyond the 200 MB a transcript may have
MAX_TEXT = 10_000_000  # characters in one note or quote
MAX_SHORT = 10_000  # characters in an id, a tag, a turn id, a speaker name
MAX_TAGS = 1000
OLDEST = "0001-01-01T00:00:00.000Z"  # the time of a record that gives none: it loses every merge

_SURROGATE = re.compile("[\ud800-\udfff]")
_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")  # as `now_iso` writes it


class InvalidRecord(ValueError):
    """A record that cannot enter the store; the message names the field."""


def clean_text(value: str) -> str:
    """The text with lone surrogates replaced by U+FFFD, so that it can always be written as UTF-8."""
    try:  # the usual case, checked at C speed: opening 500 notes took twice as long with the search alone
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def load_json(raw: bytes | str) -> Any:
    """Parse JSON from an untrusted file. Raises ValueError (with a message for the user) for a file over
    the size limit, invalid JSON, ``Infinity``/``NaN``, or nesting too deep to follow."""
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"over the {MAX_FILE_MB} MB limit for a notes file")

    def refuse(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    try:
        return json.loads(raw, parse_constant=refuse)
    except RecursionError:
        raise ValueError("nested too deeply to be notes") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def text(value: Any, name: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise InvalidRecord(f"{name} must be text, not {_type(value)}")
    if len(value) > limit:
        raise InvalidRecord(f"{name} is longer than {limit:,} characters")
    return clean_text(value)


def offset(value: Any, name: str) -> int:
    """A character offset: a whole number from 0 to MAX_OFFSET (``2.0`` is accepted as 2, ``1e999`` is not)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidRecord(f"{name} must be a whole number, not {_type(value)}")
    if not 0 <= value <= MAX_OFFSET:
        raise InvalidRecord(f"{name} {value} is out of range")
    return value


def timestamp(value: Any, name: str) -> str:
    """An ISO 8601 date-time as the store writes it: UTC, milliseconds, Z. A time without a zone is UTC."""
    if not isinstance(value, str) or not value or len(value) > 64:
        raise InvalidRecord(f"{name} must be an ISO 8601 date-time, not {_type(value)}")
    if _CANONICAL_TIME.fullmatch(value):  # already in the store's form: only check that it is a real date
        try:
            datetime.fromisoformat(value[:-1])
        except ValueError:
            raise InvalidRecord(f"{name} {value!r} is not a date-time") from None
        return value
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        when = when.astimezone(UTC)
    except (ValueError, OverflowError):
        raise InvalidRecord(f"{name} {value[:40]!r} is not a date-time from year 1 to 9999") from None
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def read_anchor(value: Any) -> Anchor:
    if not isinstance(value, Mapping):
        raise InvalidRecord(f"anchor must be an object, not {_type(value)}")
    start, end = offset(value.get("start"), "anchor start"), offset(value.get("end"), "anchor end")
    turn_id = text(value.get("turn_id"), "anchor turn_id", MAX_SHORT)
    end_turn_id = value.get("end_turn_id") or ""  # a passage's last turn (schema version 2 on)
    end_turn_id = text(end_turn_id, "anchor end_turn_id", MAX_SHORT)
    if end_turn_id == turn_id:
        end_turn_id = ""
    if start > end and not end_turn_id:  # a passage's end is in another turn: any two offsets make a span
        raise InvalidRecord(f"anchor offsets {start}..{end} are not a span")
    scope = value.get("scope", "text")
    if not one_of(scope, Scope):
        raise InvalidRecord(f"anchor scope {str(scope)[:40]!r} is not one of {', '.join(Scope)}")
    if end_turn_id and scope != Scope.TEXT:
        raise InvalidRecord(f"an anchor of scope {scope} has no end_turn_id: only words run over several turns")
    return Anchor(turn_id, start, end, text(value.get("exact"), "anchor exact"),
                  text(value.get("prefix", ""), "anchor prefix"), text(value.get("suffix", ""), "anchor suffix"),
                  Scope(scope), end_turn_id)


def read_annotation(record: Any) -> Annotation:
    """The one validation of an annotation record (`Annotation.to_dict`'s shape). Raises InvalidRecord.

    ``modified`` defaults to ``created``; a record with neither time is refused by the notes file and given
    `OLDEST` by the importer, which builds the record."""
    if not isinstance(record, Mapping):
        raise InvalidRecord(f"an annotation must be an object, not {_type(record)}")
    ident = text(record.get("id"), "id", MAX_SHORT)
    if not ident.strip():
        raise InvalidRecord("id is empty")
    kind = record.get("kind")
    if not one_of(kind, Kind):
        raise InvalidRecord(f"kind {str(kind)[:40]!r} is not one of {', '.join(Kind)}")
    tags = record.get("tags", [])
    if not isinstance(tags, list):
        raise InvalidRecord(f"tags must be a list, not {_type(tags)}")
    if len(tags) > MAX_TAGS:
        raise InvalidRecord(f"more than {MAX_TAGS} tags")
    status = record.get("status", "")
    if not one_of(status, Status):
        raise InvalidRecord(f"status {str(status)[:40]!r} is not one of {', '.join(s for s in Status if s)}")
    colour = record.get("colour", "")
    if colour != "" and colour not in COLOURS:
        raise InvalidRecord(f"colour {str(colour)[:40]!r} is not one of {', '.join(COLOURS)}")
    detached = record.get("detached", False)
    if not isinstance(detached, bool):
        raise InvalidRecord(f"detached must be true or false, not {_type(detached)}")
    created = timestamp(record.get("created"), "created")
    modified = record.get("modified")
    heard = record.get("recording_time")
    return Annotation(
        id=ident, kind=Kind(str(kind)), anchor=read_anchor(record.get("anchor")),
        note=text(record.get("note", ""), "note"),
        tags=normalise_tags(text(t, "a tag", MAX_SHORT) for t in tags),
        status=Status(status), colour=colour, created=created,
        modified=created if modified in (None, "") else timestamp(modified, "modified"), detached=detached,
        recording_time=None if heard is None else seconds(heard, "recording_time"),
    )


def valid(annotation: Annotation) -> Annotation:
    """An annotation made in the program, checked as a record read from a file is (raises InvalidRecord)."""
    return read_annotation(annotation.to_dict())


def seconds(value: Any, name: str) -> float:
    """A time in a recording: a finite number of seconds from 0 to `MAX_SECONDS`."""
    from reader.core.timing import MAX_SECONDS

    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidRecord(f"{name} must be a number of seconds, not {_type(value)}")
    if not 0 <= value <= MAX_SECONDS:
        raise InvalidRecord(f"{name} {value} is out of range")
    return float(value)


def read_sync_point(record: Any) -> SyncPoint:
    """One of the reader's "this turn starts now" points (`SyncPoint.to_dict`'s shape). Raises InvalidRecord."""
    if not isinstance(record, Mapping):
        raise InvalidRecord(f"a sync point must be an object, not {_type(record)}")
    from reader.core.timing import SyncPoint

    return SyncPoint(text(record.get("turn_id"), "sync point turn_id", MAX_SHORT),
                     seconds(record.get("seconds"), "sync point seconds"),
                     offset(record.get("offset", 0), "sync point offset"))


def read_recording(record: Any) -> RecordingLink:
    """The recording attached to the notes (`RecordingLink.to_dict`'s shape). Raises InvalidRecord."""
    if not isinstance(record, Mapping):
        raise InvalidRecord(f"a recording must be an object, not {_type(record)}")
    path = text(record.get("path"), "recording path", MAX_SHORT)
    digest = text(record.get("fingerprint"), "recording fingerprint", MAX_SHORT)
    if not path or not digest:
        raise InvalidRecord("a recording needs its path and fingerprint")
    duration = record.get("duration")
    size = record.get("size")
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise InvalidRecord(f"recording size must be a whole number, not {_type(size)}")
    from reader.core.media import RecordingLink

    return RecordingLink(path, size, digest, None if duration is None else seconds(duration, "recording duration"))


def read_topic_edit(record: Any) -> TopicEdit:
    """One of the reader's topic edits (`TopicEdit.to_dict`'s shape; an edit saved before sections existed has
    no level and is a topic's). Raises InvalidRecord."""
    if not isinstance(record, Mapping):
        raise InvalidRecord(f"a topic edit must be an object, not {_type(record)}")
    from reader.core.topics.edits import LEVELS, OPS, TopicEdit

    op, level = record.get("op"), record.get("level", "topic")
    if op not in OPS:
        raise InvalidRecord(f"topic edit {str(op)[:40]!r} is not one of {', '.join(OPS)}")
    if level not in LEVELS:
        raise InvalidRecord(f"topic edit level {str(level)[:40]!r} is not one of {', '.join(LEVELS)}")
    label, turn_id = record.get("label"), record.get("turn_id")
    return TopicEdit(op, offset(record.get("turn"), "topic edit turn"),
                     None if label is None else text(label, "a topic label", MAX_SHORT), level,
                     None if turn_id is None else text(turn_id, "topic edit turn_id", MAX_SHORT))


def _type(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__
