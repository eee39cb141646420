"""The inbox: filters, the conversation list and the thread with its composer.

Everything reads from the cache, so the inbox opens and answers offline; replies
and status changes go through the outbox (services/inbox.py). Opening a
conversation also fetches its thread from the server when there is one.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any, ClassVar

from PySide6.QtCore import (
    QByteArray,
    QDateTime,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api.models import Reply
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.canned_replies import CannedReplies
from mailtrixy_desktop.services.inbox import InboxService
from mailtrixy_desktop.store.conversations import ConversationRow
from mailtrixy_desktop.store.filters import ANY
from mailtrixy_desktop.ui import async_bridge
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.i18n import moment_text, number, translated
from mailtrixy_desktop.ui.inbox.composer import Composer
from mailtrixy_desktop.ui.inbox.list_delegate import ConversationDelegate
from mailtrixy_desktop.ui.inbox.list_model import ConversationListModel
from mailtrixy_desktop.ui.inbox.thread_view import ThreadView
from mailtrixy_desktop.ui.pane import Pane, PaneContext, pane_title, quiet_label

STATUSES = (
    ("open", QT_TRANSLATE_NOOP("InboxPane", "Open")),
    ("snoozed", QT_TRANSLATE_NOOP("InboxPane", "Snoozed")),
    ("closed", QT_TRANSLATE_NOOP("InboxPane", "Closed")),
    ("all", QT_TRANSLATE_NOOP("InboxPane", "All")),
)
MINE, UNASSIGNED, ANYONE = "mine", "unassigned", "anyone"
SEARCH_DEBOUNCE_MS = 150
READ_AFTER_MS = 1500  # open this long, and it counts as read
POLL_CHOICES = (
    (15, QT_TRANSLATE_NOOP("InboxPane", "15 seconds")),
    (30, QT_TRANSLATE_NOOP("InboxPane", "30 seconds")),
    (60, QT_TRANSLATE_NOOP("InboxPane", "1 minute")),
    (300, QT_TRANSLATE_NOOP("InboxPane", "5 minutes")),
)
DEFAULT_POLL_SECONDS = 30


class SnoozeDialog(QDialog):
    """A date and time in the person's time zone, in the future."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeDialog")
        self.setWindowTitle(self.tr("Snooze until"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Bring this conversation back at:"), self))
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addDays(1), self)
        self.when.setObjectName("snoozeWhen")
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        layout.addWidget(self.when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Snooze"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def moment(self) -> dt.datetime:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, dt.datetime)
        return moment.astimezone()


def _next_morning(days: int = 1, weekday: int | None = None) -> dt.datetime:
    now = dt.datetime.now().astimezone()
    day = now.date() + dt.timedelta(days=days)
    if weekday is not None:
        day = now.date() + dt.timedelta(days=(weekday - now.weekday()) % 7 or 7)
    return dt.datetime.combine(day, dt.time(9, 0)).astimezone()


_PANE = QT_TRANSLATE_NOOP("Shortcuts", "Inbox")


class InboxPane(Pane):
    resources: ClassVar[tuple[str, ...]] = ("conversations", "team_members")
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (_PANE, "J / K", QT_TRANSLATE_NOOP("Shortcuts", "Next / previous conversation")),
        (
            _PANE,
            "E",
            QT_TRANSLATE_NOOP("Shortcuts", "Close the conversation (reopen a closed one)"),
        ),
        (_PANE, "R", QT_TRANSLATE_NOOP("Shortcuts", "Write a reply")),
        (_PANE, "U", QT_TRANSLATE_NOOP("Shortcuts", "Mark as unread")),
        (_PANE, "Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "Send the reply")),
        (
            _PANE,
            "/",
            QT_TRANSLATE_NOOP("Shortcuts", "In the reply: insert a canned reply by its shortcut"),
        ),
        (_PANE, "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search subject, contact and labels")),
    )

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("inboxPane")
        self.setAccessibleName(self.tr("Inbox"))
        self.inbox: InboxService = self.workspace.inbox
        self.model = ConversationListModel(self.inbox.rows, self)
        self.current_id: int | None = None
        self._remote_allowed: set[int] = set()
        self._loading_thread: set[int] = set()
        self._stale = True
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_AFTER_MS)
        self._read_timer.timeout.connect(self._mark_current_read)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._build()
        self._fill_filters()
        self.context.changes.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("inboxSplitter")
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter)

        # Left: the filters over the list.
        left = QWidget(self.splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(16, 12, 8, 8)
        column.setSpacing(8)
        heading = QHBoxLayout()
        heading.addWidget(pane_title(self.tr("Inbox"), left))
        self.count_label = quiet_label("conversationCount", left)
        heading.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        heading.addStretch(1)
        self.more_button = QToolButton(left)
        self.more_button.setObjectName("inboxMore")
        self.more_button.setText("⋯")
        self.more_button.setAccessibleName(self.tr("More inbox options"))
        self.more_button.setToolTip(self.tr("More inbox options"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(self._more_menu())
        heading.addWidget(self.more_button)
        column.addLayout(heading)

        self.search = QLineEdit(left)
        self.search.setObjectName("conversationSearch")
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.search.setPlaceholderText(self.tr("Search subject, contact, labels"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        column.addWidget(self.search)

        row = QHBoxLayout()
        row.setSpacing(6)
        self.status_filter = self._combo("conversationStatusFilter", self.tr("Filter by status"))
        self.assignee_filter = self._combo(
            "conversationAssigneeFilter", self.tr("Filter by assignee")
        )
        row.addWidget(self.status_filter, 1)
        row.addWidget(self.assignee_filter, 1)
        column.addLayout(row)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.label_filter = self._combo("conversationLabelFilter", self.tr("Filter by label"))
        row.addWidget(self.label_filter, 1)
        self.unread_filter = QPushButton(self.tr("Unread"), left)
        self.unread_filter.setObjectName("conversationUnreadFilter")
        self.unread_filter.setAccessibleName(self.tr("Show unread conversations only"))
        self.unread_filter.setToolTip(self.tr("Show unread conversations only"))
        self.unread_filter.setCheckable(True)
        self.unread_filter.toggled.connect(lambda _on: self.refresh())
        row.addWidget(self.unread_filter)
        column.addLayout(row)

        self.list = QListView(left)
        self.list.setObjectName("conversationList")
        self.list.setAccessibleName(self.tr("Conversations"))
        self.list.setModel(self.model)
        self.model.rowsRefreshed.connect(self.list.viewport().update)
        self.list.setItemDelegate(ConversationDelegate(self.list))
        self.list.setUniformItemSizes(True)  # one height for all: fast at 20,000 rows
        # A new list is laid out a slice per event-loop turn: QListView visits every
        # row (through Python's rowCount), which at 20,000 rows is a 150 ms stall.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(2000)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMouseTracking(True)
        self.list.setFrameShape(QFrame.Shape.StyledPanel)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        self.list.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select_row(current.row())
        )
        column.addWidget(self.list, 1)
        self.empty_list = QLabel("", left)
        self.empty_list.setObjectName("conversationListEmpty")
        self.empty_list.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_list.setWordWrap(True)
        self.empty_list.setEnabled(False)
        self.empty_list.hide()
        column.addWidget(self.empty_list, 1)
        left.setMinimumWidth(300)

        # Right: who and what, the actions, the thread and the composer.
        right = QWidget(self.splitter)
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 12, 16, 8)
        column.setSpacing(8)
        self.header = QWidget(right)
        self.header.setObjectName("conversationHeader")
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.subject = QLabel("", self.header)
        self.subject.setObjectName("conversationSubject")
        font = QFont(self.subject.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.subject.setFont(font)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject.setWordWrap(True)
        words.addWidget(self.subject)
        self.who = QLabel("", self.header)
        # Wrapped, so a conversation with many labels cannot widen the whole window.
        self.who.setWordWrap(True)
        self.who.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.who.setObjectName("conversationWho")
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(self.who)
        header.addLayout(words, 1)
        self.close_button = self._action_button(
            self.tr("Close"), "conversationClose", self.tr("Close (E)")
        )
        self.close_button.clicked.connect(self.toggle_closed)
        self.snooze_button = self._action_button(
            self.tr("Snooze"), "conversationSnooze", self.tr("Snooze")
        )
        self.snooze_button.setMenu(self._snooze_menu())
        self.assign_button = self._action_button(
            self.tr("Assign"), "conversationAssign", self.tr("Assign")
        )
        self.assign_menu = QMenu(self.assign_button)
        self.assign_menu.aboutToShow.connect(self._fill_assign_menu)
        self.assign_button.setMenu(self.assign_menu)
        self.unread_button = self._action_button(
            self.tr("Mark unread"), "conversationMarkUnread", self.tr("Mark as unread (U)")
        )
        self.unread_button.clicked.connect(self.mark_unread)
        for button in (
            self.close_button,
            self.snooze_button,
            self.assign_button,
            self.unread_button,
        ):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.header)

        self.thread_view = ThreadView(right)
        self.thread_view.sendAsIsRequested.connect(self._send_as_is)
        self.thread_view.editRequested.connect(self.edit_reply)
        self.thread_view.discardRequested.connect(self._discard_reply)
        self.thread_view.loadImagesRequested.connect(self._allow_remote)
        column.addWidget(self.thread_view, 1)
        self.composer = Composer(CannedReplies(self._canned_path()), right)
        self.composer.sendRequested.connect(self._send)
        self.composer.draftChanged.connect(self._draft_changed)
        column.addWidget(self.composer)

        self.thread_stack = QStackedWidget(self.splitter)
        placeholder = QLabel(
            self.tr("Select a conversation to read it and reply."), self.thread_stack
        )
        placeholder.setObjectName("conversationPlaceholder")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setEnabled(False)
        self.thread_stack.addWidget(placeholder)
        self.thread_stack.addWidget(right)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.thread_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 800])

        for keys, slot in (
            ("J", self.next_conversation),
            ("K", self.previous_conversation),
            ("E", self.toggle_closed),
            ("R", self.focus_reply),
            ("U", self.mark_unread),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def _action_button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMinimumSize(QSize(0, 28))
        return button

    def _more_menu(self) -> QMenu:
        menu = QMenu(self)
        poll = menu.addMenu(self.tr("Check for new conversations every"))
        current = self.poll_seconds()
        for seconds, text in POLL_CHOICES:
            action = poll.addAction(translated(text))
            action.setCheckable(True)
            action.setChecked(seconds == current)
            action.setObjectName(f"inboxPoll{seconds}")
            action.triggered.connect(lambda _c=False, s=seconds: self.set_poll_seconds(s))
        menu.addSeparator()
        manage = menu.addAction(self.tr("Manage canned replies…"))
        manage.triggered.connect(lambda: self.composer.manage_canned())
        return menu

    def _snooze_menu(self) -> QMenu:
        menu = QMenu(self)
        options = (
            (
                self.tr("For an hour"),
                lambda: dt.datetime.now().astimezone() + dt.timedelta(hours=1),
            ),
            (self.tr("Until tomorrow morning"), lambda: _next_morning(1)),
            (self.tr("Until Monday morning"), lambda: _next_morning(weekday=0)),
        )
        for text, moment in options:
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, m=moment: self.snooze(m()))
        pick = menu.addAction(self.tr("Until a time you choose…"))
        pick.setObjectName("snoozePick")
        pick.triggered.connect(self._snooze_pick)
        menu.addSeparator()
        reply = menu.addAction(self.tr("Until the customer writes again"))
        reply.setObjectName("snoozeUntilReply")
        reply.triggered.connect(self.snooze_until_reply)
        return menu

    # ------------------------------------------------------------------ settings
    def _canned_path(self) -> Any:
        from pathlib import Path

        settings_file = Path(self.context.settings.fileName())
        return settings_file.parent / "canned_replies.json"

    def poll_seconds(self) -> int:
        value = self.context.settings.value("inbox/poll_seconds", DEFAULT_POLL_SECONDS)
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return DEFAULT_POLL_SECONDS

    def set_poll_seconds(self, seconds: int) -> None:
        self.context.settings.setValue("inbox/poll_seconds", seconds)
        self.workspace.sync.set_interval("conversations", float(seconds))
        for choice, text in POLL_CHOICES:
            action = self.findChild(QAction, f"inboxPoll{choice}")
            if action is not None:
                action.setChecked(choice == seconds)
            if choice == seconds:
                self.context.notify(
                    self.tr("New conversations are checked every {text}.").format(text=text)
                )

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(
            self.settings_key("filters"),
            json.dumps(
                {
                    "status": self.status_filter.currentData(),
                    "assignee": self.assignee_filter.currentData(),
                    "label": self.label_filter.currentData(),
                    "unread": self.unread_filter.isChecked(),
                }
            ),
        )
        self.composer.flush_draft()

    def restore_state(self) -> None:
        settings = self.context.settings
        splitter = settings.value(self.settings_key("splitter"))
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        try:
            filters = json.loads(str(settings.value(self.settings_key("filters"), "{}")))
        except ValueError:
            filters = {}
        if isinstance(filters, dict):
            for combo, key in (
                (self.status_filter, "status"),
                (self.assignee_filter, "assignee"),
                (self.label_filter, "label"),
            ):
                found = combo.findData(filters.get(key))
                if found >= 0:
                    combo.setCurrentIndex(found)
            self.unread_filter.setChecked(bool(filters.get("unread")))

    # ------------------------------------------------------------------ Pane
    def activate(self) -> None:
        if self._stale:
            self.refresh()
        if self.inbox.me is None or self.inbox.can_write() is None:
            async_bridge.spawn(self._refresh_me(), name="inbox-me")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.focus_reply()  # a new conversation starts with the customer; Ctrl+N answers

    def badge(self) -> int | None:
        return self.inbox.counts().get("open") or None

    def open_item(self, item: object) -> None:
        """From the Outbox pane: {"edit_reply_op": id, "conversation_id": id}."""
        if not isinstance(item, dict):
            return
        conversation_id = item.get("conversation_id")
        if isinstance(conversation_id, int):
            self.show_conversation(conversation_id)
        op_id = item.get("edit_reply_op")
        if isinstance(op_id, int):
            self.edit_reply(op_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    async def _refresh_me(self) -> None:
        try:
            await self.inbox.refresh_me()
        except Exception:  # offline, or no /me: "Mine" waits for the next try
            return
        self._fill_assignees()
        self._update_writable()

    # ------------------------------------------------------------------ filters
    def _fill_filters(self) -> None:
        self.status_filter.blockSignals(True)
        for key, text in STATUSES:
            self.status_filter.addItem(translated(text), key)
        self.status_filter.blockSignals(False)
        self._fill_assignees()
        self._fill_labels()
        self._update_counts()

    def _fill_assignees(self) -> None:
        combo = self.assignee_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if self.inbox.me is not None:
            combo.addItem(self.tr("Mine"), MINE)
        combo.addItem(self.tr("Unassigned"), UNASSIGNED)
        combo.addItem(self.tr("Anyone"), ANYONE)
        for member in self.inbox.members():
            if self.inbox.me is None or member.id != self.inbox.me.id:
                combo.addItem(member.name, member.id)
        found = combo.findData(current if current is not None else ANYONE)
        combo.setCurrentIndex(found if found >= 0 else combo.findData(ANYONE))
        combo.blockSignals(False)

    def _fill_labels(self) -> None:
        combo = self.label_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All labels"), None)
        for label in self.inbox.labels():
            combo.addItem(label, label)
        found = combo.findData(current)
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def _filters(self) -> dict[str, Any]:
        assignee = self.assignee_filter.currentData()
        me = self.inbox.me
        chosen: Any = ANY
        if assignee == MINE and me is not None:
            chosen = me.id
        elif assignee == UNASSIGNED:
            chosen = None
        elif isinstance(assignee, int):
            chosen = assignee
        return {
            "assignee": chosen,
            "label": self.label_filter.currentData(),
            "search": self.search.text().strip() or None,
            "unread": self.unread_filter.isChecked(),
        }

    def _update_counts(self) -> None:
        counts = self.inbox.counts(**self._filters())
        for index, (key, text) in enumerate(STATUSES):
            self.status_filter.setItemText(
                index, f"{translated(text)} ({number(counts.get(key, 0))})"
            )

    # ------------------------------------------------------------------ the list
    def refresh(self, *, follow: bool = True) -> None:
        """Ask the cache again; the selected conversation stays selected if still shown.
        ``follow=False`` (a change from elsewhere: a poll, a thread fetched) keeps the
        person's scroll position instead of bringing the selection into view."""
        self._stale = False
        status = self.status_filter.currentData() or "open"
        ids = self.inbox.ids(status=status, **self._filters())
        keep = self.current_id
        drafts = self.inbox.drafted_ids()
        if ids == self.model.ids():
            # The same list (most polls): repaint the rows, no reset and no relayout.
            self.model.refresh_rows(drafts)
            self._update_counts()
            self.badgeChanged.emit()
            return
        scrolled = self.list.verticalScrollBar().value()
        self.model.set_ids(ids, drafts)
        self._update_counts()
        total = len(ids)
        self.count_label.setText(count_text(total, "conversation"))
        empty = total == 0
        self.list.setVisible(not empty)
        self.empty_list.setVisible(empty)
        if empty:
            self.empty_list.setText(self._empty_text())
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self._set_current_row(row, load=False, scroll=follow)
        if not follow:
            self.list.verticalScrollBar().setValue(scrolled)
        self.badgeChanged.emit()

    def _empty_text(self) -> str:
        if self.search.text().strip():
            return self.tr("No conversation matches this search.")
        if self.unread_filter.isChecked():
            return self.tr("Nothing unread here. 🎉")
        status = self.status_filter.currentData()
        if status == "open":
            return self.tr("No open conversations. When a customer writes, it shows here.")
        return self.tr("No conversations here.")

    def _set_current_row(self, row: int, *, load: bool = True, scroll: bool = True) -> None:
        index = self.model.index(row, 0)
        selection = self.list.selectionModel()
        if not load:
            selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not load:
            selection.blockSignals(False)
            self.list.viewport().update()
        if scroll:
            self.list.scrollTo(index)

    def _select_row(self, row: int) -> None:
        conversation_id = self.model.id_at(row)
        if conversation_id is not None and conversation_id != self.current_id:
            self.show_conversation(conversation_id)

    def next_conversation(self) -> None:
        self._step(1)

    def previous_conversation(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.model.rowCount() == 0:
            return
        row = self.list.currentIndex().row()
        row = 0 if row < 0 else max(0, min(self.model.rowCount() - 1, row + delta))
        self._set_current_row(row)

    def select_conversation(self, conversation_id: int) -> bool:
        row = self.model.row_of(conversation_id)
        if row < 0:
            return False
        self._set_current_row(row)
        return True

    def _list_menu(self, position: Any) -> None:
        index = self.list.indexAt(position)
        if not index.isValid():
            return
        self._set_current_row(index.row())
        menu = QMenu(self)
        row = self._row()
        if row is not None:
            menu.addAction(
                self.tr("Reopen") if row.status == "closed" else self.tr("Close"),
                self.toggle_closed,
            )
            menu.addAction(self.tr("Mark as unread"), self.mark_unread)
            snooze = self._snooze_menu()
            snooze.setParent(menu, snooze.windowFlags())  # goes with the menu
            menu.addMenu(snooze).setText(self.tr("Snooze"))
        # Not exec(): no nested event loop under qasync; the menu deletes itself.
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.list.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ the conversation
    def _row(self) -> ConversationRow | None:
        return (
            None
            if self.current_id is None
            else self.inbox.rows([self.current_id]).get(self.current_id)
        )

    def show_conversation(self, conversation_id: int) -> None:
        if self.current_id is not None and self.current_id != conversation_id:
            self.composer.flush_draft()
        changed = conversation_id != self.current_id
        self.current_id = conversation_id
        if (
            self.model.row_of(conversation_id) >= 0
            and self.model.id_at(self.list.currentIndex().row()) != conversation_id
        ):
            self._set_current_row(self.model.row_of(conversation_id), load=False)
        self.thread_stack.setCurrentIndex(1)
        self._show_header()
        self._render_thread()
        if changed:
            draft = self.inbox.draft(conversation_id)
            if draft is None:
                self.composer.clear()
            else:
                self.composer.set_draft(draft.body_html, draft.cc, draft.bcc)
            self._read_timer.start()
            if conversation_id > 0 and conversation_id not in self._loading_thread:
                self._loading_thread.add(conversation_id)
                async_bridge.spawn(self._load_thread(conversation_id), name="inbox-thread")
        self._update_writable()

    async def _load_thread(self, conversation_id: int) -> None:
        try:
            await self.inbox.load_thread(conversation_id)
        except Exception:
            return  # offline or gone: the cached thread is what there is
        finally:
            self._loading_thread.discard(conversation_id)

    def _show_header(self) -> None:
        row = self._row()
        if row is None:
            return
        self.subject.setText(row.subject)
        parts = [f"<b>{html.escape(row.contact_name)}</b> &lt;{html.escape(row.contact_email)}&gt;"]
        status = translated(dict(STATUSES).get(row.status, row.status.capitalize()))
        if row.status == "snoozed":
            status = (
                self.tr("Snoozed until {when}").format(
                    when=moment_text(row.snoozed_until, "ddd d MMM, HH:mm")
                )
                if row.snoozed_until
                else self.tr("Snoozed until the customer writes")
            )
        parts.append(html.escape(status))
        parts.append(
            self.tr("Assigned to {name}").format(name=html.escape(row.assignee.name))
            if row.assignee
            else self.tr("Unassigned")
        )
        if row.labels:
            parts.append(html.escape(", ".join(row.labels)))
        if row.pending:
            parts.append("<i>" + self.tr("changes waiting to be sent") + "</i>")
        self.who.setText(" · ".join(parts))
        self.close_button.setText(self.tr("Reopen") if row.status == "closed" else self.tr("Close"))
        self.close_button.setToolTip(
            self.tr("Reopen (E)") if row.status == "closed" else self.tr("Close (E)")
        )

    def _render_thread(self) -> None:
        if self.current_id is None:
            return
        row = self._row()
        self.thread_view.set_thread(
            self.inbox.thread_entries(self.current_id),
            contact_name=row.contact_name if row else "",
            allow_remote=self.current_id in self._remote_allowed,
        )

    def _update_writable(self) -> None:
        refused = self.inbox.can_write()
        reason = None if refused is None else translated(refused)
        if reason is None and self.current_id is None:
            reason = self.tr("Select a conversation to reply.")
        self.composer.set_enabled_reason(reason)
        for button in (self.close_button, self.snooze_button, self.assign_button):
            button.setEnabled(reason is None)
            if reason is not None:
                button.setToolTip(reason)

    def _mark_current_read(self) -> None:
        row = self._row()
        if row is not None and row.unread and self.isVisible():
            self.inbox.mark_read(row.id)

    def _allow_remote(self) -> None:
        if self.current_id is not None:
            self._remote_allowed.add(self.current_id)
            self._render_thread()

    # ------------------------------------------------------------------ actions
    def toggle_closed(self) -> None:
        row = self._row()
        if row is None or self.inbox.can_write() is not None:
            return
        if row.status == "closed":
            self.inbox.reopen(row.id)
            self.context.notify(self.tr("“{subject}” reopened.").format(subject=row.subject))
        else:
            current = self.list.currentIndex().row()
            self.inbox.close(row.id)
            self.context.notify(self.tr("“{subject}” closed.").format(subject=row.subject))
            # Done with it: on to the next one, as mail clients do after archiving.
            self.refresh()
            if self.model.row_of(row.id) < 0 and self.model.rowCount() > 0:
                self._set_current_row(min(current, self.model.rowCount() - 1))

    def snooze(self, moment: dt.datetime) -> None:
        row = self._row()
        if row is None:
            return
        self.inbox.snooze_until(row.id, moment)
        self.context.notify(
            self.tr("“{subject}” snoozed until {moment:%a %d %b, %H:%M}.").format(
                subject=row.subject, moment=moment
            )
        )

    def _snooze_pick(self) -> None:
        dialog = SnoozeDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            moment = dialog.moment()
            if moment <= dt.datetime.now().astimezone():
                self.context.notify(self.tr("A snooze time must be in the future."))
                return
            self.snooze(moment)

    def snooze_until_reply(self) -> None:
        row = self._row()
        if row is None:
            return
        self.inbox.snooze_until_reply(row.id)
        self.context.notify(
            self.tr("“{subject}” snoozed until the customer writes again.").format(
                subject=row.subject
            )
        )

    def _fill_assign_menu(self) -> None:
        menu = self.assign_menu
        menu.clear()
        row = self._row()
        me = self.inbox.me
        if me is not None:
            action = menu.addAction(self.tr("Me ({name})").format(name=me.name))
            action.triggered.connect(lambda: self.assign(me.id))
        for member in self.inbox.members():
            if me is not None and member.id == me.id:
                continue
            action = menu.addAction(member.name)
            action.setCheckable(True)
            action.setChecked(bool(row and row.assignee and row.assignee.id == member.id))
            action.triggered.connect(lambda _c=False, m=member.id: self.assign(m))
        menu.addSeparator()
        menu.addAction(self.tr("Unassign"), lambda: self.assign(None))

    def assign(self, member_id: int | None) -> None:
        row = self._row()
        if row is None:
            return
        self.inbox.assign(row.id, member_id)

    def mark_unread(self) -> None:
        row = self._row()
        if row is None:
            return
        self._read_timer.stop()
        self.inbox.mark_unread(row.id)

    def focus_reply(self) -> None:
        if self.current_id is not None:
            self.composer.focus_editor()

    def _send(self, reply: Reply) -> None:
        if self.current_id is None:
            return
        try:
            self.inbox.reply(self.current_id, reply)
        except KeyError:
            self.context.notify(self.tr("This conversation is no longer in the inbox."))
            return
        self.composer.clear()
        if self.workspace.connectivity.state.name == "OFFLINE":
            self.context.notify(
                self.tr("Offline: the reply is queued and goes out when you're back.")
            )

    def _draft_changed(self, draft: Reply) -> None:
        if self.current_id is not None:
            self.inbox.save_draft(self.current_id, draft)
            self.model.refresh_rows(self.inbox.drafted_ids())

    def edit_reply(self, op_id: int) -> None:
        """An undelivered reply goes back into the composer (and the draft) for editing."""
        self.composer.flush_draft()
        taken = self.inbox.take_back_reply(op_id)
        if taken is None:
            self.context.notify(
                self.tr("That reply is already on its way and can no longer be edited.")
            )
            return
        conversation_id, reply = taken
        if conversation_id != self.current_id:
            self.show_conversation(conversation_id)
        self.composer.set_draft(reply["body_html"], reply.get("cc", []), reply.get("bcc", []))
        self.composer.focus_editor()

    def _discard_reply(self, op_id: int) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard reply"),
            self.tr("Discard this reply? It has not been sent and cannot be recovered."),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDiscardReply")
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is discard:
            self.inbox.discard_reply(op_id)

    def _send_as_is(self, op_id: int) -> None:
        self.workspace.send_as_is(op_id)

    # ------------------------------------------------------------------ changes
    def _on_changed(self, names: frozenset[str]) -> None:
        if not names & {"conversations", "messages", "outbox", "team_members"}:
            return
        if "team_members" in names:
            self._fill_assignees()
        if "conversations" in names:
            self._fill_labels()
        if not self.isVisible():
            self._stale = True
            self.badgeChanged.emit()
            return
        if "conversations" in names or "outbox" in names:
            # New conversations or a status change move rows: ask the cache again.
            self.refresh(follow=False)
        else:
            self.model.refresh_rows(self.inbox.drafted_ids())
        if self.current_id is not None:
            self._show_header()
            self._render_thread()

    def current_row_index(self) -> QModelIndex:
        return self.list.currentIndex()
