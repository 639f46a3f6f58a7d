"""Compiles the question bank's TOML files into the JSON document the package loads.

Run after editing a bank file (tucoach_coach/bank/<role>/<seniority>.toml):

    ./pants run packages/coach/tools/tucoach_coach_tools/compile_bank.py

It writes packages/coach/src/tucoach_coach/bank/compiled.json: each file's questions as TOML
gives them, by file, one question a line (so a change to a question is a change of one line).
And beside it bank/phrases.json, every question's phrases, which take seconds to compute, and
bank/word_order.json, the word-order model's counts over the model answers
(`tucoach_coach.compiled_vocabulary`); run it after a change to the matching code too.
`compile_bank_test.py` fails while any of them differs. Each file is validated before anything is
written, so a mistake in an edit is named here (file and problem), not at the next load.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tucoach_coach.bank import COMPILED_BANK, bank_of, cell_source, read_cell, validate_cell
from tucoach_coach.compiled_vocabulary import COMPILED_PHRASES, COMPILED_WORD_ORDER
from tucoach_coach.matching import Phrase, question_phrases_of, word_order_of
from tucoach_coach.word_order import WordOrderModel
from tucoach_models import Role, Seniority

PACKAGE = Path("packages/coach/src/tucoach_coach")
COMPILED_PATH = PACKAGE / COMPILED_BANK
PHRASES_PATH = PACKAGE / COMPILED_PHRASES
WORD_ORDER_PATH = PACKAGE / COMPILED_WORD_ORDER


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


def phrases_text(by_question: Mapping[str, Sequence[Phrase]]) -> str:
    """The file's text: each question's phrases, one question a line (so a change to a question
    is a change of one line), in a stable order."""
    lines = [
        json.dumps(question_id) + ":" + _compact([_encoded(p) for p in phrases])
        for question_id, phrases in sorted(by_question.items())
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _encoded(phrase: Phrase) -> list[object]:
    """A phrase as `compiled_vocabulary` reads it: an array, not an object, since a container's
    first answer parses and decodes the 10,000-odd of them (with keys, the file was 1.3 MB, not
    0.9, and each field a lookup). [kind, owner, text, stems, specific], then, only where one
    differs from a Phrase's defaults (few do), [sides, denied, subjects, from]."""
    encoded: list[object] = [
        phrase.kind.value,
        phrase.owner_id,
        phrase.text,
        list(phrase.stems),
        phrase.specific,
    ]
    if phrase.sides or phrase.denied_by_model_answer or phrase.subjects or phrase.swapped_from:
        encoded += [
            sorted(phrase.sides),
            phrase.denied_by_model_answer,
            sorted([s.set_index, s.member] for s in phrase.subjects),
            phrase.swapped_from,
        ]
    return encoded


def word_order_text(model: WordOrderModel) -> str:
    """The file's text: the classes' counts, then each pair's count a line, in a stable order."""
    unigrams, bigrams = model.counts()
    lines = ",\n".join(_compact(list(pair)) for pair in bigrams)
    return f'{{"words": {_compact(unigrams)},\n"pairs": [\n{lines}\n]}}\n'


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main(
    root: Traversable | None = None,
    target: Path = COMPILED_PATH,
    phrases_target: Path = PHRASES_PATH,
    word_order_target: Path = WORD_ORDER_PATH,
) -> None:
    text = compiled_text(root)  # validated whole before a byte is written
    bank = bank_of(json.loads(text))
    phrases = phrases_text(question_phrases_of(bank))
    word_order = word_order_text(word_order_of(bank))
    target.write_text(text, encoding="utf-8")
    phrases_target.write_text(phrases, encoding="utf-8")
    word_order_target.write_text(word_order, encoding="utf-8")
    print(f"wrote {target}, {phrases_target} and {word_order_target}")


if __name__ == "__main__":
    main()
