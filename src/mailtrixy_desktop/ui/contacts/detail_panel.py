"""The panel beside the contacts table: one contact's fields, edited and saved.

Saving goes through the outbox (``ContactsService.update``/``create``); the
panel follows that operation: a pending mark while it waits, and when the server
refuses it (422), each message beside the field it names. What the person typed
stays in the form after a refusal, so it can be corrected and saved again.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api.models import ContactFields, CustomValue
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.contacts import ContactRow
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.store.tags_groups import TagChoice
from mailtrixy_desktop.ui.contacts.chips_delegate import tag_color, text_color_on
from mailtrixy_desktop.ui.contacts.table_model import format_custom
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.i18n import counted, moment_text, translated

TEXT_FIELDS = ("name", "email", "company", "phone")
# The server's field names that get a message of their own under the field.
ERROR_FIELDS = (*TEXT_FIELDS, "tags", "group_ids", "custom_fields")
TYPES = (
    QT_TRANSLATE_NOOP("CustomFieldsTable", "Text"),
    QT_TRANSLATE_NOOP("CustomFieldsTable", "Number"),
    QT_TRANSLATE_NOOP("CustomFieldsTable", "Yes/No"),
)


def normalise_tag(text: str) -> str:
    """Tag names are lowercase without spaces (the API's rule): "Big Deal" -> "big-deal"."""
    return "-".join(text.strip().lower().split())


# -- chips that wrap onto the next line, painted -----------------------------------------
# Painted rather than laid out: a QLayout written in Python hands Qt None from
# itemAt() past the end, and PySide6 6.12 drops a reference to None each time.


class ChipStrip(QWidget):
    """Tag chips with a "×"; a click on one asks to remove it."""

    removeRequested = Signal(str)
    PAD, GAP, LINE_GAP = 8, 4, 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chips: list[tuple[str, str | None]] = []
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_chips(self, chips: Sequence[tuple[str, str | None]]) -> None:
        self._chips = list(chips)
        self.setToolTip(self.tr("Click a tag to remove it") if chips else "")
        self.updateGeometry()
        self.update()

    def _boxes(self, width: int) -> list[QRectF]:
        metrics = self.fontMetrics()
        height = metrics.height() + 6
        boxes: list[QRectF] = []
        x = y = 0.0
        for name, _color in self._chips:
            w = metrics.horizontalAdvance(f"{name}  ×") + 2 * self.PAD + 2  # +2: no elision
            if x > 0 and x + w > width:
                x, y = 0.0, y + height + self.LINE_GAP
            boxes.append(QRectF(x, y, min(w, max(width, 1)), height))
            x += w + self.GAP
        return boxes

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        boxes = self._boxes(width)
        return int(boxes[-1].bottom()) + 1 if boxes else 0

    def sizeHint(self) -> QSize:
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.heightForWidth(max(self.width(), 200)))

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for (name, color), box in zip(self._chips, self._boxes(self.width()), strict=True):
            fill = tag_color(name, color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            radius = box.height() / 2
            painter.drawRoundedRect(box, radius, radius)
            painter.setPen(text_color_on(fill))
            text = self.fontMetrics().elidedText(
                f"{name}  ×", Qt.TextElideMode.ElideMiddle, int(box.width() - 2 * self.PAD)
            )
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()

    def chip_at(self, x: float, y: float) -> str | None:
        for (name, _color), box in zip(self._chips, self._boxes(self.width()), strict=True):
            if box.contains(x, y):
                return name
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.chip_at(event.position().x(), event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        name = self.chip_at(event.position().x(), event.position().y())
        if name is not None and event.button() == Qt.MouseButton.LeftButton:
            self.removeRequested.emit(name)


class TagEditor(QWidget):
    """Tag chips (click one to remove it) and a line to add one, completing known names."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: list[str] = []
        self._colors: dict[str, str | None] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._chips = ChipStrip(self)
        self._chips.setObjectName("contactTagChips")
        self._chips.setAccessibleName(self.tr("Tags"))
        self._chips.removeRequested.connect(self.remove)
        layout.addWidget(self._chips)
        self.input = QLineEdit(self)
        self.input.setObjectName("contactTagInput")
        self.input.setAccessibleName(self.tr("Add a tag"))
        self.input.setPlaceholderText(self.tr("Add a tag… (Enter)"))
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.input.returnPressed.connect(self._add_typed)
        self.input.installEventFilter(self)
        layout.addWidget(self.input)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Backspace in the empty line takes the last tag off, as token editors do.
        if (
            watched is self.input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Backspace
            and not self.input.text()
            and self._tags
        ):
            self.remove(self._tags[-1])
            return True
        return super().eventFilter(watched, event)

    def set_known(self, tags: Sequence[TagChoice]) -> None:
        self._colors = {t.name: t.color for t in tags}
        self._names.setStringList([t.name for t in tags])
        self._rebuild()

    def tags(self) -> list[str]:
        return list(self._tags)

    def set_tags(self, names: Sequence[str]) -> None:
        self._tags = list(dict.fromkeys(names))
        self._rebuild()

    def add(self, name: str) -> None:
        tag = normalise_tag(name)
        if tag and tag not in self._tags:
            self._tags.append(tag)
            self._rebuild()
            self.changed.emit()

    def remove(self, name: str) -> None:
        if name in self._tags:
            self._tags.remove(name)
            self._rebuild()
            self.changed.emit()

    def _add_typed(self) -> None:
        for part in self.input.text().split(","):
            self.add(part)
        self.input.clear()

    def _rebuild(self) -> None:
        self._chips.set_chips([(name, self._colors.get(name)) for name in self._tags])
        self._chips.setVisible(bool(self._tags))
        self._chips.setAccessibleDescription(", ".join(self._tags))


class CustomFieldsTable(QTableWidget):
    """Custom fields with their types, so 42 stays a number and true a boolean."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("contactCustomFields")
        self.setAccessibleName(self.tr("Custom fields"))
        self.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Type"), self.tr("Value")])
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(0, 120)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setMinimumHeight(110)
        self.setMaximumHeight(180)
        self.itemChanged.connect(lambda _item: self.edited.emit())

    def set_fields(self, fields: Mapping[str, CustomValue]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        for name, value in fields.items():
            self._append(name, value)
        self.blockSignals(False)

    def add_field(self, name: str = "", value: CustomValue = "") -> None:
        self._append(name, value)
        row = self.rowCount() - 1
        self.setCurrentCell(row, 0)
        first = self.item(row, 0)
        if not name and first is not None:
            self.editItem(first)
        self.edited.emit()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self.edited.emit()

    def _append(self, name: str, value: CustomValue) -> None:
        self.blockSignals(True)
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(name))
        kind = (
            "Yes/No"
            if isinstance(value, bool)
            else "Number"
            if isinstance(value, int | float)
            else "Text"
        )
        combo = QComboBox(self)
        for type_name in TYPES:
            combo.addItem(translated(type_name), str(type_name))
        combo.setCurrentIndex(max(combo.findData(kind), 0))
        combo.setAccessibleName(self.tr("Type of custom field {name}").format(name=name))
        combo.currentTextChanged.connect(lambda _t, c=combo: self._type_changed(c))
        self.setCellWidget(row, 1, combo)
        self.setItem(row, 2, self._value_item(kind, value))
        self.blockSignals(False)

    def _value_item(self, kind: str, value: CustomValue) -> QTableWidgetItem:
        if kind == "Yes/No":
            item = QTableWidgetItem(self.tr("Yes") if value is True else self.tr("No"))
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if value is True else Qt.CheckState.Unchecked)
            return item
        text = "" if value is None or isinstance(value, bool) else format_custom(value)
        item = QTableWidgetItem(text)
        if kind == "Number":
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _type_changed(self, combo: QComboBox) -> None:
        for row in range(self.rowCount()):
            if self.cellWidget(row, 1) is combo:
                old = self.item(row, 2)
                text = old.text() if old is not None else ""
                kind = str(combo.currentData())
                value: CustomValue = (
                    text.strip().lower() in ("yes", "true", "1", self.tr("Yes").lower())
                    if (kind == "Yes/No")
                    else ("" if text in ("Yes", "No", self.tr("Yes"), self.tr("No")) else text)
                )
                self.blockSignals(True)
                self.setItem(row, 2, self._value_item(kind, value))
                self.blockSignals(False)
                self.edited.emit()
                return

    def set_type(self, row: int, kind: str) -> None:
        widget = self.cellWidget(row, 1)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(kind), 0))

    def fields(self) -> tuple[dict[str, CustomValue], list[str]]:
        """The fields as typed values, and what is wrong with them (if anything)."""
        values: dict[str, CustomValue] = {}
        problems: list[str] = []
        for row in range(self.rowCount()):
            name_item, value_item = self.item(row, 0), self.item(row, 2)
            name = name_item.text().strip() if name_item is not None else ""
            combo = self.cellWidget(row, 1)
            kind = str(combo.currentData()) if isinstance(combo, QComboBox) else "Text"
            if not name:
                problems.append(self.tr("Row {row} needs a field name.").format(row=row + 1))
                continue
            if name in values:
                problems.append(self.tr("“{name}” appears twice.").format(name=name))
                continue
            if kind == "Yes/No":
                checked = (
                    value_item is not None and value_item.checkState() == Qt.CheckState.Checked
                )
                values[name] = checked
                continue
            text = value_item.text().strip() if value_item is not None else ""
            if kind == "Number":
                number = _parse_number(text)
                if number is None:
                    problems.append(self.tr("“{name}” must be a number.").format(name=name))
                    continue
                values[name] = number
            else:
                values[name] = text
        return values, problems


def _parse_number(text: str) -> int | float | None:
    cleaned = text.replace(",", "").replace(" ", "")
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


@dataclass
class _Form:
    """The values a form shows, to tell what changed."""

    name: str = ""
    email: str = ""
    company: str = ""
    phone: str = ""
    tags: list[str] = field(default_factory=list)
    group_ids: list[int] = field(default_factory=list)
    custom_fields: dict[str, CustomValue] = field(default_factory=dict)

    @classmethod
    def of(cls, row: ContactRow) -> _Form:
        return cls(
            name=row.name,
            email=row.email,
            company=row.company or "",
            phone=row.phone or "",
            tags=[t.name for t in row.tags],
            group_ids=sorted(g.id for g in row.groups or ()),
            custom_fields=dict(row.custom_fields or {}),
        )


def _same_custom(a: Mapping[str, CustomValue], b: Mapping[str, CustomValue]) -> bool:
    # 1 == True in Python; a field turned from a number into a boolean is a change.
    return a.keys() == b.keys() and all(type(a[k]) is type(b[k]) and a[k] == b[k] for k in a)


class ContactDetailPanel(QWidget):
    """``contactDetail``: empty, one contact (or a new one), or a note for a multi-selection."""

    savedContact = Signal(int)  # the id the saved contact has now (temporary for a new one)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDetail")
        self.setAccessibleName(self.tr("Contact details"))
        self.workspace = workspace
        self._contact_id: int | None = None  # None with the editor shown: a new contact
        self._baseline = _Form()
        self._groups_known = True
        self._op_id: int | None = None
        self._refused_op_id: int | None = None
        self._loading = False
        self._group_names: list[tuple[int, str]] = []

        self._stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

        self._empty = QLabel(self.tr("Select a contact to see its details."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setForegroundRole(self.foregroundRole())
        self._empty.setEnabled(False)  # the palette's disabled text: quiet, theme-aware
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._build_editor())
        self._many = QLabel("", self)
        self._many.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._many.setWordWrap(True)
        self._many.setEnabled(False)
        self._stack.addWidget(self._many)
        self._update_buttons()

    # ------------------------------------------------------------------ layout
    def _build_editor(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)

        self._heading = QLabel("", page)
        heading_font = QFont(self._heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.35)
        heading_font.setBold(True)
        self._heading.setFont(heading_font)
        self._heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._heading.setWordWrap(True)
        layout.addWidget(self._heading)

        self.pending = QLabel(self.tr("Saving… the change waits in the outbox."), page)
        self.pending.setObjectName("contactDetailPending")
        self.pending.setEnabled(False)
        self.pending.hide()
        layout.addWidget(self.pending)

        self.message = QLabel("", page)
        self.message.setObjectName("contactDetailMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            "QLabel { color: #D32F2F; border: 1px solid #D32F2F; border-radius: 4px;"
            " padding: 6px; }"
        )
        self.message.hide()
        layout.addWidget(self.message)

        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        stack = QVBoxLayout(body)
        stack.setContentsMargins(0, 0, 4, 0)
        form = QFormLayout()
        stack.addLayout(form)
        stack.addStretch(1)  # spare height below the fields, not spread between them
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.errors: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        placeholders = {
            "name": self.tr("Full name"),
            "email": "name@example.com",
            "company": self.tr("Company or organisation"),
            "phone": "+1 555 0123",
        }
        labels = {
            "name": self.tr("Name"),
            "email": self.tr("Email"),
            "company": self.tr("Company"),
            "phone": self.tr("Phone"),
        }
        for key in TEXT_FIELDS:
            edit = QLineEdit(body)
            edit.setObjectName(f"contact{key.capitalize()}")
            edit.setAccessibleName(labels[key])
            edit.setPlaceholderText(placeholders[key])
            edit.textChanged.connect(self._edited)
            self.edits[key] = edit
            form.addRow(
                self.tr("{label}:").format(label=labels[key]), self._with_error(body, edit, key)
            )

        self.tags = TagEditor(body)
        self.tags.changed.connect(self._edited)
        form.addRow(self.tr("Tags:"), self._with_error(body, self.tags, "tags"))

        self.groups = QListWidget(body)
        self.groups.setObjectName("contactGroups")
        self.groups.setAccessibleName(self.tr("Groups"))
        self.groups.setMaximumHeight(120)
        self.groups.itemChanged.connect(self._edited)
        form.addRow(self.tr("Groups:"), self._with_error(body, self.groups, "group_ids"))

        custom = QWidget(body)
        custom_layout = QVBoxLayout(custom)
        custom_layout.setContentsMargins(0, 0, 0, 0)
        custom_layout.setSpacing(4)
        self.custom = CustomFieldsTable(custom)
        self.custom.edited.connect(self._edited)
        custom_layout.addWidget(self.custom)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add field"), custom)
        add.setObjectName("contactCustomFieldAdd")
        add.clicked.connect(lambda: self.custom.add_field())
        remove = QPushButton(self.tr("Remove field"), custom)
        remove.setObjectName("contactCustomFieldRemove")
        remove.clicked.connect(self.custom.remove_current)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        custom_layout.addLayout(buttons)
        form.addRow(self.tr("Custom fields:"), self._with_error(body, custom, "custom_fields"))

        self.activity = QLabel("", body)
        self.activity.setObjectName("contactActivity")
        self.activity.setEnabled(False)
        self.activity.setWordWrap(True)
        form.addRow(self.tr("Activity:"), self.activity)

        footer = QHBoxLayout()
        footer.addStretch(1)
        self.revert_button = QPushButton(self.tr("Revert"), page)
        self.revert_button.setObjectName("contactRevert")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save"), page)
        self.save_button.setObjectName("contactSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        footer.addWidget(self.revert_button)
        footer.addWidget(self.save_button)
        layout.addLayout(footer)
        return page

    def _with_error(self, parent: QWidget, editor: QWidget, key: str) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(editor)
        error = QLabel("", box)
        error.setObjectName(f"contactDetailError-{key}")
        error.setWordWrap(True)
        # Red reads as "error" on light and dark palettes alike; only the text is coloured.
        error.setStyleSheet("QLabel { color: #E53935; font-size: 90%; }")
        error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        error.hide()
        column.addWidget(error)
        self.errors[key] = error
        return box

    # ------------------------------------------------------------------ what is shown
    def contact_id(self) -> int | None:
        return self._contact_id

    def is_editing(self) -> bool:
        return self._stack.currentIndex() == 1

    def set_choices(self, tags: Sequence[TagChoice], groups: Sequence[tuple[int, str]]) -> None:
        self.tags.set_known(tags)
        self._group_names = list(groups)
        if self.is_editing():
            self._fill_groups(self._current_form().group_ids)

    def show_none(self) -> None:
        self._contact_id = None
        self._op_id = None
        self._stack.setCurrentIndex(0)

    def show_many(self, count: int) -> None:
        self._contact_id = None
        self._op_id = None
        self._many.setText(
            counted(
                self.tr(
                    "%Ln contact(s) selected.\nUse the actions above the table to tag, group or "
                    "delete them together.",
                    "",
                    count,
                ),
                count,
            )
        )
        self._stack.setCurrentIndex(2)

    def show_contact(self, contact_id: int) -> None:
        row = self.workspace.contacts.get(contact_id)
        if row is None:
            self.show_none()
            return
        if contact_id != self._contact_id:
            self._op_id = self._refused_op_id = None
            self._clear_errors()
        self._contact_id = contact_id
        self._load(row)
        open_op = self.workspace.contacts.open_operation(contact_id)
        if open_op is not None and self._op_id is None:
            self._op_id = open_op.id
            self._follow()
        self._stack.setCurrentIndex(1)

    def start_new(self) -> None:
        self._contact_id = None
        self._op_id = self._refused_op_id = None
        self._clear_errors()
        self._baseline = _Form()
        self._groups_known = True
        self._fill(self._baseline)
        self._heading.setText(self.tr("New contact"))
        self.activity.setText("—")
        self.pending.hide()
        self._stack.setCurrentIndex(1)
        self.edits["name"].setFocus()
        self._update_buttons()

    def _load(self, row: ContactRow) -> None:
        self._baseline = _Form.of(row)
        self._groups_known = row.groups is not None
        self._fill(self._baseline)
        self._heading.setText(row.name or row.email)
        count = row.conversations_count
        last = row.last_contacted_at
        parts = [
            self.tr("conversations not fetched yet")
            if count is None
            else count_text(count, "conversation"),
            self.tr("never contacted")
            if count is not None and last is None
            else self.tr("last contacted {when}").format(
                when=moment_text(last, "d MMM yyyy, HH:mm")
            )
            if last is not None
            else "",
        ]
        self.activity.setText(" · ".join(p for p in parts if p))
        self._update_buttons()

    def _fill(self, form: _Form) -> None:
        self._loading = True
        try:
            for key in TEXT_FIELDS:
                self.edits[key].setText(getattr(form, key))
            self.tags.set_tags(form.tags)
            self.tags.input.clear()
            self._fill_groups(form.group_ids)
            self.custom.set_fields(form.custom_fields)
        finally:
            self._loading = False

    def _fill_groups(self, checked: Sequence[int]) -> None:
        self.groups.blockSignals(True)
        self.groups.clear()
        for group_id, name in self._group_names:
            item = QListWidgetItem(name, self.groups)
            item.setData(Qt.ItemDataRole.UserRole, group_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if group_id in checked else Qt.CheckState.Unchecked
            )
        self.groups.blockSignals(False)

    # ------------------------------------------------------------------ editing
    def _current_form(self) -> _Form:
        custom, _problems = self.custom.fields()
        groups = sorted(
            int(item.data(Qt.ItemDataRole.UserRole))
            for i in range(self.groups.count())
            if (item := self.groups.item(i)) is not None
            and item.checkState() == Qt.CheckState.Checked
        )
        return _Form(
            name=self.edits["name"].text().strip(),
            email=self.edits["email"].text().strip(),
            company=self.edits["company"].text().strip(),
            phone=self.edits["phone"].text().strip(),
            tags=self.tags.tags(),
            group_ids=groups,
            custom_fields=custom,
        )

    def changes(self) -> ContactFields:
        """What differs from the contact as loaded: only that is sent."""
        now, was = self._current_form(), self._baseline
        changes: ContactFields = {}
        if now.name != was.name:
            changes["name"] = now.name
        if now.email != was.email:
            changes["email"] = now.email
        if now.company != was.company:
            changes["company"] = now.company or None
        if now.phone != was.phone:
            changes["phone"] = now.phone or None
        if now.tags != was.tags:
            changes["tags"] = now.tags
        if now.group_ids != was.group_ids and (self._groups_known or now.group_ids):
            changes["group_ids"] = now.group_ids
        if not _same_custom(now.custom_fields, was.custom_fields):
            diff: dict[str, CustomValue] = {
                k: v
                for k, v in now.custom_fields.items()
                if k not in was.custom_fields
                or type(v) is not type(was.custom_fields[k])
                or v != was.custom_fields[k]
            }
            diff.update({k: None for k in was.custom_fields if k not in now.custom_fields})
            changes["custom_fields"] = diff
        return changes

    def is_dirty(self) -> bool:
        return self.is_editing() and (bool(self.changes()) or bool(self.tags.input.text().strip()))

    def _edited(self, *_args: Any) -> None:
        if not self._loading:
            self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.is_dirty() or (self.is_editing() and self._contact_id is None)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(self.is_dirty())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.is_dirty():
            self.revert()
            return
        super().keyPressEvent(event)

    def revert(self) -> None:
        self._clear_errors()
        if self._contact_id is None:
            self.start_new()
            return
        row = self.workspace.contacts.get(self._contact_id)
        if row is not None:
            self._load(row)

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Queue the changes; False when the form itself is not acceptable yet."""
        if self.tags.input.text().strip():
            self.tags._add_typed()  # a tag typed but not yet entered counts
        self._clear_errors()
        local = self._check_locally()
        if local:
            for key, text in local.items():
                self._show_error(key, [text])
            return False
        contacts = self.workspace.contacts
        if self._refused_op_id is not None:
            # The refused change is being corrected: this save replaces it (a refused
            # operation would otherwise hold back every later one on this contact).
            self.workspace.discard(self._refused_op_id)
            self._refused_op_id = None
        if self._contact_id is None:
            form = self._current_form()
            fields: ContactFields = {"name": form.name, "email": form.email}
            if form.company:
                fields["company"] = form.company
            if form.phone:
                fields["phone"] = form.phone
            if form.tags:
                fields["tags"] = form.tags
            if form.group_ids:
                fields["group_ids"] = form.group_ids
            if form.custom_fields:
                fields["custom_fields"] = form.custom_fields
            temp = contacts.create(fields)
            op = contacts.open_operation(temp)
            self._op_id = op.id if op is not None else None
            self._contact_id = temp
            saved = temp
        else:
            changes = self.changes()
            if not changes:
                return True
            saved = self._contact_id
            self._op_id = contacts.update(saved, changes)
        self._baseline = self._current_form()
        self.pending.show()
        self._update_buttons()
        self.savedContact.emit(saved)
        self._follow()
        return True

    def _check_locally(self) -> dict[str, str]:
        form = self._current_form()
        problems: dict[str, str] = {}
        if not form.name:
            problems["name"] = self.tr("The name is required.")
        if not form.email:
            problems["email"] = self.tr("The email is required.")
        elif "@" not in form.email or form.email.startswith("@") or form.email.endswith("@"):
            problems["email"] = self.tr("This does not look like an email address.")
        _values, custom_problems = self.custom.fields()
        if custom_problems:
            problems["custom_fields"] = " ".join(custom_problems)
        return problems

    def on_changes(self, names: frozenset[str]) -> None:
        """The pane passes on the change broadcast."""
        if not self.is_editing():
            return
        if self._op_id is not None and names & {"outbox", "contacts"}:
            self._follow()
        elif "contacts" in names and self._contact_id is not None and not self.is_dirty():
            row = self.workspace.contacts.get(self._contact_id)
            if row is None:
                self.show_none()
            else:
                self._load(row)

    def _follow(self) -> None:
        """Where the saved operation stands: waiting, refused, or done."""
        if self._op_id is None:
            return
        op = self.workspace.contacts.operation(self._op_id)
        if op is not None and op.state in (OpState.QUEUED, OpState.SENDING, OpState.EDITING):
            self.pending.setText(
                self.tr("Saving… the change waits in the outbox.")
                if op.attempts == 0
                else self.tr("Not sent yet: the change waits in the outbox and is retried.")
            )
            self.pending.show()
            return
        self.pending.hide()
        if op is not None and op.state == OpState.NEEDS_ATTENTION:
            self._refused_op_id = op.id
            self._op_id = None
            field_errors = (op.result or {}).get("field_errors") or {}
            shown = self._show_field_errors(field_errors)
            if not shown or field_errors.keys() - set(shown):
                self.message.setText(op.last_error or self.tr("The server refused this change."))
                self.message.show()
            # The cache went back to the server's version; the form keeps what was typed.
            if self._contact_id is not None:
                row = self.workspace.contacts.get(self._contact_id)
                if row is not None:
                    self._baseline = _Form.of(row)
                elif op.kind == "contact.create":
                    self._contact_id = None
                    self._baseline = _Form()
            self._update_buttons()
            return
        # Done (or gone): show the server's version, under the server's id for a new one.
        self._op_id = None
        if op is not None and op.target_id is not None:
            self._contact_id = op.target_id
        if self._contact_id is not None and not self.is_dirty_against_saved():
            row = self.workspace.contacts.get(self._contact_id)
            if row is not None:
                self._load(row)
                self.savedContact.emit(self._contact_id)

    def is_dirty_against_saved(self) -> bool:
        return bool(self.changes())

    def _show_field_errors(self, field_errors: Mapping[str, Any]) -> list[str]:
        shown: list[str] = []
        for name, messages in field_errors.items():
            key = str(name).split(".", 1)[0]
            if key == "groups":
                key = "group_ids"
            if key in self.errors:
                texts = messages if isinstance(messages, list) else [str(messages)]
                self._show_error(key, [str(m) for m in texts])
                shown.append(str(name))
        return shown

    def _show_error(self, key: str, messages: Sequence[str]) -> None:
        label = self.errors[key]
        label.setText(" ".join(messages))
        label.show()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.message.hide()
