"""Fixtures shared by every test: a real sandbox over real HTTP, and a webhook receiver."""

from __future__ import annotations

import os

# Qt, wherever it is loaded, never needs a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.support.fixtures"]
