"""The phrases of the shipped bank's questions, computed when the bank is compiled and read with it.

Computing them takes seconds of CPU: every phrasing of every question, its variants with the
other members of its set of alternatives, each matched against the question's model answer
(`matching.question_phrases_of`). A Lambda container's first answer paid that, because the
whole bank's phrases are needed to spot an answer to another question. The compiler
(`tucoach_coach_tools.compile_bank`, which holds the encoding) writes them to
`bank/phrases.json`, and `matching` reads them for the shipped bank instead, through this module.
`compile_bank_test.py` fails while the file differs from what the code computes, or does not read
back as the computed phrases, so a change to the bank or to the matching code is compiled again.

Beside them, the word-order model's counts over the bank's model answers (`bank/word_order.json`,
`word_order.WordOrderModel`): fewer seconds, but about 37 ms of CPU of that same first answer,
held to the code by the same test.
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
    document = json.loads(
        (resources.files("tucoach_coach") / COMPILED_PHRASES).read_text(encoding="utf-8")
    )
    return {
        question_id: tuple(_decoded(question_id, p) for p in phrases)
        for question_id, phrases in document.items()
    }


def read_word_order() -> WordOrderModel:
    """The word-order model of the shipped bank's model answers."""
    document = json.loads(
        (resources.files("tucoach_coach") / COMPILED_WORD_ORDER).read_text(encoding="utf-8")
    )
    return WordOrderModel(
        document["words"],
        {(previous, following): count for previous, following, count in document["pairs"]},
    )


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
