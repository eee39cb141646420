"""Tags and groups with counts, webhooks, team members."""

from __future__ import annotations

from mailtrixy_desktop.api.models import CreatedWebhook
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.tags_groups import (
    delete_groups,
    groups,
    remove_groups_except,
    set_tags_pending,
    tags,
    upsert_groups,
    upsert_tags,
)
from mailtrixy_desktop.store.team import (
    remove_team_members_except,
    team_members,
    upsert_team_members,
)
from mailtrixy_desktop.store.webhooks import (
    remove_webhooks_except,
    upsert_webhooks,
    webhooks,
)
from tests.store.factories import contact, contact_full, group, member, tag, tag_ref, webhook


def test_tags_by_name_with_server_and_cached_counts(store: Store) -> None:
    upsert_tags(store, [tag(1, "vip", contacts_count=120), tag(2, "Churned", 3), tag(3, "beta")])
    upsert_contacts(store, [contact(i, f"P{i}", tags=[tag_ref(1, "vip")]) for i in range(1, 4)])
    upsert_contacts(store, [contact(9, "Q", tags=[tag_ref(2, "Churned")])])
    rows = tags(store)
    assert [t.name for t in rows] == ["beta", "Churned", "vip"]
    assert [(t.contacts_count, t.cached_contacts) for t in rows] == [(0, 0), (3, 1), (120, 3)]


def test_a_renamed_tag_pending_in_the_outbox_keeps_its_local_name(store: Store) -> None:
    upsert_tags(store, [tag(1, "vip")])
    store.execute("UPDATE tags SET name = 'VIP customers' WHERE id = 1")
    set_tags_pending(store, [1])
    upsert_tags(store, [tag(1, "vip")])
    upsert_contacts(store, [contact(1, "P", tags=[tag_ref(1, "vip")])])  # nor via a contact
    assert [t.name for t in tags(store)] == ["VIP customers"]


def test_groups_with_member_counts(store: Store) -> None:
    upsert_groups(store, [group(1, "Pilots", members_count=2), group(2, "Alumni", 40)])
    pilots = [{"id": 1, "name": "Pilots"}]
    upsert_contacts(
        store, [contact_full(1, "Ada", groups=pilots), contact_full(2, "Alan", groups=pilots)]
    )
    rows = groups(store)
    assert [(g.name, g.members_count, g.cached_members) for g in rows] == [
        ("Alumni", 40, 0), ("Pilots", 2, 2),
    ]  # fmt: skip
    remove_groups_except(store, [2])
    assert [g.name for g in groups(store)] == ["Alumni"]
    delete_groups(store, [2])
    assert groups(store) == []


def test_webhooks_never_store_the_secret(store: Store) -> None:
    created = CreatedWebhook.model_validate(
        {
            "id": 1,
            "url": "https://hooks.test/a",
            "events": ["deal.won"],
            "secret": "whsec_TOPSECRET",
        }
    )
    upsert_webhooks(store, [created, webhook(2, "https://hooks.test/b", is_active=False)])
    assert [(w.url, w.events, w.is_active) for w in webhooks(store)] == [
        ("https://hooks.test/a", ("deal.won",), True),
        ("https://hooks.test/b", ("deal.won",), False),
    ]
    everything = " ".join(str(v) for row in store.all("SELECT * FROM webhooks") for v in tuple(row))
    assert "TOPSECRET" not in everything
    remove_webhooks_except(store, [2])
    assert [w.id for w in webhooks(store)] == [2]


def test_team_members_for_assignee_pickers(store: Store) -> None:
    upsert_team_members(store, [member(2, "bob"), member(1, "Alice")])
    upsert_team_members(store, [member(2, "Bob")])
    assert [(m.id, m.name) for m in team_members(store)] == [(1, "Alice"), (2, "Bob")]
    remove_team_members_except(store, [2])
    assert [m.name for m in team_members(store)] == ["Bob"]
