"""The end-of-interview report, built from the feedback already given (no engine call).

Each main question's score is its answer's, raised (never lowered) by a good follow-up answer:
max(main, (2 * main + follow_up) / 3). The overall score is their mean, times ten.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from statistics import mean

from tucoach_coach.bank import QuestionBank
from tucoach_coach.language import STOP_WORDS, words
from tucoach_models import (
    Answer,
    AskedQuestion,
    CategoryScore,
    CoachEngine,
    Feedback,
    Insights,
    Interview,
    Provenance,
    QuestionKind,
    QuestionReview,
    Report,
    WordCount,
)

REPORT_PROMPT_VERSION = "offline-report-1"
MOST_USED_WORDS = 10
STRONG_SCORE = 7.0
WEAK_SCORE = 6.0
JOB_TERMS_FOR_FULL_ROLE_FIT = 2


@dataclass(frozen=True)
class _Reviewed:
    question: AskedQuestion
    main: Answer
    follow_up: Answer | None

    @property
    def score(self) -> float:
        main = self.main.feedback.score
        if self.follow_up is None:
            return main
        return round(max(main, (2 * main + self.follow_up.feedback.score) / 3), 1)


def build_report(interview: Interview, bank: QuestionBank, now: datetime) -> Report:
    reviewed = _reviewed(interview)
    feedbacks = [a.feedback for a in interview.answers]
    job_terms = _job_terms(interview, bank)
    return Report(
        overall_score=round(mean(r.score for r in reviewed) * 10),
        categories=_categories(reviewed, feedbacks, job_terms),
        strengths=_strengths(reviewed),
        to_work_on=_to_work_on(reviewed, feedbacks),
        questions=tuple(_review(r) for r in reviewed),
        insights=Insights(
            job_terms_used=tuple(dict.fromkeys(t for f in feedbacks for t in f.job_terms_used)),
            most_used_words=_most_used_words(interview.answers),
            talking_points_covered=tuple(
                dict.fromkeys(p for f in feedbacks for p in f.covered_points)
            ),
        ),
        provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version=REPORT_PROMPT_VERSION),
        generated_at=now,
    )


def _reviewed(interview: Interview) -> list[_Reviewed]:
    answers = {a.question_id: a for a in interview.answers}
    follow_ups = {
        q.follow_up_of: answers.get(q.question_id)
        for q in interview.questions
        if q.kind is QuestionKind.FOLLOW_UP
    }
    return [
        _Reviewed(q, answers[q.question_id], follow_ups.get(q.question_id))
        for q in interview.questions
        if q.kind is QuestionKind.MAIN and q.question_id in answers
    ]


def _criterion_share(feedbacks: list[Feedback], criterion: str) -> int:
    shares = [
        c.score / c.max_score for f in feedbacks for c in f.rubric if c.criterion == criterion
    ]
    return round(mean(shares) * 100) if shares else 0


def _job_terms(interview: Interview, bank: QuestionBank) -> list[tuple[int, int]]:
    """(terms used, terms available) per answered main question."""
    answers = {a.question_id: a for a in interview.answers}
    counts = []
    for question in interview.questions:
        if question.kind is QuestionKind.MAIN and question.question_id in answers:
            try:
                available = len(bank.get(question.question_id).job_terms)
            except KeyError:
                available = JOB_TERMS_FOR_FULL_ROLE_FIT
            counts.append((len(answers[question.question_id].feedback.job_terms_used), available))
    return counts


def _categories(
    reviewed: list[_Reviewed], feedbacks: list[Feedback], job_terms: list[tuple[int, int]]
) -> tuple[CategoryScore, ...]:
    knowledge = _criterion_share(feedbacks, "coverage")
    depth = _criterion_share(feedbacks, "depth")
    communication = _criterion_share(feedbacks, "clarity")
    role_fit = round(
        mean(
            min(1.0, used / min(available, JOB_TERMS_FOR_FULL_ROLE_FIT))
            for used, available in job_terms
        )
        * 100
    )
    terms_used = sum(used for used, _ in job_terms)
    return (
        CategoryScore(
            category="technical_knowledge",
            score=knowledge,
            summary="How many of the key points of each question you covered.",
        ),
        CategoryScore(
            category="depth",
            score=depth,
            summary="Examples, reasoning, trade-offs and specifics behind your points.",
        ),
        CategoryScore(
            category="communication",
            score=communication,
            summary="Clear sentences of sensible length, without repetition or padding.",
        ),
        CategoryScore(
            category="role_fit",
            score=role_fit,
            summary=f"You used {terms_used} job-related terms across {len(reviewed)} questions.",
        ),
    )


def _strengths(reviewed: list[_Reviewed]) -> tuple[str, ...]:
    strong = sorted((r for r in reviewed if r.score >= STRONG_SCORE), key=lambda r: -r.score)
    return tuple(
        f"Strong on {r.question.topic.replace('_', ' ')}: {r.score}/10 on "
        f'"{_shorten(r.question.text)}"'
        for r in strong[:3]
    )


def _to_work_on(reviewed: list[_Reviewed], feedbacks: list[Feedback]) -> tuple[str, ...]:
    weak = sorted((r for r in reviewed if r.score < WEAK_SCORE), key=lambda r: r.score)
    items = [
        f"Revisit {r.question.topic.replace('_', ' ')}: {r.score}/10 on "
        f'"{_shorten(r.question.text)}"'
        for r in weak[:2]
    ]
    missed = Counter(p for f in feedbacks for p in f.missed_points)
    items.extend(f"Practise explaining: {point}" for point, _ in missed.most_common(3))
    return tuple(items)


def _review(reviewed: _Reviewed) -> QuestionReview:
    feedback = reviewed.main.feedback
    covered, missed = len(feedback.covered_points), len(feedback.missed_points)
    summary = f"Covered {covered} of {covered + missed} key points."
    if reviewed.follow_up is not None:
        summary += f" Follow-up answer: {reviewed.follow_up.feedback.score}/10."
    return QuestionReview(
        question_id=reviewed.question.question_id,
        question_text=reviewed.question.text,
        score=reviewed.score,
        summary=summary,
    )


def _most_used_words(answers: tuple[Answer, ...]) -> tuple[WordCount, ...]:
    counts = Counter(
        w
        for answer in answers
        for w in words(answer.text)
        if w not in STOP_WORDS and len(w) >= 3 and not w.isdigit()
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(WordCount(word=w, count=c) for w, c in ranked[:MOST_USED_WORDS])


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
