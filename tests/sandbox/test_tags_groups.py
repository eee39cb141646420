"""Tags and contact groups end to end, over real HTTP, with their effect on contacts.

The sandbox is shared by the whole session: tag and group names carry a unique
marker, and lists are searched for this test's own items.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.fixtures import Api

HEX6 = re.compile(r"^#[0-9A-F]{6}$")
TAG_FIELDS = {"id", "name", "color", "contacts_count"}
GROUP_FIELDS = {"id", "name", "description", "members_count", "created_at"}
SUMMARY_FIELDS = {"id", "name", "email", "company", "phone", "tags", "created_at", "updated_at"}


def tag_name(prefix: str = "tag") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def parse(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def wait_until_after(stamp: str) -> None:
    """Poll the clock (the server runs on this machine) until a second after ``stamp``."""
    target = parse(stamp)
    deadline = time.monotonic() + 5
    while datetime.now(UTC).replace(microsecond=0) <= target:
        assert time.monotonic() < deadline, "the clock did not move"
        time.sleep(0.01)


def make_tag(api: Api, **fields: Any) -> dict[str, Any]:
    body = {"name": tag_name(), **fields}
    return api.data(api.post("/tags", json=body), 201)  # type: ignore[no-any-return]


def all_tags(api: Api) -> dict[str, dict[str, Any]]:
    tags = api.data(api.get("/tags"))
    return {t["name"]: t for t in tags}


def all_groups(api: Api) -> dict[int, dict[str, Any]]:
    return {g["id"]: g for g in api.data(api.get("/contact-groups"))}


def contact(api: Api, contact_id: int) -> dict[str, Any]:
    return api.data(api.get(f"/contacts/{contact_id}"))  # type: ignore[no-any-return]


def members(api: Api, group_id: int, **params: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    response = api.get(f"/contact-groups/{group_id}/members", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"success", "data", "meta"}
    assert body["success"] is True
    return body["data"], body["meta"]


def remove(api: Api, group_id: int, contact_ids: list[int]) -> Any:
    response = api.request(
        "DELETE", f"/contact-groups/{group_id}/members", json={"contact_ids": contact_ids}
    )
    return api.data(response)


# ================================================================ tags


def test_list_tags_counts_the_contacts_of_each(api: Api) -> None:
    busy, quiet = tag_name("busy"), tag_name("quiet")
    api.make_contact(tags=[busy])
    api.make_contact(tags=[busy, quiet])
    api.make_contact(tags=[busy])
    unused = make_tag(api)

    response = api.get("/tags")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"success", "data"}
    assert body["success"] is True
    tags = {t["name"]: t for t in body["data"]}

    for tag in body["data"]:
        assert set(tag) == TAG_FIELDS
        assert re.match(r"^#[0-9A-Fa-f]{3,6}$", tag["color"])
    assert tags[busy]["contacts_count"] == 3
    assert tags[quiet]["contacts_count"] == 1
    assert tags[unused["name"]] == unused
    ids = [t["id"] for t in body["data"]]
    assert ids == sorted(ids)  # creation order, as the reference's example lists them


def test_create_tag_auto_assigns_a_colour(api: Api) -> None:
    name = tag_name("vip")
    response = api.post("/tags", json={"name": name})

    tag = api.data(response, 201)

    assert set(tag) == TAG_FIELDS
    assert isinstance(tag["id"], int)
    assert tag["name"] == name
    assert HEX6.match(tag["color"]), tag["color"]
    assert tag["contacts_count"] == 0
    assert all_tags(api)[name] == tag
    assert api.data(api.get(f"/tags/{tag['id']}")) == tag


@pytest.mark.parametrize(
    ("given", "stored"),
    [("#F59E0B", "#F59E0B"), ("#f59e0b", "#F59E0B"), ("#abc", "#ABC"), ("#10B981", "#10B981")],
)
def test_create_tag_with_a_colour_keeps_it_in_upper_case(api: Api, given: str, stored: str) -> None:
    tag = make_tag(api, color=given)
    assert tag["color"] == stored
    assert api.data(api.get(f"/tags/{tag['id']}"))["color"] == stored


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "VIP"}, "name"),
        ({"name": "Lead"}, "name"),
        ({"name": "big fish"}, "name"),
        ({"name": "tab\there"}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 51}, "name"),
        ({}, "name"),
        ({"color": "red"}, "color"),
        ({"color": "F59E0B"}, "color"),
        ({"color": "#F59E0"}, "color"),
        ({"color": "#GGGGGG"}, "color"),
        ({"color": "#F59E0B00"}, "color"),
        ({"color": ""}, "color"),
    ],
)
def test_create_tag_rejects_invalid_input(api: Api, body: dict[str, Any], field: str) -> None:
    if field == "color":
        body = {"name": tag_name(), **body}
    errors = api.errors(api.post("/tags", json=body), 422)
    assert field in errors, errors
    if "name" in body and field == "color":
        assert body["name"] not in all_tags(api)


def test_create_tag_with_a_taken_name_is_422(api: Api) -> None:
    tag = make_tag(api)
    errors = api.errors(api.post("/tags", json={"name": tag["name"], "color": "#000000"}), 422)
    assert "name" in errors
    assert "taken" in errors["name"][0]
    assert all_tags(api)[tag["name"]] == tag  # the original is untouched


def test_create_tag_with_a_body_that_is_not_json_is_400(api: Api) -> None:
    response = api.post("/tags", content=b"name=vip", headers={"Content-Type": "application/json"})
    api.errors(response, 400)


def test_get_tag(api: Api) -> None:
    tag = make_tag(api, color="#3B82F6")
    api.make_contact(tags=[tag["name"]])
    fetched = api.data(api.get(f"/tags/{tag['id']}"))
    assert fetched == {**tag, "contacts_count": 1}


def test_unknown_tag_is_404_everywhere(api: Api) -> None:
    for method, path, body in (
        ("GET", "/tags/999999999", None),
        ("PUT", "/tags/999999999", {"name": tag_name()}),
        ("DELETE", "/tags/999999999", None),
    ):
        response = api.request(method, path, json=body)
        api.errors(response, 404)
        assert "tag" in response.json()["message"].lower()


def test_rename_and_recolour_a_tag_shows_on_its_contacts(api: Api) -> None:
    old, new = tag_name("lead"), tag_name("customer")
    tag = make_tag(api, name=old, color="#3B82F6")
    person = api.make_contact(tags=[old])

    updated = api.data(api.put(f"/tags/{tag['id']}", json={"name": new, "color": "#10b981"}))

    assert updated == {"id": tag["id"], "name": new, "color": "#10B981", "contacts_count": 1}
    assert api.data(api.get(f"/tags/{tag['id']}")) == updated
    assert contact(api, person["id"])["tags"] == [{"id": tag["id"], "name": new}]
    tags = all_tags(api)
    assert old not in tags
    assert tags[new] == updated
    # Filters follow the new name.
    items = api.data(api.get("/contacts", params={"tag": new}))
    assert [c["id"] for c in items] == [person["id"]]
    assert api.data(api.get("/contacts", params={"tag": old})) == []


def test_update_tag_changes_only_the_given_fields(api: Api) -> None:
    tag = make_tag(api, color="#EF4444")
    recoloured = api.data(api.put(f"/tags/{tag['id']}", json={"color": "#8B5CF6"}))
    assert recoloured == {**tag, "color": "#8B5CF6"}
    new = tag_name()
    renamed = api.data(api.put(f"/tags/{tag['id']}", json={"name": new}))
    assert renamed == {**tag, "name": new, "color": "#8B5CF6"}
    # Its own name is not a clash.
    same = api.data(api.put(f"/tags/{tag['id']}", json={"name": new}))
    assert same == renamed


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Not Lower"}, "name"),
        ({"name": "has space"}, "name"),
        ({"name": ""}, "name"),
        ({"name": None}, "name"),
        ({"color": "blue"}, "color"),
        ({"color": None}, "color"),
    ],
)
def test_update_tag_rejects_invalid_input(api: Api, body: dict[str, Any], field: str) -> None:
    tag = make_tag(api)
    errors = api.errors(api.put(f"/tags/{tag['id']}", json=body), 422)
    assert field in errors
    assert api.data(api.get(f"/tags/{tag['id']}")) == tag


def test_rename_a_tag_to_a_taken_name_is_422(api: Api) -> None:
    first, second = make_tag(api), make_tag(api)
    errors = api.errors(api.put(f"/tags/{second['id']}", json={"name": first["name"]}), 422)
    assert "name" in errors
    assert api.data(api.get(f"/tags/{second['id']}")) == second


def test_renaming_a_tag_marks_its_contacts_as_updated(api: Api) -> None:
    """Contacts show tag names, so an incremental sync must see the rename."""
    tag = make_tag(api)
    person = api.make_contact(tags=[tag["name"]])
    bystander = api.make_contact()
    wait_until_after(person["updated_at"])

    api.data(api.put(f"/tags/{tag['id']}", json={"name": tag_name()}))

    assert parse(contact(api, person["id"])["updated_at"]) > parse(person["updated_at"])
    assert contact(api, bystander["id"])["updated_at"] == bystander["updated_at"]


def test_delete_tag_removes_it_from_contacts_but_keeps_them(api: Api) -> None:
    doomed, kept = tag_name("churned"), tag_name("kept")
    first = api.make_contact(tags=[doomed, kept])
    second = api.make_contact(tags=[doomed])
    tag_id = all_tags(api)[doomed]["id"]

    response = api.delete(f"/tags/{tag_id}")

    assert api.data(response) == {"message": "Tag deleted successfully."}
    assert [t["name"] for t in contact(api, first["id"])["tags"]] == [kept]
    assert contact(api, second["id"])["tags"] == []
    assert doomed not in all_tags(api)
    assert all_tags(api)[kept]["contacts_count"] == 1
    api.errors(api.get(f"/tags/{tag_id}"), 404)
    api.errors(api.delete(f"/tags/{tag_id}"), 404)
    assert api.data(api.get("/contacts", params={"tag": doomed})) == []
    # Naming it again on a contact makes a fresh tag.
    again = api.data(api.put(f"/contacts/{second['id']}", json={"tags": [doomed]}))
    assert [t["name"] for t in again["tags"]] == [doomed]
    assert all_tags(api)[doomed]["contacts_count"] == 1


@pytest.mark.parametrize("token", ["deals-only-token", "no-scope-token"])
def test_tags_need_the_contacts_scope(api: Api, api_as: Any, token: str) -> None:
    tag = make_tag(api)
    client = api_as(token)
    for method, path, body in (
        ("GET", "/tags", None),
        ("GET", f"/tags/{tag['id']}", None),
        ("POST", "/tags", {"name": tag_name()}),
        ("PUT", f"/tags/{tag['id']}", {"color": "#000000"}),
        ("DELETE", f"/tags/{tag['id']}", None),
    ):
        response = client.request(method, path, json=body)
        api.errors(response, 403)
        assert response.json()["required_scope"] == "contacts"
    assert api.data(api.get(f"/tags/{tag['id']}")) == tag


def test_tags_work_with_a_contacts_only_token(api_as: Any) -> None:
    client = api_as("contacts-only-token")
    tag = client.data(client.post("/tags", json={"name": tag_name()}), 201)
    assert client.data(client.get(f"/tags/{tag['id']}")) == tag


def test_tags_without_a_token_are_401(api: Api, api_as: Any) -> None:
    api.errors(api_as("wrong-token").get("/tags"), 401)


# ================================================================ groups


def test_create_group(api: Api) -> None:
    name = f"Webinar Attendees {uuid.uuid4().hex[:6]}"
    response = api.post(
        "/contact-groups",
        json={"name": name, "description": "Contacts who registered for the Q2 webinar"},
    )

    group = api.data(response, 201)

    assert set(group) == GROUP_FIELDS
    assert isinstance(group["id"], int)
    assert group["name"] == name
    assert group["description"] == "Contacts who registered for the Q2 webinar"
    assert group["members_count"] == 0
    assert abs((parse(group["created_at"]) - datetime.now(UTC)).total_seconds()) < 60
    assert api.data(api.get(f"/contact-groups/{group['id']}")) == group


def test_create_group_without_a_description(api: Api) -> None:
    group = api.make_group("Plain")
    assert group["description"] is None


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "   "}, {"name": None}])
def test_create_group_needs_a_name(api: Api, body: dict[str, Any]) -> None:
    errors = api.errors(api.post("/contact-groups", json=body), 422)
    assert "name" in errors


def test_create_group_with_a_body_that_is_not_json_is_400(api: Api) -> None:
    response = api.post(
        "/contact-groups", content=b"{oops", headers={"Content-Type": "application/json"}
    )
    api.errors(response, 400)


def test_list_groups_with_member_counts(api: Api) -> None:
    full, empty = api.make_group("Full", description="Opted in"), api.make_group("Empty")
    for _ in range(3):
        api.make_contact(group_ids=[full["id"]])

    response = api.get("/contact-groups")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"success", "data"}
    assert body["success"] is True
    for group in body["data"]:
        assert set(group) == GROUP_FIELDS
        parse(group["created_at"])
    groups = {g["id"]: g for g in body["data"]}
    assert groups[full["id"]] == {**full, "members_count": 3}
    assert groups[empty["id"]] == empty


def test_get_group(api: Api) -> None:
    group = api.make_group("Single", description="One of a kind")
    api.make_contact(group_ids=[group["id"]])
    assert api.data(api.get(f"/contact-groups/{group['id']}")) == {**group, "members_count": 1}


def test_unknown_group_is_404_everywhere(api: Api) -> None:
    person = api.make_contact()
    for method, path, body in (
        ("GET", "/contact-groups/999999999", None),
        ("PUT", "/contact-groups/999999999", {"name": "Ghost"}),
        ("DELETE", "/contact-groups/999999999", None),
        ("GET", "/contact-groups/999999999/members", None),
        ("POST", "/contact-groups/999999999/members", {"contact_ids": [person["id"]]}),
        ("DELETE", "/contact-groups/999999999/members", {"contact_ids": [person["id"]]}),
    ):
        response = api.request(method, path, json=body)
        api.errors(response, 404)
        assert "group" in response.json()["message"].lower(), (method, path)


def test_update_group(api: Api) -> None:
    group = api.make_group("Webinar Attendees", description="Q2")
    name = f"Q2 Webinar Attendees {uuid.uuid4().hex[:6]}"

    updated = api.data(
        api.put(
            f"/contact-groups/{group['id']}",
            json={"name": name, "description": "Updated description"},
        )
    )

    assert updated == {**group, "name": name, "description": "Updated description"}
    assert api.data(api.get(f"/contact-groups/{group['id']}")) == updated
    assert all_groups(api)[group["id"]] == updated


def test_update_group_changes_only_the_given_fields(api: Api) -> None:
    group = api.make_group("Partial", description="Keep me")
    person = api.make_contact(group_ids=[group["id"]])
    name = f"Renamed {uuid.uuid4().hex[:6]}"

    renamed = api.data(api.put(f"/contact-groups/{group['id']}", json={"name": name}))
    assert renamed == {**group, "name": name, "members_count": 1}
    # Contacts show the group's new name.
    assert contact(api, person["id"])["groups"] == [{"id": group["id"], "name": name}]

    cleared = api.data(api.put(f"/contact-groups/{group['id']}", json={"description": None}))
    assert cleared == {**renamed, "description": None}


@pytest.mark.parametrize("body", [{"name": ""}, {"name": None}, {"name": "  "}])
def test_update_group_rejects_a_blank_name(api: Api, body: dict[str, Any]) -> None:
    group = api.make_group("Blank")
    errors = api.errors(api.put(f"/contact-groups/{group['id']}", json=body), 422)
    assert "name" in errors
    assert api.data(api.get(f"/contact-groups/{group['id']}")) == group


def test_delete_group_keeps_its_contacts(api: Api) -> None:
    group, other = api.make_group("Doomed"), api.make_group("Stays")
    person = api.make_contact(group_ids=[group["id"], other["id"]])

    response = api.delete(f"/contact-groups/{group['id']}")

    assert api.data(response) == {"message": "Contact group deleted successfully."}
    api.errors(api.get(f"/contact-groups/{group['id']}"), 404)
    api.errors(api.delete(f"/contact-groups/{group['id']}"), 404)
    assert group["id"] not in all_groups(api)
    after = contact(api, person["id"])
    assert after["groups"] == [{"id": other["id"], "name": other["name"]}]
    assert api.data(api.get(f"/contact-groups/{other['id']}"))["members_count"] == 1
    assert api.data(api.get("/contacts", params={"group_id": group["id"]})) == []


def test_add_members_reports_added_and_already_members(api: Api) -> None:
    group = api.make_group("Members")
    a, b, c, d = (api.make_contact()["id"] for _ in range(4))
    path = f"/contact-groups/{group['id']}/members"

    first = api.data(api.post(path, json={"contact_ids": [a, b, c]}))
    assert first == {"added": 3, "already_members": 0, "members_count": 3}

    second = api.data(api.post(path, json={"contact_ids": [c, d]}))
    assert second == {"added": 1, "already_members": 1, "members_count": 4}

    # A repeated id counts once.
    third = api.data(api.post(path, json={"contact_ids": [a, a]}))
    assert third == {"added": 0, "already_members": 1, "members_count": 4}

    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 4
    assert {g["id"] for g in contact(api, d)["groups"]} == {group["id"]}


@pytest.mark.parametrize(
    "body",
    [
        {"contact_ids": []},
        {},
        {"contact_ids": "1,2"},
        {"contact_ids": ["one"]},
    ],
)
def test_add_members_rejects_a_missing_or_empty_list(api: Api, body: dict[str, Any]) -> None:
    group = api.make_group("Empty adds")
    errors = api.errors(api.post(f"/contact-groups/{group['id']}/members", json=body), 422)
    assert any(key.startswith("contact_ids") for key in errors), errors
    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 0


def test_add_members_with_an_unknown_contact_adds_nobody(api: Api) -> None:
    group = api.make_group("Unknown")
    person = api.make_contact()
    errors = api.errors(
        api.post(
            f"/contact-groups/{group['id']}/members",
            json={"contact_ids": [person["id"], 999_999_999]},
        ),
        422,
    )
    assert "contact_ids" in errors
    assert "999999999" in errors["contact_ids"][0]
    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 0
    assert contact(api, person["id"])["groups"] == []


def test_add_members_with_a_body_that_is_not_json_is_400(api: Api) -> None:
    group = api.make_group("Garbled")
    response = api.post(
        f"/contact-groups/{group['id']}/members",
        content=b"contact_ids=1",
        headers={"Content-Type": "application/json"},
    )
    api.errors(response, 400)


def test_remove_members_reports_removed_and_members_count(api: Api) -> None:
    group = api.make_group("Removal")
    a, b, c = (api.make_contact(group_ids=[group["id"]])["id"] for _ in range(3))
    outsider = api.make_contact()["id"]

    assert remove(api, group["id"], [c]) == {"removed": 1, "members_count": 2}
    # Contacts that are not members are not counted as removed.
    assert remove(api, group["id"], [c, outsider]) == {"removed": 0, "members_count": 2}
    assert remove(api, group["id"], [a, b, a]) == {"removed": 2, "members_count": 0}

    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 0
    for contact_id in (a, b, c):
        assert contact(api, contact_id)["groups"] == []  # the contacts themselves stay


@pytest.mark.parametrize("body", [{"contact_ids": []}, {}, None])
def test_remove_members_needs_a_list(api: Api, body: dict[str, Any] | None) -> None:
    group = api.make_group("Remove nothing")
    api.make_contact(group_ids=[group["id"]])
    response = api.request("DELETE", f"/contact-groups/{group['id']}/members", json=body)
    api.errors(response, 422)
    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 1


def test_membership_changes_mark_only_the_changed_contacts_updated(api: Api) -> None:
    """Contacts show their groups, so a sync must see who joined or left, and only them."""
    group = api.make_group("Touch")
    member = api.make_contact(group_ids=[group["id"]])
    joiner = api.make_contact()
    leaver = api.make_contact(group_ids=[group["id"]])
    outsider = api.make_contact()
    wait_until_after(max(c["updated_at"] for c in (member, joiner, leaver, outsider)))

    added = api.data(
        api.post(
            f"/contact-groups/{group['id']}/members",
            json={"contact_ids": [member["id"], joiner["id"]]},
        )
    )
    assert added == {"added": 1, "already_members": 1, "members_count": 3}
    assert remove(api, group["id"], [leaver["id"], outsider["id"]]) == {
        "removed": 1,
        "members_count": 2,
    }

    for moved in (joiner, leaver):
        assert parse(contact(api, moved["id"])["updated_at"]) > parse(moved["updated_at"])
    for same in (member, outsider):
        assert contact(api, same["id"])["updated_at"] == same["updated_at"]


def test_members_are_listed_a_page_at_a_time(api: Api) -> None:
    group = api.make_group("Paged members")
    tag = tag_name("member")
    made = [api.make_contact(tags=[tag], group_ids=[group["id"]])["id"] for _ in range(5)]
    api.make_contact(tags=[tag])  # not a member

    items, meta = members(api, group["id"])
    assert meta == {"current_page": 1, "per_page": 25, "total": 5, "last_page": 1}
    assert [c["id"] for c in items] == made
    for item in items:
        assert set(item) == SUMMARY_FIELDS
        assert [t["name"] for t in item["tags"]] == [tag]

    seen: list[int] = []
    for page, count in ((1, 2), (2, 2), (3, 1)):
        items, meta = members(api, group["id"], per_page=2, page=page)
        assert meta == {"current_page": page, "per_page": 2, "total": 5, "last_page": 3}
        assert len(items) == count
        seen += [c["id"] for c in items]
    assert seen == made

    api.errors(api.get(f"/contact-groups/{group['id']}/members", params={"per_page": 101}))
    api.errors(api.get(f"/contact-groups/{group['id']}/members", params={"page": 0}))


def test_members_of_an_empty_group(api: Api) -> None:
    group = api.make_group("Nobody")
    items, meta = members(api, group["id"])
    assert items == []
    assert meta == {"current_page": 1, "per_page": 25, "total": 0, "last_page": 1}


def test_deleting_a_contact_leaves_its_groups(api: Api) -> None:
    group = api.make_group("Leaver")
    stays = api.make_contact(group_ids=[group["id"]])
    leaves = api.make_contact(group_ids=[group["id"]])
    api.data(api.delete(f"/contacts/{leaves['id']}"))
    assert api.data(api.get(f"/contact-groups/{group['id']}"))["members_count"] == 1
    items, _ = members(api, group["id"])
    assert [c["id"] for c in items] == [stays["id"]]


@pytest.mark.parametrize("token", ["deals-only-token", "no-scope-token"])
def test_groups_need_the_contacts_scope(api: Api, api_as: Any, token: str) -> None:
    group = api.make_group("Scoped")
    person = api.make_contact()
    client = api_as(token)
    members_path = f"/contact-groups/{group['id']}/members"
    for method, path, body in (
        ("GET", "/contact-groups", None),
        ("GET", f"/contact-groups/{group['id']}", None),
        ("POST", "/contact-groups", {"name": "Nope"}),
        ("PUT", f"/contact-groups/{group['id']}", {"name": "Nope"}),
        ("DELETE", f"/contact-groups/{group['id']}", None),
        ("GET", members_path, None),
        ("POST", members_path, {"contact_ids": [person["id"]]}),
        ("DELETE", members_path, {"contact_ids": [person["id"]]}),
    ):
        response = client.request(method, path, json=body)
        api.errors(response, 403)
        assert response.json()["required_scope"] == "contacts"
    assert api.data(api.get(f"/contact-groups/{group['id']}")) == group


def test_groups_work_with_a_contacts_only_token(api_as: Any) -> None:
    client = api_as("contacts-only-token")
    group = client.make_group("Scoped ok")
    person = client.make_contact()
    added = client.data(
        client.post(f"/contact-groups/{group['id']}/members", json={"contact_ids": [person["id"]]})
    )
    assert added == {"added": 1, "already_members": 0, "members_count": 1}
