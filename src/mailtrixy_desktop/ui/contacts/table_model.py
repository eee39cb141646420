"""The contacts table's item model: ordered ids, rows read from the cache in windows.

DESIGN.md, "Thin item models": the model holds the ids a query produced (up to
100,000 of them) and reads the rows it is asked to paint from the cache, 100 at
a time, keeping a few windows; ``data()`` does nothing dearer than that cache
read. Which ids, in which order, is the pane's business (``query_ids``, run off
the UI thread); a click on a header only asks for a new order (``sortRequested``).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from mailtrixy_desktop.api.models import CustomValue
from mailtrixy_desktop.store import contact_lists
from mailtrixy_desktop.store.contacts import ContactRow
from mailtrixy_desktop.store.database import Queryable
from mailtrixy_desktop.store.search import fts_query

# Named roles (never bare numbers in views or delegates). Plain ints: data() runs
# thousands of times per paint, and comparing an int with a Qt enum member goes
# through Python's enum machinery every time.
_USER: Final = int(Qt.ItemDataRole.UserRole)
ContactIdRole: Final = _USER + 1  # int
ContactRowRole: Final = _USER + 2  # ContactRow
TagChipsRole: Final = _USER + 3  # tuple[(name, colour or None), ...]
GroupChipsRole: Final = _USER + 4  # tuple[str, ...] or None (not fetched)
PendingRole: Final = _USER + 5  # bool: a local change waits in the outbox
ColumnKeyRole: Final = _USER + 6  # header: the column's key
CustomColumnRole: Final = _USER + 7  # header: bool, a custom field column

_DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
_FONT: Final = int(Qt.ItemDataRole.FontRole)
_ALIGN: Final = int(Qt.ItemDataRole.TextAlignmentRole)
# The roles data() answers; a view asks for a dozen per cell, most of them unused here.
_ANSWERED: Final = frozenset(
    {
        _DISPLAY,
        _TOOLTIP,
        _FONT,
        _ALIGN,
        ContactIdRole,
        ContactRowRole,
        TagChipsRole,
        GroupChipsRole,
        PendingRole,
    }
)
_RIGHT: Final = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS: Final = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)

WINDOW = 100  # rows read per query
WINDOWS_KEPT = 24  # a few screens either way of the one shown

CUSTOM_PREFIX = "custom:"
BASE_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("name", "Name"),
    ("email", "Email"),
    ("company", "Company"),
    ("phone", "Phone"),
    ("tags", "Tags"),
    ("groups", "Groups"),
    ("created", "Created"),
    ("updated", "Updated"),
)
# Columns the store orders through an index, by the store's name for the order.
_INDEXED_SORTS: Final[dict[str, contact_lists.ContactSort]] = {
    "name": "name",
    "email": "email",
    "company": "company",
    "created": "created_at",
    "updated": "updated_at",
}
_EXTRA_SORTS: Final[dict[str, contact_lists.ExtraSort]] = {
    "phone": "phone",
    "tags": "tags",
    "groups": "groups",
}

RowReader = Callable[[Sequence[int]], Mapping[int, ContactRow]]


@dataclass(frozen=True)
class ContactQuery:
    """What the table shows: the filters and the order."""

    search: str = ""
    tag_id: int | None = None
    group_id: int | None = None
    sort_key: str = "name"  # a column key
    descending: bool = False

    @property
    def filtered(self) -> bool:
        return fts_query(self.search) is not None or (
            self.tag_id is not None or self.group_id is not None
        )


def query_ids(store: Queryable, query: ContactQuery) -> list[int]:
    """The ids ``query`` shows, in order. Safe on any thread with its own connection."""
    search = query.search or None
    if query.sort_key in _INDEXED_SORTS:
        return contact_lists.contact_ids(
            store,
            search=search,
            tag_id=query.tag_id,
            group_id=query.group_id,
            sort=_INDEXED_SORTS[query.sort_key],
            descending=query.descending,
        )
    # Orders without an index: the matching ids, then that column's remembered order.
    matching: list[int] | None = None
    if query.filtered:
        matching = contact_lists.contact_ids(
            store, search=search, tag_id=query.tag_id, group_id=query.group_id
        )
    if query.sort_key.startswith(CUSTOM_PREFIX):
        return contact_lists.order_by_extra(
            store,
            matching,
            custom_field=query.sort_key.removeprefix(CUSTOM_PREFIX),
            descending=query.descending,
        )
    return contact_lists.order_by_extra(
        store,
        matching,
        sort=_EXTRA_SORTS.get(query.sort_key, "phone"),
        descending=query.descending,
    )


def format_moment(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%d %b %Y")


def format_custom(value: CustomValue) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return str(value)


class ContactsTableModel(QAbstractTableModel):
    """Rows are ``ids()`` in order; columns the base fields, then one per custom field."""

    sortRequested = Signal(str, bool)  # column key, descending

    def __init__(self, read_rows: RowReader, parent: Any = None) -> None:
        super().__init__(parent)
        self._read_rows = read_rows
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None  # built when first asked
        self._windows: OrderedDict[int, Mapping[int, ContactRow]] = OrderedDict()
        self._shown: dict[int, tuple[list[str], QFont | None]] = {}  # row -> texts, font
        self._custom: list[str] = []
        self._tag_colors: dict[int, str | None] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self.sort_key = "name"
        self.descending = False

    # ------------------------------------------------------------------ shape
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BASE_COLUMNS) + len(self._custom)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def column_key(self, column: int) -> str:
        if column < len(BASE_COLUMNS):
            return BASE_COLUMNS[column][0]
        return CUSTOM_PREFIX + self._custom[column - len(BASE_COLUMNS)]

    def column_of(self, key: str) -> int:
        """The column of ``key``, or -1."""
        for i, (base, _title) in enumerate(BASE_COLUMNS):
            if base == key:
                return i
        if key.startswith(CUSTOM_PREFIX) and key[len(CUSTOM_PREFIX) :] in self._custom:
            return len(BASE_COLUMNS) + self._custom.index(key[len(CUSTOM_PREFIX) :])
        return -1

    def custom_fields(self) -> list[str]:
        return list(self._custom)

    # ------------------------------------------------------------------ ids
    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, contact_id: int) -> int:
        """The row showing ``contact_id``, or -1."""
        if self._row_of is None:
            self._row_of = {cid: row for row, cid in enumerate(self._ids)}
        return self._row_of.get(contact_id, -1)

    def set_ids(self, ids: list[int]) -> None:
        """Show these ids; the rows are read again when painted."""
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._windows.clear()
        self._shown.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Same ids, but their rows may have changed in the cache: read them again."""
        self._windows.clear()
        self._shown.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )

    def set_tag_colors(self, colors: Mapping[int, str | None]) -> None:
        self._tag_colors = dict(colors)
        column = self.column_of("tags")
        if self._ids:
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self._ids) - 1, column), [TagChipsRole]
            )

    def set_custom_fields(self, names: Sequence[str]) -> None:
        """One column per custom field name; columns that stay keep their place."""
        wanted = list(dict.fromkeys(names))
        if wanted != self._custom:
            self._shown.clear()
        for name in reversed(list(self._custom)):
            if name not in wanted:
                column = len(BASE_COLUMNS) + self._custom.index(name)
                self.beginRemoveColumns(QModelIndex(), column, column)
                self._custom.remove(name)
                self.endRemoveColumns()
        new = [name for name in wanted if name not in self._custom]
        if new:
            first = len(BASE_COLUMNS) + len(self._custom)
            self.beginInsertColumns(QModelIndex(), first, first + len(new) - 1)
            self._custom.extend(new)
            self.endInsertColumns()

    # ------------------------------------------------------------------ rows
    def contact(self, row: int) -> ContactRow | None:
        """The cached row at ``row``, reading its window if it is not kept."""
        if not 0 <= row < len(self._ids):
            return None
        window = row // WINDOW
        rows = self._windows.get(window)
        if rows is None:
            start = window * WINDOW
            rows = self._read_rows(self._ids[start : start + WINDOW])
            self._windows[window] = rows
            while len(self._windows) > WINDOWS_KEPT:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(window)
        return rows.get(self._ids[row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == ContactIdRole:
            return self.id_at(row)
        if role in (_DISPLAY, _FONT):
            # Every cell's text and font, asked on every paint: made once per row.
            shown = self._shown.get(row)
            if shown is None:
                shown = self._make_shown(row)
                if shown is None:
                    return None
            return shown[0][column] if role == _DISPLAY else shown[1]
        contact = self.contact(row)
        if contact is None:
            return None
        if role == _ALIGN:
            if column < len(BASE_COLUMNS):
                return None
            value = (contact.custom_fields or {}).get(self._custom[column - len(BASE_COLUMNS)])
            if isinstance(value, int | float) and not isinstance(value, bool):
                return _RIGHT
            return None
        if role == ContactRowRole:
            return contact
        if role == PendingRole:
            return contact.pending
        if role == TagChipsRole:
            return tuple((t.name, self._tag_colors.get(t.id)) for t in contact.tags)
        if role == GroupChipsRole:
            return None if contact.groups is None else tuple(g.name for g in contact.groups)
        # _TOOLTIP
        key = self.column_key(column)
        if contact.pending and key == "name":
            return f"{contact.name}: a change waits in the outbox"
        if key in ("created", "updated"):
            moment = contact.created_at if key == "created" else contact.updated_at
            return moment.astimezone().strftime("%Y-%m-%d %H:%M")
        return self._text(contact, key) or None

    def _make_shown(self, row: int) -> tuple[list[str], QFont | None] | None:
        contact = self.contact(row)
        if contact is None:
            return None
        if len(self._shown) > WINDOW * WINDOWS_KEPT:
            self._shown.clear()
        texts = [self._text(contact, self.column_key(c)) for c in range(self.columnCount())]
        shown = (texts, self._italic if contact.pending else None)
        self._shown[row] = shown
        return shown

    @staticmethod
    def _text(contact: ContactRow, key: str) -> str:
        if key == "name":
            return contact.name
        if key == "email":
            return contact.email
        if key == "company":
            return contact.company or ""
        if key == "phone":
            return contact.phone or ""
        if key == "tags":
            return ", ".join(t.name for t in contact.tags)
        if key == "groups":
            return "" if contact.groups is None else ", ".join(g.name for g in contact.groups)
        if key == "created":
            return format_moment(contact.created_at)
        if key == "updated":
            return format_moment(contact.updated_at)
        fields = contact.custom_fields or {}
        name = key[len(CUSTOM_PREFIX) :]
        return format_custom(fields[name]) if name in fields else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        key = self.column_key(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if key.startswith(CUSTOM_PREFIX):
                return key[len(CUSTOM_PREFIX) :]
            return BASE_COLUMNS[section][1]
        if role == ColumnKeyRole:
            return key
        if role == CustomColumnRole:
            return key.startswith(CUSTOM_PREFIX)
        if role == Qt.ItemDataRole.ToolTipRole and key.startswith(CUSTOM_PREFIX):
            return f"Custom field “{key[len(CUSTOM_PREFIX) :]}”"
        return None

    # ------------------------------------------------------------------ order
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the pane reads the ids again in the new order."""
        if not 0 <= column < self.columnCount():
            return
        self.sort_key = self.column_key(column)
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sortRequested.emit(self.sort_key, self.descending)
