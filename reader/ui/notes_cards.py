"""The Notes dock's annotation cards, as in Zotero's sidebar: one card per annotation, drawn by a delegate over
the notes model (no widget per card, so two thousand notes stay quick).

A card: a stripe in the annotation's colour, its kind, where it is (Q number and speaker, the name elided in the
middle), the quote clipped to a few lines, the note, the tags as chips and the attribution status; the dates and
the whole quote are its tooltip. Every card wraps to the dock's width, so nothing is hidden or scrolled sideways.

The lines of a card are laid out once per width and kept (`CardLayouts`): scrolling and filtering only paint.
The delegate edits the note in place, over the card (Ctrl+Return keeps it, Escape leaves it as it was), or the
tags, with the same completion as the note editor (the dock's F2 and Shift+F2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.annotation_dialogs import TagCompleter
from reader.ui.notes_model import NOTE, TAGS, Card, CardRole

QUOTE_LINES = 3  # as Zotero clips a long highlight; the whole quote is in the tooltip
NOTE_LINES = 4
CHIP_ROWS = 2
MARGIN = 4  # around a card
PAD = 8  # inside it
STRIPE = 4
GAP = 4  # between a card's parts
EDITOR_LINES = 5  # the note editor is at least this tall, whatever the card's size
# Cards measured in one step of the event loop: about 10 ms of CPU the first time (their rows are worked out then
# too, see notes_model.py), a few after (the layouts kept). 150 a batch made the longest step 14 ms.
LAYOUT_BATCH = 100

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Chip:
    text: str
    rect: QRect  # relative to the card's top left


@dataclass(frozen=True, slots=True)
class CardLayout:
    """Where each part of one card goes at one width, relative to the card's top left."""

    height: int
    heading: QRect
    place: str  # "Q3 · Sergey Lavrov", elided to fit beside the kind
    quote: tuple[str, ...]
    quote_top: int
    note: tuple[str, ...]
    note_top: int
    chips: tuple[Chip, ...]
    status: QRect | None
    footer_top: int


def wrap(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """The lines `text` wraps to at `width` (paragraphs apart by a blank line start a new line), at most
    `max_lines`, the last elided when more would follow. Only the lines kept are laid out."""
    metrics = QFontMetrics(font)
    out: list[str] = []
    paragraphs = [p for p in text.split("\n\n") for p in p.split("\n")]
    for number, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        rest_from = len(paragraph)
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            if len(out) == max_lines - 1 and line.textStart() + line.textLength() < len(paragraph):
                rest_from = line.textStart()
                out.append(metrics.elidedText(paragraph[rest_from:], Qt.TextElideMode.ElideRight, width))
                break
            out.append(paragraph[line.textStart():line.textStart() + line.textLength()].rstrip())
            if len(out) == max_lines:
                rest_from = line.textStart() + line.textLength()
                break
        layout.endLayout()
        if len(out) == max_lines:
            if (rest_from < len(paragraph) or number + 1 < len(paragraphs)) and not out[-1].endswith("…"):
                out[-1] = metrics.elidedText(out[-1] + " …", Qt.TextElideMode.ElideRight, width)
            break
    return out


class CardLayouts:
    """The layout of each card at each width, kept until its annotation (or the width, or the font) changes."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Card, int], CardLayout] = {}
        self._font_key = ""

    def get(self, card: Card, width: int, font: QFont) -> CardLayout:
        if font.key() != self._font_key:
            self._kept.clear()
            self._font_key = font.key()
        key = (card, width)
        found = self._kept.get(key)
        if found is None:
            if len(self._kept) > 20_000:  # widths seen while the dock was dragged wider, notes long gone
                self._kept.clear()
            found = self._kept[key] = _lay_out(card, width, font)
        return found


def small_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return small


def _lay_out(card: Card, width: int, font: QFont) -> CardLayout:
    small = small_font(font)
    bold = QFont(small)
    bold.setBold(True)
    line = QFontMetrics(font).lineSpacing()
    small_metrics, bold_metrics = QFontMetrics(small), QFontMetrics(bold)
    left = MARGIN + STRIPE + PAD
    inner = max(40, width - left - PAD - MARGIN)
    y = MARGIN + PAD
    heading = QRect(left, y, inner, small_metrics.height())
    kind_width = bold_metrics.horizontalAdvance(card.kind) + PAD
    place = _place(card, small_metrics, max(0, inner - kind_width))
    y += heading.height() + GAP
    quote = tuple(wrap(card.quote, font, inner, QUOTE_LINES)) if card.quote else ()
    quote_top = y
    y += len(quote) * line
    note = tuple(wrap(card.note, font, inner, NOTE_LINES)) if card.note else ()
    note_top = y + (GAP if quote else 0)
    if note:
        y = note_top + len(note) * line
    chips: list[Chip] = []
    footer_top = y + GAP
    chip_height = small_metrics.height() + 2
    x, row = 0, 0
    status_rect: QRect | None = None
    for n, tag in enumerate(card.tags):
        text = small_metrics.elidedText(tag, Qt.TextElideMode.ElideMiddle, inner - 12)
        chip_width = small_metrics.horizontalAdvance(text) + 12
        if x and x + chip_width > inner:
            row, x = row + 1, 0
        if row == CHIP_ROWS - 1 and n + 1 < len(card.tags) and x + chip_width + 40 > inner:  # "+3" must fit
            text = f"+{len(card.tags) - n}"
            chip_width = small_metrics.horizontalAdvance(text) + 12
            chips.append(Chip(text, QRect(left + x, footer_top + row * (chip_height + 3), chip_width, chip_height)))
            x += chip_width + 4
            break
        chips.append(Chip(text, QRect(left + x, footer_top + row * (chip_height + 3), chip_width, chip_height)))
        x += chip_width + 4
    if card.status:
        status_width = small_metrics.horizontalAdvance(card.status)
        if x and x + status_width > inner:
            row, x = row + 1, 0
        status_rect = QRect(left + x, footer_top + row * (chip_height + 3), min(status_width, inner - x),
                            chip_height)
    if chips or status_rect is not None:
        y = footer_top + (row + 1) * (chip_height + 3) - 3
    return CardLayout(y + PAD + MARGIN, heading, place, quote, quote_top, note, note_top, tuple(chips), status_rect,
                      footer_top)


def _place(card: Card, metrics: QFontMetrics, width: int) -> str:
    """ "Q3 · Sergey Lavrov" in `width`: the speaker's name elided in the middle, so that two long names that
    start alike ("Assemblywoman Ruiz", "Assemblywoman Rowe") stay apart."""
    if not card.speaker:
        return metrics.elidedText(card.exchange, Qt.TextElideMode.ElideRight, width)
    prefix = f"{card.exchange} · "
    room = width - metrics.horizontalAdvance(prefix)
    return prefix + metrics.elidedText(card.speaker, Qt.TextElideMode.ElideMiddle, max(0, room))


class CardDelegate(QStyledItemDelegate):
    """Paints the cards, and edits a card's note, or its tags when `edit_tags` says the next edit is of those."""

    def __init__(self, view: QListView, known_tags: Callable[[], Sequence[str]]) -> None:
        super().__init__(view)
        self._view = view
        self._known_tags = known_tags
        self.layouts = CardLayouts()
        self.editing_tags = False  # the editor open (or about to open) is the tags field

    def _width(self) -> int:
        return self._view.viewport().width()

    def layout_of(self, index: Index) -> CardLayout | None:
        card = index.data(CardRole)
        return self.layouts.get(card, self._width(), self._view.font()) if isinstance(card, Card) else None

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        layout = self.layout_of(index)
        return QSize(self._width(), layout.height) if layout is not None else super().sizeHint(option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CardRole)
        layout = self.layout_of(index)
        if not isinstance(card, Card) or layout is None:
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.topLeft())
        box = QRect(MARGIN, MARGIN, rect.width() - 2 * MARGIN, layout.height - 2 * MARGIN)
        background = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if state & QStyle.StateFlag.State_HasFocus and self._view.hasFocus():
            border = palette.color(QPalette.ColorRole.Link)
        painter.setPen(border)
        painter.setBrush(background)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(card.stripe))
        painter.drawRoundedRect(QRect(MARGIN + 1, MARGIN + 1, STRIPE, box.height() - 1), 2, 2)

        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        small = small_font(self._view.font())
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text if selected else muted)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(layout.heading, align | Qt.AlignmentFlag.AlignLeft, card.kind)
        painter.setFont(small)
        painter.drawText(layout.heading, align | Qt.AlignmentFlag.AlignRight, layout.place)

        painter.setFont(self._view.font())
        painter.setPen(text)
        line = QFontMetrics(self._view.font()).lineSpacing()
        left = layout.heading.left()
        width = layout.heading.width()
        for n, quote_line in enumerate(layout.quote):
            painter.drawText(QRect(left, layout.quote_top + n * line, width, line), align, quote_line)
        if layout.note:
            for n, note_line in enumerate(layout.note):
                painter.drawText(QRect(left, layout.note_top + n * line, width, line), align, note_line)
        painter.setFont(small)
        chip_fill = palette.color(QPalette.ColorRole.AlternateBase)
        for chip in layout.chips:
            painter.setPen(border)
            painter.setBrush(chip_fill)
            painter.drawRoundedRect(chip.rect, chip.rect.height() / 2, chip.rect.height() / 2)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(chip.rect, Qt.AlignmentFlag.AlignCenter, chip.text)
        if layout.status is not None:
            painter.setPen(text if selected else muted)
            painter.drawText(layout.status, align | Qt.AlignmentFlag.AlignLeft, card.status)
        painter.restore()

    # --- editing ------------------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if self.editing_tags:
            field = QLineEdit(parent)
            field.setObjectName("card_tags_editor")
            field.setPlaceholderText("Tags, separated by commas")
            field.setCompleter(TagCompleter(self._known_tags(), field))
            return field
        editor = QPlainTextEdit(parent)
        editor.setObjectName("card_note_editor")
        editor.setPlaceholderText("Your note (Ctrl+Return to keep it, Escape to leave it)")
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(editor, QLineEdit):
            tags = index.model().index(index.row(), TAGS, index.parent())
            editor.setText(str(tags.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText().strip())
        elif isinstance(editor, QLineEdit):
            model.setData(model.index(index.row(), TAGS, index.parent()), editor.text())

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        self.editing_tags = False
        super().destroyEditor(editor, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        """Over the part of the card it edits, and never smaller than a few lines, so the edit is seen."""
        card: QRect = option.rect  # type: ignore[attr-defined]
        layout = self.layout_of(index)
        if layout is None:
            return
        line = QFontMetrics(self._view.font()).lineSpacing()
        left, width = card.left() + layout.heading.left(), layout.heading.width()
        if isinstance(editor, QLineEdit):
            top = card.top() + layout.footer_top
            editor.setGeometry(QRect(left, top, width, max(editor.sizeHint().height(), line + 6)))
            return
        top = card.top() + (layout.note_top if layout.note else layout.quote_top + len(layout.quote) * line + GAP)
        bottom = max(card.top() + layout.height - MARGIN - GAP, top + EDITOR_LINES * line)
        editor.setGeometry(QRect(left, top, width, bottom - top))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Ctrl+Return keeps the note, as in the note editor; a plain Return is a new line of it.
        if isinstance(editor, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class CardList(QListView):
    """The cards: one column of them as wide as the dock, laid out again when it changes width.

    Signals: edit_requested(bool): F2 (False: the note) or Shift+F2 (True: the tags) on the current card.
    """

    edit_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes-cards")
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2 and Shift+F2 are the dock's
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setModelColumn(NOTE)  # a card's own data is its note: F2 edits that
        # Laid out a batch at a time between events: two thousand cards appear at once, the scroll bar grows
        # while the rest are measured, and no step holds the window longer than a frame or two.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)

    def event(self, event: QEvent) -> bool:
        # Ctrl+A selects every card here, not the transcript's text (Edit > Select All is the window's).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and \
                event.matches(QKeySequence.StandardKey.SelectAll):
            event.accept()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A list flowing top to bottom lays itself out again only when its height changes: the cards wrap to
        # the width, so a new width must lay them out too.
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2 and self.state() != QAbstractItemView.State.EditingState:
            self.edit_requested.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        super().keyPressEvent(event)
