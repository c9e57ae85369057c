"""The window: PySide6 widgets over the plain-Python core.

The core modules the window needs at its start are imported here, before any module of this package imports
PySide6. PySide's import hook reads the source of every module imported after PySide6 (it looks for
`from __feature__ import ...`). For these modules that reading buys nothing and costs the start about 1% of its
work (benchmarks/bench_startup.py --instructions). A module missing from the list costs that time, not
correctness.
"""

import importlib

# What the window's start imports besides Qt (and besides what the command line has imported already).
BEFORE_QT = ("ctypes", "getpass", "reader.core.lexer", "reader.core.notes.citation", "reader.core.notes.store")
for _name in BEFORE_QT:
    importlib.import_module(_name)
