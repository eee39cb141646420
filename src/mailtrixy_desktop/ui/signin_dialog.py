"""The first-run and "Add workspace…" dialog: server URL and API token, checked live.

"Check" asks the server's ``/me`` who the token is and what it may do, and
answers in one sentence that differs for each way it can go wrong (an address
that does not lead to a MailTrixy server, a token it refuses, a token that lacks
a scope). Plain ``http://`` to a host that is not this computer needs a tick in
the dialog first; when the caller says there is no secure keyring, the dialog
says so and offers to keep the token for this session only.

The dialog stores nothing. ``ui`` sits below ``app`` (DESIGN.md's layers), so the
caller takes :class:`SignInResult` and keeps the token through
``app.credentials`` and the entry through ``app.workspaces``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import Me
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.ui.async_bridge import spawn
from mailtrixy_desktop.ui.i18n import translated

log = logging.getLogger("mailtrixy_desktop.ui.signin")

# What each scope of the reference unlocks, in the words of the navigation.
SCOPE_FEATURES: dict[str, str] = {
    "contacts": QT_TRANSLATE_NOOP("SignInDialog", "Contacts, Tags & Groups"),
    "conversations": QT_TRANSLATE_NOOP("SignInDialog", "Inbox"),
    "deals": QT_TRANSLATE_NOOP("SignInDialog", "Deals"),
    "campaigns": QT_TRANSLATE_NOOP("SignInDialog", "Campaigns"),
    "webhooks": QT_TRANSLATE_NOOP("SignInDialog", "Webhooks"),
}

translate = QCoreApplication.translate

# One quick retry: a person is waiting, and a wrong address should say so soon.
CHECK_RETRY = RetryPolicy(max_attempts=2, base_delay=0.2, max_total=5.0)

ClientFactory = Callable[[str, str], MailTrixyClient]
SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1  # a scope row's scope name


@dataclass(frozen=True)
class SignInResult:
    """What the person confirmed. ``token`` is left out of the repr on purpose."""

    server_url: str
    token: str = field(repr=False)
    workspace_name: str
    remote_id: int | None  # the server's workspace_id (None when it does not say)
    member_name: str | None
    scopes: tuple[str, ...] | None  # None: the server does not tell (no /me)
    session_only: bool  # the person chose "keep the token for this session only"


@dataclass(frozen=True)
class _Checked:
    url: str
    token: str = field(repr=False)
    me: Me | None


class CheckFailed(Exception):
    """A check's outcome as one sentence for the person."""


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_server_url(text: str) -> tuple[str, str, str]:
    """``(base_url, scheme, host)`` of what the person typed; ``https://`` if no scheme.

    Raises :class:`CheckFailed` for something that is not a web address.
    """
    raw = text.strip()
    if not raw:
        raise CheckFailed(
            translate("SignInDialog", "Enter the server's address, like https://crm.example.com.")
        )
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise CheckFailed(
            translate("SignInDialog", "“{text}” is not a web address.").format(text=text.strip())
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CheckFailed(
            translate(
                "SignInDialog",
                "“{text}” is not a web address; use one like https://crm.example.com.",
            ).format(text=text.strip())
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise CheckFailed(
            translate(
                "SignInDialog", "Enter the server's address only, without a query or a user name."
            )
        )
    path = parts.path.rstrip("/")
    if path.lower().endswith("/api/v1"):
        path = path[: -len("/api/v1")]
    return f"{parts.scheme}://{parts.netloc}{path}", parts.scheme, parts.hostname


def missing_scopes(scopes: tuple[str, ...]) -> list[str]:
    return [s for s in SCOPE_FEATURES if s not in scopes]


def disabled_sentence(missing: list[str]) -> str:
    names = ", ".join(missing)
    features = ", ".join(translated(SCOPE_FEATURES[s]) for s in missing)
    if len(missing) == 1:
        sentence = translate(
            "SignInDialog", "This token lacks the {names} scope, so {features} is turned off."
        )
    else:
        sentence = translate(
            "SignInDialog", "This token lacks the {names} scopes, so {features} are turned off."
        )
    return sentence.format(names=names, features=features)


async def check_server(url: str, token: str, factory: ClientFactory) -> Me | None:
    """Ask the server who this token is; the ``Me``, or None if it has no ``/me``.

    Raises :class:`CheckFailed` with the sentence to show.
    """
    host = urlsplit(url).netloc
    client = factory(url, token)
    try:
        try:
            return await client.team.me()
        except errors.NotFound:
            # A MailTrixy server without /me still answers a list in its envelope.
            try:
                await client.tags.list()
            except errors.Forbidden:
                return None
            except (errors.NotFound, errors.BadResponse, errors.UnexpectedStatus):
                raise _not_mailtrixy(url) from None
            return None
    except errors.Unauthenticated:
        raise CheckFailed(
            translate(
                "SignInDialog",
                "{host} did not accept this token: check that it was copied whole "
                "and has not been revoked.",
            ).format(host=host)
        ) from None
    except errors.Forbidden as exc:
        raise CheckFailed(
            translate(
                "SignInDialog",
                "This token lacks the {scope} scope that signing in needs; "
                "ask for a token with more scopes.",
            ).format(scope=exc.scope)
            if exc.scope
            else translate(
                "SignInDialog",
                "This token lacks a permission that signing in needs; "
                "ask for a token with more scopes.",
            )
        ) from None
    except errors.TimedOut:
        raise CheckFailed(
            translate(
                "SignInDialog", "{host} did not answer in time: check the address and try again."
            ).format(host=host)
        ) from None
    except errors.NetworkError:
        raise CheckFailed(
            translate(
                "SignInDialog",
                "Could not reach {host}: check the address and your network connection.",
            ).format(host=host)
        ) from None
    except errors.BadResponse as exc:
        if exc.status is not None and 300 <= exc.status < 400:
            raise CheckFailed(
                translate(
                    "SignInDialog",
                    "{host} redirects elsewhere (status {status}): enter the address it "
                    "redirects to (perhaps with https://).",
                ).format(host=host, status=exc.status)
            ) from None
        raise _not_mailtrixy(url) from None
    except (errors.UnexpectedStatus, errors.BadRequest, errors.Conflict, errors.ValidationFailed):
        raise _not_mailtrixy(url) from None
    except errors.RateLimited:
        raise CheckFailed(
            translate(
                "SignInDialog", "{host} is busy (too many requests): try again in a minute."
            ).format(host=host)
        ) from None
    except errors.ServerError as exc:
        raise CheckFailed(
            translate(
                "SignInDialog", "{host} had a problem (status {status}): try again later."
            ).format(host=host, status=exc.status)
        ) from None
    finally:
        await client.aclose()


def _not_mailtrixy(url: str) -> CheckFailed:
    return CheckFailed(
        translate(
            "SignInDialog",
            "{url} answered, but not as a MailTrixy server: check the address "
            "(it is the part before /api/v1).",
        ).format(url=url)
    )


def _default_factory(url: str, token: str) -> MailTrixyClient:
    return MailTrixyClient(url, token, retry=CHECK_RETRY)


class SignInDialog(QDialog):
    """Ask for a server URL and token, check them, and return a :class:`SignInResult`.

    ``keyring_available``/``keyring_reason`` come from the caller
    (``await credentials.status()``). Open it with :func:`ask_sign_in` or
    ``open()`` + ``finished``; on ``Accepted``, :meth:`result_value` holds the answer.
    """

    checkFinished = Signal(bool)  # after each check: whether it passed (for tests, mostly)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        server_url: str = "",
        keyring_available: bool = True,
        keyring_reason: str = "",
        first_run: bool = True,
        client_factory: ClientFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(
            self.tr("Sign in to MailTrixy") if first_run else self.tr("Add a workspace")
        )
        self.setMinimumWidth(480)  # room for a URL and a sentence per line, not a column
        self.setModal(True)
        self._factory = client_factory or _default_factory
        self._keyring_available = keyring_available
        self._task: asyncio.Task[None] | None = None
        self._checked: _Checked | None = None
        self._result: SignInResult | None = None

        intro = QLabel(
            self.tr(
                "Enter your MailTrixy server's address and an API token "
                "(Settings → API tokens in MailTrixy)."
            )
        )
        intro.setWordWrap(True)

        self.url_edit = QLineEdit(server_url)
        self.url_edit.setObjectName("signInServerUrl")
        self.url_edit.setAccessibleName(self.tr("Server address"))
        self.url_edit.setPlaceholderText(self.tr("https://crm.example.com"))

        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("signInToken")
        self.token_edit.setAccessibleName(self.tr("API token"))
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("mtx_…"))

        self.allow_http = QCheckBox(self.tr("Use this unencrypted connection anyway"))
        self.allow_http.setObjectName("signInAllowHttp")
        self.allow_http.setAccessibleName(self.tr("Allow an unencrypted http connection"))
        self.allow_http.setToolTip(
            self.tr(
                "With http://, anyone on the network between you and the server can read the "
                "token and your data."
            )
        )
        self.allow_http.setVisible(False)

        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("signInCheck")
        self.check_button.setAccessibleName(self.tr("Check the address and token"))

        self.status_label = QLabel()
        self.status_label.setObjectName("signInStatus")
        self.status_label.setWordWrap(True)

        self.error_label = QLabel()
        self.error_label.setObjectName("signInError")
        self.error_label.setAccessibleName(self.tr("Sign-in problem"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("font-weight: bold;")
        self.error_label.setVisible(False)

        self.scopes_list = QListWidget()
        self.scopes_list.setObjectName("signInScopes")
        self.scopes_list.setAccessibleName(self.tr("What this token may do"))
        self.scopes_list.setMaximumHeight(130)
        self.scopes_list.setVisible(False)

        self.warning_label = QLabel()
        self.warning_label.setObjectName("signInScopeWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setVisible(False)

        self.keyring_notice = QLabel(
            self.tr(
                "This computer has no secure keyring ({reason}), so the token cannot be saved."
            ).format(reason=keyring_reason.rstrip("."))
            if keyring_reason
            else self.tr("This computer has no secure keyring, so the token cannot be saved.")
        )
        self.keyring_notice.setObjectName("signInKeyringNotice")
        self.keyring_notice.setWordWrap(True)
        self.session_only = QCheckBox(self.tr("Keep the token for this session only"))
        self.session_only.setObjectName("signInSessionOnly")
        self.session_only.setToolTip(
            self.tr("You will be asked for it again the next time the app starts.")
        )
        self.keyring_notice.setVisible(not keyring_available)
        self.session_only.setVisible(not keyring_available)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.accept_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.accept_button.setText(self.tr("Sign in"))
        self.accept_button.setObjectName("signInAccept")
        self.accept_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.url_edit)
        form.addRow("", self.allow_http)
        form.addRow(self.tr("API token:"), self.token_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scopes_list)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.keyring_notice)
        layout.addWidget(self.session_only)
        layout.addWidget(self.buttons)

        self.check_button.clicked.connect(self.check)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url_edit.textChanged.connect(self._url_changed)
        self.token_edit.textChanged.connect(self._invalidate)
        self.allow_http.toggled.connect(self._invalidate)
        self.session_only.toggled.connect(self._update_accept)
        self.token_edit.returnPressed.connect(self.check)
        self.url_edit.returnPressed.connect(self.token_edit.setFocus)
        self.check_button.setDefault(True)
        self._url_changed()

    def __repr__(self) -> str:
        return f"<SignInDialog url={self.url_edit.text()!r}>"

    # ------------------------------------------------------------------ answer
    def result_value(self) -> SignInResult | None:
        """The confirmed sign-in after ``Accepted``; None otherwise."""
        return self._result

    @property
    def checking(self) -> bool:
        return self._task is not None and not self._task.done()

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def accept(self) -> None:
        checked = self._checked
        if checked is None or not self._accept_allowed():
            return  # the button is disabled then; Enter must not get around it
        me = checked.me
        self._result = SignInResult(
            server_url=checked.url,
            token=checked.token,
            workspace_name=(
                me.workspace_name if me and me.workspace_name else urlsplit(checked.url).netloc
            ),
            remote_id=me.workspace_id if me else None,
            member_name=me.member.name if me and me.member else None,
            scopes=tuple(me.scopes) if me else None,
            session_only=not self._keyring_available,
        )
        super().accept()

    def done(self, code: int) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().done(code)

    # ------------------------------------------------------------------ checking
    def check(self) -> None:
        """Check what is typed now; a check still running is cancelled (newest wins)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._invalidate()
        self._task = spawn(self._check(), name="sign-in check")

    async def _check(self) -> None:
        token = self.token_edit.text().strip()
        try:
            url, scheme, host = parse_server_url(self.url_edit.text())
            if scheme == "http" and not is_loopback(host) and not self.allow_http.isChecked():
                raise CheckFailed(
                    self.tr(
                        "The connection to {host} would not be encrypted (http://), so the token "
                        "could be read on the way; tick “Use this unencrypted connection anyway” "
                        "to go on, or use https://."
                    ).format(host=host)
                )
            if not token:
                raise CheckFailed(self.tr("Enter the API token."))
            self._show_busy(self.tr("Checking {host}…").format(host=host))
            me = await check_server(url, token, self._factory)
        except CheckFailed as failure:
            self._show_error(str(failure))
            self.checkFinished.emit(False)
            return
        except Exception as exc:  # the person sees a sentence, the log the rest
            log.exception("the sign-in check failed unexpectedly")
            self._show_error(
                self.tr("The check failed unexpectedly ({error}).").format(error=type(exc).__name__)
            )
            self.checkFinished.emit(False)
            return
        # (Cancelled: a newer check or the closing dialog owns the widgets now.)
        if me is not None and not me.scopes:
            self._show_scopes(me)
            self._show_error(
                self.tr(
                    "This token has none of the scopes the app needs "
                    "({scopes}): ask for a token with at least contacts."
                ).format(scopes=", ".join(SCOPE_FEATURES))
            )
            self.checkFinished.emit(False)
            return
        self._checked = _Checked(url, token, me)
        self._show_success(me)
        self.checkFinished.emit(True)

    # ------------------------------------------------------------------ showing
    def _show_busy(self, text: str) -> None:
        self.check_button.setEnabled(False)
        self.status_label.setText(text)
        self.error_label.setVisible(False)

    def _show_error(self, text: str) -> None:
        self.check_button.setEnabled(True)
        self.status_label.clear()
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self._update_accept()

    def _show_scopes(self, me: Me | None) -> None:
        self.scopes_list.clear()
        if me is None:
            self.scopes_list.addItem(
                self.tr("The server does not say which scopes this token has.")
            )
        else:
            for scope, feature in SCOPE_FEATURES.items():
                has = scope in me.scopes
                mark = "✓" if has else "✗"
                state = "" if has else " " + self.tr("(turned off)")
                item = QListWidgetItem(f"{mark} {scope} — {translated(feature)}{state}")
                item.setData(SCOPE_ROLE, scope)
                item.setToolTip(self.tr("granted") if has else self.tr("not granted"))
                self.scopes_list.addItem(item)
            for scope in me.scopes:
                if scope not in SCOPE_FEATURES:
                    self.scopes_list.addItem(f"✓ {scope}")
        self.scopes_list.setVisible(True)

    def _show_success(self, me: Me | None) -> None:
        self.check_button.setEnabled(True)
        self.error_label.setVisible(False)
        who = me.member.name if me and me.member else None
        where = me.workspace_name if me and me.workspace_name else None
        if who and where:
            self.status_label.setText(
                self.tr("Signed in as {who} to {where}.").format(who=who, where=where)
            )
        elif where:
            self.status_label.setText(self.tr("This token opens {where}.").format(where=where))
        else:
            self.status_label.setText(self.tr("The server accepted this token."))
        self._show_scopes(me)
        missing = missing_scopes(tuple(me.scopes)) if me else []
        self.warning_label.setText(disabled_sentence(missing) if missing else "")
        self.warning_label.setVisible(bool(missing))
        self._update_accept()
        self.accept_button.setDefault(True)

    def _url_changed(self) -> None:
        try:
            _url, scheme, host = parse_server_url(self.url_edit.text())
        except CheckFailed:
            needs_confirmation = False
        else:
            needs_confirmation = scheme == "http" and not is_loopback(host)
        if not needs_confirmation and self.allow_http.isChecked():
            self.allow_http.setChecked(False)  # a confirmation is for the address it was given for
        self.allow_http.setVisible(needs_confirmation)
        self._invalidate()

    def _invalidate(self) -> None:
        """What was checked no longer matches what is typed."""
        if self._checked is not None:
            self._checked = None
            self.status_label.clear()
            self.scopes_list.clear()
            self.scopes_list.setVisible(False)
            self.warning_label.setVisible(False)
            self.check_button.setDefault(True)
        self._update_accept()

    def _accept_allowed(self) -> bool:
        if self._checked is None:
            return False
        return self._keyring_available or self.session_only.isChecked()

    def _update_accept(self) -> None:
        self.accept_button.setEnabled(self._accept_allowed())


async def ask_sign_in(
    parent: QWidget | None = None,
    *,
    server_url: str = "",
    keyring_available: bool = True,
    keyring_reason: str = "",
    first_run: bool = True,
) -> SignInResult | None:
    """Show the dialog (window-modal, without a nested event loop) and await the answer.

    Before the main window exists this dialog is the app's only window: the caller
    should have ``QApplication.setQuitOnLastWindowClosed(False)`` then, or closing
    it quits the application (and stops the qasync loop) before this returns.
    """
    dialog = SignInDialog(
        parent,
        server_url=server_url,
        keyring_available=keyring_available,
        keyring_reason=keyring_reason,
        first_run=first_run,
    )
    done: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def finished(code: int) -> None:
        if not done.done():
            done.set_result(code)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        await done
        return dialog.result_value()  # set by accept() only
    finally:
        if shiboken6.isValid(dialog):
            if dialog.isVisible():
                dialog.reject()  # the caller gave up waiting (cancelled)
            dialog.deleteLater()
