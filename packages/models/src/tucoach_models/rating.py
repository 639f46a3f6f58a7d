"""A user's rating of the coach's feedback on one interview: how we learn where it is wrong."""

from pydantic import Field

from tucoach_models.base import DomainModel
from tucoach_models.identifiers import InterviewId, UserId
from tucoach_models.timestamps import UtcDatetime

MAX_COMMENT_LENGTH = 1_000


class FeedbackRating(DomainModel):
    user_id: UserId
    interview_id: InterviewId
    helpful: bool
    comment: str | None = Field(default=None, max_length=MAX_COMMENT_LENGTH)
    rated_at: UtcDatetime
