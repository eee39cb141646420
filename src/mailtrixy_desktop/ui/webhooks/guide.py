"""The pane's "How to verify deliveries" panel: what the signature is, and code to check it.

The code shown is read from ``verify_signature_snippet.py`` in this package, the one
place it lives; the test suite runs that same text against a real delivery, so
what a person copies is code that is known to work.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.ui.i18n import translated

SNIPPET_FILE = "verify_signature_snippet.py"

STEPS = QT_TRANSLATE_NOOP(
    "WebhookGuide",
    "Every delivery is a POST with a JSON body and two headers: "
    "<b>X-MailTrixy-Event</b> names the event, and <b>X-MailTrixy-Signature</b> is "
    "<code>sha256=</code> followed by the HMAC-SHA256 of the raw body, keyed with the "
    "webhook's secret (shown once, when the webhook is created)."
    "<ol style='margin-left: -20px'>"
    "<li>Read the body as raw bytes, before any JSON parsing.</li>"
    "<li>Compute the HMAC with your secret and compare it with the header in "
    "constant time.</li>"
    "<li>Refuse the request (401) when they differ; otherwise answer 2xx quickly. "
    "Failed deliveries are retried with growing pauses.</li>"
    "</ol>",
)


def snippet_text() -> str:
    """The verification code as shipped with the app (package data, read at run time)."""
    return (
        resources.files("mailtrixy_desktop.ui.webhooks")
        .joinpath(SNIPPET_FILE)
        .read_text(encoding="utf-8")
    )


class VerifyGuide(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhookGuidePanel")
        self.setAccessibleName(self.tr("How to verify webhook deliveries"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)

        title = QLabel(self.tr("How to verify deliveries"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        layout.addWidget(title)

        steps = QLabel(translated(STEPS))
        steps.setObjectName("webhookGuideText")
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(steps)

        top = QHBoxLayout()
        python = QLabel("Python")
        bold = QFont(python.font())
        bold.setWeight(QFont.Weight.DemiBold)
        python.setFont(bold)
        top.addWidget(python)
        top.addStretch(1)
        self.copy_button = QPushButton(self.tr("Copy code"))
        self.copy_button.setObjectName("webhookGuideCopy")
        self.copy_button.setAccessibleName(self.tr("Copy the verification code"))
        self.copy_button.clicked.connect(self._copy)
        top.addWidget(self.copy_button)
        layout.addLayout(top)

        self.snippet = QPlainTextEdit()
        self.snippet.setObjectName("webhookGuideSnippet")
        self.snippet.setAccessibleName(self.tr("Python code that verifies a delivery's signature"))
        self.snippet.setReadOnly(True)
        self.snippet.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(8.0, self.font().pointSizeF() * 0.92))
        self.snippet.setFont(mono)
        self.snippet.setPlainText(snippet_text())
        layout.addWidget(self.snippet, 1)

    def code(self) -> str:
        """What the panel shows, exactly (the tests run this)."""
        return self.snippet.toPlainText()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code())
        self.copy_button.setText(self.tr("Copied"))
