"""Compiles the question bank's TOML files into the JSON document the package loads.

Run after editing a bank file (tucoach_coach/bank/<role>/<seniority>.toml):

    ./pants run packages/coach/tools/tucoach_coach_tools/compile_bank.py

It writes packages/coach/src/tucoach_coach/bank/compiled.json: each file's questions as TOML
gives them, by file, one question a line (so a change to a question is a change of one line).
`compile_bank_test.py` fails while the two differ. Each file is validated before anything is
written, so a mistake in an edit is named here (file and problem), not at the next load.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tucoach_coach.bank import COMPILED_BANK, cell_source, read_cell, validate_cell
from tucoach_models import Role, Seniority

COMPILED_PATH = Path("packages/coach/src/tucoach_coach") / COMPILED_BANK


def compiled_text(root: Traversable | None = None) -> str:
    """The compiled bank's text, from the bank files under `root` (by default those shipped
    beside the package's modules); BankError names the first file that is not valid."""
    if root is None:
        root = resources.files("tucoach_coach")
    cells = []
    for role in Role:
        for seniority in Seniority:
            source = cell_source(role, seniority)
            questions = read_cell((root / source).read_text(encoding="utf-8"), source)
            validate_cell(questions, source)
            lines = ",\n".join(_compact(question) for question in questions)
            cells.append(f"{_compact(source)}: [\n{lines}\n]")
    return "{\n" + ",\n".join(cells) + "\n}\n"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main(root: Traversable | None = None, target: Path = COMPILED_PATH) -> None:
    text = compiled_text(root)  # validated whole before a byte is written
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
