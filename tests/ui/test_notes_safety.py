"""The window never loses a note: a save failing for any reason is said and retried, closing never raises nor
waits for background work, scrolling never turns the backup, and set-aside files and earlier versions come back
from Notes > Restore Earlier Notes…"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.notes.annotations import Kind, make_anchor, new_annotation
from reader.core.notes.schema import NotesDocument
from reader.core.notes.store import AnnotationStore
from reader.ui.main_window import MainWindow
from reader.ui.notes_model import NOTE
from reader.ui.notes_restore import RestoreDialog

ROOT = Path(__file__).parents[2]


def test_an_import_with_a_lone_surrogate_then_saves_and_closes_cleanly(qtbot: QtBot, window: MainWindow,
                                                                       tmp_path: Path,
                                                                       _isolated_data_dir: Path) -> None:
    hostile = tmp_path / "half.json"
    hostile.write_text('[{"type":"Annotation","body":"half \\ud83d","target":{"selector":'
                       '{"type":"TextQuoteSelector","exact":"we laughed a lot"}}}]', "utf-8")
    window.notes_files.import_from(hostile)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "import_summary") is not None)
    assert "1 added" in window.findChild(QMessageBox, "import_summary").text()
    window.session.notes.add(new_annotation(Kind.NOTE, make_anchor(window.session.transcript, 4, 0, 10), note="after"))
    window.close()
    reopened = AnnotationStore(_isolated_data_dir).open(window.session.transcript)
    assert sorted(a.note for a in reopened.annotations) == ["after", "half \ufffd"]


def test_a_save_failing_with_any_error_is_said_and_closing_does_not_raise(qtbot: QtBot, window: MainWindow,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         _isolated_data_dir: Path) -> None:
    window.session.notes.add(new_annotation(Kind.NOTE, make_anchor(window.session.transcript, 4, 0, 10), note="kept"))

    def broken(self: NotesDocument) -> str:
        raise ValueError("a bug while writing")

    monkeypatch.setattr(NotesDocument, "to_json", broken)
    window.session.save()
    assert "a bug while writing" in window.statusBar().currentMessage()
    assert "kept in memory" in window.statusBar().currentMessage()
    window.close()  # raises nothing; the notes are still in memory
    assert [a.note for a in window.session.notes.annotations] == ["kept"]
    monkeypatch.undo()
    window.session.save()
    assert [a.note for a in AnnotationStore(_isolated_data_dir).open(window.session.transcript).annotations] == ["kept"]


def test_moving_the_reading_position_saves_the_index_and_keeps_the_backup(qtbot: QtBot, window: MainWindow) -> None:
    notes = window.session.notes
    doomed = notes.add(new_annotation(Kind.NOTE, make_anchor(window.session.transcript, 4, 0, 10), note="deleted"))
    window.session.save()
    notes.remove(doomed.id)
    window.session.save()
    backup = Path(str(notes.file) + ".bak")
    assert "deleted" in backup.read_text("utf-8")
    for _ in range(5):
        window.view.next_turn()
    qtbot.waitUntil(lambda: not window.session._save_timer.isActive(), timeout=3000)
    qtbot.waitUntil(lambda: not notes.dirty, timeout=8000)  # the position timer wrote the index
    index = json.loads(notes.store.index_file.read_text("utf-8"))
    assert index["transcripts"][window.session.transcript.fingerprint]["position"]["turn_id"] == \
        window.session.transcript.turns[window.view.current_turn()].id
    assert "deleted" in backup.read_text("utf-8")


def test_a_damaged_notes_file_is_brought_back_from_the_window(qtbot: QtBot, make_window, sample,
                                                              _isolated_data_dir: Path) -> None:
    store = AnnotationStore(_isolated_data_dir)
    good = new_annotation(Kind.NOTE, make_anchor(sample, 3, 0, 10), note="good")
    mended = new_annotation(Kind.NOTE, make_anchor(sample, 5, 0, 10), note="mended")
    file = store.notes_file(sample.fingerprint)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps({"schema_version": 1, "annotations": [good.to_dict(),
                                                                     {**mended.to_dict(), "tags": "x"}]}), "utf-8")
    window = make_window()
    assert [a.note for a in window.session.notes.annotations] == ["good"]
    assert "Restore Earlier Notes" in window.statusBar().currentMessage()
    [aside] = store.set_aside(sample.fingerprint)
    aside.write_text(aside.read_text("utf-8").replace('"tags": "x"', '"tags": []'), "utf-8")
    window.registry["notes.restore"].trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.list.count() >= 1
    dialog.list.setCurrentRow(dialog.list.count() - 1)  # the set-aside file comes after the versions
    dialog.accept()
    assert sorted(window.notes_panel.visible_rows(NOTE)) == ["good", "mended"]  # the dock follows
    assert sorted(a.note for a in window.session.notes.annotations) == ["good", "mended"]
    assert sorted(a.note for a in AnnotationStore(_isolated_data_dir).open(sample).annotations) == ["good", "mended"]


def test_closing_while_topics_compute_prints_nothing(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import atexit, sys, threading
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from benchmarks.generate import generate
        from PySide6.QtCore import QTimer
        from reader.core.notes.store import AnnotationStore
        from reader.ui.app import application
        from reader.ui.main_window import MainWindow
        from reader.ui.startup import leave_memory_at_exit, sharing_the_lock
        big = Path({str(tmp_path)!r}) / "big.txt"
        big.write_text(generate(4000), "utf-8")
        app = application()
        leave_memory_at_exit()  # as the program's own start does
        window = MainWindow(store=AnnotationStore(Path({str(tmp_path)!r}) / "data"), restore=False)
        window.open_path(big)
        window.show()
        def close():
            if window.session.transcript is None:  # its first screen: the whole is being read
                QTimer.singleShot(20, close)
                return
            window.topics_panel.start_finding()
            QTimer.singleShot(20, window.close)
        QTimer.singleShot(50, close)
        with sharing_the_lock():
            app.exec()
        print("closed", flush=True)
        computing = lambda: any(t.name == "topics" and t.is_alive() for t in threading.enumerate())
        atexit.register(lambda: print("topics computing at the exit:", computing(), flush=True))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT)
    assert result.returncode == 0 and "closed" in result.stdout, result.stderr
    assert "Error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    # The program ended with the job still computing (seconds of it on 4,000 turns): nothing waited for it.
    assert "topics computing at the exit: True" in result.stdout, result.stdout


def test_a_long_line_without_spaces_is_wrapped_for_display_only(qtbot: QtBot, make_window, tmp_path: Path) -> None:
    from PySide6.QtGui import QTextOption

    line = "".join(chr(ord("a") + i % 26) for i in range(50_000))
    path = tmp_path / "data.txt"
    path.write_text(f"Host: Here it is.\n\nGuest: {line}\n", "utf-8")
    window = make_window(path)
    view = window.view
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert line in view.toPlainText() and window.session.transcript.turns[-1].text == line  # the text is unchanged
    window.open_path(ROOT / "seeds" / "lavrov-nbc-interview-2017-07-21.txt")
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
