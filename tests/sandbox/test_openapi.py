"""The sandbox keeps the promises of its own ``/openapi.json``, checked by schemathesis.

Schemathesis generates valid and invalid requests for every operation and checks
that the sandbox never fails with a 5xx and never answers with a status, content
type, header or body its schema does not document. It does not demand that every
schema-valid request be accepted: the sandbox validates more than the schema
expresses (unique emails, existing ids, verified sender domains...).

The run uses its own sandbox with a small demo workspace, so ids 1..N exist and
the operations on single resources get past their 404s.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mailtrixy_sandbox.process import SandboxProcess

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = ",".join(
    (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
    )
)
# Per operation and phase; with the workspace below the run takes about 40 s
# on two cores. A fixed seed keeps CI reproducible.
MAX_EXAMPLES = 50
SEED = 20260325


@pytest.fixture(scope="module")
def seeded_sandbox() -> Iterator[SandboxProcess]:
    args = [
        "--seed",
        "demo",
        "--contacts",
        "50",
        "--conversations",
        "20",
        "--deals",
        "20",
        "--campaigns",
        "10",
        "--rate-limit",
        "1000000",
    ]
    with SandboxProcess(args) as process:
        yield process


def test_the_schema_documents_every_api_operation(seeded_sandbox: SandboxProcess) -> None:
    schema = httpx.get(seeded_sandbox.url + "/openapi.json", timeout=30).json()
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/webhooks"])
    assert {"put", "delete"} <= set(paths["/api/v1/webhooks/{webhook_id}"])
    for path, operations in paths.items():
        assert path.startswith("/api/v1/")
        for method, operation in operations.items():
            documented = set(operation["responses"])
            # Any API call can meet the gate: a bad token, a missing scope, the rate limit.
            assert {"401", "403", "422", "429"} <= documented, (method, path)
            assert "Retry-After" in operation["responses"]["429"]["headers"], (method, path)


def test_the_sandbox_conforms_to_its_openapi_schema(
    seeded_sandbox: SandboxProcess, tmp_path: Path
) -> None:
    command = [
        str(SCHEMATHESIS),
        "run",
        seeded_sandbox.url + "/openapi.json",
        "--header",
        f"Authorization: Bearer {seeded_sandbox.token}",
        "--checks",
        CHECKS,
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        str(SEED),
        "--generation-database",
        "none",
        "--request-timeout",
        "10",
        "--no-color",
    ]
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False
    )
    elapsed = time.monotonic() - started
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"schemathesis failed after {elapsed:.0f}s:\n{output}"
    assert "Server error" not in output
    log = "\n".join(seeded_sandbox.stderr_tail)
    assert seeded_sandbox.running, log
    assert "Traceback" not in log, log
