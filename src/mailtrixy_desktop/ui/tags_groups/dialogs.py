"""Small forms for a tag or a group, with each problem shown beside its field.

A form checks what it can locally (the rules the server applies), then emits
``submitted`` and stays open: the pane queues the change and either closes the
form once the server took it, or puts the server's 422 messages beside the
fields with ``show_errors``. The forms never call a service themselves.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

TAG_NAME_MAX = 50
GROUP_NAME_MAX = 255
DESCRIPTION_MAX = 1000


def swatch_icon(color: QColor | None, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(color if color is not None and color.isValid() else Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def suggest_tag_name(text: str) -> str:
    return re.sub(r"\s+", "-", text.strip().lower())[:TAG_NAME_MAX]


def tag_name_problem(name: str, taken: Collection[str]) -> str | None:
    """The server's rules for a tag name (lowercase, no spaces, unique), checked here first."""
    if not name:
        return QCoreApplication.translate("TagDialog", "A tag needs a name.")
    if len(name) > TAG_NAME_MAX or name != name.lower() or any(ch.isspace() for ch in name):
        return QCoreApplication.translate(
            "TagDialog",
            "Tag names are lowercase, without spaces, at most {max} characters "
            "(for example “{example}”).",
        ).format(max=TAG_NAME_MAX, example=suggest_tag_name(name))
    if name in taken:
        return QCoreApplication.translate(
            "TagDialog", "There is already a tag called “{name}”."
        ).format(name=name)
    return None


class _Form(QDialog):
    """Fields with an error label under each, a status line, Save and Cancel."""

    submitted = Signal(dict)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(380)
        self.refused_op: int | None = None  # the outbox operation the server refused
        self._errors: dict[str, QLabel] = {}
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setVerticalSpacing(4)
        self._form.setHorizontalSpacing(12)
        self.status = QLabel()
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(self._form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _add_field(self, label: str, field: str, widget: QWidget) -> None:
        error = QLabel()
        error.setObjectName(f"{widget.objectName()}Error")
        error.setWordWrap(True)
        # The palette has no "error" role; this red reads on light and dark backgrounds.
        error.setStyleSheet("color: #e5484d;")
        error.hide()
        self._errors[field] = error
        column = QVBoxLayout()
        column.setSpacing(3)
        column.addWidget(widget)
        column.addWidget(error)
        self._form.addRow(label, column)

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def set_error(self, field: str, message: str | None) -> None:
        label = self._errors[field]
        label.setText(message or "")
        label.setVisible(bool(message))

    def clear_errors(self) -> None:
        for field in self._errors:
            self.set_error(field, None)
        self.status.hide()

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
        self.save_button.setEnabled(not busy)
        self.set_status(QCoreApplication.translate("_Form", "Saving…") if busy else "")

    def _submit(self) -> None:
        self.clear_errors()
        values = self._validated()
        if values is not None:
            self.submitted.emit(values)

    def _validated(self) -> dict[str, Any] | None:
        raise NotImplementedError


class TagDialog(_Form):
    """New tag, or rename/recolour one: ``{"name": ..., "color": "#RRGGBB" | None}``."""

    def __init__(
        self,
        *,
        title: str,
        taken: Collection[str],
        name: str = "",
        color: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("tagDialog")
        self._taken = {t for t in taken if t != name}
        self.name = QLineEdit(name)
        self.name.setObjectName("tagName")
        self.name.setAccessibleName(self.tr("Tag name"))
        self.name.setPlaceholderText(self.tr("e.g. vip-client"))
        self.name.setMaxLength(TAG_NAME_MAX + 20)
        self._color = QColor(color or "")
        self.color_button = QPushButton()
        self.color_button.setObjectName("tagColor")
        self.color_button.setAccessibleName(self.tr("Tag colour"))
        self.color_button.clicked.connect(self._pick_color)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.color_button)
        row.addStretch(1)
        holder = QWidget()
        holder.setObjectName("tagColorRow")
        holder.setLayout(row)
        self._add_field(self.tr("Name"), "name", self.name)
        self._add_field(self.tr("Colour"), "color", holder)
        self._show_color()

    def color(self) -> QColor | None:
        return self._color if self._color.isValid() else None

    def set_color(self, color: QColor) -> None:
        self._color = QColor(color)
        self._show_color()

    def _show_color(self) -> None:
        valid = self._color.isValid()
        self.color_button.setIcon(swatch_icon(self._color if valid else None))
        self.color_button.setText(
            self._color.name().upper() if valid else self.tr("Chosen by the server")
        )

    def _pick_color(self) -> None:
        picker = QColorDialog(self._color if self._color.isValid() else QColor("#3B82F6"), self)
        picker.setObjectName("tagColorPicker")
        picker.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        picker.colorSelected.connect(self.set_color)
        picker.finished.connect(picker.deleteLater)
        picker.open()

    def _validated(self) -> dict[str, Any] | None:
        name = self.name.text().strip()
        problem = tag_name_problem(name, self._taken)
        if problem:
            self.set_error("name", problem)
            self.name.setFocus()
            return None
        color = self.color()
        return {"name": name, "color": color.name().upper() if color is not None else None}


class GroupDialog(_Form):
    """New group, or edit one: ``{"name": ..., "description": str | None}``."""

    def __init__(
        self,
        *,
        title: str,
        name: str = "",
        description: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("groupDialog")
        self.name = QLineEdit(name)
        self.name.setObjectName("groupName")
        self.name.setAccessibleName(self.tr("Group name"))
        self.name.setPlaceholderText(self.tr("e.g. Webinar attendees"))
        self.description = QPlainTextEdit(description or "")
        self.description.setObjectName("groupDescription")
        self.description.setAccessibleName(self.tr("Group description"))
        self.description.setPlaceholderText(self.tr("Optional: who belongs here and why"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self._add_field(self.tr("Name"), "name", self.name)
        self._add_field(self.tr("Description"), "description", self.description)

    def _validated(self) -> dict[str, Any] | None:
        name = self.name.text().strip()
        description = self.description.toPlainText().strip() or None
        ok = True
        if not name:
            self.set_error("name", self.tr("A group needs a name."))
            ok = False
        elif len(name) > GROUP_NAME_MAX:
            self.set_error(
                "name",
                self.tr("A group name is at most {max} characters.").format(max=GROUP_NAME_MAX),
            )
            ok = False
        if description is not None and len(description) > DESCRIPTION_MAX:
            self.set_error(
                "description",
                self.tr("A description is at most {max} characters.").format(max=DESCRIPTION_MAX),
            )
            ok = False
        return {"name": name, "description": description} if ok else None
