"""The sign-in dialog against the real sandbox: each way it can go wrong has its own sentence."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.ui.signin_dialog import (
    CHECK_RETRY,
    SCOPE_ROLE,
    SignInDialog,
    ask_sign_in,
    is_loopback,
    parse_server_url,
)
from mailtrixy_sandbox.process import SandboxProcess
from tests.ui.conftest import run, until

# The offscreen platform cannot pass a window's size limits on and says so whenever
# the dialog's layout shows a row; on a real platform there is nothing to warn about.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


class Form:
    """The dialog as a person sees it: widgets found by their objectName."""

    def __init__(self, dialog: SignInDialog, qtbot: QtBot) -> None:
        self.dialog = dialog
        self.qtbot = qtbot
        self.url = dialog.findChild(QLineEdit, "signInServerUrl")
        self.token = dialog.findChild(QLineEdit, "signInToken")
        self.check = dialog.findChild(QPushButton, "signInCheck")
        self.accept = dialog.findChild(QPushButton, "signInAccept")
        self.scopes = dialog.findChild(QListWidget, "signInScopes")
        self.error = dialog.findChild(QLabel, "signInError")
        self.warning = dialog.findChild(QLabel, "signInScopeWarning")
        self.allow_http = dialog.findChild(QCheckBox, "signInAllowHttp")
        self.session_only = dialog.findChild(QCheckBox, "signInSessionOnly")
        self.keyring_notice = dialog.findChild(QLabel, "signInKeyringNotice")
        for name, widget in vars(self).items():
            assert widget is not None, name
        self.results: list[bool] = []
        dialog.checkFinished.connect(self.results.append)

    def fill(self, url: str, token: str) -> None:
        self.url.clear()
        self.qtbot.keyClicks(self.url, url)
        self.token.clear()
        self.qtbot.keyClicks(self.token, token)

    async def check_now(self) -> bool:
        before = len(self.results)
        self.qtbot.mouseClick(self.check, Qt.MouseButton.LeftButton)
        await until(lambda: len(self.results) > before, what="the check to finish")
        return self.results[-1]

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self.dialog) else ""

    def scope_rows(self) -> dict[str, str]:
        rows = (self.scopes.item(i) for i in range(self.scopes.count()))
        return {row.data(SCOPE_ROLE): row.text() for row in rows if row.data(SCOPE_ROLE)}


@pytest.fixture(autouse=True)
def dialog_alone(qapp: QApplication) -> Iterator[None]:
    """As at startup, the dialog is the only window: closing it must not quit the app."""
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def make_form(qtbot: QtBot) -> Callable[..., Form]:
    def make(**kwargs: Any) -> Form:
        dialog = SignInDialog(**kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        return Form(dialog, qtbot)

    return make


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ----------------------------------------------------------------------------- the sandbox
def test_a_good_url_and_token_show_the_scopes_and_sign_in(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    form = make_form()

    async def scenario() -> None:
        assert not form.accept.isEnabled()
        form.fill(sandbox.url + "/", sandbox.token)
        assert not form.allow_http.isVisibleTo(form.dialog)  # loopback: no confirmation
        assert await form.check_now()
        assert form.error_text() == ""
        rows = form.scope_rows()
        assert set(rows) == {"contacts", "conversations", "deals", "campaigns", "webhooks"}
        assert all(text.startswith("✓") for text in rows.values())
        assert not form.warning.isVisibleTo(form.dialog)
        assert not form.keyring_notice.isVisibleTo(form.dialog)
        assert form.accept.isEnabled()
        form.qtbot.mouseClick(form.accept, Qt.MouseButton.LeftButton)

    run(loop, scenario())
    result = form.dialog.result_value()
    assert result is not None
    assert form.dialog.result() == SignInDialog.DialogCode.Accepted
    assert result.server_url == sandbox.url
    assert result.token == sandbox.token
    assert result.remote_id == 1
    assert result.workspace_name
    assert result.scopes == ("contacts", "conversations", "campaigns", "deals", "webhooks")
    assert result.session_only is False
    assert sandbox.token not in repr(result)
    assert sandbox.token not in repr(form.dialog)


def test_editing_after_a_check_asks_for_another(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    form = make_form(server_url=sandbox.url)

    async def scenario() -> None:
        form.qtbot.keyClicks(form.token, sandbox.token)
        assert await form.check_now()
        assert form.accept.isEnabled()
        form.qtbot.keyClicks(form.token, "x")
        assert not form.accept.isEnabled()
        assert not form.scopes.isVisibleTo(form.dialog)

    run(loop, scenario())


def test_a_wrong_token_has_its_own_sentence(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    form = make_form()

    async def scenario() -> None:
        form.fill(sandbox.url, "mtx_not-a-real-token")
        assert not await form.check_now()

    run(loop, scenario())
    assert "did not accept this token" in form.error_text()
    assert not form.accept.isEnabled()


def test_an_unreachable_url_has_its_own_sentence(
    loop: asyncio.AbstractEventLoop, make_form: Callable[..., Form]
) -> None:
    form = make_form()
    port = _closed_port()

    async def scenario() -> None:
        form.fill(f"http://127.0.0.1:{port}", "mtx_anything")
        assert not await form.check_now()

    run(loop, scenario())
    assert form.error_text() == (
        f"Could not reach 127.0.0.1:{port}: check the address and your network connection."
    )
    assert not form.accept.isEnabled()


def test_a_server_that_is_not_mailtrixy_has_its_own_sentence(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    form = make_form()

    async def scenario() -> None:
        form.fill(sandbox.url + "/not-here", sandbox.token)  # answers 404 to everything
        assert not await form.check_now()

    run(loop, scenario())
    assert "not as a MailTrixy server" in form.error_text()


def test_a_token_missing_scopes_names_what_is_turned_off(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    form = make_form()

    async def scenario() -> None:
        form.fill(sandbox.url, "deals-only-token")
        assert await form.check_now()

    run(loop, scenario())
    rows = form.scope_rows()
    assert rows["deals"].startswith("✓")
    assert rows["contacts"].startswith("✗")
    assert "turned off" in rows["contacts"]
    assert form.warning.isVisibleTo(form.dialog)
    assert form.warning.text() == (
        "This token lacks the contacts, conversations, campaigns, webhooks scopes, so "
        "Contacts, Tags & Groups, Inbox, Campaigns, Webhooks are turned off."
    )
    assert form.accept.isEnabled()  # a partial token still opens what it may


def test_a_token_with_no_scope_cannot_sign_in(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    form = make_form()

    async def scenario() -> None:
        form.fill(sandbox.url, "no-scope-token")
        assert not await form.check_now()

    run(loop, scenario())
    assert "none of the scopes the app needs" in form.error_text()
    assert not form.accept.isEnabled()


def test_plain_http_elsewhere_needs_the_tick(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    asked: list[str] = []

    def factory(url: str, token: str) -> MailTrixyClient:
        # Stands in for example.com: the request goes to the sandbox.
        asked.append(url)
        return MailTrixyClient(sandbox.url, token, retry=CHECK_RETRY)

    form = make_form(client_factory=factory)

    async def scenario() -> None:
        form.fill("http://example.com", sandbox.token)
        assert form.allow_http.isVisibleTo(form.dialog)
        assert not form.allow_http.isChecked()
        assert not await form.check_now()
        assert "would not be encrypted" in form.error_text()
        assert asked == []  # nothing was sent, the token least of all
        form.qtbot.mouseClick(form.allow_http, Qt.MouseButton.LeftButton)
        assert form.allow_http.isChecked()
        assert await form.check_now()
        assert asked == ["http://example.com"]
        # A new address needs its own confirmation.
        form.fill("http://example.org", sandbox.token)
        assert not form.allow_http.isChecked()
        form.url.clear()
        form.qtbot.keyClicks(form.url, "https://example.org")
        assert not form.allow_http.isVisibleTo(form.dialog)

    run(loop, scenario())


def test_without_a_keyring_the_token_is_kept_for_this_session_only(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, make_form: Callable[..., Form]
) -> None:
    form = make_form(keyring_available=False)
    assert form.keyring_notice.isVisibleTo(form.dialog)
    assert form.keyring_notice.text() == (
        "This computer has no secure keyring, so the token cannot be saved."
    )

    async def scenario() -> None:
        form.fill(sandbox.url, sandbox.token)
        assert await form.check_now()
        assert not form.accept.isEnabled()  # not until the person chooses
        form.qtbot.mouseClick(form.session_only, Qt.MouseButton.LeftButton)
        assert form.accept.isEnabled()
        form.qtbot.mouseClick(form.accept, Qt.MouseButton.LeftButton)

    run(loop, scenario())
    result = form.dialog.result_value()
    assert result is not None
    assert result.session_only is True


def test_ask_sign_in_awaits_the_answer(
    loop: asyncio.AbstractEventLoop, qtbot: QtBot, sandbox: SandboxProcess
) -> None:
    async def scenario() -> None:
        asking = asyncio.ensure_future(ask_sign_in(server_url=sandbox.url))
        dialog = await until(
            lambda: next(
                (w for w in QApplication.topLevelWidgets() if w.objectName() == "signInDialog"),
                None,
            ),
            what="the dialog",
        )
        form = Form(dialog, qtbot)
        qtbot.keyClicks(form.token, sandbox.token)
        assert await form.check_now()
        qtbot.mouseClick(form.accept, Qt.MouseButton.LeftButton)
        result = await asking
        assert result is not None
        assert result.token == sandbox.token

        asking = asyncio.ensure_future(ask_sign_in())
        dialog = await until(
            lambda: next(
                (
                    w
                    for w in QApplication.topLevelWidgets()
                    if w.objectName() == "signInDialog" and w.isVisible()
                ),
                None,
            ),
            what="the second dialog",
        )
        dialog.reject()
        assert await asking is None

    run(loop, scenario())


# ----------------------------------------------------------------------------- odd servers
def _mock(handler: Callable[[httpx.Request], httpx.Response]) -> Callable[..., MailTrixyClient]:
    def factory(url: str, token: str) -> MailTrixyClient:
        return MailTrixyClient(
            url, token, transport=httpx.MockTransport(handler), retry=CHECK_RETRY
        )

    return factory


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (
            httpx.Response(
                403,
                json={"success": False, "message": "no", "required_scope": "contacts"},
            ),
            "This token lacks the contacts scope that signing in needs; "
            "ask for a token with more scopes.",
        ),
        (
            httpx.Response(200, text="<html>a web page</html>"),
            "https://crm.example.com answered, but not as a MailTrixy server: "
            "check the address (it is the part before /api/v1).",
        ),
        (
            httpx.Response(301, headers={"Location": "https://elsewhere.test/"}),
            "crm.example.com redirects elsewhere (status 301): enter the address it "
            "redirects to (perhaps with https://).",
        ),
        (
            httpx.Response(503, json={"success": False, "message": "down"}),
            "crm.example.com had a problem (status 503): try again later.",
        ),
    ],
    ids=["403", "html", "redirect", "5xx"],
)
def test_odd_answers_get_their_own_sentence(
    loop: asyncio.AbstractEventLoop,
    make_form: Callable[..., Form],
    response: httpx.Response,
    expected: str,
) -> None:
    form = make_form(client_factory=_mock(lambda request: response))

    async def scenario() -> None:
        form.fill("crm.example.com", "mtx_token")  # no scheme: https is assumed
        assert not await form.check_now()

    run(loop, scenario())
    assert form.error_text() == expected


def test_a_server_without_me_but_with_the_api_is_accepted(
    loop: asyncio.AbstractEventLoop, make_form: Callable[..., Form]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/tags"):
            return httpx.Response(200, json={"success": True, "data": []})
        return httpx.Response(404, json={"success": False, "message": "Not found"})

    form = make_form(client_factory=_mock(handler))

    async def scenario() -> None:
        form.fill("https://crm.example.com/api/v1", "mtx_token")
        assert await form.check_now()

    run(loop, scenario())
    assert form.scopes.item(0).text() == "The server does not say which scopes this token has."
    form.qtbot.mouseClick(form.accept, Qt.MouseButton.LeftButton)
    result = form.dialog.result_value()
    assert result is not None
    assert result.server_url == "https://crm.example.com"
    assert result.scopes is None
    assert result.workspace_name == "crm.example.com"


# ----------------------------------------------------------------------------- helpers
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("crm.example.com", ("https://crm.example.com", "https", "crm.example.com")),
        ("http://127.0.0.1:8000/api/v1/", ("http://127.0.0.1:8000", "http", "127.0.0.1")),
        ("https://x.test/crm/", ("https://x.test/crm", "https", "x.test")),
    ],
)
def test_parse_server_url(text: str, expected: tuple[str, str, str]) -> None:
    assert parse_server_url(text) == expected


@pytest.mark.parametrize("text", ["", "ftp://x.test", "http://", "https://x.test:port"])
def test_parse_server_url_refuses(text: str) -> None:
    from mailtrixy_desktop.ui.signin_dialog import CheckFailed

    with pytest.raises(CheckFailed):
        parse_server_url(text)


def test_is_loopback() -> None:
    assert is_loopback("127.0.0.1")
    assert is_loopback("127.5.0.1")
    assert is_loopback("[::1]")
    assert is_loopback("::1")
    assert is_loopback("localhost")
    assert is_loopback("app.localhost")
    assert not is_loopback("example.com")
    assert not is_loopback("10.0.0.1")
