"""The window's parts know the session and narrow protocols, not the window nor each other: no module under
reader/ui imports reader.ui.main_window except the application's entry point, and no panel imports another.

Read from the source (every import statement, also those inside functions or under TYPE_CHECKING), so a part
that reaches for the window again fails here rather than in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "reader" / "ui"
WINDOW = "reader.ui.main_window"
ENTRY_POINT = UI / "app.py"  # builds the window, so it may name it
PANELS = ("search_bar", "speakers_panel", "topics_panel", "notes_panel")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(UI.parents[1]).with_suffix("").parts)


def imports(path: Path) -> set[str]:
    """Every module an import statement of the file names, and `package.name` for each `from package import name`
    (which may be a module too)."""
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


UI_MODULES = sorted(UI.rglob("*.py"))


def test_the_scan_sees_the_entry_points_import_of_the_window() -> None:
    assert WINDOW in imports(ENTRY_POINT)  # inside a function: the scan looks there too


@pytest.mark.parametrize("path", [p for p in UI_MODULES if p != ENTRY_POINT], ids=lambda p: module_name(p))
def test_no_part_of_the_window_imports_the_window(path: Path) -> None:
    assert WINDOW not in imports(path)


@pytest.mark.parametrize("panel", PANELS)
def test_no_panel_imports_another(panel: str) -> None:
    others = {f"reader.ui.{other}" for other in PANELS if other != panel}
    assert not imports(UI / f"{panel}.py") & others
