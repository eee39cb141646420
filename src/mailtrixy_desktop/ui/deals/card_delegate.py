"""Paints a deal as a card: a flat rounded rectangle on the palette's Base.

    ┌───────────────────────────────────┐
    │ Acme renewal                  (JS)│  title (bold, elided), assignee initials
    │ Jane Smith           ◷ Saving…    │  contact, and the marks: pending / stale
    │ $12,500          Overdue · 3 Mar  │  value for the locale, expected close date
    └───────────────────────────────────┘

Every colour comes from the palette at paint time (light and dark, and a scheme
change while the app runs); the one fixed hue is the red of an overdue date and
the amber of a stale mark, each in a light- and a dark-scheme shade.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mailtrixy_desktop.store.deals import DealRow
from mailtrixy_desktop.ui.deals.column_model import ROW_ROLE, DealColumnModel
from mailtrixy_desktop.ui.deals.formatting import CLOSED_STAGES, format_money, short_date
from mailtrixy_desktop.ui.inbox.list_delegate import initials, label_color

DEFAULT_STALE_DAYS: Final = 14
MARGIN_X: Final = 6  # between the card and the column's edges
MARGIN_Y: Final = 4  # half the gap between two cards
PAD_X: Final = 11
PAD_Y: Final = 10
GAP: Final = 5
RADIUS: Final = 8.0
# Drawn cards a cache keeps: about twice what a board shows (~8 MB at a device pixel
# ratio of 1) when the six columns' delegates share one (see ``PixmapCache``).
KEPT_PIXMAPS: Final = 120
# (deal id, width, height, states, what the whole paint shares) -> (the row drawn, its
# pixmap): a card drawn once is blitted while its row is the same.
PixmapCache = OrderedDict[tuple[object, ...], tuple[DealRow, QPixmap]]
_STATES: Final = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
).value


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    return QColor("#FF7A7A") if is_dark(palette) else QColor("#C62828")


def warning_color(palette: QPalette) -> QColor:
    return QColor("#E8B15A") if is_dark(palette) else QColor("#9A5B00")


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def idle_days(row: DealRow, now: dt.datetime | None = None) -> int:
    now = now or dt.datetime.now(dt.UTC)
    return max(0, (now - row.updated_at).days)


def is_stale(row: DealRow, stale_days: int, now: dt.datetime | None = None) -> bool:
    """Open deals nobody touched for more than ``stale_days`` days (won and lost are done)."""
    return row.stage not in CLOSED_STAGES and idle_days(row, now) > stale_days


def is_overdue(row: DealRow, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return (
        row.stage not in CLOSED_STAGES
        and row.expected_close_date is not None
        and row.expected_close_date < today
    )


@dataclass(frozen=True)
class _Fonts:
    regular: QFont
    bold: QFont
    small: QFont
    value: QFont
    line: int
    bold_line: int
    small_metrics: QFontMetrics
    value_metrics: QFontMetrics

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        value = QFont(font)
        value.setWeight(QFont.Weight.DemiBold)
        return cls(
            QFont(font),
            bold,
            small,
            value,
            QFontMetrics(font).height(),
            QFontMetrics(bold).height(),
            QFontMetrics(small),
            QFontMetrics(value),
        )


@dataclass(frozen=True)
class _Colors:
    text: QColor
    muted: QColor
    accent: QColor
    border: QColor
    border_hover: QColor
    selected_fill: QColor
    base: QColor
    error: QColor
    warning: QColor
    warning_tint: QColor
    initials: QColor

    @classmethod
    def of(cls, palette: QPalette) -> _Colors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        warning = warning_color(palette)
        tint = QColor(warning)
        tint.setAlpha(40)
        return cls(
            text=text,
            muted=mix(text, base, 0.42),
            accent=accent,
            border=mix(base, text, 0.16),
            border_hover=mix(base, text, 0.28),
            selected_fill=mix(base, accent, 0.10),
            base=base,
            error=error_color(palette),
            warning=warning,
            warning_tint=tint,
            initials=QColor("#f4f4f4") if is_dark(palette) else QColor("#1b1b1b"),
        )


class DealCardDelegate(QStyledItemDelegate):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        stale_days: int = DEFAULT_STALE_DAYS,
        pixmaps: PixmapCache | None = None,
    ):
        super().__init__(parent)
        self._pixmaps: PixmapCache = OrderedDict() if pixmaps is None else pixmaps
        self.stale_days = stale_days
        # Built once per font and per palette, not once per card painted.
        self._fonts: dict[str, _Fonts] = {}
        self._colors: dict[int, _Colors] = {}
        # While the view paints (``begin_paint``/``end_paint``): what every card of that
        # paint shares in its cache key, read from the first card's option.
        self._painting = False
        self._shared: tuple[object, ...] | None = None

    def begin_paint(self) -> None:
        """The view starts a paint event: every card of it has the view's font and
        palette and the same device, so the key's shared part is read once."""
        self._painting = True
        self._shared = None

    def end_paint(self) -> None:
        self._painting = False
        self._shared = None

    def _shared_key(self, painter: QPainter, option: QStyleOptionViewItem) -> tuple[object, ...]:
        shared = self._shared if self._painting else None
        if shared is None:
            device = painter.device()
            shared = self._shared_for(option, device.devicePixelRatioF() if device else 1.0)
            if self._painting:
                self._shared = shared
        return shared

    def _shared_for(self, option: QStyleOptionViewItem, ratio: float) -> tuple[object, ...]:
        return (
            option.palette.cacheKey(),
            option.font.key(),
            self.stale_days,
            int(time.time() // 3600),  # "stale" and "overdue" move on with the clock
            float(ratio),
        )

    def forget_pixmaps(self) -> None:
        self._pixmaps.clear()

    def _fonts_for(self, font: QFont) -> _Fonts:
        key = font.key()
        found = self._fonts.get(key)
        if found is None:
            found = self._fonts[key] = _Fonts.of(font)
        return found

    def _colors_for(self, palette: QPalette) -> _Colors:
        key = palette.cacheKey()
        found = self._colors.get(key)
        if found is None:
            if len(self._colors) > 8:
                self._colors.clear()
            found = self._colors[key] = _Colors.of(palette)
        return found

    def card_height(self, font: QFont) -> int:
        fonts = self._fonts_for(font)
        return MARGIN_Y * 2 + PAD_Y * 2 + fonts.bold_line + fonts.line * 2 + GAP * 2

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width() or 240, self.card_height(option.font))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        row = (
            model.deal(index.row()) if isinstance(model, DealColumnModel) else index.data(ROW_ROLE)
        )
        if not isinstance(row, DealRow):
            return
        # A card is drawn once into a pixmap and blitted after that: after a drop both
        # columns repaint, and only the moved card has anything new to draw.
        painter.drawPixmap(
            option.rect.topLeft(), self._pixmap(row, option, self._shared_key(painter, option))
        )

    def _pixmap(
        self, row: DealRow, option: QStyleOptionViewItem, shared: tuple[object, ...]
    ) -> QPixmap:
        """``row``'s card drawn as ``option`` says, from the cache or drawn now."""
        rect = option.rect
        key = (row.id, rect.width(), rect.height(), option.state.value & _STATES, shared)
        found = self._pixmaps.get(key)
        if found is not None and (found[0] is row or found[0] == row):
            self._pixmaps.move_to_end(key)
            return found[1]
        ratio = shared[-1]
        assert isinstance(ratio, float)
        pixmap = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        local = QStyleOptionViewItem(option)
        local.rect = QRect(0, 0, rect.width(), rect.height())
        on_pixmap = QPainter(pixmap)
        try:
            self.render(on_pixmap, local, row)
        finally:
            on_pixmap.end()
        self._pixmaps[key] = (row, pixmap)
        self._pixmaps.move_to_end(key)
        while len(self._pixmaps) > KEPT_PIXMAPS:
            self._pixmaps.popitem(last=False)
        return pixmap

    def is_drawn(self, row: DealRow, option: QStyleOptionViewItem, ratio: float) -> bool:
        """Whether ``row``'s card as ``option`` says is in the cache (see ``warm``)."""
        rect = option.rect
        shared = self._shared_for(option, ratio)
        found = self._pixmaps.get(
            (row.id, rect.width(), rect.height(), option.state.value & _STATES, shared)
        )
        return found is not None and (found[0] is row or found[0] == row)

    def warm(self, row: DealRow, option: QStyleOptionViewItem, ratio: float) -> bool:
        """Draw ``row``'s card as ``option`` says into the cache now, between events, so
        that painting it later is a blit: ``option`` as the view paints the card (its
        ``ColumnView.card_option``), ``ratio`` its viewport's device pixel ratio. True
        when it was drawn now (False: it was in the cache)."""
        if self.is_drawn(row, option, ratio):
            return False
        self._pixmap(row, option, self._shared_for(option, ratio))
        return True

    def render(self, painter: QPainter, option: QStyleOptionViewItem, row: DealRow) -> None:
        """Draw ``row``'s card in ``option.rect``."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        current = bool(state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        colors = self._colors_for(palette)
        fonts = self._fonts_for(option.font)
        text, muted = colors.text, colors.muted

        # The card.
        card = QRectF(option.rect).adjusted(
            MARGIN_X + 0.5, MARGIN_Y + 0.5, -MARGIN_X - 0.5, -MARGIN_Y - 0.5
        )
        fill = colors.selected_fill if selected else colors.base
        if row.pending:
            fill = mix(fill, text, 0.03)
        border, width = (colors.border_hover if hovered else colors.border), 1.0
        if selected or current:
            border, width = colors.accent, 2.0 if selected else 1.5
        painter.setBrush(fill)
        painter.setPen(QPen(border, width))
        painter.drawRoundedRect(card, RADIUS, RADIUS)

        regular, bold, small, value_font = fonts.regular, fonts.bold, fonts.small, fonts.value
        line, bold_line = fonts.line, fonts.bold_line
        left = int(card.left()) + PAD_X
        right = int(card.right()) - PAD_X
        y = int(card.top()) + PAD_Y

        # Line 1: the title, and the assignee's initials on the right.
        tail = right
        if row.assignee is not None:
            painter.setFont(small)
            letters = initials(row.assignee.name)
            size = max(bold_line + 4, painter.fontMetrics().horizontalAdvance(letters) + 10)
            circle = QRectF(tail - size, y + (bold_line - size) / 2, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(label_color(row.assignee.name, palette))
            painter.drawEllipse(circle)
            painter.setPen(colors.initials)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, letters)
            tail -= int(size) + 8
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRect(left, y, tail - left, bold_line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(row.title, Qt.TextElideMode.ElideRight, tail - left),
        )

        # Line 2: the contact, and the marks on the right.
        y += bold_line + GAP
        tail = right
        painter.setFont(small)
        metrics = painter.fontMetrics()
        if row.pending:
            words = QCoreApplication.translate("DealCardDelegate", "Saving…")
            words_width = metrics.horizontalAdvance(words)
            painter.setPen(muted)
            painter.drawText(
                QRect(tail - words_width, y, words_width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                words,
            )
            tail -= words_width + 4
            self._clock(painter, QPointF(tail - 5, y + line / 2), 5.0, muted)
            tail -= 10 + 10
        elif is_stale(row, self.stale_days):
            days = idle_days(row)
            words = QCoreApplication.translate("DealCardDelegate", "Stale · {days} d").format(
                days=days
            )
            words_width = metrics.horizontalAdvance(words) + 12
            pill = QRectF(tail - words_width, y + 1, words_width, line - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.warning_tint)
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(colors.warning)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, words)
            tail -= int(words_width) + 8
        painter.setFont(regular)
        painter.setPen(muted)
        contact = row.contact_name or row.contact_email
        painter.drawText(
            QRect(left, y, tail - left, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(contact, Qt.TextElideMode.ElideRight, tail - left),
        )

        # Line 3: the value (never shortened while it fits the card), and the expected
        # close date on the right, in as many words as the room left allows.
        y += line + GAP
        painter.setFont(value_font)
        value = format_money(row.value, row.currency)
        value_width = min(painter.fontMetrics().horizontalAdvance(value), right - left)
        painter.setPen(text)
        painter.drawText(
            QRect(left, y, right - left, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(value, Qt.TextElideMode.ElideRight, right - left),
        )
        if row.expected_close_date is not None:
            painter.setFont(small)
            metrics = painter.fontMetrics()
            when = short_date(row.expected_close_date)
            if is_overdue(row):
                overdue = QCoreApplication.translate("DealCardDelegate", "Overdue")
                choices = [f"{overdue} · {when}", overdue]
                painter.setPen(colors.error)
            else:
                choices = (
                    [when]
                    if row.stage in CLOSED_STAGES
                    else [
                        QCoreApplication.translate("DealCardDelegate", "Closes {when}").format(
                            when=when
                        ),
                        when,
                    ]
                )
                painter.setPen(muted)
            room = right - left - value_width - 10
            words = next((c for c in choices if metrics.horizontalAdvance(c) <= room), "")
            if words:
                painter.drawText(
                    QRect(right - room, y, room, line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    words,
                )
        painter.restore()

    @staticmethod
    def _clock(painter: QPainter, centre: QPointF, radius: float, color: QColor) -> None:
        pen = QPen(color, 1.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)
        painter.drawLine(centre, QPointF(centre.x(), centre.y() - radius * 0.6))
        painter.drawLine(centre, QPointF(centre.x() + radius * 0.45, centre.y()))
