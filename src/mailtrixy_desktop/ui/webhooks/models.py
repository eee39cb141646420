"""The webhooks list model: thin, over the rows the admin service reads from the cache.

A workspace has a handful of webhooks, so the rows are read whole; a reload that
keeps the same ids in the same order repaints without a reset, so the selection
and scroll position stay where the person left them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mailtrixy_desktop.store.webhooks import WebhookRow

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# Named roles (DESIGN.md: never bare numbers).
IdRole = Qt.ItemDataRole.UserRole + 1
UrlRole = Qt.ItemDataRole.UserRole + 2
EventsRole = Qt.ItemDataRole.UserRole + 3  # tuple[str, ...]
EventsTextRole = Qt.ItemDataRole.UserRole + 4  # "contact.created, deal.won +3"
ActiveRole = Qt.ItemDataRole.UserRole + 5
PendingRole = Qt.ItemDataRole.UserRole + 6

EVENTS_SHOWN = 2


def events_summary(events: Sequence[str], shown: int = EVENTS_SHOWN) -> str:
    """The first events by name and how many more: "contact.created, deal.won +3"."""
    if not events:
        return QCoreApplication.translate("WebhooksModel", "No events")
    head = ", ".join(events[:shown])
    rest = len(events) - shown
    return f"{head} +{rest}" if rest > 0 else head


def status_text(row: WebhookRow) -> str:
    if row.pending:
        return QCoreApplication.translate("WebhooksModel", "Deleting…")
    if row.is_active:
        return QCoreApplication.translate("WebhooksModel", "Active")
    return QCoreApplication.translate("WebhooksModel", "Paused")


class WebhooksModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[WebhookRow] = []

    def set_rows(self, rows: Sequence[WebhookRow]) -> None:
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            changed = [i for i, (a, b) in enumerate(zip(self._rows, rows, strict=True)) if a != b]
            self._rows = rows
            if changed:
                self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> WebhookRow:
        return self._rows[row]

    def row_of(self, webhook_id: int) -> int:
        """The row showing ``webhook_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == webhook_id), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, UrlRole):
            return row.url
        if role == IdRole:
            return row.id
        if role == EventsRole:
            return row.events
        if role == EventsTextRole:
            return events_summary(row.events)
        if role == ActiveRole:
            return row.is_active
        if role == PendingRole:
            return row.pending
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.url}\n{status_text(row)} · " + (
                "\n".join(row.events) if row.events else self.tr("no events")
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{url}, {status}, events: {events}").format(
                url=row.url,
                status=status_text(row),
                events=", ".join(row.events) or self.tr("none"),
            )
        return None
