"""The command line imports only the module of the command it runs: opening the window must not pay for what
export, import, grep or topics need (the window's start is timed in benchmarks/bench_startup.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.cli import COMMAND_MODULES, build_parser

ROOT = Path(__file__).parents[2]


def test_the_table_of_commands_names_what_the_modules_add() -> None:
    _parser, commands = build_parser()
    assert commands == {"open", *COMMAND_MODULES}
    for command, module in COMMAND_MODULES.items():
        assert build_parser(command)[1] == {"open", *(c for c, m in COMMAND_MODULES.items() if m == module)}


def test_opening_the_window_imports_no_other_command() -> None:
    script = ("import sys; from reader.cli import build_parser; build_parser('open'); "
              "print(sorted(m for m in sys.modules if m.startswith('reader.commands.')))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "['reader.commands.common']"
