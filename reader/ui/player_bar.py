"""The player bar under the title strip: play/pause, back and forward 5 seconds, the speed, the time with a seek
slider, the volume, following along, and what is known of the times. Shown only while a recording is attached.

Its buttons show the window's actions (Play menu), so a click and the key do the same. The rest says what the
user asked for through signals; the `RecordingPlayer` acts on them.

Signals:
    seek_requested(float): seconds, from the slider.
    rate_chosen(float): a speed from the list.
    volume_chosen(float): from 0 to 1.
    resume_requested(): "Back to the playing turn", after the reader scrolled away.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QVBoxLayout, QWidget

from reader.core.timing import clock
from reader.ui.player_backend import RATES
from reader.ui.themes import Theme

SLIDER_STEPS_PER_SECOND = 10
SHORT_TEXTS = {"follow": "Follow", "sync": "Turn Starts Now"}


class PlayerBar(QWidget):
    seek_requested = Signal(float)
    rate_chosen = Signal(float)
    volume_chosen = Signal(float)
    resume_requested = Signal()

    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        """`actions` by name: "play", "back", "forward", "follow", "sync" (the Play menu's QActions)."""
        super().__init__(parent)
        self.setObjectName("player_bar")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(10, 3, 10, 3)
        rows.setSpacing(1)
        layout = QHBoxLayout()
        layout.setSpacing(6)
        rows.addLayout(layout)
        below = QHBoxLayout()  # which turn is playing, from when, and whether that is estimated
        rows.addLayout(below)
        self.buttons: dict[str, QToolButton] = {}
        self._play = actions["play"]
        icons = self.style().standardIcon
        actions["back"].setIcon(icons(QStyle.StandardPixmap.SP_MediaSeekBackward))
        actions["forward"].setIcon(icons(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.set_playing(False)
        for name in ("back", "play", "forward"):
            layout.addWidget(self._button(name, actions[name]))
        self.speed = QComboBox(self)
        self.speed.setObjectName("player_speed")
        self.speed.setToolTip("Speed (the pitch is kept)")
        for rate in RATES:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(RATES.index(1.0))
        self.speed.activated.connect(self._on_speed_activated)
        layout.addWidget(self.speed)
        self.time = QLabel("0:00 / 0:00", self)
        self.time.setObjectName("player_time")
        self.time.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.time)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("player_seek")
        self.slider.setToolTip("Where in the recording")
        self.slider.setAccessibleName("Position in the recording")
        self.slider.setPageStep(10 * SLIDER_STEPS_PER_SECOND)
        self.slider.sliderMoved.connect(self._on_slider_moved)
        self.slider.actionTriggered.connect(self._on_slider_action)
        self.slider.setMinimumWidth(160)
        layout.addWidget(self.slider, 1)
        volume_label = QLabel(self)
        volume_label.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(16, 16))
        volume_label.setToolTip("Volume")
        layout.addWidget(volume_label)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("player_volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setFixedWidth(80)
        self.volume.setToolTip("Volume")
        self.volume.setAccessibleName("Volume")
        self.volume.valueChanged.connect(lambda value: self.volume_chosen.emit(value / 100))
        layout.addWidget(self.volume)
        layout.addWidget(self._button("follow", actions["follow"]))
        self.resume = QToolButton(self)
        self.resume.setObjectName("player_resume")
        self.resume.setText("Back to the Playing Turn")
        self.resume.setToolTip("Following paused when you scrolled away; show the words being played again")
        self.resume.clicked.connect(self.resume_requested)
        self.resume.hide()
        layout.addWidget(self._button("sync", actions["sync"]))
        self.where = QLabel(self)
        self.where.setObjectName("player_where")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setMinimumWidth(1)  # cut on a narrow window; the whole text is in its tooltip too
        below.addWidget(self.where, 1)
        below.addWidget(self.resume)
        self._duration = 0.0
        self._dragging = False
        self.slider.sliderPressed.connect(lambda: setattr(self, "_dragging", True))
        self.slider.sliderReleased.connect(self._on_slider_released)

    def _button(self, name: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"player_{name}")
        button.setDefaultAction(action)
        if name in SHORT_TEXTS:
            action.setIconText(SHORT_TEXTS[name])  # what the bar's button says; the menu keeps the full text
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if name in ("follow", "sync")
                                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.buttons[name] = button
        return button

    # --- shown ---------------------------------------------------------------------------------------------

    def set_duration(self, seconds: float) -> None:
        self._duration = seconds
        self.slider.setRange(0, round(seconds * SLIDER_STEPS_PER_SECOND))

    def set_position(self, seconds: float) -> None:
        if not self._dragging:
            self.slider.setValue(round(seconds * SLIDER_STEPS_PER_SECOND))
        self.time.setText(f"{clock(seconds)} / {clock(self._duration)}")

    @Slot(bool)
    def set_playing(self, playing: bool) -> None:
        """The play button shows what pressing it does."""
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self._play.setIcon(self.style().standardIcon(icon))
        self._play.setToolTip("Pause (Ctrl+Space)" if playing else "Play (Ctrl+Space)")

    def set_rate(self, rate: float) -> None:
        index = self.speed.findData(rate)
        if index >= 0:
            self.speed.setCurrentIndex(index)

    def set_where(self, text: str, tip: str = "") -> None:
        self.where.setText(text)
        self.where.setToolTip(f"{text}. {tip}" if tip else text)

    def set_paused_following(self, paused: bool) -> None:
        self.resume.setVisible(paused)

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#player_bar {{ background: {theme.base}; border-bottom: 1px solid {theme.band}; }}"
                           f"#player_bar QLabel {{ color: {theme.muted}; background: transparent; }}")

    # --- from the user ---------------------------------------------------------------------------------------

    @Slot(int)
    def _on_speed_activated(self, index: int) -> None:
        self.rate_chosen.emit(float(self.speed.itemData(index)))

    @Slot(int)
    def _on_slider_moved(self, value: int) -> None:
        self.time.setText(f"{clock(value / SLIDER_STEPS_PER_SECOND)} / {clock(self._duration)}")

    @Slot()
    def _on_slider_released(self) -> None:
        self._dragging = False
        self.seek_requested.emit(self.slider.value() / SLIDER_STEPS_PER_SECOND)

    @Slot(int)
    def _on_slider_action(self, action: int) -> None:
        # a click in the groove or a key on the slider: the value it goes to is only set after this signal
        if action != QSlider.SliderAction.SliderMove.value:
            self.seek_requested.emit(self.slider.sliderPosition() / SLIDER_STEPS_PER_SECOND)
