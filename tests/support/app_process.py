"""The whole app in a child process, for tests that kill it or drive it with a real
mouse: ``python -m tests.support.app_process URL DATA_DIR [--deal-drag DEAL_ID STAGE]``
with the token in MAILTRIXY_TEST_TOKEN (never on a command line).

``--deal-drag`` opens the Deals pane once synced and prints one JSON line with the
screen positions of that deal's card and of the STAGE column, for xdotool.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtWidgets import QListView

from mailtrixy_desktop.app.runner import AppSession, prepare_qt, run_session
from mailtrixy_desktop.ui.deals.column_model import DealColumnModel
from tests.ui.conftest import until


async def report_positions(session: AppSession, deal_id: int, stage: str) -> None:
    await until(lambda: session.window is not None and session.workspace is not None, within=60)
    window, workspace = session.window, session.workspace
    assert window is not None
    assert workspace is not None
    await until(lambda: workspace.sync.activity.last_finished_at is not None, within=60)
    row = window.row_of("dealsPane")
    assert row is not None
    window.showMaximized()
    window.show_pane(row)
    window.raise_()
    window.activateWindow()

    def find() -> tuple[QListView, QModelIndex] | None:
        for view in window.findChildren(QListView):
            model = view.model()
            if view.objectName().startswith("dealColumn-") and isinstance(model, DealColumnModel):
                index = model.index_of(deal_id)  # fetches down to it in a long column
                if index.isValid():
                    return view, index
        return None

    found = await until(find, within=60, what="the deal's card on the board")
    view, index = found
    view.scrollTo(index)
    target = window.findChild(QListView, f"dealColumn-{stage}")
    assert target is not None
    handle = window.windowHandle()
    await until(
        lambda: handle is not None and handle.isExposed() and target.isVisible(),
        within=30,
        what="the window mapped on the display",
    )
    card = view.viewport().mapToGlobal(view.visualRect(index).center())
    drop = target.viewport().mapToGlobal(
        QPoint(target.viewport().width() // 2, target.viewport().height() // 3)
    )
    print(json.dumps({"card": [card.x(), card.y()], "drop": [drop.x(), drop.y()]}), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--deal-drag", nargs=2, metavar=("DEAL_ID", "STAGE"))
    args = parser.parse_args()
    session = AppSession(args.url, os.environ["MAILTRIXY_TEST_TOKEN"], args.data_dir, title="Child")
    if args.deal_drag:
        deal_id, stage = int(args.deal_drag[0]), args.deal_drag[1]
        _app, loop = prepare_qt()  # the same app and loop run_session then uses
        task = loop.create_task(report_positions(session, deal_id, stage))
        task.add_done_callback(lambda t: t.cancelled() or t.exception())
    return run_session(session)


if __name__ == "__main__":
    raise SystemExit(main())
