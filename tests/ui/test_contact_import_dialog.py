"""The CSV import wizard and the export dialog, driven through their widgets against
the sandbox: what a person sees on each page, and what the server holds after."""

from __future__ import annotations

import asyncio
import csv
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWizard

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.ui.contacts.export_dialog import ExportDialog
from mailtrixy_desktop.ui.contacts.import_dialog import (
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_REPORT,
    PAGE_VALIDATION,
    ImportDialog,
)
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api
from tests.ui.conftest import run, until

FAST = RetryPolicy(max_attempts=3, base_delay=0.02, max_delay=0.2, max_total=5)


class Env:
    def __init__(self, sandbox: SandboxProcess, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.store_path = tmp_path / "ws.sqlite3"
        self.client = MailTrixyClient(sandbox.url, sandbox.token, retry=FAST)
        self.store = Store.open(self.store_path)
        self.workspace = Workspace(self.client, self.store)

    async def close(self) -> None:
        await self.client.aclose()
        self.store.close()


@pytest.fixture
def env(sandbox: SandboxProcess, tmp_path: Path, loop: asyncio.AbstractEventLoop) -> Iterator[Env]:
    e = Env(sandbox, tmp_path)
    yield e
    run(loop, e.close())


def write_csv(path: Path, rows: list[list[Any]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def server_count(api: Api, marker: str) -> int:
    return int(
        api.get("/contacts", params={"search": marker, "per_page": 1}).json()["meta"]["total"]
    )


def find(dialog: Any, kind: type[Any], name: str) -> Any:
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


async def next_page(wizard: QWizard, qtbot: Any) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    await until(button.isEnabled, what="Next to be enabled")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_wizard_imports_a_semicolon_file_and_reports_what_failed(
    env: Env, api: Api, qtbot: Any, qtmodeltester: Any, loop: asyncio.AbstractEventLoop
) -> None:
    marker = uuid.uuid4().hex[:10]
    rows: list[list[Any]] = [["Name", "E-mail", "Company", "Tags", "Seats"]]
    for i in range(40):
        email = f"ui-{marker}-{i}@example.com" if i != 5 else "broken-address"
        rows.append([f"Person {i}", email, f"Co {marker}", "lead; Big Fish", i])
    rows.append(["Again", f"ui-{marker}-1@example.com", "", "", ""])  # repeats row 3
    path = write_csv(env.tmp / "people.csv", rows, delimiter=";")
    saved = env.tmp / "failed.csv"

    async def scenario() -> None:
        dialog = ImportDialog(env.workspace)
        qtbot.addWidget(dialog)
        dialog.ask_save_path = lambda: str(saved)
        dialog.show()
        assert dialog.currentId() == PAGE_FILE
        dialog.set_file(path)
        info = find(dialog, QLabel, "importFileInfo")
        await until(lambda: "41 rows" in info.text(), what="the file to be read")
        assert dialog.file_page.delimiter.currentData() == ";"
        assert dialog.file_page.encoding.currentData() == "utf-8"

        await next_page(dialog, qtbot)
        assert dialog.currentId() == PAGE_MAPPING
        preview = find(dialog, QTableView, "importPreviewTable")
        model = preview.model()
        qtmodeltester.check(model)
        assert model.rowCount() == 20  # a sample, not the file
        assert model.headerData(1, Qt.Orientation.Horizontal) == "E-mail\n→ Email"
        assert model.headerData(4, Qt.Orientation.Horizontal) == "Seats\n→ Custom field “Seats”"

        await next_page(dialog, qtbot)
        assert dialog.currentId() == PAGE_VALIDATION
        counts = find(dialog, QLabel, "importCounts")
        await until(lambda: "41 rows" in counts.text(), what="the validation preview")
        assert "39 new" in counts.text()
        assert "1 repeated" in counts.text()
        assert "1 with problems" in counts.text()
        issues = find(dialog, QTableView, "importIssues").model()
        qtmodeltester.check(issues)
        assert issues.rowCount() == 2
        assert issues.index(0, 1).data() == "broken-address"
        assert "not valid" in issues.index(0, 2).data()

        await next_page(dialog, qtbot)
        await until(lambda: dialog.currentId() == PAGE_REPORT, within=60, what="the import")
        report = find(dialog, QLabel, "importReport")
        assert "The import is finished." in report.text()
        assert "39 created" in report.text()
        assert "1 skipped, 1 failed" in report.text()
        save = find(dialog, QPushButton, "importSaveFailed")
        assert save.isEnabled()
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        with saved.open(encoding="utf-8", newline="") as f:
            failed = list(csv.reader(f, delimiter=";"))
        assert failed[0][-2:] == ["row", "error"]
        assert [r[1] for r in failed[1:]] == ["broken-address"]
        dialog.close()

    run(loop, scenario())
    assert server_count(api, marker) == 39
    tags = api.data(api.get("/contacts", params={"search": f"ui-{marker}-2@"}))[0]["tags"]
    assert sorted(t["name"] for t in tags) == ["big-fish", "lead"]


def test_a_cancelled_import_is_listed_and_resumes_from_a_new_wizard(
    env: Env,
    api: Api,
    admin: Admin,
    qtbot: Any,
    qtmodeltester: Any,
    loop: asyncio.AbstractEventLoop,
) -> None:
    marker = uuid.uuid4().hex[:10]
    rows: list[list[Any]] = [["name", "email", "company"]]
    rows += [[f"P {i}", f"res-{marker}-{i}@example.com", f"Co {marker}"] for i in range(150)]
    path = write_csv(env.tmp / "resume.csv", rows)

    async def first_run() -> None:
        dialog = ImportDialog(env.workspace)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.set_file(path)
        await until(lambda: dialog.inspection is not None, what="the file to be read")
        await next_page(dialog, qtbot)
        await next_page(dialog, qtbot)
        await until(lambda: dialog.preview is not None, what="the validation preview")
        admin.rate_limit(limit=20, window_seconds=1)  # slow enough to cancel half-way
        await next_page(dialog, qtbot)
        await until(
            lambda: dialog.last_progress is not None and dialog.last_progress.done >= 10,
            within=30,
            what="some rows to be imported",
        )
        qtbot.mouseClick(find(dialog, QPushButton, "importCancel"), Qt.MouseButton.LeftButton)
        await until(lambda: dialog.currentId() == PAGE_REPORT, within=30, what="the cancel")
        assert "cancelled" in find(dialog, QLabel, "importReport").text()
        dialog.close()
        admin.rate_limit(100000, 60)

    async def second_run() -> None:
        dialog = ImportDialog(env.workspace)
        qtbot.addWidget(dialog)
        dialog.show()
        jobs = find(dialog, QTableView, "importJobs")
        qtmodeltester.check(jobs.model())
        assert jobs.model().rowCount() == 1
        assert jobs.model().index(0, 2).data() == "Cancelled"
        assert jobs.model().index(0, 6).data() == "150"
        resume = find(dialog, QPushButton, "importResume")
        assert not resume.isEnabled()
        jobs.selectRow(0)
        await until(resume.isEnabled, what="Resume to be enabled")
        qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.currentId() == PAGE_REPORT, within=60, what="the resume")
        assert "150 created" in find(dialog, QLabel, "importReport").text()
        dialog.close()

    run(loop, first_run())
    assert 0 < server_count(api, marker) < 150
    run(loop, second_run())
    assert server_count(api, marker) == 150


def test_export_dialog_writes_the_checked_columns_with_a_bom(
    env: Env, api: Api, qtbot: Any, qtmodeltester: Any, loop: asyncio.AbstractEventLoop
) -> None:
    marker = uuid.uuid4().hex[:10]
    made = [
        api.make_contact(
            name=f"Exp {i}",
            email=f"exp-{marker}-{i}@example.com",
            tags=["vip"],
            custom_fields={"seats": i},
        )
        for i in range(3)
    ]

    async def scenario() -> None:
        upsert_contacts(env.store, [await env.client.contacts.get(m["id"]) for m in made])
        ids = [m["id"] for m in reversed(made)]
        out = env.tmp / "export.csv"
        dialog = ExportDialog(env.workspace, ids, ["name", "email", "tags", "custom:seats"])
        qtbot.addWidget(dialog)
        qtmodeltester.check(dialog.columns_model)
        assert dialog.chosen_columns() == ["name", "email", "tags", "custom:seats"]
        dialog.path.setText(str(out))
        dialog.bom.setChecked(True)
        dialog.show()
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.written is not None, what="the export")
        assert dialog.written == 3
        data = out.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        lines = data.decode("utf-8-sig").splitlines()
        assert lines[0] == "name,email,tags,seats"
        assert lines[1] == f"Exp 2,exp-{marker}-2@example.com,vip,2"

    run(loop, scenario())
