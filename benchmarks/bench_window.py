"""How fast the reading window is on long transcripts, against the floor of showing the same text in Qt at all.

    python benchmarks/bench_window.py                 # 1k, 5k, 20k and 50k turns
    python benchmarks/bench_window.py 2000 8000       # other sizes
    python benchmarks/bench_window.py --long 1 4 10   # one line of 1, 4 and 10 MB without a space

For each size, two fresh processes (so that peak memory is each one's own, and no cache carries over):
- floor: `QPlainTextEdit.setPlainText` of the generated text, shown in a window of the same size, until its
  viewport has painted; its peak resident memory.
- window: parse the text; build the main window; show the transcript until the reading view has painted;
  wait for the topics (found on a worker thread; the time they took is reported);
  collapse all and expand all (each until repainted); search a common and a rare word with every match
  highlighted through the search bar (when it exists; else the core search and the view's highlights);
  the next turn of the same speaker from near the end; its peak resident memory.
A third process shows the reading view alone (no docks, no worker threads), to tell its cost from the panels'.
Targets: first paint of 20k turns within 3x the floor, collapse/expand-all and search under 100 ms, memory within
2.5x the floor, linear growth. Times are the best of three where an operation can be repeated.
With --long: a file of two short turns around one line of N MB without a space, opened in the whole window
(parse, then until the view has painted) and in the view alone; then a selection and a highlight at its end.
Target: any file opens in seconds.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = (1000, 5000, 20000, 50000)
WIDTH, HEIGHT = 1100, 760
COMMON, RARE = "the", "Okafor"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _paint_waiter(widget):
    """A function that runs the event loop until `widget` has painted once more."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class Painted(QObject):
        count = 0

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                Painted.count += 1
            return False

    watcher = Painted(widget)
    widget.installEventFilter(watcher)

    def wait() -> None:
        seen = Painted.count
        while Painted.count == seen:
            QApplication.processEvents()
    return wait


def _first_paint(viewport, show) -> float:
    """Seconds from calling `show` (which fills and shows the widget) to the viewport's first paint."""
    wait = _paint_waiter(viewport)
    start = time.perf_counter()
    show()
    wait()
    return time.perf_counter() - start


def _best_of_three(setup, operation, wait) -> float:
    """Seconds for `operation` until the next paint, best of three, each after `setup` has settled."""
    from PySide6.QtWidgets import QApplication

    best = float("inf")
    for _ in range(3):
        setup()
        QApplication.processEvents()
        start = time.perf_counter()
        operation()
        wait()
        best = min(best, time.perf_counter() - start)
    return best


def floor(turns: int) -> dict:
    from generate import generate
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication([])
    text = generate(turns, 0)
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.resize(WIDTH, HEIGHT)
    paint = _first_paint(edit.viewport(), lambda: (edit.setPlainText(text), edit.show()))
    app.processEvents()
    return {"chars": len(text), "paint": paint, "rss": _peak_mb()}


def window(turns: int) -> dict:
    from generate import generate

    from reader.core.loader import parse_text
    from reader.core.notes.store import AnnotationStore
    from reader.ui.app import application
    from reader.ui.main_window import MainWindow

    app = application()
    text = generate(turns, 0)
    start = time.perf_counter()
    transcript = parse_text(text)
    parse = time.perf_counter() - start
    scratch = tempfile.TemporaryDirectory()
    main = MainWindow(store=AnnotationStore(scratch.name), restore=False)
    main.resize(WIDTH, HEIGHT)
    view = main.view
    topics_done: list[float] = []
    panel = getattr(main, "topics_panel", None)
    if panel is not None:
        panel.topics_ready.connect(lambda _count: topics_done.append(time.perf_counter()))
    start = time.perf_counter()
    paint = _first_paint(view.viewport(), lambda: (main.session.open(transcript), main.show()))
    wait = _paint_waiter(view.viewport())
    # The topics are found on a worker thread that shares the interpreter lock: the other figures are taken
    # once they are in, so they measure the operation and not the worker.
    while panel is not None and not topics_done and time.perf_counter() - start < 60:
        app.processEvents()
    topics = topics_done[0] - start if topics_done else float("nan")
    app.processEvents()
    result = {"chars": len(text), "turns": len(transcript.turns), "parse": parse, "paint": paint,
              "topics": topics}

    def timed_after(setup, operation) -> float:
        return _best_of_three(setup, operation, wait)

    result["collapse"] = timed_after(view.expand_all, view.collapse_all)
    result["expand"] = timed_after(view.collapse_all, view.expand_all)
    find = _search_function(main, transcript)
    for word in (COMMON, RARE):
        view.scroll_to_turn(0)
        app.processEvents()
        count = find(word)  # the first run builds the search index, once per transcript
        result[f"search_{word}"] = timed_after(lambda: find(""), lambda w=word: find(w))
        result[f"matches_{word}"] = count
    view.scroll_to_turn(len(transcript.turns) - 6)
    app.processEvents()
    start = time.perf_counter()
    view.next_same_speaker()
    wait()
    result["next_same"] = time.perf_counter() - start
    result["rss"] = _peak_mb()
    main.close()
    return result


def view_alone(turns: int) -> dict:
    """The reading view by itself (no docks, no worker threads): the part this window adds to the floor."""
    from generate import generate

    from reader.core.loader import parse_text
    from reader.ui.app import application
    from reader.ui.transcript_view import TranscriptView

    app = application()
    transcript = parse_text(generate(turns, 0))
    view = TranscriptView()
    view.resize(WIDTH, HEIGHT)
    paint = _first_paint(view.viewport(), lambda: (view.set_transcript(transcript), view.show()))
    app.processEvents()
    wait = _paint_waiter(view.viewport())
    return {"paint": paint, "collapse": _best_of_three(view.expand_all, view.collapse_all, wait),
            "expand": _best_of_three(view.collapse_all, view.expand_all, wait), "rss": _peak_mb()}


def _long_line(megabytes: float) -> str:
    line = "".join(chr(ord("a") + i % 26) for i in range(int(megabytes * 1e6)))
    return f"Host: Here it is.\n\nGuest: {line}\n\nHost: Thank you.\n"


def long_line(megabytes: float) -> dict:
    """A one-line file of `megabytes` MB (no spaces) in the window and in the view alone."""
    from PySide6.QtGui import QColor

    from reader.core.loader import parse_text
    from reader.core.notes.store import AnnotationStore
    from reader.ui.app import application
    from reader.ui.main_window import MainWindow
    from reader.ui.transcript_view import TranscriptView

    app = application()
    text = _long_line(megabytes)
    start = time.perf_counter()
    transcript = parse_text(text)
    parse = time.perf_counter() - start
    scratch = tempfile.TemporaryDirectory()
    main = MainWindow(store=AnnotationStore(scratch.name), restore=False)
    main.resize(WIDTH, HEIGHT)
    paint = _first_paint(main.view.viewport(), lambda: (main.session.open(transcript), main.show()))
    app.processEvents()
    view = TranscriptView()
    view.resize(WIDTH, HEIGHT)
    alone = _first_paint(view.viewport(), lambda: (view.set_transcript(transcript), view.show()))
    length = len(transcript.turns[1].text)
    wait = _paint_waiter(view.viewport())
    start = time.perf_counter()
    view.select_in_turn(1, length - 100, length - 10)
    view.set_extra_highlights("search", [(1, length - 50, length - 40, QColor("yellow"))])
    app.processEvents()
    wait()
    end = time.perf_counter() - start
    main.close()
    return {"chars": len(text), "parse": parse, "paint": paint, "view": alone, "end": end,
            "blocks": view.document().blockCount(), "rss": _peak_mb()}


def _search_function(main, transcript):
    """`find(word) -> match count`, highlighting every match: the search bar when it exists, else the core."""
    try:
        from reader.ui.search_bar import SearchBar
    except ModuleNotFoundError:
        SearchBar = None
    if SearchBar is not None:
        bar = getattr(main, "search_bar", None)
        if bar is None:
            bar = SearchBar(main.view)
            main.add_above_view(bar)
            bar.set_transcript(transcript)

        def find_with_bar(word: str) -> int:
            bar.field.setText(word)
            bar.activate()
            return len(bar.matches)
        return find_with_bar

    from PySide6.QtGui import QColor

    from reader.core.search import SearchQuery, search
    colour = QColor(main.view.theme().match)

    def find_with_core(word: str) -> int:
        matches = search(transcript, SearchQuery(word, whole_word=True))
        main.view.set_extra_highlights("search", [(m.turn_index, m.start, m.end, colour) for m in matches])
        return len(matches)
    return find_with_core


def _child(kind: str, turns: int | str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(turns)], capture_output=True, text=True,
                         check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if out.returncode != 0:
        raise SystemExit(f"{kind} {turns}: failed\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        if argv[1] == "long":
            print(json.dumps(long_line(float(argv[2]))))
            return 0
        result = {"floor": floor, "window": window, "view": view_alone}[argv[1]](int(argv[2]))
        print(json.dumps(result))
        return 0
    ms = 1000
    if argv[:1] == ["--long"]:
        print(f"one line without a space, window {WIDTH}x{HEIGHT}, offscreen; times in ms, memory = peak RSS in MB\n")
        print(f"{'MB':>5} {'parse':>6} {'window':>7} {'view':>6} {'to end':>7} {'blocks':>7} {'RSS':>5}")
        for megabytes in argv[1:] or ["1", "4", "10"]:
            r = _child("long", megabytes)
            print(f"{r['chars'] / 1e6:>5.1f} {r['parse'] * ms:>6.0f} {r['paint'] * ms:>7.0f} {r['view'] * ms:>6.0f} "
                  f"{r['end'] * ms:>7.0f} {r['blocks']:>7} {r['rss']:>5.0f}", flush=True)
        return 0
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"window {WIDTH}x{HEIGHT}, offscreen; times in ms (best of 3 where repeatable), memory = peak RSS in MB\n")
    header = (f"{'turns':>6} {'MB':>5} {'parse':>6} {'paint':>6} {'floor':>6} {'x':>5} {'topics':>6} {'fold':>5} "
              f"{'unfold':>6} "
              f"{'common':>7} {'(hits)':>8} {'rare':>5} {'(hits)':>6} {'next':>5} {'RSS':>5} {'floor':>5} {'x':>5}")
    print(header)
    print("-" * len(header))
    rows = []
    for turns in sizes:
        f, w = _child("floor", turns), _child("window", turns)
        rows.append((turns, f, w))
        print(f"{turns:>6} {w['chars'] / 1e6:>5.1f} {w['parse'] * ms:>6.0f} {w['paint'] * ms:>6.0f} "
              f"{f['paint'] * ms:>6.0f} {w['paint'] / f['paint']:>5.2f} {w['topics'] * ms:>6.0f} "
              f"{w['collapse'] * ms:>5.0f} "
              f"{w['expand'] * ms:>6.0f} {w[f'search_{COMMON}'] * ms:>7.0f} {w[f'matches_{COMMON}']:>8} "
              f"{w[f'search_{RARE}'] * ms:>5.0f} {w[f'matches_{RARE}']:>6} {w['next_same'] * ms:>5.1f} "
              f"{w['rss']:>5.0f} {f['rss']:>5.0f} {w['rss'] / f['rss']:>5.2f}", flush=True)
    print("\nthe reading view alone (no docks, no topics worker), same size:")
    print(f"{'turns':>6} {'paint':>6} {'floor':>6} {'x':>5} {'fold':>5} {'unfold':>6} {'RSS':>5} {'floor':>5} {'x':>5}")
    for turns, f, _w in rows:
        v = _child("view", turns)
        print(f"{turns:>6} {v['paint'] * ms:>6.0f} {f['paint'] * ms:>6.0f} {v['paint'] / f['paint']:>5.2f} "
              f"{v['collapse'] * ms:>5.0f} {v['expand'] * ms:>6.0f} {v['rss']:>5.0f} {f['rss']:>5.0f} "
              f"{v['rss'] / f['rss']:>5.2f}", flush=True)
    if len(rows) > 1:
        (t0, f0, w0), (t1, f1, w1) = rows[0], rows[-1]
        grow = t1 / t0
        print(f"\ngrowth from {t0} to {t1} turns (x{grow:.0f} the size): paint x{w1['paint'] / w0['paint']:.1f} "
              f"(floor x{f1['paint'] / f0['paint']:.1f}), collapse x{w1['collapse'] / w0['collapse']:.1f}, "
              f"parse x{w1['parse'] / w0['parse']:.1f}, memory above the floor x"
              f"{(w1['rss'] - f1['rss']) / max(w0['rss'] - f0['rss'], 1):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
