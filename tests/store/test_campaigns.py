"""Campaigns by status with their statistics, and the accounts they are sent from."""

from __future__ import annotations

import pytest

from mailtrixy_desktop.api.models import EmailAccount
from mailtrixy_desktop.store.campaigns import (
    campaign,
    campaign_body_html,
    campaign_status_counts,
    campaigns,
    email_accounts,
    remove_campaigns_except,
    remove_email_accounts_except,
    upsert_campaigns,
    upsert_email_accounts,
)
from mailtrixy_desktop.store.database import Store
from tests.store.factories import campaign as make


@pytest.fixture
def sent(store: Store) -> Store:
    upsert_campaigns(
        store,
        [
            make(1, "Spring sale 50% off", status="sent", recipients_count=1000,
                 stats={"delivered": 980, "opened": 490, "clicked": 98, "bounced": 20}),
            make(2, "Spring_newsletter", status="draft"),
            make(3, "Webinar invite", status="scheduled", schedule_at="2026-04-01T08:00:00Z"),
            make(4, "Summer 500 deals", status="sent"),
        ],
    )  # fmt: skip
    return store


def test_campaigns_by_status_newest_first(sent: Store) -> None:
    assert [c.id for c in campaigns(sent)] == [4, 3, 2, 1]
    assert [c.id for c in campaigns(sent, status="sent")] == [4, 1]
    assert campaign_status_counts(sent) == {"sent": 2, "draft": 1, "scheduled": 1}


def test_statistics_are_columns_with_rates(sent: Store) -> None:
    row = campaign(sent, 1)
    assert row is not None
    assert (row.recipients_count, row.delivered, row.opened, row.clicked, row.bounced) == (
        1000, 980, 490, 98, 20,
    )  # fmt: skip
    assert row.open_rate == 0.5
    assert row.click_rate == pytest.approx(0.1)
    empty = campaign(sent, 2)
    assert empty is not None
    assert empty.open_rate is None


def test_search_takes_wildcards_literally(sent: Store) -> None:
    assert [c.id for c in campaigns(sent, search="50%")] == [1]
    assert [c.id for c in campaigns(sent, search="spr_ng")] == []  # "_" is not "any one letter"
    assert [c.id for c in campaigns(sent, search="spring_")] == [2]
    assert [c.id for c in campaigns(sent, search="WEBINAR")] == [3]
    assert len(campaigns(sent, search="   ")) == 4


def test_detail_fields_survive_a_list_page(sent: Store) -> None:
    upsert_campaigns(sent, [make(2, "Spring_newsletter", body_html="<h1>Hi</h1>",
                                 recipient_groups=[9, 12], email_account_id=3)])  # fmt: skip
    upsert_campaigns(sent, [make(2, "Spring newsletter")])  # the list shape
    row = campaign(sent, 2)
    assert row is not None
    assert (row.name, row.recipient_groups, row.email_account_id) == (
        "Spring newsletter",
        (9, 12),
        3,
    )
    assert campaign_body_html(sent, 2) == "<h1>Hi</h1>"
    assert campaign_body_html(sent, 1) is None


def test_remove_except_and_idempotent_upserts(sent: Store) -> None:
    upsert_campaigns(sent, [make(4, "Summer 500 deals", status="sent")])
    assert len(campaigns(sent)) == 4
    remove_campaigns_except(sent, [1, 4])
    assert [c.id for c in campaigns(sent)] == [4, 1]


def test_email_accounts(store: Store) -> None:
    accounts = [EmailAccount.model_validate({"id": i, "email": e, "name": "Sales"})
                for i, e in ((1, "sales@acme.test"), (2, "Billing@acme.test"))]  # fmt: skip
    upsert_email_accounts(store, accounts)
    upsert_email_accounts(store, accounts)
    assert [a.email for a in email_accounts(store)] == ["Billing@acme.test", "sales@acme.test"]
    remove_email_accounts_except(store, [1])
    assert [a.id for a in email_accounts(store)] == [1]


def test_distinct_recipients_count_a_contact_in_two_groups_once(store: Store) -> None:
    from mailtrixy_desktop.store.campaigns import distinct_recipients
    from mailtrixy_desktop.store.contacts import upsert_contacts
    from tests.store.factories import contact

    customers, newsletter = {"id": 10, "name": "Customers"}, {"id": 11, "name": "Newsletter"}
    upsert_contacts(
        store,
        [
            contact(1, "Ana", groups=[customers]),
            contact(2, "Bo", groups=[customers, newsletter]),
            contact(3, "Cy", groups=[newsletter]),
            contact(4, "Di", groups=[{"id": 12, "name": "Partners"}]),
            contact(5, "Ed", groups=[]),
        ],
    )
    assert distinct_recipients(store, [10]) == 2
    assert distinct_recipients(store, [10, 11]) == 3  # Bo is in both: one email
    assert distinct_recipients(store, [11, 10, 10]) == 3
    assert distinct_recipients(store, [10, 11, 12]) == 4
    assert distinct_recipients(store, []) == 0
    assert distinct_recipients(store, [99]) == 0
