"""Demo mode: the bundled sandbox with seeded data, started and stopped by the app."""

from __future__ import annotations

import shutil
from pathlib import Path

from mailtrixy_desktop.app import paths
from mailtrixy_sandbox.process import SandboxProcess

# A new customer message every minute or so keeps the demo inbox alive.
SIMULATE_EVERY_SECONDS = 60


def start_demo_sandbox(*, fresh: bool = False, data_dir: Path | None = None) -> SandboxProcess:
    directory = data_dir or paths.demo_sandbox_dir()
    if fresh and directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return SandboxProcess(
        [
            "--data-dir",
            str(directory),
            "--seed",
            "demo",
            "--simulate-every",
            str(SIMULATE_EVERY_SECONDS),
        ]
    ).start()
