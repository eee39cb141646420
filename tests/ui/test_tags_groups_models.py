"""The Tags & Groups item models: qtmodeltester on each, over a real cache file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from mailtrixy_desktop.store import contacts as contact_store
from mailtrixy_desktop.store import tags_groups
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.ui.contact_matches import ContactIdRole, ContactMatches
from mailtrixy_desktop.ui.tags_groups.models import (
    ColorRole,
    CountRole,
    EmailRole,
    GroupsModel,
    IdRole,
    MembersModel,
    TagsModel,
)
from tests.store import factories


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "ws.sqlite3") as opened:
        contact_store.upsert_contacts(
            opened,
            [
                factories.contact(
                    i,
                    f"Person {i:04d}",
                    tags=[factories.tag_ref(1, "lead")] if i % 2 else [],
                    groups=[{"id": 7, "name": "Newsletter"}],
                )
                for i in range(1, 501)
            ],
        )
        tags_groups.upsert_tags(opened, [factories.tag(1, "lead", 240), factories.tag(2, "vip")])
        tags_groups.upsert_groups(
            opened, [factories.group(7, "Newsletter", 500), factories.group(8, "Empty")]
        )
        yield opened


def test_tags_model(qtmodeltester, store: Store) -> None:
    model = TagsModel()
    model.set_rows(tags_groups.tags(store))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    lead = model.index(model.row_of(1), 0)
    assert lead.data() == "lead"
    assert lead.data(IdRole) == 1
    # The cache holds 250 tagged contacts, the server said 240: the larger is shown.
    assert lead.data(CountRole) == 250
    assert model.index(model.row_of(2), 0).data(ColorRole) is None

    tags_groups.upsert_tags(
        store, [factories.tag(2, "vip").model_copy(update={"color": "#F59E0B"})]
    )
    model.set_rows(tags_groups.tags(store))  # same ids: repainted, not reset
    assert model.index(model.row_of(2), 0).data(ColorRole) == QColor("#F59E0B")
    tags_groups.upsert_tags(store, [factories.tag(3, "churned")])
    model.set_rows(tags_groups.tags(store))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_groups_model(qtmodeltester, store: Store) -> None:
    model = GroupsModel()
    model.set_rows(tags_groups.groups(store))
    qtmodeltester.check(model)
    newsletter = model.index(model.row_of(7), 0)
    assert newsletter.data(CountRole) == 500
    assert model.index(model.row_of(8), 0).data(CountRole) == 0


def test_members_model_reads_rows_by_window(qtmodeltester, store: Store) -> None:
    reads: list[int] = []

    def read(ids):  # type: ignore[no-untyped-def]
        wanted = list(ids)
        reads.append(len(wanted))
        return contact_store.contacts_by_id(store, wanted)

    model = MembersModel(read)
    ids = [int(i) for i in store.column("SELECT contact_id FROM group_members ORDER BY 1")]
    model.set_ids(ids)
    assert reads == []  # nothing read until something is painted
    assert model.index(0, 0).data() == "Person 0001"
    assert model.index(0, 1).data(EmailRole).endswith("@example.org")
    assert reads == [MembersModel.BLOCK]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Email"
    qtmodeltester.check(model)
    model.refresh_rows()
    qtmodeltester.check(model)
    model.set_ids([])
    qtmodeltester.check(model)


def test_contact_matches_model(qtmodeltester, store: Store) -> None:
    """The matches the deal, campaign and group-member pickers offer."""
    model = ContactMatches()
    rows = contact_store.contacts_by_id(store, [3, 4])
    model.set_rows([rows[3], rows[4]])
    qtmodeltester.check(model)
    assert model.id_at(1) == 4
    assert model.index(0, 0).data().startswith("Person 0003 <")
    assert model.index(1, 0).data(ContactIdRole) == 4
    assert model.row_at(0).id == 3
