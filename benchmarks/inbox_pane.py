"""The inbox pane on a cache of 20,000 conversations: filters, search, J, scrolling, memory.

Fills a temporary cache through the store's own writer (pages of 100, as sync
writes them) with synthetic conversations: subjects from a few dozen templates,
about 6,000 customers (names from ``store_search.py``), labels, assignees from a
team of six, a last-message preview each, activity spread over the past year,
and a short thread (3-8 HTML messages) for the 800 most recent. The first full
sync is recorded as done and a few hundred conversations are marked unread, so
the read marks and the "Mine" filter work as in the app. Then it opens the real
``InboxPane`` offscreen (``QT_QPA_PLATFORM=offscreen`` unless set) over a
``PaneContext`` whose client points at a closed port, and prints:

- the pane built and its list painted;
- the status filter changed from Open to All, until the list has the new ids
  and Qt has finished the paint that posted (p50/p95 over repeats; it is put
  back to Open, untimed, between them);
- search: a keystroke to the updated, painted list (p50/p95 over ~200 queries:
  prefixes of names, subject words and labels, one and two words). The pane
  waits ``SEARCH_DEBOUNCE_MS`` after the last keystroke before asking the cache,
  a timer a benchmark would only measure itself waiting on; so each keystroke is
  typed, the debounce timer stopped and ``pane.refresh()`` called directly, which
  is what the timer's timeout does. The figure is the work after the pause;
- J (next conversation) to the thread painted, over 200 steps down the Open list.
  Opening a conversation also fetches its thread from the server; there is no
  server here, so the inbox service's client is set aside (``_client = None``)
  and the cached thread is what is shown. What that fetch costs the UI thread
  when it returns (the pane hears "messages, conversations" changed and asks the
  cache again) is timed on its own, as "a fetched thread's change notice", in the
  Open list and in All, a conversation selected (a poll's notice costs the same);
- scrolling to the end of the All list and painting it;
- the process's resident memory (DESIGN.md: 350 MB for the whole app).

The clock stops when the watched widget's first paint after the change has
finished (a zero timer queued from its paint event fires), as in
``contacts_pane.py``.

Usage: python benchmarks/inbox_pane.py [--conversations N] [--queries N] [--steps N]
                                       [--repeats N] [--seed N]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

sys.path.insert(0, str(Path(__file__).parent))
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import Conversation, Message, TeamMember
from mailtrixy_desktop.services.inbox import ME_KEY
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import inbox_state, local_state, sync_state
from mailtrixy_desktop.store.conversations import upsert_conversations, upsert_messages
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.team import upsert_team_members
from mailtrixy_desktop.ui import async_bridge
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.inbox.pane import InboxPane
from mailtrixy_desktop.ui.pane import PaneContext
from store_search import FIRST, LAST, MAIL_HOSTS

NOW = dt.datetime(2026, 3, 25, 10, 0, tzinfo=dt.UTC)
TEAM = (
    (1, "Sandbox Owner"),
    (2, "Support Agent"),
    (3, "Priya Raman"),
    (4, "Tomás Silva"),
    (5, "Ingrid Hansen"),
    (6, "Kwame Mensah"),
)
LABELS = (
    "billing",
    "bug",
    "feature-request",
    "vip",
    "onboarding",
    "refund",
    "urgent",
    "api",
    "sales",
    "churn-risk",
    "integration",
    "security",
)
SUBJECTS = (
    "Invoice #{n} looks wrong",
    "Can't log in since the update",
    "Upgrade to the {plan} plan",
    "Refund for order {n}",
    "API returns 500 on /contacts",
    "How do I export my contacts?",
    "Adding {seats} seats to our account",
    "Webhook deliveries failing",
    "Question about GDPR and data retention",
    "Campaign stuck in sending",
    "Custom field not saving",
    "Two-factor authentication lost phone",
    "Pricing for nonprofits",
    "Import of {n} contacts failed",
    "Cancel my subscription",
    "Feature request: dark mode",
    "Bounce rate suddenly high",
    "Integration with Salesforce",
    "Password reset email never arrives",
    "Duplicate contacts after import",
    "Receipt for payment {n}",
    "Onboarding call next week?",
    "Team member can't see deals",
    "SSO setup with Okta",
    "Unsubscribe link broken",
    "Data export for audit",
    "Moving from the {plan} plan",
    "Our domain verification",
    "Slow dashboard today",
    "Thanks for the quick help!",
)
PLANS = ("Starter", "Growth", "Business", "Enterprise")
OPENERS = (
    "Hi there, ",
    "Hello, ",
    "Good morning! ",
    "Hey team, ",
    "Thanks for getting back to me. ",
    "Sorry to bother you again, ",
)
BODIES = (
    "we noticed that {thing} since yesterday and it is blocking our team.",
    "could you check {thing}? We tried everything in the help centre.",
    "I followed your guide but {thing} still.",
    "just a quick follow-up: {thing}, any news?",
    "that worked, thank you! One more thing: {thing}.",
)
THINGS = (
    "the invoice total does not match the quote",
    "the import stops at row 4,212",
    "our webhooks return 410",
    "two of our agents cannot log in",
    "the campaign shows 0 opens",
    "the export file is empty",
    "the API key was rotated without notice",
)


class PaintWatch(QObject):
    """When the watched widget's paints finish (a zero timer fires after each one)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.done: list[float] = []
        self.missed = 0  # waits that saw no paint
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: self.done.append(time.perf_counter()))
        return False

    def first_after(self, moment: float) -> float | None:
        return next((t for t in self.done if t >= moment), None)

    async def wait_after(self, moment: float, within: float = 1.0) -> float:
        """Let the loop run until a paint that began after ``moment`` has finished; when
        nothing needed painting within ``within`` seconds, ``moment`` itself. (Yielding
        to the qasync loop, not ``processEvents()``: that would run the tasks the pane
        spawns inside this coroutine's step, which asyncio refuses.)"""
        deadline = time.perf_counter() + within
        while (finished := self.first_after(moment)) is None:
            if time.perf_counter() > deadline:
                self.missed += 1
                finished = moment
                break
            await asyncio.sleep(0)
        self.done.clear()
        return finished


async def idle() -> None:
    """Until Qt has handled what is posted (a zero timer fires after it) and asyncio too."""
    fired: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def fire() -> None:
        if not fired.done():
            fired.set_result(None)

    QTimer.singleShot(0, fire)
    await fired
    await asyncio.sleep(0)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(label: str, laps: list[float], watch: PaintWatch | None = None) -> None:
    ordered = sorted(laps)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(
        f"{label}: p50 {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms, "
        f"max {ordered[-1]:.2f} ms over {len(ordered):,}"
    )
    if watch is not None and watch.missed:
        print(f"  ({watch.missed} of them needed no paint: timed to the new rows)")
        watch.missed = 0


# ---------------------------------------------------------------------- synthetic data


def customers(count: int, rng: random.Random) -> list[tuple[int, str, str]]:
    found = []
    for contact_id in range(1, count + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        local = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
        found.append(
            (contact_id, f"{first} {last}", f"{local}{contact_id}@{rng.choice(MAIL_HOSTS)}")
        )
    return found


def text_line(rng: random.Random) -> str:
    return rng.choice(OPENERS) + rng.choice(BODIES).format(thing=rng.choice(THINGS))


def synthetic_conversations(count: int, rng: random.Random) -> Iterator[Conversation]:
    people = customers(max(50, count * 3 // 10), rng)
    for conversation_id in range(1, count + 1):
        contact_id, name, email = rng.choice(people)
        last_at = NOW - dt.timedelta(seconds=rng.uniform(0, 365 * 86_400))
        created = last_at - dt.timedelta(seconds=rng.uniform(0, 20 * 86_400))
        status = rng.choices(("open", "snoozed", "closed"), weights=(35, 10, 55))[0]
        member = rng.choice(TEAM) if rng.random() < 0.75 else None
        values = {"n": rng.randint(10_000, 99_999), "plan": rng.choice(PLANS)}
        values["seats"] = rng.randint(3, 80)
        direction = rng.choice(("inbound", "inbound", "outbound"))
        yield Conversation.model_validate(
            {
                "id": conversation_id,
                "subject": rng.choice(SUBJECTS).format(**values),
                "status": status,
                "contact": {"id": contact_id, "name": name, "email": email},
                "assignee": None if member is None else {"id": member[0], "name": member[1]},
                "labels": rng.sample(LABELS, k=rng.choice((0, 0, 1, 1, 1, 2, 3))),
                "messages_count": rng.randint(1, 12),
                "last_message_at": last_at,
                "created_at": created,
                "updated_at": last_at,
                "snoozed_until": (
                    NOW + dt.timedelta(days=rng.randint(1, 14)) if status == "snoozed" else None
                ),
                "last_message": {"direction": direction, "snippet": text_line(rng)},
            }
        )


def synthetic_thread(
    conversation: Conversation, rng: random.Random, first_id: int
) -> list[Message]:
    count = rng.randint(3, 8)
    assert conversation.last_message_at is not None
    start = conversation.created_at
    step = (conversation.last_message_at - start) / max(1, count - 1)
    messages = []
    for index in range(count):
        inbound = index % 2 == 0
        member = conversation.assignee or TEAM[0]
        paragraphs = "".join(f"<p>{text_line(rng)}</p>" for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.3:
            paragraphs += (
                '<p>See <a href="https://help.example.com/article/42">the article</a>.</p>'
            )
        messages.append(
            Message.model_validate(
                {
                    "id": first_id + index,
                    "conversation_id": conversation.id,
                    "direction": "inbound" if inbound else "outbound",
                    "body_html": paragraphs,
                    "body_text": None,
                    "sender": None
                    if inbound
                    else {
                        "id": member[0] if isinstance(member, tuple) else member.id,
                        "name": member[1] if isinstance(member, tuple) else member.name,
                    },
                    "created_at": start + step * index,
                }
            )
        )
    return messages


def search_queries(count: int, rng: random.Random) -> list[str]:
    """What people type into an inbox search: a customer, a subject word, a label."""
    words = [w.lower() for s in SUBJECTS for w in s.split() if w.isalpha() and len(w) > 3]
    found: list[str] = []
    while len(found) < count:
        kind = rng.random()
        if kind < 0.35:
            word = rng.choice(FIRST if rng.random() < 0.5 else LAST)
        elif kind < 0.7:
            word = rng.choice(words)
        elif kind < 0.85:
            word = rng.choice(LABELS)
        else:
            word = f"{rng.choice(FIRST)} {rng.choice(LAST)[: rng.randint(1, 4)]}"
            found.append(word)
            continue
        found.append(word[: rng.randint(1, min(6, len(word)))])
    return found


def fill(store: Store, count: int, rng: random.Random) -> tuple[int, int]:
    upsert_team_members(
        store, [TeamMember(id=i, name=n, email=f"member{i}@example.com") for i, n in TEAM]
    )
    conversations = list(synthetic_conversations(count, rng))
    for start in range(0, len(conversations), 100):
        with store.transaction():
            upsert_conversations(store, conversations[start : start + 100], synced_at=NOW)
    recent = sorted(conversations, key=lambda c: c.last_message_at or c.created_at, reverse=True)
    next_id, threads = 1, 0
    for conversation in recent[:800]:
        thread = synthetic_thread(conversation, rng, next_id)
        next_id += len(thread)
        with store.transaction():
            upsert_messages(store, thread, synced_at=NOW)
        threads += 1
    # As after the first sync: everything so far counts as read, a few are marked unread,
    # and the app knows who it is (for "Mine").
    with store.transaction():
        sync_state.record_full_sync(store, "conversations", finished_at=NOW, cursor=NOW)
    inbox_state.set_baseline(store)
    inbox_state.mark_unread(store, rng.sample([c.id for c in conversations], k=count // 40))
    local_state.put(
        store, ME_KEY, {"id": TEAM[0][0], "name": TEAM[0][1], "scopes": ["conversations"]}
    )
    return threads, next_id - 1


# ---------------------------------------------------------------------- the run


async def run(args: argparse.Namespace, folder: Path) -> None:
    rng = random.Random(args.seed)
    store = Store.open(folder / "workspace.sqlite3")
    started = time.perf_counter()
    threads, messages = fill(store, args.conversations, rng)
    print(
        f"fill: {args.conversations:,} conversations, {messages:,} messages in {threads:,} "
        f"threads, in {time.perf_counter() - started:.1f} s"
    )

    workspace = Workspace(MailTrixyClient("http://127.0.0.1:9", "unused"), store)
    workspace.inbox._client = None  # no server: threads come from the cache (see above)
    bridge = ChangeBridge(workspace.changes)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    context = PaneContext(workspace, bridge, settings, lambda _text: None, lambda _names: None)
    rss_before = rss_mb()
    started = time.perf_counter()
    pane = InboxPane(context)
    pane.resize(1280, 800)
    pane.show()
    pane.list.viewport().repaint()
    print(
        f"pane built and list painted with {pane.model.rowCount():,} open conversations: "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )
    await idle()
    painted = PaintWatch(pane.list.viewport())
    thread_view = pane.findChild(QTextBrowser, "conversationThread")
    assert thread_view is not None
    thread_painted = PaintWatch(thread_view.viewport())
    status = pane.status_filter
    open_index, all_index = status.findData("open"), status.findData("all")

    # Status: Open -> All.
    laps: list[float] = []
    for _ in range(args.repeats):
        status.setCurrentIndex(open_index)
        await idle()
        painted.done.clear()
        begun = time.perf_counter()
        status.setCurrentIndex(all_index)  # the pane asks the cache at once
        laps.append((await painted.wait_after(begun) - begun) * 1000)
    assert pane.model.rowCount() == args.conversations
    report("status filter Open -> All, to the painted list", laps, painted)
    print(f"  combo reads: {', '.join(status.itemText(i) for i in range(status.count()))}")

    # Search: a keystroke after a pause, in the All list.
    search = pane.search
    texts = search_queries(args.queries, rng)
    laps, sizes = [], []
    for text in texts:
        search.blockSignals(True)
        search.setText(text[:-1])
        search.blockSignals(False)
        pane.refresh()  # the list as it was before this keystroke (untimed)
        await idle()
        painted.done.clear()
        begun = time.perf_counter()
        # A one-letter string, as contacts_pane.py types (keyClicks aborts on 'é').
        QTest.keyClick(search, text[-1])  # type: ignore[call-overload]
        pane._debounce.stop()  # what the timer would do after the pause: see the notes
        pane.refresh()
        laps.append((await painted.wait_after(begun) - begun) * 1000)
        sizes.append(pane.model.rowCount())
    report("search keystroke to the painted list (after the debounce)", laps, painted)
    print(
        f"  matches per query: median {statistics.median(sizes):,.0f}, max {max(sizes):,} "
        f"(queries like {', '.join(repr(t) for t in texts[:6])})"
    )
    search.blockSignals(True)
    search.clear()
    search.blockSignals(False)
    pane._debounce.stop()
    status.setCurrentIndex(open_index)
    await idle()

    # J: down the Open list, each conversation's thread painted.
    pane.list.setFocus()
    window = pane.window()
    window.activateWindow()
    if QApplication.activeWindow() is not window:
        QApplication.setActiveWindow(window)
    await idle()
    pane.list.clearSelection()
    laps = []
    shown = 0
    for _ in range(min(args.steps, pane.model.rowCount() - 1)):
        thread_painted.done.clear()
        before = pane.current_id
        begun = time.perf_counter()
        QTest.keyClick(pane.list, Qt.Key.Key_J)
        finished = await thread_painted.wait_after(begun)
        laps.append((finished - begun) * 1000)
        assert pane.current_id != before, "J moved on"
        shown += bool(pane.inbox.thread(pane.current_id or 0))
    report("J to the next conversation's thread painted", laps, thread_painted)
    print(f"  {shown} of {len(laps)} had a cached thread (others show 'no messages')")
    await async_bridge.cancel_all()  # the (serverless) thread loads J spawned

    # What a fetched thread's change notice costs the UI thread (the list asked again),
    # with a conversation selected: in the Open list, and in All.
    for view, index in (("Open", open_index), ("All", all_index)):
        status.setCurrentIndex(index)
        await idle()
        laps = []
        for _ in range(args.repeats):
            await idle()
            painted.done.clear()
            begun = time.perf_counter()
            pane._on_changed(frozenset({"messages", "conversations"}))
            laps.append((await painted.wait_after(begun) - begun) * 1000)
        report(
            f"a fetched thread's change notice, {pane.model.rowCount():,} listed ({view}), "
            "to the re-queried, painted list",
            laps,
            painted,
        )

    # Scroll to the end of everything.
    status.setCurrentIndex(all_index)
    await idle()
    begun = time.perf_counter()
    pane.list.scrollToBottom()
    pane.list.viewport().repaint()
    print(
        f"scroll to the last of {pane.model.rowCount():,} conversations and paint: "
        f"{(time.perf_counter() - begun) * 1000:.1f} ms"
    )
    print(
        f"resident memory: {rss_mb():.0f} MB (pane added {rss_mb() - rss_before:.0f} MB; "
        f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )
    pane.close()
    bridge.close()
    await workspace.close()
    store.close()


def quiet_offscreen_notes() -> None:
    """The offscreen platform's note that it cannot pass size hints (as in the tests'
    ``qt_log_ignore``) is dropped; every other Qt message still goes to stderr."""

    def handler(_kind: object, _context: object, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20260325)
    args = parser.parse_args()
    quiet_offscreen_notes()
    app = QApplication(sys.argv[:1])
    loop = async_bridge.install_loop(app)
    with tempfile.TemporaryDirectory(prefix="mtx-inbox-bench-") as folder:
        loop.run_until_complete(run(args, Path(folder)))
        loop.run_until_complete(async_bridge.cancel_all())
    loop.close()  # joins the worker threads of to_thread


if __name__ == "__main__":
    main()
