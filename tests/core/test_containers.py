"""The container step: what a container knows (furniture, headings, speakers, times) reaches the transcript,
and nothing of its text is lost."""

from __future__ import annotations

from reader.core.containers import Block, BlockKind, Extracted, extract
from reader.core.loader import parse_extracted
from reader.core.model import AsideKind, Metadata
from tests.core.layout_checks import assert_lossless


def _blocks(text: str, *pieces: tuple[str, dict]) -> tuple[Block, ...]:
    out, at = [], 0
    for piece, extra in pieces:
        start = text.index(piece, at)
        at = start + len(piece)
        out.append(Block((start, at), **extra))
    return tuple(out)


def test_structured_blocks_become_turns_with_times_and_headings() -> None:
    text = "Menu Home About\n\nPart one\n\nAnn [00:01]\n\nHello and welcome.\n\nBob\n\nThanks.\n\nMore from Bob.\n"
    blocks = _blocks(
        text,
        ("Menu Home About", {"kind": BlockKind.FURNITURE}),
        ("Part one", {"kind": BlockKind.HEADING}),
        ("[00:01]", {"kind": BlockKind.TIMING}),
        ("Hello and welcome.", {"speaker": "Ann", "label_span": (text.index("Ann"), text.index("Ann") + 3),
                                "start": 1.0}),
        ("Thanks.", {"speaker": "Bob", "label_span": (text.index("Bob"), text.index("Bob") + 3)}),
        ("More from Bob.", {"speaker": "Bob"}),
    )
    t = parse_extracted(Extracted(text, "json", blocks=blocks, structured=True, metadata=Metadata(title="Talk")))
    assert t.layout == "structured" and t.source_format == "json"
    assert [(t.speaker(turn).name, turn.text, turn.start) for turn in t.turns] == [
        ("Ann", "Hello and welcome.", 1.0), ("Bob", "Thanks.\n\nMore from Bob.", None)]
    assert [(h.title, h.turn) for h in t.headings] == [("Part one", 0)]
    assert {a.kind for a in t.asides} == {AsideKind.BOILERPLATE, AsideKind.SECTION, AsideKind.FURNITURE}
    assert t.metadata.title == "Talk"
    assert_lossless(t)


def test_unstructured_container_text_goes_to_the_layouts_with_its_furniture_hidden() -> None:
    text = ("Skip to content\n\nQuestion: Why now?\n\nMayor: Because.\n\nQuestion: And then?\n\nMayor: We build.\n\n"
            "© 2024")
    furniture = {"kind": BlockKind.FURNITURE}
    blocks = _blocks(text, ("Skip to content", furniture), ("© 2024", furniture))
    t = parse_extracted(Extracted(text, "html", blocks=blocks))
    assert t.layout == "labelled"
    assert [t.speaker(turn).name for turn in t.turns] == ["Question", "Mayor", "Question", "Mayor"]
    assert "Skip" not in " ".join(turn.text for turn in t.turns) and "©" not in t.turns[-1].text
    assert [a.text for a in t.boilerplate] == ["Skip to content", "© 2024"]
    assert_lossless(t)


def test_text_files_are_the_text_container() -> None:
    assert extract(b"Question: Hi?\n").source_format == "text"
