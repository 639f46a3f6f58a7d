"""The phrases of the shipped bank's questions, computed when the bank is compiled and read with it.

Computing them takes seconds of CPU: every phrasing of every question, its variants with the
other members of its set of alternatives, each matched against the question's model answer
(`matching.question_phrases_of`). A Lambda container's first answer paid that, because the
whole bank's phrases are needed to spot an answer to another question. The compiler
(`tucoach_coach_tools.compile_bank`) writes them to `bank/phrases.json`, and `matching` reads
them for the shipped bank instead. `compile_bank_test.py` fails while the file differs from what
the code computes, so a change to the bank or to the matching code is compiled again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from tucoach_coach.alternatives import Subject
from tucoach_coach.matching import Phrase, PhraseKind

COMPILED_PHRASES = "bank/phrases.json"


def phrases_text(by_question: Mapping[str, Sequence[Phrase]]) -> str:
    """The file's text: each question's phrases, one question a line (so a change to a question
    is a change of one line), in a stable order."""
    lines = [
        json.dumps(question_id) + ":" + _compact([_encoded(p) for p in phrases])
        for question_id, phrases in sorted(by_question.items())
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def read_phrases() -> dict[str, tuple[Phrase, ...]]:
    """The shipped bank's phrases, by question id."""
    document = json.loads(
        (resources.files("tucoach_coach") / COMPILED_PHRASES).read_text(encoding="utf-8")
    )
    return {
        question_id: tuple(_decoded(question_id, p) for p in phrases)
        for question_id, phrases in document.items()
    }


def _encoded(phrase: Phrase) -> dict[str, object]:
    encoded: dict[str, object] = {
        "kind": phrase.kind.value,
        "owner": phrase.owner_id,
        "text": phrase.text,
        "stems": list(phrase.stems),
        "specific": phrase.specific,
    }
    # Only what differs from a Phrase's defaults: most phrases have none of these.
    if phrase.sides:
        encoded["sides"] = sorted(phrase.sides)
    if phrase.denied_by_model_answer:
        encoded["denied"] = True
    if phrase.subjects:
        encoded["subjects"] = sorted([s.set_index, s.member] for s in phrase.subjects)
    if phrase.swapped_from:
        encoded["from"] = phrase.swapped_from
    return encoded


def _decoded(question_id: str, encoded: dict[str, Any]) -> Phrase:
    return Phrase(
        question_id=question_id,
        kind=PhraseKind(encoded["kind"]),
        owner_id=encoded["owner"],
        text=encoded["text"],
        stems=tuple(encoded["stems"]),
        specific=encoded["specific"],
        sides=frozenset(encoded.get("sides", ())),
        denied_by_model_answer=encoded.get("denied", False),
        subjects=frozenset(Subject(index, member) for index, member in encoded.get("subjects", ())),
        swapped_from=encoded.get("from", ""),
    )


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
