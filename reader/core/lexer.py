"""A Pygments lexer for transcript text, and the spans the reading view and the HTML export colour with it.

Token types, chosen so that any Pygments style shows them apart:
- speaker labels (`Q:`, `MR. SMITH:`, `**Jane:**`, `Name (00:03):`, `<v Name>`) are ``Name.Tag``;
- timestamps (`[00:01:23]`, `(00:03)`, `Emma  0:37`, cue timings) are ``Number``, muted grey in the default style;
- stage directions (`[laughter]`, `(inaudible)`, `[crosstalk]`, `(LAUGHS)`) are ``Comment``;
- quoted speech (“...”, "...", «...», „...“) is ``String``;
- cue markup such as `<i>` and `</v>` is ``Comment.Preproc``; everything else is ``Text``.
A label is only a label at the start of a line, so `at 20:08` and `the reason was simple:` stay text.

It is registered as a Pygments plugin (`pygmentize -l transcript FILE`) for files named `*.transcript`;
it claims no common extension such as `.txt`, which would take plain text away from other lexers.
"""

from __future__ import annotations

from functools import lru_cache

from pygments.lexer import RegexLexer, bygroups
from pygments.token import Comment, Name, Number, Operator, Punctuation, String, Text, Whitespace, _TokenType

__all__ = ["SpanKind", "TranscriptLexer", "token_spans"]

_CLOCK = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_BRACKETED_CLOCK = rf"(?:\[{_CLOCK}\]|\({_CLOCK}\))"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁΑ-Ω"
_WORD = rf"[{_UPPER}][\w'’.\-]*"
_PARTICLE = r"(?:de|da|del|der|den|van|von|la|le|du|di|bin|al|el|ibn|y|of|the|and)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|\d+|{_PARTICLE})){{0,5}}"
# Capitalised words that open ordinary sentences or header fields with a colon.
_NOT_A_SPEAKER = (r"(?!(?:Note|NB|PS|P\.S\.|Update|Edit|Edited|Warning|Example|Source|Sources|Caption|Correction|"
                  r"Translation|Summary|Disclaimer|Remember|Look|Listen|Subject|Date|Time|Title|Location|Place|Tags|"
                  r"Posted|Published|Transcript|Duration|Language|Kind|Also|Yes|No|Well|So|And|But|Now|Here|"
                  r"First|Second|Finally|Important)\b[^\n:]{0,3}:)")
_STAGE_WORDS = (r"inaudible|unintelligible|indiscernible|crosstalk|cross-talk|laughs?|laughing|laughter|applause|"
                r"pause|silence|sighs?|coughs?|music|noise|overlapping|overtalk|phonetic|ph|sic|break|"
                r"audio|recording|speaking|foreign|through (?:an )?interpreter|off mic|off-mic|chuckles?|"
                r"gasps?|groans?|clears throat|background|static|beep|ringing|door|phone|end|beginning|"
                r"interruption|interrupts|technical|unclear|unknown|redacted|translated|translation")


class TranscriptLexer(RegexLexer):
    """Speaker labels, timestamps, stage directions and quoted speech in transcripts."""

    name = "Transcript"
    aliases = ["transcript"]  # noqa: RUF012 (Pygments reads these class attributes as plain lists)
    filenames = ["*.transcript"]  # noqa: RUF012
    mimetypes = ["text/x-transcript"]  # noqa: RUF012

    tokens = {  # noqa: RUF012
        "root": [
            # Cue timing of WebVTT and SRT, with its settings.
            (rf"^([ \t]*)({_CLOCK})([ \t]*-->[ \t]*)({_CLOCK})([^\n]*)",
             bygroups(Whitespace, Number, Operator, Number, Comment.Preproc)),
            # [00:01:23] Jane: text    00:00:03 Speaker 1
            (rf"^([ \t]*)({_BRACKETED_CLOCK}|{_CLOCK})([ \t]+)(\*\*|__)?{_NOT_A_SPEAKER}({_NAME}:?)(\*\*|__)?(:?)"
             rf"(?=[ \t]|$)",
             bygroups(Whitespace, Number, Whitespace, Punctuation, Name.Tag, Punctuation, Punctuation)),
            # **Kelly** [0:18]    **Jane Doe:** text
            (rf"^([ \t]*)(\*\*|__){_NOT_A_SPEAKER}({_NAME}:?)(\*\*|__)(:?)(?=[ \t]|$)",
             bygroups(Whitespace, Punctuation, Name.Tag, Punctuation, Punctuation)),
            # Jane Doe (00:03):    Speaker 1: [00:00:03]
            (rf"^([ \t]*){_NOT_A_SPEAKER}({_NAME}:?)([ \t]*)({_BRACKETED_CLOCK})(:?)",
             bygroups(Whitespace, Name.Tag, Whitespace, Number, Punctuation)),
            # Emma  0:37    Jane Doe 00:00:12    (alone on their line)
            (rf"^([ \t]*)({_NAME})([ \t]+)({_CLOCK})([ \t]*)$", bygroups(Whitespace, Name.Tag, Whitespace, Number,
                                                                       Whitespace)),
            # [Jane Doe] 10:05:33
            (rf"^([ \t]*)(\[{_NAME}\])([ \t]+)({_CLOCK})([ \t]*)$", bygroups(Whitespace, Name.Tag, Whitespace,
                                                                           Number, Whitespace)),
            # Jane:    MR. SMITH:    Q:    Dr. J. Doe:
            (rf"^([ \t]*){_NOT_A_SPEAKER}({_NAME}:)(?=[ \t\u00a0]|$)", bygroups(Whitespace, Name.Tag)),
            # Court and briefing questions: `Q.  text`, `Q    text`
            (r"^([ \t]*)([QA]\.?)(?=[ \t\u00a0]{2,}|\.[ \t])", bygroups(Whitespace, Name.Tag)),
            (r"<v(?:\.[\w.-]+)*[ \t]+[^<>\n]*>", Name.Tag),
            (r"</?[A-Za-z][^<>\n]{0,200}>|\{\\[^{}\n]{0,100}\}", Comment.Preproc),
            (rf"<{_CLOCK}>|{_BRACKETED_CLOCK}", Number),
            (r"\[[^\[\]\n]{1,80}\]", Comment),
            (rf"\((?i:{_STAGE_WORDS})\b[^()\n]{{0,60}}\)", Comment),
            (rf"\([{_UPPER}][{_UPPER}0-9 ,.'’\-]{{1,60}}\)", Comment),
            (r"“(?:[^”\n]|\n(?![ \t]*\n))*”", String.Double),
            (r"„(?:[^“”\n]|\n(?![ \t]*\n))*[“”]", String.Double),
            (r"«(?:[^»\n]|\n(?![ \t]*\n))*»", String.Double),
            (r'"(?:[^"\n]|\n(?![ \t]*\n))*"', String.Double),
            (r"[^\n\[\]()\"“„«<{*_]+", Text),
            (r"\n", Whitespace),
            (r"[^\S\n]+", Whitespace),
            (r".", Text),
        ],
    }


SpanKind = str  # "speaker", "timestamp", "stage" or "quote"

_LEXER = TranscriptLexer()


def _kind(token: _TokenType) -> SpanKind | None:
    if token in Name.Tag:
        return "speaker"
    if token in Number:
        return "timestamp"
    if token in Comment.Preproc:
        return None
    if token in Comment:
        return "stage"
    if token in String:
        return "quote"
    return None


@lru_cache(maxsize=8192)
def _spans(text: str) -> tuple[tuple[int, int, SpanKind], ...]:
    spans: list[tuple[int, int, SpanKind]] = []
    for start, token, value in _LEXER.get_tokens_unprocessed(text):
        kind = _kind(token)
        if kind is None or not value:
            continue
        end = start + len(value)
        if spans and spans[-1][2] == kind and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end, kind)
        else:
            spans.append((start, end, kind))
    return tuple(spans)


def token_spans(text: str) -> list[tuple[int, int, SpanKind]]:
    """(start, end, kind) for the marked-up stretches of `text`, in order; plain text is left out.

    Offsets are character offsets into `text` itself (the lexer sees it unchanged: no tab expansion, no added
    newline). Results are cached, since the reading view asks again for every paragraph it repaints."""
    return list(_spans(text))
