"""The compiled bank the package loads is its TOML files, as they are now, and its phrases are
what the matching code computes from them now."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from tucoach_coach.bank import COMPILED_BANK, BankError, bank_of, cell_source
from tucoach_coach.compiled_vocabulary import (
    COMPILED_PHRASES,
    COMPILED_WORD_ORDER,
    read_phrases,
    read_word_order,
)
from tucoach_coach.matching import Phrase, PhraseKind, question_phrases_of, word_order_of
from tucoach_coach_tools.compile_bank import (
    compiled_text,
    main,
    phrases_text,
    word_order_text,
)
from tucoach_models import Role, Seniority


def test_the_compiled_bank_is_the_bank_files_as_they_are() -> None:
    # Given the compiled bank shipped with the package
    shipped = (resources.files("tucoach_coach") / COMPILED_BANK).read_text(encoding="utf-8")
    # Then it is what compiling the bank files gives now (after editing a bank file, run
    # ./pants run packages/coach/tools/tucoach_coach_tools/compile_bank.py)
    assert shipped == compiled_text(), "bank/compiled.json is stale: run compile_bank.py"


@pytest.fixture(scope="module")
def computed() -> dict[str, tuple[Phrase, ...]]:
    """The phrases the matching code computes now for the bank files as they are (seconds of
    CPU: computed once for the tests of this module)."""
    return question_phrases_of(bank_of(json.loads(compiled_text())))


def test_the_compiled_phrases_are_what_the_matching_code_computes_now(
    computed: dict[str, tuple[Phrase, ...]],
) -> None:
    # Given the phrases shipped with the package
    shipped = (resources.files("tucoach_coach") / COMPILED_PHRASES).read_text(encoding="utf-8")
    # Then they are what the code computes from the bank now (after changing the bank or the
    # matching code, run ./pants run packages/coach/tools/tucoach_coach_tools/compile_bank.py),
    # and they read back as they were written
    assert shipped == phrases_text(computed), "bank/phrases.json is stale: run compile_bank.py"
    assert phrases_text(read_phrases()) == shipped


def test_the_compiled_phrases_read_as_the_phrases_computed(
    computed: dict[str, tuple[Phrase, ...]],
) -> None:
    # Given the shipped bank's phrases, when read compiled, then they are the computed ones,
    # field by field (a field the file left out would show here), of the same types (a named
    # tuple equals a plain tuple, and a kind its value)
    read = read_phrases()
    assert read == computed
    assert all(
        type(p) is Phrase and type(p.kind) is PhraseKind
        for phrases in read.values()
        for p in phrases
    )


def test_the_compiled_word_order_is_what_the_model_answers_give_now() -> None:
    # Given the word-order counts shipped with the package
    shipped = (resources.files("tucoach_coach") / COMPILED_WORD_ORDER).read_text(encoding="utf-8")
    # Then they are what the model learns from the bank's model answers now (after changing the
    # bank or the model, run compile_bank.py), and they read back as the same model
    learned = word_order_of(bank_of(json.loads(compiled_text())))
    assert shipped == word_order_text(learned), "bank/word_order.json is stale: run compile_bank.py"
    assert read_word_order().counts() == learned.counts()


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


def test_an_invalid_bank_file_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    # Given a copy of the bank files in which one question lost its model answer
    root = resources.files("tucoach_coach")
    for role in Role:
        for seniority in Seniority:
            source = cell_source(role, seniority)
            copy = tmp_path / source
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text((root / source).read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / cell_source(Role.FRONTEND, Seniority.SENIOR)
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("model_answer =", "model_answr =", 1), encoding="utf-8")
    written = [tmp_path / name for name in ("compiled.json", "phrases.json", "word_order.json")]
    for path in written:
        path.write_text("before", encoding="utf-8")
    # When the compiler runs over them
    with pytest.raises(BankError) as refused:
        main(tmp_path, *written)
    # Then it names the file and what is wrong with it, and the compiled files are as they were
    assert str(refused.value).startswith("bank/frontend/senior.toml: ")
    assert "model_answer" in str(refused.value)
    assert [path.read_text(encoding="utf-8") for path in written] == ["before"] * 3


def test_valid_bank_files_compile_to_the_target(
    tmp_path: Path, computed: dict[str, tuple[Phrase, ...]]
) -> None:
    # Given the shipped bank files
    target, phrases = tmp_path / "compiled.json", tmp_path / "phrases.json"
    word_order = tmp_path / "word_order.json"
    # When the compiler runs over them
    main(target=target, phrases_target=phrases, word_order_target=word_order)
    # Then the targets hold the compiled bank, its phrases and its word-order counts
    assert target.read_text(encoding="utf-8") == compiled_text()
    assert phrases.read_text(encoding="utf-8") == phrases_text(computed)
    learned = word_order_of(bank_of(json.loads(compiled_text())))
    assert word_order.read_text(encoding="utf-8") == word_order_text(learned)
