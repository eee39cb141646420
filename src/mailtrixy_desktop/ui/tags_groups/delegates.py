"""How a tag or a group row is painted: a colour swatch or a description, and a count.

Colours come from the palette of the view, so the rows follow the system's light
or dark theme; only the tag's own swatch has a fixed colour.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mailtrixy_desktop.ui.tags_groups.models import (
    ColorRole,
    CountRole,
    DescriptionRole,
    PendingRole,
    plural,
)

Index = QModelIndex | QPersistentModelIndex
_PAD = 10
_SWATCH = 14


class _RowDelegate(QStyledItemDelegate):
    noun = "item"
    lines = 1

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, height * self.lines + 4 * (self.lines - 1) + 2 * _PAD - 2)

    def _background(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        # The style draws the selection and hover in the platform's way; we draw the text.
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

    @staticmethod
    def _text_colors(option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        main = option.palette.color(group, role)
        muted = QColor(main)
        muted.setAlphaF(0.62)
        return main, muted

    def _count(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, rect: QRect
    ) -> int:
        """Paint "N contacts" at the right of ``rect``; its width."""
        _, muted = self._text_colors(option)
        text = plural(int(index.data(CountRole) or 0), self.noun)
        if index.data(PendingRole):
            text += QCoreApplication.translate("TagsGroupsDelegate", " · not sent")
        width = option.fontMetrics.horizontalAdvance(text)
        painter.setPen(muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        return width


class TagDelegate(_RowDelegate):
    noun = "contact"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        self._background(painter, option)
        rect = option.rect.adjusted(_PAD, 0, -_PAD, 0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = index.data(ColorRole)
        swatch = QRect(0, 0, _SWATCH, _SWATCH)
        swatch.moveCenter(rect.center())
        swatch.moveLeft(rect.left())
        main, muted = self._text_colors(option)
        if isinstance(color, QColor):
            painter.setBrush(color)
            painter.setPen(color.darker(130))
        else:  # no colour yet: an outline, not a made-up colour
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(muted)
        painter.drawEllipse(swatch)
        text_rect = rect.adjusted(_SWATCH + 10, 0, 0, 0)
        count_width = self._count(painter, option, index, text_rect)
        painter.setPen(main)
        name_rect = text_rect.adjusted(0, 0, -(count_width + 12), 0)
        name = option.fontMetrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, name_rect.width()
        )
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name
        )
        painter.restore()


class GroupDelegate(_RowDelegate):
    noun = "member"
    lines = 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        self._background(painter, option)
        main, muted = self._text_colors(option)
        metrics = option.fontMetrics
        rect = option.rect.adjusted(_PAD, _PAD - 1, -_PAD, -(_PAD - 1))
        first = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        second = QRect(
            rect.left(), rect.bottom() - metrics.height() + 1, rect.width(), metrics.height()
        )
        count_width = self._count(painter, option, index, first)
        name_rect = first.adjusted(0, 0, -(count_width + 12), 0)
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(main)
        name = painter.fontMetrics().elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, name_rect.width()
        )
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name
        )
        painter.setFont(option.font)
        painter.setPen(muted)
        description = str(index.data(DescriptionRole) or "") or QCoreApplication.translate(
            "TagsGroupsDelegate", "No description"
        )
        description = metrics.elidedText(description, Qt.TextElideMode.ElideRight, second.width())
        painter.drawText(
            second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, description
        )
        painter.restore()
