"""Conversations end to end: list and filters, get, status and assignee, thread, reply."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.fixtures import Admin, Api

LIST_FIELDS = {
    "id",
    "subject",
    "status",
    "contact",
    "assignee",
    "labels",
    "messages_count",
    "last_message_at",
    "created_at",
}
REPLY_FIELDS = {"id", "conversation_id", "direction", "body_html", "sender", "created_at"}
MISSING_ID = 987_654_321


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _start(
    api: Api, admin: Admin, assignee_id: int | None = None, **contact: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A new contact who opens a conversation; returns (contact, conversation)."""
    person = api.make_contact(**contact)
    fields: dict[str, Any] = {"contact_id": person["id"]}
    if assignee_id is not None:
        fields["assignee_id"] = assignee_id
    return person, admin.simulate("new_conversation", **fields)


def _list(api: Api, **params: Any) -> list[dict[str, Any]]:
    return api.data(api.get("/conversations", params={"per_page": 100, **params}))  # type: ignore[no-any-return]


def _ids(api: Api, **params: Any) -> set[int]:
    return {c["id"] for c in _list(api, **params)}


def _put(api: Api, conversation_id: int, **body: Any) -> dict[str, Any]:
    return api.data(api.put(f"/conversations/{conversation_id}", json=body))  # type: ignore[no-any-return]


# ---------------------------------------------------------------- list


def test_list_has_the_reference_shape_and_meta(api: Api, admin: Admin) -> None:
    person, started = _start(api, admin, assignee_id=2, name="Jane Smith")
    response = api.get("/conversations", params={"contact_id": person["id"]})
    body = response.json()
    assert response.status_code == 200
    assert body["success"] is True
    assert body["meta"] == {"current_page": 1, "per_page": 25, "total": 1, "last_page": 1}
    [item] = body["data"]
    assert item.keys() >= LIST_FIELDS
    assert item["id"] == started["id"]
    assert item["subject"]
    assert item["status"] == "open"
    assert item["contact"] == {"id": person["id"], "name": "Jane Smith", "email": person["email"]}
    assert item["assignee"] == {"id": 2, "name": "Support Agent"}
    assert isinstance(item["labels"], list)
    assert all(isinstance(label, str) for label in item["labels"])
    assert item["messages_count"] == 1
    assert _parse(item["last_message_at"]) >= _parse(item["created_at"])
    assert item["last_message_at"].endswith("Z")


def test_unassigned_conversation_has_null_assignee(api: Api, admin: Admin) -> None:
    person, _ = _start(api, admin)
    [item] = _list(api, contact_id=person["id"])
    assert item["assignee"] is None


def test_list_paginates(api: Api, admin: Admin) -> None:
    person = api.make_contact()
    made = [admin.simulate("new_conversation", contact_id=person["id"])["id"] for _ in range(3)]
    first = api.get("/conversations", params={"contact_id": person["id"], "per_page": 2})
    second = api.get(
        "/conversations", params={"contact_id": person["id"], "per_page": 2, "page": 2}
    )
    assert first.json()["meta"] == {"current_page": 1, "per_page": 2, "total": 3, "last_page": 2}
    assert second.json()["meta"]["current_page"] == 2
    seen = [c["id"] for c in api.data(first)] + [c["id"] for c in api.data(second)]
    assert sorted(seen) == sorted(made)


def test_filter_by_status(api: Api, admin: Admin) -> None:
    person = api.make_contact()
    ids = [admin.simulate("new_conversation", contact_id=person["id"])["id"] for _ in range(3)]
    open_id, closed_id, snoozed_id = ids
    _put(api, closed_id, status="closed")
    _put(api, snoozed_id, status="snoozed")
    mine = {"contact_id": person["id"]}
    assert _ids(api, status="open", **mine) == {open_id}
    assert _ids(api, status="closed", **mine) == {closed_id}
    assert _ids(api, status="snoozed", **mine) == {snoozed_id}
    assert _ids(api, status="all", **mine) == set(ids)
    assert _ids(api, **mine) == set(ids)
    for status in ("open", "closed", "snoozed"):
        assert all(c["status"] == status for c in _list(api, status=status))


def test_filter_by_invalid_status_is_422(api: Api) -> None:
    errors = api.errors(api.get("/conversations", params={"status": "pending"}))
    assert "status" in errors


def test_filter_by_assignee(api: Api, admin: Admin) -> None:
    person = api.make_contact()
    to_owner = admin.simulate("new_conversation", contact_id=person["id"], assignee_id=1)
    to_agent = admin.simulate("new_conversation", contact_id=person["id"], assignee_id=2)
    admin.simulate("new_conversation", contact_id=person["id"])
    assert _ids(api, contact_id=person["id"], assignee_id=2) == {to_agent["id"]}
    assert _ids(api, contact_id=person["id"], assignee_id=1) == {to_owner["id"]}
    assert all(c["assignee"]["id"] == 2 for c in _list(api, assignee_id=2))


def test_filter_by_contact(api: Api, admin: Admin) -> None:
    one, first = _start(api, admin)
    two, second = _start(api, admin)
    assert _ids(api, contact_id=one["id"]) == {first["id"]}
    assert _ids(api, contact_id=two["id"]) == {second["id"]}


def test_filter_by_label(api: Api, admin: Admin) -> None:
    person = api.make_contact()
    label = f"label-{uuid.uuid4().hex[:8]}"
    tagged = admin.simulate("new_conversation", contact_id=person["id"])
    admin.simulate("new_conversation", contact_id=person["id"])
    updated = _put(api, tagged["id"], labels=[label, "billing"])
    assert updated["labels"] == [label, "billing"]
    assert _ids(api, label=label) == {tagged["id"]}
    assert _ids(api, label=label, status="closed") == set()


def test_filter_by_updated_since(api: Api, admin: Admin) -> None:
    person, started = _start(api, admin)
    updated_at = _parse(api.data(api.get(f"/conversations/{started['id']}"))["updated_at"])
    mine = {"contact_id": person["id"]}
    assert _ids(api, updated_since=_iso(updated_at), **mine) == {started["id"]}
    later = _iso(updated_at + timedelta(seconds=1))
    assert _ids(api, updated_since=later, **mine) == set()
    changed = _put(api, started["id"], status="closed")
    assert _ids(api, updated_since=changed["updated_at"], **mine) == {started["id"]}
    future = _iso(datetime.now(UTC) + timedelta(days=1))
    assert _ids(api, updated_since=future, **mine) == set()


def test_updated_since_must_be_iso_8601(api: Api) -> None:
    errors = api.errors(api.get("/conversations", params={"updated_since": "yesterday"}))
    assert "updated_since" in errors


# ---------------------------------------------------------------- get one


def test_get_one(api: Api, admin: Admin) -> None:
    person, started = _start(api, admin, assignee_id=1)
    got = api.data(api.get(f"/conversations/{started['id']}"))
    assert got.keys() >= LIST_FIELDS
    assert got["id"] == started["id"]
    assert got["contact"]["id"] == person["id"]
    assert got["assignee"] == {"id": 1, "name": "Sandbox Owner"}
    assert got["messages_count"] == 1
    assert got == _list(api, contact_id=person["id"])[0]


def test_get_unknown_is_404(api: Api) -> None:
    api.errors(api.get(f"/conversations/{MISSING_ID}"), 404)


# ---------------------------------------------------------------- status and assignee


def test_close_and_reopen(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    closed = _put(api, started["id"], status="closed")
    assert closed["status"] == "closed"
    assert api.data(api.get(f"/conversations/{started['id']}"))["status"] == "closed"
    reopened = _put(api, started["id"], status="open")
    assert reopened["status"] == "open"
    assert reopened["messages_count"] == 1


def test_snooze_until_a_future_time(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    until = _iso(datetime.now(UTC) + timedelta(days=2))
    snoozed = _put(api, started["id"], status="snoozed", snoozed_until=until)
    assert snoozed["status"] == "snoozed"
    assert snoozed["snoozed_until"] == until
    reopened = _put(api, started["id"], status="open")
    assert reopened["status"] == "open"
    assert reopened["snoozed_until"] is None


def test_snooze_without_a_time_waits_for_the_customer(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    snoozed = _put(api, started["id"], status="snoozed")
    assert snoozed["status"] == "snoozed"
    assert snoozed["snoozed_until"] is None


@pytest.mark.parametrize(
    "until",
    [
        _iso(datetime.now(UTC) - timedelta(hours=1)),
        "2020-01-01T00:00:00+02:00",
        "2020-01-01T00:00:00",  # no offset: taken as UTC
    ],
)
def test_snooze_until_a_past_time_is_422(api: Api, admin: Admin, until: str) -> None:
    _, started = _start(api, admin)
    errors = api.errors(
        api.put(
            f"/conversations/{started['id']}", json={"status": "snoozed", "snoozed_until": until}
        )
    )
    assert "snoozed_until" in errors
    assert api.data(api.get(f"/conversations/{started['id']}"))["status"] == "open"


def test_snooze_that_expires_reopens(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    until = _iso(datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=2))
    assert _put(api, started["id"], status="snoozed", snoozed_until=until)["status"] == "snoozed"
    deadline = time.monotonic() + 10
    current = api.data(api.get(f"/conversations/{started['id']}"))
    while current["status"] == "snoozed" and time.monotonic() < deadline:
        time.sleep(0.05)
        current = api.data(api.get(f"/conversations/{started['id']}"))
    assert current["status"] == "open"
    assert current["snoozed_until"] is None
    assert datetime.now(UTC) >= _parse(until)


def test_invalid_status_is_422(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    for status in ("pending", None):
        errors = api.errors(api.put(f"/conversations/{started['id']}", json={"status": status}))
        assert "status" in errors
    assert api.data(api.get(f"/conversations/{started['id']}"))["status"] == "open"


def test_assign_reassign_and_unassign(api: Api, admin: Admin) -> None:
    person, started = _start(api, admin)
    assigned = _put(api, started["id"], assignee_id=2)
    assert assigned["assignee"] == {"id": 2, "name": "Support Agent"}
    assert _ids(api, contact_id=person["id"], assignee_id=2) == {started["id"]}
    reassigned = _put(api, started["id"], assignee_id=1)
    assert reassigned["assignee"] == {"id": 1, "name": "Sandbox Owner"}
    assert _ids(api, contact_id=person["id"], assignee_id=2) == set()
    unassigned = _put(api, started["id"], assignee_id=None)
    assert unassigned["assignee"] is None
    assert api.data(api.get(f"/conversations/{started['id']}"))["assignee"] is None


def test_status_change_keeps_the_assignee(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin, assignee_id=2)
    closed = _put(api, started["id"], status="closed")
    assert closed["assignee"] == {"id": 2, "name": "Support Agent"}


def test_unknown_assignee_is_422(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin, assignee_id=1)
    errors = api.errors(
        api.put(f"/conversations/{started['id']}", json={"assignee_id": MISSING_ID})
    )
    assert "assignee_id" in errors
    assert api.data(api.get(f"/conversations/{started['id']}"))["assignee"]["id"] == 1


def test_update_unknown_is_404(api: Api) -> None:
    api.errors(api.put(f"/conversations/{MISSING_ID}", json={"status": "closed"}), 404)


def test_update_changes_updated_at_not_created_at(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    before = api.data(api.get(f"/conversations/{started['id']}"))
    after = _put(api, started["id"], status="closed")
    assert after["created_at"] == before["created_at"]
    assert _parse(after["updated_at"]) >= _parse(before["updated_at"])


# ---------------------------------------------------------------- messages


def _messages(api: Api, conversation_id: int, **params: Any) -> list[dict[str, Any]]:
    response = api.get(
        f"/conversations/{conversation_id}/messages", params={"per_page": 100, **params}
    )
    return api.data(response)  # type: ignore[no-any-return]


def test_messages_oldest_first_with_direction_and_sender(api: Api, admin: Admin) -> None:
    person, started = _start(api, admin, name="Thread Person")
    reply = api.data(
        api.post(f"/conversations/{started['id']}/reply", json={"body_html": "<p>First</p>"}),
        201,
    )
    again = admin.simulate("inbound_message", conversation_id=started["id"])
    messages = _messages(api, started["id"])
    assert [m["direction"] for m in messages] == ["inbound", "outbound", "inbound"]
    assert [m["id"] for m in messages][1:] == [reply["id"], again["id"]]
    assert [m["id"] for m in messages] == sorted(m["id"] for m in messages)
    created = [_parse(m["created_at"]) for m in messages]
    assert created == sorted(created)
    for message in messages:
        assert message["conversation_id"] == started["id"]
        assert message["body_html"]
        assert message["body_text"]
    customer = {"id": person["id"], "name": "Thread Person"}
    assert {k: messages[0]["sender"][k] for k in ("id", "name")} == customer
    assert {k: messages[2]["sender"][k] for k in ("id", "name")} == customer
    assert messages[1]["sender"] == reply["sender"]
    assert messages[1]["body_html"] == "<p>First</p>"
    assert messages[1]["body_text"] == "First"
    conversation = api.data(api.get(f"/conversations/{started['id']}"))
    assert conversation["messages_count"] == len(messages) == 3


def test_messages_paginate(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    for _ in range(2):
        admin.simulate("inbound_message", conversation_id=started["id"])
    response = api.get(f"/conversations/{started['id']}/messages", params={"per_page": 2})
    assert response.json()["meta"] == {
        "current_page": 1,
        "per_page": 2,
        "total": 3,
        "last_page": 2,
    }
    assert len(api.data(response)) == 2
    assert len(_messages(api, started["id"], per_page=2, page=2)) == 1


def test_messages_of_unknown_conversation_is_404(api: Api) -> None:
    api.errors(api.get(f"/conversations/{MISSING_ID}/messages"), 404)


# ---------------------------------------------------------------- reply


def test_reply_has_the_reference_shape(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    html = "<p>Thanks for reaching out! Your invoice has been <b>updated</b>.</p>"
    reply = api.data(
        api.post(f"/conversations/{started['id']}/reply", json={"body_html": html}), 201
    )
    assert reply.keys() >= REPLY_FIELDS
    assert isinstance(reply["id"], int)
    assert reply["conversation_id"] == started["id"]
    assert reply["direction"] == "outbound"
    assert reply["body_html"] == html
    assert reply["body_text"] == "Thanks for reaching out! Your invoice has been updated."
    members = {m["id"]: m["name"] for m in api.data(api.get("/team-members"))}
    assert reply["sender"]["id"] in members
    assert reply["sender"]["name"] == members[reply["sender"]["id"]]
    assert reply["created_at"].endswith("Z")


def test_reply_updates_count_and_last_message_at(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    before = api.data(api.get(f"/conversations/{started['id']}"))
    reply = api.data(
        api.post(f"/conversations/{started['id']}/reply", json={"body_html": "<p>Hi</p>"}), 201
    )
    after = api.data(api.get(f"/conversations/{started['id']}"))
    assert after["messages_count"] == before["messages_count"] + 1
    assert after["last_message_at"] == reply["created_at"]
    assert _parse(after["last_message_at"]) >= _parse(before["last_message_at"])


def test_reply_stores_cc_and_bcc(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    body = {
        "body_html": "<p>Copying my manager.</p>",
        "cc": ["manager@acme.com", "ops@acme.com"],
        "bcc": ["archive@yourcompany.com"],
        "attachments": [],
    }
    reply = api.data(api.post(f"/conversations/{started['id']}/reply", json=body), 201)
    assert reply["cc"] == ["manager@acme.com", "ops@acme.com"]
    assert reply["bcc"] == ["archive@yourcompany.com"]
    stored = next(m for m in _messages(api, started["id"]) if m["id"] == reply["id"])
    assert stored["cc"] == body["cc"]
    assert stored["bcc"] == body["bcc"]


def test_reply_without_cc_has_empty_lists(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    reply = api.data(
        api.post(f"/conversations/{started['id']}/reply", json={"body_html": "<p>x</p>"}), 201
    )
    assert reply["cc"] == []
    assert reply["bcc"] == []


@pytest.mark.parametrize("field", ["cc", "bcc"])
def test_reply_with_an_invalid_address_is_422(api: Api, admin: Admin, field: str) -> None:
    _, started = _start(api, admin)
    body = {"body_html": "<p>x</p>", field: ["good@acme.com", "not-an-email"]}
    errors = api.errors(api.post(f"/conversations/{started['id']}/reply", json=body))
    assert any(key.startswith(field) for key in errors), errors
    assert api.data(api.get(f"/conversations/{started['id']}"))["messages_count"] == 1


@pytest.mark.parametrize("body", [{}, {"body_html": ""}, {"body_html": "   "}, {"cc": []}])
def test_reply_without_body_html_is_422(api: Api, admin: Admin, body: dict[str, Any]) -> None:
    _, started = _start(api, admin)
    errors = api.errors(api.post(f"/conversations/{started['id']}/reply", json=body))
    assert "body_html" in errors
    assert api.data(api.get(f"/conversations/{started['id']}"))["messages_count"] == 1


def test_reply_to_unknown_conversation_is_404(api: Api) -> None:
    response = api.post(f"/conversations/{MISSING_ID}/reply", json={"body_html": "<p>x</p>"})
    api.errors(response, 404)


def test_reply_with_the_same_idempotency_key_is_sent_once(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    headers = {"Idempotency-Key": uuid.uuid4().hex}
    body = {"body_html": "<p>Only once</p>"}
    first = api.data(
        api.post(f"/conversations/{started['id']}/reply", json=body, headers=headers), 201
    )
    second = api.data(
        api.post(f"/conversations/{started['id']}/reply", json=body, headers=headers), 201
    )
    assert second == first
    assert api.data(api.get(f"/conversations/{started['id']}"))["messages_count"] == 2


def test_reply_keeps_the_status(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    _put(api, started["id"], status="closed")
    api.data(api.post(f"/conversations/{started['id']}/reply", json={"body_html": "<p>x</p>"}), 201)
    assert api.data(api.get(f"/conversations/{started['id']}"))["status"] == "closed"


# ---------------------------------------------------------------- customers writing again


def test_inbound_message_reopens_a_snoozed_conversation(api: Api, admin: Admin) -> None:
    _, started = _start(api, admin)
    until = _iso(datetime.now(UTC) + timedelta(days=3))
    _put(api, started["id"], status="snoozed", snoozed_until=until)
    message = admin.simulate("inbound_message", conversation_id=started["id"])
    assert message["direction"] == "inbound"
    current = api.data(api.get(f"/conversations/{started['id']}"))
    assert current["status"] == "open"
    assert current["snoozed_until"] is None
    assert current["messages_count"] == 2
    assert current["last_message_at"] == message["created_at"]


def test_inbound_message_reopens_a_closed_conversation(api: Api, admin: Admin) -> None:
    person, started = _start(api, admin)
    _put(api, started["id"], status="closed")
    admin.simulate("inbound_message", conversation_id=started["id"])
    assert _ids(api, contact_id=person["id"], status="open") == {started["id"]}


# ---------------------------------------------------------------- scope


def test_a_token_without_the_conversations_scope_gets_403(
    api: Api, admin: Admin, api_as: Any
) -> None:
    _, started = _start(api, admin)
    other: Api = api_as("contacts-only-token")
    path = f"/conversations/{started['id']}"
    for response in (
        other.get("/conversations"),
        other.get(path),
        other.get(path + "/messages"),
        other.put(path, json={"status": "closed"}),
        other.post(path + "/reply", json={"body_html": "<p>x</p>"}),
    ):
        other.errors(response, 403)
    current = api.data(api.get(path))
    assert current["status"] == "open"
    assert current["messages_count"] == 1


def test_a_reply_without_a_token_is_401(api: Api, admin: Admin, api_as: Any) -> None:
    _, started = _start(api, admin)
    stranger: Api = api_as("not-a-real-token")
    response = stranger.post(f"/conversations/{started['id']}/reply", json={"body_html": "x"})
    stranger.errors(response, 401)
    assert api.data(api.get(f"/conversations/{started['id']}"))["messages_count"] == 1


def test_the_reply_is_sent_by_the_tokens_team_member(api: Api, admin: Admin, api_as: Any) -> None:
    _, started = _start(api, admin)
    token = f"agent-{uuid.uuid4().hex}"
    response = admin.client.post(
        "/tokens", json={"scopes": ["conversations"], "token": token, "member_id": 2}
    )
    assert response.status_code == 200, response.text
    agent: Api = api_as(token)
    reply = agent.data(
        agent.post(f"/conversations/{started['id']}/reply", json={"body_html": "<p>Agent</p>"}),
        201,
    )
    assert {k: reply["sender"][k] for k in ("id", "name")} == {"id": 2, "name": "Support Agent"}
    [stored] = [m for m in _messages(api, started["id"]) if m["id"] == reply["id"]]
    assert stored["sender"]["id"] == 2
