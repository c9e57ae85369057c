"""One reader per notes folder: starting the program again hands its files to the one already running.

A file manager's "Open with", `xdg-open` or a second `transcript-reader FILE` would otherwise start a second process
that reads and writes the same notes files as the first. Instead the new process connects to the running one
through a local socket (QLocalServer: a Unix socket only this user may use, a named pipe on Windows), sends what
it was asked to open, waits for the answer, and exits; the running one opens the files and brings its window
forward. With no reader running, the new process becomes the server. File > New Window (or `--new-window`) gives a
second window in the same process.

The socket's name comes from the user and the notes folder, so a reader started with another --data-dir is a
reader of its own. The protocol is one line of JSON each way: {"paths": [...], "layout": ..., "new_window": ...}
and {"ok": true}.

Qt Network (some 7 ms of the start with its first use) is loaded only when a reader may be listening: on Unix
the socket is a file in Qt's temporary folder, and where it is missing nobody listens (`may_be_listening`).
Such a start opens its window and listens once its first picture is on screen (windows.py).

Signals of InstanceServer:
    received(object): a HandOver from another start.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

ANSWER_TIMEOUT_MS = 5000  # the running reader answers at once unless it is busy opening a very large file
MAX_REQUEST_BYTES = 1 << 20  # a request names files: anything longer is not ours


@dataclass(frozen=True)
class HandOver:
    """What a start asks for: files to open (absolute paths), a layout to force, or a new window."""

    paths: tuple[str, ...] = ()
    layout: str | None = None
    new_window: bool = False

    def encode(self) -> bytes:
        return json.dumps({"paths": list(self.paths), "layout": self.layout,
                           "new_window": self.new_window}).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> HandOver | None:
        """The request in a line from a socket, or None for anything that is not one."""
        try:
            doc = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(doc, dict):
            return None
        paths, layout, new_window = doc.get("paths"), doc.get("layout"), doc.get("new_window", False)
        if (not isinstance(paths, list) or not all(isinstance(p, str) for p in paths)
                or not isinstance(layout, str | None) or not isinstance(new_window, bool)):
            return None
        return cls(tuple(paths), layout, new_window)


def server_name(data_dir: Path) -> str:
    """The socket's name for this user and notes folder (short: a Unix socket path has about 100 bytes)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the home folder tells users apart too
        user = str(Path.home())
    key = f"{user}\0{Path(data_dir).expanduser().absolute()}".encode()
    return f"transcript-reader-{hashlib.sha256(key).hexdigest()[:20]}"


def may_be_listening(name: str) -> bool:
    """False when no reader listens on `name`: on Unix its socket file is missing (a file left by a reader that
    crashed says True). Always True on Windows, whose named pipes cannot be looked for without connecting."""
    if sys.platform == "win32":
        return True
    return Path(QDir.tempPath(), name).exists()


def hand_over(name: str, request: HandOver, timeout_ms: int = ANSWER_TIMEOUT_MS) -> bool:
    """Send the request to the reader listening on `name`; True once it has answered that it took it."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(min(timeout_ms, 1000)):  # nobody there: a refusal comes at once
        return False
    socket.write(request.encode())
    socket.flush()
    answer = b""
    deadline = time.monotonic() + timeout_ms / 1000
    while b"\n" not in answer and time.monotonic() < deadline:
        if socket.state() != QLocalSocket.LocalSocketState.ConnectedState and not socket.bytesAvailable():
            break
        socket.waitForReadyRead(100)
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    try:
        return json.loads(answer.partition(b"\n")[0]) == {"ok": True}
    except ValueError:
        return False


class InstanceServer(QObject):
    """Listens for other starts of the program and emits what they ask for (see the module's docstring)."""

    received = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def listen(self) -> bool:
        """Take the name; False when another reader has it. A socket left by a reader that crashed (nobody
        answers on it) is removed and taken."""
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        if self._server.listen(self.name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(1000):
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("cannot listen for other starts on %s: %s; each start opens its own window",
                    self.name, self._server.errorString())
        return False

    @Slot()
    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_REQUEST_BYTES:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        request = HandOver.decode(data.partition(b"\n")[0])
        socket.write(json.dumps({"ok": request is not None}).encode() + b"\n")
        socket.flush()
        socket.disconnectFromServer()
        if request is not None:
            self.received.emit(request)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def serve_or_hand_over(data_dir: Path, request: HandOver, parent: QObject | None = None) -> InstanceServer | None:
    """Become the reader that later starts hand over to, or hand `request` to the one that already is.

    None when a running reader took the request (this process has nothing more to do). Otherwise the server,
    listening, or not when the name could not be had (then this start simply runs on its own)."""
    name = server_name(data_dir)
    if hand_over(name, request):
        return None
    server = InstanceServer(name, parent)
    if server.listen():
        return server
    if hand_over(name, request):  # another start took the name a moment before this one
        server.deleteLater()
        return None
    return server
