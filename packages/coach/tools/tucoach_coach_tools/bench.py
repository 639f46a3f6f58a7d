"""Benchmark: time to build the bank's vocabulary, to score one answer and to build one report,
offline.

Run: ./pants run packages/coach/tools/tucoach_coach_tools/bench.py
Prints p50 and p99 in milliseconds; asserts nothing.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial

from tucoach_coach.bank import load_bank
from tucoach_coach.interviewer import Interviewer
from tucoach_coach.matching import question_phrases_of
from tucoach_coach.offline import OfflineEngine
from tucoach_coach.reporting import build_report
from tucoach_coach.target import ScoringTarget
from tucoach_models import Interview, Role, Seniority

NOW = datetime(2026, 11, 30, tzinfo=UTC)


def _percentiles(samples: list[float]) -> str:
    ranked = sorted(samples)
    p99 = ranked[min(len(ranked) - 1, round(0.99 * (len(ranked) - 1)))]
    return f"p50 {statistics.median(ranked) * 1000:.3f} ms  p99 {p99 * 1000:.3f} ms"


def _time(calls: Sequence[Callable[[], object]]) -> list[float]:
    samples = []
    for call in calls:
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def _finished_interview(coach: Interviewer, interview_id: str) -> Interview:
    bank = coach.bank
    interview = coach.start(
        user_id="bench",
        interview_id=interview_id,
        role=Role.BACKEND,
        seniority=Seniority.SENIOR,
        question_count=10,
        now=NOW,
    )
    while (current := interview.current_question) is not None:
        main = bank.get(current.follow_up_of or current.question_id)
        text = main.model_answer[: len(main.model_answer) // 2]
        interview = coach.answer(interview, question_id=current.question_id, text=text, now=NOW)
    return interview


def main() -> None:
    start = time.perf_counter()
    bank = load_bank()
    print(f"load bank ({len(bank)} questions): {(time.perf_counter() - start) * 1000:.1f} ms")
    # What a container's first answer builds once: the bank's vocabulary, with the phrases
    # compiled beside the bank; and what computing those phrases would cost instead.
    start = time.process_time()
    ScoringTarget.of_question(next(iter(bank)))
    built = time.process_time() - start
    start = time.process_time()
    question_phrases_of(bank)
    computed = time.process_time() - start
    print(
        f"first scoring target, building the bank's vocabulary: {built * 1000:.0f} ms of CPU;"
        f" computing its phrases instead of reading them compiled: {computed * 1000:.0f} ms"
        f" ({computed / built:.1f}x)"
    )
    engine = OfflineEngine()
    targets = [ScoringTarget.of_question(q) for q in bank]
    answers = [q.model_answer for q in bank]
    scoring = [partial(engine.feedback, t, a) for t, a in zip(targets, answers, strict=True)] * 5
    print(f"score one answer ({len(scoring)} runs): {_percentiles(_time(scoring))}")

    coach = Interviewer(bank, engine)
    interviews = [_finished_interview(coach, f"bench-{n}") for n in range(20)]
    reports = [partial(build_report, i, bank, NOW) for i in interviews] * 10
    print(
        f"build one report of {len(interviews[0].answers)} answers ({len(reports)} runs): "
        f"{_percentiles(_time(reports))}"
    )


if __name__ == "__main__":
    main()
