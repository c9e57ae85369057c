"""Sniff the layout of a decoded text and pick its parser."""

from __future__ import annotations

import importlib
import logging
from types import ModuleType

log = logging.getLogger(__name__)

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
        try:
            score = module.sniff(text)
        except Exception:  # a sniffer's bug must not stop the file from opening: another layout reads it
            log.exception("layout %s could not sniff the text", name)
            continue
        if score > best_score:
            best, best_score = name, score
    return best
