from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from tucoach_coach.bank import load_bank
from tucoach_coach.errors import (
    InterviewAlreadyCompleted,
    NoQuestionWaiting,
    NotAFollowUp,
    NothingToReport,
    NotTheCurrentQuestion,
)
from tucoach_coach.interviewer import Interviewer
from tucoach_coach.offline import OfflineEngine
from tucoach_coach.target import ScoringTarget
from tucoach_models import (
    AskedQuestion,
    Feedback,
    Interview,
    InterviewStatus,
    QuestionKind,
    Role,
    Seniority,
    Unscored,
)

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
BANK = load_bank()
COACH = Interviewer(BANK, OfflineEngine())


def _start(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "user_id": "user-1",
        "interview_id": "interview-1",
        "role": Role.BACKEND,
        "seniority": Seniority.SENIOR,
        "question_count": 5,
        "now": NOW,
    }
    return COACH.start(**(fields | changes))


def _current(interview: Interview) -> AskedQuestion:
    current = interview.current_question
    assert current is not None
    return current


def _model_answer_to_current(interview: Interview) -> str:
    current = _current(interview)
    return BANK.get(current.follow_up_of or current.question_id).model_answer


def _answered_to_the_end(interview: Interview) -> Interview:
    """Every question answered with its model answer."""
    while interview.current_question is not None:
        interview = COACH.answer(
            interview,
            question_id=_current(interview).question_id,
            text=_model_answer_to_current(interview),
            now=NOW,
        )
    return interview


def test_a_new_interview_asks_an_easy_first_question_of_its_cell() -> None:
    interview = _start(
        interview_id="i", role=Role.FRONTEND, seniority=Seniority.JUNIOR, question_count=3
    )
    assert interview.version == 1
    current = _current(interview)
    assert current.question_id.startswith("frontend-junior-")
    assert current.difficulty == 1


def test_the_same_interview_id_gets_the_same_questions() -> None:
    first = _start(
        interview_id="same", role=Role.DEVOPS, seniority=Seniority.SENIOR, question_count=3
    )
    again = _start(
        interview_id="same",
        role=Role.DEVOPS,
        seniority=Seniority.SENIOR,
        question_count=3,
        now=NOW + timedelta(hours=1),
    )
    assert first.questions[0].question_id == again.questions[0].question_id


def test_recently_seen_questions_are_avoided() -> None:
    cell = BANK.questions(Role.BACKEND, Seniority.SENIOR)
    easy = [q.id for q in cell if q.difficulty == 1]
    interview = _start(role=Role.BACKEND, question_count=3, avoided_question_ids=tuple(easy[:-1]))
    assert interview.questions[0].question_id == easy[-1]


def test_a_full_interview_asks_no_question_twice_and_spreads_topics() -> None:
    interview = _start(
        interview_id="spread", role=Role.BACKEND, seniority=Seniority.ARCHITECT, question_count=6
    )
    interview = _answered_to_the_end(interview)
    main = [q for q in interview.questions if q.kind is QuestionKind.MAIN]
    assert len(main) == 6
    assert len({q.question_id for q in interview.questions}) == len(interview.questions)
    assert len({q.topic for q in main}) == 6


def test_focus_topics_are_asked_first_then_the_interview_spreads_as_usual() -> None:
    # Given two topics of the cell that an easy first question would not pick
    cell = BANK.questions(Role.BACKEND, Seniority.SENIOR)
    usual = _start(interview_id="focus", question_count=5)
    focus = tuple(sorted({q.topic for q in cell} - {usual.questions[0].topic}))[-2:]
    # When an interview is started with them as its focus, their questions seen recently
    recent = tuple(q.id for q in cell if q.topic in focus)
    interview = _start(
        interview_id="focus", question_count=5, focus_topics=focus, avoided_question_ids=recent
    )
    interview = _answered_to_the_end(interview)
    # Then its first two main questions are of those topics, and the rest of other topics
    main = [q.topic for q in interview.questions if q.kind is QuestionKind.MAIN]
    assert interview.focus_topics == focus
    assert set(main[:2]) == set(focus)
    assert not set(main[2:]) & set(focus)


def _partial_answer_to_current(interview: Interview) -> str:
    """The model answer's first two sentences: a partial answer with points left to probe."""
    return " ".join(re.split(r"(?<=[.!?])\s+", _model_answer_to_current(interview).strip())[:2])


def test_a_partial_answer_gets_one_follow_up_on_a_missed_point_then_moves_on() -> None:
    # Given an interview and a partial answer to its first question
    interview = _start()
    first = _current(interview)
    after_weak = COACH.answer(
        interview,
        question_id=first.question_id,
        text=_partial_answer_to_current(interview),
        now=NOW,
    )
    # Then the next question is a follow-up of the first, named in the feedback
    follow_up = _current(after_weak)
    assert follow_up.kind is QuestionKind.FOLLOW_UP
    assert follow_up.follow_up_of == first.question_id
    assert after_weak.answers[-1].feedback.follow_up == follow_up.text
    # When the follow-up is also answered weakly
    after_follow_up = COACH.answer(
        after_weak, question_id=follow_up.question_id, text="Not sure.", now=NOW
    )
    # Then the interview moves on to a new main question: one follow-up per question at most
    assert _current(after_follow_up).kind is QuestionKind.MAIN
    assert after_follow_up.answers[-1].feedback.follow_up is None


@pytest.mark.parametrize(
    "text",
    ["", "I don't know.", "Pass, next question please.", "I would look at the logs."],
    ids=["empty or timed out", "dont know", "pass", "nothing to build on"],
)
def test_no_follow_up_after_an_answer_with_nothing_to_build_on(text: str) -> None:
    # Given an interview and an empty, evasive or near-empty answer to its first question
    interview = _start()
    after = COACH.answer(interview, question_id=_current(interview).question_id, text=text, now=NOW)
    # Then no follow-up assumes what was never said: the next question is a main one
    assert after.answers[-1].feedback.follow_up is None
    assert _current(after).kind is QuestionKind.MAIN


def _answered_partially(interview: Interview) -> Interview:
    return COACH.answer(
        interview,
        question_id=_current(interview).question_id,
        text=_partial_answer_to_current(interview),
        now=NOW,
    )


def test_a_follow_up_never_probes_a_point_the_answer_covered() -> None:
    # Given a partial answer that gets a follow-up
    interview = _start()
    after = _answered_partially(interview)
    feedback = after.answers[-1].feedback
    follow_up = _current(after)
    assert follow_up.kind is QuestionKind.FOLLOW_UP
    # Then the point it probes is one the feedback lists as missed, not as covered
    main = BANK.get(follow_up.follow_up_of or "")
    probed = main.talking_point(follow_up.question_id.split("~")[1]).point
    assert probed in feedback.missed_points
    assert probed not in feedback.covered_points


def test_a_skipped_follow_up_is_recorded_unscored_and_the_interview_moves_on() -> None:
    # Given a follow-up waiting after a partial answer
    interview = _start()
    after = _answered_partially(interview)
    follow_up = _current(after)
    assert follow_up.kind is QuestionKind.FOLLOW_UP
    # When the candidate skips it
    skipped = COACH.skip_follow_up(after, question_id=follow_up.question_id, now=NOW)
    # Then the skip is kept as an unscored answer and the next main question is asked
    assert skipped.version == after.version + 1
    record = skipped.answers[-1]
    assert record.question_id == follow_up.question_id
    assert record.text == ""
    assert record.feedback.unscored is Unscored.SKIPPED
    assert record.feedback.score == 0.0
    assert _current(skipped).kind is QuestionKind.MAIN
    # And the report keeps the main answer's score for that question
    report = COACH.complete(skipped, now=NOW).report
    assert report is not None
    assert report.questions[0].score == after.answers[-1].feedback.score
    assert "skipped" in report.questions[0].summary


def test_only_a_follow_up_can_be_skipped() -> None:
    interview = _start()
    with pytest.raises(NotAFollowUp):
        COACH.skip_follow_up(interview, question_id=_current(interview).question_id, now=NOW)
    with pytest.raises(NotTheCurrentQuestion):
        COACH.skip_follow_up(interview, question_id="backend-senior-not-current", now=NOW)


SPANISH = (
    "Primero instrumentaría logs estructurados con un identificador de correlación, "
    "métricas de latencia, errores y tráfico para cada endpoint, y trazas distribuidas "
    "con OpenTelemetry para ver dónde se pierde el tiempo. También pondría alertas sobre "
    "los objetivos de servicio y no sobre cada métrica, para que el equipo de guardia "
    "solo reciba avisos que importan."
)


def _answered_in_spanish(interview: Interview) -> Interview:
    return COACH.answer(
        interview, question_id=_current(interview).question_id, text=SPANISH, now=NOW
    )


def test_an_answer_in_another_language_is_kept_unscored_and_the_question_asked_again() -> None:
    # Given a strong answer written in Spanish
    interview = _start()
    asked = _current(interview)
    after = _answered_in_spanish(interview)
    # Then the answer is kept, marked unscored in Spanish, with no follow-up and no 1/10
    feedback = after.answers[-1].feedback
    assert after.answers[-1].text == SPANISH
    assert feedback.unscored is Unscored.LANGUAGE
    assert feedback.language == "es"
    assert feedback.follow_up is None
    assert any("English" in item for item in feedback.improvements)
    # And the same question is asked again, as a retry that is no new main question
    again = _current(after)
    assert again.retry
    assert (again.question_id, again.kind, again.text) == (
        asked.question_id,
        asked.kind,
        asked.text,
    )
    assert after.main_questions_answered == 1
    assert after.version == interview.version + 1


def test_a_retry_answered_in_english_is_scored_and_the_report_counts_only_it() -> None:
    # Given a question answered in Spanish and asked again
    retry = _answered_in_spanish(_start(question_count=3))
    # When the candidate answers it again, in English
    english = COACH.answer(
        retry,
        question_id=_current(retry).question_id,
        text=_model_answer_to_current(retry),
        now=NOW,
    )
    # Then the English answer is scored and the interview moves on to its second main question
    scored = english.answers[-1].feedback
    assert scored.unscored is None
    assert scored.score >= 8
    assert not _current(english).retry
    assert english.main_questions_answered == 1
    assert sum(q.counts_as_main for q in english.questions) == 2
    # And the report scores the question by the English answer alone, naming the first one
    report = COACH.complete(_answered_to_the_end(english), now=NOW).report
    assert report is not None
    first = report.questions[0]
    assert first.scored
    assert first.score == scored.score
    assert "Spanish" in first.summary
    assert len(report.questions) == 3
    assert all(q.scored for q in report.questions)


def test_a_retry_can_be_skipped_leaving_the_answer_unscored() -> None:
    # Given a question answered in Spanish and asked again
    retry = _answered_in_spanish(_start(question_count=3))
    # When the candidate skips it
    skipped = COACH.skip_follow_up(retry, question_id=_current(retry).question_id, now=NOW)
    # Then the skip is recorded, not scored, and the next main question is asked
    assert skipped.answers[-1].feedback.unscored is Unscored.SKIPPED
    assert _current(skipped).counts_as_main
    # And the report shows the question as not scored, in Spanish, out of every average
    report = COACH.complete(_answered_to_the_end(skipped), now=NOW).report
    assert report is not None
    first = report.questions[0]
    assert not first.scored
    assert "Spanish" in first.summary
    assert report.overall_score >= 80


def test_a_question_is_asked_again_as_long_as_its_answers_are_not_in_english() -> None:
    # Given a question answered in Spanish twice
    twice = _answered_in_spanish(_answered_in_spanish(_start()))
    # Then it is still waiting, a retry, and counts as one main question
    assert _current(twice).retry
    assert len(twice.answers) == 2
    assert sum(q.counts_as_main for q in twice.questions) == 1


def test_a_strong_answer_needs_no_follow_up_and_raises_the_difficulty() -> None:
    interview = _start()
    first = _current(interview)
    after = COACH.answer(
        interview, question_id=first.question_id, text=_model_answer_to_current(interview), now=NOW
    )
    assert after.answers[-1].feedback.follow_up is None
    assert _current(after).kind is QuestionKind.MAIN
    assert _current(after).difficulty == min(3, first.difficulty + 1)


def test_every_step_is_a_new_version_later_than_the_last() -> None:
    interview = _start()
    after = COACH.answer(
        interview,
        question_id=_current(interview).question_id,
        text="An answer.",
        now=NOW - timedelta(minutes=5),  # a clock that stepped back
    )
    assert after.version == interview.version + 1
    assert after.updated_at > interview.updated_at
    assert after.created_at == interview.created_at


class _CarelessEngine:
    """Adjusts the offline feedback with model_copy past a limit (which model_copy never
    checks), as an engine's fallback could with a long error message."""

    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        feedback = OfflineEngine().feedback(target, answer)
        provenance = feedback.provenance.model_copy(update={"fallback_reason": "x" * 1_001})
        return feedback.model_copy(update={"provenance": provenance})


def test_feedback_past_its_limits_is_refused_before_a_version_is_made() -> None:
    # Given an engine whose feedback was adjusted past a limit without being checked
    interview = _start()
    coach = Interviewer(BANK, _CarelessEngine())
    # When an answer is recorded with it, then the new version is refused, naming the field
    with pytest.raises(ValidationError, match="fallback_reason"):
        coach.answer(
            interview, question_id=_current(interview).question_id, text="An answer.", now=NOW
        )


def test_a_new_version_keeps_the_questions_and_answers_before_as_they_are() -> None:
    # Given an interview with an answer recorded
    interview = _start()
    once = _answered_partially(interview)
    # When the next answer is recorded
    twice = COACH.answer(once, question_id=_current(once).question_id, text="An answer.", now=NOW)
    # Then the earlier questions and answers are the same objects, not copies validated again
    assert all(a is b for a, b in zip(twice.questions, once.questions, strict=False))
    assert twice.answers[0] is once.answers[0]


def test_answering_another_question_than_the_current_one_conflicts() -> None:
    interview = _start()
    with pytest.raises(NotTheCurrentQuestion):
        COACH.answer(interview, question_id="backend-senior-not-current", text="x", now=NOW)


def test_when_every_question_is_answered_the_interview_waits_to_be_finished() -> None:
    interview = _start(question_count=3)
    interview = _answered_to_the_end(interview)
    with pytest.raises(NoQuestionWaiting):
        COACH.answer(interview, question_id="anything", text="x", now=NOW)
    completed = COACH.complete(interview, now=NOW)
    assert completed.status is InterviewStatus.COMPLETED
    assert completed.report is not None
    assert completed.report.overall_score >= 80
    with pytest.raises(InterviewAlreadyCompleted):
        COACH.complete(completed, now=NOW)
    with pytest.raises(InterviewAlreadyCompleted):
        COACH.answer(completed, question_id="anything", text="x", now=NOW)
    assert completed.report.ended_early is None


def test_an_interview_finished_early_has_a_report_that_says_what_was_left_out() -> None:
    # Given a 5-question interview with its first answer in and a question waiting
    interview = _start()
    interview = COACH.answer(
        interview,
        question_id=_current(interview).question_id,
        text=_model_answer_to_current(interview),
        now=NOW,
    )
    # When it is finished now
    completed = COACH.complete(interview, now=NOW)
    # Then its report says so, as the interview it was built from does
    assert completed.report is not None
    assert completed.report.ended_early is not None
    assert completed.report.ended_early == interview.ended_early()
    assert completed.report.ended_early.planned == 5


def test_an_interview_without_answers_cannot_be_finished() -> None:
    with pytest.raises(NothingToReport):
        COACH.complete(_start(), now=NOW)
