"""What a list of interviews shows of each: enough for a history page, without the answers."""

from pydantic import ConfigDict, Field

from tucoach_models.base import DomainModel
from tucoach_models.enums import InterviewStatus, Role, Seniority
from tucoach_models.identifiers import InterviewId, UserId
from tucoach_models.interview import Interview
from tucoach_models.timestamps import UtcDatetime


class InterviewSummary(DomainModel):
    # Read from index projections, which may carry more attributes than these.
    model_config = ConfigDict(frozen=True, extra="ignore")

    user_id: UserId
    interview_id: InterviewId
    role: Role
    seniority: Seniority
    status: InterviewStatus
    version: int = Field(ge=1)
    question_count: int
    answered_count: int = Field(ge=0, description="Main questions answered (not follow-ups).")
    overall_score: int | None = Field(default=None, ge=0, le=100)
    question_ids: tuple[str, ...] = Field(
        default=(), description="The main questions asked, so new interviews can avoid them."
    )
    created_at: UtcDatetime
    updated_at: UtcDatetime

    @classmethod
    def of(cls, interview: Interview) -> "InterviewSummary":
        return cls(
            user_id=interview.user_id,
            interview_id=interview.interview_id,
            role=interview.role,
            seniority=interview.seniority,
            status=interview.status,
            version=interview.version,
            question_count=interview.question_count,
            answered_count=interview.main_questions_answered,
            overall_score=interview.report.overall_score if interview.report else None,
            question_ids=main_question_ids(interview),
            created_at=interview.created_at,
            updated_at=interview.updated_at,
        )


def main_question_ids(interview: Interview) -> tuple[str, ...]:
    return tuple(q.question_id for q in interview.questions if q.counts_as_main)
