"""The conversation list: ids in inbox order from the store, rows read in windows.

At 20,000 conversations the model holds the ids only; a row is read (with its
neighbours, a window at a time) when the view first paints it, and the windows
are forgotten when the list is queried again.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)

from mailtrixy_desktop.store.conversations import ConversationRow
from mailtrixy_desktop.ui.counts import count_text

RowReader = Callable[[Sequence[int]], Mapping[int, ConversationRow]]

ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1  # the ConversationRow
ID_ROLE: Final = Qt.ItemDataRole.UserRole + 2
DRAFT_ROLE: Final = Qt.ItemDataRole.UserRole + 3  # a reply is being written in it
WINDOW: Final = 100
KEPT_WINDOWS: Final = 8

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def relative_time(moment: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """ "5 min", "14:32", "Yesterday", "Mon", "12 Mar", "12 Mar 2024": as mail lists do."""
    if moment is None:
        return ""
    local = moment.astimezone()
    now = (now or dt.datetime.now(dt.UTC)).astimezone()
    age = now - local
    if dt.timedelta(0) <= age < dt.timedelta(minutes=1):
        return QCoreApplication.translate("ConversationListModel", "now")
    if dt.timedelta(0) <= age < dt.timedelta(hours=1):
        return QCoreApplication.translate("ConversationListModel", "{minutes} min").format(
            minutes=int(age.total_seconds() // 60)
        )
    locale = QLocale()
    if local.date() == now.date():
        return str(locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat))
    if local.date() == now.date() - dt.timedelta(days=1):
        return QCoreApplication.translate("ConversationListModel", "Yesterday")
    if dt.timedelta(0) <= age < dt.timedelta(days=6):
        return locale.dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
    if local.year == now.year:
        return f"{local.day} {locale.monthName(local.month, QLocale.FormatType.ShortFormat)}"
    return (
        f"{local.day} {locale.monthName(local.month, QLocale.FormatType.ShortFormat)} {local.year}"
    )


def accessible_text(row: ConversationRow) -> str:
    translate = QCoreApplication.translate
    parts = [row.contact_name, row.subject]
    if row.unread:
        parts.insert(0, translate("ConversationListModel", "Unread"))
    if row.last_snippet:
        parts.append(row.last_snippet)
    parts.append(count_text(row.messages_count, "message"))
    if row.assignee is not None:
        parts.append(
            translate("ConversationListModel", "assigned to {name}").format(name=row.assignee.name)
        )
    if row.labels:
        parts.append(
            translate("ConversationListModel", "labels {labels}").format(
                labels=", ".join(row.labels)
            )
        )
    return ", ".join(parts)


class ConversationListModel(QAbstractListModel):
    rowsRefreshed = Signal()  # repaint what is shown; the ids and their order are the same

    def __init__(self, read_rows: RowReader, parent: Any = None) -> None:
        super().__init__(parent)
        self._read_rows = read_rows
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._windows: OrderedDict[int, Mapping[int, ConversationRow]] = OrderedDict()
        self._drafts: set[int] = set()

    # ------------------------------------------------------------------ shape
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, conversation_id: int) -> int:
        """The row showing ``conversation_id``, or -1."""
        if self._row_of is None:
            self._row_of = {cid: row for row, cid in enumerate(self._ids)}
        return self._row_of.get(conversation_id, -1)

    # ------------------------------------------------------------------ data
    def set_ids(self, ids: Sequence[int], drafts: Iterable[int] = ()) -> None:
        """A new answer to the list's query: everything re-read from the store."""
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = None
        self._windows.clear()
        self._drafts = set(drafts)
        self.endResetModel()

    def refresh_rows(self, drafts: Iterable[int] | None = None) -> None:
        """Same ids, newer contents (a read mark, a poll): the rows are read again when
        next painted; ``rowsRefreshed`` asks the views to repaint. No dataChanged: on
        any dataChanged a QListView lays out every row again (two Python rowCount calls
        per row, ~160 ms at 20,000), and selection and scroll position stay as they are."""
        self._windows.clear()
        if drafts is not None:
            self._drafts = set(drafts)
        self.rowsRefreshed.emit()

    def conversation(self, row: int) -> ConversationRow | None:
        if not 0 <= row < len(self._ids):
            return None
        start = row - row % WINDOW
        window = self._windows.get(start)
        if window is None:
            window = self._read_rows(self._ids[start : start + WINDOW])
            self._windows[start] = window
            while len(self._windows) > KEPT_WINDOWS:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(start)
        return window.get(self._ids[row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        row = self.conversation(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == DRAFT_ROLE:
            return row.id in self._drafts
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.contact_name} — {row.subject}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.subject}\n{row.contact_name} <{row.contact_email}>"
        return None
