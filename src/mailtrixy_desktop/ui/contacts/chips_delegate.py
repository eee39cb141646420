"""Tags as coloured rounded chips, groups as plain ones, painted (no widget per cell).

A chip that does not fit gives way to a "+N" for it and the rest, so a row
stays one line high however many tags a contact has.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

PAD_X = 7  # inside a chip, either side of its text
GAP = 4  # between chips
MARGIN = 4  # between the cell's edge and the first chip
PIXMAPS_KEPT = 600  # painted cells kept: a few screens of distinct tag sets


def tag_color(name: str, color: str | None) -> QColor:
    """The tag's own colour, or a steady one made from its name (same name, same hue)."""
    if color:
        parsed = QColor(color)
        if parsed.isValid():
            return parsed
    hue = zlib.crc32(name.encode()) % 360
    return QColor.fromHsl(hue, 150, 120)


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    # Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at ~0.179.
    return QColor(Qt.GlobalColor.black) if luminance > 0.179 else QColor(Qt.GlobalColor.white)


class ChipsDelegate(QStyledItemDelegate):
    """Paints the chips ``chips_role`` gives: (name, colour) pairs, or plain names."""

    def __init__(self, chips_role: int, *, coloured: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = chips_role
        self._coloured = coloured
        # Painting asks for the same few tags over and over: their colours and widths
        # are worked out once (widths again when the font changes).
        self._colors: dict[tuple[str, str | None], tuple[QColor, QColor]] = {}
        self._widths: dict[str, int] = {}
        self._font_key = ""
        self._pixmaps: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()

    def _colors_of(self, name: str, color: str | None) -> tuple[QColor, QColor]:
        found = self._colors.get((name, color))
        if found is None:
            fill = tag_color(name, color)
            found = self._colors[(name, color)] = (fill, text_color_on(fill))
        return found

    def _width(self, metrics: QFontMetrics, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = metrics.horizontalAdvance(text)
        return width

    def _chips(self, index: QModelIndex | QPersistentModelIndex) -> list[tuple[str, str | None]]:
        # Through the Python model, not index.data(): PySide6 6.12 returns an empty
        # QVariant as None without a reference of its own, which in time crashes.
        model = index.model()
        value: Any = model.data(index, self._role) if model is not None else None
        if not value:
            return []
        if self._coloured:
            return [(str(name), color) for name, color in value]
        return [(str(name), None) for name in value]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The view's option already holds the state, palette and font; only the cell's
        # background (selection, hover) is drawn by the style, the chips are the text.
        # (initStyleOption from Python leaks a reference to None in PySide6 6.12.)
        opt = option
        widget = opt.widget
        if widget is not None and opt.state & (
            QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver
        ):
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget
            )
        chips = self._chips(index)
        if not chips:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        font_key = opt.font.key()
        key = (
            tuple(chips),
            rect.width(),
            rect.height(),
            selected,
            font_key,
            opt.palette.cacheKey(),
            ratio,
        )
        # Rows repeat the same few tag sets: each cell's chips are drawn once into a
        # pixmap and copied after that (anti-aliased shapes and text cost far more).
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(int(rect.width() * ratio), int(rect.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            cell = QPainter(pixmap)
            self._draw_chips(cell, QRect(0, 0, rect.width(), rect.height()), opt, chips, selected)
            cell.end()
            self._pixmaps[key] = pixmap
            if len(self._pixmaps) > PIXMAPS_KEPT:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _draw_chips(
        self,
        painter: QPainter,
        rect: QRect,
        opt: QStyleOptionViewItem,
        chips: list[tuple[str, str | None]],
        selected: bool,
    ) -> None:
        palette: QPalette = opt.palette
        metrics = QFontMetrics(opt.font)
        font_key = opt.font.key()
        if font_key != self._font_key:
            self._font_key, self._widths = font_key, {}
        height = min(rect.height() - 6, metrics.height() + 4)
        top = rect.top() + (rect.height() - height) / 2
        right = rect.right() - MARGIN
        x = float(rect.left() + MARGIN)

        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(opt.font)
        for i, (name, color) in enumerate(chips):
            width = self._width(metrics, name) + 2 * PAD_X
            left_after = len(chips) - i - 1
            more = f"+{left_after}" if left_after else ""
            more_width = metrics.horizontalAdvance(more) + 2 * PAD_X + GAP if more else 0
            if x + width + more_width > right:
                # Not all fit: elide this chip's text if some room is left, then "+N".
                rest = f"+{len(chips) - i}"
                rest_width = metrics.horizontalAdvance(rest) + 2 * PAD_X
                room = right - x - rest_width - GAP
                if room > metrics.horizontalAdvance("…") + 2 * PAD_X + 12:
                    text = metrics.elidedText(
                        name, Qt.TextElideMode.ElideRight, int(room - 2 * PAD_X)
                    )
                    self._chip(
                        painter, QRectF(x, top, room, height), name, text, color, palette, selected
                    )
                    x += room + GAP
                    rest = f"+{len(chips) - i - 1}"
                    rest_width = metrics.horizontalAdvance(rest) + 2 * PAD_X
                self._more(painter, QRectF(x, top, rest_width, height), rest, palette, selected)
                break
            self._chip(painter, QRectF(x, top, width, height), name, name, color, palette, selected)
            x += width + GAP

    def _chip(
        self,
        painter: QPainter,
        box: QRectF,
        name: str,
        text: str,
        color: str | None,
        palette: QPalette,
        selected: bool,
    ) -> None:
        radius = box.height() / 2
        if self._coloured:
            fill, ink = self._colors_of(name, color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(box, radius, radius)
            painter.setPen(ink)
        else:
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Mid
            painter.setPen(QPen(palette.color(role), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
            text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(palette.color(text_role))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    def _more(
        self, painter: QPainter, box: QRectF, text: str, palette: QPalette, selected: bool
    ) -> None:
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(palette.color(role))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        chips = self._chips(index)
        width = sum(metrics.horizontalAdvance(n) + 2 * PAD_X + GAP for n, _ in chips)
        return QSize(
            max(base.width(), width + 2 * MARGIN), max(base.height(), metrics.height() + 8)
        )
