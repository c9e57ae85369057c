"""Trials of the notes store's promises, with the figures the README gives: writers killed while saving, two
writers at once, a full disk, hostile imports. Not timed; it counts what was lost (always 0 is the promise).

    python benchmarks/notes_trials.py            # 200 kills, 2 writers x 1,000 notes in 50 saves, 50 full disks
    python benchmarks/notes_trials.py --quick    # a tenth of each
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.cli import main as cli
from reader.core.loader import parse_text
from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.notes.schema import parse_document
from reader.core.notes.store import AnnotationStore

TEXT = "Question: Where were you on the night of the storm?\n\nWitness: At home, reading, until the lights went out."
WRITER = """
import sys
from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.loader import parse_text
from reader.core.notes.store import AnnotationStore
transcript = parse_text(sys.argv[2])
notes = AnnotationStore(sys.argv[1]).open(transcript)
prefix, count, per_save = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
print("ready", flush=True)
for k in range(count):
    notes.add(new_annotation(Kind.NOTE, make_anchor(transcript, 0, 0, 8), note=f"{prefix}{k}", tags=["x" * 500]))
    if (k + 1) % per_save == 0 and not notes.save():
        sys.exit(f"save failed: {notes.last_error}")
notes.save()
"""


def _writer(folder: str, prefix: str, count: int, per_save: int = 1) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", WRITER, folder, TEXT, prefix, str(count), str(per_save)],
                               text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).parents[1])
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def kill_trials(kills: int) -> tuple[int, int]:
    """Writers killed at random moments of saving; returns (kills, notes lost)."""
    rng, lost = random.Random(1), 0
    transcript = parse_text(TEXT)
    with tempfile.TemporaryDirectory() as folder:
        file = AnnotationStore(folder).notes_file(transcript.fingerprint)
        saved = 0
        for n in range(kills):
            writer = _writer(folder, f"k{n}-", 10_000)
            time.sleep(rng.uniform(0.005, 0.08))
            writer.send_signal(signal.SIGKILL)
            writer.wait()
            if file.exists():
                notes = {a.note for a in parse_document(file.read_bytes()).annotations}  # raises if torn
                lost += saved - len(notes) if len(notes) < saved else 0
                saved = len(notes)
    return kills, lost


def concurrent_writers(per_writer: int, rounds: int = 50) -> tuple[int, int]:
    """Two writers adding notes to one file at once, saving `rounds` times each; returns (notes, notes lost)."""
    transcript = parse_text(TEXT)
    with tempfile.TemporaryDirectory() as folder:
        writers = [_writer(folder, prefix, per_writer, max(1, per_writer // rounds)) for prefix in ("a", "b")]
        for writer in writers:
            writer.wait()
        held = {a.note for a in AnnotationStore(folder).open(transcript).annotations}
    wanted = {f"{p}{k}" for p in "ab" for k in range(per_writer)}
    return len(wanted), len(wanted - held)


def disk_full(saves: int) -> tuple[int, int]:
    """Saves failing with ENOSPC at the rename, then the disk freed; returns (failed saves, notes lost)."""
    transcript = parse_text(TEXT)
    real = os.replace
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        notes = AnnotationStore(folder).open(transcript)
        for k in range(saves):
            notes.add(new_annotation(Kind.NOTE, make_anchor(transcript, 0, 0, 7), note=f"d{k}"))

            def full(src: object, dst: object) -> None:
                raise OSError(28, "No space left on device")

            os.replace = full  # type: ignore[assignment]
            try:
                failed += not notes.save()
            finally:
                os.replace = real
        assert notes.save()
        held = {a.note for a in AnnotationStore(folder).open(transcript).annotations}
    return failed, len({f"d{k}" for k in range(saves)} - held)


HOSTILE = [
    '[{"type":"Annotation","body":"half \\ud83d","target":{"selector":{"type":"TextQuoteSelector",'
    '"exact":"At home"}}}]',
    '[{"type":"Annotation","transcript_reader":{"start":10,"end":2},"target":{"selector":{"type":"TextQuoteSelector",'
    '"exact":"At home"}}}]',
    '[{"type":"Annotation","transcript_reader":{"end":1e999},"target":{"selector":{"exact":"x"}}}]',
    '[{"type":"Annotation","created":"0001-01-01T00:00:00+05:00","target":{"selector":{"exact":"At home"}}}]',
    '[{"type":"Annotation","modified":"9999-12-31T23:59:59-05:00","target":{"selector":{"exact":"At home"}}}]',
    '[{"type":"Annotation","id":"=HYPERLINK(\\"x\\")","body":"-2+3+cmd","target":{"selector":{"exact":"At home"}}}]',
    '{"type":"AnnotationPage","items":[Infinity]}', "[" * 5000 + "]" * 5000, "[" * 200_000 + "]" * 200_000,
    '{"type":"AnnotationCollection","first":{"items":[{"type":"Annotation","target":{"selector":{"type":'
    '"TextPositionSelector","start":1e400}}}]}}', "\x00\xff\xfe", "",
]


def hostile_imports() -> tuple[int, int]:
    """Hostile import files through the command line, each followed by an export; returns (files, failures:
    a traceback, or an export that no longer works)."""
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        transcript = Path(folder) / "t.txt"
        transcript.write_text(TEXT, "utf-8")
        for n, content in enumerate(HOSTILE):
            hostile = Path(folder) / f"h{n}.json"
            hostile.write_text(content, "utf-8", errors="surrogatepass")
            try:
                status = cli(["import", "--data-dir", f"{folder}/data", str(transcript), str(hostile)])
                failures += status not in (0, 2)
                failures += cli(["export", "--data-dir", f"{folder}/data", str(transcript), "-f", "csv"]) != 0
            except Exception:
                failures += 1
    return len(HOSTILE), failures


def main(argv: list[str]) -> int:
    scale = 10 if "--quick" in argv else 1
    sys.stdout = sys.stderr = open(os.devnull, "w")  # the commands' own output  # noqa: SIM115
    results = {
        "kills while saving (kills, notes lost)": kill_trials(200 // scale),
        "two writers at once (notes, lost)": concurrent_writers(1000 // scale),
        "disk full at every save (failed saves, notes lost)": disk_full(50 // scale),
        "hostile imports (files, tracebacks or broken exports)": hostile_imports(),
    }
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    print(json.dumps(results, indent=2))
    return 0 if all(r[1] == 0 for r in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
