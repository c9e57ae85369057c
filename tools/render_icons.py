"""Render the application icon's PNGs from its SVG: `python tools/render_icons.py`.

The PNGs are committed beside the SVG (resources/icons/), because a desktop, a task bar or an installer that
cannot read SVG still needs the icon, and Qt itself then needs no SVG plugin to show it. Run this after changing
the SVG; tests/ui/test_resources.py checks that the PNGs are still the SVG's.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual sizes for applications


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "transcript-reader.svg"
    for size in SIZES:
        target = ICONS / f"transcript-reader-{size}.png"
        if not render(svg, size).save(str(target), "PNG"):
            print(f"{target}: cannot write", file=sys.stderr)
            return 1
        print(f"{target.relative_to(ICONS.parents[1])}: {size}x{size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
