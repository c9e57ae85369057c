"""Markdown, read as a reader sees it rendered: the markup gone, the headings kept as the document's sections.

Transcripts come as Markdown from Descript, Obsidian, static sites and people typing them: `**Jane Doe:** text`,
`> *Name:* text` quotes, `# Part 2` sections, `\\_` escapes, `[links](url)`, YAML front matter. The text handed
to the layouts is what the rendered page shows: escapes, emphasis markers, link targets, images, quote markers
and HTML comments are not in it, so a label is found whatever its markup and a turn reads as it was meant.
Headings become HEADING blocks (a `Heading` and a section aside, never a turn); a title heading that opens the
document alone at its level becomes the title. Blocks stay separated by blank lines and lines stay lines, so
the layouts read the result as they read a text file.

Written by hand rather than with a CommonMark library: markdown-it-py took close to a minute on a 10 MB
transcript here, and a transcript needs the inline markup and a few block forms, not nested HTML rendering. Two
choices differ from CommonMark on purpose: `*` inside a word is no emphasis (transcripts censor `f*ck` and
`s**t`), and an indented paragraph is text, not a code block (transcripts indent their turns).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

from reader.core.containers import Block, BlockKind, Extracted, sniffing
from reader.core.containers import text as plain
from reader.core.decode import decode
from reader.core.model import Metadata

NAME = "markdown"
sniff = sniffing.markdown  # what kind a file is: told apart without importing this module


def extract(data: bytes) -> Extracted:
    decoded = decode(data)  # raises NotText for binary data
    text, blocks, metadata = render(decoded.text)
    return Extracted(text, NAME, decoded.encoding, blocks=blocks, metadata=metadata)


def render(source: str) -> tuple[str, tuple[Block, ...], Metadata]:
    """The text a reader of the rendered `source` sees, its header and heading blocks, and its metadata."""
    writer = _Writer()
    found, metadata = plain.header(source)
    body = source
    if found:  # front matter is kept as written: it is hidden as a header, and metadata says what it meant
        end = found[0].span[1]
        writer.block(source[:end], BlockKind.HEADER, markup=False)
        body = source[end:]
    references = _Blocks(writer).read(body)
    text, blocks = writer.finish(references)
    title = _title_heading(blocks, writer.first_text)
    if title is not None:
        blocks[blocks.index(title)] = Block(title.span, BlockKind.HEADER, level=title.level)
        if metadata.title is None:
            metadata = replace(metadata, title=" ".join(text[title.span[0]:title.span[1]].split()))
    blocks = sorted((*blocks, *plain.join_marks(text)), key=lambda b: b.span)
    return text, tuple(blocks), metadata


class _Writer:
    """Collects the blocks in order, renders their inline markup all at once (one pass of each pattern over
    the whole document is far faster than one per paragraph), and joins them with blank lines."""

    def __init__(self) -> None:
        self.items: list[tuple[str, BlockKind, int, bool]] = []  # text, kind, level, has markup to render
        self.first_text: int | None = None  # where the first TEXT block starts, once finished

    def block(self, text: str, kind: BlockKind = BlockKind.TEXT, level: int = 1, *, markup: bool = True) -> None:
        self.items.append((text, kind, level, markup))

    def finish(self, references: set[str]) -> tuple[str, list[Block]]:
        marked = [i for i, item in enumerate(self.items) if item[3]]
        shown = dict(zip(marked, inline_all([self.items[i][0] for i in marked], references), strict=True))
        parts: list[str] = []
        blocks: list[Block] = []
        length = 0
        for i, (raw, kind, level, _) in enumerate(self.items):
            text = shown.get(i, raw)
            if not text.strip():
                continue
            if parts:
                parts.append("\n\n")
                length += 2
            start = length
            parts.append(text)
            length += len(text)
            if kind is not BlockKind.TEXT:
                blocks.append(Block((start, length), kind, level=level))
            elif self.first_text is None:
                self.first_text = start
        return "".join(parts), blocks


def _title_heading(blocks: list[Block], first_text: int | None) -> Block | None:
    """The document's title: a heading before any text, alone at its level or above."""
    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    if not headings:
        return None
    first = headings[0]
    if first_text is not None and first_text < first.span[0]:
        return None
    if any(b.level <= first.level for b in headings[1:]):
        return None
    return first


_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<title>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?P<line>=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*<?(?P<url>[a-z][a-z0-9+.\-]*:\S*|/\S*|#\S*)>?"
                         r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$", re.IGNORECASE)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+(?=\S)")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HAS_WORD = re.compile(r"[^\W_]")
# The first characters each block form can open a line with.
_QUOTE_OPENS = frozenset(" >")
_FENCE_OPENS = frozenset(" `~")
_HEADING_OPENS = frozenset(" #=-")
_BREAK_OPENS = frozenset(" *-_[")
_LIST_OPENS = frozenset(" \t-*+0123456789")
_SENTENCE_END = (".", "?", "!", ":", ";", ",")


class _Blocks:
    """The block structure, line by line: fences, headings, rules, reference definitions, quotes, lists."""

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.paragraph: list[str] = []
        self.references: set[str] = set()

    def read(self, body: str) -> set[str]:
        """Reads `body` into the writer; returns the labels of its reference definitions (`[label]: url`).
        Each block form is tried only on lines opening with a character it can open with: most lines of a
        transcript are text, and a megabyte has tens of thousands of them."""
        if "<!--" in body:  # a comment is no text; its lines stay, so the paragraphs around it do
            body = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), body)
        lines = body.split("\n")
        self.references = {m["label"].casefold() for m in map(_DEFINITION.match, lines) if m}
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            first = line[:1]
            if first in _QUOTE_OPENS:
                line = _QUOTE.sub("", line)
                first = line[:1]
            if first in _FENCE_OPENS and (fence := _FENCE.match(line)):
                i = self._code(lines, i, fence["fence"])
            elif not line.strip():
                self._flush()
            elif first in _HEADING_OPENS and self._heading(line):
                pass
            elif first in _BREAK_OPENS and (_BREAK.match(line) or (_DEFINITION.match(line) and not self.paragraph)):
                self._flush()  # a rule or a link's target: markup, nothing a reader sees as text
            elif first in _LIST_OPENS and _LIST_ITEM.match(line):
                self._flush()  # each item its own block, so that no layout joins items as wrapped lines
                self.paragraph.append(_BULLET.sub(r"\g<indent>• ", line))
            else:
                self.paragraph.append(line)
        self._flush()
        return self.references

    def _heading(self, line: str) -> bool:
        atx = _ATX.match(line)
        if atx and atx["title"] and _HAS_WORD.search(atx["title"]):
            self._flush()
            self._write_heading(atx["title"], len(atx["marks"]))
            return True
        setext = _SETEXT.match(line) if len(self.paragraph) == 1 else None
        if setext:
            title = self.paragraph[0].strip()
            underline = setext["line"][0]
            # `---` under a sentence or a turn is a rule; a heading is a short line without a closing stop.
            if underline == "=" or (len(title) <= 80 and not title.endswith(_SENTENCE_END)):
                self.paragraph = []
                self._write_heading(title, 1 if underline == "=" else 2)
                return True
        return False

    def _write_heading(self, title: str, level: int) -> None:
        self.writer.block(title, BlockKind.HEADING, level)

    def _code(self, lines: list[str], i: int, fence: str) -> int:
        """A fenced block: its lines as written, the fences gone. Returns the line after the closing fence."""
        self._flush()
        code: list[str] = []
        while i < len(lines):
            line = _QUOTE.sub("", lines[i])
            i += 1
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                break
            code.append(line)
        self.writer.block("\n".join(code), markup=False)
        return i

    def _flush(self) -> None:
        if self.paragraph:
            self.writer.block("\n".join(self.paragraph))
            self.paragraph = []


# --- inline markup -------------------------------------------------------------------------------------------

# The paragraphs are rendered joined by NUL, which no pattern reads across, so markup never spans two of them.
_SEPARATOR = "\x00"
# Stretches whose characters are literal (code, escapes, autolinks, entities) are first replaced by three
# private-use placeholders each (a number in base 6399), so the emphasis and link patterns cannot see into them,
# then put back. Placeholders of the Basic Multilingual Plane keep the text at two bytes a character while it is
# rendered, where one from the planes beyond would make it four (a sixth slower on a 10 MB file).
_PLACEHOLDER_BASE = 0xE000
_PLACEHOLDER_DIGITS = 0xF8FF - _PLACEHOLDER_BASE  # three number 262 billion stretches
# In this order: nothing inside code is markup, then autolinks, escapes, entities. Each pattern opens with its
# marker, so the regex engine skips ahead to it.
_CODE = re.compile(r"(?P<ticks>`+)(?!`)(?P<content>[^\x00]+?)(?<!`)(?P=ticks)(?!`)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>\x00]*|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~\n])")  # a backslash before a line end is a line break
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_PRIVATE = re.compile("[\ue000-\uf8ff]")  # the text's own private-use characters: kept, not mistaken
# Three classes written out, not `{3}`: the engine then skips ahead to the first private-use character, where a
# repeat is tried at every position (splitting 10 MB takes 0.04 s instead of 0.1 s).
_RESTORE = re.compile("([\ue000-\uf8fe][\ue000-\uf8fe][\ue000-\uf8fe])")
# Inline HTML that only formats (other tags stay as written, as any text does).
_FORMATTING_TAG = re.compile(r"</?(?P<tag>b|i|em|strong|u|s|del|ins|span|mark|sup|sub|small|big|font|br|wbr)"
                             r"(?:[ \t][^<>\n\x00]*)?/?>", re.IGNORECASE)
_IMAGE = re.compile(r"!\[[^\]\n\x00]*\](?:\([^)\n\x00]*\)|\[[^\]\n\x00]*\])")
_LINK = re.compile(r"\[(?P<text>[^\]\n\x00]*)\]\([ \t]*(?:<[^>\n\x00]*>|[^)\s\x00]*)"
                   r"(?:[ \t]+(?:\"[^\"\n\x00]*\"|'[^'\n\x00]*'|\([^)\n\x00]*\)))?[ \t]*\)")
_REFERENCE_LINK = re.compile(r"\[(?P<text>[^\]\n\x00]+)\]\[(?P<label>[^\]\n\x00]*)\]")
# Emphasis opens before a non-space and closes after one, never inside a word (`snake_case`, `f*ck`). Each
# pattern starts with its marker (the lookbehind after it looks at the character before), so the regex engine
# skips ahead to the markers instead of trying every position.
_EMPHASIS = tuple(
    (c, re.compile(rf"{m}(?<![\w{c}]{m})(?![\s{c}])(?P<inner>[^\x00]+?)(?<![\s{c}]){m}(?![\w{c}])"))
    for c, m in (("*", r"\*\*\*"), ("_", "___"), ("*", r"\*\*"), ("_", "__"), ("*", r"\*"), ("_", "_"),
                 ("~", "~~"))
)


def inline(text: str, references: set[str] | frozenset[str] = frozenset()) -> str:
    """`text` (one paragraph) as rendered: escapes, code ticks, emphasis, links' targets and images gone."""
    return inline_all([text], references)[0]


def inline_all(texts: list[str], references: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Each of `texts` (paragraphs, headings) as rendered."""
    if any(_SEPARATOR in text for text in texts):  # a NUL in the text itself (rare): one paragraph at a time
        return [_render(text, references) for text in texts]
    shown = _render(_SEPARATOR.join(texts), references).split(_SEPARATOR)
    return shown if len(shown) == len(texts) else [_render(text, references) for text in texts]


def _render(text: str, references: set[str] | frozenset[str]) -> str:
    literals: dict[str, str] = {}  # each placeholder -> the stretch it stands for

    def keep(literal: str) -> str:
        if literals and not literal.isascii():  # a code span or a link may hold an earlier stretch's placeholder
            literal = _restore(literal, literals)
        high, rest = divmod(len(literals), _PLACEHOLDER_DIGITS**2)
        middle, low = divmod(rest, _PLACEHOLDER_DIGITS)
        placeholder = chr(_PLACEHOLDER_BASE + high) + chr(_PLACEHOLDER_BASE + middle) + chr(_PLACEHOLDER_BASE + low)
        literals[placeholder] = literal
        return placeholder

    if not text.isascii() and _PRIVATE.search(text):
        text = _PRIVATE.sub(lambda m: keep(m[0]), text)
    if "`" in text:
        text = _CODE.sub(lambda m: keep(_code(m["content"])), text)
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: keep(m[1]), text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: keep(m[1]), text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: keep(html.unescape(m[0])), text)
    if "<" in text:
        text = _FORMATTING_TAG.sub(lambda m: "\n" if m["tag"].casefold() == "br" else "", text)
    if "[" in text:
        text = _IMAGE.sub("", text)
        text = _unwrap(_LINK, text)
        if references:
            text = _REFERENCE_LINK.sub(_reference(references), text)
    for _ in range(3):  # nested emphasis (`**bold *and* bold**`) comes off one level a pass
        for marker, pattern in _EMPHASIS:
            if marker in text:
                text = _unwrap(pattern, text)
        if not any(marker in text and pattern.search(text) for marker, pattern in _EMPHASIS):
            break
    return _restore(text, literals) if literals else text


def _restore(text: str, literals: dict[str, str]) -> str:
    """`text` with each placeholder replaced by the stretch it stands for."""
    pieces = _RESTORE.split(text)
    pieces[1::2] = [literals.get(placeholder, placeholder) for placeholder in pieces[1::2]]
    return "".join(pieces)


def _unwrap(pattern: re.Pattern[str], text: str) -> str:
    """`text` with each match of `pattern` replaced by its one group: splitting keeps the groups, so joining
    the pieces drops the rest of each match, with no Python call per match."""
    return "".join(pattern.split(text))


def _code(content: str) -> str:
    """A code span's text: one space inside each tick run is padding (`` `` `x` `` `` shows `x`)."""
    if content.startswith(" ") and content.endswith(" ") and content.strip():
        return content[1:-1]
    return content


def _reference(references: set[str] | frozenset[str]) -> Callable[[re.Match[str]], str]:
    def link_text(m: re.Match[str]) -> str:
        label = (m["label"] or m["text"]).casefold()
        return m["text"] if label in references else m[0]
    return link_text
