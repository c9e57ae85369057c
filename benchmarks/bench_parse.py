"""How fast a transcript is read: decode, detect the layout and parse generated interviews of growing size, and
each timed layout (Otter export, bracketed log, Teams and Zoom WebVTT, SRT) repeated to about 10 MB, and documents
that come in a container (a 10 MB news-site page, a 200-page hearing PDF, a Word interview of about 10 MB of text,
a 10 MB WhisperX JSON), read from their bytes (for a container, "decode" is the container's extraction).

    python benchmarks/bench_parse.py                    # 1k, 5k, 20k, 50k turns, a 10 MB file, the timed layouts
    python benchmarks/bench_parse.py --repeat 5         # best of 5 runs each
    python benchmarks/bench_parse.py --profile          # where the time goes on the 10 MB labelled file
    python benchmarks/bench_parse.py --profile zoom     # ... or on one of the timed layouts
    python benchmarks/bench_parse.py --only html        # only the inputs whose name holds "html"

Times are the best of the repeats (the least disturbed by other work on the machine). The target: a 10 MB
transcript well under a second in every layout, and time growing linearly with size (MB/s roughly constant).
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import math
import pstats
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate, generate_size, generate_whisper_json
from benchmarks.generate_html import html_page
from reader.core.containers import extract
from reader.core.decode import decode
from reader.core.formats.detect import detect_layout
from reader.core.loader import parse_extracted, parse_text

LAYOUT_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "data" / "layouts"
# One file of each dense timed layout; each is repeated to the size asked for.
TIMED = {
    "otter": "otter-export.txt",
    "bracketed": "bracketed-log.txt",
    "teams": "teams-meeting.vtt",
    "zoom": "zoom-recording.vtt",
    "srt": "interview-subtitles.srt",
}

_CLOCK = re.compile(r"(?<![\d:.,])(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:([.,])(\d{3}))?(?![\d:])")
_TIMING_LINE = re.compile(r"^[^\n]*-->[^\n]*$", re.MULTILINE)
_FOOTER = re.compile(r"^Transcribed by.*\Z", re.MULTILINE | re.DOTALL)


def _clock_seconds(m: re.Match[str]) -> float:
    hours, minutes, secs, _, millis = m.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(millis or 0) / 1000


def _shift(m: re.Match[str], offset: int) -> str:
    """The clock moved on by `offset` seconds, written as the file wrote it (hours added once they are due)."""
    hours, minutes, secs, sep, millis = m.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + offset
    h, rest = divmod(total, 3600)
    clock = f"{rest // 60:02d}:{rest % 60:02d}"
    if hours is not None or h:
        clock = f"{h:0{len(hours or '0')}d}:{clock}"
    elif len(minutes) == 1 and rest < 600:
        clock = clock[1:]  # `0:37` stays unpadded
    return clock + (f"{sep}{millis}" if sep else "")


def repeat_layout(text: str, megabytes: float) -> str:
    """`text` (a timed transcript) with its body repeated to about `megabytes`, still a valid file: each copy's
    times follow on from the last one's, cue numbers count on and cue ids stay unique. A WebVTT header is
    written once, a `Transcribed by` footer once at the end."""
    first_timing = _TIMING_LINE.search(text)
    if first_timing:  # captions: the body starts at the first cue's block
        body_start = max(text.rfind("\n\n", 0, first_timing.start()) + 2, 0) if text.startswith("WEBVTT") else 0
    else:
        body_start = 0
    footer = _FOOTER.search(text)
    body_end = footer.start() if footer else len(text)
    header, body, tail = text[:body_start], text[body_start:body_end].strip("\n") + "\n", text[body_end:]
    period = math.ceil(max(_clock_seconds(m) for m in _CLOCK.finditer(body))) + 5
    copies = max(1, round(megabytes * 1e6 / len(body.encode("utf-8"))))
    cue_number = 0
    copies_text: list[str] = []
    for k in range(copies):
        lines = _CLOCK.sub(lambda m, k=k: _shift(m, k * period), body).split("\n")
        for i, line in enumerate(lines[:-1]):
            if "-->" in lines[i + 1]:  # a cue id: SRT numbers count on, Teams' `guid/12-0` gets a later number
                if line.strip().isdigit():
                    cue_number += 1
                    lines[i] = str(cue_number)
                else:
                    lines[i] = re.sub(r"/(\d+)-", lambda m, k=k: f"/{int(m[1]) + k * 1000}-", line)
        copies_text.append("\n".join(lines))
    return header + "\n".join(copies_text).rstrip("\n") + "\n" + ("\n" + tail if tail else "")


def timed_layout(name: str, megabytes: float = 10) -> str:
    return repeat_layout((LAYOUT_FIXTURES / TIMED[name]).read_text(encoding="utf-8"), megabytes)


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


def measure_container(name: str, data: bytes, suffix: str, repeat: int) -> dict[str, object]:
    """`data` as a file of that suffix is read: the container's extraction, then the layout (none to detect when
    the container knows the turns)."""
    t_extract, extracted = _best(repeat, lambda: extract(data, suffix))
    t_parse, transcript = _best(repeat, lambda: parse_extracted(extracted))  # type: ignore[arg-type]
    megabytes = len(data) / 1e6
    total = t_extract + t_parse
    return {"input": name, "MB": megabytes, "turns": len(transcript.turns),  # type: ignore[attr-defined]
            "layout": transcript.layout, "decode": t_extract, "detect": 0.0, "parse": t_parse,  # type: ignore[attr-defined]
            "total": total, "MB/s": megabytes / total}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    parser.add_argument("--profile", nargs="?", const="labelled", choices=["labelled", *TIMED],
                        help="profile parsing one 10 MB file instead (default: the generated labelled one)")
    parser.add_argument("--only", default="", help="only the inputs whose name holds this (e.g. html)")
    args = parser.parse_args(argv)

    if args.profile:
        text = generate_size(10) if args.profile == "labelled" else timed_layout(args.profile)
        layout = detect_layout(text)
        profiler = cProfile.Profile()
        profiler.runcall(parse_text, text, layout)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        return 0

    inputs = [(f"{n // 1000}k turns", generate(n)) for n in (1_000, 5_000, 20_000, 50_000)]
    inputs.append(("10 MB", generate_size(10)))
    inputs.extend((f"{name} 10 MB", timed_layout(name)) for name in TIMED)
    header = f"{'input':<16} {'layout':<12} {'MB':>5} {'turns':>7} {'decode s':>9} {'detect s':>9} {'parse s':>8} " \
             f"{'total s':>8} {'MB/s':>6}"
    print(header)
    print("-" * len(header))
    from benchmarks.generate_documents import hearing_pdf, interview_docx

    containers = [("html 10 MB", lambda: html_page(10).encode("utf-8"), ".html"),
                  ("hearing 200 p", lambda: hearing_pdf(200), ".pdf"),
                  ("docx 10 MB text", lambda: interview_docx(10), ".docx"),
                  ("whisper json 10 MB", lambda: generate_whisper_json(10).encode("utf-8"), ".json")]
    rows = (measure(name, text, args.repeat) for name, text in inputs if args.only in name)
    container_rows = (measure_container(name, make(), suffix, args.repeat) for name, make, suffix in containers
                      if args.only in name)
    for row in itertools.chain(rows, container_rows):
        print(f"{row['input']:<16} {row['layout']:<12} {row['MB']:>5.1f} {row['turns']:>7} {row['decode']:>9.3f} "
              f"{row['detect']:>9.3f} {row['parse']:>8.3f} {row['total']:>8.3f} {row['MB/s']:>6.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
