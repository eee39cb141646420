"""The tray icon: open conversations and queued changes at a glance, and a way back
to the window.

There is one tray icon per main window (``shared_tray_icon``): desktop notifications
(``ui/notifications``) show their balloons from the same icon instead of a second
one. The icon carries a badge with the count of open conversations and a dot while
changes wait in the outbox; its tooltip says both in words.

"Close to tray" (off by default, saved in the workspace's settings) makes the
window's close button hide the window instead of quitting. Where the desktop has no
tray (the offscreen platform, some Wayland desktops) there is no icon, the option
is disabled, and closing the window quits as usual.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon, QWidget

from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.ui import icons
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.counts import count_text

log = logging.getLogger("mailtrixy_desktop.ui")

TRAY_OBJECT_NAME = "trayIcon"
CLOSE_TO_TRAY_KEY = "window/close_to_tray"
APP_TITLE = "MailTrixy Desktop"
# The badge is painted into these sizes; a tray picks the one nearest its own.
BADGE_SIZES = (16, 22, 24, 32, 48, 64)
BADGE_RED = QColor("#DC2626")
QUEUED_AMBER = QColor("#F59E0B")


@dataclass(frozen=True)
class TrayCounts:
    open_conversations: int = 0
    queued_operations: int = 0


def tooltip(counts: TrayCounts, title: str = APP_TITLE) -> str:
    """Title, then one line per count, in words."""
    translate = QCoreApplication.translate
    conversations = (
        count_text(counts.open_conversations, "open conversation")
        if counts.open_conversations
        else translate("Tray", "No open conversations")
    )
    queued = (
        translate("Tray", "{changes} waiting to be sent").format(
            changes=count_text(counts.queued_operations, "change")
        )
        if counts.queued_operations
        else translate("Tray", "Nothing waiting to be sent")
    )
    return f"{title}\n{conversations}\n{queued}"


def badge_text(count: int) -> str:
    """What fits in a badge on a 16-pixel icon: up to two digits."""
    if count <= 0:
        return ""
    return str(count) if count < 100 else "99+"


def badged_icon(base: QIcon, counts: TrayCounts) -> QIcon:
    """``base`` with the open-conversation count in a red badge at its top right, and an
    amber dot at its bottom right while changes are queued."""
    text = badge_text(counts.open_conversations)
    if not text and not counts.queued_operations:
        return base
    result = QIcon()
    for size in BADGE_SIZES:
        pixmap = base.pixmap(size, size)
        if pixmap.isNull():
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        outline = QPen(QColor("white"), max(1.0, size / 24))
        if text:
            height = size * 0.6
            width = max(height, height * (0.45 + 0.3 * len(text)))
            rect = QRectF(size - width, 0, width, height)
            painter.setPen(outline)
            painter.setBrush(BADGE_RED)
            painter.drawRoundedRect(rect, height / 2, height / 2)
            font = QFont()
            font.setBold(True)
            font.setPixelSize(max(6, int(height * (0.72 if len(text) < 3 else 0.55))))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if counts.queued_operations:
            dot = size * 0.36
            painter.setPen(outline)
            painter.setBrush(QUEUED_AMBER)
            painter.drawEllipse(QRectF(size - dot, size - dot, dot - 0.5, dot - 0.5))
        painter.end()
        result.addPixmap(pixmap)
    return result


def shared_tray_icon(window: QWidget) -> QSystemTrayIcon:
    """The window's one tray icon, made on the first ask and found after that, so the
    counts and the notifications share it."""
    found = window.findChild(QSystemTrayIcon, TRAY_OBJECT_NAME)
    if isinstance(found, QSystemTrayIcon):
        return found
    tray = QSystemTrayIcon(icons.app_icon(), window)
    tray.setObjectName(TRAY_OBJECT_NAME)
    tray.setToolTip(APP_TITLE)
    return tray


def read_counts(workspace: Workspace) -> TrayCounts:
    return TrayCounts(
        open_conversations=workspace.inbox.counts().get("open", 0),
        queued_operations=workspace.queued_count(),
    )


class AppTray(QObject):
    """The main window's tray icon and its "Close to tray" option."""

    def __init__(
        self,
        window: QMainWindow,
        workspace: Workspace,
        settings: QSettings,
        changes: ChangeBridge,
        *,
        available: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("appTray")
        self._window = window
        self._workspace = workspace
        self._settings = settings
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.counts = TrayCounts()
        self.tooltip = tooltip(self.counts)
        self._painted: TrayCounts | None = None  # what the icon shows now
        self.close_to_tray_action = QAction(
            QCoreApplication.translate("Tray", "Close to tray"), window
        )
        self.close_to_tray_action.setObjectName("actionCloseToTray")
        self.close_to_tray_action.setCheckable(True)
        self.close_to_tray_action.setChecked(_setting_on(settings.value(CLOSE_TO_TRAY_KEY)))
        self.close_to_tray_action.toggled.connect(self._save_close_to_tray)
        self.icon: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if self.available:
            self._make_icon()
        else:
            # Hiding to a tray that is not there would leave no way back to the window.
            self.close_to_tray_action.setEnabled(False)
            self.close_to_tray_action.setToolTip(
                QCoreApplication.translate("Tray", "This desktop has no system tray")
            )
        changes.changed.connect(self._on_changed)
        self.refresh()

    def _make_icon(self) -> None:
        icon = shared_tray_icon(self._window)
        menu = QMenu(self._window)
        menu.setObjectName("trayMenu")
        self.show_action = menu.addAction(QCoreApplication.translate("Tray", "Hide window"))
        self.show_action.setObjectName("trayShowHide")
        self.show_action.triggered.connect(self.toggle_window)
        menu.addSeparator()
        quit_action = menu.addAction(QCoreApplication.translate("Tray", "Quit"))
        quit_action.setObjectName("trayQuit")
        quit_action.triggered.connect(self.quit)
        menu.aboutToShow.connect(self._update_menu)
        icon.setContextMenu(menu)
        icon.activated.connect(self._on_activated)
        icon.show()
        self.icon, self.menu = icon, menu

    # ------------------------------------------------------------------ counts
    def _on_changed(self, names: frozenset[str]) -> None:
        if "conversations" in names or "outbox" in names:
            self.refresh()

    def refresh(self) -> None:
        try:
            counts = read_counts(self._workspace)
        except Exception:  # the cache is closing with the window: keep the last counts
            log.debug("could not read the tray's counts", exc_info=True)
            return
        self.counts = counts
        self.tooltip = tooltip(counts)
        if self.icon is not None and counts != self._painted:
            self._painted = counts
            self.icon.setToolTip(self.tooltip)
            self.icon.setIcon(badged_icon(icons.app_icon(), counts))

    # ------------------------------------------------------------------ window
    @property
    def close_to_tray(self) -> bool:
        return self.close_to_tray_action.isChecked()

    def _save_close_to_tray(self, on: bool) -> None:
        self._settings.setValue(CLOSE_TO_TRAY_KEY, on)
        self._settings.sync()

    def hide_on_close(self) -> bool:
        """Whether the window's close button should hide the window instead of closing
        it: only with the option on and a tray icon to come back through."""
        return self.close_to_tray and self.icon is not None and self.icon.isVisible()

    def _update_menu(self) -> None:
        self.show_action.setText(
            QCoreApplication.translate("Tray", "Hide window")
            if self._window.isVisible()
            else QCoreApplication.translate("Tray", "Show window")
        )

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.toggle_window()

    def toggle_window(self) -> None:
        if self._window.isVisible() and not self._window.isMinimized():
            self._window.hide()
        else:
            self.show_window()

    def show_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def quit(self) -> None:
        # The window asks about unsent changes; it must be on screen to be seen asking.
        self.show_window()
        request_quit = getattr(self._window, "request_quit", None)
        if callable(request_quit):
            request_quit()
        else:
            self._window.close()

    def remove(self) -> None:
        """The window is going away: so does its icon (a new session makes its own)."""
        if self.icon is not None:
            self.icon.hide()


def _setting_on(value: object) -> bool:
    # QSettings' ini files give back strings ("true"), the native stores booleans.
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)
