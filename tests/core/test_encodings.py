"""Every legacy code page a transcript arrives in reads as it was written and is named right: interviews in
the languages that use each one, long (a dozen turns) and short (two lines, where a guess has least to go on)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.decode import decode
from reader.core.loader import load_transcript, parse_text
from tests.core.layout_checks import assert_lossless

TEXTS = Path(__file__).parents[1] / "data" / "encodings"

# (text, the code page it is written in, the name `info` gives it)
CASES = [
    ("polish", "cp1250", "cp1250"),
    ("polish", "iso8859_2", "iso-8859-2"),
    ("czech-long", "cp1250", "cp1250"),
    ("czech-long", "iso8859_2", "iso-8859-2"),
    ("russian", "cp1251", "cp1251"),
    ("russian", "koi8_r", "koi8-r"),
    ("french", "cp1252", "cp1252"),  # typographic apostrophes and the euro sign: Windows-1252 only
    ("french-iso", "iso8859_15", "iso-8859-15"),  # `€` and `œ` where ISO-8859-1 has `¤` and `½`
    ("german", "iso8859_1", "iso-8859-1"),
    ("japanese", "shift_jis", "shift_jis"),
    ("chinese-simplified", "gb18030", "gb18030"),
    ("chinese-traditional", "big5", "big5"),
]
SHORT = {"czech-long": "czech-short"}


def _short(name: str) -> str:
    return SHORT.get(name, f"{name}-short")


@pytest.mark.parametrize(("name", "codec", "reported"), CASES, ids=[f"{n}-{c}" for n, c, _ in CASES])
@pytest.mark.parametrize("length", ["long", "short"])
def test_each_code_page_reads_as_written(tmp_path: Path, name: str, codec: str, reported: str,
                                         length: str) -> None:
    text = (TEXTS / f"{name if length == 'long' else _short(name)}.txt").read_text(encoding="utf-8")
    path = tmp_path / "interview.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode(codec))
    t = load_transcript(path)
    assert t.encoding == reported
    assert t.source == text
    # The same turns as the UTF-8 file gives: the speakers' names and what they said, letter for letter.
    expected = parse_text(text)
    assert [(t.speaker(turn).name, turn.text) for turn in t.turns] == \
           [(expected.speaker(turn).name, turn.text) for turn in expected.turns]
    assert_lossless(t)


@pytest.mark.parametrize(("name", "codec", "speakers"), [
    ("polish", "cp1250", ["Dziennikarka", "Zofia Wójcik"]),
    ("czech-long", "iso8859_2", ["Redaktor", "Jiří Dvořák"]),
    ("russian", "koi8_r", ["Корреспондент", "Ольга Петрова"]),
    ("french-iso", "iso8859_15", ["Journaliste", "Élise Garnier"]),
    ("german", "iso8859_1", ["Reporterin", "Jürgen Schäfer"]),
])
def test_speakers_keep_their_letters(tmp_path: Path, name: str, codec: str, speakers: list[str]) -> None:
    path = tmp_path / "interview.txt"
    path.write_bytes((TEXTS / f"{name}.txt").read_text(encoding="utf-8").encode(codec))
    t = load_transcript(path)
    assert [s.name for s in t.speakers] == speakers
    assert len(t.turns) == 12


def test_windows_1252_is_never_named_windows_1251() -> None:
    text = (TEXTS / "french.txt").read_text(encoding="utf-8")
    for piece in (text, text[:200], text.splitlines()[2]):
        assert decode(piece.encode("cp1252")).encoding == "cp1252"


def test_bytes_two_code_pages_read_alike_get_the_standard_name() -> None:
    """German without Windows-only characters is the same bytes in ISO-8859-1 and Windows-1252."""
    text = (TEXTS / "german-short.txt").read_text(encoding="utf-8")
    decoded = decode(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "iso-8859-1")
    # With Word's quotes (bytes 0x80-0x9F) it can only be a Windows code page; Windows-1250 reads these bytes
    # alike too, and the Western one is named.
    quoted = "Reporterin: „Wie lange dauert die Überfahrt?“\nJürgen Schäfer: Zwölf Minuten …\n"
    assert quoted.encode("cp1252") == quoted.encode("cp1250")
    decoded = decode(quoted.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (quoted, "cp1252")


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    """One Windows-1252 byte in a UTF-8 file: the UTF-8 letters stay right, the stray byte is replaced."""
    text = "Hélène Moreau: Une baguette coûte 1,20 € à Lyon, dit-elle.\n" * 20
    decoded = decode(text.encode("utf-8") + "Journaliste: Merci, ça suffit.\n".encode("cp1252"))
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(text)
    assert decoded.text.endswith("Merci, \ufffda suffit.\n")


def test_info_names_the_code_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "interview.txt"
    path.write_bytes((TEXTS / "polish.txt").read_text(encoding="utf-8").encode("iso8859_2"))
    assert main(["info", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["encoding"] == "iso-8859-2"
    assert [s["label"] for s in summary["speakers"]] == ["Dziennikarka", "Zofia Wójcik"]


def test_a_short_western_line_is_not_read_as_central_european() -> None:
    # Every letter of the wrong reading ("crčme", "déjŕ") is Slovak, so only the commonest code page can decide.
    decoded = decode("Café “crème”, déjà vu.\n".encode("cp1252"))
    assert decoded.text == "Café “crème”, déjà vu.\n" and decoded.encoding == "cp1252"
