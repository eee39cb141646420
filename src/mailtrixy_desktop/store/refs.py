"""The small shapes rows embed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NamedRef:
    """A tag, group or person as another row shows it."""

    id: int
    name: str
