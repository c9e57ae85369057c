"""The reading view: a transcript as numbered exchanges that fold, coloured by speaker, fast when long.

A read-only QPlainTextEdit over one plain-text document (see `view_document` for its layout and why). Folding,
the questions-only outline and the speaker filter hide blocks (`QTextBlock.setVisible`) and re-measure only the
range that changed; colours are set on the blocks that come on screen (`highlight`); the decorations are painted
(`view_painting`). Text is only ever plain text: nothing in a transcript is read as markup or loads a resource.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from reader.core.model import Transcript
from reader.ui.highlight import BlockFormatter, ExtraHighlights, Span
from reader.ui.themes import THEMES, Theme
from reader.ui.view_document import LINE_BREAK, TurnFilter, ViewDocument, has_long_run
from reader.ui.view_folding import FoldingMixin
from reader.ui.view_painting import (
    GUTTER,
    ShownBlock,
    blocks_on_screen,
    paint_backgrounds,
    paint_headers,
    paint_marks,
)
from reader.ui.view_reading import ReadingMixin
from reader.ui.view_selection import SelectionMixin

MAX_LINE_CHARS = 110


class TranscriptView(FoldingMixin, ReadingMixin, SelectionMixin, QPlainTextEdit):
    """The transcript as exchanges that fold. Offsets in the API are offsets in `Turn.text`.

    Signals:
        position_changed(int): the reading position (a turn index) changed, by scrolling, a click or a command.
        folding_changed(): what is shown changed: a fold, the outline, the speaker filter.
        theme_changed(object): the view took a new Theme (panels showing speaker colours follow it).
        text_shown(): a new transcript's text has been painted for the first time; work that can wait (a
            background job that holds the interpreter lock) should start here, not on transcript_changed.
    """

    position_changed = Signal(int)
    folding_changed = Signal()
    theme_changed = Signal(object)
    text_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # a dropped file goes to the window, which opens it
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the margins of a centred column look like the page
        self.setAutoFillBackground(True)
        self.document().setDocumentMargin(GUTTER)
        self.vdoc: ViewDocument | None = None
        self.transcript: Transcript | None = None
        self._visible = b""
        self._blocks: list[QTextBlock] | None = None
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
        self._marks: dict[tuple[str, int], frozenset[str]] = {}
        self._zoom = 0
        self._announce_shown = False
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(0)
        self._selection_timer.timeout.connect(self._apply_extra_selections)
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_value_changed)

    # --- content ----------------------------------------------------------------------------------------

    def set_transcript(self, transcript: Transcript, names: Mapping[str, str] | None = None) -> None:
        """Show a transcript from its start, everything unfolded, no filter, no highlights or margin marks."""
        self.transcript = transcript
        self._turn_filter = None
        self._outline = False
        self._highlights.clear()
        self._marks = {}
        self._collapsed = bytearray(len(transcript.exchanges))
        self._load(ViewDocument(transcript, names))
        self._current = -1
        self._announce_shown = True
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
            text = vdoc.compose()
            # A very long run without a space wraps anywhere, so that any file opens in seconds; the text is
            # the same, only where lines break on screen differs.
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere if has_long_run(text)
                                 else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self.setPlainText(text)
        finally:
            self._navigating = False
        self._visible = b"\x01" * vdoc.block_count
        self._blocks = None
        self._mask = vdoc.turn_filter_mask(self._turn_filter)
        self._formatter.reset(vdoc, self._theme)
        self._update_visibility()

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Never fetch anything a transcript names (images, style sheets): it is text, not a page."""
        return None

    # --- theme, font, zoom --------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        with self._layout_change():
            self._formatter.reset(self.vdoc, theme)
        self._refresh_extra_selections()
        self.viewport().update()
        self.theme_changed.emit(theme)

    def theme(self) -> Theme:
        return self._theme

    def set_reading_font(self, font: QFont) -> None:
        """The base font; the zoom steps apply on top of it."""
        with self._layout_change():
            self.setFont(font)
            if self._zoom:
                self.zoomIn(self._zoom)
            self._update_page_width()

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
        with self._layout_change():
            self.zoomIn(steps - self._zoom)
            self._zoom = steps
            self._update_page_width()

    def page_width(self) -> int:
        return self.viewport().width()

    def _update_page_width(self) -> None:
        """Keep lines to about MAX_LINE_CHARS characters (longer lines tire the eye): on a wide window the text
        becomes a centred column, with page-coloured margins either side."""
        widest = self.fontMetrics().averageCharWidth() * MAX_LINE_CHARS + 2 * GUTTER
        bar = self.verticalScrollBar()
        room = self.width() - 2 * self.frameWidth() - (bar.sizeHint().width() if bar.isVisible() else 0)
        side = max(0, (room - widest) // 2)
        margins = self.viewportMargins()
        if margins.left() != side or margins.right() != side:
            self.setViewportMargins(side, 0, side, 0)

    def zoom(self) -> int:
        return self._zoom

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
        first = self.vdoc.block_of_turn(turn)
        blocks = [self.document().findBlockByNumber(first + piece) for piece in range(self.vdoc.pieces.count(turn))]
        return "".join(block.text() for block in blocks).replace(LINE_BREAK, "\n").rstrip("\n")

    def toPlainText(self) -> str:
        """The document's text, a long turn's pieces joined again (their block breaks are only for display)."""
        if self.vdoc is None or not self.vdoc.pieces:
            return super().toPlainText()
        parts: list[str] = []
        block = self.document().firstBlock()
        while block.isValid():
            if parts and self.vdoc.continues(block.blockNumber()):
                parts[-1] += block.text()
            else:
                parts.append(block.text())
            block = block.next()
        return "\n".join(parts)

    # --- highlights ---------------------------------------------------------------------------------------

    def set_extra_highlights(self, key: str, spans: list[Span]) -> None:
        """Highlight spans (turn index, start, end, colour or format) under `key`; an empty list clears it."""
        self._highlights.set(key, spans)
        self._apply_extra_selections()

    def extra_highlight_count(self, key: str) -> int:
        return self._highlights.count(key)

    def set_margin_marks(self, marks: Mapping[tuple[str, int], Iterable[str]]) -> None:
        """Marks in the right margin, by ("turn", turn index) or ("exchange", exchange index): "bookmark" (a
        ribbon) and "note" (a note sign). They replace the previous marks; the notes code keeps them current."""
        self._marks = {place: frozenset(kinds) for place, kinds in marks.items() if kinds}
        self.viewport().update()

    def margin_marks(self) -> dict[tuple[str, int], frozenset[str]]:
        return dict(self._marks)

    def _refresh_extra_selections(self) -> None:
        """Recompute the highlights on screen once control is back in the event loop: this runs from scroll
        bar signals that Qt emits in the middle of its own layout work, where changing selections crashes."""
        self._selection_timer.start()

    @Slot()
    def _apply_extra_selections(self) -> None:
        self._selection_timer.stop()
        shown = self._shown_blocks()
        turns = [item.index for item in shown if item.kind == "turn"]
        if not turns or self.vdoc is None:
            self.setExtraSelections([])
            return
        within = self._offsets_on_screen(shown) if self.vdoc.pieces else None  # a long turn: its part on screen
        self.setExtraSelections(self._highlights.selections(self.document(), self.vdoc, turns[0], turns[-1],
                                                            within))

    def _offsets_on_screen(self, shown: list[ShownBlock]) -> tuple[int, int]:
        """Where the screen starts in the first turn on it and ends in the last, as offsets in their text."""
        assert self.vdoc is not None
        turns = [item for item in shown if item.kind == "turn"]
        top, bottom = turns[0], turns[-1]
        start = self.vdoc.offset_in_turn(top.number, 0)
        end = self.vdoc.offset_in_turn(bottom.number, bottom.block.length())
        return (start[1] if start else 0), (end[1] if end else 0)

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
        if self._blocks is None:
            QTimer.singleShot(0, self._block_handles)  # ready before the first fold, made after the first paint
        first = self.firstVisibleBlock()
        lines = max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))
        with self._layout_change():
            self._formatter.ensure(self.document(), first, lines + 2)
        shown = self._shown_blocks()
        width = self.page_width()
        header = self.transcript.turns[self._current].exchange if self._current >= 0 else -1  # type: ignore[union-attr]
        current_header = header if header >= 0 and self._collapsed[header] else -1
        painter = QPainter(self.viewport())
        paint_backgrounds(painter, shown, vdoc, self._theme, width, self._current, current_header)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        paint_headers(painter, shown, vdoc, self._theme, width, self._collapsed, self.font())
        if self._marks:  # beside a turn's first line, not beside each piece of a long one
            paint_marks(painter, [s for s in shown if not vdoc.continues(s.number)], self._theme, width,
                        self._marks)
        painter.end()
        if self._announce_shown:
            self._announce_shown = False
            QTimer.singleShot(0, self.text_shown.emit)

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
        with self._layout_change():
            super().resizeEvent(event)
            self._update_page_width()
        self._refresh_extra_selections()

    # --- mouse ---------------------------------------------------------------------------

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
