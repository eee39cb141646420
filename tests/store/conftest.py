"""A fresh cache file per test (WAL and readers need a real file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mailtrixy_desktop.store.database import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened
