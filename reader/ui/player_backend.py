"""The one module that knows how a recording is played: Qt Multimedia's QMediaPlayer with a QAudioOutput.

Qt Multimedia comes in the PySide6-Addons wheel (the `media` extra); without it, or without the libraries it
links (on Linux the PulseAudio client, libpulse0), `missing()` says what to install and `PlayerBackend.load`
refuses with that message. Everything else of the window asks this module only, in seconds.

With no audio output device (a server, CI, a muted container) Qt's FFmpeg backend still decodes and keeps time
on the system clock, so the player loads, seeks, plays at any speed and reports positions, silently;
`has_audio_device` says so, and the window tells the reader.

Signals of `PlayerBackend`:
    position_changed(float): seconds, several times a second while playing, and after each seek.
    duration_changed(float): the length of the recording in seconds, once it is known.
    playing_changed(bool): playing or not (paused, stopped, at the end).
    failed(str): the recording cannot be played: a message for the reader naming the file and why.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal, Slot

if TYPE_CHECKING:  # Qt Multimedia is imported when a recording is first asked for: a start without one needs none
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

log = logging.getLogger(__name__)


@functools.cache
def missing() -> str | None:
    """What to install to play recordings, when Qt Multimedia cannot be imported; None when it can."""
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:  # the Addons wheel is not installed, or a library it links is missing
        why = str(exc)
        return ("Playing recordings needs Qt Multimedia, which comes with PySide6-Addons (install the reader with "
                "its 'media' extra: pip install 'transcript-reader[media]')"
                + (", and the PulseAudio client library (on Debian and Ubuntu: apt install libpulse0)"
                   if "libpulse" in why else "")
                + f". Python said: {why}")
    return None


RATES = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


class PlayerBackend(QObject):
    position_changed = Signal(float)
    duration_changed = Signal(float)
    playing_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._volume = 1.0
        self._rate = 1.0

    @staticmethod
    def available() -> bool:
        return missing() is None

    @staticmethod
    def has_audio_device() -> bool:
        """Whether the machine has a sound output to play to (without one, playing is silent)."""
        if missing() is not None:
            return False
        from PySide6.QtMultimedia import QMediaDevices

        return bool(QMediaDevices.audioOutputs())

    @property
    def path(self) -> Path | None:
        return self._path

    def load(self, path: Path) -> bool:
        """Open a recording, paused at its start. False (and `failed`) when Qt Multimedia is missing."""
        why = missing()
        if why is not None:
            self.failed.emit(why)
            return False
        player = self._make_player()
        self._path = path
        player.setSource(QUrl.fromLocalFile(str(path)))
        return True

    def unload(self) -> None:
        """Let go of the recording; also what the window does before it goes. Only the source is cleared:
        a player stopped (or parted from its audio output) and destroyed soon after deadlocks, its main thread
        waiting for a decoding thread with the interpreter lock held while that thread, letting go of the
        output, needs the lock for the output's Python wrapper (seen with Qt 6.11; clearing the source ends the
        threads at once, and 370 tries never hung)."""
        if self._player is not None:
            self._player.setSource(QUrl())
        self._path = None

    def _make_player(self) -> QMediaPlayer:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        if self._player is None:
            self._player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            self._output.setVolume(self._volume)
            self._player.setAudioOutput(self._output)
            self._player.setPlaybackRate(self._rate)
            self._player.positionChanged.connect(self._on_player_position_changed)
            self._player.durationChanged.connect(self._on_player_duration_changed)
            self._player.playbackStateChanged.connect(self._on_player_playback_state_changed)
            self._player.errorOccurred.connect(self._on_player_error_occurred)
            if self._player.pitchCompensationAvailability() != QMediaPlayer.PitchCompensationAvailability.Unavailable:
                self._player.setPitchCompensation(True)  # 1.5x sounds faster, not higher
        return self._player

    # --- playing ------------------------------------------------------------------------------------------

    def play(self) -> None:
        if self._player is not None and self._path is not None:
            self._player.play()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def is_playing(self) -> bool:
        return self._player is not None and self._player.isPlaying()

    def seek(self, seconds: float) -> None:
        """Go to a time (clamped to the recording when its length is known)."""
        if self._player is None or self._path is None:
            return
        duration = self.duration()
        seconds = max(0.0, seconds if duration is None else min(seconds, duration))
        self._player.setPosition(round(seconds * 1000))
        self.position_changed.emit(seconds)

    def position(self) -> float:
        return self._player.position() / 1000 if self._player is not None and self._path is not None else 0.0

    def duration(self) -> float | None:
        """Seconds, or None before the recording's length is known."""
        if self._player is None or self._path is None or self._player.duration() <= 0:
            return None
        return self._player.duration() / 1000

    def set_rate(self, rate: float) -> None:
        """Speed from 0.5x to 2x; the pitch is kept where the backend can."""
        self._rate = max(RATES[0], min(RATES[-1], rate))
        if self._player is not None:
            self._player.setPlaybackRate(self._rate)

    def rate(self) -> float:
        return self._player.playbackRate() if self._player is not None else self._rate

    def set_volume(self, volume: float) -> None:
        """From 0 (silent) to 1 (the recording as it is)."""
        self._volume = max(0.0, min(1.0, volume))
        if self._output is not None:
            self._output.setVolume(self._volume)

    def volume(self) -> float:
        return self._volume

    # --- from the player ---------------------------------------------------------------------------------

    @Slot(int)
    def _on_player_position_changed(self, ms: int) -> None:
        self.position_changed.emit(ms / 1000)

    @Slot(int)
    def _on_player_duration_changed(self, ms: int) -> None:
        if ms > 0:
            self.duration_changed.emit(ms / 1000)

    @Slot(object)
    def _on_player_playback_state_changed(self, _state: object) -> None:
        self.playing_changed.emit(self.is_playing())

    @Slot(object, str)
    def _on_player_error_occurred(self, error: object, message: str) -> None:
        if self._player is None or self._player.error() == self._player.Error.NoError:
            return
        name = self._path.name if self._path else "the recording"
        kind = (self._path.suffix.lstrip(".").upper() or "this") if self._path else "this"
        log.warning("cannot play %s: %s", name, message)
        self.failed.emit(f"Cannot play {name}: {message or 'the file cannot be read'}. Its format ({kind}) may be "
                         "one that Qt Multimedia's FFmpeg does not decode, or the file is damaged; converting it "
                         "to M4A, MP3 or WAV plays it.")
