"""The reading view: a transcript as numbered exchanges that fold, coloured by speaker, fast when long.

A read-only QPlainTextEdit over one plain-text document (see `view_document` for its layout and why). Folding,
the questions-only outline and the speaker filter hide blocks (`QTextBlock.setVisible`) and re-measure only the
range that changed; colours are set on the blocks that come on screen (`highlight`); the decorations are painted
(`view_painting`). Text is only ever plain text: nothing in a transcript is read as markup or loads a resource.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QMimeData, QUrl, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from reader.core.model import Transcript
from reader.ui.highlight import BlockFormatter, ExtraHighlights, Span
from reader.ui.themes import THEMES, Theme
from reader.ui.view_document import LINE_BREAK, TurnFilter, ViewDocument
from reader.ui.view_painting import GUTTER, ShownBlock, blocks_on_screen, paint_backgrounds, paint_headers
from reader.ui.view_reading import ReadingMixin


class TranscriptView(ReadingMixin, QPlainTextEdit):
    """The transcript as exchanges that fold. Offsets in the API are offsets in `Turn.text`.

    Signals:
        position_changed(int): the reading position (a turn index) changed, by scrolling, a click or a command.
        folding_changed(): what is shown changed: a fold, the outline, the speaker filter.
    """

    position_changed = Signal(int)
    folding_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # a dropped file goes to the window, which opens it
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(GUTTER)
        self.vdoc: ViewDocument | None = None
        self.transcript: Transcript | None = None
        self._visible = bytearray()
        self._collapsed = bytearray()
        self._outline = False
        self._turn_filter: TurnFilter = None
        self._mask: bytearray | None = None
        self._current = -1
        self._navigating = False
        self._last_top = -1
        self._theme: Theme = THEMES["light"]
        self._formatter = BlockFormatter()
        self._highlights = ExtraHighlights()
        self._zoom = 0
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_value_changed)

    # --- content ----------------------------------------------------------------------------------------

    def set_transcript(self, transcript: Transcript, names: Mapping[str, str] | None = None) -> None:
        """Show a transcript from its start, everything unfolded, no filter, no highlights."""
        self.transcript = transcript
        self._turn_filter = None
        self._outline = False
        self._highlights.clear()
        self._collapsed = bytearray(len(transcript.exchanges))
        self._load(ViewDocument(transcript, names))
        self._current = -1
        self._set_current(0 if transcript.turns else -1)

    def set_speaker_names(self, names: Mapping[str, str]) -> None:
        """Display names by speaker key (the user's renames); folds, filter and position are kept."""
        if self.transcript is None:
            return
        current = self._current
        self._load(ViewDocument(self.transcript, names))
        if current >= 0:
            self.scroll_to_turn(current)

    def speaker_names(self) -> dict[str, str]:
        return dict(self.vdoc.names) if self.vdoc else {}

    def _load(self, vdoc: ViewDocument) -> None:
        self.vdoc = vdoc
        self._navigating = True
        try:
            self.setPlainText(vdoc.compose())
        finally:
            self._navigating = False
        self._visible = bytearray(b"\x01" * vdoc.block_count)
        self._mask = vdoc.turn_filter_mask(self._turn_filter)
        self._formatter.reset(vdoc, self._theme)
        self._update_visibility()

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Never fetch anything a transcript names (images, style sheets): it is text, not a page."""
        return None

    # --- theme, font, zoom --------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._formatter.reset(self.vdoc, theme)
        self._refresh_extra_selections()
        self.viewport().update()

    def theme(self) -> Theme:
        return self._theme

    def set_reading_font(self, font: QFont) -> None:
        """The base font; the zoom steps apply on top of it."""
        self.setFont(font)
        if self._zoom:
            self.zoomIn(self._zoom)

    def reading_font(self) -> QFont:
        """The base font without the zoom."""
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(1.0, font.pointSizeF() - self._zoom))
        return font

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    @Slot()
    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(24, steps))
        self.zoomIn(steps - self._zoom)
        self._zoom = steps

    def zoom(self) -> int:
        return self._zoom

    # --- folding, outline, filter -----------------------------------------------------------------------

    def is_collapsed(self, exchange: int) -> bool:
        return bool(self._collapsed[exchange])

    def set_collapsed(self, exchange: int, collapsed: bool) -> None:
        if bool(self._collapsed[exchange]) == collapsed:
            return
        self._collapsed[exchange] = collapsed
        self._update_visibility()
        if collapsed and self.current_exchange() == exchange:
            # The reading position folds into its exchange's header, which stays where the reader can see it.
            self._set_current(self.transcript.exchanges[exchange].first_turn)  # type: ignore[union-attr]
            self._scroll_to_block(self.vdoc.block_of_header(exchange), keep_if_visible=True)  # type: ignore[union-attr]

    def toggle_exchange(self, exchange: int) -> None:
        self.set_collapsed(exchange, not self._collapsed[exchange])

    @Slot()
    def collapse_all(self) -> None:
        self._collapsed = bytearray(b"\x01" * len(self._collapsed))
        self._update_visibility()
        if self.vdoc and self._current >= 0:
            self._scroll_to_block(self.vdoc.block_of_header(self.transcript.turns[self._current].exchange))  # type: ignore[union-attr]

    @Slot()
    def expand_all(self) -> None:
        self._collapsed = bytearray(len(self._collapsed))
        self._update_visibility()
        if self._current >= 0:
            self.scroll_to_turn(self._current)

    def set_outline(self, outline: bool) -> None:
        """Questions only: every answer hidden, every question shown in full."""
        self._outline = outline
        self._update_visibility()
        if self.vdoc and self._current >= 0:
            exchange = self.transcript.exchanges[self.transcript.turns[self._current].exchange]  # type: ignore[union-attr]
            self.scroll_to_turn(exchange.first_turn if exchange.question is None else exchange.question)

    def is_outline(self) -> bool:
        return self._outline

    def set_turn_filter(self, turn_filter: TurnFilter) -> None:
        """Show only the turns a predicate (or a set of speaker keys) accepts; None shows every turn."""
        self._turn_filter = turn_filter
        if self.vdoc is None:
            return
        self._mask = self.vdoc.turn_filter_mask(turn_filter)
        self._update_visibility()
        if self._current >= 0 and self._mask is not None and not self._mask[self._current]:
            following = self.vdoc.next_turn(self._current, 1, self._mask)
            if following is None:
                following = self.vdoc.next_turn(self._current, -1, self._mask)
            if following is not None:
                self.scroll_to_turn(following)

    def turn_filter(self) -> TurnFilter:
        return self._turn_filter

    def _update_visibility(self) -> None:
        vdoc = self.vdoc
        if vdoc is None:
            return
        wanted = vdoc.visibility(self._collapsed, self._outline, self._mask)
        shown = self._visible
        if wanted == shown:
            return
        first = next(i for i in range(len(wanted)) if wanted[i] != shown[i])
        last = next(i for i in range(len(wanted) - 1, -1, -1) if wanted[i] != shown[i])
        document = self.document()
        block = document.findBlockByNumber(first)
        start = block.position()
        end = start
        for number in range(first, last + 1):
            if wanted[number] != shown[number]:
                block.setVisible(bool(wanted[number]))
            end = block.position() + block.length()
            block = block.next()
        self._visible = wanted
        # One re-measure of the changed range instead of one per block.
        navigating, self._navigating = self._navigating, True
        try:
            document.markContentsDirty(start, end - start)
        finally:
            self._navigating = navigating
        self._last_top = self._top_block()
        self._refresh_extra_selections()
        self.viewport().update()
        self.folding_changed.emit()

    # --- what is shown (for panels and tests) -------------------------------------------------------------

    def visible_turns(self) -> list[int]:
        """Indices of the turns shown, as the document has them."""
        if self.vdoc is None:
            return []
        document = self.document()
        vdoc = self.vdoc
        return [t for t in range(len(vdoc.turn_exchange))
                if document.findBlockByNumber(vdoc.block_of_turn(t)).isVisible()]

    def shown_headers(self) -> list[str]:
        """The exchange labels shown, read from the document."""
        if self.vdoc is None:
            return []
        document = self.document()
        return [document.findBlockByNumber(block).text() for block in self.vdoc.header_blocks
                if document.findBlockByNumber(block).isVisible()]

    def turn_display_text(self, turn: int) -> str:
        """A turn's block as shown: the speaker's name, then the text (paragraph breaks as newlines)."""
        assert self.vdoc is not None
        block = self.document().findBlockByNumber(self.vdoc.block_of_turn(turn))
        return block.text().replace(LINE_BREAK, "\n").rstrip("\n")

    # --- highlights ---------------------------------------------------------------------------------------

    def set_extra_highlights(self, key: str, spans: list[Span]) -> None:
        """Highlight spans (turn index, start, end, colour or format) under `key`; an empty list clears it."""
        self._highlights.set(key, spans)
        self._refresh_extra_selections()

    def extra_highlight_count(self, key: str) -> int:
        return self._highlights.count(key)

    def _refresh_extra_selections(self) -> None:
        if self.vdoc is None or not self.vdoc.turn_exchange:
            self.setExtraSelections([])
            return
        shown = self._shown_blocks()
        turns = [item.index for item in shown if item.kind == "turn"]
        if not turns:
            self.setExtraSelections([])
            return
        self.setExtraSelections(self._highlights.selections(self.document(), self.vdoc, turns[0], turns[-1]))

    # --- painting ----------------------------------------------------------------------------------------

    def _shown_blocks(self) -> list[ShownBlock]:
        if self.vdoc is None:
            return []
        offset = self.contentOffset()
        return list(blocks_on_screen(self.firstVisibleBlock(), self.vdoc,
                                     lambda block: self.blockBoundingGeometry(block).translated(offset),
                                     self.viewport().height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        vdoc = self.vdoc
        if vdoc is None or not vdoc.block_count:
            super().paintEvent(event)
            return
        first = self.firstVisibleBlock()
        lines = max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))
        self._formatter.ensure(self.document(), first, lines + 2)
        shown = self._shown_blocks()
        width = self.viewport().width()
        header = self.transcript.turns[self._current].exchange if self._current >= 0 else -1  # type: ignore[union-attr]
        current_header = header if header >= 0 and self._collapsed[header] else -1
        painter = QPainter(self.viewport())
        paint_backgrounds(painter, shown, vdoc, self._theme, width, self._current, current_header)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        paint_headers(painter, shown, vdoc, self._theme, width, self._collapsed, self.font())
        painter.end()

    def event(self, event: QEvent) -> bool:
        # The text control claims arrow keys even when read-only; the view's own commands (Left/Right fold)
        # must win, so their keys are not claimed here and reach the shortcut map.
        if event.type() == QEvent.Type.ShortcutOverride:
            pressed = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
            if any(pressed in action.shortcuts() for action in self.actions() if action.isEnabled()):
                event.ignore()
                return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refresh_extra_selections()

    # --- mouse and clipboard ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        block = self.cursorForPosition(event.position().toPoint()).block()
        if self.vdoc is not None and block.isValid():
            kind, index = self.vdoc.locate(block.blockNumber())
            if kind == "header" and event.button() == event.button().LeftButton:
                self.toggle_exchange(index)
                self._set_current(self.transcript.exchanges[index].first_turn)  # type: ignore[union-attr]
                event.accept()
                return
            if kind == "turn":
                self._set_current(index)
        super().mousePressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Plain text only, with the hidden (folded) blocks left out."""
        data = QMimeData()
        data.setText(self.selected_text())
        return data

    def selected_text(self) -> str:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return ""
        document = self.document()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block: QTextBlock = document.findBlock(start)
        pieces = []
        while block.isValid() and block.position() < end:
            if block.isVisible():
                lo = max(start, block.position()) - block.position()
                hi = min(end, block.position() + block.length() - 1) - block.position()
                pieces.append(block.text()[lo:hi])
            block = block.next()
        return "\n".join(pieces).replace(LINE_BREAK, "\n")

    def selection_in_turn(self) -> tuple[int, int, int] | None:
        """(turn index, start, end) of the selection in `Turn.text` offsets, cut to the turn it starts in."""
        cursor = self.textCursor()
        if self.vdoc is None or not cursor.hasSelection():
            return None
        block = self.document().findBlock(cursor.selectionStart())
        kind, turn = self.vdoc.locate(block.blockNumber())
        if kind != "turn":
            return None
        base = block.position() + self.vdoc.prefix_lengths[turn]
        length = len(self.transcript.turns[turn].text)  # type: ignore[union-attr]
        start = min(max(cursor.selectionStart() - base, 0), length)
        end = min(max(cursor.selectionEnd() - base, 0), length)
        return (turn, start, end) if end > start else None

    def select_in_turn(self, turn: int, start: int, end: int) -> None:
        """Select `Turn.text[start:end]` of a turn (and bring it on screen)."""
        assert self.vdoc is not None
        self.scroll_to_turn(turn, start)
        base = self.document().findBlockByNumber(self.vdoc.block_of_turn(turn)).position()
        base += self.vdoc.prefix_lengths[turn]
        cursor = QTextCursor(self.document())
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
