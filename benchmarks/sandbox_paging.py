"""A raw httpx paging loop over every contact: the baseline for the client's full sync.

DESIGN.md budgets the client's full sync at 1.5x of this loop against the same
server. Prints pages, items, seconds and items per second, sequential and with
several requests in flight.
Usage: python benchmarks/sandbox_paging.py [--contacts N] [--concurrency K]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time

import httpx

from mailtrixy_sandbox.process import SandboxProcess


async def page_all(client: httpx.AsyncClient, concurrency: int) -> tuple[int, int]:
    first = (await client.get("/contacts", params={"per_page": 100, "page": 1})).json()
    last_page = first["meta"]["last_page"]
    items = len(first["data"])
    semaphore = asyncio.Semaphore(concurrency)

    async def fetch(page: int) -> int:
        async with semaphore:
            response = await client.get("/contacts", params={"per_page": 100, "page": page})
            response.raise_for_status()
            return len(response.json()["data"])

    counts = await asyncio.gather(*(fetch(p) for p in range(2, last_page + 1)))
    return last_page, items + sum(counts)


async def measure(url: str, token: str, concurrency: int) -> None:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {token}"},
                                 limits=limits, timeout=60) as client:
        started = time.perf_counter()
        pages, items = await page_all(client, concurrency)
        seconds = time.perf_counter() - started
    print(f"concurrency {concurrency}: {pages} pages, {items:,} contacts in {seconds:.2f} s "
          f"({items / seconds:,.0f} contacts/s)")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--contacts", type=int, default=100_000)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--data-dir", help="an already seeded sandbox data directory")
    args = p.parse_args()
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="mtx-paging-")
    sandbox_args = ["--data-dir", data_dir, "--seed", "demo", "--contacts", str(args.contacts),
                    "--conversations", "100", "--deals", "100", "--rate-limit", "10000000"]
    started = time.perf_counter()
    with SandboxProcess(sandbox_args) as sandbox:
        print(f"sandbox ready in {time.perf_counter() - started:.1f} s (seeding included)")
        for concurrency in (1, args.concurrency):
            asyncio.run(measure(sandbox.api_url, sandbox.token, concurrency))


if __name__ == "__main__":
    main()
