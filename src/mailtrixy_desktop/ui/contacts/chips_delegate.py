"""How the contacts table's cells are painted (no widget per cell).

Tags as coloured rounded chips, groups as plain ones. A chip that does not fit
gives way to a "+N" for it and the rest, so a row stays one line high however
many tags a contact has.

Text cells are drawn by the style exactly as ``QStyledItemDelegate`` draws them;
``TextDelegate`` only gathers what to draw in one call per cell from the model's
``shown(row)``, where the stock delegate asks ``data()`` seven times (once per
role), each a call from C++ into Python: over a screenful of cells, about 2 ms of
every repaint.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

PAD_X = 7  # inside a chip, either side of its text
GAP = 4  # between chips
MARGIN = 4  # between the cell's edge and the first chip
PIXMAPS_KEPT = 600  # painted chips kept: every tag in a few states and widths
CELLS_KEPT = 300  # whole painted cells kept, at a fractional device pixel ratio
LAYOUTS_KEPT = 5_000  # where the chips go, per tag set and column width

_CHIP, _MORE = 0, 1
# A chip or the "+N" after the chips: x from the cell's left, width, kind, the tag's
# name, the text shown (the name, elided, or "+N") and the tag's colour.
_Piece = tuple[int, int, int, str, str, str | None]
_SELECTED = QStyle.StateFlag.State_Selected.value
_HIGHLIGHTED = _SELECTED | QStyle.StateFlag.State_MouseOver.value


# A row's cells: texts and alignments by column, and the row's font (see
# ContactsTableModel.shown).
RowCells = tuple[list[str], QFont | None, list[int | None]]
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay


class TextDelegate(QStyledItemDelegate):
    """Text cells as the stock delegate paints them, their data gathered per row.

    ``initStyleOption`` does what ``QStyledItemDelegate``'s does for a model that
    answers DisplayRole, FontRole and TextAlignmentRole only (as the contacts model
    does), reading them from ``cells(row)`` instead of seven ``data()`` calls."""

    def __init__(
        self, cells: Callable[[int], RowCells | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._cells = cells
        self._with_display: dict[Any, QStyleOptionViewItem.ViewItemFeature] = {}

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        option.index = index  # type: ignore[assignment]  # the view's own QModelIndex
        row = self._cells(index.row())
        if row is not None:
            texts, font, aligns = row
            column = index.column()
            if font is not None:
                option.font = font.resolve(option.font)
                option.fontMetrics = QFontMetrics(option.font)
            align = aligns[column]
            if align is not None:
                option.displayAlignment = Qt.AlignmentFlag(align)
            text = texts[column]
            features = option.features
            shown = self._with_display.get(features)
            if shown is None:  # Python's Flag operations cost microseconds: once each
                shown = self._with_display[features] = features | _HAS_DISPLAY
            option.features = shown
            # As QStyledItemDelegate.displayText: a line break is a line separator.
            option.text = text.replace("\n", "\u2028") if "\n" in text else text
        # No style animations in item views (QTBUG-30146); the stubs omit the None.
        option.styleObject = None  # type: ignore[assignment]


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
        self._cells: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()
        self._layouts: dict[tuple[Any, ...], tuple[_Piece, ...]] = {}
        self._last_font = QFont()
        self._last_font_key = self._last_font.key()

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
        state = opt.state.value  # an int: Python's Flag operations cost microseconds
        if widget is not None and state & _HIGHLIGHTED:
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget
            )
        chips = self._chips(index)
        if not chips:
            return
        selected = bool(state & _SELECTED)
        rect = opt.rect
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        font = opt.font
        if font != self._last_font:  # QFont.key() is dearer than a comparison
            self._last_font, self._last_font_key = QFont(font), font.key()
        font_key = self._last_font_key
        width, height = rect.width(), rect.height()
        pieces = self._layout(tuple(chips), width, height, font, font_key)
        common = (height, selected, font_key, opt.palette.cacheKey(), ratio)
        if ratio != int(ratio):
            # A fractional scale puts a piece's offset between device pixels, where a
            # copy would not match a drawing: draw the whole cell once instead.
            key = (tuple(chips), width, *common)
            self._paint_cell(painter, rect, opt, pieces, selected, key, ratio)
            return
        # Rows repeat the same few tags, each in a few states: each chip (and "+N") is
        # drawn once into a pixmap and copied after that (anti-aliased shapes and text
        # cost far more), whatever tags sit beside it.
        left, top = rect.left(), rect.top()
        for piece in pieces:
            pixmap = self._pixmap(piece[1:], common, opt, selected)
            x = piece[0]
            if x + piece[1] <= width:
                painter.drawPixmap(left + x, top, pixmap)
            elif x < width:  # a "+N" cut by the cell's edge, as a drawing would be
                visible = int((width - x) * ratio)
                painter.drawPixmap(left + x, top, pixmap, 0, 0, visible, pixmap.height())

    def _pixmap(
        self,
        piece: tuple[Any, ...],
        common: tuple[Any, ...],
        opt: QStyleOptionViewItem,
        selected: bool,
    ) -> QPixmap:
        key = (*piece, *common)
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
            return pixmap
        width, kind, name, text, color = piece
        height, ratio = common[0], common[-1]
        pixmap = QPixmap(int(width * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        cell = QPainter(pixmap)
        self._draw_piece(cell, (0, width, kind, name, text, color), height, opt, selected)
        cell.end()
        self._pixmaps[key] = pixmap
        if len(self._pixmaps) > PIXMAPS_KEPT:
            self._pixmaps.popitem(last=False)
        return pixmap

    def _paint_cell(
        self,
        painter: QPainter,
        rect: QRect,
        opt: QStyleOptionViewItem,
        pieces: tuple[_Piece, ...],
        selected: bool,
        key: tuple[Any, ...],
        ratio: float,
    ) -> None:
        """The whole cell drawn once into a pixmap and copied after that."""
        pixmap = self._cells.get(key)
        if pixmap is None:
            pixmap = QPixmap(int(rect.width() * ratio), int(rect.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            cell = QPainter(pixmap)
            self._draw_chips(cell, rect.height(), opt, pieces, selected)
            cell.end()
            self._cells[key] = pixmap
            if len(self._cells) > CELLS_KEPT:
                self._cells.popitem(last=False)
        else:
            self._cells.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _layout(
        self,
        chips: tuple[tuple[str, str | None], ...],
        width: int,
        height: int,
        font: QFont,
        font_key: str,
    ) -> tuple[_Piece, ...]:
        """Where each chip (and the "+N" for those that do not fit) goes in a cell
        ``width`` wide: (x, width, kind, name, text, colour) with x from the cell's left."""
        key = (chips, width, height, font_key)
        pieces = self._layouts.get(key)
        if pieces is not None:
            return pieces
        if font_key != self._font_key:
            self._font_key, self._widths = font_key, {}
        metrics = QFontMetrics(font)
        right = width - 1 - MARGIN
        x = MARGIN
        found: list[_Piece] = []
        for i, (name, color) in enumerate(chips):
            chip_width = self._width(metrics, name) + 2 * PAD_X
            left_after = len(chips) - i - 1
            more = f"+{left_after}" if left_after else ""
            more_width = metrics.horizontalAdvance(more) + 2 * PAD_X + GAP if more else 0
            if x + chip_width + more_width > right:
                # Not all fit: elide this chip's text if some room is left, then "+N".
                rest = f"+{len(chips) - i}"
                rest_width = metrics.horizontalAdvance(rest) + 2 * PAD_X
                room = right - x - rest_width - GAP
                if room > metrics.horizontalAdvance("…") + 2 * PAD_X + 12:
                    text = metrics.elidedText(
                        name, Qt.TextElideMode.ElideRight, int(room - 2 * PAD_X)
                    )
                    found.append((x, room, _CHIP, name, text, color))
                    x += room + GAP
                    rest = f"+{len(chips) - i - 1}"
                    rest_width = metrics.horizontalAdvance(rest) + 2 * PAD_X
                found.append((x, rest_width, _MORE, "", rest, None))
                break
            found.append((x, chip_width, _CHIP, name, name, color))
            x += chip_width + GAP
        pieces = self._layouts[key] = tuple(found)
        if len(self._layouts) > LAYOUTS_KEPT:
            self._layouts.clear()
        return pieces

    def _draw_chips(
        self,
        painter: QPainter,
        height: int,
        opt: QStyleOptionViewItem,
        pieces: tuple[_Piece, ...],
        selected: bool,
    ) -> None:
        """Every piece of a cell, drawn by ``painter`` at the cell's origin."""
        for piece in pieces:
            self._draw_piece(painter, piece, height, opt, selected)

    def _draw_piece(
        self,
        painter: QPainter,
        piece: _Piece,
        cell_height: int,
        opt: QStyleOptionViewItem,
        selected: bool,
    ) -> None:
        x, width, kind, name, text, color = piece
        metrics = QFontMetrics(opt.font)
        height = min(cell_height - 6, metrics.height() + 4)
        box = QRectF(x, (cell_height - height) / 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(opt.font)
        if kind == _CHIP:
            self._chip(painter, box, name, text, color, opt.palette, selected)
        else:
            self._more(painter, box, text, opt.palette, selected)

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
