"""TuCoach AI's domain: interviews, their questions, answers, feedback and reports. It knows
nothing of how they are stored (tucoach-repository does)."""

from tucoach_models.base import DomainModel
from tucoach_models.enums import (
    CoachEngine,
    DailyQuota,
    HighlightKind,
    InterviewStatus,
    QuestionKind,
    Role,
    Seniority,
    Unscored,
)
from tucoach_models.errors import (
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    QuotaExceededError,
    TooLargeError,
    TuCoachError,
    UnavailableError,
    UnprocessableError,
)
from tucoach_models.feedback import (
    Correction,
    CriterionScore,
    Feedback,
    Highlight,
    Provenance,
)
from tucoach_models.idempotency import (
    IDEMPOTENCY_TTL,
    IdempotencyKey,
    IdempotencyRecord,
    MadeRequest,
)
from tucoach_models.identifiers import InterviewId, QuestionId, UserId
from tucoach_models.interview import (
    DEFAULT_QUESTIONS,
    MAX_ANSWER_LENGTH,
    MAX_FOCUS_TOPICS,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    Answer,
    AskedQuestion,
    Interview,
    Topic,
)
from tucoach_models.page import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from tucoach_models.rating import MAX_COMMENT_LENGTH, FeedbackRating
from tucoach_models.report import (
    CategoryScore,
    EndedEarly,
    Insights,
    QuestionReview,
    Report,
    WordCount,
)
from tucoach_models.summary import InterviewSummary
from tucoach_models.timestamps import UtcDatetime, format_timestamp, parse_timestamp

__all__ = [
    "DEFAULT_PAGE_LIMIT",
    "DEFAULT_QUESTIONS",
    "IDEMPOTENCY_TTL",
    "MAX_ANSWER_LENGTH",
    "MAX_COMMENT_LENGTH",
    "MAX_FOCUS_TOPICS",
    "MAX_PAGE_LIMIT",
    "MAX_QUESTIONS",
    "MIN_QUESTIONS",
    "Answer",
    "AskedQuestion",
    "CategoryScore",
    "CoachEngine",
    "ConflictError",
    "Correction",
    "CriterionScore",
    "DailyQuota",
    "DomainModel",
    "EndedEarly",
    "Feedback",
    "FeedbackRating",
    "Highlight",
    "HighlightKind",
    "IdempotencyKey",
    "IdempotencyRecord",
    "Insights",
    "Interview",
    "InterviewId",
    "InterviewStatus",
    "InterviewSummary",
    "InvalidRequestError",
    "MadeRequest",
    "NotFoundError",
    "Page",
    "Provenance",
    "QuestionId",
    "QuestionKind",
    "QuestionReview",
    "QuotaExceededError",
    "Report",
    "Role",
    "Seniority",
    "TooLargeError",
    "Topic",
    "TuCoachError",
    "UnavailableError",
    "UnprocessableError",
    "Unscored",
    "UserId",
    "UtcDatetime",
    "WordCount",
    "format_timestamp",
    "parse_timestamp",
]
