"""The package as a user gets it: `python -m build` makes the sdist and the wheel (the wheel from the sdist), the
wheel holds the resources and the sample, and the wheel installed in a new virtual environment starts, shows its
icon, opens its sample and installs its desktop entry, with no file of the clone in reach.

Marked `install`: CI runs it (TRANSCRIPT_READER_INSTALL_TESTS=1), `make test` skips it. Nothing is fetched: the
build uses this environment's setuptools, and the new environment sees this one's libraries (Qt and the rest)
through a .pth file, so only the wheel itself is installed into it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from reader.desktop import ICON_SIZES

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 600

pytestmark = pytest.mark.install

RESOURCES = ["reader/resources/transcript-reader.desktop", "reader/resources/transcript-reader.metainfo.xml",
             "reader/resources/icons/transcript-reader.svg",
             *(f"reader/resources/icons/transcript-reader-{size}.png" for size in ICON_SIZES)]
SAMPLE = "reader/seeds/lavrov-nbc-interview-2017-07-21.txt"

CHECK_ICON = """
import sys
from pathlib import Path
import reader
from reader.core.loader import sample_path
from reader.ui.app import application
app = application()
sizes = sorted(s.width() for s in app.windowIcon().availableSizes())
print(Path(reader.__file__).parent, sample_path(), sizes, sep="\\n")
"""


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=TIMEOUT)
    assert result.returncode == 0, f"{command}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=ROOT)
    return out


def test_the_build_makes_an_sdist_and_a_wheel_that_hold_the_resources_and_the_sample(dist: Path) -> None:
    (wheel,) = dist.glob("transcript_reader-*.whl")
    (sdist,) = dist.glob("transcript_reader-*.tar.gz")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {*RESOURCES, SAMPLE, "reader/cli.py", "reader/core/loader.py", "reader/ui/app.py"} <= names
    assert not any(n.startswith(("resources/", "seeds/", "tests/", "tools/")) for n in names)
    with tarfile.open(sdist) as tar:
        top = tar.getnames()[0].split("/")[0]
        members = {name.removeprefix(top + "/") for name in tar.getnames()}
    assert {"pyproject.toml", "setup.py", "README.md", "resources/transcript-reader.desktop",
            "resources/icons/transcript-reader-512.png", "seeds/lavrov-nbc-interview-2017-07-21.txt"} <= members


def test_the_installed_wheel_starts_with_its_icon_and_sample(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("transcript_reader-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=tmp_path).stdout.strip())
    # This environment's libraries, after the new one's own (where the wheel goes, so its reader comes first). A
    # .pth file there only adds folders: this environment's own editable install of the clone is not run.
    libraries = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]
    (site / "libraries-of-the-test.pth").write_text("\n".join(libraries) + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=tmp_path)

    run_dir = tmp_path / "elsewhere"  # no clone on the path
    run_dir.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data-home"),
           "TRANSCRIPT_READER_DATA_DIR": str(tmp_path / "notes")}
    env.pop("PYTHONPATH", None)
    script = bin_dir / ("transcript-reader.exe" if os.name == "nt" else "transcript-reader")

    package, sample, sizes = _run(python, "-c", CHECK_ICON, cwd=run_dir, env=env).stdout.splitlines()
    assert Path(package).is_relative_to(env_dir) and Path(sample).is_relative_to(env_dir)
    assert sizes == str(sorted(ICON_SIZES))

    shot = tmp_path / "shot.png"
    out = _run(script, "screenshot", "-o", shot, "--size", "800x600", cwd=run_dir, env=env).stdout
    assert "800x600" in out and "Lavrov" in out  # the sample, read from the wheel
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    if sys.platform.startswith("linux"):
        _run(script, "--install-desktop", cwd=run_dir, env=env)
        entry = (tmp_path / "data-home" / "applications" / "transcript-reader.desktop").read_text(encoding="utf-8")
        assert f"Exec={script} %F" in entry
        assert (tmp_path / "data-home" / "icons" / "hicolor" / "48x48" / "apps" / "transcript-reader.png").is_file()
