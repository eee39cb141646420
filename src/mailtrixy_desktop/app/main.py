"""``mailtrixy-desktop``: the command line."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from mailtrixy_desktop import __version__
from mailtrixy_desktop.app import demo, paths


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mailtrixy-desktop", description="MailTrixy Desktop, a CRM client for MailTrixy."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--demo",
        action="store_true",
        help="run on a built-in demo workspace (a local sandbox with seeded data)",
    )
    p.add_argument(
        "--fresh",
        action="store_true",
        help="with --demo: start the demo workspace over from its seed",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.demo:
        print(
            "mailtrixy-desktop: the main window is not built yet; run with --demo to start "
            "the demo workspace's server.",
            file=sys.stderr,
        )
        return 2
    print(
        "Starting the demo workspace (first start seeds it; this takes a few seconds)…", flush=True
    )
    sandbox = demo.start_demo_sandbox(fresh=args.fresh)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        print(
            f"Demo workspace running at {sandbox.url} (data in {paths.demo_sandbox_dir()}).\n"
            f"  API:   {sandbox.api_url}\n"
            f"  Token: {sandbox.token}\n"
            f"  Docs:  {sandbox.url}/docs\n"
            "The desktop window arrives with the app issue; until then this runs the demo "
            "server only. Press Ctrl+C to stop.",
            flush=True,
        )
        while not stop.wait(0.5):
            if not sandbox.running:
                print(
                    "The demo server stopped unexpectedly:\n" + "\n".join(sandbox.stderr_tail),
                    file=sys.stderr,
                )
                return 1
    finally:
        sandbox.stop()
    print("Demo workspace stopped.")
    return 0
