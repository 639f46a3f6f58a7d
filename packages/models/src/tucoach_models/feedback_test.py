from __future__ import annotations

import pytest
from pydantic import ValidationError

from tucoach_models import (
    CoachEngine,
    Feedback,
    Highlight,
    HighlightKind,
    Provenance,
    Unscored,
)

PROVENANCE = Provenance(engine=CoachEngine.OFFLINE, prompt_version="1")


def test_feedback_stored_before_unscored_answers_existed_reads_as_scored() -> None:
    feedback = Feedback.model_validate({"score": 6.5, "provenance": PROVENANCE.model_dump()})
    assert feedback.unscored is None
    assert feedback.language is None


def test_an_unscored_answer_keeps_why_and_its_language() -> None:
    feedback = Feedback(score=0, unscored=Unscored.LANGUAGE, language="es", provenance=PROVENANCE)
    assert feedback.unscored is Unscored.LANGUAGE
    assert feedback.language == "es"


def test_an_unscored_answer_cannot_carry_a_score() -> None:
    with pytest.raises(ValidationError, match="unscored"):
        Feedback(score=1.0, unscored=Unscored.SKIPPED, provenance=PROVENANCE)


def test_a_language_is_an_iso_639_1_code() -> None:
    with pytest.raises(ValidationError, match="language"):
        Feedback(score=1.0, language="Spanish", provenance=PROVENANCE)


def test_feedback_stored_before_highlights_existed_reads_with_none() -> None:
    # Given feedback stored without highlights
    stored = {"score": 6.5, "provenance": PROVENANCE.model_dump()}
    # When it is read
    feedback = Feedback.model_validate(stored)
    # Then it has no highlights
    assert feedback.highlights == ()


def test_a_highlight_covers_at_least_one_character() -> None:
    with pytest.raises(ValidationError, match="after it starts"):
        Highlight(start=4, end=4, kind=HighlightKind.COVERED, label="a point")
