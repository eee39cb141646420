"""One running app per data directory: a second start raises the first window instead.

The first instance listens on a local socket named after the directory; a second
one that can connect says "activate" and leaves, so it never starts a second
sandbox on the same data. A stale socket left by a crash is removed and taken over.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket


def socket_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"mailtrixy-desktop-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


def ask_running_instance(data_dir: Path, timeout_ms: int = 500) -> bool:
    """True when another instance owns ``data_dir`` (it was asked to come to the front)."""
    socket = QLocalSocket()
    socket.connectToServer(socket_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"activate\n")
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Held by the running instance; ``on_activate`` runs when a second start knocks."""

    def __init__(self, data_dir: Path, on_activate: Callable[[], None]) -> None:
        super().__init__()
        self._on_activate = on_activate
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = socket_name(data_dir)
        if not self._server.listen(name):
            QLocalServer.removeServer(name)  # left over from a crash
            self._server.listen(name)
        self._server.newConnection.connect(self._knock)

    def _knock(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            self._on_activate()

    def close(self) -> None:
        self._server.close()
