"""Hand-written answers keep the rubric honest: better answers must score higher."""

from __future__ import annotations

from collections import Counter

import pytest

from tucoach_coach.bank import load_bank
from tucoach_coach.rubric import assess
from tucoach_coach.target import ScoringTarget
from tucoach_coach_tools.calibrate import (
    CalibrationCase,
    CalibrationResult,
    load_cases,
    score_cases,
)

BANK = load_bank()
CASES = load_cases()
RESULTS = score_cases(BANK, CASES)


def test_the_suite_covers_at_least_thirty_questions_across_every_cell() -> None:
    assert len({c.question_id for c in CASES}) == len(CASES) >= 30
    cells = Counter(tuple(c.question_id.split("-")[:2]) for c in CASES)
    assert len(cells) == 12, cells  # every role x seniority


@pytest.mark.parametrize("result", RESULTS, ids=[r.question_id for r in RESULTS])
def test_full_beats_partial_beats_poor(result: CalibrationResult) -> None:
    assert result.ordered, result.scores


def test_grades_land_in_their_bands() -> None:
    assert min(r.scores["full"] for r in RESULTS) >= 7.5
    assert all(3.0 <= r.scores["partial"] <= 8.0 for r in RESULTS)
    assert max(r.scores["poor"] for r in RESULTS) <= 5.0


@pytest.mark.parametrize("case", CASES, ids=[c.question_id for c in CASES])
def test_a_full_answer_said_over_and_over_or_cut_to_its_terms_scores_low(
    case: CalibrationCase,
) -> None:
    # Given a strong answer, gamed two ways: said five times over, or cut down to its terms
    question = BANK.get(case.question_id)
    target = ScoringTarget.of_question(question)
    full = case.answers["full"]
    terms = " ".join(p for point in question.talking_points for p in point.phrasings)
    # Then neither scores like the answer itself
    assert assess(target, " ".join([full] * 5)).score <= 3.0
    assert assess(target, terms).score <= 2.0
