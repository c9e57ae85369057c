"""The application icon, for the windows, their dialogs and the task bar.

Built from the PNGs of resources/icons/ (one per size, made from the SVG by tools/render_icons.py), so Qt shows
it at every size without its SVG plugin, and crisp at 16 px where a scaled-down 512 would blur.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from reader.desktop import ICON_SIZES, icon_png


def app_icon() -> QIcon:
    """The icon at all its sizes. Raises FileNotFoundError when an install lacks the resources, so that a
    broken package is found at start, not seen as Qt's blank default icon."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_png(size)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: the application icon is missing from this installation")
        icon.addFile(str(path), QSize(size, size))
    return icon
