"""Write `reader/core/topics/word_classes.py`: the English words that are never nouns, as verbs and as modifiers,
so that a label is a noun phrase ("Negotiate and opponent", "Gallium and restrict exports" are not). Derived
once from WordNet 3.0 (which part of speech a word can be) and wordfreq (which words are common enough to list);
neither is a dependency: run this only to refresh the list.

    apt-get install wordnet-base && pip install wordfreq
    python benchmarks/derive_word_classes.py [WORDNET_DICT_FOLDER]    # default: /usr/share/wordnet

A written form counts as the part of speech of any lemma it inflects (WordNet's exception lists, then its
suffix rules: "concludes" -> "conclude", "froze" -> "freeze", "planned" -> "plan"). Listed are the forms of
English with a Zipf frequency of at least FLOOR that WordNet knows, but never as a noun:
- VERBS: only as a verb ("negotiate", "restrict", "resonates");
- MODIFIERS: as an adjective or an adverb, perhaps a verb as well ("actual", "bilateral", "direct"): such a word
  qualifies a noun ("direct debit") but heads no label.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "reader" / "core" / "topics" / "word_classes.py"
FLOOR = 2.5  # Zipf: about once in three million words ("ratify", "resonates")
TOP = 100_000  # wordfreq's list is read this far, down to FLOOR
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# WordNet's own detachment rules (morphy): the suffix of an inflected form and what replaces it.
RULES = {"n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
               ("ies", "y")),
         "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
         "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
         "r": ()}


def read_wordnet(folder: Path) -> tuple[dict[str, set[str]], dict[str, set[tuple[str, str]]]]:
    """Each single-word lemma's parts of speech, and the irregular forms (form -> {(part, lemma)})."""
    lemmas: dict[str, set[str]] = {}
    irregular: dict[str, set[tuple[str, str]]] = {}
    for part, name in FILES.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            lemma = line.split(" ", 1)[0]
            if not line.startswith(" ") and "_" not in lemma:
                lemmas.setdefault(lemma, set()).add(part)
        for line in (folder / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            irregular.setdefault(form, set()).update((part, base) for base in bases)
    return lemmas, irregular


def parts_of(word: str, lemmas: dict[str, set[str]], irregular: dict[str, set[tuple[str, str]]]) -> set[str]:
    """The parts of speech a written form can be: its own as a lemma, and those of the lemmas it inflects."""
    parts = set(lemmas.get(word, ()))
    parts.update(part for part, base in irregular.get(word, ()) if part in lemmas.get(base, ()))
    for part, rules in RULES.items():
        for suffix, replacement in rules:
            if word.endswith(suffix) and part in lemmas.get(word[:len(word) - len(suffix)] + replacement, ()):
                parts.add(part)
    for suffix in ("ed", "ing"):  # a doubled consonant: "planned", "stopping"
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and stem[-1] == stem[-2] and "v" in lemmas.get(stem[:-1], ()):
            parts.add("v")
    return parts


def main(argv: list[str]) -> None:
    lemmas, irregular = read_wordnet(Path(argv[0]) if argv else Path("/usr/share/wordnet"))
    verbs, modifiers = [], []
    for word in wordfreq.top_n_list("en", TOP):
        if wordfreq.zipf_frequency(word, "en") < FLOOR:
            break
        if not word.replace("-", "").isalpha():
            continue
        parts = parts_of(word, lemmas, irregular)
        if not parts or "n" in parts:
            continue
        (verbs if parts == {"v"} else modifiers).append(word)
    lines = ['"""English words that are never nouns: VERBS, only ever verbs ("negotiate", "restrict"), and MODIFIERS,',
             'adjectives or adverbs ("actual", "bilateral"), which qualify a noun but head no label. Derived by',
             "benchmarks/derive_word_classes.py from WordNet 3.0 (the parts of speech) and wordfreq (the words common",
             "enough to list; its data is licensed CC BY-SA 4.0, Robyn Speer and contributors).",
             "",
             "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use, copy, modify",
             "and distribute this software and database and its documentation for any purpose and without fee or",
             "royalty is hereby granted, provided that you agree to comply with the following copyright notice and",
             "statements, including the disclaimer, and that the same appear on ALL copies of the software, database",
             "and documentation, including modifications that you make for internal use or for distribution.",
             'THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS',
             "OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES",
             "NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE",
             "USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,",
             "COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton may not be used",
             "in advertising or publicity pertaining to distribution of the software and/or database. Title to",
             "copyright in this software, database and any associated documentation shall at all times remain with",
             'Princeton University and LICENSEE agrees to preserve same."""',
             ""]
    for name, words in (("VERBS", verbs), ("MODIFIERS", modifiers)):
        body = textwrap.wrap(" ".join(sorted(words)), 112, break_on_hyphens=False)
        lines += ["", f"_{name} = (", *(f'    "{line} "' for line in body[:-1]), f'    "{body[-1]}"', ")",
                  f"{name}: frozenset[str] = frozenset(_{name}.split())"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(verbs)} verbs, {len(modifiers)} modifiers")


if __name__ == "__main__":
    main(sys.argv[1:])
