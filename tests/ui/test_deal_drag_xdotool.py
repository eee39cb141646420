"""A real mouse drag on the deals board: Xvfb, the app in a child process, xdotool.

The drag goes through X11 and Qt's own drag-and-drop (QDrag), as a person's would;
the test then asks the server for the deal's stage.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Api

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="needs Xvfb and xdotool (scripts/bootstrap.sh test installs them)",
)


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server; its number is chosen by Xvfb itself (-displayfd)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display), check=True)


def test_dragging_a_card_from_lead_to_proposal_with_the_mouse(
    display: str, sandbox: SandboxProcess, api: Api, tmp_path: Path
) -> None:
    contact = api.make_contact()
    deal = api.make_deal(contact["id"], title=f"Drag me {uuid.uuid4().hex[:6]}", stage="lead")
    env = dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        MAILTRIXY_TEST_TOKEN=sandbox.token,
        MAILTRIXY_COLOR_SCHEME="light",
    )
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.app_process",
            sandbox.url,
            str(tmp_path / "ws"),
            "--deal-drag",
            str(deal["id"]),
            "proposal",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the board is up (or the child dies)
        assert line.startswith("{"), child.stderr.read() if child.stderr else line
        where = json.loads(line)
        (x, y), (tx, ty) = where["card"], where["drop"]
        # Press, move past the drag distance in small steps (as a hand does), over the
        # target column, release. The pauses pace the gesture (X events a person makes
        # are spread in time); they wait for nothing.
        steps = [
            "mousemove",
            str(x),
            str(y),
            "mousedown",
            "1",
        ]
        for i in range(1, 21):
            steps += [
                "sleep",
                "0.02",
                "mousemove",
                str(x + (tx - x) * i // 20),
                str(y + (ty - y) * i // 20),
            ]
        steps += ["sleep", "0.1", "mouseup", "1"]
        xdotool(display, *steps)

        deadline = time.monotonic() + 30
        stage = ""
        while time.monotonic() < deadline:
            stage = api.data(api.get(f"/deals/{deal['id']}"))["stage"]
            if stage == "proposal":
                break
            time.sleep(0.1)
        assert stage == "proposal"
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
