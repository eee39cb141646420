"""The tray icon (issue 8): its counts in words and in a badge, its menu, and the
"Close to tray" option, off by default and kept in the workspace's settings.

The offscreen platform has no system tray; the tests that need one say it has
(``QSystemTrayIcon.isSystemTrayAvailable`` patched). Showing the icon then makes
Qt's offscreen plugin warn that it has no tray window to follow; that is the
platform, not the app.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QCloseEvent, QColor, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from mailtrixy_desktop.app.runner import AppSession
from mailtrixy_desktop.ui import icons, tray
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_desktop.ui.notifications import DesktopNotifier
from mailtrixy_desktop.ui.tray import AppTray, TrayCounts
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import NO_FAULTS, Admin, Api
from tests.ui.conftest import run, until

NO_TRAY_WINDOW = "systemTrayWindowChanged"


# ---------------------------------------------------------------------- words and badge
def test_the_tooltip_says_both_counts_in_words() -> None:
    assert tray.tooltip(TrayCounts(0, 0)) == (
        "MailTrixy Desktop\nNo open conversations\nNothing waiting to be sent"
    )
    assert tray.tooltip(TrayCounts(1, 1)) == (
        "MailTrixy Desktop\n1 open conversation\n1 change waiting to be sent"
    )
    assert tray.tooltip(TrayCounts(1234, 5), title="Acme") == (
        "Acme\n1,234 open conversations\n5 changes waiting to be sent"
    )


def test_the_badge_holds_two_digits_at_most() -> None:
    assert [tray.badge_text(n) for n in (-1, 0, 1, 42, 99, 100, 5000)] == [
        "",
        "",
        "1",
        "42",
        "99",
        "99+",
        "99+",
    ]


def _pixel(icon: QIcon, size: int, x: float, y: float) -> QColor:
    image = icon.pixmap(size, size).toImage()
    return image.pixelColor(int(x * (image.width() - 1)), int(y * (image.height() - 1)))


def test_the_badge_is_painted_into_the_icon(qapp: QApplication) -> None:
    base = icons.app_icon()
    assert tray.badged_icon(base, TrayCounts(0, 0)) is base  # nothing to say: the plain icon
    badged = tray.badged_icon(base, TrayCounts(7, 0))
    red = _pixel(badged, 64, 0.84, 0.12)
    assert (red.red(), red.green(), red.blue()) == (0xDC, 0x26, 0x26)
    # No queued changes: the bottom right corner is the plain icon's.
    assert _pixel(badged, 64, 0.9, 0.9) == _pixel(base, 64, 0.9, 0.9)
    queued = tray.badged_icon(base, TrayCounts(0, 3))
    amber = _pixel(queued, 64, 0.84, 0.84)
    assert (amber.red(), amber.green(), amber.blue()) == (0xF5, 0x9E, 0x0B)
    assert _pixel(queued, 64, 0.84, 0.12) == _pixel(base, 64, 0.84, 0.12)


# ---------------------------------------------------------------------- with a fake workspace
class _Changes(QObject):
    changed = Signal(object)


@dataclass
class _Inbox:
    open: int = 0

    def counts(self) -> dict[str, int]:
        return {"open": self.open, "closed": 3}


@dataclass
class _Workspace:
    inbox: _Inbox = field(default_factory=_Inbox)
    queued: int = 0

    def queued_count(self) -> int:
        return self.queued


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _tray(
    qtbot: QtBot, settings: QSettings, workspace: _Workspace, *, available: bool
) -> tuple[QMainWindow, AppTray, _Changes]:
    window = QMainWindow()
    qtbot.addWidget(window)
    changes = _Changes(window)
    return window, AppTray(window, workspace, settings, changes, available=available), changes


def test_counts_follow_the_change_broadcast(qtbot: QtBot, settings: QSettings) -> None:
    workspace = _Workspace(_Inbox(open=4), queued=0)
    _window, app_tray, changes = _tray(qtbot, settings, workspace, available=False)
    assert app_tray.counts == TrayCounts(4, 0)
    assert app_tray.icon is None  # no tray on this desktop: nothing shown, nothing fails
    workspace.inbox.open, workspace.queued = 5, 2
    changes.changed.emit(frozenset({"deals"}))  # not about the counts: not read again
    assert app_tray.counts == TrayCounts(4, 0)
    changes.changed.emit(frozenset({"outbox"}))
    assert app_tray.counts == TrayCounts(5, 2)
    assert app_tray.tooltip.splitlines()[1:] == [
        "5 open conversations",
        "2 changes waiting to be sent",
    ]


def test_close_to_tray_is_off_by_default_and_disabled_without_a_tray(
    qtbot: QtBot, settings: QSettings
) -> None:
    _window, app_tray, _changes = _tray(qtbot, settings, _Workspace(), available=False)
    action = app_tray.close_to_tray_action
    assert action.objectName() == "actionCloseToTray"
    assert action.isCheckable()
    assert not action.isChecked()
    assert not action.isEnabled()  # hiding to a tray that is not there would lose the window
    action.setChecked(True)
    assert not app_tray.hide_on_close()


@pytest.mark.qt_log_ignore(NO_TRAY_WINDOW)
def test_close_to_tray_is_kept_in_the_settings(qtbot: QtBot, settings: QSettings) -> None:
    _window, first, _changes = _tray(qtbot, settings, _Workspace(), available=True)
    assert first.close_to_tray_action.isEnabled()
    assert not first.hide_on_close()
    first.close_to_tray_action.trigger()
    assert first.hide_on_close()
    assert settings.value(tray.CLOSE_TO_TRAY_KEY) in (True, "true")
    first.remove()

    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    _window, second, _changes = _tray(qtbot, again, _Workspace(), available=True)
    assert second.close_to_tray_action.isChecked()
    second.close_to_tray_action.trigger()
    assert QSettings(settings.fileName(), QSettings.Format.IniFormat).value(
        tray.CLOSE_TO_TRAY_KEY
    ) in (False, "false")
    second.remove()


@pytest.mark.qt_log_ignore(NO_TRAY_WINDOW)
def test_one_icon_serves_counts_and_notifications(
    qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, app_tray, _changes = _tray(qtbot, settings, _Workspace(_Inbox(2), 1), available=True)
    assert app_tray.icon is not None
    assert app_tray.icon.isVisible()
    assert app_tray.icon.toolTip() == tray.tooltip(TrayCounts(2, 1))
    menu = app_tray.icon.contextMenu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["Hide window", "Quit"]

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda self, title, body, *rest: shown.append((title, body))
    )
    DesktopNotifier(window, lambda _sentence: None)("New conversation", "Hello")
    assert shown == [("New conversation", "Hello")]
    assert window.findChildren(QSystemTrayIcon) == [app_tray.icon]
    app_tray.remove()


# ---------------------------------------------------------------------- in the real window


def _session(sessions: list[AppSession], sandbox: SandboxProcess, data_dir: Path) -> AppSession:
    session = AppSession(sandbox.url, sandbox.token, data_dir, title="MailTrixy — Test")
    sessions.append(session)
    return session


def _close_from_window_system(window: MainWindow) -> None:
    # A close sent to the native window counts as the person's (a spontaneous one).
    handle = window.windowHandle()
    assert handle is not None
    QApplication.sendEvent(handle, QCloseEvent())


@pytest.mark.usefixtures("loop")
def test_the_window_tray_counts_open_conversations_and_queued_changes(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    admin: Admin,
    api: Api,
    tmp_path: Path,
) -> None:
    session = _session(sessions, sandbox, tmp_path / "ws")
    person = api.make_contact(name="Tray Person", email="tray.person@example.com")
    admin.simulate("new_conversation")

    async def scenario() -> None:
        window = await session.start()
        ws = session.workspace
        assert ws is not None
        await until(lambda: ws.contacts.get(person["id"]), what="the contact in the cache")
        await until(
            lambda: window.tray.counts.open_conversations == ws.inbox.counts().get("open", 0) > 0,
            what="the open conversations in the tray's counts",
        )
        assert window.tray.counts.queued_operations == 0
        admin.faults(offline=True)
        try:
            ws.contacts.update(person["id"], {"company": "Tray Ltd"})
            await until(
                lambda: window.tray.counts.queued_operations == ws.queued_count() > 0,
                what="the queued change in the tray's counts",
            )
            assert "waiting to be sent" in window.tray.tooltip
        finally:
            admin.faults(**NO_FAULTS)
        ws.outbox.wake()
        await until(
            lambda: window.tray.counts.queued_operations == 0,
            within=30,
            what="the tray to see the queue drained",
        )
        assert window.tray.tooltip.endswith("Nothing waiting to be sent")
        await session.close()

    run(loop, scenario(), timeout=90)


@pytest.mark.usefixtures("loop")
def test_without_a_tray_closing_the_window_quits_as_before(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    session = _session(sessions, sandbox, tmp_path / "ws")

    async def scenario() -> None:
        window = await session.start(sync=False)
        action = window.findChild(type(window.tray.close_to_tray_action), "actionCloseToTray")
        assert action is window.tray.close_to_tray_action
        assert action in window.view_menu.actions()
        assert not action.isChecked()
        assert window.findChildren(QSystemTrayIcon) == []
        ended: list[str] = []
        # run_session ends the session on either of these.
        window.closing.connect(lambda: ended.append("closing"))
        QApplication.instance().lastWindowClosed.connect(lambda: ended.append("last window"))
        _close_from_window_system(window)
        await until(lambda: not window.isVisible(), what="the window to close")
        assert ended
        await session.close()

    run(loop, scenario())


# Offscreen windows cannot be raised either: bringing the window back asks to.
@pytest.mark.qt_log_ignore(NO_TRAY_WINDOW, "does not support raise")
@pytest.mark.usefixtures("loop")
def test_with_close_to_tray_the_close_button_hides_the_window(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    data_dir = tmp_path / "ws"
    first = _session(sessions, sandbox, data_dir)

    async def scenario() -> None:
        window = await first.start(sync=False)
        assert window.tray.icon is not None
        window.tray.close_to_tray_action.trigger()  # the person ticks View → Close to tray
        closings: list[str] = []
        window.closing.connect(lambda: closings.append("closing"))
        QApplication.instance().lastWindowClosed.connect(lambda: closings.append("last window"))
        _close_from_window_system(window)
        await until(lambda: not window.isVisible(), what="the window to hide")
        await asyncio.sleep(0.1)  # a late lastWindowClosed would end run_session
        assert closings == []  # hidden, not closed: the session goes on
        assert window.tray.icon.isVisible()
        window.tray.toggle_window()  # a click on the tray icon brings it back
        await until(window.isVisible, what="the window to come back")
        window.tray.quit()  # the tray's Quit: nothing queued, so no question
        await until(lambda: "closing" in closings, what="the window to close")
        assert not window.tray.icon.isVisible()
        await first.close()

        # The choice is the workspace's: the next start has it ticked.
        second = _session(sessions, sandbox, data_dir)
        again = await second.start(sync=False)
        assert again.tray.close_to_tray_action.isChecked()
        await second.close()

    run(loop, scenario())
