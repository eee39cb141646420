"""The contacts table's item model: ordered ids, rows read from the cache in windows.

DESIGN.md, "Thin item models": the model holds the ids a query produced (up to
100,000 of them) and reads the rows it is asked to paint from the cache, a
window of ``WINDOW`` at a time; ``data()`` does nothing dearer than that cache
read. Which ids, in which order, is the pane's business (``query_ids``, run off
the UI thread); a click on a header only asks for a new order (``sortRequested``).

Rows read, and the texts made from them, are kept by contact id, not by row: a
new search that shows some of the same contacts (typing on, or back) paints
them without reading or formatting them again. The owner says when the cache
may have changed (``set_ids(..., rows_changed=True)``, ``refresh_rows``) and
everything kept is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from mailtrixy_desktop.api.models import CustomValue
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store import contact_lists
from mailtrixy_desktop.store.contacts import ContactRow
from mailtrixy_desktop.store.database import Queryable
from mailtrixy_desktop.store.search import fts_query
from mailtrixy_desktop.ui.i18n import moment_text, translated

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
_SHOWN_ROLES: Final = frozenset({_DISPLAY, _FONT, _ALIGN})
_RIGHT: Final = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS: Final = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)

WINDOW = 32  # rows read per query: about a screenful, so a first paint reads no more
ROWS_KEPT = 4_000  # rows (and their texts) kept by id: many screens of recent searches

CUSTOM_PREFIX = "custom:"
BASE_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("name", QT_TRANSLATE_NOOP("ContactColumns", "Name")),
    ("email", QT_TRANSLATE_NOOP("ContactColumns", "Email")),
    ("company", QT_TRANSLATE_NOOP("ContactColumns", "Company")),
    ("phone", QT_TRANSLATE_NOOP("ContactColumns", "Phone")),
    ("tags", QT_TRANSLATE_NOOP("ContactColumns", "Tags")),
    ("groups", QT_TRANSLATE_NOOP("ContactColumns", "Groups")),
    ("created", QT_TRANSLATE_NOOP("ContactColumns", "Created")),
    ("updated", QT_TRANSLATE_NOOP("ContactColumns", "Updated")),
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
# What a row's cells show: texts and alignments by column, and the row's font.
_Shown = tuple[list[str], QFont | None, list[int | None]]


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
    return query_contact_ids(store, query).all()


def query_contact_ids(
    store: Queryable, query: ContactQuery, first: int | None = None
) -> contact_lists.ContactIds:
    """``query_ids`` as a ``ContactIds``: with ``first``, a large answer in an indexed
    order may come as its first ``first`` ids and its count, the rest made when asked."""
    search = query.search or None
    if query.sort_key in _INDEXED_SORTS:
        return contact_lists.ordered_contact_ids(
            store,
            search=search,
            tag_id=query.tag_id,
            group_id=query.group_id,
            sort=_INDEXED_SORTS[query.sort_key],
            descending=query.descending,
            first=first,
        )
    # Orders without an index: the matching ids, then that column's remembered order.
    matching: list[int] | None = None
    if query.filtered:
        matching = contact_lists.contact_ids(
            store, search=search, tag_id=query.tag_id, group_id=query.group_id
        )
    if query.sort_key.startswith(CUSTOM_PREFIX):
        ids = contact_lists.order_by_extra(
            store,
            matching,
            custom_field=query.sort_key.removeprefix(CUSTOM_PREFIX),
            descending=query.descending,
        )
    else:
        ids = contact_lists.order_by_extra(
            store,
            matching,
            sort=_EXTRA_SORTS.get(query.sort_key, "phone"),
            descending=query.descending,
        )
    return contact_lists.ContactIds(ids)


_MOMENTS: dict[dt.datetime, str] = {}  # a day shows the same on every row


def format_moment(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    text = _MOMENTS.get(moment)
    if text is None:
        if len(_MOMENTS) > 20_000:
            _MOMENTS.clear()
        text = _MOMENTS[moment] = moment_text(moment, "dd MMM yyyy")
    return text


def format_custom(value: CustomValue) -> str:
    if isinstance(value, bool):
        translate = QCoreApplication.translate
        return (
            translate("ContactsTableModel", "Yes")
            if value
            else translate("ContactsTableModel", "No")
        )
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
        self._ids: list[int] = []  # all of them, or the first ones while _rest is not None
        self._count = 0
        self._rest: contact_lists.ContactIds | None = None  # makes the others when asked
        self._row_of: dict[int, int] | None = None  # built when first asked
        # By contact id, least recently used first; None: not in the cache (deleted).
        self._rows: OrderedDict[int, ContactRow | None] = OrderedDict()
        self._shown: dict[int, _Shown] = {}  # contact id -> what its cells show
        self._custom: list[str] = []
        self._tag_colors: dict[int, str | None] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self.sort_key = "name"
        self.descending = False

    # ------------------------------------------------------------------ shape
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

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
    def ids(self, up_to: int | None = None) -> list[int]:
        """Every id shown, in order (made now if only the first ones are known yet);
        with ``up_to``, a list that holds at least the first ``up_to`` of them."""
        if up_to is None or up_to > len(self._ids):
            self._complete()
        return self._ids

    @property
    def complete(self) -> bool:
        """Whether every id is known yet (see ``set_ids`` with a partial answer)."""
        return self._rest is None

    def id_at(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        if row >= len(self._ids):
            self._complete()
        return self._ids[row]

    def row_of(self, contact_id: int) -> int:
        """The row showing ``contact_id``, or -1."""
        if self._row_of is None:
            self._row_of = {cid: row for row, cid in enumerate(self._ids)}
        row = self._row_of.get(contact_id, -1)
        if row < 0 and self._rest is not None and self._rest.may_hold(contact_id):
            self._complete()
            return self.row_of(contact_id)
        return row

    def set_ids(
        self, ids: list[int] | contact_lists.ContactIds, *, rows_changed: bool = True
    ) -> None:
        """Show these ids. ``rows_changed``: the cache may have changed since rows were
        read, so read them again when painted; False keeps the rows already read.

        A partial ``ContactIds`` (its first ids and its count) shows as many rows as it
        counts at once; the other ids are made when something needs them (a row past
        the first ones, ``ids()``, ``row_of``), or given by ``finish`` when made
        elsewhere."""
        self.beginResetModel()
        if isinstance(ids, contact_lists.ContactIds):
            self._ids, self._count = ids.first, ids.count
            self._rest = None if ids.complete else ids
        else:
            self._ids, self._count, self._rest = ids, len(ids), None
        self._row_of = None
        if rows_changed:
            self._rows.clear()
            self._shown.clear()
        self.endResetModel()

    def finish(self, ids: contact_lists.ContactIds) -> None:
        """``ids`` (shown by ``set_ids``) has all its ids now: no row changes."""
        if self._rest is ids:
            self._complete()

    def _complete(self) -> None:
        rest = self._rest
        if rest is None:
            return
        every = rest.all()
        self._rest = None
        self._ids, self._row_of = every, None
        if len(every) != self._count:  # cannot happen: the count is of the same set
            self.beginResetModel()
            self._count = len(every)
            self.endResetModel()

    def refresh_rows(self) -> None:
        """Same ids, but their rows may have changed in the cache: read them again."""
        self._rows.clear()
        self._shown.clear()
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1)
            )

    def set_tag_colors(self, colors: Mapping[int, str | None]) -> None:
        self._tag_colors = dict(colors)
        column = self.column_of("tags")
        if self._count:
            self.dataChanged.emit(
                self.index(0, column), self.index(self._count - 1, column), [TagChipsRole]
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
        contact_id = self.id_at(row)
        if contact_id is None:
            return None
        rows = self._rows
        if contact_id in rows:
            rows.move_to_end(contact_id)
            return rows[contact_id]
        # The window around the row, less what is kept already.
        start = row - row % WINDOW
        missing = [i for i in self._ids[start : start + WINDOW] if i not in rows]
        found = self._read_rows(missing)
        for i in missing:
            rows[i] = found.get(i)
        while len(rows) > ROWS_KEPT:
            gone, _row = rows.popitem(last=False)
            self._shown.pop(gone, None)
        return rows[contact_id]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if role in _SHOWN_ROLES:
            # Every cell's text, font and alignment, asked on every paint: made once
            # per contact.
            contact_id = self.id_at(row)
            if contact_id is None:
                return None
            shown = self._shown.get(contact_id)
            if shown is None:
                shown = self._make_shown(row)
                if shown is None:
                    return None
            if role == _DISPLAY:
                return shown[0][index.column()]
            if role == _FONT:
                return shown[1]
            return shown[2][index.column()]  # _ALIGN
        if role == ContactIdRole:
            return self.id_at(row)
        contact = self.contact(row)
        if contact is None:
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
        key = self.column_key(index.column())
        if contact.pending and key == "name":
            return self.tr("{name}: a change waits in the outbox").format(name=contact.name)
        if key in ("created", "updated"):
            moment = contact.created_at if key == "created" else contact.updated_at
            return moment.astimezone().strftime("%Y-%m-%d %H:%M")
        return self._text(contact, key) or None

    def shown(self, row: int) -> _Shown | None:
        """What row ``row``'s cells show: their texts (DisplayRole) and alignments
        (TextAlignmentRole, None for the default) by column, and the row's font
        (FontRole, None for the view's). For a delegate that paints many cells: one
        call instead of a data() call per role per cell."""
        contact_id = self.id_at(row)
        if contact_id is None:
            return None
        shown = self._shown.get(contact_id)
        return self._make_shown(row) if shown is None else shown

    def _make_shown(self, row: int) -> _Shown | None:
        contact = self.contact(row)
        if contact is None:
            return None
        columns = self.columnCount()
        texts = [self._text(contact, self.column_key(c)) for c in range(columns)]
        aligns: list[int | None] = [None] * len(BASE_COLUMNS)
        fields = contact.custom_fields or {}
        for name in self._custom:
            value = fields.get(name)
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            aligns.append(_RIGHT if numeric else None)
        shown = (texts, self._italic if contact.pending else None, aligns)
        self._shown[contact.id] = shown
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
            return translated(BASE_COLUMNS[section][1])
        if role == ColumnKeyRole:
            return key
        if role == CustomColumnRole:
            return key.startswith(CUSTOM_PREFIX)
        if role == Qt.ItemDataRole.ToolTipRole and key.startswith(CUSTOM_PREFIX):
            return self.tr("Custom field “{name}”").format(name=key[len(CUSTOM_PREFIX) :])
        return None

    # ------------------------------------------------------------------ order
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the pane reads the ids again in the new order."""
        if not 0 <= column < self.columnCount():
            return
        self.sort_key = self.column_key(column)
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sortRequested.emit(self.sort_key, self.descending)
