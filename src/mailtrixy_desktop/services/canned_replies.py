"""Canned replies: answers a person keeps on this computer and inserts by a shortcut.

They are personal and local (the API has no such resource), so they live in one
JSON file the caller names, usually ``<workspace data dir>/canned_replies.json``.
Every write replaces the file atomically; a missing file is an empty collection,
and an unreadable one is set aside (never overwritten) and the collection starts
empty, so a damaged file can neither crash the app nor be lost by the next save.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP

log = logging.getLogger("mailtrixy_desktop.services.canned_replies")

SHORTCUT_MAX = 32
_SHORTCUT = re.compile(r"[A-Za-z0-9_-]+")
_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class CannedReply:
    shortcut: str
    title: str
    body_html: str


class CannedReplyError(ValueError):
    """A reply that cannot be saved; ``field`` names the part at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def shortcut_problem(shortcut: str) -> str | None:
    """Why ``shortcut`` cannot be one (a sentence), or None when it can."""
    if not shortcut:
        return QT_TRANSLATE_NOOP("CannedReplies", "A canned reply needs a shortcut.")
    if len(shortcut) > SHORTCUT_MAX:
        return QT_TRANSLATE_NOOP("CannedReplies", "A shortcut is at most {max} characters.").format(
            max=SHORTCUT_MAX
        )
    if not _SHORTCUT.fullmatch(shortcut):
        return QT_TRANSLATE_NOOP(
            "CannedReplies", "A shortcut is one word: letters, digits, “-” and “_”, no spaces."
        )
    return None


def _key(shortcut: str) -> str:
    return shortcut.casefold()


class CannedReplies:
    """The canned replies kept in ``path``; shortcuts are unique regardless of case."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._replies: dict[str, CannedReply] = {}
        self._load()

    # ------------------------------------------------------------------ reading
    def all(self) -> list[CannedReply]:
        """Every reply, ordered by shortcut."""
        return sorted(self._replies.values(), key=lambda r: _key(r.shortcut))

    def find(self, shortcut: str) -> CannedReply | None:
        return self._replies.get(_key(shortcut))

    def matching(self, prefix: str) -> list[CannedReply]:
        """Replies whose shortcut starts with ``prefix`` (any case), ordered by shortcut."""
        wanted = _key(prefix)
        return [r for r in self.all() if _key(r.shortcut).startswith(wanted)]

    def is_taken(self, shortcut: str, *, ignoring: str | None = None) -> bool:
        """Whether another reply (not the one called ``ignoring``) already uses ``shortcut``."""
        key = _key(shortcut)
        return key in self._replies and (ignoring is None or key != _key(ignoring))

    # ------------------------------------------------------------------ writing
    def save(self, reply: CannedReply, *, replacing: str | None = None) -> CannedReply:
        """Add ``reply``, or replace the one with its shortcut.

        ``replacing`` names the reply being edited when its shortcut changes: that one
        is removed, and the new shortcut must not belong to a third reply.
        """
        reply = CannedReply(reply.shortcut.strip(), reply.title.strip(), reply.body_html)
        problem = shortcut_problem(reply.shortcut)
        if problem:
            raise CannedReplyError("shortcut", problem)
        if replacing is not None and self.is_taken(reply.shortcut, ignoring=replacing):
            raise CannedReplyError(
                "shortcut", f"The shortcut “{reply.shortcut}” is already in use."
            )
        replies = dict(self._replies)
        if replacing is not None:
            replies.pop(_key(replacing), None)
        replies[_key(reply.shortcut)] = reply
        self._write(replies)
        return reply

    def remove(self, shortcut: str) -> bool:
        """Remove the reply; False when there was none."""
        if _key(shortcut) not in self._replies:
            return False
        replies = dict(self._replies)
        del replies[_key(shortcut)]
        self._write(replies)
        return True

    # ------------------------------------------------------------------ the file
    def _load(self) -> None:
        try:
            raw = self.path.read_text("utf-8")
        except FileNotFoundError:
            return
        except OSError:
            log.warning(
                "cannot read canned replies from %s; starting empty", self.path, exc_info=True
            )
            return
        try:
            data = json.loads(raw)
            items = data["replies"] if isinstance(data, dict) else data
            if not isinstance(items, list):
                raise TypeError("no list of replies")
        except (ValueError, KeyError, TypeError):
            log.warning("canned replies in %s are unreadable; set aside, starting empty", self.path)
            self._set_aside()
            return
        for item in items:
            reply = self._parse(item)
            if reply is None:
                log.warning("skipping a malformed canned reply in %s: %.200r", self.path, item)
            elif _key(reply.shortcut) in self._replies:
                log.warning("skipping a second canned reply “%s” in %s", reply.shortcut, self.path)
            else:
                self._replies[_key(reply.shortcut)] = reply

    @staticmethod
    def _parse(item: Any) -> CannedReply | None:
        if not isinstance(item, dict):
            return None
        shortcut, title, body = item.get("shortcut"), item.get("title", ""), item.get("body_html")
        if not isinstance(shortcut, str) or shortcut_problem(shortcut):
            return None
        if not isinstance(title, str) or not isinstance(body, str):
            return None
        return CannedReply(shortcut, title, body)

    def _set_aside(self) -> None:
        # The next save would overwrite the file; keep what was there for the person.
        aside = self.path.with_name(f"{self.path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
        except OSError:
            log.warning("could not set %s aside", self.path, exc_info=True)
        else:
            log.warning("the unreadable file is kept as %s", aside)

    def _write(self, replies: dict[str, CannedReply]) -> None:
        ordered = sorted(replies.values(), key=lambda r: _key(r.shortcut))
        payload = {
            "version": _FORMAT_VERSION,
            "replies": [
                {"shortcut": r.shortcut, "title": r.title, "body_html": r.body_html}
                for r in ordered
            ],
        }
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename over it: a crash leaves the old file or the
        # new one, never half of one.
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._replies = replies
