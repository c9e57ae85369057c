"""How the text looks: the theme (or the desktop's light or dark, followed as it changes), the reading font and the
zoom, applied to the reading view and remembered between runs (when the window restores its settings). The
theme is applied before the window's menus exist (the first picture has its colours); `show_in` then checks the
chosen theme in the View menu.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.actions import ActionRegistry, Choice
from reader.ui.preferences import Preferences
from reader.ui.themes import SYSTEM, THEME_NAMES, resolve
from reader.ui.transcript_view import TranscriptView


class Appearance(QObject):
    def __init__(self, view: TranscriptView, preferences: Preferences, *, remember: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._view = view
        self._preferences = preferences
        self._registry: ActionRegistry | None = None
        self._remember = remember
        self._dialog_parent = parent
        self._theme_setting = SYSTEM
        self.set_theme(preferences.theme if remember else SYSTEM)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        if remember:
            font = preferences.font
            if font is not None:
                view.set_reading_font(font)
            view.set_zoom(preferences.zoom)

    def set_theme(self, name: str) -> None:
        """"light", "dark", "sepia", or "system" to follow the desktop."""
        self._theme_setting = name if name in (*THEME_NAMES, SYSTEM) else SYSTEM
        theme = resolve(self._theme_setting)
        QApplication.setPalette(theme.palette())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet(theme.style_sheet())
        self._view.set_theme(theme)
        self._show_choice()
        if self._remember:
            self._preferences.theme = self._theme_setting

    def show_in(self, registry: ActionRegistry) -> None:
        """The View menu's themes, built: the chosen one is checked there, now and at every change."""
        self._registry = registry
        self._show_choice()

    def _show_choice(self) -> None:
        if self._registry is not None:
            self._registry.show_choice(Choice.THEME, self._theme_setting)

    def theme_setting(self) -> str:
        return self._theme_setting

    @Slot(Qt.ColorScheme)
    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme_setting == SYSTEM:
            self.set_theme(SYSTEM)

    @Slot()
    def choose_font(self) -> None:
        from PySide6.QtWidgets import QFontDialog  # as the other dialogs: when asked for

        dialog = QFontDialog(self._view.reading_font(), self._dialog_parent)
        dialog.fontSelected.connect(self._on_font_selected)
        dialog.open()

    def _on_font_selected(self, font: QFont) -> None:
        self._view.set_reading_font(font)
        self._preferences.font = font

    def remember_zoom(self) -> None:
        """Kept for the next start (the font and theme are kept as they are chosen; the zoom on closing)."""
        if self._remember:
            self._preferences.zoom = self._view.zoom()
