"""The strip above the reading text that says which interview this is: title, then date, place and source."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.model import UNKNOWN_SPEAKER_KEY, Transcript
from reader.core.notes.citation import human_date
from reader.ui.themes import Theme


def describe(transcript: Transcript, names: Mapping[str, str] | None = None, *,
             opening: bool = False) -> tuple[str, str]:
    """(title, details): the title as the file gives it, and what is known of when, where, who (by the reader's
    names for them; a speaker merged into another is no one of its own) and from what. For a large file's
    `opening`, shown while the rest is read, the words are not counted yet."""
    meta = transcript.metadata
    source = meta.source or (transcript.path or "").rsplit("/", 1)[-1]
    title = meta.title or source or "Untitled transcript"
    when = human_date(meta.date)
    if meta.time:
        when = f"{when}, {meta.time}" if when else meta.time
    # Words no label gave anyone (a lede, plain paragraphs) are no one to name, unless the reader named them.
    unknown = [t for t in transcript.turns if t.speaker == UNKNOWN_SPEAKER_KEY]
    nameless = bool(unknown) and all(t.unlabelled for t in unknown) and not (names or {}).get(UNKNOWN_SPEAKER_KEY)
    shown = [(names or {}).get(s.key) or s.name for s in transcript.speakers
             if s.turns and not (nameless and s.key == UNKNOWN_SPEAKER_KEY)]
    separator = "; " if any("," in n for n in shown) else ", "  # "Smith, Jane; Okafor, Daniel"
    speakers = separator.join(shown[:4]) + ("…" if len(shown) > 4 else "")
    words = "the opening, the rest being read" if opening else f"{transcript.words:,} words"
    details = [when, meta.place or "", speakers, words, source if source != title else ""]
    return title, " · ".join(d for d in details if d)


class TitleStrip(QWidget):
    """Title and details of the open transcript, as plain text (a title never renders as markup)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("title_strip")
        self.title = QLabel(self)
        self.details = QLabel(self)
        for label in (self.title, self.details):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.details)

    def set_transcript(self, transcript: Transcript, names: Mapping[str, str] | None = None, *,
                       opening: bool = False) -> None:
        """Show a transcript (as the reader corrected who speaks) with the reader's names for its speakers; or a
        large file's `opening` while the rest is read."""
        title, details = describe(transcript, names, opening=opening)
        self.title.setText(title)
        self.details.setText(details)
        self.details.setVisible(bool(details))

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#title_strip {{ background: {theme.base}; border-bottom: 1px solid {theme.band}; }}")
        self.title.setStyleSheet(f"color: {theme.text}; background: transparent;")
        self.details.setStyleSheet(f"color: {theme.muted}; background: transparent;")
