"""The Tags & Groups pane: tags with colour and use, groups and their members.

Three columns in one splitter: tags, groups, and the members of the chosen
group. Every change goes through ``workspace.admin`` (cache + outbox); the
lists redraw from the cache when the change broadcast names tags, groups or
contacts. A form waits briefly for the server so that a refusal (422) can be
shown beside the field it names; if the server is slow or away, the form closes
and a later refusal is reported in the status line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, cast

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api.models import GroupFields, TagFields
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.store.tags_groups import GroupRow, TagRow
from mailtrixy_desktop.sync.connectivity import State
from mailtrixy_desktop.ui.contact_matches import ContactMatchesPopup, search_rows
from mailtrixy_desktop.ui.i18n import counted
from mailtrixy_desktop.ui.pane import Pane, PaneContext
from mailtrixy_desktop.ui.tags_groups.delegates import GroupDelegate, TagDelegate
from mailtrixy_desktop.ui.tags_groups.dialogs import GroupDialog, TagDialog, _Form
from mailtrixy_desktop.ui.tags_groups.models import (
    GroupsModel,
    MembersModel,
    TagsModel,
    group_count,
    plural,
    tag_count,
)

# How long a form waits for the server before it closes and leaves the change queued.
FORM_WAIT_MS = 4000
SEARCH_DEBOUNCE_MS = 120


class _Placeholder:
    """A view that says what to do when it has no rows, instead of an empty box."""

    placeholder = ""

    def paint_placeholder(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None or model.rowCount() > 0 or not self.placeholder:
            return
        painter = QPainter(view.viewport())
        color = QColor(view.palette().color(view.foregroundRole()))
        color.setAlphaF(0.55)
        painter.setPen(color)
        rect = view.viewport().rect().adjusted(24, 24, -24, -24)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.placeholder,
        )


class ListView(QListView, _Placeholder):
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.paint_placeholder(self)


class TableView(QTableView, _Placeholder):
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.paint_placeholder(self)


@dataclass
class _Watch:
    """A queued change whose outcome the pane reports (beside a field, or in the status bar)."""

    what: str  # 'The tag "vip"'
    form: _Form | None
    kind: str  # "tag" or "group"
    target_id: int  # as queued: a created item's temporary id, followed to the server's


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def _subtitle() -> QLabel:
    label = QLabel()
    label.setForegroundRole(label.foregroundRole())
    label.setEnabled(False)  # the palette's muted text, in light and dark themes
    label.setWordWrap(True)
    return label


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(tip)
    button.setToolTip(tip)
    return button


_PANE = QT_TRANSLATE_NOOP("Shortcuts", "Tags & Groups")


class TagsGroupsPane(Pane):
    resources = ("tags", "groups")
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = (
        (
            _PANE,
            "Ctrl+N",
            QT_TRANSLATE_NOOP("Shortcuts", "New tag, or new group when the groups list has focus"),
        ),
        (_PANE, "F2", QT_TRANSLATE_NOOP("Shortcuts", "Rename the tag or edit the group")),
        (
            _PANE,
            "Del",
            QT_TRANSLATE_NOOP("Shortcuts", "Delete the tag or group (asks first); remove members"),
        ),
        (_PANE, "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search contacts to add to the group")),
    )

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("tagsGroupsPane")
        self.setAccessibleName(self.tr("Tags and groups"))
        self.tags_model = TagsModel(self)
        self.groups_model = GroupsModel(self)
        self.members_model = MembersModel(self.workspace.contacts.rows, self)
        self._watches: dict[int, _Watch] = {}
        self._selected_tag: int | None = None
        self._selected_group: int | None = None
        self._last_section = "tags"
        self._stale = True

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("tagsGroupsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self._build_tags())
        self.splitter.addWidget(self._build_groups())
        self.splitter.addWidget(self._build_members())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_member_search)

        context.changes.changed.connect(self._on_changed)
        # Read when first shown (showEvent): counting tags over 100,000 contacts is
        # not something the window's first paint should wait for.
        self._update_actions()

    # ------------------------------------------------------------------ building
    def _section(self, name: str) -> tuple[QWidget, QVBoxLayout]:
        widget = QWidget()
        widget.setObjectName(name)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        return widget, layout

    def _build_tags(self) -> QWidget:
        widget, layout = self._section("tagsSection")
        self.tags_count = _subtitle()
        self.tags_list = ListView()
        self.tags_list.setObjectName("tagsList")
        self.tags_list.setAccessibleName(self.tr("Tags"))
        self.tags_list.placeholder = self.tr(
            "No tags yet.\nTags label contacts; make one with New tag."
        )
        self.tags_list.setModel(self.tags_model)
        self.tags_list.setItemDelegate(TagDelegate(self.tags_list))
        self.tags_list.setUniformItemSizes(True)
        self.tags_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tags_list.selectionModel().currentChanged.connect(self._tag_selected)
        self.tags_list.doubleClicked.connect(lambda _i: self.rename_tag())
        self.tags_list.installEventFilter(self)

        self.tag_new = _button(self.tr("New tag…"), "tagNew", self.tr("Create a tag"))
        self.tag_rename = _button(self.tr("Rename…"), "tagRename", self.tr("Rename the tag"))
        self.tag_color = _button(self.tr("Colour…"), "tagColor", self.tr("Change the tag's colour"))
        self.tag_delete = _button(self.tr("Delete…"), "tagDelete", self.tr("Delete the tag"))
        self.tag_new.clicked.connect(self.new_tag)
        self.tag_rename.clicked.connect(self.rename_tag)
        self.tag_color.clicked.connect(self.recolor_tag)
        self.tag_delete.clicked.connect(self.delete_tag)
        self._shortcuts(self.tags_list, self.rename_tag, self.delete_tag)

        layout.addWidget(_title(self.tr("Tags")))
        layout.addWidget(self.tags_count)
        layout.addWidget(self.tags_list, 1)
        layout.addLayout(
            self._button_row(self.tag_new, None, self.tag_rename, self.tag_color, self.tag_delete)
        )
        return widget

    def _build_groups(self) -> QWidget:
        widget, layout = self._section("groupsSection")
        self.groups_count = _subtitle()
        self.groups_list = ListView()
        self.groups_list.setObjectName("groupsList")
        self.groups_list.setAccessibleName(self.tr("Contact groups"))
        self.groups_list.placeholder = self.tr(
            "No groups yet.\nGroups are lists of contacts, such as campaign recipients."
        )
        self.groups_list.setModel(self.groups_model)
        self.groups_list.setItemDelegate(GroupDelegate(self.groups_list))
        self.groups_list.setUniformItemSizes(True)
        self.groups_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups_list.selectionModel().currentChanged.connect(self._group_selected)
        self.groups_list.doubleClicked.connect(lambda _i: self.edit_group())
        self.groups_list.installEventFilter(self)

        self.group_new = _button(self.tr("New group…"), "groupNew", self.tr("Create a group"))
        self.group_edit = _button(
            self.tr("Edit…"), "groupEdit", self.tr("Edit the group's name and description")
        )
        self.group_delete = _button(self.tr("Delete…"), "groupDelete", self.tr("Delete the group"))
        self.group_new.clicked.connect(self.new_group)
        self.group_edit.clicked.connect(self.edit_group)
        self.group_delete.clicked.connect(self.delete_group)
        self._shortcuts(self.groups_list, self.edit_group, self.delete_group)

        layout.addWidget(_title(self.tr("Groups")))
        layout.addWidget(self.groups_count)
        layout.addWidget(self.groups_list, 1)
        layout.addLayout(self._button_row(self.group_new, None, self.group_edit, self.group_delete))
        return widget

    def _build_members(self) -> QWidget:
        widget, layout = self._section("membersSection")
        self.members_title = _title(self.tr("Members"))
        self.members_title.setObjectName("membersTitle")
        self.members_info = _subtitle()
        self.members_info.setObjectName("membersInfo")

        self.member_search = QLineEdit()
        self.member_search.setObjectName("groupMembersSearch")
        self.member_search.setAccessibleName(self.tr("Find a contact to add to the group"))
        self.member_search.setPlaceholderText(self.tr("Add contacts: type a name or email…"))
        self.member_search.setClearButtonEnabled(True)
        self.member_search.textEdited.connect(lambda _t: self._search_timer.start())
        self.member_search.returnPressed.connect(self.add_from_search)
        self.member_search.installEventFilter(self)
        # The completer only shows our own search results (FTS over the cache), so
        # it is attached to the field without filtering or rewriting its text.
        self._picker = ContactMatchesPopup(
            self, self.member_search, "groupMembersMatches", self._match_chosen
        )
        self.matches_model, self.completer = self._picker.matches, self._picker.completer
        self.matches_popup = self._picker.popup

        self.members_add = _button(
            self.tr("Add to group"),
            "groupMembersAdd",
            self.tr("Add the contact found by the search to the group"),
        )
        self.members_add.clicked.connect(self.add_from_search)
        search_row = QHBoxLayout()
        search_row.setSpacing(6)
        search_row.addWidget(self.member_search, 1)
        search_row.addWidget(self.members_add)

        self.members_view = TableView()
        self.members_view.setObjectName("groupMembers")
        self.members_view.setAccessibleName(self.tr("Members of the group"))
        self.members_view.setModel(self.members_model)
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_view.setAlternatingRowColors(True)
        self.members_view.setShowGrid(False)
        self.members_view.setWordWrap(False)
        self.members_view.verticalHeader().hide()
        self.members_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.members_view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.resizeSection(0, 200)
        self.members_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_actions()
        )
        self.members_view.installEventFilter(self)
        remove_action = QAction(self.tr("Remove from group"), self.members_view)
        remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.remove_members)
        self.members_view.addAction(remove_action)

        self.members_remove = _button(
            self.tr("Remove from group"),
            "groupMembersRemove",
            self.tr("Remove the selected contacts from the group"),
        )
        self.members_remove.clicked.connect(self.remove_members)
        self.members_selection = _subtitle()

        top = QHBoxLayout()
        top.addWidget(self.members_title)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.members_info)
        layout.addLayout(search_row)
        layout.addWidget(self.members_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.members_selection, 1)
        bottom.addWidget(self.members_remove)
        layout.addLayout(bottom)
        return widget

    @staticmethod
    def _button_row(*buttons: QPushButton | None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for button in buttons:
            if button is None:
                row.addStretch(1)
            else:
                button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
                row.addWidget(button)
        return row

    @staticmethod
    def _shortcuts(view: QAbstractItemView, edit: Any, delete: Any) -> None:
        for text, key, slot in (
            (QCoreApplication.translate("TagsGroupsPane", "Edit"), Qt.Key.Key_F2, edit),
            (QCoreApplication.translate("TagsGroupsPane", "Delete"), Qt.Key.Key_Delete, delete),
        ):
            action = QAction(text, view)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            view.addAction(action)

    # ------------------------------------------------------------------ pane contract
    def activate(self) -> None:
        if self._stale:
            self._reload()

    def focus_search(self) -> None:
        if self.member_search.isEnabled():
            self.member_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.member_search.selectAll()
        else:
            self.groups_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def new_item(self) -> None:
        if self._last_section == "groups":
            self.new_group()
        else:
            self.new_tag()

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue(self.settings_key("splitter"), self.splitter.saveState())
        settings.setValue(
            self.settings_key("members_header"), self.members_view.horizontalHeader().saveState()
        )

    def restore_state(self) -> None:
        settings = self.context.settings
        splitter = settings.value(self.settings_key("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = settings.value(self.settings_key("members_header"))
        if header is not None:
            self.members_view.horizontalHeader().restoreState(header)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            # Ctrl+N makes a tag or a group depending on which side was used last.
            self._last_section = "tags" if watched is self.tags_list else "groups"
        return super().eventFilter(watched, event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    # ------------------------------------------------------------------ reading
    def _on_changed(self, names: frozenset[str]) -> None:
        if "outbox" in names and self._watches:
            self._check_watches()
        if names & {"tags", "groups", "contacts"}:
            self._stale = True
            if self.isVisible():
                self._reload()

    def _reload(self) -> None:
        self._stale = False
        admin = self.workspace.admin
        tags = admin.tags()
        groups = admin.groups()
        self.tags_model.set_rows(tags)
        self.groups_model.set_rows(groups)
        self._reselect(self.tags_list, self.tags_model.row_of, self._selected_tag)
        self._reselect(self.groups_list, self.groups_model.row_of, self._selected_group)
        self.tags_count.setText(plural(len(tags), "tag") if tags else self.tr("None yet"))
        self.groups_count.setText(plural(len(groups), "group") if groups else self.tr("None yet"))
        self._load_members()
        self._update_actions()

    @staticmethod
    def _reselect(view: QAbstractItemView, row_of: Any, item_id: int | None) -> None:
        model = view.model()
        row = row_of(item_id) if item_id is not None else -1
        current = view.currentIndex()
        if row >= 0 and (not current.isValid() or current.row() != row):
            view.setCurrentIndex(model.index(row, 0))
        elif row < 0 and current.isValid():
            view.setCurrentIndex(QModelIndex())

    def current_tag(self) -> TagRow | None:
        row = self.tags_model.row_of(self._selected_tag) if self._selected_tag is not None else -1
        return self.tags_model.row_at(row) if row >= 0 else None

    def current_group(self) -> GroupRow | None:
        if self._selected_group is None:
            return None
        row = self.groups_model.row_of(self._selected_group)
        return self.groups_model.row_at(row) if row >= 0 else None

    def _tag_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._selected_tag = self.tags_model.row_at(current.row()).id if current.isValid() else None
        self._update_actions()

    def _group_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        chosen = self.groups_model.row_at(current.row()).id if current.isValid() else None
        if chosen != self._selected_group:
            self._selected_group = chosen
            self.member_search.clear()
            self.matches_model.set_rows([])
            self._load_members()
        self._update_actions()

    def _load_members(self) -> None:
        group = self.current_group()
        selected = set(self.selected_member_ids())
        ids = self.workspace.admin.group_member_ids(group.id) if group is not None else []
        if ids != self.members_model.ids():
            self.members_model.set_ids(ids)
            self._select_members(selected)
        else:
            # Same members: a name or email may have changed; scroll and selection stay.
            self.members_model.refresh_rows()
        if group is None:
            self.members_title.setText(self.tr("Members"))
            self.members_info.setText(self.tr("Choose a group to see and change its members."))
            self.members_view.placeholder = ""
            return
        self.members_title.setText(self.tr("Members of {name}").format(name=group.name))
        total = group_count(group)
        info = plural(total, "member")
        missing = total - len(ids)
        if missing > 0:
            info += " · " + counted(
                self.tr("%Ln member(s) not on this computer yet", "", missing), missing
            )
        self.members_info.setText(info)
        self.members_view.placeholder = self.tr(
            "No members yet.\nFind contacts with the search above to add them."
        )

    def _select_members(self, ids: set[int]) -> None:
        if not ids:
            return
        selection = self.members_view.selectionModel()
        for row, contact_id in enumerate(self.members_model.ids()):
            if contact_id in ids:
                selection.select(
                    self.members_model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def selected_member_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.members_view.selectionModel().selectedRows()})
        return [self.members_model.id_at(r) for r in rows if r < self.members_model.rowCount()]

    def _update_actions(self) -> None:
        has_tag = self.current_tag() is not None
        for button in (self.tag_rename, self.tag_color, self.tag_delete):
            button.setEnabled(has_tag)
        has_group = self.current_group() is not None
        for widget in (self.group_edit, self.group_delete, self.member_search, self.members_add):
            widget.setEnabled(has_group)
        chosen = len(self.selected_member_ids())
        self.members_remove.setEnabled(has_group and chosen > 0)
        self.members_selection.setText(
            counted(self.tr("%Ln contact(s) selected", "", chosen), chosen) if chosen else ""
        )

    # ------------------------------------------------------------------ tags
    def new_tag(self) -> None:
        form = TagDialog(
            title=self.tr("New tag"),
            taken=[t.name for t in self.workspace.admin.tags()],
            parent=self,
        )

        def submitted(values: dict[str, Any]) -> None:
            self._discard_refused(form)
            temp = self.workspace.admin.create_tag(values["name"], values["color"])
            self._select_tag(temp)
            self._follow("tag", temp, self.tr("The tag “{name}”").format(name=values["name"]), form)

        form.submitted.connect(submitted)
        self._open(form)

    def rename_tag(self) -> None:
        tag = self.current_tag()
        if tag is None:
            return
        form = TagDialog(
            title=self.tr("Edit tag"),
            taken=[t.name for t in self.workspace.admin.tags()],
            name=tag.name,
            color=tag.color,
            parent=self,
        )

        def submitted(values: dict[str, Any]) -> None:
            changes: dict[str, Any] = {}
            if values["name"] != tag.name:
                changes["name"] = values["name"]
            if values["color"] and values["color"] != (tag.color or "").upper():
                changes["color"] = values["color"]
            if not changes:
                form.accept()
                return
            self._discard_refused(form)
            self.workspace.admin.update_tag(tag.id, cast(TagFields, changes))
            self._follow(
                "tag", tag.id, self.tr("The tag “{name}”").format(name=values["name"]), form
            )

        form.submitted.connect(submitted)
        self._open(form)

    def recolor_tag(self) -> None:
        tag = self.current_tag()
        if tag is None:
            return
        picker = QColorDialog(QColor(tag.color or "#3B82F6"), self)
        picker.setObjectName("tagColorDialog")
        picker.setWindowTitle(self.tr("Colour of “{name}”").format(name=tag.name))
        picker.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)

        def chosen(color: QColor) -> None:
            value = color.name().upper()
            if value != (tag.color or "").upper():
                self.workspace.admin.update_tag(tag.id, {"color": value})
                self._follow(
                    "tag", tag.id, self.tr("The colour of “{name}”").format(name=tag.name), None
                )

        picker.colorSelected.connect(chosen)
        self._open(picker)

    def delete_tag(self) -> None:
        tag = self.current_tag()
        if tag is None:
            return
        count = tag_count(tag)
        text = (
            counted(
                self.tr(
                    "Delete the tag “{name}”? It is on %Ln contact(s); they keep everything else.",
                    "",
                    count,
                ),
                count,
            )
            if count
            else self.tr("Delete the tag “{name}”? No contact carries it.")
        )
        box = self._confirm("tagDeleteConfirm", self.tr("Delete tag"), text.format(name=tag.name))

        def finished(_result: int) -> None:
            if box.property("confirmed"):
                self.workspace.admin.delete_tag(tag.id)
                self.context.notify(self.tr("Deleted the tag “{name}”.").format(name=tag.name))

        box.finished.connect(finished)
        self._open(box)

    def _select_tag(self, tag_id: int) -> None:
        self._selected_tag = tag_id
        self._reload()
        self.tags_list.setFocus()

    # ------------------------------------------------------------------ groups
    def new_group(self) -> None:
        form = GroupDialog(title=self.tr("New group"), parent=self)

        def submitted(values: dict[str, Any]) -> None:
            self._discard_refused(form)
            temp = self.workspace.admin.create_group(values["name"], values["description"])
            self._select_group(temp)
            self._follow(
                "group", temp, self.tr("The group “{name}”").format(name=values["name"]), form
            )

        form.submitted.connect(submitted)
        self._open(form)

    def edit_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        form = GroupDialog(
            title=self.tr("Edit group"), name=group.name, description=group.description, parent=self
        )

        def submitted(values: dict[str, Any]) -> None:
            changes: dict[str, Any] = {}
            if values["name"] != group.name:
                changes["name"] = values["name"]
            if values["description"] != (group.description or None):
                changes["description"] = values["description"]
            if not changes:
                form.accept()
                return
            self._discard_refused(form)
            self.workspace.admin.update_group(group.id, cast(GroupFields, changes))
            self._follow(
                "group", group.id, self.tr("The group “{name}”").format(name=values["name"]), form
            )

        form.submitted.connect(submitted)
        self._open(form)

    def delete_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        count = group_count(group)
        box = self._confirm(
            "groupDeleteConfirm",
            self.tr("Delete group"),
            (
                counted(
                    self.tr(
                        "Delete the group “{name}”? Its %Ln member(s) stay contacts; "
                        "only the group goes.",
                        "",
                        count,
                    ),
                    count,
                )
                if count
                else self.tr("Delete the group “{name}”? It has no members.")
            ).format(name=group.name),
        )

        def finished(_result: int) -> None:
            if box.property("confirmed"):
                self.workspace.admin.delete_group(group.id)
                self.context.notify(self.tr("Deleted the group “{name}”.").format(name=group.name))

        box.finished.connect(finished)
        self._open(box)

    def _select_group(self, group_id: int) -> None:
        self._selected_group = group_id
        self._reload()
        self.groups_list.setFocus()

    # ------------------------------------------------------------------ members
    def _run_member_search(self) -> None:
        self._search_timer.stop()
        group = self.current_group()
        text = self.member_search.text().strip()
        if group is None or not text:
            self._picker.clear()
            return
        members = set(self.members_model.ids())
        self._picker.show(search_rows(self.workspace, text, leave_out=members))

    def add_from_search(self) -> None:
        """The Add button and Enter: the highlighted match, or the only one."""
        if self._search_timer.isActive() or (
            self.member_search.text().strip() and not self.matches_model.rowCount()
        ):
            self._run_member_search()
        popup = self.matches_popup
        current = popup.currentIndex() if popup.isVisible() else QModelIndex()
        count = self.matches_model.rowCount()
        if current.isValid():
            self._add_member(self.matches_model.id_at(current.row()))
        elif count == 1:
            self._add_member(self.matches_model.id_at(0))
        elif count > 1:
            self.member_search.setFocus()
            self.completer.complete()
            self.context.notify(
                self.tr("{plural} match; choose one from the list.").format(
                    plural=plural(count, "contact")
                )
            )
        elif self.member_search.text().strip():
            self.context.notify(
                self.tr("No contact matches that search (or they are all members).")
            )
        else:
            self.member_search.setFocus()

    def _match_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self._add_member(self.matches_model.id_at(index.row()))

    def _add_member(self, contact_id: int) -> None:
        group = self.current_group()
        if group is None:
            return
        contact = self.workspace.contacts.get(contact_id)
        self.workspace.admin.add_members(group.id, [contact_id])
        self.member_search.clear()
        self._picker.clear()
        name = contact.name if contact is not None else self.tr("The contact")
        self.context.notify(
            self.tr("Added {name} to “{name2}”.").format(name=name, name2=group.name)
        )

    def remove_members(self) -> None:
        group = self.current_group()
        ids = self.selected_member_ids()
        if group is None or not ids:
            return
        self.workspace.admin.remove_members(group.id, ids)
        self.context.notify(
            self.tr("Removed {plural} from “{name}”.").format(
                plural=plural(len(ids), "contact"), name=group.name
            )
        )

    # ------------------------------------------------------------------ dialogs and outcomes
    def _open(self, dialog: QWidget) -> None:
        # open(), not exec(): no nested event loop under qasync.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]

    def _confirm(self, name: str, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setObjectName(name)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDelete")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        # The answer is kept on the box: with open() the clicked button is gone by finished.
        box.buttonClicked.connect(lambda b: box.setProperty("confirmed", b is delete))
        return box

    def _discard_refused(self, form: _Form) -> None:
        """Saving again after a refusal replaces the refused change in the outbox."""
        if form.refused_op is not None:
            self.workspace.discard(form.refused_op)
            form.refused_op = None

    def _follow(self, kind: str, target_id: int, what: str, form: _Form | None) -> None:
        ops = [
            op
            for op in self.workspace.operations()
            if op.target_type == kind and op.target_id == target_id
        ]
        if not ops:
            if form is not None:
                form.accept()
            return
        op_id = max(op.id for op in ops)
        self._watches[op_id] = _Watch(what, form, kind, target_id)
        if form is None:
            return
        # A form closed by the person (or by us) is no longer there to show errors in.
        form.finished.connect(lambda _r: self._forget_form(op_id))
        if self.workspace.connectivity.state != State.ONLINE:
            self._let_go(
                op_id, self.tr("Saved on this computer; it is sent when the connection returns.")
            )
            return
        form.set_busy(True)
        QTimer.singleShot(FORM_WAIT_MS, form, lambda: self._let_go(op_id, ""))
        self._check_watches()

    def _forget_form(self, op_id: int) -> None:
        watch = self._watches.get(op_id)
        if watch is not None:
            watch.form = None

    def _let_go(self, op_id: int, message: str) -> None:
        """Stop holding the form open; the outcome, if bad, goes to the status line."""
        watch = self._watches.get(op_id)
        if watch is None or watch.form is None:
            return
        form, watch.form = watch.form, None
        form.accept()
        if message:
            self.context.notify(message)

    def _check_watches(self) -> None:
        for op_id, watch in list(self._watches.items()):
            op = outbox_store.get(self.workspace.store, op_id)
            if op is None:  # discarded from the outbox
                del self._watches[op_id]
                if watch.form is not None:
                    watch.form.set_busy(False)
                continue
            if op.state == OpState.DONE:
                del self._watches[op_id]
                self._follow_new_id(watch, op.result)
                if watch.form is not None:
                    watch.form.accept()
            elif op.state == OpState.NEEDS_ATTENTION:
                del self._watches[op_id]
                fields = (op.result or {}).get("field_errors") or {}
                form = watch.form
                if form is not None:
                    form.refused_op = op_id
                    if not form.show_errors(fields):
                        form.set_status(op.last_error or self.tr("The server refused this change."))
                else:
                    self.context.notify(
                        self.tr("{what} was not saved: {value}").format(
                            what=watch.what, value=op.last_error or self.tr("the server refused it")
                        )
                    )

    def _follow_new_id(self, watch: _Watch, result: Any) -> None:
        """A created tag or group got its server id: keep it selected under the new one."""
        new_id = result.get("id") if isinstance(result, dict) else None
        if not isinstance(new_id, int) or watch.target_id >= 0:
            return
        if watch.kind == "tag" and self._selected_tag == watch.target_id:
            self._selected_tag = new_id
        if watch.kind == "group" and self._selected_group == watch.target_id:
            self._selected_group = new_id

    def closeEvent(self, event: Any) -> None:
        self._search_timer.stop()
        super().closeEvent(event)


__all__ = ["TagsGroupsPane"]
