"""Detection picks the right layout for every shape of file, and anything else is plain paragraphs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.formats.detect import LAYOUTS, detect_layout, layout_names
from reader.core.formats.sniffing import SNIFFERS
from reader.core.loader import parse_text, sample_path

LAYOUT_DIR = Path(__file__).parents[1] / "data" / "layouts"

EXPECTED = {
    "bracketed-log.txt": "timestamped",
    "court-hearing.txt": "court",
    "descript-export.md": "timestamped",
    "film-dialogue.srt": "srt",
    "film-subtitles.vtt": "webvtt",
    "forschungsinterview-i-b.txt": "labelled",
    "gpo-hearing.txt": "labelled",
    "hansard-names-alone.txt": "labelled",
    "interview-subtitles.srt": "srt",
    "briefing-clock-lines.txt": "labelled",
    "labelled-briefing.txt": "labelled",
    "labelled-caps.txt": "labelled",
    "labelled-markdown.md": "labelled",
    "labelled-prose-colons.txt": "labelled",
    "labelled-qa.txt": "labelled",
    "labelled-titles.txt": "labelled",
    "otter-export.txt": "timestamped",
    "podcast-contents-and-titles.txt": "timestamped",
    "podcast-lowercase-names.txt": "labelled",
    "otter-speaker-numbers.txt": "timestamped",
    "panel-discussion.srt": "srt",
    "pasted-print-interview.txt": "plain",
    "entretien-tirets.txt": "plain",
    "meeting-dash-times.txt": "timestamped",
    "name-over-time.txt": "timestamped",
    "podcast-captions.vtt": "webvtt",
    "research-interview-i-r.txt": "labelled",
    "rev-transcript.txt": "timestamped",
    "teams-meeting.vtt": "webvtt",
    "trint-export.txt": "timestamped",
    "webpage-meeting.txt": "webpage",
    "webpage-gov-press-conference.txt": "webpage",
    "word-transcribe.txt": "timestamped",
    "zoom-recording.vtt": "webvtt",
    "zoom-transcript.txt": "timestamped",
    "caps-alone-interview.txt": "labelled",
    "congressional-record.txt": "labelled",
    "court-deposition.txt": "court",
    "labelled-deposition.txt": "labelled",
    "labelled-diarised.txt": "labelled",
    "labelled-press-aliases.txt": "labelled",
    "oral-history-alone.txt": "labelled",
    "labelled-form-feeds.txt": "labelled",
    "bracketed-names.txt": "labelled",
    "screenplay.fountain": "script",
    "youtube-captions.sbv": "sbv",
    "teams-transcript.txt": "teams-text",
    "podcast-timestamps.txt": "timestamped",
    "bracketed-speakers.txt": "timestamped",
    "diarised-captions.srt": "srt",
    "tight-dashes.srt": "srt",
    "chapter-notes.vtt": "webvtt",
    "chapters.vtt": "webvtt",
    "select-committee.txt": "webpage",  # copied from the committee's page: its title and date lines lead
    "entrevue-qr.txt": "labelled",
    "interview-frage-antwort.txt": "labelled",
}

# One small file of each layout written here, so detection is tested apart from the fixtures' details.
INLINE = {
    "webvtt": "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna>Hello, everyone.\n\n"
              "00:00:04.500 --> 00:00:06.000\n<v Ben>Hi Anna.\n",
    "srt": "1\n00:00:01,000 --> 00:00:04,000\nAnna: Hello, everyone.\n\n2\n00:00:04,500 --> 00:00:06,000\n"
           "Ben: Hi Anna.\n\n3\n00:00:06,500 --> 00:00:08,000\nAnna: Shall we start?\n",
    "timestamped": "[00:00:01] Anna: Hello, everyone.\n[00:00:04] Ben: Hi Anna.\n[00:00:06] Anna: Shall we start?\n"
                   "[00:00:09] Ben: Yes.\n",
    "court": "\n".join(f"{n:2d}      {line}" for n, line in enumerate(
        ["MR. JONES:  Good morning.", "MS. LEE:  Good morning,", "your Honor.", "MR. JONES:  Shall we",
         "begin with the first exhibit?", "MS. LEE:  Yes.", "THE COURT:  Proceed.", "MR. JONES:  Thank you.",
         "MS. LEE:  The exhibit is", "a letter of May 3.", "THE COURT:  Noted.", "MR. JONES:  Next."], start=1)),
    "webpage": "News\n\n3 March 201909:15\n\nInterview with the mayor, Ghent, March 3, 2019\n\n  • en-GB1 nl-BE1\n\n"
               "Question: What is next?\n\nMayor: A new lock.\n\nQuestion: When?\n\nMayor: Next year.\n\nPrint\n",
    "labelled": "Question: What is next?\n\nMayor: A new lock.\n\nQuestion: When?\n\nMayor: Next year.\n",
    "script": "INT. HARBOUR OFFICE - DAY\n\nRain on the window.\n\nMAYOR\n(reading)\nA new lock.\n\nCLERK (O.S.)\n"
              "When?\n\nMAYOR\nNext year.\n\nCUT TO:\n",
    "plain": "It was a cold morning in March.\n\nThe harbour was quiet, and the lock was closed for repairs.\n",
    "sbv": "0:00:01.000,0:00:04.000\nHello, everyone.\n\n0:00:04.500,0:00:06.000\nHi Anna.\n",
    "teams-text": "0:0:1.0 --> 0:0:4.0\nAnna Berg\nHello, everyone.\n0:0:4.5 --> 0:0:6.0\nBen Ode\nHi Anna.\n"
                  "0:0:6.5 --> 0:0:8.0\nAnna Berg\nShall we start?\n",
}


def test_every_layout_is_registered() -> None:
    assert set(layout_names()) == set(INLINE)


@pytest.mark.parametrize(("name", "layout"), EXPECTED.items())
def test_fixture_detected(name: str, layout: str) -> None:
    path = LAYOUT_DIR / name
    if not path.exists():
        pytest.skip(f"{name} not in this checkout")
    assert detect_layout(path.read_text(encoding="utf-8")) == layout


@pytest.mark.parametrize(("layout", "text"), INLINE.items())
def test_inline_sample_detected(layout: str, text: str) -> None:
    assert detect_layout(text) == layout
    assert parse_text(text).layout == layout


def test_the_sample_is_a_web_page() -> None:
    assert detect_layout(sample_path().read_text(encoding="utf-8")) == "webpage"


@pytest.mark.parametrize("layout", sorted(INLINE))
def test_forcing_a_layout_is_obeyed(layout: str) -> None:
    t = parse_text(INLINE["labelled"], layout)
    assert t.layout in (layout, "plain")  # "plain" only with a warning saying why
    assert t.layout == layout or t.warnings


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u00a0\t\f", ":", "20:08", "Q", "**", "-->"])
def test_trivial_text_never_fails(text: str) -> None:
    t = parse_text(text)
    assert t.warnings == ()
    said = "".join("".join(turn.text.split()) for turn in t.turns)
    assert said == "".join(text.split())


def test_sniffers_only_read_the_head_of_a_huge_file() -> None:
    text = INLINE["labelled"] * 200_000  # 12 MB
    for module in LAYOUTS.values():
        module.sniff(text)  # would take seconds if a sniffer scanned everything
    assert detect_layout(text) == "labelled"


def test_prose_is_plain() -> None:
    t = parse_text(INLINE["plain"])
    assert t.layout == "plain"
    assert [turn.text for turn in t.turns] == [
        "It was a cold morning in March.\n\nThe harbour was quiet, and the lock was closed for repairs."]
    assert [s.name for s in t.speakers] == ["Unknown speaker"]
    assert t.exchanges[0].label == "Intro"


def test_one_huge_unpunctuated_paragraph() -> None:
    words = ["so", "and", "then", "we", "went", "to", "the", "river", "because", "it", "was", "hot"]
    text = " ".join(words[i % len(words)] for i in range(300_000))  # 1.3 MB, one line, no full stop
    t = parse_text(text)
    assert t.layout == "plain"
    assert len(t.turns) == 1 and len(t.turns[0].paragraphs) == 1
    assert t.words == 300_000
    assert t.turns[0].paragraphs[0].span == (0, len(text))


def test_a_labelled_interview_quoting_one_timestamp_stays_labelled() -> None:
    text = INLINE["labelled"] + "\nQuestion: And the tape says [00:01:23] what?\n\nMayor: Nothing.\n"
    assert detect_layout(text) == "labelled"


def test_plain_paragraphs_ended_by_one_newline() -> None:
    first = "The first paragraph is a long line, as word processors write them when saved as text, " * 2
    second = "The second one follows after a single newline, with no blank line between the two of them. " * 2
    t = parse_text(f"{first.strip()}\n{second.strip()}\nA short last line.\n")
    assert t.layout == "plain"
    assert [p.text[:20] for p in t.turns[0].paragraphs] == ["The first paragraph ", "The second one follo",
                                                            "A short last line."]


def test_plain_hard_wrapped_lines_join() -> None:
    t = parse_text("It was a cold morning\nin March, and the harbour\nwas quiet.\n\nNothing moved.\n")
    assert [p.text for p in t.turns[0].paragraphs] == ["It was a cold morning in March, and the harbour was quiet.",
                                                       "Nothing moved."]


def test_forcing_labelled_on_short_lines_keeps_the_text() -> None:
    poem = "The sea\nthe sky\nand the long grey line\n\nof the harbour wall\n"
    t = parse_text(poem, "labelled")
    assert "".join(turn.text for turn in t.turns).replace(" ", "").replace("\n", "") == poem.replace(
        " ", "").replace("\n", "")


def test_a_failing_sniffer_does_not_stop_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> float:
        raise RuntimeError("bug")

    monkeypatch.setattr(LAYOUTS["court"], "sniff", broken)
    assert detect_layout(INLINE["labelled"]) == "labelled"


def test_detecting_imports_only_the_parser_chosen() -> None:
    # The sniffers live in sniffing.py: a labelled interview is told from the other layouts without their parsers.
    code = textwrap.dedent("""
        import sys
        from reader.core.formats.detect import LAYOUTS, detect_layout
        assert "court" in LAYOUTS and len(LAYOUTS) == len(list(LAYOUTS))
        name = detect_layout("Interviewer: Where did you grow up?\\n\\nMaria: In Porto Novo.\\n\\n"
                             "Interviewer: And your father?\\n\\nMaria: A fisherman.\\n")
        LAYOUTS[name]
        print(name, *sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("reader.core.formats.")))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parents[2])
    chosen, *imported = result.stdout.split()
    assert chosen == "labelled" and "labelled" in imported
    assert sorted(set(imported) & {name.replace("-", "_") for name in LAYOUTS}) == ["labelled"]


def test_no_sniffer_scores_above_its_top() -> None:
    # detect_layout skips a sniffer whose top cannot beat the best so far: a higher score would be a lost layout.
    texts = [path.read_text(encoding="utf-8-sig", errors="replace") for path in sorted(LAYOUT_DIR.iterdir())]
    for text in [*texts, *INLINE.values(), sample_path().read_text(encoding="utf-8")]:
        for name, sniffer in SNIFFERS.items():
            assert sniffer.sniff(text) <= sniffer.top, name
