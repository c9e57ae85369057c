"""The reading view: a transcript as numbered exchanges that fold, coloured by speaker, fast when long.

A read-only QPlainTextEdit over one plain-text document (`view_document` gives its layout and why), composed of
parts that each keep their own state and are told what they need:

- `FoldState` (`fold_state`, plain Python): folds, the questions-only outline and the speaker filter, and the
  block visibility they give; `BlockVisibility` (`view_folding`) applies it to the document's blocks, re-measuring
  only the range that changed;
- `ReadingPosition` (`view_reading`): the turn being read, and the scrolling that moves it or follows the reader;
- `Decorations` (`view_painting`): the theme, block colours set as blocks come on screen, what is painted around
  the text, and the margin marks;
- `ScreenHighlights` (`view_highlights`): search matches and annotations, as extra selections of the turns on
  screen;
- `view_selection`: selections and text in `Turn.text` offsets, passages over several turns, words and
  paragraphs taken by the mouse;
- `Caret` (`view_caret`): the caret and keyboard selection, and where Left and Right fold.

This class holds the public interface, and the commands that take more than one part (a fold that moves the
reading position, a step that unfolds an exchange). Text is only ever plain text: nothing in a transcript is
read as markup or loads a resource.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from reader.core.model import Transcript
from reader.ui import view_selection
from reader.ui.fold_state import FoldState, TurnFilter
from reader.ui.highlight import Span
from reader.ui.themes import Theme
from reader.ui.view_caret import FOLD_KEYS, Caret, TripleClick
from reader.ui.view_document import ViewDocument, has_long_run
from reader.ui.view_folding import BlockVisibility
from reader.ui.view_highlights import ScreenHighlights
from reader.ui.view_painting import GUTTER, Decorations, TitleArea, blocks_on_screen, paint_focus_frame
from reader.ui.view_reading import ReadingPosition
from reader.ui.view_selection import SelectedSpan

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # only named (by `loadResource`): its type is not built for the first picture

    # The titles come with the topics, and their editor with a rename, after the first picture.
    from reader.core.topics.outline import Heading
    from reader.ui.title_editor import TitleEditor

MAX_LINE_CHARS = 110


def _viewport(view: QPlainTextEdit) -> QWidget:
    """A viewport made in Python, set up as QPlainTextEdit sets up its own.

    The one the C++ constructor makes is unknown to PySide until `viewport()` is first called, and to find its
    Python type PySide then builds the types of every widget class it has (66 enum types at the reader's start,
    some 14 ms before the first picture). A viewport made here already has its type.
    """
    viewport = QWidget(view)  # the view's child from the start: Qt owns it, whatever becomes of this wrapper
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setForegroundRole(QPalette.ColorRole.Text)
    viewport.setAutoFillBackground(True)
    viewport.setCursor(Qt.CursorShape.IBeamCursor)
    viewport.setAcceptDrops(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    return viewport


class TranscriptView(QPlainTextEdit):
    """The transcript as exchanges that fold. Offsets in the API are offsets in `Turn.text`.

    Signals:
        position_changed(int): the reading position (a turn index) changed, by scrolling, a click or a command.
        folding_changed(): what is shown changed: a fold, the outline, the speaker filter.
        theme_changed(object): the view took a new Theme (panels showing speaker colours follow it).
        text_painted(bool): a new transcript's text was painted, at the end of the paint, from the first paint to
            the one that finds every block on screen formatted (True for that one). For timing the start: a slot
            must not change the view.
        text_shown(): a new transcript's text is on screen in its colours: a paint found every block on screen
            formatted (the view is idle). Work that can wait (a background job that holds the interpreter lock,
            the word count) should start here, not on transcript_changed.
        selection_settled(): the reader finished a selection (released the mouse, or moved the caret with the
            keyboard) or cleared one: the selection bar shows or hides then.
        time_clicked(int): the reader clicked the start time shown in a turn's header (a turn index): the
            recording plays from there.
        title_renamed(int, str, str): the reader renamed a section's or a topic's title where it is painted
            (double-click on it): its first turn, the new title, "section" or "topic".
    """

    position_changed = Signal(int)
    folding_changed = Signal()
    theme_changed = Signal(object)
    text_painted = Signal(bool)
    text_shown = Signal()
    selection_settled = Signal()
    time_clicked = Signal(int)
    title_renamed = Signal(int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewport(viewport := _viewport(self))
        self.document().documentLayout().setPaintDevice(viewport)  # its fonts measured for the new viewport
        self.setReadOnly(True)
        # Read-only, yet with a caret that moves and selects from the keyboard, as in a browser's caret browsing.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setCursorWidth(2)
        self.setTabChangesFocus(True)  # Tab and Shift+Tab go on to the docks, as everywhere else in the window
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # a dropped file goes to the window, which opens it
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the margins of a centred column look like the page
        self.setAutoFillBackground(True)
        self.document().setDocumentMargin(GUTTER)
        self._folds: FoldState | None = None  # with the document shown; None before the first transcript
        self._blocks = BlockVisibility(self.document())
        self._position = ReadingPosition(self, self._on_position_moved)
        self._decorations = Decorations()
        self._title_editor: TitleEditor | None = None  # made at the first rename in the text
        self._highlights = ScreenHighlights(self)
        self._caret = Caret(self)
        self._triple_click = TripleClick()
        self._snap_to_words = True
        self._zoom = 0
        self._announce_shown = False
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_value_changed)

    # --- content ----------------------------------------------------------------------------------------

    @property
    def vdoc(self) -> ViewDocument | None:
        """The document shown: its text and the map from blocks to exchanges and turns."""
        return self._folds.vdoc if self._folds is not None else None

    @property
    def transcript(self) -> Transcript | None:
        return self._folds.vdoc.transcript if self._folds is not None else None

    def set_transcript(self, transcript: Transcript, names: Mapping[str, str] | None = None) -> None:
        """Show a transcript from its start, everything unfolded, no filter, no highlights, margin marks or
        headings."""
        self._highlights.clear()
        self._decorations.set_marks({})
        self._decorations.set_headings({})
        if self._title_editor is not None:
            self._title_editor.close()
        self._show(ViewDocument(transcript, names), None)
        self._announce_shown = True
        self._position.forget()
        self._position.move_to(0 if transcript.turns else -1)

    def set_speaker_names(self, names: Mapping[str, str]) -> None:
        """Display names by speaker key (the user's renames); folds, filter and position are kept."""
        if self._folds is None:
            return
        current = self.current_turn()
        self._show(ViewDocument(self._folds.vdoc.transcript, names), self._folds)
        if current >= 0:
            self.scroll_to_turn(current)

    def set_speakers(self, transcript: Transcript, names: Mapping[str, str]) -> None:
        """The same transcript as the reader corrected who speaks (a speaker merged into another, a turn given to
        another): its turns' names and colours change; folds, filter and position are kept."""
        if self._folds is None:
            return
        current = self.current_turn()
        self._show(ViewDocument(transcript, names), self._folds)
        if current >= 0:
            self.scroll_to_turn(current)

    def _open_vdoc(self) -> ViewDocument:
        """The document shown, for the calls that only make sense with a transcript open."""
        assert self._folds is not None, "no transcript is open"
        return self._folds.vdoc

    def speaker_names(self) -> dict[str, str]:
        return dict(self._folds.vdoc.names) if self._folds is not None else {}

    def _show(self, vdoc: ViewDocument, keep: FoldState | None) -> None:
        """Show a new document, with the folds, outline and filter of `keep` (or none)."""
        text = vdoc.compose()  # first: it finds the long turns, and so the blocks
        self._folds = keep.for_document(vdoc) if keep is not None else FoldState(vdoc)
        self._blocks.reset()
        self._position.reset(vdoc)
        self._decorations.reset(vdoc)
        self._highlights.reset(vdoc)
        self._caret.reset(vdoc)
        with self._position.held():
            # A very long run without a space wraps anywhere, so that any file opens in seconds; the text is
            # the same, only where lines break on screen differs.
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere if has_long_run(text)
                                 else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self.setPlainText(text)
        self._show_folds()

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Never fetch anything a transcript names (images, style sheets): it is text, not a page."""
        return None

    # --- theme, font, zoom --------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        with self._position.held():
            self._decorations.set_theme(theme)
        self._highlights.refresh()
        self.viewport().update()
        self.theme_changed.emit(theme)

    def theme(self) -> Theme:
        return self._decorations.theme

    def set_reading_font(self, font: QFont) -> None:
        """The base font; the zoom steps apply on top of it."""
        with self._position.held():
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
        with self._position.held():
            self.zoomIn(steps - self._zoom)
            self._zoom = steps
            self._update_page_width()

    def zoom(self) -> int:
        return self._zoom

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

    # --- folding ------------------------------------------------------------------------------------------

    def is_collapsed(self, exchange: int) -> bool:
        return self._folds is not None and self._folds.is_collapsed(exchange)

    def set_collapsed(self, exchange: int, collapsed: bool) -> None:
        folds = self._folds
        if folds is None or not folds.set_collapsed(exchange, collapsed):
            return
        self._show_folds()
        if collapsed and self.current_exchange() == exchange:
            # The reading position folds into its exchange's header, which stays where the reader can see it.
            self._position.move_to(folds.vdoc.transcript.exchanges[exchange].first_turn)
            self._scroll_to_block(folds.vdoc.block_of_header(exchange), keep_if_visible=True)

    def toggle_exchange(self, exchange: int) -> None:
        self.set_collapsed(exchange, not self.is_collapsed(exchange))

    @Slot()
    def collapse_all(self) -> None:
        if self._folds is None:
            return
        self._folds.collapse_all()
        self._show_folds()
        if self.current_exchange() >= 0:
            self._scroll_to_block(self._folds.vdoc.block_of_header(self.current_exchange()))

    @Slot()
    def expand_all(self) -> None:
        if self._folds is None:
            return
        self._folds.expand_all()
        self._show_folds()
        if self.current_turn() >= 0:
            self.scroll_to_turn(self.current_turn())

    def set_outline(self, outline: bool) -> None:
        """Questions only: every answer hidden, every question shown in full."""
        if self._folds is None:
            return
        self._folds.set_outline(outline)
        self._show_folds()
        if self.current_turn() >= 0:
            exchange = self._folds.vdoc.transcript.exchanges[self.current_exchange()]
            self.scroll_to_turn(exchange.first_turn if exchange.question is None else exchange.question)

    def is_outline(self) -> bool:
        return self._folds is not None and self._folds.outline

    def set_turn_filter(self, turn_filter: TurnFilter) -> None:
        """Show only the turns a predicate (or a set of speaker keys) accepts; None shows every turn. A reading
        position the filter hides moves to the nearest turn it shows."""
        folds = self._folds
        if folds is None:
            return
        folds.set_turn_filter(turn_filter)
        self._show_folds()
        current = self.current_turn()
        if current >= 0 and not folds.passes_filter(current):
            target = folds.nearest_passing(current)
            if target is not None:
                self.scroll_to_turn(target)

    def _caret_out_of_folds(self) -> None:
        """A caret in a block that a fold now hides goes to its exchange's header, which always shows."""
        folds, cursor = self._folds, self.textCursor()
        if folds is None or cursor.block().isVisible():
            return
        header = folds.vdoc.block_of_header(folds.vdoc.turn_exchange[folds.vdoc.turn_at_block(cursor.blockNumber())])
        cursor.setPosition(self.document().findBlockByNumber(header).position())
        self.setTextCursor(cursor)

    def turn_filter(self) -> TurnFilter:
        return self._folds.turn_filter if self._folds is not None else None

    def _show_folds(self) -> None:
        """Bring the document's blocks to the fold state: only those whose visibility changed."""
        change = self._folds.update() if self._folds is not None else None
        if change is None:
            return
        with self._position.held():  # the range is measured again, which moves the scroll bar
            self._blocks.apply(change)
            self._caret_out_of_folds()
        self._highlights.refresh()
        self.viewport().update()
        self.folding_changed.emit()

    # --- the reading position and the commands that move it (J/K, Alt+Down/Up, N/P, Go to) -----------------

    def current_turn(self) -> int:
        """The turn at the reading position; -1 with no transcript."""
        return self._position.turn

    def current_exchange(self) -> int:
        turn = self._position.turn
        return self._folds.vdoc.turn_exchange[turn] if self._folds is not None and turn >= 0 else -1

    def scroll_to_turn(self, index: int, offset: int = 0) -> None:
        """Make turn `index` the reading position and bring the line holding `offset` (in `Turn.text`) to the
        top; a folded exchange opens, a turn hidden by the outline or the filter shows its exchange's header."""
        folds = self._folds
        if folds is None or not 0 <= index < len(folds.vdoc.turn_exchange):
            return
        self.set_collapsed(folds.vdoc.turn_exchange[index], False)
        self._position.show_turn(index, offset, folds, titled=self._decorations.has_heading(index))
        self._highlights.refresh()

    def go_to_exchange(self, exchange: int) -> None:
        """Bring an exchange's header to the top, folded or not as it is; its first turn becomes current."""
        vdoc = self.vdoc
        if vdoc is None or not 0 <= exchange < len(vdoc.transcript.exchanges):
            return
        self._position.move_to(vdoc.transcript.exchanges[exchange].first_turn)
        self._scroll_to_block(vdoc.block_of_header(exchange))

    @Slot()
    def next_turn(self) -> None:
        self._step(1, same_speaker=False)

    @Slot()
    def previous_turn(self) -> None:
        self._step(-1, same_speaker=False)

    @Slot()
    def next_same_speaker(self) -> None:
        self._step(1, same_speaker=True)

    @Slot()
    def previous_same_speaker(self) -> None:
        self._step(-1, same_speaker=True)

    @Slot()
    def next_question(self) -> None:
        self._step_exchange(1)

    @Slot()
    def previous_question(self) -> None:
        self._step_exchange(-1)

    @Slot()
    def fold_current(self) -> None:
        """Fold the exchange whose header holds the caret, else the one at the reading position."""
        exchange = self._caret.header()
        exchange = self.current_exchange() if exchange is None else exchange
        if exchange >= 0:
            self.set_collapsed(exchange, True)

    @Slot()
    def unfold_current(self) -> None:
        exchange = self._caret.header()
        exchange = self.current_exchange() if exchange is None else exchange
        if exchange >= 0:
            self.set_collapsed(exchange, False)

    def _step(self, direction: int, same_speaker: bool) -> None:
        """To the nearest turn that way the outline and the filter show (folds open), or the same speaker's."""
        folds, turn = self._folds, self.current_turn()
        if folds is None or turn < 0:
            return
        target = (folds.vdoc.next_of_speaker(turn, direction) if same_speaker
                  else folds.vdoc.next_turn(turn, direction, folds.allowed()))
        if target is not None:
            self.scroll_to_turn(target)

    def _step_exchange(self, direction: int) -> None:
        vdoc, turn = self.vdoc, self.current_turn()
        if vdoc is None or turn < 0:
            return
        target = vdoc.next_question(turn, direction)
        if target is not None:
            self.go_to_exchange(target)

    def _scroll_to_block(self, number: int, keep_if_visible: bool = False) -> None:
        self._position.scroll_to_block(number, keep_if_visible=keep_if_visible)
        self._highlights.refresh()

    def _on_position_moved(self, turn: int) -> None:
        self.viewport().update()
        self.position_changed.emit(turn)

    @Slot(int)
    def _on_scrollbar_value_changed(self, _value: int) -> None:
        self._highlights.refresh()
        self._position.follow_scroll()

    # --- selection and text -----------------------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        """Plain text only, with the hidden (folded) blocks left out."""
        data = QMimeData()
        data.setText(self.selected_text())
        return data

    def selected_text(self) -> str:
        return view_selection.selected_text(self.textCursor(), self.vdoc)

    def selection_in_turn(self) -> tuple[int, int, int] | None:
        """(turn index, start, end) of the selection in `Turn.text` offsets when it lies in one turn; None for
        none, and for a passage over several (`selected_span` gives that)."""
        span = self.selected_span()
        return (span.first, span.start, span.end) if span is not None and span.first == span.last else None

    def selected_span(self) -> SelectedSpan | None:
        """The selection in `Turn.text` offsets, over every turn it covers (a passage), and whether turns it runs
        over are hidden; None without words selected."""
        folds = self._folds
        return view_selection.selected_span(self.textCursor(), folds.vdoc, folds.shows_all) if folds else None

    def select_in_turn(self, turn: int, start: int, end: int, end_turn: int | None = None) -> None:
        """Select `Turn.text[start:end]` of a turn, or with `end_turn` the passage from `start` in `turn` to `end`
        in `end_turn` (unfolding its exchanges), and bring it on screen."""
        vdoc = self._open_vdoc()
        if end_turn is not None:
            for exchange in range(vdoc.turn_exchange[turn], vdoc.turn_exchange[end_turn] + 1):
                self.set_collapsed(exchange, False)
        self.scroll_to_turn(turn, start)
        self.setTextCursor(view_selection.turn_selection(self.document(), vdoc, turn, start, end, end_turn))
        self.selection_settled.emit()

    def set_snap_to_words(self, snap: bool) -> None:
        """Whether a selection made with the mouse is snapped to whole words (the default)."""
        self._snap_to_words = snap

    def snaps_to_words(self) -> bool:
        return self._snap_to_words

    def reading_offset(self) -> int:
        """Where the page starts in the turn at the reading position: the offset in its text of the first
        character on screen, 0 when the turn begins on the page (or below its top)."""
        vdoc, turn = self.vdoc, self.current_turn()
        if vdoc is None or turn < 0:
            return 0
        cursor = self.cursorForPosition(QPoint(0, 0))
        found = vdoc.offset_in_turn(cursor.blockNumber(), cursor.positionInBlock())
        return max(0, found[1]) if found is not None and found[0] == turn else 0

    def document_position(self, turn: int, offset: int) -> int:
        """The position in the view's document of `offset` in the turn's text."""
        return view_selection.document_position(self.document(), self._open_vdoc(), turn, offset)

    def turn_display_text(self, turn: int) -> str:
        """A turn's block as shown: the speaker's name, then the text (paragraph breaks as newlines)."""
        return view_selection.turn_display_text(self.document(), self._open_vdoc(), turn)

    def toPlainText(self) -> str:
        """The document's text, a long turn's pieces joined again (their block breaks are only for display)."""
        vdoc = self.vdoc
        if vdoc is None or not vdoc.pieces:
            return super().toPlainText()
        return view_selection.joined_text(self.document(), vdoc)

    def visible_turns(self) -> list[int]:
        """Indices of the turns shown, as the document has them."""
        vdoc = self.vdoc
        if vdoc is None:
            return []
        document = self.document()
        return [t for t in range(len(vdoc.turn_exchange))
                if document.findBlockByNumber(vdoc.block_of_turn(t)).isVisible()]

    def shown_headers(self) -> list[str]:
        """The exchange labels shown, read from the document."""
        vdoc = self.vdoc
        if vdoc is None:
            return []
        document = self.document()
        return [document.findBlockByNumber(block).text() for block in vdoc.header_blocks
                if document.findBlockByNumber(block).isVisible()]

    # --- highlights and margin marks ----------------------------------------------------------------------

    def set_extra_highlights(self, key: str, spans: list[Span]) -> None:
        """Highlight spans (turn index, start, end, colour or format) under `key`; an empty list clears it."""
        self._highlights.set(key, spans)

    def extra_highlight_count(self, key: str) -> int:
        return self._highlights.count(key)

    def set_margin_marks(self, marks: Mapping[tuple[str, int], Iterable[str]]) -> None:
        """Marks in the right margin, by ("turn", turn index) or ("exchange", exchange index): "bookmark" (a
        ribbon) and "note" (a note sign). They replace the previous marks; the notes code keeps them current."""
        self._decorations.set_marks(marks)
        self.viewport().update()

    def margin_marks(self) -> dict[tuple[str, int], frozenset[str]]:
        return self._decorations.marks()

    def set_headings(self, headings: Mapping[int, Heading]) -> None:
        """The titles of the sections and topics, by the turn each begins at, written where they begin (in an
        exchange's header, or above a turn inside one); they replace the previous ones."""
        self._decorations.set_headings(headings)
        self.viewport().update()

    def headings(self) -> dict[int, Heading]:
        return self._decorations.headings()

    # --- Qt events ----------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        folds = self._folds
        if folds is None or not folds.vdoc.block_count:
            super().paintEvent(event)
            return
        lines = max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))
        with self._position.held():
            formatted = self._decorations.format_blocks(self.document(), self.firstVisibleBlock(), lines + 2)
        shown = blocks_on_screen(self, folds.vdoc)
        width = self.page_width()
        exchange = self.current_exchange()
        current_header = exchange if exchange >= 0 and folds.is_collapsed(exchange) else -1
        painter = QPainter(self.viewport())
        self._decorations.paint_under_text(painter, shown, width, self.current_turn(), current_header)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        self._decorations.paint_over_text(painter, shown, width, folds, self.font())
        if self.hasFocus():  # where the keys go, as plain to see as in the docks
            paint_focus_frame(painter, QRectF(self.viewport().rect()), self._decorations.theme)
        painter.end()
        if self._announce_shown:
            self.text_painted.emit(not formatted)
            if formatted:  # the blocks formatted are measured again: the next paint shows them as they now are
                self.viewport().update()
            else:
                self._announce_shown = False
                QTimer.singleShot(0, self.text_shown.emit)
        if not self._blocks.ready and not self._announce_shown:  # ready before the first fold, made once the
            QTimer.singleShot(0, self, self._blocks.make_handles)  # text is on screen: the picture never waits

    def event(self, event: QEvent) -> bool:
        # The view's own commands must win over the text control's keys, so their keys are not claimed here and
        # reach the shortcut map; but Left and Right fold only on a header that they would fold or unfold, and
        # move the caret everywhere else.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in FOLD_KEYS and not self._caret.folds_here(event.key(), event.modifiers(), self._folds):
                event.accept()  # the caret's: the key comes to keyPressEvent, not to the fold command
                return True
            pressed = QKeySequence(event.keyCombination())
            if any(pressed in action.shortcuts() for action in self.actions() if action.isEnabled()):
                event.ignore()
                return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        with self._position.held():
            super().resizeEvent(event)
            self._update_page_width()
        self._highlights.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The caret's keys; the reading position follows the caret to the turn it moves into."""
        before = self.textCursor().position()
        with self._position.held():  # the page follows the caret: that scrolling is not the reader's own
            super().keyPressEvent(event)
            moved = self.textCursor().position() != before
            if moved:
                self._caret.leave_hidden(forward=self.textCursor().position() > before)
        if moved:
            turn = self._caret.turn()
            if turn is not None:
                self._position.move_to(turn)
            self._highlights.refresh()
            self.selection_settled.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def painted_titles(self) -> list[TitleArea]:
        """Where the titles of sections and topics are on screen, as last painted."""
        return list(self._decorations.title_areas)

    def title_at(self, point: QPointF) -> TitleArea | None:
        """The section's or topic's title painted at `point` (in the viewport), if any."""
        return next((a for a in self._decorations.title_areas if a.rect.contains(point)), None)

    def edit_title(self, area: TitleArea) -> None:
        """Rename the section or topic whose title is painted at `area`, in a field laid over it."""
        if self._title_editor is None:
            from reader.ui.title_editor import TitleEditor  # not needed for the first picture

            self._title_editor = TitleEditor(self.viewport())
            self._title_editor.renamed.connect(self.title_renamed)
            self.verticalScrollBar().valueChanged.connect(self._title_editor.finish)
        self._title_editor.edit(area)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and (title := self.title_at(event.position())) is not None:
            self._position.move_to(title.turn)  # a title is no fold's triangle: it folds nothing
            event.accept()
            return
        cursor = self.cursorForPosition(event.position().toPoint())
        block = cursor.block()
        vdoc = self.vdoc
        third = event.button() == Qt.MouseButton.LeftButton and self._triple_click.is_third(event.position())
        if vdoc is not None and block.isValid():
            kind, index = vdoc.locate(block.blockNumber())
            if kind == "header" and event.button() == Qt.MouseButton.LeftButton:
                self.toggle_exchange(index)
                self._position.move_to(vdoc.transcript.exchanges[index].first_turn)
                event.accept()
                return
            if kind == "turn":
                self._position.move_to(index)
                if event.button() == Qt.MouseButton.LeftButton and self._on_time(cursor):
                    self.time_clicked.emit(index)
                    event.accept()
                    return
            paragraph = view_selection.paragraph_selection(self.document(), vdoc, cursor.position()) if third \
                else None
            if paragraph is not None:  # a triple click: the paragraph, not the whole turn Qt would take
                self.setTextCursor(paragraph)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # A turn's time plays the recording from there: it looks like a link under the mouse.
        on_time = self._on_time(self.cursorForPosition(event.position().toPoint()))
        if on_time != (self.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor):
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if on_time else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def _on_time(self, cursor: QTextCursor) -> bool:
        """Whether a place in the text is on the start time shown before a turn's speaker."""
        vdoc = self.vdoc
        block = cursor.block()
        if vdoc is None or not block.isValid() or vdoc.continues(block.blockNumber()):
            return False
        kind, index = vdoc.locate(block.blockNumber())
        return kind == "turn" and cursor.positionInBlock() < len(vdoc.times[index].rstrip())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and (title := self.title_at(event.position())) is not None:
            self.edit_title(title)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._triple_click.double_clicked(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self._snap_to_words and self.textCursor().hasSelection():
            snapped = view_selection.snapped_to_words(self.textCursor())
            if (snapped.anchor(), snapped.position()) != (self.textCursor().anchor(), self.textCursor().position()):
                self.setTextCursor(snapped)
        self.selection_settled.emit()
