"""Which contacts a view shows: search, filters, sorts, counts."""

from __future__ import annotations

import random

import pytest

from mailtrixy_desktop.store.contact_lists import CONTACT_SORTS, contact_ids, count_contacts
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
