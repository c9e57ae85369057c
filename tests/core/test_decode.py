"""Bytes to text: BOMs, UTF-8/16, the Windows code pages, and every kind of line end."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.decode import NotText, decode
from reader.core.loader import load_transcript

RUSSIAN = ("Вопрос: Господин министр, спасибо, что нашли время для интервью.\n\n"
           "Сергей Лавров: Спасибо. Мы всегда готовы говорить о наших отношениях с Соединёнными Штатами.\n\n"
           "Вопрос: Как вы оцениваете встречу в Гамбурге?\n\n"
           "Сергей Лавров: Это была хорошая, деловая встреча. Президенты говорили больше двух часов.\n")
FRENCH = ("Question : « Où étiez-vous ce soir-là ? »\n\n"
          "Réponse : À la maison, avec ma sœur. C’était l’été, il faisait très chaud — trop chaud.\n\n"
          "Question : Et après ?\n\nRéponse : Rien de spécial. Nous avons regardé un film français.\n")


def test_utf8_without_bom() -> None:
    decoded = decode(RUSSIAN.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (RUSSIAN, "utf-8")


def test_utf8_with_bom_loses_the_bom() -> None:
    decoded = decode(codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    decoded = decode(bom + FRENCH.encode(codec))
    assert decoded.text == FRENCH
    assert decoded.encoding == "utf-16"


def test_utf16_without_bom_is_still_recognised() -> None:
    decoded = decode(FRENCH.encode("utf-16-le"))
    assert decoded.text == FRENCH


def test_cp1251_russian() -> None:
    decoded = decode(RUSSIAN.encode("cp1251"))
    assert decoded.encoding == "cp1251"
    assert decoded.text == RUSSIAN


def test_cp1252_western() -> None:
    decoded = decode(FRENCH.encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert decoded.text == FRENCH


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_become_newlines(newline: str) -> None:
    decoded = decode(RUSSIAN.replace("\n", newline).encode("utf-8"))
    assert decoded.text == RUSSIAN


def test_mixed_line_ends() -> None:
    assert decode(b"a\r\nb\rc\nd").text == "a\nb\nc\nd"


def test_binary_is_refused() -> None:
    with pytest.raises(NotText):
        decode(bytes(range(256)) * 20)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_a_file_in_any_encoding_reads_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "interview.txt"
    path.write_bytes(RUSSIAN.replace("\n", "\r\n").encode(encoding))
    t = load_transcript(path)
    assert t.layout == "labelled"
    assert [s.label for s in t.speakers] == ["Вопрос", "Сергей Лавров"]
    assert t.turns[1].text.startswith("Спасибо. Мы всегда готовы")
    assert t.speaker_by_key["вопрос"].role.value == "interviewer"
