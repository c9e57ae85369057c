"""Counting words, as a reader means them: letters and digits with inner apostrophes, hyphens and dots
("don't", "al-Nusra" and "U.S." count once each). A turn's and a speaker's counts in the model and the
window's running count in the status bar all come from here, so they agree.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w++(?:['’.-]\w++)*+")  # possessive: the same words, a third faster on long texts


# The words `_WORD` finds, counted without a regex: each byte of the UTF-8 text becomes a class byte
# (a: word, j: joiner, p: anything else) and substring counts give the answer. Words are the starts of `a`
# runs, less the runs a single joiner glues to the previous one. Bytes of characters beyond ASCII count as
# word bytes, which is exact once typographic punctuation is replaced and every such character is a letter
# or digit; otherwise the regex decides.
_CLASSES = bytes(
    ord("a") if b >= 128 or chr(b).isalnum() or b == ord("_") else ord("j") if chr(b) in "'.-" else ord("p")
    for b in range(256)
)
_ASCII = bytes(range(128))
_TYPOGRAPHIC = "“”‘–—…«»•·„‚‹›¿¡§°×\u00a0\u2009\u202f\u200b\u2010\u2011\u2012\u2015\u2032\u2033"


def count_words(text: str) -> int:
    """How many `_WORD` matches `text` holds (on a 10 MB transcript, several times faster than the regex)."""
    data = text.encode("utf-8", "surrogatepass")
    if not text.isascii():
        text = text.replace("’", "'")  # a joiner, like the ASCII apostrophe
        for ch in _TYPOGRAPHIC:
            if ch in text:
                text = text.replace(ch, ",")
        data = text.encode("utf-8", "surrogatepass")
        beyond = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if beyond and not beyond.isalnum():  # a mark or symbol beyond ASCII: the regex knows what it is
            return _WORD.subn("", text)[1]
    c = data.translate(_CLASSES)
    starts = c.count(b"pa") + c.count(b"ja") + c.startswith(b"a")
    glued = c.count(b"aj") - c.count(b"ajj") - c.count(b"ajp") - c.endswith(b"aj")
    return starts - glued


def word_starts(text: str) -> list[int]:
    """Where each word `count_words` counts begins in `text` (the estimated times place a time between words)."""
    return [match.start() for match in _WORD.finditer(text)]
