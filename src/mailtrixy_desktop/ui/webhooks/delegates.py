"""How a webhook row is painted: its URL, its events underneath, and an Active/Paused pill.

Colours come from the view's palette, so rows follow the light or dark theme;
only the pill's tint is fixed (green for active, amber for paused), drawn
translucent so it reads on both backgrounds.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mailtrixy_desktop.ui.webhooks.models import ActiveRole, EventsTextRole, PendingRole

Index = QModelIndex | QPersistentModelIndex
_PAD = 12
_ACTIVE = QColor("#2f9e63")
_PAUSED = QColor("#c98a16")
_PENDING = QColor("#808080")


class WebhookDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(240, 2 * height + 6 + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        # The style draws selection and hover the platform's way; the text is ours.
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        main = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(main)
        muted.setAlphaF(0.62)
        metrics = option.fontMetrics
        rect = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)

        # The pill, right-aligned on the first line.
        pending = bool(index.data(PendingRole))
        active = bool(index.data(ActiveRole))
        label = (
            QCoreApplication.translate("WebhooksModel", "Deleting…")
            if pending
            else QCoreApplication.translate("WebhooksModel", "Active")
            if active
            else QCoreApplication.translate("WebhooksModel", "Paused")
        )
        tint = _PENDING if pending else (_ACTIVE if active else _PAUSED)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        small.setWeight(QFont.Weight.DemiBold)
        painter.setFont(small)
        pill_metrics = painter.fontMetrics()
        pill_w = pill_metrics.horizontalAdvance(label) + 18
        pill_h = pill_metrics.height() + 4
        pill = QRectF(
            rect.right() - pill_w, rect.top() + (metrics.height() - pill_h) / 2, pill_w, pill_h
        )
        fill = QColor(tint)
        fill.setAlphaF(0.18)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
        text_tint = QColor(tint) if not selected else main
        painter.setPen(text_tint)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)

        # The URL (elided in the middle: the host and the path's end both matter).
        first = QRect(rect.left(), rect.top(), rect.width() - int(pill_w) - 12, metrics.height())
        url_font = QFont(option.font)
        url_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(url_font)
        painter.setPen(main)
        url = painter.fontMetrics().elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideMiddle, first.width()
        )
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, url)

        second = QRect(rect.left(), first.bottom() + 6, rect.width(), metrics.height())
        painter.setFont(option.font)
        painter.setPen(muted)
        events = metrics.elidedText(
            str(index.data(EventsTextRole) or ""), Qt.TextElideMode.ElideRight, second.width()
        )
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, events)
        painter.restore()
