"""The curated question bank: one TOML file per role and seniority, validated when loaded.

The TOML files are what people edit; the package loads them compiled into one JSON document
(`bank/compiled.json`, by `tools/tucoach_coach_tools/compile_bank.py`, which a test holds to the
TOML files). Python's TOML parser is pure Python: it took about 120 ms of every cold start's
first request on Lambda, where the JSON parser takes a few.
"""

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Annotated, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from tucoach_models import DomainModel, QuestionId, Role, Seniority

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Phrasing = Annotated[str, StringConstraints(min_length=1, max_length=60)]
MIN_QUESTIONS_PER_CELL = 15
# The bank files' questions as TOML gives them, by file (see the module's docstring).
COMPILED_BANK = "bank/compiled.json"


class TalkingPoint(DomainModel):
    id: Slug
    point: str = Field(min_length=1, max_length=300)
    phrasings: tuple[Phrasing, ...] = Field(min_length=1, max_length=8)

    @field_validator("phrasings")
    @classmethod
    def _lowercase_and_distinct(cls, phrasings: tuple[str, ...]) -> tuple[str, ...]:
        if any(p != p.lower() for p in phrasings):
            raise ValueError("phrasings are lowercase, since answers are matched lowercased")
        if len(set(phrasings)) != len(phrasings):
            raise ValueError("phrasings of a talking point must be distinct")
        return phrasings


class RedFlag(DomainModel):
    """A wrong claim weak candidates really make for a question, and the right view.

    Phrasings are statements of the wrong claim (two words or more): a single word cannot say
    something false on its own.
    """

    id: Slug
    claim: str = Field(min_length=1, max_length=300)
    phrasings: tuple[Phrasing, ...] = Field(min_length=1, max_length=8)
    correction: str = Field(min_length=1, max_length=400)

    @field_validator("phrasings")
    @classmethod
    def _lowercase_distinct_statements(cls, phrasings: tuple[str, ...]) -> tuple[str, ...]:
        if any(p != p.lower() for p in phrasings):
            raise ValueError("phrasings are lowercase, since answers are matched lowercased")
        if len(set(phrasings)) != len(phrasings):
            raise ValueError("phrasings of a red flag must be distinct")
        if any(len(p.split()) < 2 for p in phrasings):
            raise ValueError("a red flag's phrasings are statements of two words or more")
        return phrasings


class FollowUp(DomainModel):
    talking_point: Slug
    text: str = Field(min_length=1, max_length=400)


class BankQuestion(DomainModel):
    id: QuestionId
    topic: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)
    difficulty: int = Field(ge=1, le=3)
    text: str = Field(min_length=10, max_length=400)
    model_answer: str = Field(min_length=50)
    job_terms: tuple[str, ...] = Field(min_length=1, max_length=10)
    talking_points: tuple[TalkingPoint, ...] = Field(min_length=3, max_length=8)
    follow_ups: tuple[FollowUp, ...] = Field(min_length=1, max_length=3)
    red_flags: tuple[RedFlag, ...] = Field(min_length=2, max_length=4)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        point_ids = [p.id for p in self.talking_points]
        if len(set(point_ids)) != len(point_ids):
            raise ValueError(f"question {self.id}: talking point ids repeat")
        flag_ids = [f.id for f in self.red_flags]
        if len(set(flag_ids)) != len(flag_ids):
            raise ValueError(f"question {self.id}: red flag ids repeat")
        for follow_up in self.follow_ups:
            if follow_up.talking_point not in point_ids:
                raise ValueError(
                    f"question {self.id}: follow-up names unknown talking point "
                    f"{follow_up.talking_point!r}"
                )
        return self

    def talking_point(self, point_id: str) -> TalkingPoint:
        return next(p for p in self.talking_points if p.id == point_id)


class BankError(ValueError):
    """The bank's files break its schema; the message names the file and the problem."""


class QuestionBank:
    """All questions, by id and by role and seniority."""

    def __init__(self, cells: dict[tuple[Role, Seniority], tuple[BankQuestion, ...]]) -> None:
        self._cells = cells
        self._by_id: dict[str, BankQuestion] = {}
        texts: set[str] = set()
        for (role, seniority), questions in cells.items():
            prefix = f"{role.value}-{seniority.value}-"
            for question in questions:
                if not question.id.startswith(prefix):
                    raise BankError(f"question {question.id} is filed under {role}/{seniority}")
                if question.id in self._by_id:
                    raise BankError(f"question id {question.id} appears twice")
                if question.text in texts:
                    raise BankError(f"question text of {question.id} appears twice")
                self._by_id[question.id] = question
                texts.add(question.text)

    def questions(self, role: Role, seniority: Seniority) -> tuple[BankQuestion, ...]:
        return self._cells.get((role, seniority), ())

    def get(self, question_id: str) -> BankQuestion:
        """The question with this id; KeyError if there is none."""
        return self._by_id[question_id]

    def __iter__(self) -> Iterator[BankQuestion]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def topics(self, role: Role, seniority: Seniority) -> tuple[str, ...]:
        return tuple(sorted({q.topic for q in self.questions(role, seniority)}))


def cell_source(role: Role, seniority: Seniority) -> str:
    """The bank file of a role and seniority, under the package."""
    return f"bank/{role.value}/{seniority.value}.toml"


def read_cell(text: str, source: str) -> list[object]:
    """The questions of one bank file's text as TOML gives them, not yet validated."""
    # Only the compiler and the tests read TOML: importing the parser (its patterns compiled)
    # is not for a Lambda container's first request, which loads the compiled bank.
    import tomllib  # noqa: PLC0415

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BankError(f"{source}: not valid TOML: {error}") from error
    questions: list[object] = document.get("questions", [])
    return questions


def validate_cell(questions: list[object], source: str) -> tuple[BankQuestion, ...]:
    """The questions of one bank file, validated; BankError names `source` and what is wrong."""
    try:
        return tuple(BankQuestion.model_validate(q) for q in questions)
    except ValueError as error:
        raise BankError(f"{source}: {error}") from error


@cache
def load_bank() -> QuestionBank:
    """The bank shipped in this package, from its compiled JSON (read once per process)."""
    return bank_of(
        json.loads((resources.files("tucoach_coach") / COMPILED_BANK).read_text(encoding="utf-8"))
    )


def bank_of(compiled: dict[str, list[object]]) -> QuestionBank:
    """The bank a compiled document holds (each bank file's questions, by file)."""
    cells: dict[tuple[Role, Seniority], tuple[BankQuestion, ...]] = {}
    for role in Role:
        for seniority in Seniority:
            source = cell_source(role, seniority)
            cells[role, seniority] = validate_cell(compiled[source], source)
    return QuestionBank(cells)
