"""The whole app in a child process, for tests that kill it: ``python -m
tests.support.app_process URL DATA_DIR`` with the token in MAILTRIXY_TEST_TOKEN (never
on a command line)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mailtrixy_desktop.app.runner import AppSession, run_session


def main() -> int:
    url, data_dir = sys.argv[1], Path(sys.argv[2])
    session = AppSession(url, os.environ["MAILTRIXY_TEST_TOKEN"], data_dir, title="Child")
    return run_session(session)


if __name__ == "__main__":
    raise SystemExit(main())
