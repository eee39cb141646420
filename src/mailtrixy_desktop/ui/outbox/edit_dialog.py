"""Edit a queued operation's fields before it goes out.

The form is made from the operation's payload, the changed fields only: text as
a line (or a box for long text), numbers as spin boxes, yes/no as a check box,
a list of words as comma-separated text, anything else shown but not editable.
A 422 refusal's messages sit beside the fields they name. The dialog never calls
a service: the pane saves or cancels the edit with what ``payload()`` returns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.services.outbox_view import field_errors, field_word
from mailtrixy_desktop.store.outbox import REFERENCES as ID_FIELDS
from mailtrixy_desktop.store.outbox import Operation

# Fields with a fixed set of values: a choice, not free text.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("deal", "stage"): ("lead", "qualified", "proposal", "negotiation", "won", "lost"),
    ("conversation", "status"): ("open", "closed", "snoozed"),
}
# Long text is edited in a box, not a line.
LONG_FIELDS = frozenset({"body_html", "notes", "description"})
# Lists of ids are not words a person types.
_ID_LISTS = frozenset({*ID_FIELDS, "recipient_groups"})
ERROR_STYLE = "color: #e5484d;"  # the forms' red; reads on light and dark backgrounds


def _read_only_text(value: Any) -> str:
    if value is None:
        return QCoreApplication.translate("OperationEditDialog", "(empty)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or QCoreApplication.translate(
            "OperationEditDialog", "(none)"
        )
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


class EditDialog(QDialog):
    def __init__(self, op: Operation, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxEditDialog")
        self.setWindowTitle(self.tr("Edit queued change"))
        self.setModal(True)
        self.setMinimumWidth(460)
        self.op = op
        self._readers: dict[str, Any] = {}  # field -> () -> its new value
        self._errors: dict[str, QLabel] = {}

        heading = QLabel(description)
        heading.setObjectName("outboxEditWhat")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        note = QLabel(
            self.tr(
                "Change what will be sent. Saving puts it back in the queue; it goes as soon "
                "as the server can be reached."
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)  # the palette's muted text
        self.reason = QLabel(op.last_error or "")
        self.reason.setObjectName("outboxEditReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(ERROR_STYLE)
        self.reason.setVisible(bool(op.last_error))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(12)
        for field, value in op.payload.items():
            widget = self._widget(field, value)
            widget.setObjectName(f"outboxField-{field}")
            widget.setAccessibleName(field_word(field))
            error = QLabel()
            error.setObjectName(f"outboxFieldError-{field}")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            self._errors[field] = error
            column = QVBoxLayout()
            column.setSpacing(3)
            column.addWidget(widget)
            column.addWidget(error)
            label = field_word(field)
            form.addRow(label[:1].upper() + label[1:], column)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button.setObjectName("outboxEditSave")
        self.cancel_button.setObjectName("outboxEditCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.show_errors(field_errors(op))

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def field(self, name: str) -> QWidget | None:
        return self.findChild(QWidget, f"outboxField-{name}")

    # ------------------------------------------------------------------ building
    def _widget(self, field: str, value: Any) -> QWidget:
        choices = CHOICES.get((self.op.target_type, field))
        if choices is not None and isinstance(value, str):
            combo = QComboBox()
            for choice in choices:
                combo.addItem(choice.capitalize(), choice)
            if value not in choices:
                combo.addItem(value, value)
            combo.setCurrentIndex(combo.findData(value))
            self._readers[field] = combo.currentData
            return combo
        if isinstance(value, bool):  # before int: a bool is an int in Python
            box = QCheckBox()
            box.setChecked(value)
            self._readers[field] = box.isChecked
            return box
        if isinstance(value, int) and field not in ID_FIELDS:
            spin = QSpinBox()
            spin.setRange(-(2**31), 2**31 - 1)
            spin.setValue(value)
            self._readers[field] = spin.value
            return spin
        if isinstance(value, float):
            double = QDoubleSpinBox()
            double.setRange(-1e12, 1e12)
            double.setDecimals(2)
            double.setValue(value)
            self._readers[field] = double.value
            return double
        if isinstance(value, str):
            if field in LONG_FIELDS or "\n" in value or len(value) > 120:
                text = QPlainTextEdit(value)
                text.setTabChangesFocus(True)
                text.setMinimumHeight(90)
                self._readers[field] = text.toPlainText
                return text
            line = QLineEdit(value)
            self._readers[field] = line.text
            return line
        if (
            isinstance(value, list)
            and field not in _ID_LISTS
            and all(isinstance(v, str) for v in value)
        ):
            words = QLineEdit(", ".join(value))
            words.setPlaceholderText(self.tr("Separate with commas"))
            self._readers[field] = lambda: [w.strip() for w in words.text().split(",") if w.strip()]
            return words
        shown = QLabel(_read_only_text(value))
        shown.setWordWrap(True)
        shown.setEnabled(False)
        shown.setToolTip(self.tr("This part of the change cannot be edited here."))
        self._readers[field] = lambda: value
        return shown

    # ------------------------------------------------------------------ answers
    def payload(self) -> dict[str, Any]:
        """The edited payload, fields in their original order."""
        return {field: read() for field, read in self._readers.items()}

    def show_errors(self, errors: Mapping[str, Sequence[str]]) -> None:
        """Each message beside its field; ones about other fields join the reason."""
        elsewhere: list[str] = []
        reason = self.op.last_error or ""
        # The engine's sentence ends with every field's messages in brackets; those now
        # sit beside their fields, so the sentence keeps only what they do not say.
        details = "; ".join(f"{f}: {' '.join(m)}" for f, m in errors.items())
        if errors and reason.endswith(f" ({details})"):
            reason = reason[: -len(details) - 3]
        for field, label in self._errors.items():
            messages = errors.get(field)
            label.setText(" ".join(messages) if messages else "")
            label.setVisible(bool(messages))
        for field, messages in errors.items():
            if field not in self._errors:
                elsewhere.append(f"{field_word(field)}: {' '.join(messages)}")
        self.reason.setText("\n".join(filter(None, [reason, *elsewhere])))
        self.reason.setVisible(bool(self.reason.text()))

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
