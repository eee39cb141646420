"""Assembling one sandbox: database, seed, tokens, routers, gate, faults, background work."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.types import ASGIApp

from mailtrixy_sandbox import __version__, auth, seed
from mailtrixy_sandbox.config import ALL_SCOPES, SandboxConfig
from mailtrixy_sandbox.db import Database
from mailtrixy_sandbox.errors import install_handlers
from mailtrixy_sandbox.faults import FaultInjector
from mailtrixy_sandbox.gate import API_PREFIX, ApiGate
from mailtrixy_sandbox.idempotency import IdempotencyStore
from mailtrixy_sandbox.ratelimit import RateLimiter
from mailtrixy_sandbox.routes import (
    admin,
    campaigns,
    contacts,
    conversations,
    deals,
    groups,
    tags,
    team,
    webhooks,
)
from mailtrixy_sandbox.simulator import World
from mailtrixy_sandbox.state import SandboxState
from mailtrixy_sandbox.webhook_delivery import WebhookDispatcher

DB_FILE = "sandbox.sqlite3"
IDEMPOTENCY_KEY_PARAMETER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Makes a retried POST safe: the same key from the same token returns the "
    "first answer without a second effect (24 hours). Refused requests (400, 422) and server "
    "errors are not stored.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}
DESCRIPTION = (
    "A MailTrixy-compatible API for the desktop client's demo mode, tests and benchmarks. "
    "Every endpoint of the MailTrixy reference, plus the conventional ones the client needs "
    "(thread messages, conversation status, campaign get/update/send/delete, single-resource "
    "gets, team members, `updated_since`). Every POST honours `Idempotency-Key`."
)


def open_database(config: SandboxConfig) -> Database:
    if config.data_dir is None:
        return Database(None)
    directory = Path(config.data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    return Database(directory / DB_FILE)


def prepare(db: Database, config: SandboxConfig) -> tuple[str, str]:
    """Seed a new database and make sure the tokens exist; returns (token, admin token)."""
    if db.get_meta("seeded") is None:
        if config.seed == "demo":
            seed.seed_demo(db, config.seed_random, config.sizes)
        else:
            seed.seed_empty(db)
        db.set_meta("seeded", config.seed)
    token = db.get_meta("default_token")
    if token is None:
        token = auth.new_token()
        db.set_meta("default_token", token)
    auth.add_token(db, token, ALL_SCOPES, 1, "default")
    for extra, scopes in config.extra_tokens:
        auth.add_token(db, extra, scopes, 1, "command line")
    admin_token = config.admin_token or db.get_meta("admin_token")
    if admin_token is None:
        admin_token = auth.new_token().replace("mtx_", "adm_")
    db.set_meta("admin_token", admin_token)
    return token, admin_token


def create_app(config: SandboxConfig) -> tuple[ASGIApp, SandboxState]:
    db = open_database(config)
    token, admin_token = prepare(db, config)
    rng = random.Random(config.seed_random)
    dispatcher = WebhookDispatcher(db, config)
    state = SandboxState(
        config=config,
        db=db,
        limiter=RateLimiter(config.rate_limit),
        idempotency=IdempotencyStore(db, config.idempotency_ttl_hours),
        webhooks=dispatcher,
        default_token=token,
        admin_token=admin_token,
        world=World(db, dispatcher, config, rng),
        rng=rng,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        dispatcher.start()
        state.world.start()
        try:
            yield
        finally:
            await state.world.stop()
            await dispatcher.stop()
            db.close()

    api = FastAPI(
        title="MailTrixy API (sandbox)",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    api.state.sandbox = state
    install_handlers(api)
    for module in (contacts, conversations, campaigns, tags, groups, deals, webhooks, team):
        api.include_router(module.router, prefix=API_PREFIX)
    api.include_router(admin.router, include_in_schema=False)

    def openapi() -> dict[str, Any]:
        """FastAPI's schema, plus what the gate adds to every POST: the Idempotency-Key."""
        if api.openapi_schema is None:
            schema = get_openapi(
                title=api.title, version=api.version, description=api.description, routes=api.routes
            )
            for item in schema.get("paths", {}).values():
                post = item.get("post")
                if post is not None:
                    post.setdefault("parameters", []).append(IDEMPOTENCY_KEY_PARAMETER)
            api.openapi_schema = schema
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]

    @api.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app: ASGIApp = FaultInjector(
        ApiGate(api, state=state), config.faults, random.Random(rng.random())
    )
    return app, state
