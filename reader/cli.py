"""Command line: open (the GUI, the default), info, grep, topics, export, import, screenshot.

Every sub-command takes an optional transcript path (the sample interview when omitted). Errors
the user can fix print one line on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from reader import desktop
from reader.core.formats.detect import layout_names
from reader.core.loader import TranscriptError, load_transcript, sample_path
from reader.core.model import AsideKind, Transcript

EXIT_USAGE = 2


class CommandError(Exception):
    """A failure the user can act on; printed as one line, exit status 2."""


def _open(args: argparse.Namespace) -> Transcript:
    path = getattr(args, "path", None) or sample_path()
    try:
        return load_transcript(path, getattr(args, "layout", None))
    except TranscriptError as exc:
        raise CommandError(str(exc)) from exc


# --- info ------------------------------------------------------------------------------------------


def transcript_summary(t: Transcript, with_turns: bool = False) -> dict:
    total_words = t.words or 1
    summary: dict = {
        "path": t.path,
        "source_format": t.source_format,
        "layout": t.layout,
        "encoding": t.encoding,
        "metadata": {
            "title": t.metadata.title,
            "date": t.metadata.date,
            "time": t.metadata.time,
            "place": t.metadata.place,
            "source": t.metadata.source,
        },
        "speakers": [
            {
                "label": s.label,
                "name": s.name,
                "role": str(s.role),
                "turns": s.turns,
                "words": s.words,
                "share": round(s.words / total_words, 4),
            }
            for s in t.speakers
        ],
        "turns": len(t.turns),
        "exchanges": len(t.exchanges),
        "questions": sum(1 for e in t.exchanges if e.question is not None),
        "paragraphs": t.paragraph_count,
        "words": t.words,
        "fingerprint": t.fingerprint,
        # Everything set aside that is not layout furniture: page furniture and the header lines
        # that became metadata (the issue counts both as boilerplate).
        "boilerplate": [a.text.strip() for a in t.asides if a.kind in (AsideKind.BOILERPLATE, AsideKind.HEADER)],
        "headings": [{"title": h.title, "turn": h.turn, "level": h.level} for h in t.headings],
        "warnings": list(t.warnings),
    }
    if with_turns:
        summary["turn_list"] = [
            {"index": turn.index, "id": turn.id, "speaker": t.speaker(turn).name, "start": turn.start,
             "text": turn.text}
            for turn in t.turns
        ]
    return summary


def _cmd_info(args: argparse.Namespace) -> int:
    t = _open(args)
    summary = transcript_summary(t, args.turns)
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    from reader.commands.output import for_terminal

    def say(line: str) -> None:  # a transcript's words, shown and never obeyed by a terminal
        print(for_terminal(line))

    meta = t.metadata
    say(meta.title or Path(t.path or "").name)
    for label, value in (("Date", meta.date), ("Time", meta.time), ("Place", meta.place), ("Source", meta.source)):
        if value:
            say(f"  {label + ':':8}{value}")
    container = "" if t.source_format == "text" else f"{t.source_format}, "
    say(f"  Layout: {t.layout} ({container}{t.encoding})")
    say(f"  {len(t.turns)} turns, {summary['questions']} questions, {len(t.exchanges)} exchanges, "
        f"{t.paragraph_count} paragraphs, {t.words} words")
    say("Speakers:")
    for s in summary["speakers"]:
        say(f"  {s['name']:<30} {s['role']:<12} {s['turns']:>5} turns {s['words']:>7} words "
            f"{s['share']:>6.1%}")
    if t.boilerplate:
        say(f"Set aside as boilerplate: {len(t.boilerplate)} pieces")
    for warning in t.warnings:
        say(f"Warning: {warning}")
    if args.turns:
        for turn in summary["turn_list"]:
            say(f"\n[{turn['index']}] {turn['speaker']}: {turn['text']}")
    return 0


# --- the GUI -----------------------------------------------------------------------------------------


def _cmd_open(args: argparse.Namespace) -> int:
    if args.install_desktop or args.uninstall_desktop:
        return desktop.run(args)
    from reader.ui.app import run

    return run(args)


# --- argument parsing ------------------------------------------------------------------------------


def _add_common(p: argparse.ArgumentParser, path: bool = True) -> None:
    if path:
        p.add_argument("path", nargs="?", help="transcript file (default: the sample interview)")
    p.add_argument("--layout", choices=layout_names(), help="force a layout instead of detecting it")
    p.add_argument("--data-dir", help="where notes are kept (default: the platform's user data folder, "
                   "or $TRANSCRIPT_READER_DATA_DIR)")


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser, and the names of its sub-commands."""
    parser = argparse.ArgumentParser(prog="transcript-reader", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("open", help="open a transcript in the reading window (the default)")
    _add_common(p)
    desktop.add_arguments(p)
    p.set_defaults(func=_cmd_open)

    p = sub.add_parser("info", help="summary of a transcript: metadata, speakers, counts")
    _add_common(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--turns", action="store_true", help="also list every turn")
    p.set_defaults(func=_cmd_info)

    # Sub-commands that live beside the code they drive add themselves.
    from reader.commands import grep, notes, screenshot, topics

    for module in (grep, topics, notes, screenshot):
        module.register(sub, _add_common)
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
