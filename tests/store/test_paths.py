"""One cache file per workspace, with a safe name."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailtrixy_desktop.store.paths import workspace_db_path, workspaces_dir


def test_each_workspace_has_its_own_file_under_the_base(tmp_path: Path) -> None:
    first = workspace_db_path("https://api.mailtrixy.com|workspace 42", tmp_path)
    second = workspace_db_path("https://api.mailtrixy.com|workspace 43", tmp_path)
    assert first.parent == second.parent == tmp_path
    assert first != second
    assert first.suffix == ".sqlite3"


@pytest.mark.parametrize(
    "key",
    ["../../etc/passwd", "a/b\\c:d*e?f", "CON", "Müller GmbH — Köln", "  spaced  ", "." * 300],
)
def test_keys_become_safe_file_names(tmp_path: Path, key: str) -> None:
    path = workspace_db_path(key, tmp_path)
    assert path.parent == tmp_path
    stem = path.name.removesuffix(".sqlite3")
    assert stem
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in stem)
    assert not stem.startswith(".")
    assert len(path.name) < 100


def test_keys_that_reduce_to_the_same_letters_stay_apart(tmp_path: Path) -> None:
    assert workspace_db_path("a/b", tmp_path) != workspace_db_path("a:b", tmp_path)


def test_the_same_key_always_gives_the_same_file(tmp_path: Path) -> None:
    assert workspace_db_path("demo", tmp_path) == workspace_db_path("demo", tmp_path)


def test_the_default_place_is_the_user_data_folder() -> None:
    path = workspace_db_path("demo")
    assert path.parent == workspaces_dir()
    assert "MailTrixy" in str(path.parent.parent)


def test_an_empty_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        workspace_db_path("   ", tmp_path)
