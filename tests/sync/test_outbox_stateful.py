"""The outbox under random operations, network failures, restarts and crashes.

A hypothesis state machine queues replies, deal updates and contact updates the
way the services do, switches the sandbox's faults on and off, runs the engine
for a while, restarts it (stopping it mid-flight, or "crashing" it just after a
request took effect and before its answer was recorded) and drains it. At the
end, with the network healthy and the queue drained: every reply is on the
server exactly once, every target carries the last value queued for it (the
order per target held), nothing is left waiting, and the cache equals the server.
"""

from __future__ import annotations

import asyncio
import tempfile
import uuid
from collections.abc import Awaitable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from mailtrixy_desktop.api.models import Contact, Conversation, Deal
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.store import contacts, conversations, deals, outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.store.values import to_units
from mailtrixy_desktop.sync.operations import KINDS
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import NO_FAULTS, Admin, Api
from tests.sync.outbox_worker import WAITING, eventually, make_client, make_engine

T = TypeVar("T")

STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")
NETWORKS: dict[str, dict[str, Any]] = {
    "healthy": {},
    "offline": {"offline": True},
    "answers lost": {"drop_rate": 1.0, "drop_phase": "after"},
    "flaky": {"drop_rate": 0.25, "drop_phase": "random", "error_rate": 0.25},
    "flaky, answers lost": {"drop_rate": 0.5, "drop_phase": "after"},
}
CONTACT_FIELDS = ("name", "company", "phone")
# Every failure reaches the engine: its retries, not the client's, are under test.
ONE_TRY = RetryPolicy(max_attempts=1)


def test_outbox_random_operations_failures_and_restarts(
    sandbox: SandboxProcess, api: Api, admin: Admin
) -> None:
    class Outbox(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.loop = asyncio.new_event_loop()
            self.folder = tempfile.TemporaryDirectory()
            self.path = Path(self.folder.name) / "ws.sqlite3"
            self.store = Store.open(self.path)
            self.client = make_client(sandbox.url, sandbox.token, ONE_TRY)
            self.engine = make_engine(self.client, self.store)
            # Fresh things on the server for each example, and in the cache.
            self.conversations = [
                admin.simulate("new_conversation", contact_id=api.make_contact()["id"])
                for _ in range(2)
            ]
            people = [api.make_contact() for _ in range(2)]
            self.deals = [api.make_deal(people[0]["id"], value=100, stage="lead") for _ in range(2)]
            self.contacts = people
            conversations.upsert_conversations(
                self.store, [Conversation.model_validate(c) for c in self.conversations]
            )
            deals.upsert_deals(self.store, [Deal.model_validate(d) for d in self.deals])
            contacts.upsert_contacts(self.store, [Contact.model_validate(c) for c in people])
            # The model: what the server must hold at the end.
            self.replies: dict[int, list[str]] = {c["id"]: [] for c in self.conversations}
            self.deal_values: dict[int, dict[str, Any]] = {d["id"]: {} for d in self.deals}
            self.contact_values: dict[int, dict[str, Any]] = {c["id"]: {} for c in people}

        def run(self, work: Awaitable[T]) -> T:
            return self.loop.run_until_complete(work)

        def queue(
            self,
            kind: str,
            target_type: str,
            target_id: int,
            payload: Mapping[str, Any],
            table: str,
            columns: Mapping[str, Any],
            context: Mapping[str, Any] | None = None,
        ) -> None:
            with self.store.transaction():
                if columns:
                    sets = "".join(f"{c} = ?, " for c in columns)
                    self.store.execute(
                        f"UPDATE {table} SET {sets}pending = 1 WHERE id = ?",
                        (*columns.values(), target_id),
                    )
                outbox.enqueue(
                    self.store,
                    kind=kind,
                    target_type=target_type,
                    target_id=target_id,
                    payload=payload,
                    context=context,
                )
            self.engine.wake()

        # ------------------------------------------------------------ operations
        @rule(which=st.integers(0, 1))
        def reply(self, which: int) -> None:
            conversation = self.conversations[which]
            token = f"sm-{uuid.uuid4().hex}"
            self.replies[conversation["id"]].append(token)
            row = conversations.conversation(self.store, conversation["id"])
            assert row is not None
            self.queue(
                "conversation.reply",
                "conversation",
                conversation["id"],
                {"body_html": f"<p>{token}</p>"},
                "conversations",
                {},
                context={
                    "messages_count": row.messages_count,
                    "status": row.status,
                    "assignee_id": row.assignee.id if row.assignee else None,
                },
            )

        @rule(which=st.integers(0, 1), stage=st.sampled_from(STAGES))
        def move_deal(self, which: int, stage: str) -> None:
            deal_id = self.deals[which]["id"]
            self.deal_values[deal_id]["stage"] = stage
            self.queue("deal.update", "deal", deal_id, {"stage": stage}, "deals", {"stage": stage})

        @rule(which=st.integers(0, 1), value=st.integers(0, 10_000))
        def price_deal(self, which: int, value: int) -> None:
            deal_id = self.deals[which]["id"]
            self.deal_values[deal_id]["value"] = Decimal(value)
            self.queue(
                "deal.update",
                "deal",
                deal_id,
                {"value": value},
                "deals",
                {"value_units": to_units(Decimal(value))},
            )

        @rule(which=st.integers(0, 1), field=st.sampled_from(CONTACT_FIELDS))
        def edit_contact(self, which: int, field: str) -> None:
            contact_id = self.contacts[which]["id"]
            value = f"{field.title()} {uuid.uuid4().hex[:8]}"
            self.contact_values[contact_id][field] = value
            self.queue(
                "contact.update",
                "contact",
                contact_id,
                {field: value},
                "contacts",
                {field: value},
            )

        # ------------------------------------------------------------ the world
        @rule(network=st.sampled_from(sorted(NETWORKS)), seconds=st.sampled_from((0.05, 0.3)))
        def run_engine(self, network: str, seconds: float) -> None:
            """The engine works in the background for a while on this network, then is
            stopped wherever it is (perhaps with a request on the wire)."""
            admin.faults(**{**NO_FAULTS, **NETWORKS[network]})

            async def work() -> None:
                self.engine.start()
                await asyncio.sleep(seconds)
                await self.engine.stop()

            self.run(work())

        @rule(network=st.sampled_from(sorted(NETWORKS)))
        def drain_once(self, network: str) -> None:
            admin.faults(**{**NO_FAULTS, **NETWORKS[network]})
            self.run(self.engine.drain())

        @rule()
        def restart(self) -> None:
            """A new process over the same file."""
            self.run(self.engine.stop())
            self.reopen()

        @rule(pick=st.integers(0, 10))
        def crash(self, pick: int) -> None:
            """The process dies just after one of the operations that may go took
            effect on the server, before its answer was recorded."""
            self.run(self.engine.stop())
            ready = self.ready()
            if ready:
                op = ready[pick % len(ready)]
                outbox.set_state(self.store, op.id, OpState.SENDING)
                admin.faults(**NO_FAULTS)
                self.run(KINDS[op.kind].send(self.client, op))
            self.reopen()

        def ready(self) -> list[outbox.Operation]:
            """The first waiting operation of each target: what may go next."""
            first: dict[tuple[str, int | None], outbox.Operation] = {}
            for op in outbox.open_operations(self.store):
                first.setdefault((op.target_type, op.target_id), op)
            return [op for op in first.values() if op.state in WAITING]

        def reopen(self) -> None:
            self.run(self.client.aclose())
            self.store.close()
            self.store = Store.open(self.path)
            self.client = make_client(sandbox.url, sandbox.token, ONE_TRY)
            self.engine = make_engine(self.client, self.store)

        # ------------------------------------------------------------ the end
        def teardown(self) -> None:
            try:
                admin.faults(**NO_FAULTS)
                self.run(self.settle())
                self.check()
            finally:
                self.run(self.engine.stop())
                self.run(self.client.aclose())
                self.store.close()
                self.loop.close()
                self.folder.cleanup()

        async def settle(self) -> None:
            self.engine.start()
            self.engine.retry_now()
            await eventually(
                lambda: not outbox.open_operations(self.store, WAITING),
                within=60,
                what="the queue to drain",
            )
            await self.engine.stop()

        def check(self) -> None:
            left = outbox.open_operations(self.store)
            assert left == [], [(o.kind, o.state, o.last_error) for o in left]
            for conversation_id, tokens in self.replies.items():
                messages = server_messages(api, conversation_id)
                bodies = [m["body_html"] or "" for m in messages]
                for token in tokens:
                    assert sum(token in b for b in bodies) == 1, token
                # In the order they were written.
                positions = [next(i for i, b in enumerate(bodies) if t in b) for t in tokens]
                assert positions == sorted(positions)
                cached = conversations.conversation_messages(self.store, conversation_id)
                for token in tokens:
                    assert sum(token in (m.body_html or "") for m in cached) == 1, token
            for deal_id, expected in self.deal_values.items():
                server = Deal.model_validate(api.data(api.get(f"/deals/{deal_id}")))
                row = deals.deal(self.store, deal_id)
                assert row is not None
                assert not row.pending
                for field, value in expected.items():
                    assert getattr(server, field) == value, (deal_id, field)
                assert (row.stage, row.value) == (server.stage, server.value)
            for contact_id, expected in self.contact_values.items():
                server_contact = api.data(api.get(f"/contacts/{contact_id}"))
                found = contacts.contacts_by_id(self.store, [contact_id])[contact_id]
                assert not found.pending
                for field, value in expected.items():
                    assert server_contact[field] == value, (contact_id, field)
                for field in CONTACT_FIELDS:
                    assert getattr(found, field) == server_contact[field], (contact_id, field)

    run_state_machine_as_test(
        Outbox,
        settings=settings(
            max_examples=15,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
            database=None,
        ),
    )


def server_messages(api: Api, conversation_id: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        response = api.get(
            f"/conversations/{conversation_id}/messages", params={"page": page, "per_page": 100}
        )
        found += api.data(response)
        if page >= response.json()["meta"]["last_page"]:
            return found
        page += 1
