"""The sidebar: one row per pane with its icon, name and a count where it helps."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mailtrixy_desktop.ui import icons
from mailtrixy_desktop.ui.i18n import number

BADGE_ROLE = Qt.ItemDataRole.UserRole + 1
PANE_ROLE = Qt.ItemDataRole.UserRole + 2  # the pane's objectName
ICON_ROLE = Qt.ItemDataRole.UserRole + 3  # the icon's name, to draw it again in another colour


class _NavigationDelegate(QStyledItemDelegate):
    """A rounded row: icon, title, and a count pill on the right; painted whole, so the
    look does not depend on the style's idea of a selected list item."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width() or 180, max(option.fontMetrics.height() + 18, 36))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect = option.rect.adjusted(4, 1, -4, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            fill = QColor(palette.highlight().color())
            fill.setAlpha(255 if selected else 40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 6, 6)
        text_color = palette.highlightedText().color() if selected else palette.windowText().color()
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        left = rect.left() + 10
        if isinstance(icon, QIcon):
            size = 18
            icon_rect = QRect(left, rect.center().y() - size // 2 + 1, size, size)
            name = index.data(ICON_ROLE)
            drawn = icons.icon(name, text_color) if selected and name else icon
            drawn.paint(painter, icon_rect)
            left += size + 10
        badge = index.data(BADGE_ROLE)
        right = rect.right() - 8
        if badge:
            font = QFont(option.font)
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            font.setBold(True)
            painter.setFont(font)
            label = number(badge) if badge < 100_000 else "99k+"
            width = painter.fontMetrics().horizontalAdvance(label) + 14
            height = painter.fontMetrics().height() + 4
            pill = QRect(right - width, rect.center().y() - height // 2 + 1, width, height)
            pill_color = (
                palette.highlightedText().color() if selected else palette.highlight().color()
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pill_color)
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(
                palette.highlight().color() if selected else palette.highlightedText().color()
            )
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
            right = pill.left() - 6
        font = QFont(option.font)
        font.setBold(selected)
        painter.setFont(font)
        painter.setPen(text_color)
        title_rect = QRect(left, rect.top(), max(0, right - left), rect.height())
        title = painter.fontMetrics().elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title
        )
        painter.restore()


class Navigation(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Navigation"))
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setItemDelegate(_NavigationDelegate(self))
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(1)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QListView#navigation { background: palette(window); padding: 4px; }")

    def add(self, title: str, icon_name: str, object_name: str, shortcut: str) -> None:
        item = QStandardItem(icons.icon(icon_name), title)
        item.setData(object_name, PANE_ROLE)
        item.setData(icon_name, ICON_ROLE)
        item.setToolTip(f"{title} ({shortcut})")
        item.setAccessibleText(title)
        self.model_.appendRow(item)

    def set_badge(self, row: int, count: int | None) -> None:
        item = self.model_.item(row)
        if item is not None and item.data(BADGE_ROLE) != count:
            item.setData(count, BADGE_ROLE)
            title = item.text()
            item.setAccessibleText(f"{title}, {count}" if count else title)
