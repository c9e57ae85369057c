"""The README's keyboard map is the user's first reference: every shortcut the window binds is in it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence

from reader.ui import actions
from reader.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"


def _keyboard_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Keyboard")
    return text[start : text.index("\n## ", start)]


def _key_names(spec: actions.ActionSpec) -> list[str]:
    names: list[str] = []
    for key in spec.shortcuts:
        if isinstance(key, str):
            names.append(key)
        else:
            names += [seq.toString(QKeySequence.SequenceFormat.PortableText) for seq in QKeySequence.keyBindings(key)]
    return [n for n in names if n]


def test_every_bound_shortcut_is_in_the_readme(window: MainWindow) -> None:
    section = _keyboard_section()
    cells = set()
    for row in section.splitlines():
        if row.startswith("|"):
            first = row.split("|")[1]
            cells.update(k.strip() for k in re.split(r"[,/()]| or ", first) if k.strip())
    missing = [
        f"{spec.text.replace('&', '')}: {names}"
        for spec in actions.ACTIONS
        if (names := _key_names(spec)) and not any(name in cells for name in names)
    ]
    assert missing == []
