"""Seed the benchmark workspace and time it; then time a sandbox start on that data.

Prints: seconds to generate, rows per second, file size, start-up to ready.
Usage: python benchmarks/sandbox_seed.py [--contacts N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from mailtrixy_sandbox.app import DB_FILE
from mailtrixy_sandbox.config import SeedSizes
from mailtrixy_sandbox.db import Database
from mailtrixy_sandbox.process import SandboxProcess
from mailtrixy_sandbox.seed import seed_demo


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--contacts", type=int, default=100_000)
    p.add_argument("--conversations", type=int, default=20_000)
    p.add_argument("--deals", type=int, default=5_000)
    p.add_argument("--campaigns", type=int, default=60)
    p.add_argument("--keep", help="seed into this directory and keep it")
    args = p.parse_args()
    sizes = SeedSizes(contacts=args.contacts, conversations=args.conversations,
                      deals=args.deals, campaigns=args.campaigns)
    directory = Path(args.keep or tempfile.mkdtemp(prefix="mtx-bench-"))
    directory.mkdir(parents=True, exist_ok=True)

    # The same path the sandbox takes on first start, timed on its own.
    db = Database(directory / "seed-only.sqlite3")
    started = time.perf_counter()
    seed_demo(db, 20260325, sizes)
    seconds = time.perf_counter() - started
    rows = sum(int(db.scalar(f"SELECT COUNT(*) FROM {t}")) for t in
               ("contacts", "conversations", "messages", "deals", "campaigns", "contact_tags",
                "group_members"))
    db.close()
    size_mb = (directory / "seed-only.sqlite3").stat().st_size / 1e6
    print(f"seed: {sizes.contacts:,} contacts, {sizes.conversations:,} conversations, "
          f"{sizes.deals:,} deals in {seconds:.1f} s ({rows / seconds:,.0f} rows/s, "
          f"{size_mb:.0f} MB)")

    data_dir = directory / "sandbox"
    (data_dir).mkdir(exist_ok=True)
    (directory / "seed-only.sqlite3").rename(data_dir / DB_FILE)
    # The copied file has no "seeded" marker semantics issue: it was seeded by seed_demo,
    # so mark it to make the sandbox skip seeding.
    marker = Database(data_dir / DB_FILE)
    marker.set_meta("seeded", "demo")
    marker.close()
    started = time.perf_counter()
    with SandboxProcess(["--data-dir", str(data_dir)]) as sandbox:
        ready = time.perf_counter() - started
        print(f"sandbox start on that data: ready in {ready:.2f} s at {sandbox.url}")
    print(f"data kept in {directory}" if args.keep else f"(temporary data in {directory})")


if __name__ == "__main__":
    main()
