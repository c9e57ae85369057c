"""Sniff the layout of a decoded text and pick its parser.

The sniffers are in `sniffing.py`; a layout's parser module is imported when it is first asked for (`LAYOUTS`
imports on lookup), so that a start reading a labelled interview compiles none of the caption or court
patterns.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator, Mapping
from types import ModuleType

from reader.core.formats.sniffing import SNIFFERS

log = logging.getLogger(__name__)


class _Layouts(Mapping[str, ModuleType]):
    """Each layout's name to its parser module (`sniff`, `parse`), in the order of tries; a module is imported
    the first time it is looked up."""

    def __getitem__(self, name: str) -> ModuleType:
        return importlib.import_module(f"reader.core.formats.{SNIFFERS[name].module}")

    def __contains__(self, name: object) -> bool:  # without importing the module, as Mapping's would
        return name in SNIFFERS

    def __iter__(self) -> Iterator[str]:
        return iter(SNIFFERS)

    def __len__(self) -> int:
        return len(SNIFFERS)


LAYOUTS: Mapping[str, ModuleType] = _Layouts()


def layout_names() -> list[str]:
    return list(LAYOUTS)


def detect_layout(text: str) -> str:
    """The name of the layout whose sniffer is most confident; "plain" when none is. A sniffer whose highest score
    is no more than the best so far is not asked (a tie goes to the earlier layout): a hearing sure to be `court` is
    not read for timed lines, nor captions sure to be WebVTT for labels."""
    best, best_score = "plain", 0.0
    for name, (_, sniff, top) in SNIFFERS.items():
        if top <= best_score:
            continue
        try:
            score = sniff(text)
        except Exception:  # a sniffer's bug must not stop the file from opening: another layout reads it
            log.exception("layout %s could not sniff the text", name)
            continue
        if score > best_score:
            best, best_score = name, score
    return best
