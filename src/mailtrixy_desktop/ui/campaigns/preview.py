"""An email as its recipient would see it: the subject and the HTML body with the merge
tags filled from one contact, sanitised (``services.message_html``), remote images
withheld until the person asks, and every tag that matches nothing highlighted.

Resources come from ``loadResource`` alone: ``data:`` images decoded here, remote
images only once allowed and fetched (``api.remote_images``, imported on first
use), never a file or a Qt resource a body names.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping
from typing import Final

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services import merge_tags
from mailtrixy_desktop.services.message_html import render_message
from mailtrixy_desktop.ui.html_images import Fetch, RemoteImages
from mailtrixy_desktop.ui.i18n import translated

Contact = Mapping[str, Mapping[str, str]]

ACTION_SCHEME: Final = "mailtrixy-action"
BANNER: Final = QT_TRANSLATE_NOOP(
    "EmailPreview", "Remote images are hidden to protect your privacy."
)


def _mix(a: QColor, b: QColor, t: float) -> str:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    ).name()


class EmailPreview(QTextBrowser):
    loadImagesRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *, fetch: Fetch | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(18)
        self.anchorClicked.connect(self._on_anchor)
        self._remote = RemoteImages(self, fetch, task="campaign preview images")
        self._subject = ""
        self._body: str | None = None
        self._contact: Contact | None = None
        self._custom_keys: Collection[str] = ()
        self.blocked_images = 0
        self.empty_text = self.tr("Nothing to preview yet")
        self._ready = True

    # ------------------------------------------------------------------ public
    def set_email(
        self,
        subject: str,
        body_html: str | None,
        *,
        contact: Contact | None,
        custom_keys: Collection[str],
        allow_remote: bool,
    ) -> None:
        self._subject = subject
        self._body = body_html
        self._contact = contact
        self._custom_keys = custom_keys
        self._remote.allowed = allow_remote
        self._render()

    @property
    def allow_remote(self) -> bool:
        return self._remote.allowed

    def allow_remote_images(self) -> None:
        self._remote.allowed = True
        self._render()

    def shown_text(self) -> str:
        """The preview as plain text (what a reader sees, tags filled)."""
        return self.toPlainText()

    # ------------------------------------------------------------------ rendering
    def _render(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = _mix(text, base, 0.42)
        banner = _mix(base, palette.color(QPalette.ColorRole.Highlight), 0.12)
        rule = _mix(base, text, 0.14)
        dark = base.lightness() < 128
        flag_fill = _mix(base, QColor("#E5484D"), 0.28 if dark else 0.16)
        flag_text = QColor.fromHsl(2, 200, 175 if dark else 95).name()
        link = palette.color(QPalette.ColorRole.Link).name()
        self.document().setDefaultStyleSheet(
            f"body {{ color: {text.name()}; }} a {{ color: {link}; }}"
            f" .mt-muted {{ color: {muted}; }}"
            f" .mt-blocked-image {{ color: {muted}; font-style: italic; }}"
        )

        def flag(tag: str) -> str:
            return (
                f'<span style="background-color: {flag_fill}; color: {flag_text}; '
                f'font-weight: 600;" title="This merge tag matches no contact field">'
                f"{tag}</span>"
            )

        subject = merge_tags.fill(self._subject, self._contact, self._custom_keys)
        subject_html = (
            html.escape(subject)
            or f'<span class="mt-muted">{html.escape(self.tr("(no subject)"))}</span>'
        )
        for tag in merge_tags.unknown_tags(self._subject, self._custom_keys):
            subject_html = subject_html.replace(html.escape(tag), flag(html.escape(tag)))
        if not (self._body or "").strip():
            body = f'<p class="mt-muted">{html.escape(self.empty_text)}</p>'
            rendered_blocked, remote = 0, tuple[str, ...]()
        else:
            filled = merge_tags.fill_html(self._body or "", self._contact, self._custom_keys)
            rendered = render_message(
                filled, None, allow_remote=self._remote.allowed, translate=translated
            )
            body = merge_tags.highlight_unmatched(rendered.html, flag)
            rendered_blocked, remote = rendered.blocked_images, rendered.remote_image_urls
        self.blocked_images = rendered_blocked
        subject_word = html.escape(self.tr("Subject"))
        load_images = html.escape(self.tr("Load images"))
        parts = [
            f'<p style="margin-bottom: 4px;"><span class="mt-muted">{subject_word}</span><br>'
            f'<span style="font-size: large; font-weight: 600;">{subject_html}</span></p>',
            f'<hr style="background-color: {rule}; height: 1px; border: none;">',
        ]
        if rendered_blocked and not self._remote.allowed:
            parts.append(
                f'<table width="100%" cellpadding="8" bgcolor="{banner}"><tr><td>'
                f"{html.escape(translated(BANNER))} &nbsp;"
                f'<a href="{ACTION_SCHEME}:load-images"><b>{load_images}</b></a></td></tr></table>'
            )
        parts.append(body)
        bar = self.verticalScrollBar()
        keep = bar.value()
        self.setHtml("<body>" + "".join(parts) + "</body>")
        bar.setValue(min(keep, bar.maximum()))
        if self._remote.allowed and remote:
            self._remote.fetch(list(remote))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if getattr(self, "_ready", False) and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            self._render()

    # ------------------------------------------------------------------ resources
    def loadResource(self, kind: int, name: QUrl | str, /) -> object:
        return self._remote.resource(kind, name)

    # ------------------------------------------------------------------ links
    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == ACTION_SCHEME and url.path() == "load-images":
            self.loadImagesRequested.emit()
            self.allow_remote_images()
        elif scheme in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


__all__ = ["EmailPreview"]
