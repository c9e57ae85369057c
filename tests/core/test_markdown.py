"""Markdown read as a reader sees it rendered, YAML front matter in every layout, byte-order marks where files
were joined, and half characters handed to the parser."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.containers import extract, front_matter
from reader.core.containers.markdown import inline
from reader.core.loader import load_transcript, parse_text
from reader.core.model import AsideKind, Heading, Transcript
from tests.core.layout_checks import assert_lossless

MARKDOWN = Path(__file__).parents[1] / "data" / "markdown"
LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def who_said(t: Transcript) -> list[tuple[str, str]]:
    return [(t.speaker(turn).name, turn.text) for turn in t.turns]


def test_an_oral_history_in_quotes_with_sections() -> None:
    t = load_transcript(MARKDOWN / "oral-history.md")
    assert (t.source_format, t.layout) == ("markdown", "labelled")
    assert [s.name for s in t.speakers] == ["Interviewer", "Ines Duarte"]
    assert len(t.turns) == 8
    said = who_said(t)
    # `> *Name:* text` is a labelled turn; the escaped stars stay, as the reader sees them.
    assert said[1] == ("Ines Duarte", "In Ribeira, two streets up from the water. My father mended nets on the "
                                      "quay, and I sat on the *biggest* coil of rope and watched him.")
    # Emphasis, the link's target and the image are gone; the link's words stay.
    assert said[3][1] == ("Their names. The Esperança, the Dois Irmãos, and my uncle's boat, which everyone "
                          "called the Old Lady because she leaked.")
    # A list keeps its numbers, an item a paragraph; `\_` is an underscore.
    assert [p.text for p in t.turns[5].paragraphs] == [
        "At fourteen. We had three rules:", "1. never be late,", "2. never cut the sardines crooked,",
        "3. never talk back to the foreman_in_chief."]
    assert "with snake_case headings" in said[7][1]  # code ticks gone, the underscore in a word kept
    # The document's sections (`##` and a `---` underline), never turns; the lone `#` title is no section.
    assert t.headings == (Heading("Part 1: Childhood on the river", 0, 2), Heading("Part 2: The cannery", 4, 2),
                          Heading("The work in 1974", 6, 2))
    assert not any(mark in turn.text for turn in t.turns for mark in ("**", "](", "<!--", "> ", "\\", "`"))
    assert_lossless(t)


def test_front_matter_with_yaml_quoting_and_escapes() -> None:
    t = load_transcript(MARKDOWN / "oral-history.md")
    m = t.metadata
    assert (m.title, m.date, m.time, m.place, m.language) == (
        'Harbour Voices: Ines "Nessa" Duarte', "2019-06-02", "14:30", "Porto, Ribeira", "en")
    assert m.source == "harbour_voices_archive"
    front = [a for a in t.asides if a.kind is AsideKind.HEADER]
    assert front[0].text.startswith("---\ntitle:") and front[0].text.endswith("---")
    assert not any("Harbour Voices" in turn.text for turn in t.turns)


def test_every_way_of_writing_a_label() -> None:
    t = load_transcript(MARKDOWN / "labels.md")
    assert [s.name for s in t.speakers] == ["Unknown speaker", "Maya Chen", "Q", "Tomás Ruiz"]
    said = who_said(t)
    assert said[0][1] == "Notes from the Small Press podcast, see https://example.org/small-press and the archive."
    assert said[1] == ("Maya Chen", "Welcome to the show. Today my guest is a printer who still sets type by hand.")
    assert said[2] == ("Q", "Is that you asking the questions, Maya?")
    assert said[4] == ("Tomás Ruiz", "It's a garage with a Heidelberg press and forty cases of lead type. The "
                                     "neighbours hate it at six in the morning [laughs].")
    assert said[-1] == ("Tomás Ruiz", "Wedding invitations, two thousand of them, in Caslon #540.")
    assert not any("archive]:" in turn.text or "***" in turn.text for turn in t.turns)  # definitions, rules
    assert_lossless(t)


@pytest.mark.parametrize("name", ["labelled-markdown.md", "descript-export.md"])
def test_the_markdown_layouts_keep_their_turns(name: str) -> None:
    rendered = load_transcript(LAYOUTS / name)
    raw = parse_text((LAYOUTS / name).read_text(encoding="utf-8"))
    assert rendered.source_format == "markdown"
    assert [(t.speaker, t.start, t.text) for t in rendered.turns] == [(t.speaker, t.start, t.text) for t in raw.turns]
    assert rendered.metadata.title == raw.metadata.title
    assert "**" not in rendered.source
    assert_lossless(rendered)


@pytest.mark.parametrize(("written", "shown"), [
    (r"snake_case, file\_name and \[sic\] and 2 \* 3", "snake_case, file_name and [sic] and 2 * 3"),
    ("**bold**, __bold__, *it*, _it_, ***both***, **bold *and* it**", "bold, bold, it, it, both, bold and it"),
    ("f*ck that s**t, 5 * 3 * 2", "f*ck that s**t, 5 * 3 * 2"),  # no emphasis inside words or around spaces
    ("[the report](https://example.org/r \"Title\") and ![a chart](c.png)", "the report and "),
    ("<https://example.org/a?b=1> and <ana@example.org>", "https://example.org/a?b=1 and ana@example.org"),
    ("`**kept**` &amp; &eacute;t&eacute; <b>Jane:</b>", "**kept** & été Jane:"),
    ("Q: ~~no~~ yes", "Q: no yes"),
    # private-use characters are the renderer's placeholders: the text's own come through as written, in code too
    ("\ue000 `\ue000 \uf8ff` <https://a.org/`x`> \U000f0000", "\ue000 \ue000 \uf8ff https://a.org/x \U000f0000"),
])
def test_inline_markup(written: str, shown: str) -> None:
    assert inline(written) == shown


def test_headings_and_rules() -> None:
    source = ("# Interview\n\n## Morning\n\n**Ana:** Hello.\n\n**Ben:** Hi.\n\n---\n\nEvening\n-------\n\n"
              "**Ana:** Bye.\n\n**Ben:** Bye then.\n\n# # #\n")
    t = load_bytes(source, ".md")
    assert t.metadata.title == "Interview"
    assert t.headings == (Heading("Morning", 0, 2), Heading("Evening", 2, 2))
    assert who_said(t)[-1] == ("Ben", "Bye then.")
    assert "# # #" in [a.text for a in t.asides if a.kind is AsideKind.BOILERPLATE]  # an end mark, not a heading
    assert [a.text for a in t.asides if a.kind is AsideKind.SECTION] == ["Morning", "Evening"]
    assert_lossless(t)


def test_two_top_headings_are_sections_not_a_title() -> None:
    t = load_bytes("# Day one\n\nAna: Hello.\n\nBen: Hi.\n\n# Day two\n\nAna: Again.\n\nBen: Yes.\n", ".md")
    assert t.headings == (Heading("Day one", 0, 1), Heading("Day two", 2, 1))
    assert t.metadata.title is None


def test_a_code_fence_is_kept_as_written() -> None:
    t = load_bytes("Ana: Look at this:\n\n```\n**not bold** and `ticks`\n```\n\nBen: Nice.\n\nAna: Yes.\n\n"
                   "Ben: Well.\n", ".md")
    assert [p.text for p in t.turns[0].paragraphs] == ["Look at this:", "**not bold** and `ticks`"]


def test_markdown_in_a_text_file_is_recognised_by_its_shape() -> None:
    source = ("# Episode 4\n\n**Host:** Welcome to [the show](https://example.org).\n\n**Guest:** Thanks!\n\n"
              "**Host:** First, the \\*big\\* question.\n\n**Guest:** Go on.\n")
    assert extract(source.encode(), ".txt").source_format == "markdown"
    t = load_bytes(source, ".txt")
    assert who_said(t)[2] == ("Host", "First, the *big* question.")


@pytest.mark.parametrize("path", sorted(p for p in LAYOUTS.iterdir() if p.suffix != ".md"), ids=lambda p: p.name)
def test_text_fixtures_stay_text(path: Path) -> None:
    assert extract(path.read_bytes(), path.suffix).source_format == "text"


# --- front matter in every layout --------------------------------------------------------------------------

FRONT = "---\ntitle: 'Night shift: the handover'\ndate: 2023-11-04\nplace: Leeds General\n---\n"


@pytest.mark.parametrize(("body", "layout"), [
    ("Emma  0:37\nSo who starts the handover?\n\nRavi  0:41\nI do, usually.\n\nEmma  0:45\nAnd then?\n", "timestamped"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Emma>So who starts?\n\n00:00:03.500 --> 00:00:05.000\n"
     "<v Ravi>I do.\n", "webvtt"),
    ("Emma: So who starts the handover?\n\nRavi: I do, usually.\n\nEmma: And then?\n", "labelled"),
    ("We start at seven. The night nurse reads the board aloud.\n\nThen we walk the ward.\n", "plain"),
])
def test_front_matter_in_every_layout(body: str, layout: str) -> None:
    for t in (load_bytes(FRONT + body, ".txt"), parse_text(FRONT + body)):
        assert t.layout == layout
        assert (t.metadata.title, t.metadata.date, t.metadata.place) == (
            "Night shift: the handover", "2023-11-04", "Leeds General")
        assert next(a.text for a in t.asides if a.kind is AsideKind.HEADER) == FRONT.rstrip("\n")
        assert not any("title" in turn.text or "Leeds" in turn.text for turn in t.turns)
        assert_lossless(t)


@pytest.mark.parametrize(("written", "value"), [
    (r"Interview\_with\_Ana", "Interview_with_Ana"),  # a Markdown exporter's escapes in a plain value
    (r'"Caf\u00e9 \"Lisboa\"\tnotes"', 'Café "Lisboa" notes'),  # YAML's double-quoted escapes
    (r'"Interview\_with\_Ana"', "Interview_with_Ana"),
    ("'It''s late'", "It's late"),  # single quotes double themselves
    ("Porto # the city", "Porto"),  # a comment after a value
    ("[oral history, fishing]", ""),  # a list is no title
])
def test_yaml_values(written: str, value: str) -> None:
    assert front_matter.scalar(written) == value


def test_a_rule_above_a_title_is_not_front_matter() -> None:
    source = ("---\nInterview with the night nurse\n---\n\nEmma: Who starts?\n\nRavi: I do.\n\nEmma: Then?\n\n"
              "Ravi: Rounds.\n")
    assert front_matter.read(source) is None
    assert front_matter.read("---\ntitle: x\n\nEmma: no closing rule\n") is None
    t = parse_text(source)
    assert t.layout == "labelled" and len(t.turns) == 4
    assert_lossless(t)


# --- marks and half characters ---------------------------------------------------------------------------

def test_byte_order_marks_where_files_were_joined_are_kept_aside(tmp_path: Path) -> None:
    one = "Emma  0:37\nSo who starts the handover?\n\nRavi  0:41\nI do, usually.\n"
    two = "Emma  1:02\nAnd after that?\n\nRavi  1:05\nThe drugs round.\n"
    path = tmp_path / "joined.txt"
    path.write_bytes(codecs.BOM_UTF8 + one.encode() + codecs.BOM_UTF8 + two.encode())
    t = load_transcript(path)
    assert [(t.speaker(turn).name, turn.start) for turn in t.turns] == [
        ("Emma", 37.0), ("Ravi", 41.0), ("Emma", 62.0), ("Ravi", 65.0)]
    assert [a.text for a in t.asides if a.kind is AsideKind.FURNITURE].count("\ufeff") == 1
    assert_lossless(t)
    assert_lossless(parse_text(one + "\ufeff" + two))


def test_a_lone_surrogate_does_not_stop_parsing() -> None:
    t = parse_text("Q: Half a smile \ud83d here?\n\nA: Yes.\n\nQ: Sure?\n")
    assert t.turns[0].text == "Half a smile \ufffd here?"
    assert_lossless(t)


def load_bytes(source: str, suffix: str) -> Transcript:
    from reader.core.loader import parse_extracted

    return parse_extracted(extract(source.encode("utf-8"), suffix))
