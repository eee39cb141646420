"""CSV import and export of contacts, Qt-free.

Import, the way a peer's bulk import works (``mailtrap-contacts-notes.txt``):
``inspect_file`` detects the encoding (UTF-8 with or without BOM, else Latin-1)
and delimiter, reads the header and a sample, and suggests a column mapping;
``validate`` reads the whole file once and says, before anything is sent, which
rows are bad (with reasons), which repeat an email earlier in the file, and
which emails the workspace already has; ``Preview.plan`` turns that into the
rows of a job for the chosen policy ("update" or "skip"), which
``ContactCsvService`` stores and runs (``sync.contact_import``).

Export writes contacts by id, in order, with the chosen columns, a chunk at a
time. Its output imports back to the same contacts: tags and groups are joined
by ``;``, custom fields are columns of their own, and numbers and booleans
read back as numbers and booleans.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import csv
import functools
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, NamedTuple

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP, Message, Source
from mailtrixy_desktop.store import contact_imports as imports
from mailtrixy_desktop.store.contact_imports import NewRow
from mailtrixy_desktop.store.contacts import contacts_by_id
from mailtrixy_desktop.store.values import to_json
from mailtrixy_desktop.sync.contact_import import (
    ALREADY_THERE,
    DEFAULT_CONCURRENCY,
    GROUP_FAILED,
    ImportRunner,
)

if TYPE_CHECKING:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.api.models import CustomValue
    from mailtrixy_desktop.services.commands import Commands
    from mailtrixy_desktop.store.contact_imports import ImportJob, Policy
    from mailtrixy_desktop.store.database import Queryable, Store
    from mailtrixy_desktop.sync.contact_import import (
        ImportProgress,
        ImportReport,
    )

# -- formats ----------------------------------------------------------------------

UTF8_SIG = "utf-8-sig"
ENCODINGS = (UTF8_SIG, "utf-8", "latin-1", "cp1252")
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
SEPARATORS = (";", ",", "|")
SNIFF_CHARS = 64 * 1024
csv.field_size_limit(16 * 1024 * 1024)  # a long notes cell is not an error


@dataclass(frozen=True, slots=True)
class CsvFormat:
    encoding: str = "utf-8"
    delimiter: str = ","


def detect_encoding(stream: BinaryIO, chunk: int = 1 << 20) -> str:
    """UTF-8 with a BOM, UTF-8, or else Latin-1 (which decodes any bytes).

    Reads the whole stream a chunk at a time: a file may be UTF-8 for its first
    ten thousand rows and have one Latin-1 "é" after them.
    """
    head = stream.read(len(codecs.BOM_UTF8))
    if head == codecs.BOM_UTF8:
        return UTF8_SIG
    decoder = codecs.getincrementaldecoder("utf-8")()
    data = head
    try:
        while data:
            decoder.decode(data)
            data = stream.read(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


def detect_delimiter(sample: str) -> str:
    """csv.Sniffer over the first lines; when it cannot tell, the most frequent
    candidate in the header line (outside quotes)."""
    lines = sample.splitlines()
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        sample = sample[: sample.rfind(lines[-1])]  # drop a line cut in the middle
    try:
        found = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
        if found in DELIMITERS:
            return found
    except csv.Error:
        pass
    header = re.sub(r'"[^"]*"', "", lines[0] if lines else "")
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def sniff_format(path: Path) -> CsvFormat:
    with path.open("rb") as f:
        encoding = detect_encoding(f)
        f.seek(0)
        head = f.read(SNIFF_CHARS * 4)
    text = head.decode(encoding, errors="replace")[:SNIFF_CHARS]
    return CsvFormat(encoding, detect_delimiter(text.lstrip("\ufeff")))


def read_records(path: Path, fmt: CsvFormat) -> Iterator[list[str]]:
    """Every record, the header first; quoted cells may hold newlines and delimiters."""
    with path.open("r", encoding=fmt.encoding, errors="replace", newline="") as f:
        yield from csv.reader(f, delimiter=fmt.delimiter)


# -- mapping ----------------------------------------------------------------------

FieldKind = Literal["ignore", "name", "email", "company", "phone", "tags", "groups", "custom"]
STANDARD: tuple[FieldKind, ...] = ("name", "email", "company", "phone", "tags", "groups")
CUSTOM_PREFIX = "custom:"
MAX_CUSTOM_KEY = 64
MAX_TAG = 50

_SYNONYMS: dict[str, FieldKind] = {
    **dict.fromkeys(("name", "full name", "fullname", "contact name", "contact"), "name"),
    **dict.fromkeys(("email", "e-mail", "email address", "e-mail address", "mail"), "email"),
    **dict.fromkeys(
        ("company", "company name", "organization", "organisation", "org", "account"),
        "company",
    ),
    **dict.fromkeys(
        ("phone", "phone number", "telephone", "tel", "mobile", "mobile phone"), "phone"
    ),
    **dict.fromkeys(("tags", "tag", "labels", "label"), "tags"),
    **dict.fromkeys(("groups", "group", "lists", "list", "contact groups"), "groups"),
    # What the server keeps itself (an export has them): read back, they are not data.
    **dict.fromkeys(
        (
            "id",
            "created at",
            "updated at",
            "conversations count",
            "last contacted at",
        ),
        "ignore",
    ),
}


@dataclass(frozen=True, slots=True)
class ColumnTarget:
    """Where one column of the file goes; ``key`` names the custom field."""

    kind: FieldKind
    key: str = ""

    def label(self) -> str:
        if self.kind == "custom":
            return f"Custom field “{self.key}”"
        return "Ignore" if self.kind == "ignore" else self.kind.capitalize()


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    targets: tuple[ColumnTarget, ...]
    separator: str = ";"  # between tags, and between groups, in one cell

    def columns_of(self, kind: FieldKind) -> list[int]:
        return [i for i, t in enumerate(self.targets) if t.kind == kind]

    def replace(self, index: int, target: ColumnTarget) -> ColumnMapping:
        targets = list(self.targets)
        targets[index] = target
        return ColumnMapping(tuple(targets), self.separator)

    def problems(self) -> list[str]:
        """What stops an import with this mapping, in sentences (marked: English as
        ``str``, in the app's language through ``ui.i18n.translated``)."""
        out: list[str] = []
        needed: tuple[tuple[FieldKind, str], ...] = (
            ("email", QT_TRANSLATE_NOOP("ImportMapping", "email")),
            ("name", QT_TRANSLATE_NOOP("ImportMapping", "name")),
        )
        for kind, word in needed:
            found = len(self.columns_of(kind))
            if found == 0:
                out.append(
                    QT_TRANSLATE_NOOP("ImportMapping", "No column is mapped to {kind}.").format(
                        kind=word
                    )
                )
            elif found > 1:
                out.append(
                    QT_TRANSLATE_NOOP(
                        "ImportMapping", "More than one column is mapped to {kind}."
                    ).format(kind=word)
                )
        keys = [t.key for t in self.targets if t.kind == "custom"]
        if any(not k or len(k) > MAX_CUSTOM_KEY for k in keys):
            out.append(
                QT_TRANSLATE_NOOP(
                    "ImportMapping", "Custom field names are 1 to {most} characters."
                ).format(most=MAX_CUSTOM_KEY)
            )
        if len(set(keys)) != len(keys):
            out.append(
                QT_TRANSLATE_NOOP(
                    "ImportMapping", "Two columns are mapped to the same custom field."
                )
            )
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "targets": [[t.kind, t.key] for t in self.targets],
            "separator": self.separator,
        }


def kind_for_header(header: str) -> FieldKind:
    """The standard field a header names, "custom" otherwise."""
    text = header.strip()
    if text.lower().startswith(CUSTOM_PREFIX):
        return "custom"
    return _SYNONYMS.get(re.sub(r"[\s_]+", " ", text.lower()), "custom")


def _custom_key(header: str) -> str:
    text = header.strip()
    if text.lower().startswith(CUSTOM_PREFIX):
        text = text[len(CUSTOM_PREFIX) :].strip()
    return text[:MAX_CUSTOM_KEY]


def suggest_mapping(header: Sequence[str], sample: Sequence[Sequence[str]] = ()) -> ColumnMapping:
    """Standard fields by their usual names (first such column only), every other
    named column as a custom field, unnamed columns ignored."""
    taken: set[FieldKind] = set()
    targets: list[ColumnTarget] = []
    for title in header:
        kind = kind_for_header(title)
        if kind != "custom" and kind not in taken:
            if kind != "ignore":
                taken.add(kind)
            targets.append(ColumnTarget(kind))
        elif _custom_key(title) and kind == "custom":
            targets.append(ColumnTarget("custom", _custom_key(title)))
        else:
            targets.append(ColumnTarget("ignore"))
    mapping = ColumnMapping(tuple(targets))
    return ColumnMapping(mapping.targets, _suggest_separator(mapping, sample))


def _suggest_separator(mapping: ColumnMapping, sample: Sequence[Sequence[str]]) -> str:
    listed = mapping.columns_of("tags") + mapping.columns_of("groups")
    cells = [row[i] for row in sample for i in listed if i < len(row)]
    counts = {s: sum(cell.count(s) for cell in cells) for s in SEPARATORS}
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ";"


# -- values -----------------------------------------------------------------------

_INT = re.compile(r"-?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+\Z")


def parse_custom_value(text: str) -> CustomValue:
    """Numbers as numbers and true/false as booleans; anything else (a zip code with a
    leading zero, "1e5") stays text."""
    value = text.strip()
    lowered = value.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def format_custom_value(value: CustomValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if not isinstance(value, float) else repr(value)


# -- reasons ----------------------------------------------------------------------
# Why a row is not sent. Rows keep (and the job stores) the English text of these
# marked templates: the same in every language, and what older jobs hold too.
# ``reason_message`` finds the templates and values in such a text again, and the UI
# translates what it returns (``ui.i18n.translated``); a server's message stays as is.

EMAIL_MISSING = QT_TRANSLATE_NOOP("ImportReasons", "The email is missing.")
EMAIL_INVALID = QT_TRANSLATE_NOOP("ImportReasons", "The email is not valid: {detail}")
TAG_TOO_LONG = QT_TRANSLATE_NOOP("ImportReasons", "The tag {tag} is longer than {most} characters.")
NAME_MISSING = QT_TRANSLATE_NOOP("ImportReasons", "The name is missing.")
SAME_EMAIL = QT_TRANSLATE_NOOP("ImportReasons", "The same email as row {row}.")
HAS_EMAIL = QT_TRANSLATE_NOOP("ImportReasons", "Contact {id} has this email.")
# Two of a row's problems, one after the other.
BOTH = QT_TRANSLATE_NOOP("ImportReasons", "{first} {second}")
REASONS: tuple[Source, ...] = (
    ALREADY_THERE,
    SAME_EMAIL,
    HAS_EMAIL,
    EMAIL_MISSING,
    EMAIL_INVALID,
    TAG_TOO_LONG,
    NAME_MISSING,
    GROUP_FAILED,
)
_FIELD = re.compile(r"\{(\w+)\}")


def _english(template: Source, **values: Any) -> str:
    """A reason as rows keep it: the template's English text, filled in."""
    return str.format(template, **values)


def _pattern(template: Source) -> re.Pattern[str]:
    parts = _FIELD.split(template)  # text, name, text, name, ..., text
    return re.compile(
        "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        ),
        re.DOTALL,
    )


_PATTERNS = tuple((template, _pattern(template)) for template in REASONS)


def reason_message(text: str) -> str:
    """A reason as rows keep it, marked again for the UI to translate: one of
    ``REASONS`` with its values, or several joined by spaces ("The email is missing.
    The name is missing."). Text that is none of them (a server's message) is
    returned as it is."""
    if isinstance(text, Message) or not text or len(text) > 4000:
        return text
    found = _sentences(text, 0, {})
    if found is None:
        return text
    message = found[0]
    for sentence in found[1:]:
        message = BOTH.format(first=message, second=sentence)
    return message


def _sentences(
    text: str, start: int, known: dict[int, list[Message] | None]
) -> list[Message] | None:
    """``text[start:]`` as reason sentences separated by single spaces, or None."""
    if start in known:
        return known[start]
    known[start] = None
    for template, pattern in _PATTERNS:
        end = start
        while end < len(text):
            end = text.find(" ", end + 1)
            if end < 0:
                end = len(text)
            match = pattern.fullmatch(text, start, end)
            if match is None:
                continue
            found = template.format(**match.groupdict())
            if end == len(text):
                known[start] = [found]
                return known[start]
            rest = _sentences(text, end + 1, known)
            if rest is not None:
                known[start] = [found, *rest]
                return known[start]
    return None


_SPACES = re.compile(r"\s+")


def normalise_tag(text: str) -> str:
    """The server's tag names are lowercase without spaces."""
    lowered = text.strip().lower()
    return _SPACES.sub("-", lowered) if _SPACES.search(lowered) else lowered


# A strict subset of what email-validator accepts, checked first because it is
# some fifty times faster; anything it does not match goes to email-validator.
_SIMPLE_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\Z"
)


@functools.cache
def _special_domains() -> frozenset[str]:
    # email-validator compiles its grammar on import (~40 ms): paid at the first
    # check, not at every start of the app.
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    return frozenset(SPECIAL_USE_DOMAIN_NAMES)


def check_email(text: str) -> str | None:
    """Why ``text`` is not an email address the server accepts; None when it is."""
    if not text:
        return _english(EMAIL_MISSING)
    if (
        len(text) <= 254
        and _SIMPLE_EMAIL.match(text)
        and len(text.partition("@")[0]) <= 64
        and text.rsplit(".", 1)[1].lower() not in _special_domains()
    ):
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return _english(EMAIL_INVALID, detail=exc)
    return None


def _split(cell: str, separator: str) -> list[str]:
    return [part.strip() for part in cell.split(separator) if part.strip()]


def row_fields(cells: Sequence[str], mapping: ColumnMapping) -> tuple[dict[str, Any], list[str]]:
    """The fields a row sends (empty cells left out) and what is wrong with it."""
    fields: dict[str, Any] = {}
    problems: list[str] = []
    custom: dict[str, CustomValue] = {}
    for index, target in enumerate(mapping.targets):
        cell = cells[index].strip() if index < len(cells) else ""
        if not cell or target.kind == "ignore":
            continue
        if target.kind == "custom":
            custom[target.key] = parse_custom_value(cell)
        elif target.kind == "tags":
            tags = list(dict.fromkeys(normalise_tag(t) for t in _split(cell, mapping.separator)))
            long = [t for t in tags if len(t) > MAX_TAG]
            if long:
                problems.append(_english(TAG_TOO_LONG, tag=repr(long[0]), most=MAX_TAG))
            fields["tags"] = tags
        elif target.kind == "groups":
            fields["groups"] = list(dict.fromkeys(_split(cell, mapping.separator)))
        else:
            fields[target.kind] = cell
    if custom:
        fields["custom_fields"] = custom
    if "name" not in fields:
        problems.append(_english(NAME_MISSING))
    email_problem = check_email(fields.get("email", ""))
    if email_problem:
        problems.insert(0, email_problem)
    return fields, problems


# -- inspection and validation ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Inspection:
    path: Path
    format: CsvFormat
    header: tuple[str, ...]
    sample: tuple[tuple[str, ...], ...]  # the first data rows
    rows: int  # data rows in the file (records after the header, blank ones left out)
    mapping: ColumnMapping  # the suggested one


def inspect_file(
    path: Path | str, fmt: CsvFormat | None = None, sample_size: int = 20
) -> Inspection:
    """Read the header, a sample and the row count; the format detected unless given."""
    file = Path(path)
    fmt = fmt or sniff_format(file)
    records = read_records(file, fmt)
    header: tuple[str, ...] = ()
    sample: list[tuple[str, ...]] = []
    count = 0
    for record in records:
        if not header:
            if any(cell.strip() for cell in record):
                header = tuple(cell.strip().lstrip("\ufeff") for cell in record)
            continue
        if not any(cell.strip() for cell in record):
            continue
        count += 1
        if len(sample) < sample_size:
            sample.append(tuple(record))
    return Inspection(file, fmt, header, tuple(sample), count, suggest_mapping(header, sample))


@dataclass(frozen=True, slots=True)
class RowIssue:
    line: int  # the row's number as a spreadsheet shows it (the header is row 1)
    email: str
    reason: str  # English, as the job stores it; ``reason_message`` marks it for the UI


class _Entry(NamedTuple):
    """One row of the preview, kept (``Preview._entries``) as a plain tuple of strings
    and ints: the cyclic garbage collector untracks exact tuples of untracked values,
    so 50,000 of them add nothing to a full collection. Kept as objects with a dict
    (and tag lists) each, they made every full collection, run in the worker with the
    GIL held, walk some 250,000 objects: the window stalled 70-240 ms at a time."""

    line: int
    email: str
    fields: str  # JSON text, as the job stores it
    raw: tuple[str, ...]
    problem: str | None = None  # bad
    duplicate_of: int | None = None
    existing_id: int | None = None


@dataclass(frozen=True)
class Preview:
    """What an import would do, before anything is sent."""

    inspection: Inspection
    mapping: ColumnMapping
    total: int
    bad_rows: tuple[RowIssue, ...]
    duplicate_rows: tuple[RowIssue, ...]
    existing_rows: tuple[RowIssue, ...]
    _entries: tuple[tuple[Any, ...], ...] = field(repr=False, default=())  # _Entry fields

    @property
    def bad(self) -> int:
        return len(self.bad_rows)

    @property
    def duplicates(self) -> int:
        return len(self.duplicate_rows)

    @property
    def existing(self) -> int:
        return len(self.existing_rows)

    @property
    def new(self) -> int:
        return self.total - self.bad - self.duplicates - self.existing

    def plan(self, policy: Policy) -> Iterator[NewRow]:
        """The job's rows: bad ones failed, repeats and (for "skip") existing ones skipped."""
        for t in self._entries:
            e = _Entry._make(t)
            fields = json.loads(e.fields)
            if e.problem is not None:
                yield NewRow(e.line, "failed", e.email, fields, e.raw, reason=e.problem)
            elif e.duplicate_of is not None:
                reason = _english(SAME_EMAIL, row=e.duplicate_of)
                yield NewRow(e.line, "skipped", e.email, fields, e.raw, reason=reason)
            elif e.existing_id is not None and policy == "skip":
                yield NewRow(
                    e.line,
                    "skipped",
                    e.email,
                    fields,
                    e.raw,
                    target_id=e.existing_id,
                    reason=_english(ALREADY_THERE),
                )
            else:
                yield NewRow(e.line, "pending", e.email, fields, e.raw, target_id=e.existing_id)


Lookup = Callable[[list[str]], Mapping[str, int]]


def validate(
    inspection: Inspection,
    mapping: ColumnMapping,
    existing: Lookup,
    *,
    batch: int = 500,
) -> Preview:
    """Read the whole file once: bad rows, repeats inside the file, and emails the
    workspace has (``existing`` answers casefolded email -> contact id, a batch at a time)."""
    entries: list[tuple[Any, ...]] = []  # _Entry fields as plain tuples (see _Entry)
    first_line: dict[str, int] = {}
    waiting: list[int] = []  # entries whose email is still to be looked up

    def look_up() -> None:
        found = existing([entries[i][1] for i in waiting])
        for i in waiting:
            contact_id = found.get(entries[i][1].casefold())
            if contact_id is not None:
                entries[i] = tuple(_Entry._make(entries[i])._replace(existing_id=contact_id))
        waiting.clear()

    line = 0
    header_seen = False
    for record in read_records(inspection.path, inspection.format):
        line += 1
        if not header_seen:
            header_seen = any(cell.strip() for cell in record)
            continue
        if not any(cell.strip() for cell in record):
            continue
        parsed, problems = row_fields(record, mapping)
        email = str(parsed.get("email", ""))
        fields = to_json(parsed)
        raw = tuple(record)
        if problems:
            entries.append(tuple(_Entry(line, email, fields, raw, problem=" ".join(problems))))
            continue
        folded = email.casefold()
        if folded in first_line:
            entries.append(tuple(_Entry(line, email, fields, raw, duplicate_of=first_line[folded])))
            continue
        first_line[folded] = line
        entries.append(tuple(_Entry(line, email, fields, raw)))
        waiting.append(len(entries) - 1)
        if len(waiting) >= batch:
            look_up()
    look_up()
    return Preview(
        inspection=inspection,
        mapping=mapping,
        total=len(entries),
        bad_rows=tuple(
            RowIssue(e.line, e.email, e.problem) for e in map(_Entry._make, entries) if e.problem
        ),
        duplicate_rows=tuple(
            RowIssue(e.line, e.email, _english(SAME_EMAIL, row=e.duplicate_of))
            for e in map(_Entry._make, entries)
            if e.duplicate_of is not None
        ),
        existing_rows=tuple(
            RowIssue(e.line, e.email, _english(HAS_EMAIL, id=e.existing_id))
            for e in map(_Entry._make, entries)
            if e.existing_id is not None
        ),
        _entries=tuple(entries),
    )


# -- export -----------------------------------------------------------------------

EXPORT_COLUMNS = (
    "name",
    "email",
    "company",
    "phone",
    "tags",
    "groups",
    "created_at",
    "updated_at",
)


# The contacts table's names for the same columns.
COLUMN_ALIASES = {"created": "created_at", "updated": "updated_at"}


def custom_column(key: str) -> str:
    return CUSTOM_PREFIX + key


def column_header(column: str) -> str:
    """A custom field keeps its own name as the header unless that name would read back
    as a standard field (or is empty): then ``custom:`` says what it is."""
    if not column.startswith(CUSTOM_PREFIX):
        return column
    key = column[len(CUSTOM_PREFIX) :]
    return key if key.strip() == key and key and kind_for_header(key) == "custom" else column


def _cell(row: Any, column: str, separator: str) -> str:
    if column.startswith(CUSTOM_PREFIX):
        fields = row.custom_fields or {}
        key = column[len(CUSTOM_PREFIX) :]
        return format_custom_value(fields[key]) if key in fields else ""
    if column == "tags":
        return separator.join(t.name for t in row.tags)
    if column == "groups":
        return separator.join(g.name for g in row.groups or ())
    if column in ("created_at", "updated_at"):
        moment = getattr(row, column)
        return str(moment.isoformat()) if moment is not None else ""
    value = getattr(row, column)
    return "" if value is None else str(value)


def export_contacts(
    store: Queryable,
    ids: Sequence[int],
    columns: Sequence[str],
    path: Path | str,
    *,
    bom: bool = False,
    delimiter: str = ",",
    separator: str = ";",
    chunk: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the contacts ``ids`` (in that order) with ``columns``; how many were written.

    Rows are read ``chunk`` at a time, so the file, not memory, holds the table. The
    file appears whole or not at all (written beside it, then renamed).
    """
    columns = [COLUMN_ALIASES.get(c, c) for c in columns]
    unknown = [c for c in columns if c not in EXPORT_COLUMNS and not c.startswith(CUSTOM_PREFIX)]
    if unknown:
        raise ValueError(f"unknown columns: {unknown}")
    target = Path(path)
    written = 0
    fd, temp_name = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding=UTF8_SIG if bom else "utf-8", newline="") as f:
            writer = csv.writer(f, delimiter=delimiter)
            writer.writerow([column_header(c) for c in columns])
            for start in range(0, len(ids), chunk):
                part = ids[start : start + chunk]
                rows = contacts_by_id(store, part)
                for contact_id in part:
                    row = rows.get(contact_id)
                    if row is not None:
                        writer.writerow([_cell(row, c, separator) for c in columns])
                        written += 1
                if progress is not None:
                    progress(min(start + chunk, len(ids)), len(ids))
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return written


REPORT_ROW = QT_TRANSLATE_NOOP("ImportReport", "row")
REPORT_ERROR = QT_TRANSLATE_NOOP("ImportReport", "error")


def write_failed_rows(
    store: Queryable,
    job_id: int,
    path: Path | str,
    *,
    bom: bool = False,
    say: Callable[[str], str] = str,
) -> int:
    """The failed rows of a job as they were in the file, with a last column saying why.

    ``say`` writes the two added column titles and each reason (``reason_message``) in
    the language of the report; by default the English the job stores. The UI passes
    its translation, so a report is in the language of the app when it was saved."""
    job = imports.job(store, job_id)
    if job is None:
        raise LookupError(f"no import job {job_id}")
    header = list(job.options.get("header") or [])
    delimiter = str(job.options.get("delimiter") or ",")
    written = 0
    with Path(path).open("w", encoding=UTF8_SIG if bom else "utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow([*header, say(REPORT_ROW), say(REPORT_ERROR)])
        for row in imports.rows_in_state(store, job_id, ("failed",)):
            cells = list(row.raw) + [""] * (len(header) - len(row.raw))
            writer.writerow([*cells, str(row.line), say(reason_message(row.reason or ""))])
            written += 1
    return written


def csv_text(rows: Iterable[Sequence[str]], delimiter: str = ",") -> str:
    """Rows as CSV text (for tests and small previews)."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


# -- the façade -----------------------------------------------------------------------


class ContactCsvService:
    """What the import wizard and the export dialog call.

    File reading and validation run in a worker thread (``asyncio.to_thread``), so a
    50,000-row file does not stall the window; jobs run on the event loop.
    """

    def __init__(
        self,
        commands: Commands,
        client: MailTrixyClient,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        backoff_base: float = 0.5,
        backoff_cap: float = 30.0,
    ) -> None:
        self._c = commands
        self._client = client
        self.concurrency = concurrency
        self._backoff = (backoff_base, backoff_cap)  # between tries after a network failure
        self._runners: dict[int, ImportRunner] = {}
        # A job the app was running when it closed is "interrupted" until resumed.
        if imports.mark_interrupted(commands.store):
            commands.changes.publish({"contact_imports"})

    @property
    def store(self) -> Store:
        return self._c.store

    # ------------------------------------------------------------------ import
    async def inspect(self, path: Path | str, fmt: CsvFormat | None = None) -> Inspection:
        return await asyncio.to_thread(inspect_file, path, fmt)

    def lookup_existing(self, emails: list[str]) -> Mapping[str, int]:
        return imports.existing_emails(self._c.store, emails)

    async def preview(self, inspection: Inspection, mapping: ColumnMapping) -> Preview:
        return await asyncio.to_thread(validate, inspection, mapping, self.lookup_existing)

    async def create_job(self, preview: Preview, policy: Policy) -> int:
        """Store the job, every row with its key, in a worker thread (50,000 rows take
        seconds); nothing is sent yet."""
        ins = preview.inspection
        options = {
            "path": str(ins.path),
            "header": list(ins.header),
            "encoding": ins.format.encoding,
            "delimiter": ins.format.delimiter,
            "mapping": preview.mapping.to_json(),
        }

        def work() -> int:
            return imports.create_job(
                self._c.store,
                file_name=ins.path.name,
                policy=policy,
                options=options,
                rows=preview.plan(policy),
            )

        job_id = await asyncio.to_thread(work)
        self._c.changes.publish({"contact_imports"})
        return job_id

    async def run(
        self,
        job_id: int,
        on_progress: Callable[[ImportProgress], None] | None = None,
    ) -> ImportReport:
        """Start or resume a job and wait for its end (finished, cancelled or interrupted)."""
        if job_id in self._runners:
            raise RuntimeError(f"import job {job_id} is already running")
        runner = ImportRunner(
            self._client,
            self._c.store,
            job_id,
            concurrency=self.concurrency,
            on_progress=on_progress,
            on_change=self._c.changes.publish,
            backoff_base=self._backoff[0],
            backoff_cap=self._backoff[1],
        )
        self._runners[job_id] = runner
        try:
            return await runner.run()
        finally:
            del self._runners[job_id]

    async def start(
        self,
        preview: Preview,
        policy: Policy,
        on_progress: Callable[[ImportProgress], None] | None = None,
    ) -> tuple[int, asyncio.Task[ImportReport]]:
        """Store the job and start it; the task ends with the report."""
        job_id = await self.create_job(preview, policy)
        return job_id, asyncio.get_running_loop().create_task(self.run(job_id, on_progress))

    def is_running(self, job_id: int) -> bool:
        return job_id in self._runners

    def cancel(self, job_id: int) -> None:
        runner = self._runners.get(job_id)
        if runner is not None:
            runner.cancel()

    def jobs(self) -> list[ImportJob]:
        return imports.jobs(self._c.store)

    def job(self, job_id: int) -> ImportJob | None:
        return imports.job(self._c.store, job_id)

    def failed_rows(self, job_id: int, limit: int = 1000) -> list[RowIssue]:
        """The first failed rows of a job; their reasons as stored (``reason_message``
        marks them for the UI)."""
        out: list[RowIssue] = []
        for row in imports.rows_in_state(self._c.store, job_id, ("failed",)):
            out.append(RowIssue(row.line, row.email, row.reason or ""))
            if len(out) >= limit:
                break
        return out

    def save_failed_rows(
        self,
        job_id: int,
        path: Path | str,
        *,
        bom: bool = False,
        say: Callable[[str], str] = str,
    ) -> int:
        return write_failed_rows(self._c.store, job_id, path, bom=bom, say=say)

    def delete_job(self, job_id: int) -> None:
        if job_id in self._runners:
            raise RuntimeError("cancel the import before removing it")
        imports.delete_job(self._c.store, job_id)
        self._c.changes.publish({"contact_imports"})

    # ------------------------------------------------------------------ export
    def export_columns(self) -> list[str]:
        """Every column an export can have: the standard ones, then one per custom field."""
        return [
            *EXPORT_COLUMNS,
            *(custom_column(k) for k in imports.custom_field_keys(self._c.store)),
        ]

    async def export(
        self,
        ids: Sequence[int],
        columns: Sequence[str],
        path: Path | str,
        *,
        bom: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        # A reader of its own: the writer's connection stays free for sync meanwhile.
        def work() -> int:
            with self._c.store.reader() as reader:
                return export_contacts(reader, list(ids), columns, path, bom=bom, progress=progress)

        return await asyncio.to_thread(work)
