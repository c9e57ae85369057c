"""How well the reader finds the questions that open exchanges, against gold annotations.

Each `tests/data/exchanges/*.json` names a transcript beside it and the turns a careful reader would open an
exchange with (`exchanges`), and for a hearing the further questions of a member's round (`sub_questions`).
A file with `held_out: true` was written and annotated without being used to tune the rules; its figures are
reported apart.

Per file: precision and recall of the question-opening turns (the `question` of every numbered exchange against
the gold turns), and the ratio of numbered exchanges found to gold exchanges (1.0 is right; above it the reader
splits, below it merges). Overall figures are pooled over the turns of each set.

    python benchmarks/exchanges_eval.py          # the table
    python benchmarks/exchanges_eval.py --turns  # also every turn the reader and the gold disagree on
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.loader import load_transcript  # noqa: E402
from reader.core.model import Transcript  # noqa: E402

DATA = ROOT / "tests" / "data" / "exchanges"


@dataclass(frozen=True)
class Score:
    name: str
    held_out: bool
    gold: frozenset[int]
    found: frozenset[int]

    @property
    def hits(self) -> int:
        return len(self.gold & self.found)

    @property
    def precision(self) -> float:
        return self.hits / len(self.found) if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.hits / len(self.gold) if self.gold else 1.0

    @property
    def count_ratio(self) -> float:
        return len(self.found) / len(self.gold) if self.gold else float("inf")


def question_turns(transcript: Transcript) -> frozenset[int]:
    return frozenset(e.question for e in transcript.exchanges if e.question is not None)


def score(path: Path) -> tuple[Score, Transcript, dict]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    transcript = load_transcript(path.parent / gold["transcript"])
    opens = frozenset(e["turn"] for e in gold["exchanges"])
    return Score(path.stem, bool(gold.get("held_out")), opens, question_turns(transcript)), transcript, gold


def pooled(scores: list[Score]) -> tuple[float, float, float]:
    hits = sum(s.hits for s in scores)
    found = sum(len(s.found) for s in scores)
    gold = sum(len(s.gold) for s in scores)
    return (hits / found if found else 0.0), (hits / gold if gold else 1.0), (found / gold if gold else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", action="store_true", help="list the turns found and gold disagree on")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of gold files (default: tests/data/exchanges)")
    args = parser.parse_args()
    results = [score(path) for path in sorted(args.data.glob("*.json"))]
    print(f"{'file':28} {'set':8} {'gold':>4} {'found':>5} {'P':>5} {'R':>5} {'ratio':>5}")
    for held_out in (False, True):
        chosen = [r for r in results if r[0].held_out is held_out]
        for s, transcript, gold in chosen:
            print(f"{s.name:28} {'held-out' if held_out else 'tuning':8} {len(s.gold):4} {len(s.found):5} "
                  f"{s.precision:5.2f} {s.recall:5.2f} {s.count_ratio:5.2f}")
            if args.turns:
                for turn in sorted(s.gold ^ s.found):
                    side = "missed" if turn in s.gold else "extra "
                    print(f"    {side} {turn:3} {transcript.turns[turn].text[:80]!r}")
            subs = {q["turn"] for q in gold.get("sub_questions", ())}
            if subs:
                inside = {q for e in transcript.exchanges for q in e.questions[1:]}
                print(f"    sub-questions: {len(subs & inside)} of {len(subs)} found, {len(inside - subs)} extra")
        if chosen:
            p, r, ratio = pooled([c[0] for c in chosen])
            label = "held-out" if held_out else "tuning"
            print(f"{'  overall':28} {label:8} {'':4} {'':5} {p:5.2f} {r:5.2f} {ratio:5.2f}")


if __name__ == "__main__":
    main()
