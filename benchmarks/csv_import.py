"""CSV import: reading and validating a large file, and the import rate against a sandbox.

Prints:
- the time to inspect (detect the format, read the header, sample and row count)
  and to validate (every email checked, repeats found, the workspace's emails
  looked up in the cache) a file of 50,000 rows, with 10,000 of them already in
  the cache;
- the longest gap between event-loop ticks while validation runs, and while the
  job is stored (both run in a worker thread, so the window keeps painting);
- the rate of an import of 2,000 rows into a fresh empty sandbox (4 at a time),
  and the export rate of those contacts back to a file.

Usage: python benchmarks/csv_import.py [--rows N] [--import-rows N] [--concurrency N]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import Contact
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.services.contact_csv import ContactCsvService
from mailtrixy_desktop.store import contact_imports
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_sandbox.process import SandboxProcess

sys.path.insert(0, str(Path(__file__).parent))
from client_sync import watch_loop  # the same stall measure as the sync benchmark


def write_file(path: Path, rows: int, prefix: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Name", "Email", "Company", "Phone", "Tags", "Plan", "Seats", "Active"])
        for i in range(rows):
            email = f"{prefix}{i}@example.com" if i % 50 else f"{prefix}{i}-at-example.com"
            writer.writerow(
                [
                    f"Person {i}",
                    email,
                    f"Company {i % 300}",
                    f"+1-555-{i:07d}",
                    "lead;newsletter" if i % 3 else "customer",
                    "pro" if i % 2 else "free",
                    i % 40,
                    "true" if i % 5 else "false",
                ]
            )


def seed_cache(store: Store, count: int, prefix: str) -> None:
    now = dt.datetime.now(dt.UTC)
    upsert_contacts(
        store,
        [
            Contact(
                id=i + 1,
                name=f"Person {i}",
                email=f"{prefix}{i * 5}@example.com",
                created_at=now,
                updated_at=now,
            )
            for i in range(count)
        ],
    )


async def validate_large(work: Path, rows: int) -> None:
    path = work / "large.csv"
    write_file(path, rows, "big")
    store = Store.open(work / "validate.sqlite3")
    seed_cache(store, rows // 5, "big")
    service = ContactCsvService(Commands(store, ChangeHub(), lambda: None), _NoClient())  # type: ignore[arg-type]
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_loop(stop))
    started = time.perf_counter()
    inspection = await service.inspect(path)
    inspected = time.perf_counter()
    preview = await service.preview(inspection, inspection.mapping)
    validated = time.perf_counter()
    stop.set()
    worst = await watcher
    print(
        f"inspect {rows:,} rows: {inspected - started:.2f} s; "
        f"validate: {validated - inspected:.2f} s "
        f"({rows / (validated - inspected):,.0f} rows/s); "
        f"bad {preview.bad:,}, existing {preview.existing:,}, new {preview.new:,}"
    )
    print(f"longest event-loop stall while validating: {worst * 1000:.0f} ms")
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_loop(stop))
    started = time.perf_counter()
    job_id = await service.create_job(preview, "update")
    took = time.perf_counter() - started
    stop.set()
    worst = await watcher
    print(f"storing the job ({rows:,} rows): {took:.2f} s")
    print(f"longest event-loop stall while storing the job: {worst * 1000:.0f} ms")
    assert contact_imports.job(store, job_id) is not None
    store.close()


class _NoClient:
    """Validation never talks to the server."""


async def raw_rate(sandbox: SandboxProcess, rows: int, concurrency: int) -> float:
    """The same creates from a bare httpx loop: what the server and loopback allow."""
    import httpx

    queue = list(range(rows))
    headers = {"Authorization": f"Bearer {sandbox.token}"}
    async with httpx.AsyncClient(base_url=sandbox.api_url, headers=headers, timeout=60) as http:

        async def worker() -> None:
            while queue:
                i = queue.pop()
                body = {"name": f"Raw {i}", "email": f"raw{i}@example.com", "tags": ["lead"]}
                response = await http.post("/contacts", json=body)
                response.raise_for_status()

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return rows / (time.perf_counter() - started)


async def import_rate(work: Path, sandbox: SandboxProcess, rows: int, concurrency: int) -> None:
    path = work / "import.csv"
    write_file(path, rows, "imp")
    store = Store.open(work / "import.sqlite3")
    async with MailTrixyClient(sandbox.url, sandbox.token) as client:
        service = ContactCsvService(
            Commands(store, ChangeHub(), lambda: None), client, concurrency=concurrency
        )
        inspection = await service.inspect(path)
        preview = await service.preview(inspection, inspection.mapping)
        _, task = await service.start(preview, "update")
        report = await task
        c = report.counts
        print(
            f"import {rows:,} rows ({concurrency} at a time): {report.seconds:.1f} s, "
            f"{(c.done + c.failed) / report.seconds:,.0f} rows/s; "
            f"created {c.created:,}, failed {c.failed:,}, state {report.state}"
        )
        ids = store.column("SELECT id FROM contacts ORDER BY id")
        started = time.perf_counter()
        written = await service.export(ids, service.export_columns(), work / "export.csv")
        took = time.perf_counter() - started
        print(f"export {written:,} contacts: {took:.2f} s ({written / took:,.0f} rows/s)")
    store.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=50_000)
    p.add_argument("--import-rows", type=int, default=2_000)
    p.add_argument("--concurrency", type=int, default=4)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="mtx-csv-bench-") as tmp:
        work = Path(tmp)
        asyncio.run(validate_large(work, args.rows))
        sandbox_args = [
            "--data-dir",
            str(work / "sandbox"),
            "--seed",
            "empty",
            "--rate-limit",
            "100000000",
        ]
        with SandboxProcess(sandbox_args) as sandbox:
            raw = asyncio.run(raw_rate(sandbox, args.import_rows, args.concurrency))
            print(f"bare httpx creates ({args.concurrency} at a time): {raw:,.0f} rows/s")
            asyncio.run(import_rate(work, sandbox, args.import_rows, args.concurrency))


if __name__ == "__main__":
    main()
