"""The New webhook dialog: the receiver's URL and the events, then the secret, once.

The form checks what it can before anything is sent (an https URL, at least one
event), emits ``submitted`` and stays open; the pane creates the webhook on the
server and either puts the server's 422 messages beside the fields
(``show_errors``), says why it could not (``set_status``: offline…), or turns the
dialog to its second page with ``show_secret``. The secret lives only in that
page's field and is cleared when the dialog closes; the dialog never calls a
service itself.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.ui.i18n import translated

# The reference's table of events: when each one is sent.
EVENT_DESCRIPTIONS: dict[str, str] = {
    "contact.created": QT_TRANSLATE_NOOP("WebhookDialog", "A new contact is added"),
    "contact.updated": QT_TRANSLATE_NOOP("WebhookDialog", "A contact's details are modified"),
    "contact.deleted": QT_TRANSLATE_NOOP("WebhookDialog", "A contact is permanently deleted"),
    "conversation.created": QT_TRANSLATE_NOOP("WebhookDialog", "A new conversation is started"),
    "conversation.replied": QT_TRANSLATE_NOOP("WebhookDialog", "A reply is sent in a conversation"),
    "conversation.closed": QT_TRANSLATE_NOOP("WebhookDialog", "A conversation is resolved/closed"),
    "deal.created": QT_TRANSLATE_NOOP("WebhookDialog", "A new deal is created"),
    "deal.stage_changed": QT_TRANSLATE_NOOP(
        "WebhookDialog", "A deal moves to a different pipeline stage"
    ),
    "deal.won": QT_TRANSLATE_NOOP("WebhookDialog", "A deal is marked as won"),
    "deal.lost": QT_TRANSLATE_NOOP("WebhookDialog", "A deal is marked as lost"),
    "campaign.sent": QT_TRANSLATE_NOOP("WebhookDialog", "A campaign begins sending"),
    "campaign.completed": QT_TRANSLATE_NOOP(
        "WebhookDialog", "A campaign has finished sending to all recipients"
    ),
}
GROUP_TITLES = {
    "contact": QT_TRANSLATE_NOOP("WebhookDialog", "Contacts"),
    "conversation": QT_TRANSLATE_NOOP("WebhookDialog", "Conversations"),
    "deal": QT_TRANSLATE_NOOP("WebhookDialog", "Deals"),
    "campaign": QT_TRANSLATE_NOOP("WebhookDialog", "Campaigns"),
}
ERROR_STYLE = "color: #e5484d;"  # the palette has no error role; reads on light and dark
LOOPBACK_NOTE = QT_TRANSLATE_NOOP(
    "WebhookDialog",
    "Plain http is accepted only for a receiver on this computer, for testing; "
    "real receivers need https.",
)
SHOWN_ONCE_NOTE = QT_TRANSLATE_NOOP(
    "WebhookDialog",
    "Copy this secret now and keep it with your receiver: it is shown only this "
    "once, and MailTrixy Desktop does not keep a copy. You will need it to verify "
    "the X-MailTrixy-Signature of every delivery.",
)


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_loopback_http(url: str) -> bool:
    """``http://127.0.0.1…`` or ``http://localhost…``: a test receiver on this computer."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() == "http" and _is_loopback(parts.hostname or "")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot receive webhooks, checked before anything is sent; or None."""
    translate = QCoreApplication.translate
    url = url.strip()
    if not url:
        return translate(
            "WebhookDialog",
            "Enter the URL your receiver listens on (Zapier, Make and n8n give you one).",
        )
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises for a port that is not a number
    except ValueError:
        return translate("WebhookDialog", "That is not a valid URL.")
    if any(c.isspace() for c in url):
        return translate("WebhookDialog", "A URL cannot contain spaces.")
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return translate(
            "WebhookDialog",
            "Enter a full URL that starts with https://, e.g. https://hooks.zapier.com/…",
        )
    if scheme == "http" and not _is_loopback(parts.hostname):
        return translate(
            "WebhookDialog",
            "Webhook URLs must use https:// so deliveries cannot be read on the way "
            "(plain http only works for a receiver on this computer).",
        )
    return None


def _group_of(event: str) -> str:
    return event.split(".", 1)[0]


class _SelectAll(QCheckBox):
    """A select-all box: shows "some" as partly checked; a click selects all, or none."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTristate(True)

    def nextCheckState(self) -> None:
        checked = self.checkState() == Qt.CheckState.Checked
        self.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)


def _state_of(boxes: Sequence[QCheckBox]) -> Qt.CheckState:
    on = sum(box.isChecked() for box in boxes)
    if on == 0:
        return Qt.CheckState.Unchecked
    return Qt.CheckState.Checked if on == len(boxes) else Qt.CheckState.PartiallyChecked


class WebhookDialog(QDialog):
    """``submitted`` carries ``{"url": str, "events": [str, ...]}``."""

    submitted = Signal(dict)

    def __init__(self, events: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhookDialog")
        self.setWindowTitle(self.tr("New webhook"))
        self.setAccessibleName(self.tr("New webhook"))
        self.setModal(True)
        self.setMinimumWidth(560)
        self._errors: dict[str, QLabel] = {}
        self.event_boxes: dict[str, QCheckBox] = {}
        self.group_boxes: dict[str, _SelectAll] = {}

        self.pages = QStackedWidget()
        self.pages.setObjectName("webhookDialogPages")
        self.pages.addWidget(self._build_form(events))
        self.pages.addWidget(self._build_secret())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addWidget(self.pages)
        self._update_url_note()
        self._sync_select_all()

    # ------------------------------------------------------------------ building
    def _error_label(self, field: str, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        self._errors[field] = label
        return label

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
        return label

    @staticmethod
    def _muted(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setEnabled(False)  # the palette's muted text, in light and dark themes
        return label

    def _build_form(self, events: Sequence[str]) -> QWidget:
        page = QWidget()
        page.setObjectName("webhookFormPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        layout.addWidget(self._heading(self.tr("Receiver URL")))
        self.url = QLineEdit()
        self.url.setObjectName("webhookUrl")
        self.url.setAccessibleName(self.tr("Receiver URL"))
        self.url.setPlaceholderText("https://hooks.zapier.com/hooks/catch/…")
        self.url.textChanged.connect(lambda _t: self._update_url_note())
        layout.addWidget(self.url)
        layout.addWidget(self._error_label("url", "webhookUrlError"))
        self.url_note = self._muted(translated(LOOPBACK_NOTE))
        self.url_note.setObjectName("webhookUrlNote")
        layout.addWidget(self.url_note)
        layout.addSpacing(10)

        top = QHBoxLayout()
        top.addWidget(self._heading(self.tr("Events")))
        top.addStretch(1)
        self.select_all = _SelectAll(self.tr("Select all"))
        self.select_all.setObjectName("webhookEventsAll")
        self.select_all.setAccessibleName(self.tr("Select all events"))
        self.select_all.clicked.connect(lambda _c: self._set_all(self.select_all.isChecked()))
        top.addWidget(self.select_all)
        layout.addLayout(top)
        layout.addWidget(
            self._muted(self.tr("MailTrixy posts to the URL when any of these happens."))
        )

        frame = QFrame()
        frame.setObjectName("webhookEvents")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 12, 14, 12)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(4)
        groups: dict[str, list[str]] = {}
        for event in events:
            groups.setdefault(_group_of(event), []).append(event)
        # Two columns of groups; each pair of groups starts below the taller of the last pair.
        starts: list[int] = []
        next_row = 0
        items = list(groups.items())
        for number in range(0, len(items), 2):
            starts += [next_row, next_row]
            next_row += 2 + max(len(m) for _g, m in items[number : number + 2])
        for number, (group, members) in enumerate(items):
            column, row0 = number % 2, starts[number]
            if row0:
                grid.setRowMinimumHeight(row0 - 1, 8)  # a gap between pairs of groups
            box = _SelectAll(translated(GROUP_TITLES.get(group, group.title() + "s")))
            box.setObjectName(f"webhookEventsGroup-{group}")
            box.setAccessibleName(
                self.tr("All {group} events").format(
                    group=translated(GROUP_TITLES.get(group, group))
                )
            )
            font = QFont(box.font())
            font.setWeight(QFont.Weight.DemiBold)
            box.setFont(font)
            box.clicked.connect(lambda _c, g=group: self._set_group(g))
            self.group_boxes[group] = box
            grid.addWidget(box, row0, column)
            for offset, event in enumerate(members, start=1):
                check = QCheckBox(event)
                check.setObjectName(f"webhookEvent-{event}")
                description = translated(EVENT_DESCRIPTIONS.get(event, ""))
                check.setAccessibleName(f"{event}: {description}" if description else event)
                check.setToolTip(description)
                check.toggled.connect(lambda _on: self._sync_select_all())
                self.event_boxes[event] = check
                indented = QHBoxLayout()  # under its group's box
                indented.setContentsMargins(22, 0, 0, 0)
                indented.addWidget(check)
                grid.addLayout(indented, row0 + offset, column)
        layout.addWidget(frame)
        layout.addWidget(self._error_label("events", "webhookEventsError"))

        self.status = QLabel()
        self.status.setObjectName("webhookDialogStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addSpacing(4)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            self.tr("Create webhook"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("webhookCreate")
        self.create_button.setAccessibleName(self.tr("Create webhook"))
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        return page

    def _build_secret(self) -> QWidget:
        page = QWidget()
        page.setObjectName("webhookSecretPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        title = QLabel(self.tr("Webhook created"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        layout.addWidget(title)
        self.created_url = self._muted("")
        self.created_url.setObjectName("webhookCreatedUrl")
        layout.addWidget(self.created_url)
        layout.addSpacing(6)
        layout.addWidget(self._heading(self.tr("Signing secret")))
        row = QHBoxLayout()
        self.secret = QLineEdit()
        self.secret.setObjectName("webhookSecret")
        self.secret.setAccessibleName(self.tr("Webhook signing secret"))
        self.secret.setReadOnly(True)
        self.secret.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        row.addWidget(self.secret, 1)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("webhookSecretCopy")
        self.copy_button.setAccessibleName(self.tr("Copy the secret"))
        self.copy_button.clicked.connect(self._copy)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        warning = QLabel(translated(SHOWN_ONCE_NOTE))
        warning.setObjectName("webhookSecretOnce")
        warning.setWordWrap(True)
        bold = QFont(warning.font())
        bold.setWeight(QFont.Weight.DemiBold)
        warning.setFont(bold)  # the one thing on this page a person must not miss
        layout.addWidget(warning)
        layout.addStretch(1)
        done = QDialogButtonBox()
        self.done_button = done.addButton(self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setObjectName("webhookDone")
        done.accepted.connect(self.accept)
        layout.addWidget(done)
        return page

    # ------------------------------------------------------------------ events
    def chosen_events(self) -> list[str]:
        return [event for event, box in self.event_boxes.items() if box.isChecked()]

    def _set_all(self, on: bool) -> None:
        for box in self.event_boxes.values():
            box.setChecked(on)
        self._sync_select_all()

    def _set_group(self, group: str) -> None:
        on = self.group_boxes[group].checkState() == Qt.CheckState.Checked
        for event, box in self.event_boxes.items():
            if _group_of(event) == group:
                box.setChecked(on)
        self._sync_select_all()

    def _sync_select_all(self) -> None:
        """The select-all boxes show whether all, some or none of their events are on."""
        for group, box in self.group_boxes.items():
            members = [b for e, b in self.event_boxes.items() if _group_of(e) == group]
            box.setCheckState(_state_of(members))
        self.select_all.setCheckState(_state_of(list(self.event_boxes.values())))
        if self.chosen_events():
            self.set_error("events", None)

    def _update_url_note(self) -> None:
        self.url_note.setVisible(is_loopback_http(self.url.text()))

    # ------------------------------------------------------------------ outcome
    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def set_error(self, field: str, message: str | None) -> None:
        label = self._errors[field]
        label.setText(message or "")
        label.setVisible(bool(message))

    def show_errors(self, field_errors: Mapping[str, Sequence[str]]) -> bool:
        """Put the server's messages beside their fields; False when none of them fits."""
        placed = False
        for field, messages in field_errors.items():
            if field in self._errors:
                self.set_error(field, " ".join(messages))
                placed = True
        self.set_busy(False)
        return placed

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.set_status(self.tr("Creating the webhook on the server…") if busy else "")

    def show_secret(self, url: str, secret: str) -> None:
        self.setWindowTitle(self.tr("Webhook created"))
        self.created_url.setText(
            self.tr("MailTrixy now posts the chosen events to {url}").format(url=url)
        )
        self.secret.setText(secret)
        # The form page leaves the stack (kept, hidden): the dialog shrinks to the
        # secret's page instead of leaving the form's height empty under it.
        form = self.pages.widget(0)
        self.pages.setCurrentIndex(1)
        if form is not None and form is not self.pages.currentWidget():
            self.pages.removeWidget(form)
            form.hide()
        QTimer.singleShot(0, self, self._fit_secret_page)  # once the layout has settled
        self.done_button.setDefault(True)
        self.copy_button.setFocus()

    def _fit_secret_page(self) -> None:
        width = self.width()
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        self.resize(width, max(height, self.sizeHint().height(), self.minimumHeight()))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.secret.text())
        self.copy_button.setText(self.tr("Copied"))

    def _submit(self) -> None:
        for field in self._errors:
            self.set_error(field, None)
        self.set_status("")
        url = self.url.text().strip()
        problem = url_problem(url)
        events = self.chosen_events()
        if problem:
            self.set_error("url", problem)
        if not events:
            self.set_error("events", self.tr("Choose at least one event to send."))
        if problem:
            self.url.setFocus()
        if problem or not events:
            return
        values: dict[str, Any] = {"url": url, "events": events}
        self.submitted.emit(values)

    def done(self, result: int) -> None:
        # The secret leaves the widget with the dialog; nothing else ever held it.
        self.secret.clear()
        super().done(result)
