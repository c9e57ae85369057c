"""Shared fixtures. The notes store always lives in a temporary folder during tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.loader import load_transcript, sample_path
from reader.core.model import Transcript

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path_factory.mktemp("data-dir")
    monkeypatch.setenv("TRANSCRIPT_READER_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture(scope="session")
def sample() -> Transcript:
    return load_transcript(sample_path())
