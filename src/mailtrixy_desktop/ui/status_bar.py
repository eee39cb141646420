"""The status bar: connection, sync progress and last sync, outbox count, a message.

Problems are said here, once, in a sentence; never as a stack of modal dialogs.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QWidget

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.sync.connectivity import State, Status
from mailtrixy_desktop.sync.scheduler import SyncActivity
from mailtrixy_desktop.ui.i18n import moment_text, number, plural, translated

DOT = {State.ONLINE: "#2FA84F", State.DEGRADED: "#E0A021", State.OFFLINE: "#D64545"}
WORD = {
    State.ONLINE: QT_TRANSLATE_NOOP("StatusBar", "Online"),
    State.DEGRADED: QT_TRANSLATE_NOOP("StatusBar", "Connection trouble"),
    State.OFFLINE: QT_TRANSLATE_NOOP("StatusBar", "Offline"),
}
# What a sync is fetching, by resource name.
RESOURCE_WORDS = {
    "contacts": QT_TRANSLATE_NOOP("StatusBar", "contacts"),
    "conversations": QT_TRANSLATE_NOOP("StatusBar", "conversations"),
    "deals": QT_TRANSLATE_NOOP("StatusBar", "deals"),
    "campaigns": QT_TRANSLATE_NOOP("StatusBar", "campaigns"),
    "tags": QT_TRANSLATE_NOOP("StatusBar", "tags"),
    "groups": QT_TRANSLATE_NOOP("StatusBar", "groups"),
    "contact_groups": QT_TRANSLATE_NOOP("StatusBar", "groups"),
    "webhooks": QT_TRANSLATE_NOOP("StatusBar", "webhooks"),
    "team_members": QT_TRANSLATE_NOOP("StatusBar", "team"),
    "email_accounts": QT_TRANSLATE_NOOP("StatusBar", "email accounts"),
}


def ago(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    seconds = ((now or dt.datetime.now(dt.UTC)) - moment).total_seconds()

    if seconds < 45:
        return QCoreApplication.translate("StatusBar", "just now")
    if seconds < 90:
        return QCoreApplication.translate("StatusBar", "a minute ago")
    if seconds < 3600:
        minutes = round(seconds / 60)
        return QCoreApplication.translate("StatusBar", "{count} minutes ago").format(count=minutes)
    if seconds < 5400:
        return QCoreApplication.translate("StatusBar", "an hour ago")
    if seconds < 86400:
        hours = round(seconds / 3600)
        return QCoreApplication.translate("StatusBar", "{count} hours ago").format(count=hours)
    return moment.astimezone().strftime("%d %b %H:%M")


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mouseReleaseEvent(event)


class StatusBar(QStatusBar):
    outboxClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(True)
        self.connection = QLabel()
        self.sync_label = QLabel()
        self.sync_bar = QProgressBar()
        self.sync_bar.setMaximumWidth(120)
        self.sync_bar.setMaximumHeight(12)
        self.sync_bar.setTextVisible(False)
        self.sync_bar.hide()
        self.outbox = _ClickableLabel()
        for widget, name in (
            (self.connection, "connectionStatus"),
            (self.sync_label, "syncStatus"),
            (self.sync_bar, "syncProgress"),
            (self.outbox, "outboxStatus"),
        ):
            widget.setObjectName(name)
        self.outbox.clicked.connect(self.outboxClicked)
        self.outbox.setToolTip(self.tr("Changes waiting to be sent to the server"))
        sync_box = QWidget()
        row = QHBoxLayout(sync_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.sync_bar)
        row.addWidget(self.sync_label)
        for part in (sync_box, self.outbox, self.connection):
            self.addPermanentWidget(part)
        for label in (self.connection, self.sync_label, self.outbox):
            label.setContentsMargins(8, 0, 8, 0)
        self._activity = SyncActivity(False, None, None, None)
        self._status = Status(State.ONLINE, "Connected.", 0.0)
        self._outbox = (0, 0, 0)  # (open, needing attention, waiting to be sent)
        self.set_connection(self._status)
        self.set_outbox(0)
        self._show_sync()
        # "Synced 3 minutes ago" must age by itself.
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._show_sync)
        self._clock.start(30_000)

    def set_connection(self, status: Status) -> None:
        self._status = status
        color = QColor(DOT[status.state])
        self.connection.setText(
            self.tr('<span style="color:{name}">●</span> {value}').format(
                name=color.name(), value=translated(WORD[status.state])
            )
        )
        self.connection.setToolTip(translated(status.reason))
        self.connection.setAccessibleName(
            self.tr("Connection: {value}. {reason}").format(
                value=translated(WORD[status.state]), reason=translated(status.reason)
            )
        )
        if status.state is not State.ONLINE:
            self.showMessage(translated(status.reason), 15_000)
        else:
            self.clearMessage()
        self._show_outbox()  # "Offline — 2 queued" or "Sending 2…" follows the connection

    def set_outbox(self, count: int, attention: int = 0, waiting: int | None = None) -> None:
        """``count`` open operations, ``attention`` of them waiting for the person (refused,
        held, outcome unknown), ``waiting`` the ones the engine sends by itself (by default
        all the others); the rest wait for the person too (being edited, or behind one
        that needs attention)."""
        rest = max(0, count - attention)
        self._outbox = (count, attention, rest if waiting is None else min(waiting, rest))
        self._show_outbox()

    def _show_outbox(self) -> None:
        count, attention, waiting = self._outbox
        state = self._status.state
        offline = state is State.OFFLINE
        parts: list[str] = []
        if offline and count:
            # Nothing moves while offline: say how much waits, all of it.
            parts.append(self.tr("Offline — {count} queued").format(count=count))
        elif waiting and state is State.DEGRADED:
            parts.append(
                self.tr("Retrying — {count} queued").format(count=waiting)
            )  # failing for now; kept and retried
        elif waiting:
            parts.append(
                self.tr("Sending {count}…").format(count=waiting)
            )  # counts down as the queue drains
        if attention:
            parts.append(plural(self.tr("⚠ %Ln (needs|need) attention", "", attention), attention))
        others = count - attention - waiting
        if not offline and others > 0:
            parts.append(self.tr("{count} waiting").format(count=others))
        text = " · ".join(parts) if parts else self.tr("All changes sent")
        self.outbox.setText(text)
        self.outbox.setAccessibleName(self.tr("Outbox: {text}").format(text=text))

    def set_sync(self, activity: SyncActivity) -> None:
        self._activity = activity
        self._show_sync()

    def _show_sync(self) -> None:
        a = self._activity
        if a.running:
            p = a.progress
            if p is not None and p.total:
                self.sync_bar.setRange(0, p.total)
                self.sync_bar.setValue(min(p.done, p.total))
                what = translated(RESOURCE_WORDS.get(p.resource, p.resource.replace("_", " ")))
                text = self.tr("Syncing {what}… {done} of {total}").format(
                    what=what, done=number(p.done), total=number(p.total)
                )
            else:
                self.sync_bar.setRange(0, 0)  # busy
                text = self.tr("Syncing…")
            self.sync_bar.show()
        else:
            self.sync_bar.hide()
            if a.last_error:
                text = self.tr("Sync failed")
            elif a.last_finished_at is not None:
                text = self.tr("Synced {ago}").format(ago=ago(a.last_finished_at))
            else:
                text = self.tr("Not synced yet")
        self.sync_label.setText(text)
        tip = a.last_error or (
            self.tr("Last sync: {when}").format(
                when=moment_text(a.last_finished_at, "d MMM yyyy, HH:mm:ss")
            )
            if a.last_finished_at
            else ""
        )
        self.sync_label.setToolTip(tip)
        self.sync_label.setAccessibleName(self.tr("Sync: {text}").format(text=text))
