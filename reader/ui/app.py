"""Start the reading window: the QApplication, its names (for settings), style and theme, then the window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication

from reader.core.loader import sample_path
from reader.core.store import AnnotationStore
from reader.ui.preferences import APPLICATION, ORGANIZATION


def application() -> QApplication:
    """The running QApplication, created and named on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        # Fusion draws every palette faithfully, so the dark and sepia themes look the same on every desktop.
        app.setStyle("Fusion")
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Transcript Reader")
    return app


def run(args: argparse.Namespace) -> int:
    """`transcript-reader [open] [PATH] [--layout L] [--data-dir D]`: the window, until it is closed."""
    from reader.ui.main_window import MainWindow

    app = application()
    window = MainWindow(store=AnnotationStore(getattr(args, "data_dir", None)))
    path = getattr(args, "path", None)
    if not path or not window.open_path(path, getattr(args, "layout", None)):
        window.open_path(sample_path())  # the reason a given file failed stays on screen over the sample
        if window.error_box is not None:
            window.error_box.raise_()
    window.show()
    return app.exec()
