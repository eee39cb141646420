"""The sidebar's panes, described without importing them.

A pane's module is imported and its widget built the first time the person opens
it: the window paints with only the pane it shows, and each pane added to the app
costs nothing at start. A pane whose module is not there yet is simply absent.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from mailtrixy_desktop.ui.pane import Pane


@dataclass(frozen=True)
class PaneEntry:
    module: str
    class_name: str
    object_name: str
    title: str
    icon: str  # a file in ui/icons/ without ".svg"
    # The sidebar's count, read from the workspace so an unopened pane has one too.
    badge: Callable[[Workspace], int | None] | None = None

    def available(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except ModuleNotFoundError:  # the pane's package is not there either
            return False

    def load(self) -> type[Pane]:
        cls: type[Pane] = getattr(importlib.import_module(self.module), self.class_name)
        return cls


def _queued(workspace: Workspace) -> int | None:
    return workspace.queued_count() or None


def _open_conversations(workspace: Workspace) -> int | None:
    return workspace.inbox.counts().get("open") or None


def _entry(
    package: str,
    class_name: str,
    title: str,
    icon: str,
    badge: Callable[[Workspace], int | None] | None = None,
) -> PaneEntry:
    """``ui/<package>/pane.py`` holds ``class_name``, whose objectName is its camelCase."""
    object_name = class_name[0].lower() + class_name[1:]
    return PaneEntry(
        f"mailtrixy_desktop.ui.{package}.pane", class_name, object_name, title, icon, badge
    )


# The sidebar in this order.
PANES: tuple[PaneEntry, ...] = (
    _entry("contacts", "ContactsPane", QT_TRANSLATE_NOOP("Panes", "Contacts"), "contacts"),
    _entry(
        "inbox",
        "InboxPane",
        QT_TRANSLATE_NOOP("Panes", "Inbox"),
        "inbox",
        badge=_open_conversations,
    ),
    _entry("deals", "DealsPane", QT_TRANSLATE_NOOP("Panes", "Deals"), "deals"),
    _entry("campaigns", "CampaignsPane", QT_TRANSLATE_NOOP("Panes", "Campaigns"), "campaigns"),
    _entry("tags_groups", "TagsGroupsPane", QT_TRANSLATE_NOOP("Panes", "Tags & Groups"), "tags"),
    _entry("webhooks", "WebhooksPane", QT_TRANSLATE_NOOP("Panes", "Webhooks"), "webhooks"),
    _entry("outbox", "OutboxPane", QT_TRANSLATE_NOOP("Panes", "Outbox"), "outbox", badge=_queued),
)


def available_panes() -> list[PaneEntry]:
    return [entry for entry in PANES if entry.available()]
