"""The workspace menu shows the list and asks; it decides nothing."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from mailtrixy_desktop.ui.workspace_menu import WorkspaceMenu


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    server_url: str


ACME = Entry("acme-1", "Acme", "https://crm.acme.test")
LOCAL = Entry("local-1", "Local", "http://127.0.0.1:8000")


def _actions(menu: WorkspaceMenu) -> dict[str, QAction]:
    return {a.objectName(): a for a in menu.actions() if a.objectName()}


def test_lists_workspaces_with_the_current_one_checked(qtbot: QtBot) -> None:
    menu = WorkspaceMenu()
    qtbot.addWidget(menu)
    menu.set_workspaces([ACME, LOCAL], "acme-1")
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert list(actions) == [
        "workspace-acme-1",
        "workspace-local-1",
        "workspaceAdd",
        "workspaceSignOut",
    ]
    assert actions["workspace-acme-1"].isChecked()
    assert not actions["workspace-local-1"].isChecked()
    assert actions["workspaceSignOut"].text() == "Sign out of Acme"

    switched: list[str] = []
    signed_out: list[str] = []
    added: list[bool] = []
    menu.switchRequested.connect(switched.append)
    menu.signOutRequested.connect(signed_out.append)
    menu.addRequested.connect(lambda: added.append(True))

    actions["workspace-acme-1"].trigger()  # the open one: nothing to do, still ticked
    assert switched == []
    assert actions["workspace-acme-1"].isChecked()
    actions["workspace-local-1"].trigger()
    assert switched == ["local-1"]
    actions["workspaceAdd"].trigger()
    assert added == [True]
    actions["workspaceSignOut"].trigger()
    assert signed_out == ["acme-1"]


def test_rebuilds_and_offers_adding_when_empty(qtbot: QtBot) -> None:
    menu = WorkspaceMenu()
    qtbot.addWidget(menu)
    menu.set_workspaces([ACME, LOCAL], "acme-1")
    menu.set_workspaces([LOCAL], None)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["workspace-local-1", "workspaceAdd"]
    menu.set_workspaces([], None)
    assert [a.objectName() for a in menu.actions()] == ["workspaceAdd"]
