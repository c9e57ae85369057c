"""The status bar's account of where the reader is: "Q12 · turn 40 of 62" and "1,234 / 9,876 words".

The words read are those before the reading position: the turns before the current one, and of the current turn
what is above the page (a long turn is read a page at a time). Counting every word of a long transcript takes a
moment, so the words before each turn are counted in steps of WORDS_STEP turns between events, once the text is
on screen (the view's `text_shown`); until then the total is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel

from reader.core.words import count_words
from reader.ui.session import ReaderSession
from reader.ui.transcript_view import TranscriptView

WORDS_STEP = 1500  # turns counted per step of the background word count: a few milliseconds each


class ReadingStatus(QObject):
    """Keeps `position` and `words` (two labels for the status bar) to the view's reading position."""

    def __init__(self, session: ReaderSession, view: TranscriptView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._view = view
        self.position = QLabel()
        self.words = QLabel()
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(20)
        self._words_timer.timeout.connect(self._on_words_timer_timeout)
        self._counting = False  # the text is on screen: the words may be counted
        self._scroll_timer = QTimer(self)  # within a long turn the count follows the page, a moment after it
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(40)
        self._scroll_timer.timeout.connect(self._update_words)
        session.follow(self._on_session_opened)
        view.position_changed.connect(self.refresh)
        view.verticalScrollBar().valueChanged.connect(self._scroll_timer.start)
        view.text_shown.connect(self._on_view_text_shown)

    @Slot(object)
    def _on_session_opened(self, _transcript: object) -> None:
        self._counting = False
        self.refresh()

    @Slot()
    def _on_view_text_shown(self) -> None:
        self._counting = True
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        t, turn = self._session.transcript, self._view.current_turn()
        if t is None or turn < 0:
            self.position.setText("")
            return
        exchange = t.exchanges[t.turns[turn].exchange]
        self.position.setText(f"{exchange.label} · turn {turn + 1} of {len(t.turns)}")
        self._update_words()

    @Slot()
    def _update_words(self) -> None:
        vdoc, turn, transcript = self._view.vdoc, self._view.current_turn(), self._session.transcript
        if vdoc is None or turn < 0 or transcript is None:
            return
        if not vdoc.words_counted:
            self.words.setText(f"{transcript.words:,} words")
            if self._counting:
                self._words_timer.start()
            return
        words = vdoc.words_before()
        offset = self._view.reading_offset()
        read = words[turn] + (count_words(transcript.turns[turn].text[:offset]) if offset else 0)
        self.words.setText(f"{read:,} / {words[-1]:,} words")

    @Slot()
    def _on_words_timer_timeout(self) -> None:
        if self._view.vdoc is not None:
            if self._view.vdoc.count_words(WORDS_STEP):
                self._update_words()
            else:
                self._words_timer.start()
