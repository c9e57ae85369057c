"""Sniff the layout of a decoded text and pick its parser."""

from __future__ import annotations

import logging
from types import ModuleType

from reader.core.formats import court, labelled, plain, sbv, script, srt, teams_text, timestamped, webpage, webvtt

log = logging.getLogger(__name__)

# Order matters only for ties: more specific layouts first.
LAYOUTS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (webvtt, srt, sbv, teams_text, court, script, timestamped, webpage, labelled, plain)
}


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
