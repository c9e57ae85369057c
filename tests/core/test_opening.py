"""The opening of a large file (`loader.parse_opening`), shown while the rest is read: its turns are the first
turns of the whole, ids and all, in every family of layouts, so that the first screen shows what the whole will and
the reader's place in it is found again in the whole by turn id.

A long file here is a fixture repeated, or a generated interview or hearing. (A whole document repeated is no long
file of a layout that sets aside what opens and closes a document, a committee's front matter or a deposition's
word index: those come in the middle of such a text, and are read as the single document they are.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_parse import _CLOCK, repeat_layout
from benchmarks.generate import generate
from benchmarks.generate_documents import hearing_text
from reader.core.containers import extract
from reader.core.loader import TranscriptError, parse_extracted, parse_opening
from reader.core.model import Transcript

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"
SIZE = 24_000  # characters of a "large" file made of a fixture, the opening cut after a quarter of it
CHARS = SIZE // 4

# One fixture of each family of layouts, and the shapes whose turns end where the next one's mark begins.
FIXTURES = ["labelled-qa.txt", "labelled-caps.txt", "labelled-briefing.txt", "labelled-titles.txt",
            "interview-frage-antwort.txt", "otter-export.txt",
            "bracketed-log.txt", "trint-export.txt", "teams-meeting.vtt", "zoom-recording.vtt",
            "interview-subtitles.srt", "tight-dashes.srt", "film-dialogue.srt", "youtube-captions.sbv",
            "labelled-markdown.md", "descript-export.md", "screenplay.fountain"]


def large(text: str) -> str:
    """`text` repeated to about SIZE characters, as a longer file of the same layout would be (a timed one's times
    running on)."""
    if _CLOCK.search(text):
        return repeat_layout(text, SIZE / 1e6)
    return "\n\n".join([text.strip("\n")] * max(2, SIZE // len(text))) + "\n"


def assert_opening_of(opening: Transcript | None, whole: Transcript) -> None:
    assert opening is not None
    count = len(opening.turns)
    assert 2 <= count < len(whole.turns)
    assert opening.turns == whole.turns[:count]  # ids, speakers, text, times, spans, exchanges
    assert opening.layout == whole.layout
    speakers = {s.key: (s.name, s.role) for s in whole.speakers}
    assert all(speakers[s.key] == (s.name, s.role) for s in opening.speakers)
    last = len(opening.exchanges) - 1  # the last exchange may lack answers that come after the cut
    assert opening.exchanges[:last] == whole.exchanges[:last]
    assert opening.exchanges[last].label == whole.exchanges[last].label


@pytest.mark.parametrize("name", FIXTURES)
def test_the_opening_is_the_first_turns_of_the_whole(name: str) -> None:
    extracted = extract(large((LAYOUTS / name).read_text(encoding="utf-8")).encode("utf-8"), Path(name).suffix)
    assert_opening_of(parse_opening(extracted, chars=CHARS), parse_extracted(extracted))


def test_a_generated_interview_and_hearing() -> None:
    extracted = extract(generate(300).encode("utf-8"), ".txt")
    assert_opening_of(parse_opening(extracted, chars=20_000, path="x.txt"), parse_extracted(extracted, path="x.txt"))
    extracted = extract(hearing_text(64).encode("utf-8"), ".txt")
    whole = parse_extracted(extracted)
    assert whole.layout == "court"
    assert_opening_of(parse_opening(extracted, chars=16_000), whole)


def test_an_opening_cut_after_a_question_ends_before_it() -> None:
    # At these cuts of a 512 KB hearing, the opening's last turn is a member's question ("And the old treaty?"),
    # which without its answer is read into an exchange of its own: the opening ends at the answer before it.
    extracted = extract(hearing_text(512).encode("utf-8"), ".txt")
    whole = parse_extracted(extracted)
    for chars in (60_000, 90_000):
        opening = parse_opening(extracted, chars=chars)
        assert_opening_of(opening, whole)
        assert opening is not None and opening.turns[-1].span[1] < chars


def test_a_layout_chosen_by_the_reader() -> None:
    extracted = extract(large((LAYOUTS / "labelled-qa.txt").read_text(encoding="utf-8")).encode("utf-8"))
    assert_opening_of(parse_opening(extracted, "labelled", chars=CHARS), parse_extracted(extracted, "labelled"))
    with pytest.raises(TranscriptError, match="unknown layout"):
        parse_opening(extracted, "no such layout", chars=CHARS)


def test_no_opening_of_a_short_text() -> None:
    extracted = extract(generate(20).encode("utf-8"), ".txt")
    assert parse_opening(extracted, chars=len(extracted.text)) is None  # no line end after the cut
    assert parse_opening(extracted, chars=60) is None  # fewer than three turns before it
    line = "x" * 50_000  # a text whose lines run on for far longer than the opening
    extracted = extract(f"Host: Hello.\n\nGuest: Hi.\n\nHost: Go on.\n\nGuest: {line}\n\nHost: Bye.\n".encode())
    assert len(parse_extracted(extracted).turns) == 5
    assert parse_opening(extracted, chars=10_000) is None
