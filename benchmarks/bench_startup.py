"""How long the reader takes, as a whole process, from its start to the first picture of a transcript, and to
quit; against the floor: a fresh process that shows the same file in a `QPlainTextEdit` (setPlainText).

    python benchmarks/bench_startup.py                    # the sample, a 512 KB hearing, 18.6k turns; 5 runs each
    python benchmarks/bench_startup.py --runs 9
    python benchmarks/bench_startup.py --compare main     # the reader of another revision too, interleaved
    python benchmarks/bench_startup.py --turns 1000 5000 20000 50000   # generated interviews of these sizes
    python benchmarks/bench_startup.py --instructions     # also instructions to the first picture (valgrind)

Each run is a fresh process (so peak memory is its own and no cache carries over), on a screen of 1920x1080
(Qt's offscreen platform, so that the window takes the size it takes on a desktop), with empty settings and
notes folders. The sides run in alternation, the floor first, `--runs` times each, and the table gives medians:
- first picture: from starting the process to the end of the first paint of the text (the reading view's, the
  text box's for the floor); CPU: the process's user+sys time by then (both cores are shared with other work,
  so wall time wanders and CPU time says what the process itself spent);
- total CPU: the whole process's user+sys (os.wait4), from start to exit;
- quit: from closing the window (while the topics are being found, when they take that long) to the end of the
  process;
- peak: the process's peak resident memory.
With `--timings` supported (this checkout), the phases the reader prints (imports, decode, parse, window, first
paint, idle) are given too, as medians. The screenshot command is timed as a whole process (`screenshot` rows).
`--instructions` counts the instructions each process runs to its first picture (valgrind's callgrind, some 50
times slower; the fewer of two runs, with one hash seed): a measure that other work on the machine does not move.
`--runs 0` gives only that.
Targets (issue 13): first picture within 2x the floor for the sample and the hearing, within 2.5x at 18.6k turns;
quitting under 0.3 s; memory within 2x the floor's; all of it linear in size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
          "screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
                       "logicalBaseDpi": 96, "dpr": 1}]}
WINDOW = (1480, 960)  # the size the reader's window takes on a first start on that screen
TOPICS_WAIT = 3.0  # seconds after the first picture to wait for the topics job to start before closing anyway


# --- in the child processes ------------------------------------------------------------------------------

def _write(result: Path, marks: dict[str, float]) -> None:
    result.write_text(json.dumps(marks), encoding="utf-8")


def _cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _picture(marks: dict[str, float], leave: bool) -> None:
    marks["picture"], marks["picture_cpu"] = time.monotonic(), _cpu()
    if leave:  # counting instructions to the first picture: nothing after it
        os._exit(0)


def child_floor(path: str, result: Path, leave: bool) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    marks: dict[str, float] = {}

    class Floor(QPlainTextEdit):
        def paintEvent(self, event):  # type: ignore[no-untyped-def]
            super().paintEvent(event)
            if "picture" not in marks:
                _picture(marks, leave)
                QTimer.singleShot(0, close)

    def close() -> None:
        marks["quit"] = time.monotonic()
        _write(result, marks)
        edit.close()

    app = QApplication([])
    edit = Floor()
    edit.setReadOnly(True)
    edit.resize(*WINDOW)
    edit.setPlainText(Path(path).read_bytes().decode("utf-8"))
    edit.show()
    app.exec()


class _WhenImported:
    """A finder that calls `then(module)` once the module named has been loaded (and leaves the finders then)."""

    def __init__(self, name: str, then) -> None:  # type: ignore[no-untyped-def]
        self.name, self.then = name, then

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != self.name:
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        load, then = spec.loader.exec_module, self.then

        def exec_module(module):  # type: ignore[no-untyped-def]
            load(module)
            then(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def child_reader(root: str, path: str, result: Path, timings: bool, leave: bool) -> None:
    """The reader's own start (`transcript-reader PATH`), watched from inside: the end of the reading view's
    first paint with text, then the window closed once the topics job runs (or is done)."""
    sys.path.insert(0, root)
    import threading

    marks: dict[str, float] = {}

    def watch(view_class):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        painted = view_class.paintEvent

        def paint_event(self, event):  # type: ignore[no-untyped-def]
            painted(self, event)
            if "picture" not in marks and self.document().characterCount() > 1:
                _picture(marks, leave)
                QTimer.singleShot(0, close_when_topics_run)

        view_class.paintEvent = paint_event

    # Only the command line is imported here, as the `transcript-reader` script imports it: the window's modules
    # come when its `open` command runs, in their own order. The reading view is watched as its module loads.
    sys.meta_path.insert(0, _WhenImported("reader.ui.transcript_view", lambda m: watch(m.TranscriptView)))
    from reader.cli import main

    def close_when_topics_run() -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
        running = any(t.name == "topics" for t in threading.enumerate())
        # Found once the whole transcript is open: a large file's first screen shows only its opening, whose
        # topics are never looked for.
        # Asked only of a complete window: the panel asked for would complete it first, in the middle of the
        # start's own phases (its idle among them).
        found = (window.session.transcript is not None and getattr(window, "completed", True)
                 and not window.topics_panel.status.text().startswith("Finding"))
        if not (running or found) and time.monotonic() - marks["picture"] < TOPICS_WAIT:
            QTimer.singleShot(5, close_when_topics_run)
            return
        marks["topics_running"] = float(running)
        marks["quit"] = time.monotonic()
        _write(result, marks)
        window.close()

    data = Path(result).with_suffix(".data")
    main([path, "--data-dir", str(data), *(["--timings"] if timings else [])])


# --- in the benchmark's process --------------------------------------------------------------------------

def _supports_timings(root: Path) -> bool:
    return '"--timings"' in (root / "reader" / "cli.py").read_text(encoding="utf-8")


def _environment(scratch: Path) -> dict[str, str]:
    config = scratch / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):  # settings, notes: empty, never the user's
        env[name] = str(scratch / name.lower())
    env.pop("TRANSCRIPT_READER_DATA_DIR", None)
    # Compiled modules kept (in the scratch folder), as an installed program has them: compiling every module
    # at each start would be timed otherwise. The first run of each side, not counted, makes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return env


def _run(command: list[str], cwd: Path, env: dict[str, str], result: Path | None) -> dict[str, float]:
    """Run one child to its end: its wall time, CPU time and peak memory, and the marks it wrote (as seconds
    from its start)."""
    if result is not None and result.exists():
        result.unlink()
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        end = time.monotonic()
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    out = {"wall": end - start, "cpu": usage.ru_utime + usage.ru_stime, "peak": usage.ru_maxrss / 1024,
           "failed": float(process.returncode != 0 or "Traceback" in stderr)}
    if out["failed"]:  # counted in the table; the run's figures stand if it got as far as closing
        print(f"{' '.join(command)}: exit status {process.returncode}\n{stderr}", file=sys.stderr)
    if result is not None and result.exists():
        marks = json.loads(result.read_text(encoding="utf-8"))
        out["picture"] = marks["picture"] - start
        out["picture_cpu"] = marks["picture_cpu"]
        out["quit"] = end - marks["quit"]
        if "topics_running" in marks:
            out["topics_running"] = marks["topics_running"]
    for line in stderr.splitlines():
        if line.startswith("{") and '"imports"' in line:
            out.update({f"phase {k}": v for k, v in json.loads(line).items() if isinstance(v, float)})
    return out


def _files(scratch: Path, turns: list[int]) -> list[tuple[str, Path]]:
    sys.path[:0] = [str(ROOT)]
    from benchmarks.generate import generate
    from benchmarks.generate_documents import hearing_text
    from reader.core.loader import sample_path

    files = []
    if not turns:
        files.append(("the sample", sample_path()))
        hearing = scratch / "hearing.txt"
        hearing.write_text(hearing_text(512), encoding="utf-8")
        files.append(("hearing 512 KB", hearing))
        turns = [18600]
    for count in turns:
        path = scratch / f"interview-{count}.txt"
        path.write_text(generate(count), encoding="utf-8")
        files.append((f"{count / 1000:g}k turns", path))
    return files


def _checkout(revision: str, scratch: Path) -> Path:
    """The project at another revision, as plain files (git archive), to run beside this one; a folder holding
    the project is taken as it is."""
    if Path(revision, "reader", "cli.py").is_file():
        return Path(revision).resolve()
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=ROOT, check=True,
                             capture_output=True).stdout
    target = scratch / f"at-{revision.replace('/', '-')}"
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each side on each file (default 5)")
    parser.add_argument("--compare", metavar="REVISION", action="append", default=[],
                        help="also run the reader of this git revision (a commit, branch or tree; again for more), "
                        "or of the project in this folder")
    parser.add_argument("--turns", type=int, nargs="*", default=[], help="generated interviews of these sizes")
    parser.add_argument("--no-screenshot", action="store_true", help="leave out the screenshot command")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions to the first picture, once per side (valgrind)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        leave = rest[-1] == "leave"
        if kind == "floor":
            child_floor(rest[0], Path(rest[1]), leave)
        else:
            child_reader(rest[0], rest[1], Path(rest[2]), rest[3] == "timings", leave)
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        scratch = Path(folder)
        env = _environment(scratch)
        files = _files(scratch, args.turns)
        readers = [*((f"reader@{Path(rev).name[:12]}", _checkout(rev, scratch)) for rev in args.compare),
                   ("reader", ROOT)]
        me = str(Path(__file__).resolve())
        rows = []
        for name, path in files:
            samples: dict[str, list[dict[str, float]]] = {}
            size = path.stat().st_size
            for run in range(-1, args.runs):  # run -1 makes the compiled modules and the fonts' caches
                result = scratch / f"result-{run}.json"
                sides = [("floor", [sys.executable, me, "--child", "floor", str(path), str(result), "stay"], ROOT,
                          result)]
                for label, root in readers:
                    timings = "timings" if _supports_timings(root) else "plain"
                    sides.append((label, [sys.executable, me, "--child", "reader", str(root), str(path),
                                          str(result), timings, "stay"], root, result))
                if not args.no_screenshot:
                    for label, root in readers:
                        out = scratch / "shot.png"
                        sides.append((f"{label} screenshot",
                                      [sys.executable, "-m", "reader", "screenshot", str(path), "-o", str(out),
                                       "--data-dir", str(scratch / f"shot-data-{run}")], root, None))
                for label, command, cwd, marks in sides:
                    measured = _run(command, cwd, env, marks)
                    if run >= 0:
                        samples.setdefault(label, []).append(measured)
                print(f"{name}: run {run + 1} of {args.runs}", file=sys.stderr)
            rows.append((name, size, samples))
        if args.runs > 0:
            _print_tables(rows)
        if args.instructions:
            _print_instructions(files, readers, me, scratch, env)
    return 0


def _print_instructions(files: list[tuple[str, Path]], readers: list[tuple[str, Path]], me: str, scratch: Path,
                        env: dict[str, str]) -> None:
    print()
    print("| file | side | instructions to the first picture | ratio |")
    print("| --- | --- | --- | --- |")
    for number, (name, path) in enumerate(files):
        floor = 0
        result = scratch / f"counted-{number}-{{}}.json"
        sides = [("floor", ["--child", "floor", str(path), str(result).format(0), "leave"], ROOT),
                 *((label, ["--child", "reader", str(root), str(path), str(result).format(side), "plain", "leave"],
                    root) for side, (label, root) in enumerate(readers, 1))]
        for label, child, cwd in sides:
            instructions = min(_count_instructions([sys.executable, me, *child], cwd, env) for _ in range(2))
            floor = floor or instructions
            print(f"| {name} | {label} | {instructions / 1e9:.2f} G | {instructions / floor:.1f} |", flush=True)


def _count_instructions(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], cwd=cwd,
                         env={**env, "PYTHONHASHSEED": "0"}, capture_output=True, text=True, check=False)
    counted = [line.split()[-1] for line in run.stderr.splitlines() if "Collected :" in line]
    if not counted:
        raise SystemExit(f"valgrind gave no count for {' '.join(command)}:\n{run.stderr[-2000:]}")
    return int(counted[-1])


def _median(samples: list[dict[str, float]], key: str) -> float:
    values = [s[key] for s in samples if key in s]
    return statistics.median(values) if values else float("nan")


def _print_tables(rows: list[tuple[str, int, dict[str, list[dict[str, float]]]]]) -> None:
    print("| file | side | first picture | ratio | CPU by then | ratio | total CPU | quit | peak MB | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, size, samples in rows:
        floor = samples["floor"]
        picture, cpu, peak = (_median(floor, k) for k in ("picture", "picture_cpu", "peak"))
        for label, runs in samples.items():
            if label.endswith("screenshot"):
                failed = sum(int(r["failed"]) for r in runs)
                print(f"| {name} ({size / 1e6:.2f} MB) | {label} | whole process {_median(runs, 'wall'):.2f} s | "
                      f"| | | {_median(runs, 'cpu'):.2f} s | {f'{failed} of {len(runs)} crashed' if failed else ''} "
                      f"| {_median(runs, 'peak'):.0f} | |")
                continue
            p, c, m = _median(runs, "picture"), _median(runs, "picture_cpu"), _median(runs, "peak")
            failed = sum(int(r["failed"]) for r in runs)
            print(f"| {name} ({size / 1e6:.2f} MB) | {label} | {p:.2f} s | {p / picture:.1f} | {c:.2f} s | "
                  f"{c / cpu:.1f} | {_median(runs, 'cpu'):.2f} s | {_median(runs, 'quit'):.2f} s"
                  f"{f' ({failed} of {len(runs)} crashed)' if failed else ''} | {m:.0f} | {m / peak:.1f} |")
    phases = sorted({k for _n, _s, samples in rows for runs in samples.values() for s in runs for k in s
                     if k.startswith("phase ")}, key=_phase_order)
    if phases:
        print()
        print("| file | side | " + " | ".join(k.removeprefix("phase ") for k in phases) + " |")
        print("| --- | --- |" + " --- |" * len(phases))
        for name, _size, samples in rows:
            for label, runs in samples.items():
                if any(k in runs[0] for k in phases):
                    print(f"| {name} | {label} | " + " | ".join(f"{_median(runs, k):.3f}" for k in phases) + " |")


def _phase_order(key: str) -> int:
    order = ["imports", "decode", "parse", "window", "first_paint", "idle", "total"]
    name = key.removeprefix("phase ")
    return order.index(name) if name in order else len(order)


if __name__ == "__main__":
    raise SystemExit(main())
