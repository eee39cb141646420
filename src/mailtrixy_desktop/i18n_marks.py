"""Translatable text made below the UI, without Qt (issue 8).

The layers under ``ui`` never import Qt, yet some of their sentences reach the
screen: why a scope is missing, what an outbox operation does. They are written as

    QT_TRANSLATE_NOOP("OutboxView", "Delete {count} {things}").format(count=3, things=...)

``pyside6-lupdate`` extracts the literal (context and source) like any ``tr()`` call.
At run time the marker returns a ``Source``: a ``str`` equal to the English source,
which remembers its context; its ``format()`` returns a ``Message``, again a plain
English ``str`` that remembers the source and the values. Code and tests that treat
them as strings see English; the UI hands them to ``ui.i18n.translated()``, which
translates the source in its context and fills the values in (translating values that
are themselves marked). Text that is not marked (a server's own message) stays as is.

Numbers and moments in such a sentence are values of their own kinds, ``Number`` and
``Moment``: English text as a ``str`` ("2,500", "3 May 09:00"), which the UI writes
the locale's way instead ("2.500", "3 Mai 09:00").

This module sits at the package root, below every layer, and imports nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime


class Source(str):
    """An English source text marked for translation, with its context."""

    context: str

    def __new__(cls, context: str, text: str) -> Source:
        made = super().__new__(cls, text)
        made.context = context
        return made

    def format(self, *args: Any, **kwargs: Any) -> Message:
        return Message(self, args, kwargs)


class Message(str):
    """A marked source filled with values: English as a ``str``; translatable later."""

    source: Source
    args: tuple[Any, ...]
    kwargs: dict[str, Any]

    def __new__(cls, source: Source, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Message:
        made = super().__new__(cls, str.format(source, *args, **kwargs))
        made.source = source
        made.args = args
        made.kwargs = kwargs
        return made


def QT_TRANSLATE_NOOP(context: str, text: str) -> Source:
    """Mark ``text`` for extraction in ``context``; returns it unchanged (as a ``Source``)."""
    return Source(context, text)


class Number(str):
    """A count in a marked sentence: English digit grouping ("2,500") as a ``str``;
    the UI groups ``value`` the locale's way."""

    value: int

    def __new__(cls, value: int) -> Number:
        made = super().__new__(cls, f"{value:,}")
        made.value = value
        return made


class Moment(str):
    """A point in time in a marked sentence: English "3 May 09:00" (with the year when
    ``year``) as a ``str``; the UI says ``at`` with the month names of its language."""

    at: datetime
    year: bool

    def __new__(cls, at: datetime, *, year: bool = False) -> Moment:
        text = f"{at.day} {at:%b %H:%M}"
        made = super().__new__(cls, f"{text} {at.year}" if year else text)
        made.at = at
        made.year = year
        return made
