"""Text from a transcript, a note or a file name, shown as text wherever Qt might take it for markup.

Qt renders a tooltip (and a label or message box left in its automatic format) as rich text when it "might be"
HTML: ``<img src=...>`` in a transcript would load a local image into a tooltip. Labels and message boxes are
set to `Qt.TextFormat.PlainText`; tooltips cannot be, so `tooltip` gives them escaped rich text, which shows
every character as written (and wraps long lines, which a plain tooltip does not).
"""

from __future__ import annotations

import html


def tooltip(text: str | None) -> str | None:
    """A tooltip showing `text` exactly as written; None (no tooltip) for no text."""
    if not text:
        return None
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"

