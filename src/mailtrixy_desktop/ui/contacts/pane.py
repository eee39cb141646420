"""The contacts pane: search, filters, a table of every contact, bulk actions, details.

Reads: the ids a search and filters select are read on a worker thread with a
connection of their own (a search over 100,000 contacts takes milliseconds to
tens of milliseconds), and the newest request wins: a later keystroke makes
earlier answers stale, and a stale answer is dropped. A large answer (a first
letter matches a third of everyone) comes as its first ids and its count; the
rest of its ids are made after the table has painted (see ``_finish_later``).
Rows are read from a second connection on the UI thread, a window at a time, as
the table paints them, and kept by contact until the cache changes.

Writes go through the services (and so the outbox); the table follows the
change broadcast. A bulk action works on exactly the ids selected when the
person confirmed it, and its confirmation names how many that is.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store import contact_lists
from mailtrixy_desktop.store.contact_lists import ContactIds
from mailtrixy_desktop.store.contacts import contacts_by_id
from mailtrixy_desktop.store.tags_groups import TagChoice, group_choices, tag_choices
from mailtrixy_desktop.ui.async_bridge import spawn
from mailtrixy_desktop.ui.contacts.chips_delegate import ChipsDelegate, TextDelegate
from mailtrixy_desktop.ui.contacts.detail_panel import ContactDetailPanel, normalise_tag
from mailtrixy_desktop.ui.contacts.table_model import (
    BASE_COLUMNS,
    CUSTOM_PREFIX,
    ColumnKeyRole,
    ContactQuery,
    ContactsTableModel,
    GroupChipsRole,
    TagChipsRole,
    query_contact_ids,
)
from mailtrixy_desktop.ui.counts import count_text
from mailtrixy_desktop.ui.i18n import number, plural
from mailtrixy_desktop.ui.pane import Pane, PaneContext, pane_title, quiet_label

log = logging.getLogger("mailtrixy_desktop.ui.contacts")

SEARCH_DEBOUNCE_MS = 150
# A large answer first brings this many ids (a tall screenful and more) and its
# count; the rest follows once the table has painted them (or after FINISH_AFTER_MS),
# in slices of the event loop's time no longer than FINISH_SLICE_S, FINISH_STEP ids
# of the whole order looked at per step (~0.3 ms).
FIRST_IDS = 256
FINISH_AFTER_MS = 100
FINISH_SLICE_S = 0.002
FINISH_STEP = 4_096
GROUP_CHUNK = 500  # contact ids per membership request: a bounded request body
DEFAULT_WIDTHS = {
    "name": 160,
    "email": 190,
    "company": 120,
    "phone": 110,
    "tags": 180,
    "groups": 150,
    "created": 100,
    "updated": 100,
}
CUSTOM_WIDTH = 130


def chosen_id(combo: QComboBox) -> int | None:
    """The id behind a filter's choice; None for its first item ("All tags").

    Not ``currentData()``: PySide6 6.12 hands back an empty QVariant as None without
    taking a reference to it, and enough of those crash the interpreter.
    """
    index = combo.currentIndex()
    return None if index <= 0 else int(combo.itemData(index))


def contacts_text(count: int) -> str:
    return count_text(count, "contact")


@dataclass(frozen=True)
class _Answer:
    generation: int
    query: ContactQuery
    ids: ContactIds  # maybe only the first ones and the count (see _finish_later)
    total: int
    custom_fields: list[str] | None


_PANE = QT_TRANSLATE_NOOP("Shortcuts", "Contacts")


class ContactsPane(Pane):
    resources: ClassVar[tuple[str, ...]] = ("contacts", "tags", "groups")
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (_PANE, "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search name, email and company")),
        (_PANE, "Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New contact")),
        (_PANE, "Del", QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected contacts (asks first)")),
        (_PANE, "Ctrl+A", QT_TRANSLATE_NOOP("Shortcuts", "Select the contacts shown")),
    )

    viewUpdated = Signal()  # the table shows the answer to the latest query

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("contactsPane")
        self.setAccessibleName(self.tr("Contacts"))
        store = self.workspace.store
        # Two readers: the worker thread's (id queries) and the UI thread's (rows), so
        # painting never waits for a search in flight.
        self._query_reader = store.reader()
        self._rows_reader = store.reader()
        self._closed = False
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        self._query = ContactQuery()
        self._applied: ContactQuery | None = None
        self._total = 0
        self._stale = False
        self._fields_stale = True
        self._search_dirty = False
        self._tags: list[TagChoice] = []
        self._groups: list[tuple[int, str]] = []
        self._shown_custom: set[str] = set()  # custom field columns the person chose to see
        self._pending_select: int | None = None
        self._header_restored: dict[str, Any] | None = None
        self._rows_version: Any = None  # the rows reader's data_version when last read
        self._rows_dirty = True
        self.answered = 0  # answers applied; benchmarks and tests wait on it
        self.answered_at = 0.0

        self.model = ContactsTableModel(self._read_rows, self)
        self.model.sortRequested.connect(self._sort_requested)
        self._unfinished: _Answer | None = None  # shown with only its first ids
        self._finish_timer = QTimer(self)
        self._finish_timer.setSingleShot(True)
        self._finish_timer.timeout.connect(self._finish_step)
        self._build()
        self.context.changes.changed.connect(self._on_changed)
        self._load_choices()
        self._load_now()
        # The custom field names (a scan of every contact) come later, off this thread.
        QTimer.singleShot(0, self.refresh)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)

        header = QHBoxLayout()
        header.setSpacing(10)
        header.addWidget(pane_title(self.tr("Contacts"), self))
        self.count_label = quiet_label("contactsCount", self)
        header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        self.import_button: QPushButton = self._button(
            self.tr("Import…"), "contactsImport", self.tr("Import contacts from CSV")
        )
        self.import_button.clicked.connect(self._open_import)
        self.export_button = self._button(
            self.tr("Export…"), "contactsExport", self.tr("Export contacts to CSV")
        )
        self.export_button.clicked.connect(self._open_export)
        self.new_button = self._button(
            self.tr("New contact"), "contactNew", self.tr("Create a contact (Ctrl+N)")
        )
        self.new_button.clicked.connect(self.new_item)
        for button in (self.import_button, self.export_button, self.new_button):
            header.addWidget(button)
        layout.addLayout(header)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setObjectName("contactsSearch")
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setPlaceholderText(self.tr("Search name, email, company"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_edited)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._debounce_over)
        filters.addWidget(self.search, 1)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setObjectName("contactsTagFilter")
        self.tag_filter.setAccessibleName(self.tr("Filter by tag"))
        self.tag_filter.setMinimumContentsLength(14)
        self.tag_filter.currentIndexChanged.connect(self._filters_changed)
        filters.addWidget(self.tag_filter)
        self.group_filter = QComboBox(self)
        self.group_filter.setObjectName("contactsGroupFilter")
        self.group_filter.setAccessibleName(self.tr("Filter by group"))
        self.group_filter.setMinimumContentsLength(14)
        self.group_filter.currentIndexChanged.connect(self._filters_changed)
        filters.addWidget(self.group_filter)
        layout.addLayout(filters)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.selection_label = QLabel("", self)
        self.selection_label.setObjectName("contactsSelectionLabel")
        bar.addWidget(self.selection_label)
        self.select_all_button = QPushButton("", self)
        self.select_all_button.setObjectName("contactsSelectAllMatching")
        self.select_all_button.setFlat(True)
        self.select_all_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.select_all_button.clicked.connect(self._select_all_clicked)
        bar.addWidget(self.select_all_button)
        bar.addStretch(1)
        self.add_tag_button = self._menu_button(self.tr("Add tag"), "contactsBulkAddTag")
        self.remove_tag_button = self._menu_button(self.tr("Remove tag"), "contactsBulkRemoveTag")
        self.add_group_button = self._menu_button(self.tr("Add to group"), "contactsBulkAddGroup")
        self.remove_group_button = self._menu_button(
            self.tr("Remove from group"), "contactsBulkRemoveGroup"
        )
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("contactsDelete")
        self.delete_button.setAccessibleName(self.tr("Delete the selected contacts"))
        self.delete_button.setToolTip(self.tr("Delete the selected contacts (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self._bulk_buttons: list[QPushButton] = [
            self.add_tag_button,
            self.remove_tag_button,
            self.add_group_button,
            self.remove_group_button,
            self.delete_button,
        ]
        for bulk in self._bulk_buttons:
            bar.addWidget(bulk)
        layout.addLayout(bar)

        self.table = QTableView(self)
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Always there: a scroll bar that comes and goes with the match count would
        # resize the viewport, and so repaint the whole table, on many keystrokes.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Uniform rows: a fixed height means no per-row size queries at 100,000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(max(28, self.fontMetrics().height() + 12))
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionsMovable(True)
        horizontal.setHighlightSections(False)
        horizontal.setStretchLastSection(False)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        horizontal.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        horizontal.customContextMenuRequested.connect(self._header_menu)
        self.table.setItemDelegate(TextDelegate(self.model.shown, self))
        self.table.setItemDelegateForColumn(
            self.model.column_of("tags"), ChipsDelegate(TagChipsRole, coloured=True, parent=self)
        )
        self.table.setItemDelegateForColumn(
            self.model.column_of("groups"),
            ChipsDelegate(GroupChipsRole, coloured=False, parent=self),
        )
        for column, (key, _title) in enumerate(BASE_COLUMNS):
            self.table.setColumnWidth(column, DEFAULT_WIDTHS[key])
        self.table.setSortingEnabled(True)
        horizontal.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.columnsInserted.connect(self._columns_inserted)
        self.model.modelReset.connect(self._update_selection_bar)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel("", self.empty)
        self.empty_label.setObjectName("contactsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        empty_layout.addWidget(self.empty_label)
        self.clear_filters_button = QPushButton(self.tr("Clear search and filters"), self.empty)
        self.clear_filters_button.setObjectName("contactsClearFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        empty_layout.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.table_stack = QStackedWidget(self)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty)

        self.detail = ContactDetailPanel(self.workspace, self)
        self.detail.setMinimumWidth(400)  # its form fields stay readable, never clipped
        self.detail.savedContact.connect(self._select_when_shown)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("contactsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 420])
        layout.addWidget(self.splitter, 1)
        self._update_selection_bar()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(tip)
        button.setToolTip(tip)
        return button

    def _menu_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(self.tr("{text} for the selected contacts").format(text=text))
        button.setMenu(QMenu(button))
        return button

    # ------------------------------------------------------------------ Pane
    def activate(self) -> None:
        if self._stale:
            self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_item(self) -> None:
        self._keep_unsaved()
        self.table.clearSelection()
        self.detail.start_new()

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(self.settings_key("columns"), json.dumps(self._header_state()))
        settings.setValue(
            self.settings_key("filters"),
            json.dumps(
                {
                    "search": self.search.text(),
                    "tag_id": chosen_id(self.tag_filter),
                    "group_id": chosen_id(self.group_filter),
                }
            ),
        )

    def restore_state(self) -> None:
        settings = self.context.settings
        splitter = settings.value(self.settings_key("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)
        columns = settings.value(self.settings_key("columns"))
        if isinstance(columns, str):
            try:
                state = json.loads(columns)
            except ValueError:
                state = None
            if isinstance(state, dict):
                self._header_restored = state
                self._apply_header_state(state)
        filters = settings.value(self.settings_key("filters"))
        if isinstance(filters, str):
            try:
                saved = json.loads(filters)
            except ValueError:
                saved = {}
            if isinstance(saved, dict):
                self._select_data(self.tag_filter, saved.get("tag_id"))
                self._select_data(self.group_filter, saved.get("group_id"))
                self.search.setText(str(saved.get("search") or ""))
        self.refresh()

    def _header_state(self) -> dict[str, Any]:
        header = self.table.horizontalHeader()
        columns = []
        for column in range(self.model.columnCount()):
            key = self.model.column_key(column)
            columns.append(
                {
                    "key": key,
                    "width": header.sectionSize(column)
                    if not header.isSectionHidden(column)
                    else self._hidden_width(column),
                    "visual": header.visualIndex(column),
                    "hidden": header.isSectionHidden(column),
                }
            )
        return {
            "columns": columns,
            "shown_custom": sorted(self._shown_custom),
            "sort": [self.model.sort_key, self.model.descending],
        }

    def _hidden_width(self, column: int) -> int:
        key = self.model.column_key(column)
        return DEFAULT_WIDTHS.get(key, CUSTOM_WIDTH)

    def _apply_header_state(self, state: dict[str, Any]) -> None:
        """Columns by key, so a custom field column added or gone since does not shift
        the others."""
        header = self.table.horizontalHeader()
        self._shown_custom = {str(k) for k in state.get("shown_custom", [])}
        entries = [c for c in state.get("columns", []) if isinstance(c, dict)]
        for entry in entries:
            column = self.model.column_of(str(entry.get("key")))
            if column < 0:
                continue
            width = entry.get("width")
            if isinstance(width, int) and width > 0:
                header.resizeSection(column, width)
            hidden = bool(entry.get("hidden"))
            if str(entry.get("key")) == "name":
                hidden = False  # one column always stays
            header.setSectionHidden(column, hidden)
        for entry in sorted(entries, key=lambda e: int(e.get("visual", 0))):
            column = self.model.column_of(str(entry.get("key")))
            visual = entry.get("visual")
            if column >= 0 and isinstance(visual, int) and 0 <= visual < header.count():
                header.moveSection(header.visualIndex(column), visual)
        for column in range(len(BASE_COLUMNS), self.model.columnCount()):
            name = self.model.column_key(column).removeprefix(CUSTOM_PREFIX)
            header.setSectionHidden(column, name not in self._shown_custom)
        sort = state.get("sort")
        if isinstance(sort, list) and len(sort) == 2:
            column = self.model.column_of(str(sort[0]))
            if column >= 0:
                order = Qt.SortOrder.DescendingOrder if sort[1] else Qt.SortOrder.AscendingOrder
                header.setSortIndicator(column, order)  # asks the model to sort

    @staticmethod
    def _select_data(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ reading
    def _read_rows(self, ids: Sequence[int]) -> Any:
        if self._closed:
            return {}
        return contacts_by_id(self._rows_reader, ids)

    def current_query(self) -> ContactQuery:
        return replace(
            self._query,
            search=self.search.text(),
            tag_id=chosen_id(self.tag_filter),
            group_id=chosen_id(self.group_filter),
            sort_key=self.model.sort_key,
            descending=self.model.descending,
        )

    def _ask(self, generation: int, query: ContactQuery, with_fields: bool) -> _Answer | None:
        """On the worker thread. None when a newer request made this one stale."""
        if generation != self._generation or self._closed:
            return None
        reader = self._query_reader
        try:
            fields = contact_lists.custom_field_names(reader) if with_fields else None
            ids = query_contact_ids(reader, query, FIRST_IDS)
            if generation != self._generation:
                return None
            total = contact_lists.count_contacts(reader) if query.filtered else ids.count
        except sqlite3.ProgrammingError:
            if self._closed:
                return None  # closed under us: nobody is waiting for this answer
            raise
        return _Answer(generation, query, ids, total, fields)

    def _load_now(self) -> None:
        """The first read, on the UI thread: the pane paints with its rows at once."""
        self._generation += 1
        answer = self._ask(self._generation, self.current_query(), False)
        if answer is not None:
            self._apply(answer)

    def refresh(self) -> None:
        """Read the ids again for the current search, filters and order."""
        if self._closed:
            return
        if not self.isVisible() and self._applied is not None:
            self._stale = True  # read when shown
            return
        self._stale = False
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()  # the newest request wins
        with_fields, self._fields_stale = self._fields_stale, False
        self._task = spawn(
            self._load(self._generation, self.current_query(), with_fields),
            name="contacts-query",
        )

    async def _load(self, generation: int, query: ContactQuery, with_fields: bool) -> None:
        try:
            answer = await asyncio.to_thread(self._ask, generation, query, with_fields)
        except asyncio.CancelledError:
            if with_fields:
                self._fields_stale = True
            raise
        if answer is None or answer.generation != self._generation or self._closed:
            if with_fields:
                self._fields_stale = True
            return
        self._apply(answer)

    def _apply(self, answer: _Answer) -> None:
        if answer.custom_fields is not None:
            self._set_custom_fields(answer.custom_fields)
        same_query = self._applied == answer.query
        self._applied = answer.query
        self._total = answer.total
        rows_changed = self._rows_changed()
        reset = not (
            answer.ids.complete and self.model.complete and answer.ids.first == self.model.ids()
        )
        if not reset:
            if rows_changed:
                self.model.refresh_rows()
        else:
            keep = self._selected_for_restore(same_query)
            current = self.model.id_at(self.table.currentIndex().row())
            self.model.set_ids(answer.ids, rows_changed=rows_changed)
            self._restore_selection(keep, current)
        if self._pending_select is not None and self.model.row_of(self._pending_select) >= 0:
            self._select_ids([self._pending_select], self._pending_select)
            self._pending_select = None
        self._update_count()
        if reset:
            # The view's relayout after a reset (its scroll bar's new range) waits for a
            # timer that fires after the first paint, and then repaints every row again:
            # done now, there is one paint. (Last, as the timer would have run it.)
            self.table.doItemsLayout()
        if not answer.ids.complete:
            self._finish_later(answer)
        self.answered += 1
        self.answered_at = time.perf_counter()  # benchmarks time the paint that follows
        self.viewUpdated.emit()

    # A large answer comes as its first ids and its count: the table paints them at
    # once. The rest of the ids (one pass over every contact's id, no SQLite: ~10 ms
    # at 100,000) is made here, in slices of two milliseconds while nothing else
    # waits, from the first paint on; a keystroke in between makes it stale and
    # stops it. Whatever needs the ids sooner (a row past the first ones, selecting
    # all) makes the rest on the spot (ContactsTableModel.ids). Not on the worker
    # thread: there it would take turns with the paint for the interpreter.

    def _finish_later(self, answer: _Answer) -> None:
        if self._unfinished is None:
            self.table.viewport().installEventFilter(self)  # for its next paint
        self._unfinished = answer
        self._finish_timer.start(FINISH_AFTER_MS)  # if nothing is painted (hidden, no room)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._unfinished is not None:
            watched.removeEventFilter(self)
            self._finish_timer.start(0)  # once this paint is done
        return super().eventFilter(watched, event)

    def _finish_step(self) -> None:
        answer = self._unfinished
        if answer is None or self._closed:
            return
        if answer.generation != self._generation or self.model.complete:
            self._finished()  # a newer answer, or made already (something needed the ids)
            return
        until = time.perf_counter() + FINISH_SLICE_S
        while not answer.ids.advance(FINISH_STEP):
            if time.perf_counter() > until:
                self._finish_timer.start(0)  # the rest after whatever else is waiting
                return
        self._finished()
        self.model.finish(answer.ids)

    def _finished(self) -> None:
        self._unfinished = None
        self._finish_timer.stop()
        self.table.viewport().removeEventFilter(self)

    def _rows_changed(self) -> bool:
        """Whether the cache may have changed since the table's rows were read: a commit
        seen by the rows reader, or a change broadcast for contacts, tags or groups."""
        version = self._rows_reader.scalar("PRAGMA data_version")
        changed = self._rows_dirty or version != self._rows_version
        self._rows_version, self._rows_dirty = version, False
        return changed

    def _selected_for_restore(self, same_query: bool) -> list[int]:
        selection = self.table.selectionModel()
        if not selection.hasSelection():
            return []
        if not same_query and self._selected_count() == self.model.rowCount():
            return []  # "all matching" meant the old filter's matches
        return self.selected_ids()

    def _restore_selection(self, ids: Sequence[int], current: int | None) -> None:
        if ids or current is not None:
            self._select_ids(ids, current)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        filtered = self._applied is not None and self._applied.filtered
        self.count_label.setText(
            self.tr("{shown} of {contacts_text}").format(
                shown=number(shown), contacts_text=contacts_text(self._total)
            )
            if filtered
            else contacts_text(shown)
        )
        if shown:
            self.table_stack.setCurrentIndex(0)
            return
        if filtered:
            self.empty_label.setText(self.tr("No contacts match this search and these filters."))
            self.clear_filters_button.show()
        else:
            self.empty_label.setText(
                self.tr("No contacts yet.\nCreate one with New contact, or import a CSV file.")
            )
            self.clear_filters_button.hide()
        self.table_stack.setCurrentIndex(1)

    def count_text(self) -> str:
        return self.count_label.text()

    # ------------------------------------------------------------------ searching
    def _search_edited(self, _text: str) -> None:
        # The first keystroke after a pause searches at once; the ones that follow it
        # within the debounce interval are searched together when typing pauses.
        if self._debounce.isActive():
            self._search_dirty = True
        else:
            self._search_dirty = False
            self.refresh()
        self._debounce.start()

    def _debounce_over(self) -> None:
        if self._search_dirty:
            self._search_dirty = False
            self.refresh()

    def _filters_changed(self, _index: int) -> None:
        if self._applied is not None:
            self.refresh()

    def _sort_requested(self, _key: str, _descending: bool) -> None:
        if self._applied is not None:
            self.refresh()

    def clear_filters(self) -> None:
        for combo in (self.tag_filter, self.group_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.refresh()

    # ------------------------------------------------------------------ changes
    def _on_changed(self, names: frozenset[str]) -> None:
        if self._closed:
            return
        if names & {"tags", "groups"}:
            self._load_choices()
        if "contacts" in names:
            self._fields_stale = True
        if names & {"contacts", "tags", "groups"}:
            self._rows_dirty = True
            self.refresh()
        self.detail.on_changes(names)

    def _load_choices(self) -> None:
        self._tags = tag_choices(self._rows_reader)
        self._groups = group_choices(self._rows_reader)
        self.model.set_tag_colors({t.id: t.color for t in self._tags})
        self._fill_combo(self.tag_filter, self.tr("All tags"), [(t.id, t.name) for t in self._tags])
        self._fill_combo(self.group_filter, self.tr("All groups"), self._groups)
        self.detail.set_choices(self._tags, self._groups)
        self._fill_menus()

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, items: Sequence[tuple[int, str]]) -> None:
        chosen = chosen_id(combo)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for item_id, name in items:
            combo.addItem(name, item_id)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if chosen is not None and index < 0:
            combo.currentIndexChanged.emit(0)  # the chosen tag is gone: show everyone

    def _fill_menus(self) -> None:
        self._fill_menu(self.add_tag_button.menu(), self._tag_actions(add=True))
        self._fill_menu(self.remove_tag_button.menu(), self._tag_actions(add=False))
        self._fill_menu(self.add_group_button.menu(), self._group_actions(add=True))
        self._fill_menu(self.remove_group_button.menu(), self._group_actions(add=False))

    @staticmethod
    def _fill_menu(menu: QMenu, actions: list[tuple[str, Callable[[], object] | None]]) -> None:
        menu.clear()
        for text, handler in actions:
            if handler is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, h=handler: h())

    def _tag_actions(self, *, add: bool) -> list[tuple[str, Callable[[], object] | None]]:
        actions: list[tuple[str, Callable[[], object] | None]] = []
        for tag in self._tags:
            name = tag.name
            if add:
                actions.append((name, functools.partial(self.bulk_add_tag, name)))
            else:
                actions.append((name, functools.partial(self.bulk_remove_tag, name)))
        if add:
            if actions:
                actions.append(("", None))
            actions.append((self.tr("New tag…"), self._bulk_new_tag))
        return actions

    def _group_actions(self, *, add: bool) -> list[tuple[str, Callable[[], object] | None]]:
        if add:
            return [(n, functools.partial(self.bulk_add_to_group, g)) for g, n in self._groups]
        return [(n, functools.partial(self.bulk_remove_from_group, g)) for g, n in self._groups]

    # ------------------------------------------------------------------ selection
    def _selected_count(self) -> int:
        return sum(r.bottom() - r.top() + 1 for r in self._ranges())

    def _ranges(self) -> list[Any]:
        selection = self.table.selectionModel().selection()
        return [selection.at(i) for i in range(selection.length())]

    def selected_ids(self) -> list[int]:
        """The selected contacts' ids in table order (however many rows that is)."""
        ranges = sorted((r.top(), r.bottom()) for r in self._ranges())
        # Every id only if the selection reaches past those known yet.
        ids = self.model.ids(up_to=max((bottom + 1 for _top, bottom in ranges), default=0))
        chosen: list[int] = []
        seen: set[int] = set()
        for top, bottom in ranges:
            for contact_id in ids[top : bottom + 1]:
                if contact_id not in seen:
                    seen.add(contact_id)
                    chosen.append(contact_id)
        return chosen

    def select_all_matching(self) -> None:
        """Every contact the search and filters match, on screen or not."""
        self.table.selectAll()

    def _select_all_clicked(self) -> None:
        if self._selected_count() >= self.model.rowCount():
            self.table.clearSelection()
        else:
            self.select_all_matching()

    def _select_ids(self, ids: Sequence[int], current: int | None) -> None:
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r >= 0)
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        # Runs of consecutive rows become one range each: cheap even for 100,000 rows.
        runs: list[list[int]] = []
        for row in rows:
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for top, bottom in runs:
            selection.select(self.model.index(top, 0), self.model.index(bottom, last_column))
        model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if current is not None and (row := self.model.row_of(current)) >= 0:
            model.setCurrentIndex(self.model.index(row, 0), flags.NoUpdate)
        model.select(selection, flags.ClearAndSelect)

    def _select_when_shown(self, contact_id: int) -> None:
        if self.model.row_of(contact_id) >= 0:
            if self.selected_ids() != [contact_id]:
                self._select_ids([contact_id], contact_id)
        else:
            self._pending_select = contact_id

    def _selection_changed(self, *_args: Any) -> None:
        self._update_selection_bar()
        count = self._selected_count()
        if count == 1:
            contact_id = self.selected_ids()[0]
            if contact_id != self.detail.contact_id() or not self.detail.is_editing():
                self._keep_unsaved()
                self.detail.show_contact(contact_id)
        elif count > 1:
            self._keep_unsaved()
            self.detail.show_many(count)
        elif self.detail.contact_id() is not None:
            self._keep_unsaved()
            self.detail.show_none()

    def _keep_unsaved(self) -> None:
        """Leaving a contact with unsaved edits: save them, or drop them if asked to."""
        if self.detail.is_dirty() and self.confirm(
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this contact before leaving it?"),
            self.tr("Save"),
        ):
            self.detail.save()

    def _update_selection_bar(self) -> None:
        count = self._selected_count()
        rows = self.model.rowCount()
        for button in self._bulk_buttons:
            button.setEnabled(count > 0)
        if count == 0:
            self.selection_label.setText("")
            self.select_all_button.setVisible(False)
            return
        if count >= rows:
            self.selection_label.setText(
                plural(self.tr("All %Ln matching contact(s) selected.", "", rows), rows).replace(
                    str(rows), number(rows)
                )
            )
            self.select_all_button.setText(self.tr("Clear selection"))
            self.select_all_button.setVisible(True)
            return
        self.selection_label.setText(self.tr("{count} selected.").format(count=number(count)))
        self.select_all_button.setText(
            self.tr("Select all {rows} matching this filter").format(rows=number(rows))
        )
        self.select_all_button.setVisible(True)

    # ------------------------------------------------------------------ asking
    def confirm(self, title: str, text: str, accept: str) -> bool:
        """Ask before acting; tests replace this to answer for the person."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok and text.strip() else None

    # ------------------------------------------------------------------ bulk actions
    def _bulk_new_tag(self) -> None:
        name = self.ask_text(self.tr("New tag"), self.tr("Tag name (lowercase, no spaces):"))
        if name:
            self.bulk_add_tag(name)

    def bulk_add_tag(self, name: str) -> int:
        ids, tag = self.selected_ids(), normalise_tag(name)
        if not ids or not tag:
            return 0
        if not self.confirm(
            self.tr("Add tag"),
            plural(self.tr("Add the tag “{tag}” to %Ln contact(s)?", "", len(ids)), len(ids))
            .replace(str(len(ids)), number(len(ids)))
            .format(tag=tag),
            self.tr("Add tag"),
        ):
            return 0
        changed = self.workspace.contacts.add_tag(ids, tag)
        self.context.notify(
            self.tr("Tagged {contacts_text} “{tag}”.").format(
                contacts_text=contacts_text(changed), tag=tag
            )
        )
        return changed

    def bulk_remove_tag(self, name: str) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        if not self.confirm(
            self.tr("Remove tag"),
            plural(self.tr("Remove the tag “{tag}” from %Ln contact(s)?", "", len(ids)), len(ids))
            .replace(str(len(ids)), number(len(ids)))
            .format(tag=name),
            self.tr("Remove tag"),
        ):
            return 0
        changed = self.workspace.contacts.remove_tag(ids, name)
        self.context.notify(
            self.tr("Removed “{name}” from {contacts_text}.").format(
                name=name, contacts_text=contacts_text(changed)
            )
        )
        return changed

    def _group_name(self, group_id: int) -> str:
        return next((n for g, n in self._groups if g == group_id), self.tr("the group"))

    def bulk_add_to_group(self, group_id: int) -> int:
        ids, name = self.selected_ids(), self._group_name(group_id)
        if not ids or not self.confirm(
            self.tr("Add to group"),
            plural(self.tr("Add %Ln contact(s) to “{group}”?", "", len(ids)), len(ids))
            .replace(str(len(ids)), number(len(ids)))
            .format(group=name),
            self.tr("Add to group"),
        ):
            return 0
        for start in range(0, len(ids), GROUP_CHUNK):
            self.workspace.admin.add_members(group_id, ids[start : start + GROUP_CHUNK])
        self.context.notify(
            self.tr("Added {contacts_text} to “{name}”.").format(
                contacts_text=contacts_text(len(ids)), name=name
            )
        )
        return len(ids)

    def bulk_remove_from_group(self, group_id: int) -> int:
        ids, name = self.selected_ids(), self._group_name(group_id)
        if not ids or not self.confirm(
            self.tr("Remove from group"),
            plural(self.tr("Remove %Ln contact(s) from “{group}”?", "", len(ids)), len(ids))
            .replace(str(len(ids)), number(len(ids)))
            .format(group=name),
            self.tr("Remove from group"),
        ):
            return 0
        for start in range(0, len(ids), GROUP_CHUNK):
            self.workspace.admin.remove_members(group_id, ids[start : start + GROUP_CHUNK])
        self.context.notify(
            self.tr("Removed {contacts_text} from “{name}”.").format(
                contacts_text=contacts_text(len(ids)), name=name
            )
        )
        return len(ids)

    def delete_selected(self) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        if len(ids) == 1:
            row = self.model.contact(self.model.row_of(ids[0]))
            text = (
                self.tr("Delete “{name}”? This cannot be undone.").format(name=row.name)
                if row is not None
                else self.tr("Delete this contact? This cannot be undone.")
            )
        else:
            text = plural(
                self.tr("Delete %Ln contact(s)? This cannot be undone.", "", len(ids)), len(ids)
            ).replace(str(len(ids)), number(len(ids)))
        if not self.confirm(self.tr("Delete contacts"), text, self.tr("Delete")):
            return 0
        self.table.clearSelection()
        deleted = self.workspace.contacts.delete_many(ids)
        self.context.notify(
            self.tr("Deleted {contacts_text}.").format(contacts_text=contacts_text(deleted))
        )
        return deleted

    # ------------------------------------------------------------------ menus
    def _table_menu(self, position: QPoint) -> None:
        menu = self.table_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def table_menu(self) -> QMenu:
        menu = QMenu(self)
        count = self._selected_count()
        rows = self.model.rowCount()
        if count and count < rows:
            action = menu.addAction(
                self.tr("Select all {rows} matching this filter").format(rows=number(rows))
            )
            action.triggered.connect(self.select_all_matching)
            menu.addSeparator()
        for title, actions in (
            (self.tr("Add tag"), self._tag_actions(add=True)),
            (self.tr("Remove tag"), self._tag_actions(add=False)),
            (self.tr("Add to group"), self._group_actions(add=True)),
            (self.tr("Remove from group"), self._group_actions(add=False)),
        ):
            sub = menu.addMenu(title)
            self._fill_menu(sub, actions)
            sub.setEnabled(count > 0 and bool(actions))
        menu.addSeparator()
        delete = menu.addAction(
            plural(self.tr("Delete %Ln contact(s)…", "", count), count).replace(
                str(count), number(count)
            )
            if count
            else self.tr("Delete")
        )
        delete.setEnabled(count > 0)
        delete.triggered.connect(self.delete_selected)
        return menu

    def _header_menu(self, position: QPoint) -> None:
        menu = self.header_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()

    def header_menu(self) -> QMenu:
        """Which columns show; custom fields are listed by name, hidden until chosen."""
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            key = self.model.column_key(column)
            if column == len(BASE_COLUMNS):
                menu.addSection(self.tr("Custom fields"))
            action = QAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(key != "name")
            action.setData(key)
            action.toggled.connect(lambda on, k=key: self.set_column_visible(k, on))
            menu.addAction(action)
        return menu

    def set_column_visible(self, key: str, visible: bool) -> None:
        column = self.model.column_of(key)
        if column < 0:
            return
        if key.startswith(CUSTOM_PREFIX):
            name = key.removeprefix(CUSTOM_PREFIX)
            if visible:
                self._shown_custom.add(name)
            else:
                self._shown_custom.discard(name)
        header = self.table.horizontalHeader()
        header.setSectionHidden(column, not visible)
        if visible and header.sectionSize(column) < 40:
            header.resizeSection(column, DEFAULT_WIDTHS.get(key, CUSTOM_WIDTH))

    def _set_custom_fields(self, names: list[str]) -> None:
        self.model.set_custom_fields(names)

    def _columns_inserted(self, _parent: Any, first: int, last: int) -> None:
        header = self.table.horizontalHeader()
        widths = {}
        if self._header_restored:
            widths = {
                str(c.get("key")): c.get("width")
                for c in self._header_restored.get("columns", [])
                if isinstance(c, dict)
            }
        for column in range(first, last + 1):
            key = self.model.column_key(column)
            width = widths.get(key)
            header.resizeSection(column, width if isinstance(width, int) else CUSTOM_WIDTH)
            header.setSectionHidden(
                column, key.removeprefix(CUSTOM_PREFIX) not in self._shown_custom
            )

    def column_header_key(self, column: int) -> str:
        return str(self.model.headerData(column, Qt.Orientation.Horizontal, ColumnKeyRole))

    # ------------------------------------------------------------------ CSV dialogs
    def _open_import(self) -> None:
        try:  # written alongside this pane; absent in a build without it
            from mailtrixy_desktop.ui.contacts.import_dialog import ImportDialog
        except ImportError:
            self.context.notify(self.tr("CSV import is not available in this build."))
            return
        dialog = ImportDialog(self.workspace, self)  # type: ignore[call-arg, unused-ignore]
        dialog.open()

    def _open_export(self) -> None:
        try:
            from mailtrixy_desktop.ui.contacts.export_dialog import ExportDialog
        except ImportError:
            self.context.notify(self.tr("CSV export is not available in this build."))
            return
        header = self.table.horizontalHeader()
        columns = [
            self.model.column_key(header.logicalIndex(visual))
            for visual in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(visual))
        ]
        ids = self.selected_ids() if self._selected_count() else list(self.model.ids())
        dialog = ExportDialog(self.workspace, ids, columns, self)  # type: ignore[call-arg, unused-ignore]
        dialog.open()

    # ------------------------------------------------------------------ lifetime
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop listening and close the readers (the pane is going away)."""
        if self._closed:
            return
        self._closed = True
        self._generation += 1
        self._debounce.stop()
        self._finished()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        with contextlib.suppress(RuntimeError, TypeError):
            self.context.changes.changed.disconnect(self._on_changed)
        self._rows_reader.close()
        self._query_reader.close()
