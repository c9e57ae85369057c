"""Search speed on generated interviews of 1k to 50k turns: index build once, then common and rare queries.

    python benchmarks/bench_search.py            # 1k, 5k, 20k, 50k turns
    python benchmarks/bench_search.py 2000 8000  # other sizes
    python benchmarks/bench_search.py --grep 10  # `grep word` over a one-line file of 10 MB (2 million hits)

Each figure is the best of five runs (the index is built once per transcript and cached, as in the window).
"search" counts the matches (positions are placed lazily); "+ placed" also places what the search bar needs
at once: the first match from the middle of the transcript and every match within 300 turns of it.
Target: every search under 100 ms at 50k turns. The --grep case times the whole command, matches and their
context printed to /dev/null; target: seconds, not minutes, for two million hits.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate import INTERVIEWEE, generate

from reader.core.loader import parse_text
from reader.core.search import Matches, SearchIndexes, SearchQuery, resolve_speaker, search

QUERIES: list[tuple[str, Callable[[str], SearchQuery]]] = [
    ("common word 'the'", lambda _k: SearchQuery("the")),
    ("common, whole word", lambda _k: SearchQuery("the", whole_word=True)),
    ("common, case-sensitive", lambda _k: SearchQuery("the", case_sensitive=True)),
    ("rare word 'OPEC'", lambda _k: SearchQuery("OPEC")),
    ("absent word", lambda _k: SearchQuery("xylophone")),
    ("regex 'sanction\\w*'", lambda _k: SearchQuery(r"sanction\w*", regex=True)),
    ("common, one speaker", lambda key: SearchQuery("the", speaker=key)),
]


def _placed(matches: Matches, turn: int) -> int:
    current = matches.position_at(turn)
    return current + len(matches.in_turns(turn - 300, turn + 300))


def best_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def grep_long_line(megabytes: float) -> int:
    """`transcript-reader grep word` on one line of `megabytes` MB holding nothing but that word."""
    import contextlib
    import os
    import tempfile

    from reader.cli import main as cli

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "one-line.txt"
        path.write_text("word " * int(megabytes * 200_000), "utf-8")
        with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
            start = time.perf_counter()
            status = cli(["grep", "word", str(path), "--data-dir", scratch])
            seconds = time.perf_counter() - start
    print(f"grep 'word' in a {megabytes:g} MB line ({int(megabytes * 200_000):,} hits): {seconds:.1f} s "
          f"(exit {status})")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--grep"]:
        return grep_long_line(float(argv[1]) if len(argv) > 1 else 10)
    sizes = [int(a) for a in argv] or [1000, 5000, 20000, 50000]
    rows: list[tuple[str, ...]] = []
    for turns in sizes:
        transcript = parse_text(generate(turns, seed=1))
        indexes = SearchIndexes()
        start = time.perf_counter()
        indexes.index(transcript)
        index_ms = (time.perf_counter() - start) * 1000
        key = resolve_speaker(transcript, INTERVIEWEE)
        indexes.index(transcript, key)  # the speaker's own index, built on first use like the whole one
        mb = len(transcript.source.encode("utf-8")) / 1e6
        rows.append((f"{turns:,} turns ({mb:.1f} MB)", "index build", f"{index_ms:.1f}", "", ""))
        middle = turns // 2
        for label, make in QUERIES:
            seconds, matches = best_of(5, lambda make=make, t=transcript, k=key, i=indexes: search(t, make(k), i))
            placed, _ = best_of(5, lambda make=make, t=transcript, k=key, i=indexes, m=middle:
                                _placed(search(t, make(k), i), m))
            rows.append(("", label, f"{seconds * 1000:.1f}", f"{placed * 1000:.1f}",
                         f"{len(matches):,}"))  # type: ignore[arg-type]
    header = ("size", "query", "search ms", "+ placed", "matches")
    widths = [max(len(r[i]) for r in [*rows, header]) for i in range(len(header))]
    print("  ".join(h.ljust(w) if i < 2 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths, strict=True))))
    for row in rows:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
