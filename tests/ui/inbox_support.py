"""Driving the Inbox pane through its widgets, shared by the inbox end-to-end tests."""

from __future__ import annotations

from PySide6.QtWidgets import QListView, QTextBrowser

from mailtrixy_desktop.ui.inbox.list_model import ID_ROLE
from mailtrixy_desktop.ui.inbox.pane import InboxPane
from mailtrixy_desktop.ui.main_window import MainWindow


def inbox_of(window: MainWindow) -> InboxPane:
    """Show the Inbox pane (built on first show) and return it."""
    row = window.row_of("inboxPane")
    assert row is not None, "the Inbox pane is in the sidebar"
    window.show_pane(row)
    pane = window.findChild(InboxPane, "inboxPane")
    assert pane is not None
    return pane


def open_conversation(pane: InboxPane, conversation_id: int) -> None:
    """Select the conversation in the list, as a click would."""
    listing = pane.findChild(QListView, "conversationList")
    assert listing is not None
    model = listing.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == conversation_id
    )
    listing.setCurrentIndex(model.index(row, 0))
    assert pane.current_id == conversation_id


def thread_text(pane: InboxPane) -> str:
    thread = pane.findChild(QTextBrowser, "conversationThread")
    assert thread is not None
    return thread.toPlainText()
