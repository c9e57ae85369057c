"""The status bar's topic: as much of it as fits, ending in "…", never cut off mid-letter; the whole in its
tooltip and its text()."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader.ui.elided_label import ElidedLabel

TOPIC = "Seized Russian property › Diplomatic compounds in Maryland and on Long Island"


def test_a_label_too_narrow_for_its_text_shows_its_start_and_an_ellipsis(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(TOPIC)
    label.show()
    label.resize(120, 20)
    drawn = QLabel.text(label)  # what is on screen
    assert drawn.endswith("…") and TOPIC.startswith(drawn[:-1]) and len(drawn) < len(TOPIC)
    assert label.text() == TOPIC and label.toolTip() == TOPIC
    assert label.minimumSizeHint().width() < label.sizeHint().width()

    label.resize(label.sizeHint().width(), 20)  # room enough again: the whole text
    assert QLabel.text(label) == TOPIC
