"""How annotations look in the reading view: highlights in their colours, notes on words underlined with dots,
and in the right margin a ribbon for each bookmarked exchange or turn and a note sign beside each note.

Redrawn from the store whenever its notes change (whoever changed them), when a transcript opens and when the
theme changes: once per turn of the event loop, so an import of a thousand notes redraws once, not a thousand
times.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.notes.annotations import DEFAULT_COLOUR, Annotation, Kind, Scope, turn_index_of
from reader.core.notes.store import Change
from reader.ui.notes_model import SWATCHES

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

HIGHLIGHTS_KEY = "annotations"  # the view's layer of extra highlights that holds them


class AnnotationMarks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

    def attach(self, window: MainWindow) -> None:
        window.transcript_changed.connect(lambda _transcript: self._timer.start())
        window.notes_changed.connect(self._on_window_notes_changed)
        window.view.theme_changed.connect(lambda _theme: self._timer.start())

    @Slot(object)
    def _on_window_notes_changed(self, change: Change) -> None:
        if change.annotations:
            self._timer.start()

    @Slot()
    def refresh(self) -> None:
        window, notes = self._window, self._window.notes
        spans: list[tuple[int, int, int, QTextCharFormat]] = []
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
                if a.anchor.scope is Scope.TEXT and a.anchor.end > a.anchor.start:
                    spans.append((turn, a.anchor.start, a.anchor.end, self._format(a)))
        window.view.set_extra_highlights(HIGHLIGHTS_KEY, spans)
        window.view.set_margin_marks(marks)

    def _format(self, a: Annotation) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if a.kind is Kind.HIGHLIGHT:
            colour = QColor(SWATCHES.get(a.colour, SWATCHES[DEFAULT_COLOUR]))
            colour.setAlpha(150)  # the text stays readable on a dark page too
            fmt.setBackground(colour)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(self._window.view.theme().accent))
        return fmt
