"""How annotations look in the reading view: highlights in their colours, notes on words underlined with dots,
and in the right margin a ribbon for each bookmarked exchange or turn and a note sign beside each note. A passage
over several turns is marked in each of them, with its note sign beside its first.

Redrawn from the session's notes whenever they change (whoever changed them), when a transcript opens and when
the theme changes: once per turn of the event loop, so an import of a thousand notes redraws once, not a thousand
times.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.notes.annotations import DEFAULT_COLOUR, Annotation, Kind, Scope, anchor_pieces, turn_index_of
from reader.core.notes.store import Change
from reader.ui.highlight import Span
from reader.ui.notes_model import SWATCHES
from reader.ui.session import ReaderSession
from reader.ui.themes import Theme

HIGHLIGHTS_KEY = "annotations"  # the view's layer of extra highlights that holds them


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
        session.opened.connect(self.refresh_soon)
        session.notes_changed.connect(self._on_session_notes_changed)

    @Slot()
    def refresh_soon(self) -> None:
        self._timer.start()

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        if change.annotations:
            self._timer.start()

    @Slot()
    def refresh(self) -> None:
        notes = self._session.notes
        spans: list[Span] = []
        marks: dict[tuple[str, int], set[str]] = {}
        if notes is not None:
            transcript = notes.transcript
            for a in notes.annotations:
                turn = None if a.detached else turn_index_of(transcript, a.anchor)
                if turn is None:
                    continue
                if a.kind is Kind.BOOKMARK:
                    place = ("exchange", transcript.turns[turn].exchange) if a.anchor.scope is Scope.EXCHANGE \
                        else ("turn", turn)
                    marks.setdefault(place, set()).add("bookmark")
                    continue
                if a.kind is Kind.NOTE or a.note:
                    marks.setdefault(("turn", turn), set()).add("note")
                if a.anchor.scope is Scope.TEXT:
                    fmt = self._format(a)
                    spans += [(t, start, end, fmt) for t, start, end in anchor_pieces(transcript, a.anchor)
                              if end > start]
        self._target.set_extra_highlights(HIGHLIGHTS_KEY, spans)
        self._target.set_margin_marks(marks)

    def _format(self, a: Annotation) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if a.kind is Kind.HIGHLIGHT:
            colour = QColor(SWATCHES.get(a.colour, SWATCHES[DEFAULT_COLOUR]))
            colour.setAlpha(150)  # the text stays readable on a dark page too
            fmt.setBackground(colour)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(self._target.theme().accent))
        return fmt
