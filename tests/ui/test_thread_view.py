"""The conversation thread as a person sees it: messages, marks, safe content, links, scroll."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QWidget

from mailtrixy_desktop.services.inbox import Delivery, ThreadEntry
from mailtrixy_desktop.store.conversations import MessageRow
from mailtrixy_desktop.store.refs import NamedRef
from mailtrixy_desktop.ui.inbox import thread_view
from mailtrixy_desktop.ui.inbox.thread_view import ThreadView, format_time
from tests.ui.conftest import run, until

IMAGE = QTextDocument.ResourceType.ImageResource.value
NOW = dt.datetime.now(dt.UTC)
CONTACT = "Anna Smith"


def png_bytes(side: int = 48) -> bytes:
    image = QImage(side, side, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2E9E6A"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def message(
    id: int,
    direction: str = "inbound",
    *,
    html: str | None = None,
    text: str | None = None,
    sender: str | None = None,
    cc: tuple[str, ...] = (),
    bcc: tuple[str, ...] = (),
    at: dt.datetime | None = None,
    conversation: int = 7,
) -> MessageRow:
    return MessageRow(
        id=id,
        conversation_id=conversation,
        direction=direction,  # type: ignore[arg-type]
        body_html=html,
        body_text=text,
        sender=NamedRef(3, sender) if sender else None,
        sender_email="anna@acme.example" if direction == "inbound" else None,
        cc=cc,
        bcc=bcc,
        created_at=at or NOW,
        pending=id < 0,
        synced_at=None,
    )


def entry(
    row: MessageRow, delivery: Delivery = "sent", reason: str | None = None, op: int | None = None
) -> ThreadEntry:
    return ThreadEntry(row, delivery, reason, op)


@pytest.fixture
def view(qtbot: Any) -> ThreadView:
    widget = ThreadView(fetch=_no_network)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    return widget


async def _no_network(url: str) -> bytes | None:
    raise AssertionError(f"the view fetched {url} without being allowed to")


def show(view: ThreadView, *entries: ThreadEntry, allow_remote: bool = False) -> list[str]:
    view.set_thread(list(entries), contact_name=CONTACT, allow_remote=allow_remote)
    return [line.strip() for line in view.toPlainText().splitlines()]


# -- what is shown -------------------------------------------------------------------------


def test_names_for_tests_and_screen_readers(view: ThreadView) -> None:
    assert view.objectName() == "conversationThread"
    assert view.accessibleName() == "Conversation thread"
    assert not view.openLinks()
    assert not view.openExternalLinks()


def test_nothing_selected_shows_a_sentence_not_a_blank_box(view: ThreadView) -> None:
    assert view.empty_text == "Select a conversation to read it"
    show(view, entry(message(1, text="hi")))
    assert view.empty_text == ""
    view.clear_thread()
    assert view.empty_text == "Select a conversation to read it"
    assert view.toPlainText() == ""
    view.set_thread([], contact_name=CONTACT, allow_remote=False)
    assert view.empty_text == "No messages in this conversation yet"


def test_each_message_shows_sender_time_and_body(view: ThreadView) -> None:
    text = "\n".join(
        show(
            view,
            entry(message(1, html="<p>I was charged twice.</p>", at=NOW - dt.timedelta(days=1))),
            entry(message(2, "outbound", html="<p>Refunded.</p>", sender="Maria Lopez")),
        )
    )
    assert "Anna Smith" in text
    assert "anna@acme.example" in text
    assert "I was charged twice." in text
    assert "Maria Lopez" in text
    assert "to Anna Smith" in text  # an outbound message says whom it went to
    assert "Refunded." in text
    assert format_time(NOW - dt.timedelta(days=1)) in text
    assert format_time(NOW) in text
    assert text.index("charged twice") < text.index("Refunded")  # oldest first


def test_directions_look_different(view: ThreadView) -> None:
    show(
        view,
        entry(message(1, html="<p>in</p>")),
        entry(message(2, "outbound", html="<p>out</p>", sender="Maria Lopez")),
    )
    page = view.toHtml()
    tables = [t for t in page.split("<table") if "border-style" in t]
    backgrounds = {t.split('bgcolor="', 1)[1][:7] for t in tables}
    assert len(backgrounds) == 2


def test_times_say_today_and_yesterday() -> None:
    today = dt.date(2025, 3, 12)
    noon = dt.datetime(2025, 3, 12, 12, 30).astimezone()
    assert format_time(noon, today=today).startswith("Today, ")
    assert format_time(noon - dt.timedelta(days=1), today=today).startswith("Yesterday, ")
    assert not format_time(noon - dt.timedelta(days=40), today=today).startswith(("Today", "Yes"))


def test_copies_are_shown(view: ThreadView) -> None:
    text = "\n".join(
        show(view, entry(message(1, html="<p>x</p>", cc=("a@x.example",), bcc=("b@x.example",))))
    )
    assert "Cc: a@x.example" in text
    assert "Bcc: b@x.example" in text


def test_plain_text_keeps_its_lines_and_shows_markup_as_text(view: ThreadView) -> None:
    lines = show(view, entry(message(1, text="Hello <b>team</b>,\n\nline two\nline three")))
    assert "Hello <b>team</b>," in lines
    start = lines.index("Hello <b>team</b>,")
    assert lines[start : start + 4] == ["Hello <b>team</b>,", "", "line two", "line three"]


# -- delivery marks and their actions ------------------------------------------------------


def test_undelivered_replies_carry_their_marks(view: ThreadView) -> None:
    text = "\n".join(
        show(
            view,
            entry(message(-1, "outbound", html="<p>a</p>", sender="M"), "queued", op=11),
            entry(message(-2, "outbound", html="<p>b</p>", sender="M"), "sending", op=12),
            entry(message(-3, "outbound", html="<p>c</p>", sender="M"), "editing", op=13),
        )
    )
    assert "Queued — goes out when the connection is back" in text
    assert "Sending…" in text
    assert "Being edited" in text


def test_a_failed_reply_shows_its_reason_and_actions(view: ThreadView) -> None:
    text = "\n".join(
        show(
            view,
            entry(
                message(-1, "outbound", html="<p>Here is the receipt.</p>", sender="M"),
                "failed",
                "the conversation was deleted (404)",
                op=21,
            ),
        )
    )
    assert "Not sent: the conversation was deleted (404)" in text
    assert "Here is the receipt." in text  # the text is kept
    assert "Edit and resend" in text
    assert "Discard" in text


def test_a_held_reply_shows_why_and_what_can_be_done(view: ThreadView) -> None:
    text = "\n".join(
        show(
            view,
            entry(
                message(-1, "outbound", html="<p>x</p>", sender="M"),
                "held",
                "Anna wrote again",
                op=31,
            ),
        )
    )
    assert "Held for review: Anna wrote again" in text
    for action in ("Send as is", "Edit", "Discard"):
        assert action in text


def test_a_reason_cannot_inject_markup(view: ThreadView) -> None:
    show(
        view,
        entry(
            message(-1, "outbound", html="<p>x</p>", sender="M"),
            "failed",
            '<a href="mailtrixy-action:discard/99">click</a>',
            op=1,
        ),
    )
    assert 'href="mailtrixy-action:discard/99"' not in view.toHtml()
    assert '<a href="mailtrixy-action:discard/99">click</a>' in view.toPlainText()


@pytest.mark.parametrize(
    ("url", "signal", "value"),
    [
        ("mailtrixy-action:send-as-is/31", "sendAsIsRequested", 31),
        ("mailtrixy-action:edit/31", "editRequested", 31),
        ("mailtrixy-action:discard/31", "discardRequested", 31),
    ],
)
def test_action_links_become_signals(
    view: ThreadView, qtbot: Any, url: str, signal: str, value: int
) -> None:
    show(view, entry(message(-1, "outbound", html="<p>x</p>", sender="M"), "held", "r", op=31))
    assert url in view.toHtml()  # the link is in the document, not invented by the test
    with qtbot.waitSignal(getattr(view, signal)) as blocker:
        view.anchorClicked.emit(QUrl(url))
    assert blocker.args == [value]


def test_message_html_cannot_carry_an_action(view: ThreadView, qtbot: Any) -> None:
    show(view, entry(message(1, html='<a href="mailtrixy-action:discard/5">Looks harmless</a>')))
    assert "mailtrixy-action" not in view.toHtml()


# -- safe content ----------------------------------------------------------------------------


def test_scripts_and_handlers_never_reach_the_document(view: ThreadView) -> None:
    show(
        view,
        entry(
            message(
                1,
                html="<p onclick='steal()'>Hi</p><script>alert(1)</script>"
                "<img src=x onerror=alert(2)><a href='javascript:alert(3)'>x</a>",
            )
        ),
    )
    page = view.toHtml().lower()
    for part in ("<script", "alert", "onerror", "onclick", "javascript:"):
        assert part not in page
    assert "Hi" in view.toPlainText()


def test_resources_come_only_from_data_images(view: ThreadView) -> None:
    show(view, entry(message(1, html="<p>x</p>")))
    for url in (
        "file:///etc/passwd",
        "qrc:/qt-project.org/styles/commonstyle/images/file-16.png",
        ":/qt-project.org/styles/commonstyle/images/file-16.png",
        "/etc/passwd",
        "http://tracker.example/open.gif",  # not fetched, not allowed
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,not-an-image",
    ):
        assert view.loadResource(IMAGE, QUrl(url)) is None, url
    stylesheet = QTextDocument.ResourceType.StyleSheetResource.value
    assert view.loadResource(stylesheet, QUrl("http://t.example/a.css")) is None
    data_url = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    image = view.loadResource(IMAGE, QUrl(data_url))
    assert isinstance(image, QImage)
    assert image.width() == 48
    cid = view.loadResource(IMAGE, QUrl("cid:logo@mail"))
    assert isinstance(cid, QImage)  # nothing to show, but not a broken image either
    assert cid.pixelColor(0, 0).alpha() == 0


def test_remote_images_are_blocked_behind_a_banner(view: ThreadView, qtbot: Any) -> None:
    text = "\n".join(
        show(view, entry(message(1, html='<img src="http://tracker.example/o.gif" alt="Logo">')))
    )
    assert "Remote images are hidden to protect your privacy." in text
    assert "[image blocked: Logo]" in text
    assert "tracker.example/o.gif" not in view.toHtml()
    with qtbot.waitSignal(view.loadImagesRequested):
        view.anchorClicked.emit(QUrl("mailtrixy-action:load-images"))


def test_allowed_remote_images_are_fetched_and_shown(qtbot: Any, loop: Any) -> None:
    requested: list[str] = []

    async def fetch(url: str) -> bytes | None:
        requested.append(url)
        await asyncio.sleep(0)
        return png_bytes(64) if "good" in url else None

    view = ThreadView(fetch=fetch)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()  # an unshown view is not laid out
    qtbot.waitExposed(view)
    body = '<p>a</p><img src="http://img.example/good.png"><img src="http://img.example/bad.png">'

    async def scenario() -> None:
        show(view, entry(message(1, html=body)), allow_remote=True)
        assert "Remote images are hidden" not in view.toPlainText()
        height = view.document().size().height()
        good = QUrl("http://img.example/good.png")
        await until(lambda: isinstance(view.loadResource(IMAGE, good), QImage), what="the image")
        await until(lambda: view.document().size().height() > height, what="a new layout")
        assert view.loadResource(IMAGE, QUrl("http://img.example/bad.png")) is None
        # Shown again (a poll with a new message), nothing is fetched twice.
        show(view, entry(message(1, html=body)), entry(message(2, text="new")), allow_remote=True)
        await asyncio.sleep(0)
        assert "new" in view.toPlainText()

    run(loop, scenario())
    assert sorted(requested) == ["http://img.example/bad.png", "http://img.example/good.png"]


# -- links ---------------------------------------------------------------------------------


class _Desktop:
    opened: list[str]

    def __init__(self) -> None:
        self.opened = []

    def openUrl(self, url: QUrl) -> bool:
        self.opened.append(url.toString())
        return True


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> _Desktop:
    fake = _Desktop()
    monkeypatch.setattr(thread_view, "QDesktopServices", fake)
    return fake


def test_links_open_in_the_system_browser(view: ThreadView, desktop: _Desktop) -> None:
    show(view, entry(message(1, html='<a href="https://acme.example/help">acme.example</a>')))
    view.anchorClicked.emit(QUrl("https://acme.example/help"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))  # never opened from here
    assert desktop.opened == ["https://acme.example/help"]


@pytest.mark.parametrize(
    ("answer", "opened"), [(False, []), (True, ["https://evil.example/login"])]
)
def test_a_deceptive_link_is_marked_and_asks_first(
    view: ThreadView,
    desktop: _Desktop,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
    opened: list[str],
) -> None:
    asked: list[tuple[str, str]] = []

    def confirm(_view: ThreadView, shown: str, url: QUrl) -> bool:
        asked.append((shown, url.host()))
        return answer

    monkeypatch.setattr(ThreadView, "_confirm_deceptive", confirm)
    text = "\n".join(
        show(
            view, entry(message(1, html='<a href="https://evil.example/login">www.mybank.com</a>'))
        )
    )
    assert "www.mybank.com ⚠ evil.example" in text.replace("\xa0", " ")
    view.anchorClicked.emit(QUrl("https://evil.example/login"))
    assert asked == [("www.mybank.com", "evil.example")]
    assert desktop.opened == opened


def test_an_honest_link_is_not_marked(view: ThreadView) -> None:
    show(view, entry(message(1, html='<a href="https://www.mybank.com/x">mybank.com</a>')))
    assert "⚠" not in view.toPlainText()
    assert view.deceptive_targets == {}


# -- scrolling -------------------------------------------------------------------------------


def _long_thread(count: int, conversation: int = 7) -> list[ThreadEntry]:
    return [
        entry(
            message(i + 1, text=f"message {i}\nsecond line\nthird line", conversation=conversation)
        )
        for i in range(count)
    ]


def test_a_new_conversation_opens_at_its_latest_message(view: ThreadView, qtbot: Any) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.set_thread(_long_thread(12), contact_name=CONTACT, allow_remote=False)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()
    bar.setValue(0)
    view.set_thread(_long_thread(5, conversation=8), contact_name=CONTACT, allow_remote=False)
    assert bar.value() == bar.maximum()


def test_a_reader_keeps_their_place_when_the_thread_is_redrawn(
    view: ThreadView, qtbot: Any
) -> None:
    view.show()
    qtbot.waitExposed(view)
    thread = _long_thread(12)
    view.set_thread(thread, contact_name=CONTACT, allow_remote=False)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    place = bar.value()
    # A poll brought a new message: the reader in the middle stays where they were.
    thread.append(entry(message(99, text="new")))
    view.set_thread(thread, contact_name=CONTACT, allow_remote=False)
    assert bar.value() == place


def test_a_reader_at_the_bottom_stays_at_the_bottom(view: ThreadView, qtbot: Any) -> None:
    view.show()
    qtbot.waitExposed(view)
    thread = _long_thread(12)
    view.set_thread(thread, contact_name=CONTACT, allow_remote=False)
    bar = view.verticalScrollBar()
    before = bar.maximum()
    thread.append(entry(message(99, text="a new message\nwith\nseveral\nlines")))
    view.set_thread(thread, contact_name=CONTACT, allow_remote=False)
    assert bar.maximum() > before
    assert bar.value() == bar.maximum()
    assert "a new message" in view.toPlainText()


def test_a_poll_that_changed_nothing_keeps_the_selection(view: ThreadView) -> None:
    thread = [entry(message(1, text="Hello there"))]
    show(view, *thread)
    view.selectAll()
    show(view, *thread)
    assert view.textCursor().hasSelection()
    show(view, *thread, entry(message(2, text="more")))
    assert "more" in view.toPlainText()


def test_a_new_palette_redraws_with_its_colours(view: ThreadView) -> None:
    show(view, entry(message(1, html="<p>x</p>")))
    before = view.toHtml()
    palette = view.palette()
    palette.setColor(palette.ColorRole.Base, QColor("#1E1F24"))
    palette.setColor(palette.ColorRole.Text, QColor("#E6E6EA"))
    view.setPalette(palette)
    assert view.toHtml() != before
    assert "x" in view.toPlainText()


def test_a_thread_set_before_the_view_is_shown_opens_at_the_bottom(
    view: ThreadView, qtbot: Any
) -> None:
    view.set_thread(_long_thread(12), contact_name=CONTACT, allow_remote=False)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()


def test_built_inside_a_parent_with_its_own_palette(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    palette = parent.palette()
    palette.setColor(palette.ColorRole.Base, QColor("#1E1F24"))
    parent.setPalette(palette)
    child = ThreadView(parent)
    assert child.palette().color(palette.ColorRole.Base) == QColor("#1E1F24")


def test_the_campaign_preview_loads_remote_images_the_same_way_once_asked(
    qtbot: Any, loop: Any
) -> None:
    """The preview shares the thread's image loading (ui/html_images.py): nothing is
    fetched until "Load images", then the image shows and a failed one stays out."""
    from mailtrixy_desktop.ui.campaigns.preview import EmailPreview

    requested: list[str] = []

    async def fetch(url: str) -> bytes | None:
        requested.append(url)
        await asyncio.sleep(0)
        return png_bytes(32) if "good" in url else None

    preview = EmailPreview(fetch=fetch)
    qtbot.addWidget(preview)
    preview.resize(600, 400)
    preview.show()
    body = '<p>Hi</p><img src="https://img.example/good.png" alt="Hero">'
    body += '<img src="https://img.example/bad.png">'
    good = QUrl("https://img.example/good.png")

    async def scenario() -> None:
        preview.set_email("News", body, contact=None, custom_keys=(), allow_remote=False)
        await asyncio.sleep(0)
        assert requested == []
        assert preview.loadResource(IMAGE, good) is None
        assert "Remote images are hidden" in preview.toPlainText()
        preview.anchorClicked.emit(QUrl("mailtrixy-action:load-images"))
        await until(lambda: isinstance(preview.loadResource(IMAGE, good), QImage), what="it")
        assert preview.loadResource(IMAGE, QUrl("https://img.example/bad.png")) is None
        assert "Remote images are hidden" not in preview.toPlainText()

    run(loop, scenario())
    assert sorted(requested) == ["https://img.example/bad.png", "https://img.example/good.png"]
