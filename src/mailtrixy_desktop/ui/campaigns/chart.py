"""A campaign's statistics as a chart (Qt Charts): the funnel recipients → delivered →
opened → clicked as horizontal bars, bounced and unsubscribed under it in a warning
colour, each bar named with its count and rate. Colours come from the palette, so it
follows light and dark; new figures replace the bars' values in place."""

from __future__ import annotations

from typing import Final

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store.campaigns import CampaignRow
from mailtrixy_desktop.ui.campaigns.formatting import rates
from mailtrixy_desktop.ui.i18n import translated

# Bottom to top, as a horizontal bar chart draws its categories: the funnel reads
# from the top, the losses sit under it.
ORDER: Final = ("unsubscribed", "bounced", "clicked", "opened", "delivered", "recipients")
TITLES: Final = {
    "recipients": QT_TRANSLATE_NOOP("StatsChart", "Recipients"),
    "delivered": QT_TRANSLATE_NOOP("StatsChart", "Delivered"),
    "opened": QT_TRANSLATE_NOOP("StatsChart", "Opened"),
    "clicked": QT_TRANSLATE_NOOP("StatsChart", "Clicked"),
    "bounced": QT_TRANSLATE_NOOP("StatsChart", "Bounced"),
    "unsubscribed": QT_TRANSLATE_NOOP("StatsChart", "Unsubscribed"),
}
LOSSES: Final = frozenset({"bounced", "unsubscribed"})
LOSS_COLOR: Final = QColor("#E5484D")


def _nice_ceiling(value: int) -> int:
    """A round axis end at or above ``value``: 1, 2, 2.5, 5 or 10 times a power of ten."""
    if value <= 0:
        return 10
    power = 1
    while power * 10 <= value:
        power *= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return int(step * power)
    return value


class StatsChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setObjectName("campaignChart")
        self.setAccessibleName(self.tr("Campaign statistics"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        chart = self._chart
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 12, 4))
        chart.setBackgroundRoundness(0)
        self.funnel = QBarSet(self.tr("Reached"))
        self.losses = QBarSet(self.tr("Lost"))
        for bar_set in (self.funnel, self.losses):
            bar_set.append([0.0] * len(ORDER))
            bar_set.setPen(QPen(Qt.PenStyle.NoPen))
        self.series = QHorizontalStackedBarSeries()
        self.series.setBarWidth(0.62)
        self.series.append(self.funnel)
        self.series.append(self.losses)
        chart.addSeries(self.series)
        self.categories = QBarCategoryAxis()
        self.categories.setCategories([translated(TITLES[key]) for key in ORDER])
        self.values = QValueAxis()
        self.values.setLabelFormat("%.0f")
        self.values.setTickCount(6)
        self.values.setRange(0, 10)
        chart.addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.values, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.values)
        self.categories.setGridLineVisible(False)
        self._figures: dict[str, int] = dict.fromkeys(ORDER, 0)
        self._apply_palette()

    # ------------------------------------------------------------------ figures
    def figures(self) -> dict[str, int]:
        """What the bars show now, by name ("delivered": 1180…)."""
        return dict(self._figures)

    def category_labels(self) -> list[str]:
        """The bars' names, top first, as the chart writes them."""
        return list(reversed(self.categories.categories()))

    def show_campaign(self, row: CampaignRow) -> None:
        delivery, open_, click, bounce, unsubscribe = rates(row)
        figures = {
            "recipients": row.recipients_count,
            "delivered": row.delivered,
            "opened": row.opened,
            "clicked": row.clicked,
            "bounced": row.bounced,
            "unsubscribed": row.unsubscribed,
        }
        shares = {
            "delivered": delivery,
            "opened": open_,
            "clicked": click,
            "bounced": bounce,
            "unsubscribed": unsubscribe,
        }
        locale = QLocale()
        labels: list[str] = []
        for position, key in enumerate(ORDER):
            value = float(figures[key])
            self.funnel.replace(position, 0.0 if key in LOSSES else value)
            self.losses.replace(position, value if key in LOSSES else 0.0)
            label = f"{translated(TITLES[key])}  {locale.toString(figures[key])}"
            if key in shares and shares[key].whole:
                label += f"  ·  {shares[key].percent()}"
            labels.append(label)
        if labels != self.categories.categories():
            self.categories.setCategories(labels)
        top = _nice_ceiling(max(figures.values()))
        if self.values.max() != top:
            self.values.setRange(0, top)
        self._figures = figures
        self.setAccessibleDescription(
            "; ".join(reversed(labels)).replace("  ·  ", ", ").replace("  ", " ")
        )

    # ------------------------------------------------------------------ light and dark
    def _apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        dark = base.lightness() < 128
        chart = self._chart
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        # The theme sets its own colours; ours come from the app's palette.
        chart.setBackgroundBrush(base)
        chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        chart.setPlotAreaBackgroundVisible(False)
        chart.legend().hide()
        self.setBackgroundBrush(base)
        self.funnel.setColor(accent)
        self.funnel.setPen(QPen(Qt.PenStyle.NoPen))
        loss = QColor(LOSS_COLOR)
        if dark:
            loss = loss.lighter(115)
        self.losses.setColor(loss)
        self.losses.setPen(QPen(Qt.PenStyle.NoPen))
        font = QFont(self.font())
        muted = QColor(text)
        muted.setAlphaF(0.6)
        grid = QColor(text)
        grid.setAlphaF(0.12)
        for axis, color in ((self.categories, text), (self.values, muted)):
            axis.setLabelsFont(font)
            axis.setLabelsColor(color)
            axis.setLinePen(QPen(grid))
            axis.setGridLinePen(QPen(grid))
            axis.setShadesVisible(False)
        self.values.setMinorGridLineVisible(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_palette()


__all__ = ["StatsChart"]
