"""Start to a painted main window with a warm cache, against a bare PySide6 window.

Both are measured in fresh processes of the same interpreter, from the moment the
process is spawned to the first paint of what matters: for the bare window its own
paint; for the app the contacts table's rows (over a cache of the benchmark
workspace, synced once beforehand). DESIGN.md's budget: within 3x of the bare
window. Also prints the app's resident memory once painted and after its first
incremental sync (budget 350 MB).

Usage: python benchmarks/app_start.py [--data-dir DIR] [--runs N]
  --data-dir: the sandbox data of client_sync.py (100,000 contacts; seeded on first use)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mailtrixy_sandbox.process import SandboxProcess


def rss_mb() -> tuple[float, float]:
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


def child_bare() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1280, 800)

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(json.dumps({"painted": time.time()}), flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = Painted()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def child_app(url: str, token: str, data_dir: str) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QTableView

    from mailtrixy_desktop.app.runner import AppSession, finish_qt, prepare_qt

    app, loop = prepare_qt()
    session = AppSession(url, token, Path(data_dir))
    painted = asyncio.Event()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted.is_set():
                print(json.dumps({"painted": time.time()}), flush=True)
                painted.set()
            return False

    watcher = Painted()

    async def scenario() -> None:
        window = await session.start(sync=False)
        table = window.findChild(QTableView, "contactsTable")
        assert table is not None
        table.viewport().installEventFilter(watcher)
        await painted.wait()
        rss, _ = rss_mb()
        workspace = session.workspace
        assert workspace is not None
        synced = asyncio.Event()
        workspace.sync.subscribe(lambda activity: synced.set() if not activity.running else None)
        workspace.sync.start()
        await synced.wait()
        after, peak = rss_mb()
        print(json.dumps({"rss_painted": rss, "rss_synced": after, "peak": peak}), flush=True)
        await session.close()

    loop.run_until_complete(scenario())
    finish_qt(loop)
    del app


def spawn(args: list[str]) -> dict[str, float]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed app has its bytecode compiled; a checkout without it would time
    # the compiler (the first, discarded run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, timeout=600
    )
    if out.returncode != 0:
        raise SystemExit(f"child failed: {out.stderr[-2000:]}")
    result: dict[str, float] = {}
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            result.update(json.loads(line))
    result["seconds"] = result["painted"] - started
    return result


async def warm(url: str, token: str, data_dir: Path) -> None:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.store.database import Store
    from mailtrixy_desktop.sync.pull import PullEngine

    async with MailTrixyClient(url, token) as client:
        store = Store.open(data_dir / "workspace.sqlite3")
        await PullEngine(client, store).full_sync()
        store.close()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-bare":
        return child_bare()
    if len(sys.argv) > 1 and sys.argv[1] == "--child-app":
        return child_app(*sys.argv[2:5])
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", help="sandbox data directory to reuse (seeded on first use)")
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    sandbox_dir = args.data_dir or tempfile.mkdtemp(prefix="mtx-start-bench-")
    sandbox_args = [
        "--data-dir",
        sandbox_dir,
        "--seed",
        "demo",
        "--contacts",
        "100000",
        "--conversations",
        "20000",
        "--deals",
        "5000",
        "--rate-limit",
        "100000000",
    ]
    client_dir = Path(tempfile.mkdtemp(prefix="mtx-start-client-"))
    with SandboxProcess(sandbox_args) as sandbox:
        started = time.perf_counter()
        asyncio.run(warm(sandbox.url, sandbox.token, client_dir))
        print(f"cache warmed by a full sync in {time.perf_counter() - started:.1f} s")
        spawn(["--child-bare"])  # warm-up: bytecode written, files in the page cache
        spawn(["--child-app", sandbox.url, sandbox.token, str(client_dir)])
        bare, app = [], []
        memory: dict[str, float] = {}
        for _ in range(args.runs):
            bare.append(spawn(["--child-bare"])["seconds"])
            result = spawn(["--child-app", sandbox.url, sandbox.token, str(client_dir)])
            app.append(result["seconds"])
            memory = result
        b, a = statistics.median(bare), statistics.median(app)
        print(f"bare PySide6 window painted: {b * 1000:.0f} ms (median of {args.runs})")
        print(
            f"app with a warm cache, contacts painted: {a * 1000:.0f} ms "
            f"(ratio {a / b:.2f}, budget 3)"
        )
        print(
            f"app resident memory: {memory['rss_painted']:.0f} MB painted, "
            f"{memory['rss_synced']:.0f} MB after an incremental sync, "
            f"peak {memory['peak']:.0f} MB (budget 350)"
        )


if __name__ == "__main__":
    main()
