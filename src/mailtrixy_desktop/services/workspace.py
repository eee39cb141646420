"""One signed-in workspace: its cache, engines and façades, wired once.

The app builds a ``Workspace`` per server and token; panes get the façades
(``workspace.contacts``, ``workspace.deals``...) and listen to
``workspace.changes``. Nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mailtrixy_desktop.services import outbox_view
from mailtrixy_desktop.services.admin import AdminService
from mailtrixy_desktop.services.campaigns import CampaignsService
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.services.contact_csv import ContactCsvService
from mailtrixy_desktop.services.contacts import ContactsService
from mailtrixy_desktop.services.deals import DealsService
from mailtrixy_desktop.services.inbox import InboxService
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.sync.connectivity import Connectivity
from mailtrixy_desktop.sync.outbox_engine import OutboxEngine
from mailtrixy_desktop.sync.pull import PullEngine
from mailtrixy_desktop.sync.scheduler import ALL as SYNCED
from mailtrixy_desktop.sync.scheduler import SyncScheduler

if TYPE_CHECKING:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.store.database import Store
    from mailtrixy_desktop.store.outbox import Operation


@dataclass
class Workspace:
    client: MailTrixyClient
    store: Store
    changes: ChangeHub = field(default_factory=ChangeHub)

    def __post_init__(self) -> None:
        self.connectivity = Connectivity(self._probe)
        self.outbox = OutboxEngine(self.client, self.store, connectivity=self.connectivity)
        self.pull = PullEngine(self.client, self.store, connectivity=self.connectivity)
        self.sync = SyncScheduler(self.pull, self.connectivity)
        self.commands = Commands(self.store, self.changes, self.outbox.wake)
        self.contacts = ContactsService(self.commands)
        self.deals = DealsService(self.commands)
        self.inbox = InboxService(self.commands, self.client)
        self.campaigns = CampaignsService(self.commands)
        self.admin = AdminService(self.commands, self.client)
        self.contact_csv = ContactCsvService(self.commands, self.client)
        # Engines report what changed; the hub is the one broadcast the panes hear.
        self.outbox.on_change(self.changes.publish)
        self.outbox.on_change(self._pull_after_outbox)
        self.pull.on_change(self.changes.publish)

    async def _probe(self) -> object:
        # Through a method, not ``client.team.me``: naming the resource loads it (and
        # pydantic), which can wait until the window has painted.
        return await self.client.team.me()

    def _pull_after_outbox(self, names: Iterable[str]) -> None:
        # A sync page read just before a change landed can be written just after the
        # outbox stored the server's answer; the server's clock has whole seconds, so
        # the cache cannot always tell the older version. Pulling once more after each
        # settled change puts the newest version back within a moment.
        wanted = [n for n in names if n in SYNCED]
        if wanted:
            self.sync.request(wanted)

    def start(self, *, sync: bool = True) -> None:
        """Start sending the outbox and (unless told not to) pulling on a schedule."""
        self.outbox.start()
        if sync:
            self.sync.start()

    async def close(self) -> None:
        await self.sync.stop()
        await self.outbox.stop()
        await self.connectivity.close()

    # ------------------------------------------------------------------ the outbox pane
    def operations(self) -> list[Operation]:
        return outbox.open_operations(self.store)

    def queued_count(self) -> int:
        return outbox.count_open(self.store)

    def retry_now(self, op_id: int) -> None:
        """The person says "retry now": no waiting for the backoff."""
        self.outbox.retry_now(op_id)
        self.changes.publish({"outbox"})

    def send_as_is(self, op_id: int) -> None:
        """A held reply goes out without another look at the conversation."""
        op = outbox.get(self.store, op_id)
        if op is None:
            return
        context = dict(op.context or {})
        context["checked"] = True
        with self.store.transaction():
            outbox.update_context(self.store, op_id, context)
            outbox.set_state(self.store, op_id, OpState.QUEUED, next_attempt_at=0.0)
        self.changes.publish({"outbox"})
        self.outbox.wake()

    def discard(self, op_id: int) -> None:
        """Drop an operation (the UI asks first); its optimistic change stays until sync."""
        outbox.discard(self.store, op_id)
        self.changes.publish({"outbox"})

    # ------------------------------------------------------------------ the outbox pane's edits
    def describe(self, op: Operation) -> str:
        """What ``op`` is, in a line: "Move deal “Acme renewal” to Proposal"."""
        return outbox_view.describe(op, self.store)

    def begin_edit(self, op_id: int) -> Operation | None:
        """Hold ``op_id`` back while the person edits it; None if it cannot be edited now."""
        op = outbox_view.begin_edit(self.store, op_id)
        self.changes.publish({"outbox"})
        return op

    def save_edit(self, op_id: int, payload: Mapping[str, Any]) -> bool:
        """The edited operation goes out with ``payload``; False if it was no longer being
        edited (discarded meanwhile, or already sent)."""
        saved = outbox_view.save_edit(self.store, op_id, payload)
        self.changes.publish({"outbox", "messages"} if saved else {"outbox"})
        self.outbox.wake()
        return saved

    def cancel_edit(self, op_id: int) -> bool:
        cancelled = outbox_view.cancel_edit(self.store, op_id)
        self.changes.publish({"outbox"})
        self.outbox.wake()  # later operations on its target may go again
        return cancelled

    def retry(self, op_ids: Iterable[int]) -> int:
        """ "Retry now" for any open operation: refused ones go back into the queue."""
        count = outbox_view.retry(self.store, op_ids)
        self.changes.publish({"outbox"})
        self.outbox.wake()
        return count

    def discard_operations(self, op_ids: Iterable[int]) -> outbox_view.Discarded:
        """Drop operations (the UI asks first) and stop holding their optimistic changes;
        ``restore_discarded`` then fetches the server's versions."""
        discarded = outbox_view.discard(self.store, op_ids)
        self.changes.publish({"outbox", *discarded.resources})
        self.outbox.wake()  # what waited behind them may go
        return discarded

    async def restore_discarded(self, discarded: outbox_view.Discarded) -> None:
        changed = await outbox_view.restore(
            self.client,
            self.store,
            discarded.targets,
            wait_online=self.connectivity.wait_online,
        )
        if changed:
            self.changes.publish(changed)
