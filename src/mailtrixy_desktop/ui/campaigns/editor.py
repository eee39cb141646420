"""The campaign editor: a new campaign, an edit of a draft or a scheduled one, and a
change the server refused.

The form on the left says who sends what to whom and when; on the right the HTML
body has a source view and a rendered preview, with the merge tags filled from a
contact the person picks. The number of distinct recipients of the chosen groups
is counted from the cache as they tick them. What can be checked here is checked
before saving, each message under its field: required fields, the sender's domain
against the email account (the server's rule), a time in the past, and merge tags
that match nothing (a warning on a draft; scheduling refuses them). Saving goes
through the outbox (``CampaignsService``) with the changed fields only.

A 422 arrives later, through the outbox: ``CampaignDialog.for_refused`` reopens
what the person wrote with the server's messages beside their fields; saving
replaces the refused operation instead of queueing a second one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services import merge_tags
from mailtrixy_desktop.services.outbox_view import field_errors as refusal_field_errors
from mailtrixy_desktop.store.outbox import Operation
from mailtrixy_desktop.ui.campaigns.formatting import count_text
from mailtrixy_desktop.ui.campaigns.preview import EmailPreview
from mailtrixy_desktop.ui.contact_matches import (
    ContactIdRole,
    ContactMatchesPopup,
    contact_label,
    search_rows,
)
from mailtrixy_desktop.ui.i18n import translated
from mailtrixy_desktop.ui.refused_edit import reopen_refused

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import CampaignFields
    from mailtrixy_desktop.services.workspace import Workspace
    from mailtrixy_desktop.store.campaigns import CampaignRow
    from mailtrixy_desktop.store.contacts import ContactRow

ERROR_RED: Final = "#E5484D"  # the forms' red (as the deal editor's), readable light and dark
WARNING_AMBER: Final = "#C77700"
DEBOUNCE_MS: Final = 150
GROUP_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# The form's fields by the names the server's errors use, in the order they are read.
FIELDS: Final = (
    "name",
    "subject",
    "from_name",
    "from_email",
    "email_account_id",
    "recipient_groups",
    "schedule_at",
    "body_html",
)
_OBJECT_NAME: Final = {
    "name": "campaignName",
    "subject": "campaignSubject",
    "from_name": "campaignFromName",
    "from_email": "campaignFromEmail",
    "email_account_id": "campaignAccount",
    "recipient_groups": "campaignGroups",
    "schedule_at": "campaignSchedule",
    "body_html": "campaignBody",
}
STARTER_BODY: Final = QT_TRANSLATE_NOOP(
    "CampaignDialog",
    "<h1>Hello {{contact.name}}</h1>\n<p>Write your message here.</p>\n"
    '<p>— The team</p>\n<p style="color:#888">You receive this as {{contact.email}}.</p>\n',
)


def utc_iso(moment: QDateTime) -> str:
    """A picked moment as the API wants it: UTC, ISO 8601, whole seconds."""
    seconds = moment.toSecsSinceEpoch()
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone_text() -> str:
    """The person's time zone as the picker's label says it: "Europe/Berlin (UTC+02:00)"."""
    zone = QTimeZone.systemTimeZone()
    now = QDateTime.currentDateTime()
    offset = zone.offsetFromUtc(now)
    sign = "+" if offset >= 0 else "−"
    hours, minutes = divmod(abs(offset) // 60, 60)
    name = bytes(zone.id().data()).decode() or QCoreApplication.translate(
        "CampaignDialog", "local time"
    )
    return f"{name} (UTC{sign}{hours:02d}:{minutes:02d})"


class CampaignDialog(QDialog):
    """New campaign (``campaign_id=None``) or an edit of a cached draft or scheduled one.
    Open it with ``open()`` (no nested event loop under qasync); it saves itself."""

    saved = Signal(int)  # the campaign's id (a temporary negative one for a new one)
    deleted = Signal(int)

    def __init__(
        self, workspace: Workspace, campaign_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaigns = workspace.campaigns
        self.campaign_id = campaign_id
        self.row: CampaignRow | None = (
            self.campaigns.get(campaign_id) if campaign_id is not None else None
        )
        if campaign_id is not None and self.row is None:
            raise KeyError(campaign_id)
        self.body_before: str | None = (
            self.campaigns.body_html(campaign_id) if campaign_id is not None else None
        )
        self.refused_op: Operation | None = None
        self.outcome: str | None = None  # "created", "updated", "unchanged", "deleted"
        self._custom_keys: list[str] = self.campaigns.custom_field_keys()
        self._preview_contact: ContactRow | None = None
        self._errors: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._confirm: QMessageBox | None = None
        self._body_touched = False

        self.setObjectName("campaignDialog")
        self.setModal(True)
        self.setWindowTitle(
            self.tr("New campaign") if self.row is None else self.tr("Edit campaign")
        )
        self.setAccessibleName(self.windowTitle())
        self.resize(1080, 720)
        self.setMinimumSize(860, 600)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.search_contacts)
        self._build()
        self._load()
        self.finished.connect(self._on_finished)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("campaignRefusal")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"QLabel {{ color: {ERROR_RED}; }}")
        self.banner.hide()

        form_box = QWidget()
        form_column = QVBoxLayout(form_box)
        form_column.setContentsMargins(0, 0, 8, 0)
        self.form = QFormLayout()
        form_column.addLayout(self.form)
        form_column.addStretch(1)  # the rows keep their heights; the space goes below
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)

        self.name = self._line(
            "campaignName", self.tr("Campaign name"), self.tr("e.g. April product update")
        )
        self._add_row(self.tr("&Name"), "name", self.name)
        subject_row = QHBoxLayout()
        subject_row.setSpacing(4)
        self.subject = self._line(
            "campaignSubject", self.tr("Subject"), self.tr("What recipients see in their inbox")
        )
        self.subject_tags = self._tags_button("campaignSubjectTags", self.subject)
        subject_row.addWidget(self.subject, 1)
        subject_row.addWidget(self.subject_tags)
        self._add_row(self.tr("&Subject"), "subject", subject_row, first=self.subject)
        self.from_name = self._line(
            "campaignFromName", self.tr("From name"), self.tr("e.g. Your Company")
        )
        self._add_row(self.tr("&From name"), "from_name", self.from_name)
        self.from_email = self._line(
            "campaignFromEmail", self.tr("From email"), self.tr("e.g. newsletter@yourcompany.com")
        )
        self._add_row(self.tr("From &email"), "from_email", self.from_email)

        self.account = QComboBox()
        self.account.setObjectName("campaignAccount")
        self.account.setAccessibleName(self.tr("Email account"))
        self.account.setToolTip(self.tr("The connected account the campaign is sent from"))
        self.account.addItem(self.tr("Choose an email account…"), None)
        for account in self.campaigns.email_accounts():
            label = f"{account.name} — {account.email}"
            if not account.verified:
                label += "  " + self.tr("(not verified)")
            self.account.addItem(label, account.id)
            self.account.setItemData(
                self.account.count() - 1, account.email, Qt.ItemDataRole.UserRole + 1
            )
            self.account.setItemData(
                self.account.count() - 1, int(not account.verified), Qt.ItemDataRole.UserRole + 2
            )
        self.account.currentIndexChanged.connect(self._account_changed)
        self._add_row(self.tr("&Account"), "email_account_id", self.account)

        groups_box = QVBoxLayout()
        groups_box.setSpacing(4)
        self.group_model = QStandardItemModel(self)
        for group_id, name in self.campaigns.groups():
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(group_id, GROUP_ID_ROLE)
            self.group_model.appendRow(item)
        self.groups = QListView()
        self.groups.setObjectName("campaignGroups")
        self.groups.setAccessibleName(self.tr("Recipient groups"))
        self.groups.setModel(self.group_model)
        self.groups.setUniformItemSizes(True)
        line = self.groups.fontMetrics().height() + 8
        self.groups.setFixedHeight(line * 5 + 6)
        self.group_model.itemChanged.connect(self._groups_changed)
        self.recipient_count = QLabel()
        self.recipient_count.setObjectName("campaignRecipientCount")
        self.recipient_count.setAccessibleName(self.tr("Distinct recipients"))
        groups_box.addWidget(self.groups)
        groups_box.addWidget(self.recipient_count)
        if self.group_model.rowCount() == 0:
            self.recipient_count.setText(
                self.tr("This workspace has no contact groups yet: make one under Tags & Groups.")
            )
        self._add_row(self.tr("&Recipients"), "recipient_groups", groups_box, first=self.groups)

        when = QVBoxLayout()
        when.setSpacing(4)
        self.schedule_on = QCheckBox(self.tr("Schedule for later (otherwise it stays a draft)"))
        self.schedule_on.setObjectName("campaignScheduleOn")
        self.schedule_on.toggled.connect(self._schedule_toggled)
        self.schedule = QDateTimeEdit()
        self.schedule.setObjectName("campaignSchedule")
        self.schedule.setAccessibleName(self.tr("Send at (your local time)"))
        self.schedule.setCalendarPopup(True)
        self.schedule.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.schedule.setDateTime(_next_hour())
        self.schedule.dateTimeChanged.connect(lambda _d: self.set_error("schedule_at", None))
        zone = QLabel(self.tr("Your time zone: {zone_text}").format(zone_text=zone_text()))
        zone.setObjectName("campaignTimeZone")
        zone.setEnabled(False)
        when.addWidget(self.schedule_on)
        when.addWidget(self.schedule)
        when.addWidget(zone)
        self._add_row(self.tr("&When"), "schedule_at", when, first=self.schedule)

        # -- the body: source and preview
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(6)
        picker = QHBoxLayout()
        picker.setSpacing(6)
        picker_label = QLabel(self.tr("Preview &as"))
        self.preview_contact = QLineEdit()
        self.preview_contact.setObjectName("campaignPreviewContact")
        self.preview_contact.setAccessibleName(self.tr("Contact the preview fills merge tags from"))
        self.preview_contact.setPlaceholderText(self.tr("Search a contact to fill the merge tags…"))
        self.preview_contact.setClearButtonEnabled(True)
        self.preview_contact.textEdited.connect(self._contact_edited)
        self.preview_contact.installEventFilter(self)
        picker_label.setBuddy(self.preview_contact)
        self._picker = ContactMatchesPopup(
            self, self.preview_contact, "campaignPreviewMatches", self._match_chosen
        )
        self.matches, self.completer = self._picker.matches, self._picker.completer
        self.matches_popup = self._picker.popup
        self.load_images = QPushButton(self.tr("Load images"))
        self.load_images.setObjectName("campaignLoadImages")
        self.load_images.setToolTip(self.tr("Fetch the body's remote images for this preview"))
        self.load_images.setAutoDefault(False)
        self.load_images.clicked.connect(self._allow_images)
        picker.addWidget(picker_label)
        picker.addWidget(self.preview_contact, 1)
        picker.addWidget(self.load_images)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("campaignBodyTabs")
        self.tabs.setDocumentMode(True)
        self.body = QPlainTextEdit()
        self.body.setObjectName("campaignBody")
        self.body.setAccessibleName(self.tr("HTML body"))
        self.body.setTabChangesFocus(True)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = self.body.font()
        mono.setFamilies(["monospace", "DejaVu Sans Mono", "Menlo", "Consolas"])
        mono.setStyleHint(mono.StyleHint.Monospace)
        self.body.setFont(mono)
        self.body.setPlaceholderText(self.tr("<h1>Hello {{contact.name}}</h1>"))
        self.body.textChanged.connect(self._body_changed)
        self.preview = EmailPreview(self)
        self.preview.setObjectName("campaignPreview")
        self.preview.setAccessibleName(self.tr("Rendered preview"))
        source_page = QWidget()
        source_layout = QVBoxLayout(source_page)
        source_layout.setContentsMargins(0, 6, 0, 0)
        tags_row = QHBoxLayout()
        tags_row.addWidget(QLabel(self.tr("HTML source")), 1)
        self.body_tags = self._tags_button("campaignBodyTags", self.body)
        tags_row.addWidget(self.body_tags)
        source_layout.addLayout(tags_row)
        source_layout.addWidget(self.body, 1)
        self.tabs.addTab(source_page, self.tr("&HTML"))
        self.tabs.addTab(self.preview, self.tr("&Preview"))
        self.tabs.currentChanged.connect(lambda _i: self.update_preview())
        body_error = self._error_label("body_html")
        self._field_widgets["body_html"] = self.body
        right_layout.addLayout(picker)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(body_error)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("campaignEditorSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(form_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 640])

        self.status = QLabel()
        self.status.setObjectName("campaignDialogStatus")
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        self.status.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button.setObjectName("campaignSave")
        self.save_button.setDefault(True)
        self.cancel_button.setObjectName("campaignCancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        self.delete_button: QPushButton | None = None
        if self.row is not None and self.row.status == "draft":
            self.delete_button = QPushButton(self.tr("&Delete draft…"))
            self.delete_button.setObjectName("campaignDialogDelete")
            self.delete_button.setAutoDefault(False)
            self.delete_button.clicked.connect(self.ask_delete)
            bottom.addWidget(self.delete_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        for widget, field in (
            (self.name, "name"),
            (self.subject, "subject"),
            (self.from_name, "from_name"),
            (self.from_email, "from_email"),
        ):
            widget.textEdited.connect(lambda _t, f=field: self.set_error(f, None))
        self.subject.textChanged.connect(lambda _t: self._queue_preview())
        self._update_save_text()

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def _tags_button(self, name: str, target: QLineEdit | QPlainTextEdit) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText("{{ }}")
        button.setToolTip(self.tr("Insert a merge tag"))
        button.setAccessibleName(self.tr("Insert a merge tag"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)

        def insert(tag: str) -> None:
            if isinstance(target, QLineEdit):
                target.insert(tag)
            else:
                target.insertPlainText(tag)
            target.setFocus()

        for field in merge_tags.STANDARD_FIELDS:
            tag = merge_tags.tag_for(field)
            action = menu.addAction(self.tr("Contact {field}   {tag}").format(field=field, tag=tag))
            action.triggered.connect(lambda _c=False, t=tag: insert(t))
        if self._custom_keys:
            menu.addSeparator()
            for key in self._custom_keys:
                tag = merge_tags.tag_for(key, custom=True)
                action = menu.addAction(
                    self.tr("Custom field {key}   {tag}").format(key=key, tag=tag)
                )
                action.triggered.connect(lambda _c=False, t=tag: insert(t))
        button.setMenu(menu)
        return button

    def _error_label(self, field: str) -> QLabel:
        error = QLabel()
        error.setObjectName(f"{_OBJECT_NAME[field]}Error")
        error.setWordWrap(True)
        font = error.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        error.setFont(font)
        error.hide()
        self._errors[field] = error
        return error

    def _add_row(
        self,
        label_text: str,
        field: str,
        widget: QWidget | QHBoxLayout | QVBoxLayout,
        *,
        first: QWidget | None = None,
    ) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        if isinstance(widget, QWidget):
            column.addWidget(widget)
        else:
            column.addLayout(widget)
        column.addWidget(self._error_label(field))
        buddy = first if first is not None else widget
        assert isinstance(buddy, QWidget)
        self._field_widgets[field] = buddy
        label = QLabel(label_text)
        label.setBuddy(buddy)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumHeight(self.name.sizeHint().height() if hasattr(self, "name") else 24)
        self.form.addRow(label, column)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    # ------------------------------------------------------------------ loading
    def _load(self) -> None:
        row = self.row
        accounts = [self.account.itemData(i) for i in range(1, self.account.count())]
        if row is None:
            if accounts:
                self.account.setCurrentIndex(1)
            self._set_body(translated(STARTER_BODY))
            self._update_recipients()
            self.name.setFocus()
            self.update_preview()
            return
        self.name.setText(row.name)
        self.subject.setText(row.subject)
        self.from_name.setText(row.from_name or "")
        self.from_email.setText(row.from_email or "")
        self._set_account(row.email_account_id)
        self._set_groups(row.recipient_groups or ())
        if row.status == "scheduled" and row.schedule_at is not None:
            self.schedule_on.setChecked(True)
            self.schedule.setDateTime(
                QDateTime.fromSecsSinceEpoch(int(row.schedule_at.timestamp()))
            )
        self._schedule_toggled(self.schedule_on.isChecked())
        if self.body_before is None:
            self.body.setPlaceholderText(
                self.tr(
                    "The body has not been loaded (offline?). Anything written here replaces it."
                )
            )
        else:
            self._set_body(self.body_before)
        self._update_recipients()
        self.name.setFocus()
        self.update_preview()

    def _set_body(self, text: str) -> None:
        self.body.blockSignals(True)
        self.body.setPlainText(text)
        self.body.blockSignals(False)

    def _set_account(self, account_id: int | None) -> None:
        if account_id is None:
            return
        index = self.account.findData(account_id)
        if index < 0:
            self.account.addItem(self.tr("Email account #{id}").format(id=account_id), account_id)
            index = self.account.count() - 1
        self.account.setCurrentIndex(index)

    def _set_groups(self, group_ids: Sequence[int]) -> None:
        wanted = set(group_ids)
        self.group_model.blockSignals(True)
        for row in range(self.group_model.rowCount()):
            item = self.group_model.item(row)
            checked = item.data(GROUP_ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.group_model.blockSignals(False)
        self.groups.viewport().update()

    # ------------------------------------------------------------------ reacting
    def chosen_groups(self) -> list[int]:
        return [
            int(self.group_model.item(row).data(GROUP_ID_ROLE))
            for row in range(self.group_model.rowCount())
            if self.group_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_groups_checked(self, group_ids: Sequence[int]) -> None:
        """Tick exactly these groups (what clicking their boxes does)."""
        for row in range(self.group_model.rowCount()):
            item = self.group_model.item(row)
            checked = item.data(GROUP_ID_ROLE) in set(group_ids)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _groups_changed(self, _item: QStandardItem) -> None:
        self.set_error("recipient_groups", None)
        self._update_recipients()

    def recipients(self) -> int:
        return self.campaigns.distinct_recipients(self.chosen_groups())

    def _update_recipients(self) -> None:
        if self.group_model.rowCount() == 0:
            return
        chosen = self.chosen_groups()
        if not chosen:
            self.recipient_count.setText(self.tr("Tick the groups to send to."))
            return
        count = self.recipients()
        groups = count_text(len(chosen), "group")
        self.recipient_count.setText(
            self.tr("<b>{recipients}</b> in {groups}").format(
                recipients=count_text(count, "distinct recipient"), groups=groups
            )
            + (self.tr(" (someone in several groups gets one email)") if len(chosen) > 1 else "")
        )

    def _account_changed(self, _index: int) -> None:
        self.set_error("email_account_id", None)
        self.set_error("from_email", None)
        email = self.account.currentData(Qt.ItemDataRole.UserRole + 1)
        if isinstance(email, str) and not self.from_email.text().strip():
            self.from_email.setText(email)

    def _schedule_toggled(self, on: bool) -> None:
        self.schedule.setEnabled(on)
        self.set_error("schedule_at", None)
        self._update_save_text()
        self._check_tags()

    def _update_save_text(self) -> None:
        if not hasattr(self, "buttons"):
            return
        self.save_button.setText(
            self.tr("Schedule") if self.schedule_on.isChecked() else self.tr("Save draft")
        )

    def _body_changed(self) -> None:
        self._body_touched = True
        self.set_error("body_html", None)
        self._queue_preview()

    def _queue_preview(self) -> None:
        self._preview_timer.start()

    def _allow_images(self) -> None:
        self.preview.allow_remote_images()
        self.tabs.setCurrentWidget(self.preview)

    def update_preview(self) -> None:
        """The preview and the merge-tag checks, as the form holds them now."""
        self._preview_timer.stop()
        self._check_tags()
        contact = self._preview_contact
        values = (
            merge_tags.contact_values(
                name=contact.name,
                email=contact.email,
                company=contact.company,
                phone=contact.phone,
                custom_fields=contact.custom_fields,
            )
            if contact is not None
            else None
        )
        self.preview.set_email(
            self.subject.text(),
            self.body.toPlainText(),
            contact=values,
            custom_keys=self._custom_keys,
            allow_remote=self.preview.allow_remote,
        )
        self.load_images.setVisible(self.preview.blocked_images > 0)

    def unknown_tags(self) -> dict[str, list[str]]:
        """The merge tags that match nothing, in the subject and in the body."""
        found = {
            "subject": merge_tags.unknown_tags(self.subject.text(), self._custom_keys),
            "body_html": merge_tags.unknown_tags(self.body.toPlainText(), self._custom_keys),
        }
        return {field: tags for field, tags in found.items() if tags}

    def _check_tags(self) -> None:
        unknown = self.unknown_tags()
        for field in ("subject", "body_html"):
            tags = unknown.get(field)
            label = self._errors[field]
            if tags:
                self.set_error(field, _unknown_sentence(tags), warning=True)
            elif label.property("warning"):
                self.set_error(field, None)

    # ------------------------------------------------------------------ preview contact
    def _contact_edited(self, _text: str) -> None:
        self._search_timer.start()

    def search_contacts(self) -> None:
        self._search_timer.stop()
        text = self.preview_contact.text().strip()
        if not text:
            self._picker.clear()
            return
        self._picker.show(search_rows(self.workspace, text))

    def _match_chosen(self, index: QModelIndex) -> None:
        contact_id = index.data(ContactIdRole)
        if isinstance(contact_id, int):
            self.choose_preview_contact(contact_id)

    def choose_preview_contact(self, contact_id: int) -> bool:
        """Fill the preview's merge tags from this contact (what picking it does)."""
        contact = self.workspace.contacts.get(contact_id)
        if contact is None:
            return False
        self._preview_contact = contact
        self.preview_contact.setText(contact_label(contact.name, contact.email))
        self.preview_contact.setCursorPosition(0)
        self.matches_popup.hide()
        self.update_preview()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.preview_contact
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Enter picks the first match; it does not save the campaign.
            self.search_contacts()
            if self.matches.rowCount():
                self.choose_preview_contact(self.matches.row_at(0).id)
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ errors
    def set_error(self, field: str, message: str | None, *, warning: bool = False) -> None:
        label = self._errors[field]
        label.setText(message or "")
        label.setProperty("warning", bool(message) and warning)
        label.setStyleSheet(f"QLabel {{ color: {WARNING_AMBER if warning else ERROR_RED}; }}")
        label.setVisible(bool(message))

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for field in self._errors:
            self.set_error(field, None)
        self.status.hide()

    def show_errors(self, errors: Mapping[str, Sequence[str]]) -> list[str]:
        """The server's messages under their fields; returns those it could not place."""
        unplaced: list[str] = []
        for name, messages in errors.items():
            field = str(name).split(".", 1)[0]
            texts = [messages] if isinstance(messages, str) else [str(m) for m in messages]
            if field in self._errors:
                self.set_error(field, " ".join(texts))
            else:
                unplaced.extend(texts)
        first = next((f for f in FIELDS if f in errors), None)
        if first is not None:
            self._field_widgets[first].setFocus()
        return unplaced

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # ------------------------------------------------------------------ reading the form
    def fields(self) -> CampaignFields | None:
        """Everything the form holds, checked; None (messages shown) if not valid."""
        problems: dict[str, str] = {}
        name = self.name.text().strip()
        subject = self.subject.text().strip()
        from_name = self.from_name.text().strip()
        from_email = self.from_email.text().strip()
        if not name:
            problems["name"] = self.tr("Give the campaign a name (only your team sees it).")
        elif len(name) > 255:
            problems["name"] = self.tr("At most {max} characters ({now} now).").format(
                max=255, now=len(name)
            )
        if not subject:
            problems["subject"] = self.tr("Write the subject recipients will see.")
        elif len(subject) > 998:
            problems["subject"] = self.tr("At most {max} characters ({now} now).").format(
                max=998, now=len(subject)
            )
        if not from_name:
            problems["from_name"] = self.tr("Say who it is from, e.g. your company's name.")
        account_id = self.account.currentData()
        account_email = self.account.currentData(Qt.ItemDataRole.UserRole + 1)
        if account_id is None:
            problems["email_account_id"] = self.tr("Choose the email account it is sent from.")
        elif self.account.currentData(Qt.ItemDataRole.UserRole + 2):
            problems["email_account_id"] = self.tr(
                "This email account is not verified yet; choose a verified one."
            )
        if not _EMAIL.match(from_email):
            problems["from_email"] = (
                self.tr("Enter the sender's email address.")
                if not from_email
                else self.tr("“{email}” is not an email address.").format(email=from_email)
            )
        elif isinstance(account_email, str) and "email_account_id" not in problems:
            domain = account_email.rsplit("@", 1)[-1].lower()
            if from_email.rsplit("@", 1)[-1].lower() != domain:
                problems["from_email"] = self.tr(
                    "Use an address at {domain}, the account's verified domain."
                ).format(domain=domain)
        groups = self.chosen_groups()
        if not groups:
            problems["recipient_groups"] = self.tr("Tick at least one group to send to.")
        body = self.body.toPlainText()
        if not body.strip() and (
            self.row is None or self._body_touched or self.body_before is not None
        ):
            problems["body_html"] = self.tr("Write the email's HTML body.")
        schedule_at: str | None = None
        if self.schedule_on.isChecked():
            moment = self.schedule.dateTime()
            if moment.toSecsSinceEpoch() <= QDateTime.currentDateTime().toSecsSinceEpoch() + 30:
                problems["schedule_at"] = self.tr(
                    "That time has passed; choose a time in the future (your local time)."
                )
            else:
                schedule_at = utc_iso(moment)
            for field, tags in self.unknown_tags().items():
                problems.setdefault(
                    field, _unknown_sentence(tags) + " " + self.tr("Fix it before scheduling.")
                )
        for field, message in problems.items():
            self.set_error(field, message)
        if problems:
            first = next(f for f in FIELDS if f in problems)
            self._field_widgets[first].setFocus()
            return None
        fields: CampaignFields = {
            "name": name,
            "subject": subject,
            "from_name": from_name,
            "from_email": from_email,
            "email_account_id": int(account_id),
            "recipient_groups": groups,
            "schedule_at": schedule_at,
        }
        if self.row is None or self._body_touched or self.body_before is not None:
            fields["body_html"] = body
        return fields

    def changes(self, fields: CampaignFields) -> CampaignFields:
        """Only what differs from the cached campaign (everything for a new one; a new
        one without a schedule leaves ``schedule_at`` out: a draft)."""
        row = self.row
        if row is None:
            return {k: v for k, v in fields.items() if v is not None}  # type: ignore[return-value]
        before: dict[str, Any] = {
            "name": row.name,
            "subject": row.subject,
            "from_name": row.from_name,
            "from_email": row.from_email,
            "email_account_id": row.email_account_id,
            "recipient_groups": sorted(row.recipient_groups or ()),
            "schedule_at": utc_iso(QDateTime.fromSecsSinceEpoch(int(row.schedule_at.timestamp())))
            if row.status == "scheduled" and row.schedule_at is not None
            else None,
            "body_html": self.body_before,
        }
        changed: dict[str, Any] = {}
        for key, value in fields.items():
            now = sorted(value) if isinstance(value, list) else value
            if now != before.get(key):
                changed[key] = value
        return changed  # type: ignore[return-value]

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        self.clear_errors()
        fields = self.fields()
        if fields is None:
            self._check_tags_after_errors()
            return False
        if self.refused_op is not None:
            return self._save_refused(fields)
        if self.row is None:
            new_id = self.campaigns.create(self.changes(fields))
            self.campaign_id = new_id
            self.outcome = "created"
            self.saved.emit(new_id)
            self.accept()
            return True
        changes = self.changes(fields)
        if changes:
            try:
                self.campaigns.update(self.row.id, changes)
            except KeyError:
                self._say(
                    self.tr("This campaign is no longer on this computer; it cannot be saved.")
                )
                return False
            self.outcome = "updated"
        else:
            self.outcome = "unchanged"
        self.saved.emit(self.row.id)
        self.accept()
        return True

    def _check_tags_after_errors(self) -> None:
        # Warnings stay visible where no error took their place.
        for field, tags in self.unknown_tags().items():
            if not self.error_text(field):
                self.set_error(field, _unknown_sentence(tags), warning=True)

    def _save_refused(self, fields: CampaignFields) -> bool:
        op = self.refused_op
        assert op is not None
        payload: dict[str, Any] = dict(self.changes(fields))
        if op.kind == "campaign.update":
            for key in op.payload:  # what the refused change was about, at its new value
                if key in fields and key not in payload:
                    payload[key] = fields[key]  # type: ignore[literal-required]
        if self.workspace.save_edit(op.id, payload):
            self.refused_op = None
            self.outcome = "updated" if op.kind == "campaign.update" else "created"
            self.saved.emit(op.target_id if op.target_id is not None else 0)
            self.accept()
            return True
        self.refused_op = None  # it left the queue meanwhile: the person's change goes anew
        return self.save()

    # ------------------------------------------------------------------ deleting
    def ask_delete(self) -> None:
        if self.row is None:
            return
        box, delete = confirm_delete_box(self, self.name.text().strip() or self.row.name)
        box.buttonClicked.connect(lambda button: self._delete_answered(button is delete))
        box.destroyed.connect(lambda *_: setattr(self, "_confirm", None))
        self._confirm = box
        box.open()

    @property
    def confirm_box(self) -> QMessageBox | None:
        return self._confirm

    def _delete_answered(self, confirmed: bool) -> None:
        if not confirmed or self.row is None:
            return
        self.campaigns.delete(self.row.id)
        self.outcome = "deleted"
        self.deleted.emit(self.row.id)
        self.accept()

    # ------------------------------------------------------------------ refused changes
    @classmethod
    def for_refused(
        cls, workspace: Workspace, op: Operation, parent: QWidget | None = None
    ) -> CampaignDialog | None:
        """Reopen a refused ``campaign.create`` or ``campaign.update`` with the server's
        messages beside their fields (see ``ui/refused_edit.py``)."""
        return reopen_refused(
            lambda campaign_id: cls(workspace, campaign_id, parent),
            workspace,
            op,
            kind="campaign",
            exists=workspace.campaigns.get,
        )

    def refused_title(self, new: bool) -> str:
        if new:
            return QCoreApplication.translate("CampaignDialog", "Fix the new campaign")
        return QCoreApplication.translate("CampaignDialog", "Fix the campaign")

    def apply_payload(self, payload: Mapping[str, Any]) -> None:
        for key, edit in (
            ("name", self.name),
            ("subject", self.subject),
            ("from_name", self.from_name),
            ("from_email", self.from_email),
        ):
            if key in payload:
                edit.setText(str(payload[key] or ""))
        if payload.get("email_account_id") is not None:
            self._set_account(int(payload["email_account_id"]))
        if "recipient_groups" in payload:
            self._set_groups([int(g) for g in payload["recipient_groups"] or ()])
        if "body_html" in payload:
            self._set_body(str(payload["body_html"] or ""))
            self._body_touched = True
        if payload.get("schedule_at"):
            moment = QDateTime.fromString(str(payload["schedule_at"]), Qt.DateFormat.ISODate)
            if moment.isValid():
                self.schedule_on.setChecked(True)
                self.schedule.setDateTime(moment.toLocalTime())
        self._update_recipients()
        self.update_preview()

    def show_refusal(self, op: Operation) -> None:
        errors = refusal_field_errors(op)
        unplaced = self.show_errors(errors)
        reason = op.last_error or self.tr("The server refused this change.")
        if errors and not unplaced:
            reason = self.tr("The server did not accept this. Fix what is marked, then save again.")
        elif unplaced:
            reason = " ".join(unplaced)
        self.banner.setText(reason)
        self.banner.show()

    def _on_finished(self, _result: int) -> None:
        self._search_timer.stop()
        self._preview_timer.stop()
        self.matches_popup.hide()
        op = self.refused_op
        if op is not None:
            self.refused_op = None
            self.workspace.cancel_edit(op.id)


def confirm_delete_box(parent: QWidget, name: str) -> tuple[QMessageBox, QPushButton]:
    """Asks before a draft is deleted; (the box, its Delete button)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("campaigns.editor", "Delete draft"),
        QCoreApplication.translate("campaigns.editor", "Delete the draft “{name}”?").format(
            name=name
        ),
        parent=parent,
    )
    box.setObjectName("confirmDeleteCampaign")
    box.setInformativeText(
        QCoreApplication.translate(
            "campaigns.editor", "It leaves this list now and the server when the outbox sends it."
        )
    )
    delete = box.addButton(
        QCoreApplication.translate("campaigns.editor", "Delete"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    delete.setObjectName("confirmDeleteCampaignButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box, delete


def _unknown_sentence(tags: Sequence[str]) -> str:
    translate = QCoreApplication.translate
    listed = ", ".join(tags[:4])
    if len(tags) > 4:
        listed = translate("CampaignDialog", "{listed} and {count} more").format(
            listed=listed, count=len(tags) - 4
        )
    if len(tags) == 1:
        return translate(
            "CampaignDialog",
            "{listed} matches no contact field: recipients would see it as written.",
        ).format(listed=listed)
    return translate(
        "CampaignDialog", "{listed} match no contact field: recipients would see them as written."
    ).format(listed=listed)


def _next_hour() -> QDateTime:
    """Tomorrow at the next whole hour: a sensible first guess for a schedule."""
    now = QDateTime.currentDateTime().addDays(1)
    time = now.time()
    return now.addSecs(3600 - time.minute() * 60 - time.second())


__all__ = ["CampaignDialog", "confirm_delete_box", "utc_iso", "zone_text"]
