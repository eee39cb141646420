"""Icons: line drawings in ui/icons/, tinted with the palette so they suit light and dark."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

SIZES = (16, 20, 24, 32, 48)


@cache
def _source(name: str) -> str:
    return (resources.files("mailtrixy_desktop.ui") / "icons" / f"{name}.svg").read_text("utf-8")


def _pixmap(svg: str, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, color: QColor | None = None) -> QIcon:
    """``name``.svg drawn in ``color`` (the palette's text colour by default)."""
    if color is None:
        color = QApplication.palette().windowText().color()
    svg = _source(name).replace("currentColor", color.name())
    result = QIcon()
    app = QApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    for size in SIZES:
        result.addPixmap(_pixmap(svg, size, ratio))
    return result


APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The application's own icon (full colour): the PNGs that packaging/make_icons.py
    drew from app.svg, the same pixels as the desktop entry's; the SVG where one is
    missing."""
    result = QIcon()
    folder = resources.files("mailtrixy_desktop.ui") / "icons"
    for size in APP_ICON_SIZES:
        png = folder / f"app-{size}.png"
        pixmap = QPixmap()
        if not (png.is_file() and pixmap.loadFromData(png.read_bytes(), "PNG")):
            pixmap = _pixmap(_source("app"), size, 1.0)
        result.addPixmap(pixmap)
    return result
