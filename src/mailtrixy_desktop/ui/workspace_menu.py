"""A "Workspace" menu: the workspaces (the current one checked), add one, sign out.

It only shows and asks: the main window connects its signals to what switches,
adds and signs out (``app.workspaces``, ``app.credentials``), then calls
:meth:`WorkspaceMenu.set_workspaces` with the new list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget


class WorkspaceLike(Protocol):
    """What the menu needs of an entry (``app.workspaces.WorkspaceEntry`` fits)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def server_url(self) -> str: ...


class WorkspaceMenu(QMenu):
    switchRequested = Signal(str)  # workspace id
    addRequested = Signal()
    signOutRequested = Signal(str)  # workspace id

    def __init__(self, parent: QWidget | None = None, title: str = "&Workspace") -> None:
        super().__init__(title, parent)
        self.setObjectName("workspaceMenu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._current: str | None = None
        self.set_workspaces([], None)

    def set_workspaces(self, workspaces: Iterable[WorkspaceLike], current_id: str | None) -> None:
        """Rebuild the menu for this list; ``current_id`` is checked and can be signed out of."""
        self.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        self._current = current_id
        current_name: str | None = None
        for entry in workspaces:
            action = QAction(entry.name, self)
            action.setObjectName(f"workspace-{entry.id}")
            action.setCheckable(True)
            action.setChecked(entry.id == current_id)
            action.setToolTip(entry.server_url)
            action.setStatusTip(
                self.tr("Switch to {name} ({server_url})").format(
                    name=entry.name, server_url=entry.server_url
                )
            )
            action.setData(entry.id)
            action.triggered.connect(self._switch_to(entry.id))
            self._group.addAction(action)
            self.addAction(action)
            if entry.id == current_id:
                current_name = entry.name
        if self._group.actions():
            self.addSeparator()
        add = self.addAction(self.tr("Add workspace…"))
        add.setObjectName("workspaceAdd")
        add.triggered.connect(lambda: self.addRequested.emit())
        if current_id is not None and current_name is not None:
            sign_out = self.addAction(
                self.tr("Sign out of {current_name}").format(current_name=current_name)
            )
            sign_out.setObjectName("workspaceSignOut")
            sign_out.triggered.connect(lambda: self.signOutRequested.emit(current_id))

    def _switch_to(self, workspace_id: str) -> Callable[[], None]:
        def emit() -> None:
            if workspace_id != self._current:
                self.switchRequested.emit(workspace_id)
            else:
                # Choosing the open one again changes nothing; keep its tick.
                for action in self._group.actions():
                    action.setChecked(action.data() == workspace_id)

        return emit
