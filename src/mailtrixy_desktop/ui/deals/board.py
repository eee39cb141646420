"""The board: six stage columns side by side, each a header over a list of cards.

Each column's list is a ``QListView`` named ``dealColumn-<stage>`` (DESIGN.md) over
a ``DealColumnModel``; cards are painted by ``DealCardDelegate``, never a widget per
card. Columns share the width evenly down to a minimum; narrower than six of
those, the board scrolls sideways. Won and lost fold into a narrow strip (their
header's toggle); a folded column still takes drops.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from PySide6.QtCore import QModelIndex, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api.models import STAGES, Stage
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.deals.card_delegate import DealCardDelegate, PixmapCache, is_dark, mix
from mailtrixy_desktop.ui.deals.column_model import DealColumnModel, PipelineModels
from mailtrixy_desktop.ui.deals.formatting import format_totals, stage_title
from mailtrixy_desktop.ui.i18n import number

COLLAPSIBLE: Final = ("won", "lost")
COLUMN_MIN_WIDTH: Final = 210
COLLAPSED_WIDTH: Final = 48
COLUMN_SPACING: Final = 10
WARM_BELOW: Final = 2  # cards below a column's view drawn ahead, after a move
BAND: Final = 4  # the stage's colour along a column's top
RADIUS: Final = 10  # of a column's corners
STAGE_COLORS: Final[Mapping[str, str]] = {
    "lead": "#8A8FA8",
    "qualified": "#3B82F6",
    "proposal": "#7C6CF2",
    "negotiation": "#E39B16",
    "won": "#1F9D55",
    "lost": "#D64545",
}


SCROLLBAR_STYLE: Final = """
QScrollBar:vertical { width: 8px; margin: 2px 1px 2px 0; background: transparent; }
QScrollBar::handle:vertical { min-height: 32px; border-radius: 3px; background: palette(mid); }
QScrollBar::handle:vertical:hover { background: palette(dark); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
"""


def stage_color(stage: str) -> QColor:
    return QColor(STAGE_COLORS.get(stage, "#888888"))


def column_background(palette: QPalette) -> QColor:
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    return mix(window, text, 0.05 if is_dark(palette) else 0.035)


class ColumnView(QListView):
    """A column's cards: drag them out, drop cards of other columns in."""

    dropTargetChanged = Signal(bool)

    def __init__(
        self,
        model: DealColumnModel,
        parent: QWidget | None = None,
        pixmaps: PixmapCache | None = None,
    ) -> None:
        super().__init__(parent)
        stage = model.stage
        self.setObjectName(f"dealColumn-{stage}")
        self.setAccessibleName(
            self.tr("{stage_title} deals").format(stage_title=stage_title(stage))
        )
        self.setModel(model)
        self.delegate = DealCardDelegate(self, pixmaps=pixmaps)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)  # one card height: no size query per row
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setMouseTracking(True)  # hover on cards
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # the column paints behind the cards
        self.setAutoFillBackground(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._empty_text = self.tr("No deals")
        # A slim scroll bar that leaves the cards their width (colours from the palette).
        self.verticalScrollBar().setStyleSheet(SCROLLBAR_STYLE)

    def model(self) -> DealColumnModel:
        return super().model()  # type: ignore[return-value]

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.delegate.begin_paint()
        try:
            super().paintEvent(event)
        finally:
            self.delegate.end_paint()
        if self.model().rowCount() == 0 and self._empty_text:
            painter = QPainter(self.viewport())
            palette = self.palette()
            text = palette.color(QPalette.ColorRole.Text)
            painter.setPen(mix(text, palette.color(QPalette.ColorRole.Window), 0.5))
            painter.drawText(
                self.viewport().rect().adjusted(12, 16, -12, 0),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self._empty_text,
            )

    # ------------------------------------------------------------------ drawing ahead
    def card_option(self, index: QModelIndex, *, selected: bool = False) -> QStyleOptionViewItem:
        """The option this view paints ``index``'s card with when it is neither current
        nor under the mouse (selected or not): what QListView's paintEvent builds."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        rect = self.visualRect(index)
        rect.setWidth(min(max(self.viewport().width(), self.contentsSize().width()), rect.width()))
        option.rect = rect
        state = option.state & ~_CARD_STATES
        if selected:
            state |= QStyle.StateFlag.State_Selected
        option.state = state
        if state & QStyle.StateFlag.State_Enabled:  # every card is enabled
            option.palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
        return option

    def warm(self, deal_id: int, *, selected: bool = False) -> bool:
        """Draw ``deal_id``'s card (when the column shows it) into the cards' cache as it
        will be painted when neither current nor hovered. True when drawn now."""
        model = self.model()
        row = model.row_of(deal_id)
        deal = model.deal(row) if row >= 0 else None
        if deal is None:
            return False
        option = self.card_option(model.index(row, 0), selected=selected)
        if not option.rect.isValid():
            return False
        return self.delegate.warm(deal, option, self.viewport().devicePixelRatioF())

    def cards_ahead(self) -> list[tuple[int, bool]]:
        """The cards a next move here will most likely paint anew, as (deal id,
        selected): the selected cards shown, as they look once the selection goes
        elsewhere, and the ``WARM_BELOW`` cards below the last one in view, which move
        into view when a card above them leaves."""
        model = self.model()
        area = self.viewport().rect()
        if area.isEmpty() or model.rowCount() == 0:
            return []
        first = self.indexAt(area.topLeft())
        last = self.indexAt(area.bottomLeft())
        top = first.row() if first.isValid() else 0
        bottom = last.row() if last.isValid() else model.rowCount() - 1
        wanted: list[tuple[int, bool]] = []
        selection = self.selectionModel()
        for index in selection.selectedRows():
            if top <= index.row() <= bottom and (deal_id := model.id_at(index.row())):
                wanted.append((deal_id, False))
        for row in range(bottom + 1, min(bottom + 1 + WARM_BELOW, model.rowCount())):
            deal_id = model.id_at(row)
            if deal_id is not None:
                wanted.append((deal_id, selection.isRowSelected(row, QModelIndex())))
        return wanted

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Losing focus changes one card's look, the current one's (its focus ring; the
        # selection has its own updates). QAbstractItemView repaints the whole column,
        # and QWidget the whole view: a drop elsewhere would repaint a third column.
        current = self.currentIndex()
        if current.isValid():
            self.update(current)

    # A highlighted column while cards can be dropped on it.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self.dropTargetChanged.emit(event.isAccepted())

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self.dropTargetChanged.emit(event.isAccepted())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self.dropTargetChanged.emit(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self.dropTargetChanged.emit(False)
        super().dropEvent(event)


_CARD_STATES: Final = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
)


class VerticalTitle(QWidget):
    """A folded column's name, written bottom to top."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().height() + 8, self.fontMetrics().horizontalAdvance(self._text) + 16
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        # Rotated a quarter turn clockwise, the glyphs stand to the right of the baseline.
        painter.translate((self.width() - metrics.ascent() + metrics.descent()) / 2, 8)
        painter.rotate(90)
        painter.drawText(QPoint(0, 0), self._text)


class StageColumn(QFrame):
    """A stage's header (name, count, totals, fold toggle) over its list of cards."""

    collapsedChanged = Signal(bool)

    def __init__(
        self,
        model: DealColumnModel,
        parent: QWidget | None = None,
        pixmaps: PixmapCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.stage: Stage = model.stage
        self._collapsed = False
        self._drop_target = False
        self._colors: tuple[int, tuple[QColor, QColor, QColor]] | None = None
        self._totals: dict[str, Decimal] | None = None  # as the header shows them
        title = stage_title(self.stage)
        self.setObjectName(f"dealStage-{self.stage}")
        self.setAccessibleName(self.tr("{title} column").format(title=title))
        self.setAcceptDrops(True)  # only reached when folded: the list takes them otherwise

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 4)
        layout.setSpacing(4)

        self.header = QWidget(self)
        self.header.setObjectName(f"dealColumnHeader-{self.stage}")
        header = self._header_layout = QVBoxLayout(self.header)
        header.setContentsMargins(12, 0, 8, 2)
        header.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title, self.header)
        self.title.setObjectName(f"dealColumnTitle-{self.stage}")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.title.setFont(font)
        top.addWidget(self.title)
        self.count = QLabel("0", self.header)
        self.count.setObjectName(f"dealColumnCount-{self.stage}")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setMinimumWidth(22)
        self.count.setContentsMargins(6, 0, 6, 0)
        self.count.setAutoFillBackground(False)
        top.addWidget(self.count)
        top.addStretch(1)
        self.toggle: QToolButton | None = None
        if self.stage in COLLAPSIBLE:
            self.toggle = QToolButton(self.header)
            self.toggle.setObjectName(f"dealColumnToggle-{self.stage}")
            self.toggle.setCheckable(True)
            self.toggle.setAutoRaise(True)
            self.toggle.setFixedSize(20, 20)
            self.toggle.setArrowType(Qt.ArrowType.LeftArrow)
            self.toggle.setToolTip(self.tr("Fold the {title} column").format(title=title))
            self.toggle.setAccessibleName(self.tr("Fold the {title} column").format(title=title))
            self.toggle.toggled.connect(self.set_collapsed)
            top.addWidget(self.toggle)
        self.top_row = QWidget(self.header)
        self.top_row.setLayout(top)
        self.top_row.setFixedHeight(22)  # the same with or without a fold toggle
        header.addWidget(self.top_row)
        self.totals = QLabel("", self.header)
        self.totals.setObjectName(f"dealColumnTotals-{self.stage}")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        small = QFont(self.totals.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.92))
        self.totals.setFont(small)
        header.addWidget(self.totals)
        layout.addWidget(self.header)

        self.folded_title = VerticalTitle(title, self)
        self.folded_title.hide()
        layout.addWidget(self.folded_title, 1, Qt.AlignmentFlag.AlignHCenter)

        self.view = ColumnView(model, self, pixmaps)
        self.view.dropTargetChanged.connect(self._set_drop_target)
        layout.addWidget(self.view, 1)

        model.totalChanged.connect(self._update_count)
        self._update_count()
        self._restyle()

    # ------------------------------------------------------------------ contents
    def _update_count(self, *_args: object) -> None:
        count = self.model.total()
        self.count.setText(number(count))
        self.count.setAccessibleName(count_text(count, "deal"))
        self.header.setAccessibleName(f"{stage_title(self.stage)}, {self.count.accessibleName()}")
        self.folded_title.set_text(f"{stage_title(self.stage)} · {number(count)}")

    def set_totals(self, totals: Mapping[str, Decimal]) -> None:
        """One line per currency: sums in different currencies are never added up."""
        if self._totals == totals:
            return
        self._totals = dict(totals)
        texts = format_totals(totals)
        self.totals.setText("\n".join(texts) if texts else "—")
        self.totals.setAccessibleName(
            self.tr("Total {amounts}").format(amounts=", ".join(texts))
            if texts
            else self.tr("No value")
        )
        self.totals.setToolTip(self.tr("Total value per currency") if len(texts) > 1 else "")

    def totals_text(self) -> str:
        return self.totals.text()

    def count_value(self) -> int:
        return self.model.total()

    # ------------------------------------------------------------------ folding
    def is_collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        if self.toggle is None or collapsed == self._collapsed:
            if self.toggle is not None and self.toggle.isChecked() != collapsed:
                self.toggle.setChecked(collapsed)
            return
        self._collapsed = collapsed
        title = stage_title(self.stage)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(collapsed)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow if collapsed else Qt.ArrowType.LeftArrow)
        tip = (
            self.tr("Unfold the {title} column").format(title=title)
            if collapsed
            else self.tr("Fold the {title} column").format(title=title)
        )
        self.toggle.setToolTip(tip)
        self.toggle.setAccessibleName(tip)
        self.view.setVisible(not collapsed)
        self.totals.setVisible(not collapsed)
        self.title.setVisible(not collapsed)
        self.count.setVisible(not collapsed)
        self.folded_title.setVisible(collapsed)
        if collapsed:
            self.setFixedWidth(COLLAPSED_WIDTH)
        else:
            self.setMinimumWidth(COLUMN_MIN_WIDTH)
            self.setMaximumWidth(16_777_215)
        self._restyle()
        self.collapsedChanged.emit(collapsed)

    def _restyle(self) -> None:
        if self._collapsed:
            side = (COLLAPSED_WIDTH - 20) // 2  # the toggle alone, centred
            self._header_layout.setContentsMargins(side, 0, side, 2)
        else:
            self._header_layout.setContentsMargins(12, 0, 8, 2)
            self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.setSizePolicy(
            QSizePolicy.Policy.Fixed if self._collapsed else QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.Expanding,
        )

    # ------------------------------------------------------------------ drops on a folded column
    def _set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag_event(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag_event(event)

    def _drag_event(self, event: QDragMoveEvent) -> None:
        ok = self._collapsed and self.model.canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
        )
        if ok:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()
        self._set_drop_target(bool(ok))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(False)
        if self._collapsed and self.model.dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    # ------------------------------------------------------------------ painting
    def _colors_for(self, palette: QPalette) -> tuple[QColor, QColor, QColor]:
        """The background, the count's pill and the band, once per palette."""
        key = palette.cacheKey()
        if self._colors is None or self._colors[0] != key:
            background = column_background(palette)
            tint = mix(background, palette.color(QPalette.ColorRole.Text), 0.12)
            self._colors = (key, (background, tint, stage_color(self.stage)))
        return self._colors[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        # The column repaints under every card that repaints (the list's viewport is
        # transparent): only what the dirty rectangle touches is drawn, and behind the
        # cards, between the rounded corners, that is a plain fill.
        dirty = event.rect()
        palette = self.palette()
        background, tint, band_color = self._colors_for(palette)
        painter = QPainter(self)
        inner = QRect(0, RADIUS, self.width(), self.height() - 2 * RADIUS)
        painter.fillRect(dirty.intersected(inner), background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if not inner.contains(dirty):
            painter.save()
            painter.setClipRegion(QRegion(dirty).subtracted(QRegion(inner)))
            painter.setBrush(background)
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
            painter.restore()
        if self._collapsed or dirty.top() < self.view.y():  # the header's part
            # The stage's colour as a band along the top.
            band = QPainterPath()
            band.addRoundedRect(rect, RADIUS, RADIUS)
            clip = QPainterPath()
            clip.addRect(QRectF(rect.left(), rect.top(), rect.width(), BAND))
            painter.setBrush(band_color)
            painter.drawPath(band.intersected(clip))
            # The count as a quiet pill.
            if self.count.isVisible():
                corner = self.count.mapTo(self, QPoint(0, 0))
                pill = QRectF(
                    corner.x(), corner.y() + 2, self.count.width(), self.count.height() - 4
                )
                painter.setBrush(tint)
                painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        if self._drop_target:
            accent = palette.color(QPalette.ColorRole.Highlight)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), RADIUS - 1, RADIUS - 1)


class DealBoard(QScrollArea):
    """Six columns in pipeline order; the board scrolls sideways when narrow."""

    collapsedChanged = Signal(str, bool)  # stage, folded

    def __init__(self, models: PipelineModels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealBoard")
        self.setAccessibleName(self.tr("Deal pipeline"))
        self.models = models
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        inner.setObjectName("dealBoardColumns")
        row = self._row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(COLUMN_SPACING)
        self.columns: dict[Stage, StageColumn] = {}
        self.pixmaps: PixmapCache = OrderedDict()  # drawn cards, shared by the columns
        for stage in STAGES:
            column = StageColumn(models[stage], inner, self.pixmaps)
            column.collapsedChanged.connect(lambda folded, s=stage: self._column_folded(s, folded))
            self.columns[stage] = column
            row.addWidget(column, 1)
        self.setWidget(inner)
        self.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        # Cards drawn ahead between events, one per turn of the event loop (see warm_soon).
        self._ahead: list[tuple[ColumnView, int, bool]] | None = None
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setInterval(0)
        self._ahead_timer.timeout.connect(self._draw_ahead)

    def warm_soon(self) -> None:
        """After a move, once it is painted: draw the cards the next move will most
        likely paint anew (``ColumnView.cards_ahead``) into the cards' cache, one per
        turn of the event loop, so that the next drop's frame blits them."""
        self._ahead = None  # chosen at the first turn, after the paint
        self._ahead_timer.start()

    def _draw_ahead(self) -> None:
        if self._ahead is None:
            self._ahead = [
                (view, deal_id, selected)
                for view in self.views()
                if view.isVisible()
                for deal_id, selected in view.cards_ahead()
            ]
        while self._ahead:
            view, deal_id, selected = self._ahead.pop(0)
            if view.warm(deal_id, selected=selected):
                return  # one card drawn per turn
        self._ahead_timer.stop()

    def _column_folded(self, stage: Stage, folded: bool) -> None:
        self._row.setStretchFactor(self.columns[stage], 0 if folded else 1)
        self.collapsedChanged.emit(stage, folded)

    def column(self, stage: Stage) -> StageColumn:
        return self.columns[stage]

    def view(self, stage: Stage) -> ColumnView:
        return self.columns[stage].view

    def views(self) -> list[ColumnView]:
        return [c.view for c in self.columns.values()]

    def set_totals(self, totals: Mapping[Stage, Mapping[str, Decimal]]) -> None:
        lines = max([len(t) for t in totals.values()] + [1])
        for stage, column in self.columns.items():
            column.set_totals(totals.get(stage, {}))
            # Every header as tall as the one with the most currencies: the cards of all
            # columns start on one line.
            height = column.totals.fontMetrics().lineSpacing() * lines
            if column.totals.minimumHeight() != height:
                column.totals.setMinimumHeight(height)

    def set_collapsed(self, stage: Stage, collapsed: bool) -> None:
        self.columns[stage].set_collapsed(collapsed)

    def collapsed(self) -> list[Stage]:
        return [s for s, c in self.columns.items() if c.is_collapsed()]

    def set_stale_days(self, days: int) -> None:
        for view in self.views():
            view.delegate.stale_days = days
            view.viewport().update()

    def set_empty_text(self, text: str) -> None:
        for view in self.views():
            view.set_empty_text(text)
