"""`transcript-reader grep PATTERN [PATH]`: who said X, and where. Exit 0 on a match, 1 on none, 2 on an error.

Matches are printed as they are found (a one-line file of 50 MB may hold ten million), with at most
`MAX_CONTEXT` characters of context each side, and the notes store is only read, never written.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands.common import CommandError, add_common, open_transcript
from reader.commands.output import neutralise
from reader.core.model import Transcript
from reader.core.search import SearchError, SearchQuery, contexts, resolve_speaker, search

EXIT_NO_MATCH = 1
MAX_CONTEXT = 1000  # characters each side: more is a page, not context
_BOLD_RED, _DIM, _RESET = "\033[1;31m", "\033[2m", "\033[0m"


def speaker_names(transcript: Transcript, data_dir: str | None) -> dict[str, str]:
    """Display names by speaker key: the names the user gave in the reading window, else the parsed ones."""
    from reader.core.notes.store import AnnotationStore

    names = {s.key: s.name for s in transcript.speakers}
    try:
        notes = AnnotationStore(data_dir).open(transcript, read_only=True)
    except Exception as exc:  # unreadable notes must not stop a search; the parsed names still serve
        print(f"transcript-reader: speaker names not loaded ({exc})", file=sys.stderr)
        return names
    names.update({key: name for key, name in notes.speaker_names.items() if key in names and name})
    return names


def _cmd_grep(args: argparse.Namespace) -> int:
    if not args.pattern:
        raise CommandError("the pattern is empty: nothing to search for")
    transcript = open_transcript(args)
    names = speaker_names(transcript, args.data_dir)
    try:
        speaker = resolve_speaker(transcript, args.speaker, names) if args.speaker else None
        matches = search(transcript, SearchQuery(args.pattern, case_sensitive=not args.ignore_case,
                                                 whole_word=args.whole_word, regex=args.regex, speaker=speaker))
    except SearchError as exc:
        raise CommandError(str(exc)) from exc

    width = max(0, min(args.context, MAX_CONTEXT))
    color = not args.json and (args.color == "always" or (args.color == "auto" and sys.stdout.isatty()))
    shown = neutralise if not args.json and sys.stdout.isatty() else str  # a transcript's words, never obeyed
    found = 0
    write = sys.stdout.write
    turn_index, label, where, speaker = -1, "", "", ""
    for m, before, hit, after in contexts(transcript, matches, width):
        if m.turn_index != turn_index:  # the same for every match of a turn
            turn_index, speaker = m.turn_index, names[transcript.turns[m.turn_index].speaker]
            label = transcript.exchange_of(m.turn_index).label
            where = shown(f"{label} (turn {m.turn_index + 1}) {speaker}:")
        if args.json:  # one list, written item by item
            row = {"exchange": label, "turn": m.turn_index, "speaker": speaker, "start": m.start,
                   "end": m.end, "before": before, "match": hit, "after": after}
            write(("[\n" if not found else ",\n") + json.dumps(row, ensure_ascii=False))
        elif color:
            write(f"{_DIM}{where}{_RESET} {shown(before)}{_BOLD_RED}{shown(hit)}{_RESET}{shown(after)}\n")
        else:
            write(f"{where} {shown(before)}{shown(hit)}{shown(after)}\n")
        found += 1
    if args.json:
        sys.stdout.write("\n]\n" if found else "[]\n")
    return 0 if found else EXIT_NO_MATCH


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "grep", help="find who said what: matching turns with exchange, speaker and context",
        description="Print every match with its exchange (Q3), turn number, speaker and the words around it. "
                    "Exit status 0 when something matches, 1 when nothing does, 2 on an error.")
    p.add_argument("pattern", help="text to find (a regular expression with --regex)")
    add_common(p)
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's turns (label or display name)")
    p.add_argument("--regex", "-E", action="store_true", help="PATTERN is a Python regular expression")
    p.add_argument("--ignore-case", "-i", action="store_true", help="match upper and lower case alike")
    p.add_argument("--whole-word", "-w", action="store_true", help="match whole words only")
    p.add_argument("--context", type=int, default=60, metavar="N",
                   help=f"characters of context each side (60, at most {MAX_CONTEXT})")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="mark the match in colour")
    p.add_argument("--json", action="store_true",
                   help="a JSON list of {exchange, turn (0-based), speaker, start, end, before, match, after}; "
                        "start and end are offsets in the turn's text")
    p.set_defaults(func=_cmd_grep)
