"""The Deals pane: the pipeline as a kanban board, with filters, sort and the keyboard.

Everything reads from the cache and every move goes through ``DealsService.move``
(cache and outbox in one transaction), so the board works offline. A move shows
at once (see ``column_model``); when the server refuses it, the outbox engine
re-reads the deal, the change broadcast puts the card back, and this pane says
why in the status bar.

The change broadcast's catch-up compares the cache's change token
(``DealsService.cache_token``) with the one the columns last showed: a move made
here leaves the columns showing the cache as it is, so only the totals of the
stages it changed are read again; anything else (a sync, the outbox engine) has
every column reconciled, and only the cards whose rows changed repaint.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Final

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api.models import STAGES, Stage
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.deals import CacheToken, DealsService
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.deals import DealRow, DealSort
from mailtrixy_desktop.store.filters import ANY
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.deals.board import COLLAPSIBLE, ColumnView, DealBoard
from mailtrixy_desktop.ui.deals.card_delegate import DEFAULT_STALE_DAYS
from mailtrixy_desktop.ui.deals.column_model import (
    ID_ROLE,
    DealQuery,
    LostReason,
    PipelineModels,
)
from mailtrixy_desktop.ui.deals.formatting import next_stage, stage_title
from mailtrixy_desktop.ui.i18n import counted, number, translated
from mailtrixy_desktop.ui.pane import Pane, PaneContext, pane_title, quiet_label

try:  # Qt 6.8+: a screen reader speaks the sentence without moving focus
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: the description and the status bar
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment, misc]

SEARCH_DEBOUNCE_MS: Final = 150
ANYONE, UNASSIGNED = "anyone", "unassigned"
# (key, descending, label): the sorts offered in ``dealSort``.
SORTS: Final[tuple[tuple[DealSort, bool, str], ...]] = (
    ("updated_at", True, QT_TRANSLATE_NOOP("DealsPane", "Last update")),
    ("value", True, QT_TRANSLATE_NOOP("DealsPane", "Value")),
    ("expected_close_date", False, QT_TRANSLATE_NOOP("DealsPane", "Close date")),
)


def quoted(title: str) -> str:
    return f"“{title}”"


def deals_text(count: int) -> str:
    return count_text(count, "deal")


class LostReasonDialog(QDialog):
    """Why was it lost? Optional: Skip moves without a reason, Esc cancels the move."""

    def __init__(self, titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lostReasonDialog")
        self.setWindowTitle(self.tr("Mark as lost"))
        layout = QVBoxLayout(self)
        what = (
            quoted(titles[0])
            if len(titles) == 1
            else self.tr("these {count} deals").format(count=number(len(titles)))
        )
        question = QLabel(
            self.tr("Why was {what} lost? The reason is added to the notes.").format(what=what),
            self,
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("lostReason")
        self.reason.setAccessibleName(self.tr("Reason the deal was lost"))
        self.reason.setPlaceholderText(self.tr("e.g. Went with a competitor (optional)"))
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(self)
        self.skip_button = buttons.addButton(
            self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.skip_button.setObjectName("lostReasonSkip")
        self.move_button = buttons.addButton(
            self.tr("Move"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.move_button.setObjectName("lostReasonMove")
        self.move_button.setDefault(True)
        self.skip_button.clicked.connect(lambda: self.done(self.SKIPPED))
        self.move_button.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    SKIPPED: ClassVar[int] = 2

    def answer(self) -> LostReason:
        """After ``exec``: the reason, None (skipped, or moved with an empty reason) or
        False (cancelled: Esc or the window closed)."""
        result = self.result()
        if result == QDialog.DialogCode.Accepted:
            return self.reason.text().strip() or None
        if result == self.SKIPPED:
            return None
        return False


_PANE = QT_TRANSLATE_NOOP("Shortcuts", "Deals")


class DealsPane(Pane):
    resources: ClassVar[tuple[str, ...]] = ("deals", "team")
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (_PANE, "Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New deal")),
        (_PANE, "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search deal titles and contacts")),
        (_PANE, "Enter", QT_TRANSLATE_NOOP("Shortcuts", "Open the selected deal")),
        (_PANE, "Del", QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected deals (asks first)")),
        (
            _PANE,
            "Ctrl+Shift+Right",
            QT_TRANSLATE_NOOP("Shortcuts", "Move the selected deals to the next stage"),
        ),
        (
            _PANE,
            "Ctrl+Shift+Left",
            QT_TRANSLATE_NOOP("Shortcuts", "Move the selected deals to the previous stage"),
        ),
    )

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("dealsPane")
        self.setAccessibleName(self.tr("Deals"))
        self.deals: DealsService = self.workspace.deals
        self._stale = False
        self._last_view: ColumnView | None = None
        self._titles: dict[int, str] = {}  # deals moved here: named in a refusal's notice
        self._refused: set[int] = set()  # outbox operations already told about
        # The cache as the columns, and the totals, last showed it (``cache_token``):
        # read before the cache is asked, so a change made meanwhile is looked at again.
        seen = self.deals.cache_token()
        self._seen: CacheToken = seen
        self._totals_seen: CacheToken = seen
        self._totals: dict[Stage, dict[str, Decimal]] = {}  # as the headers show them
        # The headers' totals are the cache's at ``_totals_seen`` except for these
        # stages, which moves made here changed (read again by the catch-up).
        self._totals_dirty: set[Stage] = set()
        self.models = PipelineModels(self.deals, DealQuery(), self)
        self.models.set_lost_reason_asker(lambda: self.ask_lost_reason())
        self.models.moved.connect(self._moved)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        self._fill_assignees()
        self._remember_refusals()
        self.board.set_stale_days(self.stale_days())
        self._update_summary()
        self.context.changes.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(pane_title(self.tr("Deals"), self))
        self.count_label = quiet_label("dealCount", self)
        bar.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        bar.addSpacing(12)
        bar.addStretch(1)

        self.search = QLineEdit(self)
        self.search.setObjectName("dealSearch")
        self.search.setAccessibleName(self.tr("Search deals"))
        self.search.setPlaceholderText(self.tr("Search title or contact"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        bar.addWidget(self.search)

        self.assignee_filter = QComboBox(self)
        self.assignee_filter.setObjectName("dealAssigneeFilter")
        self.assignee_filter.setAccessibleName(self.tr("Filter by assignee"))
        self.assignee_filter.setToolTip(self.tr("Whose deals"))
        self.assignee_filter.setMinimumContentsLength(12)
        self.assignee_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.assignee_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        bar.addWidget(self.assignee_filter)

        self.sort = QComboBox(self)
        self.sort.setObjectName("dealSort")
        self.sort.setAccessibleName(self.tr("Sort cards by"))
        self.sort.setToolTip(self.tr("Sort the cards in each column"))
        for key, _descending, label in SORTS:
            self.sort.addItem(self.tr("Sort: {label}").format(label=translated(label)), key)
        self.sort.currentIndexChanged.connect(lambda _i: self.apply_filters())
        bar.addWidget(self.sort)

        self.more_button = QToolButton(self)
        self.more_button.setObjectName("dealsMore")
        self.more_button.setText("⋯")
        self.more_button.setToolTip(self.tr("More board options"))
        self.more_button.setAccessibleName(self.tr("More board options"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        menu = QMenu(self.more_button)
        stale = menu.addAction(self.tr("Mark deals as stale after…"))
        stale.setObjectName("dealsStaleDays")
        stale.triggered.connect(self._ask_stale_days)
        self.more_button.setMenu(menu)
        bar.addWidget(self.more_button)

        self.new_button = QPushButton(self.tr("New deal"), self)
        self.new_button.setObjectName("dealNew")
        self.new_button.setToolTip(self.tr("Create a deal (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New deal"))
        self.new_button.clicked.connect(self.new_item)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        self.board = DealBoard(self.models, self)
        self.board.collapsedChanged.connect(self._folded)
        layout.addWidget(self.board, 1)

        for view in self.board.views():
            view.installEventFilter(self)
            view.doubleClicked.connect(self._double_clicked)
            for keys, slot in (
                (QKeySequence(Qt.Key.Key_Return), self.open_selected),
                (QKeySequence(Qt.Key.Key_Enter), self.open_selected),
                (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected),
            ):
                shortcut = QShortcut(keys, view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
        for sequence, step in (("Ctrl+Shift+Right", 1), ("Ctrl+Shift+Left", -1)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move_selected(s))

    # ------------------------------------------------------------------ settings
    def stale_days(self) -> int:
        value = self.context.settings.value(self.settings_key("stale_days"), DEFAULT_STALE_DAYS)
        try:
            days = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_STALE_DAYS
        return days if days > 0 else DEFAULT_STALE_DAYS

    def set_stale_days(self, days: int) -> None:
        days = max(1, int(days))
        self.context.settings.setValue(self.settings_key("stale_days"), days)
        self.board.set_stale_days(days)

    def _ask_stale_days(self) -> None:
        days, ok = QInputDialog.getInt(
            self,
            self.tr("Stale deals"),
            self.tr("Mark open deals as stale when nobody changed them for more than (days):"),
            self.stale_days(),
            1,
            365,
        )
        if ok:
            self.set_stale_days(days)
            self.context.notify(
                self.tr("Deals untouched for more than {days} days are marked stale.").format(
                    days=days
                )
            )

    def _folded(self, _stage: str, _folded: bool) -> None:
        self.context.settings.setValue(
            self.settings_key("collapsed"), json.dumps(self.board.collapsed())
        )

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(self.settings_key("collapsed"), json.dumps(self.board.collapsed()))
        settings.setValue(
            self.settings_key("filters"),
            json.dumps(
                {"assignee": self.assignee_filter.currentData(), "sort": self.sort.currentData()}
            ),
        )

    def restore_state(self) -> None:
        settings = self.context.settings
        try:
            collapsed = json.loads(str(settings.value(self.settings_key("collapsed"), "[]")))
        except ValueError:
            collapsed = []
        for stage in COLLAPSIBLE:
            self.board.set_collapsed(stage, isinstance(collapsed, list) and stage in collapsed)
        try:
            filters = json.loads(str(settings.value(self.settings_key("filters"), "{}")))
        except ValueError:
            filters = {}
        if isinstance(filters, dict):
            for combo, key in ((self.assignee_filter, "assignee"), (self.sort, "sort")):
                found = combo.findData(filters.get(key))
                if found >= 0:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(found)
                    combo.blockSignals(False)
            self.apply_filters()
        self.board.set_stale_days(self.stale_days())

    # ------------------------------------------------------------------ Pane
    def activate(self) -> None:
        if self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.open_editor(None)

    def open_item(self, item: object) -> None:
        """From another pane: a deal id to show and select."""
        deal_id = item.get("deal_id") if isinstance(item, dict) else item
        if isinstance(deal_id, int):
            self.select_deal(deal_id)

    # ------------------------------------------------------------------ filters
    def _fill_assignees(self) -> None:
        combo = self.assignee_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Anyone"), ANYONE)
        combo.addItem(self.tr("Unassigned"), UNASSIGNED)
        for member in self.workspace.inbox.members():
            combo.addItem(member.name, member.id)
        found = combo.findData(current if current is not None else ANYONE)
        combo.setCurrentIndex(found if found >= 0 else 0)
        combo.blockSignals(False)
        if current is not None and found < 0:  # the member is gone: everyone's deals again
            self.apply_filters()

    def current_query(self) -> DealQuery:
        assignee: Any = ANY
        chosen = self.assignee_filter.currentData()
        if chosen == UNASSIGNED:
            assignee = None
        elif isinstance(chosen, int):
            assignee = chosen
        data = self.sort.currentData()
        key: DealSort = next((k for k, _d, _l in SORTS if k == data), "updated_at")
        descending = next((d for k, d, _label in SORTS if k == key), True)
        return DealQuery(
            assignee=assignee,
            search=self.search.text().strip() or None,
            sort=key,
            descending=descending,
        )

    def apply_filters(self) -> None:
        """Filters or sort changed: every column is asked again; selections kept by deal."""
        self._debounce.stop()
        query = self.current_query()
        if query == self.models.query:
            return
        kept = self.selected_by_stage()
        seen = self.deals.cache_token()
        self.models.set_query(query)
        self._seen = seen
        for stage, ids in kept.items():
            self.select_ids(stage, ids, focus=False)
        filtered = query.assignee is not ANY or query.search is not None
        self.board.set_empty_text(self.tr("No deals match") if filtered else self.tr("No deals"))
        self._update_summary()
        self._totals_seen = seen
        self._totals_dirty.clear()

    def refresh(self) -> None:
        """The cache changed: the columns catch up, keeping selections and scrolling,
        and the totals are read again. The columns have nothing to do when the cache
        is as they last showed it: a move made on this board already shows, and only
        the totals are left (see ``_moved``)."""
        self._stale = False
        self._refresh_timer.stop()
        seen = self.deals.cache_token()
        if seen != self._seen:
            self.models.reconcile()
            self._seen = seen
        if seen != self._totals_seen:
            self._update_summary()
            self._totals_seen = seen
            self._totals_dirty.clear()
        elif self._totals_dirty:
            stages, self._totals_dirty = self._totals_dirty, set()
            self._update_summary(stages)

    def _update_summary(self, stages: Iterable[Stage] | None = None) -> None:
        """The headers' totals read again (only ``stages``' when given), and the count."""
        query = self.models.query
        fresh = self.deals.totals(assignee=query.assignee, search=query.search, stages=stages)
        self._totals = fresh if stages is None else {**self._totals, **fresh}
        self.board.set_totals(self._totals)
        total = sum(model.total() for model in self.models)
        self.count_label.setText(deals_text(total))

    # ------------------------------------------------------------------ selection
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, ColumnView):
            self._last_view = watched
            for view in self.board.views():  # one column's cards selected at a time
                if view is not watched and view.selectionModel().hasSelection():
                    view.clearSelection()
        return super().eventFilter(watched, event)

    def active_view(self) -> ColumnView | None:
        """The column the keyboard works in: the focused one, else the last focused."""
        for view in self.board.views():
            if view.hasFocus():
                return view
        if self._last_view is not None and self._last_view.isVisible():
            return self._last_view
        return next((v for v in self.board.views() if v.selectionModel().hasSelection()), None)

    @staticmethod
    def selected_ids_of(view: ColumnView) -> list[int]:
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        ids = [view.model().id_at(row) for row in rows]
        return [i for i in ids if i is not None]

    def selected_ids(self) -> list[int]:
        view = self.active_view()
        return [] if view is None else self.selected_ids_of(view)

    def selected_by_stage(self) -> dict[Stage, list[int]]:
        return {
            stage: ids for stage in STAGES if (ids := self.selected_ids_of(self.board.view(stage)))
        }

    def select_ids(self, stage: Stage, ids: Sequence[int], *, focus: bool = True) -> bool:
        """Select these deals' cards in ``stage``'s column (current: the first found)."""
        view = self.board.view(stage)
        model = view.model()
        indexes = [model.index_of(i) for i in ids]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return False
        selection = view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        selection.clearSelection()
        for index in indexes:
            selection.select(index, flags.Select | flags.Rows)
        selection.setCurrentIndex(indexes[0], flags.NoUpdate)
        view.scrollTo(indexes[0])
        if focus:
            self._last_view = view
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def select_deal(self, deal_id: int) -> bool:
        found = self.models.find(deal_id)
        if found is None:
            return False
        stage, _row = found
        if self.board.column(stage).is_collapsed():
            self.board.set_collapsed(stage, False)
        return self.select_ids(stage, [deal_id])

    def view_of(self, stage: Stage) -> ColumnView:
        return self.board.view(stage)

    def index_of(self, deal_id: int) -> QModelIndex:
        """The card of ``deal_id`` in whichever column shows it (invalid when none)."""
        return self.models.index_of(deal_id)

    # ------------------------------------------------------------------ moving
    def move_selected(self, step: int) -> list[int]:
        """Ctrl+Shift+Right / Left: the selected cards one stage on / back."""
        view = self.active_view()
        if view is None:
            return []
        ids = self.selected_ids_of(view)
        if not ids:
            current = view.currentIndex()
            deal_id = current.data(ID_ROLE) if current.isValid() else None
            ids = [deal_id] if isinstance(deal_id, int) else []
        if not ids:
            return []
        stage = next_stage(view.model().stage, step)
        if stage is None:
            self.context.notify(
                self.tr("This is already the last stage.")
                if step > 0
                else self.tr("This is the first stage.")
            )
            return []
        if self.board.column(stage).is_collapsed() and self.models[stage].movable(ids):
            self.board.set_collapsed(stage, False)  # the keyboard follows its cards
        return self.move_deals(ids, stage)

    def move_deals(
        self, ids: Sequence[int], stage: Stage, *, reason: LostReason | None = None
    ) -> list[int]:
        """Move cards to ``stage`` as a drop there does (a move to lost asks why)."""
        return self.models.move(ids, stage, reason=reason)

    def _moved(self, ids: list[int], stage: str) -> None:
        """After any move on this board (drop or keyboard): follow the cards."""
        target: Stage = stage  # type: ignore[assignment]
        move = self.models.last_move
        rows = move.rows if move is not None else self.deals.rows(ids)
        for deal_id, row in rows.items():
            self._titles[deal_id] = row.title
        if move is not None and move.before == self._seen:
            # The columns showed the cache as it was just before this move, and now
            # show the move: they are the cache as the move left it. The change
            # broadcast's catch-up then only reads the totals of the stages it changed.
            self._seen = move.after
        if move is not None and move.before == self._totals_seen:
            self._totals_seen = move.after
            self._totals_dirty.update({target, *move.was.values()})
        # Lay the columns out now rather than on Qt's next turn, so the source and the
        # target repaint together, in the next frame.
        for source in self.models.last_sources:
            view = self.board.view(source)
            if view.isVisible():
                view.doItemsLayout()
        if self.board.view(target).isVisible():
            self.select_ids(target, ids)
        self.count_label.setText(deals_text(sum(model.total() for model in self.models)))
        # The totals are read when the change broadcast comes, a moment later.
        name = stage_title(stage)
        if len(ids) == 1 and ids[0] in rows:
            sentence = self.tr("{quoted} moved to {stage}.").format(
                quoted=quoted(rows[ids[0]].title), stage=name
            )
        else:
            sentence = counted(
                self.tr("%Ln deal(s) moved to {stage}.", "", len(ids)), len(ids)
            ).format(stage=name)
        self.announce(self.board.view(target), sentence)
        # Once painted: the cards the next move will most likely paint anew, drawn ahead.
        self.board.warm_soon()

    def announce(self, widget: QWidget, sentence: str) -> None:
        """Tell screen readers (and the status bar) what just happened."""
        widget.setAccessibleDescription(sentence)
        if QAccessibleAnnouncementEvent is not None:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, sentence))
        self.context.notify(sentence)

    def ask_lost_reason(self) -> LostReason:
        """Before a move to lost: a reason, None (skip) or False (cancel). Tests replace it."""
        rows = self.deals.rows(self.selected_ids())
        titles = [r.title for r in rows.values()] or [self.tr("this deal")]
        dialog = LostReasonDialog(titles, self)
        dialog.exec()
        answer = dialog.answer()
        dialog.deleteLater()
        return answer

    # ------------------------------------------------------------------ editing
    def _double_clicked(self, index: QModelIndex) -> None:
        deal_id = index.data(ID_ROLE)
        if isinstance(deal_id, int):
            self.open_editor(deal_id)

    def open_selected(self) -> None:
        view = self.active_view()
        if view is None:
            return
        index = view.currentIndex()
        deal_id = index.data(ID_ROLE) if index.isValid() else None
        if not isinstance(deal_id, int):
            ids = self.selected_ids_of(view)
            deal_id = ids[0] if ids else None
        if isinstance(deal_id, int):
            self.open_editor(deal_id)

    def open_editor(self, deal_id: int | None) -> QDialog | None:
        """The deal editor (a new deal when ``deal_id`` is None), opened window-modal
        with ``open()`` (no nested event loop); it saves through the service itself.
        The saved card is selected on the board. Returns the dialog (None if none)."""
        try:
            from mailtrixy_desktop.ui.deals.deal_dialog import DealDialog
        except ImportError:
            self.context.notify(self.tr("The deal editor is not available in this build."))
            return None
        try:
            dialog = DealDialog(self.workspace, deal_id, self)
        except KeyError:  # deleted meanwhile (by a sync)
            self.context.notify(self.tr("This deal is no longer here."))
            self.refresh()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, deal_id: int) -> None:
        self.refresh()
        self.select_deal(deal_id)

    def confirm_delete(self, rows: Sequence[DealRow]) -> bool:
        """Ask before deleting, naming the deals; tests replace this to answer."""
        if len(rows) == 1:
            text = self.tr("Delete the deal {quoted}?").format(quoted=quoted(rows[0].title))
        else:
            names = ", ".join(quoted(r.title) for r in rows[:3])
            text = (
                counted(
                    self.tr("Delete %Ln deals: {names} and {more} more?", "", len(rows)),
                    len(rows),
                ).format(names=names, more=number(len(rows) - 3))
                if len(rows) > 3
                else counted(
                    self.tr("Delete %Ln deals: {names}?", "", len(rows)), len(rows)
                ).format(names=names)
            )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete deal"), text, parent=self)
        box.setObjectName("confirmDeleteDeal")
        box.setInformativeText(self.tr("It is deleted on the server too, and cannot be undone."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def delete_selected(self) -> int:
        ids = self.selected_ids()
        rows_by_id = self.deals.rows(ids)
        rows = [rows_by_id[i] for i in ids if i in rows_by_id]
        if not rows or not self.confirm_delete(rows):
            return 0
        for row in rows:
            self.deals.delete(row.id)
        self.refresh()
        if len(rows) == 1:
            self.context.notify(self.tr("{quoted} deleted.").format(quoted=quoted(rows[0].title)))
        else:
            self.context.notify(
                self.tr("{deals_text} deleted.").format(deals_text=deals_text(len(rows)))
            )
        return len(rows)

    # ------------------------------------------------------------------ changes
    def _refusal_ids(self) -> set[int]:
        """The deal operations the server refused that are still open, by id: a query
        of the outbox's state index, nothing decoded."""
        return set(
            self.workspace.store.column(
                "SELECT id FROM outbox WHERE state = ? AND target_type = 'deal'",
                (OpState.NEEDS_ATTENTION.value,),
            )
        )

    def _remember_refusals(self) -> None:
        self._refused = self._refusal_ids()

    def _tell_refusals(self) -> None:
        """A move or edit the server refused: the card is back; say why, once. Only the
        operations that newly need attention are read."""
        refused = self._refusal_ids()
        for op_id in sorted(refused - self._refused):
            op = outbox.get(self.workspace.store, op_id)
            if op is None or op.kind not in ("deal.update", "deal.lose"):
                continue
            row = self.deals.get(op.target_id) if op.target_id is not None else None
            title = row.title if row else self._titles.get(op.target_id or 0, self.tr("The deal"))
            why = op.last_error or self.tr("the server refused it")
            if "stage" in op.payload:
                self.context.notify(
                    self.tr("{quoted} could not be moved: {why}").format(
                        quoted=quoted(title), why=why
                    )
                )
            else:
                self.context.notify(
                    self.tr("{quoted} could not be saved: {why}").format(
                        quoted=quoted(title), why=why
                    )
                )
        self._refused = refused  # a retried one that fails again is told again

    def _on_changed(self, names: frozenset[str]) -> None:
        if "team" in names:
            self._fill_assignees()
        if "outbox" in names:
            self._tell_refusals()
        if "deals" not in names:
            return
        if not self.isVisible():
            self._stale = True
            return
        # After what is already due (the relayout and repaint of a drop's columns):
        # the board answers a drop within a frame, and catches up just after.
        self._refresh_timer.start()
