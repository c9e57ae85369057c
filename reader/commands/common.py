"""What every sub-command shares: the error a user can act on, the transcript it reads, the options it takes."""

from __future__ import annotations

import argparse

from reader.core.formats.detect import layout_names
from reader.core.loader import TranscriptError, load_transcript, sample_path
from reader.core.model import Transcript

EXIT_USAGE = 2


class CommandError(Exception):
    """A failure the user can act on; printed as one line, exit status 2."""


def open_transcript(args: argparse.Namespace) -> Transcript:
    """The transcript a command names (`path`, read with `layout` when given), else the sample interview.
    Raises CommandError for one that cannot be read."""
    path = getattr(args, "path", None) or sample_path()
    try:
        return load_transcript(path, getattr(args, "layout", None))
    except TranscriptError as exc:
        raise CommandError(str(exc)) from exc


def add_common(p: argparse.ArgumentParser) -> None:
    """The options every command takes: the transcript, its layout forced, the notes' data folder."""
    p.add_argument("path", nargs="?", help="transcript file (default: the sample interview)")
    p.add_argument("--layout", choices=layout_names(), help="force a layout instead of detecting it")
    p.add_argument("--data-dir", help="where notes are kept (default: the platform's user data folder, "
                   "or $TRANSCRIPT_READER_DATA_DIR)")
