"""Web pages: a page saved from a news site, a ministry, the White House, a blog, an AMP page, Word's "Save as
web page", a Congressional Record `<pre>`. Read as a browser shows them, furniture set aside (see `html_text`),
speakers taken from the markup when it names them (see `html_speakers`), metadata from the head.

The parser is lxml (libxml2's HTML parser): it reads pages of any age and damage the way browsers forgive them,
and builds the tree of a 10 MB page in about 0.16 s of CPU, where the standard library's `html.parser` needs
1.3 s only to tokenise it, before any text is gathered. Its element model (text and tail) is the walk's, and it
serialises a paragraph's text in C, which is what keeps the walk fast (see `benchmarks/bench_parse.py`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from typing import Any

from reader.core.containers import Extracted, sniffing
from reader.core.containers.html_speakers import assemble
from reader.core.containers.html_text import RawBlock, page_blocks
from reader.core.decode import decode, normalise_newlines
from reader.core.formats.dates import MONTH, iso_date
from reader.core.model import Metadata

NAME = "html"
sniff = sniffing.html  # what kind a file is: told apart without importing this module

_HEAD_BYTES = 4096
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"\A\s*<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_ISO_STAMP = re.compile(r"(?P<date>\d{4}-\d\d-\d\d)(?:[T ](?P<time>\d\d:\d\d))?")
_TITLE_PLACE = re.compile(
    rf",\s*(?P<place>[^,\d][^,]{{1,40}}?),\s*(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}})\s*$"
)
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dcterms.date",
              "dc.date.issued", "pubdate", "publishdate", "publish-date", "publication_date", "sailthru.date",
              "parsely-pub-date", "article.published")


def decode_page(data: bytes) -> tuple[str, str]:
    """The page's text and encoding: a BOM decides, then the charset the page declares (`<meta charset>`,
    http-equiv, an XML declaration) when the bytes are valid in it, else the project's own guess."""
    if data.startswith(tuple(bom for bom, _ in sniffing.HTML_BOMS)):
        decoded = decode(data)
        return decoded.text, decoded.encoding
    head = data[:_HEAD_BYTES]
    declared = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if declared:
        encoding = _codec(declared[1].decode("ascii", errors="replace"))
        if encoding is not None:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                pass  # the declaration is wrong (a page re-saved in another encoding): guess from the bytes
            else:
                # Looking for the line ends that need normalising is a hundred times faster than the regex
                # that replaces them, and most pages have none.
                if "\r" in text or "\u2028" in text or "\u2029" in text:
                    text = normalise_newlines(text)
                return text, encoding
    decoded = decode(data)
    return decoded.text, decoded.encoding


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # as browsers read them: the bytes 0x80-0x9F of such pages are Windows-1252's
    if name.startswith(("utf-16", "utf-32")):
        return None  # declared in bytes that read as ASCII: the declaration cannot be true
    return name


# Elements an old page opens on every line and never closes (`<font face=Arial>`): each nests inside the last,
# and past libxml2's depth limit (2,048) the rest of the page is not read.
_PILED_UP = ("font", "span", "b", "i", "u", "em", "strong", "small", "big", "center", "div", "blockquote")
_PILED_TAG = re.compile(rf"<(/?)({'|'.join(_PILED_UP)})\b[^>]*>", re.IGNORECASE)  # (closing, name)
UNCLOSED = 1000  # opened this many times more than closed: piled up


def parse_page(text: str) -> tuple[Any, tuple[str, ...]]:
    """The lxml tree of `text` (never None: an empty page is an empty <html>), and warnings for the user.

    A page that nests too deep for libxml2 because it never closes some element is read again without that
    element's tags (a `<div>` or `<blockquote>` left as a line break), as a browser shows it much the same."""
    text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "\ufffd")
    root, fatal = _tree(text)
    if fatal and (unpiled := _without_piled_up(text)) != text:
        root, fatal = _tree(unpiled)
    if fatal:  # libxml2 stopped reading (markup nested thousands deep): say so, never lose text silently
        return root, (f"the page could not be read to its end ({fatal.message}); the text after line "
                      f"{fatal.line} is missing",)
    return root, ()


def _tree(text: str) -> tuple[Any, Any]:
    """The tree of `text`, and libxml2's first fatal error (None when it read the whole page)."""
    from lxml import etree

    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8")
    root = None
    if text.strip():
        try:
            root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
        except etree.LxmlError:  # nothing but a comment or a doctype: libxml2 finds no document
            root = None
    if root is None:
        return etree.Element("html"), None
    return root, next((e for e in parser.error_log if e.level_name == "FATAL"), None)


def _without_piled_up(text: str) -> str:
    """`text` without the tags of the elements it opens far more often than it closes."""
    balance: dict[str, int] = {}
    for tag in _PILED_TAG.finditer(text):
        name = tag[2].lower()
        balance[name] = balance.get(name, 0) + (-1 if tag[1] else 1)
    piled = {name for name, n in balance.items() if n >= UNCLOSED}
    if not piled:
        return text

    def replaced(tag: re.Match[str]) -> str:
        name = tag[2].lower()
        if name not in piled:
            return tag[0]
        return "<br>" if name in ("div", "blockquote", "center") and not tag[1] else ""

    return _PILED_TAG.sub(replaced, text)


def extract(data: bytes) -> Extracted:
    text, encoding = decode_page(data)
    root, warnings = parse_page(text)
    metadata = page_metadata(root)
    raw = page_blocks(root)
    metadata = _dateline(raw, metadata)
    extracted_text, blocks, structured = assemble(raw, metadata.title)
    return Extracted(extracted_text, NAME, encoding, blocks, structured, metadata, warnings=warnings)


def page_metadata(root: Any) -> Metadata:
    """Title, date, time, place and language from the page's head and its <time> elements."""
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = " ".join((el.get("content") or "").split())
        if key and value and key not in meta:
            meta[key] = value
    title_el = root.find(".//title")
    page_title = _text_of(title_el)
    h1 = _text_of(root.find(".//h1"))
    title = meta.get("og:title") or meta.get("twitter:title") or _without_site(page_title, meta.get("og:site_name"))
    if not title or (h1 and title.startswith(h1) and len(title) > len(h1)):
        title = h1 or title  # `<title>` is the <h1> and the site's name
    elif h1 and h1 in title and title[title.index(h1) + len(h1):].startswith(_SITE_SEPARATORS):
        title = title[:title.index(h1) + len(h1)]  # ... after a kicker: "Hochwasser: »Wir…« - DER SPIEGEL"
    date = time = None
    stamps = [meta[k] for k in _DATE_META if k in meta]
    stamps += [el.get("datetime") or _text_of(el) for el in root.iter("time")]
    for stamp in stamps:
        m = _ISO_STAMP.search(stamp)
        date = m["date"] if m else iso_date(stamp)
        if date:
            time = m["time"] if m and m["time"] and m["time"] != "00:00" else None
            break
    place = meta.get("geo.placename") or meta.get("og:locality")
    if not place and title:
        m = _TITLE_PLACE.search(title)
        place = m["place"].strip() if m else None
        date = date or iso_date(title)
    language = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    return Metadata(title=title or None, date=date, time=time, place=place, language=language)


_DATELINE = re.compile(
    r"(?:(?:Date|Interview date|Date of interview|Recorded|Posted|Published)(?: on)?\s*:?\s*)?"
    rf"(?:[A-Z][a-z]+,?\s+)?(?:\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|"
    r"\d{1,2}[./]\d{1,2}[./]\d{4})[,\s]*(?:(?P<time>\d{1,2}[:.]\d{2})(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*\w{0,5}"
)
_WALL_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?")
_DATELINE_LOOKAHEAD = 6  # blocks of the content looked at for a date line above the text


def _dateline(raw: list[RawBlock], meta: Metadata) -> Metadata:
    """A date line above the text (`3 March 2021, 14:20`) is page furniture that dates the page, and so is a
    clock time alone in a paragraph (a briefing's `4:05 P.M. EDT` as it opens and closes): never a recording's
    timestamp, which has no a.m./p.m. or time zone."""
    for rb in raw:
        if not rb.furniture and not rb.pre and len(rb.text) <= 20 and _WALL_CLOCK.fullmatch(rb.text):
            rb.furniture = True
    seen = 0
    for rb in raw:
        if rb.furniture or rb.heading:
            continue
        seen += 1
        if seen > _DATELINE_LOOKAHEAD:
            break
        m = _DATELINE.fullmatch(rb.text)
        if m:
            rb.furniture = True
            clock = m["time"].replace(".", ":").zfill(5) if m["time"] else None
            return replace(meta, date=meta.date or iso_date(rb.text), time=meta.time or clock)
    return meta


def _text_of(el: Any) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")  # between a page's title and its site's name


def _without_site(title: str, site: str | None) -> str:
    """`Interview with X | The Daily` without the site's name, when the page names its site."""
    if site:
        for sep in _SITE_SEPARATORS:
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip()
            if title.startswith(site + sep):
                return title[len(site + sep) :].strip()
    return title
