"""The reading windows of one process: the first, those of File > New Window, and where a file that another start
handed over (single_instance.py) goes.

A handed-over file goes to the window used last, which is brought forward; a file already open in a window brings
that window forward instead; a request for a new window, and every file after the first, get windows of their
own. All windows share the process's notes store.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, SignalInstance, Slot
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.loader import sample_path
from reader.core.notes.store import AnnotationStore
from reader.ui.session import ReaderSession
from reader.ui.single_instance import HandOver, InstanceServer, may_be_listening, serve_or_hand_over, server_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

CASCADE = QPoint(32, 32)  # a new window is put this far from the one it came from, so both can be seen
LISTEN_LIMIT_MS = 2000  # a first start listens for the later ones once its text shows, or by this long after


class ReadingWindow(Protocol):
    """What the group asks of a window besides being a QWidget (the main window; only the entry point names
    that class)."""

    session: ReaderSession
    error_box: QMessageBox | None
    text_shown: SignalInstance  # its view shows a transcript's text

    def open_path(self, path: str | Path, layout: str | None = None) -> bool: ...


def _widget(window: ReadingWindow) -> QWidget:
    assert isinstance(window, QWidget)  # a reading window is a top-level widget
    return window


class WindowFactory(Protocol):
    def __call__(self, *, store: AnnotationStore) -> ReadingWindow: ...


class WindowGroup(QObject):
    """Keeps the windows alive (a top-level window nobody refers to is deleted) in the order they were used.
    `factory` makes a window on the given store: the main window's class."""

    def __init__(self, store: AnnotationStore, factory: WindowFactory, parent: QObject | None = None) -> None:
        super().__init__(parent or QApplication.instance())
        self.setObjectName("window_group")
        self.store = store
        self.factory = factory
        self.windows: list[ReadingWindow] = []  # the window used last, last
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_app_focus_window_changed)

    @classmethod
    def of(cls, window: ReadingWindow) -> WindowGroup:
        """The group `window` belongs to; one is made around it for a window built on its own (tests, scripts),
        whose new windows are of the same class."""
        app = QApplication.instance()
        for group in app.findChildren(WindowGroup) if app is not None else []:
            if window in group.windows:
                return group
        group = cls(window.session.store, cast(WindowFactory, type(window)))  # its class makes its siblings
        group._adopt(window)
        return group

    def _adopt(self, window: ReadingWindow) -> None:
        self.windows.append(window)
        _widget(window).destroyed.connect(lambda _obj=None, w=window: self._forget(w))

    def _forget(self, window: ReadingWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
        if not self.windows:
            self.deleteLater()  # a group made around a lone window goes with it

    def new_window(self, path: str | Path | None = None, layout: str | None = None) -> ReadingWindow:
        """A shown window on `path` (the sample when None, or when the file cannot be opened: the reason stays
        on screen over it)."""
        previous = _widget(self.windows[-1]) if self.windows else None
        window = self.factory(store=self.store)
        widget = _widget(window)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._adopt(window)
        if previous is not None and previous.isVisible():
            widget.move(previous.pos() + CASCADE)
        if path is None or not window.open_path(path, layout):
            window.open_path(sample_path())
        widget.show()
        if window.error_box is not None:
            window.error_box.raise_()
        bring_forward(window)
        return window

    @Slot(object)
    def open(self, request: HandOver) -> None:
        """Do what a start asks for: open its files, or a new window; always bring a window forward."""
        paths = list(request.paths)
        if request.new_window or not self.windows:
            self.new_window(paths.pop(0) if paths else None, request.layout)
        elif paths:
            path = paths.pop(0)
            window = self._showing(path) or self.windows[-1]
            shown = window.session.transcript
            if shown is None or not _same_file(shown.path, path):
                window.open_path(path, request.layout)
            bring_forward(window)
        else:
            bring_forward(self.windows[-1])
        for path in paths:
            self.new_window(path, request.layout)

    def _showing(self, path: str) -> ReadingWindow | None:
        return next((w for w in reversed(self.windows)
                     if w.session.transcript and _same_file(w.session.transcript.path, path)), None)

    @Slot(QWindow)
    def _on_app_focus_window_changed(self, focus: QWindow | None) -> None:
        for window in self.windows:
            if focus is not None and _widget(window).windowHandle() == focus:
                self.windows.remove(window)
                self.windows.append(window)
                return


def open_windows(args: argparse.Namespace, factory: WindowFactory) -> bool:
    """This start's windows (made by `factory`), on the files of the command line (`path`, `more_paths`,
    `layout`, `new_window`, `data_dir`), and a server for the starts after it; or, when a reader is already
    running on the same notes, the files handed to it. False when handed over: nothing more to do here."""
    store = AnnotationStore(getattr(args, "data_dir", None))
    paths = [p for p in (getattr(args, "path", None), *getattr(args, "more_paths", ())) if p]
    request = HandOver(tuple(str(Path(p).absolute()) for p in paths), getattr(args, "layout", None),
                       getattr(args, "new_window", False))
    name = server_name(store.root)
    server = None
    if may_be_listening(name):
        server = serve_or_hand_over(store.root, request, QApplication.instance())
        if server is None:
            return False
    windows = WindowGroup(store, factory)
    windows.open(request)
    if server is not None:
        server.received.connect(windows.open)
    else:
        _serve_once_shown(name, windows)
    return True


def _serve_once_shown(name: str, windows: WindowGroup) -> None:
    """Listen on `name` for the later starts once the first window's text is on screen (or by LISTEN_LIMIT_MS),
    not before its first picture. Should another start have taken the name meanwhile, this one runs on its
    own, as when the name cannot be had."""
    listening: list[InstanceServer] = []

    def listen() -> None:
        if listening:
            return
        server = InstanceServer(name, QApplication.instance())
        server.listen()
        server.received.connect(windows.open)
        listening.append(server)

    windows.windows[-1].text_shown.connect(listen)
    QTimer.singleShot(LISTEN_LIMIT_MS, windows, listen)  # not once the windows are gone


def _same_file(a: str | Path | None, b: str | Path) -> bool:
    return a is not None and Path(a).resolve() == Path(b).resolve()


def bring_forward(reading_window: ReadingWindow) -> None:
    """Show the window on top and give it the keyboard: restored if minimised, kept maximised if it was. A window
    manager that refuses a background process the focus marks the window as asking for attention instead."""
    window = _widget(reading_window)
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)
