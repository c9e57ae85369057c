"""Shared fixtures. The notes store always lives in a temporary folder during tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.loader import load_transcript, sample_path
from reader.core.model import Transcript

DATA = Path(__file__).parent / "data"
INSTALL_TESTS_ENV = "TRANSCRIPT_READER_INSTALL_TESTS"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `install` build and install the package (a minute of work): CI runs them (.ci/run sets
    TRANSCRIPT_READER_INSTALL_TESTS=1), `make test` does not."""
    if os.environ.get(INSTALL_TESTS_ENV) == "1":
        return
    skip = pytest.mark.skip(reason=f"builds and installs the package: set {INSTALL_TESTS_ENV}=1 to run it")
    for item in items:
        if "install" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path_factory.mktemp("data-dir")
    monkeypatch.setenv("TRANSCRIPT_READER_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture(scope="session")
def sample() -> Transcript:
    return load_transcript(sample_path())
