"""The search bar's result list: one row per match with its exchange, speaker and the words around it, the
matched words in bold on the theme's match colour."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.model import Transcript
from reader.core.search import Match, context
from reader.ui.plain_text import tooltip

MatchRole = Qt.ItemDataRole.UserRole + 1  # the match as (turn index, start, end)
PartsRole = Qt.ItemDataRole.UserRole + 2  # ("Q3 Speaker: ", before, hit, after), for painting
_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """One row per match: exchange, speaker and the words around it. Rows are made when shown, so a
    search with 100,000 matches costs nothing until the list is scrolled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._transcript: Transcript | None = None
        self._matches: Sequence[Match] = ()
        self._names: dict[str, str] = {}

    def set_results(self, transcript: Transcript | None, matches: Sequence[Match], names: dict[str, str]) -> None:
        self.beginResetModel()
        self._transcript, self._matches, self._names = transcript, matches, names
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._transcript is None or not 0 <= index.row() < len(self._matches):
            return None
        match = self._matches[index.row()]
        if role == MatchRole:
            return tuple(match)
        if role in (Qt.ItemDataRole.DisplayRole, PartsRole):
            turn = self._transcript.turns[match.turn_index]
            label = self._transcript.exchange_of(match.turn_index).label
            parts = (f"{label} {self._names.get(turn.speaker, turn.speaker)}: ",
                     *context(self._transcript, match, 50))
            return "".join(parts) if role == Qt.ItemDataRole.DisplayRole else parts
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip("".join(context(self._transcript, match, 200)))  # the words as written, never markup
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a result row as its parts: where (muted), the words before, the hit (bold, marked), the words after."""

    def __init__(self, match_color: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.match_color = match_color

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        parts = index.data(PartsRole)
        if not parts:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText)
        bold = QFont(option.font)
        bold.setBold(True)
        rect = option.rect.adjusted(4, 0, -4, 0)
        x = rect.left()
        painter.save()
        painter.setClipRect(rect)
        for part, (font, color) in zip(parts, ((option.font, muted), (option.font, text), (bold, text),
                                              (option.font, text)), strict=True):
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(part)
            if font is bold:
                painter.fillRect(x, rect.top() + 1, width, rect.height() - 2, self.match_color)
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(x, rect.top(), width, rect.height(),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), part)
            x += width
            if x > rect.right():
                break
        painter.restore()
