"""The first screen of a large file: its opening shown at once, while the rest is read in the background.

A file whose text is over LARGE_TEXT characters, opened in a window with nothing open yet (the start, a new
window), is shown first by its opening (`loader.parse_opening`: the first turns, as the whole gives them), with
"Reading the rest…" in the status bar; once the view has it on screen, a daemon thread parses the whole file.
Then the session opens the whole as it opens any file: its notes are opened against it, the docks fill in, and
search, topics and exports work on it. Until then the session has no transcript, so no note is shown, saved or
made against the opening (the Notes commands find no notes and do nothing). The reader stays where they
scrolled to in the opening: the turn and the offset, by the turn's id, become the notes' reading position.

Parsing 8 MB takes half a second or more; the opening of 200 KB a fiftieth of that, so the first picture does
not wait for the whole (issue 13: a first picture within 2.5x of a plain text box's at 18,600 turns). A 512 KB
hearing takes 70 ms to parse, its opening of 20 KB (some 30 turns, more than a screen) 10 ms: the difference is a
third of a plain text box's first picture (issue 13: within 2x for that hearing). The opening is parsed twice
(see `parse_opening`), so its size counts twice: 20 KB rather than 51 KB took the hearing's start from 2.03 G
instructions to its first picture to 1.93 G.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.core.containers import Extracted
from reader.core.loader import parse_opening
from reader.core.model import Transcript
from reader.ui.background import Background
from reader.ui.session import ReaderSession
from reader.ui.transcript_view import TranscriptView

LARGE_TEXT = 250_000  # characters: a text longer than this is shown by its opening first
# Of which the opening is the turns before the first line end after this share of the text, at least OPENING_MIN
# (a screen and more) and at most OPENING_CHARS (about 450 turns): pages to read on, while the rest takes 0.05 s
# (a 512 KB hearing) to a second (8 MB).
OPENING_SHARE = 0.04
OPENING_MIN = 20_000
OPENING_CHARS = 200_000
REST_WAIT_MS = 2000  # the rest is read after this even when the view never shows the opening (no room on screen)
READING = "Reading the rest…"


def opening_of(extracted: Extracted, layout: str | None, path: str) -> Transcript | None:
    """The opening to show first of a text over LARGE_TEXT characters; None for a shorter one, and for one whose
    opening the loader cannot be sure of (`parse_opening`)."""
    if len(extracted.text) <= LARGE_TEXT:
        return None
    chars = min(OPENING_CHARS, max(OPENING_MIN, int(len(extracted.text) * OPENING_SHARE)))
    return parse_opening(extracted, layout, chars=chars, path=path)


class FirstScreen(QObject):
    """Shows a large file's opening in `view` and opens the whole in `session` once it is read. `shown` carries
    the opening, for the parts of the window that name the file (its title, the strip above the text)."""

    shown = Signal(object)  # the opening Transcript, once set in the view

    def __init__(self, session: ReaderSession, view: TranscriptView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._view = view
        self._read_whole: Callable[[], Transcript] | None = None  # set while an opening is shown, until read
        self._background = Background(self)  # reads the whole on its thread
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.setInterval(REST_WAIT_MS)
        self._wait.timeout.connect(self._read_rest)
        view.text_shown.connect(self._read_rest)

    @property
    def showing(self) -> bool:
        """An opening is shown, and the whole is not open yet."""
        return self._read_whole is not None or self._background.running > 0

    def show(self, opening: Transcript, read_whole: Callable[[], Transcript]) -> None:
        """Show `opening` now; `read_whole()` (run on a thread once the opening is on screen) gives the whole."""
        self.cancel()
        self._view.set_transcript(opening)
        self._read_whole = read_whole
        self._wait.start()
        self._session.tell(READING, 0)
        self.shown.emit(opening)

    def cancel(self) -> None:
        """Another file opens, or the window closes: the whole being read is never opened."""
        if self.showing:
            self._session.tell("", 1)
        self._read_whole = None
        self._wait.stop()
        self._background.cancel()

    @Slot()
    def _read_rest(self) -> None:
        read_whole, self._read_whole = self._read_whole, None
        if read_whole is None:
            return
        self._wait.stop()
        self._background.start("rest of file", read_whole, self._on_read, self._on_failed)

    def _on_read(self, whole: Transcript) -> None:
        at = self._reader_place(whole)
        self._session.tell("", 1)  # the reading is done: the status bar's message goes
        self._session.open(whole, at=at)
        if at is not None:
            self._view.scroll_to_turn(whole.turn_by_id[at[0]].index, at[1])

    def _on_failed(self, message: str) -> None:
        self._session.tell("Only the opening of the file is shown: the rest could not be read.", 0)
        self._session.report_error("Cannot read the whole file", message)

    def _reader_place(self, whole: Transcript) -> tuple[str, int] | None:
        """Where the reader is in the opening, as (turn id, offset) of the whole; None at its very start (the
        notes' position, if any, is where the whole opens then)."""
        turn, offset = self._view.current_turn(), self._view.reading_offset()
        opening = self._view.transcript
        if opening is None or turn < 0 or (turn, offset) == (0, 0):
            return None
        turn_id = opening.turns[turn].id
        return (turn_id, offset) if turn_id in whole.turn_by_id else None
