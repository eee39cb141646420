"""Which contacts a view shows: search, filters, sorts, counts."""

from __future__ import annotations

import random

import pytest

from mailtrixy_desktop.store import contact_lists
from mailtrixy_desktop.store.contact_lists import (
    CONTACT_SORTS,
    contact_ids,
    count_contacts,
    ordered_contact_ids,
)
from mailtrixy_desktop.store.contacts import contacts_by_id, upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.search import fts_query, like_contains
from tests.store.factories import contact, contact_full, tag_ref


@pytest.fixture
def people(store: Store) -> Store:
    upsert_contacts(
        store,
        [
            contact(1, "Jane Smith", "jane.smith@acme.test", company="Acme Corp",
                    phone="+1 555 0100", tags=[tag_ref(1, "vip")]),
            contact(2, "Jürgen Müller", "jm@example.de", company="Müller GmbH",
                    tags=[tag_ref(1, "vip"), tag_ref(2, "de")]),
            contact(3, "Bob Jones", "bob@initech.test", company="Initech", phone="555-0199",
                    created_at="2026-01-01T00:00:00Z", updated_at="2026-03-09T00:00:00Z"),
            contact(4, "Zoë Adams", "zoe@acme.test", company=None,
                    created_at="2026-02-01T00:00:00Z", updated_at="2026-03-05T00:00:00Z"),
            contact(5, "janet o'neil", "JANET@Initech.test", company="initech"),
        ],
    )  # fmt: skip
    upsert_contacts(
        store,
        [
            contact_full(6, "Ada Lovelace", custom_fields={"plan": "pro", "seats": 5,
                         "beta": True, "note": None}, groups=[{"id": 9, "name": "Pilots"}]),
            contact_full(7, "Alan Turing", custom_fields={"plan": "free", "seats": 42},
                         groups=[{"id": 9, "name": "Pilots"}]),
        ],
    )  # fmt: skip
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jan acm", [1]),  # prefixes of two words, across name and company
        ("SMITH", [1]),  # case
        ("muller", [2]),  # accents folded both ways
        ("müll", [2]),
        ("zoe", [4]),
        ("jan", [1, 5]),  # "Jane" and "janet"
        ("initech", [3, 5]),  # company and email domain
        ("smith@acme", [1]),  # an email as typed
        ("jane.smith@acme.test", [1]),
        ("0199", [3]),  # phone digits
        ("555 0100", [1]),
        ("o'neil", [5]),
        ("nobody", []),
    ],
)
def test_search_matches_word_prefixes(people: Store, query: str, expected: list[int]) -> None:
    assert sorted(contact_ids(people, search=query)) == expected
    assert count_contacts(people, search=query) == len(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"jane', [1, 5]), ("jane*", [1, 5]), ("-jane", [1, 5]), ("(jane", [1, 5]),
        ("jane)", [1, 5]), ("^jane", [1, 5]), ("jane\u0301", [1, 5]),
        # Every word must match, operators included: they are words, not syntax.
        ("jane -smith", [1]), ("jane OR bob", []), ("NEAR(jane bob)", []),
        ("name:jane", []), ("' OR 1=1 --", []),
        ('"', None), ("*", None), ("AND", None), ("NOT", None), ("{name}: x", None),
        ("%", None), ("_", None), ("\\", None), ("\x00", None), ("🙂", None),
        ("a" * 5000, None), ("x " * 200, None),
    ],
)  # fmt: skip
def test_search_syntax_in_user_text_is_plain_text(
    people: Store, query: str, expected: list[int] | None
) -> None:
    ids = contact_ids(people, search=query)  # never raises
    assert set(ids) <= set(range(1, 8))
    if expected is not None:
        assert sorted(ids) == expected


@pytest.mark.parametrize("query", [None, "", "   ", "--", "*()", '""'])
def test_a_query_without_words_shows_everyone(people: Store, query: str | None) -> None:
    assert len(contact_ids(people, search=query)) == 7
    assert count_contacts(people, search=query) == 7


def test_fts_expressions_are_quoted_prefix_terms() -> None:
    assert fts_query('jan "acm" *-:()') == '"jan"* "acm"*'
    assert fts_query("Jan jan JAN") == '"Jan"*'
    assert fts_query("?!") is None


def test_like_patterns_take_wildcards_literally() -> None:
    assert like_contains("50%_off\\") == "%50\\%\\_off\\\\%"


def test_filters_by_tag_group_and_custom_field(people: Store) -> None:
    assert contact_ids(people, tag_id=1) == [1, 2]
    assert contact_ids(people, tag_id=1, search="jur") == [2]
    assert contact_ids(people, group_id=9) == [6, 7]
    assert contact_ids(people, custom_field=("plan", "PRO")) == [6]  # text: case ignored
    assert contact_ids(people, custom_field=("seats", 42)) == [7]
    assert contact_ids(people, custom_field=("seats", "42")) == [7]  # as typed in a box
    assert contact_ids(people, custom_field=("beta", True)) == [6]
    assert contact_ids(people, custom_field=("beta", "true")) == [6]
    assert contact_ids(people, custom_field=("note", None)) == [6]
    assert contact_ids(people, custom_field=("plan", "pro' OR '1'='1")) == []
    assert contact_ids(people, custom_field=('$."plan"', "pro")) == []
    assert contact_ids(people, custom_field=("seats", 5), group_id=9, search="ada") == [6]
    assert count_contacts(people, group_id=9, custom_field=("plan", "free")) == 1


def test_sorts_and_their_exact_reverse(people: Store) -> None:
    assert contact_ids(people) == [6, 7, 3, 1, 5, 2, 4]  # by name, case and accents folded
    assert contact_ids(people, sort="email") == [6, 7, 3, 1, 5, 2, 4]
    by_company = contact_ids(people, sort="company")
    assert by_company[:2] == [4, 6] or by_company.index(1) < by_company.index(3)
    assert by_company.index(3) < by_company.index(2)  # Acme, Initech, initech, Müller
    assert contact_ids(people, sort="updated_at")[-2:] == [4, 3]
    assert contact_ids(people, sort="created_at")[:2] == [3, 4]
    for sort in CONTACT_SORTS:
        assert (
            contact_ids(people, sort=sort, descending=True) == contact_ids(people, sort=sort)[::-1]
        )
    assert contact_ids(people, search="jan", descending=True) == [5, 1]


def test_an_unknown_sort_is_refused(people: Store) -> None:
    with pytest.raises(ValueError, match="sort"):
        contact_ids(people, sort="name; DROP TABLE contacts")  # type: ignore[arg-type]


def test_large_match_sets_come_in_the_same_order_as_small_ones(store: Store) -> None:
    """Past a few thousand matches the order comes from the remembered full order;
    it must be the order SQLite would give."""
    rng = random.Random(7)
    first = ["Ann", "Anna", "Änne", "anton", "Bea", "Carl", "Ana", "Andrés"]
    last = ["Berg", "Åberg", "Zed", "smith", "Jones", "Ng", "Núñez"]
    upsert_contacts(
        store,
        [contact(i, f"{rng.choice(first)} {rng.choice(last)}", company=rng.choice(["Acme", None]))
         for i in range(1, 9001)],
    )  # fmt: skip
    for sort in CONTACT_SORTS:
        everyone = contact_ids(store, sort=sort)
        matches = contact_ids(store, search="an", sort=sort)
        assert len(matches) > 4000  # the large path
        wanted = set(matches)
        assert matches == [i for i in everyone if i in wanted]
        few = contact_ids(store, search="anton ng", sort=sort)
        assert 0 < len(few) < 4000  # the small path
        assert few == [i for i in everyone if i in set(few)]


def test_the_rows_for_a_window_of_ids(people: Store) -> None:
    ids = contact_ids(people, search="initech")
    rows = contacts_by_id(people, ids)
    assert [rows[i].name for i in ids] == ["Bob Jones", "janet o'neil"]


def _many(store: Store, count: int = 3000) -> None:
    rng = random.Random(11)
    first = ["Ann", "Bea", "Carl", "Dora", "Emil", "Ângela"]
    last = ["Berg", "Åberg", "Smith", "Jones", "Núñez"]
    upsert_contacts(
        store,
        [contact(i, f"{rng.choice(first)} {rng.choice(last)}", email=f"p{i}@x{i % 7}.test",
                 company=rng.choice(["Acme", None]))
         for i in range(1, count + 1)],
    )  # fmt: skip


@pytest.mark.parametrize("descending", [False, True])
def test_a_large_answer_can_come_as_its_first_ids_and_its_count(
    store: Store, descending: bool
) -> None:
    """The first screenful of a short search without the pass that orders the rest;
    the rest, made at once or a step at a time, is exactly the whole answer."""
    _many(store)
    for sort in CONTACT_SORTS:
        whole = contact_ids(store, search="a", sort=sort, descending=descending)
        assert len(whole) * contact_lists._HEAD_SHARE > 3000  # large enough to come in parts
        for steps in (None, 700):
            with store.reader() as reader:  # its own remembered answers: none yet
                found = ordered_contact_ids(
                    reader, search="a", sort=sort, descending=descending, first=50
                )
                assert not found.complete
                assert found.count == len(whole)
                assert found.first[:50] == whole[:50]
                assert found.may_hold(whole[-1])
                assert not found.may_hold(-12345)
                if steps is None:
                    assert found.all() == whole
                else:
                    rounds = 1
                    while not found.advance(steps):
                        rounds += 1
                    assert rounds > 1
                    assert found.complete
                    assert found.first == whole


def test_a_small_or_complete_answer_comes_whole(store: Store) -> None:
    _many(store)
    few = ordered_contact_ids(store, search="p123", first=5)  # p123, p1230..p1239
    assert few.complete
    assert few.count == len(few.first) == 11
    everyone = ordered_contact_ids(store, first=5)
    assert everyone.complete
    assert everyone.count == 3000
    with store.reader() as reader:
        whole = ordered_contact_ids(reader, search="ann", first=3000)  # all fit in "first"
        assert whole.complete
        assert whole.first == contact_ids(store, search="ann")


def test_remembered_answers_never_outlive_a_change(store: Store) -> None:
    """Answers are kept for the cache as it is: a write makes them all stale."""
    _many(store)
    reader = store.reader()
    try:
        large = contact_ids(reader, search="a")
        small = contact_ids(reader, search="p12")
        assert contact_ids(reader, search="a") == large  # remembered
        first = ordered_contact_ids(reader, search="a", first=10)
        assert first.all() == large  # from the remembered matches, made in order again
        upsert_contacts(store, [contact(5000, "Aaron Aardvark", email="p12x@x.test")])
        assert contact_ids(reader, search="a") == [5000, *large]  # "Aaron" sorts first
        assert contact_ids(reader, search="p12") == sorted(
            [*small, 5000], key=contact_ids(reader).index
        )
        assert count_contacts(reader) == 3001
    finally:
        reader.close()


def test_orders_and_answers_stay_consistent_when_a_write_lands_between_reads(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order is read, then the matches: a commit in between (a sync writing) must
    not mix two states of the cache."""
    _many(store, 500)
    reader = store.reader()
    original = contact_lists._all_in_order
    calls = {"n": 0}

    def order_then_write(queryable: object, sort: str) -> object:
        order = original(reader, sort)
        calls["n"] += 1
        if calls["n"] == 2:  # the order read for the matches, then another connection writes
            upsert_contacts(store, [contact(900, "Aaa Between", email="between@x.test")])
        return order

    monkeypatch.setattr(contact_lists, "_all_in_order", order_then_write)
    try:
        ids = contact_ids(reader, search="a")
    finally:
        monkeypatch.undo()
    assert calls["n"] > 3  # read again
    assert ids[0] == 900
    assert ids == contact_ids(reader, search="a")
    with store.reader() as fresh:
        assert ids == contact_ids(fresh, search="a")
    reader.close()
