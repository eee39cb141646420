"""One board column: the ids of a stage's deals from the cache, rows read in windows.

Drag and drop is a command (DESIGN.md): a card carries its deal ids under a MIME
type of our own; a drop calls ``DealsService.moves``, which writes the cache and
the outbox at once and says what it wrote. The drop does not wait for the change
broadcast (coalesced to the next event-loop turn): the target column asks the cache
for its ids again and takes the moved rows as the service wrote them, and the
other columns of the same ``PipelineModels`` drop the moved cards, before
``dropMimeData`` returns, so the card is painted in its new column in the next
frame. The broadcast that follows finds the columns as the cache is (the pane
checks with ``Moved.before``/``after``) and only the two stages' totals to read.

Updates keep the view's state: a new answer from the cache is applied as row
removals, insertions and (only when the order really changed) a layout change
that carries persistent indexes, so selections and the scroll position stay with
their cards; rows are re-read and only the cards whose contents changed repaint.

A column of 800 deals shows its first ``PAGE`` cards and more as the view scrolls
down (``canFetchMore``/``fetchMore``): a QListView lays out every row it has after
each insertion or removal, and that must stay within a frame.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from mailtrixy_desktop.api.models import STAGES, Stage
from mailtrixy_desktop.services.deals import DealsService, Moved
from mailtrixy_desktop.store.deals import DealRow, DealSort
from mailtrixy_desktop.store.filters import ANY, AssigneeFilter
from mailtrixy_desktop.ui.deals.formatting import format_money, stage_title

MIME_TYPE: Final = "application/x-mailtrixy-deal-ids"
MAX_DRAGGED: Final = 10_000  # more ids than this in one drop is not a drag

ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1  # the DealRow
ID_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # the deal id
WINDOW: Final = 40  # rows read from the cache at a time
KEPT_ROWS: Final = 1_000  # rows remembered (by id) before the oldest are forgotten
PAGE: Final = 60  # cards shown at first, and added each time the view reaches the end

# The answer to "Lost: why?": a reason, None (no reason, move anyway) or False (cancel).
LostReason = str | None | Literal[False]
LostReasonAsker = Callable[[], LostReason]

_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
)
# Cards are not drop targets themselves: a drop lands between them (or on the empty
# part of the column) and the column's sort order decides where the card goes.
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled


@dataclass(frozen=True)
class DealQuery:
    """What every column shows: the board's filters and its sort."""

    assignee: AssigneeFilter = ANY
    search: str | None = None
    sort: DealSort = "updated_at"
    descending: bool = True


def accessible_text(row: DealRow) -> str:
    """ "<title>, <value>, <stage>" — what a screen reader says for a card."""
    return f"{row.title}, {format_money(row.value, row.currency)}, {stage_title(row.stage)}"


def encode_ids(ids: Iterable[int]) -> QMimeData:
    """The drag data for ``ids`` (a JSON array under ``MIME_TYPE``)."""
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(json.dumps([int(i) for i in ids]).encode()))
    return data


def decode_ids(data: QMimeData | None) -> list[int]:
    """The deal ids a drag carries, in order and without repeats; [] for anything else."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return []
    try:
        value = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(value, list) or not 0 < len(value) <= MAX_DRAGGED:
        return []
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in value):
        return []
    return list(dict.fromkeys(value))


class DealColumnModel(QAbstractListModel):
    """The deals of one ``stage`` under the board's query."""

    # After a move made here (a drop, or ``move_here``): the deal ids that came in
    # and the stage they came to. ``PipelineModels`` takes them out of the other columns.
    dealsMoved = Signal(list, str)
    # How many deals the column holds changed (rows may show fewer: see ``total``).
    totalChanged = Signal(int)

    def __init__(
        self,
        deals: DealsService,
        stage: Stage,
        query: DealQuery | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if stage not in STAGES:
            raise ValueError(f"unknown deal stage {stage!r}")
        self._deals = deals
        self._stage: Stage = stage
        self._query = query or DealQuery()
        self._all: list[int] = []  # the whole answer, in order
        self._all_set: frozenset[int] | None = None  # the same, to look ids up (lazily)
        self._ids: list[int] = []  # the rows: a prefix of it (see ``fetchMore``)
        self._row_of: dict[int, int] | None = None
        self._rows: OrderedDict[int, DealRow] = OrderedDict()  # read rows, by deal id
        self._changing = False
        # Asked before a move into "lost"; None: no question, moved without a reason.
        self.ask_lost_reason: LostReasonAsker | None = None
        self.last_move: Moved | None = None  # what the last move into this column did
        self.reload()

    # ------------------------------------------------------------------ shape
    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def query(self) -> DealQuery:
        return self._query

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _ITEM_FLAGS if index.isValid() else _ROOT_FLAGS

    def ids(self) -> list[int]:
        """The deals this column holds, in order (also those not yet fetched as rows)."""
        return list(self._all)

    def holds(self) -> frozenset[int]:
        """The ids of ``ids()``, to look up (built when first asked after a change)."""
        if self._all_set is None:
            self._all_set = frozenset(self._all)
        return self._all_set

    def total(self) -> int:
        """How many deals the column holds (``rowCount`` may show fewer so far)."""
        return len(self._all)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        # Never while rows are being changed: a view asks from inside those signals.
        return not self._changing and not parent.isValid() and len(self._ids) < len(self._all)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self.show_rows(len(self._ids) + PAGE)

    def show_rows(self, count: int) -> None:
        """Have at least ``count`` rows (as far as the column has deals)."""
        first = len(self._ids)
        last = min(count, len(self._all)) - 1
        if last < first:
            return
        self.beginInsertRows(QModelIndex(), first, last)
        self._ids.extend(self._all[first : last + 1])
        self._row_of = None
        self.endInsertRows()

    def ensure_row(self, deal_id: int) -> int:
        """The row of ``deal_id``, fetching rows down to it if needed; -1 when the
        column does not hold it."""
        row = self.row_of(deal_id)
        if row < 0 and deal_id in self.holds():
            self.show_rows(self._all.index(deal_id) + 1)
            row = self.row_of(deal_id)
        return row

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, deal_id: int) -> int:
        """The row showing ``deal_id``, or -1."""
        if self._row_of is None:
            self._row_of = {deal_id: row for row, deal_id in enumerate(self._ids)}
        return self._row_of.get(deal_id, -1)

    def index_of(self, deal_id: int) -> QModelIndex:
        """The index of ``deal_id``'s card (invalid when it is not in this column);
        rows are fetched down to it if it is further than the view has scrolled."""
        row = self.ensure_row(deal_id)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    # ------------------------------------------------------------------ data
    def deal(self, row: int) -> DealRow | None:
        if not 0 <= row < len(self._ids):
            return None
        deal_id = self._ids[row]
        found = self._rows.get(deal_id)
        if found is not None:
            return found
        # Read the rows around it that are not known yet, in one query.
        start = row - row % WINDOW
        wanted = [i for i in self._ids[start : start + WINDOW] if i not in self._rows]
        self._rows.update(self._deals.rows(wanted))
        while len(self._rows) > KEPT_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(deal_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        row = self.deal(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.title, format_money(row.value, row.currency, cents=True)]
            if row.contact_name:
                lines.append(row.contact_name)
            if row.assignee is not None:
                lines.append(self.tr("Assigned to {name}").format(name=row.assignee.name))
            if (close := row.expected_close_date) is not None:
                lines.append(
                    self.tr("Expected to close {date}").format(
                        date=QLocale().toString(
                            QDate(close.year, close.month, close.day),
                            QCoreApplication.translate("DateForm", "d MMM yyyy"),
                        )
                    )
                )
            if row.pending:
                lines.append(self.tr("Saving… (waiting in the outbox)"))
            return "\n".join(lines)
        return None

    # ------------------------------------------------------------------ answers from the cache
    def set_query(self, query: DealQuery) -> None:
        """Other filters or another sort: a new answer, read afresh (a reset)."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._all = self._ask()
        self._all_set = None
        self._ids = self._all[:PAGE]
        self._row_of = None
        self._rows.clear()
        self.endResetModel()
        self.totalChanged.emit(len(self._all))

    def _ask(self) -> list[int]:
        q = self._query
        return self._deals.ids(
            stage=self._stage,
            assignee=q.assignee,
            search=q.search,
            sort=q.sort,
            descending=q.descending,
        )

    def reconcile(self) -> bool:
        """The cache changed: ask it again and apply the difference without a reset, so
        the views keep their selections (by card) and scroll positions; then re-read the
        rows and repaint the cards that changed. True when the ids changed."""
        changed = self.apply_ids(self._ask())
        self.refresh_rows()
        return changed

    def refresh_rows(self) -> None:
        """Same ids, maybe newer contents (a pending mark cleared, a new value): read the
        known rows again and repaint only the cards that differ."""
        if not self._rows:
            return
        known = list(self._rows)
        fresh = self._deals.rows(known)
        changed: list[int] = []
        for deal_id in known:
            row = fresh.get(deal_id)
            if row is None:
                del self._rows[deal_id]
            elif row != self._rows[deal_id]:
                self._rows[deal_id] = row
                changed.append(deal_id)
        rows = sorted(r for r in (self.row_of(i) for i in changed) if r >= 0)
        start = 0
        while start < len(rows):  # one signal per run of adjacent rows
            end = start
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            self.dataChanged.emit(self.index(rows[start], 0), self.index(rows[end], 0))
            start = end + 1

    def forget(self, deal_ids: Iterable[int]) -> None:
        """These deals' rows changed in the cache: read them again when next painted."""
        for deal_id in deal_ids:
            self._rows.pop(deal_id, None)

    def apply_ids(self, new: Sequence[int]) -> bool:
        """Hold ``new`` (the whole answer); the rows become its first as many as were
        shown (at least a page): removals, then insertions, then a reorder if needed."""
        new = list(new)
        if new == self._all:
            return False
        total_changed = len(new) != len(self._all)
        self._all = new
        self._all_set = None
        self._changing = True
        try:
            self._show(new[: max(len(self._ids), PAGE)])
        finally:
            self._changing = False
            if total_changed:
                self.totalChanged.emit(len(new))
        return True

    def _show(self, shown: list[int]) -> None:
        if shown == self._ids:
            return
        root = QModelIndex()
        wanted = set(shown)
        # Removals, from the bottom, a run of rows at a time.
        end = len(self._ids) - 1
        while end >= 0:
            if self._ids[end] in wanted:
                end -= 1
                continue
            start = end
            while start > 0 and self._ids[start - 1] not in wanted:
                start -= 1
            self.beginRemoveRows(root, start, end)
            for gone in self._ids[start : end + 1]:
                self._rows.pop(gone, None)
            del self._ids[start : end + 1]
            self._row_of = None
            self.endRemoveRows()
            end = start - 1
        kept = set(self._ids)
        if [i for i in shown if i in kept] == self._ids:
            # The cards that stay keep their order: insert the newcomers in place.
            row = 0
            while row < len(shown):
                if row < len(self._ids) and self._ids[row] == shown[row]:
                    row += 1
                    continue
                last = row
                while last + 1 < len(shown) and shown[last + 1] not in kept:
                    last += 1
                self.beginInsertRows(root, row, last)
                self._ids[row:row] = shown[row : last + 1]
                self._row_of = None
                self.endInsertRows()
                row = last + 1
            return
        # Another order (others' edits under a sort by value or date): append the
        # newcomers, then one layout change that takes the persistent indexes along.
        newcomers = [i for i in shown if i not in kept]
        if newcomers:
            first = len(self._ids)
            self.beginInsertRows(root, first, first + len(newcomers) - 1)
            self._ids.extend(newcomers)
            self._row_of = None
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved_from = [self.id_at(index.row()) for index in before]
        self._ids = shown
        self._row_of = None
        after = [
            self.index(self.row_of(deal_id), 0)
            if deal_id is not None and self.row_of(deal_id) >= 0
            else QModelIndex()
            for deal_id in moved_from
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def take_out(self, deal_ids: Iterable[int]) -> bool:
        """Cards that left this column (moved elsewhere): drop their rows now. True
        when this column had any of them."""
        held = self.holds()
        gone = {i for i in deal_ids if i in held}
        if gone:
            self.apply_ids([i for i in self._all if i not in gone])
        return bool(gone)

    # ------------------------------------------------------------------ drag and drop
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._ids[r] for r in rows if 0 <= r < len(self._ids)]
        return encode_ids(ids) if ids else None

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def movable(self, deal_ids: Iterable[int]) -> list[int]:
        """Of ``deal_ids``, those in the cache and in another stage than this column's."""
        wanted = list(dict.fromkeys(deal_ids))
        stages = self._deals.stages(wanted)
        return [i for i in wanted if i in stages and stages[i] != self._stage]

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or column > 0:
            return False
        return bool(self.movable(decode_ids(data)))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Cards dropped on this column move to its stage (where in the column is the
        sort's business, not the drop position's). False when nothing moved."""
        if action != Qt.DropAction.MoveAction or column > 0:
            return False
        # ``move_here`` asks the cache what can move, as ``canDropMimeData`` would.
        return bool(self.move_here(decode_ids(data)))

    def move_here(self, deal_ids: Sequence[int], *, reason: LostReason | None = None) -> list[int]:
        """Move ``deal_ids`` to this column's stage, through the service: the cache and
        the outbox now, this column's rows and ``dealsMoved`` before returning.

        Moving into "lost" asks ``ask_lost_reason`` unless a ``reason`` is given. Returns
        the ids that moved ([] when none could, or the question was cancelled)."""
        if self._stage == "lost" and reason is None and self.ask_lost_reason is not None:
            ids = self.movable(deal_ids)  # no question when nothing can move
            if not ids:
                return []
            reason = self.ask_lost_reason()
        else:
            # The service moves what can move (in the cache, in another stage).
            ids = list(dict.fromkeys(deal_ids))
        if reason is False or not ids:
            return []
        if self._stage != "lost":
            reason = None
        text = reason.strip() if isinstance(reason, str) else None
        done = self._deals.moves(ids, self._stage, reason=text or None)
        moved = done.ids
        if moved:
            # Only what the drop changed, now: the moved rows as the service wrote them,
            # and where the sort puts them in this column.
            self.last_move = done
            self.forget(moved)
            self.apply_ids(self._ask())
            self._rows.update(done.rows)
            self.dealsMoved.emit(moved, self._stage)
        return moved

    def known_row(self, deal_id: int) -> DealRow | None:
        """The row of ``deal_id`` if this column has read it (no cache read)."""
        return self._rows.get(deal_id)


class PipelineModels(QObject):
    """The six column models of a board, in pipeline order, with one query between them.

    A move made in one column takes the cards out of the others at once. ``moved``
    follows every such move: (ids, stage).
    """

    moved = Signal(list, str)

    def __init__(
        self, deals: DealsService, query: DealQuery | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._deals = deals
        self._query = query or DealQuery()
        self.columns: dict[Stage, DealColumnModel] = {
            stage: DealColumnModel(deals, stage, self._query, self) for stage in STAGES
        }
        for model in self.columns.values():
            model.dealsMoved.connect(self._on_moved)
        self.last_sources: list[Stage] = []  # the columns the last move took cards from
        self._last_move: Moved | None = None

    def __getitem__(self, stage: Stage) -> DealColumnModel:
        return self.columns[stage]

    def __iter__(self) -> Any:
        return iter(self.columns.values())

    @property
    def query(self) -> DealQuery:
        return self._query

    def set_query(self, query: DealQuery | None = None, **changes: Any) -> None:
        """New filters or sort for every column (a reset of each)."""
        self._query = replace(query or self._query, **changes)
        for model in self.columns.values():
            model.set_query(self._query)

    def set_lost_reason_asker(self, ask: LostReasonAsker | None) -> None:
        self.columns["lost"].ask_lost_reason = ask

    def reload_all(self) -> None:
        """Every column read afresh (a reset: selections and scrolling start over)."""
        for model in self.columns.values():
            model.reload()

    def reconcile(self) -> None:
        """The cache changed (a sync, someone else's move): every column catches up."""
        for model in self.columns.values():
            model.reconcile()

    def find(self, deal_id: int) -> tuple[Stage, int] | None:
        """The column and row showing ``deal_id`` (fetching rows down to it), or None."""
        for stage, model in self.columns.items():
            row = model.ensure_row(deal_id)
            if row >= 0:
                return stage, row
        return None

    def index_of(self, deal_id: int) -> QModelIndex:
        """The index of ``deal_id``'s card in whichever column shows it (or invalid)."""
        found = self.find(deal_id)
        return QModelIndex() if found is None else self.columns[found[0]].index(found[1], 0)

    def move(
        self, deal_ids: Sequence[int], stage: Stage, *, reason: LostReason | None = None
    ) -> list[int]:
        """Move cards to ``stage`` as a drop there would (asks for a lost reason)."""
        return self.columns[stage].move_here(deal_ids, reason=reason)

    @property
    def last_move(self) -> Moved | None:
        """What the last move on this board did (see ``DealsService.moves``)."""
        return self._last_move

    def _on_moved(self, deal_ids: list[int], stage: str) -> None:
        self._last_move = self.columns[stage].last_move  # type: ignore[index]
        self.last_sources = [
            other
            for other, model in self.columns.items()
            if other != stage and model.take_out(deal_ids)
        ]
        self.moved.emit(deal_ids, stage)
