"""The offline engine tells the candidate what the rubric found, in plain words."""

from __future__ import annotations

from tucoach_coach.bank import load_bank
from tucoach_coach.offline import RETRY_IN_ENGLISH, OfflineEngine
from tucoach_coach.target import ScoringTarget
from tucoach_models import Unscored

BANK = load_bank()
ENGINE = OfflineEngine()


def test_a_stated_misconception_is_listed_as_a_correction() -> None:
    # Given an answer that states one of the question's red flags
    question = next(q for q in BANK if q.red_flags)
    flag = question.red_flags[0]
    said = f"In my experience {flag.phrasings[0]}, so that is what I would do."
    feedback = ENGINE.feedback(ScoringTarget.of_question(question, BANK), said)
    # Then the feedback shows what was said, what is wrong and what is right
    (correction,) = feedback.corrections
    assert correction.said == said
    assert correction.claim == flag.claim
    assert correction.correction == flag.correction
    assert "Clear, well-structured answer." not in feedback.strengths


def test_an_answer_to_another_question_is_capped_and_named() -> None:
    # Given the model answer of another question of the same cell
    question = BANK.get("backend-senior-isolation-levels-anomalies")
    other = BANK.get("backend-senior-write-skew-oncall")
    feedback = ENGINE.feedback(ScoringTarget.of_question(question, BANK), other.model_answer)
    # Then it scores at most 2 and, if it fits the other question clearly better, says which
    assert feedback.score <= 2.0
    assert feedback.follow_up is None
    named = [i for i in feedback.improvements if "seems to answer another question" in i]
    assert not named or other.text in named[0]


def test_an_answer_in_another_language_is_kept_but_not_scored() -> None:
    question = BANK.get("backend-senior-isolation-levels-anomalies")
    spanish = (
        "El estándar define cuatro niveles de aislamiento, y PostgreSQL usa Read Committed "
        "por defecto, donde cada sentencia ve una instantánea nueva de los datos."
    )
    feedback = ENGINE.feedback(ScoringTarget.of_question(question, BANK), spanish)
    assert feedback.unscored is Unscored.LANGUAGE
    assert feedback.language == "es"
    assert feedback.score == 0.0
    assert not feedback.rubric
    assert not feedback.missed_points
    assert feedback.follow_up is None
    # And the feedback says why in plain words, then offers the retry in English first
    why, offer = feedback.improvements
    assert why.startswith("Not scored: this answer reads as Spanish")
    assert "off-topic" not in why
    assert offer.startswith(f"{RETRY_IN_ENGLISH}: answer in English")
    assert "scores Spanish as written" in offer
    assert feedback.example_answer == question.model_answer.strip()


def test_no_follow_up_after_a_salad_of_the_right_words() -> None:
    question = BANK.get("backend-senior-isolation-levels-anomalies")
    salad = " ".join(p for point in question.talking_points for p in point.phrasings)
    feedback = ENGINE.feedback(ScoringTarget.of_question(question, BANK), salad)
    assert feedback.score <= 2.0
    assert feedback.follow_up is None
    assert not feedback.strengths


def test_english_feedback_says_its_language() -> None:
    question = BANK.get("backend-senior-isolation-levels-anomalies")
    feedback = ENGINE.feedback(ScoringTarget.of_question(question, BANK), question.model_answer)
    assert feedback.language == "en"
    assert feedback.unscored is None
