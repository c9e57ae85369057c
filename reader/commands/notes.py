"""`transcript-reader export` and `transcript-reader import`: a transcript's notes out to a file, and back in.

    transcript-reader export [PATH] [--format txt|md|html|csv|json] [-o OUT] [--only bookmarked|highlights|notes]
                             [--pseudonymise] [--with-transcript] [--data-dir DIR]
    transcript-reader import [PATH] NOTES.json [--data-dir DIR]

A notes file that cannot be read (corrupt, not ours, from a newer version) is reported on stderr with exit
status 2, as is an import file that is not Web Annotation JSON.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader.cli import CommandError, _open
from reader.core.model import Transcript
from reader.core.notes.export import EXTENSIONS, FORMATS, ONLY, export_notes
from reader.core.notes.importer import NotAnnotationsError, import_file
from reader.core.notes.storage import write_atomic
from reader.core.notes.store import AnnotationStore, TranscriptNotes


def _notes(transcript: Transcript, data_dir: str | None) -> TranscriptNotes:
    notes = AnnotationStore(data_dir).open(transcript)
    if notes.message and (notes.read_only or "moved to" in notes.message):
        raise CommandError(notes.message)
    if notes.message:
        print(f"transcript-reader: {notes.message}", file=sys.stderr)
    return notes


def _cmd_export(args: argparse.Namespace) -> int:
    transcript = _open(args)
    notes = _notes(transcript, args.data_dir)
    try:
        text = export_notes(transcript, notes.annotations, args.format, notes.speaker_names, only=args.only,
                            pseudonymise=args.pseudonymise, with_transcript=args.with_transcript)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    if out.is_dir():
        out = out / (Path(transcript.path or "transcript").stem + "-notes" + EXTENSIONS[args.format])
    try:
        write_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        raise CommandError(f"{out}: cannot write ({exc.strerror})") from exc
    print(f"{len(notes.annotations)} annotations written to {out}", file=sys.stderr)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    # `import NOTES.json` (the sample) or `import PATH NOTES.json`
    if args.notes_file is None:
        args.path, args.notes_file = None, args.path
    if args.notes_file is None:
        raise CommandError("import needs a notes file: transcript-reader import [PATH] NOTES.json")
    transcript = _open(args)
    notes = _notes(transcript, args.data_dir)
    try:
        result = import_file(notes, args.notes_file)
    except NotAnnotationsError as exc:
        raise CommandError(str(exc)) from exc
    for problem in result.problems:
        print(f"transcript-reader: skipped {problem}", file=sys.stderr)
    if notes.dirty and not notes.save():
        raise CommandError(notes.last_error or "the notes could not be saved")
    print(f"Imported into {notes.file}: {result.summary()}")
    return 0


def register(sub: argparse._SubParsersAction, add_common: Callable[..., None]) -> None:
    p = sub.add_parser("export", help="write a transcript's notes as text, Markdown, HTML, CSV or W3C JSON")
    add_common(p)
    p.add_argument("--format", "-f", choices=list(FORMATS), default="txt", help="output format (default: txt)")
    p.add_argument("-o", "--output", help="file or folder to write (default: standard output)")
    p.add_argument("--only", choices=list(ONLY), help="; ".join(f"{k}: only {v}" for k, v in ONLY.items()))
    p.add_argument("--pseudonymise", "--pseudonymize", action="store_true",
                   help="replace speakers' names by their role and a number (Interviewer 1, Interviewee 1)")
    p.add_argument("--with-transcript", action="store_true",
                   help="txt, md, html: the notes under their turns in the transcript's text (with --only "
                        "bookmarked, the bookmarked exchanges only)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("import", help="add notes from W3C Web Annotation JSON (an export, a colleague's notes)")
    add_common(p)
    p.add_argument("notes_file", nargs="?", metavar="NOTES.json", help="the annotations to add")
    p.set_defaults(func=_cmd_import)
