"""Deals end to end: create with defaults, validation, filters, get, partial update, delete."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.fixtures import Api

SUMMARY_FIELDS = {
    "id",
    "title",
    "value",
    "currency",
    "stage",
    "contact",
    "assignee",
    "expected_close_date",
    "created_at",
    "updated_at",
}
STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")
MISSING_ID = 987_654_321


def _list(api: Api, **params: Any) -> list[dict[str, Any]]:
    return api.data(api.get("/deals", params={"per_page": 100, **params}))  # type: ignore[no-any-return]


def _ids(api: Api, **params: Any) -> set[int]:
    return {d["id"] for d in _list(api, **params)}


@pytest.fixture
def contact(api: Api) -> dict[str, Any]:
    return api.make_contact(name="Jane Smith")


# ---------------------------------------------------------------- create


def test_create_returns_the_full_deal(api: Api, contact: dict[str, Any]) -> None:
    body = {
        "title": "Acme Corp Enterprise Plan",
        "value": 75000,
        "currency": "EUR",
        "stage": "proposal",
        "contact_id": contact["id"],
        "assignee_id": 2,
        "expected_close_date": "2026-04-15",
        "notes": "Initial discussion about enterprise needs",
    }
    deal = api.data(api.post("/deals", json=body), 201)
    assert SUMMARY_FIELDS | {"notes"} <= deal.keys()
    assert isinstance(deal["id"], int)
    assert deal["title"] == "Acme Corp Enterprise Plan"
    assert deal["value"] == 75000
    assert isinstance(deal["value"], int)
    assert deal["currency"] == "EUR"
    assert deal["stage"] == "proposal"
    assert deal["contact"] == {"id": contact["id"], "name": "Jane Smith", "email": contact["email"]}
    assert deal["assignee"] == {"id": 2, "name": "Support Agent"}
    assert deal["expected_close_date"] == "2026-04-15"
    assert deal["notes"] == "Initial discussion about enterprise needs"
    assert deal["created_at"].endswith("Z")
    assert deal["updated_at"] == deal["created_at"]
    assert api.data(api.get(f"/deals/{deal['id']}")) == deal


def test_create_defaults(api: Api, contact: dict[str, Any]) -> None:
    deal = api.data(
        api.post("/deals", json={"title": "Small", "value": 10, "contact_id": contact["id"]}), 201
    )
    assert deal["stage"] == "lead"
    assert deal["currency"] == "USD"
    assert deal["assignee"] is None
    assert deal["expected_close_date"] is None
    assert deal["notes"] is None


def test_currency_is_normalised_to_upper_case(api: Api, contact: dict[str, Any]) -> None:
    assert api.make_deal(contact["id"], currency="gbp")["currency"] == "GBP"


def test_value_with_cents_round_trips(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"], value=1234.5)
    assert deal["value"] == 1234.5
    assert api.data(api.get(f"/deals/{deal['id']}"))["value"] == 1234.5
    [listed] = [d for d in _list(api, contact_id=contact["id"]) if d["id"] == deal["id"]]
    assert listed["value"] == 1234.5
    assert api.make_deal(contact["id"], value=99.99)["value"] == 99.99
    assert api.make_deal(contact["id"], value=0)["value"] == 0
    assert api.make_deal(contact["id"], value=1000.004)["value"] == 1000
    assert api.make_deal(contact["id"], value=1e12)["value"] == 1_000_000_000_000


@pytest.mark.parametrize("field", ["title", "value", "contact_id"])
def test_a_missing_required_field_is_422(api: Api, contact: dict[str, Any], field: str) -> None:
    body = {"title": "Deal", "value": 100, "contact_id": contact["id"]}
    del body[field]
    errors = api.errors(api.post("/deals", json=body))
    assert list(errors) == [field]
    assert _ids(api, contact_id=contact["id"]) == set()


def test_all_missing_fields_are_reported_together(api: Api) -> None:
    errors = api.errors(api.post("/deals", json={}))
    assert {"title", "value", "contact_id"} <= set(errors)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "   "}, "title"),
        ({"stage": "closed"}, "stage"),
        ({"stage": "Lead"}, "stage"),
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "US"}, "currency"),
        ({"expected_close_date": "2026/04/15"}, "expected_close_date"),
        ({"expected_close_date": "2026-02-30"}, "expected_close_date"),
        ({"expected_close_date": "15-04-2026"}, "expected_close_date"),
        ({"contact_id": MISSING_ID}, "contact_id"),
        ({"assignee_id": MISSING_ID}, "assignee_id"),
        ({"value": -1}, "value"),
        ({"value": -0.01}, "value"),
        ({"value": "a lot"}, "value"),
        ({"value": None}, "value"),
        ({"value": True}, "value"),
        ({"contact_id": True}, "contact_id"),
    ],
)
def test_invalid_field_is_422(
    api: Api, contact: dict[str, Any], fields: dict[str, Any], field: str
) -> None:
    body = {"title": "Deal", "value": 100, "contact_id": contact["id"], **fields}
    errors = api.errors(api.post("/deals", json=body))
    assert field in errors, errors
    assert all(message for message in errors[field])
    assert _ids(api, contact_id=contact["id"]) == set()


def test_every_validation_error_is_reported_at_once(api: Api, contact: dict[str, Any]) -> None:
    body = {
        "title": "Deal",
        "value": -5,
        "currency": "XYZ",
        "stage": "nope",
        "contact_id": contact["id"],
        "expected_close_date": "2026/04/15",
    }
    errors = api.errors(api.post("/deals", json=body))
    assert set(errors) == {"value", "currency", "stage", "expected_close_date"}


# ---------------------------------------------------------------- list


def test_list_has_the_reference_shape(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"], assignee_id=1, expected_close_date="2026-04-15")
    response = api.get("/deals", params={"contact_id": contact["id"]})
    body = response.json()
    assert response.status_code == 200
    assert body["success"] is True
    assert body["meta"] == {"current_page": 1, "per_page": 25, "total": 1, "last_page": 1}
    [item] = body["data"]
    assert item.keys() >= SUMMARY_FIELDS
    assert item["id"] == deal["id"]
    assert item["contact"] == {"id": contact["id"], "name": "Jane Smith", "email": contact["email"]}
    assert item["assignee"] == {"id": 1, "name": "Sandbox Owner"}
    assert item["expected_close_date"] == "2026-04-15"


def test_list_filters_by_stage(api: Api, contact: dict[str, Any]) -> None:
    by_stage = {stage: api.make_deal(contact["id"], stage=stage)["id"] for stage in STAGES}
    for stage, deal_id in by_stage.items():
        assert _ids(api, contact_id=contact["id"], stage=stage) == {deal_id}
        assert all(d["stage"] == stage for d in _list(api, stage=stage))
    assert _ids(api, contact_id=contact["id"]) == set(by_stage.values())


def test_list_with_an_invalid_stage_is_422(api: Api) -> None:
    errors = api.errors(api.get("/deals", params={"stage": "closed"}))
    assert "stage" in errors


def test_list_filters_by_assignee(api: Api, contact: dict[str, Any]) -> None:
    to_owner = api.make_deal(contact["id"], assignee_id=1)
    to_agent = api.make_deal(contact["id"], assignee_id=2)
    api.make_deal(contact["id"])
    assert _ids(api, contact_id=contact["id"], assignee_id=1) == {to_owner["id"]}
    assert _ids(api, contact_id=contact["id"], assignee_id=2) == {to_agent["id"]}
    assert all(d["assignee"]["id"] == 2 for d in _list(api, assignee_id=2))


def test_list_filters_by_contact(api: Api) -> None:
    one = api.make_contact()
    two = api.make_contact()
    first = api.make_deal(one["id"])
    second = api.make_deal(two["id"])
    assert _ids(api, contact_id=one["id"]) == {first["id"]}
    assert _ids(api, contact_id=two["id"]) == {second["id"]}
    assert _ids(api, contact_id=MISSING_ID) == set()


def test_list_summaries_leave_out_notes(api: Api, contact: dict[str, Any]) -> None:
    api.make_deal(contact["id"], notes="Private")
    [item] = _list(api, contact_id=contact["id"])
    assert "notes" not in item


def test_list_paginates(api: Api, contact: dict[str, Any]) -> None:
    made = [api.make_deal(contact["id"])["id"] for _ in range(3)]
    first = api.get("/deals", params={"contact_id": contact["id"], "per_page": 2})
    assert first.json()["meta"] == {"current_page": 1, "per_page": 2, "total": 3, "last_page": 2}
    second = _list(api, contact_id=contact["id"], per_page=2, page=2)
    assert sorted([d["id"] for d in api.data(first)] + [d["id"] for d in second]) == made


def test_list_by_updated_since(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"])
    mine = {"contact_id": contact["id"]}
    assert _ids(api, updated_since=deal["updated_at"], **mine) == {deal["id"]}
    later = datetime.fromisoformat(deal["updated_at"].replace("Z", "+00:00")) + timedelta(days=1)
    assert _ids(api, updated_since=later.astimezone(UTC).isoformat(), **mine) == set()


# ---------------------------------------------------------------- get


def test_get_one_with_notes(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"], notes="Call back on Monday")
    got = api.data(api.get(f"/deals/{deal['id']}"))
    assert got["notes"] == "Call back on Monday"
    assert got["title"] == "Test deal"
    assert got["value"] == 1000


def test_get_unknown_is_404(api: Api) -> None:
    api.errors(api.get(f"/deals/{MISSING_ID}"), 404)


# ---------------------------------------------------------------- update


def test_stage_change_keeps_the_other_fields(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(
        contact["id"],
        title="Keep me",
        value=500,
        currency="EUR",
        assignee_id=2,
        expected_close_date="2026-05-01",
        notes="Keep these notes",
    )
    updated = api.data(api.put(f"/deals/{deal['id']}", json={"stage": "negotiation"}))
    assert updated["stage"] == "negotiation"
    unchanged = {k: v for k, v in deal.items() if k not in ("stage", "updated_at")}
    assert {k: updated[k] for k in unchanged} == unchanged
    assert api.data(api.get(f"/deals/{deal['id']}")) == updated
    assert _ids(api, contact_id=contact["id"], stage="negotiation") == {deal["id"]}
    assert _ids(api, contact_id=contact["id"], stage="lead") == set()


def test_reference_example_update(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"], stage="proposal", value=75000)
    body = {"stage": "negotiation", "value": 80000}
    updated = api.data(api.put(f"/deals/{deal['id']}", json=body))
    assert (updated["stage"], updated["value"]) == ("negotiation", 80000)


def test_update_value_with_cents_round_trips(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"])
    updated = api.data(api.put(f"/deals/{deal['id']}", json={"value": 1234.5}))
    assert updated["value"] == 1234.5
    assert api.data(api.get(f"/deals/{deal['id']}"))["value"] == 1234.5
    assert updated["stage"] == "lead"
    assert updated["title"] == "Test deal"


def test_update_every_field(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"])
    other = api.make_contact(name="Bob Johnson")
    body = {
        "title": "Renamed",
        "value": 42,
        "currency": "JPY",
        "stage": "won",
        "contact_id": other["id"],
        "assignee_id": 1,
        "expected_close_date": "2027-01-31",
        "notes": "Signed",
    }
    updated = api.data(api.put(f"/deals/{deal['id']}", json=body))
    assert updated["title"] == "Renamed"
    assert updated["value"] == 42
    assert updated["currency"] == "JPY"
    assert updated["stage"] == "won"
    assert updated["contact"]["id"] == other["id"]
    assert updated["contact"]["name"] == "Bob Johnson"
    assert updated["assignee"] == {"id": 1, "name": "Sandbox Owner"}
    assert updated["expected_close_date"] == "2027-01-31"
    assert updated["notes"] == "Signed"
    assert _ids(api, contact_id=contact["id"]) == set()
    assert _ids(api, contact_id=other["id"]) == {deal["id"]}


def test_update_can_clear_optional_fields(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(
        contact["id"], assignee_id=2, expected_close_date="2026-04-15", notes="Some"
    )
    body = {"assignee_id": None, "expected_close_date": None, "notes": None}
    updated = api.data(api.put(f"/deals/{deal['id']}", json=body))
    assert updated["assignee"] is None
    assert updated["expected_close_date"] is None
    assert updated["notes"] is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"stage": "closed"}, "stage"),
        ({"stage": None}, "stage"),
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"value": -10}, "value"),
        ({"value": None}, "value"),
        ({"currency": "XYZ"}, "currency"),
        ({"currency": None}, "currency"),
        ({"contact_id": MISSING_ID}, "contact_id"),
        ({"contact_id": None}, "contact_id"),
        ({"assignee_id": MISSING_ID}, "assignee_id"),
        ({"expected_close_date": "2026/04/15"}, "expected_close_date"),
    ],
)
def test_invalid_update_is_422_and_changes_nothing(
    api: Api, contact: dict[str, Any], fields: dict[str, Any], field: str
) -> None:
    deal = api.make_deal(contact["id"], notes="Original")
    errors = api.errors(api.put(f"/deals/{deal['id']}", json=fields))
    assert field in errors, errors
    assert api.data(api.get(f"/deals/{deal['id']}")) == deal


def test_update_unknown_is_404(api: Api) -> None:
    api.errors(api.put(f"/deals/{MISSING_ID}", json={"stage": "won"}), 404)


def test_empty_update_changes_nothing(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"])
    assert api.data(api.put(f"/deals/{deal['id']}", json={})) == deal


# ---------------------------------------------------------------- delete


def test_delete_then_404(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"])
    assert api.data(api.delete(f"/deals/{deal['id']}")) == {"message": "Deal deleted successfully."}
    api.errors(api.get(f"/deals/{deal['id']}"), 404)
    api.errors(api.put(f"/deals/{deal['id']}", json={"stage": "won"}), 404)
    api.errors(api.delete(f"/deals/{deal['id']}"), 404)
    assert _ids(api, contact_id=contact["id"]) == set()


def test_deleting_the_contact_deletes_its_deals(api: Api, contact: dict[str, Any]) -> None:
    deal = api.make_deal(contact["id"])
    api.data(api.delete(f"/contacts/{contact['id']}"))
    api.errors(api.get(f"/deals/{deal['id']}"), 404)


# ---------------------------------------------------------------- scope


@pytest.mark.parametrize("token", ["contacts-only-token", "no-scope-token"])
def test_a_token_without_the_deals_scope_gets_403(
    api: Api, api_as: Any, contact: dict[str, Any], token: str
) -> None:
    deal = api.make_deal(contact["id"])
    other: Api = api_as(token)
    path = f"/deals/{deal['id']}"
    for response in (
        other.get("/deals"),
        other.get(path),
        other.post("/deals", json={"title": "x", "value": 1, "contact_id": contact["id"]}),
        other.put(path, json={"stage": "won"}),
        other.delete(path),
    ):
        other.errors(response, 403)
    assert api.data(api.get(path)) == deal


def test_a_deals_only_token_can_work_deals(api: Api, api_as: Any, contact: dict[str, Any]) -> None:
    sales: Api = api_as("deals-only-token")
    deal = sales.make_deal(contact["id"], stage="qualified")
    assert sales.data(sales.get(f"/deals/{deal['id']}"))["stage"] == "qualified"
    moved = sales.data(sales.put(f"/deals/{deal['id']}", json={"stage": "won"}))
    assert moved["stage"] == "won"
