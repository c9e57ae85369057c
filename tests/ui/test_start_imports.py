"""What the window's first picture of a plain text transcript does without: the modules that only a later command
needs are imported when it is asked for, not at the start (how long the start takes is
benchmarks/bench_startup.py's business; this checks only which modules are loaded by the first paint)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).parents[2]

# Each is some milliseconds of imports that the first picture does not use.
NOT_BY_THE_FIRST_PICTURE = (
    "reader.core.topics.contents",  # finding the topics: the topics job, once the text is on screen
    "reader.core.topics.label",
    "rapidfuzz",  # anchoring notes nearly: only when a note is not found in place or exactly
    "reader.core.notes.export_docx",  # the exports' Word file, Pygments-marked HTML, Web Annotation JSON
    "docx",
    "lxml",
    "reader.core.notes.web_annotation",
    "reader.core.notes.importer",  # File > Import Notes
    "PySide6.QtMultimedia",  # the player: only once a recording is attached
    "PySide6.QtNetwork",  # listening for later starts: once the text is on screen, when no reader listens yet
    "subprocess",  # installing the desktop entry
    # What a notes file holds besides annotations (topic edits, the recording and its sync points), and what
    # reading it again, merging and saving take: a transcript without notes needs none of it.
    *(f"reader.core.notes.{part}" for part in ("merge", "backups", "anchoring", "folded_text")),
    "reader.core.media",
    "reader.core.timing",
    "reader.core.topics",
    # A deposition's and a select committee's patterns: only for the files with their `Q.`/`A.` or numbered
    # questions.
    "reader.core.formats.deposition",
    "reader.core.formats.committee",
    # The window's second stage (main_window.py), made once the text is on screen: the panels, the menus'
    # commands, search, the player and the notes' cards.
    *(f"reader.ui.{part}" for part in ("topics_panel", "speakers_panel", "notes_panel", "notes_cards",
                                       "search_bar", "recording_player", "annotation_actions", "selection_bar",
                                       "notes_files", "navigation")),
    # The readers of the other kinds of file: a text file is told apart from them by their sniffers alone.
    *(f"reader.core.containers.{kind}" for kind in ("html", "docx", "pdf", "speech", "table", "markdown")),
    # The parsers of the other layouts: a labelled interview is told apart from them by their sniffers alone
    # (formats/sniffing.py); the readers of cue text, timed lines and chapters come with the layouts that use them.
    *(f"reader.core.formats.{layout}" for layout in ("webvtt", "srt", "sbv", "teams_text", "court", "script",
                                                      "timestamped", "webpage", "plain", "chapters", "speakerless",
                                                      "cue_text", "cues")),
)


def _modules_at_first_paint(tmp_path: Path, transcript: Path) -> dict[str, object]:
    script = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtWidgets import QApplication
        from reader.cli import main
        from reader.ui.transcript_view import TranscriptView

        painted = TranscriptView.paintEvent
        seen = {{}}

        def paint_event(self, event):
            painted(self, event)
            if not seen and self.document().characterCount() > 1:  # the first paint with the text
                seen["loaded"] = sorted(sys.modules)
                seen["style"] = QApplication.style().name()
                for window in QApplication.topLevelWidgets():
                    window.close()

        TranscriptView.paintEvent = paint_event
        code = main([{str(transcript)!r}, "--data-dir", {str(tmp_path / "data")!r}])
        print(json.dumps({{"exit": code, **seen}}))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_STYLE_OVERRIDE": "Windows"}  # a desktop's own style, which the reader's Fusion must win over
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_the_first_picture_of_a_text_file_imports_none_of_what_later_commands_need(tmp_path: Path) -> None:
    transcript = tmp_path / "interview.txt"
    transcript.write_text("Interviewer: Where did you grow up?\n\nMaria: In Porto Novo, by the harbour.\n\n"
                          "Interviewer: And your father?\n\nMaria: A fisherman, out at four every morning.\n",
                          encoding="utf-8")
    found = _modules_at_first_paint(tmp_path, transcript)
    assert found["exit"] == 0
    loaded = set(found["loaded"])  # type: ignore[arg-type]
    assert "reader.ui.main_window" in loaded and "reader.ui.transcript_view" in loaded
    assert sorted(loaded.intersection(NOT_BY_THE_FIRST_PICTURE)) == []
    assert found["style"] == "fusion"  # asked for on the command line of the application, not set afterwards


def test_pyside_reads_the_source_of_none_of_the_windows_modules() -> None:
    """PySide's import hook reads the source of each module imported after PySide6 (through linecache) unless
    reader/ui/__init__.py has told it about the module: the core's, imported before PySide, and the window's. A
    PySide that no longer keeps that table fails this test (the start is slower, nothing else changes)."""
    script = ("import linecache, sys; from reader.cli import main; import reader.ui.app, reader.ui.main_window, "
              "reader.ui.startup, reader.ui.windows; "
              f"print(sorted(f for f in linecache.cache if f.startswith({str(ROOT / 'reader')!r})))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.strip() == "[]"


def test_the_start_leaves_the_garbage_collector_to_the_windows_timer(tmp_path: Path) -> None:
    """No collection set off by the start's allocations, from the window command's start to its complete first
    picture (some 60 that find next to nothing, without the collector turned off): only the window's own, from its
    timer (reader/ui/background.py), which runs from then on."""
    script = textwrap.dedent(f"""
        import gc, json, sys
        sys.path.insert(0, {str(ROOT)!r})
        from reader.cli import main
        from reader.core import timings

        collections, seen = [], {{}}
        def on_collection(phase, info):
            if phase == "start" and sys._getframe(1).f_code.co_name != "_collect_garbage":  # not the timer's
                collections.append(info["generation"])

        gc.callbacks.append(on_collection)

        def report():
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication
            timer = QApplication.instance().findChild(QTimer, "garbage-collector")
            seen.update(collections=len(collections), enabled=gc.isenabled(), timer=bool(timer and timer.isActive()))
            for window in QApplication.topLevelWidgets():
                window.close()

        timings.report = report
        code = main([{str(ROOT / "seeds")!r} + "/" + {_sample_name()!r}, "--timings",
                     "--data-dir", {str(tmp_path / "data")!r}])
        print(json.dumps({{"exit": code, **seen}}))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"exit": 0, "collections": 0, "enabled": False,
                                                                  "timer": True}


def _sample_name() -> str:
    return next(p.name for p in (ROOT / "seeds").iterdir() if p.suffix == ".txt")
