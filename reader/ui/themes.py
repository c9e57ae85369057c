"""Light, dark and sepia themes: the application palette and the reading view's colours.

Speaker colours come from Paul Tol's colour-blind-safe schemes (the "muted" and "light" sets, chosen by the theme's
background) so neighbouring speakers stay distinct under the common colour-vision deficiencies; six more follow,
so that twelve speakers (a hearing, a panel) each have their own. Each is checked in the tests for a contrast of
at least 4.5:1 against its theme's page, so names stay readable, and for a distance from the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

SYSTEM = "system"
THEME_NAMES = ("light", "dark", "sepia")


@dataclass(frozen=True)
class Theme:
    name: str
    window: str  # chrome around the page
    base: str  # the page
    text: str
    muted: str  # timestamps, stage directions, folded summaries
    accent: str  # exchange labels, the current-turn bar, links
    band: str  # behind the interviewer's turns
    highlight: str  # selection
    match: str  # search matches
    match_current: str
    speakers: tuple[str, ...]

    def speaker_color(self, index: int) -> QColor:
        return QColor(self.speakers[index % len(self.speakers)])

    def style_sheet(self) -> str:
        """What the palette cannot say. Fusion draws a text field's frame a shade darker than the window, which
        on a dark window is no frame at all: in the dark theme fields get a border of their own."""
        if self.name != "dark":
            return ""
        return (f"QLineEdit {{ border: 1px solid {self.muted}; border-radius: 3px; padding: 2px 4px; "
                f"background: {self.base}; }} QLineEdit:focus {{ border-color: {self.accent}; }}")

    def palette(self) -> QPalette:
        palette = QPalette()
        window, base, text = QColor(self.window), QColor(self.base), QColor(self.text)
        muted = QColor(self.muted)
        roles = {
            QPalette.ColorRole.Window: window,
            QPalette.ColorRole.WindowText: text,
            QPalette.ColorRole.Base: base,
            QPalette.ColorRole.AlternateBase: QColor(self.band),
            QPalette.ColorRole.Text: text,
            QPalette.ColorRole.Button: window,
            QPalette.ColorRole.ButtonText: text,
            QPalette.ColorRole.BrightText: QColor("#ffffff"),
            QPalette.ColorRole.Highlight: QColor(self.highlight),
            QPalette.ColorRole.HighlightedText: text,
            QPalette.ColorRole.ToolTipBase: base,
            QPalette.ColorRole.ToolTipText: text,
            QPalette.ColorRole.PlaceholderText: muted,
            QPalette.ColorRole.Link: QColor(self.accent),
            QPalette.ColorRole.Light: window.lighter(130),
            QPalette.ColorRole.Midlight: window.lighter(115),
            QPalette.ColorRole.Mid: window.darker(130),
            QPalette.ColorRole.Dark: window.darker(160),
            QPalette.ColorRole.Shadow: QColor("#000000"),
        }
        for role, color in roles.items():
            palette.setColor(role, color)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
        return palette


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light", window="#eceff3", base="#ffffff", text="#1f2328", muted="#6a6f76", accent="#1f5fa8",
        band="#f1f4f9", highlight="#b6d4f2", match="#ffe08a", match_current="#ffb454",
        # Tol muted, the darker half: indigo, wine, green, olive, purple, teal; then six more, each as far (in
        # CIELAB) from all before it as could be found at this contrast: rust, steel blue, umber, navy, violet,
        # cornflower.
        speakers=("#332288", "#882255", "#117733", "#6b6b1f", "#aa4499", "#2b7a6e",
                  "#c05430", "#3c78b4", "#522914", "#19224d", "#9933cc", "#586dd5"),
    ),
    "dark": Theme(
        name="dark", window="#1e2125", base="#16181b", text="#dcdfe3", muted="#8b929a", accent="#7fb0e8",
        band="#1f2329", highlight="#2f4b6e", match="#5e4c12", match_current="#a64b00",
        # Tol light/muted, the lighter half: light blue, pink, mint, sand, cyan, pear; then six more found so:
        # orchid, rose, green, lavender, shell, moss.
        speakers=("#77aadd", "#ee8866", "#44bb99", "#eedd88", "#99ddff", "#bbcc33",
                  "#d147d1", "#e28dbf", "#33cc4d", "#8978dd", "#ecccc6", "#619130"),
    ),
    "sepia": Theme(
        name="sepia", window="#e9dfc8", base="#f6efdf", text="#433422", muted="#7c6a55", accent="#8a4b16",
        band="#efe5cf", highlight="#dcc8a0", match="#f3d27a", match_current="#e8a950",
        speakers=("#332288", "#882255", "#117733", "#5f5f1a", "#993d88", "#22685e",
                  "#af4d2c", "#2c6eaf", "#4d2619", "#a633cc", "#191e4d", "#3333cc"),
    ),
}


def system_theme_name() -> str:
    """Light or dark, as the desktop says; light when it does not say."""
    app = QGuiApplication.instance()
    if app is not None and QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def resolve(name: str) -> Theme:
    """The theme for a setting: one of THEME_NAMES, or "system"."""
    if name == SYSTEM or name not in THEMES:
        return THEMES[system_theme_name()]
    return THEMES[name]


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
