"""Command line: open (the GUI, the default), info, grep, topics, export, import, backups, restore, screenshot.

Every sub-command takes an optional transcript path (the sample interview when omitted). Errors
the user can fix print one line on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys

from reader import desktop
from reader.commands.common import EXIT_USAGE, CommandError, add_common
from reader.core import timings

# Each sub-command lives beside the code it drives and adds itself (`register`), by the module it is in. Only the
# module of the command run is imported (all of them for --help), so that opening the window does not import
# what export, import or topics need. tests/core/test_cli_start.py checks that this table names what the modules add.
COMMAND_MODULES = {"info": "info", "grep": "grep", "topics": "topics", "export": "notes", "import": "notes",
                   "backups": "notes", "restore": "notes", "screenshot": "screenshot"}


def _cmd_open(args: argparse.Namespace) -> int:
    if args.install_desktop or args.uninstall_desktop:
        return desktop.run(args)
    from reader.ui.app import run

    return run(args)


def build_parser(command: str | None = None) -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser, and the names of the sub-commands it has: `command`'s alone (with `open`) when given, else all."""
    parser = argparse.ArgumentParser(prog="transcript-reader", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("open", help="open a transcript in the reading window (the default)")
    add_common(p)
    desktop.add_arguments(p)
    add_timings(p)
    p.set_defaults(func=_cmd_open)

    wanted = COMMAND_MODULES.values() if command is None else [COMMAND_MODULES.get(command)]
    for name in dict.fromkeys(m for m in wanted if m):  # in the table's order, each module once
        importlib.import_module(f"reader.commands.{name}").register(sub)
    return parser, set(sub.choices)


def add_timings(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timings", action="store_true",
                   help="print where the time of the start went (imports, decode, parse, window, first_paint, "
                   "idle, in seconds) as one JSON line on stderr")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0] not in COMMAND_MODULES and argv[0] not in {"open", "-h", "--help"}):
        argv = ["open", *argv]
    if argv[0] == "open":
        # The window's start makes many objects and little garbage: the some 60 collections its parser, imports
        # and first picture would set off (6 ms) find next to nothing. The window's collector, driven by a timer,
        # takes over once the application is made (reader.ui.app.run).
        gc.disable()
    parser, _commands = build_parser(None if argv[0] in {"-h", "--help"} else argv[0])
    args, extras = parser.parse_known_args(argv)
    if getattr(args, "timings", False):
        timings.begin()
    # argparse (before 3.12) cannot give an optional positional that follows an option
    # (`grep PATTERN --regex FILE`): hand such leftovers to the positionals still unset.
    for dest in ("path", "notes_file", "which"):
        if extras and not extras[0].startswith("-") and getattr(args, dest, False) is None:
            setattr(args, dest, extras.pop(0))
    if extras:
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    if args.command != "open":
        # Each command says what went wrong in one line of its own; the library's log would repeat it.
        logging.getLogger("reader").setLevel(logging.CRITICAL)
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"transcript-reader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
