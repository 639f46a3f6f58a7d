"""The checks and bounds every LLM engine's verdict goes through, whatever the transport."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from tucoach_coach.rubric import Cap, assess
from tucoach_coach.verdict import (
    InvalidVerdict,
    Verdict,
    feedback_from_verdict,
    parse_verdict,
    verdict_json_schema,
)
from tucoach_coach_testing.llm_test_data import (
    ANSWER,
    QUESTION,
    RED_FLAG,
    TARGET,
    VALID_VERDICT,
    WRONG_CLAIM,
)
from tucoach_models import CoachEngine, HighlightKind, Provenance

PROVENANCE = Provenance(engine=CoachEngine.OPENAI, model="test", prompt_version="test")

SPANISH_ANSWER = (
    "El estándar SQL define cuatro niveles de aislamiento: lectura no confirmada, lectura "
    "confirmada, lectura repetible y serializable. Cada uno evita más anomalías: lecturas "
    "sucias, lecturas no repetibles, fantasmas y sesgo de escritura. PostgreSQL usa por defecto "
    "lectura confirmada, así que cada sentencia ve una instantánea nueva de los datos. Su nivel "
    "serializable detecta conflictos y aborta una de las transacciones, que la aplicación debe "
    "reintentar."
)


def _verdict(**changes: Any) -> Verdict:
    return parse_verdict(VALID_VERDICT | changes, TARGET, ANSWER)


def test_a_valid_verdict_becomes_feedback_with_the_corrections_in_the_banks_words() -> None:
    feedback = feedback_from_verdict(TARGET, ANSWER, _verdict(), PROVENANCE)
    assert feedback.score == 6.5
    assert [c.criterion for c in feedback.rubric] == ["coverage", "depth", "clarity"]
    (correction,) = feedback.corrections
    assert correction.said == VALID_VERDICT["corrections"][0]["said"]
    assert (correction.claim, correction.correction) == (RED_FLAG.claim, RED_FLAG.correction)
    assert feedback.provenance == PROVENANCE


def test_the_feedback_marks_the_quote_and_the_points_the_rubric_finds_in_the_answer() -> None:
    # When a valid verdict becomes feedback
    feedback = feedback_from_verdict(TARGET, ANSWER, _verdict(), PROVENANCE)
    # Then the wrong claim is marked where the answer makes it, and covered points where the
    # rubric's phrasings find them
    marked = {(h.kind, ANSWER[h.start : h.end]) for h in feedback.highlights}
    assert (HighlightKind.CORRECTION, f"{WRONG_CLAIM} a transaction") in marked
    assert (HighlightKind.COVERED, "defaults to Read Committed") in marked


def test_a_correction_without_a_red_flag_keeps_the_models_words() -> None:
    correction = VALID_VERDICT["corrections"][0] | {"red_flag_id": None}
    feedback = feedback_from_verdict(TARGET, ANSWER, _verdict(corrections=[correction]), PROVENANCE)
    assert feedback.corrections[0].claim == "Serializable does not lock tables."


def test_a_point_the_answer_gets_wrong_is_never_covered() -> None:
    # Given a model that lists mvcc-ssi as covered and also corrects the claim about it
    verdict = _verdict(
        covered_point_ids=["four-levels", "anomalies", "postgres-default", "mvcc-ssi"],
        coverage=4.0,
    )
    # When the verdict becomes feedback
    feedback = feedback_from_verdict(TARGET, ANSWER, verdict, PROVENANCE)
    # Then the point is missed, and coverage is held to the share of points really covered
    mvcc = QUESTION.talking_point("mvcc-ssi").point
    assert mvcc in feedback.missed_points
    assert mvcc not in feedback.covered_points
    assert feedback.rubric[0].score == 3.0
    assert feedback.follow_up == QUESTION.follow_ups[0].text  # it probes the point got wrong


@pytest.mark.parametrize(
    ("answer", "language", "ceiling"),
    [
        ("", "en", 0.0),
        ("   ", "es", 0.0),
        ("I don't know, pass.", "en", 0.5),
        ("No lo sé.", "es", 0.5),
        ("わかりません", "ja", 0.5),
        ("Read committed is the default one.", "en", 2.0),
        ("Por defecto PostgreSQL usa lectura confirmada, creo.", "es", 2.0),
        (" ".join(["PostgreSQL uses read committed by default."] * 12), "en", 2.0),
        (" ".join(["PostgreSQL usa lectura confirmada por defecto."] * 12), "es", 2.0),
    ],
    ids=[
        "empty",
        "blank",
        "evasive",
        "evasive-spanish",
        "evasive-japanese",
        "too-short",
        "too-short-spanish",
        "repeated",
        "repeated-spanish",
    ],
)
def test_the_bounds_on_how_much_was_said_hold_in_any_language_when_the_model_is_fooled(
    answer: str, language: str, ceiling: float
) -> None:
    # Given a model that gives full marks to an answer that says next to nothing
    fooled = parse_verdict(
        VALID_VERDICT
        | {
            "language": language,
            "corrections": [],
            "coverage": 6.0,
            "depth": 2.0,
            "clarity": 2.0,
        },
        TARGET,
        answer,
    )
    feedback = feedback_from_verdict(TARGET, answer, fooled, PROVENANCE)
    # Then the bound caps the score, says why, and praises nothing
    assert feedback.score <= ceiling
    assert feedback.improvements[0] != VALID_VERDICT["improvements"][0]
    assert feedback.strengths == ()
    if ceiling <= 0.5:
        assert feedback.follow_up is None


def test_a_keyword_salad_read_as_english_stays_under_the_salad_bound() -> None:
    # Given a model fooled into full marks by the key points' phrasings strung together
    salad = " ".join(p for point in QUESTION.talking_points for p in point.phrasings)
    fooled = parse_verdict(
        VALID_VERDICT
        | {
            "corrections": [],
            "covered_point_ids": [p.id for p in QUESTION.talking_points],
            "coverage": 6.0,
            "depth": 2.0,
            "clarity": 2.0,
        },
        TARGET,
        salad,
    )
    # Then the rubric's salad bound holds, and says why
    feedback = feedback_from_verdict(TARGET, salad, fooled, PROVENANCE)
    assert feedback.score <= Cap.KEYWORD_SALAD.ceiling
    assert feedback.improvements[0].startswith("Answer in full sentences")


def test_a_strong_answer_in_another_language_keeps_the_models_score() -> None:
    # Given a strong Spanish answer, which the offline rubric does not score (English only)
    offline = assess(TARGET, SPANISH_ANSWER)
    assert not offline.scored
    verdict = parse_verdict(
        VALID_VERDICT
        | {
            "language": "es",
            "corrections": [],
            "covered_point_ids": ["four-levels", "anomalies", "postgres-default", "mvcc-ssi"],
            "coverage": 4.0,
            "depth": 1.5,
            "clarity": 2.0,
        },
        TARGET,
        SPANISH_ANSWER,
    )
    # When the model's verdict becomes feedback
    feedback = feedback_from_verdict(TARGET, SPANISH_ANSWER, verdict, PROVENANCE)
    # Then the model's score stands, and the feedback says which language was read
    assert feedback.score == 7.5
    assert feedback.language == "es"
    assert "Read and scored in Spanish." in feedback.rubric[0].comment


@pytest.mark.parametrize(
    "changes",
    [
        {"covered_point_ids": ["made-up-point"]},
        {"covered_point_ids": ["anomalies", "anomalies"]},
        {"corrections": [VALID_VERDICT["corrections"][0] | {"point_id": "made-up-point"}]},
        {"corrections": [VALID_VERDICT["corrections"][0] | {"red_flag_id": "made-up-flag"}]},
        {"corrections": [VALID_VERDICT["corrections"][0] | {"said": "tables are locked"}]},
        {"corrections": [VALID_VERDICT["corrections"][0] | {"said": "..."}]},
    ],
    ids=[
        "unknown-point",
        "repeated-point",
        "correction-of-unknown-point",
        "unknown-red-flag",
        "misquoted",
        "empty-quote",
    ],
)
def test_a_verdict_that_does_not_fit_the_question_or_the_answer_is_refused(
    changes: dict[str, Any],
) -> None:
    with pytest.raises(InvalidVerdict):
        _verdict(**changes)


@pytest.mark.parametrize(
    "changes",
    [
        {"coverage": 6.5},
        {"language": "Spanish"},
        {"extra": "field"},
        {"corrections": [{"said": "x"}]},
        {"corrections": "none"},
        {"strengths": ["x" * 401]},
    ],
    ids=[
        "out-of-range",
        "language-not-a-code",
        "unknown-field",
        "partial-correction",
        "wrong-type",
        "long-remark",
    ],
)
def test_a_verdict_outside_the_schema_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        _verdict(**changes)


def test_a_verdict_of_the_first_prompt_version_is_refused() -> None:
    v1 = {k: v for k, v in VALID_VERDICT.items() if k not in ("language", "corrections")}
    with pytest.raises(ValidationError):
        parse_verdict(v1, TARGET, ANSWER)


def test_the_schema_the_model_sees_is_self_contained() -> None:
    schema = json.dumps(verdict_json_schema())
    assert "$ref" not in schema
    assert "$defs" not in schema
    assert '"said"' in schema
