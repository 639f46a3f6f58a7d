"""Hypothesis strategies that build valid interviews, for property-based tests of any package."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from tucoach_models.enums import CoachEngine, InterviewStatus, QuestionKind, Role, Seniority
from tucoach_models.feedback import CriterionScore, Feedback, Provenance
from tucoach_models.interview import MAX_QUESTIONS, MIN_QUESTIONS, Answer, AskedQuestion, Interview
from tucoach_models.report import CategoryScore, Insights, QuestionReview, Report, WordCount

# Any unicode a person may type, without surrogates (which JSON and DynamoDB cannot carry).
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
non_empty_texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200)
user_ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._@:+-]{0,40}\Z")
interview_ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_-]{0,40}\Z")
question_ids = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,40}\Z")
topics = st.from_regex(r"\A[a-z][a-z_]{0,20}\Z")
moments = st.datetimes(
    min_value=datetime(2020, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.just(UTC),
)
scores = st.floats(min_value=0, max_value=10, allow_nan=False).map(lambda s: round(s, 1))

provenances = st.builds(
    Provenance,
    engine=st.sampled_from(CoachEngine),
    model=st.none() | st.text(min_size=1, max_size=40),
    prompt_version=st.from_regex(r"\A[a-z0-9.-]{1,20}\Z"),
    fallback_reason=st.none() | texts,
)


@st.composite
def criterion_scores(draw: st.DrawFn) -> CriterionScore:
    maximum = draw(st.integers(min_value=1, max_value=4))
    return CriterionScore(
        criterion=draw(topics),
        score=draw(st.floats(min_value=0, max_value=maximum).map(lambda s: round(s, 2))),
        max_score=maximum,
        comment=draw(texts),
    )


feedbacks = st.builds(
    Feedback,
    score=scores,
    rubric=st.lists(criterion_scores(), max_size=4).map(tuple),
    covered_points=st.lists(texts, max_size=4).map(tuple),
    missed_points=st.lists(texts, max_size=4).map(tuple),
    strengths=st.lists(texts, max_size=3).map(tuple),
    improvements=st.lists(texts, max_size=3).map(tuple),
    example_answer=texts,
    follow_up=st.none() | non_empty_texts,
    job_terms_used=st.lists(texts, max_size=4).map(tuple),
    provenance=provenances,
)

reports = st.builds(
    Report,
    overall_score=st.integers(min_value=0, max_value=100),
    categories=st.lists(
        st.builds(
            CategoryScore,
            category=topics,
            score=st.integers(min_value=0, max_value=100),
            summary=texts,
        ),
        max_size=4,
    ).map(tuple),
    strengths=st.lists(texts, max_size=3).map(tuple),
    to_work_on=st.lists(texts, max_size=3).map(tuple),
    questions=st.lists(
        st.builds(
            QuestionReview,
            question_id=question_ids,
            question_text=non_empty_texts,
            score=scores,
            summary=texts,
        ),
        max_size=4,
    ).map(tuple),
    insights=st.builds(
        Insights,
        job_terms_used=st.lists(texts, max_size=4).map(tuple),
        most_used_words=st.lists(
            st.builds(
                WordCount,
                word=st.text(min_size=1, max_size=20),
                count=st.integers(min_value=1, max_value=50),
            ),
            max_size=5,
        ).map(tuple),
        talking_points_covered=st.lists(texts, max_size=4).map(tuple),
    ),
    provenance=provenances,
    generated_at=moments,
)


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    """A valid interview version: questions answered in order (some asked again, as after an
    answer in another language), maybe the last one open, or a report."""
    question_count = draw(st.integers(min_value=MIN_QUESTIONS, max_value=MAX_QUESTIONS))
    created_at = draw(moments)
    asked = draw(st.integers(min_value=0, max_value=question_count))
    completed = asked > 0 and draw(st.booleans())
    questions: list[AskedQuestion] = []
    answers: list[Answer] = []
    moment = created_at
    for position in range(asked):
        moment += timedelta(seconds=draw(st.integers(min_value=0, max_value=600)))
        question_id = f"{draw(question_ids)}-{position}"
        question = AskedQuestion(
            question_id=question_id,
            kind=QuestionKind.MAIN,
            topic=draw(topics),
            difficulty=draw(st.integers(min_value=1, max_value=3)),
            text=draw(non_empty_texts),
            asked_at=moment,
        )
        turns = [question]
        if draw(st.booleans()):
            turns.append(question.model_copy(update={"retry": True}))
        for turn, asked_question in enumerate(turns, start=1):
            questions.append(asked_question)
            last = position == asked - 1 and turn == len(turns)
            if last and not completed and draw(st.booleans()):
                continue  # the last question is open
            answers.append(
                Answer(
                    question_id=question_id,
                    text=draw(texts),
                    answered_at=moment,
                    feedback=draw(feedbacks),
                )
            )
    return Interview(
        user_id=draw(user_ids),
        interview_id=draw(interview_ids),
        role=draw(st.sampled_from(Role)),
        seniority=draw(st.sampled_from(Seniority)),
        status=InterviewStatus.COMPLETED if completed else InterviewStatus.IN_PROGRESS,
        version=draw(st.integers(min_value=1, max_value=10_000)),
        question_count=question_count,
        avoided_question_ids=tuple(draw(st.lists(question_ids, max_size=3))),
        created_at=created_at,
        updated_at=moment + timedelta(microseconds=draw(st.integers(min_value=0, max_value=999))),
        questions=tuple(questions),
        answers=tuple(answers),
        report=draw(reports) if completed else None,
    )
