"""Render the app icon (``src/mailtrixy_desktop/ui/icons/app.svg``) to PNGs.

Writes, from the one SVG:

- ``packaging/icons/hicolor/<n>x<n>/apps/io.mailtrixy.Desktop.png`` and
  ``packaging/icons/hicolor/scalable/apps/io.mailtrixy.Desktop.svg``: the freedesktop
  icon theme layout that the ``.desktop`` entry and the AppStream metainfo name;
- ``src/mailtrixy_desktop/ui/icons/app-<n>.png``: shipped in the package, so the
  window and the tray use pixels drawn once here instead of rendering the SVG at
  every start.

Run it after changing the SVG and commit what it writes::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.mailtrixy.Desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "mailtrixy_desktop" / "ui" / "icons" / "app.svg"
THEME = ROOT / "packaging" / "icons" / "hicolor"
PACKAGE_ICONS = SOURCE.parent


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    scalable = THEME / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{APP_ID}.svg")
    for size in SIZES:
        image = render(renderer, size)
        target = THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        for path in (target, PACKAGE_ICONS / f"app-{size}.png"):
            if not image.save(str(path), "PNG"):
                print(f"make_icons: could not write {path}", file=sys.stderr)
                return 1
        print(f"{size:>4} px  {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
