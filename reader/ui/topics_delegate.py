"""How a topic row looks: its label, and under it in muted type its span and share, with a bar for the share."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.topics_model import ShareRole, SpanRole

PAD_X, PAD_Y, GAP = 8, 5, 2
BAR_WIDTH = 60  # the bar of a topic holding the whole interview; most are a few pixels to a third of this


class TopicDelegate(QStyledItemDelegate):
    def _detail_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        label = QFontMetrics(option.font).height()
        detail = QFontMetrics(self._detail_font(option)).height()
        return QSize(120, PAD_Y * 2 + label + GAP + detail)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the panel draws its own two lines over the styled background
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.65)
        area = opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        font = index.data(Qt.ItemDataRole.FontRole)
        label_font = QFont(opt.font) if not isinstance(font, QFont) else QFont(font)
        label_font.setPointSizeF(opt.font.pointSizeF())
        label_metrics = QFontMetrics(label_font)
        detail_font = self._detail_font(opt)
        detail_metrics = QFontMetrics(detail_font)

        painter.save()
        painter.setFont(label_font)
        painter.setPen(text_color)
        label = str(index.data(Qt.ItemDataRole.EditRole) or "")
        label_rect = QRect(area.left(), area.top(), area.width(), label_metrics.height())
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         label_metrics.elidedText(label, Qt.TextElideMode.ElideRight, area.width()))

        share = float(index.data(ShareRole) or 0.0)
        detail = f"{index.data(SpanRole)} · {share:.0%}"
        top = label_rect.bottom() + GAP
        detail_rect = QRect(area.left(), top, area.width() - BAR_WIDTH - PAD_X, detail_metrics.height())
        painter.setFont(detail_font)
        painter.setPen(muted)
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         detail_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, detail_rect.width()))
        bar = QRect(area.right() - BAR_WIDTH, top + detail_metrics.height() // 2 - 2, BAR_WIDTH, 4)
        track = QColor(muted)
        track.setAlphaF(0.15)
        painter.fillRect(bar, track)
        painter.fillRect(QRect(bar.left(), bar.top(), max(1, round(BAR_WIDTH * share)), bar.height()), muted)
        painter.restore()
