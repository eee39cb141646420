"""Campaigns end to end: create, list, get, update, send with growing statistics, delete."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api

LIST_FIELDS = {
    "id",
    "name",
    "subject",
    "status",
    "from_email",
    "from_name",
    "recipients_count",
    "stats",
    "sent_at",
    "created_at",
}
CREATED_FIELDS = {
    "id",
    "name",
    "subject",
    "status",
    "recipients_count",
    "schedule_at",
    "created_at",
}
STATS = {"delivered", "opened", "clicked", "bounced", "unsubscribed"}
MISSING_ID = 987_654_321
VERIFIED_ACCOUNT = 1
UNVERIFIED_ACCOUNT = 2


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _future(**delta: float) -> str:
    return _iso(datetime.now(UTC) + timedelta(**delta))


def _group_with(api: Api, size: int) -> dict[str, Any]:
    group = api.make_group("Campaign")
    for _ in range(size):
        api.make_contact(group_ids=[group["id"]])
    return group


def _body(group_ids: list[int], **fields: Any) -> dict[str, Any]:
    return {
        "name": f"April Product Update {uuid.uuid4().hex[:6]}",
        "subject": "Exciting new features in April",
        "from_email": "newsletter@yourcompany.com",
        "from_name": "Your Company",
        "body_html": "<h1>April Update</h1><p>Hello {{contact.name}}, check out what's new...</p>",
        "recipient_groups": group_ids,
        "email_account_id": VERIFIED_ACCOUNT,
        **fields,
    }


def _create(api: Api, group_ids: list[int], **fields: Any) -> dict[str, Any]:
    return api.data(api.post("/campaigns", json=_body(group_ids, **fields)), 201)  # type: ignore[no-any-return]


def _get(api: Api, campaign_id: int) -> dict[str, Any]:
    return api.data(api.get(f"/campaigns/{campaign_id}"))  # type: ignore[no-any-return]


def _list_ids(api: Api, **params: Any) -> list[int]:
    response = api.get("/campaigns", params={"per_page": 100, **params})
    return [c["id"] for c in api.data(response)]


@pytest.fixture
def group(api: Api) -> dict[str, Any]:
    return _group_with(api, 2)


# ---------------------------------------------------------------- create


def test_create_without_schedule_is_a_draft(api: Api, group: dict[str, Any]) -> None:
    body = _body([group["id"]])
    created = api.data(api.post("/campaigns", json=body), 201)
    assert created.keys() >= CREATED_FIELDS
    assert isinstance(created["id"], int)
    assert created["name"] == body["name"]
    assert created["subject"] == body["subject"]
    assert created["status"] == "draft"
    assert created["recipients_count"] == 2
    assert created["schedule_at"] is None
    assert created["created_at"].endswith("Z")
    got = _get(api, created["id"])
    assert got["status"] == "draft"
    assert got["from_email"] == "newsletter@yourcompany.com"
    assert got["from_name"] == "Your Company"
    assert got["body_html"] == body["body_html"]
    assert got["recipient_groups"] == [group["id"]]
    assert got["email_account_id"] == VERIFIED_ACCOUNT
    assert got["sent_at"] is None
    assert got["stats"] == dict.fromkeys(STATS, 0)


def test_create_with_future_schedule_is_scheduled(api: Api, group: dict[str, Any]) -> None:
    when = _future(days=7)
    created = _create(api, [group["id"]], schedule_at=when)
    assert created["status"] == "scheduled"
    assert created["schedule_at"] == when
    assert created["recipients_count"] == 2
    assert _get(api, created["id"])["schedule_at"] == when


def test_schedule_with_an_offset_is_stored_in_utc(api: Api, group: dict[str, Any]) -> None:
    local = datetime.now(timezone(timedelta(hours=2))).replace(microsecond=0) + timedelta(days=1)
    created = _create(api, [group["id"]], schedule_at=local.isoformat())
    assert local.isoformat().endswith("+02:00")
    assert created["status"] == "scheduled"
    assert created["schedule_at"] == _iso(local)


def test_recipients_count_counts_distinct_contacts(api: Api) -> None:
    first = api.make_group("First")
    second = api.make_group("Second")
    api.make_contact(group_ids=[first["id"]])
    api.make_contact(group_ids=[first["id"], second["id"]])
    api.make_contact(group_ids=[second["id"]])
    created = _create(api, [first["id"], second["id"]])
    assert created["recipients_count"] == 3
    assert _create(api, [first["id"]])["recipients_count"] == 2
    assert _create(api, [first["id"], first["id"]])["recipients_count"] == 2


def test_schedule_in_the_past_is_422(api: Api, group: dict[str, Any]) -> None:
    past = _iso(datetime.now(UTC) - timedelta(minutes=5))
    errors = api.errors(api.post("/campaigns", json=_body([group["id"]], schedule_at=past)))
    assert list(errors) == ["schedule_at"]


def test_schedule_that_is_not_a_date_is_422(api: Api, group: dict[str, Any]) -> None:
    errors = api.errors(api.post("/campaigns", json=_body([group["id"]], schedule_at="soon")))
    assert "schedule_at" in errors


@pytest.mark.parametrize(
    "field",
    [
        "name",
        "subject",
        "from_email",
        "from_name",
        "body_html",
        "recipient_groups",
        "email_account_id",
    ],
)
def test_a_missing_required_field_is_422(api: Api, group: dict[str, Any], field: str) -> None:
    body = _body([group["id"]])
    del body[field]
    errors = api.errors(api.post("/campaigns", json=body))
    assert list(errors) == [field]


def test_all_missing_fields_are_reported_together(api: Api) -> None:
    errors = api.errors(api.post("/campaigns", json={}))
    assert set(errors) == {
        "name",
        "subject",
        "from_email",
        "from_name",
        "body_html",
        "recipient_groups",
        "email_account_id",
    }


@pytest.mark.parametrize("field", ["name", "subject", "from_name", "body_html"])
def test_a_blank_required_text_is_422(api: Api, group: dict[str, Any], field: str) -> None:
    errors = api.errors(api.post("/campaigns", json=_body([group["id"]], **{field: "  "})))
    assert field in errors


def test_no_recipient_groups_is_422(api: Api) -> None:
    errors = api.errors(api.post("/campaigns", json=_body([])))
    assert "recipient_groups" in errors


def test_unknown_group_is_422(api: Api, group: dict[str, Any]) -> None:
    errors = api.errors(api.post("/campaigns", json=_body([group["id"], MISSING_ID])))
    assert "recipient_groups" in errors
    assert str(MISSING_ID) in " ".join(errors["recipient_groups"])


def test_unverified_email_account_is_422(api: Api, group: dict[str, Any]) -> None:
    body = _body(
        [group["id"]], email_account_id=UNVERIFIED_ACCOUNT, from_email="hello@unverified.example"
    )
    errors = api.errors(api.post("/campaigns", json=body))
    assert "email_account_id" in errors


def test_unknown_email_account_is_422(api: Api, group: dict[str, Any]) -> None:
    errors = api.errors(api.post("/campaigns", json=_body([group["id"]], email_account_id=999)))
    assert "email_account_id" in errors


def test_from_email_on_another_domain_is_422(api: Api, group: dict[str, Any]) -> None:
    body = _body([group["id"]], from_email="news@elsewhere.example")
    errors = api.errors(api.post("/campaigns", json=body))
    assert list(errors) == ["from_email"]


def test_from_email_must_be_an_address(api: Api, group: dict[str, Any]) -> None:
    errors = api.errors(api.post("/campaigns", json=_body([group["id"]], from_email="nope")))
    assert "from_email" in errors


def test_another_address_on_the_verified_domain_is_accepted(
    api: Api, group: dict[str, Any]
) -> None:
    created = _create(api, [group["id"]], from_email="team@YourCompany.com")
    assert created["status"] == "draft"


def test_email_accounts_are_listed(api: Api) -> None:
    accounts = {a["id"]: a for a in api.data(api.get("/email-accounts"))}
    assert accounts[VERIFIED_ACCOUNT]["email"] == "newsletter@yourcompany.com"
    assert accounts[VERIFIED_ACCOUNT]["verified"] is True
    assert accounts[UNVERIFIED_ACCOUNT]["verified"] is False


# ---------------------------------------------------------------- list and get


def test_list_has_the_reference_shape(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    response = api.get("/campaigns", params={"per_page": 100})
    body = response.json()
    assert response.status_code == 200
    assert body["success"] is True
    assert set(body["meta"]) == {"current_page", "per_page", "total", "last_page"}
    assert body["meta"]["per_page"] == 100
    item = next(c for c in body["data"] if c["id"] == created["id"])
    assert item.keys() >= LIST_FIELDS
    assert set(item["stats"]) == STATS
    assert item["recipients_count"] == 2
    assert item["from_email"] == "newsletter@yourcompany.com"
    assert "body_html" not in item


def test_list_filters_by_status(api: Api, group: dict[str, Any]) -> None:
    draft = _create(api, [group["id"]])
    scheduled = _create(api, [group["id"]], schedule_at=_future(days=3))
    drafts = _list_ids(api, status="draft")
    assert draft["id"] in drafts
    assert scheduled["id"] not in drafts
    schedules = _list_ids(api, status="scheduled")
    assert scheduled["id"] in schedules
    assert draft["id"] not in schedules
    assert {draft["id"], scheduled["id"]} <= set(_list_ids(api))
    for status in ("draft", "scheduled", "sending", "sent", "paused"):
        response = api.get("/campaigns", params={"status": status, "per_page": 100})
        assert all(c["status"] == status for c in api.data(response))


def test_list_with_an_invalid_status_is_422(api: Api) -> None:
    errors = api.errors(api.get("/campaigns", params={"status": "archived"}))
    assert "status" in errors


def test_list_paginates(api: Api, group: dict[str, Any]) -> None:
    for _ in range(3):
        _create(api, [group["id"]])
    response = api.get("/campaigns", params={"per_page": 2})
    meta = response.json()["meta"]
    assert meta["per_page"] == 2
    assert meta["total"] >= 3
    assert meta["last_page"] == -(-meta["total"] // 2)
    assert len(api.data(response)) == 2
    second = _list_ids(api, per_page=2, page=2)
    assert not set(second) & {c["id"] for c in api.data(response)}


def test_list_by_updated_since(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    assert created["id"] in _list_ids(api, updated_since=created["created_at"])
    assert created["id"] not in _list_ids(api, updated_since=_future(days=1))


def test_get_unknown_is_404(api: Api) -> None:
    api.errors(api.get(f"/campaigns/{MISSING_ID}"), 404)


# ---------------------------------------------------------------- update


def test_update_a_draft(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    bigger = _group_with(api, 3)
    response = api.put(
        f"/campaigns/{created['id']}",
        json={"name": "Renamed", "subject": "New subject", "recipient_groups": [bigger["id"]]},
    )
    updated = api.data(response)
    assert updated["name"] == "Renamed"
    assert updated["subject"] == "New subject"
    assert updated["recipient_groups"] == [bigger["id"]]
    assert updated["recipients_count"] == 3
    assert updated["status"] == "draft"
    assert updated["from_name"] == "Your Company"
    got = _get(api, created["id"])
    assert got["name"] == "Renamed"
    assert got["body_html"] == _body([])["body_html"]


def test_update_schedules_and_unschedules(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    when = _future(days=5)
    scheduled = api.data(api.put(f"/campaigns/{created['id']}", json={"schedule_at": when}))
    assert scheduled["status"] == "scheduled"
    assert scheduled["schedule_at"] == when
    draft = api.data(api.put(f"/campaigns/{created['id']}", json={"schedule_at": None}))
    assert draft["status"] == "draft"
    assert draft["schedule_at"] is None
    assert created["id"] in _list_ids(api, status="draft")


def test_update_validates(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    path = f"/campaigns/{created['id']}"
    past = _iso(datetime.now(UTC) - timedelta(hours=1))
    assert "schedule_at" in api.errors(api.put(path, json={"schedule_at": past}))
    assert "name" in api.errors(api.put(path, json={"name": ""}))
    assert "recipient_groups" in api.errors(api.put(path, json={"recipient_groups": [MISSING_ID]}))
    assert "recipient_groups" in api.errors(api.put(path, json={"recipient_groups": []}))
    assert "from_email" in api.errors(api.put(path, json={"from_email": "a@elsewhere.example"}))
    errors = api.errors(api.put(path, json={"email_account_id": UNVERIFIED_ACCOUNT}))
    assert "email_account_id" in errors
    got = _get(api, created["id"])
    assert got["status"] == "draft"
    assert got["name"] == created["name"]
    assert got["recipients_count"] == 2


def test_update_unknown_is_404(api: Api) -> None:
    api.errors(api.put(f"/campaigns/{MISSING_ID}", json={"name": "x"}), 404)


# ---------------------------------------------------------------- send


def _wait_until_sent(api: Api, campaign_id: int, timeout: float = 10.0) -> list[dict[str, Any]]:
    """Every state seen while polling, up to and including ``sent``."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = _get(api, campaign_id)
        seen.append(current)
        if current["status"] == "sent":
            return seen
        time.sleep(0.05)
    raise AssertionError(f"campaign {campaign_id} not sent in {timeout} s: {seen[-1]}")


def test_send_progresses_to_sent(api: Api) -> None:
    group = _group_with(api, 12)
    created = _create(api, [group["id"]])
    started = api.data(api.post(f"/campaigns/{created['id']}/send"))
    assert started["id"] == created["id"]
    assert started["status"] == "sending"
    assert started["recipients_count"] == 12
    assert started["sent_at"] is not None
    assert started["stats"] == dict.fromkeys(STATS, 0)

    seen = _wait_until_sent(api, created["id"])
    processed = [s["stats"]["delivered"] + s["stats"]["bounced"] for s in seen]
    assert processed == sorted(processed), "statistics never go down"
    assert len({p for p in processed if 0 < p < 12}) >= 1, f"no partial progress seen: {processed}"
    assert all(s["status"] == "sending" for s in seen[:-1])

    final = seen[-1]
    stats = final["stats"]
    assert stats["delivered"] + stats["bounced"] == final["recipients_count"] == 12
    assert 0 <= stats["opened"] <= stats["delivered"]
    assert 0 <= stats["clicked"] <= stats["opened"]
    assert 0 <= stats["unsubscribed"] <= stats["delivered"]
    assert final["sent_at"] == started["sent_at"]
    assert final["completed_at"] is not None
    assert created["id"] in _list_ids(api, status="sent")
    assert created["id"] not in _list_ids(api, status="draft")


def test_send_a_scheduled_campaign_now(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]], schedule_at=_future(days=2))
    started = api.data(api.post(f"/campaigns/{created['id']}/send"))
    assert started["status"] == "sending"
    assert started["schedule_at"] is None
    final = _wait_until_sent(api, created["id"])[-1]
    stats = final["stats"]
    assert stats["delivered"] + stats["bounced"] == 2


def test_a_scheduled_campaign_starts_when_due(api: Api, group: dict[str, Any]) -> None:
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=2)
    created = _create(api, [group["id"]], schedule_at=_iso(when))
    assert created["status"] == "scheduled"
    final = _wait_until_sent(api, created["id"])[-1]
    assert datetime.now(UTC) >= when
    assert final["stats"]["delivered"] + final["stats"]["bounced"] == 2


def test_send_counts_members_added_after_creation(api: Api) -> None:
    group = _group_with(api, 1)
    created = _create(api, [group["id"]])
    assert created["recipients_count"] == 1
    joined = api.make_contact(group_ids=[group["id"]])
    assert _get(api, created["id"])["recipients_count"] == 2
    [listed] = [
        c
        for c in api.data(api.get("/campaigns", params={"per_page": 100}))
        if c["id"] == created["id"]
    ]
    assert listed["recipients_count"] == 2
    api.make_contact(group_ids=[group["id"]])
    api.data(api.delete(f"/contacts/{joined['id']}"))
    started = api.data(api.post(f"/campaigns/{created['id']}/send"))
    assert started["recipients_count"] == 2
    final = _wait_until_sent(api, created["id"])[-1]
    assert final["recipients_count"] == 2


def test_sending_again_is_409(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    api.data(api.post(f"/campaigns/{created['id']}/send"))
    api.errors(api.post(f"/campaigns/{created['id']}/send"), 409)
    _wait_until_sent(api, created["id"])
    api.errors(api.post(f"/campaigns/{created['id']}/send"), 409)


def test_a_sending_or_sent_campaign_cannot_be_edited(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    api.data(api.post(f"/campaigns/{created['id']}/send"))
    _wait_until_sent(api, created["id"])
    api.errors(api.put(f"/campaigns/{created['id']}", json={"name": "Too late"}), 409)
    got = _get(api, created["id"])
    assert got["name"] == created["name"]
    assert got["status"] == "sent"


def test_send_unknown_is_404(api: Api) -> None:
    api.errors(api.post(f"/campaigns/{MISSING_ID}/send"), 404)


# ---------------------------------------------------------------- delete


def test_delete_a_draft(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    deleted = api.data(api.delete(f"/campaigns/{created['id']}"))
    assert deleted["message"]
    api.errors(api.get(f"/campaigns/{created['id']}"), 404)
    assert created["id"] not in _list_ids(api)
    api.errors(api.delete(f"/campaigns/{created['id']}"), 404)


def test_a_scheduled_campaign_cannot_be_deleted(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]], schedule_at=_future(days=2))
    api.errors(api.delete(f"/campaigns/{created['id']}"), 409)
    assert _get(api, created["id"])["status"] == "scheduled"


def test_a_sent_campaign_cannot_be_deleted(api: Api, group: dict[str, Any]) -> None:
    created = _create(api, [group["id"]])
    api.data(api.post(f"/campaigns/{created['id']}/send"))
    _wait_until_sent(api, created["id"])
    api.errors(api.delete(f"/campaigns/{created['id']}"), 409)
    assert _get(api, created["id"])["status"] == "sent"


# ---------------------------------------------------------------- scope


@pytest.mark.parametrize("token", ["deals-only-token", "contacts-only-token", "no-scope-token"])
def test_a_token_without_the_campaigns_scope_gets_403(
    api: Api, api_as: Any, group: dict[str, Any], token: str
) -> None:
    created = _create(api, [group["id"]])
    other: Api = api_as(token)
    path = f"/campaigns/{created['id']}"
    for response in (
        other.get("/campaigns"),
        other.get(path),
        other.post("/campaigns", json=_body([group["id"]])),
        other.put(path, json={"name": "Hijacked"}),
        other.post(path + "/send"),
        other.delete(path),
    ):
        other.errors(response, 403)
    got = _get(api, created["id"])
    assert got["status"] == "draft"
    assert got["name"] == created["name"]


# ---------------------------------------------------------------- demo seed: pace and resume


@pytest.fixture(scope="module")
def demo() -> Iterator[SandboxProcess]:
    """A seeded workspace of its own: it has sending and paused campaigns."""
    args = [
        "--seed",
        "demo",
        "--contacts",
        "200",
        "--conversations",
        "40",
        "--deals",
        "30",
        "--campaigns",
        "10",
        "--campaign-tick",
        "0.1",
    ]
    with SandboxProcess(args) as process:
        yield process


@pytest.fixture
def demo_api(demo: SandboxProcess) -> Iterator[Api]:
    client = Api(demo)
    yield client
    client.close()


def _processed(campaign: dict[str, Any]) -> int:
    return int(campaign["stats"]["delivered"] + campaign["stats"]["bounced"])


def _by_status(api: Api, status: str) -> list[dict[str, Any]]:
    return api.data(api.get("/campaigns", params={"status": status, "per_page": 100}))  # type: ignore[no-any-return]


def _events(admin: Admin, webhook_id: int, campaign_id: int) -> list[str]:
    """The events queued for one webhook about one campaign, oldest first."""
    return [
        d["event"]
        for d in reversed(admin.deliveries())
        if d["webhook_id"] == webhook_id and d["payload"]["data"]["id"] == campaign_id
    ]


def test_a_seeded_send_is_still_sending_long_after_a_new_send_finished(
    demo: SandboxProcess, demo_api: Api
) -> None:
    api = demo_api
    seeded = _by_status(api, "sending")
    assert seeded, "the demo seed has a campaign that is sending"
    now = datetime.now(UTC)
    for campaign in seeded:
        sent_at = datetime.fromisoformat(campaign["sent_at"].replace("Z", "+00:00"))
        assert timedelta(0) < now - sent_at < timedelta(hours=1), campaign["sent_at"]
        assert _processed(campaign) < campaign["recipients_count"]
    # A send started now takes 10 ticks of 0.1 s; by the time it is done, many
    # background ticks (and a few on demand) have passed over the seeded send.
    group = api.data(
        api.post("/contact-groups", json={"name": f"Pace {uuid.uuid4().hex[:6]}"}), 201
    )
    for _ in range(3):
        api.make_contact(group_ids=[group["id"]])
    # Account 5 (newsletter@yourcompany.com) is the reference example's, seeded for it.
    created = _create(api, [group["id"]], email_account_id=5)
    api.data(api.post(f"/campaigns/{created['id']}/send"))
    _wait_until_sent(api, created["id"])
    admin = Admin(demo)
    try:
        for _ in range(5):
            admin.tick()
    finally:
        admin.close()
    for campaign in seeded:
        later = _get(api, campaign["id"])
        assert later["status"] == "sending"
        assert later["sent_at"] == campaign["sent_at"]
        assert later["completed_at"] is None
        assert _processed(campaign) <= _processed(later) < later["recipients_count"]
        assert all(later["stats"][k] >= campaign["stats"][k] for k in STATS)


def test_resuming_a_paused_campaign_keeps_its_statistics(
    demo: SandboxProcess, demo_api: Api
) -> None:
    api = demo_api
    paused = _by_status(api, "paused")
    assert paused, "the demo seed has a paused campaign"
    before = _get(api, paused[0]["id"])
    assert before["sent_at"] is not None
    assert 0 < _processed(before) < before["recipients_count"]
    hook = api.data(
        api.post(
            "/webhooks",
            json={
                "url": "https://hooks.example.com/resume",
                "events": ["campaign.sent", "campaign.completed"],
            },
        ),
        201,
    )
    try:
        resumed = api.data(api.post(f"/campaigns/{before['id']}/send"))
        assert resumed["status"] == "sending"
        assert resumed["sent_at"] == before["sent_at"]
        assert resumed["recipients_count"] == before["recipients_count"]
        assert resumed["stats"] == before["stats"], "resuming does not start from zero"
        api.errors(api.post(f"/campaigns/{before['id']}/send"), 409)

        seen = _wait_until_sent(api, before["id"])
        processed = [_processed(s) for s in seen]
        assert processed == sorted(processed)
        assert processed[0] >= _processed(before)
        final = seen[-1]
        assert _processed(final) == final["recipients_count"] == before["recipients_count"]
        assert final["sent_at"] == before["sent_at"]
        assert final["completed_at"] >= final["sent_at"]
        api.errors(api.post(f"/campaigns/{before['id']}/send"), 409)

        admin = Admin(demo)
        try:
            deadline = time.monotonic() + 10
            events = _events(admin, hook["id"], before["id"])
            while "campaign.completed" not in events and time.monotonic() < deadline:
                time.sleep(0.05)
                events = _events(admin, hook["id"], before["id"])
            assert events == ["campaign.completed"], "no second campaign.sent on resume"
        finally:
            admin.close()
    finally:
        api.delete(f"/webhooks/{hook['id']}")


def test_a_new_send_reports_sent_at_and_completed_at_one_send_apart(api: Api) -> None:
    group = _group_with(api, 3)
    created = _create(api, [group["id"]])
    started = api.data(api.post(f"/campaigns/{created['id']}/send"))
    final = _wait_until_sent(api, created["id"])[-1]
    sent_at = datetime.fromisoformat(started["sent_at"].replace("Z", "+00:00"))
    completed_at = datetime.fromisoformat(final["completed_at"].replace("Z", "+00:00"))
    # 10 ticks of 0.1 s: about a second (timestamps have second precision).
    assert timedelta(0) <= completed_at - sent_at <= timedelta(seconds=5)
    assert final["updated_at"] >= final["completed_at"]
