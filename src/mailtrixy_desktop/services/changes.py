"""One change broadcast: after each applied command or sync step, who changed.

Names are resource names ("contacts", "deals", "conversations", "outbox", ...).
Listeners are plain callbacks; the ui layer's bridge turns them into Qt signals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Listener = Callable[[frozenset[str]], None]


class ChangeHub:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def publish(self, names: Iterable[str]) -> None:
        changed = frozenset(names)
        if not changed:
            return
        for listener in list(self._listeners):
            listener(changed)
