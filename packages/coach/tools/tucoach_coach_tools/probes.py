"""Synthetic probes built from the bank: answers whose right score is known without a grader.

- `model_answer`: the model answer (a strong answer: grade 10);
- `negated_model_answer`: the model answer with every clause it can find turned around ("is"
  -> "is not", "defaults to" -> "does not default to", always <-> never, before <-> after,
  "use" -> "avoid"): a confidently wrong answer (grade 0, as both strict interviewers graded
  every hand-negated answer of the labeled set);
- `shuffled_model_answer`: the model answer's own words in a random order, with or without
  its punctuation (grade 0);
- `other_model_answer`: the model answer of another question of the same cell (grade 0).

Deterministic: the same bank gives the same probes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tucoach_coach.bank import BankQuestion, QuestionBank
from tucoach_models import Role, Seniority

_AUXILIARIES = re.compile(
    r"\b(is|are|was|were|can|could|should|must|will|would|does|do|did|has|have|may|might)\b"
    r"(?!\s+not\b|n't)",
    re.IGNORECASE,
)
_SWAPS = {
    "always": "never",
    "never": "always",
    "before": "after",
    "after": "before",
    "use": "avoid",
    "uses": "avoids",
    "using": "avoiding",
    "more": "less",
    "less": "more",
    "faster": "slower",
    "slower": "faster",
    "safe": "unsafe",
    "cheaper": "costlier",
}
_SWAP = re.compile(r"\b(" + "|".join(_SWAPS) + r")\b", re.IGNORECASE)
# A third-person verb opening a clause's predicate: "X defaults to", "Y prevents".
_VERB = re.compile(
    r"\b(defaults|prevents|allows|means|detects|returns|keeps|makes|gives|needs|sees|runs|"
    r"lets|requires|stores|reads|writes|sends|adds|removes|blocks|protects|reduces|improves|"
    r"avoids|ensures|guarantees|handles|limits|checks|shows|tells|takes|sets|holds|helps|"
    r"works|breaks|fails|scales|costs|depends|applies|creates|provides|supports|matters)\b"
)
# "I keep", "we agree": a subject pronoun and the verb after it.
_SUBJECT_VERB = re.compile(r"\b(I|[Ww]e|[Yy]ou|[Tt]hey)\b(?= [a-z]+)")
_CLAUSE = re.compile(r"([,;:]|[.!?]\s|\bbut\b|\bwhile\b|\bbecause\b|\bso\b|\bwhich\b|\band\b)")


@dataclass(frozen=True)
class Probe:
    question_id: str
    kind: str
    answer: str
    grade: float


def negate(text: str) -> str:
    """Every clause turned around as far as simple rules can: a confidently wrong answer."""
    swapped = _SWAP.sub(lambda m: _keep_case(m.group(0), _SWAPS[m.group(0).lower()]), text)
    return "".join(_negate_clause(piece) for piece in _CLAUSE.split(swapped))


def shuffle(text: str, seed: str, *, keep_punctuation: bool) -> str:
    tokens = text.split() if keep_punctuation else re.findall(r"[\w'-]+", text)
    random.Random(seed).shuffle(tokens)  # noqa: S311 - a repeatable shuffle, not cryptography
    return " ".join(tokens)


def probes(bank: QuestionBank) -> Iterator[Probe]:
    for role in Role:
        for seniority in Seniority:
            cell = bank.questions(role, seniority)
            for position, question in enumerate(cell):
                yield from _probes_of(question, cell[(position + 1) % len(cell)])


def _probes_of(question: BankQuestion, neighbour: BankQuestion) -> Iterator[Probe]:
    """A question's probes; `neighbour` is the next question of its cell, round the end."""
    answer = question.model_answer.strip()
    yield Probe(question.id, "model_answer", answer, 10.0)
    yield Probe(question.id, "negated_model_answer", negate(answer), 0.0)
    for keep in (False, True):
        shuffled = shuffle(answer, question.id, keep_punctuation=keep)
        yield Probe(question.id, "shuffled_model_answer", shuffled, 0.0)
    if neighbour is not question:
        yield Probe(question.id, "other_model_answer", neighbour.model_answer.strip(), 0.0)


def _negate_clause(clause: str) -> str:
    if _AUXILIARIES.search(clause):
        return _AUXILIARIES.sub(lambda m: f"{m.group(0)} not", clause, count=1)
    subject = _SUBJECT_VERB.search(clause)
    if subject:
        return clause[: subject.end(1)] + " do not" + clause[subject.end(1) :]
    verb = _VERB.search(clause)
    if verb:
        base = verb.group(0)
        base = (
            base[:-3] + "y"
            if base.endswith("ies")
            else base[:-2]
            if base.endswith("sses")
            else base[:-1]
        )
        return clause[: verb.start()] + f"does not {base}" + clause[verb.end() :]
    return clause


def _keep_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement
