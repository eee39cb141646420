"""Fixtures shared by every test: a real sandbox over real HTTP, and a webhook receiver."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

# Qt, wherever it is loaded, never needs a display in tests; the offscreen screen is
# given a laptop's size (its default, 800 x 800, is narrower than the main window).
_SCREEN = Path(tempfile.gettempdir()) / "mailtrixy-test-screen.json"
_SCREEN.write_text(
    json.dumps(
        {
            "screens": [
                {
                    "name": "test",
                    "x": 0,
                    "y": 0,
                    "width": 1920,
                    "height": 1200,
                    "logicalDpiX": 96,
                    "logicalDpiY": 96,
                    "dpr": 1,
                }
            ]
        }
    )
)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

pytest_plugins = ["tests.support.fixtures"]
