"""Where the notes store lives: one folder the user can move (a synced folder, a test's temporary one)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "transcript-reader"
DATA_DIR_ENV = "TRANSCRIPT_READER_DATA_DIR"


def data_dir(override: str | Path | None = None) -> Path:
    """The notes folder: `override` (``--data-dir``), else ``$TRANSCRIPT_READER_DATA_DIR``, else the
    platform's user data folder. The folder is not created here; the store creates it on first write."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
