"""The Campaigns pane: every campaign with its rates, one in full with its chart, and
the editor; sending and deleting ask first.

Reads come from the cache and every change goes through ``CampaignsService`` (cache
and outbox in one transaction), so the pane works offline. While a campaign is
sending and the pane is on screen, its figures are fetched from the server every
``POLL_SECONDS`` (``CampaignsService.refresh``, on the qasync loop: the UI thread
never waits) and the change broadcast repaints the list and the chart.
"""

from __future__ import annotations

import asyncio
import html
import logging
from typing import ClassVar, Final

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services import merge_tags
from mailtrixy_desktop.services.campaigns import CampaignsService
from mailtrixy_desktop.store.campaigns import CampaignRow
from mailtrixy_desktop.store.outbox import Operation
from mailtrixy_desktop.ui.async_bridge import spawn
from mailtrixy_desktop.ui.campaigns.delegate import CampaignDelegate
from mailtrixy_desktop.ui.campaigns.detail import CampaignDetail
from mailtrixy_desktop.ui.campaigns.formatting import (
    STATUSES,
    count_text,
    status_title,
)
from mailtrixy_desktop.ui.campaigns.list_model import ID_ROLE, CampaignListModel
from mailtrixy_desktop.ui.i18n import counted, number
from mailtrixy_desktop.ui.pane import Pane, PaneContext, pane_title, quiet_label

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS: Final = 150
FETCH_SECONDS: Final = 15.0
MAX_POLLED: Final = 10  # sending at once; more than that waits for the next sync


def quoted(name: str) -> str:
    return f"“{name}”"


class CampaignListView(QListView):
    """The list, with a sentence of its own when it has nothing to show."""

    empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is None or self.model().rowCount() or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        color = self.palette().color(QPalette.ColorRole.Text)
        color.setAlphaF(0.55)
        painter.setPen(color)
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        painter.drawText(
            area,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.empty_text,
        )
        painter.end()


_PANE = QT_TRANSLATE_NOOP("Shortcuts", "Campaigns")


class CampaignsPane(Pane):
    resources: ClassVar[tuple[str, ...]] = ("campaigns", "email_accounts", "groups")
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (_PANE, "Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New campaign")),
        (_PANE, "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search campaign names and subjects")),
        (
            _PANE,
            "Enter",
            QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected draft or scheduled campaign"),
        ),
        (_PANE, "Del", QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected draft (asks first)")),
    )
    # While a campaign is sending and on screen: seconds between fetches of its figures.
    POLL_SECONDS: ClassVar[float] = 3.0

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("campaignsPane")
        self.setAccessibleName(self.tr("Campaigns"))
        self.campaigns: CampaignsService = self.workspace.campaigns
        self._stale = False
        self._selected_id: int | None = None
        self._fetched: set[int] = set()  # detail (body, groups) fetched this session
        self._polling: dict[int, asyncio.Task[None]] = {}
        self._confirm: QMessageBox | None = None
        self._told: set[int] = set(op.id for op in self.campaigns.refused())
        self.model = CampaignListModel(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.poll_now)
        self._build()
        self.reload()
        self.context.changes.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(pane_title(self.tr("Campaigns"), self))
        self.count_label = quiet_label("campaignCount", self)
        bar.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        bar.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setObjectName("campaignSearch")
        self.search.setAccessibleName(self.tr("Search campaigns"))
        self.search.setPlaceholderText(self.tr("Search name or subject"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        bar.addWidget(self.search)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("campaignStatusFilter")
        self.status_filter.setAccessibleName(self.tr("Show campaigns by status"))
        self.status_filter.addItem(self.tr("All campaigns"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_title(status), status)
        self.status_filter.setMinimumContentsLength(14)
        self.status_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.status_filter)
        self.new_button = QPushButton(self.tr("New campaign"), self)
        self.new_button.setObjectName("campaignNew")
        self.new_button.setAccessibleName(self.tr("New campaign"))
        self.new_button.setToolTip(self.tr("Write a new campaign (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        # A campaign the server refused to create has no row to select: said up here.
        self.refusals = QFrame(self)
        self.refusals.setObjectName("campaignRefusals")
        self.refusals.setFrameShape(QFrame.Shape.StyledPanel)
        self.refusals.setStyleSheet(
            "QFrame#campaignRefusals { border: 1px solid #E5484D; border-radius: 6px; }"
        )
        refusal_layout = QHBoxLayout(self.refusals)
        refusal_layout.setContentsMargins(12, 6, 8, 6)
        self.refusal_text = QLabel("", self.refusals)
        self.refusal_text.setObjectName("campaignRefusalText")
        self.refusal_text.setWordWrap(True)
        self.refusal_fix = QPushButton(self.tr("Fix…"), self.refusals)
        self.refusal_fix.setObjectName("campaignRefusalFix")
        self.refusal_discard = QPushButton(self.tr("Discard"), self.refusals)
        self.refusal_discard.setObjectName("campaignRefusalDiscard")
        refusal_layout.addWidget(self.refusal_text, 1)
        refusal_layout.addWidget(self.refusal_fix)
        refusal_layout.addWidget(self.refusal_discard)
        self._refusal_op: Operation | None = None
        self.refusal_fix.clicked.connect(
            lambda: self.fix_refused(self._refusal_op.id) if self._refusal_op else None
        )
        self.refusal_discard.clicked.connect(
            lambda: self.discard_refused(self._refusal_op.id) if self._refusal_op else None
        )
        self.refusals.hide()
        layout.addWidget(self.refusals)

        self.list = CampaignListView(self)
        self.list.setObjectName("campaignList")
        self.list.setAccessibleName(self.tr("Campaigns"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(CampaignDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.list.setMouseTracking(True)
        self.list.setMinimumWidth(360)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.doubleClicked.connect(self._double_clicked)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Return), self.edit_selected),
            (QKeySequence(Qt.Key.Key_Enter), self.edit_selected),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected),
        ):
            shortcut = QShortcut(keys, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.detail = CampaignDetail(self)
        self.detail.setMinimumWidth(460)
        self.detail.editRequested.connect(self.edit)
        self.detail.sendRequested.connect(self.send_now)
        self.detail.deleteRequested.connect(self.delete)
        self.detail.newRequested.connect(self.new_item)
        self.detail.retryRequested.connect(self.retry_refused)
        self.detail.fixRequested.connect(self.fix_refused)
        self.detail.discardRequested.connect(self.discard_refused)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("campaignsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 700])  # the list wide enough for its five rates
        layout.addWidget(self.splitter, 1)

    # ------------------------------------------------------------------ Pane
    def activate(self) -> None:
        if self._stale:
            self.reload()
        if self._selected_id is None and self.model.rowCount():
            self.select(self.model.ids()[0], focus=False)  # something to read at once
        self._update_polling()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        self._update_polling()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._poll.stop()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_item(self) -> None:
        self.open_editor(None)

    def open_item(self, item: object) -> None:
        campaign_id = item.get("campaign_id") if isinstance(item, dict) else item
        if isinstance(campaign_id, int):
            self.select(campaign_id)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(self.settings_key("status"), self.status_filter.currentData() or "")

    def restore_state(self) -> None:
        settings = self.context.settings
        splitter = settings.value(self.settings_key("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)
        found = self.status_filter.findData(settings.value(self.settings_key("status")) or None)
        if found >= 0 and found != self.status_filter.currentIndex():
            self.status_filter.setCurrentIndex(found)  # reloads

    # ------------------------------------------------------------------ reading
    def current_status(self) -> str | None:
        data = self.status_filter.currentData()
        return data if isinstance(data, str) else None

    def reload(self) -> None:
        """The list (filter and search applied), the counts and the detail, from the cache."""
        self._stale = False
        self._debounce.stop()
        status = self.current_status()
        search = self.search.text().strip() or None
        rows = self.campaigns.all(status=status, search=search)  # type: ignore[arg-type]
        keep = self._selected_id
        reset = self.model.set_rows(rows)
        if reset and keep is not None and self.model.index_of(keep).isValid():
            self.select(keep, focus=False)
        self._update_counts()
        filtered = status is not None or search is not None
        total = sum(self._counts.values())
        if total == 0 and not filtered:
            self.list.empty_text = self.tr(
                "No campaigns yet. Press “New campaign” to write the first."
            )
        elif not rows:
            self.list.empty_text = self.tr("No campaign matches this status and search.")
        else:
            self.list.empty_text = ""
        self.list.viewport().update()
        self._show_detail()
        self._show_refusals()
        self._update_polling()

    def _update_counts(self) -> None:
        self._counts = self.campaigns.status_counts()
        total = sum(self._counts.values())
        self.count_label.setText(count_text(total, "campaign"))
        self.status_filter.setItemText(
            0, self.tr("All campaigns ({count})").format(count=number(total))
        )
        for i, status in enumerate(STATUSES, start=1):
            count = self._counts.get(status, 0)  # type: ignore[call-overload]
            self.status_filter.setItemText(i, f"{status_title(status)} ({number(count)})")

    def selected_row(self) -> CampaignRow | None:
        if self._selected_id is None:
            return None
        index = self.model.index_of(self._selected_id)
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, campaign_id: int, *, focus: bool = True) -> bool:
        index = self.model.index_of(campaign_id)
        if not index.isValid():
            return False
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(index)
        if focus:
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        campaign_id = current.data(ID_ROLE) if current.isValid() else None
        self._selected_id = campaign_id if isinstance(campaign_id, int) else None
        self._show_detail()
        self._update_polling()

    def _show_detail(self) -> None:
        row = self.selected_row()
        if row is None:
            filtered = self.current_status() is not None or bool(self.search.text().strip())
            self.detail.show_nothing(
                has_campaigns=bool(sum(self._counts.values())),
                filtered=filtered and self.model.rowCount() == 0,
            )
            return
        names = dict(self.campaigns.groups())
        group_names = [names.get(g, f"group #{g}") for g in row.recipient_groups or ()]
        problems = self.campaigns.refused(row.id)
        self.detail.show_campaign(
            row,
            group_names=group_names,
            body_html=self.campaigns.body_html(row.id),
            custom_keys=self.campaigns.custom_field_keys(),
            problem=problems[0] if problems else None,
            waiting=self.campaigns.waiting(row.id),
        )
        if row.id > 0 and row.recipient_groups is None and row.id not in self._fetched:
            self._fetched.add(row.id)  # once: the list has no body or groups
            self._fetch(row.id)

    def _show_refusals(self) -> None:
        created = [op for op in self.campaigns.refused() if op.kind == "campaign.create"]
        self._refusal_op = created[0] if created else None
        if self._refusal_op is None:
            self.refusals.hide()
            return
        op = self._refusal_op
        name = str(op.payload.get("name") or self.tr("A new campaign"))
        more = (
            self.tr(" (and {count} more)").format(count=number(len(created) - 1))
            if len(created) > 1
            else ""
        )
        why = html.escape(op.last_error or self.tr("the server refused it."))
        self.refusal_text.setText(
            self.tr("<b>{escape} was not created{more}:</b> {why}").format(
                escape=html.escape(quoted(name)), more=more, why=why
            )
        )
        self.refusals.show()

    # ------------------------------------------------------------------ the server
    def _fetch(self, campaign_id: int) -> asyncio.Task[None] | None:
        """The campaign from the server into the cache (the change broadcast repaints)."""
        running = self._polling.get(campaign_id)
        if running is not None and not running.done():
            return running
        try:
            task = spawn(self._refresh(campaign_id), name=f"campaign-{campaign_id}")
        except RuntimeError:  # no event loop (a script without qasync)
            return None
        self._polling[campaign_id] = task
        return task

    async def _refresh(self, campaign_id: int) -> None:
        try:
            async with asyncio.timeout(FETCH_SECONDS):
                await self.campaigns.refresh(self.workspace.client, campaign_id)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # offline or gone: the next sync says what is true
            log.info("campaign %s not refreshed: %s", campaign_id, exc)

    def sending_ids(self) -> list[int]:
        return [
            r.id
            for r in map(self.model.row_at, range(self.model.rowCount()))
            if r and r.status == "sending" and r.id > 0 and not r.pending
        ]

    def _update_polling(self) -> None:
        wanted = self.isVisible() and bool(self.sending_ids())
        interval = max(50, int(self.POLL_SECONDS * 1000))
        if wanted and (not self._poll.isActive() or self._poll.interval() != interval):
            self._poll.start(interval)
        elif not wanted:
            self._poll.stop()

    def poll_now(self) -> None:
        """Fetch the figures of the campaigns sending now (the selected one first)."""
        if not self.isVisible():
            self._poll.stop()
            return
        ids = self.sending_ids()
        selected = self._selected_id
        if selected is not None and selected in ids:
            ids.remove(selected)
            ids.insert(0, selected)
        for campaign_id in ids[:MAX_POLLED]:
            self._fetch(campaign_id)

    # ------------------------------------------------------------------ editing
    def _double_clicked(self, index: QModelIndex) -> None:
        campaign_id = index.data(ID_ROLE)
        if isinstance(campaign_id, int):
            self.edit(campaign_id)

    def edit_selected(self) -> None:
        if self._selected_id is not None:
            self.edit(self._selected_id)

    def edit(self, campaign_id: int) -> None:
        row = self.campaigns.get(campaign_id)
        if row is None:
            return
        if row.status not in ("draft", "scheduled"):
            self.context.notify(
                self.tr("{quoted} is {lower} and can no longer be edited.").format(
                    quoted=quoted(row.name), lower=status_title(row.status).lower()
                )
            )
            return
        if campaign_id > 0 and self.campaigns.body_html(campaign_id) is None:
            spawn(self._fetch_then_edit(campaign_id), name=f"campaign-edit-{campaign_id}")
            return
        self.open_editor(campaign_id)

    async def _fetch_then_edit(self, campaign_id: int) -> None:
        task = self._fetch(campaign_id)
        if task is not None:
            await asyncio.wait({task})
        self.open_editor(campaign_id)

    def open_editor(self, campaign_id: int | None) -> QWidget | None:
        """The editor, opened window-modal with ``open()`` (no nested event loop); it
        saves through the service itself. Returns the dialog (None if none)."""
        from mailtrixy_desktop.ui.campaigns.editor import CampaignDialog

        try:
            dialog = CampaignDialog(self.workspace, campaign_id, self)
        except KeyError:
            self.context.notify(self.tr("This campaign is no longer here."))
            self.reload()
            return None
        return self._open_dialog(dialog)

    def _open_dialog(self, dialog: QWidget) -> QWidget:
        from mailtrixy_desktop.ui.campaigns.editor import CampaignDialog

        assert isinstance(dialog, CampaignDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.deleted.connect(lambda _id: self.reload())
        self.editor = dialog
        dialog.open()
        return dialog

    def _saved(self, campaign_id: int) -> None:
        self.reload()
        if not self.select(campaign_id, focus=False) and self.current_status() is not None:
            # Saved as a status the filter hides: show everything so it can be seen.
            self.status_filter.setCurrentIndex(0)
            self.select(campaign_id, focus=False)
        row = self.campaigns.get(campaign_id)
        if row is not None:
            verb = "scheduled" if row.status == "scheduled" else "saved"
            self.context.notify(
                self.tr("{quoted} {verb}; the outbox sends it to the server.").format(
                    quoted=quoted(row.name), verb=verb
                )
            )

    # ------------------------------------------------------------------ sending
    def send_now(self, campaign_id: int) -> QMessageBox | None:
        """Ask, naming the number of recipients; Send queues it through the outbox."""
        row = self.campaigns.get(campaign_id)
        if row is None or row.status not in ("draft", "scheduled", "paused"):
            return None
        body = self.campaigns.body_html(campaign_id) or ""
        keys = self.campaigns.custom_field_keys()
        unknown = merge_tags.unknown_tags(row.subject + "\n" + body, keys)
        if unknown and row.status != "paused":
            self.context.notify(
                self.tr(
                    "{quoted} is not sent: {join} matches no contact field. Edit it first."
                ).format(quoted=quoted(row.name), join=", ".join(unknown[:3]))
            )
            return None
        count = row.recipients_count
        if row.recipient_groups:
            count = (
                row.recipients_count
                if not row.pending
                else self.campaigns.distinct_recipients(row.recipient_groups)
            )
        question = (
            self.tr("Resume sending {quoted} now to %Ln recipient(s)?", "", count)
            if row.status == "paused"
            else self.tr("Send {quoted} now to %Ln recipient(s)?", "", count)
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Send campaign"),
            counted(question, count).format(quoted=quoted(row.name)),
            parent=self,
        )
        box.setObjectName("confirmSendCampaign")
        box.setInformativeText(self.tr("It cannot be stopped from here once it has started."))
        send = box.addButton(
            counted(self.tr("Send to %Ln recipient(s)", "", count), count),
            QMessageBox.ButtonRole.AcceptRole,
        )
        send.setObjectName("confirmSendCampaignButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._send_answered(campaign_id, button is send))
        box.destroyed.connect(lambda *_: setattr(self, "_confirm", None))
        self._confirm = box
        box.open()
        return box

    @property
    def confirm_box(self) -> QMessageBox | None:
        return self._confirm

    def _send_answered(self, campaign_id: int, confirmed: bool) -> None:
        if not confirmed:
            return
        try:
            self.campaigns.send_now(campaign_id)
        except KeyError:
            self.context.notify(self.tr("This campaign is no longer here."))
            return
        row = self.campaigns.get(campaign_id)
        self.reload()
        if row is not None:
            self.context.notify(self.tr("{quoted} is on its way.").format(quoted=quoted(row.name)))

    # ------------------------------------------------------------------ deleting
    def delete_selected(self) -> None:
        if self._selected_id is not None:
            self.delete(self._selected_id)

    def delete(self, campaign_id: int) -> QMessageBox | None:
        from mailtrixy_desktop.ui.campaigns.editor import confirm_delete_box

        row = self.campaigns.get(campaign_id)
        if row is None:
            return None
        if row.status != "draft":
            self.context.notify(self.tr("Only drafts can be deleted."))
            return None
        box, delete = confirm_delete_box(self, row.name)
        box.buttonClicked.connect(
            lambda button: self._delete_answered(campaign_id, button is delete)
        )
        box.destroyed.connect(lambda *_: setattr(self, "_confirm", None))
        self._confirm = box
        box.open()
        return box

    def _delete_answered(self, campaign_id: int, confirmed: bool) -> None:
        if not confirmed:
            return
        row = self.campaigns.get(campaign_id)
        self.campaigns.delete(campaign_id)
        self._selected_id = None
        self.reload()
        if row is not None:
            self.context.notify(self.tr("{quoted} deleted.").format(quoted=quoted(row.name)))

    # ------------------------------------------------------------------ refusals
    def retry_refused(self, op_id: int) -> None:
        self.workspace.retry([op_id])
        self.reload()

    def discard_refused(self, op_id: int) -> None:
        discarded = self.workspace.discard_operations([op_id])
        spawn(self.workspace.restore_discarded(discarded), name="campaign discard restore")
        self.reload()

    def fix_refused(self, op_id: int) -> QWidget | None:
        from mailtrixy_desktop.store import outbox
        from mailtrixy_desktop.ui.campaigns.editor import CampaignDialog

        op = outbox.get(self.workspace.store, op_id)
        if op is None:
            return None
        dialog = CampaignDialog.for_refused(self.workspace, op, self)
        if dialog is None:
            self.context.notify(self.tr("That change can no longer be edited."))
            self.reload()
            return None
        return self._open_dialog(dialog)

    def _tell_refusals(self) -> None:
        """A change the server refused: say why, once, in the status bar."""
        for op in self.campaigns.refused():
            if op.id in self._told:
                continue
            self._told.add(op.id)
            name = str(op.payload.get("name") or "")
            row = self.campaigns.get(op.target_id) if op.target_id is not None else None
            what = quoted(row.name if row else name) if (row or name) else self.tr("A campaign")
            sentence = {
                "campaign.send": self.tr("{what} was not sent: {why}"),
                "campaign.delete": self.tr("{what} was not deleted: {why}"),
            }.get(op.kind, self.tr("{what} was not saved: {why}"))
            self.context.notify(
                sentence.format(what=what, why=op.last_error or self.tr("the server refused it."))
            )

    # ------------------------------------------------------------------ changes
    def _on_changed(self, names: frozenset[str]) -> None:
        if "outbox" in names:
            self._tell_refusals()
        # Not "contacts": a sync of a large workspace would redraw this pane for nothing
        # (recipient counts come from the server; the editor counts for itself).
        if not names & {"campaigns", "outbox", "groups"}:
            return
        if not self.isVisible():
            self._stale = True
            return
        self.reload()
