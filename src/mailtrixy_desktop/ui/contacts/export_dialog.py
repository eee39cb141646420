"""Export contacts to CSV: the columns to write (those shown come checked), a BOM for
spreadsheet programs, and where to save. The rows are written a chunk at a time in
a worker thread."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.contact_csv import (
    COLUMN_ALIASES,
    CUSTOM_PREFIX,
    ContactCsvService,
)
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.ui.async_bridge import spawn
from mailtrixy_desktop.ui.contacts.import_dialog import service_for
from mailtrixy_desktop.ui.i18n import counted, translated

ColumnRole = Qt.ItemDataRole.UserRole + 1
_TITLES = {
    "name": QT_TRANSLATE_NOOP("ContactColumns", "Name"),
    "email": QT_TRANSLATE_NOOP("ContactColumns", "Email"),
    "company": QT_TRANSLATE_NOOP("ContactColumns", "Company"),
    "phone": QT_TRANSLATE_NOOP("ContactColumns", "Phone"),
    "tags": QT_TRANSLATE_NOOP("ContactColumns", "Tags"),
    "groups": QT_TRANSLATE_NOOP("ContactColumns", "Groups"),
    "created_at": QT_TRANSLATE_NOOP("ContactColumns", "Created"),
    "updated_at": QT_TRANSLATE_NOOP("ContactColumns", "Updated"),
}


def column_title(column: str) -> str:
    if column.startswith(CUSTOM_PREFIX):
        return QCoreApplication.translate("ContactColumns", "{name} (custom field)").format(
            name=column[len(CUSTOM_PREFIX) :]
        )
    title = _TITLES.get(column)
    return translated(title) if title is not None else column


class ExportDialog(QDialog):
    """``ExportDialog(workspace, ids, columns, parent)``: ``ids`` in the order to write,
    ``columns`` the keys shown in the contacts table (``created``/``updated`` and
    ``custom:<key>`` included), checked at the start; None checks the standard ones."""

    def __init__(
        self,
        workspace: Workspace,
        ids: Sequence[int],
        columns: Sequence[str] | None = None,
        parent: QWidget | None = None,
        *,
        service: ContactCsvService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactsExportDialog")
        self.setAccessibleName(self.tr("Export contacts"))
        self.setWindowTitle(self.tr("Export contacts to CSV"))
        self.service = service or service_for(workspace)
        self.ids = list(ids)
        self.written: int | None = None
        self._task: asyncio.Task[None] | None = None

        shown = [COLUMN_ALIASES.get(c, c) for c in (columns or [])]
        available = self.service.export_columns()
        available += [c for c in shown if c not in available]
        checked = set(shown) if columns is not None else set(available[:6])
        self.columns_model = QStandardItemModel(self)
        for column in available:
            item = QStandardItem(column_title(column))
            item.setData(column, ColumnRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if column in checked else Qt.CheckState.Unchecked
            )
            self.columns_model.appendRow(item)
        self.columns_view = QListView()
        self.columns_view.setObjectName("exportColumns")
        self.columns_view.setAccessibleName(self.tr("Columns to export"))
        self.columns_view.setModel(self.columns_model)
        self.columns_model.itemChanged.connect(lambda _item: self._update())

        self.bom = QCheckBox(
            self.tr("Add a byte order mark (for Excel and other spreadsheet programs)")
        )
        self.bom.setObjectName("exportBom")
        self.bom.setAccessibleName(self.tr("Add a byte order mark"))
        self.path = QLineEdit(str(Path.home() / "contacts.csv"))
        self.path.setObjectName("exportPath")
        self.path.setAccessibleName(self.tr("File to write"))
        self.path.textChanged.connect(lambda _t: self._update())
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self._browse)
        self.status = QLabel(
            counted(self.tr("%Ln contact(s) will be exported.", "", len(self.ids)), len(self.ids))
        )
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setObjectName("exportStart")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Columns")))
        layout.addWidget(self.columns_view, 1)
        layout.addWidget(self.bom)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update()

    def chosen_columns(self) -> list[str]:
        out: list[str] = []
        for row in range(self.columns_model.rowCount()):
            item = self.columns_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(ColumnRole)))
        return out

    def _update(self) -> None:
        self.export_button.setEnabled(
            bool(self.chosen_columns()) and bool(self.path.text().strip()) and self._task is None
        )

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), self.path.text(), self.tr("CSV files (*.csv)")
        )
        if name:
            self.path.setText(name)

    def export(self) -> None:
        if self._task is not None or not self.export_button.isEnabled():
            return
        self.status.setText(
            counted(self.tr("Writing %Ln contact(s)…", "", len(self.ids)), len(self.ids))
        )
        self._task = spawn(self._export(), name="csv-export")
        self._update()

    async def _export(self) -> None:
        try:
            self.written = await self.service.export(
                self.ids, self.chosen_columns(), self.path.text().strip(), bom=self.bom.isChecked()
            )
        except (OSError, ValueError) as exc:
            self.status.setText(self.tr("The file could not be written: {exc}").format(exc=exc))
            return
        finally:
            self._task = None
            self._update()
        self.status.setText(
            counted(
                self.tr("%Ln contact(s) written to {strip}.", "", self.written), self.written
            ).format(strip=self.path.text().strip())
        )
        self.accept()
