"""Paints one conversation in the list: who, when, what about, the last words, and
its labels and assignee, in three lines; unread ones in bold with a dot."""

from __future__ import annotations

import zlib

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

from mailtrixy_desktop.store.conversations import ConversationRow
from mailtrixy_desktop.ui.inbox.list_model import DRAFT_ROLE, ROW_ROLE, relative_time

PAD_X = 12
PAD_Y = 8
GAP = 3


def initials(name: str) -> str:
    words = [w for w in name.replace(".", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def label_color(label: str, palette: QPalette) -> QColor:
    """A stable colour per label name that reads on the palette's base."""
    hue = zlib.crc32(label.lower().encode()) % 360
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor.fromHsl(hue, 150, 70 if dark else 200)


class ConversationDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(option.rect.width() or 360, PAD_Y * 2 + line * 3 + GAP * 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ConversationRow):
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
            hover.setAlpha(30)
            painter.fillRect(rect, hover)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_color)
        muted.setAlpha(170 if selected else 140)
        accent = (
            palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else palette.color(QPalette.ColorRole.Highlight)
        )

        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        line = QFontMetrics(base).height()
        left = rect.left() + PAD_X + 8
        right = rect.right() - PAD_X
        y = rect.top() + PAD_Y

        if row.unread:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawEllipse(QRectF(rect.left() + 6, y + line / 2 - 3.5, 7, 7))

        # Line 1: the contact, and when.
        when = relative_time(row.last_message_at or row.created_at)
        painter.setFont(bold if row.unread else base)
        time_width = painter.fontMetrics().horizontalAdvance(when)
        painter.setPen(accent if row.unread else muted)
        painter.drawText(
            QRect(right - time_width, y, time_width, line), Qt.AlignmentFlag.AlignRight, when
        )
        painter.setPen(text_color)
        name_width = right - time_width - 8 - left
        painter.drawText(
            QRect(left, y, name_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                row.contact_name, Qt.TextElideMode.ElideRight, name_width
            ),
        )

        # Line 2: the subject, a status other than open, pending, and the message count.
        y += line + GAP
        tail = right
        count = str(row.messages_count)
        painter.setFont(small)
        pill_w = painter.fontMetrics().horizontalAdvance(count) + 12
        pill = QRectF(tail - pill_w, y + 1, pill_w, line - 2)
        pill_color = QColor(muted)
        pill_color.setAlpha(45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pill_color)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(text_color)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count)
        tail -= pill_w + 6
        marks: list[str] = []
        if row.status != "open":
            marks.append(
                QCoreApplication.translate("ConversationDelegate", "Snoozed")
                if row.status == "snoozed"
                else QCoreApplication.translate("ConversationDelegate", "Closed")
                if row.status == "closed"
                else row.status.capitalize()
            )
        if row.pending:
            marks.append(QCoreApplication.translate("ConversationDelegate", "Pending"))
        if marks:
            text = " · ".join(marks)
            width = painter.fontMetrics().horizontalAdvance(text)
            painter.setPen(muted)
            painter.drawText(
                QRect(tail - width, y, width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            tail -= width + 8
        painter.setFont(bold if row.unread else base)
        painter.setPen(text_color)
        painter.drawText(
            QRect(left, y, tail - left, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(row.subject, Qt.TextElideMode.ElideRight, tail - left),
        )

        # Line 3: the last words, then labels and the assignee's initials on the right.
        y += line + GAP
        tail = right
        painter.setFont(small)
        metrics = painter.fontMetrics()
        if row.assignee is not None:
            letters = initials(row.assignee.name)
            size = max(line, metrics.horizontalAdvance(letters) + 8)
            circle = QRectF(tail - size, y + (line - size) / 2, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(label_color(row.assignee.name, palette))
            painter.drawEllipse(circle)
            painter.setPen(
                QColor("#1b1b1b")
                if palette.color(QPalette.ColorRole.Base).lightness() >= 128
                else QColor("#f4f4f4")
            )
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, letters)
            tail -= size + 6
        for label in reversed(row.labels[:3]):
            width = metrics.horizontalAdvance(label) + 12
            if tail - width < left + 80:
                break
            chip = QRectF(tail - width, y + 1, width, line - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(label_color(label, palette))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(
                QColor("#1b1b1b")
                if palette.color(QPalette.ColorRole.Base).lightness() >= 128
                else QColor("#f4f4f4")
            )
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            tail -= width + 4
        x = left
        if index.data(DRAFT_ROLE):
            draft = QCoreApplication.translate("ConversationDelegate", "Draft")
            painter.setPen(QColor("#c0392b") if not selected else text_color)
            painter.drawText(QRect(x, y, tail - x, line), Qt.AlignmentFlag.AlignVCenter, draft)
            x += metrics.horizontalAdvance(draft) + 6
        snippet = row.last_snippet or ""
        if snippet and row.last_direction == "outbound":
            snippet = QCoreApplication.translate("ConversationDelegate", "You: {text}").format(
                text=snippet
            )
        painter.setPen(muted)
        painter.drawText(
            QRect(x, y, tail - 6 - x, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(snippet, Qt.TextElideMode.ElideRight, max(0, tail - 6 - x)),
        )

        separator = QColor(palette.color(QPalette.ColorRole.Mid))
        separator.setAlpha(90)
        painter.setPen(separator)
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())
        painter.restore()
