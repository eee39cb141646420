"""Desktop integration files (issue 8): the icon at every size, a ``.desktop`` entry
and AppStream metainfo that validate and agree with each other and the package."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from importlib import metadata, resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.mailtrixy.Desktop"
LINUX = ROOT / "packaging" / "linux"
THEME = ROOT / "packaging" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):  # bootstrap.sh installs it for the test profile
            pytest.fail(f"{name} is missing on CI")
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return found


def test_the_icon_is_there_at_every_size_in_the_theme_and_the_package() -> None:
    svg = (ROOT / "src" / "mailtrixy_desktop" / "ui" / "icons" / "app.svg").read_bytes()
    assert (THEME / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == svg
    icons = resources.files("mailtrixy_desktop.ui") / "icons"
    for size in SIZES:
        themed = (THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert _png_size(themed) == (size, size)
        assert (icons / f"app-{size}.png").read_bytes() == themed


def test_the_desktop_entry_validates_and_names_the_icon_and_command() -> None:
    entry = LINUX / f"{APP_ID}.desktop"
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(entry)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout
    text = entry.read_text("utf-8")
    assert f"\nIcon={APP_ID}\n" in text
    assert re.search(r"^Exec=mailtrixy-desktop( |$)", text, re.MULTILINE)


def test_the_metainfo_validates_and_matches_the_package() -> None:
    info = LINUX / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(info)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(info).getroot()  # noqa: S314 - our own file, not untrusted input
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == metadata.version("mailtrixy-desktop")
