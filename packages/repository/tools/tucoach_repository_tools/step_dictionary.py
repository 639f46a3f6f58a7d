"""Builds a preset dictionary for stored steps (tucoach_repository.step_codec) from interviews the
offline coach conducts: the JSON skeleton of a step and the coach's template prose, never a
question's own text.

    ./pants run packages/repository/tools/tucoach_repository_tools/step_dictionary.py -- 2

writes packages/repository/src/tucoach_repository/step_dictionaries/2.zdict (an id that exists
is refused: stored steps depend on their dictionary forever). Shipping it takes a new id in
`step_codec.DICTIONARIES`, its SHA-256 pinned in `step_codec_test.py`, and CURRENT_DICTIONARY
moved to it; the old files stay.

How: every cell of the bank but the cost benchmark's (backend/senior, kept out so that the
benchmark measures a cell the dictionary never saw) is interviewed a few times by candidates
answering in varied ways (the model answer, half of it, one sentence, another question's answer,
a wrong claim, an evasion, a list of terms, another language), so the feedback takes every shape
the offline engine gives. Each step's JSON is then stripped of everything a question or a
candidate owns (ids, question and answer texts, example answers, talking points, corrections,
terms, highlight labels, times, and any bank text or quoted question inside a template sentence).
Of those stripped steps, the dictionary takes, one at a time, the one that most shrinks the
compressed size of a sample of the real (unstripped) steps, until it is full; the first taken
goes last, where deflate reaches it with the shortest distances. Finally no 24-character run of
any bank text may be in it.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tucoach_coach import BankQuestion, QuestionBank
from tucoach_models import AskedQuestion, Interview, Role, Seniority
from tucoach_repository.step_codec import LEGACY_ZLIB, deflate
from tucoach_repository_tools.coached import (
    BENCH_ROLE,
    BENCH_SENIORITY,
    Answering,
    Step,
    coached_interview,
    interviewer,
    model_answer_halves,
)

OUTPUT = Path("packages/repository/src/tucoach_repository")
# Within deflate's 32 KB window, with room for the step itself to refer back past it.
SIZE_LIMIT = 16_384
INTERVIEWS_PER_CELL = 3
# Steps the choice is measured on (every nth of all): the build takes minutes as it is.
TRAINING_SAMPLE = 90
BANK_RUN = 24
# Strings a question or a candidate owns, by key: emptied (lists of them emptied too).
_OWN_STRINGS = frozenset(
    {
        "question_id",
        "follow_up_of",
        "text",
        "asked_at",
        "answered_at",
        "generated_at",
        "example_answer",
        "follow_up",
        "label",
        "said",
        "claim",
        "correction",
        "question_text",
        "word",
    }
)
# A template sentence quotes a question's text (shortened in the report): emptied.
_QUOTED = re.compile(r'"[^"]*"')
_OWN_LISTS = frozenset(
    {
        "covered_points",
        "missed_points",
        "job_terms_used",
        "talking_points_covered",
        "unanswered",
        "most_used_words",
    }
)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: step_dictionary.py NEW_ID", file=sys.stderr)
        return 2
    new_id = int(argv[0])
    target = OUTPUT / "step_dictionaries" / f"{new_id}.zdict"
    if target.exists() or not 0 < new_id <= 0xFF or new_id == LEGACY_ZLIB:
        print(f"dictionary {new_id} exists, or is not a format byte", file=sys.stderr)
        return 2
    coach = interviewer()
    steps = [_change(previous, new) for previous, new in _training_steps(coach.bank)]
    bank_texts = _bank_texts(coach.bank)
    candidates = sorted({_stripped(change, bank_texts) for change in steps})
    sample = steps[:: max(1, len(steps) // TRAINING_SAMPLE)]
    built = build(candidates, sample)
    _refuse_bank_text(built, bank_texts)
    target.write_bytes(built)
    plain = sum(len(zlib.compress(s, 9)) for s in sample)
    preset = sum(len(deflate(s, built)) for s in sample)
    print(
        f"{target}: {len(built)} bytes from {len(candidates)} stripped steps of {len(steps)}; "
        f"the sample ({len(sample)} steps) {plain} bytes with zlib, {preset} with it"
    )
    return 0


def build(candidates: list[bytes], sample: list[bytes]) -> bytes:
    """Greedy: the stripped step that most shrinks the sample goes in (in front), until full."""
    taken: list[bytes] = []
    remaining = list(candidates)
    current = b""
    best_size = sum(len(deflate(s, current)) for s in sample)
    while remaining:
        fitting = [c for c in remaining if len(current) + len(c) <= SIZE_LIMIT]
        if not fitting:
            break
        scored = [(sum(len(deflate(s, c + current)) for s in sample), c) for c in fitting]
        size, chosen = min(scored)
        if size >= best_size:
            break
        best_size = size
        taken.append(chosen)
        current = chosen + current
        remaining.remove(chosen)
        print(f"  {len(taken):2d}: {len(current):6d} bytes, sample {size} bytes", file=sys.stderr)
    return current


def _training_steps(bank: QuestionBank) -> Iterator[Step]:
    coach = interviewer()
    styles = _answering_styles()
    for role, seniority in itertools.product(Role, Seniority):
        if (role, seniority) == (BENCH_ROLE, BENCH_SENIORITY) or not bank.questions(
            role, seniority
        ):
            continue
        for run in range(INTERVIEWS_PER_CELL):
            yield from coached_interview(
                coach,
                _rotating(styles, run),
                interview_id=f"dictionary-{role}-{seniority}-{run}",
                role=role,
                seniority=seniority,
            )


def _rotating(styles: list[Answering], run: int) -> Answering:
    """Each answer of an interview in the next style, each interview starting one further."""

    def answering(bank: QuestionBank, question: AskedQuestion, number: int) -> str:
        return styles[(run + number) % len(styles)](bank, question, number)

    return answering


def _answering_styles() -> list[Answering]:
    def whole(bank: QuestionBank, question: AskedQuestion, _: int) -> str:
        return _main(bank, question).model_answer

    def one_sentence(bank: QuestionBank, question: AskedQuestion, _: int) -> str:
        return _main(bank, question).model_answer.split(". ")[0] + "."

    def another_questions(bank: QuestionBank, question: AskedQuestion, _: int) -> str:
        others = [q for q in bank if q.id != _main(bank, question).id]
        return others[len(question.text) % len(others)].model_answer

    def wrong_claim(bank: QuestionBank, question: AskedQuestion, number: int) -> str:
        flag = _main(bank, question).red_flags[0]
        half = model_answer_halves(bank, question, number)
        return f"I believe {flag.phrasings[0]}. {half}"

    def evasive(_: QuestionBank, __: AskedQuestion, ___: int) -> str:
        return "I am not sure, I have never had to deal with that, so I would look it up."

    def terms(bank: QuestionBank, question: AskedQuestion, _: int) -> str:
        return ", ".join(_main(bank, question).job_terms)

    def spanish(_: QuestionBank, __: AskedQuestion, ___: int) -> str:
        return (
            "Primero mediría dónde está el problema con métricas y trazas, y después elegiría "
            "la solución más sencilla que cumpla los requisitos, explicando sus ventajas."
        )

    return [
        model_answer_halves,
        whole,
        wrong_claim,
        one_sentence,
        model_answer_halves,
        another_questions,
        evasive,
        terms,
        spanish,
    ]


def _main(bank: QuestionBank, question: AskedQuestion) -> BankQuestion:
    return bank.get(question.follow_up_of or question.question_id)


def _change(previous: Interview, new: Interview) -> bytes:
    """The step's JSON as `items.step_to_item` writes it (built here, not decoded from a stored
    step, so that the first dictionary can be built before any exists)."""
    asked, answered = len(previous.questions), len(previous.answers)
    change: dict[str, Any] = {
        "questions": [q.model_dump(mode="json", exclude_none=True) for q in new.questions[asked:]],
        "answers": [a.model_dump(mode="json", exclude_none=True) for a in new.answers[answered:]],
    }
    if new.report is not None and previous.report is None:
        change["report"] = new.report.model_dump(mode="json", exclude_none=True)
    return json.dumps(change, separators=(",", ":"), ensure_ascii=False).encode()


def _bank_texts(bank: QuestionBank) -> list[str]:
    texts: set[str] = set()
    for question in bank:
        # Job terms are single words a template sentence may hold too: they are emptied where
        # they are listed (_OWN_LISTS), not cut out of sentences.
        texts.update((question.text, question.model_answer))
        texts.update(point.point for point in question.talking_points)
        texts.update(follow_up.text for follow_up in question.follow_ups)
        texts.update(t for flag in question.red_flags for t in (flag.claim, flag.correction))
    # Longest first, so a text is removed whole before any shorter one inside it.
    return sorted(texts, key=len, reverse=True)


def _stripped(change: bytes, bank_texts: list[str]) -> bytes:
    """The step's JSON with what a question or a candidate owns taken out."""

    def strip(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: strip(v, k) for k, v in value.items()}
        if key in _OWN_LISTS:
            return []
        if isinstance(value, list):
            return [strip(v, key) for v in value]
        if isinstance(value, str):
            if key in _OWN_STRINGS:
                return ""
            value = _QUOTED.sub('""', value)
            for text in bank_texts:
                if text in value:
                    value = value.replace(text, "")
            return value
        return value

    document = strip(json.loads(change))
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def _refuse_bank_text(built: bytes, bank_texts: list[str]) -> None:
    text = built.decode()
    runs = {text[i : i + BANK_RUN] for i in range(len(text) - BANK_RUN + 1)}
    for bank_text in bank_texts:
        for i in range(len(bank_text) - BANK_RUN + 1):
            if bank_text[i : i + BANK_RUN] in runs:
                raise SystemExit(f"bank text in the dictionary: {bank_text[i : i + BANK_RUN]!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
