"""What the reading view draws around its text, and the colours of the text itself: interviewer shading, the
current-turn bar, disclosure triangles, the summary line of a folded exchange, the titles of the sections and
topics where they begin, bookmark and note marks in the margin, and the block formats set as blocks come on
screen (`highlight.BlockFormatter`). Only the blocks on screen are visited.

A section's or topic's title is written in the rule of the header of the exchange it begins with ("Q3  Part 2:
The cannery › Sardines ────"); one that begins inside an exchange (on an answer, in a member's round of
questions) in the blank line above the turn it begins at, as a rule of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.fold_state import FoldState
from reader.ui.highlight import BlockFormatter
from reader.ui.themes import THEMES, Theme
from reader.ui.view_document import ViewDocument

if TYPE_CHECKING:  # the titles come with the topics, found after the first picture
    from reader.core.topics.outline import Heading

@dataclass(frozen=True, slots=True)
class TitleArea:
    """Where a section's or a topic's title was last painted, for the view to find under the mouse."""

    rect: QRectF  # in the viewport's coordinates
    turn: int  # the first turn of the section or topic
    level: str  # "section" or "topic"
    label: str  # the title in full (the painting may have elided it)


GUTTER = 30  # the document margin: room on the left for the triangles and the current-turn bar
FOCUS_ALPHA = 0.6  # of the focus frame's accent: lighter than the marks' accent, so never taken for one


@dataclass(frozen=True, slots=True)
class ShownBlock:
    block: QTextBlock
    number: int
    rect: QRectF  # in viewport coordinates
    kind: str  # "header" or "turn"
    index: int  # exchange or turn index
    continued: bool = False  # a long turn's piece that the next block continues (no blank line at its end)


def text_bottom(shown: ShownBlock) -> float:
    """Bottom of a turn's text, above the blank line that ends its block."""
    layout = shown.block.layout()
    count = layout.lineCount()
    if shown.kind == "turn" and count >= 2 and not shown.continued:
        return shown.rect.top() + layout.lineAt(count - 2).rect().bottom()
    return shown.rect.bottom()


def blocks_on_screen(editor: QPlainTextEdit, vdoc: ViewDocument) -> list[ShownBlock]:
    """The visible blocks from the top of the editor's viewport to its bottom."""
    offset = editor.contentOffset()
    height = editor.viewport().height()
    shown = []
    block = editor.firstVisibleBlock()
    while block.isValid():
        if block.isVisible():
            rect = editor.blockBoundingGeometry(block).translated(offset)
            if rect.top() > height:
                break
            number = block.blockNumber()
            kind, index = vdoc.locate(number)
            shown.append(ShownBlock(block, number, rect, kind, index, vdoc.continues(number + 1)))
        block = block.next()
    return shown


class Decorations:
    """What the view paints in one theme, with the margin marks it is given; `reset` for each new document."""

    def __init__(self) -> None:
        self.theme: Theme = THEMES["light"]
        self._vdoc: ViewDocument | None = None
        self._formatter = BlockFormatter()
        self._marks: dict[tuple[str, int], frozenset[str]] = {}
        self._headings: dict[int, Heading] = {}
        self.title_areas: list[TitleArea] = []  # of the last paint

    def reset(self, vdoc: ViewDocument) -> None:
        """A new document: its blocks are formatted again as they come on screen."""
        self._vdoc = vdoc
        self.title_areas = []
        self._formatter.reset(vdoc, self.theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._formatter.reset(self._vdoc, theme)

    def set_marks(self, marks: Mapping[tuple[str, int], Iterable[str]]) -> None:
        self._marks = {place: frozenset(kinds) for place, kinds in marks.items() if kinds}

    def marks(self) -> dict[tuple[str, int], frozenset[str]]:
        return dict(self._marks)

    def set_headings(self, headings: Mapping[int, Heading]) -> None:
        self._headings = dict(headings)

    def headings(self) -> dict[int, Heading]:
        return dict(self._headings)

    def has_heading(self, turn: int) -> bool:
        return turn in self._headings

    def format_blocks(self, document: QTextDocument, first: QTextBlock, count: int) -> bool:
        """Set the colours of the `count` visible blocks from `first` on that have none yet; False when all had."""
        return self._formatter.ensure(document, first, count)

    def paint_under_text(self, painter: QPainter, shown: list[ShownBlock], width: float, current_turn: int,
                         current_header: int) -> None:
        if self._vdoc is not None:
            paint_backgrounds(painter, shown, self._vdoc, self.theme, width, current_turn, current_header)

    def paint_over_text(self, painter: QPainter, shown: list[ShownBlock], width: float, folds: FoldState,
                        font: QFont) -> None:
        if self._vdoc is None:
            return
        self.title_areas = []
        paint_headers(painter, shown, self._vdoc, self.theme, width, folds, font, self._headings, self.title_areas)
        if self._headings:
            paint_boundaries(painter, shown, self._vdoc, self.theme, width, font, self._headings, self.title_areas)
        if self._marks:  # beside a turn's first line, not beside each piece of a long one
            paint_marks(painter, [s for s in shown if not self._vdoc.continues(s.number)], self.theme, width,
                        self._marks)


def paint_backgrounds(painter: QPainter, shown: list[ShownBlock], vdoc: ViewDocument, theme: Theme,
                      width: float, current_turn: int, current_header: int) -> None:
    band = QColor(theme.band)
    for item in shown:
        if item.kind == "turn" and vdoc.is_interviewer[item.index]:
            bottom = text_bottom(item)
            painter.fillRect(QRectF(0, item.rect.top() - 2, width, bottom - item.rect.top() + 6), band)
    accent = QColor(theme.accent)
    for item in shown:
        if (item.kind == "turn" and item.index == current_turn) or (
                item.kind == "header" and item.index == current_header):
            bottom = text_bottom(item)
            painter.fillRect(QRectF(4, item.rect.top(), 3, bottom - item.rect.top()), accent)


def paint_headers(painter: QPainter, shown: list[ShownBlock], vdoc: ViewDocument, theme: Theme, width: float,
                  folds: FoldState, font: QFont, headings: Mapping[int, Heading], areas: list[TitleArea]) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = QFontMetricsF(font)
    bold = QFont(font)
    bold.setBold(True)
    # Summaries start in one column, past the widest label, so they read as a list.
    column = QFontMetricsF(bold).horizontalAdvance(vdoc.widest_label) + metrics.averageCharWidth() * 1.5
    muted = QColor(theme.muted)
    painter.setFont(font)
    exchanges = vdoc.transcript.exchanges
    for item in shown:
        if item.kind != "header":
            continue
        line = item.block.layout().lineAt(0)
        if not line.isValid():
            continue
        top = item.rect.top() + line.y()
        middle = top + line.height() / 2
        folded = folds.is_collapsed(item.index)
        _triangle(painter, QPointF(GUTTER / 2 + 2, middle), metrics.height() * 0.28, folded, muted)
        start = GUTTER + max(line.naturalTextWidth() + metrics.averageCharWidth() * 1.5, column)
        row = QRectF(start, top, width - GUTTER - start, line.height())
        first = exchanges[item.index].first_turn
        heading = headings.get(first)
        question, length = vdoc.summary(item.index) if folded else ("", "")
        length = f"  ·  {length}" if folded else ""
        if heading is not None:  # a folded exchange's length always shows, after the title if need be
            titles = QRectF(row)
            titles.setRight(row.right() - metrics.horizontalAdvance(length))
            row.setLeft(_title(painter, titles, heading, theme, font, first, areas) + metrics.averageCharWidth() * 1.5)
        if folded:
            question = f"—  {question}" if heading is not None else question  # apart from the title before it
            room = row.width() - metrics.horizontalAdvance(length)
            text = metrics.elidedText(question, Qt.TextElideMode.ElideRight, max(room, 0)) + length
            painter.setPen(muted)
            painter.setFont(font)
            painter.drawText(row, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        else:
            _rule(painter, row.left(), width - GUTTER, middle, theme)


def paint_boundaries(painter: QPainter, shown: list[ShownBlock], vdoc: ViewDocument, theme: Theme, width: float,
                     font: QFont, headings: Mapping[int, Heading], areas: list[TitleArea]) -> None:
    """The titles of the sections and topics that begin inside an exchange, in the blank line above their turn."""
    metrics = QFontMetricsF(font)
    for above, item in pairwise(shown):
        heading = headings.get(item.index) if item.kind == "turn" else None
        if heading is None or above.kind != "turn" or above.continued \
                or vdoc.turn_exchange[above.index] != vdoc.turn_exchange[item.index]:
            continue  # not a boundary inside an exchange, or no blank line above it on screen
        bottom = text_bottom(above)
        row = QRectF(GUTTER, bottom, width - 2 * GUTTER, max(item.rect.top() - bottom, metrics.height()))
        end = _title(painter, row, heading, theme, font, item.index, areas)
        _rule(painter, end + metrics.averageCharWidth() * 1.5, width - GUTTER, row.center().y(), theme)


def _title(painter: QPainter, row: QRectF, heading: Heading, theme: Theme, font: QFont, turn: int,
           areas: list[TitleArea]) -> float:
    """Write a heading at the left of `row`, elided to it: the section's title in bold, in the accent colour, the
    topic's in the muted one, each added to `areas`. Returns where the writing ends."""
    x = row.left()
    for label, colour, strong, level in ((heading.section, theme.accent, True, "section"),
                                         (heading.topic, theme.muted, False, "topic")):
        if not label:
            continue
        text = f" › {label}" if x > row.left() else label
        face = QFont(font)
        face.setBold(strong)
        metrics = QFontMetricsF(face)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(row.right() - x, 0))
        painter.setFont(face)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(x, row.top(), row.right() - x, row.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        advance = metrics.horizontalAdvance(shown)
        areas.append(TitleArea(QRectF(x, row.top(), advance, row.height()), turn, level, label))
        x += advance
    painter.setFont(font)
    return x


def _rule(painter: QPainter, left: float, right: float, y: float, theme: Theme) -> None:
    if right - left < 8:
        return
    colour = QColor(theme.muted)
    colour.setAlphaF(0.35)
    painter.setPen(colour)
    painter.drawLine(QPointF(left, y), QPointF(right, y))


def paint_marks(painter: QPainter, shown: list[ShownBlock], theme: Theme, width: float,
                marks: dict[tuple[str, int], frozenset[str]]) -> None:
    """Bookmark ribbons and note signs in the right margin, beside the first line of a marked turn or header."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    accent, muted = QColor(theme.accent), QColor(theme.muted)
    for item in shown:
        kinds = marks.get(("exchange" if item.kind == "header" else "turn", item.index))
        if not kinds:
            continue
        line = item.block.layout().lineAt(0)
        top = item.rect.top() + (line.y() if line.isValid() else 0)
        height = line.height() if line.isValid() else 12.0
        x = width - GUTTER + 6
        if "bookmark" in kinds:
            ribbon = QPainterPath()
            ribbon.moveTo(x, top + 1)
            ribbon.lineTo(x + 8, top + 1)
            ribbon.lineTo(x + 8, top + height)
            ribbon.lineTo(x + 4, top + height - 4)
            ribbon.lineTo(x, top + height)
            ribbon.closeSubpath()
            painter.fillPath(ribbon, accent)
        if "note" in kinds:
            left = x + 11
            painter.setPen(muted)
            painter.drawRoundedRect(QRectF(left, top + 2, 9, height - 4), 1.5, 1.5)
            for step in (0.35, 0.6):
                y = top + 2 + (height - 4) * step
                painter.drawLine(QPointF(left + 2, y), QPointF(left + 7, y))


def paint_focus_frame(painter: QPainter, page: QRectF, theme: Theme) -> None:
    """The frame that says the keys go to the text: two pixels in the margins either side, one over the first and
    last lines, so their words stay readable."""
    colour = QColor(theme.accent)
    colour.setAlphaF(FOCUS_ALPHA)
    painter.fillRect(QRectF(page.left(), page.top(), 2, page.height()), colour)
    painter.fillRect(QRectF(page.right() - 1, page.top(), 2, page.height()), colour)
    painter.fillRect(QRectF(page.left(), page.top(), page.width(), 1), colour)
    painter.fillRect(QRectF(page.left(), page.bottom(), page.width(), 1), colour)


def _triangle(painter: QPainter, centre: QPointF, size: float, folded: bool, color: QColor) -> None:
    """▸ when folded, ▾ when open."""
    path = QPainterPath()
    x, y = centre.x(), centre.y()
    if folded:
        path.moveTo(x - size * 0.6, y - size)
        path.lineTo(x + size * 0.9, y)
        path.lineTo(x - size * 0.6, y + size)
    else:
        path.moveTo(x - size, y - size * 0.6)
        path.lineTo(x + size, y - size * 0.6)
        path.lineTo(x, y + size * 0.9)
    path.closeSubpath()
    painter.fillPath(path, color)
