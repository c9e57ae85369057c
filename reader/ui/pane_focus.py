"""Moving the focus from pane to pane: F6 and Shift+F6 go from the reading view to each dock shown and back, as in
a browser or a mail program (Tab and Shift+Tab go from widget to widget, through the docks' fields too).

A pane takes the focus where the reader left it, else in its list (the outline, the speakers, the notes), else
in its first field; the focus is visible there as in any widget, and in the reading view as a frame.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


class PaneCycle(QObject):
    """The panes of one window, in the order F6 visits them."""

    def __init__(self, panes: Sequence[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = list(panes)

    @Slot()
    def next_pane(self) -> None:
        self._step(1)

    @Slot()
    def previous_pane(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        shown = [pane for pane in self._panes if pane.isVisible()]
        if not shown:
            return
        focused = QApplication.focusWidget()
        here = next((i for i, pane in enumerate(shown)
                     if focused is not None and (focused is pane or pane.isAncestorOf(focused))), -1)
        target = shown[(here + direction) % len(shown)] if here >= 0 else shown[0 if direction > 0 else -1]
        widget = _focus_target(target)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _focus_target(pane: QWidget) -> QWidget | None:
    def takes_focus(widget: QWidget | None) -> bool:
        return widget is not None and widget.isVisible() and widget.isEnabled() and \
            bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)

    if takes_focus(pane):
        return pane
    last = pane.focusWidget()
    if last is not None and pane.isAncestorOf(last) and takes_focus(last):
        return last
    lists = [w for w in pane.findChildren(QAbstractItemView) if takes_focus(w)]
    if lists:
        return lists[0]
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if pane.isAncestorOf(widget) and takes_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None
