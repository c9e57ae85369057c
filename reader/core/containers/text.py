"""A text file: decoded, nothing else known. The layouts read it."""

from __future__ import annotations

from reader.core.containers import Extracted
from reader.core.decode import decode

NAME = "text"


def sniff(data: bytes, suffix: str) -> float:
    return 0.0  # the fallback: chosen when no other container claims the file


def extract(data: bytes) -> Extracted:
    decoded = decode(data)  # raises NotText for binary data
    return Extracted(decoded.text, NAME, decoded.encoding)
