"""Start the reading window: the QApplication, its names (for settings), style and theme, then the window."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtWidgets import QApplication

from reader.core import timings
from reader.core.notes.store import AnnotationStore
from reader.desktop import APP_ID
from reader.ui.icons import app_icon
from reader.ui.preferences import APPLICATION, ORGANIZATION


def application() -> QApplication:
    """The running QApplication, created and named on first use."""
    app = QApplication.instance()
    if app is None:
        # Fusion draws every palette faithfully, so the dark and sepia themes look the same on every desktop.
        # Asked for on the command line rather than by setStyle, whose answer (the style) would make PySide build
        # the Python types of QStyle's eleven enums before the first picture, which never needs them.
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Transcript Reader")
    app.setDesktopFileName(APP_ID)  # ties the windows to the desktop entry (task bar grouping, Wayland)
    app.setWindowIcon(app_icon())  # every window and dialog, and the task bar
    return app


def run(args: argparse.Namespace) -> int:
    """`transcript-reader [open] [PATH] [--layout L] [--data-dir D] [--timings]`: the window, until it is closed."""
    from reader.ui.background import collect_on_this_thread
    from reader.ui.main_window import MainWindow
    from reader.ui.startup import leave_memory_at_exit, sharing_the_lock, watch_first_picture
    from reader.ui.windows import open_windows

    timings.mark("imports")
    missing = missing_x11_libraries()
    if missing:
        print("transcript-reader: Qt cannot open a window on X11 without the system libraries "
              f"{', '.join(missing)} (Debian/Ubuntu: sudo apt install {' '.join(missing)})", file=sys.stderr)
        return 2
    app = application()
    collect_on_this_thread()  # the collector, off since the command started, runs from the event loop now

    def make_window(*, store: AnnotationStore) -> MainWindow:
        window = MainWindow(store=store, staged=True)  # the first picture before the rest of the window
        if timings.running():  # the first window is made; its file is read next, then it is shown
            timings.mark("window")
            watch_first_picture(window.view)
        return window

    if not open_windows(args, make_window):
        timings.report()
        return 0  # the reader already running opened the files
    timings.mark("window")
    leave_memory_at_exit()
    with sharing_the_lock():  # with the topics jobs, and while the windows are taken down
        return app.exec()


# Qt's xcb plugin needs these beside libxcb itself; a desktop usually has them, a minimal system often
# lacks libxcb-cursor0, and Qt then aborts with a message about "platform plugins" that names none of them.
_XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1"}


def missing_x11_libraries() -> list[str]:
    """The Debian names of the X11 libraries Qt will fail to load, when the window would open on X11."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return []
    if not os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return []
    import ctypes.util  # here: only a start on X11 looks for them

    return [package for library, package in _XCB_LIBRARIES.items() if ctypes.util.find_library(library) is None]
