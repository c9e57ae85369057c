"""A deterministic synthetic web page around the generated interview, for benchmarking the HTML container.

The page is shaped like a saved news-site page: a head with metadata, scripts and styles, a navigation bar, the
interview in an <article> as `<p><strong>Name:</strong> text</p>` paragraphs with inline links and emphasis,
section headings, "related" teasers and share bars every few dozen turns, and a footer with a cookie banner.

    python benchmarks/generate_html.py --megabytes 10 -o page.html
"""

from __future__ import annotations

import argparse
import html
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate_size

_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Interview with Dr. Helen Marsh | The Synthetic Times</title>
<meta property="og:title" content="Interview with Dr. Helen Marsh">
<meta property="og:site_name" content="The Synthetic Times">
<meta property="article:published_time" content="2024-03-05T14:30:00Z">
<style>body { font: 16px serif } .nav a { color: #333 } .share-bar { display: flex }</style>
<script>window.dataLayer = window.dataLayer || []; function track(e) { dataLayer.push(e) }</script>
</head><body>
<header class="site-header"><a class="logo" href="/">The Synthetic Times</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article class="story"><h1>Interview with Dr. Helen Marsh</h1>
<p class="byline">By <a href="/staff/lee">Sam Lee</a>, <time datetime="2024-03-05T14:30:00Z">March 5, 2024</time></p>
"""
_TEASER = """<aside class="related-articles"><h3>Related</h3><ul>
<li><a href="/a/{n}"><span class="kicker">World</span> Talks resume after {n} days</a></li>
<li><a href="/b/{n}">Markets steady as ministers meet</a></li></ul></aside>
<div class="share-bar"><a href="#share">Share</a> <a href="#tweet">Tweet</a> <a href="#mail">Email</a></div>
<script>track({{"block": {n}}})</script>
"""
_TAIL = """</article></main>
<footer class="site-footer"><p>&copy; 2024 The Synthetic Times</p><ul><li><a href="/privacy">Privacy</a></li>
<li><a href="/terms">Terms</a></li></ul></footer>
<div id="cookie-banner" class="cookie-consent">We use cookies. <button>Accept</button></div>
</body></html>
"""


def _inline(text: str, rng: random.Random) -> str:
    """The paragraph escaped, with a link or an emphasised phrase here and there, as articles have."""
    words = html.escape(text, quote=False).split(" ")
    if len(words) > 12 and rng.random() < 0.5:
        i = rng.randrange(2, len(words) - 3)
        words[i] = f'<a href="/topic/{i}">{words[i]}</a>'
        words[i + 2] = f"<em>{words[i + 2]}</em>"
    return " ".join(words)


def html_page(megabytes: float, seed: int = 0) -> str:
    """About `megabytes` MB of page: the generated interview of about 85% of that size, wrapped in markup."""
    rng = random.Random(seed)
    interview = generate_size(megabytes * 0.85, seed)
    parts = [_HEAD]
    for n, paragraph in enumerate(interview.split("\n\n")[1:]):
        if not paragraph.strip():
            continue
        label, sep, rest = paragraph.partition(": ")
        if sep and label in ("Question", "Dr. Helen Marsh"):
            parts.append(f"<p><strong>{html.escape(label)}:</strong> {_inline(rest, rng)}</p>\n")
        else:
            parts.append(f"<p>{_inline(paragraph, rng)}</p>\n")
        if n % 200 == 199:
            parts.append(f"<h2>Part {n // 200 + 2}</h2>\n")
        if n % 60 == 59:
            parts.append(_TEASER.format(n=n))
    parts.append(_TAIL)
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    page = html_page(args.megabytes, args.seed)
    if args.output:
        Path(args.output).write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
