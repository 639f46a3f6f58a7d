"""The compiled bank the package loads is its TOML files, as they are now."""

from __future__ import annotations

import json
import tomllib
from importlib import resources

from tucoach_coach.bank import COMPILED_BANK, cell_source
from tucoach_coach_tools.compile_bank import compiled_text
from tucoach_models import Role, Seniority


def test_the_compiled_bank_is_the_bank_files_as_they_are() -> None:
    # Given the compiled bank shipped with the package
    shipped = (resources.files("tucoach_coach") / COMPILED_BANK).read_text(encoding="utf-8")
    # Then it is what compiling the bank files gives now (after editing a bank file, run
    # ./pants run packages/coach/tools/tucoach_coach_tools/compile_bank.py)
    assert shipped == compiled_text(), "bank/compiled.json is stale: run compile_bank.py"


def test_every_bank_file_compiles_to_its_own_questions() -> None:
    # Given every bank file and the compiled text
    compiled = json.loads(compiled_text())
    # Then each file's questions are in it under the file's name, as TOML reads them
    root = resources.files("tucoach_coach")
    expected = {
        cell_source(role, seniority): tomllib.loads(
            (root / cell_source(role, seniority)).read_text(encoding="utf-8")
        )["questions"]
        for role in Role
        for seniority in Seniority
    }
    assert compiled == expected
