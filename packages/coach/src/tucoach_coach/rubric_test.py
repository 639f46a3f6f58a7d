"""Gaming must not pay: traps built from every question of the bank score low."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tucoach_coach.bank import BankQuestion, load_bank
from tucoach_coach.rubric import Cap, assess
from tucoach_coach.target import ScoringTarget

BANK = list(load_bank())
TRAP_CEILING = 2.0


def _target(question: BankQuestion) -> ScoringTarget:
    return ScoringTarget.of_question(question)


def _other(question: BankQuestion) -> BankQuestion:
    """A question of another role, whose answer is off-topic here."""
    role = question.id.split("-")[0]
    return next(q for q in BANK if not q.id.startswith(role) and q.topic != question.topic)


def _all_phrasings(question: BankQuestion) -> list[str]:
    return [p for point in question.talking_points for p in point.phrasings]


TRAPS: dict[str, Callable[[BankQuestion], str]] = {
    "empty": lambda q: "",
    "whitespace": lambda q: "   \n\t ",
    "dont_know": lambda q: "I don't know.",
    "fine": lambda q: "fine",
    "pass": lambda q: "Pass, next question please.",
    "echo": lambda q: q.text,
    "echo_twice": lambda q: f"{q.text} {q.text}",
    "salad": lambda q: " ".join(_all_phrasings(q)),
    "salad_sentences": lambda q: ". ".join(p.capitalize() for p in _all_phrasings(q)) + ".",
    "off_topic": lambda q: _other(q).model_answer,
    "repeated": lambda q: " ".join([q.talking_points[0].phrasings[0] + " is important."] * 60),
    "small_talk": lambda q: (
        "Honestly I have always loved this kind of challenge and I think my team would say I "
        "am a great communicator who gets things done and enjoys learning new things every day."
    ),
}


@pytest.mark.parametrize("trap", sorted(TRAPS))
def test_every_trap_scores_low_on_every_bank_question(trap: str) -> None:
    # Given every question of the bank and an answer that games it
    scores = {q.id: assess(_target(q), TRAPS[trap](q)).score for q in BANK}
    # Then none of them scores above the trap ceiling
    too_high = {qid: s for qid, s in scores.items() if s > TRAP_CEILING}
    assert not too_high, f"{trap} scored above {TRAP_CEILING}: {too_high}"


def test_the_model_answer_scores_high_on_every_bank_question() -> None:
    scores = {q.id: assess(_target(q), q.model_answer).score for q in BANK}
    low = {qid: s for qid, s in scores.items() if s < 8.0}
    assert not low, low


def test_keyword_stuffing_in_one_sentence_earns_little() -> None:
    # Given an answer that names every talking point in one sentence, explaining none
    question = load_bank().get("backend-senior-isolation-levels-anomalies")
    names = ", ".join(point.phrasings[0] for point in question.talking_points)
    assessment = assess(_target(question), f"The answer is about {names} and that is it.")
    # Then coverage is cut and the score stays low
    assert assessment.listed_without_explaining
    assert assessment.score <= 3.0


def test_no_answer_scores_zero_and_says_why() -> None:
    assessment = assess(_target(BANK[0]), "")
    assert assessment.score == 0.0
    assert assessment.caps == (Cap.NO_ANSWER,)


def test_padding_a_good_answer_with_unrelated_text_is_capped() -> None:
    question = BANK[0]
    filler = " ".join([_other(question).model_answer] * 6)
    assessment = assess(_target(question), f"{question.talking_points[0].phrasings[0]}. {filler}")
    assert Cap.PADDED in assessment.caps or Cap.REPETITIVE in assessment.caps
    assert assessment.score <= 3.0


@given(st.sampled_from(BANK), st.text(max_size=600))
def test_the_same_answer_always_gets_the_same_score(question: BankQuestion, answer: str) -> None:
    target = _target(question)
    first = assess(target, answer)
    assert assess(target, answer) == first
    assert 0.0 <= first.score <= 10.0
