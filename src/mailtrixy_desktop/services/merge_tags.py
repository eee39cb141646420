"""Merge tags in a campaign's subject and body: find them, check them, fill them.

The reference writes them as ``{{contact.name}}`` (Create Campaign's example body;
the sandbox's seeded campaigns use ``{{contact.name}}`` and ``{{contact.email}}``).
We read the standard fields ``name``, ``email``, ``company`` and ``phone``, and a
contact's custom fields either spelled out (``{{contact.custom_fields.department}}``)
or by their key alone (``{{contact.department}}``); spaces inside the braces are
allowed. A tag that names no standard field and no custom field the workspace's
contacts have "matches nothing": it would reach every recipient as it was typed, so
the editor flags it before anything is sent.

Nothing here knows about Qt or the cache: the editor passes the custom field keys
and the chosen contact's values in.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Final

__all__ = [
    "STANDARD_FIELDS",
    "MergeTag",
    "contact_values",
    "fill",
    "fill_html",
    "find_tags",
    "highlight_unmatched",
    "known_tag",
    "tag_for",
    "unknown_tags",
]

STANDARD_FIELDS: Final = ("name", "email", "company", "phone")
_CUSTOM_PREFIX: Final = "contact.custom_fields."
_TAG: Final = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# Private-use characters around an unmatched tag in the filled HTML, turned into a
# highlight after sanitising (nh3 keeps them as text; no contact value can carry them).
OPEN_MARK: Final = "\ue000"
CLOSE_MARK: Final = "\ue001"
_MARKS: Final = re.compile(f"[{OPEN_MARK}{CLOSE_MARK}]")
_MARKED: Final = re.compile(f"{OPEN_MARK}([^{OPEN_MARK}{CLOSE_MARK}]*){CLOSE_MARK}")
_MARKUP: Final = re.compile(r"(<[^>]*>)")


@dataclass(frozen=True, slots=True)
class MergeTag:
    text: str  # as written, braces included: "{{ contact.name }}"
    path: str  # what is inside, trimmed: "contact.name"
    start: int
    end: int


def find_tags(text: str) -> list[MergeTag]:
    """Every ``{{…}}`` in ``text``, in order."""
    return [MergeTag(m.group(0), m.group(1), m.start(), m.end()) for m in _TAG.finditer(text)]


def _field(path: str, custom_keys: Collection[str]) -> tuple[str, str] | None:
    """("standard" | "custom", field name) that ``path`` names, or None."""
    if path.startswith(_CUSTOM_PREFIX):
        key = path[len(_CUSTOM_PREFIX) :]
        return ("custom", key) if key in custom_keys else None
    if not path.startswith("contact."):
        return None
    name = path[len("contact.") :]
    if name in STANDARD_FIELDS:
        return "standard", name
    if name in custom_keys:
        return "custom", name
    return None


def known_tag(path: str, custom_keys: Collection[str]) -> bool:
    return _field(path, custom_keys) is not None


def unknown_tags(text: str, custom_keys: Collection[str]) -> list[str]:
    """The tags in ``text`` that match no field, each once, as written (``{{contact.nmae}}``)."""
    seen: dict[str, None] = {}
    for tag in find_tags(text):
        if not known_tag(tag.path, custom_keys):
            seen.setdefault(tag.text, None)
    return list(seen)


def tag_for(field: str, *, custom: bool = False) -> str:
    """The tag to insert for a standard field or a custom field key."""
    return "{{" + (_CUSTOM_PREFIX + field if custom else "contact." + field) + "}}"


def contact_values(
    *,
    name: str,
    email: str,
    company: str | None = None,
    phone: str | None = None,
    custom_fields: Mapping[str, object] | None = None,
) -> dict[str, dict[str, str]]:
    """A contact as the fill functions read it: {"standard": {...}, "custom": {...}}."""

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        return _MARKS.sub("", str(value))

    return {
        "standard": {
            "name": text(name),
            "email": text(email),
            "company": text(company),
            "phone": text(phone),
        },
        "custom": {str(k): text(v) for k, v in (custom_fields or {}).items()},
    }


def _filler(
    contact: Mapping[str, Mapping[str, str]] | None,
    custom_keys: Collection[str],
    escape: Callable[[str], str],
    unmatched: Callable[[str], str],
) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        field = _field(match.group(1), custom_keys)
        if field is None:
            return unmatched(match.group(0))
        if contact is None:
            return match.group(0)  # no contact picked: the tag shows as written
        kind, name = field
        return escape(contact.get(kind, {}).get(name, ""))

    return replace


def fill(
    text: str,
    contact: Mapping[str, Mapping[str, str]] | None,
    custom_keys: Collection[str],
) -> str:
    """Plain text (a subject) with the contact's values in its tags; unmatched tags
    stay as written. A field the contact has no value for becomes empty, as it
    would in the email."""
    return _TAG.sub(_filler(contact, custom_keys, lambda v: v, lambda t: t), text)


def fill_html(
    body: str,
    contact: Mapping[str, Mapping[str, str]] | None,
    custom_keys: Collection[str],
) -> str:
    """The HTML body with escaped values in its tags, before sanitising; unmatched
    tags are wrapped in ``OPEN_MARK``/``CLOSE_MARK`` for ``highlight_unmatched``."""
    return _TAG.sub(
        _filler(
            contact,
            custom_keys,
            lambda v: html.escape(v, quote=True),
            lambda t: OPEN_MARK + t + CLOSE_MARK,
        ),
        body,
    )


def highlight_unmatched(safe_html: str, wrap: Callable[[str], str]) -> str:
    """After sanitising: each marked tag in the text becomes ``wrap(escaped tag)``; a
    mark inside a tag's attribute (an href) is just removed, the tag left as text."""
    pieces: Iterable[str] = _MARKUP.split(safe_html)
    out: list[str] = []
    for piece in pieces:
        if piece.startswith("<"):
            out.append(_MARKS.sub("", piece))
        else:
            out.append(_MARKS.sub("", _MARKED.sub(lambda m: wrap(m.group(1)), piece)))
    return "".join(out)
