"""Interviews to store in tests and the benchmark: valid, small, and easy to tell apart."""

from __future__ import annotations

import random
import string
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from tucoach_models import (
    MAX_QUESTIONS,
    Answer,
    AskedQuestion,
    CoachEngine,
    Feedback,
    IdempotencyRecord,
    Interview,
    Provenance,
    Role,
    Seniority,
)

if TYPE_CHECKING:
    from tucoach_repository import InterviewRepository

START = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)

FEEDBACK = Feedback(
    score=7.5,
    covered_points=("idempotency keys",),
    missed_points=("retries with backoff",),
    provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version="rubric-1"),
)


def new_interview(
    user_id: str = "user-1", interview_id: str = "interview-1", created_at: datetime = START
) -> Interview:
    """Version 1 of an interview, as it is created: no question asked yet."""
    return Interview(
        user_id=user_id,
        interview_id=interview_id,
        role=Role.BACKEND,
        seniority=Seniority.SENIOR,
        version=1,
        question_count=MAX_QUESTIONS,
        created_at=created_at,
        updated_at=created_at,
    )


ANSWER = "I would make the handler idempotent."


def next_version(
    previous: Interview,
    answer: str | None = ANSWER,
    *,
    feedback: Feedback = FEEDBACK,
    later_by: timedelta = timedelta(seconds=1),
) -> Interview:
    """The version after `previous`: one more question asked and `answer`ed, or (with None)
    the same questions and answers, as after a change of nothing but the version."""
    moment = previous.updated_at + later_by
    changes: dict[str, object] = {"version": previous.version + 1, "updated_at": moment}
    if answer is not None:
        question_id = f"q-{len(previous.questions) + 1}"
        question = AskedQuestion(
            question_id=question_id,
            topic="reliability",
            difficulty=2,
            text="How do you make a payment endpoint safe to retry?",
            asked_at=moment,
        )
        changes["questions"] = (*previous.questions, question)
        changes["answers"] = (
            *previous.answers,
            Answer(question_id=question_id, text=answer, answered_at=moment, feedback=feedback),
        )
    return Interview.model_validate({**previous.model_dump(), **changes})


def stored_versions(
    repository: InterviewRepository,
    answers: Iterable[str | None],
    *,
    later_by: timedelta = timedelta(seconds=1),
) -> list[Interview]:
    """A new interview created through `repository`, then a version appended per answer (None:
    a version that changes nothing but the version); every version, oldest first."""
    versions = [new_interview()]
    repository.create(versions[0])
    for answer in answers:
        versions.append(next_version(versions[-1], answer, later_by=later_by))
        repository.append_version(versions[-2], versions[-1])
    return versions


def idempotency_record(new: Interview, key: str = "key-00000001") -> IdempotencyRecord:
    """The record of an Idempotency-Key whose request produced `new`."""
    return IdempotencyRecord(
        user_id=new.user_id,
        key=key,
        interview_id=new.interview_id,
        request_hash="0" * 64,
        status_code=200,
        version_updated_at=new.updated_at,
        created_at=new.updated_at,
    )


def oversized_feedback() -> Feedback:
    """Feedback so long that an interview holding it passes DynamoDB's 400 KB item limit, even
    compressed: 600,000 characters drawn at random (seeded) from 94, which no compression
    squeezes below 6.5 bits each."""
    draw = random.Random(0)  # noqa: S311 - reproducible test data, not cryptography
    points = tuple("".join(draw.choices(string.printable[:94], k=10_000)) for _ in range(60))
    return FEEDBACK.model_copy(update={"covered_points": points})
