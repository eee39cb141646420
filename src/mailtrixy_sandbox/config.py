"""Run-time settings of one sandbox: sizes, tokens, faults, rate limits, timers."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

ALL_SCOPES: tuple[str, ...] = ("contacts", "conversations", "campaigns", "deals", "webhooks")


@dataclass
class SeedSizes:
    """How much demo data ``--seed demo`` generates."""

    contacts: int = 2_500
    conversations: int = 600
    deals: int = 240
    campaigns: int = 24
    team_members: int = 6


@dataclass
class FaultSettings:
    """Faults injected in front of ``/api/v1``; changeable at run time via ``/_admin/faults``."""

    latency_ms: int = 0
    jitter_ms: int = 0
    error_rate: float = 0.0  # share of requests answered with ``error_status``
    error_status: int = 500
    drop_rate: float = 0.0  # share of requests whose connection is cut
    drop_phase: str = "before"  # before | after (after: the request took effect) | random
    offline: bool = False  # every API connection is cut before anything is read
    processing_ms: int = 0  # a slow server: time spent "working" once a request is accepted

    def update(self, changes: dict[str, Any]) -> list[str]:
        """Apply ``changes``; return the names that are not valid settings or values."""
        names = {f.name: f for f in fields(self)}
        problems: list[str] = []
        for key, value in changes.items():
            if key not in names:
                problems.append(f"{key}: unknown setting")
                continue
            current = getattr(self, key)
            try:
                if isinstance(current, bool):
                    if not isinstance(value, bool):
                        raise ValueError
                    new: Any = value
                elif isinstance(current, int):
                    new = int(value)
                    if new < 0:
                        raise ValueError
                elif isinstance(current, float):
                    new = float(value)
                    if not 0.0 <= new <= 1.0:
                        raise ValueError
                else:
                    new = str(value)
            except (TypeError, ValueError):
                problems.append(f"{key}: invalid value {value!r}")
                continue
            if key == "drop_phase" and new not in ("before", "after", "random"):
                problems.append("drop_phase: must be before, after or random")
                continue
            if key == "error_status" and not 500 <= new <= 599:
                problems.append("error_status: must be a 5xx status")
                continue
            setattr(self, key, new)
        return problems

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class RateLimitSettings:
    """Per-token token bucket: ``limit`` requests per ``window_seconds``."""

    limit: int = 300
    window_seconds: float = 60.0


@dataclass
class SandboxConfig:
    host: str = "127.0.0.1"
    port: int = 0
    data_dir: str | None = None  # None: everything in memory
    seed: str = "empty"  # demo | empty
    seed_random: int = 20260325
    sizes: SeedSizes = field(default_factory=SeedSizes)
    extra_tokens: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    admin_token: str | None = None
    faults: FaultSettings = field(default_factory=FaultSettings)
    rate_limit: RateLimitSettings = field(default_factory=RateLimitSettings)
    allow_http_webhooks: bool = False  # plain http receivers, loopback only
    deliver_external_webhooks: bool = False  # off: never send traffic off this machine
    webhook_max_attempts: int = 6
    webhook_retry_base_seconds: float = 1.0
    campaign_tick_seconds: float = 0.5
    campaign_send_steps: int = 10
    simulate_every_seconds: float = 0.0  # 0: the customer simulation is off
    idempotency_ttl_hours: int = 24
