"""Async tests run on plain asyncio through anyio's pytest plugin (no Qt below ui)."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
