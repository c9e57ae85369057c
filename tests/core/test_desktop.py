"""The desktop entry and `--install-desktop` / `--uninstall-desktop`, into a temporary XDG data folder; the
resources the package ships (icons, entry, sample)."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from reader import desktop
from reader.cli import main
from reader.core.loader import sample_path

# The transcript files a file manager must offer to open with the reader, by the types shared-mime-info gives them.
OPENS = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".html": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".tsv": "text/tab-separated-values",
}


def _entry(text: str, group: str = "Desktop Entry") -> dict[str, str]:
    """The keys of one group of a desktop entry."""
    keys: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == group and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key] = value
    return keys


@pytest.fixture
def xdg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return home


def test_the_entry_opens_every_transcript_type_with_this_install() -> None:
    entry = _entry(desktop.desktop_entry(["/opt/reader/bin/transcript-reader"]))
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Transcript Reader"
    assert entry["Icon"] == "transcript-reader"
    assert entry["Exec"] == "/opt/reader/bin/transcript-reader %F"  # every selected file, in one start
    assert entry["TryExec"] == "/opt/reader/bin/transcript-reader"  # hidden once the program is gone
    assert entry["StartupWMClass"] == "transcript-reader"
    assert "Office" in entry["Categories"].split(";")
    assert set(OPENS.values()) <= set(entry["MimeType"].split(";"))
    action = _entry(desktop.desktop_entry(["/opt/reader/bin/transcript-reader"]), "Desktop Action new-window")
    assert action["Exec"] == "/opt/reader/bin/transcript-reader --new-window"


def test_a_program_path_with_spaces_and_specials_is_quoted_in_exec() -> None:
    entry = _entry(desktop.desktop_entry(["/home/me/My Apps/50%/bin/transcript-reader", "-m", "reader"]))
    # Quoted for the spaces, % doubled, then the value's backslash escaping (none needed here).
    assert entry["Exec"] == '"/home/me/My Apps/50%%/bin/transcript-reader" -m reader %F'
    entry = _entry(desktop.desktop_entry(['/opt/a"b$/transcript-reader']))
    assert entry["Exec"] == '"/opt/a\\\\"b\\\\$/transcript-reader" %F'


def test_the_entry_starts_this_install() -> None:
    command = desktop.launch_command()
    assert Path(command[0]).is_absolute() and Path(command[0]).exists()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_file_validate_accepts_the_entry(tmp_path: Path) -> None:
    for command in (desktop.launch_command(), ["/home/me/My Apps/$HOME/transcript-reader"]):
        path = tmp_path / "transcript-reader.desktop"
        path.write_text(desktop.desktop_entry(command), encoding="utf-8")
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_install_desktop_writes_the_entry_and_icons_under_the_xdg_data_home(
        xdg_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--install-desktop"]) == 0
    entry = xdg_home / "applications" / "transcript-reader.desktop"
    assert _entry(entry.read_text(encoding="utf-8"))["Exec"].startswith(desktop.launch_command()[0])
    for size in desktop.ICON_SIZES:
        icon = xdg_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "transcript-reader.png"
        assert icon.read_bytes() == desktop.icon_png(size).read_bytes()
    svg = xdg_home / "icons" / "hicolor" / "scalable" / "apps" / "transcript-reader.svg"
    assert svg.read_bytes() == desktop.icon_svg().read_bytes()
    out = capsys.readouterr().out
    assert str(entry) in out and "'Open with'" in out and "--uninstall-desktop" in out
    assert not list(xdg_home.rglob(".*.partial"))


@pytest.mark.skipif(shutil.which("update-desktop-database") is None, reason="desktop-file-utils is not installed")
def test_install_desktop_registers_the_types_for_open_with(xdg_home: Path) -> None:
    assert main(["--install-desktop"]) == 0
    cache = (xdg_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    for mime in OPENS.values():
        assert f"{mime}=transcript-reader.desktop;" in cache
    assert main(["--uninstall-desktop"]) == 0
    assert "transcript-reader.desktop" not in (xdg_home / "applications" / "mimeinfo.cache").read_text()


def test_installing_twice_then_uninstalling_removes_only_what_was_written(
        xdg_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = xdg_home / "applications" / "another-program.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert main(["--install-desktop"]) == 0
    assert main(["--install-desktop"]) == 0  # again: the same files, replaced
    written = desktop.installed_files(xdg_home)
    assert all(path.is_file() for path in written)
    capsys.readouterr()

    assert main(["--uninstall-desktop"]) == 0
    assert not any(path.exists() for path in written)
    assert other.is_file()
    assert "Removed:" in capsys.readouterr().out
    assert main(["--uninstall-desktop"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_install_and_uninstall_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--install-desktop", "--uninstall-desktop"])
    assert "not allowed with" in capsys.readouterr().err


def test_outside_freedesktop_systems_install_desktop_says_so(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(desktop.sys, "platform", "darwin")
    assert main(["--install-desktop"]) == 2
    assert "freedesktop" in capsys.readouterr().err


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_package_ships_the_icon_at_every_size_the_entry_and_the_sample() -> None:
    assert desktop.icon_svg().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in desktop.ICON_SIZES:
        assert _png_size(desktop.icon_png(size)) == (size, size)
    assert {16, 32, 48, 64, 128, 256, 512} <= set(desktop.ICON_SIZES)
    assert desktop.resource("transcript-reader.metainfo.xml").is_file()
    assert desktop.mime_types() == desktop.mime_types(desktop.desktop_entry())
    # The sample is package data too (reader.seeds), found where the package is, not beside a clone's tree.
    assert sample_path().is_file() and sample_path().parent.name == "seeds"
