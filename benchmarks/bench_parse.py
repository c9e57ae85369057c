"""How fast a transcript is read: decode, detect the layout and parse generated interviews of growing size.

    python benchmarks/bench_parse.py              # 1k, 5k, 20k, 50k turns and a 10 MB file
    python benchmarks/bench_parse.py --repeat 5   # best of 5 runs each
    python benchmarks/bench_parse.py --profile    # where the time goes on the 10 MB file

Times are the best of the repeats (the least disturbed by other work on the machine). The target: a 10 MB
transcript well under a second, and time growing linearly with size (MB/s roughly constant).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate, generate_size
from reader.core.decode import decode
from reader.core.formats.detect import detect_layout
from reader.core.loader import parse_text


def _best(repeat: int, work) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure(name: str, text: str, repeat: int) -> dict[str, object]:
    data = text.encode("utf-8")
    t_decode, decoded = _best(repeat, lambda: decode(data))
    t_detect, layout = _best(repeat, lambda: detect_layout(decoded.text))  # type: ignore[attr-defined]
    t_parse, transcript = _best(repeat, lambda: parse_text(decoded.text, layout))  # type: ignore[attr-defined]
    megabytes = len(data) / 1e6
    total = t_decode + t_detect + t_parse
    return {"input": name, "MB": megabytes, "turns": len(transcript.turns), "layout": layout,  # type: ignore[attr-defined]
            "decode": t_decode, "detect": t_detect, "parse": t_parse, "total": total, "MB/s": megabytes / total}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    parser.add_argument("--profile", action="store_true", help="profile parsing the 10 MB file instead")
    args = parser.parse_args(argv)

    if args.profile:
        text = generate_size(10)
        layout = detect_layout(text)
        profiler = cProfile.Profile()
        profiler.runcall(parse_text, text, layout)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
        return 0

    inputs = [(f"{n // 1000}k turns", generate(n)) for n in (1_000, 5_000, 20_000, 50_000)]
    inputs.append(("10 MB", generate_size(10)))
    header = f"{'input':<12} {'MB':>6} {'turns':>7} {'decode s':>9} {'detect s':>9} {'parse s':>8} {'total s':>8} " \
             f"{'MB/s':>6}"
    print(header)
    print("-" * len(header))
    for name, text in inputs:
        row = measure(name, text, args.repeat)
        print(f"{row['input']:<12} {row['MB']:>6.1f} {row['turns']:>7} {row['decode']:>9.3f} {row['detect']:>9.3f} "
              f"{row['parse']:>8.3f} {row['total']:>8.3f} {row['MB/s']:>6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
