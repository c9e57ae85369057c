"""Sniff the layout of a decoded text and pick its parser."""

from __future__ import annotations

import importlib
from types import ModuleType

# Order matters only for ties: more specific layouts first.
_MODULES = (
    "webvtt",
    "srt",
    "court",
    "timestamped",
    "webpage",
    "labelled",
    "plain",
)


def _load() -> dict[str, ModuleType]:
    layouts: dict[str, ModuleType] = {}
    for name in _MODULES:
        try:
            module = importlib.import_module(f"reader.core.formats.{name}")
        except ModuleNotFoundError as exc:  # a layout not written yet
            if exc.name != f"reader.core.formats.{name}":
                raise
            continue
        layouts[module.NAME] = module
    return layouts


LAYOUTS: dict[str, ModuleType] = _load()


def layout_names() -> list[str]:
    return list(LAYOUTS)


def detect_layout(text: str) -> str:
    """The name of the layout whose sniffer is most confident; "plain" when none is."""
    best, best_score = "plain", 0.0
    for name, module in LAYOUTS.items():
        score = module.sniff(text)
        if score > best_score:
            best, best_score = name, score
    return best
