"""Who asks and how the turns group into exchanges: pure functions over the turns' speaker keys and texts.

The builder calls these once every turn is known. `infer_roles` names the side that asks (the interviewer) and
the one who answers most (the interviewee); `group_exchanges` cuts the turns into exchanges, each opened by a
question and holding the turns that answer it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import compress

from reader.core.model import Exchange, Role

INTERVIEWER_LABELS = re.compile(
    r"^(q|question|questions|interviewer|host|moderator|presenter|reporter|journalist|"
    r"correspondent|anchor|interviewer \d+|q\d*)$",
    re.IGNORECASE,
)


def infer_roles(keys: Sequence[str], texts: Sequence[str], speakers: Sequence[str],
                known: dict[str, Role], unknown: str) -> dict[str, Role]:
    """The side that asks the questions is the interviewer; the one who answers most is the interviewee.
    `keys` and `texts` are the speaker key and the words of each turn; `speakers` every key once; `known` the
    roles a parser gave; `unknown` the key of the unknown speaker, who is never the interviewee."""
    roles: dict[str, Role] = {key: Role.OTHER for key in speakers}
    roles.update({k: v for k, v in known.items() if k in roles})
    if Role.INTERVIEWER not in roles.values():
        named = [k for k in speakers if INTERVIEWER_LABELS.match(k)]
        if named:
            for k in named:
                roles[k] = Role.INTERVIEWER
        elif len(speakers) >= 2:
            asked: Counter[str] = Counter(compress(keys, [text.rstrip().endswith("?") for text in texts]))
            turns = Counter(keys)
            ratios = {k: asked[k] / turns[k] for k in turns if turns[k] >= 2}
            if ratios:
                best = max(ratios, key=lambda k: ratios[k])
                others = [r for k, r in ratios.items() if k != best]
                if ratios[best] >= 0.4 and all(ratios[best] >= 2 * r for r in others):
                    roles[best] = Role.INTERVIEWER
    if Role.INTERVIEWER in roles.values() and Role.INTERVIEWEE not in roles.values():
        words: Counter[str] = Counter()
        candidates = {key for key, role in roles.items() if role is Role.OTHER and key != unknown}
        for key, text in zip(keys, texts, strict=True):
            if key in candidates:
                words[key] += len(text)
        if words:
            top = words.most_common(1)[0][0]
            roles[top] = Role.INTERVIEWEE
    return roles


def group_exchanges(keys: Sequence[str], roles: dict[str, Role]) -> list[Exchange]:
    """Each interviewer turn opens an exchange; without an interviewer every turn is its own."""
    exchanges: list[Exchange] = []
    has_interviewer = Role.INTERVIEWER in roles.values()
    asking = {key: role is Role.INTERVIEWER for key, role in roles.items()}
    number = 0
    first = 0
    question: int | None = None
    previous_asks = False
    for i, key in enumerate(keys):
        asks = asking[key]
        opens = asks if has_interviewer else True
        # Consecutive interviewer turns (a question split by a cue) stay one question.
        if opens and i > 0 and has_interviewer and previous_asks:
            opens = False
        previous_asks = asks
        if opens and i > first:
            exchanges.append(Exchange(len(exchanges), first, i - 1, question,
                                      number if question is not None else None))
        if opens:
            first = i
            if asks:
                number += 1
                question = i
            else:
                question = None
    if keys:
        exchanges.append(Exchange(len(exchanges), first, len(keys) - 1, question,
                                  number if question is not None else None))
    return exchanges
