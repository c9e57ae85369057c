"""Where the notes store lives: one folder the user can move (a synced folder, a test's temporary one); and where
the program's own data files are."""

from __future__ import annotations

import importlib
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


def package_folder(package: str) -> Path:
    """The folder of a package of data files (`reader.resources`, `reader.seeds`). A clone's editable install and
    an installed wheel both keep them as folders, so the package's own path is theirs: found without
    `importlib.resources`, whose import (with tempfile, shutil and zipfile) is the start's dearest after Qt's."""
    return Path(next(iter(importlib.import_module(package).__path__)))
