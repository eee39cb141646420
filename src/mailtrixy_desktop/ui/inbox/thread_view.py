"""One conversation's messages, shown safely.

Bodies come through ``services.message_html`` (nh3), so the document never holds a
script, a handler or a link other than http, https or mailto. The view's own part
(headers, delivery marks, action links) is built here from escaped text. Resources
are served by ``loadResource`` alone: ``data:`` images decoded here, ``cid:`` as an
empty image, remote images only once the person allowed them and they were fetched;
never a file or a Qt resource named by a message.

Actions on undelivered replies are links with a scheme of our own, which message
HTML cannot carry (the sanitiser keeps only http, https and mailto), and become
signals; the pane decides what they do.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, QTime, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QDesktopServices,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QToolTip, QWidget

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.inbox import ThreadEntry
from mailtrixy_desktop.services.message_html import RenderedMessage, render_message
from mailtrixy_desktop.ui.html_images import IMAGE_RESOURCE, Fetch, RemoteImages
from mailtrixy_desktop.ui.i18n import translated

ACTION_SCHEME = "mailtrixy-action"
NO_CONVERSATION = QT_TRANSLATE_NOOP("ThreadView", "Select a conversation to read it")
NO_MESSAGES = QT_TRANSLATE_NOOP("ThreadView", "No messages in this conversation yet")
BANNER = QT_TRANSLATE_NOOP("ThreadView", "Remote images are hidden to protect your privacy.")
_EXTERNAL = ("http", "https", "mailto")
_BOTTOM_SLACK = 8  # pixels from the end that still count as "at the bottom"


_NOTHING = QImage(1, 1, QImage.Format.Format_ARGB32)
_NOTHING.fill(0)


# -- colours --------------------------------------------------------------------------


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved towards ``b`` by ``t``, opaque (rich text ignores most alpha)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class _Colours:
    """The thread's colours, all derived from the palette, readable light or dark."""

    def __init__(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        dark = base.lightness() < 128
        self.text = text.name()
        self.muted = _mix(text, base, 0.42).name()
        self.link = palette.color(QPalette.ColorRole.Link).name()
        self.inbound = _mix(base, text, 0.045 if dark else 0.035).name()
        self.inbound_edge = _mix(base, text, 0.12).name()
        self.outbound = _mix(base, highlight, 0.22 if dark else 0.10).name()
        self.outbound_edge = _mix(base, highlight, 0.40 if dark else 0.28).name()
        self.banner = _mix(base, highlight, 0.14 if dark else 0.07).name()
        # Warning and error hues, light on a dark surface and deep on a light one.
        self.warning = QColor.fromHsl(36, 210, 165 if dark else 80).name()
        self.error = QColor.fromHsl(2, 200, 170 if dark else 95).name()
        self.footer = _mix(base, text, 0.07 if dark else 0.05).name()
        self.warning_footer = _mix(base, QColor(self.warning), 0.12 if dark else 0.10).name()
        self.error_footer = _mix(base, QColor(self.error), 0.12 if dark else 0.08).name()


# -- time -----------------------------------------------------------------------------


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:  # the cache keeps UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()


def format_time(moment: dt.datetime, *, today: dt.date | None = None) -> str:
    """ "Today, 14:05", "Yesterday, 09:12", else the locale's short date and time."""
    local = _local(moment)
    locale = QLocale()
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    today = today or dt.datetime.now().astimezone().date()
    if local.date() == today:
        return QCoreApplication.translate("ThreadView", "Today, {clock}").format(clock=clock)
    if local.date() == today - dt.timedelta(days=1):
        return QCoreApplication.translate("ThreadView", "Yesterday, {clock}").format(clock=clock)
    if today - dt.timedelta(days=6) <= local.date() < today:
        day = locale.dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
        return f"{day}, {clock}"
    date = locale.toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
    )
    return f"{date}, {clock}"


def _long_time(moment: dt.datetime) -> str:
    local = _local(moment)
    locale = QLocale()
    date = locale.toString(QDate(local.year, local.month, local.day), QLocale.FormatType.LongFormat)
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{date}, {clock}"


# -- the document ---------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _action(name: str, op_id: int, label: str) -> str:
    return f'<a href="{ACTION_SCHEME}:{name}/{op_id}">{_e(translated(label))}</a>'


_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "held": (
        ("send-as-is", QT_TRANSLATE_NOOP("ThreadView", "Send as is")),
        ("edit", QT_TRANSLATE_NOOP("ThreadView", "Edit")),
        ("discard", QT_TRANSLATE_NOOP("ThreadView", "Discard")),
    ),
    "failed": (
        ("edit", QT_TRANSLATE_NOOP("ThreadView", "Edit and resend")),
        ("discard", QT_TRANSLATE_NOOP("ThreadView", "Discard")),
    ),
}


def _delivery_mark(entry: ThreadEntry) -> tuple[str, str] | None:
    """(css class, HTML) of the mark under an undelivered reply."""
    reason = (entry.reason or "").strip()
    translate = QCoreApplication.translate
    match entry.delivery:
        case "sent":
            return None
        case "queued":
            return "mt-queued", "◷&nbsp; " + _e(
                translate("ThreadView", "Queued — goes out when the connection is back")
            )
        case "sending":
            return "mt-queued", "↻&nbsp; " + _e(translate("ThreadView", "Sending…"))
        case "editing":
            return "mt-queued", "✎&nbsp; " + _e(translate("ThreadView", "Being edited"))
        case "held":
            kind = "mt-held"
            text = "⚠&nbsp; " + _e(
                translate("ThreadView", "Held for review: {reason}").format(reason=reason)
                if reason
                else translate("ThreadView", "Held for review")
            )
        case "failed":
            kind = "mt-failed"
            text = "✕&nbsp; " + _e(
                translate("ThreadView", "Not sent: {reason}").format(reason=reason)
                if reason
                else translate("ThreadView", "Not sent")
            )
    if entry.op_id is not None:
        links = (_action(name, entry.op_id, label) for name, label in _ACTIONS[entry.delivery])
        text += "<br>" + " &nbsp;·&nbsp; ".join(links)
    return kind, text


def _style_sheet(c: _Colours) -> str:
    return f"""
        body {{ color: {c.text}; }}
        a {{ color: {c.link}; }}
        .mt-muted {{ color: {c.muted}; }}
        .mt-name {{ font-weight: 600; }}
        .mt-queued {{ color: {c.muted}; }}
        .mt-held {{ color: {c.warning}; }}
        .mt-failed {{ color: {c.error}; }}
        .mt-deceptive {{ color: {c.warning}; font-weight: 600; }}
        .mt-blocked-image {{ color: {c.muted}; font-style: italic; }}
        blockquote {{ color: {c.muted}; }}
        .mt-plain {{ margin-top: 12px; margin-bottom: 4px; }}
    """


def _message_html(
    entry: ThreadEntry, rendered: RenderedMessage, contact_name: str, c: _Colours
) -> str:
    m = entry.message
    inbound = m.direction == "inbound"
    if inbound:
        name = contact_name or (m.sender.name if m.sender else "") or (m.sender_email or "")
        detail = m.sender_email if m.sender_email and m.sender_email != name else ""
    else:
        name = (
            m.sender.name
            if m.sender and m.sender.name
            else QCoreApplication.translate("ThreadView", "Your team")
        )
        detail = (
            QCoreApplication.translate("ThreadView", "to {name}").format(name=contact_name)
            if contact_name
            else ""
        )
    header = f'<span class="mt-name">{_e(name)}</span>'
    if detail:
        header += f' &nbsp;<span class="mt-muted">{_e(detail)}</span>'
    when = f'<span class="mt-muted" title="{_e(_long_time(m.created_at))}">'
    when += f"{_e(format_time(m.created_at))}</span>"
    copies = []
    if m.cc:
        copies.append("Cc: " + ", ".join(m.cc))
    if m.bcc:
        copies.append("Bcc: " + ", ".join(m.bcc))
    copies_html = (
        f'<tr><td colspan="2" class="mt-muted">{_e(" · ".join(copies))}</td></tr>' if copies else ""
    )
    body = rendered.html or '<span class="mt-muted">{}</span>'.format(
        _e(QCoreApplication.translate("ThreadView", "(no text)"))
    )
    mark = _delivery_mark(entry)
    footer = ""
    if mark is not None:
        kind, text = mark
        tint = {"mt-held": c.warning_footer, "mt-failed": c.error_footer}.get(kind, c.footer)
        footer = f'<tr><td bgcolor="{tint}" class="{kind}">{text}</td></tr>'
    background, edge = (c.inbound, c.inbound_edge) if inbound else (c.outbound, c.outbound_edge)
    align = "left" if inbound else "right"
    return f"""
<table width="86%" align="{align}" cellspacing="0" cellpadding="12" border="1"
       bgcolor="{background}" style="border-color: {edge}; border-style: solid;
       margin-bottom: 14px; margin-right: 16px;">
<tr><td>
  <table width="100%" cellspacing="0" cellpadding="0" border="0">
    <tr><td>{header}</td><td align="right">{when}</td></tr>
    {copies_html}
  </table>
  {body}
</td></tr>
{footer}
</table>"""


# -- the view -------------------------------------------------------------------------


class ThreadView(QTextBrowser):
    """The messages of one conversation, oldest first, with marks on undelivered replies."""

    sendAsIsRequested = Signal(int)
    editRequested = Signal(int)
    discardRequested = Signal(int)
    loadImagesRequested = Signal()
    _ready = False

    def __init__(self, parent: QWidget | None = None, *, fetch: Fetch | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationThread")
        self.setAccessibleName(self.tr("Conversation thread"))
        # Links never navigate the view: ours become signals, the rest open outside.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(16)
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(self._on_hover)

        self._remote = RemoteImages(self, fetch, task="thread images")
        self._entries: list[ThreadEntry] | None = None  # None: no conversation selected
        self._contact_name = ""
        self._conversation_id: int | None = None
        # What was last shown, to skip a redraw that would change nothing.
        self._shown: tuple[list[ThreadEntry], str, bool, dt.date] | None = None
        self._deceptive: dict[str, str] = {}  # target (as QUrl prints it) -> text shown
        self._rendering = False
        self._stick_to_bottom = True
        self.empty_text = translated(NO_CONVERSATION)

        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range)
        self._apply_style()
        self._ready = True

    # ------------------------------------------------------------------ public
    def set_thread(
        self, entries: Sequence[ThreadEntry], *, contact_name: str, allow_remote: bool
    ) -> None:
        """Show a conversation; the same one again keeps the reader's place."""
        shown = (list(entries), contact_name, allow_remote, dt.date.today())
        if entries and shown == self._shown:
            return  # a poll that changed nothing keeps the selection and the images as they are
        conversation = entries[0].message.conversation_id if entries else None
        same = conversation is not None and conversation == self._conversation_id
        if not same:
            # Images fetched for another conversation are not kept all day.
            self._remote.forget()
        self._shown = shown
        bar = self.verticalScrollBar()
        keep = bar.value() if same and not self._stick_to_bottom else None
        self._entries = list(entries)
        self._contact_name = contact_name
        self._remote.allowed = allow_remote
        self._conversation_id = conversation
        self._stick_to_bottom = keep is None
        self._render(keep)

    def clear_thread(self) -> None:
        """No conversation selected: a calm sentence instead of an empty box."""
        self._entries = None
        self._conversation_id = None
        self._shown = None
        self._render(None)

    @property
    def deceptive_targets(self) -> dict[str, str]:
        """Links flagged as deceptive in the shown thread: target -> text shown."""
        return dict(self._deceptive)

    # ------------------------------------------------------------------ rendering
    def _apply_style(self) -> None:
        self.document().setDefaultStyleSheet(_style_sheet(_Colours(self.palette())))

    def _render(self, keep: int | None) -> None:
        bar = self.verticalScrollBar()
        self._rendering = True
        try:
            self._deceptive.clear()
            if not self._entries:
                self.empty_text = translated(
                    NO_CONVERSATION if self._entries is None else NO_MESSAGES
                )
                self.setAccessibleDescription(self.empty_text)
                self.clear()
                self.viewport().update()
                return
            self.empty_text = ""
            self.setAccessibleDescription("")
            colours = _Colours(self.palette())
            parts: list[str] = []
            blocked = 0
            remote: dict[str, None] = {}
            for entry in self._entries:
                m = entry.message
                rendered = render_message(
                    m.body_html,
                    m.body_text,
                    allow_remote=self._remote.allowed,
                    translate=translated,
                )
                blocked += rendered.blocked_images
                remote.update(dict.fromkeys(rendered.remote_image_urls))
                for shown, target in rendered.deceptive_links:
                    self._deceptive[QUrl(target).toString()] = shown
                parts.append(_message_html(entry, rendered, self._contact_name, colours))
            if blocked and not self._remote.allowed:
                parts.insert(0, self._banner(colours))
            self.setHtml("<body>" + "".join(parts) + "</body>")
        finally:
            self._rendering = False
        bar.setValue(bar.maximum() if keep is None else min(keep, bar.maximum()))
        if self._remote.allowed and remote:
            self._remote.fetch(list(remote))

    def _banner(self, c: _Colours) -> str:
        load = _e(self.tr("Load images"))
        return f"""
<table width="100%" cellspacing="0" cellpadding="10" border="0" bgcolor="{c.banner}"
       style="margin-bottom: 14px;">
<tr><td>{_e(translated(BANNER))} &nbsp;<a href="{ACTION_SCHEME}:load-images"><b>{load}</b></a>
</td></tr></table>"""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(
            _mix(
                self.palette().color(QPalette.ColorRole.Text),
                self.palette().color(QPalette.ColorRole.Base),
                0.45,
            )
        )
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        area = self.viewport().rect().adjusted(32, 0, -32, 0)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
        )
        painter.end()

    def showEvent(self, event: QShowEvent) -> None:
        # On its first show QTextEdit scrolls to its text cursor (the top); the reader's
        # place, or the bottom, wins.
        bar = self.verticalScrollBar()
        stick, place = self._stick_to_bottom, bar.value()
        super().showEvent(event)
        self._stick_to_bottom = stick
        bar.setValue(bar.maximum() if stick else place)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not self._ready:
            return  # a palette arriving while the widget is being built
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # Light and dark: every colour comes from the palette, so redraw with the new one.
            self._apply_style()
            if self._entries:
                self._render(None if self._stick_to_bottom else self.verticalScrollBar().value())

    # ------------------------------------------------------------------ scrolling
    def _on_scrolled(self, value: int) -> None:
        if not self._rendering:
            self._stick_to_bottom = value >= self.verticalScrollBar().maximum() - _BOTTOM_SLACK

    def _on_range(self, _minimum: int, maximum: int) -> None:
        # The document grew (an image arrived, the view narrowed): a reader at the
        # bottom stays there.
        if self._stick_to_bottom and not self._rendering:
            self.verticalScrollBar().setValue(maximum)

    # ------------------------------------------------------------------ resources
    def loadResource(self, kind: int, name: QUrl | str, /) -> object:
        url = QUrl(name) if isinstance(name, str) else name
        if kind == IMAGE_RESOURCE and url.scheme().lower() == "cid":
            # Inline attachments are not fetched: nothing shown rather than Qt's
            # missing-image icon in every signature.
            return _NOTHING
        return self._remote.resource(kind, url)

    # ------------------------------------------------------------------ links
    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == ACTION_SCHEME:
            self._on_action(url.path())
        elif scheme in _EXTERNAL:
            shown = self._deceptive.get(url.toString())
            if shown is not None and not self._confirm_deceptive(shown, url):
                return
            QDesktopServices.openUrl(url)
        # Anything else (no scheme, a fragment) goes nowhere.

    def _on_action(self, path: str) -> None:
        if path == "load-images":
            self.loadImagesRequested.emit()
            return
        name, _, number = path.partition("/")
        if not number.isdigit():
            return
        signal = {
            "send-as-is": self.sendAsIsRequested,
            "edit": self.editRequested,
            "discard": self.discardRequested,
        }.get(name)
        if signal is not None:
            signal.emit(int(number))

    def _confirm_deceptive(self, shown: str, url: QUrl) -> bool:
        real = url.host() or url.path()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Open this link?"),
            self.tr("The link shows “{shown}” but goes to {real}.").format(shown=shown, real=real),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(self.tr("Open {toString} anyway?").format(toString=url.toString()))
        open_button = box.addButton(
            self.tr("Open {real}").format(real=real), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is open_button

    def _on_hover(self, url: QUrl) -> None:
        # Where a link really goes, shown before the click (as a browser's status line).
        if url.scheme().lower() in _EXTERNAL:
            QToolTip.showText(QCursor.pos(), url.toString(), self)
        else:
            QToolTip.hideText()


__all__ = ["ThreadView", "format_time"]
