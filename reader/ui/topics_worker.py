"""Finding the sections and topics off the GUI thread: a job computes or reuses the automatic outline, replays
the reader's edits, builds the rows and hands them back through a queued signal.

A job runs on a daemon thread and is cancelled when a newer request replaces it or the worker is deleted (the
window closed): it then never reports back, and closing never waits for it, not even at the program's exit.

Signals of `TopicsWorker`:
    finished(int, object, object, object): generation, the automatic sections, the topic rows and the section
        rows (edits applied)
    failed(int, str): generation, what went wrong
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.core.model import Transcript
from reader.core.topics import Section
from reader.core.topics.edits import TopicEdit, apply_section_edits
from reader.core.topics.outline import OutlineRow, outline, span_label
from reader.core.topics.terms import TermTables
from reader.ui.topics_model import SectionRow


def section_rows(transcript: Transcript, sections: list[Section], rows: list[OutlineRow]) -> list[SectionRow]:
    """Each section with its span, its share of the words and where its topics lie among all the topics."""
    out = []
    first = 0
    for section in sections:
        count = len(section.topics)
        share = sum(r.share for r in rows[first:first + count])
        out.append(SectionRow(section, span_label(transcript, section), share, first, count))
        first += count
    return out


class _JobSignals(QObject):
    finished = Signal(int, object, object, object)
    failed = Signal(int, str)


class _Job:
    """Owns its own signals object, so a panel closed while the job runs just never hears back."""

    def __init__(self, generation: int, transcript: Transcript, automatic: list[Section] | None,
                 edits: list[TopicEdit], terms: TermTables) -> None:
        self.signals = _JobSignals()
        self.cancelled = threading.Event()
        self._generation = generation
        self._transcript, self._automatic, self._edits, self._terms = transcript, automatic, edits, terms

    def run(self) -> None:
        # Imported here, in the job's thread: the labelling and its word tables are no part of the first picture.
        from reader.core.topics.contents import find_sections

        try:
            automatic = self._automatic if self._automatic is not None else find_sections(self._transcript, self._terms)
            sections = apply_section_edits(automatic, self._edits, self._transcript, self._terms) if self._edits \
                else automatic
            rows = outline(self._transcript, [t for s in sections for t in s.topics]) if sections else []
            tree = section_rows(self._transcript, sections, rows)
        except Exception as exc:  # a bug in the topics must cost the reader the dock, not the window
            self._report(self.signals.failed, self._generation, f"{type(exc).__name__}: {exc}")
            return
        self._report(self.signals.finished, self._generation, automatic, rows, tree)

    def _report(self, signal: Any, *values: Any) -> None:
        if self.cancelled.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the window closed between the check and the emit
            signal.emit(*values)


class TopicsWorker(QObject):
    """Starts a computation per request; a newer request makes older results stale (by generation)."""

    finished = Signal(int, object, object, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None, terms: TermTables | None = None) -> None:
        super().__init__(parent)
        self.terms = terms if terms is not None else TermTables()  # shared by the jobs: edits relabel with it
        self.generation = 0
        self._running: list[threading.Event] = []  # each job's cancellation, set when this worker goes
        self.destroyed.connect(_cancel_all(self._running))

    def request(self, transcript: Transcript, automatic: list[Section] | None, edits: list[TopicEdit]) -> int:
        self.generation += 1
        self.cancel()  # an older job's result would be stale
        job = _Job(self.generation, transcript, automatic, list(edits), self.terms)
        # Emitted in the job's thread, relayed in this object's (the GUI) thread: a queued connection.
        job.signals.finished.connect(self.finished)
        job.signals.failed.connect(self.failed)
        self._running.append(job.cancelled)
        threading.Thread(target=job.run, name="topics", daemon=True).start()
        return self.generation

    def cancel(self) -> None:
        """Cancel every job started: none reports back (one computing goes on to its end, unheard)."""
        _cancel_all(self._running)()


def _cancel_all(events: list[threading.Event]) -> Any:
    """A callable that cancels the jobs; it holds no reference to the worker, so it still runs as it is deleted."""

    def cancel(*_args: Any) -> None:
        for event in events:
            event.set()
        events.clear()

    return cancel
