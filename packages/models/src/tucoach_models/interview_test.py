from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

from tucoach_models import (
    Answer,
    AskedQuestion,
    CoachEngine,
    CriterionScore,
    Feedback,
    Interview,
    InterviewStatus,
    InterviewSummary,
    Provenance,
    QuestionKind,
)
from tucoach_models_testing.strategies import interviews

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
FEEDBACK = Feedback(
    score=6.5, provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version="1")
)


def _question(question_id: str, **changes: Any) -> AskedQuestion:
    fields: dict[str, Any] = {
        "question_id": question_id,
        "topic": "http",
        "difficulty": 1,
        "text": "Which HTTP methods are idempotent?",
        "asked_at": START,
    }
    return AskedQuestion(**(fields | changes))


def _answer(question_id: str) -> Answer:
    return Answer(
        question_id=question_id, text="PUT and DELETE", answered_at=START, feedback=FEEDBACK
    )


def _interview(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "user_id": "user-1",
        "interview_id": "interview-1",
        "role": "backend",
        "seniority": "junior",
        "version": 1,
        "created_at": START,
        "updated_at": START,
    }
    return Interview(**(fields | changes))


def test_a_new_interview_is_in_progress_with_five_questions_to_ask() -> None:
    interview = _interview()
    assert interview.status is InterviewStatus.IN_PROGRESS
    assert interview.question_count == 5
    assert interview.current_question is None


def test_the_current_question_is_the_last_one_asked_and_not_yet_answered() -> None:
    # Given an interview with one answered and one open question
    interview = _interview(
        questions=(_question("q-1"), _question("q-2")), answers=(_answer("q-1"),)
    )
    # Then the open one is current
    assert interview.current_question is not None
    assert interview.current_question.question_id == "q-2"


@pytest.mark.parametrize("count", [2, 11])
def test_question_count_outside_three_to_ten_is_refused(count: int) -> None:
    with pytest.raises(ValidationError, match="question_count"):
        _interview(question_count=count)


def test_answers_must_follow_the_questions_in_order() -> None:
    with pytest.raises(ValidationError, match="answer 1 is to 'q-2'"):
        _interview(questions=(_question("q-1"), _question("q-2")), answers=(_answer("q-2"),))


def test_at_most_the_last_question_may_be_open() -> None:
    with pytest.raises(ValidationError, match="at most the last question open"):
        _interview(questions=(_question("q-1"), _question("q-2")), answers=())


def test_a_completed_interview_needs_a_report() -> None:
    with pytest.raises(ValidationError, match="completed interview has a report"):
        _interview(status="completed")


def test_naive_timestamps_are_refused() -> None:
    with pytest.raises(ValidationError, match="time zone"):
        _interview(created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1))


def test_timestamps_in_other_zones_are_kept_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    interview = _interview(created_at=START.astimezone(paris), updated_at=START.astimezone(paris))
    assert interview.created_at.tzinfo is UTC
    assert interview.created_at == START


def test_an_update_before_creation_is_refused() -> None:
    with pytest.raises(ValidationError, match="earlier than created_at"):
        _interview(updated_at=START - timedelta(seconds=1))


def test_follow_ups_name_the_question_they_follow() -> None:
    with pytest.raises(ValidationError, match="follow_up_of"):
        _question("q-1~point", kind=QuestionKind.FOLLOW_UP)
    follow_up = _question("q-1~point", kind=QuestionKind.FOLLOW_UP, follow_up_of="q-1")
    assert follow_up.follow_up_of == "q-1"


def test_more_main_questions_than_planned_is_refused() -> None:
    questions = tuple(_question(f"q-{n}") for n in range(4))
    answers = tuple(_answer(f"q-{n}") for n in range(4))
    with pytest.raises(ValidationError, match="more than question_count"):
        _interview(question_count=3, questions=questions, answers=answers)


def test_unknown_fields_are_refused_with_their_name() -> None:
    with pytest.raises(ValidationError, match="nickname"):
        _interview(nickname="x")


def test_an_answer_longer_than_five_thousand_characters_is_refused() -> None:
    with pytest.raises(ValidationError, match="5000 characters"):
        Answer(question_id="q-1", text="a" * 5_001, answered_at=START, feedback=FEEDBACK)


def test_a_criterion_cannot_score_above_its_maximum() -> None:
    with pytest.raises(ValidationError, match="exceeds its maximum"):
        CriterionScore(criterion="coverage", score=5, max_score=4)


@settings(deadline=None)  # examples, not their speed: CI machines are shared
@given(interviews())
def test_every_generated_interview_revalidates_from_its_json(interview: Interview) -> None:
    assert Interview.model_validate_json(interview.model_dump_json()) == interview


@settings(deadline=None)
@given(interviews())
def test_a_revision_is_the_interview_validated_again_with_its_changes(
    interview: Interview,
) -> None:
    later = interview.updated_at + timedelta(seconds=1)

    revised = interview.revised(version=interview.version + 1, updated_at=later)

    assert revised == Interview.model_validate(
        interview.model_dump() | {"version": interview.version + 1, "updated_at": later}
    )


def test_a_revision_keeps_the_models_inside_as_they_are() -> None:
    # Given an interview with a question answered and the next one asked
    first, second = _question("q-1"), _question("q-2")
    interview = _interview(questions=(first,), answers=(_answer("q-1"),))
    answer = interview.answers[0]

    # When it is revised with one more question
    revised = interview.revised(version=2, questions=(first, second))

    # Then the questions and answers are the very objects given (not dumped and rebuilt)
    assert revised.questions[0] is first
    assert revised.questions[1] is second
    assert revised.answers[0] is answer


def test_a_revision_checks_the_invariants_and_the_fields_changed() -> None:
    interview = _interview(questions=(_question("q-1"),))

    with pytest.raises(ValidationError, match="answer 1 is to 'q-2'"):
        interview.revised(answers=(_answer("q-2"),))
    with pytest.raises(ValidationError, match="completed interview has a report"):
        interview.revised(status="completed")
    with pytest.raises(ValidationError, match="time zone"):
        interview.revised(updated_at=datetime(2026, 12, 1))
    with pytest.raises(ValidationError, match="updated_at is earlier than created_at"):
        interview.revised(updated_at=START - timedelta(seconds=1))
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        interview.revised(version=0)
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        interview.revised(unknown="x")


def test_an_interview_ended_after_two_of_five_questions_names_what_it_left_out() -> None:
    # Given 5 planned questions: two answered, the third asked and waiting
    interview = _interview(
        questions=(
            _question("q1"),
            _question("q2"),
            _question("q3", text="What does a 409 mean?"),
        ),
        answers=(_answer("q1"), _answer("q2")),
    )
    # When it is asked what finishing now leaves out
    ended = interview.ended_early()
    # Then it counts main questions, names the waiting one and the two never asked
    assert ended is not None
    assert (ended.answered, ended.planned, ended.not_asked) == (2, 5, 2)
    assert ended.unanswered == ("What does a 409 mean?",)


def test_a_waiting_follow_up_does_not_make_the_end_early() -> None:
    # Given every main question answered and a follow-up waiting
    mains = tuple(_question(f"q{n}") for n in range(1, 4))
    follow_up = _question("q3~point", kind=QuestionKind.FOLLOW_UP, follow_up_of="q3")
    interview = _interview(
        question_count=3,
        questions=(*mains, follow_up),
        answers=tuple(_answer(q.question_id) for q in mains),
    )
    # Then finishing now leaves nothing out, and the follow-up counts in no progress
    assert interview.ended_early() is None
    assert interview.main_questions_answered == 3
    assert InterviewSummary.of(interview).answered_count == 3


def test_a_question_asked_again_counts_once() -> None:
    # Given 3 planned questions: q1 answered (in another language) and asked again, q2 and q3
    retried = _question("q1", retry=True)
    interview = _interview(
        question_count=3,
        questions=(_question("q1"), retried, _question("q2"), _question("q3")),
        answers=(_answer("q1"), _answer("q1"), _answer("q2")),
    )
    # Then the retry is no main question of its own: not planned, not answered twice, not avoided
    assert interview.main_questions_answered == 2
    assert InterviewSummary.of(interview).question_ids == ("q1", "q2", "q3")
    ended = interview.ended_early()
    assert ended is not None
    assert ended.unanswered == (interview.questions[-1].text,)


def test_a_retry_repeats_the_question_before_it() -> None:
    with pytest.raises(ValidationError, match="does not repeat the question before"):
        _interview(
            questions=(_question("q1"), _question("q2", retry=True)), answers=(_answer("q1"),)
        )


def test_focus_topics_are_topic_identifiers_five_at_most() -> None:
    assert _interview(focus_topics=("caching", "http")).focus_topics == ("caching", "http")
    with pytest.raises(ValidationError, match="focus_topics"):
        _interview(focus_topics=("Not A Topic",))
    with pytest.raises(ValidationError, match="focus_topics"):
        _interview(focus_topics=tuple(f"t{n}" for n in range(6)))
