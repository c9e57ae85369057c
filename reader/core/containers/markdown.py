"""Markdown, read as a reader sees it rendered: the markup gone, the headings kept as the document's sections.

Transcripts come as Markdown from Descript, Obsidian, static sites and people typing them: `**Jane Doe:** text`,
`> *Name:* text` quotes, `# Part 2` sections, `\\_` escapes, `[links](url)`, YAML front matter. The text handed
to the layouts is what the rendered page shows: escapes, emphasis markers, link targets, images, quote markers
and HTML comments are not in it, so a label is found whatever its markup and a turn reads as it was meant.
Headings become HEADING blocks (a `Heading` and a section aside, never a turn); a title heading that opens the
document alone at its level becomes the title. Blocks stay separated by blank lines and lines stay lines, so
the layouts read the result as they read a text file.

Written by hand rather than with a CommonMark library: markdown-it-py takes about a minute on a 10 MB
transcript, and a transcript needs the inline markup and a few block forms, not nested HTML rendering. Two
choices differ from CommonMark on purpose: `*` inside a word is no emphasis (transcripts censor `f*ck` and
`s**t`), and an indented paragraph is text, not a code block (transcripts indent their turns).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

from reader.core.containers import Block, BlockKind, Extracted
from reader.core.containers import text as plain
from reader.core.decode import decode
from reader.core.model import Metadata

NAME = "markdown"
_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn"})


def sniff(data: bytes, suffix: str) -> float:
    """A Markdown file name, or text of a clearly Markdown shape (several kinds of its markup recurring)."""
    if suffix in _SUFFIXES:
        return 0.5
    head = data[:16_384].decode("utf-8", errors="ignore")
    kinds = [len(pattern.findall(head)) for pattern in _SIGNS]
    return 0.4 if sum(1 for n in kinds if n) >= 2 and sum(kinds) >= 4 else 0.0


_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+[^\W_][^\n]*$", re.MULTILINE),  # a heading (not `# # #`, an end mark)
    re.compile(r"^[ \t]*(?:\*\*|__|\*|_)[^\W\d_][^\n*_:]{0,60}:(?:\*\*|__|\*|_)?[ \t]", re.MULTILINE),  # **Name:**
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # a link
    re.compile(r"\\[_*\[\]#`]"),  # an escape
    re.compile(r"^>[ \t]?\S", re.MULTILINE),  # a quote
)


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
        writer.block(source[:end], BlockKind.HEADER)
        body = source[end:]
    _Blocks(writer).read(body)
    title = writer.title_heading()
    if title is not None and metadata.title is None:
        metadata = replace(metadata, title=writer.text_of(title))
    text = writer.text()
    blocks = sorted((*writer.blocks, *plain.join_marks(text)), key=lambda b: b.span)
    return text, tuple(blocks), metadata


class _Writer:
    """Collects the rendered blocks, separated by blank lines, and where each heading lies."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self._first_text: int | None = None  # index in `blocks` order: the first TEXT written, for the title

    def block(self, text: str, kind: BlockKind = BlockKind.TEXT, level: int = 1) -> None:
        if not text.strip():
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if kind is BlockKind.TEXT:
            if self._first_text is None:
                self._first_text = start
            return
        self.blocks.append(Block((start, self.length), kind, level=level))

    def text(self) -> str:
        return "".join(self.parts)

    def text_of(self, block: Block) -> str:
        return " ".join(self.text()[block.span[0]:block.span[1]].split())

    def title_heading(self) -> Block | None:
        """The document's title: a heading before any text, alone at its level or above. It is made a header."""
        headings = [b for b in self.blocks if b.kind is BlockKind.HEADING]
        if not headings:
            return None
        first = headings[0]
        if self._first_text is not None and self._first_text < first.span[0]:
            return None
        if any(b.level <= first.level for b in headings[1:]):
            return None
        index = self.blocks.index(first)
        self.blocks[index] = Block(first.span, BlockKind.HEADER, level=first.level)
        return self.blocks[index]


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
_SENTENCE_END = (".", "?", "!", ":", ";", ",")


class _Blocks:
    """The block structure, line by line: fences, headings, rules, reference definitions, quotes, lists."""

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.paragraph: list[str] = []
        self.references: set[str] = set()

    def read(self, body: str) -> None:
        body = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), body)  # a comment is no text, its lines stay
        lines = body.split("\n")
        self.references = {m["label"].casefold() for m in map(_DEFINITION.match, lines) if m}
        i = 0
        while i < len(lines):
            line = _QUOTE.sub("", lines[i])
            i += 1
            fence = _FENCE.match(line)
            if fence:
                i = self._code(lines, i, fence["fence"])
            elif not line.strip():
                self._flush()
            elif self._heading(line):
                pass
            elif _BREAK.match(line) or (_DEFINITION.match(line) and not self.paragraph):
                self._flush()  # a rule or a link's target: markup, nothing a reader sees as text
            else:
                if _LIST_ITEM.match(line):
                    self._flush()  # each item its own block, so that no layout joins items as wrapped lines
                self.paragraph.append(_BULLET.sub(r"\g<indent>• ", line))
        self._flush()

    def _heading(self, line: str) -> bool:
        atx = _ATX.match(line)
        if atx and atx["title"] and _HAS_WORD.search(atx["title"]):
            self._flush()
            self._write_heading(atx["title"], len(atx["marks"]))
            return True
        setext = _SETEXT.match(line)
        if setext and len(self.paragraph) == 1:
            title = self.paragraph[0].strip()
            underline = setext["line"][0]
            # `---` under a sentence or a turn is a rule; a heading is a short line without a closing stop.
            if underline == "=" or (len(title) <= 80 and not title.endswith(_SENTENCE_END)):
                self.paragraph = []
                self._write_heading(title, 1 if underline == "=" else 2)
                return True
        return False

    def _write_heading(self, title: str, level: int) -> None:
        self.writer.block(inline(title, self.references), BlockKind.HEADING, level)

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
        self.writer.block("\n".join(code))
        return i

    def _flush(self) -> None:
        if self.paragraph:
            self.writer.block(inline("\n".join(self.paragraph), self.references))
            self.paragraph = []


# --- inline markup -------------------------------------------------------------------------------------------

# Stretches whose characters are literal (code, escapes, autolinks, entities) are first replaced by one
# private-use placeholder each, so the emphasis and link patterns cannot see into them, then put back.
_PLACEHOLDER_BASE = 0xF0000
_PLACEHOLDERS = 0x10FFFE - _PLACEHOLDER_BASE
_LITERAL = re.compile(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`)(?P<content>.+?)(?<!`)(?P=ticks)(?!`))"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)>"
    r"|(?P<break>\\\n)"
    r"|\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<private>[\U000F0000-\U0010FFFF])",
    re.DOTALL,
)
_RESTORE = re.compile("[\U000f0000-\U0010ffff]")
# Inline HTML that only formats (other tags stay as written, as any text does).
_FORMATTING_TAG = re.compile(r"</?(?P<tag>b|i|em|strong|u|s|del|ins|span|mark|sup|sub|small|big|font|br|wbr)"
                             r"(?:[ \t][^<>\n]*)?/?>", re.IGNORECASE)
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\([ \t]*(?:<[^>\n]*>|[^)\s]*)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|"
                   r"\([^)\n]*\)))?[ \t]*\)")
_REFERENCE_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\[(?P<label>[^\]\n]*)\]")
# Emphasis opens before a non-space and closes after one, never inside a word (`snake_case`, `f*ck`).
_EMPHASIS = tuple(
    re.compile(rf"(?<![\w{c}]){m}(?![\s{c}])(?P<inner>.+?)(?<![\s{c}]){m}(?![\w{c}])", re.DOTALL)
    for c, m in (("*", r"\*\*\*"), ("_", "___"), ("*", r"\*\*"), ("_", "__"), ("*", r"\*"), ("_", "_"),
                 ("~", "~~"))
)


def inline(text: str, references: set[str] | frozenset[str] = frozenset()) -> str:
    """`text` (one paragraph) as rendered: escapes, code ticks, emphasis, links' targets and images gone."""
    literals: list[str] = []

    def keep(m: re.Match[str]) -> str:
        if len(literals) >= _PLACEHOLDERS:
            return m[0]  # beyond a hundred thousand literal stretches in one paragraph: leave the rest as is
        kind = m.lastgroup
        if kind == "code":
            content = m["content"]
            literals.append(content[1:-1] if content.startswith(" ") and content.endswith(" ")
                            and content.strip() else content)
        elif kind == "auto":
            literals.append(m["auto"])
        elif kind == "break":
            literals.append("\n")
        elif kind == "escaped":
            literals.append(m["escaped"])
        elif kind == "entity":
            literals.append(html.unescape(m["entity"]))
        else:
            literals.append(m[0])
        return chr(_PLACEHOLDER_BASE + len(literals) - 1)

    text = _LITERAL.sub(keep, text)
    text = _FORMATTING_TAG.sub(lambda m: "\n" if m["tag"].casefold() == "br" else "", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\g<text>", text)
    if references:
        text = _REFERENCE_LINK.sub(_reference(references), text)
    for _ in range(3):  # nested emphasis (`**bold *and* bold**`) comes off one level a pass
        before = text
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\g<inner>", text)
        if text == before:
            break
    if literals:
        text = _RESTORE.sub(lambda m: _literal(literals, m[0]), text)
    return text


def _literal(literals: list[str], placeholder: str) -> str:
    index = ord(placeholder) - _PLACEHOLDER_BASE
    return literals[index] if 0 <= index < len(literals) else placeholder


def _reference(references: set[str] | frozenset[str]) -> Callable[[re.Match[str]], str]:
    def link_text(m: re.Match[str]) -> str:
        label = (m["label"] or m["text"]).casefold()
        return m["text"] if label in references else m[0]
    return link_text
