"""`transcript-reader info [PATH] [--json] [--turns]`: what a transcript is: metadata, layout, speakers, counts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.commands.common import add_common, open_transcript
from reader.commands.output import for_terminal
from reader.core.model import AsideKind, Transcript


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
    t = open_transcript(args)
    summary = transcript_summary(t, args.turns)
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
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


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("info", help="summary of a transcript: metadata, speakers, counts")
    add_common(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--turns", action="store_true", help="also list every turn")
    p.set_defaults(func=_cmd_info)
