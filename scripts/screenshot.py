"""Open the app on a sandbox, wait for the first sync, and save a PNG of each pane.

    python scripts/screenshot.py [--out DIR] [--dark] [--contacts N] [--data-dir DIR]

Runs offscreen (or under Xvfb when DISPLAY is set); for looking at what we built.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path

from mailtrixy_sandbox.process import SandboxProcess


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "mailtrixy-shots"))
    p.add_argument("--dark", action="store_true")
    p.add_argument("--contacts", type=int, default=2000)
    p.add_argument("--data-dir", help="sandbox data directory to reuse")
    p.add_argument("--size", default="1360x860")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in os.environ else "xcb")
    os.environ["MAILTRIXY_COLOR_SCHEME"] = "dark" if args.dark else "light"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sandbox_dir = args.data_dir or tempfile.mkdtemp(prefix="mtx-shot-sandbox-")
    sandbox_args = [
        "--data-dir",
        sandbox_dir,
        "--seed",
        "demo",
        "--contacts",
        str(args.contacts),
        "--rate-limit",
        "100000",
    ]

    from PySide6.QtWidgets import QListView, QTableView

    from mailtrixy_desktop.app.runner import AppSession, prepare_qt

    app, loop = prepare_qt()
    width, height = (int(v) for v in args.size.split("x"))
    with SandboxProcess(sandbox_args) as sandbox:
        session = AppSession(
            sandbox.url,
            sandbox.token,
            Path(tempfile.mkdtemp(prefix="mtx-shot-")),
            title="MailTrixy Desktop — Demo",
        )

        async def scenario() -> None:
            window = await session.start()
            window.resize(width, height)
            deadline = time.monotonic() + 120
            while not session.workspace.sync.activity.last_finished_at:  # type: ignore[union-attr]
                if time.monotonic() > deadline:
                    raise SystemExit("no sync within 120 s")
                await asyncio.sleep(0.05)
            for row in range(len(window.entries)):
                window.show_pane(row)
                pane = window.current_pane
                assert pane is not None
                table = pane.findChild(QTableView, "contactsTable")
                if table is not None:
                    table.selectRow(0)  # the detail panel shows the first contact
                listing = pane.findChild(QListView, "conversationList")
                if listing is not None and listing.model().rowCount() > 0:
                    listing.setCurrentIndex(listing.model().index(0, 0))  # a thread to read
                    await asyncio.sleep(1.0)  # its messages come from the server
                await asyncio.sleep(0.3)  # let deferred paints and debounced reads land
                name = out / f"{pane.objectName()}{'-dark' if args.dark else ''}.png"
                window.grab().save(str(name))
                print(name)
            await session.close()

        loop.run_until_complete(scenario())
    loop.close()
    app.shutdown()  # deleted now, not by the collector at exit (PySide6 crashes there)


if __name__ == "__main__":
    main()
