"""The offline engine: the rubric's assessment, told to the candidate in plain words."""

from __future__ import annotations

from tucoach_coach.highlights import with_highlights
from tucoach_coach.languages import language_name
from tucoach_coach.rubric import CLARITY_MAX, COVERAGE_MAX, DEPTH_MAX, Assessment, Cap, assess
from tucoach_coach.target import ScoringTarget
from tucoach_models import (
    CoachEngine,
    Correction,
    CriterionScore,
    Feedback,
    Provenance,
    Unscored,
)

OFFLINE_PROMPT_VERSION = "offline-rubric-2"
# How the feedback on an answer in another language opens its offer (a client may key on it).
RETRY_IN_ENGLISH = "Retry in English"
MAX_MISSED_POINTS_LISTED = 3
# A follow-up is worth asking only about an answer that gave something to build on.
FOLLOW_UP_ABOVE = 2.0

# What to do about each cap (the LLM engines give the same advice for the caps they keep).
CAP_ADVICE = {
    Cap.NO_ANSWER: "No answer was given. Even a partial answer shows how you think: say what "
    "you know and how you would find out the rest.",
    Cap.EVASIVE: "It is fine not to know everything, but say what you do know, reason out "
    "loud, and say how you would find out.",
    Cap.ECHO: "Restating the question does not answer it: explain the how and the why.",
    Cap.OFF_TOPIC: "The answer does not address the question; re-read it and answer what "
    "was asked.",
    Cap.KEYWORD_SALAD: "Answer in full sentences: a list of terms, or words in no order, does "
    "not show that you understand how they fit together.",
    Cap.TOO_SHORT: "The answer is too short to show your understanding; aim for a few "
    "sentences that explain your reasoning.",
    Cap.REPETITIVE: "The answer repeats itself; make each sentence add something new.",
    Cap.OTHER_QUESTION: "This answers another question; re-read this one and answer what "
    "was asked.",
    Cap.PADDED: "Most of this long answer is not about the question; keep to the point.",
}


class OfflineEngine:
    """Scores with the written rubric; no network, same input, same feedback."""

    provenance = Provenance(engine=CoachEngine.OFFLINE, prompt_version=OFFLINE_PROMPT_VERSION)

    def feedback(self, target: ScoringTarget, answer: str) -> Feedback:
        assessment = assess(target, answer)
        if not assessment.scored:
            return _unscored_feedback(target, assessment, self.provenance)
        feedback = feedback_from_assessment(target, assessment, self.provenance)
        return with_highlights(target, answer, feedback, assessment.matches)


def feedback_from_assessment(
    target: ScoringTarget, assessment: Assessment, provenance: Provenance
) -> Feedback:
    """Scored feedback from an assessment (an engine that reads the answer's language may
    score what the offline rubric could not: it replaces the assessment's scores first)."""
    points = {p.id: p.point for p in target.talking_points}
    covered = tuple(points[i] for i in assessment.covered_point_ids)
    missed = tuple(points[i] for i in assessment.missed_point_ids)
    return Feedback(
        score=assessment.score,
        rubric=_rubric(assessment, len(points)),
        covered_points=covered,
        missed_points=missed,
        corrections=tuple(
            Correction(said=w.said, claim=w.claim, correction=w.correction)
            for w in assessment.wrong_claims
        ),
        strengths=_strengths(assessment, covered, len(points)),
        improvements=_improvements(target, assessment, missed),
        example_answer=target.example_answer,
        follow_up=suggested_follow_up(target, assessment),
        job_terms_used=assessment.job_terms_used,
        provenance=provenance,
        language=assessment.language,
    )


def suggested_follow_up(target: ScoringTarget, assessment: Assessment) -> str | None:
    """The follow-up on the first point the answer missed, if the answer earned one.

    None after an answer with nothing to build on (empty, evasive, a salad, another question's
    answer, a score of 2 or less, not scored): a follow-up would assume what it never said.
    Points said in other words count as covered, so they are never asked about again.
    """
    if (
        not assessment.scored
        or assessment.score <= FOLLOW_UP_ABOVE
        or assessment.gave_nothing_to_build_on
    ):
        return None
    return target.follow_up_on(assessment.missed_point_ids)


def _unscored_feedback(
    target: ScoringTarget, assessment: Assessment, provenance: Provenance
) -> Feedback:
    language = language_name(assessment.language)
    return Feedback(
        score=0.0,
        unscored=Unscored.LANGUAGE,
        language=assessment.language,
        improvements=(
            f"Not scored: this answer reads as {language}, and the offline coach scores "
            "English only. Your answer is kept; it counts in no average.",
            f"{RETRY_IN_ENGLISH}: answer in English to get a score and feedback on the key "
            "points (the example answer below shows what a strong answer covers), or choose "
            f"an AI engine (Amazon Bedrock or an OpenAI-compatible model), which scores "
            f"{language} as written.",
        ),
        example_answer=target.example_answer,
        provenance=provenance,
    )


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
    if assessment.deduction:
        coverage_comment += (
            f" {assessment.deduction:g} points off for {len(assessment.wrong_claims)} wrong "
            "claim(s), see the corrections."
        )
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
    if assessment.gave_nothing_to_build_on or assessment.score <= FOLLOW_UP_ABOVE:
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
    if assessment.clarity >= CLARITY_MAX - 0.25 and not assessment.wrong_claims:
        strengths.append("Clear, well-structured answer.")
    return tuple(strengths)


def _improvements(
    target: ScoringTarget, assessment: Assessment, missed: tuple[str, ...]
) -> tuple[str, ...]:
    improvements = [CAP_ADVICE[cap] for cap in assessment.caps]
    if assessment.seems_to_answer and target.bank is not None:
        other = target.bank.question_texts.get(assessment.seems_to_answer)
        if other:
            improvements.append(f'Your answer seems to answer another question: "{other}"')
    if assessment.wrong_claims:
        improvements.append("Check the corrections: a wrong claim costs more than a missed point.")
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
