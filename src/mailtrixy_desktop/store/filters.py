"""Filter values shared by the panes' queries."""

from __future__ import annotations

import enum
from typing import Final, Literal


class Anyone(enum.Enum):
    """No assignee filter at all, as distinct from ``None`` ("unassigned")."""

    ANY = "any"


ANY: Final = Anyone.ANY

AssigneeFilter = int | None | Literal[Anyone.ANY]


def assignee_clause(column: str, assignee: AssigneeFilter) -> tuple[str | None, tuple[int, ...]]:
    """A WHERE fragment (or None for "anyone") and its parameters; ``column`` is a
    constant of the caller's, never user input."""
    if isinstance(assignee, Anyone):
        return None, ()
    if assignee is None:
        return f"{column} IS NULL", ()
    return f"{column} = ?", (int(assignee),)


def where(clauses: list[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""
