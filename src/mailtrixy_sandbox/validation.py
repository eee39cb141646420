"""Field checks shared by the routes; each adds messages to a ``FieldErrors``."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from email_validator import EmailNotValidError, validate_email

from mailtrixy_sandbox import clock
from mailtrixy_sandbox.db import Database
from mailtrixy_sandbox.errors import FieldErrors

HEX_COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{3}){1,2}$")
DEAL_STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")
MAX_TEXT = 255


@lru_cache(maxsize=1)
def currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def required_text(
    errors: FieldErrors, field: str, value: str | None, *, max_length: int = MAX_TEXT
) -> str | None:
    """A required, non-blank string; returns it stripped."""
    if value is None or not value.strip():
        errors.add(field, f"The {field.replace('_', ' ')} field is required.")
        return None
    if len(value) > max_length:
        errors.add(field, f"The {field.replace('_', ' ')} may not exceed {max_length} characters.")
        return None
    return value.strip()


def optional_text(
    errors: FieldErrors, field: str, value: str | None, *, max_length: int = MAX_TEXT
) -> str | None:
    if value is None:
        return None
    if len(value) > max_length:
        errors.add(field, f"The {field.replace('_', ' ')} may not exceed {max_length} characters.")
        return None
    return value.strip() or None


def email(
    errors: FieldErrors, field: str, value: str | None, *, required: bool = True
) -> str | None:
    if value is None or not value.strip():
        if required:
            errors.add(field, f"The {field.replace('_', ' ')} field is required.")
        return None
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError:
        errors.add(field, f"The {field.replace('_', ' ')} must be a valid email address.")
        return None
    return str(result.normalized)


def email_list(errors: FieldErrors, field: str, values: list[str] | None) -> list[str]:
    out: list[str] = []
    for index, value in enumerate(values or []):
        checked = email(errors, f"{field}.{index}", value)
        if checked is not None:
            out.append(checked)
    return out


def tag_name(errors: FieldErrors, field: str, value: str | None) -> str | None:
    if value is None or not value:
        errors.add(field, "The tag name is required.")
        return None
    if len(value) > 50 or value != value.lower() or any(ch.isspace() for ch in value):
        errors.add(field, "Tag names are lowercase, without spaces, at most 50 characters.")
        return None
    return value


def color(errors: FieldErrors, field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not HEX_COLOR.match(value):
        errors.add(field, "The color must be a hex color code such as #3B82F6.")
        return None
    return value.upper()


def currency(errors: FieldErrors, field: str, value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in currencies():
        errors.add(field, "The currency must be an ISO 4217 code such as USD or EUR.")
        return None
    return code


def stage(errors: FieldErrors, field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if value not in DEAL_STAGES:
        errors.add(field, "The stage must be one of: " + ", ".join(DEAL_STAGES) + ".")
        return None
    return value


def ymd(errors: FieldErrors, field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if clock.parse_date(value) is None:
        errors.add(field, f"The {field.replace('_', ' ')} must be a date as YYYY-MM-DD.")
        return None
    return value


def future_datetime(errors: FieldErrors, field: str, value: str | None) -> str | None:
    if value is None:
        return None
    moment = clock.parse_iso(value)
    if moment is None:
        errors.add(field, f"The {field.replace('_', ' ')} must be an ISO 8601 date-time.")
        return None
    if moment <= clock.now():
        errors.add(field, f"The {field.replace('_', ' ')} must be in the future.")
        return None
    return clock.to_iso(moment)


def existing_ids(
    db: Database, errors: FieldErrors, field: str, table: str, ids: list[int] | None, what: str
) -> list[int]:
    """Keep the order, drop duplicates, and report ids that do not exist."""
    unique = list(dict.fromkeys(ids or []))
    if not unique:
        return []
    known = {
        row[0]
        for row in db.all(
            f"SELECT id FROM {table} WHERE id IN ({','.join('?' * len(unique))})",
            unique,
        )
    }
    missing = [i for i in unique if i not in known]
    if missing:
        errors.add(field, f"Unknown {what} id(s): {', '.join(map(str, missing))}.")
    return [i for i in unique if i in known]


def existing_id(
    db: Database, errors: FieldErrors, field: str, table: str, value: int | None, what: str
) -> int | None:
    if value is None:
        return None
    found = existing_ids(db, errors, field, table, [value], what)
    return found[0] if found else None
