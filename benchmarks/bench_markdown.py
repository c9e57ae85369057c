"""How fast Markdown and legacy code pages are read: a generated interview written as Markdown (bold labels,
quotes, emphasis, links, escapes, code, sections) and the same interview in legacy code pages, each about 10 MB.

    python benchmarks/bench_markdown.py              # best of 3
    python benchmarks/bench_markdown.py --repeat 5
    python benchmarks/bench_markdown.py --profile    # where the time goes in rendering the Markdown

Times are the best of the repeats (the least disturbed by other work on the machine).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate_size
from reader.core.containers import extract
from reader.core.decode import decode
from reader.core.loader import parse_extracted

TEXTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "encodings"


def markdown_interview(megabytes: float) -> str:
    """A generated interview with its labels in bold, every other turn quoted, a section every 40 turns and
    some inline markup in each turn."""
    turns = [t for t in generate_size(megabytes).split("\n\n") if ": " in t]
    out = ["---", "title: A generated interview", "date: 2024-05-01", "---", "", "# A generated interview", ""]
    for i, turn in enumerate(turns):
        label, _, said = turn.partition(": ")
        if i % 40 == 0:
            out += [f"## Part {i // 40 + 1}", ""]
        words = said.split(" ")
        if len(words) > 6:
            words[2] = f"*{words[2]}*"
            words[5] = f"[{words[5]}](https://example.org/{i})"
        line = f"**{label}:** {' '.join(words)} snake\\_case `code`"
        out += [f"> {line}" if i % 2 else line, ""]
    return "\n".join(out)


def _best(repeat: int, work):  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    data = markdown_interview(10).encode("utf-8")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(extract, data, ".md")
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)
        return 0
    t_extract, extracted = _best(args.repeat, lambda: extract(data, ".md"))
    t_parse, transcript = _best(args.repeat, lambda: parse_extracted(extracted))
    print(f"markdown  {len(data) / 1e6:5.1f} MB  render {t_extract:6.2f} s  parse {t_parse:6.2f} s  "
          f"({len(transcript.turns)} turns, {len(transcript.headings)} headings, layout {transcript.layout})")
    for name, codec in (("russian", "cp1251"), ("french", "cp1252"), ("polish", "iso8859_2"),
                        ("japanese", "shift_jis")):
        text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
        encoded = (text * (10_000_000 // len(text.encode(codec)))).encode(codec)
        t_decode, decoded = _best(args.repeat, lambda encoded=encoded: decode(encoded))
        print(f"{codec:9} {len(encoded) / 1e6:5.1f} MB  decode {t_decode:6.2f} s  (named {decoded.encoding})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
