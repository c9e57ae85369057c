"""Colours in the reading view: speaker names, muted timestamps and stage directions, and extra highlights.

Formatting is lazy. A block's character formats are computed the first time it comes on screen and set on its
`QTextLayout` directly (what QSyntaxHighlighter does inside, without its habit of rehighlighting the whole
document after every change), so opening a 50,000-turn transcript costs nothing here. Extra highlights (search
matches, annotations) are kept per key as sorted turn spans and turned into `ExtraSelection`s only for the turns
on screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from operator import itemgetter

from PySide6.QtGui import QColor, QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextLayout
from PySide6.QtWidgets import QTextEdit

from reader.core.lexer import token_spans
from reader.ui.themes import Theme
from reader.ui.view_document import ViewDocument
from reader.ui.view_pieces import PIECE

Span = tuple[int, int, int, QColor | QTextCharFormat]


def _range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    r = QTextLayout.FormatRange()
    r.start, r.length, r.format = start, length, fmt
    return r


class BlockFormatter:
    """Sets the character formats of blocks as they come into view; `reset` after a theme or text change."""

    def __init__(self) -> None:
        self._done = bytearray()
        self._vdoc: ViewDocument | None = None
        self._speaker_formats: dict[str, QTextCharFormat] = {}
        self._kind_formats: dict[str, QTextCharFormat] = {}
        self._header_format = QTextCharFormat()

    def reset(self, vdoc: ViewDocument | None, theme: Theme) -> None:
        self._vdoc = vdoc
        self._done = bytearray(vdoc.block_count if vdoc else 0)
        self._speaker_formats = {}
        if vdoc is not None:
            for index, speaker in enumerate(vdoc.transcript.speakers):
                fmt = QTextCharFormat()
                fmt.setForeground(theme.speaker_color(index))
                fmt.setFontWeight(QFont.Weight.DemiBold)
                self._speaker_formats[speaker.key] = fmt
        muted = QTextCharFormat()
        muted.setForeground(QColor(theme.muted))
        stage = QTextCharFormat(muted)
        stage.setFontItalic(True)
        label = QTextCharFormat()
        label.setFontWeight(QFont.Weight.DemiBold)
        quote = QTextCharFormat()
        quote.setFontItalic(True)
        self._kind_formats = {"timestamp": muted, "stage": stage, "speaker": label, "quote": quote}
        self._header_format = QTextCharFormat()
        self._header_format.setForeground(QColor(theme.accent))
        self._header_format.setFontWeight(QFont.Weight.Bold)

    def ensure(self, document: QTextDocument, first: QTextBlock, count: int) -> bool:
        """Format the `count` visible blocks from `first` on that are not formatted yet; False when none was."""
        vdoc = self._vdoc
        if vdoc is None:
            return False
        done = self._done
        changed_from = changed_to = -1
        block = first
        while block.isValid() and count > 0:
            if not block.isVisible():
                block = block.next()
                continue
            count -= 1
            number = block.blockNumber()
            if not done[number]:
                done[number] = 1
                block.layout().setFormats(self._formats(vdoc, number))
                if changed_from < 0:
                    changed_from = block.position()
                changed_to = block.position() + block.length()
            block = block.next()
        if changed_from >= 0:
            # setFormats only records the change; this makes the layout re-measure those blocks.
            document.markContentsDirty(changed_from, changed_to - changed_from)
        return changed_from >= 0

    def _formats(self, vdoc: ViewDocument, number: int) -> list[QTextLayout.FormatRange]:
        kind, index = vdoc.locate(number)
        if kind == "header":
            return [_range(0, len(vdoc.transcript.exchanges[index].label), self._header_format)]
        turn = vdoc.transcript.turns[index]
        if vdoc.pieces.count(index) > 1:  # a long turn shown as several blocks: this block's part of it
            return self._piece_formats(vdoc, number, index)
        prefix = vdoc.prefix_lengths[index]
        time = len(vdoc.times[index])
        ranges = [_range(time, prefix - time - 1, self._speaker_formats[turn.speaker])] if prefix > time else []
        if time:
            ranges.append(_range(0, time, self._kind_formats["timestamp"]))
        for start, end, token in token_spans(turn.text):
            fmt = self._kind_formats.get(token)
            if fmt is not None and end > start:
                ranges.append(_range(prefix + start, end - start, fmt))
        return ranges

    def _piece_formats(self, vdoc: ViewDocument, number: int, index: int) -> list[QTextLayout.FormatRange]:
        turn = vdoc.transcript.turns[index]
        piece = number - vdoc.block_of_turn(index)
        prefix = vdoc.prefix_lengths[index] if piece == 0 else 0
        time = len(vdoc.times[index])
        ranges = [_range(time, prefix - time - 1, self._speaker_formats[turn.speaker])] if prefix > time else []
        text = turn.text
        lo, hi = vdoc.pieces.span(index, piece, len(text))
        for start, end, token in token_spans(text[lo:hi]):
            fmt = self._kind_formats.get(token)
            if fmt is not None and end > start:
                ranges.append(_range(prefix + start, end - start, fmt))
        return ranges


class ExtraHighlights:
    """Named layers of highlighted turn spans (search matches, annotations), drawn only where visible."""

    def __init__(self) -> None:
        self._layers: dict[str, tuple[list[int], list[tuple[int, int, int, QTextCharFormat]]]] = {}

    def set(self, key: str, spans: Iterable[Span]) -> None:
        items = []
        for turn, start, end, style in spans:
            if isinstance(style, QTextCharFormat):
                fmt = style
            else:
                fmt = QTextCharFormat()
                fmt.setBackground(style)
            items.append((turn, start, end, fmt))
        if not items:
            self._layers.pop(key, None)
            return
        items.sort(key=lambda item: (item[0], item[1]))
        self._layers[key] = ([item[0] for item in items], items)

    def clear(self) -> None:
        self._layers.clear()

    def count(self, key: str) -> int:
        layer = self._layers.get(key)
        return len(layer[1]) if layer else 0

    def selections(self, document: QTextDocument, vdoc: ViewDocument, first_turn: int,
                   last_turn: int, within: tuple[int, int] | None = None) -> list[QTextEdit.ExtraSelection]:
        """ExtraSelections for the spans in turns `first_turn` to `last_turn`, in layer order; with `within`,
        only those starting between that offset of the first turn (less a piece, for a span begun above the
        screen) and that offset of the last: a turn of megabytes may hold millions of matches."""
        result: list[QTextEdit.ExtraSelection] = []
        for turns, items in self._layers.values():
            lo, hi = bisect_left(turns, first_turn), bisect_right(turns, last_turn)
            if within is not None:
                lo = bisect_left(items, (first_turn, within[0] - PIECE), lo, hi, key=itemgetter(0, 1))
                hi = bisect_right(items, (last_turn, within[1]), lo, hi, key=itemgetter(0, 1))
            for at in range(lo, hi):
                turn, start, end, fmt = items[at]
                block = document.findBlockByNumber(vdoc.block_of_turn(turn))
                if not block.isVisible():
                    continue
                cursor = QTextCursor(document)
                if vdoc.pieces:  # a long turn may be shown as several blocks
                    for offset, mode in ((start, QTextCursor.MoveMode.MoveAnchor),
                                         (end, QTextCursor.MoveMode.KeepAnchor)):
                        number, position = vdoc.place(turn, offset)
                        cursor.setPosition(document.findBlockByNumber(number).position() + position, mode)
                else:
                    base = block.position() + vdoc.prefix_lengths[turn]
                    cursor.setPosition(base + start)
                    cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor  # type: ignore[misc]
                selection.format = fmt  # type: ignore[misc]
                result.append(selection)
        return result
