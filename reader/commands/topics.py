"""`transcript-reader topics [PATH] [--json]`: the interview's table of contents, with the reader's corrections."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from reader.cli import CommandError, _open
from reader.core.model import Transcript
from reader.core.topics import Topic, apply_edits, find_topics
from reader.core.topics.outline import outline


def saved_edits(transcript: Transcript, data_dir: str | None) -> list[dict[str, Any]]:
    """The topic edits the reader made in the window, or none when there is no notes store to read."""
    try:
        from reader.core.notes.store import AnnotationStore
    except ImportError:
        return []
    try:
        return AnnotationStore(data_dir).open(transcript, read_only=True).topic_edits
    except Exception as exc:  # unreadable notes must not stop the outline: show the automatic topics
        print(f"transcript-reader: topic edits not loaded ({exc})", file=sys.stderr)
        return []


def reader_topics(transcript: Transcript, data_dir: str | None, with_edits: bool = True) -> list[Topic]:
    topics = find_topics(transcript)
    edits = saved_edits(transcript, data_dir) if with_edits else []
    return apply_edits(topics, edits, transcript) if edits else topics


def _cmd_topics(args: argparse.Namespace) -> int:
    transcript = _open(args)
    if not transcript.turns:
        raise CommandError("the transcript has no turns")
    rows = outline(transcript, reader_topics(transcript, args.data_dir, not args.automatic))
    if args.json:
        doc = {"topics": [{"label": r.topic.label, "first_turn": r.topic.first_turn, "last_turn": r.topic.last_turn,
                           "keywords": list(r.topic.keywords), "span": r.span, "share": round(r.share, 4),
                           "edited": not r.topic.auto} for r in rows]}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    title = transcript.metadata.title or transcript.path or "transcript"
    print(f"{title}: {len(rows)} topics")
    width = max(len(r.span) for r in rows)
    for number, r in enumerate(rows, 1):
        mark = "*" if not r.topic.auto else " "
        line = f"{number:>3}. {r.span:<{width}} {r.share:>4.0%} {mark}{r.topic.label}"
        if args.keywords and r.topic.keywords:
            line += f"  ({', '.join(r.topic.keywords)})"
        print(line)
    if any(not r.topic.auto for r in rows):
        print("* edited by the reader")
    return 0


def register(subparsers: argparse._SubParsersAction, add_common: Callable[..., None]) -> None:
    p = subparsers.add_parser(
        "topics", help="the interview's topics: label, span (Q3-Q5) and share of the words",
        description="Find the topics of an interview and print them in order, with the corrections made in the "
                    "reading window (renames, merges, splits). Turn numbers in --json are 0-based and the topics "
                    "cover every turn, contiguously.")
    add_common(p)
    p.add_argument("--json", action="store_true",
                   help='{"topics": [{"label", "first_turn", "last_turn", "keywords", "span", "share", "edited"}]}')
    p.add_argument("--keywords", action="store_true", help="also print each topic's keywords")
    p.add_argument("--automatic", action="store_true", help="ignore the reader's edits: the automatic topics only")
    p.set_defaults(func=_cmd_topics)
