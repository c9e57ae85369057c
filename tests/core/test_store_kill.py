"""Kill a process that is saving notes, at random moments, many times: the file must always be whole."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.loader import parse_text
from reader.core.notes.schema import parse_document
from reader.core.notes.store import AnnotationStore

TEXT = "Question: Where were you on the night of the storm?\n\nWitness: At home, reading, until the lights went out."

# Each save adds one note "n<k>" and a long filler so a write takes long enough to be caught half-way.
WRITER = """
import sys
from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.loader import parse_text
from reader.core.notes.store import AnnotationStore

transcript = parse_text(sys.argv[2])
notes = AnnotationStore(sys.argv[1]).open(transcript)
count = len(notes)
print("ready", flush=True)
while True:
    notes.add(new_annotation(Kind.NOTE, make_anchor(transcript, 0, 0, 8), note=f"n{count}", tags=["x" * 2000]))
    if not notes.save():
        sys.exit(f"save failed: {notes.last_error}")
    count += 1
"""


def _versions(file: Path) -> list[int]:
    doc = parse_document(file.read_bytes())  # raises when the file is not one whole version
    return sorted(int(a.note[1:]) for a in doc.annotations)


@pytest.mark.slow
def test_file_is_whole_after_every_kill(tmp_path: Path) -> None:
    rng = random.Random(20170721)
    transcript = parse_text(TEXT)
    file = AnnotationStore(tmp_path).notes_file(transcript.fingerprint)
    seen = 0
    kills = 0
    start = time.monotonic()
    # 40 kills, or what 15 s allow once at least 10 kills have caught 10 saves; a loaded machine (the tests run
    # on every core) gets longer for those 10, up to two minutes, rather than a test that did not exercise saving.
    def go_on() -> bool:
        elapsed = time.monotonic() - start
        return kills < 40 and (elapsed < 15 or ((kills < 10 or seen < 10) and elapsed < 120))

    while go_on():
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), TEXT], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read() if writer.stderr else ""
        time.sleep(rng.uniform(0.005, 0.08))
        assert writer.poll() is None, writer.stderr.read() if writer.stderr else "the writer stopped"
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        kills += 1
        if not file.exists():
            continue
        versions = _versions(file)
        assert versions == list(range(len(versions))), "a save must hold every earlier note, in full"
        assert len(versions) >= seen, "a later save never holds less than an earlier one"
        seen = len(versions)
        backup = Path(str(file) + ".bak")
        if backup.exists():
            assert _versions(backup) == list(range(len(_versions(backup))))
        json.loads(AnnotationStore(tmp_path).index_file.read_text("utf-8"))
    assert kills >= 10 and seen >= 10, f"only {kills} kills and {seen} saves: the test did not exercise saving"
    reopened = AnnotationStore(tmp_path).open(transcript)
    assert len(reopened) == seen and reopened.message is None
