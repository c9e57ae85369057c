"""Write `reader/core/topics/common_words.py`: the words of general usage in the languages the reader meets,
by how common they are, derived once from wordfreq (not a dependency: run this with wordfreq installed, only
to refresh the list).

    pip install wordfreq && python benchmarks/derive_common_words.py

wordfreq's data is licensed CC BY-SA 4.0 (Robyn Speer and contributors); so is the derived list.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "reader" / "core" / "topics" / "common_words.py"
BANDS = (5.5, 5.0, 4.5, 4.0)  # Zipf frequency: 6 is once per thousand words, 5 once per ten thousand, ...
LANGUAGES = {"en": 4.0, "de": 4.5, "fr": 4.5, "es": 4.5, "ru": 4.5}  # the rarest band kept per language


def main() -> None:
    bands: dict[float, set[str]] = {b: set() for b in BANDS}
    for lang, floor in LANGUAGES.items():
        for word in wordfreq.top_n_list(lang, 60000):
            zipf = wordfreq.zipf_frequency(word, lang)
            if zipf < floor:
                break
            if word.isalpha():
                band = next(b for b in BANDS if zipf >= b)
                bands[band].add(word)
    seen: set[str] = set()
    for band in BANDS:  # a word as common as its most common use in any of the languages
        bands[band] -= seen
        seen |= bands[band]
    lines = ['"""Words of general usage in English, German, French, Spanish and Russian, by how common they are',
             "(Zipf frequency bands), so a label prefers what is distinctive against everyday speech. Derived from",
             "wordfreq's data by benchmarks/derive_common_words.py; licensed CC BY-SA 4.0 (Robyn Speer and",
             'contributors), as that data is."""', "", "BANDS: dict[float, str] = {"]
    for band in BANDS:
        words = " ".join(sorted(bands[band]))
        lines.append(f"    {band}: (")
        lines += [f'        "{chunk} "' for chunk in textwrap.wrap(words, 108)]
        lines.append("    ),")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
