"""What the coach says about one answer."""

from typing import Annotated, Self

from pydantic import Field, model_validator

from tucoach_models.base import DomainModel
from tucoach_models.enums import CoachEngine, HighlightKind, Unscored

Text = Annotated[str, Field(max_length=10_000)]


class Provenance(DomainModel):
    """Which engine produced a piece of feedback, so scores can be compared like with like."""

    engine: CoachEngine
    model: str | None = None
    prompt_version: str = Field(min_length=1, max_length=64)
    fallback_reason: str | None = Field(default=None, max_length=1_000)


class CriterionScore(DomainModel):
    """One line of the rubric: how an answer did on one criterion."""

    criterion: str = Field(min_length=1, max_length=64)
    score: float = Field(ge=0)
    max_score: float = Field(gt=0)
    comment: Text = ""

    @model_validator(mode="after")
    def _score_within_maximum(self) -> Self:
        if self.score > self.max_score:
            raise ValueError(
                f"score {self.score} of criterion {self.criterion!r} exceeds its maximum "
                f"{self.max_score}"
            )
        return self


class Correction(DomainModel):
    """A wrong claim the answer made: what was said, what is wrong with it, and what is right."""

    said: Text = Field(min_length=1, description="The candidate's own words that made the claim.")
    claim: Text = Field(min_length=1, description="The misconception, in the coach's words.")
    correction: Text = Field(min_length=1, description="Why it is wrong and what is right.")


class Highlight(DomainModel):
    """A span of the answer as stored (offsets in Unicode code points, end exclusive) to mark."""

    start: int = Field(ge=0)
    end: int = Field(ge=1)
    kind: HighlightKind
    label: Text = Field(
        min_length=1,
        description="The talking point the span states, or the claim a correction corrects.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"a highlight ends ({self.end}) after it starts ({self.start})")
        return self


class Feedback(DomainModel):
    score: float = Field(ge=0, le=10, description="The answer's score on the rubric, 0 to 10.")
    rubric: tuple[CriterionScore, ...] = ()
    covered_points: tuple[Text, ...] = ()
    missed_points: tuple[Text, ...] = ()
    corrections: tuple[Correction, ...] = ()
    strengths: tuple[Text, ...] = ()
    improvements: tuple[Text, ...] = ()
    example_answer: Text = ""
    follow_up: Text | None = None
    job_terms_used: tuple[Text, ...] = ()
    provenance: Provenance
    language: str | None = Field(
        default=None,
        pattern=r"^[a-z]{2}$",
        description="The answer's language (ISO 639-1), where the engine detected it.",
    )
    highlights: tuple[Highlight, ...] = Field(
        default=(),
        description="Spans of the answer to mark, in order and never overlapping: where it "
        "states a covered point, and the claims corrected. Empty for feedback stored before.",
    )
    unscored: Unscored | None = Field(
        default=None,
        description="Set when the answer has no score, and why; its score is then 0 and it "
        "counts in no average.",
    )

    @model_validator(mode="after")
    def _unscored_has_no_score(self) -> Self:
        if self.unscored is not None and self.score != 0:
            raise ValueError(f"an unscored answer ({self.unscored}) has score 0")
        return self
