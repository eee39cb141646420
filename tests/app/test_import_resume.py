"""A CSV import cut short by the app closing finishes after the next start, by itself."""

from __future__ import annotations

import asyncio
import csv
import uuid
from pathlib import Path

import pytest

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.app.runner import CACHE_FILE, AppSession
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.services.contact_csv import ContactCsvService
from mailtrixy_desktop.store import contact_imports
from mailtrixy_desktop.store.database import Store
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Api
from tests.ui.conftest import run, until

pytestmark = pytest.mark.usefixtures("loop")


def test_an_interrupted_import_resumes_when_the_app_starts(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path
) -> None:
    marker = uuid.uuid4().hex[:10]
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "email", "company"])
        writer.writerows(
            [f"Person {i}", f"resume-{marker}-{i}@example.com", marker] for i in range(40)
        )
    data_dir = tmp_path / "ws"
    data_dir.mkdir()

    async def queue_a_job() -> int:
        # The job is stored as the wizard stores it; the app "closes" before it runs.
        store = Store.open(data_dir / CACHE_FILE)
        async with MailTrixyClient(sandbox.url, sandbox.token) as client:
            service = ContactCsvService(Commands(store, ChangeHub(), lambda: None), client)
            inspection = await service.inspect(path)
            preview = await service.preview(inspection, inspection.mapping)
            job_id = await service.create_job(preview, "update")
        store.execute("UPDATE import_jobs SET state = 'running' WHERE id = ?", (job_id,))
        store.close()
        return job_id

    def server_count() -> int:
        meta = api.get("/contacts", params={"search": marker, "per_page": 1}).json()["meta"]
        return int(meta["total"])

    async def scenario() -> None:
        job_id = await queue_a_job()
        session = AppSession(sandbox.url, sandbox.token, data_dir)
        await session.start(sync=False)
        try:
            workspace = session.workspace
            assert workspace is not None

            def finished() -> bool:
                job = contact_imports.job(workspace.store, job_id)
                return job is not None and job.state == "finished"

            await until(finished, within=60, what="the import to finish by itself")
            assert server_count() == 40
        finally:
            await session.close()

    run(loop, scenario(), timeout=120)
