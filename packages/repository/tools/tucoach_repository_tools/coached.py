"""Interviews the offline coach conducts, version by version, as the service stores them: the
steps the step dictionary is built from (`step_dictionary.py`) and measured on (`step_sizes.py`).

Nothing here is stored or sent anywhere; the coach (bank, offline engine, interviewer) runs in
process, exactly as the interviews function runs it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

from tucoach_coach import Interviewer, OfflineEngine, QuestionBank, load_bank
from tucoach_models import AskedQuestion, Interview, QuestionKind, Role, Seniority

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MINUTES_PER_ANSWER = 3

# The interview the cost benchmark measures (services/interviews/tools/tucoach_interviews_tools/
# cost_bench.py): its 10-question interview is the fourth it starts, with fixed ids. The
# dictionary is never built from this cell, so it is a held-out sample.
BENCH_ROLE, BENCH_SENIORITY = Role.BACKEND, Seniority.SENIOR
BENCH_INTERVIEW_ID = str(uuid.UUID(int=4, version=4))
# Ids as long as the service's (a Cognito sub, a UUID), since they are in every item's key.
USER_ID = str(uuid.UUID(int=1, version=4))

# How a candidate answers a question: (the bank, the question asked, its number) -> the answer.
type Answering = Callable[[QuestionBank, AskedQuestion, int], str]

type Step = tuple[Interview, Interview]


def interviewer() -> Interviewer:
    return Interviewer(load_bank(), OfflineEngine())


def coached_interview(
    coach: Interviewer,
    answering: Answering,
    *,
    interview_id: str,
    role: Role,
    seniority: Seniority,
    questions: int = 10,
) -> Iterator[Step]:
    """Each version after the first of an interview, with the version before it: the answers
    (follow-ups answered too) and the completion."""
    now = START
    interview = coach.start(
        user_id=USER_ID,
        interview_id=interview_id,
        role=role,
        seniority=seniority,
        question_count=questions,
        now=now,
    )
    number = 0
    while (question := interview.current_question) is not None:
        now += timedelta(minutes=MINUTES_PER_ANSWER)
        number += 1
        answered = coach.answer(
            interview,
            question_id=question.question_id,
            text=answering(coach.bank, question, number),
            now=now,
        )
        yield interview, answered
        interview = answered
    yield interview, coach.complete(interview, now=now + timedelta(minutes=1))


def one_answer(coach: Interviewer, question_id: str, text: str) -> Step:
    """The version that answers the main question `question_id` with `text` (its feedback and
    the next question), after the version that asked it."""
    main = coach.bank.get(question_id)
    role, seniority, _ = question_id.split("-", 2)
    started = coach.start(
        user_id=USER_ID,
        interview_id=str(uuid.uuid5(uuid.NAMESPACE_URL, question_id)),
        role=Role(role),
        seniority=Seniority(seniority),
        question_count=10,
        now=START,
    )
    asked = AskedQuestion(
        question_id=main.id,
        kind=QuestionKind.MAIN,
        topic=main.topic,
        difficulty=main.difficulty,
        text=main.text,
        asked_at=START,
    )
    previous = started.revised(questions=(asked,))
    later = START + timedelta(minutes=MINUTES_PER_ANSWER)
    return previous, coach.answer(previous, question_id=main.id, text=text, now=later)


def model_answer_halves(bank: QuestionBank, question: AskedQuestion, _: int) -> str:
    """The cost benchmark's candidate (cost_bench.py `_answer`): a main question gets the first
    half of the bank's model answer, a follow-up the rest."""
    sentences = _sentences(bank.get(question.follow_up_of or question.question_id).model_answer)
    half = max(1, len(sentences) // 2)
    return " ".join(sentences[half:] if question.follow_up_of else sentences[:half]) or sentences[0]


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text.strip())
