"""Item models of the Tags & Groups pane: thin, over rows the admin service reads.

Tags and groups are small lists, read whole. A group's members can run to the
thousands, so that model holds ids only and reads contact rows for the window
the view paints, a block at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store.contacts import ContactRow
from mailtrixy_desktop.store.tags_groups import GroupRow, TagRow
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.i18n import translated

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# Named roles (DESIGN.md: never bare numbers).
IdRole = Qt.ItemDataRole.UserRole + 1
CountRole = Qt.ItemDataRole.UserRole + 2
ColorRole = Qt.ItemDataRole.UserRole + 3
PendingRole = Qt.ItemDataRole.UserRole + 4
DescriptionRole = Qt.ItemDataRole.UserRole + 5
EmailRole = Qt.ItemDataRole.UserRole + 6
NameRole = Qt.ItemDataRole.UserRole + 7


def plural(count: int, one: str, many: str | None = None) -> str:
    return count_text(count, one, many)


def tag_count(row: TagRow) -> int:
    # The server's count covers contacts the cache may not hold; the cache's follows
    # local tagging at once. The larger never understates what a delete touches.
    return max(row.contacts_count, row.cached_contacts)


def group_count(row: GroupRow) -> int:
    return max(row.members_count, row.cached_members)


class _RowsModel(QAbstractListModel):
    """A list of frozen rows with an ``id``; a reload keeps the rows' identity when it can."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            # Same rows in the same order (a rename that kept its place, a count):
            # repaint without a reset, so the selection and scroll stay put.
            changed = [i for i, (a, b) in enumerate(zip(self._rows, rows, strict=True)) if a != b]
            self._rows = rows
            if changed:
                self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == item_id), -1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _valid(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows) and index.column() == 0


class TagsModel(_RowsModel):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        row: TagRow = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, NameRole):
            return row.name
        if role == IdRole:
            return row.id
        if role == CountRole:
            return tag_count(row)
        if role == ColorRole:
            color = QColor(row.color or "")
            return color if color.isValid() else None
        if role == PendingRole:
            return row.pending
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tr("{name} — on {contacts}").format(
                name=row.name, contacts=plural(tag_count(row), "contact")
            )
            return text + (self.tr(" (not sent yet)") if row.pending else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {plural(tag_count(row), 'contact')}"
        return None


class GroupsModel(_RowsModel):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        row: GroupRow = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, NameRole):
            return row.name
        if role == IdRole:
            return row.id
        if role == CountRole:
            return group_count(row)
        if role == DescriptionRole:
            return row.description or ""
        if role == PendingRole:
            return row.pending
        if role == Qt.ItemDataRole.ToolTipRole:
            text = row.name + (f"\n{row.description}" if row.description else "")
            return text + (self.tr(" (not sent yet)") if row.pending else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {plural(group_count(row), 'member')}"
        return None


RowsReader = Callable[[Iterable[int]], Mapping[int, ContactRow]]


class MembersModel(QAbstractTableModel):
    """A group's members: ids held, rows read from the cache a block at a time."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("MembersModel", "Name"),
        QT_TRANSLATE_NOOP("MembersModel", "Email"),
    )
    BLOCK: ClassVar[int] = 200

    def __init__(self, read_rows: RowsReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read_rows = read_rows
        self._ids: list[int] = []
        self._rows: dict[int, ContactRow] = {}
        self._blocks: set[int] = set()

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self._blocks.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Read the rows again (a contact changed) without a reset: scroll and selection stay."""
        self._rows.clear()
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1)
            )

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return translated(self.COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _row(self, row: int) -> ContactRow | None:
        contact_id = self._ids[row]
        found = self._rows.get(contact_id)
        if found is None:
            block = row // self.BLOCK
            if block not in self._blocks:
                self._blocks.add(block)
                window = self._ids[block * self.BLOCK : (block + 1) * self.BLOCK]
                self._rows.update(self._read_rows(window))
                found = self._rows.get(contact_id)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            NameRole,
            EmailRole,
        ):
            return None
        contact = self._row(index.row())
        if contact is None:
            return None
        if role == NameRole:
            return contact.name
        if role == EmailRole:
            return contact.email
        return contact.name if index.column() == 0 else contact.email
