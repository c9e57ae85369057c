"""Deterministic PDF, Word and court-text transcripts for the benchmarks, made from the synthetic interview of
`generate`.

    python benchmarks/generate_documents.py --pdf-pages 200 -o hearing.pdf
    python benchmarks/generate_documents.py --docx-megabytes 10 -o interview.docx
    python benchmarks/generate_documents.py --hearing-kilobytes 512 -o hearing.txt

The PDF is laid out as a court reporter's transcript (25 numbered lines a page, a page number and a running
header and footer), and so is the text file (a page number, then the numbered lines, as a reporter's software
saves one); the Word document has a bold label opening each turn, as transcribers write them.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate, generate_size
from tests.core.docx_writer import bold, docx, para
from tests.core.pdf_writer import HEIGHT, Page, write_pdf

_LINES_PER_PAGE = 25
_WIDTH = 56  # characters on a numbered line of 12-point Courier between the margins


def _hearing_lines(pages: int, seed: int) -> list[str]:
    """The interview's turns as `MR. NAME:  text` wrapped to the width of a numbered line, a turn's first line
    indented: at least `pages` pages of them."""
    lines: list[str] = []
    turns = 40
    while len(lines) < pages * _LINES_PER_PAGE:
        lines = []
        for block in generate(turns, seed).split("\n\n")[1:]:
            label, _, words = block.partition(": ")
            speaker = "MR. QUINN" if label == "Question" else "DR. MARSH" if words else ""
            text = f"{speaker}:  {words}" if speaker else block
            wrapped = textwrap.wrap(text, _WIDTH - 7)
            lines += ["       " + wrapped[0], *wrapped[1:]] if wrapped else []
        turns *= 2
    return lines


def hearing_pdf(pages: int, seed: int = 0) -> bytes:
    """A hearing of `pages` pages: the interview's turns as `MR. NAME:  text` wrapped onto numbered lines."""
    lines = _hearing_lines(pages, seed)
    out = []
    for number in range(pages):
        drawn = [(200, HEIGHT - 40, "UNOFFICIAL DRAFT TRANSCRIPT"), (540, HEIGHT - 40, str(number + 1))]
        for i, line in enumerate(lines[number * _LINES_PER_PAGE:(number + 1) * _LINES_PER_PAGE]):
            y = HEIGHT - 90 - i * 26
            drawn.append((50 if i >= 9 else 57.2, y, str(i + 1)))
            indent = len(line) - len(line.lstrip())
            drawn.append((86 + 7.2 * indent, y, line.strip()))
        drawn.append((160, 36, "Capitol Reporting Associates  (555) 010-2000"))
        out.append(Page(drawn))
    return write_pdf(out)


def hearing_text(kilobytes: float, seed: int = 0) -> str:
    """About `kilobytes` KB of the same hearing as a court reporter's text file: a page number on a line of its
    own at the right, then 25 numbered lines (as a transcript saved from a court reporter's software reads)."""
    probe = _hearing_pages(_hearing_lines(40, seed), 40)
    pages = max(1, round(kilobytes * 1000 * 40 / len(probe.encode("utf-8"))))
    return _hearing_pages(_hearing_lines(pages, seed), pages)


def _hearing_pages(lines: list[str], pages: int) -> str:
    out = []
    for number in range(pages):
        out += [f"{number + 1:>67}", ""]
        page = lines[number * _LINES_PER_PAGE:(number + 1) * _LINES_PER_PAGE]
        out += [f"{i + 1:2d}    {line}".rstrip() for i, line in enumerate(page)]
    return "\n".join(out) + "\n"


def interview_docx(megabytes: float, seed: int = 0) -> bytes:
    """About `megabytes` MB of interview text (the size of the words, before zipping) with bold labels."""
    body = []
    for block in generate_size(megabytes, seed).split("\n\n")[1:]:
        label, colon, words = block.partition(": ")
        body.append(para(bold(label + ":"), " " + words) if colon and len(label) < 40 else para(block))
    return docx(*body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf-pages", type=int, help="write a hearing PDF of this many pages")
    parser.add_argument("--docx-megabytes", type=float, help="write a Word interview of about this many MB of text")
    parser.add_argument("--hearing-kilobytes", type=float, help="write a hearing as text of about this many KB")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.pdf_pages:
        args.output.write_bytes(hearing_pdf(args.pdf_pages))
    elif args.docx_megabytes:
        args.output.write_bytes(interview_docx(args.docx_megabytes))
    elif args.hearing_kilobytes:
        args.output.write_text(hearing_text(args.hearing_kilobytes), encoding="utf-8")
    else:
        parser.error("say --pdf-pages, --docx-megabytes or --hearing-kilobytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
