"""Finding the sections and topics off the GUI thread: a job (`background`) computes or reuses the automatic
outline, replays the reader's edits and builds the rows; the worker emits them on the GUI thread.

A job is cancelled when a newer request replaces it or the worker is deleted (the window closed): it then never
reports back, and closing never waits for it, not even at the program's exit.

Signals of `TopicsWorker`:
    finished(int, object, object, object): generation, the automatic sections, the topic rows and the section
        rows (edits applied)
    failed(int, str): generation, what went wrong
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal

from reader.core.model import Transcript
from reader.core.topics import Section
from reader.core.topics.edits import TopicEdit, apply_section_edits
from reader.core.topics.outline import OutlineRow, outline, span_label
from reader.core.topics.terms import TermTables
from reader.ui.background import Background
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


def _find(transcript: Transcript, automatic: list[Section] | None, edits: list[TopicEdit],
          terms: TermTables) -> tuple[list[Section], list[OutlineRow], list[SectionRow]]:
    """The job: the automatic sections (computed unless given), and the topic and section rows with the edits."""
    # Imported here, in the job's thread: the labelling and its word tables are no part of the first picture.
    from reader.core.topics.contents import find_sections

    automatic = automatic if automatic is not None else find_sections(transcript, terms)
    sections = apply_section_edits(automatic, edits, transcript, terms) if edits else automatic
    rows = outline(transcript, [t for s in sections for t in s.topics]) if sections else []
    return automatic, rows, section_rows(transcript, sections, rows)


class TopicsWorker(QObject):
    """Starts a computation per request; a newer request makes older results stale (by generation)."""

    finished = Signal(int, object, object, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None, terms: TermTables | None = None) -> None:
        super().__init__(parent)
        self.terms = terms if terms is not None else TermTables()  # shared by the jobs: edits relabel with it
        self.generation = 0
        self._background = Background(self)  # deleted with this worker: a job running then is never heard

    def request(self, transcript: Transcript, automatic: list[Section] | None, edits: list[TopicEdit]) -> int:
        self.generation += 1
        self.cancel()  # an older job's result would be stale
        generation = self.generation
        self._background.start("topics", partial(_find, transcript, automatic, list(edits), self.terms),
                               lambda found: self.finished.emit(generation, *found),
                               lambda message: self.failed.emit(generation, message))
        return generation

    def cancel(self) -> None:
        """Cancel every job started: none reports back (one computing goes on to its end, unheard)."""
        self._background.cancel()
