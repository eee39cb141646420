"""The main window: sidebar, panes, status bar, menus and shortcuts, and its saved state."""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services import outbox_view
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.sync.connectivity import Status
from mailtrixy_desktop.sync.scheduler import SyncActivity
from mailtrixy_desktop.ui import icons
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.help_windows import AboutWindow, Shortcut, ShortcutsWindow
from mailtrixy_desktop.ui.i18n import plural, translated
from mailtrixy_desktop.ui.navigation import Navigation
from mailtrixy_desktop.ui.pane import Pane, PaneContext
from mailtrixy_desktop.ui.pane_registry import PaneEntry, available_panes
from mailtrixy_desktop.ui.status_bar import StatusBar
from mailtrixy_desktop.ui.tray import AppTray

log = logging.getLogger("mailtrixy_desktop.ui")

_WINDOW = QT_TRANSLATE_NOOP("Shortcuts", "Window")
APP_SHORTCUTS: tuple[Shortcut, ...] = (
    (
        _WINDOW,
        "Ctrl+1 … Ctrl+7",
        QT_TRANSLATE_NOOP("Shortcuts", "Go to the pane at that place in the sidebar"),
    ),
    (_WINDOW, "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search in the current pane")),
    (_WINDOW, "F5", QT_TRANSLATE_NOOP("Shortcuts", "Refresh the current pane from the server")),
    (_WINDOW, "Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New item in the current pane")),
    (_WINDOW, "Ctrl+/", QT_TRANSLATE_NOOP("Shortcuts", "Show this list")),
    (_WINDOW, "Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
)


class _Relay(QObject):
    """Engine callbacks as queued signals: whatever thread calls, the window updates in its own."""

    connection = Signal(object)
    sync = Signal(object)
    authRequired = Signal()


class MainWindow(QMainWindow):
    signInRequested = Signal()  # the token was refused: the app asks for a new one
    addWorkspaceRequested = Signal()
    signOutRequested = Signal()
    closing = Signal()  # the person closed the window (not the app tearing it down)

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings,
        *,
        title: str = "MailTrixy Desktop",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(title)
        self.setWindowIcon(icons.app_icon())
        self.workspace = workspace
        self.settings = settings
        self.changes = ChangeBridge(workspace.changes, self)
        self.context = PaneContext(
            workspace=workspace,
            changes=self.changes,
            settings=settings,
            notify=self.notify,
            refresh=self.refresh,
            open=self.open_item,
        )
        self.navigation = Navigation(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("paneStack")
        self.entries: list[PaneEntry] = available_panes()
        # Built on first show: until then the stack holds an empty stand-in.
        self._built: dict[int, Pane] = {}
        for number, entry in enumerate(self.entries, start=1):
            self.stack.addWidget(QWidget(self.stack))
            self.navigation.add(
                translated(entry.title), entry.icon, entry.object_name, f"Ctrl+{number}"
            )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self._sidebar(title))
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.sign_in_again = QPushButton(self.tr("Sign in again…"), self)
        self.sign_in_again.setObjectName("signInAgain")
        self.sign_in_again.clicked.connect(self.signInRequested)
        self.sign_in_again.hide()
        self.status.addWidget(self.sign_in_again)
        self.navigation.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_pane(current.row())
        )
        self._build_menus()
        self.tray = AppTray(self, workspace, settings, self.changes)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.tray.close_to_tray_action)
        self._wire(workspace)
        self.resize(1280, 800)
        self._closed = False
        self._quit_confirmed = False  # the person said "quit anyway" (or nothing was queued)
        self._quit_box: QMessageBox | None = None
        self.restore_state()
        self._update_badges()
        self._update_outbox()

    def _sidebar(self, title: str) -> QWidget:
        sidebar = QWidget(self)
        sidebar.setObjectName("sidebar")
        sidebar.setMinimumWidth(190)
        sidebar.setMaximumWidth(280)
        header = QWidget(sidebar)
        row = QHBoxLayout(header)
        row.setContentsMargins(14, 14, 10, 10)
        row.setSpacing(10)
        logo = QLabel(header)
        logo.setPixmap(icons.app_icon().pixmap(32, 32))
        name, _, workspace_name = title.partition(" — ")
        where = workspace_name or self.workspace.client.session.base_url
        words = QLabel(
            f"<b style='font-size:11pt'>{html.escape(name)}</b><br>"
            f"<span style='color:palette(placeholder-text)'>{html.escape(where)}</span>",
            header,
        )
        words.setObjectName("workspaceName")
        words.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(logo)
        row.addWidget(words, 1)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.navigation, 1)
        return sidebar

    # ------------------------------------------------------------------ panes
    @property
    def current_pane(self) -> Pane | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Pane) else None

    @property
    def panes(self) -> list[Pane]:
        """The panes built so far (opened at least once), in sidebar order."""
        return [self._built[row] for row in sorted(self._built)]

    def row_of(self, object_name: str) -> int | None:
        return next((i for i, e in enumerate(self.entries) if e.object_name == object_name), None)

    def pane(self, object_name: str) -> Pane | None:
        """The pane by its objectName, built now if it has not been opened yet."""
        row = self.row_of(object_name)
        return None if row is None else self._build_pane(row)

    def _build_pane(self, row: int) -> Pane:
        pane = self._built.get(row)
        if pane is None:
            pane = self.entries[row].load()(self.context, self.stack)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, pane)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[row] = pane
            pane.badgeChanged.connect(self._update_badges)
            pane.restore_state()
        return pane

    def show_pane(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        if self.navigation.currentIndex().row() != row:
            self.navigation.setCurrentIndex(self.navigation.model_.index(row, 0))
        pane = self._build_pane(row)
        self.stack.setCurrentIndex(row)
        pane.activate()

    def open_item(self, object_name: str, item: object) -> None:
        row = self.row_of(object_name)
        if row is None:
            return
        self.show_pane(row)
        self._build_pane(row).open_item(item)

    def notify(self, sentence: str) -> None:
        self.status.showMessage(sentence, 10_000)

    def refresh(self, resources: Iterable[str] | None = None) -> None:
        pane = self.current_pane
        names = list(resources) if resources is not None else list(pane.resources if pane else ())
        self.workspace.sync.request(names or None)
        self.notify(self.tr("Refreshing from the server…"))

    # ------------------------------------------------------------------ menus, shortcuts
    def _action(self, text: str, keys: str | None, slot: object, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self.workspace_menu_anchor = file
        file.addAction(
            self._action(
                self.tr("Add workspace…"), None, self.addWorkspaceRequested, "actionAddWorkspace"
            )
        )
        file.addAction(
            self._action(self.tr("Sign out"), None, self.signOutRequested, "actionSignOut")
        )
        file.addSeparator()
        file.addAction(self._action(self.tr("&Quit"), "Ctrl+Q", self.request_quit, "actionQuit"))
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self._action(self.tr("&New"), "Ctrl+N", self._new_item, "actionNew"))
        edit.addAction(self._action(self.tr("&Find"), "Ctrl+F", self._focus_search, "actionFind"))
        view = bar.addMenu(self.tr("&View"))
        self.view_menu = view
        for number, entry in enumerate(self.entries, start=1):
            view.addAction(
                self._action(
                    translated(entry.title),
                    f"Ctrl+{number}" if number <= 9 else None,
                    lambda _checked=False, row=number - 1: self.show_pane(row),
                    f"actionPane-{entry.object_name}",
                )
            )
        view.addSeparator()
        view.addAction(
            self._action(self.tr("&Refresh"), "F5", lambda: self.refresh(), "actionRefresh")
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("&Keyboard shortcuts"), "Ctrl+/", self.show_shortcuts, "actionShortcuts"
            )
        )
        help_menu.addAction(
            self._action(self.tr("&About MailTrixy Desktop"), None, self.show_about, "actionAbout")
        )

    def shortcuts(self) -> list[Shortcut]:
        found = list(APP_SHORTCUTS)
        for entry in self.entries:  # the class's list: no need to build the pane
            found.extend(entry.load().shortcuts)
        return found

    def show_shortcuts(self) -> ShortcutsWindow:
        window = ShortcutsWindow(self.shortcuts(), self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def show_about(self) -> AboutWindow:
        window = AboutWindow(self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def _new_item(self) -> None:
        if self.current_pane is not None:
            self.current_pane.new_item()

    def _focus_search(self) -> None:
        if self.current_pane is not None:
            self.current_pane.focus_search()

    # ------------------------------------------------------------------ engines → status bar
    def _wire(self, workspace: Workspace) -> None:
        self._relay = _Relay(self)
        self._relay.connection.connect(self._on_connection, Qt.ConnectionType.QueuedConnection)
        self._relay.sync.connect(self._on_sync, Qt.ConnectionType.QueuedConnection)
        self._relay.authRequired.connect(self._on_auth_required, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = [
            workspace.connectivity.subscribe(self._relay.connection.emit),
            workspace.sync.subscribe(self._relay.sync.emit),
        ]
        workspace.outbox.on_auth_required = self._relay.authRequired.emit
        self.status.set_connection(workspace.connectivity.status)
        self.status.set_sync(workspace.sync.activity)
        self.status.outboxClicked.connect(self._show_outbox)
        self.changes.changed.connect(self._on_changes)

    def _on_connection(self, status: Status) -> None:
        self.status.set_connection(status)

    def _on_sync(self, activity: SyncActivity) -> None:
        self.status.set_sync(activity)
        reports = self.workspace.sync.reports
        if (
            not activity.running
            and reports
            and any(isinstance(e, errors.Unauthenticated) for e in reports[-1].failed.values())
        ):
            self._on_auth_required()

    def _on_auth_required(self) -> None:
        # One calm sentence and one button; queued work stays in the outbox.
        self.status.showMessage(
            self.tr(
                "The server no longer accepts this workspace's token. Your unsent changes are "
                "kept; sign in again to send them."
            )
        )
        self.sign_in_again.show()

    def auth_restored(self) -> None:
        self.sign_in_again.hide()
        self.status.clearMessage()
        self.workspace.outbox.wake()
        self.workspace.sync.request()

    def _on_changes(self, names: frozenset[str]) -> None:
        if "outbox" in names:
            self._update_outbox()
        self._update_badges()

    def _update_outbox(self) -> None:
        operations = self.workspace.operations()
        attention = sum(op.state in outbox_view.ATTENTION for op in operations)
        waiting = outbox_view.sendable(operations)
        self.status.set_outbox(len(operations), attention, waiting)

    def _update_badges(self) -> None:
        for row, entry in enumerate(self.entries):
            built = self._built.get(row)
            count = built.badge() if built is not None else None
            if count is None and entry.badge is not None:
                count = entry.badge(self.workspace)
            self.navigation.set_badge(row, count)

    def _show_outbox(self) -> None:
        row = self.row_of("outboxPane")
        if row is not None:
            self.show_pane(row)

    # ------------------------------------------------------------------ state
    def restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self._splitter_restored = False
        row = self.row_of(str(self.settings.value("window/pane", "")))
        self.show_pane(row if row is not None else 0)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        pane = self.current_pane
        self.settings.setValue("window/pane", pane.objectName() if pane else "")
        for each in self.panes:
            each.save_state()
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitter_restored:
            # Splitter sizes only stick once the window has its real width.
            self._splitter_restored = True
            splitter = self.settings.value("window/splitter")
            if isinstance(splitter, QByteArray):
                self.splitter.restoreState(splitter)

    def set_workspace_menu(self, menu: QMenu) -> None:
        """The app's workspace switcher replaces the plain add / sign-out entries."""
        file = self.workspace_menu_anchor
        for action in file.actions():
            if action.objectName() in ("actionAddWorkspace", "actionSignOut"):
                file.removeAction(action)
        actions = file.actions()
        if actions:
            file.insertMenu(actions[0], menu)
        else:
            file.addMenu(menu)

    def request_quit(self) -> None:
        """A person quits (Ctrl+Q, the window's close button): unsent work is said first."""
        if self._quit_box is not None:
            self._quit_box.raise_()
            return
        count = 0 if self._closed else self.workspace.queued_count()
        if count == 0 or self._quit_confirmed:
            self._quit_confirmed = True
            self.close()
            return
        text = plural(
            self.tr(
                "%Ln change(s) (has|have) not been sent yet. (It is|They are) kept on this "
                "computer and (goes|go) out the next time you start MailTrixy Desktop.",
                "",
                count,
            ),
            count,
        )
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Quit with unsent changes?"), text, parent=self
        )
        box.setObjectName("quitWithQueued")
        quit_anyway = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.AcceptRole)
        quit_anyway.setObjectName("quitAnyway")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._quit_answered(button is quit_anyway))
        self._quit_box = box
        box.open()  # not exec(): a nested event loop under qasync would stall the engines

    def _quit_answered(self, quit_anyway: bool) -> None:
        self._quit_box = None
        if quit_anyway:
            self._quit_confirmed = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only a person's close asks (the window manager's, which is spontaneous); the app
        # tearing the window down (AppSession.close, a workspace switch) never does.
        if event.spontaneous() and not self._closed and not self._quit_confirmed:
            event.ignore()
            if self.tray.hide_on_close():
                self.hide()  # the tray icon brings it back; the session goes on
            else:
                self.request_quit()
            return
        if not self._closed:
            self._closed = True
            self.tray.remove()
            self.closing.emit()
        self.save_state()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self.changes.close()
        super().closeEvent(event)
