"""The end-of-interview report."""

from pydantic import Field

from tucoach_models.base import DomainModel
from tucoach_models.feedback import Provenance, Text
from tucoach_models.identifiers import QuestionId
from tucoach_models.timestamps import UtcDatetime


class CategoryScore(DomainModel):
    category: str = Field(min_length=1, max_length=64)
    score: int = Field(ge=0, le=100)
    summary: Text = ""


class QuestionReview(DomainModel):
    question_id: QuestionId
    question_text: Text
    score: float = Field(ge=0, le=10)
    summary: Text = ""
    scored: bool = Field(
        default=True,
        description="False when the main answer has no score (see Feedback.unscored); the "
        "question then counts in no average.",
    )


class WordCount(DomainModel):
    word: str = Field(min_length=1, max_length=64)
    count: int = Field(ge=1)


class Insights(DomainModel):
    """What the candidate said, as Google's Interview Warmup shows it."""

    job_terms_used: tuple[Text, ...] = ()
    most_used_words: tuple[WordCount, ...] = ()
    talking_points_covered: tuple[Text, ...] = ()


class EndedEarly(DomainModel):
    """What an interview finished before its last main question was answered left out."""

    answered: int = Field(ge=1, description="Main questions answered.")
    planned: int = Field(ge=1, description="Main questions the interview was to ask.")
    unanswered: tuple[Text, ...] = Field(
        default=(), description="Main questions asked but not answered (at most the last one)."
    )
    not_asked: int = Field(ge=0, description="Main questions never asked.")


class Report(DomainModel):
    overall_score: int = Field(ge=0, le=100)
    categories: tuple[CategoryScore, ...] = ()
    strengths: tuple[Text, ...] = ()
    to_work_on: tuple[Text, ...] = ()
    questions: tuple[QuestionReview, ...] = ()
    # Constructed, not validated: a validated default would build Insights' validator as the
    # module loads, on every cold start, for the few requests that make a report.
    insights: Insights = Insights.model_construct()
    provenance: Provenance
    generated_at: UtcDatetime
    ended_early: EndedEarly | None = Field(
        default=None, description="Set when the interview was finished before its end."
    )
