"""The end-of-interview report, built from the feedback already given (no engine call).

Each main question's score is its answer's, raised (never lowered) by a good follow-up answer:
max(main, (2 * main + follow_up) / 3); a skipped follow-up leaves the main answer's score. The
overall score is the mean over scored questions, times ten; an answer the engine could not score
(`Feedback.unscored`) counts in no average; a question asked again after an answer in another
language counts by the answer given last (the earlier one is named, not scored). The report
never contradicts itself: a topic is a strength or something to work on, never both; a point
covered anywhere is not "to practise"; every count it states is the length of the list it shows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from statistics import mean

from tucoach_coach.bank import QuestionBank
from tucoach_coach.language import words
from tucoach_coach.languages import ALL_STOP_WORDS, language_name
from tucoach_coach.topics import topic_words
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
    Unscored,
    WordCount,
)

REPORT_PROMPT_VERSION = "offline-report-2"
MOST_USED_WORDS = 10
STRONG_SCORE = 7.0
WEAK_SCORE = 6.0
JOB_TERMS_FOR_FULL_ROLE_FIT = 2
MAX_CORRECTIONS_TO_WORK_ON = 2
MAX_POINTS_TO_PRACTISE = 3


@dataclass(frozen=True)
class _Reviewed:
    question: AskedQuestion
    main: Answer
    follow_up: Answer | None
    # Answers the engine could not read (another language) before the one that counts.
    set_aside: tuple[Answer, ...] = ()

    @property
    def scored(self) -> bool:
        return self.main.feedback.unscored is None

    @property
    def follow_up_scored(self) -> bool:
        return self.follow_up is not None and self.follow_up.feedback.unscored is None

    @property
    def score(self) -> float:
        main = self.main.feedback.score
        if self.follow_up is None or not self.follow_up_scored:
            return main
        return round(max(main, (2 * main + self.follow_up.feedback.score) / 3), 1)


def build_report(interview: Interview, bank: QuestionBank, now: datetime) -> Report:
    reviewed = _reviewed(interview)
    scored = [r for r in reviewed if r.scored]
    feedbacks = [a.feedback for a in interview.answers if a.feedback.unscored is None]
    job_terms_used = tuple(dict.fromkeys(t for f in feedbacks for t in f.job_terms_used))
    covered = tuple(dict.fromkeys(p for f in feedbacks for p in f.covered_points))
    strengths = _strengths(scored)
    return Report(
        overall_score=round(mean(r.score for r in scored) * 10) if scored else 0,
        categories=_categories(scored, feedbacks, _job_terms(scored, bank), job_terms_used),
        strengths=tuple(text for _, text in strengths),
        to_work_on=_to_work_on(scored, feedbacks, {topic for topic, _ in strengths}, covered),
        questions=tuple(_review(r) for r in reviewed),
        insights=Insights(
            job_terms_used=job_terms_used,
            most_used_words=_most_used_words(interview.answers),
            talking_points_covered=covered,
        ),
        provenance=Provenance(engine=CoachEngine.OFFLINE, prompt_version=REPORT_PROMPT_VERSION),
        generated_at=now,
        ended_early=interview.ended_early(),
    )


def _reviewed(interview: Interview) -> list[_Reviewed]:
    """Each answered main question with the answer that counts: the last one not skipped (a
    question asked again after an answer in another language has several)."""
    attempts: dict[str, list[Answer]] = {}
    for answer in interview.answers:
        if answer.feedback.unscored is not Unscored.SKIPPED:
            attempts.setdefault(answer.question_id, []).append(answer)
    answers = {a.question_id: a for a in interview.answers}
    follow_ups = {
        q.follow_up_of: answers.get(q.question_id)
        for q in interview.questions
        if q.kind is QuestionKind.FOLLOW_UP
    }
    return [
        _Reviewed(
            q,
            attempts[q.question_id][-1],
            follow_ups.get(q.question_id),
            tuple(attempts[q.question_id][:-1]),
        )
        for q in interview.questions
        if q.counts_as_main and q.question_id in attempts
    ]


def _criterion_share(feedbacks: list[Feedback], criterion: str) -> int:
    shares = [
        c.score / c.max_score for f in feedbacks for c in f.rubric if c.criterion == criterion
    ]
    return round(mean(shares) * 100) if shares else 0


def _job_terms(reviewed: list[_Reviewed], bank: QuestionBank) -> list[tuple[int, int]]:
    """(terms used, terms available) per scored main question."""
    counts = []
    for r in reviewed:
        try:
            available = len(bank.get(r.question.question_id).job_terms)
        except KeyError:
            available = JOB_TERMS_FOR_FULL_ROLE_FIT
        counts.append((len(r.main.feedback.job_terms_used), available))
    return counts


def _categories(
    reviewed: list[_Reviewed],
    feedbacks: list[Feedback],
    job_terms: list[tuple[int, int]],
    job_terms_used: tuple[str, ...],
) -> tuple[CategoryScore, ...]:
    role_fit = (
        round(
            mean(
                min(1.0, used / min(available, JOB_TERMS_FOR_FULL_ROLE_FIT))
                for used, available in job_terms
            )
            * 100
        )
        if job_terms
        else 0
    )
    return (
        CategoryScore(
            category="technical_knowledge",
            score=_criterion_share(feedbacks, "coverage"),
            summary="How many of the key points of each question you covered.",
        ),
        CategoryScore(
            category="depth",
            score=_criterion_share(feedbacks, "depth"),
            summary="Examples, reasoning, trade-offs and specifics behind your points.",
        ),
        CategoryScore(
            category="communication",
            score=_criterion_share(feedbacks, "clarity"),
            summary="Clear sentences of sensible length, without repetition or padding; "
            "clarity needs content, so an answer that says nothing earns none.",
        ),
        CategoryScore(
            category="role_fit",
            score=role_fit,
            summary=f"You used {len(job_terms_used)} different job-related terms across "
            f"{len(reviewed)} scored questions (listed under insights).",
        ),
    )


def _strengths(reviewed: list[_Reviewed]) -> list[tuple[str, str]]:
    """(topic, text) of the strongest questions whose topic has no weak question."""
    weak_topics = {r.question.topic for r in reviewed if r.score < WEAK_SCORE}
    strong = sorted(
        (r for r in reviewed if r.score >= STRONG_SCORE and r.question.topic not in weak_topics),
        key=lambda r: -r.score,
    )
    return [
        (
            r.question.topic,
            f"Strong on {topic_words(r.question.topic)}: {r.score}/10 on "
            f'"{_shorten(r.question.text)}"',
        )
        for r in strong[:3]
    ]


def _to_work_on(
    reviewed: list[_Reviewed],
    feedbacks: list[Feedback],
    strong_topics: set[str],
    covered: tuple[str, ...],
) -> tuple[str, ...]:
    weak = sorted(
        (r for r in reviewed if r.score < WEAK_SCORE and r.question.topic not in strong_topics),
        key=lambda r: r.score,
    )
    items = [
        f'Revisit {topic_words(r.question.topic)}: {r.score}/10 on "{_shorten(r.question.text)}"'
        for r in weak[:2]
    ]
    corrections = dict.fromkeys(c.correction for f in feedbacks for c in f.corrections)
    items.extend(f"Get right: {c}" for c in list(corrections)[:MAX_CORRECTIONS_TO_WORK_ON])
    # A point missed in one answer but covered in another (often the follow-up) is not weak.
    covered_anywhere = set(covered)
    missed = Counter(p for f in feedbacks for p in f.missed_points if p not in covered_anywhere)
    items.extend(
        f"Practise explaining: {point}" for point, _ in missed.most_common(MAX_POINTS_TO_PRACTISE)
    )
    return tuple(items)


def _review(reviewed: _Reviewed) -> QuestionReview:
    feedback = reviewed.main.feedback
    if not reviewed.scored:
        language = language_name(feedback.language)
        return QuestionReview(
            question_id=reviewed.question.question_id,
            question_text=reviewed.question.text,
            score=0.0,
            scored=False,
            summary=f"Not scored: the answer is in {language}, and the offline coach scores "
            "English only. It counts in no average.",
        )
    covered, missed = len(feedback.covered_points), len(feedback.missed_points)
    summary = (
        f"Covered {covered} of {covered + missed} key points. Main answer: {feedback.score}/10."
    )
    if reviewed.set_aside:
        languages = ", ".join(
            dict.fromkeys(language_name(a.feedback.language) for a in reviewed.set_aside)
        )
        summary = (
            f"First answered in {languages} (not scored, in no average), then again in "
            f"English. {summary}"
        )
    if reviewed.follow_up is not None and reviewed.follow_up_scored:
        summary += (
            f" Follow-up answer: {reviewed.follow_up.feedback.score}/10. The question's score "
            "is the main answer's, raised by a better follow-up: max(main, (2 x main + "
            f"follow-up) / 3) = {reviewed.score}/10."
        )
    elif reviewed.follow_up is not None:
        summary += " Follow-up skipped: not scored, so the main answer's score stands."
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
        if answer.feedback.unscored is None
        for w in words(answer.text)
        if w not in ALL_STOP_WORDS and len(w) >= 3 and not w.isdigit()
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(WordCount(word=w, count=c) for w, c in ranked[:MOST_USED_WORDS])


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
