"""The contacts table model over a real cache: qtmodeltester, roles, orders, custom fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from mailtrixy_desktop.api.models import Contact, Group, Tag
from mailtrixy_desktop.store.contact_lists import ordered_contact_ids
from mailtrixy_desktop.store.contacts import contacts_by_id, set_contacts_pending, upsert_contacts
from mailtrixy_desktop.store.database import Reader, Store
from mailtrixy_desktop.store.tags_groups import tag_choices, upsert_groups, upsert_tags
from mailtrixy_desktop.ui.contacts.chips_delegate import ChipsDelegate, TextDelegate
from mailtrixy_desktop.ui.contacts.table_model import (
    WINDOW,
    ColumnKeyRole,
    ContactIdRole,
    ContactQuery,
    ContactRowRole,
    ContactsTableModel,
    CustomColumnRole,
    GroupChipsRole,
    PendingRole,
    TagChipsRole,
    query_ids,
)

COUNT = 300


def _contact(i: int) -> Contact:
    custom: dict[str, Any] = {}
    if i % 3 == 0:
        custom["score"] = (i * 7) % 50  # a number
    if i % 5 == 0:
        custom["vip"] = i % 10 == 0  # a boolean
    if i % 4 == 0:
        custom["region"] = ("north", "south", "east")[i % 3]
    tags = [{"id": 1, "name": "lead"}] if i % 2 else []
    if i % 7 == 0:
        tags.append({"id": 2, "name": "enterprise"})
    return Contact.model_validate(
        {
            "id": i,
            "name": f"Person {i:03d}",
            "email": f"p{i:03d}@example.com",
            "company": None if i % 6 == 0 else f"Company {i % 11}",
            "phone": None if i % 4 == 1 else f"+1 555 {1000 + (COUNT - i):04d}",
            "tags": tags,
            "groups": [{"id": 9, "name": "Newsletter"}] if i % 9 == 0 else [],
            "custom_fields": custom,
            "created_at": f"2026-01-{1 + i % 28:02d}T10:00:00Z",
            "updated_at": f"2026-02-{1 + (i * 3) % 28:02d}T10:00:00Z",
        }
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(tmp_path / "contacts.sqlite3")
    upsert_tags(db, [Tag(id=1, name="lead", color="#3B82F6"), Tag(id=2, name="enterprise")])
    upsert_groups(db, [Group(id=9, name="Newsletter")])
    upsert_contacts(db, [_contact(i) for i in range(1, COUNT + 1)])
    set_contacts_pending(db, [i for i in range(1, COUNT + 1) if i % 13 == 0])  # italic rows
    yield db
    db.close()


@pytest.fixture
def reader(store: Store) -> Iterator[Reader]:
    r = store.reader()
    yield r
    r.close()


@pytest.fixture
def model(reader: Reader) -> ContactsTableModel:
    m = ContactsTableModel(lambda ids: contacts_by_id(reader, ids))
    m.set_ids(query_ids(reader, ContactQuery()))
    m.set_tag_colors({t.id: t.color for t in tag_choices(reader)})
    return m


def _column(model: ContactsTableModel, key: str) -> int:
    column = model.column_of(key)
    assert column >= 0, key
    return column


def _texts(model: ContactsTableModel, key: str) -> list[str]:
    column = _column(model, key)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_model_passes_qtmodeltester(qtmodeltester: ModelTester, reader: Reader) -> None:
    model = ContactsTableModel(lambda ids: contacts_by_id(reader, ids))
    qtmodeltester.check(model, force_py=True)
    model.set_ids(query_ids(reader, ContactQuery()))
    model.set_custom_fields(["region", "score", "vip"])
    model.set_custom_fields(["score", "zeta"])  # one gone, one new
    model.set_ids(query_ids(reader, ContactQuery(search="person 01")))
    model.refresh_rows()
    model.set_tag_colors({1: "#000000"})
    qtmodeltester.check(model, force_py=True)


def test_roles_give_the_row_its_chips_and_its_id(model: ContactsTableModel) -> None:
    row = model.ids().index(14)  # 14: lead? no (even); enterprise (14 % 7 == 0)
    index = model.index(row, _column(model, "tags"))
    assert index.data(ContactIdRole) == 14
    assert index.data(TagChipsRole) == (("enterprise", None),)
    assert index.data() == "enterprise"
    row21 = model.ids().index(21)
    assert model.index(row21, 0).data(TagChipsRole) == (
        ("enterprise", None),
        ("lead", "#3B82F6"),
    )
    row18 = model.ids().index(18)
    assert model.index(row18, _column(model, "groups")).data(GroupChipsRole) == ("Newsletter",)
    assert model.index(row18, _column(model, "groups")).data() == "Newsletter"
    contact = model.index(row18, 0).data(ContactRowRole)
    assert contact.email == "p018@example.com"
    assert model.index(row18, 0).data(PendingRole) is False
    assert model.index(row18, _column(model, "company")).data() == ""  # no company
    assert model.index(row18, _column(model, "created")).data()  # a date, formatted
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(0, Qt.Orientation.Horizontal, ColumnKeyRole) == "name"
    assert model.index(row18, 0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert not model.index(row18, 0).flags() & Qt.ItemFlag.ItemIsEditable


def test_rows_are_read_a_window_at_a_time(reader: Reader) -> None:
    asked: list[int] = []

    def read(ids: Any) -> Any:
        asked.append(len(ids))
        return contacts_by_id(reader, ids)

    model = ContactsTableModel(read)
    model.set_ids(query_ids(reader, ContactQuery()))
    model.index(0, 0).data()
    model.index(5, 1).data()
    model.index(WINDOW - 1, 2).data()
    assert asked == [WINDOW]  # one window read, then served from what was kept
    model.index(COUNT - 1, 0).data()
    assert asked == [WINDOW, COUNT % WINDOW or WINDOW]
    model.refresh_rows()
    model.index(0, 0).data()
    assert len(asked) == 3  # a change means reading again


def test_sorting_asks_for_the_order_and_every_column_sorts(
    model: ContactsTableModel, reader: Reader
) -> None:
    asked: list[tuple[str, bool]] = []
    model.sortRequested.connect(lambda key, desc: asked.append((key, desc)))
    model.sort(_column(model, "email"), Qt.SortOrder.DescendingOrder)
    assert asked == [("email", True)]
    assert (model.sort_key, model.descending) == ("email", True)

    def ordered(key: str, descending: bool = False, **filters: Any) -> list[str]:
        model.set_ids(
            query_ids(reader, ContactQuery(sort_key=key, descending=descending, **filters))
        )
        return _texts(model, key)

    emails = ordered("email", True)
    assert emails == sorted(emails, reverse=True)
    assert ordered("name") == sorted(_texts(model, "name"))
    phones = ordered("phone")
    given = [p for p in phones if p]
    assert given == sorted(given)
    assert phones[len(given) :] == [""] * (len(phones) - len(given))  # no phone: last
    tags = ordered("tags")
    assert tags[0].startswith("enterprise")
    assert tags[-1] == ""
    created = query_ids(reader, ContactQuery(sort_key="created"))
    rows = contacts_by_id(reader, created)
    moments = [rows[i].created_at for i in created]
    assert moments == sorted(moments)
    # With a filter, the order applies to the matches only.
    lead_phones = ordered("phone", tag_id=1)
    assert len(lead_phones) == COUNT // 2
    assert [p for p in lead_phones if p] == sorted(p for p in lead_phones if p)


def test_custom_fields_are_columns_that_sort_by_value(
    model: ContactsTableModel, reader: Reader
) -> None:
    from mailtrixy_desktop.store.contact_lists import custom_field_names

    names = custom_field_names(reader)
    assert names == ["region", "score", "vip"]
    inserted: list[tuple[int, int]] = []
    model.columnsInserted.connect(
        lambda _p, first, last: inserted.append((first, last))  # type: ignore[misc]
    )
    model.set_custom_fields(names)
    assert inserted == [(8, 10)]
    score = _column(model, "custom:score")
    assert model.headerData(score, Qt.Orientation.Horizontal) == "score"
    assert model.headerData(score, Qt.Orientation.Horizontal, CustomColumnRole) is True

    model.set_ids(query_ids(reader, ContactQuery(sort_key="custom:score")))
    values = [model.index(r, score).data() for r in range(model.rowCount())]
    numbers = [int(v) for v in values if v]
    assert numbers == sorted(numbers)  # as numbers, not as text ("10" after "9")
    assert values[len(numbers) :] == [""] * (len(values) - len(numbers))
    right = model.index(0, score).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & int(Qt.AlignmentFlag.AlignRight)

    vip = _column(model, "custom:vip")
    row10 = model.ids().index(10)
    row5 = model.ids().index(5)
    assert model.index(row10, vip).data() == "Yes"
    assert model.index(row5, vip).data() == "No"

    removed: list[int] = []
    model.columnsRemoved.connect(lambda _p, first, _last: removed.append(first))  # type: ignore[misc]
    model.set_custom_fields(["score"])
    assert removed == [8, 9] or sorted(removed) == [8, 10]
    assert model.columnCount() == 9
    assert model.column_key(8) == "custom:score"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(QModelIndex()) == 9


def test_rows_are_kept_by_contact_across_answers_until_the_cache_may_have_changed(
    reader: Reader,
) -> None:
    asked: list[int] = []

    def read(ids: Any) -> Any:
        asked.extend(ids)
        return contacts_by_id(reader, ids)

    model = ContactsTableModel(read)
    everyone = query_ids(reader, ContactQuery())
    model.set_ids(everyone)
    model.index(0, 0).data()
    assert len(asked) == WINDOW
    # A new answer that shows some of the same contacts: only the others are read.
    model.set_ids(everyone[WINDOW // 2 :], rows_changed=False)
    model.index(0, 0).data()
    assert len(asked) == WINDOW  # kept
    model.index(WINDOW - 1, 0).data()  # its window: half kept, half read now
    assert asked[WINDOW:] == everyone[WINDOW : WINDOW + WINDOW // 2]
    assert model.index(0, 0).data() == model.contact(0).name  # type: ignore[union-attr]
    # The cache may have changed: everything is read again.
    model.set_ids(everyone)
    before = len(asked)
    model.index(0, 0).data()
    assert asked[before:] == everyone[:WINDOW]


def test_a_partial_answer_shows_every_row_and_makes_the_rest_when_needed(
    qtmodeltester: ModelTester, store: Store
) -> None:
    with store.reader() as reader:  # no remembered answers: a large one comes in parts
        found = ordered_contact_ids(reader, search="person", first=40)
        again = ordered_contact_ids(reader, search="person", first=40)  # its matches kept
        whole = query_ids(store, ContactQuery(search="person"))
        assert found.count == again.count == len(whole) == COUNT
        assert not found.complete
        assert not again.complete

        model = ContactsTableModel(lambda ids: contacts_by_id(reader, ids))
        model.set_ids(found)
        assert model.rowCount() == COUNT
        assert not model.complete
        assert model.index(5, 0).data() == f"Person {whole[5]:03d}"
        assert model.id_at(39) == whole[39]
        assert model.row_of(whole[3]) == 3
        assert model.row_of(-1) == -1  # surely not there: known without the rest
        assert model.ids(up_to=10)[:10] == whole[:10]
        assert not model.complete
        assert model.id_at(200) == whole[200]  # past the first ones: made now
        assert model.complete
        assert model.ids() == whole

        model.set_ids(again)
        assert not model.complete
        while not again.advance(50):  # as the pane does, a step at a time
            assert not model.complete
        model.finish(again)
        assert model.complete
        assert model.ids() == whole

    with store.reader() as reader:
        model = ContactsTableModel(lambda ids: contacts_by_id(reader, ids))
        model.set_ids(ordered_contact_ids(reader, search="person", first=40))
        qtmodeltester.check(model, force_py=True)  # every row, the rest made on the way


def _table(model: ContactsTableModel, qtbot: QtBot) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1400, 460)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(28)
    view.setShowGrid(False)
    view.setWordWrap(False)
    for column, width in enumerate((110, 95, 80, 90, 150, 100, 90, 90, 60, 40, 50)):
        view.setColumnWidth(column, width)
    view.show()
    return view


def test_text_cells_look_exactly_as_the_stock_delegate_paints_them(
    model: ContactsTableModel, qtbot: QtBot
) -> None:
    model.set_custom_fields(["region", "score", "vip"])  # numbers align right
    plain = _table(model, qtbot)
    fast = _table(model, qtbot)
    fast.setItemDelegate(TextDelegate(model.shown, fast))
    for view in (plain, fast):
        view.selectRow(3)
        view.selectRow(4)
    qtbot.waitExposed(fast)
    for first_row in range(0, COUNT, 15):  # every row, italic (pending) ones among them
        for view in (plain, fast):
            view.scrollTo(model.index(first_row, 0), QTableView.ScrollHint.PositionAtTop)
        assert plain.viewport().grab().toImage() == fast.viewport().grab().toImage(), first_row
    assert any(model.index(r, 0).data(Qt.ItemDataRole.FontRole) for r in range(COUNT))


@pytest.mark.parametrize("ratio", [1.0, 2.0, 1.5])
def test_chips_copied_one_by_one_look_as_a_cell_drawn_whole(
    model: ContactsTableModel, qtbot: QtBot, ratio: float
) -> None:
    """Chips are drawn once each and copied into place; the cell must look exactly as
    when all its chips are drawn together (as they are at a fractional scale)."""
    view = _table(model, qtbot)
    for role, coloured in ((TagChipsRole, True), (GroupChipsRole, False)):
        column = model.column_of("tags" if coloured else "groups")
        delegate = ChipsDelegate(role, coloured=coloured)
        for row in range(0, 60, 2):
            for width in (12, 24, 36, 70, 120, 200):  # the narrow ones cut the "+N"
                for selected in (False, True):
                    index = model.index(row, column)
                    copied, drawn, again = (
                        _paint_chips(delegate, view, index, width, selected, ratio, whole=whole)
                        for whole in (False, True, False)
                    )
                    assert copied == drawn == again, (role, row, width, selected)


def _paint_chips(
    delegate: ChipsDelegate,
    view: QTableView,
    index: QModelIndex,
    width: int,
    selected: bool,
    ratio: float,
    *,
    whole: bool,
) -> QImage:
    image = QImage(
        int((width + 10) * ratio), int(36 * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.rect = QRect(5, 4, width, 28)
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    if not whole:
        delegate.paint(painter, option, index)
    else:  # what paint does at a fractional scale, at any scale
        if selected:
            view.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, view
            )
        chips = tuple(delegate._chips(index))
        if chips:
            font = option.font
            pieces = delegate._layout(chips, width, 28, font, font.key())
            key = ("whole", chips, width, selected, ratio)
            delegate._paint_cell(painter, option.rect, option, pieces, selected, key, ratio)
    painter.end()
    return image
