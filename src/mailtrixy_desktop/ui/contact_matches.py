"""Picking a contact by typing: the matches of a cache search in a completer popup.

The deal dialog (its contact), the campaign editor (the contact the preview fills
merge tags from) and the group members pane (contacts to add) share it. Only our own
search results (FTS over the cache) are offered, so the completer neither filters
them again nor needs their text to match what was typed; a choice is told by its
row's contact id, as two contacts can share a name.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QWidget

from mailtrixy_desktop.store.contacts import ContactRow

if TYPE_CHECKING:
    from mailtrixy_desktop.services.workspace import Workspace

MATCHES_SHOWN: Final = 12
ContactIdRole: Final = Qt.ItemDataRole.UserRole + 1  # int


def contact_label(name: str, email: str) -> str:
    """ "Name <email>", or whichever of the two there is."""
    if name and email:
        return f"{name} <{email}>"
    return name or email


def search_rows(
    workspace: Workspace, text: str, *, leave_out: Collection[int] = ()
) -> list[ContactRow]:
    """The first ``MATCHES_SHOWN`` contacts matching ``text``, in the search's order."""
    contacts = workspace.contacts
    ids = [i for i in contacts.ids(search=text) if i not in leave_out][:MATCHES_SHOWN]
    rows = contacts.rows(ids)
    return [rows[i] for i in ids if i in rows]


class ContactMatches(QAbstractListModel):
    """The contacts a search found, as "Name <email>" (the company as a tooltip)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []

    def set_rows(self, rows: Sequence[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ContactRow:
        return self._rows[row]

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        contact = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return contact_label(contact.name, contact.email)
        if role == Qt.ItemDataRole.ToolTipRole:
            return contact.company or None
        if role == ContactIdRole:
            return contact.id
        return None


class ContactMatchesPopup:
    """``field``'s popup of matching contacts; ``chosen`` gets the picked row's index."""

    def __init__(
        self,
        owner: QWidget,
        field: QLineEdit,
        popup_name: str,
        chosen: Callable[[QModelIndex], None],
    ) -> None:
        self._field = field
        self.matches = ContactMatches(owner)
        self.completer = QCompleter(self.matches, owner)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(field)
        self.completer.setMaxVisibleItems(MATCHES_SHOWN)
        self.popup = QListView()
        self.popup.setObjectName(popup_name)
        self.popup.setAccessibleName(
            QCoreApplication.translate("ContactMatches", "Matching contacts")
        )
        self.completer.setPopup(self.popup)
        # The index overload: the row says which contact; two could share a name.
        self.completer.activated[QModelIndex].connect(chosen)  # type: ignore[index]

    def show(self, rows: Sequence[ContactRow]) -> None:
        """Offer ``rows`` (the popup opens while the field has the focus)."""
        self.matches.set_rows(rows)
        if self.matches.rowCount() and self._field.hasFocus():
            self.completer.complete()
        else:
            self.popup.hide()

    def clear(self) -> None:
        self.matches.set_rows([])
        self.popup.hide()
