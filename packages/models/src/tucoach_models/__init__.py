"""TuCoach AI's domain: interviews, their questions, answers, feedback and reports, and how an
interview version is stored as a DynamoDB item."""

from tucoach_models.enums import (
    CoachEngine,
    InterviewStatus,
    QuestionKind,
    RecordType,
    Role,
    Seniority,
    Unscored,
)
from tucoach_models.errors import (
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    TooLargeError,
    TuCoachError,
    UnavailableError,
    UnprocessableError,
)
from tucoach_models.feedback import Correction, CriterionScore, Feedback, Provenance
from tucoach_models.idempotency import IDEMPOTENCY_TTL, IdempotencyKey, IdempotencyRecord
from tucoach_models.identifiers import InterviewId, QuestionId, UserId
from tucoach_models.interview import (
    DEFAULT_QUESTIONS,
    MAX_ANSWER_LENGTH,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    Answer,
    AskedQuestion,
    Interview,
)
from tucoach_models.page import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from tucoach_models.rating import MAX_COMMENT_LENGTH, FeedbackRating
from tucoach_models.records import (
    ANSWERED_COUNT,
    INTERVIEW_PARTITION_KEY_FORMAT,
    OVERALL_SCORE,
    PARTITION_KEY,
    QUESTION_IDS,
    RECORD_TYPE,
    SORT_KEY,
    interview_from_item,
    interview_partition_key,
    interview_to_item,
    parse_interview_partition_key,
    summary_from_item,
)
from tucoach_models.report import CategoryScore, Insights, QuestionReview, Report, WordCount
from tucoach_models.summary import InterviewSummary
from tucoach_models.timestamps import UtcDatetime, format_timestamp, parse_timestamp

__all__ = [
    "ANSWERED_COUNT",
    "DEFAULT_PAGE_LIMIT",
    "DEFAULT_QUESTIONS",
    "IDEMPOTENCY_TTL",
    "INTERVIEW_PARTITION_KEY_FORMAT",
    "MAX_ANSWER_LENGTH",
    "MAX_COMMENT_LENGTH",
    "MAX_PAGE_LIMIT",
    "MAX_QUESTIONS",
    "MIN_QUESTIONS",
    "OVERALL_SCORE",
    "PARTITION_KEY",
    "QUESTION_IDS",
    "RECORD_TYPE",
    "SORT_KEY",
    "Answer",
    "AskedQuestion",
    "CategoryScore",
    "CoachEngine",
    "ConflictError",
    "Correction",
    "CriterionScore",
    "Feedback",
    "FeedbackRating",
    "IdempotencyKey",
    "IdempotencyRecord",
    "Insights",
    "Interview",
    "InterviewId",
    "InterviewStatus",
    "InterviewSummary",
    "InvalidRequestError",
    "NotFoundError",
    "Page",
    "Provenance",
    "QuestionId",
    "QuestionKind",
    "QuestionReview",
    "RecordType",
    "Report",
    "Role",
    "Seniority",
    "TooLargeError",
    "TuCoachError",
    "UnavailableError",
    "UnprocessableError",
    "Unscored",
    "UserId",
    "UtcDatetime",
    "WordCount",
    "format_timestamp",
    "interview_from_item",
    "interview_partition_key",
    "interview_to_item",
    "parse_interview_partition_key",
    "parse_timestamp",
    "summary_from_item",
]
