"""What every pane of the main window is: a widget over one workspace.

The main window builds each pane with a ``PaneContext`` and only ever calls the
methods below, so a pane is free in how it lays itself out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.ui.async_bridge import ChangeBridge


@dataclass
class PaneContext:
    workspace: Workspace
    changes: ChangeBridge  # .changed(frozenset[str]) after every applied change or sync step
    settings: QSettings  # this workspace's settings; panes write under "panes/<objectName>/"
    notify: Callable[[str], None]  # one sentence in the status bar (never a modal dialog)
    refresh: Callable[[Iterable[str]], None]  # ask for a sync of these resources now (F5)
    # Show another pane and hand it an item: ("inboxPane", OpenItem(...)). The window
    # builds the pane if needed and calls its ``open_item``.
    open: Callable[[str, object], None] = lambda _pane, _item: None


class Pane(QWidget):
    """Subclasses set the class attributes and override what they support.

    A pane's title, icon and place in the sidebar are in ``pane_registry``; the
    window builds a pane the first time it is shown.
    """

    resources: ClassVar[tuple[str, ...]] = ()  # what F5 refreshes (sync resource names)
    # (section, keys, what it does): listed in Help → Keyboard shortcuts
    shortcuts: ClassVar[tuple[tuple[str, str, str], ...]] = ()

    badgeChanged = Signal()  # the sidebar asks badge() again

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    @property
    def workspace(self) -> Workspace:
        return self.context.workspace

    def badge(self) -> int | None:
        """A count for the sidebar once the pane is built (before: the registry's), or None."""
        return None

    def activate(self) -> None:
        """The pane became the visible one."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def open_item(self, item: object) -> None:
        """Another pane asked to show ``item`` here (see ``PaneContext.open``)."""

    def new_item(self) -> None:
        """Ctrl+N."""

    def save_state(self) -> None:
        """Keep splitter positions, column widths… in ``context.settings``."""

    def restore_state(self) -> None:
        """Put back what ``save_state`` kept (called once, when the pane is built)."""

    def settings_key(self, name: str) -> str:
        return f"panes/{self.objectName()}/{name}"


def pane_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A pane's title, the same size and weight in every pane."""
    title = QLabel(text, parent)
    font = QFont(title.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    title.setFont(font)
    return title


def quiet_label(object_name: str, parent: QWidget | None = None) -> QLabel:
    """A count or summary beside a title, in the palette's muted text (light and dark)."""
    label = QLabel("", parent)
    label.setObjectName(object_name)
    label.setEnabled(False)
    return label
