"""The application icon: every window and dialog shows it, and the committed PNGs are still the SVG's."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reader.desktop import ICON_SIZES, icon_png, icon_svg
from reader.ui.about import AboutDialog
from reader.ui.app import application
from reader.ui.icons import app_icon
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _render_icons():
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "tools" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_icon_has_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {(s.width(), s.height()) for s in icon.availableSizes()} == {(n, n) for n in ICON_SIZES}
    assert icon.actualSize(QSize(16, 16)) == QSize(16, 16)  # the 16 px PNG itself, not the 512 scaled down


def test_the_application_gives_windows_and_dialogs_the_icon(qapp: QApplication, window: MainWindow) -> None:
    app = application()
    assert app.desktopFileName() == "transcript-reader"
    assert {s.width() for s in app.windowIcon().availableSizes()} == set(ICON_SIZES)
    # A window without an icon of its own shows the application's (the title bar, the task bar, Alt+Tab).
    assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()
    dialog = AboutDialog(window.session.store.root, window)
    assert dialog.windowIcon().cacheKey() == app.windowIcon().cacheKey()
    dialog.close()


@pytest.mark.parametrize("size", ICON_SIZES)
def test_the_committed_pngs_are_the_svg_rendered(qapp: QApplication, size: int) -> None:
    """tools/render_icons.py makes them; a changed SVG without new PNGs fails here. Antialiasing may differ a
    little between Qt versions, so each pixel may differ by a few levels, and none by much."""
    fresh = _render_icons().render(icon_svg(), size).convertToFormat(QImage.Format.Format_ARGB32)
    committed = QImage(str(icon_png(size))).convertToFormat(QImage.Format.Format_ARGB32)
    assert (committed.width(), committed.height()) == (size, size)
    diffs = [abs(a - b) for a, b in zip(bytes(fresh.constBits()), bytes(committed.constBits()), strict=True)]
    assert sum(diffs) / len(diffs) < 1 and max(diffs) < 96
