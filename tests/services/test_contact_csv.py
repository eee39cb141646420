"""Reading a person's CSV file as the import wizard shows it, and the validation preview.

Each test writes a file the way a spreadsheet program or a peer's export would
(BOM, Latin-1, semicolons, tabs, quoted newlines) and checks what the wizard
would show: the detected format, the suggested mapping, the fields each row
sends, and the counts of bad, repeated and existing rows before anything is sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailtrixy_desktop.api.models import Contact
from mailtrixy_desktop.services.contact_csv import (
    ColumnMapping,
    ColumnTarget,
    CsvFormat,
    Preview,
    check_email,
    column_header,
    custom_column,
    export_contacts,
    inspect_file,
    parse_custom_value,
    row_fields,
    suggest_mapping,
    validate,
)
from mailtrixy_desktop.store import contact_imports as imports
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store

NOW = dt.datetime(2026, 3, 25, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "ws.sqlite3")
    yield s
    s.close()


def cache(store: Store, contact_id: int, email: str, **extra: object) -> None:
    data = {
        "id": contact_id,
        "name": f"Person {contact_id}",
        "email": email,
        "created_at": NOW,
        "updated_at": NOW,
        **extra,
    }
    upsert_contacts(store, [Contact.model_validate(data)])


def write(tmp_path: Path, data: bytes, name: str = "contacts.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def preview_of(store: Store, path: Path, mapping: ColumnMapping | None = None) -> Preview:
    inspection = inspect_file(path)
    return validate(
        inspection,
        mapping or inspection.mapping,
        lambda emails: imports.existing_emails(store, emails),
    )


# ---------------------------------------------------------------- formats
def test_utf8_with_bom_is_detected_and_the_bom_is_not_part_of_the_first_header(
    tmp_path: Path,
) -> None:
    text = "Name,Email,Company\nZoë Müller,zoe@example.com,Café GmbH\n"
    path = write(tmp_path, b"\xef\xbb\xbf" + text.encode())
    found = inspect_file(path)
    assert found.format == CsvFormat("utf-8-sig", ",")
    assert found.header == ("Name", "Email", "Company")
    assert found.mapping.targets[0] == ColumnTarget("name")
    assert found.sample == (("Zoë Müller", "zoe@example.com", "Café GmbH"),)


def test_latin1_file_reads_its_accents_right(tmp_path: Path) -> None:
    text = "name;email;company\nJosé Núñez;jose@example.com;Société Générale\n"
    path = write(tmp_path, text.encode("latin-1"))
    found = inspect_file(path)
    assert found.format == CsvFormat("latin-1", ";")
    assert found.sample[0] == ("José Núñez", "jose@example.com", "Société Générale")


def test_utf8_without_bom_whose_only_accent_is_far_down_the_file(tmp_path: Path) -> None:
    lines = ["name,email"] + [f"P{i},p{i}@example.com" for i in range(20_000)]
    lines.append("Renée,renee@example.com")
    path = write(tmp_path, ("\n".join(lines) + "\n").encode())
    found = inspect_file(path)
    assert found.format.encoding == "utf-8"
    assert found.rows == 20_001


@pytest.mark.parametrize(
    ("delimiter", "name"), [(",", "comma"), (";", "semi"), ("\t", "tab"), ("|", "pipe")]
)
def test_each_delimiter_is_detected(tmp_path: Path, delimiter: str, name: str) -> None:
    rows = [
        ["name", "email", "company", "tags"],
        ["Ann Lee", "ann@example.com", "Acme, Inc.", "lead"],
        ["Bob Ray", "bob@example.com", "Beta", "vip"],
    ]
    text = "\n".join(
        delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in r) for r in rows
    )
    found = inspect_file(write(tmp_path, text.encode(), f"{name}.csv"))
    assert found.format.delimiter == delimiter
    assert found.header == ("name", "email", "company", "tags")
    assert found.sample[0][2] == "Acme, Inc."


def test_a_single_column_file_falls_back_to_comma(tmp_path: Path) -> None:
    found = inspect_file(write(tmp_path, b"email\na@example.com\nb@example.com\n"))
    assert found.format.delimiter == ","
    assert found.rows == 2


def test_quoted_newlines_stay_inside_their_cell_and_rows_are_numbered_as_records(
    tmp_path: Path, store: Store
) -> None:
    text = (
        "name,email,notes\n"
        '"Ann Lee",ann@example.com,"first line\nsecond line"\n'
        "Bob,not-an-email,plain\n"
    )
    path = write(tmp_path, text.encode())
    found = inspect_file(path)
    assert found.rows == 2
    assert found.sample[0][2] == "first line\nsecond line"
    preview = preview_of(store, path)
    # Bob is the third record (the header is row 1), though the fourth physical line.
    assert [(r.line, r.email) for r in preview.bad_rows] == [(3, "not-an-email")]


def test_encoding_and_delimiter_can_be_overridden(tmp_path: Path) -> None:
    path = write(tmp_path, b"a;b\nc;d\n")
    found = inspect_file(path, CsvFormat("utf-8", ","))
    assert found.header == ("a;b",)


# ---------------------------------------------------------------- mapping and values
def test_suggested_mapping_knows_usual_header_names_and_keeps_the_rest_as_custom_fields() -> None:
    header = [
        "Full Name",
        "E-mail",
        "Organisation",
        "Phone Number",
        "Tags",
        "Lists",
        "Plan",
        "",
        "custom:email",
    ]
    sample = [["A", "a@example.com", "X", "1", "a|b", "G1|G2", "pro", "", "x"]]
    mapping = suggest_mapping(header, sample)
    assert mapping.targets == (
        ColumnTarget("name"),
        ColumnTarget("email"),
        ColumnTarget("company"),
        ColumnTarget("phone"),
        ColumnTarget("tags"),
        ColumnTarget("groups"),
        ColumnTarget("custom", "Plan"),
        ColumnTarget("ignore"),
        ColumnTarget("custom", "email"),
    )
    assert mapping.separator == "|"
    assert mapping.problems() == []


def test_mapping_problems_are_named() -> None:
    mapping = ColumnMapping(
        (ColumnTarget("name"), ColumnTarget("custom", "x"), ColumnTarget("custom", "x"))
    )
    assert mapping.problems() == [
        "No column is mapped to email.",
        "Two columns are mapped to the same custom field.",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("50000", 50000),
        ("-3", -3),
        ("2.5", 2.5),
        ("true", True),
        ("FALSE", False),
        ("007", "007"),
        ("1e5", "1e5"),
        ("Engineering", "Engineering"),
    ],
)
def test_custom_values_keep_numbers_and_booleans(text: str, value: object) -> None:
    parsed = parse_custom_value(text)
    assert parsed == value
    assert type(parsed) is type(value)


def test_row_fields_split_tags_and_groups_and_leave_empty_cells_out() -> None:
    mapping = ColumnMapping(
        (
            ColumnTarget("name"),
            ColumnTarget("email"),
            ColumnTarget("company"),
            ColumnTarget("tags"),
            ColumnTarget("groups"),
            ColumnTarget("custom", "deal_value"),
            ColumnTarget("custom", "vip"),
        ),
        separator=";",
    )
    fields, problems = row_fields(
        [
            "Jane",
            "jane@acme.com",
            "",
            "Lead; Big Fish;lead",
            "VIP Clients; Newsletter",
            "50000",
            "true",
        ],
        mapping,
    )
    assert problems == []
    assert fields == {
        "name": "Jane",
        "email": "jane@acme.com",
        "tags": ["lead", "big-fish"],
        "groups": ["VIP Clients", "Newsletter"],
        "custom_fields": {"deal_value": 50000, "vip": True},
    }


@pytest.mark.parametrize(
    "email",
    ["plain", "a@b", "two@@example.com", "dot.@example.com", "x@example.test", "a b@example.com"],
)
def test_bad_emails_are_reported(email: str) -> None:
    assert check_email(email) is not None


@pytest.mark.parametrize(
    "email", ["jane@acme.com", "Jane.O'Neil+news@Sub.Example.co.uk", "zoë@exämple.de"]
)
def test_good_emails_pass(email: str) -> None:
    assert check_email(email) is None


# ---------------------------------------------------------------- the validation preview
def test_preview_counts_bad_duplicate_and_existing_rows_with_reasons(
    tmp_path: Path, store: Store
) -> None:
    cache(store, 7, "Known@Example.com")
    text = "\n".join(
        [
            "name,email",
            "Ann,ann@example.com",
            "Bad,not an email",
            "Ann again,ANN@example.com",
            "Known,known@example.com",
            ",noname@example.com",
            "New,new@example.com",
        ]
    )
    preview = preview_of(store, write(tmp_path, text.encode()))
    assert (preview.total, preview.bad, preview.duplicates, preview.existing, preview.new) == (
        6,
        2,
        1,
        1,
        2,
    )
    assert [(r.line, r.email) for r in preview.bad_rows] == [
        (3, "not an email"),
        (6, "noname@example.com"),
    ]
    assert "not valid" in preview.bad_rows[0].reason
    assert preview.bad_rows[1].reason == "The name is missing."
    assert preview.duplicate_rows[0].line == 4
    assert preview.duplicate_rows[0].reason == "The same email as row 2."
    assert preview.existing_rows[0].line == 5

    update = {r.line: (r.state, r.target_id) for r in preview.plan("update")}
    skip = {r.line: (r.state, r.target_id) for r in preview.plan("skip")}
    assert update == {
        2: ("pending", None),
        3: ("failed", None),
        4: ("skipped", None),
        5: ("pending", 7),
        6: ("failed", None),
        7: ("pending", None),
    }
    assert skip[5] == ("skipped", 7)


def test_preview_of_a_large_file_looks_up_every_email_in_batches(
    tmp_path: Path, store: Store
) -> None:
    for i in range(0, 2000, 3):
        cache(store, i + 1, f"p{i}@example.com")
    lines = ["name,email"] + [f"P{i},p{i}@example.com" for i in range(2000)]
    preview = preview_of(store, write(tmp_path, "\n".join(lines).encode()))
    assert preview.existing == len(range(0, 2000, 3))
    assert preview.new == 2000 - preview.existing


# ---------------------------------------------------------------- export, read back
def test_export_reads_back_as_the_same_fields(tmp_path: Path, store: Store) -> None:
    cache(
        store,
        1,
        "jane@acme.com",
        company="Acme; Corp",
        phone="+1-555",
        tags=[{"id": 1, "name": "lead"}, {"id": 2, "name": "vip"}],
        groups=[{"id": 5, "name": "Newsletter"}],
        custom_fields={"deal_value": 50000, "ratio": 0.5, "vip": False, "zip": "007", "Tags": "x"},
    )
    cache(store, 2, "bob@acme.com")
    columns = [
        "name",
        "email",
        "company",
        "phone",
        "tags",
        "groups",
        *(custom_column(k) for k in imports.custom_field_keys(store)),
    ]
    path = tmp_path / "out.csv"
    assert export_contacts(store, [2, 1, 99], columns, path, bom=True, chunk=1) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    # "Tags" as a header would read back as the tags column, so it says what it is.
    assert column_header(custom_column("Tags")) == "custom:Tags"

    inspection = inspect_file(path)
    assert inspection.format == CsvFormat("utf-8-sig", ",")
    assert [row[1] for row in inspection.sample] == ["bob@acme.com", "jane@acme.com"]
    preview = validate(inspection, inspection.mapping, lambda e: {})
    jane = next(r for r in preview.plan("update") if r.email == "jane@acme.com")
    assert jane.fields == {
        "name": "Person 1",
        "email": "jane@acme.com",
        "company": "Acme; Corp",
        "phone": "+1-555",
        "tags": ["lead", "vip"],
        "groups": ["Newsletter"],
        "custom_fields": {
            "deal_value": 50000,
            "ratio": 0.5,
            "vip": False,
            "zip": "007",
            "Tags": "x",
        },
    }
