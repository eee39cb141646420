"""What a campaign's figures mean to a reader: rates of the right base, statuses
named and coloured, times in the person's zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtGui import QColor, QPalette

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store.campaigns import CampaignRow
from mailtrixy_desktop.ui import counts
from mailtrixy_desktop.ui.i18n import translated

STATUSES: Final = ("draft", "scheduled", "sending", "sent", "paused")
STATUS_TITLES: Final = {
    "draft": QT_TRANSLATE_NOOP("CampaignStatus", "Draft"),
    "scheduled": QT_TRANSLATE_NOOP("CampaignStatus", "Scheduled"),
    "sending": QT_TRANSLATE_NOOP("CampaignStatus", "Sending"),
    "sent": QT_TRANSLATE_NOOP("CampaignStatus", "Sent"),
    "paused": QT_TRANSLATE_NOOP("CampaignStatus", "Paused"),
}
_DELIVERED = QT_TRANSLATE_NOOP("CampaignRates", "Delivered")
_OPENED = QT_TRANSLATE_NOOP("CampaignRates", "Opened")
_CLICKED = QT_TRANSLATE_NOOP("CampaignRates", "Clicked")
_BOUNCED = QT_TRANSLATE_NOOP("CampaignRates", "Bounced")
_UNSUBSCRIBED = QT_TRANSLATE_NOOP("CampaignRates", "Unsubscribed")
# The words of a rate's sentence: "384 opened of 1,180 delivered".
_RECIPIENTS_BASE = QT_TRANSLATE_NOOP("CampaignRates", "recipients")
_DELIVERED_BASE = QT_TRANSLATE_NOOP("CampaignRates", "delivered")
_DELIVERED_PART = QT_TRANSLATE_NOOP("CampaignRateParts", "delivered")
_OPENED_PART = QT_TRANSLATE_NOOP("CampaignRateParts", "opened")
_CLICKED_PART = QT_TRANSLATE_NOOP("CampaignRateParts", "clicked")
_BOUNCED_PART = QT_TRANSLATE_NOOP("CampaignRateParts", "bounced")
_UNSUBSCRIBED_PART = QT_TRANSLATE_NOOP("CampaignRateParts", "unsubscribed")
# Hues of the status pills; lightness comes from the palette (see status_color).
_STATUS_HUES: Final = {"draft": -1, "scheduled": 210, "sending": 36, "sent": 145, "paused": 0}


def status_title(status: str) -> str:
    """The status as people read it, in the app's language."""
    return translated(STATUS_TITLES.get(status, status))


@dataclass(frozen=True, slots=True)
class Rate:
    label: str  # "Open rate"
    part: int
    whole: int
    base: str  # what the whole is: "delivered"
    part_name: str  # what the part is: "opened"

    @property
    def share(self) -> float | None:
        return self.part / self.whole if self.whole else None

    def percent(self) -> str:
        """ "32.5%", or "–" while there is nothing to divide by."""
        share = self.share
        if share is None:
            return "–"
        value = share * 100
        digits = 0 if value == 0 or value >= 99.95 or value == round(value) else 1
        return f"{QLocale().toString(value, 'f', digits)}%"

    def sentence(self) -> str:
        """ "Opened: 384 of 1,180 delivered (32.5%)" for a tooltip."""
        locale = QLocale()
        return QCoreApplication.translate(
            "CampaignRates", "{label}: {part} {part_name} of {whole} {base} ({percent})"
        ).format(
            label=translated(self.label),
            part=locale.toString(self.part),
            part_name=translated(self.part_name),
            whole=locale.toString(self.whole),
            base=translated(self.base),
            percent=self.percent(),
        )

    def title(self) -> str:
        """The label in the app's language ("Opened")."""
        return translated(self.label)


def rates(row: CampaignRow) -> tuple[Rate, Rate, Rate, Rate, Rate]:
    """Delivery and bounce of the recipients; open, click and unsubscribe of what was
    delivered (an email that never arrived cannot be opened)."""
    return (
        Rate(_DELIVERED, row.delivered, row.recipients_count, _RECIPIENTS_BASE, _DELIVERED_PART),
        Rate(_OPENED, row.opened, row.delivered, _DELIVERED_BASE, _OPENED_PART),
        Rate(_CLICKED, row.clicked, row.delivered, _DELIVERED_BASE, _CLICKED_PART),
        Rate(_BOUNCED, row.bounced, row.recipients_count, _RECIPIENTS_BASE, _BOUNCED_PART),
        Rate(_UNSUBSCRIBED, row.unsubscribed, row.delivered, _DELIVERED_BASE, _UNSUBSCRIBED_PART),
    )


def has_figures(row: CampaignRow) -> bool:
    return row.status in ("sending", "sent", "paused")


def rates_tooltip(row: CampaignRow) -> str:
    if not has_figures(row):
        return QCoreApplication.translate(
            "CampaignRates", "{recipients}; no statistics before it is sent"
        ).format(recipients=count_text(row.recipients_count, "recipient"))
    return "\n".join(rate.sentence() for rate in rates(row))


def count_text(count: int, one: str, many: str | None = None) -> str:
    return counts.count_text(count, one, many)


def status_color(status: str, palette: QPalette) -> QColor:
    """A pill colour that reads on the palette's base, light or dark."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    hue = _STATUS_HUES.get(status, -1)
    if hue < 0:
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.55)
        return muted
    return QColor.fromHsl(hue, 170, 150 if dark else 95)


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:  # the cache keeps UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()


def when_text(moment: dt.datetime, *, today: dt.date | None = None) -> str:
    """ "Today 14:05", "Tomorrow 09:00", "12 Mar 14:05", "12 Mar 2025 14:05"."""
    local = _local(moment)
    locale = QLocale()
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    today = today or dt.datetime.now().astimezone().date()
    day = local.date()
    translate = QCoreApplication.translate
    if day == today:
        return translate("CampaignTimes", "Today {clock}").format(clock=clock)
    if day == today + dt.timedelta(days=1):
        return translate("CampaignTimes", "Tomorrow {clock}").format(clock=clock)
    if day == today - dt.timedelta(days=1):
        return translate("CampaignTimes", "Yesterday {clock}").format(clock=clock)
    month = locale.monthName(local.month, QLocale.FormatType.ShortFormat)
    # The day and month as the language writes them ("12. März" in German).
    if local.year == today.year:
        date = translate("DateForm", "{day} {month}").format(day=local.day, month=month)
    else:
        date = translate("DateForm", "{day} {month} {year}").format(
            day=local.day, month=month, year=local.year
        )
    return f"{date} {clock}"


def long_when(moment: dt.datetime) -> str:
    local = _local(moment)
    locale = QLocale()
    date = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.LongFormat)
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{date}, {clock}"


def timing(row: CampaignRow) -> str:
    """The moment that matters for its status: when it went, goes, or was written."""
    translate = QCoreApplication.translate
    if row.status == "scheduled" and row.schedule_at is not None:
        return translate("CampaignTimes", "Goes {when}").format(when=when_text(row.schedule_at))
    if row.status == "sent":
        moment = row.completed_at or row.sent_at
        if moment is None:
            return translate("CampaignTimes", "Sent")
        return translate("CampaignTimes", "Sent {when}").format(when=when_text(moment))
    if row.status in ("sending", "paused") and row.sent_at is not None:
        return translate("CampaignTimes", "Started {when}").format(when=when_text(row.sent_at))
    return translate("CampaignTimes", "Created {when}").format(when=when_text(row.created_at))


__all__ = [
    "STATUSES",
    "STATUS_TITLES",
    "Rate",
    "count_text",
    "has_figures",
    "long_when",
    "rates",
    "rates_tooltip",
    "status_color",
    "status_title",
    "timing",
    "when_text",
]
