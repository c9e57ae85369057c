"""What a panel may ask of the reading view: where the reader is, and to take them somewhere.

Panels take a `Navigator` in their constructor and know nothing else of the view, so each can be built and tried
on its own (with a recording navigator), and the view can change inside without a panel noticing. A move ends
with the focus in the text, where the reader's next key (J, K, Ctrl+D) is meant to go.
"""

from __future__ import annotations

from typing import Protocol

from reader.ui.transcript_view import TranscriptView
from reader.ui.view_selection import SelectedSpan


class Navigator(Protocol):
    def current_turn(self) -> int:
        """The turn (an index) at the reading position, or -1 when nothing is shown."""
        ...

    def selected_span(self) -> SelectedSpan | None:
        """The words selected, as offsets in the text of the turns they run over (one turn, or a passage)."""
        ...

    def go_to_turn(self, turn: int, offset: int = 0) -> None:
        """Bring a turn (at a character offset in its text) to the reading position."""
        ...

    def go_to_words(self, turn: int, start: int, end: int, end_turn: int | None = None) -> None:
        """Bring words of a turn (to `end` in `end_turn`, for a passage) to the reading position, selected
        (ready to copy)."""
        ...

    def step_speaker(self, speaker: str, direction: int) -> None:
        """Go to the next (+1) or previous (-1) turn of a speaker from the reading position, if there is one."""
        ...


class ViewNavigator:
    """The `Navigator` of the window's reading view."""

    def __init__(self, view: TranscriptView) -> None:
        self._view = view

    def current_turn(self) -> int:
        return self._view.current_turn()

    def selected_span(self) -> SelectedSpan | None:
        return self._view.selected_span()

    def go_to_turn(self, turn: int, offset: int = 0) -> None:
        self._view.scroll_to_turn(turn, offset)
        self._view.setFocus()

    def go_to_words(self, turn: int, start: int, end: int, end_turn: int | None = None) -> None:
        self._view.select_in_turn(turn, start, end, end_turn)
        self._view.setFocus()

    def step_speaker(self, speaker: str, direction: int) -> None:
        vdoc = self._view.vdoc
        if vdoc is not None:
            target = vdoc.next_of_speaker(max(0, self._view.current_turn()), direction, speaker)
            if target is not None:
                self.go_to_turn(target)
