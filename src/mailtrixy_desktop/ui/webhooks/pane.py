"""The Webhooks pane: the workspace's webhooks, New (the secret shown once), Delete,
and a guide to verifying deliveries.

The list is read from the cache and refreshed from the server whenever the pane
is shown (webhooks are few and unpaginated). Creating one needs the server
there and then: its secret exists only in the creation answer, so it is never
queued, and never written anywhere by this app. Deleting goes through the
outbox like every other change.
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.admin import NO_WEBHOOKS_SCOPE, OFFLINE_CREATE
from mailtrixy_desktop.store.webhooks import WebhookRow
from mailtrixy_desktop.sync.connectivity import State
from mailtrixy_desktop.ui import async_bridge
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.i18n import number, translated
from mailtrixy_desktop.ui.pane import Pane, PaneContext, pane_title, quiet_label
from mailtrixy_desktop.ui.webhooks.delegates import WebhookDelegate
from mailtrixy_desktop.ui.webhooks.guide import VerifyGuide
from mailtrixy_desktop.ui.webhooks.models import WebhooksModel

EMPTY = QT_TRANSLATE_NOOP(
    "WebhooksPane",
    "No webhooks yet.\n\n"
    "A webhook tells another service the moment something happens here — a new "
    "contact, a reply, a won deal, a campaign sent — so Zapier, Make, n8n or your "
    "own server can act on it.\n\n"
    "Create one with New webhook (Ctrl+N).",
)
EMPTY_FORBIDDEN = QT_TRANSLATE_NOOP(
    "WebhooksPane", "Webhooks are not available with this workspace's API token."
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "WebhooksPane",
    "The server could not be reached, so no webhook was created. Its secret comes "
    "only from the server, so creating one needs the connection; try again in a moment.",
)


class _WebhookList(QListView):
    """A list that says what webhooks are for when it has none, instead of an empty box."""

    placeholder = EMPTY

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0 or not self.placeholder:
            return
        painter = QPainter(self.viewport())
        color = QColor(self.palette().color(self.foregroundRole()))
        color.setAlphaF(0.6)
        painter.setPen(color)
        rect = self.viewport().rect().adjusted(32, 32, -32, -32)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            translated(self.placeholder),
        )


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(tip)
    button.setToolTip(tip)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


_PANE = QT_TRANSLATE_NOOP("Shortcuts", "Webhooks")


class WebhooksPane(Pane):
    resources = ("webhooks",)
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (_PANE, "Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New webhook")),
        (_PANE, "Del", QT_TRANSLATE_NOOP("Shortcuts", "Delete the webhook (asks first)")),
        (_PANE, "F5", QT_TRANSLATE_NOOP("Shortcuts", "Refresh the list from the server")),
    )

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("webhooksPane")
        self.setAccessibleName(self.tr("Webhooks"))
        self.model = WebhooksModel(self)
        self._selected: int | None = None
        self._stale = True
        self._refreshing: asyncio.Task[None] | None = None
        self._creating: asyncio.Task[None] | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("webhooksSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self._build_list())
        self.guide = VerifyGuide()
        self.splitter.addWidget(self.guide)
        self.guide.setVisible(False)  # until asked for (the button, or the saved state)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        # The guide's code reads best without a horizontal scroll bar.
        # 76 columns of code, and the frame and margins around them.
        self.guide.setMinimumWidth(self.guide.snippet.fontMetrics().horizontalAdvance("x" * 79))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        context.changes.changed.connect(self._on_changed)
        self._update_actions()

    # ------------------------------------------------------------------ building
    def _build_list(self) -> QWidget:
        widget = QWidget()
        widget.setObjectName("webhooksSection")
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)

        title = pane_title(self.tr("Webhooks"))
        self.count = quiet_label("webhooksCount")
        self.refresh_button = _button(
            self.tr("Refresh"), "webhookRefresh", self.tr("Refresh from the server")
        )
        self.refresh_button.clicked.connect(lambda: self.refresh_from_server(quiet=False))
        self.guide_button = _button(
            self.tr("How to verify deliveries"),
            "webhookGuide",
            self.tr("Show or hide how to verify deliveries"),
        )
        self.guide_button.setCheckable(True)
        # Off at first: beside the list it needs a wide window; the button opens it.
        self.guide_button.setChecked(False)
        self.guide_button.toggled.connect(self._show_guide)
        self.new_button = _button(
            self.tr("New webhook…"), "webhookNew", self.tr("Create a webhook")
        )
        self.new_button.clicked.connect(self.new_webhook)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(title)
        top.addSpacing(8)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBaseline)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.guide_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.scope_notice = QLabel()
        self.scope_notice.setObjectName("webhookScopeNotice")
        self.scope_notice.setWordWrap(True)
        self.scope_notice.hide()
        layout.addWidget(self.scope_notice)

        self.list = _WebhookList()
        self.list.setObjectName("webhookList")
        self.list.setAccessibleName(self.tr("Webhooks"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(WebhookDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentChanged.connect(self._row_selected)
        delete_action = QAction(self.tr("Delete"), self.list)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_webhook)
        self.list.addAction(delete_action)
        layout.addWidget(self.list, 1)

        self.selection_info = QLabel()
        self.selection_info.setObjectName("webhookSelection")
        self.selection_info.setEnabled(False)
        self.selection_info.setWordWrap(True)
        self.delete_button = _button(
            self.tr("Delete…"), "webhookDelete", self.tr("Delete the webhook")
        )
        self.delete_button.clicked.connect(self.delete_webhook)
        bottom = QHBoxLayout()
        bottom.addWidget(self.selection_info, 1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        return widget

    # ------------------------------------------------------------------ pane contract
    def activate(self) -> None:
        if self._stale:
            self._reload()
        self.refresh_from_server(quiet=True)

    def new_item(self) -> None:
        self.new_webhook()

    def focus_search(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(self.settings_key("guide"), self.guide_button.isChecked())

    def restore_state(self) -> None:
        settings = self.context.settings
        splitter = settings.value(self.settings_key("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)
        guide = settings.value(self.settings_key("guide"))
        if guide is not None:
            self.guide_button.setChecked(str(guide).lower() in ("true", "1"))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def hideEvent(self, event: Any) -> None:
        # A request still in flight when the window closes would hold up closing the
        # client under it: a hidden pane needs no refresh, a closed window no creation.
        if self._refreshing is not None:
            self._refreshing.cancel()
        window = self.window()
        if self._creating is not None and (window is self or not window.isVisible()):
            self._creating.cancel()
        super().hideEvent(event)

    # ------------------------------------------------------------------ reading
    def _on_changed(self, names: frozenset[str]) -> None:
        if "webhooks" in names:
            self._stale = True
            if self.isVisible():
                self._reload()

    def _reload(self) -> None:
        self._stale = False
        rows = self.workspace.admin.webhooks()
        self.model.set_rows(rows)
        row = self.model.row_of(self._selected) if self._selected is not None else -1
        current = self.list.currentIndex()
        if row >= 0 and (not current.isValid() or current.row() != row):
            self.list.setCurrentIndex(self.model.index(row, 0))
        elif row < 0 and current.isValid():
            self.list.setCurrentIndex(QModelIndex())
        paused = sum(not r.is_active for r in rows)
        text = count_text(len(rows), "webhook") if rows else self.tr("None yet")
        self.count.setText(
            text
            + (" · " + self.tr("{count} paused").format(count=number(paused)) if paused else "")
        )
        self._update_actions()

    def refresh_from_server(self, *, quiet: bool = True) -> None:
        """Read the list from the server; the newest request wins."""
        if self._refreshing is not None and not self._refreshing.done():
            self._refreshing.cancel()
        self._refreshing = async_bridge.spawn(self._refresh(quiet), name="webhooks-refresh")

    async def _refresh(self, quiet: bool) -> None:
        try:
            await self.workspace.admin.refresh_webhooks()
        except errors.ApiError as exc:
            if not quiet and shiboken6.isValid(self):
                self.context.notify(
                    self.tr("Webhooks were not refreshed: {message}").format(message=exc.message)
                )
            return
        if shiboken6.isValid(self):
            self._update_actions()  # a 403 is known only now
            if not quiet:
                self.context.notify(self.tr("Webhooks are up to date."))

    def current(self) -> WebhookRow | None:
        if self._selected is None:
            return None
        row = self.model.row_of(self._selected)
        return self.model.row_at(row) if row >= 0 else None

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._selected = self.model.row_at(current.row()).id if current.isValid() else None
        self._update_actions()

    def _update_actions(self) -> None:
        reason = self.workspace.admin.webhooks_blocked()
        blocked = translated(reason) if reason is not None else None
        self.scope_notice.setText(blocked or "")
        self.scope_notice.setVisible(blocked is not None)
        self.list.placeholder = EMPTY_FORBIDDEN if blocked else EMPTY
        row = self.current()
        self.new_button.setEnabled(blocked is None)
        self.delete_button.setEnabled(blocked is None and row is not None and not row.pending)
        for button, tip in (
            (self.new_button, self.tr("Create a webhook")),
            (self.delete_button, self.tr("Delete the webhook")),
        ):
            button.setToolTip(blocked or tip)
        if row is None:
            self.selection_info.setText("")
        else:
            events = ", ".join(row.events) or self.tr("no events")
            self.selection_info.setText(self.tr("Sends {events}.").format(events=events))
        self.list.viewport().update()

    def _show_guide(self, shown: bool) -> None:
        self.guide.setVisible(shown)

    # ------------------------------------------------------------------ creating
    def new_webhook(self) -> None:
        blocked = self.workspace.admin.webhooks_blocked()
        if blocked is not None:
            self.context.notify(translated(blocked))
            return
        # Loaded on first use: the dialog is not on the path to the pane's first paint.
        from mailtrixy_desktop.api.models import EVENTS
        from mailtrixy_desktop.ui.webhooks.dialog import WebhookDialog

        dialog = WebhookDialog(EVENTS, self)
        dialog.submitted.connect(lambda values: self._create(dialog, values))
        # open(), not exec(): no nested event loop under qasync.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _create(self, dialog: Any, values: dict[str, Any]) -> None:
        if self.workspace.connectivity.state is State.OFFLINE:
            # Never queued: the secret would have nowhere to be shown.
            dialog.set_status(translated(OFFLINE_CREATE))
            return
        dialog.set_busy(True)
        self._creating = async_bridge.spawn(
            self._create_on_server(dialog, values), name="webhook-create"
        )

    async def _create_on_server(self, dialog: Any, values: dict[str, Any]) -> None:
        try:
            created = await self.workspace.admin.create_webhook(values["url"], values["events"])
        except errors.ValidationFailed as exc:
            if shiboken6.isValid(dialog) and not dialog.show_errors(exc.field_errors):
                dialog.set_status(exc.message)
            return
        except errors.Forbidden:
            self._creation_failed(dialog, translated(NO_WEBHOOKS_SCOPE))
            return
        except errors.NetworkError:
            self._creation_failed(dialog, translated(UNREACHABLE))
            return
        except errors.ApiError as exc:
            self._creation_failed(
                dialog,
                self.tr("The webhook was not created: {message}").format(message=exc.message),
            )
            return
        if not shiboken6.isValid(self):
            return
        self._selected = created.id
        self._reload()
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.show_secret(created.url, created.secret.get_secret_value())
            self.context.notify(
                self.tr("Webhook created. Copy its secret now: it is shown only once.")
            )
        else:
            # Closed while the server answered: the secret is gone with the dialog.
            self.context.notify(
                self.tr(
                    "The webhook was created, but its secret could not be shown because the "
                    "window was closed. Delete it and create it again if you need the secret."
                )
            )

    def _creation_failed(self, dialog: Any, message: str) -> None:
        if shiboken6.isValid(dialog):
            dialog.set_busy(False)
            dialog.set_status(message)

    # ------------------------------------------------------------------ deleting
    def delete_webhook(self) -> None:
        row = self.current()
        if row is None or self.workspace.admin.webhooks_blocked() is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete webhook"),
            self.tr(
                "Delete the webhook that posts to {url}?\n\n"
                "MailTrixy stops sending it events at once; whatever it feeds "
                "(a Zap, a scenario, a workflow) gets nothing more."
            ).format(url=row.url),
            parent=self,
        )
        box.setObjectName("webhookDeleteConfirm")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDelete")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        # The answer is kept on the box: with open() the clicked button is gone by finished.
        box.buttonClicked.connect(lambda b: box.setProperty("confirmed", b is delete))

        def finished(_result: int) -> None:
            if box.property("confirmed"):
                self.workspace.admin.delete_webhook(row.id)
                self.context.notify(self.tr("Deleted the webhook for {url}.").format(url=row.url))

        box.finished.connect(finished)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


__all__ = ["WebhooksPane"]
