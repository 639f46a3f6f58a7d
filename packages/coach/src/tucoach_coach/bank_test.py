from __future__ import annotations

from collections import Counter

import pytest

from tucoach_coach.bank import (
    MIN_QUESTIONS_PER_CELL,
    BankError,
    BankQuestion,
    QuestionBank,
    load_bank,
    read_cell,
    validate_cell,
)
from tucoach_coach.language import contains_phrase as _contains
from tucoach_coach.language import stems
from tucoach_coach.target import ScoringTarget
from tucoach_models import Role, Seniority

VALID_QUESTION = """
[[questions]]
id = "backend-junior-sample-question"
topic = "http"
difficulty = 1
text = "What makes an HTTP method idempotent?"
model_answer = '''Repeating an idempotent request has the same effect as sending it once,
so retries are safe.'''
job_terms = ["idempotency"]
[[questions.talking_points]]
id = "same-effect"
point = "Repeating it has the same effect as once"
phrasings = ["same effect", "repeat"]
[[questions.talking_points]]
id = "retries"
point = "Retries are safe"
phrasings = ["retry"]
[[questions.talking_points]]
id = "methods"
point = "GET, PUT, DELETE"
phrasings = ["put", "delete"]
[[questions.follow_ups]]
talking_point = "retries"
text = "Why does that matter for retries?"
[[questions.red_flags]]
id = "post-idempotent"
claim = "POST is idempotent"
phrasings = ["post is idempotent"]
correction = "POST may create a new resource each time; it needs an idempotency key to retry."
[[questions.red_flags]]
id = "retries-always-safe"
claim = "Any request can be retried safely"
phrasings = ["always safe to retry", "any request can be retried"]
correction = "Only idempotent requests are safe to retry as they are."
"""


def test_every_role_and_seniority_has_at_least_fifteen_questions() -> None:
    bank = load_bank()
    for role in Role:
        for seniority in Seniority:
            assert len(bank.questions(role, seniority)) >= MIN_QUESTIONS_PER_CELL, (role, seniority)
    assert len(bank) >= 180


def test_each_cell_spreads_over_topics_and_difficulties() -> None:
    bank = load_bank()
    for role in Role:
        for seniority in Seniority:
            questions = bank.questions(role, seniority)
            assert len(bank.topics(role, seniority)) >= 6
            difficulties = Counter(q.difficulty for q in questions)
            assert all(difficulties[d] >= 3 for d in (1, 2, 3)), (role, seniority, difficulties)


def test_ids_and_texts_are_unique_across_the_bank() -> None:
    questions = list(load_bank())
    assert len({q.id for q in questions}) == len(questions)
    assert len({q.text for q in questions}) == len(questions)


def test_every_talking_point_is_covered_by_its_own_model_answer() -> None:
    # The example answer shown to users must itself cover what it is scored on.
    for question in load_bank():
        answer = stems(question.model_answer)
        for point in question.talking_points:
            assert any(_contains(answer, stems(p)) for p in point.phrasings), (
                question.id,
                point.id,
            )


def test_no_talking_point_is_covered_by_echoing_the_question() -> None:
    for question in load_bank():
        text = stems(question.text)
        echoed = [
            point.id
            for point in question.talking_points
            if any(_contains(text, stems(p)) for p in point.phrasings)
        ]
        assert len(echoed) <= 1, (question.id, echoed)


def test_every_follow_up_probes_one_of_its_questions_points() -> None:
    for question in load_bank():
        ids = {p.id for p in question.talking_points}
        assert {f.talking_point for f in question.follow_ups} <= ids
        for follow_up in question.follow_ups:
            assert ScoringTarget.of_follow_up(question, follow_up).talking_points


def parse_cell(text: str, source: str) -> tuple[BankQuestion, ...]:
    """A bank file's text read and validated, as the compiler and the package do it."""
    return validate_cell(read_cell(text, source), source)


def test_a_valid_file_parses() -> None:
    (question,) = parse_cell(VALID_QUESTION, "sample.toml")
    assert question.id == "backend-junior-sample-question"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('phrasings = ["retry"]', 'phrasings = ["Retry"]'), "lowercase"),
        (('talking_point = "retries"', 'talking_point = "nope"'), "unknown talking point"),
        (("difficulty = 1", "difficulty = 4"), "difficulty"),
        (('id = "methods"', 'id = "retries"'), "talking point ids repeat"),
        (("[[questions.follow_ups]]", "[[questions.follow_upz]]"), "follow_upz"),
    ],
)
def test_a_broken_file_names_the_file_and_the_problem(
    change: tuple[str, str], message: str
) -> None:
    with pytest.raises(BankError, match=message) as raised:
        parse_cell(VALID_QUESTION.replace(*change), "backend/junior.toml")
    assert "backend/junior.toml" in str(raised.value)


def test_invalid_toml_is_reported_with_the_file() -> None:
    with pytest.raises(BankError, match=r"broken\.toml: not valid TOML"):
        parse_cell("[[questions]\n", "broken.toml")


def test_a_question_filed_in_the_wrong_cell_is_refused() -> None:
    (question,) = parse_cell(VALID_QUESTION, "sample.toml")
    with pytest.raises(BankError, match="filed under"):
        QuestionBank({(Role.DEVOPS, Seniority.JUNIOR): (question,)})


def test_a_duplicate_id_is_refused() -> None:
    (question,) = parse_cell(VALID_QUESTION, "sample.toml")
    with pytest.raises(BankError, match="appears twice"):
        QuestionBank({(Role.BACKEND, Seniority.JUNIOR): (question, question)})


def test_every_question_names_two_to_four_misconceptions_none_of_which_it_teaches() -> None:
    # Given every bank question
    for question in load_bank():
        # Then it lists 2-4 red flags, each with a correction, and no red flag's phrasing is
        # said by the question's own model answer (the example would state the misconception)
        assert 2 <= len(question.red_flags) <= 4, question.id
        model_answer = stems(question.model_answer)
        for flag in question.red_flags:
            assert flag.correction, (question.id, flag.id)
            for phrasing in flag.phrasings:
                assert not _contains(model_answer, stems(phrasing)), (question.id, phrasing)


def test_a_question_without_red_flags_is_refused() -> None:
    text = VALID_QUESTION.split("[[questions.red_flags]]", 1)[0]
    with pytest.raises(BankError, match="red_flags"):
        parse_cell(text, "sample.toml")
