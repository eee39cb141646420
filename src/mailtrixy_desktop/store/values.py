"""How Python values are kept in SQLite columns, and read back.

Moments are ISO 8601 text in UTC with a fixed precision, so text order is time
order and indexes on them sort correctly. Money is an integer count of 1/10000
of the currency unit: SQL sums of integers are exact, sums of REAL are not.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import CustomValue, Model

MONEY_SCALE = 10_000
_CENTS = Decimal("0.01")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_text(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    if offset:  # already UTC (what the server sends) needs no conversion
        moment = moment.astimezone(dt.UTC)
    # isoformat(timespec="microseconds"), spelled out: a quarter cheaper, and a full
    # sync formats a quarter of a million of these. %-formatting is the fastest spelling
    # (an f-string with format specs is slower).
    return "%04d-%02d-%02dT%02d:%02d:%02d.%06d+00:00" % (  # noqa: UP031
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
    )


def from_text(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def from_text_required(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def date_to_text(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def date_from_text(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def to_units(value: Decimal) -> int:
    """Money as integer units of 1/10000. Four places cover every ISO 4217 minor unit;
    anything finer is rounded half-even rather than refused, so one odd deal cannot
    stop a sync."""
    return int((value * MONEY_SCALE).to_integral_value(rounding=ROUND_HALF_EVEN))


def from_units(units: int) -> Decimal:
    """Exact Decimal from units, shown with at least cents (``0.30``, not ``0.3000``)."""
    value = Decimal(units).scaleb(-4)
    cents = value.quantize(_CENTS)
    return cents if cents == value else value.normalize()


# One encoder: json.dumps with options builds a new one on every call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def to_json(value: object) -> str:
    return _ENCODER.encode(value)


def ids_json(ids: Iterable[int]) -> str:
    """Ids bound as one JSON array parameter, read with ``json_each(?)``: one bound value
    however many ids, so no SQL is assembled from the list."""
    return json.dumps([int(i) for i in ids])


def load_ids(text: str | None) -> list[int]:
    """The text of ``json_group_array(id)``. Parsing one string is several times faster
    than fetching one Python row per id, which matters at 100,000 ids."""
    if not text:
        return []
    ids: list[int] = json.loads(text)
    return ids


def load_strings(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    values: list[Any] = json.loads(text)
    return tuple(str(v) for v in values)


def load_custom_fields(text: str | None) -> Mapping[str, CustomValue] | None:
    if text is None:
        return None
    fields: dict[str, CustomValue] = json.loads(text)
    return MappingProxyType(fields)


def fold(text: str) -> str:
    """A sort key: case and diacritics ignored, so "Müller" sorts with "Muller"."""
    if text.isascii():  # most names; several times faster than decomposing
        return text.lower().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().strip()


def given(item: Model, field: str) -> bool:
    """Whether the server sent ``field`` at all (list and detail shapes differ), so an
    absent field keeps what the cache holds instead of wiping it."""
    return field in item.model_fields_set
