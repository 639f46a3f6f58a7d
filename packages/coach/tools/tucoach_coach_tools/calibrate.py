"""The calibration suite: hand-written answers of three grades to bank questions.

Run: ./pants run packages/coach/tools/tucoach_coach_tools/calibrate.py
Prints the numbers published in the package README; calibrate_test.py holds the rubric to them.
"""

from __future__ import annotations

import statistics
import tomllib
from dataclasses import dataclass
from importlib import resources

from tucoach_coach.bank import QuestionBank, load_bank
from tucoach_coach.rubric import assess
from tucoach_coach.target import ScoringTarget

GRADES = ("full", "partial", "poor")


@dataclass(frozen=True)
class CalibrationCase:
    question_id: str
    answers: dict[str, str]


@dataclass(frozen=True)
class CalibrationResult:
    question_id: str
    scores: dict[str, float]

    @property
    def ordered(self) -> bool:
        return self.scores["full"] > self.scores["partial"] > self.scores["poor"]


def load_cases() -> list[CalibrationCase]:
    text = (resources.files("tucoach_coach_tools") / "calibration" / "answers.toml").read_text(
        "utf-8"
    )
    return [
        CalibrationCase(case["question_id"], {grade: case[grade] for grade in GRADES})
        for case in tomllib.loads(text)["cases"]
    ]


def score_cases(bank: QuestionBank, cases: list[CalibrationCase]) -> list[CalibrationResult]:
    results = []
    for case in cases:
        target = ScoringTarget.of_question(bank.get(case.question_id))
        scores = {grade: assess(target, answer).score for grade, answer in case.answers.items()}
        results.append(CalibrationResult(case.question_id, scores))
    return results


def main() -> None:
    results = score_cases(load_bank(), load_cases())
    ordered = sum(r.ordered for r in results)
    print(f"cases: {len(results)}; ordered full > partial > poor: {ordered}/{len(results)}")
    print("grade    min   mean  max")
    for grade in GRADES:
        scores = [r.scores[grade] for r in results]
        print(
            f"{grade:<8} {min(scores):>4.1f}  {statistics.mean(scores):>4.2f}  {max(scores):>4.1f}"
        )


if __name__ == "__main__":
    main()
