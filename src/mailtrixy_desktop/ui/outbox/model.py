"""The Outbox table's item model: the open operations, oldest first.

A reload is a merge by operation id (ids only grow, and both lists are in id
order): rows that left are removed, new ones inserted, changed ones repainted.
The view's selection and scroll position survive a reload because rows are never
reset. Descriptions read names from the cache, so they are made when a row is
first painted and kept until the operation or the names change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services import outbox_view
from mailtrixy_desktop.store.outbox import Operation, OpState
from mailtrixy_desktop.ui.i18n import moment_text, translated

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# Named roles (DESIGN.md: never bare numbers).
OpIdRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3

WHAT, MADE, STATE, ATTEMPTS, ERROR = range(5)

# One colour per state, the status bar's where they mean the same.
STATE_COLORS: dict[OpState, str] = {
    OpState.QUEUED: "#8A8B93",
    OpState.SENDING: "#3B82F6",
    OpState.HELD: "#E0A021",
    OpState.NEEDS_ATTENTION: "#D64545",
    OpState.EDITING: "#8B5CF6",
    OpState.MAYBE_DELIVERED: "#E07A21",
    OpState.DONE: "#2FA84F",
}

_dots: dict[str, QIcon] = {}


def state_dot(state: OpState) -> QIcon:
    """A filled circle in the state's colour (made once per colour)."""
    color = STATE_COLORS.get(state, "#8A8B93")
    found = _dots.get(color)
    if found is None:
        app = QGuiApplication.instance()
        ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
        found = QIcon()
        for size in (10, 12, 16):
            pixmap = QPixmap(int(size * ratio), int(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            inset = size * 0.2
            painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
            painter.end()
            found.addPixmap(pixmap)
        _dots[color] = found
    return found


def made_at(created_at: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def made_text(created_at: str, now: dt.datetime | None = None) -> str:
    """Relative today ("5 minutes ago"), else the local day and time."""
    try:
        moment = made_at(created_at)
    except ValueError:
        return created_at
    translate = QCoreApplication.translate
    now = now or dt.datetime.now(dt.UTC)
    local, local_now = moment.astimezone(), now.astimezone()
    if local.date() == local_now.date():
        seconds = max(0.0, (now - moment).total_seconds())
        if seconds < 45:
            return translate("OutboxModel", "Just now")
        if seconds < 90:
            return translate("OutboxModel", "A minute ago")
        if seconds < 3600:
            return translate("OutboxModel", "{minutes} minutes ago").format(
                minutes=round(seconds / 60)
            )
        hours = round(seconds / 3600)
        if hours == 1:
            return translate("OutboxModel", "An hour ago")
        return translate("OutboxModel", "{hours} hours ago").format(hours=hours)
    clock = f"{local:%H:%M}"
    if local.date() == local_now.date() - dt.timedelta(days=1):
        return translate("OutboxModel", "Yesterday {clock}").format(clock=clock)
    if local.year == local_now.year:
        return moment_text(moment, "d MMM HH:mm")
    return moment_text(moment, "d MMM yyyy HH:mm")


def first_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[0] if lines else ""


class OutboxModel(QAbstractTableModel):
    COLUMNS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("OutboxModel", "What"),
        QT_TRANSLATE_NOOP("OutboxModel", "Made"),
        QT_TRANSLATE_NOOP("OutboxModel", "State"),
        QT_TRANSLATE_NOOP("OutboxModel", "Attempts"),
        QT_TRANSLATE_NOOP("OutboxModel", "Last error"),
    )

    def __init__(self, describe: Callable[[Operation], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._describe = describe
        self._ops: list[Operation] = []
        self._texts: dict[int, tuple[str, str]] = {}  # op id -> (updated_at, description)

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ops)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def operation(self, row: int) -> Operation:
        return self._ops[row]

    def operations(self) -> list[Operation]:
        return list(self._ops)

    def ids(self) -> list[int]:
        return [op.id for op in self._ops]

    def row_of(self, op_id: int) -> int:
        """The row of ``op_id``, or -1."""
        return next((i for i, op in enumerate(self._ops) if op.id == op_id), -1)

    def description(self, op: Operation) -> str:
        kept = self._texts.get(op.id)
        if kept is not None and kept[0] == op.updated_at:
            return kept[1]
        text = translated(self._describe(op))
        self._texts[op.id] = (op.updated_at, text)
        return text

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ops):
            return None
        op = self._ops[index.row()]
        column = index.column()
        if role == OpIdRole:
            return op.id
        if role == StateRole:
            return op.state.value
        if role == KindRole:
            return op.kind
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHAT:
                return self.description(op)
            if column == MADE:
                return made_text(op.created_at)
            if column == STATE:
                return translated(outbox_view.state_word(op.state))
            if column == ATTEMPTS:
                return str(op.attempts) if op.attempts else "—"
            if column == ERROR:
                return first_line(op.last_error)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == STATE:
            return state_dot(op.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == MADE:
                try:
                    return f"{made_at(op.created_at).astimezone():%c}"
                except ValueError:
                    return op.created_at
            if column == ERROR:
                return op.last_error or None
            if column == WHAT:
                return self.description(op)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == WHAT:
            return f"{self.description(op)}, {translated(outbox_view.state_word(op.state))}"
        return None

    # ------------------------------------------------------------------ changing
    def set_operations(self, operations: Sequence[Operation]) -> None:
        """Show ``operations`` (in id order): a merge, never a reset."""
        new = sorted(operations, key=lambda op: op.id)
        wanted = {op.id for op in new}
        # Removals, from the end so that earlier rows keep their numbers.
        row = len(self._ops) - 1
        while row >= 0:
            if self._ops[row].id in wanted:
                row -= 1
                continue
            last = row
            while row >= 0 and self._ops[row].id not in wanted:
                row -= 1
            self.beginRemoveRows(_ROOT, row + 1, last)
            for gone in self._ops[row + 1 : last + 1]:
                self._texts.pop(gone.id, None)
            del self._ops[row + 1 : last + 1]
            self.endRemoveRows()
        # Insertions: what is left is a subsequence of ``new``, in the same order.
        position = 0
        while position < len(new):
            if position < len(self._ops) and self._ops[position].id == new[position].id:
                position += 1
                continue
            end = position
            while end < len(new) and (
                position >= len(self._ops) or new[end].id != self._ops[position].id
            ):
                end += 1
            self.beginInsertRows(_ROOT, position, end - 1)
            self._ops[position:position] = new[position:end]
            self.endInsertRows()
            position = end
        # Changes in place.
        changed = [i for i, (old, op) in enumerate(zip(self._ops, new, strict=True)) if old != op]
        self._ops = new
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), len(self.COLUMNS) - 1)
            )

    def forget_descriptions(self) -> None:
        """Names in the cache changed: descriptions are made again when next painted."""
        self._texts.clear()
        if self._ops:
            self.dataChanged.emit(self.index(0, WHAT), self.index(len(self._ops) - 1, WHAT))

    def tick(self) -> None:
        """ "5 minutes ago" ages: repaint the Made column."""
        if self._ops:
            self.dataChanged.emit(self.index(0, MADE), self.index(len(self._ops) - 1, MADE))
