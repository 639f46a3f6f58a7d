"""An interview at one version: its questions, the answers given, their feedback and the report."""

from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from tucoach_models.base import DomainModel
from tucoach_models.enums import InterviewStatus, QuestionKind, Role, Seniority
from tucoach_models.feedback import Feedback, Text
from tucoach_models.identifiers import InterviewId, QuestionId, UserId
from tucoach_models.report import EndedEarly, Report
from tucoach_models.timestamps import UtcDatetime

MIN_QUESTIONS = 3
MAX_QUESTIONS = 10
DEFAULT_QUESTIONS = 5
MAX_ANSWER_LENGTH = 5_000
MAX_FOCUS_TOPICS = 5

Topic = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class AskedQuestion(DomainModel):
    """A question as it was put to the candidate (copied, so later bank edits change nothing)."""

    question_id: QuestionId
    kind: QuestionKind = QuestionKind.MAIN
    follow_up_of: QuestionId | None = None
    topic: str = Field(min_length=1, max_length=64)
    difficulty: int = Field(ge=1, le=3)
    text: Text = Field(min_length=1)
    asked_at: UtcDatetime
    retry: bool = Field(
        default=False,
        description="The question before, asked again: its answer was not scored because the "
        "coach does not read its language. Answer it again (in English), or skip it.",
    )

    @property
    def counts_as_main(self) -> bool:
        """A main question asked for the first time: one of the interview's question_count."""
        return self.kind is QuestionKind.MAIN and not self.retry

    @model_validator(mode="after")
    def _follow_ups_name_their_question(self) -> Self:
        if (self.kind is QuestionKind.FOLLOW_UP) != (self.follow_up_of is not None):
            raise ValueError("follow_up_of is set for follow-up questions, and only for them")
        return self


class Answer(DomainModel):
    question_id: QuestionId
    text: str = Field(max_length=MAX_ANSWER_LENGTH)
    answered_at: UtcDatetime
    feedback: Feedback


class Interview(DomainModel):
    """One version of an interview. Every change makes a new version; none is edited in place."""

    user_id: UserId
    interview_id: InterviewId
    role: Role
    seniority: Seniority
    status: InterviewStatus = InterviewStatus.IN_PROGRESS
    version: int = Field(ge=1, description="1 for a new interview, +1 for every change.")
    question_count: int = Field(
        default=DEFAULT_QUESTIONS,
        ge=MIN_QUESTIONS,
        le=MAX_QUESTIONS,
        description="How many main questions the interview asks (follow-ups come on top).",
    )
    created_at: UtcDatetime
    updated_at: UtcDatetime
    avoided_question_ids: tuple[QuestionId, ...] = Field(
        default=(),
        max_length=200,
        description="Questions from the user's recent interviews, avoided while others remain.",
    )
    focus_topics: tuple[Topic, ...] = Field(
        default=(),
        max_length=MAX_FOCUS_TOPICS,
        description="Topics the coach asks first (a practice plan's), while their questions last.",
    )
    questions: tuple[AskedQuestion, ...] = ()
    answers: tuple[Answer, ...] = ()
    report: Report | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.updated_at < self.created_at:
            raise ValueError("updated_at is earlier than created_at")
        main_questions = sum(q.counts_as_main for q in self.questions)
        if main_questions > self.question_count:
            raise ValueError(
                f"{main_questions} main questions asked, more than question_count "
                f"{self.question_count}"
            )
        if len(self.answers) not in (len(self.questions), len(self.questions) - 1):
            raise ValueError(
                "answers must follow questions one for one, with at most the last question open"
            )
        for position, (question, answer) in enumerate(
            zip(self.questions, self.answers, strict=False), start=1
        ):
            if question.question_id != answer.question_id:
                raise ValueError(
                    f"answer {position} is to {answer.question_id!r}, but question {position} "
                    f"is {question.question_id!r}"
                )
        for before, question in zip(self.questions, self.questions[1:], strict=False):
            if question.retry and question.question_id != before.question_id:
                raise ValueError(
                    f"retry {question.question_id!r} does not repeat the question before"
                )
        if (self.status is InterviewStatus.COMPLETED) != (self.report is not None):
            raise ValueError("a completed interview has a report, and only a completed one")
        return self

    def revised(self, **changes: Any) -> Self:
        """A copy with `changes`, validated: the fields changed and the invariants above are
        checked, while the questions, answers and report it holds as models are kept as they
        are, not dumped and validated again (they were validated when they were made), so a
        new version costs what changed in it. `model_copy(update=...)` would check nothing."""
        return self.model_validate({**dict(self), **changes})

    @property
    def current_question(self) -> AskedQuestion | None:
        """The question waiting for an answer, if any."""
        if self.status is InterviewStatus.COMPLETED or len(self.answers) == len(self.questions):
            return None
        return self.questions[-1]

    @property
    def main_questions_answered(self) -> int:
        """How many main questions have their answer (follow-ups do not count)."""
        answered = {a.question_id for a in self.answers}
        return sum(q.counts_as_main and q.question_id in answered for q in self.questions)

    def ended_early(self) -> EndedEarly | None:
        """What finishing now leaves out; None when every main question has been answered."""
        answered_ids = {a.question_id for a in self.answers}
        main = [q for q in self.questions if q.counts_as_main]
        answered = sum(q.question_id in answered_ids for q in main)
        if answered in (self.question_count, 0):
            return None
        return EndedEarly(
            answered=answered,
            planned=self.question_count,
            unanswered=tuple(q.text for q in main if q.question_id not in answered_ids),
            not_asked=self.question_count - len(main),
        )
