"""The program's data files, and desktop integration on Linux and the other freedesktop.org systems.

`transcript-reader --install-desktop` writes the menu entry (with the transcript types it opens, so a file
manager's "Open with" lists it) and the icons into the user's XDG data folder (``$XDG_DATA_HOME``, by default
~/.local/share); `--uninstall-desktop` removes exactly those files. Nothing needs root and nothing outside that
folder is touched. The entry starts the program that installed it (its absolute path), so it works for an install
that is not on PATH, such as a virtual environment.

Plain Python: the command line installs without starting Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import platformdirs

from reader.core.paths import package_folder

APP_ID = "transcript-reader"  # the desktop entry's and the icon's name, and Qt's desktop file name
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the PNGs in resources/icons/, made from the SVG


def resource(name: str) -> Path:
    """A file of resources/ (the package `reader.resources`), in a clone as in an installed wheel."""
    return package_folder("reader.resources").joinpath(*name.split("/"))


def icon_png(size: int) -> Path:
    return resource(f"icons/{APP_ID}-{size}.png")


def icon_svg() -> Path:
    return resource(f"icons/{APP_ID}.svg")


# --- the desktop entry -------------------------------------------------------------------------------------

def launch_command() -> list[str]:
    """How a desktop starts this install: its console script beside this interpreter (a pipx or venv install),
    else this interpreter running the package."""
    script = Path(sys.executable).parent / ("transcript-reader.exe" if os.name == "nt" else "transcript-reader")
    if script.is_file():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "reader"]


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")  # characters that make an Exec argument need quotes


def _exec_argument(argument: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry specification says (a path with spaces)."""
    argument = argument.replace("%", "%%")
    if any(c in _RESERVED for c in argument):
        argument = '"' + "".join("\\" + c if c in '"`$\\' else c for c in argument) + '"'
    return argument.replace("\\", "\\\\")  # the string value's own escaping, on top of the quoting


def _string_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def desktop_entry(command: list[str] | None = None) -> str:
    """resources/transcript-reader.desktop with its Exec lines starting `command` (default: this install), and a
    TryExec that hides the entry once the program is gone."""
    command = command or launch_command()
    program = " ".join(_exec_argument(a) for a in command)
    lines: list[str] = []
    for line in resource(f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key == "Exec":
            if not any(x.startswith("TryExec=") for x in lines):  # the first Exec is the entry's own
                lines.append(f"TryExec={_string_value(command[0])}")
            line = f"Exec={program}{value.removeprefix('transcript-reader')}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def mime_types(entry: str | None = None) -> list[str]:
    """The MIME types the entry says the program opens."""
    for line in (entry or resource(f"{APP_ID}.desktop").read_text(encoding="utf-8")).splitlines():
        if line.startswith("MimeType="):
            return [t for t in line.removeprefix("MimeType=").split(";") if t]
    return []


# --- installing ------------------------------------------------------------------------------------------

def data_home() -> Path:
    """The user's XDG data folder: $XDG_DATA_HOME, else ~/.local/share."""
    return Path(platformdirs.user_data_dir(appauthor=False))


def installed_files(home: Path) -> list[Path]:
    """What --install-desktop writes under `home`: the entry, then the icons."""
    hicolor = home / "icons" / "hicolor"
    return [home / "applications" / f"{APP_ID}.desktop",
            *(hicolor / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
            hicolor / "scalable" / "apps" / f"{APP_ID}.svg"]


def _write(target: Path, data: bytes) -> None:
    """Whole or not at all: a menu must never read a half-written entry."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)


def _refresh_caches(home: Path) -> None:
    """Let the desktop see the change now: the MIME-type cache of the applications folder (which "Open with"
    reads), when the desktop-file-utils tool is there. Desktops without it scan the folder themselves."""
    import shutil  # here: only installing the desktop entry runs a program
    import subprocess

    tool = shutil.which("update-desktop-database")
    if tool and (home / "applications").is_dir():
        subprocess.run([tool, "-q", str(home / "applications")], check=False, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry and the icons under `home` (default: the XDG data folder); the files written."""
    home = home or data_home()
    entry, *pngs, svg = installed_files(home)
    _write(entry, desktop_entry(command).encode("utf-8"))
    for size, target in zip(ICON_SIZES, pngs, strict=True):
        _write(target, icon_png(size).read_bytes())
    _write(svg, icon_svg().read_bytes())
    _refresh_caches(home)
    return [entry, *pngs, svg]


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what `install` wrote (nothing else); the files removed."""
    home = home or data_home()
    removed = []
    for target in installed_files(home):
        if target.is_file():
            target.unlink()
            removed.append(target)
    _refresh_caches(home)
    return removed


# --- the command line -----------------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the reading window that desktops use: installing the entry, and its New Window action."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--install-desktop", action="store_true",
                       help="add Transcript Reader to the desktop's menu and to 'Open with' for transcript files "
                       "(the XDG data folder, ~/.local/share by default), then exit")
    group.add_argument("--uninstall-desktop", action="store_true", help="remove what --install-desktop added")
    parser.add_argument("--new-window", action="store_true",
                        help="open a new window, in the reader already running if there is one")
    # A file manager hands every selected file at once: the first goes to `path`, the rest here.
    parser.add_argument("more_paths", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    """--install-desktop / --uninstall-desktop: say what was written or removed."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        print("transcript-reader: --install-desktop is for Linux and other freedesktop.org desktops; on this "
              "system, start the program from its install folder or make a shortcut to it", file=sys.stderr)
        return 2
    home = data_home()
    if args.install_desktop:
        written = install(home)
        print(f"Added Transcript Reader to the menu, and to 'Open with' for {len(mime_types())} kinds of file "
              "(text, Markdown, captions, web pages, Word, PDF, JSON, TSV/CSV):")
        for path in written:
            print(f"  {path}")
        print("Remove it with: transcript-reader --uninstall-desktop")
    else:
        removed = uninstall(home)
        print("Removed:" if removed else f"Nothing to remove under {home}.")
        for path in removed:
            print(f"  {path}")
    return 0
