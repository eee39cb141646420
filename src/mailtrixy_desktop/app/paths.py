"""Where the app keeps its files, per the platform's conventions (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "MailTrixy Desktop"
APP_AUTHOR = "MailTrixy"


def dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, APP_AUTHOR)


def user_data_dir() -> Path:
    return Path(dirs().user_data_dir)


def demo_sandbox_dir() -> Path:
    """The demo workspace's server-side data, kept between runs."""
    return user_data_dir() / "demo-sandbox"


def user_config_dir() -> Path:
    """Settings and the list of workspaces (never a token: those are in the keyring)."""
    return Path(dirs().user_config_dir)


def workspaces_file() -> Path:
    return user_config_dir() / "workspaces.json"
