"""The Outbox pane: every change not yet delivered, oldest first, and what to do with it.

DESIGN.md, "Writes and the outbox": a person sees each queued, sending, held or
refused operation with what it is, when it was made, how often it was tried and
why it waits; Retry now, Edit, Send as is (a held reply) and Discard act on the
selection. Nothing leaves silently: Discard asks first, naming how many and
what. Replies are edited in the inbox's composer; other changes in a small form
made from their fields.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services import outbox_view
from mailtrixy_desktop.store.outbox import Operation, OpState
from mailtrixy_desktop.sync.connectivity import State
from mailtrixy_desktop.ui import i18n, icons
from mailtrixy_desktop.ui.async_bridge import spawn
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.i18n import translated
from mailtrixy_desktop.ui.outbox.edit_dialog import EditDialog
from mailtrixy_desktop.ui.outbox.model import (
    ATTEMPTS,
    MADE,
    STATE,
    STATE_COLORS,
    WHAT,
    OutboxModel,
    made_at,
    made_text,
)
from mailtrixy_desktop.ui.pane import Pane, PaneContext, pane_title
from mailtrixy_desktop.ui.pane_registry import PANES

EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "OutboxPane", "Nothing waiting. Changes you make offline wait here until they can be sent."
)
ERROR_COLOR = "#e5484d"  # the forms' red; reads on light and dark backgrounds
TICK_MS = 30_000  # "5 minutes ago" ages
DEFAULT_WIDTHS = {WHAT: 440, MADE: 110, STATE: 150, ATTEMPTS: 76}
DETAIL_HEIGHT = 190  # enough for a reason, the next step and a few changed fields

# What the person can do, by state: one sentence under the reason.
NEXT_STEP: dict[OpState, str] = {
    OpState.QUEUED: QT_TRANSLATE_NOOP(
        "OutboxPane", "It goes out as soon as the server can be reached."
    ),
    OpState.SENDING: QT_TRANSLATE_NOOP("OutboxPane", "It is being sent now."),
    OpState.HELD: QT_TRANSLATE_NOOP(
        "OutboxPane", "Read what changed, then send it as it is, edit it, or discard it."
    ),
    OpState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP(
        "OutboxPane",
        "The server refused it, so this computer shows the server's version again. "
        "Edit it and it is sent again, or discard it.",
    ),
    OpState.EDITING: QT_TRANSLATE_NOOP(
        "OutboxPane", "It is not sent until the edit is saved. Retry now sends it as it was."
    ),
    OpState.MAYBE_DELIVERED: QT_TRANSLATE_NOOP(
        "OutboxPane",
        "The server may have it already. Retry now sends it again; Discard forgets it.",
    ),
}


class _Text(HTMLParser):
    """The words of a reply's HTML, for a preview (nothing is loaded or run)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("br", "p", "div", "li") and self.parts:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


def plural(count: int, one: str, many: str | None = None) -> str:
    return count_text(count, one, many)


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(tip)
    button.setToolTip(tip)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


_PANE = QT_TRANSLATE_NOOP("Shortcuts", "Outbox")


class OutboxPane(Pane):
    resources = ()  # nothing to pull: the outbox is this computer's own
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (_PANE, "Del", QT_TRANSLATE_NOOP("Shortcuts", "Discard the selected changes (asks first)")),
        (_PANE, "Ctrl+R", QT_TRANSLATE_NOOP("Shortcuts", "Retry the selected changes now")),
        (_PANE, "Enter", QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected change")),
    )

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("outboxPane")
        self.setAccessibleName(self.tr("Outbox"))
        self.model = OutboxModel(self.workspace.describe, self)
        self._stale = True
        self._sized = False  # the detail area gets its height when first shown
        self._dialog: EditDialog | None = None

        title = pane_title(self.tr("Outbox"))
        self.summary = QLabel()
        self.summary.setObjectName("outboxSummary")
        self.summary.setEnabled(False)  # the palette's muted text, light and dark
        self.summary.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_list())
        self.stack.addWidget(self._build_empty())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)

        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        context.changes.changed.connect(self._on_changed)
        self._update_actions()

    # ------------------------------------------------------------------ building
    def _build_empty(self) -> QWidget:
        page = QWidget()
        page.setObjectName("outboxEmptyPage")
        picture = QLabel()
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        picture.setPixmap(icons.icon("outbox", muted).pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty = QLabel(translated(EMPTY_TEXT))
        self.empty.setObjectName("outboxEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)  # the palette's muted text
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 0, 24, 24)
        column.setSpacing(12)
        column.addStretch(1)
        column.addWidget(picture)
        column.addWidget(self.empty)
        column.addStretch(3)
        return page

    def _build_list(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)

        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setAccessibleName(self.tr("Changes waiting to be sent"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        for section, width in DEFAULT_WIDTHS.items():
            header.resizeSection(section, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.table.selectionModel().currentChanged.connect(lambda *_: self._on_selection())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        discard_action = QAction(self.tr("Discard"), self.table)
        discard_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        discard_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        discard_action.triggered.connect(self.discard_selected)
        self.table.addAction(discard_action)
        # Enter: the view has its own use for it (activation), so it is caught before.
        self.table.installEventFilter(self)
        retry_action = QAction(self.tr("Retry now"), self)
        retry_action.setShortcut(QKeySequence("Ctrl+R"))
        retry_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        retry_action.triggered.connect(self.retry_selected)
        self.addAction(retry_action)

        self.detail = QLabel()
        self.detail.setObjectName("outboxDetail")
        self.detail.setAccessibleName(self.tr("The selected change"))
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(12, 10, 12, 10)
        scroll = QScrollArea()
        scroll.setObjectName("outboxDetailArea")
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(110)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("outboxSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        self.retry_button = _button(
            self.tr("Retry now"), "outboxRetry", self.tr("Send the selected changes now")
        )
        self.edit_button = _button(
            self.tr("Edit…"), "outboxEdit", self.tr("Change what the selected change sends")
        )
        self.send_as_is_button = _button(
            self.tr("Send as is"),
            "outboxSendAsIs",
            self.tr("Send the held reply without changing it"),
        )
        self.discard_button = _button(
            self.tr("Discard…"),
            "outboxDiscard",
            self.tr("Drop the selected changes without sending them"),
        )
        self.retry_button.clicked.connect(self.retry_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.send_as_is_button.clicked.connect(self.send_selected_as_is)
        self.discard_button.clicked.connect(self.discard_selected)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.retry_button, self.edit_button, self.send_as_is_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)

        column.addWidget(self.splitter, 1)
        column.addLayout(buttons)
        return page

    # ------------------------------------------------------------------ pane contract
    def badge(self) -> int | None:
        return self.workspace.queued_count() or None

    def activate(self) -> None:
        if self._stale:
            self.reload()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(self.settings_key("header"), self.table.horizontalHeader().saveState())
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())

    def restore_state(self) -> None:
        settings = self.context.settings
        header = settings.value(self.settings_key("header"))
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        splitter = settings.value(self.settings_key("splitter"))
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
            self._sized = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # Splitter sizes only mean something once the pane has its real height.
            self._sized = True
            total = sum(self.splitter.sizes())
            if total > DETAIL_HEIGHT * 2:
                self.splitter.setSizes([total - DETAIL_HEIGHT, DETAIL_HEIGHT])
        if self._stale:
            self.reload()

    # ------------------------------------------------------------------ reading
    def _on_changed(self, names: frozenset[str]) -> None:
        if "outbox" in names:
            self._stale = True
        elif names:
            # A contact or deal renamed: descriptions name them.
            self.model.forget_descriptions()
            self._show_detail()
        if self._stale and self.isVisible():
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.model.set_operations(self.workspace.operations())
        count = self.model.rowCount()
        self.stack.setCurrentIndex(0 if count else 1)
        self.summary.setText(self._summary_text())
        self._on_selection()
        self.badgeChanged.emit()

    def _summary_text(self) -> str:
        ops = self.model.operations()
        if not ops:
            return self.tr("All changes have been sent.")
        attention = sum(op.state in outbox_view.ATTENTION for op in ops)
        text = i18n.counted(self.tr("%Ln change(s) not sent yet", "", len(ops)), len(ops))
        if attention:
            text += " · " + i18n.plural(
                self.tr("%Ln (needs|need) your decision", "", attention), attention
            )
        return text + "."

    def _tick(self) -> None:
        if self.isVisible():
            self.model.tick()

    def selected_ops(self) -> list[Operation]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.operation(row) for row in rows if row < self.model.rowCount()]

    def select(self, op_ids: list[int]) -> None:
        """Select these operations (tests and the window use it to point at one)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for op_id in op_ids:
            row = self.model.row_of(op_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), flags)
                selection.setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )

    def _on_selection(self) -> None:
        self._update_actions()
        self._show_detail()

    def _update_actions(self) -> None:
        ops = self.selected_ops()
        self.retry_button.setEnabled(any(outbox_view.can_retry(op) for op in ops))
        self.edit_button.setEnabled(len(ops) == 1 and outbox_view.can_edit(ops[0]))
        self.send_as_is_button.setEnabled(
            bool(ops) and all(outbox_view.can_send_as_is(op) for op in ops)
        )
        self.discard_button.setEnabled(bool(ops))

    # ------------------------------------------------------------------ the detail area
    def _show_detail(self) -> None:
        ops = self.selected_ops()
        if not ops:
            self.detail.setText(
                self.tr(
                    "<span style='color:palette(placeholder-text)'>"
                    "Choose a change to see why it waits and what it sends.</span>"
                )
            )
            return
        if len(ops) > 1:
            what = i18n.translated(outbox_view.summarize(ops, self.workspace.store))
            self.detail.setText(
                self.tr("<b>{plural} selected</b><br>{escape}").format(
                    plural=plural(len(ops), "change"), escape=html.escape(what)
                )
            )
            return
        self.detail.setText(self.detail_html(ops[0]))

    def detail_html(self, op: Operation) -> str:
        store = self.workspace.store
        parts = [f"<p style='margin:0'><b>{html.escape(self.model.description(op))}</b></p>"]
        facts = [i18n.translated(outbox_view.state_word(op.state))]
        if op.attempts:
            facts.append(plural(op.attempts, "attempt"))
        try:
            facts.append(
                self.tr("made {when}").format(
                    when=i18n.moment_text(made_at(op.created_at), "d MMM yyyy, HH:mm")
                )
            )
        except ValueError:
            facts.append(self.tr("made {when}").format(when=made_text(op.created_at)))
        dot = STATE_COLORS.get(op.state, "#8A8B93")
        parts.append(
            f"<p style='margin:2px 0 0 0'><span style='color:{dot}'>●</span> "
            f"<span style='color:palette(placeholder-text)'>"
            f"{html.escape(' · '.join(facts))}</span></p>"
        )
        if op.last_error:
            color = ERROR_COLOR if op.state in outbox_view.ATTENTION else "palette(text)"
            error = html.escape(op.last_error).replace("\n", "<br>")
            parts.append(f"<p style='margin:8px 0 0 0; color:{color}'>{error}</p>")
        step = NEXT_STEP.get(op.state)
        if step:
            parts.append(
                f"<p style='margin:4px 0 0 0; color:palette(placeholder-text)'>"
                f"{html.escape(i18n.translated(step))}</p>"
            )
        rows: list[tuple[str, str]]
        if op.kind == "conversation.reply":
            text = plain_text(str(op.payload.get("body_html") or ""))
            if len(text) > 600:
                text = text[:600].rstrip() + "…"
            rows = [(self.tr("Text"), text or self.tr("(empty)"))]
            for key, word in (("cc", "Cc"), ("bcc", "Bcc")):
                if op.payload.get(key):
                    rows.append((word, ", ".join(str(a) for a in op.payload[key])))
        else:
            rows = [
                (i18n.translated(field), i18n.translated(value))
                for field, value in outbox_view.changed_fields(op, store)
            ]
        if rows:
            cells = "".join(
                "<tr><td style='padding:2px 14px 2px 0; color:palette(placeholder-text)'>"
                f"{html.escape(field[:1].upper() + field[1:])}</td>"
                f"<td style='padding:2px 0'>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
                for field, value in rows
            )
            parts.append(f"<table style='margin-top:8px' cellspacing='0'>{cells}</table>")
        return "".join(parts)

    # ------------------------------------------------------------------ acting
    def retry_selected(self) -> None:
        ops = [op for op in self.selected_ops() if outbox_view.can_retry(op)]
        if not ops:
            return
        count = self.workspace.retry([op.id for op in ops])
        if self.workspace.connectivity.state is State.OFFLINE:
            self.context.notify(
                self.tr("Offline: {plural} will be sent when the connection returns.").format(
                    plural=plural(count, "change")
                )
            )
        else:
            self.context.notify(
                self.tr("Sending {plural} now…").format(plural=plural(count, "change"))
            )

    def send_selected_as_is(self) -> None:
        ops = [op for op in self.selected_ops() if outbox_view.can_send_as_is(op)]
        for op in ops:
            self.workspace.send_as_is(op.id)
        if ops:
            self.context.notify(
                self.tr("Sending {plural} as written.").format(
                    plural=plural(len(ops), "reply", "replies")
                )
            )

    def edit_selected(self) -> None:
        ops = self.selected_ops()
        if len(ops) != 1 or not outbox_view.can_edit(ops[0]):
            return
        op = self.workspace.begin_edit(ops[0].id)
        if op is None:
            self.context.notify(
                self.tr("That change is being sent now and can no longer be edited.")
            )
            return
        if op.kind == "conversation.reply" and _inbox_available():
            # The composer loads the reply and saves it with workspace.save_edit.
            self.context.open(
                "inboxPane", {"edit_reply_op": op.id, "conversation_id": op.target_id}
            )
            return
        self._open_editor(op)

    def _open_editor(self, op: Operation) -> None:
        dialog = EditDialog(op, self.model.description(op), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._edit_finished(op.id, dialog, result))
        self._dialog = dialog
        dialog.open()  # open(), not exec(): no nested event loop under qasync

    def _edit_finished(self, op_id: int, dialog: EditDialog, result: int) -> None:
        self._dialog = None
        if result == EditDialog.DialogCode.Accepted:
            if self.workspace.save_edit(op_id, dialog.payload()):
                self.context.notify(self.tr("Saved; it goes out with the rest of the queue."))
            else:
                self.context.notify(
                    self.tr(
                        "That change left the queue while it was being edited; the edit was not "
                        "kept."
                    )
                )
        else:
            self.workspace.cancel_edit(op_id)

    def discard_selected(self) -> None:
        chosen = self.selected_ops()
        if not chosen:
            return
        store = self.workspace.store
        plan = outbox_view.discard_plan(store, [op.id for op in chosen])
        if not plan:
            return
        if len(plan) == 1:
            text = self.tr("Discard “{what}”?").format(what=self.model.description(plan[0]))
            details = [
                self.tr("It will not be sent; this computer shows the server's version again.")
            ]
        else:
            text = i18n.counted(self.tr("Discard %Ln change(s)?", "", len(plan)), len(plan))
            details = [
                f"{i18n.translated(outbox_view.summarize(plan, store))}.",
                self.tr("They will not be sent; this computer shows the server's versions again."),
            ]
        if len(plan) > len(chosen):
            extra = len(plan) - len(chosen)
            details.insert(
                -1,
                i18n.counted(
                    self.tr(
                        "This includes %Ln later change(s) to something created offline, "
                        "which will not exist without it.",
                        "",
                        extra,
                    ),
                    extra,
                ),
            )
        if any(op.state is OpState.SENDING for op in plan):
            details.append(
                self.tr("A change being sent right now may already have reached the server.")
            )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard changes"), text, parent=self)
        box.setObjectName("confirmDiscard")
        box.setInformativeText(" ".join(details))
        # Wide enough to read a sentence per line, not a word.
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 340px; }")
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("confirmDiscardButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = [op.id for op in chosen]  # exactly what the person confirmed
        box.buttonClicked.connect(lambda button: self._discard_answered(button is discard, ids))
        box.open()

    def _discard_answered(self, confirmed: bool, ids: list[int]) -> None:
        if not confirmed:
            return
        discarded = self.workspace.discard_operations(ids)
        if discarded.targets:
            spawn(self.workspace.restore_discarded(discarded), name="outbox-restore")
        self.context.notify(
            self.tr("Discarded {plural}.").format(plural=plural(discarded.count, "change"))
        )


def _inbox_available() -> bool:
    entry = next((e for e in PANES if e.object_name == "inboxPane"), None)
    return entry is not None and entry.available()
