"""The window: PySide6 widgets over the plain-Python core.

PySide's import hook looks at every module imported after PySide6, the first time an `import` statement names
it: it reads the module's source file to see whether it uses PySide (for `from __feature__ import ...`, which
none of our modules does). Reading some 80 files cost the start about 11 ms, 4% of its time to the first
picture. So the core modules the window needs at its start are imported here first, and PySide is then told
about them, and about this package's modules, before it reads any of them (`_known_to_pyside`). That table is
PySide's own (`__feature__.pyside_feature_dict`, not a documented interface): should it be missing, PySide
reads the files, as it would anyway, and nothing else changes.
"""

import importlib
import pkgutil
import sys

# What the window's start imports besides Qt (and besides what the command line has imported already).
BEFORE_QT = ("ctypes", "getpass", "reader.core.lexer", "reader.core.notes.citation", "reader.core.notes.store")
for _name in BEFORE_QT:
    importlib.import_module(_name)


def _known_to_pyside() -> None:
    """Enter the modules loaded so far and this package's in PySide's table of modules it has looked at: -1
    for those that do not use PySide, 0 for those that use it without features (what its own look gives)."""
    import PySide6.QtCore  # noqa: F401 (installs the import hook and its table)

    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in list(sys.modules):
        table.setdefault(name, -1)
    for module in pkgutil.iter_modules(__path__, __name__ + "."):
        table.setdefault(module.name, 0)


_known_to_pyside()
