"""Command line: open (the GUI, the default), info, grep, topics, export, import, backups, restore, screenshot.

Every sub-command takes an optional transcript path (the sample interview when omitted). Errors
the user can fix print one line on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys

from reader import desktop
from reader.commands.common import EXIT_USAGE, CommandError, add_common


def _cmd_open(args: argparse.Namespace) -> int:
    if args.install_desktop or args.uninstall_desktop:
        return desktop.run(args)
    from reader.ui.app import run

    return run(args)


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser, and the names of its sub-commands."""
    parser = argparse.ArgumentParser(prog="transcript-reader", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("open", help="open a transcript in the reading window (the default)")
    add_common(p)
    desktop.add_arguments(p)
    p.set_defaults(func=_cmd_open)

    # Each sub-command lives beside the code it drives and adds itself.
    from reader.commands import grep, info, notes, screenshot, topics

    for module in (info, grep, topics, notes, screenshot):
        module.register(sub)
    return parser, set(sub.choices)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser, commands = build_parser()
    if not argv or (argv[0] not in commands and argv[0] not in {"-h", "--help"}):
        argv = ["open", *argv]
    args, extras = parser.parse_known_args(argv)
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
