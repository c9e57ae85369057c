"""The reading session: the open transcript, its notes, the undo stack, and when the notes are written.

Every part of the window takes the session in its constructor and follows it: `opened` when a transcript is
shown (a part connects with `follow`, so that one made after the transcript opened hears of it too, from
`catch_up`), `notes_changed` when its notes change (by a command here, its undo, or another window's save taken in).
A part changes the notes only through an undoable command pushed with `push`, on the notes `writable` gives it.
What a part has to tell the reader goes through `tell` (the status bar) or `report_error` (a dialog), so no part
needs the window.

Saving is the session's: a change to the notes is written SAVE_DELAY_MS after the last one; a moved reading
position only to the index, POSITION_DELAY_MS later, so scrolling never rotates a backup. The index records a
transcript as opened once its text is on screen (`record_opened`, the window's view tells), or on closing.

The caches of what is found again and again (the search index at every keystroke, the topic term tables at every
edit) are the session's too: `search_indexes` and `term_tables`, handed to the search bar and the topics worker,
instead of module-level tables keyed by identity. Neither keeps a transcript alive.

Signals:
    opened(object): a Transcript was opened; `transcript` and `notes` are set. The window's own slot, connected
        first, has shown it in the reading view before any panel hears of it.
    notes_changed(object): the notes changed (a reader.core.notes.store.Change), here or on disk.
    status_message(str, int): something to tell the reader, and for how many milliseconds.
    error(str, str): a failure the reader must acknowledge: a title and the message (plain text).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.model import Transcript
from reader.core.notes.store import AnnotationStore, Change, ChangeKind, Position, StoredNotes

if TYPE_CHECKING:  # made when the search bar and the topics worker first ask, after the first picture
    from reader.core.search import SearchIndexes
    from reader.core.topics.terms import TermTables

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 800  # notes are written this long after the last change: prompt, but not on every keystroke
POSITION_DELAY_MS = 5000  # the reading position, kept in the index, is written less often and never turns a backup
MESSAGE_MS = 5000
WARNING_MS = 30000  # what could not be read of a file stays longer: the reader must not miss it


def _sentence(warning: str) -> str:
    """A transcript's warning ("could not read ...; shown as plain paragraphs") as a sentence of its own."""
    return warning[:1].upper() + warning[1:] + ("" if warning.endswith((".", "!", "?")) else ".")


class ReaderSession(QObject):
    opened = Signal(object)
    notes_changed = Signal(object)
    status_message = Signal(str, int)
    error = Signal(str, str)

    def __init__(self, store: AnnotationStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.transcript: Transcript | None = None
        self.notes: StoredNotes | None = None
        self._unrecorded = False  # opened, not in the store's index as opened yet
        self._opened_at: Position | None = None  # the position read on opening: the one the index keeps
        self._late: list[Callable[[Transcript], object]] = []  # followers come after `opened`: for `catch_up`
        self.undo_stack = QUndoStack(self)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_DELAY_MS)
        self._position_timer.timeout.connect(self._on_position_timer_timeout)

    @cached_property
    def search_indexes(self) -> SearchIndexes:
        from reader.core.search import SearchIndexes

        return SearchIndexes()

    @cached_property
    def term_tables(self) -> TermTables:
        from reader.core.topics.terms import TermTables

        return TermTables()

    # --- the open transcript ---------------------------------------------------------------------------

    def open(self, transcript: Transcript, at: tuple[str, int] | None = None) -> None:
        """Open a transcript (already loaded) with its notes, after saving the ones open until now. `at` (a turn
        id and an offset in its text) is where the reader already is in it, having read its opening while the
        rest was read (`first_screen`): it becomes the notes' reading position, in place of the one they kept."""
        self.save()
        self.undo_stack.clear()  # commands on another transcript's notes are not kept
        self._record_opened()  # the one open until now, if it never came on screen
        notes = self.store.open(transcript, remember=False)  # into the index once on screen: record_opened
        if at is not None:  # before this session listens: the position is written with the index, on screen
            notes.set_position(*at)
        self._unrecorded, self._opened_at = True, notes.position  # showing the text moves the position
        if self.notes is not None:  # the notes left behind tell this session nothing more
            self.notes.on_change.remove(self._on_notes_change)
        self.transcript, self.notes = transcript, notes
        notes.on_change.append(self._on_notes_change)
        # What reading the file could not do (a page read only in part, a layout given up for plain paragraphs),
        # and what became of the notes.
        said = [_sentence(warning) for warning in transcript.warnings] + ([notes.message] if notes.message else [])
        if said:
            self.tell(" ".join(said), WARNING_MS if transcript.warnings else 10000)
        if notes.dirty:  # notes re-attached, or the readable ones of a file set aside: back on disk soon
            self._save_timer.start(SAVE_DELAY_MS)
        self._late.clear()  # every follower hears of this one from `opened`
        self.opened.emit(transcript)

    def follow(self, slot: Callable[[Transcript], object]) -> None:
        """Connect `slot` to `opened`. A part made while a transcript is open (the window's second stage) is
        told of it by `catch_up`, once every part of that stage is made, in the order they followed."""
        self.opened.connect(slot)
        if self.transcript is not None:
            self._late.append(slot)

    def catch_up(self) -> None:
        """Tell the parts that followed after the transcript was opened (`follow`) what `opened` told the rest."""
        late, self._late = self._late, []
        if self.transcript is not None:
            for slot in late:
                slot(self.transcript)

    @Slot()
    def record_opened(self) -> None:
        """The transcript is on screen: record it in the store's index as opened now, a write to disk (with a
        sync) that the first picture of the text need not wait for."""
        self._record_opened()

    def _record_opened(self) -> None:
        if self._unrecorded and self.transcript is not None:
            self._unrecorded = False
            self.store.remember(self.transcript, self._opened_at, opened=True)

    def note_position(self, turn: int) -> None:
        """The reader is at this turn (an index): remembered in the index, written on the slower timer."""
        if self.notes is not None and self.transcript is not None and turn >= 0:
            self.notes.set_position(self.transcript.turns[turn].id)

    def refresh(self) -> None:
        """Take in what another window (or a synced folder) saved meanwhile; the panels hear of it as a change."""
        if self.notes is not None:
            self.notes.refresh()

    # --- changing the notes ----------------------------------------------------------------------------

    def writable(self, refused: str = "") -> StoredNotes | None:
        """The open notes when they can change. Read-only notes are refused, and the reader told why: `refused`,
        or the notes' own message."""
        notes = self.notes
        if notes is not None and notes.read_only:
            self.tell(refused or notes.message or "These notes are read-only.")
            return None
        return notes

    def push(self, command: QUndoCommand) -> None:
        """Do a change, undoably (Edit > Undo takes it back)."""
        self.undo_stack.push(command)

    def restored(self) -> None:
        """The notes were replaced by an earlier version: the commands done before cannot be undone over it (the
        version replaced is kept among the backups instead), and the result is written at once."""
        self.undo_stack.clear()
        self.save()

    # --- telling the reader ----------------------------------------------------------------------------

    def tell(self, message: str, ms: int = MESSAGE_MS) -> None:
        self.status_message.emit(message, ms)

    def report_error(self, title: str, message: str) -> None:
        self.error.emit(title, message)

    # --- saving ------------------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Write the notes now if they changed; a failure is kept in memory and said in the status bar."""
        self._save_timer.stop()
        if self.notes is not None and self.notes.dirty and not self.notes.read_only and not self.notes.save():
            # last_error already says that the notes are kept in memory and that saving will be tried again
            self.tell(self.notes.last_error or "Notes not saved; will retry.", 10000)
            self._save_timer.start(SAVE_DELAY_MS * 10)

    def close(self) -> None:
        """The window is closing: write what is pending. A failure keeps the notes in memory and is logged, for
        closing must still work."""
        self._position_timer.stop()
        try:
            self._record_opened()
            self.save()
        except Exception:
            log.exception("saving the notes on closing failed")

    @Slot()
    def _on_position_timer_timeout(self) -> None:
        if self.notes is not None:
            self.notes.save_position()

    def _on_notes_change(self, change: Change) -> None:
        if change.kind is ChangeKind.POSITION:
            if not self._position_timer.isActive():
                self._position_timer.start()
        elif change.kind not in (ChangeKind.SAVED, ChangeKind.SAVE_FAILED):
            self._save_timer.start(SAVE_DELAY_MS)  # start(ms) sets the interval: a retry's longer wait must not stay
        self.notes_changed.emit(change)
