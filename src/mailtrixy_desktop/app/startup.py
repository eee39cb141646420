"""A normal start: the current workspace from the keyring, or the sign-in dialog first."""

from __future__ import annotations

import sys


def run_signed_in() -> int:
    print(
        "mailtrixy-desktop: signing in to your own server is not wired yet; run with --demo.",
        file=sys.stderr,
    )
    return 2
