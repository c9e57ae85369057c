"""Starting the window on a machine that lacks Qt's X11 libraries says which ones, instead of Qt's abort."""

from __future__ import annotations

import ctypes.util

import pytest

from reader.cli import main
from reader.ui import app


def test_missing_x11_libraries_are_named(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(app.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    real = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else real(name))

    assert app.missing_x11_libraries()[:1] == ["libxcb-cursor0"]
    assert main([]) == 2
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err


def test_offscreen_needs_no_x11_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert app.missing_x11_libraries() == []
