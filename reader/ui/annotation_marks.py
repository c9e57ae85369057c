"""How annotations look in the reading view: highlights in their colours, notes on words underlined with dots,
and in the right margin a ribbon for each bookmarked exchange or turn and a note sign beside each note. A passage
over several turns is marked in each of them, with its note sign beside its first.

Redrawn from the session's notes whenever they change (whoever changed them), when a transcript opens and when
the theme changes: once per turn of the event loop, so an import of a thousand notes redraws once, not a thousand
times. What each annotation marks is kept until it changes: a change that names its annotations remakes the
marks of those alone (a reload or a new transcript, all of them), and the text formats are shared by kind and
colour, so one new highlight among thousands costs the marks of one, not of all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import chain
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.model import Transcript
from reader.core.notes.annotations import DEFAULT_COLOUR, Annotation, Kind, Scope, anchor_pieces, turn_index_of
from reader.core.notes.store import Change, ChangeKind
from reader.ui.highlight import Span
from reader.ui.notes_model import SWATCHES
from reader.ui.session import ReaderSession
from reader.ui.themes import Theme

HIGHLIGHTS_KEY = "annotations"  # the view's layer of extra highlights that holds them
Place = tuple[str, int]  # ("turn", turn index) or ("exchange", exchange index)


class MarksTarget(Protocol):
    """What the marks need from the reading view (a span is turn index, start, end, colour or format)."""

    def set_extra_highlights(self, key: str, spans: list[Span]) -> None: ...
    def set_margin_marks(self, marks: Mapping[tuple[str, int], Iterable[str]]) -> None: ...
    def theme(self) -> Theme: ...


class AnnotationMarks(QObject):
    """Keeps the view's marks to the session's notes; `refresh_soon` also when the view's theme changes."""

    def __init__(self, session: ReaderSession, target: MarksTarget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._target = target
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._formats: dict[tuple[Kind, str, str], QTextCharFormat] = {}
        # by annotation id: the annotation as it was marked, its spans and its margin marks
        self._marked: dict[str, tuple[Annotation, list[Span], list[tuple[Place, str]]]] = {}
        self._marked_in: tuple[Transcript | None, str] = (None, "")  # the transcript and accent they were made for
        self._changed: set[str] | None = None  # the annotations changed since the last refresh; None: any
        session.follow(lambda _transcript: self.refresh_soon())
        session.notes_changed.connect(self._on_session_notes_changed)

    @Slot()
    def refresh_soon(self) -> None:
        self._changed = None
        self._timer.start()

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        if not change.annotations:
            return
        if change.kind is ChangeKind.ANNOTATIONS and change.ids and self._changed is not None:
            self._changed.update(change.ids)
        else:
            self._changed = None
        self._timer.start()

    @Slot()
    def refresh(self) -> None:
        notes = self._session.notes
        changed, self._changed = self._changed, set()
        if notes is None:
            self._marked = {}
        else:
            made_for = (notes.transcript, self._target.theme().accent)
            if made_for != self._marked_in or changed is None:
                self._marked_in = made_for
                self._marked = {a.id: (a, *self._marks_of(a)) for a in notes.annotations}
            for annotation_id in changed or ():
                a = notes.get(annotation_id)
                if a is None:
                    self._marked.pop(annotation_id, None)
                else:
                    self._marked[annotation_id] = (a, *self._marks_of(a))
        marked = self._marked
        marks: dict[Place, set[str]] = {}
        for _, _, places in marked.values():
            for place, kind in places:
                marks.setdefault(place, set()).add(kind)
        self._target.set_extra_highlights(HIGHLIGHTS_KEY, list(chain.from_iterable(m[1] for m in marked.values())))
        self._target.set_margin_marks(marks)

    def _marks_of(self, a: Annotation) -> tuple[list[Span], list[tuple[Place, str]]]:
        """An annotation's spans in the text (one per turn of a passage) and its marks in the margin."""
        transcript = self._marked_in[0]
        assert transcript is not None
        turn = None if a.detached else turn_index_of(transcript, a.anchor)
        if turn is None:
            return [], []
        if a.kind is Kind.BOOKMARK:
            scope = a.anchor.scope
            return [], [(("exchange", transcript.turns[turn].exchange) if scope is Scope.EXCHANGE else ("turn", turn),
                         "bookmark")]
        places: list[tuple[Place, str]] = [(("turn", turn), "note")] if a.kind is Kind.NOTE or a.note else []
        if a.anchor.scope is not Scope.TEXT:
            return [], places
        fmt = self._format(a)
        return [(t, start, end, fmt) for t, start, end in anchor_pieces(transcript, a.anchor) if end > start], places

    def _format(self, a: Annotation) -> QTextCharFormat:
        accent = self._marked_in[1]
        key = (a.kind, a.colour if a.kind is Kind.HIGHLIGHT else "", accent)
        fmt = self._formats.get(key)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        if a.kind is Kind.HIGHLIGHT:
            colour = QColor(SWATCHES.get(a.colour, SWATCHES[DEFAULT_COLOUR]))
            colour.setAlpha(150)  # the text stays readable on a dark page too
            fmt.setBackground(colour)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(accent))
        self._formats[key] = fmt
        return fmt
