"""The CSV import wizard: file → format → mapping → validation → the running job → report.

Everything slow (reading, validating, storing and sending 50,000 rows) runs in the
service, off the event loop or as asyncio tasks, so the window keeps painting.
Past imports are listed on the first page; an interrupted or cancelled one can
be resumed from there, straight to the running page.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.contact_csv import (
    DELIMITER_NAMES,
    DELIMITERS,
    ENCODINGS,
    SEPARATORS,
    STANDARD,
    ColumnMapping,
    ColumnTarget,
    ContactCsvService,
    CsvFormat,
    Inspection,
    Preview,
    RowIssue,
    reason_message,
)
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.contact_imports import ImportJob, Policy
from mailtrixy_desktop.sync.contact_import import ImportProgress, ImportReport
from mailtrixy_desktop.ui.async_bridge import ChangeBridge, spawn
from mailtrixy_desktop.ui.i18n import counted, number, translated

log = logging.getLogger("mailtrixy_desktop.ui.contacts.import")

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

ENCODING_NAMES: Final = {
    "utf-8-sig": QT_TRANSLATE_NOOP("ImportDialog", "UTF-8 with BOM"),
    "utf-8": "UTF-8",
    "latin-1": "Latin-1 (ISO 8859-1)",
    "cp1252": "Windows-1252",
}
PAGE_FILE, PAGE_MAPPING, PAGE_VALIDATION, PAGE_RUN, PAGE_REPORT = range(5)


def service_for(workspace: Workspace) -> ContactCsvService:
    """The workspace's own service when it has one (jobs outlive a dialog), else a new one."""
    shared = getattr(workspace, "contact_csv", None)
    if isinstance(shared, ContactCsvService):
        return shared
    return ContactCsvService(workspace.commands, workspace.client)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = round(seconds)
    translate = QCoreApplication.translate
    if seconds < 60:
        return translate("ImportDialog", "{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return translate("ImportDialog", "{minutes} min {seconds:02d} s").format(
            minutes=minutes, seconds=seconds
        )
    hours, minutes = divmod(minutes, 60)
    return translate("ImportDialog", "{hours} h {minutes:02d} min").format(
        hours=hours, minutes=minutes
    )


_DELIMITERS: Final = {
    ",": QT_TRANSLATE_NOOP("ImportDialog", "comma"),
    ";": QT_TRANSLATE_NOOP("ImportDialog", "semicolon"),
    "\t": QT_TRANSLATE_NOOP("ImportDialog", "tab"),
    "|": QT_TRANSLATE_NOOP("ImportDialog", "pipe"),
}
_FIELDS: Final = {
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name"),
    "email": QT_TRANSLATE_NOOP("ImportDialog", "Email"),
    "company": QT_TRANSLATE_NOOP("ImportDialog", "Company"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "Phone"),
    "tags": QT_TRANSLATE_NOOP("ImportDialog", "Tags"),
    "groups": QT_TRANSLATE_NOOP("ImportDialog", "Groups"),
}


def delimiter_name(delimiter: str) -> str:
    name = _DELIMITERS.get(delimiter)
    return translated(name) if name is not None else DELIMITER_NAMES[delimiter]


def target_label(target: ColumnTarget) -> str:
    """Where a column goes, in the app's language (``ColumnTarget.label`` is English)."""
    translate = QCoreApplication.translate
    if target.kind == "custom":
        return translate("ImportDialog", "Custom field “{key}”").format(key=target.key)
    if target.kind == "ignore":
        return translate("ImportDialog", "Ignore")
    field = _FIELDS.get(target.kind)
    return translated(field) if field is not None else target.label()


# ---------------------------------------------------------------------- models
class PreviewModel(QAbstractTableModel):
    """The first rows of the file; each header says where its column goes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._header: tuple[str, ...] = ()
        self._rows: tuple[tuple[str, ...], ...] = ()
        self._mapping: ColumnMapping | None = None

    def set_file(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._header = tuple(header)
        self._rows = tuple(tuple(r) for r in rows)
        self.endResetModel()

    def set_mapping(self, mapping: ColumnMapping) -> None:
        self._mapping = mapping
        if self._header:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._header) - 1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 2) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self._header):
            return None
        title = self._header[section] or self.tr("Column {number}").format(number=section + 1)
        if self._mapping is None or section >= len(self._mapping.targets):
            return title
        return f"{title}\n→ {target_label(self._mapping.targets[section])}"


class _HeadedTableModel(QAbstractTableModel):
    """A table with fixed, titled columns over a tuple of rows."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return translated(self.HEADERS[section])
        return None


class IssuesModel(_HeadedTableModel):
    """Rows the validation (or the server) found something about: row, email, why."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportDialog", "Row"),
        QT_TRANSLATE_NOOP("ImportDialog", "Email"),
        QT_TRANSLATE_NOOP("ImportDialog", "Reason"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._issues: tuple[RowIssue, ...] = ()
        self._reasons: dict[str, str] = {}  # stored reason -> in the app's language

    def set_issues(self, issues: Sequence[RowIssue]) -> None:
        self.beginResetModel()
        self._issues = tuple(issues)
        self._count = len(self._issues)
        self._reasons.clear()
        self.endResetModel()

    def reason(self, row: int) -> str:
        """Row ``row``'s reason in the app's language (rows keep it in English)."""
        stored = self._issues[row].reason
        said = self._reasons.get(stored)
        if said is None:
            said = self._reasons[stored] = translated(reason_message(stored))
        return said

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        issue = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 2:
                return self.reason(index.row())
            return (str(issue.line), issue.email)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


JobIdRole: Final = Qt.ItemDataRole.UserRole + 1
ResumableRole: Final = Qt.ItemDataRole.UserRole + 2
STATE_NAMES: Final = {
    "ready": QT_TRANSLATE_NOOP("ImportDialog", "Not started"),
    "running": QT_TRANSLATE_NOOP("ImportDialog", "Running"),
    "interrupted": QT_TRANSLATE_NOOP("ImportDialog", "Interrupted"),
    "cancelled": QT_TRANSLATE_NOOP("ImportDialog", "Cancelled"),
    "finished": QT_TRANSLATE_NOOP("ImportDialog", "Finished"),
}


class JobsModel(_HeadedTableModel):
    """Past and current imports with their state and counts."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportDialog", "File"),
        QT_TRANSLATE_NOOP("ImportDialog", "Started"),
        QT_TRANSLATE_NOOP("ImportDialog", "State"),
        QT_TRANSLATE_NOOP("ImportDialog", "Done"),
        QT_TRANSLATE_NOOP("ImportDialog", "Failed"),
        QT_TRANSLATE_NOOP("ImportDialog", "Skipped"),
        QT_TRANSLATE_NOOP("ImportDialog", "Total"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs: tuple[ImportJob, ...] = ()
        self._running: frozenset[int] = frozenset()

    def set_jobs(self, jobs: Sequence[ImportJob], running: frozenset[int] = frozenset()) -> None:
        self.beginResetModel()
        self._jobs = tuple(jobs)
        self._count = len(self._jobs)
        self._running = running
        self.endResetModel()

    def job(self, row: int) -> ImportJob | None:
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self._jobs[index.row()]
        if role == JobIdRole:
            return job.id
        if role == ResumableRole:
            # 0 or 1 rather than a bool: a bool through a QVariant has upset PySide's
            # reference counts at interpreter exit.
            return int(job.resumable and job.id not in self._running)
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        c = job.counts
        column = index.column()
        if column == 0:
            return job.file_name
        if column == 1:
            return job.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == 2:
            state = "running" if job.id in self._running else job.state
            return translated(STATE_NAMES.get(state, state))
        return number((c.done, c.failed, c.skipped, c.total)[column - 3])


def _table(name: str, model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _named(widget: QWidget, name: str, accessible: str) -> Any:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


# ---------------------------------------------------------------------- pages
class FilePage(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose a CSV file"))
        self.setSubTitle(
            self.tr("The first row names the columns. Nothing is sent before you confirm.")
        )
        self.path = _named(QLineEdit(), "importFilePath", self.tr("CSV file"))
        self.path.setPlaceholderText(self.tr("contacts.csv"))
        browse = _named(QPushButton(self.tr("Browse…")), "importBrowse", self.tr("Choose a file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.encoding = _named(QComboBox(), "importEncoding", self.tr("Encoding"))
        for code in ENCODINGS:
            self.encoding.addItem(translated(ENCODING_NAMES[code]), code)
        self.delimiter = _named(QComboBox(), "importDelimiter", self.tr("Delimiter"))
        for d in DELIMITERS:
            self.delimiter.addItem(delimiter_name(d).capitalize(), d)
        self.info = _named(QLabel(""), "importFileInfo", self.tr("About the file"))
        self.info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Delimiter"), self.delimiter)
        form.addRow("", self.info)

        self.jobs_view = _table("importJobs", wizard.jobs_model)
        self.jobs_view.setAccessibleName(self.tr("Past imports"))
        self.jobs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resume = _named(
            QPushButton(self.tr("Resume")), "importResume", self.tr("Resume the selected import")
        )
        self.resume.setEnabled(False)
        self.resume.clicked.connect(self._resume)
        self.jobs_view.selectionModel().selectionChanged.connect(self._job_selected)
        wizard.jobs_model.modelReset.connect(self._job_selected)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Past imports")))
        layout.addWidget(self.jobs_view, 1)
        layout.addWidget(self.resume, 0, Qt.AlignmentFlag.AlignRight)

        self.path.editingFinished.connect(lambda: self.w.load(None))
        self.encoding.activated.connect(lambda _i: self.w.load(self._format()))
        self.delimiter.activated.connect(lambda _i: self.w.load(self._format()))

    def _format(self) -> CsvFormat:
        return CsvFormat(str(self.encoding.currentData()), str(self.delimiter.currentData()))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import contacts"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if name:
            self.path.setText(name)
            self.w.load(None)

    def show_inspection(self, inspection: Inspection | None, error: str = "") -> None:
        if inspection is None:
            self.info.setText(error)
        else:
            for combo, value in (
                (self.encoding, inspection.format.encoding),
                (self.delimiter, inspection.format.delimiter),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.info.setText(
                self.tr("{rows} rows, {columns} columns: ").format(
                    rows=number(inspection.rows), columns=len(inspection.header)
                )
                + ", ".join(h or self.tr("(unnamed)") for h in inspection.header[:8])
                + ("…" if len(inspection.header) > 8 else "")
            )
        self.completeChanged.emit()

    def _selected_job(self) -> int | None:
        rows = self.jobs_view.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0]
        return int(index.data(JobIdRole)) if index.data(ResumableRole) else None

    def _job_selected(self, *_args: object) -> None:
        self.resume.setEnabled(self._selected_job() is not None)

    def _resume(self) -> None:
        job_id = self._selected_job()
        if job_id is not None:
            self.w.resume_job(job_id)

    def isComplete(self) -> bool:
        return self.w.inspection is not None and self.w.inspection.rows > 0

    def nextId(self) -> int:
        return PAGE_RUN if self.w.job_id is not None else PAGE_MAPPING


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(
            self.tr(
                "Pick a column, then the field it fills. Columns not named after a field "
                "become custom fields."
            )
        )
        self.column = _named(QComboBox(), "importMappingColumn", self.tr("Column of the file"))
        self.target = _named(QComboBox(), "importMappingTarget", self.tr("Field it fills"))
        self.target.addItem(self.tr("Ignore"), "ignore")
        for kind in STANDARD:
            self.target.addItem(target_label(ColumnTarget(kind)), kind)
        self.target.addItem(self.tr("Custom field"), "custom")
        self.key = _named(QLineEdit(), "importMappingKey", self.tr("Custom field name"))
        self.separator = _named(
            QComboBox(), "importSeparator", self.tr("Separator of tags and groups")
        )
        for s in SEPARATORS:
            self.separator.addItem(f"{s}  ({delimiter_name(s)})", s)
        self.problems = _named(QLabel(""), "importMappingProblems", self.tr("Mapping problems"))
        self.problems.setWordWrap(True)
        self.preview = _table("importPreviewTable", wizard.preview_model)
        self.preview.setAccessibleName(self.tr("The first rows of the file"))
        self.preview.horizontalHeader().setStretchLastSection(False)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.column, 1)
        row.addWidget(QLabel("→"))
        row.addWidget(self.target, 1)
        row.addWidget(self.key, 1)
        form.addRow(self.tr("Column"), row)
        form.addRow(self.tr("Tags and groups separated by"), self.separator)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.preview, 1)

        self.column.currentIndexChanged.connect(self._show_column)
        self.target.activated.connect(lambda _i: self._apply())
        self.key.editingFinished.connect(self._apply)
        self.separator.activated.connect(lambda _i: self._apply())
        self.preview.horizontalHeader().sectionClicked.connect(self.column.setCurrentIndex)

    def initializePage(self) -> None:
        inspection = self.w.inspection
        assert inspection is not None
        self.column.blockSignals(True)
        self.column.clear()
        for i, title in enumerate(inspection.header):
            self.column.addItem(title or self.tr("Column {number}").format(number=i + 1), i)
        self.column.blockSignals(False)
        self.separator.setCurrentIndex(max(0, self.separator.findData(self.w.mapping.separator)))
        self.column.setCurrentIndex(0)
        self._show_column(0)
        self._refresh()

    def _show_column(self, index: int) -> None:
        if not 0 <= index < len(self.w.mapping.targets):
            return
        target = self.w.mapping.targets[index]
        self.target.setCurrentIndex(max(0, self.target.findData(target.kind)))
        self.key.setText(target.key)
        self.key.setEnabled(target.kind == "custom")

    def _apply(self) -> None:
        index = self.column.currentIndex()
        if index < 0:
            return
        kind = str(self.target.currentData())
        key = self.key.text().strip() if kind == "custom" else ""
        if kind == "custom" and not key:
            key = self.column.currentText()[:64]
            self.key.setText(key)
        self.key.setEnabled(kind == "custom")
        mapping = self.w.mapping.replace(index, ColumnTarget(kind, key))  # type: ignore[arg-type]
        self.w.mapping = ColumnMapping(mapping.targets, str(self.separator.currentData()))
        self._refresh()

    def _refresh(self) -> None:
        self.w.preview_model.set_mapping(self.w.mapping)
        self.problems.setText(" ".join(translated(p) for p in self.w.mapping.problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.w.mapping.problems()


class ValidationPage(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check before sending"))
        self.counts = _named(
            QLabel(self.tr("Checking every row…")), "importCounts", self.tr("What the check found")
        )
        self.counts.setWordWrap(True)
        self.update_existing = _named(
            QRadioButton(self.tr("Update contacts the workspace already has")),
            "importPolicyUpdate",
            self.tr("Update existing contacts"),
        )
        self.skip_existing = _named(
            QRadioButton(self.tr("Skip rows whose email the workspace already has")),
            "importPolicySkip",
            self.tr("Skip existing contacts"),
        )
        self.update_existing.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.update_existing)
        group.addButton(self.skip_existing)
        self.issues = _table("importIssues", wizard.issues_model)
        self.issues.setAccessibleName(self.tr("Rows with problems"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.update_existing)
        layout.addWidget(self.skip_existing)
        layout.addWidget(self.issues, 1)

    def initializePage(self) -> None:
        self.w.preview = None
        self.counts.setText(self.tr("Checking every row…"))
        self.w.issues_model.set_issues(())
        self.w.validate()

    def show_preview(self, preview: Preview | None, error: str = "") -> None:
        if preview is None:
            self.counts.setText(error)
        else:
            self.counts.setText(
                self.tr(
                    "{total} rows: {new} new, {existing} already in the workspace, "
                    "{duplicates} repeated in the file (skipped), {bad} with problems (not "
                    "sent)."
                ).format(
                    total=number(preview.total),
                    new=number(preview.new),
                    existing=number(preview.existing),
                    duplicates=number(preview.duplicates),
                    bad=number(preview.bad),
                )
            )
            issues = [*preview.bad_rows, *preview.duplicate_rows, *preview.existing_rows]
            self.w.issues_model.set_issues(sorted(issues, key=lambda i: i.line)[:10_000])
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.preview is not None

    def validatePage(self) -> bool:
        self.w.policy = "skip" if self.skip_existing.isChecked() else "update"
        return True


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Importing"))
        self.setCommitPage(True)
        self.bar = _named(QProgressBar(), "importProgress", self.tr("Import progress"))
        self.status = _named(QLabel(self.tr("Starting…")), "importStatus", self.tr("Import status"))
        self.rate = _named(QLabel(""), "importRate", self.tr("Rate and time left"))
        self.cancel = _named(
            QPushButton(self.tr("Cancel import")), "importCancel", self.tr("Cancel the import")
        )
        self.cancel.clicked.connect(self.w.cancel_job)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.rate)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.cancel.setEnabled(True)
        self.w.start_job()

    def show_progress(self, p: ImportProgress) -> None:
        self.bar.setMaximum(max(p.total, 1))
        self.bar.setValue(p.finished)
        self.status.setText(
            self.tr(
                "{finished} of {total}: {done} imported, {failed} failed, {skipped} skipped"
            ).format(
                finished=number(p.finished),
                total=number(p.total),
                done=number(p.done),
                failed=number(p.failed),
                skipped=number(p.skipped),
            )
        )
        waiting = (
            self.tr(" — the server asked to slow down; next try in {duration}").format(
                duration=duration(p.paused_for)
            )
            if p.paused_for > 0.5
            else ""
        )
        self.rate.setText(
            self.tr("{rate} rows per second, about {duration} left{waiting}").format(
                rate=number(round(p.rate)), duration=duration(p.seconds_left), waiting=waiting
            )
        )

    def isComplete(self) -> bool:
        return self.w.report is not None


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import report"))
        self.summary = _named(QLabel(""), "importReport", self.tr("Import report"))
        self.summary.setWordWrap(True)
        self.save = _named(
            QPushButton(self.tr("Save failed rows as CSV…")),
            "importSaveFailed",
            self.tr("Save failed rows as CSV"),
        )
        self.save.clicked.connect(self.w.save_failed_rows)
        self.failed = _table("importFailedRows", wizard.failed_model)
        self.failed.setAccessibleName(self.tr("Rows that failed"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.failed, 1)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)

    def initializePage(self) -> None:
        report = self.w.report
        if report is None:
            return
        c = report.counts
        if report.state == "finished":
            state = self.tr("The import is finished.")
        elif report.state == "cancelled":
            state = self.tr("The import was cancelled; resume it from the list of past imports.")
        elif report.state == "interrupted":
            state = self.tr("The import stopped: {why}").format(
                why=report.last_error or self.tr("it can be resumed from the list of past imports.")
            )
        else:
            state = report.state
        self.summary.setText(
            self.tr(
                "{state}\n{created} created, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped, {failed} failed, {unfinished} not sent yet (of {total})."
            ).format(
                state=state,
                created=number(c.created),
                updated=number(c.updated),
                unchanged=number(c.unchanged),
                skipped=number(c.skipped),
                failed=number(c.failed),
                unfinished=number(c.unfinished),
                total=number(c.total),
            )
        )
        self.save.setEnabled(c.failed > 0)
        self.w.failed_model.set_issues(self.w.service.failed_rows(report.job_id))


# ---------------------------------------------------------------------- the wizard
class ImportDialog(QWizard):
    """``ImportDialog(workspace, parent)``; ``open()`` it. Closing it while a job runs
    cancels the job, which stays resumable from the list of past imports."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        service: ContactCsvService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactsImportDialog")
        self.setAccessibleName(self.tr("Import contacts"))
        self.setWindowTitle(self.tr("Import contacts from CSV"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(820, 600)
        self.workspace = workspace
        self.service = service or service_for(workspace)
        # Asks where to save the failed rows; tests put a function of their own here.
        self.ask_save_path: Callable[[], str | None] = self._ask_save_path

        self.inspection: Inspection | None = None
        self.mapping = ColumnMapping(())
        self.preview: Preview | None = None
        self.policy: str = "update"
        self.job_id: int | None = None
        self.report: ImportReport | None = None
        self.last_progress: ImportProgress | None = None
        self._load_task: asyncio.Task[None] | None = None
        self._validate_task: asyncio.Task[None] | None = None
        self._job_task: asyncio.Task[None] | None = None

        self.preview_model = PreviewModel(self)
        self.issues_model = IssuesModel(self)
        self.failed_model = IssuesModel(self)
        self.jobs_model = JobsModel(self)

        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.validation_page = ValidationPage(self)
        self.run_page = RunPage(self)
        self.report_page = ReportPage(self)
        for page_id, page in enumerate(
            (
                self.file_page,
                self.mapping_page,
                self.validation_page,
                self.run_page,
                self.report_page,
            )
        ):
            self.setPage(page_id, page)
        self.setStartId(PAGE_FILE)
        self.refresh_jobs()
        # Through the bridge: the hub may publish from the sync writer's thread.
        self._changes = ChangeBridge(workspace.changes, self)
        self._changes.changed.connect(self._on_change)
        self.finished.connect(self._closed)

    # ------------------------------------------------------------------ file
    def set_file(self, path: str | Path) -> None:
        """As if the person had typed or chosen ``path``."""
        self.file_page.path.setText(str(path))
        self.load(None)

    def load(self, fmt: CsvFormat | None) -> None:
        """Inspect the file (format detected when ``fmt`` is None); the newest request wins."""
        text = self.file_page.path.text().strip()
        current = self.inspection
        if current is not None and current.path == Path(text) and fmt in (None, current.format):
            return  # focus leaving the path field says "done editing" without a change
        self.inspection = None
        self.file_page.completeChanged.emit()
        if self._load_task is not None:
            self._load_task.cancel()
        if not text:
            self.file_page.show_inspection(None, "")
            return
        self.file_page.info.setText(self.tr("Reading the file…"))
        self._load_task = spawn(self._load(Path(text), fmt), name="csv-inspect")

    async def _load(self, path: Path, fmt: CsvFormat | None) -> None:
        try:
            inspection = await self.service.inspect(path, fmt)
        except (OSError, UnicodeError, ValueError) as exc:
            self.file_page.show_inspection(
                None, self.tr("The file could not be read: {error}").format(error=exc)
            )
            return
        if not inspection.header:
            self.file_page.show_inspection(None, self.tr("The file is empty."))
            return
        self.inspection = inspection
        self.mapping = inspection.mapping
        self.preview_model.set_file(inspection.header, inspection.sample)
        self.preview_model.set_mapping(self.mapping)
        self.file_page.show_inspection(inspection)

    # ------------------------------------------------------------------ validation
    def validate(self) -> None:
        if self._validate_task is not None:
            self._validate_task.cancel()
        self._validate_task = spawn(self._validate(), name="csv-validate")

    async def _validate(self) -> None:
        assert self.inspection is not None
        try:
            preview = await self.service.preview(self.inspection, self.mapping)
        except (OSError, UnicodeError, ValueError) as exc:
            self.validation_page.show_preview(
                None, self.tr("The file could not be read: {error}").format(error=exc)
            )
            return
        self.preview = preview
        self.validation_page.show_preview(preview)

    # ------------------------------------------------------------------ the job
    def resume_job(self, job_id: int) -> None:
        """From the list of past imports: straight to the running page."""
        self.job_id = job_id
        self.next()

    def start_job(self) -> None:
        self.report = None
        self._job_task = spawn(self._run_job(), name="csv-import")

    async def _run_job(self) -> None:
        try:
            if self.job_id is None:
                assert self.preview is not None
                policy: Policy = "skip" if self.policy == "skip" else "update"
                self.run_page.status.setText(self.tr("Saving the rows to send…"))
                self.job_id = await self.service.create_job(self.preview, policy)
            self.report = await self.service.run(self.job_id, self._progress)
        finally:
            self.run_page.cancel.setEnabled(False)
            self.refresh_jobs()
        self.run_page.completeChanged.emit()
        if self.currentId() == PAGE_RUN:
            self.next()

    def _progress(self, progress: ImportProgress) -> None:
        self.last_progress = progress
        self.run_page.show_progress(progress)

    def cancel_job(self) -> None:
        if self.job_id is not None:
            self.service.cancel(self.job_id)
            self.run_page.status.setText(self.tr("Cancelling…"))
            self.run_page.cancel.setEnabled(False)

    # ------------------------------------------------------------------ report
    def _ask_save_path(self) -> str | None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save failed rows"),
            self.tr("failed-rows.csv"),
            self.tr("CSV files (*.csv)"),
        )
        return name or None

    def save_failed_rows(self) -> None:
        if self.report is None:
            return
        path = self.ask_save_path()
        if path:
            # In the app's language, like the report it comes from.
            count = self.service.save_failed_rows(self.report.job_id, path, say=translated)
            self.report_page.summary.setText(
                self.report_page.summary.text()
                + "\n"
                + counted(self.tr("%Ln failed row(s) saved to {path}.", "", count), count).format(
                    path=path
                )
            )

    # ------------------------------------------------------------------ past imports
    def refresh_jobs(self) -> None:
        running = frozenset(j.id for j in self.service.jobs() if self.service.is_running(j.id))
        self.jobs_model.set_jobs(self.service.jobs(), running)

    def _on_change(self, names: frozenset[str]) -> None:
        if "contact_imports" in names and self.currentId() == PAGE_FILE:
            self.refresh_jobs()

    def _closed(self, _result: int) -> None:
        self._changes.close()
        for task in (self._load_task, self._validate_task):
            if task is not None:
                task.cancel()
        if self.job_id is not None and self.service.is_running(self.job_id):
            self.service.cancel(self.job_id)
