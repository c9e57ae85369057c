"""Speech-to-text JSON (Whisper, WhisperX, Amazon Transcribe, AssemblyAI, Deepgram): turns with the services'
speakers and start times, times never in the text, and a clear line for JSON that is not a transcript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.containers import ContainerError, extract
from reader.core.containers.turns import LONG_TURN
from reader.core.loader import TranscriptError, load_transcript, parse_extracted
from reader.core.model import AsideKind, Transcript
from tests.core.layout_checks import assert_lossless

CONTAINERS = Path(__file__).parents[1] / "data" / "containers"
FIXTURES = ["whisper.json", "whisperx.json", "amazon-transcribe.json", "assemblyai.json", "deepgram.json"]


def load(name: str) -> Transcript:
    return load_transcript(CONTAINERS / name)


def turns(t: Transcript) -> list[tuple[str, float | None, str]]:
    """(speaker label, start, first words) of each turn."""
    return [(t.speaker(turn).label, turn.start, turn.text[:30]) for turn in t.turns]


def from_json(document: object) -> Transcript:
    return parse_extracted(extract(json.dumps(document).encode(), ".json"))


@pytest.mark.parametrize("name", FIXTURES)
def test_each_service_is_read_as_json_turns_with_nothing_lost(name: str) -> None:
    t = load(name)
    assert (t.source_format, t.layout) == ("json", "structured")
    assert all(turn.start is not None for turn in t.turns)
    assert not any(":" in p.text and p.text[:8].count(":") == 2 for turn in t.turns for p in turn.paragraphs)
    timings = [a.text for a in t.asides if a.kind is AsideKind.FURNITURE]
    assert len(timings) == len(t.turns)  # each turn's time is written on its label line and set aside
    assert_lossless(t)


def test_whisper_without_speakers_is_one_unknown_voice_in_paragraphs_at_pauses() -> None:
    t = load("whisper.json")
    assert t.metadata.language == "en"
    assert [s.label for s in t.speakers] == ["Unknown speaker"]
    assert len(t.turns) == 1 and t.turns[0].start == 0.0
    # A pause of 2.8 s after "...the gulls outside." starts a paragraph; the segment broken mid-sentence does not.
    assert [p.text[:16] for p in t.turns[0].paragraphs] == ["Welcome to the R", "The first winter"]
    assert "the edges and we had to break the ice" in t.turns[0].paragraphs[1].text


def test_whisperx_speakers_from_segments_or_their_words() -> None:
    t = load("whisperx.json")
    assert turns(t) == [
        ("SPEAKER_00", 0.5, "Thanks for coming in. How long"),
        ("SPEAKER_01", 4.6, "Since I was sixteen. My uncle "),  # the next segment has no speaker; its words do
        ("SPEAKER_00", 13.8, "And what was the first boat yo"),
        ("SPEAKER_01", 16.9, "A clinker dinghy called Marigo"),
    ]
    assert t.turns[1].text.endswith("He let me sand hulls for pocket money.")
    assert t.source[slice(*t.turns[0].label_span)] == "SPEAKER_00"  # kept as written, a display name is elsewhere


def test_amazon_transcribe_words_punctuation_and_speaker_labels() -> None:
    t = load("amazon-transcribe.json")
    assert t.metadata.title == "harbour-interview-03" and t.metadata.language == "en-GB"
    assert [(s, start) for s, start, _ in turns(t)] == [("spk_0", 0.4), ("spk_1", 5.6), ("spk_0", 10.8),
                                                         ("spk_1", 14.0)]
    assert t.turns[0].text == "Good afternoon. Can you tell me where you grew up?"
    assert t.turns[3].text == "My father mended nets, and my mother kept the accounts for the cannery."


def test_amazon_newer_audio_segments() -> None:
    t = from_json({"results": {"transcripts": [{"transcript": "Hello. Hi."}], "items": [], "audio_segments": [
        {"id": 0, "transcript": "Hello.", "start_time": "0.5", "end_time": "1.0", "speaker_label": "spk_0"},
        {"id": 1, "transcript": "Hi.", "start_time": "1.5", "end_time": "2.0", "speaker_label": "spk_1"}]}})
    assert turns(t) == [("spk_0", 0.5, "Hello."), ("spk_1", 1.5, "Hi.")]


def test_assemblyai_utterances_in_milliseconds() -> None:
    t = load("assemblyai.json")
    assert turns(t)[:3] == [("A", 0.32, "So the council voted on the br"), ("B", 4.6, "They did, and it passed seven "),
                            ("A", 11.8, "Who changed their mind?")]
    assert t.interviewer is not None and t.interviewer.label == "A"  # the side that asks


def test_assemblyai_words_only_are_grouped_by_speaker() -> None:
    t = from_json({"text": "Yes. No.", "words": [
        {"text": "Yes.", "start": 1000, "end": 1400, "speaker": "A"},
        {"text": "No.", "start": 1500, "end": 1900, "speaker": "B"},
        {"text": "Maybe", "start": 2000, "end": 2200, "speaker": "B"}], "utterances": None})
    assert turns(t) == [("A", 1.0, "Yes."), ("B", 1.5, "No. Maybe")]


def test_deepgram_paragraphs_with_numbered_speakers() -> None:
    t = load("deepgram.json")
    assert turns(t) == [("Speaker 0", 0.08, "Hi, thanks for joining the sho"),
                        ("Speaker 1", 6.3, "We planted the first apple tre"),
                        ("Speaker 0", 14.9, "Why old varieties?"),
                        ("Speaker 1", 17.5, "They cope with the wind off th")]


def test_deepgram_utterances_and_words() -> None:
    utterances = {"results": {"channels": [], "utterances": [
        {"start": 0.2, "end": 1.0, "transcript": "Ready?", "speaker": 0, "channel": 0},
        {"start": 1.4, "end": 2.0, "transcript": "Ready.", "speaker": 1, "channel": 0}]}}
    assert turns(from_json(utterances)) == [("Speaker 0", 0.2, "Ready?"), ("Speaker 1", 1.4, "Ready.")]
    words = {"results": {"channels": [{"alternatives": [{"transcript": "one two", "words": [
        {"word": "one", "punctuated_word": "One.", "start": 3.0, "end": 3.2, "speaker": 0},
        {"word": "two", "punctuated_word": "Two.", "start": 3.5, "end": 3.7, "speaker": 1}]}]}]}}
    assert turns(from_json(words)) == [("Speaker 0", 3.0, "One."), ("Speaker 1", 3.5, "Two.")]


def test_a_long_recording_without_speakers_is_not_one_turn() -> None:
    sentence = "We walked along the towpath and counted the herons on the far bank."
    segments = [{"start": 4.0 * i, "end": 4.0 * i + 3.5, "text": f" {sentence}"} for i in range(2000)]
    t = from_json({"segments": segments})
    assert len(t.turns) > 20 and {s.label for s in t.speakers} == {"Unknown speaker"}
    assert all(len(turn.text) < 2 * LONG_TURN + 3000 for turn in t.turns)
    starts = [turn.start for turn in t.turns]
    assert starts == sorted(starts) and starts[0] == 0.0 and all(s is not None and s % 4 == 0 for s in starts)
    assert sum(turn.words for turn in t.turns) == 2000 * len(sentence.split())
    assert_lossless(t)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_json_in_any_unicode_encoding(encoding: str) -> None:
    document = '{"segments": [{"start": 0.5, "end": 2, "text": " Olá, é isso.", "speaker": "SPEAKER_00"}]}'
    t = parse_extracted(extract(document.encode(encoding), ""))
    assert turns(t) == [("SPEAKER_00", 0.5, "Olá, é isso.")]


def test_whisper_cpp_offsets_in_milliseconds() -> None:
    t = from_json({"systeminfo": "AVX = 1", "model": {"type": "base"}, "transcription": [
        {"timestamps": {"from": "00:00:00,000", "to": "00:00:02,500"}, "offsets": {"from": 0, "to": 2500},
         "text": " The ferry left at six."},
        {"timestamps": {"from": "00:00:05,000", "to": "00:00:07,000"}, "offsets": {"from": 5000, "to": 7000},
         "text": " We were the only ones on it."}]})
    assert [(turn.start, [p.text for p in turn.paragraphs]) for turn in t.turns] == [
        (0.0, ["The ferry left at six.", "We were the only ones on it."])]  # 2.5 s of silence after a sentence


def test_a_bare_list_of_segments() -> None:
    t = from_json([{"start": 1, "end": 2, "text": "Hello there.", "speaker": "SPEAKER_01"}])
    assert turns(t) == [("SPEAKER_01", 1.0, "Hello there.")]


@pytest.mark.parametrize(("content", "message"), [
    (b'{"name": "my-app", "version": "1.0.0", "dependencies": {}}',
     r"is JSON but not a transcript this reader knows \(Whisper, WhisperX, Amazon Transcribe, AssemblyAI, Deepgram\)"),
    (b'[{"id": 1}, {"id": 2}]', "is JSON but not a transcript this reader knows"),
    (b'{"segments": [{"start": 0, "text": "unclosed"', r"cannot be read as JSON \(line 1"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
])
def test_json_that_is_not_a_transcript_gets_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(content)
    with pytest.raises(TranscriptError, match=message) as raised:
        load_transcript(path)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(("content", "suffix"), [
    (b"[00:01:23] Jane: Hello.\n[00:01:30] Bob: Hi.\n", ".txt"), (b"{inaudible} we went home\n", ""),
    (b"[Music]\n\nHello.\n", ".json"),
])
def test_text_that_opens_with_a_bracket_is_not_json(content: bytes, suffix: str) -> None:
    if suffix == ".json":  # a `.json` name vouches for a bracket, but `[Music]` is not JSON: one clear line
        with pytest.raises(ContainerError, match="cannot be read as JSON"):
            extract(content, suffix)
    else:
        assert extract(content, suffix).source_format == "text"


# Random documents of the shapes above: reading them never fails other than with a ContainerError for the user,
# and every character of the text extracted from them is in a turn or an aside.
_TIMES = st.one_of(st.none(), st.floats(-5, 5000), st.integers(-5, 10**7), st.sampled_from(["1.5", "x", ""]),
                   st.booleans())
_TEXT = st.one_of(st.text(max_size=30), st.sampled_from([" Hello.", "Why?", " ", "", "00:01:23", "-->"]), st.none())
_SPEAKER = st.one_of(st.none(), st.sampled_from(["SPEAKER_00", "spk_1", "A", " ", ""]), st.integers(-1, 3))
_RECORD = st.fixed_dictionaries({}, optional={
    "start": _TIMES, "end": _TIMES, "text": _TEXT, "speaker": _SPEAKER, "transcript": _TEXT, "start_time": _TIMES,
    "speaker_label": _SPEAKER, "type": st.sampled_from(["pronunciation", "punctuation"]),
    "alternatives": st.lists(st.fixed_dictionaries({"content": _TEXT}), max_size=2),
    "words": st.lists(st.fixed_dictionaries({"word": _TEXT, "speaker": _SPEAKER, "start": _TIMES}), max_size=3)})
_RECORDS = st.lists(_RECORD, max_size=8)
_DOCUMENTS = st.one_of(
    st.fixed_dictionaries({"segments": _RECORDS}), _RECORDS, st.fixed_dictionaries({"utterances": _RECORDS}),
    st.fixed_dictionaries({"words": _RECORDS, "text": _TEXT}), st.fixed_dictionaries({"transcription": _RECORDS}),
    st.fixed_dictionaries({"results": st.fixed_dictionaries({"items": _RECORDS}, optional={
        "speaker_labels": st.fixed_dictionaries({"segments": _RECORDS}), "audio_segments": _RECORDS})}),
    st.fixed_dictionaries({"results": st.fixed_dictionaries({"utterances": _RECORDS}, optional={
        "channels": st.lists(st.fixed_dictionaries({"alternatives": st.lists(st.fixed_dictionaries({
            "words": _RECORDS, "paragraphs": st.fixed_dictionaries({"paragraphs": st.lists(st.fixed_dictionaries(
                {"speaker": _SPEAKER, "sentences": _RECORDS}), max_size=3)})}), max_size=2)}), max_size=2)})}),
    st.recursive(st.none() | st.integers() | st.text(max_size=5),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)),
)


@settings(max_examples=300, deadline=None)
@given(document=_DOCUMENTS)
def test_any_json_shaped_input_reads_losslessly_or_says_why(document: object) -> None:
    try:
        extracted = extract(json.dumps(document).encode(), ".json")
    except ContainerError as exc:
        assert "\n" not in str(exc)
        return
    t = parse_extracted(extracted)
    assert t.warnings == ()
    assert_lossless(t)
