"""Following the recording in the text: the turn being played is marked, and the view keeps it in sight.

As in Otter, the reader may scroll away to read something else while the recording plays: once the words being
played are off the screen by the reader's own scrolling, following pauses (the turn is still marked) until the
reader asks for it again (`resume`, the player bar's "Back to the playing turn").

Signals of `FollowAlong`:
    paused_changed(bool): following paused by the reader's scrolling (True), or resumed (False).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from reader.ui.highlight import Span
from reader.ui.transcript_view import TranscriptView

LAYER = "playing"  # the view's highlight layer of the turn being played


class FollowAlong(QObject):
    paused_changed = Signal(bool)

    def __init__(self, view: TranscriptView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._enabled = True  # the reader's choice (Play > Follow Along)
        self._paused = False  # the reader scrolled away
        self._place: tuple[int, int] | None = None  # (turn, offset) being played
        self._marked: tuple[int, int] | None = None
        self._scrolling = False
        view.verticalScrollBar().valueChanged.connect(self._on_view_scrolled)

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def following(self) -> bool:
        return self._enabled and not self._paused

    def played_turn(self) -> int:
        """The turn marked as being played, or -1."""
        return self._place[0] if self._place is not None else -1

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._set_paused(False)
        if enabled and self._place is not None:
            self._keep_in_sight(*self._place)

    def resume(self) -> None:
        """Follow again from where the recording is."""
        self._set_paused(False)
        if self._place is not None:
            self._keep_in_sight(*self._place)

    def show(self, turn: int, offset: int) -> None:
        """The recording is at these words: mark their turn and, when following, keep them on screen."""
        self._place = (turn, offset)
        self._mark(turn, offset)
        if self.following:
            self._keep_in_sight(turn, offset)

    def clear(self) -> None:
        self._place = self._marked = None
        self._view.set_extra_highlights(LAYER, [])
        self._set_paused(False)

    # --- the view ------------------------------------------------------------------------------------------

    def _mark(self, turn: int, offset: int) -> None:
        """The turn in a soft band of the accent colour and the word being heard in a stronger one; made again
        only when the word changes, a few times a second rather than at every position report."""
        if self._marked == (turn, offset):
            return
        self._marked = (turn, offset)
        transcript = self._view.transcript
        if transcript is None or not 0 <= turn < len(transcript.turns):
            return
        text = transcript.turns[turn].text
        accent = QColor(self._view.theme().accent)
        band = QTextCharFormat()
        soft = QColor(accent)
        soft.setAlpha(56)
        band.setBackground(soft)
        word = QTextCharFormat()
        strong = QColor(accent)
        strong.setAlpha(120)
        word.setBackground(strong)
        end = offset
        while end < len(text) and not text[end].isspace():
            end += 1
        spans: list[Span] = [(turn, 0, len(text), band)]
        if end > offset:
            spans.append((turn, offset, end, word))
        self._view.set_extra_highlights(LAYER, spans)

    def _on_screen(self, turn: int, offset: int) -> bool:
        view = self._view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.document_position(turn, offset))
        if not cursor.block().isVisible():
            return False
        rect = view.cursorRect(cursor)
        return rect.top() >= 0 and rect.bottom() <= view.viewport().height()

    def _keep_in_sight(self, turn: int, offset: int) -> None:
        if self._view.transcript is None or self._on_screen(turn, offset):
            return
        self._scrolling = True
        try:
            self._view.scroll_to_turn(turn, offset)
        finally:
            self._scrolling = False

    @Slot(int)
    def _on_view_scrolled(self, _value: int) -> None:
        if self._scrolling or self._place is None or not self._enabled or self._paused:
            return
        if not self._on_screen(*self._place):
            self._set_paused(True)

    def _set_paused(self, paused: bool) -> None:
        if paused != self._paused:
            self._paused = paused
            self.paused_changed.emit(paused)
