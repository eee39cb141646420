"""What the app loads before its first paint.

pydantic with the response models (~200 ms) and httpx (~60 ms) are needed by the
first request, not by the window: the start-time budget (within 3x of a bare
PySide6 window) only holds while the modules on the way to the first paint leave
them alone. A runtime import of a model in the store or a service brings them back.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from mailtrixy_desktop.app import runner
from mailtrixy_desktop.ui.contacts import pane
from mailtrixy_desktop.ui import pane_registry
heavy = ("pydantic", "httpx", "mailtrixy_desktop.api.models.base",
         "mailtrixy_desktop.api.resources.contacts")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def test_the_window_and_the_contacts_pane_load_without_pydantic_or_httpx() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_naming_a_model_still_loads_it() -> None:
    from mailtrixy_desktop.api import models

    assert models.Contact.__name__ == "Contact"
    assert models.STAGES[0] == "lead"
    assert set(models.__all__) == set(models._HOME)
