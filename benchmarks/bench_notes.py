"""Notes on generated interviews of 1k to 50k turns: open, save, and re-attaching after the text changed.

    python benchmarks/bench_notes.py            # 1k, 5k, 20k, 50k turns
    python benchmarks/bench_notes.py 2000 8000  # other sizes

With 500 annotations per transcript: opening the notes (every anchor checked in place), saving them (merge with
the file on disk, backup, atomic replace), and re-attaching them after 50 of the quoted passages were edited
(a word dropped from each), which sends those 50 through the quote search and the fuzzy match.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate import generate

from reader.core.loader import parse_text
from reader.core.notes.anchoring import reattach
from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.notes.store import AnnotationStore

ANNOTATIONS = 500
EDITED = 50


def run(turns: int) -> None:
    text = generate(turns, seed=1)
    transcript = parse_text(text)
    rng = random.Random(turns)
    with tempfile.TemporaryDirectory() as folder:
        notes = AnnotationStore(folder).open(transcript)
        for _ in range(ANNOTATIONS):
            index = rng.randrange(len(transcript.turns))
            words = transcript.turns[index].text
            start = rng.randrange(max(1, len(words) - 100))
            notes.add(new_annotation(Kind.HIGHLIGHT, make_anchor(transcript, index, start, start + 80)))
        started = time.perf_counter()
        notes.save()
        save = time.perf_counter() - started
        started = time.perf_counter()
        reopened = AnnotationStore(folder).open(transcript)
        opening = time.perf_counter() - started

    edited = text
    for a in rng.sample(reopened.annotations, EDITED):
        words = a.anchor.exact.split(" ")
        if len(words) > 4 and a.anchor.exact in edited:
            edited = edited.replace(a.anchor.exact, " ".join(words[:2] + words[3:]), 1)
    changed = parse_text(edited)
    started = time.perf_counter()
    moved = reattach(changed, reopened.annotations)
    again = time.perf_counter() - started
    lost = sum(a.detached for a in moved)
    print(f"{turns:>6} turns {len(text) / 1e6:6.1f} MB   save {save * 1000:7.1f} ms   open {opening * 1000:7.1f} ms   "
          f"re-attach after {EDITED} edits {again * 1000:7.1f} ms ({lost} detached)")


def main(argv: list[str]) -> int:
    for turns in [int(a) for a in argv] or [1000, 5000, 20000, 50000]:
        run(turns)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
