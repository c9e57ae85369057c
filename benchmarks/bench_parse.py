"""How fast a transcript is read: decode, detect the layout and parse generated interviews of growing size, and
each timed layout (Otter export, bracketed log, Teams and Zoom WebVTT, SRT) repeated to about 10 MB, a court
reporter's hearing of about 10 MB as text (numbered lines under page numbers), and documents that come in a
container (a 10 MB news-site page, a 200-page hearing PDF, a Word interview of about 10 MB of text, a 10 MB
WhisperX JSON, 10 MB of Markdown), read from their bytes (for a container, "decode" is the container's
extraction).

    python benchmarks/bench_parse.py                    # 1k, 5k, 20k, 50k turns, a 10 MB file, the timed layouts, ...
    python benchmarks/bench_parse.py --repeat 5         # best of 5 runs each
    python benchmarks/bench_parse.py --profile          # where the time goes on the 10 MB labelled file
    python benchmarks/bench_parse.py --profile zoom     # ... or on any other input (a timed layout, html, ...)
    python benchmarks/bench_parse.py --only html        # only the inputs whose name holds "html"

Each step's time is the best of the repeats (the least disturbed by other work on the machine), as wall time and
as CPU time (`process_time`): on a machine shared with other work the CPU time is the steadier of the two, and
MB/s is worked out from it. The target: decoding and parsing a 10 MB file of any kind under 1.5 s, and time
growing linearly with size (MB/s roughly constant).
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_markdown import markdown_interview
from benchmarks.generate import generate, generate_size, generate_whisper_json
from benchmarks.generate_html import html_page
from reader.core.containers import extract
from reader.core.decode import decode
from reader.core.formats.detect import detect_layout
from reader.core.loader import parse_extracted, parse_text
from reader.core.model import Transcript

LAYOUT_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "data" / "layouts"
# One file of each dense timed layout; each is repeated to the size asked for.
TIMED = {
    "otter": "otter-export.txt",
    "bracketed": "bracketed-log.txt",
    "teams": "teams-meeting.vtt",
    "zoom": "zoom-recording.vtt",
    "srt": "interview-subtitles.srt",
}

T = TypeVar("T")
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


def _best(repeat: int, work: Callable[[], T]) -> tuple[tuple[float, float], T]:
    """The least wall time and the least CPU time of `repeat` runs of `work`, and its result."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = work()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return (wall, cpu), result


class Row(NamedTuple):
    input: str
    megabytes: float
    turns: int
    layout: str
    steps: tuple[float, float, float]  # decode (or extract), detect, parse: wall seconds
    wall: float
    cpu: float

    def __str__(self) -> str:
        steps = " ".join(f"{s:>9.3f}" for s in self.steps)
        return f"{self.input:<18} {self.layout:<12} {self.megabytes:>5.1f} {self.turns:>7} {steps} {self.wall:>8.3f} " \
               f"{self.cpu:>6.3f} {self.megabytes / self.cpu:>6.1f}"


HEADER = f"{'input':<18} {'layout':<12} {'MB':>5} {'turns':>7} {'decode s':>9} {'detect s':>9} {'parse s':>9} " \
         f"{'total s':>8} {'CPU s':>6} {'MB/s':>6}"


def _row(name: str, megabytes: float, transcript: Transcript, steps: list[tuple[float, float]]) -> Row:
    decode_s, detect_s, parse_s = (wall for wall, _ in steps)
    return Row(name, megabytes, len(transcript.turns), transcript.layout, (decode_s, detect_s, parse_s),
               sum(wall for wall, _ in steps), sum(cpu for _, cpu in steps))


def measure(name: str, text: str, repeat: int) -> Row:
    data = text.encode("utf-8")
    t_decode, decoded = _best(repeat, lambda: decode(data))
    t_detect, layout = _best(repeat, lambda: detect_layout(decoded.text))
    t_parse, transcript = _best(repeat, lambda: parse_text(decoded.text, layout))
    return _row(name, len(data) / 1e6, transcript, [t_decode, t_detect, t_parse])


def measure_container(name: str, data: bytes, suffix: str, repeat: int) -> Row:
    """`data` as a file of that suffix is read: the container's extraction, then the layout (none to detect when
    the container knows the turns)."""
    t_extract, extracted = _best(repeat, lambda: extract(data, suffix))
    t_parse, transcript = _best(repeat, lambda: parse_extracted(extracted))
    return _row(name, len(data) / 1e6, transcript, [t_extract, (0.0, 0.0), t_parse])


def markdown_bytes(megabytes: float) -> bytes:
    """The Markdown interview of `bench_markdown` at about `megabytes` (its markup is shorter than the labels it
    replaces, so more is asked for)."""
    return markdown_interview(megabytes * 10 / 8.2).encode("utf-8")


class Input(NamedTuple):
    """A benchmark input: text in a layout (decoded, detected, parsed) or a file of a container's `suffix`."""

    name: str
    make: Callable[[], str | bytes]
    suffix: str = ""

    def measure(self, repeat: int) -> Row:
        made = self.make()
        if isinstance(made, str):
            return measure(self.name, made, repeat)
        return measure_container(self.name, made, self.suffix, repeat)

    def read(self) -> Callable[[], Transcript]:
        """The work of reading it once, every step, as the reader does."""
        made = self.make()
        if isinstance(made, str):
            data = made.encode("utf-8")
            return lambda: parse_text(decode(data).text)
        return lambda: parse_extracted(extract(made, self.suffix))


def inputs(only: str = "") -> list[Input]:
    """Every input, in the order of the table; `only` keeps those whose name holds it."""
    from benchmarks.generate_documents import hearing_pdf, hearing_text, interview_docx

    found = [Input(f"{n // 1000}k turns", lambda n=n: generate(n)) for n in (1_000, 5_000, 20_000, 50_000)]  # type: ignore[misc]
    found.append(Input("10 MB", lambda: generate_size(10)))
    found.extend(Input(f"{name} 10 MB", lambda name=name: timed_layout(name)) for name in TIMED)  # type: ignore[misc]
    found.append(Input("hearing text 10 MB", lambda: hearing_text(10_000)))
    found += [Input("html 10 MB", lambda: html_page(10).encode("utf-8"), ".html"),
              Input("hearing 200 p", lambda: hearing_pdf(200), ".pdf"),
              Input("docx 10 MB text", lambda: interview_docx(10), ".docx"),
              Input("whisper json 10 MB", lambda: generate_whisper_json(10).encode("utf-8"), ".json"),
              Input("markdown 10 MB", lambda: markdown_bytes(10), ".md")]
    return [i for i in found if only in i.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    parser.add_argument("--profile", nargs="?", const="10 MB",
                        help="profile reading the first input whose name holds this (default: the 10 MB labelled one)")
    parser.add_argument("--only", default="", help="only the inputs whose name holds this (e.g. html)")
    args = parser.parse_args(argv)

    if args.profile:
        chosen = inputs(args.profile)
        if not chosen:
            parser.error(f"no input's name holds {args.profile!r}")
        print(f"where the time goes in reading {chosen[0].name}")
        read = chosen[0].read()
        profiler = cProfile.Profile()
        profiler.runcall(read)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0

    print(HEADER)
    print("-" * len(HEADER))
    for benchmark_input in inputs(args.only):
        print(benchmark_input.measure(args.repeat), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
