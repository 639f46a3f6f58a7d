"""The API's request and response bodies: the contract documented in docs/api/openapi.json.

Requests refuse unknown fields. Responses are views of the domain models that leave out what
the client has no use for (the owner's id, the questions the coach avoids).
"""

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
)

from tucoach_models import (
    DEFAULT_QUESTIONS,
    MAX_ANSWER_LENGTH,
    MAX_COMMENT_LENGTH,
    MAX_FOCUS_TOPICS,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    Answer,
    AskedQuestion,
    Feedback,
    FeedbackRating,
    Interview,
    InterviewStatus,
    InterviewSummary,
    Page,
    QuestionKind,
    Report,
    Role,
    Seniority,
    Topic,
    UtcDatetime,
)

# What shows nothing: whitespace, control characters (Cc) and the zero-width, soft-hyphen and
# direction marks (Cf) that a paste can carry. An answer made only of these is empty. The same
# pattern is in the OpenAPI document, so clients and fuzzers know the rule.
_INVISIBLE = r"\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff"
VISIBLE_CHARACTER = rf"[^{_INVISIBLE}]"


def _has_visible_character(text: str) -> str:
    if re.search(VISIBLE_CHARACTER, text) is None:
        raise ValueError("the answer is empty: write at least a few words")
    return text


def _integral_number(value: object) -> object:
    """5.0 as 5: JSON has one number type, and the OpenAPI's JSON Schema (2020-12) calls any
    number without a fraction an integer. Anything else goes to the strict check unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# After an integer's type and bounds (so they stay in the OpenAPI): an integer as JSON Schema
# means it, 5 and 5.0, never "5", 5.5 or true.
WHOLE_NUMBER = BeforeValidator(_integral_number)
Version = Annotated[StrictInt, Field(ge=1), WHOLE_NUMBER]


class Request(BaseModel):
    """A request body: unknown fields are refused, and numbers, booleans and strings must be
    sent as such (no "5" for 5, no 0 for false): what the OpenAPI says is what is accepted."""

    # Each model's validator is built when it is first used, not as the function loads: a
    # container serves a few of the routes before it is recycled (see "Cold start", README).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class View(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class CreateInterviewRequest(Request):
    role: Role
    seniority: Seniority
    question_count: Annotated[
        StrictInt, Field(ge=MIN_QUESTIONS, le=MAX_QUESTIONS), WHOLE_NUMBER
    ] = Field(
        default=DEFAULT_QUESTIONS,
        description="How many main questions to ask; follow-ups come on top.",
    )
    focus_topics: tuple[Topic, ...] = Field(
        default=(),
        max_length=MAX_FOCUS_TOPICS,
        description="Topics to ask first, e.g. a practice plan's; topics the role and seniority "
        "have no question on are ignored.",
    )


class AnswerRequest(Request):
    question_id: Annotated[StrictStr, StringConstraints(min_length=1, max_length=200)]
    answer: Annotated[
        StrictStr,
        Field(
            max_length=MAX_ANSWER_LENGTH,
            description="Plain text, 5,000 characters at most, at least one of them visible.",
            json_schema_extra={"pattern": VISIBLE_CHARACTER},
        ),
        AfterValidator(_has_visible_character),
    ]
    expected_version: Version | None = Field(
        default=None,
        description="The interview version the answer was written against; a newer one gives 409.",
    )


class SkipRequest(Request):
    question_id: Annotated[StrictStr, StringConstraints(min_length=1, max_length=200)] = Field(
        description="The follow-up, or question asked again (retry), being skipped; it must "
        "be the one waiting."
    )
    expected_version: Version | None = Field(
        default=None,
        description="The interview version the skip was decided on; a newer one gives 409.",
    )


class RatingRequest(Request):
    helpful: StrictBool
    comment: StrictStr | None = Field(default=None, max_length=MAX_COMMENT_LENGTH)


class QuestionView(View):
    question_id: str
    kind: QuestionKind
    follow_up_of: str | None
    number: int = Field(
        description="Which main question this is (a follow-up or a retry shares its number)."
    )
    topic: str
    difficulty: int
    text: str
    asked_at: UtcDatetime
    retry: bool = Field(
        description="The question before, asked again because its answer was in a language the "
        "coach does not score: answer it in English, or skip it (POST .../skip)."
    )


class AnswerView(View):
    question_id: str
    answer: str
    answered_at: UtcDatetime
    feedback: Feedback


class Progress(View):
    question_number: int = Field(description="The main question being asked now, or last asked.")
    question_count: int
    answered: int = Field(description="Main questions answered; follow-ups do not count.")


class InterviewState(View):
    """An interview without its questions, answers and report: where it stands, of the same
    size at every step. A step's response carries it; `GET /interviews/{id}` has the whole."""

    interview_id: str
    role: Role
    seniority: Seniority
    status: InterviewStatus
    version: int
    created_at: UtcDatetime
    updated_at: UtcDatetime
    progress: Progress
    current_question: QuestionView | None

    @classmethod
    def of(cls, interview: Interview) -> "InterviewState":
        number = _question_number(interview.questions)
        current = interview.current_question
        return cls(
            **_state_fields(interview, number),
            current_question=_question_view(current, number) if current else None,
        )


class InterviewView(InterviewState):
    """An interview, whole: its state, every question asked, every answer with its feedback,
    and its report once finished."""

    questions: tuple[QuestionView, ...]
    answers: tuple[AnswerView, ...]
    report: Report | None

    @classmethod
    def of(cls, interview: Interview) -> "InterviewView":
        views = _question_views(interview.questions)
        current = interview.current_question
        return cls(
            **_state_fields(interview, views[-1].number if views else 0),
            current_question=views[-1] if current is not None else None,
            questions=views,
            answers=tuple(_answer_view(a) for a in interview.answers),
            report=interview.report,
        )


class AnswerResponse(View):
    """The answer just recorded with its feedback, and what comes next. Its size does not grow
    with the interview: the whole interview is `GET /interviews/{id}`."""

    question: QuestionView = Field(description="The question answered (or skipped).")
    answer: str = Field(
        description="The answer as stored, which the feedback's highlights point into; empty "
        "for a skip."
    )
    feedback: Feedback
    next_question: QuestionView | None = Field(
        description="A follow-up or the next question; null when the interview can be finished."
    )
    interview: InterviewState

    @classmethod
    def of(cls, interview: Interview) -> "AnswerResponse":
        """The response to the step that made `interview`: its last answer. Answers follow
        questions one for one, so the answer's question is at the same place."""
        answer = interview.answers[-1]
        answered = len(interview.answers)
        state = InterviewState.of(interview)
        return cls(
            question=_question_view(
                interview.questions[answered - 1],
                _question_number(interview.questions[:answered]),
            ),
            answer=answer.text,
            feedback=answer.feedback,
            next_question=state.current_question,
            interview=state,
        )


class InterviewSummaryView(View):
    """One interview in a list: enough for a history page, without the answers."""

    interview_id: str
    role: Role
    seniority: Seniority
    status: InterviewStatus
    version: int
    question_count: int
    answered_count: int = Field(description="Main questions answered; follow-ups do not count.")
    overall_score: int | None = Field(description="0-100, once the interview has its report.")
    created_at: UtcDatetime
    updated_at: UtcDatetime

    @classmethod
    def of(cls, summary: InterviewSummary) -> "InterviewSummaryView":
        # By attribute name: what the view does not declare (the owner, the avoided question
        # ids) is left behind.
        return cls.model_validate(summary, from_attributes=True)


class InterviewList(View):
    """A page of interviews, or of one interview's versions."""

    items: tuple[InterviewSummaryView, ...]
    next_token: str | None = Field(description="Pass it back as next_token for the next page.")

    # Quoted: evaluated, the annotation would build the parametrised Page model at import.
    @classmethod
    def of(cls, page: "Page[InterviewSummary]") -> "InterviewList":
        return cls(
            items=tuple(InterviewSummaryView.of(s) for s in page.items),
            next_token=page.next_token,
        )


class RatingView(View):
    interview_id: str
    helpful: bool
    comment: str | None
    rated_at: UtcDatetime

    @classmethod
    def of(cls, rating: FeedbackRating) -> "RatingView":
        return cls(
            interview_id=rating.interview_id,
            helpful=rating.helpful,
            comment=rating.comment,
            rated_at=rating.rated_at,
        )


class RatingState(View):
    """The rating given to an interview's feedback, if any (the latest one counts)."""

    rating: RatingView | None


class MissedItem(View):
    text: str
    count: int = Field(description="In how many answers it was missed (or said).")


class TopicPlan(View):
    topic: str
    answers: int = Field(description="Scored answers on the topic in the interviews read.")
    average_score: float = Field(description="Their mean score, 0-10.")
    missed_points: tuple[MissedItem, ...] = Field(
        description="Talking points missed, most often first (covered elsewhere in the same "
        "interview does not count)."
    )
    red_flags: tuple[MissedItem, ...] = Field(
        description="Wrong claims the coach corrected, most often first."
    )


class RolePlan(View):
    role: Role
    seniority: Seniority = Field(description="The seniority of the latest interview read.")
    topics: tuple[TopicPlan, ...] = Field(
        description="Weakest first; pass their ids as focus_topics to practise them."
    )


class PracticePlan(View):
    """What I miss most, per role and topic, over my latest finished interviews."""

    interviews_read: int = Field(description="Finished interviews the plan is made of.")
    roles: tuple[RolePlan, ...]


class CatalogCell(View):
    role: Role
    seniority: Seniority
    question_count: int
    topics: tuple[str, ...]


class Catalog(View):
    roles: tuple[Role, ...]
    seniorities: tuple[Seniority, ...]
    min_questions: int = MIN_QUESTIONS
    max_questions: int = MAX_QUESTIONS
    default_questions: int = DEFAULT_QUESTIONS
    cells: tuple[CatalogCell, ...]


class ErrorDetail(View):
    code: str = Field(description="Stable, machine-readable: e.g. not_found, version_conflict.")
    message: str = Field(description="What happened and what to do, for a person.")
    details: dict[str, object] | None = None
    request_id: str = Field(description="Quote it when asking for help; it finds the logs.")


class ErrorBody(View):
    error: ErrorDetail


class Deleted(View):
    interview_id: str
    deleted: Literal[True] = True


def _state_fields(interview: Interview, question_number: int) -> dict[str, Any]:
    return {
        "interview_id": interview.interview_id,
        "role": interview.role,
        "seniority": interview.seniority,
        "status": interview.status,
        "version": interview.version,
        "created_at": interview.created_at,
        "updated_at": interview.updated_at,
        "progress": Progress(
            question_number=question_number,
            question_count=interview.question_count,
            answered=interview.main_questions_answered,
        ),
    }


def _question_number(questions: tuple[AskedQuestion, ...]) -> int:
    """The number of the last of `questions`: a follow-up or a retry shares its main's."""
    return sum(q.counts_as_main for q in questions)


def _question_view(question: AskedQuestion, number: int) -> QuestionView:
    return QuestionView(
        question_id=question.question_id,
        kind=question.kind,
        follow_up_of=question.follow_up_of,
        number=number,
        topic=question.topic,
        difficulty=question.difficulty,
        text=question.text,
        asked_at=question.asked_at,
        retry=question.retry,
    )


def _question_views(questions: tuple[AskedQuestion, ...]) -> tuple[QuestionView, ...]:
    views = []
    number = 0
    for question in questions:
        if question.counts_as_main:
            number += 1
        views.append(_question_view(question, number))
    return tuple(views)


def _answer_view(answer: Answer) -> AnswerView:
    return AnswerView(
        question_id=answer.question_id,
        answer=answer.text,
        answered_at=answer.answered_at,
        feedback=answer.feedback,
    )
