"""What the shipped bank's vocabulary is built from, computed when the bank is compiled and read
with it: every question's phrases, and the word-order model's counts.

Computing the phrases takes seconds of CPU: every phrasing of every question, its variants with
the other members of its set of alternatives, each matched against the question's model answer
(`matching.question_phrases_of`). A Lambda container's first answer paid that, because every
question's talking points are needed to spot an answer to another question. Counting the model
answers' words for the word-order model (`matching.word_order_of`) cost that answer tens of
milliseconds more. The compiler (`tucoach_coach_tools.compile_bank`, which holds the encoding)
writes them to `bank/phrases.json` and `bank/word_order.json`, and `matching` reads them for the
shipped bank instead, through this module. `compile_bank_test.py` fails while a file differs from
what the code computes, or does not read back as it, so a change to the bank or to the matching
code is compiled again.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from tucoach_coach.alternatives import Subject
from tucoach_coach.matching import Phrase, PhraseKind
from tucoach_coach.word_order import WordOrderModel

COMPILED_PHRASES = "bank/phrases.json"
COMPILED_WORD_ORDER = "bank/word_order.json"


def read_phrases() -> dict[str, tuple[Phrase, ...]]:
    """The shipped bank's phrases, by question id."""
    return {
        question_id: tuple(_decoded(question_id, p) for p in phrases)
        for question_id, phrases in _read(COMPILED_PHRASES).items()
    }


def read_word_order() -> WordOrderModel:
    """The word-order model of the shipped bank's model answers."""
    document = _read(COMPILED_WORD_ORDER)
    return WordOrderModel(
        document["words"],
        {(previous, following): count for previous, following, count in document["pairs"]},
    )


def _read(name: str) -> Any:
    return json.loads((resources.files("tucoach_coach") / name).read_text(encoding="utf-8"))


# By value, read from a dict: calling the enum for each of 10,000 phrases cost ten times as much.
_KINDS = {kind.value: kind for kind in PhraseKind}


def _decoded(question_id: str, encoded: list[Any]) -> Phrase:
    """The inverse of the compiler's encoding (`compile_bank._encoded`): [kind, owner, text,
    stems, specific], and [sides, denied, subjects, from] where one differs from the defaults."""
    kind, owner_id, text, stems, specific, *rest = encoded
    phrase = Phrase(
        question_id=question_id,
        kind=_KINDS[kind],
        owner_id=owner_id,
        text=text,
        stems=tuple(stems),
        specific=specific,
    )
    if not rest:
        return phrase
    sides, denied, subjects, swapped_from = rest
    return phrase._replace(
        sides=frozenset(sides),
        denied_by_model_answer=denied,
        subjects=frozenset(Subject(index, member) for index, member in subjects),
        swapped_from=swapped_from,
    )
