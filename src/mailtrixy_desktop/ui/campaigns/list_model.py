"""The campaign list: whole rows from the cache (a workspace has tens of campaigns),
one per row, painted by ``CampaignDelegate``.

A new answer with the same ids in the same order is a ``dataChanged`` (the figures
of a send in progress), so the selection and the scroll position stay; anything
else is a reset, after which the pane selects the same campaign again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mailtrixy_desktop.store.campaigns import CampaignRow
from mailtrixy_desktop.ui.campaigns.formatting import (
    count_text,
    has_figures,
    rates,
    rates_tooltip,
    status_title,
    timing,
)

ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1  # the CampaignRow
ID_ROLE: Final = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE: Final = Qt.ItemDataRole.UserRole + 3

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def accessible_text(row: CampaignRow) -> str:
    parts = [row.name, status_title(row.status), row.subject, timing(row)]
    parts.append(count_text(row.recipients_count, "recipient"))
    if has_figures(row):
        parts += [f"{rate.title()} {rate.percent()}" for rate in rates(row)]
    return ", ".join(parts)


class CampaignListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CampaignRow] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def set_rows(self, rows: Sequence[CampaignRow]) -> bool:
        """Show ``rows``; True when it was a reset (the selection is gone)."""
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            changed = [
                i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
            ]
            self._rows = rows
            if changed:
                self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def row_at(self, row: int) -> CampaignRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def index_of(self, campaign_id: int) -> QModelIndex:
        for row, campaign in enumerate(self._rows):
            if campaign.id == campaign_id:
                return self.index(row)
        return QModelIndex()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}\n{row.subject}\n\n{rates_tooltip(row)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(row)
        return None


__all__ = ["ID_ROLE", "ROW_ROLE", "STATUS_ROLE", "CampaignListModel"]
