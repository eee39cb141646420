"""``mailtrixy-desktop --version`` and ``--smoke`` (issue 8): what a package check runs,
in a child process as a packaging script or CI would."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import httpx
import pytest

SMOKE_TIMEOUT = 120  # the command's own default is 60 s; this only stops a hung child


def _env(home: Path) -> dict[str, str]:
    """A person's directories all under ``home``, and a keyring that always fails: the
    smoke run must need neither."""
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return dict(
        os.environ,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        TMPDIR=str(home / "tmp"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONUNBUFFERED="1",
    )


def test_version_is_the_installed_distributions_and_needs_no_qt(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from mailtrixy_desktop.app.main import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as exit:\n"
        "    print('exit', exit.code)\n"
        "print('qt loaded' if any(m.startswith('PySide6') for m in sys.modules) else 'no qt')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
        check=True,
    )
    assert result.stdout.splitlines() == [
        f"mailtrixy-desktop {metadata.version('mailtrixy-desktop')}",
        "exit 0",
        "no qt",
    ]


@pytest.mark.slow
def test_smoke_paints_the_demo_workspace_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mailtrixy_desktop", "--smoke"],
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT,
        env=_env(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("smoke: ok, the main window painted 2,500 contacts in ")
    url = next(line.split()[4] for line in lines if line.startswith("smoke: sandbox ready at "))
    with pytest.raises(httpx.ConnectError):  # the sandbox child was stopped
        httpx.get(url + "/healthz", timeout=5)
    # Its data lived in a temporary directory, now removed; the person's were never made.
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "config").exists()


def test_smoke_fails_in_one_line_when_time_runs_out(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mailtrixy_desktop", "--smoke", "--smoke-timeout", "0.5"],
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT,
        env=_env(tmp_path),
    )
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("smoke: ")]
    assert len(failures) == 1
    assert failures[0].startswith("smoke: FAILED: the demo sandbox did not start")
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_frozen_program_serves_as_its_own_sandbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # SandboxProcess runs sys.executable -m mailtrixy_sandbox; frozen, that is this program.
    from mailtrixy_desktop.app import main
    from mailtrixy_sandbox import __version__ as sandbox_version

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(SystemExit) as exit_:
        main.main(["-m", "mailtrixy_sandbox", "--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"mailtrixy-sandbox {sandbox_version}"
    # Not frozen, the same arguments are no command of ours.
    monkeypatch.setattr(sys, "frozen", False)
    with pytest.raises(SystemExit) as exit_:
        main.main(["-m", "mailtrixy_sandbox"])
    assert exit_.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
