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

This module sits at the package root, below every layer, and imports nothing.
"""

from __future__ import annotations

from typing import Any


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
