"""The client's full sync against a raw httpx paging loop, on the benchmark workspace.

Prints, for 100,000 contacts, 20,000 conversations and 5,000 deals on a sandbox
on loopback:
- the raw loop's time (same pages, same concurrency), the client's full sync
  time into a fresh store, and their ratio (DESIGN.md budget: <= 1.5);
- the longest gap between event-loop ticks during the sync (budget: <= 50 ms);
- peak resident memory of this process before and after the sync;
- the outbox drain rate for 1,000 queued replies.

Usage: python benchmarks/client_sync.py [--contacts N] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import httpx

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.sync.pull import PullEngine
from mailtrixy_sandbox.process import SandboxProcess

# The lists the client's full sync pages through, with the query it sends for each
# (sync/resources.py): the raw loop reads the very same pages, so the ratio is the
# client's own time. (include= makes the server do more per contacts page.)
RESOURCES: dict[str, dict[str, str]] = {
    "/contacts": {"include": "groups,custom_fields"},
    "/conversations": {},
    "/deals": {},
}
SYNCED = ["team_members", "tags", "groups", "contacts", "conversations", "deals"]


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def raw_loop(url: str, token: str, concurrency: int) -> float:
    limits = httpx.Limits(max_connections=concurrency)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=url + "/api/v1", limits=limits, timeout=60,
                                 headers={"Authorization": f"Bearer {token}"}) as client:
        for path, query in RESOURCES.items():
            params = {**query, "per_page": "100"}
            first = (await client.get(path, params={**params, "page": "1"})).json()
            semaphore = asyncio.Semaphore(concurrency)

            async def page(
                n: int,
                path: str = path,
                params: dict[str, str] = params,
                semaphore: asyncio.Semaphore = semaphore,
            ) -> None:
                async with semaphore:
                    (await client.get(path, params={**params, "page": str(n)})).json()

            await asyncio.gather(*(page(n) for n in range(2, first["meta"]["last_page"] + 1)))
    return time.perf_counter() - started


async def watch_loop(stop: asyncio.Event) -> float:
    """The longest time the event loop could not run a 5 ms tick."""
    worst = 0.0
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(0.005)
        now = time.perf_counter()
        worst = max(worst, now - last - 0.005)
        last = now
    return worst


async def client_sync(
    url: str, token: str, store_path: Path, concurrency: int
) -> tuple[float, float]:
    async with MailTrixyClient(url, token) as client:
        store = Store.open(store_path)
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_loop(stop))
        started = time.perf_counter()
        report = await PullEngine(client, store, concurrency=concurrency).full_sync(SYNCED)
        seconds = time.perf_counter() - started
        stop.set()
        stall = await watcher
        store.close()
    if not report.ok:
        raise SystemExit(f"sync failed: {report.failed}")
    return seconds, stall


async def outbox_drain(url: str, token: str, store_path: Path, count: int) -> float:
    async with MailTrixyClient(url, token) as client:
        store = Store.open(store_path)
        workspace = Workspace(client, store)
        conversation_id = workspace.inbox.ids(status="all")[0]
        for n in range(count):
            workspace.inbox.reply(conversation_id, {"body_html": f"<p>Benchmark reply {n}</p>"})
        started = time.perf_counter()
        while True:
            await workspace.outbox.drain()
            if not [o for o in workspace.operations()
                    if o.state in (OpState.QUEUED, OpState.SENDING)]:
                break
        seconds = time.perf_counter() - started
        await workspace.close()
        store.close()
    return seconds


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--contacts", type=int, default=100_000)
    p.add_argument("--conversations", type=int, default=20_000)
    p.add_argument("--deals", type=int, default=5_000)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--replies", type=int, default=1_000)
    p.add_argument("--data-dir", help="a sandbox data directory to reuse (seeded on first use)")
    args = p.parse_args()
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="mtx-sync-bench-")
    work = Path(tempfile.mkdtemp(prefix="mtx-client-"))
    sandbox_args = ["--data-dir", data_dir, "--seed", "demo", "--contacts", str(args.contacts),
                    "--conversations", str(args.conversations), "--deals", str(args.deals),
                    "--rate-limit", "100000000"]
    started = time.perf_counter()
    with SandboxProcess(sandbox_args) as sandbox:
        print(f"sandbox ready in {time.perf_counter() - started:.1f} s")
        raw = asyncio.run(raw_loop(sandbox.url, sandbox.token, args.concurrency))
        print(f"raw httpx paging loop: {raw:.1f} s")
        before = peak_rss_mb()
        synced, stall = asyncio.run(client_sync(sandbox.url, sandbox.token,
                                                work / "ws.sqlite3", args.concurrency))
        print(f"client full sync: {synced:.1f} s  (ratio {synced / raw:.2f}, budget 1.5)")
        print(f"longest event-loop stall during the sync: {stall * 1000:.0f} ms (budget 50)")
        print(f"peak RSS: {before:.0f} MB before the sync, {peak_rss_mb():.0f} MB after")
        drained = asyncio.run(outbox_drain(sandbox.url, sandbox.token, work / "ws.sqlite3",
                                           args.replies))
        print(f"outbox: {args.replies} replies drained in {drained:.1f} s "
              f"({args.replies / drained:.0f} per second)")


if __name__ == "__main__":
    main()
