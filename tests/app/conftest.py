"""The app tests drive real windows too: the qasync loop fixture of the Qt tests."""

from tests.ui.conftest import loop

__all__ = ["loop"]
