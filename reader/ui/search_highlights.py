"""The search's marks in the reading view: every match in the theme's match colour, the current one brighter.

Up to FULL_HIGHLIGHT_LIMIT matches are all handed to the view at once. Beyond it (a common word in a
20,000-turn transcript) only those within HIGHLIGHT_REACH turns of the reading position are, and again as the
reader moves: the view paints only what is on screen, and building 300,000 spans would take half a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.search import Match, Matches
from reader.ui.highlight import Span
from reader.ui.themes import Theme

HIGHLIGHT_KEY = "search"
CURRENT_KEY = "search-current"
FULL_HIGHLIGHT_LIMIT = 5000
HIGHLIGHT_REACH = 300


class SearchTarget(Protocol):
    """What the search needs from the reading view (a span is turn index, start, end, colour or format)."""

    def set_extra_highlights(self, key: str, spans: list[Span]) -> None: ...
    def scroll_to_turn(self, index: int, offset: int = 0) -> None: ...
    def current_turn(self) -> int: ...
    def theme(self) -> Theme: ...


class SearchHighlights(QObject):
    def __init__(self, target: SearchTarget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._matches: Sequence[Match] = ()
        self._current: Match | None = None
        self._reach: tuple[int, int] | None = None  # the turns whose matches the view holds, when not all
        position_changed = getattr(target, "position_changed", None)
        if position_changed is not None:
            position_changed.connect(self._on_view_position_changed)

    def show(self, matches: Sequence[Match], current: Match | None = None) -> None:
        self._matches = matches
        self._current = current
        self.refresh()

    def show_current(self, current: Match | None) -> None:
        self._current = current
        self._send_current()

    def clear(self) -> None:
        self.show(())

    @Slot()
    def refresh(self) -> None:
        """Send everything again, in the theme's colours (after a theme change, or a view rebuilt)."""
        self._send_matches()
        self._send_current()

    def _send_matches(self) -> None:
        matches = self._matches
        if not isinstance(matches, Matches) or not matches:
            self._reach = None
            self._target.set_extra_highlights(HIGHLIGHT_KEY, [])
            return
        style = QTextCharFormat()
        style.setBackground(QColor(self._target.theme().match))
        if len(matches) <= FULL_HIGHLIGHT_LIMIT:
            self._reach = None
            self._target.set_extra_highlights(HIGHLIGHT_KEY, [(*m, style) for m in matches])
            return
        turn = max(0, self._target.current_turn())
        self._reach = (turn - HIGHLIGHT_REACH, turn + HIGHLIGHT_REACH)
        self._target.set_extra_highlights(HIGHLIGHT_KEY, [(*m, style) for m in matches.in_turns(*self._reach)])

    def _send_current(self) -> None:
        if self._current is None:
            self._target.set_extra_highlights(CURRENT_KEY, [])
            return
        theme = self._target.theme()
        style = QTextCharFormat()
        style.setBackground(QColor(theme.match_current))
        style.setForeground(QColor(theme.text))
        self._target.set_extra_highlights(CURRENT_KEY, [(*self._current, style)])

    @Slot(int)
    def _on_view_position_changed(self, turn: int) -> None:
        if self._reach is not None:
            low, high = self._reach
            if not low + HIGHLIGHT_REACH // 3 <= turn <= high - HIGHLIGHT_REACH // 3:
                self._send_matches()
