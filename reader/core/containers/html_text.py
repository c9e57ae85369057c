"""A parsed web page walked into the blocks a reader sees: paragraphs, headings, `<pre>` text, and page furniture.

A browser shows block elements (`<p>`, `<div>`, `<li>`, `<h2>`, ...) as separate blocks, collapses runs of
spaces and line ends, and breaks lines at `<br>`; a `<pre>` keeps its lines as written. Scripts, styles and
other content that is never shown as text are dropped. Page furniture (see `html_furniture`) is marked, never
dropped: the layouts set it aside as boilerplate.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from reader.core.containers import BlockKind
from reader.core.containers.html_furniture import (
    FURNITURE_TAGS,
    HEADER_WORDS,
    is_furniture,
    main_content,
    names,
    words_of,
)

_BLOCK_TAGS = names(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul option select textarea button"
)
# Never shown as text: code, styling, vector graphics, embedded objects, the document's head.
_DROPPED_TAGS = names(
    "script style noscript template svg math head iframe object embed canvas video audio map img input"
)
_DROPPED_WORDS = frozenset({"analytics", "pixel"})  # amp-analytics, amp-pixel: configuration, not text
_SPEAKER_WORDS = frozenset({"speaker", "speakers", "interlocutor", "character", "persona"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BARE_QA = re.compile(r"[ \t\n\r\f\v]*([QA])[ \t\n\r\f\v\u00a0]{2,}(?=\S)")
_BREAK = "\x00"  # stands for <br> until a block is finished; real NULs are replaced before parsing


@dataclass(slots=True)
class RawBlock:
    """A block of the page as a reader sees it."""

    text: str
    furniture: bool = False
    heading: int = 0  # 1-6 for <h1>-<h6>
    pre: bool = False
    bold_prefix: str = ""  # the bold text the block opens with (a label written in bold), as it reads
    emphasis: bool = False  # the whole block is bold
    link_share: float = 0.0
    speaker_class: bool = False  # inside an element whose class names a speaker (`<p class="speaker">`)
    # What `html_speakers` decides about the block:
    kind: BlockKind = BlockKind.TEXT
    speaker: str | None = None
    label_len: int = 0  # the block opens with its speaker's label, this long ("Maria:")
    alone: bool = False  # the block is a label alone: it names the speaker of the text below
    asks: bool = False  # the block is a question the page sets in bold, with no label


# What an element does to the walk, by tag; tags not listed are inline and change nothing.
_DROP, _BLOCK, _BOLD, _LINK, _PRE, _HEADING, _BR = range(7)
_TAG_KINDS: dict[str, int] = {
    **dict.fromkeys(_BLOCK_TAGS, _BLOCK), **dict.fromkeys(_DROPPED_TAGS, _DROP),
    **dict.fromkeys(("b", "strong"), _BOLD), "a": _LINK, **dict.fromkeys(("pre", "xmp", "listing", "plaintext"), _PRE),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), _HEADING), "br": _BR,
}
# Inline elements that change nothing about the text: with no attributes or children, only their text counts.
_PLAIN_INLINE = names("em i u s small big span font tt code kbd var cite q abbr dfn sub sup mark time o:p")
_BOLD_TAGS = frozenset(("b", "strong"))
# Paragraph-like blocks that are usually plain inline text, and the inline elements such text holds.
_LEAF_TAGS = names("p li dd dt td th blockquote caption")
_LEAF_INLINE = _PLAIN_INLINE | _BOLD_TAGS | {"a"}
_LINK_ATTRIBUTES = frozenset({"href", "title", "target", "rel"})
_MAX_DEPTH = 400  # deeper markup (only machines write it) is read as the inline text of its subtree
# What `_open` changed, for `_close` to undo, as bits of one int (an element's visit keeps just that).
_OPENED, _FLUSHED, _CONTENT, _FURNITURE, _HEADER, _BOLDED, _LINKED, _PRESERVED, _HEADED, _SPEAKER = (
    1 << n for n in range(10))


class _Walker:
    """Walks the tree once, in document order, gathering inline text into blocks.

    A recursive visit rather than lxml's event iterator: most elements of a page are inline with no attributes
    (`<em>`, `<span>`), and the visit passes over those with one dictionary look-up. Runs of bold and link
    text are counted as the text is gathered, so finishing a block needs no second look at its pieces."""

    def __init__(self, content: Any, content_length: int) -> None:
        self.content = content
        self.content_length = max(content_length, 1)
        self.blocks: list[RawBlock] = []
        self.pieces: list[str] = []
        self.prefix: list[str] = []  # the bold text the block opens with
        self.prefix_closed = False  # plain text came: the bold opening (if any) is complete
        self.after_break = False  # a <br> came, and no text since
        self.bold_chars = self.link_chars = 0
        self.bold = self.link = self.pre = self.furniture = self.speaker = self.inside_content = 0
        self.header = 0  # the furniture depth of a <header>-like element, where headings stay headings
        self.headings: list[int] = []
        from lxml import etree

        self.text_of = functools.partial(etree.tostring, method="text", encoding=str, with_tail=False)

    def add(self, text: str) -> None:
        if self.after_break and not text.isspace():
            self.after_break = False
            if self.bold:  # a line that opens in bold (`<br><b>Bob:</b> ...`): a block of its own, as a label's
                self.flush()
        self.pieces.append(text)
        if self.bold or self.link or not self.prefix_closed:
            self._count(text)

    def _count(self, text: str) -> None:
        """Bold and link text, and the bold text a block opens with (a label written in bold)."""
        if text.isspace():
            if self.prefix and not self.prefix_closed:
                self.prefix.append(text)
            return
        if self.bold:
            self.bold_chars += len(text.strip())
            if not self.prefix_closed:
                self.prefix.append(text)
        else:
            self.prefix_closed = True
        if self.link:
            self.link_chars += len(text.strip())

    def flush(self) -> None:
        pieces = self.pieces
        if not pieces:
            return
        prefix_parts, bold, linked = self.prefix, self.bold_chars, self.link_chars
        self.pieces, self.prefix, self.prefix_closed = [], [], False
        self.bold_chars = self.link_chars = 0
        raw = "".join(pieces)
        if not raw.isspace():
            self._emit(raw, "".join(prefix_parts) if prefix_parts else "", bold, linked)

    def _emit(self, raw: str, raw_prefix: str, bold: int, linked: int) -> None:
        """A block of `raw` inline text (with `_BREAK` for <br>), placed by the walk's current state."""
        furniture = self.furniture > 0 or not self.inside_content
        heading = self.headings[-1] if self.headings else 0
        if furniture and heading and not (self.header and self.header == self.furniture and self.inside_content):
            heading = 0
        if self.pre:
            self._add_pre(raw, furniture)
            return
        prefix = _normalise(raw_prefix.partition(_BREAK)[0]) if raw_prefix else ""
        text = _normalise(raw)
        chars = len(text) or 1
        emphasis = bold >= 0.9 * chars and not heading
        speaker = self.speaker > 0
        if "\n" not in text:
            self.blocks.append(RawBlock(text, furniture, heading, False, prefix if text.startswith(prefix) else "",
                                        emphasis, linked / chars, speaker))
            return
        first = True
        for chunk in _chunks(text.split("\n")):
            block = "\n".join(chunk)
            self.blocks.append(RawBlock(block, furniture, heading, False,
                                        prefix if first and block.startswith(prefix) else "",
                                        emphasis, linked / chars, speaker))
            first = False

    def _add_pre(self, raw: str, furniture: bool) -> None:
        lines = [line.rstrip() for line in raw.replace(_BREAK, "\n").replace("\r\n", "\n").split("\n")]
        for chunk in _chunks(lines):
            self.blocks.append(RawBlock("\n".join(chunk), furniture, 0, True))

    def walk(self, root: Any) -> list[RawBlock]:
        self.visit(root, 0)
        self.flush()
        return self.blocks

    def visit(self, el: Any, depth: int) -> None:
        """`el` and its subtree (not its tail, which belongs to the parent's flow)."""
        tag = el.tag
        if not isinstance(tag, str):
            return  # a comment or processing instruction: never text
        kind = _TAG_KINDS.get(tag, -1)
        undo = 0
        if kind != -1 or el.keys() or "-" in tag:
            if kind == _BR:
                self.pieces.append(_BREAK)
                self.after_break = True
                return
            if kind == _DROP or (el.keys() and self._hidden(el, tag)):
                return  # never shown as text
            undo = self._open(el, tag, kind)
        if el.text:
            self.add(el.text)
        if depth < _MAX_DEPTH:
            for child in el:
                tag = child.tag
                if tag in _LEAF_TAGS and not self.pre and self._leaf(child):
                    pass  # a paragraph of plain inline text, read at once
                elif len(child) or child.keys() or tag not in _PLAIN_INLINE:
                    if tag in _BOLD_TAGS and not len(child) and not child.keys():
                        self.bold += 1  # a bold run of text alone, as labels are: no call needed
                        if child.text:
                            self.add(child.text)
                        self.bold -= 1
                    else:
                        self.visit(child, depth + 1)
                elif child.text:  # an inline element with only text, such as most <em> and <span>
                    self.add(child.text)
                tail = child.tail
                if tail:
                    self.add(tail)
        else:
            for child in el:
                text = "".join(child.itertext()) + (child.tail or "")
                if text:
                    self.add(text)
        if undo:
            if undo & _FLUSHED:
                self.flush()
            self._close(undo)

    def _leaf(self, el: Any) -> bool:
        """A paragraph of plain inline text, such as most of an article's, read from its children directly instead
        of element by element. False (and nothing done) when anything in it needs the element-by-element walk:
        attributes that could hide it or make it furniture, line breaks, nested blocks."""
        if el.keys() or el is self.content:
            return False
        head = el.text or ""
        parts = [head]
        prefix: list[str] = []
        opening = not head.strip()  # still in the paragraph's opening, where a bold label would be
        bold = linked = 0
        for child in el:
            tag = child.tag
            if tag not in _LEAF_INLINE:
                return False
            keys = child.keys()
            if keys and (tag != "a" or not set(keys) <= _LINK_ATTRIBUTES):
                return False
            if len(child):
                if not _plain_inside(child):
                    return False
                text = self.text_of(child)
            else:
                text = child.text or ""
            parts.append(text)
            if tag in _BOLD_TAGS:
                bold += len(text.strip())
                if opening:
                    prefix.append(text)
            else:
                if opening and text.strip():
                    opening = False
                if keys and "href" in keys:
                    linked += len(text.strip())
            tail = child.tail
            if tail:
                parts.append(tail)
                if opening:
                    if tail.strip():
                        opening = False
                    else:
                        prefix.append(tail)
        self.flush()
        raw = "".join(parts)
        if raw and not raw.isspace():
            self._emit(raw, "".join(prefix), bold, linked)
        return True

    def _hidden(self, el: Any, tag: str) -> bool:
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
            return True
        return "-" in tag and bool(set(tag.split("-")[1:]) & _DROPPED_WORDS)  # amp-analytics, amp-pixel

    def _open(self, el: Any, tag: str, kind: int) -> int:
        words = words_of(el) if el.keys() else set()
        if "-" in tag:
            words |= set(tag.split("-")[1:])
        furniture = bool(words or tag in FURNITURE_TAGS) and self._is_furniture(el, tag, words)
        undo = _OPENED
        if kind in (_BLOCK, _PRE, _HEADING) or furniture or el is self.content:
            self.flush()
            undo |= _FLUSHED
        if el is self.content:
            self.inside_content += 1
            undo |= _CONTENT
        if furniture:
            self.furniture += 1
            undo |= _FURNITURE
            if (tag == "header" or words & HEADER_WORDS) and not self.header:
                self.header = self.furniture
                undo |= _HEADER
        if kind == _BOLD or (tag == "span" and "bold" in (el.get("style") or "")):
            self.bold += 1
            undo |= _BOLDED
        elif kind == _LINK and el.get("href") is not None:
            self.link += 1
            undo |= _LINKED
        elif kind == _PRE:
            self.pre += 1
            undo |= _PRESERVED
        elif kind == _HEADING:
            self.headings.append(int(tag[1]))
            undo |= _HEADED
        if words & _SPEAKER_WORDS:
            self.speaker += 1
            undo |= _SPEAKER
        return undo

    def _close(self, undo: int) -> None:
        if undo & _CONTENT:
            self.inside_content -= 1
        if undo & _FURNITURE:
            self.furniture -= 1
        if undo & _HEADER:
            self.header = 0
        if undo & _BOLDED:
            self.bold -= 1
        if undo & _LINKED:
            self.link -= 1
        if undo & _PRESERVED:
            self.pre -= 1
        if undo & _HEADED:
            self.headings.pop()
        if undo & _SPEAKER:
            self.speaker -= 1

    def _is_furniture(self, el: Any, tag: str, words: set[str]) -> bool:
        if self.furniture or not self.inside_content:
            return False  # already furniture (or outside the content, which is): no need to look again
        return is_furniture(el, tag, words, self.content_length)


def _plain_inside(el: Any) -> bool:
    """Only inline elements without attributes under `el` (links with their usual ones)."""
    for d in el.iterdescendants():
        keys = d.keys()
        if d.tag not in _LEAF_INLINE or (keys and (d.tag != "a" or not set(keys) <= _LINK_ATTRIBUTES)):
            return False
    return True


def _normalise(raw: str) -> str:
    """As a browser shows inline text: whitespace runs made one space (no-break spaces too, as the transcript
    shows them), lines (from <br>) stripped, soft hyphens (`&shy;`, where a line may break) left out: a word is
    read, found and counted whole. A briefing's `Q` followed by several spaces keeps two of them: that is how the
    text layouts know the label."""
    if "\u00ad" in raw:
        raw = raw.replace("\u00ad", "")
    bare = _BARE_QA.match(raw)
    head = ""
    if bare:
        head, raw = bare[1] + "  ", raw[bare.end():]
    if _BREAK not in raw:
        if "  " in raw or "\n" in raw or "\t" in raw or "\r" in raw or "\u00a0" in raw or raw[:1] == " " \
                or raw[-1:] == " ":
            raw = " ".join(raw.split())
        return head + raw
    return head + "\n".join([" ".join(line.split()) for line in raw.split(_BREAK)])


def _chunks(lines: list[str]) -> list[list[str]]:
    """Lines grouped into blocks at blank lines (two <br> in a row, an empty line in a <pre>)."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def page_blocks(root: Any) -> list[RawBlock]:
    """The blocks of a parsed page (an lxml HTML tree), in reading order."""
    body = root.find("body")
    if body is None:
        body = root
    return _Walker(*main_content(body)).walk(root)
