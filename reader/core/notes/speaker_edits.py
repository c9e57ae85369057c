"""The reader's corrections of who speaks: one speaker merged into another ("Unknown Speaker" into "Kim"), and
one turn given to another speaker. They are kept with the notes, as renames are, and never change the file.

`attributed` gives the transcript as the reader corrected it: a new `Transcript` with the same text, turn ids,
exchanges and fingerprint, whose corrected turns name their new speaker and whose speakers count their turns and
words again. Every part that shows who says what (the reading view, the docks, exports, citations) reads that
one, so none of them needs to know about the corrections. A speaker merged away stays in `speakers`, with no
turns left, so that the others keep their place (and their colour).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from reader.core.model import Transcript


def resolve(merged: Mapping[str, str], key: str) -> str:
    """The speaker a key stands for once merges are followed (a merged into b merged into c: c). A cycle, which
    the notes never make but a hand-edited file may hold, stops where it would come back."""
    seen = {key}
    while key in merged and merged[key] not in seen:
        key = merged[key]
        seen.add(key)
    return key


def speaker_of(transcript: Transcript, turn_index: int, merged: Mapping[str, str],
               turns: Mapping[str, str]) -> str:
    """Who says a turn, corrections included; an edit naming a speaker the transcript does not have is ignored."""
    turn = transcript.turns[turn_index]
    given = turns.get(turn.id, turn.speaker)
    key = resolve(merged, given if given in transcript.speaker_by_key else turn.speaker)
    return key if key in transcript.speaker_by_key else turn.speaker


def attributed(transcript: Transcript, merged: Mapping[str, str], turns: Mapping[str, str]) -> Transcript:
    """The transcript with the reader's speaker corrections applied; the transcript itself when none changes a
    turn. Counts move with the turns that change hands: the words of 20,000 turns are not counted again."""
    known = transcript.speaker_by_key
    merged = {k: v for k, v in merged.items() if k in known and v in known and k != v}
    turns = {t: k for t, k in turns.items() if k in known}
    if not merged and not turns:
        return transcript
    by_id = transcript.turn_by_id
    candidates: Iterable[int] = (range(len(transcript.turns)) if merged
                                 else sorted(by_id[t].index for t in turns if t in by_id))
    moved: dict[int, str] = {}
    for index in candidates:
        key = speaker_of(transcript, index, merged, turns)
        if key != transcript.turns[index].speaker:
            moved[index] = key
    if not moved:
        return transcript
    counts = {s.key: [s.turns, s.words] for s in transcript.speakers}
    new_turns = list(transcript.turns)
    for index, key in moved.items():
        turn = new_turns[index]
        words = turn.words
        counts[turn.speaker][0] -= 1
        counts[turn.speaker][1] -= words
        counts[key][0] += 1
        counts[key][1] += words
        new_turns[index] = replace(turn, speaker=key)
    speakers = tuple(replace(s, turns=counts[s.key][0], words=counts[s.key][1]) for s in transcript.speakers)
    return replace(transcript, speakers=speakers, turns=tuple(new_turns))
