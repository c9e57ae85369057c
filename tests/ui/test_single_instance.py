"""One reader per notes folder, with real processes (offscreen): a second start hands its file to the running
reader and exits; the running reader opens it. Seen from outside as a user's notes folder would show it: the
index of known transcripts records each file when a window opens it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from reader.ui.single_instance import HandOver, may_be_listening, server_name

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60  # seconds a process may take to start on a loaded machine; the waits end as soon as the file shows


def _transcript(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(f"Interviewer: What is in {name}?\n\nGuest: Only this answer.\n", encoding="utf-8")
    return path


def _opened(data_dir: Path) -> set[str]:
    try:
        index = json.loads((data_dir / "index.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):  # not written yet, or caught between write and rename
        return set()
    return {Path(entry["path"]).name for entry in index["transcripts"].values()}


def _wait_opened(data_dir: Path, name: str, *processes: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while name not in _opened(data_dir):
        for process in processes:
            assert process.poll() is None, f"the reader exited with {process.returncode} before opening {name}"
        assert time.monotonic() < deadline, f"{name} was not opened within {WAIT} s"
        time.sleep(0.1)


class Readers:
    """Starts `python -m reader` processes on one notes folder, offscreen, and ends those still running."""

    def __init__(self, data_dir: Path, cwd: Path) -> None:
        self.data_dir, self.cwd = data_dir, cwd
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        self.env.pop("TRANSCRIPT_READER_DATA_DIR", None)
        self.started: list[subprocess.Popen] = []

    def start(self, *args: str | Path) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-m", "reader", "--data-dir", str(self.data_dir),
                                    *map(str, args)], cwd=self.cwd, env=self.env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        self.started.append(process)
        return process

    def end(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.communicate(timeout=WAIT)
        QLocalServer.removeServer(server_name(self.data_dir))  # a killed reader leaves its socket file behind


@pytest.fixture
def readers(tmp_path: Path) -> Iterator[Readers]:
    started = Readers(tmp_path / "notes", tmp_path)
    yield started
    started.end()


def test_a_second_start_hands_its_file_to_the_running_reader(readers: Readers, tmp_path: Path) -> None:
    assert not may_be_listening(server_name(readers.data_dir))  # the first start listens once its text shows
    first = readers.start(_transcript(tmp_path, "one.txt"))
    _wait_opened(readers.data_dir, "one.txt", first)
    if sys.platform != "win32":
        deadline = time.monotonic() + WAIT
        while not may_be_listening(server_name(readers.data_dir)):
            assert time.monotonic() < deadline, "the first reader does not listen"
            time.sleep(0.05)

    second = readers.start(_transcript(tmp_path, "two.txt"))
    out, _err = second.communicate(timeout=WAIT)
    assert (second.returncode, out) == (0, "")  # handed over, and no window of its own
    _wait_opened(readers.data_dir, "two.txt", first)

    # File > New Window's command-line twin goes to the running reader as well
    third = readers.start("--new-window", _transcript(tmp_path, "three.txt"))
    assert third.wait(timeout=WAIT) == 0
    _wait_opened(readers.data_dir, "three.txt", first)
    assert first.poll() is None

    # a reader on other notes is a reader of its own: it opens its window instead of handing over
    other = Readers(tmp_path / "other-notes", tmp_path)
    try:
        _wait_opened(other.data_dir, "four.txt", other.start(_transcript(tmp_path, "four.txt")))
    finally:
        other.end()
    assert "four.txt" not in _opened(readers.data_dir)
    assert server_name(readers.data_dir) != server_name(other.data_dir)


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe goes with the process that made it")
def test_the_socket_of_a_reader_that_crashed_is_taken_over(readers: Readers, tmp_path: Path) -> None:
    crashed = readers.start(_transcript(tmp_path, "one.txt"))
    _wait_opened(readers.data_dir, "one.txt", crashed)
    crashed.send_signal(signal.SIGKILL)  # its socket stays behind
    crashed.wait(timeout=WAIT)

    running = readers.start(_transcript(tmp_path, "two.txt"))
    _wait_opened(readers.data_dir, "two.txt", running)  # not handed to the dead socket: a window of its own
    later = readers.start(_transcript(tmp_path, "three.txt"))
    assert later.wait(timeout=WAIT) == 0
    _wait_opened(readers.data_dir, "three.txt", running)


def test_a_request_is_one_line_of_json_and_anything_else_is_refused() -> None:
    request = HandOver(("/a/one.txt", "/b/two words.md"), "labelled", True)
    assert request.encode().endswith(b"\n") and request.encode().count(b"\n") == 1
    assert HandOver.decode(request.encode().strip()) == request
    for junk in (b"", b"\xff", b"[]", b'{"paths": "one.txt"}', b'{"paths": [1]}', b'{"paths": [], "layout": 3}',
                 b'{"paths": [], "new_window": "yes"}', b"[" * 100_000):
        assert HandOver.decode(junk) is None
