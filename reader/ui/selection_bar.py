"""The small bar over a selection in the reading view: the highlight colours, note, copy and copy with citation,
as Zotero's and calibre's readers offer them; and the choice of snapping selections to whole words.

The bar shows when the reader finishes a selection (releases the mouse, or moves the caret with Shift and an
arrow), just above its first line (below its last when there is no room above), and hides when the selection
goes or the text loses the focus. Its buttons run the window's own commands (the same actions as the Notes and
Edit menus and their keys) and never take the focus, so the caret and the keyboard stay in the text; after a
highlight the selection is let go, so the new colour shows at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton

from reader.core.notes.annotations import COLOURS
from reader.ui.actions import ActionId, ActionRegistry, Choice
from reader.ui.notes_model import SWATCHES
from reader.ui.preferences import Preferences
from reader.ui.transcript_view import TranscriptView

GAP = 6  # pixels between the bar and the line it sits over


def _swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(SWATCHES[colour]))
    return QIcon(pixmap)


class SelectionBar(QFrame):
    """A row of buttons over the selection; each runs one action (None in `actions` is a gap)."""

    def __init__(self, view: TranscriptView, actions: Sequence[QAction | None], icons: dict[str, QIcon]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("selection_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 2)
        layout.setSpacing(1)
        self.buttons: dict[str, QToolButton] = {}
        for action in actions:
            if action is None:
                layout.addSpacing(6)
                continue
            button = QToolButton(self)
            button.setObjectName(action.objectName())
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the text
            button.setAutoRaise(True)
            icon = icons.get(action.objectName())
            if icon is not None:
                button.setIcon(icon)
            else:
                button.setText(action.text().replace("&", "").rstrip("…"))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = action.statusTip() or action.toolTip()
            button.setToolTip(f"{tip} ({keys})" if keys else tip)
            button.setEnabled(action.isEnabled())
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            button.clicked.connect(lambda _checked=False, a=action: self._run(a))
            layout.addWidget(button)
            self.buttons[action.objectName()] = button
        self.hide()

    def _run(self, action: QAction) -> None:
        self.hide()
        action.trigger()
        if action.objectName().startswith(f"{Choice.HIGHLIGHT_COLOUR}_"):
            cursor = self._view.textCursor()
            cursor.clearSelection()  # the highlight shows in its colour, not under the selection's
            self._view.setTextCursor(cursor)

    def place(self) -> None:
        """Show the bar over the selection (or hide it without one); kept inside the page."""
        view = self._view
        cursor = view.textCursor()
        if not cursor.hasSelection() or not view.hasFocus():
            self.hide()
            return
        self.adjustSize()
        start, end = view.textCursor(), view.textCursor()
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        top, bottom = view.cursorRect(start), view.cursorRect(end)
        page = view.viewport().rect()
        y = top.top() - self.height() - GAP
        if y < 0:  # no room above: under the selection's last line, or at the top of the page
            y = bottom.bottom() + GAP if bottom.bottom() + GAP + self.height() <= page.height() else GAP
        x = max(0, min(top.left() if top.top() >= 0 else bottom.left(), page.width() - self.width()))
        self.move(QPoint(x, max(0, y)))
        self.show()
        self.raise_()


class SelectionTools(QObject):
    """The reading view's selection bar, and whether its selections snap to whole words (remembered)."""

    def __init__(self, view: TranscriptView, registry: ActionRegistry, preferences: Preferences,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._preferences = preferences
        colours = [registry[f"{Choice.HIGHLIGHT_COLOUR}_{c}"] for c in COLOURS]
        actions: list[QAction | None] = [*colours, None, registry[ActionId.NOTE], None, registry[ActionId.COPY],
                                         registry[ActionId.COPY_CITATION]]
        icons = {action.objectName(): _swatch(c) for action, c in zip(colours, COLOURS, strict=True)}
        self.bar = SelectionBar(view, actions, icons)
        view.selection_settled.connect(self.bar.place)
        view.selectionChanged.connect(self._on_view_selection_changed)
        view.verticalScrollBar().valueChanged.connect(self._on_view_scrolled)
        view.installEventFilter(self)
        self._registry = registry
        snap = preferences.snap_to_words
        view.set_snap_to_words(snap)
        registry.set_checked(ActionId.SNAP_TO_WORDS, snap)

    @Slot(bool)
    def set_snap_to_words(self, snap: bool) -> None:
        self._view.set_snap_to_words(snap)
        self._registry.set_checked(ActionId.SNAP_TO_WORDS, snap)
        self._preferences.snap_to_words = snap

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() in (QEvent.Type.FocusOut, QEvent.Type.Resize):
            if event.type() == QEvent.Type.FocusOut:
                self.bar.hide()
            elif self.bar.isVisible():
                self.bar.place()
        return False

    @Slot()
    def _on_view_selection_changed(self) -> None:
        if not self._view.textCursor().hasSelection():
            self.bar.hide()

    @Slot(int)
    def _on_view_scrolled(self, _value: int) -> None:
        if self.bar.isVisible():
            self.bar.place()

