"""Paints one campaign in the list: name and status, subject and when, then the
recipients and the five rates; a send in progress has a thin progress line."""

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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store.campaigns import CampaignRow
from mailtrixy_desktop.ui.campaigns.formatting import (
    count_text,
    has_figures,
    rates,
    status_color,
    status_title,
    timing,
)
from mailtrixy_desktop.ui.campaigns.list_model import ROW_ROLE
from mailtrixy_desktop.ui.i18n import translated

PAD_X = 14
PAD_Y = 9
GAP = 4
SHORT_LABELS = {
    "Delivered": QT_TRANSLATE_NOOP("CampaignDelegate", "Delivered"),
    "Opened": QT_TRANSLATE_NOOP("CampaignDelegate", "Opened"),
    "Clicked": QT_TRANSLATE_NOOP("CampaignDelegate", "Clicked"),
    "Bounced": QT_TRANSLATE_NOOP("CampaignDelegate", "Bounced"),
    "Unsubscribed": QT_TRANSLATE_NOOP("CampaignDelegate", "Unsub."),
}


def status_pill(
    painter: QPainter,
    right: int,
    top: int,
    status: str,
    font: QFont,
    palette: QPalette,
    *,
    on_highlight: QColor | None = None,
) -> QRect:
    """Draw the status as a rounded pill ending at ``right``; returns where it went. On
    a selected row (``on_highlight``: its text colour) the pill takes that colour, as
    no hue reads on every highlight."""
    title = status_title(status)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(title) + 14
    height = metrics.height() + 4
    rect = QRect(right - width, top, width, height)
    color = on_highlight if on_highlight is not None else status_color(status, palette)
    fill = QColor(color)
    fill.setAlphaF(0.22 if on_highlight is not None else 0.16)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(rect), height / 2, height / 2)
    painter.setPen(color)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, title)
    painter.restore()
    return rect


class CampaignDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(option.rect.width() or 420, PAD_Y * 2 + line * 3 + GAP * 2 + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, CampaignRow):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(palette.color(QPalette.ColorRole.Highlight))
            hover.setAlpha(28)
            painter.fillRect(rect, hover)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text)
        muted.setAlpha(185 if selected else 150)

        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        line = QFontMetrics(base).height()
        inner = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)

        # Line 1: the name, the status pill on the right.
        pill = status_pill(
            painter,
            inner.right(),
            inner.top() - 1,
            row.status,
            small,
            palette,
            on_highlight=text if selected else None,
        )
        name = row.name + (" ◷" if row.pending else "")
        painter.setFont(bold)
        painter.setPen(text)
        name_rect = QRect(inner.left(), inner.top(), pill.left() - inner.left() - 8, line)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()),
        )

        # Line 2: the subject, when on the right.
        top = inner.top() + line + GAP
        painter.setFont(small)
        # Who and when on the right, so the third line has room for all five rates.
        when = f"{count_text(row.recipients_count, 'recipient')} · {timing(row)}"
        small_metrics = QFontMetrics(small)
        when_width = small_metrics.horizontalAdvance(when)
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.right() - when_width, top, when_width, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            when,
        )
        painter.setFont(base)
        painter.setPen(text)
        subject_rect = QRect(inner.left(), top, inner.width() - when_width - 12, line)
        painter.drawText(
            subject_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(base).elidedText(
                row.subject, Qt.TextElideMode.ElideRight, subject_rect.width()
            ),
        )

        # Line 3: the five rates (label muted, figure in text colour); closer together
        # when the list is narrow, and what still does not fit is in the tooltip.
        top += line + GAP
        painter.setFont(small)
        x = inner.left()
        pieces: list[tuple[str, bool]] = []
        rate_metrics = small_metrics
        if has_figures(row):
            # Closer together, then a smaller font (longer labels in some languages),
            # before anything is left to the tooltip.
            tiny = QFont(small)
            tiny.setPointSizeF(base.pointSizeF() * 0.8)
            tiny_metrics = QFontMetrics(tiny)
            for gap, metrics in (
                ("    ", small_metrics),
                ("  ", small_metrics),
                (" ", small_metrics),
                (" ", tiny_metrics),
            ):
                pieces = []
                for number, rate in enumerate(rates(row)):
                    label = translated(SHORT_LABELS[rate.label])
                    pieces.append((f"{gap if number else ''}{label} ", True))
                    pieces.append((rate.percent(), False))
                rate_metrics = metrics
                needed = sum(metrics.horizontalAdvance(p) for p, _quiet in pieces)
                if needed <= inner.width():
                    break
            if rate_metrics is tiny_metrics:
                painter.setFont(tiny)
        else:
            pieces.append((QCoreApplication.translate("CampaignDelegate", "Not sent yet"), True))
        for piece, quiet in pieces:
            width = rate_metrics.horizontalAdvance(piece)
            if x + width > inner.right():
                break  # a narrow list shows what fits; the tooltip has all of it
            painter.setPen(muted if quiet else text)
            painter.drawText(
                QRect(x, top, width + 1, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                piece,
            )
            x += width

        # A send in progress: how far it got, as a thin line under the row.
        if row.status == "sending" and row.recipients_count:
            done = min(1.0, (row.delivered + row.bounced) / row.recipients_count)
            track = QRect(inner.left(), rect.bottom() - 4, inner.width(), 3)
            back = QColor(text)
            back.setAlpha(40)
            painter.fillRect(track, back)
            bar = QColor(text if selected else status_color("sending", palette))
            painter.fillRect(QRect(track.left(), track.top(), int(track.width() * done), 3), bar)

        # A hairline between rows.
        if not selected:
            rule = QColor(palette.color(QPalette.ColorRole.Text))
            rule.setAlpha(22)
            painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), rule)
        painter.restore()


__all__ = ["CampaignDelegate", "status_pill"]
