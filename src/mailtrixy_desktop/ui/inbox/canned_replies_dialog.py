"""Manage canned replies: the list on the left, the one being edited on the right.

Reached from the composer's canned replies button. Saving writes the local file
at once (there is nothing to queue: canned replies never go to the server).
Nothing typed is dropped silently: leaving a changed reply (another one picked,
New, Close) asks whether to save it, and deleting asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.services.canned_replies import (
    SHORTCUT_MAX,
    CannedReplies,
    CannedReply,
    CannedReplyError,
    shortcut_problem,
)
from mailtrixy_desktop.ui.i18n import translated
from mailtrixy_desktop.ui.icons import icon
from mailtrixy_desktop.ui.inbox.composer import (
    ERROR_RED,
    FormatBar,
    RichTextEdit,
    document_to_html,
    load_html,
)

_SHORTCUT_ROLE = Qt.ItemDataRole.UserRole


class CannedRepliesDialog(QDialog):
    """Create, edit and delete canned replies; ``changed`` after each save or delete."""

    changed = Signal()

    def __init__(
        self, canned: CannedReplies, parent: QWidget | None = None, *, select: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cannedRepliesDialog")
        self.setWindowTitle(self.tr("Canned replies"))
        self.setModal(True)
        self.resize(780, 480)
        self.canned = canned
        self._editing: str | None = None  # the shortcut of the reply shown; None for a new one
        self._baseline = ("", "", "")
        self._errors: dict[str, QLabel] = {}

        # Left: every reply, and New / Delete under them.
        self.list = QListWidget(self)
        self.list.setObjectName("cannedRepliesList")
        self.list.setAccessibleName(self.tr("Canned replies"))
        self.list.setMinimumWidth(220)
        self.list.currentItemChanged.connect(self._picked)
        self.new_button = QPushButton(icon("add"), self.tr("New"), self)
        self.new_button.setObjectName("cannedNew")
        self.new_button.clicked.connect(self.new)
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete…"), self)
        self.delete_button.setObjectName("cannedDelete")
        self.delete_button.clicked.connect(self.delete)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addWidget(self.delete_button)
        left_buttons.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.list, 1)
        left.addLayout(left_buttons)

        # Right: the reply being edited.
        self.shortcut = QLineEdit(self)
        self.shortcut.setObjectName("cannedShortcut")
        self.shortcut.setAccessibleName(self.tr("Shortcut"))
        self.shortcut.setPlaceholderText(self.tr("e.g. thanks"))
        self.shortcut.setMaxLength(SHORTCUT_MAX + 8)
        self.title = QLineEdit(self)
        self.title.setObjectName("cannedTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("What it is for, e.g. Thanks for writing"))
        self.body = RichTextEdit(self, lines=8)
        self.body.setObjectName("cannedBody")
        self.body.setAccessibleName(self.tr("Canned reply text"))
        self.body.setPlaceholderText(self.tr("The text inserted into a reply"))
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.format_bar = FormatBar(self.body, self)
        self.format_bar.row.addStretch(1)
        body_box = QFrame(self)
        body_box.setObjectName("cannedBodyBox")
        body_box.setFrameShape(QFrame.Shape.StyledPanel)
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(2, 2, 2, 2)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.format_bar)
        body_layout.addWidget(self.body, 1)

        # A grid rather than a form: the text row, and only it, takes the spare height.
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(3)
        self.form.setColumnStretch(1, 1)
        self._add_field(self.tr("Shortcut"), "shortcut", self.shortcut)
        self._add_field(self.tr("Title"), "title", self.title)
        self._add_field(self.tr("Text"), "body", body_box)
        self.form.setRowStretch(self.form.rowCount() - 2, 1)
        hint = QLabel(
            self.tr("In a reply, type / and the shortcut, then Enter, to insert it."), self
        )
        hint.setObjectName("cannedHint")
        hint.setEnabled(False)  # quiet, secondary text
        hint.setWordWrap(True)
        self.form.addWidget(hint, self.form.rowCount(), 1)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("cannedSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setObjectName("cannedStatus")
        self.status.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(self.form, 1)
        right.addLayout(save_row)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 2)
        columns.addLayout(right, 5)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(12)
        layout.addLayout(columns, 1)
        layout.addWidget(close)

        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        for edit in (self.shortcut, self.title):
            edit.textEdited.connect(lambda _t: self.status.clear())
        self.shortcut.textEdited.connect(lambda _t: self._set_error("shortcut", None))
        self.body.textChanged.connect(lambda: self._set_error("body", None))

        self._fill_list(select)
        if self.list.currentItem() is None:
            self._show(None)

    # ------------------------------------------------------------------ fields
    def _add_field(self, label: str, key: str, widget: QWidget) -> None:
        row = self.form.rowCount()
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        # Level with the first line of the field (a line edit, or the body's toolbar).
        caption.setMinimumHeight(self.shortcut.sizeHint().height())
        self.form.addWidget(
            caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )
        self.form.addWidget(widget, row, 1)
        error = QLabel(self)
        error.setObjectName(f"canned{key.title()}Error")
        error.setWordWrap(True)
        error.setStyleSheet(f"QLabel {{ color: {ERROR_RED}; }}")
        error.hide()
        self._errors[key] = error
        self.form.addWidget(error, row + 1, 1)
        # Room between one field's error line and the next field.
        self.form.setRowMinimumHeight(row + 1, 8)

    def _set_error(self, key: str, message: str | None) -> None:
        self._errors[key].setText(message or "")
        self._errors[key].setVisible(bool(message))

    def error_text(self, key: str) -> str:
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""

    def _current(self) -> tuple[str, str, str]:
        body = document_to_html(self.body.document()) if self.body.toPlainText().strip() else ""
        return self.shortcut.text().strip(), self.title.text().strip(), body

    def is_dirty(self) -> bool:
        return self._current() != self._baseline

    # ------------------------------------------------------------------ the list
    def _fill_list(self, select: str | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for reply in self.canned.all():
            text = f"/{reply.shortcut}" + (f" — {reply.title}" if reply.title else "")
            item = QListWidgetItem(text)
            item.setData(_SHORTCUT_ROLE, reply.shortcut)
            self.list.addItem(item)
            if select is not None and reply.shortcut.casefold() == select.casefold():
                chosen = item
        if chosen is None and select is None and self.list.count():
            chosen = self.list.item(0)
        # None leaves the list without a current item.
        self.list.setCurrentItem(chosen)  # type: ignore[arg-type]
        self.list.blockSignals(False)
        if chosen is not None:
            self._show(self.canned.find(chosen.data(_SHORTCUT_ROLE)))

    def _picked(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        shortcut = current.data(_SHORTCUT_ROLE)
        if self._editing is not None and shortcut.casefold() == self._editing.casefold():
            return
        if self.is_dirty():
            # Stay on the changed reply until the person says what to do with it.
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)  # type: ignore[arg-type]
            self.list.blockSignals(False)
            self._ask_unsaved(lambda: self._fill_list(shortcut))
            return
        self._show(self.canned.find(shortcut))

    def _show(self, reply: CannedReply | None) -> None:
        self._editing = reply.shortcut if reply is not None else None
        self.shortcut.setText(reply.shortcut if reply else "")
        self.title.setText(reply.title if reply else "")
        load_html(self.body.document(), reply.body_html if reply else "")
        self._baseline = self._current()
        for key in self._errors:
            self._set_error(key, None)
        self.status.clear()
        self.delete_button.setEnabled(reply is not None)

    # ------------------------------------------------------------------ actions
    def new(self) -> None:
        if self.is_dirty():
            self._ask_unsaved(self.new)
            return
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)  # type: ignore[call-overload]
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._show(None)
        self.shortcut.setFocus()

    def save(self) -> bool:
        """Save the reply shown; False (with the reason beside its field) when it cannot be."""
        shortcut, title, body = self._current()
        ok = True
        problem = shortcut_problem(shortcut)
        problem = translated(problem) if problem else problem
        if problem is None and self.canned.is_taken(shortcut, ignoring=self._editing):
            problem = self.tr("The shortcut “{shortcut}” is already in use.").format(
                shortcut=shortcut
            )
        if problem:
            self._set_error("shortcut", problem)
            self.shortcut.setFocus()
            ok = False
        if not body:
            self._set_error("body", self.tr("A canned reply needs some text."))
            if ok:
                self.body.setFocus()
            ok = False
        if not ok:
            return False
        try:
            saved = self.canned.save(CannedReply(shortcut, title, body), replacing=self._editing)
        except CannedReplyError as error:
            self._set_error(
                error.field if error.field in self._errors else "shortcut", error.message
            )
            return False
        except OSError as error:
            self.status.setText(
                self.tr("Could not save the canned reply: {value}").format(
                    value=error.strerror or error
                )
            )
            return False
        self._fill_list(saved.shortcut)
        self.status.setText(
            self.tr("Saved. Type /{shortcut} in a reply to insert it.").format(
                shortcut=saved.shortcut
            )
        )
        self.changed.emit()
        return True

    def delete(self) -> QMessageBox | None:
        """Ask, then delete the reply shown; the question is returned (it is not modal)."""
        if self._editing is None:
            return None
        shortcut = self._editing
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete canned reply"),
            self.tr("Delete the canned reply “/{shortcut}”? This cannot be undone.").format(
                shortcut=shortcut
            ),
            parent=self,
        )
        box.setObjectName("cannedDeleteConfirm")
        confirm = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirmDelete")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self._deleted(shortcut) if b is confirm else None)
        box.open()
        return box

    def _deleted(self, shortcut: str) -> None:
        row = self.list.currentRow()
        try:
            self.canned.remove(shortcut)
        except OSError as error:
            self.status.setText(
                self.tr("Could not delete the canned reply: {value}").format(
                    value=error.strerror or error
                )
            )
            return
        self._show(None)  # nothing of the deleted reply is "unsaved"
        replies = self.canned.all()
        if replies:
            self._fill_list(replies[min(max(row, 0), len(replies) - 1)].shortcut)
        else:
            self._fill_list("")
            self._show(None)
        self.status.setText(self.tr("Deleted /{shortcut}.").format(shortcut=shortcut))
        self.changed.emit()

    def _ask_unsaved(self, then: Callable[[], None]) -> QMessageBox:
        name = self.shortcut.text().strip() or self.tr("new canned reply")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved canned reply"),
            self.tr("Save the changes to “{name}”?").format(name=name),
            parent=self,
        )
        box.setObjectName("cannedUnsavedConfirm")
        save = box.addButton(QMessageBox.StandardButton.Save)
        discard = box.addButton(QMessageBox.StandardButton.Discard)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if (button is save and self.save()) or button is discard:
                self._baseline = self._current()  # what is shown now is settled
                then()

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def reject(self) -> None:
        if self.is_dirty():
            self._ask_unsaved(super().reject)
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty():
            event.ignore()
            self._ask_unsaved(super().reject)
            return
        super().closeEvent(event)
