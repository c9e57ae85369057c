"""Speech-to-text JSON: the files transcription services and tools write, read into turns with start times.

Known shapes, recognised by their fields rather than by the file's name:
- Whisper (`segments` with `start`, `end`, `text`, perhaps `words`), WhisperX (a `speaker` on segments and
  words), whisper.cpp (`transcription` with `offsets` in milliseconds), or a bare list of such segments;
- Amazon Transcribe (`results.items` with times, `results.speaker_labels.segments` naming `spk_0`...,
  or the newer `results.audio_segments`);
- AssemblyAI (`utterances` with `speaker`, `start`/`end` in milliseconds, or only `words` or `text`);
- Deepgram (`results.channels[].alternatives[]` with `paragraphs` or `words`, or `results.utterances`;
  speakers are numbers, written `Speaker 0`).
Diarisation labels are kept as the service wrote them (`SPEAKER_00`, `spk_0`, `A`). Any other JSON raises
`ContainerError`, as does JSON too deeply nested to read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from reader.core.containers import ContainerError, Extracted, sniffing
from reader.core.containers.turns import Piece, finite, write_turns
from reader.core.formats.cue_text import ends_sentence
from reader.core.model import Metadata

NAME = "json"
sniff = sniffing.speech  # what kind a file is: told apart without importing this module
_KNOWN = "Whisper, WhisperX, Amazon Transcribe, AssemblyAI, Deepgram"


def extract(data: bytes) -> Extracted:
    try:
        # From the bytes: JSON is UTF-8, -16 or -32 (BOM or not), which the json module tells apart itself; and
        # its strings escape their line ends, so the text decoder's work would be done for nothing.
        document = json.loads(data)
    except RecursionError:
        raise ContainerError("this JSON file is nested too deeply to be a transcript") from None
    except ValueError as exc:  # JSONDecodeError, bytes of no Unicode encoding, integers too long to convert
        where = f" (line {exc.lineno}, column {exc.colno}: {exc.msg})" if isinstance(exc, json.JSONDecodeError) else ""
        raise ContainerError(f"this file looks like JSON but cannot be read as JSON{where}") from None
    try:
        found = read_document(document)
    except RecursionError:
        raise ContainerError("this JSON file is nested too deeply to be a transcript") from None
    if found is None:
        raise ContainerError(f"this file is JSON but not a transcript this reader knows ({_KNOWN})")
    pieces, metadata = found
    if not pieces:
        raise ContainerError("this transcript JSON holds no words")
    return write_turns(pieces, NAME, metadata=metadata)


def read_document(document: Any) -> tuple[list[Piece], Metadata] | None:
    """The pieces of speech of a known shape, with what the file says of itself; None for other JSON."""
    for reader in _READERS:
        pieces = reader(document)
        if pieces is not None:
            return pieces, _metadata(document)
    return None


# --- Whisper and its relatives -----------------------------------------------------------------------------

def _whisper(document: Any) -> list[Piece] | None:
    segments = document.get("segments") if isinstance(document, dict) else document
    if not _records(segments, "text") or not any("start" in s or "end" in s for s in _dicts(segments)):
        return None
    pieces = []
    for segment in _dicts(segments):
        text = segment.get("text")
        if isinstance(text, str):
            pieces.append(Piece(text, finite(segment.get("start")), finite(segment.get("end")),
                                _label(segment.get("speaker")) or _majority(segment.get("words"))))
    return pieces


def _majority(words: Any) -> str | None:
    """WhisperX names speakers on words too; a segment without its own takes the one most of its words have."""
    counts = Counter(label for w in _dicts(words) if (label := _label(w.get("speaker"))))
    return counts.most_common(1)[0][0] if counts else None


def _whisper_cpp(document: Any) -> list[Piece] | None:
    segments = document.get("transcription") if isinstance(document, dict) else None
    if not _records(segments, "text"):
        return None
    pieces = []
    for segment in _dicts(segments):
        offsets = segment.get("offsets")
        start = end = None
        if isinstance(offsets, dict):
            start, end = _ms(offsets.get("from")), _ms(offsets.get("to"))
        if isinstance(segment.get("text"), str):
            pieces.append(Piece(segment["text"], start, end))
    return pieces


# --- Amazon Transcribe ---------------------------------------------------------------------------------------

def _amazon(document: Any) -> list[Piece] | None:
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, dict) or not ("items" in results or "transcripts" in results):
        return None
    segments = results.get("audio_segments")
    if _records(segments, "transcript"):
        return [Piece(s["transcript"], finite(s.get("start_time")), finite(s.get("end_time")),
                      _label(s.get("speaker_label")))
                for s in _dicts(segments) if isinstance(s.get("transcript"), str)]
    speaker_at = _amazon_speakers(results.get("speaker_labels"))
    words: list[Piece] = []
    for item in _dicts(results.get("items")):
        alternatives = [a for a in _dicts(item.get("alternatives")) if isinstance(a.get("content"), str)]
        if not alternatives:
            continue
        content = alternatives[0]["content"]
        if item.get("type") == "punctuation":
            if words:  # punctuation belongs to the word before it, with no space
                last = words[-1]
                words[-1] = Piece(last.text + content, last.start, last.end, last.speaker)
            continue
        start = finite(item.get("start_time"))
        speaker = _label(item.get("speaker_label")) or speaker_at(start)
        words.append(Piece(content, start, finite(item.get("end_time")), speaker))
    if words:
        return _sentences(words)
    transcripts = [t.get("transcript") for t in _dicts(results.get("transcripts"))]
    return [Piece(t) for t in transcripts if isinstance(t, str)]


def _amazon_speakers(labels: Any) -> Callable[[float | None], str | None]:
    """Who speaks at a time, from `speaker_labels.segments` (each a speaker with a time range and its items)."""
    ranges: list[tuple[float, float, str]] = []
    exact: dict[float, str] = {}
    for segment in _dicts(labels.get("segments") if isinstance(labels, dict) else None):
        label = _label(segment.get("speaker_label"))
        start, end = finite(segment.get("start_time")), finite(segment.get("end_time"))
        if label is None:
            continue
        if start is not None and end is not None:
            ranges.append((start, end, label))
        for item in _dicts(segment.get("items")):
            at = finite(item.get("start_time"))
            if at is not None:
                exact[at] = _label(item.get("speaker_label")) or label

    def speaker_at(start: float | None) -> str | None:
        if start is None:
            return None
        if start in exact:
            return exact[start]
        return next((label for lo, hi, label in ranges if lo <= start < hi), None)

    return speaker_at


# --- AssemblyAI ----------------------------------------------------------------------------------------------

def _assemblyai(document: Any) -> list[Piece] | None:
    if not isinstance(document, dict) or "results" in document:
        return None
    for key in ("utterances", "paragraphs", "sentences"):
        records = document.get(key)
        if _records(records, "text"):
            return [Piece(r["text"], _ms(r.get("start")), _ms(r.get("end")), _label(r.get("speaker")))
                    for r in _dicts(records) if isinstance(r.get("text"), str)]
    words = document.get("words")
    if _records(words, "text") and any("start" in w for w in _dicts(words)):
        return _sentences([Piece(w["text"], _ms(w.get("start")), _ms(w.get("end")), _label(w.get("speaker")))
                           for w in _dicts(words) if isinstance(w.get("text"), str)])
    if isinstance(document.get("text"), str) and ("audio_url" in document or "utterances" in document):
        return [Piece(document["text"])]
    return None


# --- Deepgram ------------------------------------------------------------------------------------------------

def _deepgram(document: Any) -> list[Piece] | None:
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, dict) or not isinstance(results.get("channels") or results.get("utterances"), list):
        return None
    channels = list(_dicts(results.get("channels")))
    several = len(channels) > 1
    utterances = results.get("utterances")
    if _records(utterances, "transcript"):
        return [Piece(u["transcript"], finite(u.get("start")), finite(u.get("end")), _deepgram_speaker(u, several))
                for u in _dicts(utterances) if isinstance(u.get("transcript"), str)]
    pieces: list[Piece] = []
    for number, channel in enumerate(channels):
        alternative = next(iter(_dicts(channel.get("alternatives"))), None)
        if alternative is not None:
            pieces.extend(_deepgram_channel(alternative, f"Channel {number}" if several else None))
    pieces.sort(key=lambda p: p.start if p.start is not None else 0.0)  # channels side by side in time
    return pieces


def _deepgram_speaker(record: dict[str, Any], several_channels: bool) -> str | None:
    speaker = record.get("speaker")
    if isinstance(speaker, int) and not isinstance(speaker, bool):
        return f"Speaker {speaker}"
    channel = record.get("channel")
    if several_channels and isinstance(channel, int):
        return f"Channel {channel}"
    return _label(speaker)


def _deepgram_channel(alternative: dict[str, Any], channel: str | None) -> list[Piece]:
    paragraphs = alternative.get("paragraphs")
    pieces: list[Piece] = []
    for paragraph in _dicts(paragraphs.get("paragraphs") if isinstance(paragraphs, dict) else None):
        speaker = _deepgram_speaker(paragraph, False) or channel
        for sentence in _dicts(paragraph.get("sentences")):
            if isinstance(sentence.get("text"), str):
                pieces.append(Piece(sentence["text"], finite(sentence.get("start")), finite(sentence.get("end")),
                                    speaker))
    if pieces:
        return pieces
    words = [Piece(w.get("punctuated_word") or w["word"], finite(w.get("start")), finite(w.get("end")),
                   _deepgram_speaker(w, False) or channel)
             for w in _dicts(alternative.get("words")) if isinstance(w.get("punctuated_word") or w.get("word"), str)]
    if words:
        return _sentences(words)
    transcript = alternative.get("transcript")
    return [Piece(transcript, speaker=channel)] if isinstance(transcript, str) else []


# --- shared ------------------------------------------------------------------------------------------------

_READERS: tuple[Callable[[Any], list[Piece] | None], ...] = (_whisper, _whisper_cpp, _amazon, _deepgram, _assemblyai)


def _dicts(value: Any) -> Iterable[dict[str, Any]]:
    return (v for v in value if isinstance(v, dict)) if isinstance(value, list) else ()


def _records(value: Any, key: str) -> bool:
    """A non-empty list whose objects hold `key`: the list of segments or utterances a shape is known by."""
    return isinstance(value, list) and any(isinstance(v, dict) and key in v for v in value)


def _label(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())[:80]
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Speaker {value}"
    return None


def _ms(value: Any) -> float | None:
    number = finite(value)
    return None if number is None else number / 1000


def _sentences(words: list[Piece]) -> list[Piece]:
    """Words joined into pieces of one speaker that end at a sentence end, so paragraphs can break there."""
    pieces: list[Piece] = []
    run: list[Piece] = []
    for word in words:
        if run and (word.speaker != run[0].speaker or ends_sentence(run[-1].text.strip())):
            pieces.append(_joined(run))
            run = []
        run.append(word)
    if run:
        pieces.append(_joined(run))
    return pieces


def _joined(run: list[Piece]) -> Piece:
    return Piece(" ".join(w.text.strip() for w in run), run[0].start, run[-1].end, run[0].speaker)


def _metadata(document: Any) -> Metadata:
    if not isinstance(document, dict):
        return Metadata()
    language = document.get("language") or document.get("language_code")
    results = document.get("results")
    if language is None and isinstance(results, dict):
        language = results.get("language_code")
    title = document.get("jobName") or document.get("title")
    return Metadata(title=title if isinstance(title, str) and title.strip() else None,
                    language=language if isinstance(language, str) and language.strip() else None)
