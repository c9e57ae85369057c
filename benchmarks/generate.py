"""A deterministic synthetic interview in the labelled layout (`Name: text`), for benchmarks and topic tests.

Short questions alternate with long, multi-paragraph answers. The conversation moves through topics, each with
its own vocabulary and named entities, in stretches of 6 to 30 turns, so a topic segmenter has real boundaries to
find; `topic_plan()` gives those boundaries for the same arguments.

    python benchmarks/generate.py 20000 -o big.txt          # 20k turns
    python benchmarks/generate.py --megabytes 10 -o big.txt  # about 10 MB
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

INTERVIEWER = "Question"
INTERVIEWEE = "Dr. Helen Marsh"


@dataclass(frozen=True)
class Topic:
    name: str
    words: tuple[str, ...]
    entities: tuple[str, ...]


TOPICS = (
    Topic("energy", ("pipeline", "gas", "oil prices", "the grid", "renewables", "supply contracts", "reserves",
                     "the winter shortage", "tariffs", "nuclear plants"),
          ("Gazprom", "the Baltic Council", "Rotterdam", "OPEC", "Minister Aldridge")),
    Topic("trade", ("sanctions", "exports", "customs rules", "the trade deficit", "grain shipments", "quotas",
                    "the free-trade agreement", "steel duties", "supply chains", "ports"),
          ("the World Trade Organization", "Brussels", "Shanghai", "Commissioner Vale", "the Danube ports")),
    Topic("security", ("missile tests", "the border", "troops", "the ceasefire", "inspections", "air defence",
                       "the treaty", "military exercises", "arms control", "the demilitarised zone"),
          ("NATO", "the Security Council", "General Okafor", "Pyongyang", "the Black Sea fleet")),
    Topic("elections", ("the campaign", "ballots", "the recount", "turnout", "observers", "the electoral law",
                        "polling stations", "candidates", "the runoff", "voter rolls"),
          ("the Central Election Commission", "Senator Whitlock", "the OSCE mission", "Ohio", "Kharkiv")),
    Topic("health", ("vaccines", "hospitals", "the outbreak", "clinical trials", "nurses", "waiting lists",
                     "the health budget", "infection rates", "testing", "the pharmaceutical industry"),
          ("the World Health Organization", "Dr. Ferreira", "Lagos", "the Pasteur Institute", "Geneva")),
    Topic("climate", ("emissions", "the carbon tax", "floods", "drought", "the Paris targets", "coal",
                      "sea levels", "forest fires", "the climate fund", "heat waves"),
          ("the Arctic Council", "Jakarta", "Greenpeace", "Envoy Lindqvist", "the Mekong delta")),
    Topic("technology", ("cybersecurity", "data centres", "encryption", "hackers", "the chip plants",
                         "artificial intelligence", "broadband", "privacy rules", "satellites", "software exports"),
          ("Silicon Valley", "Huawei", "the Tallinn centre", "Commissioner Brandt", "Shenzhen")),
    Topic("history", ("the archives", "the war memorial", "the anniversary", "the old treaty", "veterans",
                      "the monument", "textbooks", "the museum", "reconciliation", "the commemoration"),
          ("Stalingrad", "the Hermitage", "Professor Kowalski", "Yalta", "the Imperial War Museum")),
)

_OPENERS = ("Well,", "Look,", "Frankly,", "You know,", "First of all,", "As I said,", "Of course,", "Honestly,",
            "Let me put it this way:", "To be fair,")
_LOWERABLE = frozenset({"We", "The", "There", "If", "It", "Nobody", "Our", "People", "When", "At"})
_QUESTION_FORMS = (
    "What do you make of {w}?",
    "Is {e} serious about {w}?",
    "How would you describe {w} right now?",
    "Why has {w} become such an issue for {e}?",
    "Do you expect {e} to change course on {w}?",
    "Some say {w} is the real problem. Do you agree?",
    "And {w}?",
    "Really?",
    "Can you be more specific about {w} and {w2}?",
    "What will you tell {e} about {w}?",
)
_SENTENCES = (
    "We have always said that {w} cannot be separated from {w2}.",
    "When I spoke to {e} last week, we discussed {w} at length.",
    "The problem with {w} is that nobody wants to pay for {w2}.",
    "{E} knows very well what {w} means for ordinary people.",
    "I think {w} will be on the agenda for many years, whatever {e} says.",
    "There were {n} meetings on {w} last year, and not one of them produced a result.",
    "If you look at the figures for {w}, you will see that {w2} has doubled since {y}.",
    "Nobody in {e} believes that {w} can be solved by pressure alone.",
    "We proposed a joint commission on {w} in {y}, and the proposal is still on the table.",
    "Our partners in {e} agree with us on {w}, but not on {w2}.",
    "It is not about {w}; it is about trust, and about {w2}.",
    "The reason was simple: {w} had been ignored for too long.",
    "I read the reports on {w} every morning, and I do not see anything new.",
    "At 20:{mm} that evening the statement on {w} was already out.",
    "People ask me about {w}, and I tell them to look at {e}.",
)


def _fill(template: str, topic: Topic, rng: random.Random) -> str:
    w, w2 = rng.sample(topic.words, 2)
    entity = rng.choice(topic.entities)
    return template.format(w=w, w2=w2, e=entity, E=entity[:1].upper() + entity[1:], n=rng.randint(2, 40),
                           y=rng.randint(1991, 2019), mm=f"{rng.randint(0, 59):02d}")


def topic_plan(turns: int, seed: int = 0) -> list[tuple[int, int, str]]:
    """(first_turn, last_turn, topic name) for each stretch of `generate(turns, seed)`, 0-based and inclusive."""
    rng = random.Random(seed)
    plan: list[tuple[int, int, str]] = []
    first = 0
    previous = None
    while first < turns:
        length = 2 * rng.randint(3, 15)  # whole question-and-answer pairs
        topic = rng.choice([t for t in TOPICS if t.name != previous])
        plan.append((first, min(turns, first + length) - 1, topic.name))
        previous = topic.name
        first += length
    return plan


def generate(turns: int, seed: int = 0) -> str:
    """`turns` turns alternating between an interviewer and an interviewee, deterministic for a seed."""
    by_name = {t.name: t for t in TOPICS}
    rng = random.Random(seed * 7919 + 1)
    lines = [f"Interview with {INTERVIEWEE} (synthetic, seed {seed})", ""]
    for first, last, name in topic_plan(turns, seed):
        topic = by_name[name]
        for index in range(first, last + 1):
            if index % 2 == 0:
                question = _fill(rng.choice(_QUESTION_FORMS), topic, rng)
                if rng.random() < 0.4:
                    question = _fill(rng.choice(_SENTENCES), topic, rng) + " " + question
                lines += [f"{INTERVIEWER}: {question}", ""]
                continue
            paragraphs = [] if rng.random() < 0.15 else [_paragraph(topic, rng) for _ in range(rng.randint(1, 4))]
            if not paragraphs:
                paragraphs = [rng.choice(("No.", "Yes, absolutely.", "I would not say so.", "Exactly."))]
            lines += [f"{INTERVIEWEE}: {paragraphs[0]}", ""]
            for paragraph in paragraphs[1:]:
                lines += [paragraph, ""]
    return "\n".join(lines)


def _paragraph(topic: Topic, rng: random.Random) -> str:
    sentences = [_fill(rng.choice(_SENTENCES), topic, rng) for _ in range(rng.randint(2, 7))]
    if rng.random() < 0.5 and sentences[0].split()[0] in _LOWERABLE:
        sentences[0] = f"{rng.choice(_OPENERS)} {sentences[0][0].lower()}{sentences[0][1:]}"
    return " ".join(sentences)


def generate_size(megabytes: float, seed: int = 0) -> str:
    """About `megabytes` MB (UTF-8) of interview: generated in whole turns, a little over the size asked."""
    target = int(megabytes * 1_000_000)
    probe = generate(400, seed)
    turns = max(2, int(400 * target / len(probe.encode("utf-8")) * 1.02))
    return generate(turns, seed)


def generate_whisper_json(megabytes: float, seed: int = 0) -> str:
    """About `megabytes` MB of WhisperX output for the same kind of interview: a segment per sentence with its
    speaker (`SPEAKER_00` asks, `SPEAKER_01` answers) and per-word timings, as `whisperx --diarize` writes it."""
    import json
    import re

    target = int(megabytes * 1_000_000)
    rng = random.Random(seed)
    segments: list[dict[str, object]] = []
    size = 0
    clock = 0.0
    turns = 400
    while size < target:
        for line in generate(turns, seed + len(segments)).split("\n")[2:]:
            label, _, said = line.partition(": ")
            if not said and not line.strip():
                continue
            speaker = "SPEAKER_00" if label == INTERVIEWER else "SPEAKER_01"
            for sentence in re.split(r"(?<=[.?!])\s+", said or line):
                words = []
                start = clock
                for word in sentence.split():
                    end = clock + 0.12 + 0.05 * len(word)
                    words.append({"word": word, "start": round(clock, 3), "end": round(end, 3),
                                  "score": round(rng.uniform(0.5, 1.0), 3), "speaker": speaker})
                    clock = end + 0.08
                if not words:
                    continue
                segment = {"start": round(start, 3), "end": round(clock, 3), "text": " " + sentence, "words": words,
                           "speaker": speaker}
                segments.append(segment)
                size += len(json.dumps(segment, indent=1)) + 2
                clock += rng.choice((0.2, 0.4, 0.9, 2.5))
                if size >= target:
                    break
            if size >= target:
                break
    return json.dumps({"segments": segments, "language": "en"}, indent=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("turns", type=int, nargs="?", default=1000, help="number of turns (default 1000)")
    parser.add_argument("--megabytes", type=float, help="generate about this many MB instead of a turn count")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    text = generate_size(args.megabytes, args.seed) if args.megabytes else generate(args.turns, args.seed)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
