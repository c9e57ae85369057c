"""What the window remembers between runs: theme, font, zoom, window layout, recent files, the folder of the
last export or import of notes, whether selections snap to whole words and the citation style (QSettings).

Reading positions and speaker names are not here: they belong to a transcript and live in the notes store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFont

ORGANIZATION = "transcript-reader"
APPLICATION = "transcript-reader"
MAX_RECENT = 10


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        # INI on every platform: one readable file, and one place (QSettings.setPath) for tests to move it.
        self.settings = settings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                              ORGANIZATION, APPLICATION)

    def _str(self, key: str, default: str = "") -> str:
        value = self.settings.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def theme(self) -> str:
        return self._str("view/theme", "system")

    @theme.setter
    def theme(self, name: str) -> None:
        self.settings.setValue("view/theme", name)

    @property
    def font(self) -> QFont | None:
        description = self._str("view/font")
        font = QFont()
        return font if description and font.fromString(description) else None

    @font.setter
    def font(self, font: QFont) -> None:
        self.settings.setValue("view/font", font.toString())

    @property
    def zoom(self) -> int:
        value = self.settings.value("view/zoom", 0)
        try:
            return int(value) if isinstance(value, int | str) else 0
        except ValueError:  # a hand-edited settings file
            return 0

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self.settings.setValue("view/zoom", steps)

    @property
    def snap_to_words(self) -> bool:
        """Whether a selection made with the mouse snaps to whole words (on unless turned off)."""
        return self._str("view/snap_to_words", "true") != "false"

    @snap_to_words.setter
    def snap_to_words(self, snap: bool) -> None:
        self.settings.setValue("view/snap_to_words", "true" if snap else "false")

    @property
    def topic_titles(self) -> bool:
        """Whether the text shows the sections' and topics' titles where they begin (on unless turned off)."""
        return self._str("view/topic_titles", "true") != "false"

    @topic_titles.setter
    def topic_titles(self, shown: bool) -> None:
        self.settings.setValue("view/topic_titles", "true" if shown else "false")

    @property
    def export_by_topic(self) -> bool:
        """Whether Export Notes groups the notes under their sections' and topics' titles (off until chosen)."""
        return self._str("files/export_by_topic", "false") == "true"

    @export_by_topic.setter
    def export_by_topic(self, grouped: bool) -> None:
        self.settings.setValue("files/export_by_topic", "true" if grouped else "false")

    @property
    def citation_style(self) -> str:
        """The form of Copy with Citation: "plain", "apa" or "chicago" (`reader.core.notes.citation`)."""
        style = self._str("edit/citation_style", "plain")
        return style if style in ("plain", "apa", "chicago") else "plain"

    @citation_style.setter
    def citation_style(self, style: str) -> None:
        self.settings.setValue("edit/citation_style", style)

    def window_geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def set_window_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    @property
    def notes_folder(self) -> str:
        """The folder notes were last exported to or imported from ("" before the first time)."""
        return self._str("files/notes_folder")

    @notes_folder.setter
    def notes_folder(self, folder: str) -> None:
        self.settings.setValue("files/notes_folder", folder)

    def recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list in some formats
            value = [value]
        return [str(v) for v in value if v][:MAX_RECENT] if isinstance(value, list) else []

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [path, *(p for p in self.recent_files() if p != path)]
        self.settings.setValue("files/recent", recent[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self.settings.setValue("files/recent", [p for p in self.recent_files() if p != path])

    def clear_recent(self) -> None:
        self.settings.setValue("files/recent", [])
