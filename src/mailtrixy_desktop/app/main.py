"""``mailtrixy-desktop``: the command line."""

from __future__ import annotations

import argparse
import shutil
import sys
from importlib import metadata

from mailtrixy_desktop import __version__
from mailtrixy_desktop.app import demo, paths

DISTRIBUTION = "mailtrixy-desktop"
SANDBOX_MODULE = "mailtrixy_sandbox"


def version() -> str:
    """The installed distribution's version; the source tree's when it is not installed
    (a checkout on ``PYTHONPATH``, a frozen build without its metadata)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mailtrixy-desktop", description="MailTrixy Desktop, a CRM client for MailTrixy."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {version()}")
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
    p.add_argument(
        "--smoke",
        action="store_true",
        help="check this installation: start on a throw-away demo workspace, paint the "
        "main window, and exit 0 (non-zero with the reason on failure)",
    )
    p.add_argument(
        "--smoke-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="with --smoke: give up after this long (default 60)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if getattr(sys, "frozen", False) and args_in[:2] == ["-m", SANDBOX_MODULE]:
        # A frozen build has no interpreter to run ``python -m mailtrixy_sandbox`` with:
        # SandboxProcess starts sys.executable (this very program) with those arguments,
        # so the program serves as the sandbox itself.
        return run_sandbox(args_in[2:])
    args = parser().parse_args(args_in)
    if args.smoke:
        from mailtrixy_desktop.app import smoke

        return smoke.run(timeout=args.smoke_timeout)
    if args.demo:
        return run_demo(fresh=args.fresh)
    from mailtrixy_desktop.app import startup

    return startup.run_signed_in()


def run_sandbox(argv: list[str]) -> int:
    from mailtrixy_sandbox import cli

    return cli.main(argv)


def run_demo(*, fresh: bool = False) -> int:
    """The demo workspace: its sandbox as a child process, the window over it."""
    from mailtrixy_desktop.app import single_instance
    from mailtrixy_desktop.app.runner import AppSession, prepare_qt, run_session

    app, _loop = prepare_qt()
    data_dir = paths.user_data_dir() / "workspaces" / "demo"
    if single_instance.ask_running_instance(data_dir):
        print("MailTrixy Desktop is already running the demo workspace; brought it to the front.")
        return 0
    print(
        "Starting the demo workspace (first start seeds it; this takes a few seconds)…", flush=True
    )
    if fresh and data_dir.exists():
        shutil.rmtree(data_dir)  # the cache of the old demo data would not match the new seed
    sandbox = demo.start_demo_sandbox(fresh=fresh)
    try:
        print(
            f"Demo workspace running at {sandbox.url} (data in {paths.demo_sandbox_dir()}).\n"
            f"  API:   {sandbox.api_url}\n"
            f"  Token: {sandbox.token}\n"
            f"  Docs:  {sandbox.url}/docs",
            flush=True,
        )
        session = AppSession(sandbox.url, sandbox.token, data_dir, title="MailTrixy Desktop — Demo")

        def activate() -> None:
            if session.window is not None:
                session.window.showNormal()
                session.window.raise_()
                session.window.activateWindow()

        server = single_instance.InstanceServer(data_dir, activate)
        try:
            code = run_session(session)
        finally:
            server.close()
    finally:
        sandbox.stop()
    del app
    print("Demo workspace stopped.", flush=True)
    return code
