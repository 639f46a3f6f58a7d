"""What the preset dictionary saves per stored step, and what it costs in CPU (a measurement, not
a test: it asserts nothing).

    ./pants run packages/repository/tools/tucoach_repository_tools/step_sizes.py

Two samples of steps, both conducted by the offline coach in process:

- the cost benchmark's interview (backend/senior, its ids, ten questions answered with halves of
  the bank's model answers, follow-ups included): 19 answers and the completion;
- the labeled answers of the coach's evaluation (packages/coach/tools/tucoach_coach_tools/
  evaluation/*.json, kinds strong, partial and wrong), each the answer to its main question.

For each step: the `step` blob in plain zlib (how steps were written before) and with the
dictionary, and the whole item as DynamoDB sizes it, against 1 KB (a write unit; transactions
take two per KB). Then the time of one encode and one decode of a typical step (timeit, best of
several runs; for comparing, not for asserting).
"""

from __future__ import annotations

import json
import statistics
import sys
import timeit
import zlib
from collections.abc import Iterable
from pathlib import Path

from tucoach_repository.attribute_values import to_attribute_values
from tucoach_repository.items import Item, step_to_item
from tucoach_repository.sizing import item_size
from tucoach_repository.step_codec import decode_step, encode_step
from tucoach_repository_tools.coached import (
    BENCH_INTERVIEW_ID,
    BENCH_ROLE,
    BENCH_SENIORITY,
    Step,
    coached_interview,
    interviewer,
    model_answer_halves,
    one_answer,
)

EVALUATION = Path("packages/coach/tools/tucoach_coach_tools/evaluation")
KINDS = ("strong", "partial", "wrong")
KILOBYTE = 1_024
LEGACY_LEVEL = 9


class Sizes:
    """Blob and item sizes of steps, before (plain zlib) and after (the dictionary)."""

    def __init__(self, steps: Iterable[Step]) -> None:
        self.json: list[int] = []
        self.blob_before: list[int] = []
        self.blob_after: list[int] = []
        self.item_before: list[int] = []
        self.item_after: list[int] = []
        for previous, new in steps:
            item = _step_item((previous, new))
            change = decode_step(item["step"])
            legacy = zlib.compress(change, LEGACY_LEVEL)
            self.json.append(len(change))
            self.blob_before.append(len(legacy))
            self.blob_after.append(len(item["step"]))
            self.item_after.append(item_size(to_attribute_values(item)))
            self.item_before.append(item_size(to_attribute_values(item | {"step": legacy})))

    def summary(self) -> str:
        def spread(values: list[int]) -> str:
            return f"{min(values)}-{max(values)} (median {statistics.median(values):g})"

        def within(values: list[int]) -> int:
            return sum(v <= KILOBYTE for v in values)

        count = len(self.json)
        saved = 1 - sum(self.blob_after) / sum(self.blob_before)
        return (
            f"  steps: {count}; JSON {spread(self.json)} bytes\n"
            f"  blob, zlib:        {spread(self.blob_before)}, total {sum(self.blob_before)}\n"
            f"  blob, dictionary:  {spread(self.blob_after)}, total {sum(self.blob_after)} "
            f"({saved:.0%} smaller)\n"
            f"  item, zlib:        {spread(self.item_before)}; within 1 KB: "
            f"{within(self.item_before)} of {count}\n"
            f"  item, dictionary:  {spread(self.item_after)}; within 1 KB: "
            f"{within(self.item_after)} of {count}"
        )


def main() -> int:
    coach = interviewer()
    bench = list(
        coached_interview(
            coach,
            model_answer_halves,
            interview_id=BENCH_INTERVIEW_ID,
            role=BENCH_ROLE,
            seniority=BENCH_SENIORITY,
        )
    )
    answers, completion = Sizes(bench[:-1]), Sizes(bench[-1:])
    print("The cost benchmark's interview (backend/senior, 10 questions), per answer:")
    print(answers.summary())
    print(
        "  per answer, zlib -> dictionary: "
        + ", ".join(
            f"{b}->{a}" for b, a in zip(answers.blob_before, answers.blob_after, strict=True)
        )
    )
    print(
        f"  completion (report): blob {completion.blob_before[0]} -> {completion.blob_after[0]}, "
        f"item {completion.item_before[0]} -> {completion.item_after[0]}"
    )
    labeled = [
        entry
        for path in sorted(EVALUATION.glob("*.json"))
        for entry in json.loads(path.read_text())
        if entry.get("kind") in KINDS
    ]
    for kind in KINDS:
        steps = [
            one_answer(coach, e["question_id"], e["answer"]) for e in labeled if e["kind"] == kind
        ]
        print(f"Labeled answers of the coach's evaluation, kind {kind}:")
        print(Sizes(steps).summary())
    _cpu(bench[0])
    return 0


def _step_item(step: Step) -> Item:
    item = step_to_item(*step)
    if item is None:
        raise SystemExit("a coached version was stored whole, not as a step")
    return item


def _cpu(step: Step) -> None:
    item = _step_item(step)
    change = decode_step(item["step"])
    stored, legacy = item["step"], zlib.compress(change, LEGACY_LEVEL)
    timings = {
        "encode, zlib": lambda: zlib.compress(change, LEGACY_LEVEL),
        "encode, dictionary": lambda: encode_step(change),
        "decode, zlib": lambda: decode_step(legacy),
        "decode, dictionary": lambda: decode_step(stored),
    }
    print(f"CPU per step ({len(change)} bytes of JSON; best of 7 runs of 2,000):")
    for name, call in timings.items():
        best = min(timeit.repeat(call, number=2_000, repeat=7)) / 2_000
        print(f"  {name:20s} {best * 1e6:7.1f} µs")


if __name__ == "__main__":
    sys.exit(main())
