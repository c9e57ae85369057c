"""Everything the reader makes of each test file and each benchmark input, written down to compare before and after
a change meant only to make parsing faster: turns, speakers, times, asides, headings, exchanges, metadata.

    python benchmarks/snapshot_parse.py OUT                  # one JSON file an input in the folder OUT
    python benchmarks/snapshot_parse.py OUT --fixtures       # only the files under tests/data (a minute less)
    python benchmarks/snapshot_parse.py NEW --compare OLD    # write NEW, then name every input that differs

Run it on the code before the change, then after it with --compare: the change keeps the output byte for byte
when no input is named.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.loader import TranscriptError, load_transcript
from reader.core.model import Transcript

ROOT = Path(__file__).resolve().parents[1]


def plain(value: object) -> object:
    """`value` as JSON can hold it: dataclasses as objects, enums as their values, sequences as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [plain(item) for item in value]
    return value


def snapshot(t: Transcript) -> dict[str, object]:
    found = plain(t)
    assert isinstance(found, dict)
    found["source"] = hashlib.sha256(t.source.encode("utf-8", "surrogatepass")).hexdigest()  # not 10 MB again
    found["path"] = t.path and str(Path(t.path).relative_to(ROOT))  # the same in any checkout
    found["turn_words"] = [turn.words for turn in t.turns]
    return found


def inputs(fixtures_only: bool) -> Iterator[tuple[str, Callable[[], Transcript]]]:
    for path in sorted((ROOT / "tests" / "data").rglob("*")):
        if path.is_file() and path.suffix != ".py":
            yield str(path.relative_to(ROOT)), lambda path=path: load_transcript(path)  # type: ignore[misc]
    if fixtures_only:
        return
    from benchmarks.bench_parse import inputs as benchmark_inputs

    for benchmark_input in benchmark_inputs():
        yield benchmark_input.name, benchmark_input.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the snapshots to")
    parser.add_argument("--fixtures", action="store_true", help="only the files under tests/data")
    parser.add_argument("--compare", type=Path, help="a folder of earlier snapshots: name the inputs that differ")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    names = []
    for name, read in inputs(args.fixtures):
        try:
            found: object = snapshot(read())
        except TranscriptError as exc:  # a file made to be refused (an encrypted PDF): its message is the result
            found = {"error": str(exc).replace(str(ROOT), "")}
        names.append(name.replace("/", "__") + ".json")
        (args.out / names[-1]).write_text(json.dumps(found, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    if args.compare is None:
        return 0
    differ = [n for n in names if not (args.compare / n).is_file()
              or (args.compare / n).read_bytes() != (args.out / n).read_bytes()]
    print("\n".join(f"differs: {n}" for n in differ) or f"the same on all {len(names)} inputs")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
