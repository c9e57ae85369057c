"""The recording beside the transcript: playing it from a turn, a selection or a quote, following it in the text,
setting "this turn starts now", and checking quotes against it.

It joins the parts: the backend (`player_backend`) plays, the attacher (`recording_attach`) says which file, the
timeline (`reader.core.timing`) turns seconds into words and back, `FollowAlong` marks and keeps in sight the
turn being played, and the `PlayerBar` shows it all (only while a recording is attached). The window binds the
Play menu's actions to its methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Slot

from reader.core.notes.annotations import Annotation, Status, anchor_pieces, turn_index_of
from reader.core.notes.store import Change
from reader.core.timing import SyncPoint, Timeline, clock, estimate_times, with_sync_point
from reader.ui.actions import ActionId
from reader.ui.annotation_dialogs import QuoteChecking
from reader.ui.follow_along import FollowAlong
from reader.ui.navigation import Navigator
from reader.ui.operations.annotations import edit_command
from reader.ui.operations.recording import SetSyncPointsCommand
from reader.ui.player_backend import RATES, PlayerBackend
from reader.ui.player_bar import PlayerBar
from reader.ui.recording_attach import RecordingAttacher
from reader.ui.session import ReaderSession
from reader.ui.transcript_view import TranscriptView

STEP_SECONDS = 5.0
LEAD_IN_SECONDS = 1.0  # a quote plays from a second before its first word, so that it is not cut
# The actions the player bar's buttons show.
BAR_ACTIONS = {"play": ActionId.PLAY_PAUSE, "back": ActionId.BACK, "forward": ActionId.FORWARD,
               "follow": ActionId.FOLLOW, "sync": ActionId.SYNC_HERE}


class ChosenAnnotation(Protocol):
    def current_annotation(self) -> Annotation | None: ...


class RecordingPlayer(QObject):
    def __init__(self, session: ReaderSession, navigator: Navigator, view: TranscriptView, bar: PlayerBar,
                 attacher: RecordingAttacher, chosen: ChosenAnnotation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._navigator = navigator
        self._view = view
        self._chosen = chosen
        self.bar = bar
        self.attacher = attacher
        self.backend = PlayerBackend(self)
        self.follow = FollowAlong(view, self)
        self._timeline: Timeline | None = None
        self._timeline_due = False  # the transcript, its sync points or the duration changed since it was made
        self._stop_at: float | None = None  # the end of the quote being played
        self._attached = False
        bar.hide()
        self.backend.position_changed.connect(self._on_backend_position_changed)
        self.backend.duration_changed.connect(self._on_backend_duration_changed)
        self.backend.failed.connect(self._on_backend_failed)
        self.backend.playing_changed.connect(bar.set_playing)
        bar.seek_requested.connect(self.seek)
        bar.rate_chosen.connect(self.set_rate)
        bar.volume_chosen.connect(self.backend.set_volume)
        bar.resume_requested.connect(self.follow.resume)
        self.follow.paused_changed.connect(bar.set_paused_following)
        attacher.found.connect(self._on_attacher_found)
        session.notes_changed.connect(self._on_session_notes_changed)
        view.time_clicked.connect(self.play_turn)

    @property
    def attached(self) -> bool:
        return self._attached

    def close(self) -> None:
        """The window is closing: the recording stops, and the player lets go of it."""
        self.backend.unload()
        self.follow.clear()

    # --- the recording -------------------------------------------------------------------------------------

    @Slot(object)
    def _on_attacher_found(self, path: Path | None) -> None:
        self._stop_at = None
        self.follow.clear()
        if path is None or not self.backend.load(path):
            self.backend.unload()
            self._set_attached(False)
            self._update_timeline()
            return
        if not self.backend.has_audio_device():
            self._session.tell("No audio output device: the recording plays silently, and the text still follows "
                               "it.", 10000)
        self._set_attached(True)
        self._update_timeline()
        self.bar.set_position(0.0)

    def _set_attached(self, attached: bool) -> None:
        self._attached = attached
        self.bar.setVisible(attached)

    @Slot(float)
    def _on_backend_duration_changed(self, seconds: float) -> None:
        self.bar.set_duration(seconds)
        notes = self._session.notes
        if notes is not None and not notes.read_only and notes.recording is not None \
                and notes.recording.duration != round(seconds, 3):
            notes.set_recording(notes.recording.with_duration(seconds))  # kept; the change updates the timeline
        else:
            self._update_timeline()  # the estimates stretch to the recording's end

    @Slot(str)
    def _on_backend_failed(self, message: str) -> None:
        self._set_attached(False)
        self._session.report_error("Cannot play the recording", message)

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        if change.recording:
            self._update_timeline()

    @property
    def timeline(self) -> Timeline | None:
        """When the transcript's words are heard in the recording (None with no transcript open). Made when
        first asked for after a change: a transcript opened without a recording never needs it, and estimating
        the times counts every word (0.1 s at 18,000 turns, on the way to the first picture)."""
        if self._timeline_due:
            self._timeline_due = False
            transcript, notes = self._session.transcript, self._session.notes
            if transcript is None or notes is None:
                self._timeline = None
            else:
                duration = self.backend.duration() or (notes.recording.duration if notes.recording else None)
                self._timeline = estimate_times(transcript, notes.sync_points, duration)
        return self._timeline

    def _update_timeline(self) -> None:
        self._timeline_due = True
        if self._attached:
            self._show_where(self.backend.position())

    # --- playing ----------------------------------------------------------------------------------------------

    def _ready(self) -> bool:
        if not self._attached:
            self._session.tell("Attach the interview's recording first: File > Attach Recording…")
        return self._attached

    @Slot()
    def toggle_play(self) -> None:
        if not self._ready():
            return
        if self.backend.is_playing():
            self.backend.pause()
        else:
            self._stop_at = None
            self.backend.play()

    @Slot()
    def back(self) -> None:
        if self._ready():
            self.seek(self.backend.position() - STEP_SECONDS)

    @Slot()
    def forward(self) -> None:
        if self._ready():
            self.seek(self.backend.position() + STEP_SECONDS)

    @Slot(float)
    def seek(self, seconds: float) -> None:
        self._stop_at = None
        self.backend.seek(seconds)
        if self.follow.paused:
            self.follow.resume()

    @Slot(float)
    def set_rate(self, rate: float) -> None:
        self.backend.set_rate(rate)
        self.bar.set_rate(self.backend.rate())

    @Slot()
    def slower(self) -> None:
        self._step_rate(-1)

    @Slot()
    def faster(self) -> None:
        self._step_rate(1)

    def _step_rate(self, step: int) -> None:
        current = min(range(len(RATES)), key=lambda i: abs(RATES[i] - self.backend.rate()))
        self.set_rate(RATES[max(0, min(len(RATES) - 1, current + step))])
        self._session.tell(f"Speed {self.backend.rate():g}×")

    @Slot(int)
    def play_turn(self, turn: int, offset: int = 0) -> None:
        """Play from a turn (a click on its time, or the reading position)."""
        if not self._ready() or self.timeline is None or not 0 <= turn < len(self.timeline.starts):
            return
        self._play_from(self.timeline.time_at(turn, offset))

    @Slot()
    def play_from_here(self) -> None:
        """Play the selection (when there is one: words of a turn, or a passage) or from the turn at the reading
        position."""
        span = self._navigator.selected_span()
        if span is not None and (span.first, span.start) != (span.last, span.end):
            self.play_words(span.first, span.start, span.last, span.end)
            return
        turn = self._navigator.current_turn()
        if turn >= 0:
            self.play_turn(turn)

    def play_words(self, first: int, start: int, last: int, end: int) -> None:
        """Play the words from `start` in turn `first` to `end` in turn `last`, from a second before the first;
        the recording pauses after the last."""
        if not self._ready() or self.timeline is None:
            return
        begin = self.timeline.time_at(first, start)
        finish = self.timeline.span(last, 0 if last != first else start, end)[1]
        self._play_from(max(0.0, begin - LEAD_IN_SECONDS))
        self._stop_at = finish

    def _play_from(self, seconds: float) -> None:
        self.seek(seconds)
        self.backend.play()

    @Slot(float)
    def _on_backend_position_changed(self, seconds: float) -> None:
        self.bar.set_position(seconds)
        if self._stop_at is not None and seconds >= self._stop_at:
            self._stop_at = None
            self.backend.pause()
        self._show_where(seconds)

    def _show_where(self, seconds: float) -> None:
        timeline = self.timeline
        if timeline is None or not timeline.starts:
            return
        turn, offset = timeline.place_at(seconds)
        self.follow.show(turn, offset)
        transcript = timeline.transcript
        label = transcript.exchange_of(turn).label
        estimated = timeline.turn_estimated(turn)
        start = clock(timeline.starts[turn], estimated)
        points = len(self._session.notes.sync_points) if self._session.notes is not None else 0
        if timeline.has_known_times:
            tip = (f"Times between the known ones are estimated from word positions; {points} sync point"
                   f"{'s' * (points != 1)} set." if estimated else "This turn's start is known.")
        else:
            tip = ("This transcript gives no times: they are estimated from word positions, spread over the "
                   "recording. Set “This Turn Starts Now” while listening to correct them.")
        self.bar.set_where(f"{label}, turn {turn + 1} from {start}" + (" (estimated)" if estimated else ""), tip)

    # --- sync points --------------------------------------------------------------------------------------------

    @Slot()
    def sync_here(self) -> None:
        """"This turn starts now": the turn at the reading position (or the selected words) is heard where the
        recording is, a sync point kept with the notes; the estimates around it move."""
        transcript = self._session.transcript
        if not self._ready() or transcript is None:
            return
        notes = self._session.writable("These notes are read-only: no sync point can be set.")
        if notes is None:
            return
        span = self._navigator.selected_span()
        turn, offset = (span.first, span.start) if span is not None else (self._navigator.current_turn(), 0)
        if turn < 0:
            return
        seconds = self.backend.position()
        point = SyncPoint(transcript.turns[turn].id, seconds, offset)
        points = with_sync_point(transcript, notes.sync_points, point)
        replaced = len(notes.sync_points) + 1 - len(points)
        self._session.push(SetSyncPointsCommand(notes, points, f"Turn {turn + 1} Starts at {clock(seconds)}"))
        self._session.tell(f"Turn {turn + 1} starts at {clock(seconds)}; the times around it follow."
                           + (f" It replaces {replaced} earlier sync point{'s' * (replaced != 1)} at the same "
                              "place or out of order with it." if replaced else ""))

    # --- checking quotes ------------------------------------------------------------------------------------------

    def _chosen_quote(self) -> tuple[Annotation, int] | None:
        transcript = self._session.transcript
        annotation = self._chosen.current_annotation()
        index = turn_index_of(transcript, annotation.anchor) if transcript and annotation else None
        if annotation is None or annotation.detached or index is None:
            self._session.tell("Choose a quote in the Notes dock first.")
            return None
        return annotation, index

    @Slot()
    def play_chosen_quote(self) -> None:
        chosen = self._chosen_quote()
        if chosen is not None:
            self.play_quote(*chosen)

    def play_quote(self, annotation: Annotation, turn: int) -> None:
        """Play an annotation's words (a passage's, over its turns)."""
        transcript = self._session.transcript
        pieces = anchor_pieces(transcript, annotation.anchor) if transcript is not None else []
        if pieces:
            self.play_words(pieces[0][0], pieces[0][1], pieces[-1][0], pieces[-1][2])
        else:
            self.play_words(turn, annotation.anchor.start, turn, annotation.anchor.end)

    def quote_checking(self, annotation: Annotation) -> QuoteChecking | None:
        """Play and check this quote from the note editor, while a recording is attached."""
        transcript = self._session.transcript
        index = turn_index_of(transcript, annotation.anchor) if transcript is not None else None
        if not self._attached or annotation.detached or index is None:
            return None
        return _QuoteCheck(self, annotation, index)

    @Slot()
    def mark_chosen_checked(self) -> None:
        chosen = self._chosen_quote()
        if chosen is not None:
            self.mark_checked(*chosen)

    def heard_at(self, annotation: Annotation, turn: int) -> float | None:
        """Where the quote's first word is heard, as the timeline (with every sync point set) places it; None
        without a recording."""
        if not self._attached or self.timeline is None:
            return None
        return self.timeline.time_at(turn, annotation.anchor.start)

    def mark_checked(self, annotation: Annotation, turn: int) -> None:
        """Status "checked against the recording", with the time the quote is heard at."""
        if not self._ready():
            return
        notes = self._session.writable()
        seconds = self.heard_at(annotation, turn)
        if notes is None or seconds is None:
            return
        command = edit_command(notes, annotation.id, status=Status.CHECKED, recording_time=round(seconds, 3))
        if command is not None:
            self._session.push(command)
        self._session.tell(f"Checked against the recording at {clock(seconds)}.")


@dataclass(frozen=True)
class _QuoteCheck:
    """One quote, checked from the note editor against the recording the player has."""

    player: RecordingPlayer
    annotation: Annotation
    turn: int

    def play(self) -> None:
        self.player.play_quote(self.annotation, self.turn)

    def heard_at(self) -> float | None:
        return self.player.heard_at(self.annotation, self.turn)
