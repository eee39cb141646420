"""Where each workspace's cache file lives."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from platformdirs import PlatformDirs

# The same names as the app's own settings (app/paths.py), which the store may not import.
APP_NAME = "MailTrixy Desktop"
APP_AUTHOR = "MailTrixy"
SUFFIX = ".sqlite3"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_SLUG = 60


def workspaces_dir() -> Path:
    return Path(PlatformDirs(APP_NAME, APP_AUTHOR).user_data_dir) / "workspaces"


def workspace_db_path(workspace_key: str, base: Path | None = None) -> Path:
    """One SQLite file per workspace, named after the key (e.g. server URL and workspace id).

    The readable part is the key reduced to ASCII letters, digits, ``.``, ``_`` and
    ``-``; a hash of the whole key follows it, because different keys can reduce to
    the same letters ("a/b" and "a:b") and some bare names are reserved on Windows.
    """
    if not workspace_key.strip():
        raise ValueError("a workspace key must not be empty")
    ascii_key = (
        unicodedata.normalize("NFKD", workspace_key).encode("ascii", "ignore").decode("ascii")
    )
    slug = _UNSAFE.sub("-", ascii_key).strip(".-_").lower()[:_MAX_SLUG].rstrip(".-_")
    digest = hashlib.sha256(workspace_key.encode("utf-8")).hexdigest()[:12]
    name = f"{slug}-{digest}" if slug else digest
    return (base if base is not None else workspaces_dir()) / f"{name}{SUFFIX}"
