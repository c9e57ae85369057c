"""A Word document (.docx), as transcribers, transcription services (Otter, Rev, Trint, Descript) and people
pasting into Word make them.

The document's body is read in order: each paragraph a block (its soft line breaks kept as line ends), each
Heading-styled paragraph a HEADING, each table row a line of cells. `docx_turns` then decides what the markup
says about the speakers. The package is read with the standard library's zipfile and ElementTree: a transcript
needs paragraphs, runs, bold, breaks, styles and tables, which are a few dozen lines of WordprocessingML, and
python-docx would bring lxml (about 10 MB) while hiding the run-level detail (bold label runs, breaks) and the
order of paragraphs and tables in the body that this reader needs.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree

from reader.core.containers import ContainerError, Extracted, sniffing

NAME = "docx"
sniff = sniffing.docx  # what kind a file is: told apart without importing this module

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DAMAGED = "a damaged Word document (.docx) that cannot be read; it may be incomplete or corrupt"
_ENCRYPTED = "a password-protected Word document; open it in Word and save a copy without the password"
_NOT_WORD = "a ZIP archive without a Word document in it (no word/document.xml), not a .docx transcript"
_MAX_PART = 256 * 1024 * 1024
_OFF = {"0", "false", "off", "none"}
_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)


@dataclass
class Paragraph:
    """A paragraph's text (soft breaks as "\\n", tabs as "\\t"), how much of its start is bold, and its heading
    level (0 for body text; a Title-styled paragraph is level 0 with `title` set)."""

    text: str
    bold_prefix: int = 0  # characters at the start set in bold runs (after leading spaces)
    heading: int = 0
    title: bool = False

    @property
    def all_bold(self) -> bool:
        return self.bold_prefix >= len(self.text.rstrip())


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Document:
    body: list[Paragraph | Table]
    # The core properties' title. Not their dates: "created" is when the file began, often a copy of an older
    # transcript's or a template's, and never the interview's date, which only the text itself can give.
    title: str | None = None


def extract(data: bytes) -> Extracted:
    from reader.core.containers import docx_turns

    return docx_turns.arrange(read(data))


def read(data: bytes) -> Document:
    """The document's body, styles resolved, and its core properties; ContainerError when it cannot be read."""
    if data.startswith(sniffing.OLE):
        raise ContainerError(_ENCRYPTED if "EncryptedPackage".encode("utf-16-le") in data else _DAMAGED)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                raise ContainerError(_NOT_WORD)
            document = ElementTree.fromstring(_part(package, "word/document.xml"))
            styles = ElementTree.fromstring(_part(package, "word/styles.xml")) if "word/styles.xml" in names \
                else None
            core = ElementTree.fromstring(_part(package, "docProps/core.xml")) if "docProps/core.xml" in names \
                else None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ElementTree.ParseError, NotImplementedError,
            RuntimeError, ValueError) as exc:
        if isinstance(exc, ContainerError):
            raise
        raise ContainerError(_DAMAGED) from exc
    body = document.find(f"{_W}body")
    if body is None:
        raise ContainerError(_DAMAGED)
    reader = _BodyReader(*_style_facts(styles))
    reader.blocks(body)
    title = " ".join((core.findtext(f"{_DC}title") or "").split()) if core is not None else ""
    return Document(reader.body, title or None)


def _part(package: zipfile.ZipFile, name: str) -> bytes:
    """A part of the package, read no further than `_MAX_PART`: a few kilobytes can unzip to gigabytes."""
    with package.open(name) as part:
        data = part.read(_MAX_PART + 1)
    if len(data) > _MAX_PART:
        raise ContainerError(f"a Word document whose text unpacks to over {_MAX_PART // 1_000_000} MB; "
                             "too large to be a transcript")
    return data


def _style_facts(styles: ElementTree.Element | None) -> tuple[dict[str, int], set[str], set[str]]:
    """Heading levels of the paragraph styles (by the style's built-in name, which Word writes in English
    whatever the document's language), the Title styles, and the character styles that are bold."""
    levels: dict[str, int] = {}
    titles: set[str] = set()
    bold: set[str] = set()
    if styles is None:
        return levels, titles, bold
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId") or ""
        name_el = style.find(f"{_W}name")
        name = (name_el.get(f"{_W}val") if name_el is not None else None) or style_id
        heading = _HEADING_STYLE.fullmatch(name.strip())
        if heading:
            levels[style_id] = int(heading[1])
        elif outline := _outline_level(style.find(f"{_W}pPr/{_W}outlineLvl")):
            levels[style_id] = outline
        if name.strip().casefold() == "title":
            titles.add(style_id)
        if style.get(f"{_W}type") == "character" and _on(style.find(f"{_W}rPr/{_W}b")):
            bold.add(style_id)
    return levels, titles, bold


def _outline_level(element: ElementTree.Element | None) -> int:
    """A paragraph's outline level, 1 for the top (Word writes 0..8; 9 is body text); 0 when it has none."""
    value = element.get(f"{_W}val") or "" if element is not None else ""
    return int(value) + 1 if value.isdigit() and int(value) < 9 else 0


def _on(flag: ElementTree.Element | None) -> bool:
    return flag is not None and (flag.get(f"{_W}val") or "true").casefold() not in _OFF


class _BodyReader:
    """Walks the body: paragraphs and tables in order, content controls (`w:sdt`) opened, deletions skipped."""

    def __init__(self, levels: dict[str, int], titles: set[str], bold_styles: set[str]):
        self.levels, self.titles, self.bold_styles = levels, titles, bold_styles
        self.body: list[Paragraph | Table] = []

    def blocks(self, parent: ElementTree.Element) -> None:
        for child in parent:
            if child.tag == f"{_W}p":
                self.body.append(self.paragraph(child))
            elif child.tag == f"{_W}tbl":
                self.body.append(self.table(child))
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
                self.blocks(child)

    def paragraph(self, p: ElementTree.Element) -> Paragraph:
        pieces: list[tuple[str, bool]] = []
        self._runs(p, pieces)
        text = "".join(piece for piece, _ in pieces)
        lead = len(text) - len(text.lstrip())
        bold_prefix, at = 0, 0
        for piece, bold in pieces:
            at += len(piece)
            if at <= lead:
                continue
            if not bold and piece.strip():
                break
            bold_prefix = at - lead
        properties = p.find(f"{_W}pPr")
        style = properties.find(f"{_W}pStyle") if properties is not None else None
        style_id = style.get(f"{_W}val") or "" if style is not None else ""
        level = self.levels.get(style_id, 0)
        if not level and properties is not None:
            level = _outline_level(properties.find(f"{_W}outlineLvl"))
        if not level and style_id:
            heading = _HEADING_STYLE.fullmatch(style_id)  # a document without styles.xml
            level = int(heading[1]) if heading else 0
        return Paragraph(text, bold_prefix if text.strip() else 0, level, style_id in self.titles)

    def _runs(self, parent: ElementTree.Element, pieces: list[tuple[str, bool]]) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}r":
                properties = child.find(f"{_W}rPr")
                bold = properties is not None and (_on(properties.find(f"{_W}b")) or (
                    (style := properties.find(f"{_W}rStyle")) is not None
                    and style.get(f"{_W}val") in self.bold_styles))
                for part in child:
                    if part.tag == f"{_W}t" and part.text:
                        pieces.append((part.text, bold))
                    elif part.tag == f"{_W}tab":
                        pieces.append(("\t", bold))
                    elif part.tag in (f"{_W}br", f"{_W}cr"):
                        pieces.append(("\n", bold))
                    elif part.tag == f"{_W}noBreakHyphen":
                        pieces.append(("-", bold))
            elif tag in (f"{_W}del", f"{_W}moveFrom", f"{_W}pPr", f"{_W}rPr"):
                continue  # deleted text, and properties
            else:  # hyperlinks, insertions, smart tags, simple fields, inline content controls
                self._runs(child, pieces)

    def table(self, tbl: ElementTree.Element) -> Table:
        table = Table()
        for row in tbl.iter(f"{_W}tr"):
            cells = []
            for cell in row.findall(f"{_W}tc"):
                texts = [self.paragraph(p).text.strip() for p in cell.iter(f"{_W}p")]
                cells.append("\n".join(t for t in texts if t))
            table.rows.append(cells)
        return table
