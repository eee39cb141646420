"""What a campaign's figures mean to a reader: rates of the right base, statuses
named and coloured, times in the person's zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import QColor, QPalette

from mailtrixy_desktop.store.campaigns import CampaignRow
from mailtrixy_desktop.ui import counts

STATUSES: Final = ("draft", "scheduled", "sending", "sent", "paused")
STATUS_TITLES: Final = {
    "draft": "Draft",
    "scheduled": "Scheduled",
    "sending": "Sending",
    "sent": "Sent",
    "paused": "Paused",
}
# Hues of the status pills; lightness comes from the palette (see status_color).
_STATUS_HUES: Final = {"draft": -1, "scheduled": 210, "sending": 36, "sent": 145, "paused": 0}


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
        return (
            f"{self.label}: {locale.toString(self.part)} {self.part_name} of "
            f"{locale.toString(self.whole)} {self.base} ({self.percent()})"
        )


def rates(row: CampaignRow) -> tuple[Rate, Rate, Rate, Rate, Rate]:
    """Delivery and bounce of the recipients; open, click and unsubscribe of what was
    delivered (an email that never arrived cannot be opened)."""
    return (
        Rate("Delivered", row.delivered, row.recipients_count, "recipients", "delivered"),
        Rate("Opened", row.opened, row.delivered, "delivered", "opened"),
        Rate("Clicked", row.clicked, row.delivered, "delivered", "clicked"),
        Rate("Bounced", row.bounced, row.recipients_count, "recipients", "bounced"),
        Rate("Unsubscribed", row.unsubscribed, row.delivered, "delivered", "unsubscribed"),
    )


def has_figures(row: CampaignRow) -> bool:
    return row.status in ("sending", "sent", "paused")


def rates_tooltip(row: CampaignRow) -> str:
    if not has_figures(row):
        return f"{count_text(row.recipients_count, 'recipient')}; no statistics before it is sent"
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
    if day == today:
        return f"Today {clock}"
    if day == today + dt.timedelta(days=1):
        return f"Tomorrow {clock}"
    if day == today - dt.timedelta(days=1):
        return f"Yesterday {clock}"
    month = locale.monthName(local.month, QLocale.FormatType.ShortFormat)
    if local.year == today.year:
        return f"{local.day} {month} {clock}"
    return f"{local.day} {month} {local.year} {clock}"


def long_when(moment: dt.datetime) -> str:
    local = _local(moment)
    locale = QLocale()
    date = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.LongFormat)
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{date}, {clock}"


def timing(row: CampaignRow) -> str:
    """The moment that matters for its status: when it went, goes, or was written."""
    if row.status == "scheduled" and row.schedule_at is not None:
        return f"Goes {when_text(row.schedule_at)}"
    if row.status == "sent":
        moment = row.completed_at or row.sent_at
        return f"Sent {when_text(moment)}" if moment else "Sent"
    if row.status in ("sending", "paused") and row.sent_at is not None:
        return f"Started {when_text(row.sent_at)}"
    return f"Created {when_text(row.created_at)}"


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
    "timing",
    "when_text",
]
