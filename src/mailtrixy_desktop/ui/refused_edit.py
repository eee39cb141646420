"""Reopening a change the server refused, in the dialog that made it.

A ``<kind>.create`` or ``<kind>.update`` refused with a 422 waits in the outbox as
"needs attention". Its dialog opens again on what the person wrote, the server's
messages beside their fields; the operation is held as "being edited" while the
dialog is open (saving replaces it, cancelling puts it back). The deal and the
campaign dialogs share this flow; each says how to build itself and fill its form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from mailtrixy_desktop.services.workspace import Workspace
    from mailtrixy_desktop.store.outbox import Operation


class RefusableDialog(Protocol):
    refused_op: Operation | None

    def setWindowTitle(self, title: str, /) -> None: ...
    def refused_title(self, new: bool) -> str: ...
    def apply_payload(self, payload: Mapping[str, Any]) -> None: ...
    def show_refusal(self, op: Operation) -> None: ...


D = TypeVar("D", bound=RefusableDialog)


def reopen_refused(
    build: Callable[[int | None], D],
    workspace: Workspace,
    op: Operation,
    *,
    kind: str,
    exists: Callable[[int], object | None],
) -> D | None:
    """The dialog ``build(target_id or None)`` on the refused ``op``; None when it
    cannot be edited now (sent, on the wire, or discarded) or what it changed no
    longer exists here."""
    if op.kind not in (f"{kind}.create", f"{kind}.update"):
        raise ValueError(f"not a {kind} edit: {op.kind}")
    if op.kind == f"{kind}.update" and (op.target_id is None or exists(op.target_id) is None):
        return None
    editing = workspace.begin_edit(op.id)
    if editing is None:
        return None
    target = editing.target_id if editing.kind == f"{kind}.update" else None
    try:
        dialog = build(target)
    except KeyError:  # gone between the check and the build
        workspace.cancel_edit(op.id)
        return None
    dialog.refused_op = editing
    dialog.setWindowTitle(dialog.refused_title(target is None))
    dialog.apply_payload(editing.payload)
    dialog.show_refusal(editing)
    return dialog
