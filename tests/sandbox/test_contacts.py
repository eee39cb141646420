"""Contacts end to end, over real HTTP: list, search, filters, get, create, update, delete.

The sandbox is shared by the whole session, so every test makes its own contacts
with a unique marker and narrows lists to them (search, tag or group).
"""

from __future__ import annotations

import time
import unicodedata
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from tests.support.fixtures import Admin, Api

SUMMARY_FIELDS = {"id", "name", "email", "company", "phone", "tags", "created_at", "updated_at"}
FULL_FIELDS = SUMMARY_FIELDS | {
    "groups",
    "custom_fields",
    "conversations_count",
    "last_contacted_at",
}
META_FIELDS = {"current_page", "per_page", "total", "last_page"}


def marker() -> str:
    """A string no other test's data contains."""
    return uuid.uuid4().hex[:10]


def email() -> str:
    return f"{uuid.uuid4().hex[:12]}@example.com"


def parse(stamp: str) -> datetime:
    """A timestamp as the reference writes it: UTC, second precision, ``Z``."""
    assert stamp.endswith("Z"), stamp
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return moment


def wait_until_after(stamp: str) -> None:
    """Poll the clock (the server runs on this machine) until a second after ``stamp``."""
    target = parse(stamp)
    deadline = time.monotonic() + 5
    while datetime.now(UTC).replace(microsecond=0) <= target:
        assert time.monotonic() < deadline, "the clock did not move"
        time.sleep(0.01)


def listing(api: Api, **params: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Items and meta of ``GET /contacts``, after checking the envelope."""
    response = api.get("/contacts", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"success", "data", "meta"}
    assert body["success"] is True
    assert set(body["meta"]) == META_FIELDS
    return body["data"], body["meta"]


def ids_of(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


# ---------------------------------------------------------------- list


def test_list_items_have_exactly_the_reference_fields(api: Api) -> None:
    tag = f"lead-{marker()}"
    company = f"Acme {marker()}"
    jane = api.make_contact(
        name="Jane Smith",
        company=company,
        phone="+1-555-0123",
        tags=[tag],
        custom_fields={"department": "Engineering"},
    )
    bob = api.make_contact(name="Bob Johnson", company=company)

    items, meta = listing(api, search=company)

    assert meta == {"current_page": 1, "per_page": 25, "total": 2, "last_page": 1}
    assert ids_of(items) == [jane["id"], bob["id"]]
    for item in items:
        assert set(item) == SUMMARY_FIELDS
    first, second = items
    assert first["name"] == "Jane Smith"
    assert first["email"] == jane["email"]
    assert first["company"] == company
    assert first["phone"] == "+1-555-0123"
    assert first["tags"] == [{"id": jane["tags"][0]["id"], "name": tag}]
    assert first["created_at"] == jane["created_at"]
    assert first["updated_at"] == jane["updated_at"]
    parse(first["created_at"])
    parse(first["updated_at"])
    assert second["phone"] is None
    assert second["tags"] == []


def test_per_page_defaults_to_25_and_allows_up_to_100(api: Api) -> None:
    _, meta = listing(api)
    assert meta["per_page"] == 25
    assert meta["current_page"] == 1

    _, meta = listing(api, per_page=100)
    assert meta["per_page"] == 100


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"per_page": 101}, "per_page"),
        ({"per_page": 0}, "per_page"),
        ({"per_page": -5}, "per_page"),
        ({"per_page": "many"}, "per_page"),
        ({"page": 0}, "page"),
        ({"page": -1}, "page"),
        ({"page": "first"}, "page"),
        ({"group_id": "vip"}, "group_id"),
    ],
)
def test_bad_paging_or_filter_is_422(api: Api, params: dict[str, Any], field: str) -> None:
    errors = api.errors(api.get("/contacts", params=params), 422)
    assert field in errors
    assert errors[field]
    assert all(isinstance(m, str) and m for m in errors[field])


def test_pages_split_the_results_in_id_order(api: Api) -> None:
    company = f"Paged {marker()}"
    made = [api.make_contact(name=f"Person {i}", company=company)["id"] for i in range(5)]

    seen: list[int] = []
    for page, expected_count in ((1, 2), (2, 2), (3, 1)):
        items, meta = listing(api, search=company, per_page=2, page=page)
        assert meta == {"current_page": page, "per_page": 2, "total": 5, "last_page": 3}
        assert len(items) == expected_count
        seen += ids_of(items)
    assert seen == made  # every contact once, in id order

    items, meta = listing(api, search=company, per_page=2, page=4)
    assert items == []
    assert meta == {"current_page": 4, "per_page": 2, "total": 5, "last_page": 3}


def test_an_empty_result_still_has_one_page(api: Api) -> None:
    items, meta = listing(api, search=f"nobody-{marker()}")
    assert items == []
    assert meta == {"current_page": 1, "per_page": 25, "total": 0, "last_page": 1}


def test_search_matches_name_email_and_company_ignoring_case(api: Api) -> None:
    m = marker()
    by_name = api.make_contact(name=f"Named {m}")
    by_email = api.make_contact(email=f"mail.{m}@example.com")
    by_company = api.make_contact(company=f"Company {m} Ltd")
    api.make_contact(name="Unrelated", company="Other Inc")

    for query in (m, m.upper()):
        items, _ = listing(api, search=query)
        assert ids_of(items) == [by_name["id"], by_email["id"], by_company["id"]]

    items, _ = listing(api, search=f"nAmEd {m.upper()}")
    assert ids_of(items) == [by_name["id"]]
    items, _ = listing(api, search=f"MAIL.{m.upper()}@EXAMPLE")
    assert ids_of(items) == [by_email["id"]]
    items, _ = listing(api, search=f"{m} ltd")
    assert ids_of(items) == [by_company["id"]]


def test_search_folds_case_of_non_ascii_names(api: Api) -> None:
    m = marker()
    zoe = api.make_contact(name=f"Zoë Müller-{m}")
    api.make_contact(name=f"Zoe Muller-{m}")  # no umlauts: must not match "müller"

    for query in (f"müller-{m}", f"MÜLLER-{m.upper()}", f"zoË müller-{m}"):
        items, meta = listing(api, search=query)
        assert ids_of(items) == [zoe["id"]], query
        assert meta["total"] == 1

    # The same letters typed decomposed ("u" plus a combining diaeresis) find it too.
    decomposed = unicodedata.normalize("NFD", f"Müller-{m}")
    assert decomposed != f"Müller-{m}"
    items, _ = listing(api, search=decomposed)
    assert ids_of(items) == [zoe["id"]]

    items, _ = listing(api, search="MÜLLER", per_page=100)
    assert zoe["id"] in ids_of(items)
    assert all("müller" in item["name"].casefold() for item in items)


def test_search_treats_like_wildcards_literally(api: Api) -> None:
    m = marker()
    percent = api.make_contact(company=f"50% off {m}")
    api.make_contact(company=f"50X off {m}")  # would match if % were a wildcard
    underscore = api.make_contact(name=f"a_b {m}")
    api.make_contact(name=f"axb {m}")  # would match if _ were a wildcard
    backslash = api.make_contact(company=f"back\\slash {m}")

    items, _ = listing(api, search=f"0% off {m}")
    assert ids_of(items) == [percent["id"]]
    items, _ = listing(api, search=f"a_b {m}")
    assert ids_of(items) == [underscore["id"]]
    items, _ = listing(api, search=f"k\\slash {m}")
    assert ids_of(items) == [backslash["id"]]
    items, _ = listing(api, search=f"%{m}")
    assert items == []


def test_tag_filter_matches_the_tag_name(api: Api) -> None:
    tag = f"tagged-{marker()}"
    other = f"other-{marker()}"
    first = api.make_contact(tags=[tag])
    second = api.make_contact(tags=[other, tag])
    api.make_contact(tags=[other])

    items, meta = listing(api, tag=tag)
    assert ids_of(items) == [first["id"], second["id"]]
    assert meta["total"] == 2
    # The items still list all their tags, not only the one filtered on.
    assert {t["name"] for t in items[1]["tags"]} == {tag, other}

    items, meta = listing(api, tag=f"missing-{marker()}")
    assert items == []
    assert meta["total"] == 0


def test_filters_combine(api: Api) -> None:
    m = marker()
    tag = f"combo-{m}"
    group = api.make_group("Combo")
    both = api.make_contact(name=f"Both {m}", tags=[tag], group_ids=[group["id"]])
    api.make_contact(name=f"Tag only {m}", tags=[tag])
    api.make_contact(name=f"Group only {m}", group_ids=[group["id"]])

    items, meta = listing(api, tag=tag, group_id=group["id"], search=m)
    assert ids_of(items) == [both["id"]]
    assert meta["total"] == 1


def test_group_id_filter(api: Api) -> None:
    group = api.make_group("Filter")
    other = api.make_group("Other")
    inside = [api.make_contact(group_ids=[group["id"]])["id"] for _ in range(3)]
    api.make_contact(group_ids=[other["id"]])
    api.make_contact()

    items, meta = listing(api, group_id=group["id"])
    assert ids_of(items) == inside
    assert meta["total"] == 3

    items, meta = listing(api, group_id=999_999_999)
    assert items == []
    assert meta["total"] == 0


def test_updated_since_keeps_contacts_updated_at_or_after(api: Api) -> None:
    company = f"Since {marker()}"
    contact = api.make_contact(company=company)
    stamp = contact["updated_at"]
    moment = parse(stamp)

    items, _ = listing(api, search=company, updated_since=stamp)
    assert ids_of(items) == [contact["id"]]  # "at" counts

    earlier = (moment - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    items, _ = listing(api, search=company, updated_since=earlier)
    assert ids_of(items) == [contact["id"]]

    later = (moment + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    items, meta = listing(api, search=company, updated_since=later)
    assert items == []
    assert meta["total"] == 0

    # The same moment written with an offset means the same thing.
    offset = (moment + timedelta(seconds=1)).astimezone(timezone(timedelta(hours=2)))
    items, _ = listing(api, search=company, updated_since=offset.isoformat())
    assert items == []
    offset = moment.astimezone(timezone(timedelta(hours=-5)))
    items, _ = listing(api, search=company, updated_since=offset.isoformat())
    assert ids_of(items) == [contact["id"]]


@pytest.mark.parametrize("value", ["yesterday", "2026-13-45T00:00:00Z", "12/03/2026", ""])
def test_updated_since_must_be_iso_8601(api: Api, value: str) -> None:
    errors = api.errors(api.get("/contacts", params={"updated_since": value}), 422)
    assert "updated_since" in errors


def test_include_adds_groups_and_custom_fields(api: Api) -> None:
    group = api.make_group("Included")
    contact = api.make_contact(group_ids=[group["id"]], custom_fields={"plan": "pro", "seats": 12})

    items, _ = listing(api, group_id=group["id"], include="groups,custom_fields")
    assert ids_of(items) == [contact["id"]]
    assert set(items[0]) == SUMMARY_FIELDS | {"groups", "custom_fields"}
    assert items[0]["groups"] == [{"id": group["id"], "name": group["name"]}]
    assert items[0]["custom_fields"] == {"plan": "pro", "seats": 12}

    items, _ = listing(api, group_id=group["id"], include="groups")
    assert set(items[0]) == SUMMARY_FIELDS | {"groups"}
    items, _ = listing(api, group_id=group["id"], include=" custom_fields ")
    assert set(items[0]) == SUMMARY_FIELDS | {"custom_fields"}
    assert items[0]["custom_fields"] == {"plan": "pro", "seats": 12}


def test_unknown_include_is_422(api: Api) -> None:
    errors = api.errors(api.get("/contacts", params={"include": "groups,deals"}), 422)
    assert "include" in errors
    assert "deals" in errors["include"][0]


# ---------------------------------------------------------------- get


def test_get_contact_has_every_detail(api: Api) -> None:
    tag_a, tag_b = f"lead-{marker()}", f"enterprise-{marker()}"
    group = api.make_group("Newsletter")
    made = api.make_contact(
        name="Jane Smith",
        company="Acme Corp",
        phone="+1-555-0123",
        tags=[tag_a, tag_b],
        group_ids=[group["id"]],
        custom_fields={"department": "Engineering", "deal_value": 50000},
    )

    contact = api.data(api.get(f"/contacts/{made['id']}"))

    assert set(contact) == FULL_FIELDS
    assert contact["id"] == made["id"]
    assert contact["name"] == "Jane Smith"
    assert contact["email"] == made["email"]
    assert contact["company"] == "Acme Corp"
    assert contact["phone"] == "+1-555-0123"
    assert sorted(t["name"] for t in contact["tags"]) == sorted([tag_a, tag_b])
    assert all(set(t) == {"id", "name"} for t in contact["tags"])
    assert contact["groups"] == [{"id": group["id"], "name": group["name"]}]
    assert contact["custom_fields"] == {"department": "Engineering", "deal_value": 50000}
    assert contact["conversations_count"] == 0
    assert contact["last_contacted_at"] is None
    assert contact == made


def test_get_contact_counts_conversations_and_records_last_contact(api: Api, admin: Admin) -> None:
    contact = api.make_contact()
    first = admin.simulate("new_conversation", contact_id=contact["id"])
    admin.simulate("new_conversation", contact_id=contact["id"])

    fetched = api.data(api.get(f"/contacts/{contact['id']}"))
    assert fetched["conversations_count"] == 2
    assert fetched["last_contacted_at"] is None  # the customer wrote; nobody answered yet

    reply = api.data(
        api.post(f"/conversations/{first['id']}/reply", json={"body_html": "<p>hi</p>"}), 201
    )

    fetched = api.data(api.get(f"/contacts/{contact['id']}"))
    assert fetched["conversations_count"] == 2
    assert fetched["last_contacted_at"] == reply["created_at"]
    parse(fetched["last_contacted_at"])


def test_get_unknown_contact_is_404(api: Api) -> None:
    response = api.get("/contacts/999999999")
    api.errors(response, 404)
    assert "contact" in response.json()["message"].lower()


def test_get_contact_with_a_non_numeric_id_is_422(api: Api) -> None:
    errors = api.errors(api.get("/contacts/jane"), 422)
    assert "contact_id" in errors


# ---------------------------------------------------------------- create


def test_create_contact_with_everything(api: Api) -> None:
    new_tag = f"brand-new-{marker()}"
    existing_tag = f"existing-{marker()}"
    api.make_contact(tags=[existing_tag])
    groups = [api.make_group("Newsletter Subscribers"), api.make_group("VIP Clients")]
    address = email()

    response = api.post(
        "/contacts",
        json={
            "name": "Jane Smith",
            "email": address,
            "company": "Acme Corp",
            "phone": "+1-555-0123",
            "tags": [new_tag, existing_tag],
            "group_ids": [g["id"] for g in groups],
            "custom_fields": {"department": "Engineering", "deal_value": 50000},
        },
    )
    contact = api.data(response, 201)

    assert set(contact) >= SUMMARY_FIELDS | {"groups", "custom_fields"}
    assert isinstance(contact["id"], int)
    assert contact["name"] == "Jane Smith"
    assert contact["email"] == address
    assert contact["company"] == "Acme Corp"
    assert contact["phone"] == "+1-555-0123"
    assert sorted(t["name"] for t in contact["tags"]) == sorted([new_tag, existing_tag])
    assert contact["groups"] == [{"id": g["id"], "name": g["name"]} for g in groups]
    assert contact["custom_fields"] == {"department": "Engineering", "deal_value": 50000}
    assert contact["created_at"] == contact["updated_at"]
    assert abs(parse(contact["created_at"]) - datetime.now(UTC)) < timedelta(minutes=1)

    # The tag named for the first time now exists, used by this one contact.
    tags = {t["name"]: t for t in api.data(api.get("/tags"))}
    assert tags[new_tag]["contacts_count"] == 1
    assert tags[existing_tag]["contacts_count"] == 2
    by_name = {t["name"]: t["id"] for t in contact["tags"]}
    assert tags[new_tag]["id"] == by_name[new_tag]
    assert tags[existing_tag]["id"] == by_name[existing_tag]
    # ...and the groups count it as a member.
    for group in groups:
        assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 1

    assert api.data(api.get(f"/contacts/{contact['id']}")) == contact


def test_create_contact_with_only_the_required_fields(api: Api) -> None:
    address = email()
    contact = api.data(api.post("/contacts", json={"name": "Min", "email": address}), 201)
    assert contact["company"] is None
    assert contact["phone"] is None
    assert contact["tags"] == []
    assert contact["groups"] == []
    assert contact["custom_fields"] == {}
    assert contact["email"] == address


def test_create_contact_repeating_a_tag_or_group_lists_it_once(api: Api) -> None:
    tag = f"twice-{marker()}"
    group = api.make_group("Twice")
    contact = api.make_contact(tags=[tag, tag], group_ids=[group["id"], group["id"]])
    assert [t["name"] for t in contact["tags"]] == [tag]
    assert [g["id"] for g in contact["groups"]] == [group["id"]]


def _no_contact_with(api: Api, text: str) -> None:
    items, _ = listing(api, search=text)
    assert items == [], "a rejected request must not create anything"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "x"}, "name"),
        ({"name": "   ", "email": "x"}, "name"),
        ({"name": None, "email": "x"}, "name"),
        ({"name": "No Email"}, "email"),
        ({"name": "Blank Email", "email": "  "}, "email"),
        ({"name": "Bad Email", "email": "not-an-email"}, "email"),
        ({"name": "Bad Email", "email": "jane@"}, "email"),
        ({"name": "Bad Email", "email": "jane smith@example.com"}, "email"),
        ({"name": "Upper Tag", "email": "x", "tags": ["Lead"]}, "tags.0"),
        ({"name": "Space Tag", "email": "x", "tags": ["ok", "big fish"]}, "tags.1"),
        ({"name": "Empty Tag", "email": "x", "tags": [""]}, "tags.0"),
        ({"name": "Tags Text", "email": "x", "tags": "lead"}, "tags"),
        ({"name": "No Group", "email": "x", "group_ids": [999_999_999]}, "group_ids"),
        ({"name": "Long", "email": "x", "custom_fields": {"k" * 65: 1}}, "custom_fields"),
    ],
)
def test_create_contact_rejects_invalid_input(api: Api, body: dict[str, Any], field: str) -> None:
    address = email()
    if body.get("email") == "x":
        body = {**body, "email": address}
    errors = api.errors(api.post("/contacts", json=body), 422)
    assert field in errors, errors
    assert all(isinstance(m, str) and m for m in errors[field])
    _no_contact_with(api, address.split("@")[0])


def test_create_reports_every_invalid_field_at_once(api: Api) -> None:
    errors = api.errors(
        api.post(
            "/contacts",
            json={"name": "", "email": "nope", "tags": ["Bad Tag"], "group_ids": [999_999_999]},
        ),
        422,
    )
    assert {"name", "email", "tags.0", "group_ids"} <= set(errors)
    assert "999999999" in errors["group_ids"][0]


def test_bad_custom_field_names_are_reported_once(api: Api) -> None:
    errors = api.errors(
        api.post(
            "/contacts",
            json={"name": "X", "email": email(), "custom_fields": {"": 1, "k" * 65: 2, "ok": 3}},
        )
    )
    assert errors == {"custom_fields": ["Custom field names are 1 to 64 characters."]}


def test_unknown_group_does_not_create_the_tags_either(api: Api) -> None:
    tag = f"orphan-{marker()}"
    api.errors(
        api.post(
            "/contacts",
            json={"name": "X", "email": email(), "tags": [tag], "group_ids": [999_999_999]},
        )
    )
    assert tag not in {t["name"] for t in api.data(api.get("/tags"))}


@pytest.mark.parametrize(
    "variant", [str.lower, str.upper, str.title], ids=["same", "upper", "title"]
)
def test_create_rejects_a_duplicate_email_in_any_case(api: Api, variant: Any) -> None:
    address = f"dup.{marker()}@example.com"
    first = api.make_contact(email=address)
    errors = api.errors(api.post("/contacts", json={"name": "Copy", "email": variant(address)}))
    assert "email" in errors
    assert "taken" in errors["email"][0]
    items, _ = listing(api, search=address)
    assert ids_of(items) == [first["id"]]


def test_create_rejects_a_duplicate_non_ascii_email_in_another_case(api: Api) -> None:
    m = marker()
    first = api.make_contact(email=f"zoë.{m}@example.com")
    errors = api.errors(
        api.post("/contacts", json={"name": "Copy", "email": f"ZOË.{m}@example.com"})
    )
    assert "email" in errors
    items, _ = listing(api, search=f"zoë.{m}")
    assert ids_of(items) == [first["id"]]


def test_create_with_a_body_that_is_not_json_is_400(api: Api) -> None:
    response = api.post(
        "/contacts", content=b"{name: Jane", headers={"Content-Type": "application/json"}
    )
    api.errors(response, 400)


@pytest.mark.parametrize("body", [b"[1, 2]", b'"Jane"', b"42"])
def test_create_with_json_that_is_not_an_object_is_400(api: Api, body: bytes) -> None:
    response = api.post("/contacts", content=body, headers={"Content-Type": "application/json"})
    api.errors(response, 400)


def test_create_without_a_token_is_401(api: Api, api_as: Any) -> None:
    address = email()
    response = httpx.post(
        api.sandbox.api_url + "/contacts", json={"name": "Anon", "email": address}, timeout=30
    )
    api.errors(response, 401)
    assert response.headers.get("www-authenticate", "").lower().startswith("bearer")

    intruder = api_as("not-a-real-token")
    api.errors(intruder.post("/contacts", json={"name": "Anon", "email": address}), 401)
    api.errors(intruder.get("/contacts"), 401)
    _no_contact_with(api, address)


def test_create_with_a_token_lacking_the_contacts_scope_is_403(api: Api, api_as: Any) -> None:
    address = email()
    deals_only = api_as("deals-only-token")
    response = deals_only.post("/contacts", json={"name": "Nope", "email": address})
    api.errors(response, 403)
    body = response.json()
    assert "contacts" in body["message"]
    assert body["required_scope"] == "contacts"
    _no_contact_with(api, address)


@pytest.mark.parametrize("token", ["deals-only-token", "no-scope-token"])
def test_every_contacts_endpoint_needs_the_contacts_scope(
    api: Api, api_as: Any, token: str
) -> None:
    contact = api.make_contact()
    client = api_as(token)
    for method, path, body in (
        ("GET", "/contacts", None),
        ("GET", f"/contacts/{contact['id']}", None),
        ("PUT", f"/contacts/{contact['id']}", {"name": "Changed"}),
        ("DELETE", f"/contacts/{contact['id']}", None),
    ):
        response = client.request(method, path, json=body)
        api.errors(response, 403)
        assert response.json()["required_scope"] == "contacts"
    assert api.data(api.get(f"/contacts/{contact['id']}")) == contact


def test_a_contacts_only_token_can_manage_contacts(api: Api, api_as: Any) -> None:
    client = api_as("contacts-only-token")
    contact = client.make_contact(name="Scoped")
    assert client.data(client.get(f"/contacts/{contact['id']}"))["name"] == "Scoped"
    updated = client.data(client.put(f"/contacts/{contact['id']}", json={"company": "Co"}))
    assert updated["company"] == "Co"
    client.data(client.delete(f"/contacts/{contact['id']}"))


# ---------------------------------------------------------------- update


def test_update_changes_only_the_given_fields(api: Api) -> None:
    tag = f"keep-{marker()}"
    group = api.make_group("Keep")
    contact = api.make_contact(
        name="Jane Smith",
        company="Acme Corp",
        phone="+1-555-0123",
        tags=[tag],
        group_ids=[group["id"]],
        custom_fields={"department": "Engineering", "deal_value": 50000},
    )

    updated = api.data(
        api.put(
            f"/contacts/{contact['id']}",
            json={
                "company": "Acme Industries",
                "phone": "+1-555-9999",
                "custom_fields": {"deal_value": 75000},
            },
        )
    )

    assert set(updated) == FULL_FIELDS
    assert updated["company"] == "Acme Industries"
    assert updated["phone"] == "+1-555-9999"
    assert updated["custom_fields"] == {"department": "Engineering", "deal_value": 75000}
    for unchanged in ("id", "name", "email", "tags", "groups", "created_at", "last_contacted_at"):
        assert updated[unchanged] == contact[unchanged], unchanged
    assert api.data(api.get(f"/contacts/{contact['id']}")) == updated


def test_update_can_clear_optional_fields(api: Api) -> None:
    contact = api.make_contact(company="Acme", phone="+1-555-0100")
    updated = api.data(api.put(f"/contacts/{contact['id']}", json={"company": None, "phone": None}))
    assert updated["company"] is None
    assert updated["phone"] is None
    assert updated["name"] == contact["name"]


def test_update_merges_custom_fields(api: Api) -> None:
    contact = api.make_contact(custom_fields={"department": "Sales", "seats": 5, "trial": True})

    updated = api.data(
        api.put(
            f"/contacts/{contact['id']}",
            json={"custom_fields": {"seats": 8, "region": "EMEA", "trial": None, "score": 4.5}},
        )
    )

    # Kept, changed, added, and removed by null.
    assert updated["custom_fields"] == {
        "department": "Sales",
        "seats": 8,
        "region": "EMEA",
        "score": 4.5,
    }
    assert (
        api.data(api.get(f"/contacts/{contact['id']}"))["custom_fields"]
        == (updated["custom_fields"])
    )

    # Removing a key that is not there is harmless.
    again = api.data(api.put(f"/contacts/{contact['id']}", json={"custom_fields": {"gone": None}}))
    assert again["custom_fields"] == updated["custom_fields"]


def test_update_replaces_tags_and_groups(api: Api) -> None:
    old_tag, kept_tag, new_tag = (f"{p}-{marker()}" for p in ("old", "kept", "new"))
    old_group, kept_group, new_group = (api.make_group(n) for n in ("Old", "Kept", "New"))
    contact = api.make_contact(
        tags=[old_tag, kept_tag], group_ids=[old_group["id"], kept_group["id"]]
    )

    updated = api.data(
        api.put(
            f"/contacts/{contact['id']}",
            json={"tags": [kept_tag, new_tag], "group_ids": [kept_group["id"], new_group["id"]]},
        )
    )

    assert sorted(t["name"] for t in updated["tags"]) == sorted([kept_tag, new_tag])
    assert {g["id"] for g in updated["groups"]} == {kept_group["id"], new_group["id"]}
    tags = {t["name"]: t for t in api.data(api.get("/tags"))}
    assert tags[old_tag]["contacts_count"] == 0  # the tag stays, unused
    assert tags[new_tag]["contacts_count"] == 1
    assert api.data(api.get(f"/contact-groups/{old_group['id']}"))["members_count"] == 0
    assert api.data(api.get(f"/contact-groups/{new_group['id']}"))["members_count"] == 1
    items, _ = listing(api, tag=old_tag)
    assert items == []

    cleared = api.data(api.put(f"/contacts/{contact['id']}", json={"tags": [], "group_ids": []}))
    assert cleared["tags"] == []
    assert cleared["groups"] == []


def test_update_email_must_be_unique_among_other_contacts(api: Api) -> None:
    taken = f"taken.{marker()}@example.com"
    api.make_contact(email=taken)
    contact = api.make_contact()

    for attempt in (taken, taken.upper()):
        errors = api.errors(api.put(f"/contacts/{contact['id']}", json={"email": attempt}))
        assert "email" in errors
    assert api.data(api.get(f"/contacts/{contact['id']}"))["email"] == contact["email"]

    # Its own address, even in another case, is not a clash.
    same = api.data(api.put(f"/contacts/{contact['id']}", json={"email": contact["email"]}))
    assert same["email"] == contact["email"]
    shouted = contact["email"].upper()
    changed = api.data(api.put(f"/contacts/{contact['id']}", json={"email": shouted}))
    assert changed["email"].lower() == contact["email"].lower()

    fresh = email()
    moved = api.data(api.put(f"/contacts/{contact['id']}", json={"email": fresh}))
    assert moved["email"] == fresh
    items, _ = listing(api, search=fresh)
    assert ids_of(items) == [contact["id"]]


def test_update_moves_updated_at_but_not_created_at(api: Api) -> None:
    company = f"Moving {marker()}"
    contact = api.make_contact(company=company)
    wait_until_after(contact["updated_at"])

    updated = api.data(api.put(f"/contacts/{contact['id']}", json={"name": "Renamed"}))

    assert updated["created_at"] == contact["created_at"]
    assert parse(updated["updated_at"]) > parse(contact["updated_at"])
    # An incremental sync from just after the creation now sees the contact.
    items, _ = listing(api, search=company, updated_since=updated["updated_at"])
    assert ids_of(items) == [contact["id"]]
    assert items[0]["name"] == "Renamed"


def test_update_with_nothing_to_change_changes_nothing(api: Api) -> None:
    contact = api.make_contact(company="Still")
    wait_until_after(contact["updated_at"])
    same = api.data(api.put(f"/contacts/{contact['id']}", json={}))
    assert same == contact
    ignored = api.data(api.put(f"/contacts/{contact['id']}", json={"favourite_colour": "blue"}))
    assert ignored == contact


def test_update_unknown_contact_is_404(api: Api) -> None:
    api.errors(api.put("/contacts/999999999", json={"name": "Ghost"}), 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": None}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"email": None}, "email"),
        ({"tags": ["Has Space"]}, "tags.0"),
        ({"tags": ["UPPER"]}, "tags.0"),
        ({"group_ids": [999_999_999]}, "group_ids"),
        ({"custom_fields": {"": "empty key"}}, "custom_fields"),
        ({"phone": "9" * 51}, "phone"),
    ],
)
def test_update_rejects_invalid_input_and_changes_nothing(
    api: Api, body: dict[str, Any], field: str
) -> None:
    tag = f"stay-{marker()}"
    contact = api.make_contact(company="Unchanged", tags=[tag])
    errors = api.errors(
        api.put(f"/contacts/{contact['id']}", json={"company": "Changed", **body}), 422
    )
    assert field in errors, errors
    assert api.data(api.get(f"/contacts/{contact['id']}")) == contact


def test_update_with_a_body_that_is_not_json_is_400(api: Api) -> None:
    contact = api.make_contact()
    response = api.put(
        f"/contacts/{contact['id']}",
        content=b"name=x",
        headers={"Content-Type": "application/json"},
    )
    api.errors(response, 400)


# ---------------------------------------------------------------- delete


def test_delete_contact_removes_it_and_everything_it_owns(api: Api, admin: Admin) -> None:
    tag = f"gone-{marker()}"
    group = api.make_group("Deleting")
    keeper = api.make_contact(tags=[tag], group_ids=[group["id"]])
    contact = api.make_contact(tags=[tag], group_ids=[group["id"]])
    conversation = admin.simulate("new_conversation", contact_id=contact["id"])
    deal = api.make_deal(contact["id"])
    kept_deal = api.make_deal(keeper["id"])
    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 2

    response = api.delete(f"/contacts/{contact['id']}")

    assert api.data(response) == {"message": "Contact deleted successfully."}
    api.errors(api.get(f"/contacts/{contact['id']}"), 404)
    conversations = api.get("/conversations", params={"contact_id": contact["id"]})
    assert conversations.status_code == 200, conversations.text
    assert conversations.json()["meta"]["total"] == 0
    assert conversations.json()["data"] == []
    api.errors(api.get(f"/conversations/{conversation['id']}"), 404)
    api.errors(api.get(f"/deals/{deal['id']}"), 404)
    # Other contacts, their deals, the group and the tag stay.
    assert api.data(api.get(f"/deals/{kept_deal['id']}"))["id"] == kept_deal["id"]
    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 1
    tags = {t["name"]: t for t in api.data(api.get("/tags"))}
    assert tags[tag]["contacts_count"] == 1
    items, _ = listing(api, group_id=group["id"])
    assert ids_of(items) == [keeper["id"]]

    # Deleting again finds nothing; the email is free again.
    api.errors(api.delete(f"/contacts/{contact['id']}"), 404)
    again = api.make_contact(email=contact["email"])
    assert again["email"] == contact["email"]


def test_a_deleted_contacts_id_is_never_given_to_another(api: Api) -> None:
    contact = api.make_contact()  # the newest, so it holds the highest id
    api.data(api.delete(f"/contacts/{contact['id']}"))
    newer = api.make_contact()
    # A client that cached the old contact must not mistake the new one for it.
    assert newer["id"] > contact["id"]


def test_delete_unknown_contact_is_404(api: Api) -> None:
    response = api.delete("/contacts/999999999")
    api.errors(response, 404)
