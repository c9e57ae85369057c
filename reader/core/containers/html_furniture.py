"""Page furniture: navigation, headers and footers, asides, menus, share bars, cookie banners, related-article
teasers, comments, newsletter boxes. Found by the semantic elements and ARIA roles, by the words of class and id
names, and, when the page has an `<article>` or `<main>` holding most of its text, by being outside it (link
density is judged per block, in `html_speakers`). A candidate that holds a large share of the content's text is
not furniture, whatever its name says: losing a transcript's paragraph to a wrongly named wrapper is worse than
keeping a sidebar.
"""

from __future__ import annotations

import functools
import re
from typing import Any


def names(words: str) -> frozenset[str]:
    return frozenset(words.split())


FURNITURE_TAGS = names("nav aside footer header form menu button select textarea dialog figcaption")
_FURNITURE_ROLES = names(
    "navigation banner contentinfo complementary menu menubar search dialog alertdialog toolbar tablist"
)
# Words of class and id names (and of custom element names such as `amp-sidebar`) that mark page furniture.
_FURNITURE_WORDS = names(
    "nav navbar navigation menu menus breadcrumb breadcrumbs share sharing sharebar social cookie cookies consent "
    "gdpr banner related recommended recommendations teaser teasers promo promos newsletter subscribe subscription "
    "signup comment comments footer header masthead sidebar widget widgets ad ads advert adverts advertisement "
    "sponsor sponsored popup modal skip pagination pager toolbar tags topbar trending popular outbrain taboola "
    "disqus byline caption meta lang langs language languages switcher rss print"
)
HEADER_WORDS = frozenset({"header", "masthead"})  # like <header>: its headings stay headings
_NAME_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_MAIN_SHARE = 0.4  # an <article>/<main> must hold this share of the body's text to be taken for the content
_KEEP_SHARE = 0.4  # a furniture candidate holding more than this share of the content's text is kept as content


def words_of(el: Any) -> set[str]:
    """The lower-case words of an element's class and id (`share-bar`, `shareBar` -> share, bar)."""
    written = f"{el.get('class') or ''} {el.get('id') or ''}"
    return {w.lower() for w in _NAME_SPLIT.split(written) if w}


@functools.cache
def _xpath(expression: str) -> Any:
    from lxml import etree

    return etree.XPath(expression)


def text_length(el: Any) -> int:
    """Characters of text under `el`, spaces and script text included: a cheap upper bound, counted by libxml2."""
    return int(_xpath("string-length(.)")(el))


def main_content(body: Any) -> tuple[Any, int]:
    """The element holding the page's content, and its text's length: the <main> or the largest <article> when it
    holds most of the text, else the body."""
    total = text_length(body)
    candidates = _xpath("//main | //*[@role='main'] | //article")(body)
    if not candidates or total == 0:
        return body, total
    sized = [(text_length(el), el) for el in candidates]
    length, best = max(sized, key=lambda pair: pair[0])
    mains = [(n, el) for n, el in sized if el.tag == "main" or el.get("role") == "main"]
    if mains and max(n for n, _ in mains) >= _MAIN_SHARE * total:
        length, best = max(mains, key=lambda pair: pair[0])
    return (best, length) if length >= _MAIN_SHARE * total else (body, total)


def is_furniture(el: Any, tag: str, words: set[str], content_length: int) -> bool:
    """Whether `el` (with the words of its names) is page furniture inside content of that text length."""
    marked = (tag in FURNITURE_TAGS or (el.get("role") or "").lower() in _FURNITURE_ROLES
              or el.get("aria-hidden") == "true" or bool(words & _FURNITURE_WORDS))
    if not marked:
        return False
    # The safety net: a wrapper that holds the content, or much of its text, is content whatever its name.
    if _xpath("boolean(.//main | .//article)")(el) and el.getparent() is not None:
        return False
    return text_length(el) <= _KEEP_SHARE * content_length
