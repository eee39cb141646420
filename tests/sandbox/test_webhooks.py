"""Webhooks end to end: the management API, and real signed deliveries to a local receiver.

The sandbox is shared by the session, so every test subscribes its own webhooks
(deleted again afterwards) and looks only at what reaches its own receiver.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.support.fixtures import Admin, Api
from tests.support.receiver import Delivery, Receiver

# The reference's table of events, in its order.
EVENTS = (
    "contact.created",
    "contact.updated",
    "contact.deleted",
    "conversation.created",
    "conversation.replied",
    "conversation.closed",
    "deal.created",
    "deal.stage_changed",
    "deal.won",
    "deal.lost",
    "campaign.sent",
    "campaign.completed",
)
LISTED_FIELDS = {"id", "url", "events", "is_active", "created_at"}
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
HTTPS_URL = "https://hooks.zapier.com/hooks/catch/123456/abcdef/"
DELIVERY_TIMEOUT = 15.0


@dataclass
class Hooks:
    """Creates webhooks for one test and deletes them when it ends."""

    api: Api
    ids: list[int] = field(default_factory=list)

    def create(self, url: str, events: list[str]) -> dict[str, Any]:
        created: dict[str, Any] = self.api.data(
            self.api.post("/webhooks", json={"url": url, "events": events}), 201
        )
        self.ids.append(created["id"])
        return created

    def delete_all(self) -> None:
        for hook_id in self.ids:
            status = self.api.delete(f"/webhooks/{hook_id}").status_code
            assert status in (200, 404)


@pytest.fixture
def hooks(api: Api) -> Iterator[Hooks]:
    made = Hooks(api)
    yield made
    made.delete_all()


# ---------------------------------------------------------------- helpers
def listed(api: Api) -> dict[int, dict[str, Any]]:
    return {w["id"]: w for w in api.data(api.get("/webhooks"))}


def expected_signature(secret: str, body: bytes) -> str:
    """Computed here from the reference's description, not with the sandbox's code."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def payload(delivery: Delivery, secret: str) -> dict[str, Any]:
    """The delivery's JSON body, after checking its headers and its signature."""
    assert delivery.headers.get("content-type", "").startswith("application/json")
    assert delivery.headers.get("x-mailtrixy-signature") == expected_signature(
        secret, delivery.body
    )
    body: dict[str, Any] = json.loads(delivery.body)
    assert delivery.headers.get("x-mailtrixy-event") == body["event"]
    assert ISO_UTC.match(body["timestamp"]), body["timestamp"]
    assert isinstance(body["workspace_id"], int)
    assert isinstance(body["data"], dict)
    return body


def wait_for_payload(
    receiver: Receiver,
    secret: str,
    matches: Callable[[dict[str, Any]], bool],
    *,
    path: str = "/hook",
    timeout: float = DELIVERY_TIMEOUT,
) -> dict[str, Any]:
    """The first verified payload on ``path`` that ``matches``, waiting until ``timeout``."""
    deadline = time.monotonic() + timeout
    seen = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no matching delivery on {path}; got {receiver.events()}")
        try:
            deliveries = receiver.wait_for(seen + 1, timeout=remaining)
        except AssertionError:
            raise AssertionError(
                f"no matching delivery on {path}; got {receiver.events()}"
            ) from None
        for delivery in deliveries[seen:]:
            if delivery.path == path:
                body = payload(delivery, secret)
                if matches(body):
                    return body
        seen = len(deliveries)


def deliveries_for(admin: Admin, webhook_id: int) -> list[dict[str, Any]]:
    """The sandbox's delivery records for one webhook (written when the event happens)."""
    return [d for d in admin.deliveries() if d["webhook_id"] == webhook_id]


def new_conversation(api: Api, admin: Admin) -> dict[str, Any]:
    contact = api.make_contact(name="Customer Writing In")
    return admin.simulate("new_conversation", contact_id=contact["id"])


def sendable_campaign(api: Api) -> dict[str, Any]:
    group = api.make_group("Webhook campaign")
    api.make_contact(group_ids=[group["id"]])
    body = {
        "name": f"Webhook news {uuid.uuid4().hex[:6]}",
        "subject": "News",
        "from_email": "news@yourcompany.com",
        "from_name": "News",
        "body_html": "<p>Hello</p>",
        "recipient_groups": [group["id"]],
        "email_account_id": 1,
    }
    return api.data(api.post("/campaigns", json=body), 201)  # type: ignore[no-any-return]


# ---------------------------------------------------------------- managing webhooks
def test_created_webhook_returns_its_secret_only_once(api: Api, hooks: Hooks) -> None:
    events = ["contact.created", "contact.updated", "deal.stage_changed"]
    created = hooks.create(HTTPS_URL, events)

    assert created["url"] == HTTPS_URL
    assert created["events"] == events
    assert created["is_active"] is True
    assert ISO_UTC.match(created["created_at"])
    assert isinstance(created["secret"], str)
    assert len(created["secret"]) >= 16

    response = api.get("/webhooks")
    assert created["secret"] not in response.text
    entry = listed(api)[created["id"]]
    assert "secret" not in entry
    assert entry == {key: created[key] for key in LISTED_FIELDS}


def test_webhooks_are_listed_with_the_reference_fields(api: Api, hooks: Hooks) -> None:
    first = hooks.create(HTTPS_URL, ["deal.won"])
    second = hooks.create(HTTPS_URL + "second", ["contact.created", "campaign.sent"])

    everything = listed(api)
    for entry in everything.values():
        assert set(entry) == LISTED_FIELDS
        assert isinstance(entry["id"], int)
        assert isinstance(entry["url"], str)
        assert all(e in EVENTS for e in entry["events"])
        assert isinstance(entry["is_active"], bool)
        assert ISO_UTC.match(entry["created_at"])
    assert everything[first["id"]]["events"] == ["deal.won"]
    assert everything[second["id"]]["url"] == HTTPS_URL + "second"
    assert first["secret"] != second["secret"]


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com/catch",  # plain http off this machine
        "ftp://hooks.example.com/catch",
        "ftp://127.0.0.1/catch",
        "hooks.example.com/catch",
        "",
    ],
)
def test_webhook_url_must_be_https(api: Api, url: str) -> None:
    before = set(listed(api))
    errors = api.errors(api.post("/webhooks", json={"url": url, "events": ["deal.won"]}))
    assert "url" in errors
    assert set(listed(api)) == before


def test_unknown_event_names_are_rejected(api: Api) -> None:
    before = set(listed(api))
    body = {"url": HTTPS_URL, "events": ["contact.created", "contact.exploded"]}
    errors = api.errors(api.post("/webhooks", json=body))
    assert "contact.exploded" in " ".join(errors["events"])
    assert set(listed(api)) == before


def test_a_webhook_needs_at_least_one_event(api: Api) -> None:
    errors = api.errors(api.post("/webhooks", json={"url": HTTPS_URL, "events": []}))
    assert errors["events"]


def test_deleting_a_webhook_twice_gives_404(api: Api) -> None:
    created = api.data(api.post("/webhooks", json={"url": HTTPS_URL, "events": ["deal.won"]}), 201)
    gone = api.data(api.delete(f"/webhooks/{created['id']}"))
    assert gone == {"message": "Webhook deleted successfully."}
    assert created["id"] not in listed(api)
    api.errors(api.delete(f"/webhooks/{created['id']}"), 404)


def test_updating_a_webhook_checks_its_fields(api: Api, hooks: Hooks) -> None:
    hook = hooks.create(HTTPS_URL, ["deal.won"])
    path = f"/webhooks/{hook['id']}"
    assert "events" in api.errors(api.put(path, json={"events": []}))
    assert "events" in api.errors(api.put(path, json={"events": ["deal.maybe"]}))
    assert "url" in api.errors(api.put(path, json={"url": "http://hooks.example.com/"}))
    assert "is_active" in api.errors(api.put(path, json={"is_active": "no"}))
    assert listed(api)[hook["id"]]["events"] == ["deal.won"]

    changed = api.data(api.put(path, json={"events": ["deal.lost", "deal.won"]}))
    assert changed["events"] == ["deal.lost", "deal.won"]
    assert "secret" not in changed
    assert listed(api)[hook["id"]] == changed
    api.errors(api.put("/webhooks/987654321", json={"is_active": False}), 404)


def test_webhooks_need_the_webhooks_scope(api_as: Callable[[str], Api], hooks: Hooks) -> None:
    existing = hooks.create(HTTPS_URL, ["deal.won"])
    limited = api_as("contacts-only-token")
    for response in (
        limited.get("/webhooks"),
        limited.post("/webhooks", json={"url": HTTPS_URL, "events": ["deal.won"]}),
        limited.delete(f"/webhooks/{existing['id']}"),
    ):
        limited.errors(response, 403)
        assert response.json().get("required_scope") == "webhooks"
    assert existing["id"] in listed(hooks.api)


# ---------------------------------------------------------------- deliveries
def test_contact_created_is_delivered_signed_in_the_reference_format(
    api: Api, hooks: Hooks, receiver: Receiver
) -> None:
    hook = hooks.create(receiver.url, ["contact.created"])
    contact = api.make_contact(
        name="New Contact", company="Example Inc", tags=["lead", "newsletter"]
    )

    body = wait_for_payload(receiver, hook["secret"], lambda b: b["data"]["id"] == contact["id"])
    assert body["event"] == "contact.created"
    assert body["workspace_id"] == api.data(api.get("/me"))["workspace_id"]
    data = body["data"]
    assert data["name"] == "New Contact"
    assert data["email"] == contact["email"]
    assert data["company"] == "Example Inc"
    assert sorted(data["tags"]) == ["lead", "newsletter"]  # names, as the reference shows
    assert data["created_at"] == contact["created_at"]

    delivery = next(d for d in receiver.deliveries if json.loads(d.body) == body)
    assert delivery.headers["x-mailtrixy-event"] == "contact.created"
    signature = delivery.headers["x-mailtrixy-signature"]
    assert re.fullmatch(r"sha256=[0-9a-f]{64}", signature)
    assert signature != expected_signature("not-the-secret", delivery.body)


Trigger = Callable[[Api, Admin], Callable[[dict[str, Any]], bool]]


def _contact_updated(api: Api, _admin: Admin) -> Callable[[dict[str, Any]], bool]:
    contact = api.make_contact()
    api.data(api.put(f"/contacts/{contact['id']}", json={"name": "Renamed Person"}))
    return lambda d: d["id"] == contact["id"] and d["name"] == "Renamed Person"


def _contact_deleted(api: Api, _admin: Admin) -> Callable[[dict[str, Any]], bool]:
    contact = api.make_contact()
    api.data(api.delete(f"/contacts/{contact['id']}"))
    return lambda d: d["id"] == contact["id"]


def _conversation_created(api: Api, admin: Admin) -> Callable[[dict[str, Any]], bool]:
    conversation = new_conversation(api, admin)
    return lambda d: d["id"] == conversation["id"]


def _conversation_replied(api: Api, admin: Admin) -> Callable[[dict[str, Any]], bool]:
    conversation = new_conversation(api, admin)
    reply = api.data(
        api.post(
            f"/conversations/{conversation['id']}/reply", json={"body_html": "<p>Thanks!</p>"}
        ),
        201,
    )
    return lambda d: d["id"] == reply["id"] and d["conversation_id"] == conversation["id"]


def _conversation_closed(api: Api, admin: Admin) -> Callable[[dict[str, Any]], bool]:
    conversation = new_conversation(api, admin)
    api.data(api.put(f"/conversations/{conversation['id']}", json={"status": "closed"}))
    return lambda d: d["id"] == conversation["id"] and d["status"] == "closed"


def _deal_moved_to(stage: str) -> Trigger:
    def trigger(api: Api, _admin: Admin) -> Callable[[dict[str, Any]], bool]:
        deal = api.make_deal(api.make_contact()["id"], stage="lead")
        api.data(api.put(f"/deals/{deal['id']}", json={"stage": stage}))
        return lambda d: d["id"] == deal["id"] and d["stage"] == stage

    return trigger


def _deal_created(api: Api, _admin: Admin) -> Callable[[dict[str, Any]], bool]:
    deal = api.make_deal(api.make_contact()["id"], title="Webhook deal")
    return lambda d: d["id"] == deal["id"] and d["title"] == "Webhook deal"


def _campaign_sent(api: Api, _admin: Admin) -> Callable[[dict[str, Any]], bool]:
    campaign = sendable_campaign(api)
    api.data(api.post(f"/campaigns/{campaign['id']}/send"))
    return lambda d: d["id"] == campaign["id"]


def _campaign_completed(api: Api, _admin: Admin) -> Callable[[dict[str, Any]], bool]:
    campaign = sendable_campaign(api)
    api.data(api.post(f"/campaigns/{campaign['id']}/send"))
    return lambda d: d["id"] == campaign["id"] and d["status"] == "sent"


def _contact_created(api: Api, _admin: Admin) -> Callable[[dict[str, Any]], bool]:
    contact = api.make_contact()
    return lambda d: d["id"] == contact["id"]


TRIGGERS: dict[str, Trigger] = {
    "contact.created": _contact_created,
    "contact.updated": _contact_updated,
    "contact.deleted": _contact_deleted,
    "conversation.created": _conversation_created,
    "conversation.replied": _conversation_replied,
    "conversation.closed": _conversation_closed,
    "deal.created": _deal_created,
    "deal.stage_changed": _deal_moved_to("qualified"),
    "deal.won": _deal_moved_to("won"),
    "deal.lost": _deal_moved_to("lost"),
    "campaign.sent": _campaign_sent,
    "campaign.completed": _campaign_completed,
}


@pytest.mark.parametrize("event", EVENTS)
def test_each_event_fires_on_the_change_that_causes_it(
    api: Api, admin: Admin, hooks: Hooks, receiver: Receiver, event: str
) -> None:
    hook = hooks.create(receiver.url, [event])
    about_this_change = TRIGGERS[event](api, admin)

    body = wait_for_payload(receiver, hook["secret"], lambda b: about_this_change(b["data"]))
    assert body["event"] == event
    # Subscribed to this event only: nothing else reached the receiver.
    assert set(receiver.events()) == {event}


def test_a_stage_change_reports_the_previous_stage(
    api: Api, hooks: Hooks, receiver: Receiver
) -> None:
    hook = hooks.create(receiver.url, ["deal.stage_changed"])
    deal = api.make_deal(api.make_contact()["id"], stage="proposal")
    api.data(api.put(f"/deals/{deal['id']}", json={"stage": "negotiation"}))

    body = wait_for_payload(receiver, hook["secret"], lambda b: b["data"]["id"] == deal["id"])
    assert body["data"]["stage"] == "negotiation"
    assert body["data"]["previous_stage"] == "proposal"


def test_winning_a_deal_fires_stage_changed_and_won(
    api: Api, admin: Admin, hooks: Hooks, receiver: Receiver
) -> None:
    hook = hooks.create(receiver.url, ["deal.stage_changed", "deal.won", "deal.lost"])
    deal = api.make_deal(api.make_contact()["id"], stage="negotiation")
    api.data(api.put(f"/deals/{deal['id']}", json={"stage": "won"}))

    deliveries = receiver.wait_for(2, timeout=DELIVERY_TIMEOUT)
    events = sorted(payload(d, hook["secret"])["event"] for d in deliveries)
    assert events == ["deal.stage_changed", "deal.won"]
    assert sorted(d["event"] for d in deliveries_for(admin, hook["id"])) == events


def test_a_failing_receiver_gets_the_delivery_on_a_retry(
    api: Api, admin: Admin, hooks: Hooks, receiver: Receiver
) -> None:
    receiver.fail_first = 2
    hook = hooks.create(receiver.url, ["contact.created"])
    contact = api.make_contact(name="Retried Person")

    body = wait_for_payload(receiver, hook["secret"], lambda b: b["data"]["id"] == contact["id"])
    assert body["data"]["name"] == "Retried Person"
    assert receiver.attempts == 3
    assert len(receiver.deliveries) == 1
    # The receiver has answered; the sandbox records the outcome just after.
    deadline = time.monotonic() + DELIVERY_TIMEOUT
    while (records := deliveries_for(admin, hook["id"]))[0]["state"] == "pending":
        assert time.monotonic() < deadline, records
        time.sleep(0.02)
    [record] = records
    assert record["state"] == "delivered"
    assert record["attempts"] == 3
    assert record["last_status"] == 200


def test_a_webhook_gets_nothing_for_events_it_did_not_subscribe_to(
    api: Api, admin: Admin, hooks: Hooks, receiver: Receiver
) -> None:
    unrelated = hooks.create(receiver.url + "/deals", ["deal.won", "campaign.sent"])
    control = hooks.create(receiver.url + "/contacts", ["contact.created", "contact.updated"])
    contact = api.make_contact()
    api.data(api.put(f"/contacts/{contact['id']}", json={"company": "Other Inc"}))

    wait_for_payload(
        receiver,
        control["secret"],
        lambda b: b["event"] == "contact.updated" and b["data"]["id"] == contact["id"],
        path="/hook/contacts",
    )
    assert deliveries_for(admin, unrelated["id"]) == []
    assert all(d.path == "/hook/contacts" for d in receiver.deliveries)


def test_an_inactive_webhook_gets_nothing_until_resumed(
    api: Api, admin: Admin, hooks: Hooks, receiver: Receiver
) -> None:
    paused = hooks.create(receiver.url + "/paused", ["contact.created"])
    control = hooks.create(receiver.url + "/control", ["contact.created"])
    updated = api.data(api.put(f"/webhooks/{paused['id']}", json={"is_active": False}))
    assert updated["is_active"] is False
    assert listed(api)[paused["id"]]["is_active"] is False

    quiet = api.make_contact()
    wait_for_payload(
        receiver, control["secret"], lambda b: b["data"]["id"] == quiet["id"], path="/hook/control"
    )
    assert deliveries_for(admin, paused["id"]) == []
    assert not any(d.path == "/hook/paused" for d in receiver.deliveries)

    api.data(api.put(f"/webhooks/{paused['id']}", json={"is_active": True}))
    heard = api.make_contact()
    body = wait_for_payload(
        receiver, paused["secret"], lambda b: b["data"]["id"] == heard["id"], path="/hook/paused"
    )
    assert body["event"] == "contact.created"


def test_a_deleted_webhook_gets_nothing(
    api: Api, admin: Admin, hooks: Hooks, receiver: Receiver
) -> None:
    deleted = hooks.create(receiver.url + "/deleted", ["contact.created"])
    control = hooks.create(receiver.url + "/control", ["contact.created"])
    api.data(api.delete(f"/webhooks/{deleted['id']}"))

    contact = api.make_contact()
    wait_for_payload(
        receiver,
        control["secret"],
        lambda b: b["data"]["id"] == contact["id"],
        path="/hook/control",
    )
    assert deliveries_for(admin, deleted["id"]) == []
    assert not any(d.path == "/hook/deleted" for d in receiver.deliveries)
