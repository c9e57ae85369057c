"""`transcript-reader export` and `transcript-reader import`: a transcript's notes out to a file, and back in.

    transcript-reader export [PATH] [--format txt|md|html|csv|json|docx] [-o OUT] [--only bookmarked|highlights|notes]
                             [--pseudonymise] [--with-transcript] [--by-topic] [--data-dir DIR]
    transcript-reader import [PATH] NOTES.json [--data-dir DIR]
    transcript-reader backups [PATH] [--data-dir DIR]
    transcript-reader restore [PATH] NUMBER|FILE [--data-dir DIR]

A notes file that cannot be read (corrupt, not ours) is reported on stderr with exit status 2, as is an import
file that is not Web Annotation JSON. Notes from a newer version are exported as they are, with a warning.
Without --format, the extension of the -o file picks the format (``-o notes.docx``), else plain text. The speakers
are the reader's (renames, merges, turns given to another speaker).
`backups` lists the earlier versions of the notes and the files set aside as damaged; `restore` brings one back
(the version it replaces is kept, so a restore can be undone the same way).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.common import CommandError, add_common, open_transcript
from reader.commands.output import OutputError, check_output, for_terminal, write_output
from reader.core.model import Transcript
from reader.core.notes.export import BINARY, EXTENSIONS, FORMATS, ONLY, export_bytes, format_of, notes_timeline
from reader.core.notes.importer import NotAnnotationsError, import_file
from reader.core.notes.restore import RestoreError, bring_back, restore_backup
from reader.core.notes.store import AnnotationStore, StoredNotes


def _notes(transcript: Transcript, data_dir: str | None, *, writing: bool = True) -> StoredNotes:
    """The notes, refused when they cannot be trusted. Only `writing` commands record the transcript in the
    index; a file from a newer version is read (for export) but never written."""
    notes = AnnotationStore(data_dir).open(transcript, remember=writing)
    newer = notes.read_only and notes.message is not None and "newer version" in notes.message
    if notes.message and ((notes.read_only and (writing or not newer)) or "moved to" in notes.message):
        raise CommandError(notes.message)
    if notes.message:
        print(f"transcript-reader: {notes.message}", file=sys.stderr)
    return notes


def _cmd_export(args: argparse.Namespace) -> int:
    transcript = open_transcript(args)
    store = AnnotationStore(args.data_dir)
    out: Path | None = None
    fmt = args.format or (format_of(args.output) if args.output else None) or "txt"
    if args.output not in (None, "-"):
        out = Path(args.output)
        if out.is_dir():
            out = out / (Path(transcript.path or "transcript").stem + "-notes" + EXTENSIONS[fmt])
    elif fmt in BINARY:
        raise CommandError(f"a {FORMATS[fmt]} is written to a file: give one with -o")
    try:  # refused before anything is read from the store, so a mistyped path costs nothing
        target = check_output(str(out) if out else "-", inputs=[transcript.path] if transcript.path else [],
                              stores=[store.root])
    except OutputError as exc:
        raise CommandError(str(exc)) from exc
    notes = _notes(transcript, args.data_dir, writing=False)
    parts = None
    if args.by_topic:  # as the Topics panel shows them, with the reader's edits
        from reader.commands.topics import reader_sections
        from reader.core.topics.outline import contents

        parts = contents(reader_sections(notes.attributed, notes.topic_edits)) if notes.attributed.turns else None
    try:
        data = export_bytes(notes.attributed, notes.annotations, fmt, notes.speaker_names, only=args.only,
                            pseudonymise=args.pseudonymise, with_transcript=args.with_transcript,
                            timeline=notes_timeline(notes.attributed, notes.recording, notes.sync_points),
                            contents=parts)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    if target is None:
        sys.stdout.write(for_terminal(data.decode("utf-8")))
        sys.stdout.flush()
        return 0
    try:
        write_output(target, data)
    except OutputError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{len(notes.annotations)} annotations written to {out}", file=sys.stderr)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    # `import NOTES.json` (the sample) or `import PATH NOTES.json`
    if args.notes_file is None:
        args.path, args.notes_file = None, args.path
    if args.notes_file is None:
        raise CommandError("import needs a notes file: transcript-reader import [PATH] NOTES.json")
    transcript = open_transcript(args)
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


def _listing(store: AnnotationStore, transcript: Transcript) -> list[tuple[str, Path]]:
    """What `restore` can bring back, numbered as `backups` lists it: earlier versions, then set-aside files."""
    found = [("version", b.path) for b in store.backups(transcript.fingerprint)]
    return found + [("aside", p) for p in store.set_aside(transcript.fingerprint)]


def _cmd_backups(args: argparse.Namespace) -> int:
    transcript = open_transcript(args)
    store = AnnotationStore(args.data_dir)
    versions = store.backups(transcript.fingerprint)
    aside = store.set_aside(transcript.fingerprint)
    if not versions and not aside:
        print(f"No earlier versions of the notes of {transcript.metadata.title or transcript.path} yet.")
        return 0
    if versions:
        print("Earlier versions (restore NUMBER makes the notes what they were):")
        for n, backup in enumerate(versions, 1):
            print(backup.line(n))
    if aside:
        print("Set aside as damaged (restore NUMBER takes in what can be read):")
        for n, path in enumerate(aside, len(versions) + 1):
            print(f"{n:>3}. {path}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    if args.which is None:
        args.path, args.which = None, args.path
    if args.which is None:
        raise CommandError("restore needs a number from `transcript-reader backups`, or a file")
    transcript = open_transcript(args)
    store = AnnotationStore(args.data_dir)
    listing = _listing(store, transcript)
    if args.which.isdigit():
        number = int(args.which)
        if not 1 <= number <= len(listing):
            raise CommandError(f"no backup {number}; `transcript-reader backups` lists {len(listing)}")
        kind, path = listing[number - 1]
    else:
        path = Path(args.which)
        kind = "aside" if ".corrupt-" in path.name else "version"
    notes = _notes(transcript, args.data_dir)
    try:
        summary = bring_back(notes, path).summary() if kind == "aside" else restore_backup(notes, path)
    except RestoreError as exc:
        raise CommandError(str(exc)) from exc
    if notes.dirty and not notes.save():
        raise CommandError(notes.last_error or "the notes could not be saved")
    print(f"{path.name}: {summary}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a transcript's notes as text, Markdown, HTML, CSV, W3C JSON or Word")
    add_common(p)
    p.add_argument("--format", "-f", choices=list(FORMATS),
                   help="output format (default: the -o file's extension, else txt)")
    p.add_argument("-o", "--output", help="file or folder to write (default: standard output)")
    p.add_argument("--only", choices=list(ONLY), help="; ".join(f"{k}: only {v}" for k, v in ONLY.items()))
    p.add_argument("--pseudonymise", "--pseudonymize", action="store_true",
                   help="replace speakers' names by their role and a number (Interviewer 1, Interviewee 1)")
    p.add_argument("--with-transcript", action="store_true",
                   help="txt, md, html, docx: the notes under their turns in the transcript's text (with --only "
                        "bookmarked, the bookmarked exchanges only)")
    p.add_argument("--by-topic", action="store_true",
                   help="the notes under the titles of the sections and topics they are in (as the Topics panel "
                        "shows them, with your edits); CSV gets section and topic columns")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("import", help="add notes from W3C Web Annotation JSON (an export, a colleague's notes)")
    add_common(p)
    p.add_argument("notes_file", nargs="?", metavar="NOTES.json", help="the annotations to add")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("backups", help="list earlier versions of a transcript's notes, and files set aside")
    add_common(p)
    p.set_defaults(func=_cmd_backups)

    p = sub.add_parser("restore", help="restore an earlier version of the notes, or take in a file set aside")
    add_common(p)
    p.add_argument("which", nargs="?", metavar="NUMBER|FILE", help="a number from `backups`, or a file")
    p.set_defaults(func=_cmd_restore)
