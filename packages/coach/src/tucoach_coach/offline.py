"""The offline engine: the rubric's assessment, told to the candidate in plain words."""

from __future__ import annotations

from tucoach_coach.rubric import CLARITY_MAX, COVERAGE_MAX, DEPTH_MAX, Assessment, Cap, assess
from tucoach_coach.target import ScoringTarget
from tucoach_models import CoachEngine, CriterionScore, Feedback, Provenance

OFFLINE_PROMPT_VERSION = "offline-rubric-1"
MAX_MISSED_POINTS_LISTED = 3

_CAP_ADVICE = {
    Cap.NO_ANSWER: "No answer was given. Even a partial answer shows how you think: say what "
    "you know and how you would find out the rest.",
    Cap.EVASIVE: "It is fine not to know everything, but say what you do know, reason out "
    "loud, and say how you would find out.",
    Cap.ECHO: "Restating the question does not answer it: explain the how and the why.",
    Cap.OFF_TOPIC: "The answer does not address the question; re-read it and answer what "
    "was asked.",
    Cap.KEYWORD_SALAD: "Answer in full sentences: a list of terms does not show that you "
    "understand how they fit together.",
    Cap.TOO_SHORT: "The answer is too short to show your understanding; aim for a few "
    "sentences that explain your reasoning.",
    Cap.REPETITIVE: "The answer repeats itself; make each sentence add something new.",
    Cap.PADDED: "Most of this long answer is not about the question; keep to the point.",
}


class OfflineEngine:
    """Scores with the written rubric; no network, same input, same feedback."""

    provenance = Provenance(engine=CoachEngine.OFFLINE, prompt_version=OFFLINE_PROMPT_VERSION)

    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        return feedback_from_assessment(target, assess(target, answer), self.provenance)


def feedback_from_assessment(
    target: ScoringTarget, assessment: Assessment, provenance: Provenance
) -> Feedback:
    points = {p.id: p.point for p in target.talking_points}
    covered = tuple(points[i] for i in assessment.covered_point_ids)
    missed = tuple(points[i] for i in assessment.missed_point_ids)
    return Feedback(
        score=assessment.score,
        rubric=_rubric(assessment, len(points)),
        covered_points=covered,
        missed_points=missed,
        strengths=_strengths(assessment, covered, len(points)),
        improvements=_improvements(assessment, missed),
        example_answer=target.example_answer,
        follow_up=suggested_follow_up(target, assessment),
        job_terms_used=assessment.job_terms_used,
        provenance=provenance,
    )


def suggested_follow_up(target: ScoringTarget, assessment: Assessment) -> str | None:
    """The follow-up that probes the first missed point that has one, if any."""
    by_point = {f.talking_point: f.text for f in target.follow_ups}
    return next((by_point[i] for i in assessment.missed_point_ids if i in by_point), None)


def _rubric(assessment: Assessment, point_count: int) -> tuple[CriterionScore, ...]:
    covered = len(assessment.covered_point_ids)
    depth_signals = [
        name
        for name, present in (
            ("an example", assessment.has_example),
            ("reasoning", assessment.has_reasoning),
            ("trade-offs", assessment.has_trade_offs),
        )
        if present
    ]
    coverage_comment = f"Covered {covered} of {point_count} key points."
    if assessment.listed_without_explaining:
        coverage_comment += " Points named without explanation earn only part of the credit."
    return (
        CriterionScore(
            criterion="coverage",
            score=assessment.coverage,
            max_score=COVERAGE_MAX,
            comment=coverage_comment,
        ),
        CriterionScore(
            criterion="depth",
            score=assessment.depth,
            max_score=DEPTH_MAX,
            comment=(
                f"Showed {', '.join(depth_signals)}."
                if depth_signals
                else "No example, reasoning or trade-off given."
            ),
        ),
        CriterionScore(
            criterion="clarity",
            score=assessment.clarity,
            max_score=CLARITY_MAX,
            comment=f"{assessment.word_count} words.",
        ),
    )


def _strengths(
    assessment: Assessment, covered: tuple[str, ...], point_count: int
) -> tuple[str, ...]:
    if assessment.caps and min(c.ceiling for c in assessment.caps) <= Cap.TOO_SHORT.ceiling:
        return ()
    strengths: list[str] = []
    if covered:
        strengths.append(
            f"You covered {len(covered)} of {point_count} key points, such as: {covered[0]}."
        )
    if assessment.has_example:
        strengths.append("You made it concrete with an example.")
    if assessment.has_reasoning:
        strengths.append("You explained why, not only what.")
    if assessment.has_trade_offs:
        strengths.append("You weighed trade-offs.")
    if assessment.clarity >= CLARITY_MAX - 0.25:
        strengths.append("Clear, well-structured answer.")
    return tuple(strengths)


def _improvements(assessment: Assessment, missed: tuple[str, ...]) -> tuple[str, ...]:
    improvements = [_CAP_ADVICE[cap] for cap in assessment.caps]
    improvements.extend(f"Cover: {point}" for point in missed[:MAX_MISSED_POINTS_LISTED])
    if len(missed) > MAX_MISSED_POINTS_LISTED:
        improvements.append(f"...and {len(missed) - MAX_MISSED_POINTS_LISTED} more points.")
    if assessment.covered_point_ids and not assessment.caps:
        if not assessment.has_example:
            improvements.append("Back your points with a concrete example from your experience.")
        if not assessment.has_reasoning:
            improvements.append("Say why: explain the reasoning behind each point.")
        if assessment.listed_without_explaining:
            improvements.append("Explain each point you name; naming it is not enough.")
    return tuple(improvements)
