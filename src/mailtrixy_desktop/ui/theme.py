"""Follow the system's light or dark scheme with the Fusion style.

Qt reports the desktop's colour scheme (``QStyleHints.colorScheme``); where the
platform cannot tell (a bare X server, offscreen), ``MAILTRIXY_COLOR_SCHEME``
(``light`` or ``dark``) decides, which is also how screenshots of both are made.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = QColor("#5B4FE0")


def is_dark() -> bool:
    forced = os.environ.get("MAILTRIXY_COLOR_SCHEME", "").lower()
    if forced in ("light", "dark"):
        return forced == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _dark() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1E1F24"), QColor("#26272D"), QColor("#E6E6EA")
    role = QPalette.ColorRole
    p.setColor(role.Window, window)
    p.setColor(role.WindowText, text)
    p.setColor(role.Base, base)
    p.setColor(role.AlternateBase, QColor("#2B2C33"))
    p.setColor(role.ToolTipBase, QColor("#33343B"))
    p.setColor(role.ToolTipText, text)
    p.setColor(role.Text, text)
    p.setColor(role.Button, QColor("#2F3037"))
    p.setColor(role.ButtonText, text)
    p.setColor(role.BrightText, QColor("#FF6B6B"))
    p.setColor(role.Link, QColor("#9D95FF"))
    p.setColor(role.Highlight, ACCENT)
    p.setColor(role.HighlightedText, QColor("#FFFFFF"))
    p.setColor(role.PlaceholderText, QColor("#8A8B93"))
    p.setColor(role.Mid, QColor("#3A3B42"))
    p.setColor(role.Midlight, QColor("#34353C"))
    p.setColor(role.Dark, QColor("#18191D"))
    p.setColor(role.Light, QColor("#45464E"))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#6E6F77"))
    # Disabled surfaces keep their dark colours (Qt's defaults for them are light).
    for r in (role.Button, role.Base, role.Window, role.AlternateBase):
        p.setColor(QPalette.ColorGroup.Disabled, r, p.color(QPalette.ColorGroup.Active, r))
    return p


def _light() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Highlight, ACCENT)
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    p.setColor(QPalette.ColorRole.Window, QColor("#F4F4F7"))
    p.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#F7F7FA"))
    p.setColor(QPalette.ColorRole.Link, ACCENT)
    return p


def apply(app: QApplication) -> None:
    """Fusion everywhere (the same look on every platform), in the scheme the system asks for."""
    app.setStyle("Fusion")
    app.setPalette(_dark() if is_dark() else _light())


def follow_system(app: QApplication) -> None:
    apply(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
