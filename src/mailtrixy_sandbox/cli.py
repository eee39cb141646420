"""``mailtrixy-sandbox``: run a sandbox on loopback until interrupted.

When it is ready it prints ``MAILTRIXY_SANDBOX_URL=...``,
``MAILTRIXY_SANDBOX_TOKEN=...`` (a full-scope token) and
``MAILTRIXY_SANDBOX_ADMIN_TOKEN=...``, one per line, for whoever started it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import logging
import signal
import socket
import sys
import time
from collections.abc import Iterator
from types import FrameType

import uvicorn

from mailtrixy_sandbox import __version__
from mailtrixy_sandbox.app import create_app
from mailtrixy_sandbox.config import (
    ALL_SCOPES,
    FaultSettings,
    RateLimitSettings,
    SandboxConfig,
    SeedSizes,
)


def _token(text: str) -> tuple[str, tuple[str, ...]]:
    # "TOKEN" has every scope; "TOKEN:" has none; "TOKEN:a,b" has a and b.
    token, colon, scopes = text.partition(":")
    names = tuple(s.strip() for s in scopes.split(",") if s.strip()) if colon else ALL_SCOPES
    unknown = [s for s in names if s not in ALL_SCOPES]
    if not token or unknown:
        raise argparse.ArgumentTypeError(
            f"expected TOKEN:scope,scope with scopes from {', '.join(ALL_SCOPES)}"
        )
    return token, names


def _share(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mailtrixy-sandbox",
        description="A MailTrixy-compatible API server for demos, tests and benchmarks.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    p.add_argument(
        "--allow-non-loopback",
        action="store_true",
        help="allow --host to be an address other than loopback",
    )
    p.add_argument("--data-dir", help="keep data in this directory (default: in memory)")
    p.add_argument(
        "--seed",
        choices=("demo", "empty"),
        default="empty",
        help="data for a new workspace (default: empty)",
    )
    p.add_argument("--seed-random", type=int, default=20260325, help="random seed for --seed demo")
    sizes = SeedSizes()
    for name in ("contacts", "conversations", "deals", "campaigns"):
        p.add_argument(
            f"--{name}",
            type=int,
            default=getattr(sizes, name),
            help=f"how many {name} --seed demo makes (default {getattr(sizes, name)})",
        )
    p.add_argument(
        "--token",
        type=_token,
        action="append",
        default=[],
        metavar="TOKEN:SCOPES",
        help="add a token with these scopes (repeatable)",
    )
    p.add_argument("--admin-token", help="token for /_admin (default: generated)")
    p.add_argument("--rate-limit", type=int, default=300, help="requests per window per token")
    p.add_argument("--rate-window", type=float, default=60.0, help="window in seconds")
    faults = p.add_argument_group("faults")
    faults.add_argument("--latency-ms", type=int, default=0)
    faults.add_argument("--jitter-ms", type=int, default=0)
    faults.add_argument(
        "--error-rate",
        type=_share,
        default=0.0,
        help="share of requests answered with --error-status",
    )
    faults.add_argument("--error-status", type=int, default=500)
    faults.add_argument("--drop-rate", type=_share, default=0.0, help="share of connections cut")
    faults.add_argument(
        "--drop-phase",
        choices=("before", "after", "random"),
        default="before",
        help="cut before handling, or after the request took effect",
    )
    faults.add_argument("--offline", action="store_true", help="start refusing every API call")
    faults.add_argument(
        "--processing-ms",
        type=int,
        default=0,
        help="extra time the server spends on each accepted API request",
    )
    hooks = p.add_argument_group("webhooks")
    hooks.add_argument(
        "--allow-http-webhooks", action="store_true", help="accept plain http receivers on loopback"
    )
    hooks.add_argument(
        "--deliver-external-webhooks",
        action="store_true",
        help="also deliver to receivers off this machine",
    )
    hooks.add_argument("--webhook-max-attempts", type=int, default=6)
    hooks.add_argument(
        "--webhook-retry-base",
        type=float,
        default=1.0,
        help="first retry delay in seconds; doubles each time",
    )
    world = p.add_argument_group("living workspace")
    world.add_argument(
        "--campaign-tick", type=float, default=0.5, help="seconds between steps of a campaign send"
    )
    world.add_argument("--campaign-steps", type=int, default=10, help="steps a campaign send takes")
    world.add_argument(
        "--simulate-every",
        type=float,
        default=0.0,
        help="seconds between simulated customer messages (0: off)",
    )
    p.add_argument(
        "--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug")
    )
    return p


def config_from(args: argparse.Namespace) -> SandboxConfig:
    return SandboxConfig(
        host=args.host,
        port=args.port,
        data_dir=args.data_dir,
        seed=args.seed,
        seed_random=args.seed_random,
        sizes=SeedSizes(
            contacts=args.contacts,
            conversations=args.conversations,
            deals=args.deals,
            campaigns=args.campaigns,
        ),
        extra_tokens=list(args.token),
        admin_token=args.admin_token,
        faults=FaultSettings(
            latency_ms=args.latency_ms,
            jitter_ms=args.jitter_ms,
            error_rate=args.error_rate,
            error_status=args.error_status,
            drop_rate=args.drop_rate,
            drop_phase=args.drop_phase,
            offline=args.offline,
            processing_ms=args.processing_ms,
        ),
        rate_limit=RateLimitSettings(limit=args.rate_limit, window_seconds=args.rate_window),
        allow_http_webhooks=args.allow_http_webhooks,
        deliver_external_webhooks=args.deliver_external_webhooks,
        webhook_max_attempts=args.webhook_max_attempts,
        webhook_retry_base_seconds=args.webhook_retry_base,
        campaign_tick_seconds=args.campaign_tick,
        campaign_send_steps=args.campaign_steps,
        simulate_every_seconds=args.simulate_every,
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Server(uvicorn.Server):
    """uvicorn's server, but SIGINT/SIGTERM end it cleanly with exit status 0."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        def handle(sig: int, frame: FrameType | None) -> None:
            self.handle_exit(sig, frame)

        previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


async def serve(config: SandboxConfig, log_level: str) -> int:
    started = time.monotonic()
    app, state = create_app(config)
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only
    # then; without it every kept-alive response waits ~40 ms on a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((config.host, config.port))
    port = sock.getsockname()[1]
    server = _Server(
        uvicorn.Config(
            app, log_level=log_level, access_log=False, lifespan="on", timeout_graceful_shutdown=5
        )
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            await task
            return 1
        await asyncio.sleep(0.01)
    host = f"[{config.host}]" if family == socket.AF_INET6 else config.host
    print(f"MAILTRIXY_SANDBOX_URL=http://{host}:{port}", flush=True)
    print(f"MAILTRIXY_SANDBOX_TOKEN={state.default_token}", flush=True)
    print(f"MAILTRIXY_SANDBOX_ADMIN_TOKEN={state.admin_token}", flush=True)
    print(
        f"# ready in {time.monotonic() - started:.1f}s; API under /api/v1, docs at /docs; "
        "Ctrl+C stops",
        file=sys.stderr,
        flush=True,
    )
    await task
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not _is_loopback(args.host) and not args.allow_non_loopback:
        print(
            f"mailtrixy-sandbox: refusing to listen on {args.host}, which is not a loopback "
            "address; add --allow-non-loopback if you mean it.",
            file=sys.stderr,
        )
        return 2
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(serve(config_from(args), args.log_level))
    except OSError as exc:
        print(f"mailtrixy-sandbox: {exc}", file=sys.stderr)
        return 1
