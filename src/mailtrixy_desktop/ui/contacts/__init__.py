"""The contacts pane: a table over the cache, filters, bulk actions and a detail panel."""

from mailtrixy_desktop.ui.contacts.pane import ContactsPane

__all__ = ["ContactsPane"]
