"""The practice plan, from interviews built by hand: what counts as missed, and the order."""

from __future__ import annotations

from datetime import UTC, datetime

from tucoach_interviews.practice_plan import practice_plan
from tucoach_models import (
    Answer,
    AskedQuestion,
    CoachEngine,
    Correction,
    Feedback,
    Interview,
    Provenance,
    QuestionKind,
    Role,
    Seniority,
    Unscored,
)

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PROVENANCE = Provenance(engine=CoachEngine.OFFLINE, prompt_version="1")


def _feedback(
    score: float = 5.0,
    covered: tuple[str, ...] = (),
    missed: tuple[str, ...] = (),
    claims: tuple[str, ...] = (),
    unscored: Unscored | None = None,
) -> Feedback:
    return Feedback(
        score=0.0 if unscored else score,
        covered_points=covered,
        missed_points=missed,
        corrections=tuple(Correction(said="x", claim=c, correction="y") for c in claims),
        unscored=unscored,
        provenance=PROVENANCE,
    )


def _interview(
    *answers: tuple[str, Feedback],
    role: Role = Role.BACKEND,
    seniority: Seniority = Seniority.JUNIOR,
    follow_up: tuple[str, Feedback] | None = None,
) -> Interview:
    """One main question per (topic, feedback), the last one with an optional follow-up."""
    questions = [
        AskedQuestion(question_id=f"q{n}", topic=topic, difficulty=1, text="?", asked_at=NOW)
        for n, (topic, _) in enumerate(answers)
    ]
    feedbacks = [feedback for _, feedback in answers]
    if follow_up is not None:
        last = questions[-1]
        questions.append(
            AskedQuestion(
                question_id=f"{last.question_id}~p",
                kind=QuestionKind.FOLLOW_UP,
                follow_up_of=last.question_id,
                topic=follow_up[0],
                difficulty=1,
                text="?",
                asked_at=NOW,
            )
        )
        feedbacks.append(follow_up[1])
    return Interview(
        user_id="u",
        interview_id="i",
        role=role,
        seniority=seniority,
        version=1,
        question_count=max(3, len(answers)),
        created_at=NOW,
        updated_at=NOW,
        questions=tuple(questions),
        answers=tuple(
            Answer(question_id=q.question_id, text="a", answered_at=NOW, feedback=f)
            for q, f in zip(questions, feedbacks, strict=True)
        ),
    )


def test_missed_points_are_counted_across_interviews_most_often_first() -> None:
    # Given two interviews that missed "indexes" on caching, one of them "eviction" too
    first = _interview(("caching", _feedback(missed=("indexes", "eviction"))))
    second = _interview(("caching", _feedback(missed=("indexes",))))
    # When the plan is made
    plan = practice_plan([first, second])
    # Then caching lists indexes (2) before eviction (1)
    [role] = plan.roles
    [topic] = role.topics
    assert plan.interviews_read == 2
    assert [(m.text, m.count) for m in topic.missed_points] == [("indexes", 2), ("eviction", 1)]
    assert topic.answers == 2


def test_a_point_covered_by_the_follow_up_is_not_to_practise() -> None:
    # Given a main answer that missed "ttl" and a follow-up on the topic that covered it
    interview = _interview(
        ("caching", _feedback(missed=("ttl", "eviction"))),
        follow_up=("caching", _feedback(covered=("ttl",))),
    )
    # Then only "eviction" is missed
    [topic] = practice_plan([interview]).roles[0].topics
    assert [m.text for m in topic.missed_points] == ["eviction"]


def test_wrong_claims_are_red_flags_and_weigh_more_than_missed_points() -> None:
    # Given one topic with a wrong claim and another with one missed point
    interview = _interview(
        ("http", _feedback(score=6.0, missed=("status codes",))),
        ("caching", _feedback(score=6.0, claims=("a cache never goes stale",))),
    )
    # Then the topic with the wrong claim comes first, with its claim as a red flag
    topics = practice_plan([interview]).roles[0].topics
    assert [t.topic for t in topics] == ["caching", "http"]
    assert [f.text for f in topics[0].red_flags] == ["a cache never goes stale"]


def test_topics_with_nothing_missed_and_unscored_answers_stay_out() -> None:
    interview = _interview(
        ("http", _feedback(score=9.0, covered=("status codes",))),
        ("caching", _feedback(missed=("ttl",), unscored=Unscored.LANGUAGE)),
    )
    assert practice_plan([interview]).roles == ()


def test_each_role_has_its_own_topics_and_the_latest_seniority() -> None:
    # Given, newest first, a senior backend, a junior backend and a frontend interview
    plan = practice_plan(
        [
            _interview(("caching", _feedback(missed=("a",))), seniority=Seniority.SENIOR),
            _interview(("http", _feedback(missed=("b",)))),
            _interview(("css", _feedback(missed=("c",))), role=Role.FRONTEND),
        ]
    )
    # Then backend is planned at the senior level with both topics, frontend apart
    roles = {r.role: r for r in plan.roles}
    assert roles[Role.BACKEND].seniority is Seniority.SENIOR
    assert {t.topic for t in roles[Role.BACKEND].topics} == {"caching", "http"}
    assert [t.topic for t in roles[Role.FRONTEND].topics] == ["css"]
