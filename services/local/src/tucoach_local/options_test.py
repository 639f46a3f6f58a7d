"""`bin/run --help`: complete, and printed by the standard library alone (no Pants, no
third-party import), which is what makes it fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tucoach_local.options import build_parser


def test_every_option_is_described() -> None:
    parser = build_parser()
    undescribed = [action.option_strings for action in parser._actions if not action.help]
    assert undescribed == []


def test_help_needs_nothing_but_the_standard_library() -> None:
    # Given an interpreter that sees no site-packages (-S) and only this package's folder
    source_root = Path(__file__).resolve().parent.parent
    # When it prints the help
    printed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-I", "-S", "-c", _PRINT_HELP, str(source_root)],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    # Then it works, naming every option
    assert printed.returncode == 0, printed.stderr
    for option in ("--port", "--data-dir", "--web-dir", "--coach", "--openai-model"):
        assert option in printed.stdout


# -I ignores PYTHONPATH, so the package's folder is put on sys.path by hand.
_PRINT_HELP = """
import sys
sys.path.insert(0, sys.argv[1])
from tucoach_local.options import build_parser
build_parser().print_help()
"""
