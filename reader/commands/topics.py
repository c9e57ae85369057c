"""`transcript-reader topics [PATH] [--json]`: the transcript's table of contents in two levels, sections and the
topics inside them, with the reader's corrections."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.commands.common import CommandError, add_common, open_transcript
from reader.core.model import Transcript
from reader.core.notes.store import AnnotationStore
from reader.core.topics import Section
from reader.core.topics.contents import find_sections
from reader.core.topics.edits import TopicEdit, apply_section_edits
from reader.core.topics.outline import OutlineRow, outline, span_label
from reader.core.topics.terms import TermTables


def saved_edits(transcript: Transcript, data_dir: str | None) -> list[TopicEdit]:
    """The topic edits the reader made in the window (the notes only read, never written)."""
    try:
        return AnnotationStore(data_dir).open(transcript, read_only=True).topic_edits
    except Exception as exc:  # unreadable notes must not stop the outline: show the automatic topics
        print(f"transcript-reader: topic edits not loaded ({exc})", file=sys.stderr)
        return []


def reader_sections(transcript: Transcript, edits: list[TopicEdit]) -> list[Section]:
    """The sections and topics as the window shows them: found, then the reader's `edits` made to them."""
    terms = TermTables()  # the table the topics are found with relabels what the edits change
    sections = find_sections(transcript, terms)
    return apply_section_edits(sections, edits, transcript, terms) if edits else sections


def _topic_json(r: OutlineRow) -> dict[str, Any]:
    return {"label": r.topic.label, "first_turn": r.topic.first_turn, "last_turn": r.topic.last_turn,
            "keywords": list(r.topic.keywords), "span": r.span, "share": round(r.share, 4), "edited": not r.topic.auto}


def _cmd_topics(args: argparse.Namespace) -> int:
    transcript = open_transcript(args)
    if not transcript.turns:
        raise CommandError("the transcript has no turns")
    sections = reader_sections(transcript, [] if args.automatic else saved_edits(transcript, args.data_dir))
    rows = outline(transcript, [t for s in sections for t in s.topics])
    shares = [sum(r.share for r in rows if s.first_turn <= r.topic.first_turn <= s.last_turn) for s in sections]
    if args.json:
        doc = {"sections": [{"label": s.label, "first_turn": s.first_turn, "last_turn": s.last_turn,
                             "keywords": list(s.keywords), "source": s.source,
                             "span": span_label(transcript, s), "share": round(share, 4), "edited": not s.auto,
                             "topics": [_topic_json(r) for r in rows
                                        if s.first_turn <= r.topic.first_turn <= s.last_turn]}
                            for s, share in zip(sections, shares, strict=True)],
               "topics": [_topic_json(r) for r in rows]}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    title = transcript.metadata.title or transcript.path or "transcript"
    print(f"{title}: {len(sections)} sections, {len(rows)} topics")
    width = max(len(r.span) for r in rows)
    edited = False
    for number, (section, share) in enumerate(zip(sections, shares, strict=True), 1):
        mark = "*" if not section.auto or section.source == "user" else " "
        edited |= mark == "*"
        print(f"{number:>3}. {span_label(transcript, section):<{width}} {share:>4.0%} {mark}{section.label}")
        inside = [r for r in rows if section.first_turn <= r.topic.first_turn <= section.last_turn]
        for sub, r in enumerate(inside, 1):
            mark = "*" if not r.topic.auto else " "
            edited |= mark == "*"
            line = f"      {number}.{sub:<3} {r.span:<{width}} {r.share:>4.0%} {mark}{r.topic.label}"
            if args.keywords and r.topic.keywords:
                line += f"  ({', '.join(r.topic.keywords)})"
            print(line)
    if edited:
        print("* edited by the reader")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "topics", help="the table of contents: sections and their topics, with span (Q3-Q5) and share of the words",
        description="Find the sections of a transcript (its own headings when it has them) and the topics inside "
                    "them, and print them in order, with the corrections made in the reading window (renames, "
                    "merges, splits). Turn numbers in --json are 0-based; both levels cover every turn, "
                    "contiguously.")
    add_common(p)
    p.add_argument("--json", action="store_true",
                   help='{"sections": [{"label", "first_turn", "last_turn", "keywords", "source", "topics": [...]}], '
                        '"topics": [{"label", "first_turn", "last_turn", "keywords", "span", "share", "edited"}]}')
    p.add_argument("--keywords", action="store_true", help="also print each topic's keywords")
    p.add_argument("--automatic", action="store_true", help="ignore the reader's edits: the automatic topics only")
    p.set_defaults(func=_cmd_topics)
