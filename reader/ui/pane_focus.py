"""Moving the focus from pane to pane: F6 and Shift+F6 go from the reading view to each dock shown and back, as in
a browser or a mail program (Tab and Shift+Tab go from widget to widget, through the docks' fields too).

A pane takes the focus in its list (the outline, the speakers, the notes), where the keys act on what it shows;
in a pane without one, where the reader left it, else in its first field. Which pane holds the focus is plain to
see, however it got there (F6, Tab, a click): a frame in the accent colour around it (the reading view draws its
own, inside its page).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from reader.ui.view_painting import FOCUS_ALPHA


class FocusFrame(QWidget):
    """A frame laid over the pane that holds the focus; the clicks go through it to the pane."""

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.setObjectName("focus_frame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        colour = QColor(self.palette().link().color())  # the theme's accent, its palette's link colour
        colour.setAlphaF(FOCUS_ALPHA)  # as the reading view's frame
        painter = QPainter(self)
        painter.setPen(QPen(colour, 2))
        painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()


class PaneCycle(QObject):
    """The panes of one window, in the order F6 visits them; `framed` is the pane whose frame shows (None when
    the focus is in the first pane, which frames itself, or elsewhere)."""

    def __init__(self, panes: Sequence[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = list(panes)
        self._frames = {pane: FocusFrame(pane) for pane in self._panes[1:]}  # each pane's own: gone with it
        self.framed: QWidget | None = None
        for pane in self._frames:
            pane.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def _pane_of(self, widget: QWidget | None) -> QWidget | None:
        return next((p for p in self._panes if widget is not None and (widget is p or p.isAncestorOf(widget))), None)

    @Slot(QWidget, QWidget)
    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        pane = self._pane_of(new)
        if pane is self.framed:
            return
        if self.framed is not None:
            self._frames[self.framed].hide()
        self.framed = pane if pane in self._frames else None
        if self.framed is not None:
            frame = self._frames[self.framed]
            frame.setGeometry(self.framed.rect())
            frame.show()
            frame.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.framed and event.type() == QEvent.Type.Resize:
            self._frames[self.framed].setGeometry(self.framed.rect())
        return False

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
        pane = self._pane_of(QApplication.focusWidget())
        here = shown.index(pane) if pane in shown else -1
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
    lists = [w for w in pane.findChildren(QAbstractItemView) if takes_focus(w)]
    if lists:
        return lists[0]
    last = pane.focusWidget()
    if last is not None and pane.isAncestorOf(last) and takes_focus(last):
        return last
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if pane.isAncestorOf(widget) and takes_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None
