"""The deal editor: a new deal, an edit, a delete, and a change the server refused.

``DealDialog(workspace, deal_id)`` edits a cached deal (``None``: a new one). The
form checks what it can before saving (the server's own rules: a title of at most
255 characters, a value from 0 with at most two decimals, an ISO 4217 currency, a
contact), each message right under its field. Saving goes through the outbox
(``workspace.deals.create`` / ``update`` with the changed fields only), so the
board shows the change at once and the dialog closes.

A 422 arrives later, through the outbox. ``DealDialog.for_refused(workspace, op)``
reopens the form on what the person had typed, with the server's messages beside
their fields; saving there replaces the refused operation (``save_edit``) instead
of queueing a second one, and cancelling puts it back as it was.

Money is ``Decimal`` from the text to the cache: the value field's text is read
with the locale's separators and never passes through a float.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING, Any

import pycountry
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api.models import STAGES, DealFields, Stage
from mailtrixy_desktop.services.outbox_view import field_errors as refusal_field_errors
from mailtrixy_desktop.store.outbox import Operation
from mailtrixy_desktop.ui.async_bridge import spawn
from mailtrixy_desktop.ui.contact_matches import (
    ContactIdRole,
    ContactMatchesPopup,
    contact_label,
    search_rows,
)
from mailtrixy_desktop.ui.deals.formatting import stage_title
from mailtrixy_desktop.ui.i18n import number
from mailtrixy_desktop.ui.refused_edit import reopen_refused

if TYPE_CHECKING:
    from mailtrixy_desktop.services.workspace import Workspace
    from mailtrixy_desktop.store.deals import DealRow

log = logging.getLogger(__name__)

ERROR_RED = "#E5484D"  # the forms' red (the palette has no error role); reads on light and dark
TITLE_MAX = 255
VALUE_LIMIT = Decimal("1e13")  # the server takes values up to, not including, this
CENTS = Decimal("0.01")
SEARCH_DEBOUNCE_MS = 120
NOTES_FETCH_SECONDS = 10.0
# The form's fields, by the names the server's field errors use.
FIELDS = (
    "title",
    "value",
    "currency",
    "stage",
    "contact",
    "assignee",
    "expected_close_date",
    "notes",
)
_FIELD_OF_ERROR = {
    **{name: name for name in FIELDS},
    "contact_id": "contact",
    "assignee_id": "assignee",
    "close_date": "expected_close_date",
}
# Each field's widget objectName, whose error label is "<name>Error".
_OBJECT_NAME = {
    "title": "dealTitle",
    "value": "dealValue",
    "currency": "dealCurrency",
    "stage": "dealStage",
    "contact": "dealContact",
    "assignee": "dealAssignee",
    "expected_close_date": "dealCloseDate",
    "notes": "dealNotes",
}
CurrencyCodeRole = Qt.ItemDataRole.UserRole + 2
_NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "No date"
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")


# ---------------------------------------------------------------------- money
class MoneyError(ValueError):
    """Why a value cannot be read: a sentence for the person."""


def parse_money(text: str, locale: QLocale) -> Decimal:
    """The amount in ``text`` as the person typed it, exactly: ``"1,234.50"`` in
    English or ``"1.234,50"`` in German is ``Decimal("1234.50")``. A full stop where
    the locale wants a comma (or the other way round) is taken as the decimal point
    when only one or two digits follow it, since no group has fewer than three.
    Raises ``MoneyError`` with a sentence to show."""
    raw = _SPACES.sub("", text)
    if not raw:
        raise MoneyError(
            QCoreApplication.translate(
                "DealDialog", "Enter the deal's value (0 if it is not known yet)."
            )
        )
    if raw.startswith(("-", "\u2212", locale.negativeSign())):
        raise MoneyError(QCoreApplication.translate("DealDialog", "The value cannot be negative."))
    raw = raw.lstrip("+")
    point = locale.decimalPoint()
    group = _SPACES.sub("", locale.groupSeparator())
    other = "." if point == "," else ","
    if point not in raw and raw.count(other) == 1 and re.search(rf"\{other}\d{{1,2}}$", raw):
        point, group = other, ""
    whole, _, fraction = raw.partition(point)
    if group:
        parts = whole.split(group)
        if len(parts) > 1 and (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])):
            raise MoneyError(
                QCoreApplication.translate("DealDialog", "“{text}” is not an amount.").format(
                    text=text.strip()
                )
            )
        whole = "".join(parts)
    if not whole:
        whole = "0"
    if not (whole.isascii() and whole.isdigit()) or (
        fraction and not (fraction.isascii() and fraction.isdigit())
    ):
        raise MoneyError(
            QCoreApplication.translate("DealDialog", "“{text}” is not an amount.").format(
                text=text.strip()
            )
        )
    if len(fraction) > 2:
        raise MoneyError(
            QCoreApplication.translate("DealDialog", "Use at most two decimals (cents).")
        )
    try:
        value = Decimal(f"{whole}.{fraction or '0'}").quantize(CENTS)
    except InvalidOperation:
        raise MoneyError(
            QCoreApplication.translate("DealDialog", "“{text}” is not an amount.").format(
                text=text.strip()
            )
        ) from None
    if value >= VALUE_LIMIT:
        raise MoneyError(
            QCoreApplication.translate("DealDialog", "The value must be less than {limit}.").format(
                limit=number(int(VALUE_LIMIT))
            )
        )
    return value


def format_money(value: Decimal, locale: QLocale) -> str:
    """``Decimal("1234.5")`` as ``"1,234.50"`` in the locale's separators (no float)."""
    if value == value.quantize(CENTS):
        value = value.quantize(CENTS)
    negative = value < 0
    text = f"{abs(value):f}"
    whole, _, fraction = text.partition(".")
    group = locale.groupSeparator()
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    body = group.join(groups) + (locale.decimalPoint() + fraction if fraction else "")
    return (locale.negativeSign() if negative else "") + body


class MoneyValidator(QValidator):
    """Lets through what could become an amount (digits, the separators, a sign to be
    told about); what it is wrong with is said beside the field on saving."""

    _ALLOWED = re.compile(r"[0-9.,'\s\u00a0\u202f\u2009+\-\u2212]*")

    def validate(self, text: str, pos: int) -> object:
        if not self._ALLOWED.fullmatch(text):
            return QValidator.State.Invalid, text, pos
        try:
            parse_money(text, self.locale())
        except MoneyError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


# ---------------------------------------------------------------------- currencies
@cache
def iso_currencies() -> dict[str, str]:
    """ISO 4217 code -> name, from pycountry (which keeps the list up to date)."""
    return {c.alpha_3: c.name for c in sorted(pycountry.currencies, key=lambda c: c.alpha_3)}


def currency_code(text: str) -> str | None:
    """The ISO code in what the currency box holds ("eur", "EUR — Euro"), or None."""
    word = text.strip().split(" ", 1)[0].upper()
    return word if word in iso_currencies() else None


class _CurrencyModel(QStandardItemModel):
    """Currencies for an editable combo box: the popup lists "EUR — Euro", the box
    itself (which shows the edit role) says just "EUR"."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            code = super().data(index, CurrencyCodeRole)
            if code:
                return code
        return super().data(index, role)


class _CurrencyCompleter(QCompleter):
    """Finds currencies by code or name ("pound" finds GBP, EGP…) and puts just the
    code in the box."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        code = index.data(CurrencyCodeRole)
        return str(code) if code else super().pathFromIndex(index)


# ---------------------------------------------------------------------- contacts
# ---------------------------------------------------------------------- the dialog
class DealDialog(QDialog):
    """New deal (``deal_id=None``) or an edit of a cached one. Open it with ``open()``
    (no nested event loop under qasync); it saves itself and closes."""

    saved = Signal(int)  # the deal's id (a temporary negative one for a new deal)
    deleted = Signal(int)

    def __init__(
        self, workspace: Workspace, deal_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.deal_id = deal_id
        self.row: DealRow | None = workspace.deals.get(deal_id) if deal_id is not None else None
        if deal_id is not None and self.row is None:
            raise KeyError(deal_id)
        self.refused_op: Operation | None = None  # set by for_refused
        self.outcome: str | None = None  # "created", "updated", "unchanged", "deleted"
        self._contact_id: int | None = None
        self._contact_text = ""
        self._notes_known = True
        self._notes_touched = False
        self._notes_before: str | None = None  # the notes as the server has them
        self._close_date = QDate.currentDate().addDays(30)
        self._errors: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._confirm: QMessageBox | None = None
        self._notes_task: asyncio.Task[None] | None = None

        self.setObjectName("dealDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("New deal") if self.row is None else self.tr("Edit deal"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(460)
        self.setSizeGripEnabled(False)

        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.search_contacts)
        self._load()
        # A message goes as soon as the person starts fixing what it is about.
        self.title.textEdited.connect(lambda _t: self.set_error("title", None))
        self.value.textEdited.connect(lambda _t: self.set_error("value", None))
        self.currency.editTextChanged.connect(lambda _t: self.set_error("currency", None))
        self.stage.currentIndexChanged.connect(lambda _i: self.set_error("stage", None))
        self.assignee.currentIndexChanged.connect(lambda _i: self.set_error("assignee", None))
        self.close_date.dateChanged.connect(lambda _d: self.set_error("expected_close_date", None))
        self.finished.connect(self._on_finished)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("dealRefusal")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"QLabel {{ color: {ERROR_RED}; }}")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)

        self.title = QLineEdit()
        self._line_height = max(self.title.sizeHint().height(), QComboBox().sizeHint().height())
        self.title.setObjectName("dealTitle")
        self.title.setAccessibleName(self.tr("Deal title"))
        self.title.setPlaceholderText(self.tr("e.g. Acme — annual plan"))
        self.title.setMaxLength(TITLE_MAX + 100)  # long enough to say it is too long
        self._add_row(self.tr("&Title"), "title", self.title)

        self.value = QLineEdit()
        self.value.setObjectName("dealValue")
        self.value.setAccessibleName(self.tr("Deal value"))
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value.setPlaceholderText(format_money(Decimal("0.00"), self.locale()))
        self.value.setValidator(MoneyValidator(self.value))
        self.value.editingFinished.connect(self._tidy_value)
        self.currency = self._currency_box()
        money = QHBoxLayout()
        money.setContentsMargins(0, 0, 0, 0)
        money.setSpacing(6)
        money.addWidget(self.value, 1)
        money.addWidget(self.currency)
        self._add_row(self.tr("&Value"), ("value", "currency"), money, first=self.value)

        self.stage = QComboBox()
        self.stage.setObjectName("dealStage")
        self.stage.setAccessibleName(self.tr("Stage"))
        for stage in STAGES:
            self.stage.addItem(stage_title(stage), stage)
        self._add_row(self.tr("Sta&ge"), "stage", self.stage)

        self.contact = QLineEdit()
        self.contact.setObjectName("dealContact")
        self.contact.setAccessibleName(self.tr("Contact"))
        self.contact.setPlaceholderText(self.tr("Search by name, email or company…"))
        self.contact.setClearButtonEnabled(True)
        self.contact.textEdited.connect(self._contact_edited)
        self.contact.installEventFilter(self)
        self._picker = ContactMatchesPopup(
            self, self.contact, "dealContactMatches", self._match_chosen
        )
        self.matches, self.completer = self._picker.matches, self._picker.completer
        self.matches_popup = self._picker.popup
        self._add_row(self.tr("C&ontact"), "contact", self.contact)

        self.assignee = QComboBox()
        self.assignee.setObjectName("dealAssignee")
        self.assignee.setAccessibleName(self.tr("Assignee"))
        self.assignee.addItem(self.tr("Unassigned"), None)
        for member in self.workspace.inbox.members():
            self.assignee.addItem(member.name, member.id)
        self._add_row(self.tr("&Assignee"), "assignee", self.assignee)

        # The row's label is the check box that says whether there is a date at all.
        self.has_close_date = QCheckBox(self.tr("Expected c&lose"))
        self.has_close_date.setObjectName("dealHasCloseDate")
        self.has_close_date.setAccessibleName(self.tr("Has an expected close date"))
        self.has_close_date.setToolTip(self.tr("Tick to set an expected close date"))
        self.has_close_date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.has_close_date.toggled.connect(self._close_date_toggled)
        self.close_date = QDateEdit()
        self.close_date.setObjectName("dealCloseDate")
        self.close_date.setAccessibleName(self.tr("Expected close date"))
        self.close_date.setCalendarPopup(True)
        self.close_date.setMinimumDate(_NO_DATE)
        self.close_date.setSpecialValueText(self.tr("No date"))
        self.close_date.setDisplayFormat(_date_format(self.locale()))
        self.close_date.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.close_date.setMinimumWidth(150)
        self.close_date.dateChanged.connect(self._close_date_changed)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.close_date)
        dates.addStretch(1)
        self._add_row(self.has_close_date, "expected_close_date", dates, first=self.close_date)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("dealNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Anything worth remembering about this deal"))
        lines = self.notes.fontMetrics().lineSpacing()
        self.notes.setFixedHeight(lines * 5 + 12)
        self.notes.textChanged.connect(self._notes_changed)
        self._add_row(self.tr("&Notes"), "notes", self.notes)

        self.status = QLabel()
        self.status.setObjectName("dealStatus")
        self.status.setWordWrap(True)
        self.status.setEnabled(False)  # the palette's muted text
        self.status.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button.setObjectName("dealSave")
        self.save_button.setDefault(True)
        self.cancel_button.setObjectName("dealCancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button: QPushButton | None = None
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        if self.row is not None:
            # Apart from Save and Cancel, on the far side: not hit on the way to either.
            self.delete_button = QPushButton(self.tr("&Delete…"))
            bottom.addWidget(self.delete_button)
            self.delete_button.setObjectName("dealDelete")
            self.delete_button.setAccessibleName(self.tr("Delete the deal"))
            self.delete_button.setAutoDefault(False)
            self.delete_button.clicked.connect(self.ask_delete)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        bottom.addWidget(self.buttons, 1)
        layout.addLayout(bottom)

    def _currency_box(self) -> QComboBox:
        box = QComboBox()
        box.setObjectName("dealCurrency")
        box.setAccessibleName(self.tr("Currency"))
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        model = _CurrencyModel(box)
        names = iso_currencies()
        usual = self._usual_currencies()
        for code in usual:
            model.appendRow(_currency_item(code, names[code]))
        rest = [code for code in names if code not in usual]
        box.setModel(model)
        if usual and rest:
            box.insertSeparator(len(usual))
        for code in rest:
            model.appendRow(_currency_item(code, names[code]))
        completer = _CurrencyCompleter(model, box)
        completer.setCompletionRole(Qt.ItemDataRole.DisplayRole)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
        line = box.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("EUR"))
        box.setMinimumContentsLength(4)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        box.setToolTip(self.tr("ISO 4217 currency: type a code or a name"))
        return box

    def _usual_currencies(self) -> list[str]:
        """The currencies the workspace's deals use, the most widespread first."""
        spread: dict[str, tuple[int, Decimal]] = {}
        for by_currency in self.workspace.deals.totals().values():
            for code, total in by_currency.items():
                stages, amount = spread.get(code, (0, Decimal(0)))
                spread[code] = (stages + 1, amount + total)
        known = iso_currencies()
        return [
            code
            for code, _ in sorted(spread.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
            if code in known
        ]

    def _add_row(
        self,
        label_text: str | QWidget,
        fields: str | tuple[str, ...],
        field: QWidget | QHBoxLayout,
        *,
        first: QWidget | None = None,
    ) -> None:
        names = (fields,) if isinstance(fields, str) else fields
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        for name in names:
            error = QLabel()
            error.setObjectName(f"{_OBJECT_NAME[name]}Error")
            error.setWordWrap(True)
            error.setStyleSheet(f"QLabel {{ color: {ERROR_RED}; }}")
            font = error.font()
            font.setPointSizeF(font.pointSizeF() * 0.92)
            error.setFont(font)
            error.hide()
            self._errors[name] = error
            column.addWidget(error)
        buddy = first if first is not None else field
        assert isinstance(buddy, QWidget)
        for name in names:
            self._field_widgets[name] = buddy
        if isinstance(label_text, QWidget):
            label: QWidget = label_text
        else:
            label = QLabel(label_text)
            label.setBuddy(buddy)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # As tall as a one-line field, so the text sits level with the field's first
        # line, also when a message opens under it or the field is a box of notes.
        label.setFixedHeight(self._line_height)
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
        if row is None:
            usual = self._usual_currencies()
            self._set_currency(usual[0] if usual else _locale_currency(self.locale()))
            self.has_close_date.setChecked(False)
            self._close_date_toggled(False)
            self.title.setFocus()
            return
        self.title.setText(row.title)
        self.value.setText(format_money(row.value, self.locale()))
        self._set_currency(row.currency)
        self._set_stage(row.stage)
        self._choose_contact(row.contact_id, contact_label(row.contact_name, row.contact_email))
        self._set_assignee(row.assignee.id if row.assignee else None, row.assignee)
        self._set_close_date(
            row.expected_close_date.isoformat() if row.expected_close_date else None
        )
        if row.notes is None and row.id > 0:
            self._fetch_notes(row.id)
        else:
            self._notes_before = row.notes
            self._set_notes(row.notes or "")
        self.title.setFocus()

    def _set_currency(self, code: str) -> None:
        index = self.currency.findData(code.upper(), CurrencyCodeRole)
        if index >= 0:
            self.currency.setCurrentIndex(index)
        else:
            self.currency.setEditText(code)

    def _set_stage(self, stage: str) -> None:
        index = self.stage.findData(stage)
        self.stage.setCurrentIndex(max(index, 0))

    def _set_assignee(self, member_id: int | None, ref: Any = None) -> None:
        if member_id is None:
            self.assignee.setCurrentIndex(0)
            return
        index = self.assignee.findData(member_id)
        if index < 0:  # not (or no longer) among the cached team members
            name = getattr(ref, "name", None) or self.tr("Team member #{id}").format(id=member_id)
            self.assignee.addItem(name, member_id)
            index = self.assignee.count() - 1
        self.assignee.setCurrentIndex(index)

    def _set_close_date(self, text: str | None) -> None:
        date = QDate.fromString(text, Qt.DateFormat.ISODate) if text else QDate()
        if date.isValid() and date > _NO_DATE:
            self._close_date = date
            self.has_close_date.setChecked(True)
            self._close_date_toggled(True)
        else:
            self.has_close_date.setChecked(False)
            self._close_date_toggled(False)

    def _set_notes(self, text: str) -> None:
        self.notes.blockSignals(True)
        self.notes.setPlainText(text)
        self.notes.blockSignals(False)

    def _fetch_notes(self, deal_id: int) -> None:
        """The list the board syncs has no notes; the deal's own page has them. Until
        they come the box is empty and, unless the person types, they are not sent."""
        self._notes_known = False
        self.notes.setPlaceholderText(self.tr("Loading notes…"))
        try:
            self._notes_task = spawn(self._load_notes(deal_id), name=f"deal-notes-{deal_id}")
        except RuntimeError:  # no event loop (a script without qasync)
            self._notes_failed()

    async def _load_notes(self, deal_id: int) -> None:
        try:
            deal = await asyncio.wait_for(
                self.workspace.client.deals.get(deal_id), NOTES_FETCH_SECONDS
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # offline, gone, refused: the form works without them
            log.info("notes of deal %s not loaded: %s", deal_id, exc)
            self._notes_failed()
            return
        if self._notes_touched:
            return  # what the person typed wins; it is what they will save
        self._notes_known = True
        self._notes_before = deal.notes
        self._set_notes(deal.notes or "")
        self.notes.setPlaceholderText(self.tr("Anything worth remembering about this deal"))

    def _notes_failed(self) -> None:
        if not self._notes_touched:
            self.notes.setPlaceholderText(
                self.tr(
                    "The notes could not be loaded (offline?). Anything typed here replaces them."
                )
            )

    def _notes_changed(self) -> None:
        self._notes_touched = True
        self.set_error("notes", None)

    # ------------------------------------------------------------------ reacting
    def _tidy_value(self) -> None:
        try:
            value = parse_money(self.value.text(), self.locale())
        except MoneyError:
            return
        self.value.setText(format_money(value, self.locale()))

    def _close_date_toggled(self, on: bool) -> None:
        self.close_date.blockSignals(True)
        if on:
            self.close_date.setEnabled(True)
            self.close_date.setDate(self._close_date)
        else:
            self.close_date.setDate(_NO_DATE)
            self.close_date.setEnabled(False)
        self.close_date.blockSignals(False)
        self.set_error("expected_close_date", None)

    def _close_date_changed(self, date: QDate) -> None:
        if date > _NO_DATE:
            self._close_date = date

    def _contact_edited(self, text: str) -> None:
        if self._contact_id is not None and text != self._contact_text:
            self._contact_id = None  # the text no longer names the chosen contact
        self.set_error("contact", None)
        self._search_timer.start()

    def search_contacts(self) -> None:
        """Fill the popup with the contacts matching the contact field (FTS prefix
        search over the cache: name, email, company, phone)."""
        self._search_timer.stop()
        text = self.contact.text().strip()
        if not text or self._contact_id is not None:
            self._picker.clear()
            return
        self._picker.show(search_rows(self.workspace, text))

    def _match_chosen(self, index: QModelIndex) -> None:
        contact_id = index.data(ContactIdRole)
        if contact_id is None:
            return
        self._choose_contact(int(contact_id), str(index.data(Qt.ItemDataRole.DisplayRole)))

    def choose_contact_at(self, row: int) -> None:
        """Take the ``row``-th match (what a click in the popup does)."""
        contact = self.matches.row_at(row)
        self._choose_contact(contact.id, contact_label(contact.name, contact.email))

    def _choose_contact(self, contact_id: int, text: str) -> None:
        self._contact_id = contact_id
        self._contact_text = text
        self.contact.setText(text)
        self.contact.setCursorPosition(0)
        self.matches_popup.hide()
        self.set_error("contact", None)

    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.contact
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self._contact_id is None
                and self.contact.text().strip()
            ):
                # Enter picks the only match (or opens the list); it does not save yet.
                self.search_contacts()
                if self.matches.rowCount() == 1:
                    self.choose_contact_at(0)
                elif self.matches.rowCount():
                    self.completer.complete()
                else:
                    self.set_error("contact", self.tr("No contact in this workspace matches that."))
                return True
            if key == Qt.Key.Key_Down and not self.matches_popup.isVisible():
                self.search_contacts()
                return self.matches.rowCount() > 0
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ errors
    def set_error(self, field: str, message: str | None) -> None:
        label = self._errors[field]
        shown = not label.isHidden()
        label.setText(message or "")
        label.setVisible(bool(message))
        if shown != bool(message) or message:
            self._fit()

    def _fit(self) -> None:
        """Grow (or shrink back) to what the form needs at this width. Wrapped
        messages need height for width, which a window's minimum size ignores."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        # Not yet shown, a window's width is Qt's default (640), not the form's.
        width = max(
            self.width() if self.isVisible() else 0,
            self.minimumWidth(),
            layout.totalMinimumSize().width(),
        )
        height = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        height = max(height, layout.totalMinimumSize().height())
        self.setMinimumHeight(height)
        if self.height() != height:
            self.resize(width, height)

    def error_text(self, field: str) -> str:
        """The message under ``field`` ("" when none is shown)."""
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for field in self._errors:
            self.set_error(field, None)
        self.status.hide()
        self._fit()

    def show_errors(self, errors: Mapping[str, Sequence[str]]) -> list[str]:
        """Put the server's messages under their fields (``value``, ``contact_id``,
        ``items.0.value``…); returns those it could not place."""
        unplaced: list[str] = []
        placed: dict[str, list[str]] = {}
        for name, messages in errors.items():
            field = _FIELD_OF_ERROR.get(str(name).split(".", 1)[0])
            texts = [str(m) for m in messages] if not isinstance(messages, str) else [messages]
            if field is None:
                unplaced.extend(texts)
            else:
                placed.setdefault(field, []).extend(texts)
        for field, texts in placed.items():
            self.set_error(field, " ".join(texts))
        first = next((f for f in FIELDS if f in placed), None)
        if first is not None:
            self._field_widgets[first].setFocus()
        return unplaced

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._fit()

    # ------------------------------------------------------------------ reading the form
    def fields(self) -> DealFields | None:
        """Every field as the form holds it, checked; None (messages shown) if not valid."""
        problems: dict[str, str] = {}
        title = self.title.text().strip()
        if not title:
            problems["title"] = self.tr("Give the deal a title.")
        elif len(title) > TITLE_MAX:
            problems["title"] = self.tr("At most {max} characters ({now} now).").format(
                max=TITLE_MAX, now=len(title)
            )
        value: Decimal | None = None
        try:
            value = parse_money(self.value.text(), self.locale())
        except MoneyError as exc:
            problems["value"] = str(exc)
        currency = currency_code(self.currency.currentText())
        if currency is None:
            text = self.currency.currentText().strip()
            problems["currency"] = (
                self.tr("“{text}” is not an ISO 4217 currency; choose one from the list.").format(
                    text=text
                )
                if text
                else self.tr("Choose a currency.")
            )
        if self._contact_id is None:
            problems["contact"] = (
                self.tr("Choose a contact from the list that opens as you type.")
                if self.contact.text().strip()
                else self.tr(
                    "A deal needs a contact: type a name, email or company and choose one."
                )
            )
        for field, message in problems.items():
            self.set_error(field, message)
        if problems:
            first = next(f for f in FIELDS if f in problems)
            self._field_widgets[first].setFocus()
            return None
        assert value is not None
        assert currency is not None
        assert self._contact_id is not None
        stage: Stage = self.stage.currentData()
        fields: DealFields = {
            "title": title,
            "value": value,
            "currency": currency,
            "stage": stage,
            "contact_id": self._contact_id,
            "assignee_id": self.assignee.currentData(),
            "expected_close_date": self.close_date.date().toString(Qt.DateFormat.ISODate)
            if self.has_close_date.isChecked()
            else None,
            "notes": self.notes.toPlainText().strip() or None,
        }
        return fields

    def changes(self, fields: DealFields) -> DealFields:
        """Only what differs from the cached deal (everything for a new one)."""
        row = self.row
        if row is None:
            return {k: v for k, v in fields.items() if v is not None}  # type: ignore[return-value]
        before: dict[str, Any] = {
            "title": row.title,
            "value": row.value,
            "currency": row.currency,
            "stage": row.stage,
            "contact_id": row.contact_id,
            "assignee_id": row.assignee.id if row.assignee else None,
            "expected_close_date": row.expected_close_date.isoformat()
            if row.expected_close_date
            else None,
            "notes": (self._notes_before or "").strip() or None,
        }
        changed: dict[str, Any] = {k: v for k, v in fields.items() if before.get(k) != v}
        if "notes" in changed and not self._notes_known and not self._notes_touched:
            del changed["notes"]  # never loaded, never typed: not the person's change
        return changed  # type: ignore[return-value]

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Check, queue the change through the outbox and close; False if the form
        holds something to fix (said beside the field)."""
        self.clear_errors()
        fields = self.fields()
        if fields is None:
            return False
        if self.refused_op is not None:
            return self._save_refused(fields)
        deals = self.workspace.deals
        if self.row is None:
            new_id = deals.create(self.changes(fields))
            self.deal_id = new_id
            self.outcome = "created"
            self.saved.emit(new_id)
            self.accept()
            return True
        changes = self.changes(fields)
        if changes:
            try:
                deals.update(self.row.id, changes)
            except KeyError:
                self._say(
                    self.tr(
                        "This deal is no longer on this computer (deleted meanwhile?). "
                        "Copy what you need; it cannot be saved as an edit."
                    )
                )
                return False
            self.outcome = "updated"
        else:
            self.outcome = "unchanged"
        self.saved.emit(self.row.id)
        self.accept()
        return True

    def _save_refused(self, fields: DealFields) -> bool:
        op = self.refused_op
        assert op is not None
        if op.kind == "deal.create":
            payload: dict[str, Any] = dict(self.changes(fields))
        else:
            # What differs from the server's version now, and whatever the refused change
            # was about (at its new value): the replacement says what the person means.
            payload = dict(self.changes(fields))
            for key in op.payload:
                if key in fields and key not in payload:
                    if key == "notes" and not self._notes_known and not self._notes_touched:
                        payload[key] = op.payload[key]
                    else:
                        payload[key] = fields[key]  # type: ignore[literal-required]
        if self.workspace.save_edit(op.id, payload):
            self.refused_op = None
            self.outcome = "updated" if op.kind == "deal.update" else "created"
            self.saved.emit(op.target_id if op.target_id is not None else 0)
            self.accept()
            return True
        # The operation left the queue meanwhile (discarded or sent): the person's
        # change is not lost; it goes as a new one.
        self.refused_op = None
        deals = self.workspace.deals
        if op.kind == "deal.create" or self.row is None:
            self.deal_id = deals.create(self.changes(fields))
            self.outcome = "created"
            self.saved.emit(self.deal_id)
            self.accept()
            return True
        return self.save()

    # ------------------------------------------------------------------ deleting
    def ask_delete(self) -> None:
        if self.row is None:
            return
        title = self.title.text().strip() or self.row.title
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete deal"),
            self.tr("Delete the deal “{title}”?").format(title=title),
            parent=self,
        )
        box.setObjectName("confirmDeleteDeal")
        box.setInformativeText(
            self.tr("It leaves the board now and the server when the outbox sends the change.")
        )
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 300px; }")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteDealButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._delete_answered(button is delete))
        box.destroyed.connect(lambda *_: setattr(self, "_confirm", None))
        self._confirm = box
        box.open()  # not exec(): no nested event loop under qasync

    @property
    def confirm_box(self) -> QMessageBox | None:
        return self._confirm

    def _delete_answered(self, confirmed: bool | QAbstractButton) -> None:
        if confirmed is not True or self.row is None:
            return
        deal_id = self.row.id
        self.workspace.deals.delete(deal_id)
        self.outcome = "deleted"
        self.deleted.emit(deal_id)
        self.accept()

    # ------------------------------------------------------------------ refused changes
    @classmethod
    def for_refused(
        cls, workspace: Workspace, op: Operation, parent: QWidget | None = None
    ) -> DealDialog | None:
        """Reopen what the person wrote in a refused ``deal.create`` or ``deal.update``,
        the server's messages beside their fields (see ``ui/refused_edit.py``)."""
        return reopen_refused(
            lambda deal_id: cls(workspace, deal_id, parent),
            workspace,
            op,
            kind="deal",
            exists=workspace.deals.get,
        )

    def refused_title(self, new: bool) -> str:
        if new:
            return QCoreApplication.translate("DealDialog", "Fix the new deal")
        return QCoreApplication.translate("DealDialog", "Fix the deal")

    def apply_payload(self, payload: Mapping[str, Any]) -> None:
        """Put an operation's fields (as stored: JSON values) into the form."""
        if "title" in payload:
            self.title.setText(str(payload["title"] or ""))
        if "value" in payload and payload["value"] is not None:
            try:
                value = Decimal(str(payload["value"]))
            except InvalidOperation:
                self.value.setText(str(payload["value"]))
            else:
                self.value.setText(format_money(value, self.locale()))
        if payload.get("currency"):
            self._set_currency(str(payload["currency"]))
        if payload.get("stage"):
            self._set_stage(str(payload["stage"]))
        if "contact_id" in payload and payload["contact_id"] is not None:
            contact_id = int(payload["contact_id"])
            contact = self.workspace.contacts.get(contact_id)
            text = (
                contact_label(contact.name, contact.email)
                if contact is not None
                else self.tr("Contact #{id}").format(id=contact_id)
            )
            self._choose_contact(contact_id, text)
        if "assignee_id" in payload:
            value = payload["assignee_id"]
            self._set_assignee(None if value is None else int(value))
        if "expected_close_date" in payload:
            self._set_close_date(payload["expected_close_date"])
        if "notes" in payload:
            self._set_notes(str(payload["notes"] or ""))
            self._notes_touched = True  # the person's text, whatever the server holds

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
        self._fit()

    def _on_finished(self, _result: int) -> None:
        self._search_timer.stop()
        if self._notes_task is not None:
            self._notes_task.cancel()
            self._notes_task = None
        self.matches_popup.hide()
        op = self.refused_op
        if op is not None:
            self.refused_op = None
            self.workspace.cancel_edit(op.id)  # back to "needs attention", as it was


# ---------------------------------------------------------------------- helpers
def _currency_item(code: str, name: str) -> QStandardItem:
    item = QStandardItem(f"{code} — {name}")
    item.setData(code, CurrencyCodeRole)
    item.setData(f"{code} — {name}", Qt.ItemDataRole.AccessibleTextRole)
    return item


def _locale_currency(locale: QLocale) -> str:
    code = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code if code in iso_currencies() else "USD"


def _date_format(locale: QLocale) -> str:
    """The locale's short date with a four-digit year (``dd.MM.yy`` -> ``dd.MM.yyyy``);
    without a language (the "C" locale) a date no reader can misread: 15 Apr 2026."""
    if locale.language() == QLocale.Language.C:
        return "d MMM yyyy"
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in text:
        text = text.replace("yy", "yyyy")
    return text


__all__ = [
    "DealDialog",
    "MoneyError",
    "format_money",
    "iso_currencies",
    "parse_money",
]
