"""What a panel may ask of the reading view: where the reader is, and to take them somewhere.

Panels take a `Navigator` in their constructor and know nothing else of the view, so each can be built and tried
on its own (with a recording navigator), and the view can change inside without a panel noticing. A move ends
with the focus in the text, where the reader's next key (J, K, Ctrl+D) is meant to go.
"""

from __future__ import annotations

from typing import Protocol

from reader.ui.transcript_view import TranscriptView


class Navigator(Protocol):
    def current_turn(self) -> int:
        """The turn (an index) at the reading position, or -1 when nothing is shown."""
        ...

    def selection_in_turn(self) -> tuple[int, int, int] | None:
        """The words selected, as (turn, start, end) offsets in its text, when they lie in one turn."""
        ...

    def go_to_turn(self, turn: int, offset: int = 0) -> None:
        """Bring a turn (at a character offset in its text) to the reading position."""
        ...

    def go_to_words(self, turn: int, start: int, end: int) -> None:
        """Bring words of a turn to the reading position, selected (ready to copy)."""
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

    def selection_in_turn(self) -> tuple[int, int, int] | None:
        return self._view.selection_in_turn()

    def go_to_turn(self, turn: int, offset: int = 0) -> None:
        self._view.scroll_to_turn(turn, offset)
        self._view.setFocus()

    def go_to_words(self, turn: int, start: int, end: int) -> None:
        self._view.select_in_turn(turn, start, end)
        self._view.setFocus()

    def step_speaker(self, speaker: str, direction: int) -> None:
        vdoc = self._view.vdoc
        if vdoc is not None:
            target = vdoc.next_of_speaker(max(0, self._view.current_turn()), direction, speaker)
            if target is not None:
                self.go_to_turn(target)
