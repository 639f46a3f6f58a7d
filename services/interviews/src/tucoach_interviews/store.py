"""What the logic needs from storage. `tucoach_repository.InterviewRepository` provides it on
DynamoDB; the logic never sees boto3."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from tucoach_models import (
    DailyQuota,
    FeedbackRating,
    IdempotencyRecord,
    Interview,
    InterviewSummary,
    MadeRequest,
    Page,
)


class InterviewStore(Protocol):
    def create(self, interview: Interview) -> None: ...

    def append_version(
        self,
        previous: Interview,
        new: Interview,
        idempotency: IdempotencyRecord | None = None,
    ) -> None: ...

    def get_latest(self, user_id: str, interview_id: str) -> Interview: ...

    def get_latest_and_request(
        self, user_id: str, interview_id: str, key: str
    ) -> tuple[Interview, MadeRequest | None]:
        """The latest version, and the request made with Idempotency-Key `key` on the
        interview with the version it produced, if one was (one read)."""
        ...

    def get_kept(self, user_id: str, interview_id: str, key: str | None) -> Interview | None:
        """The version of the interview this process last read or wrote, without a request;
        None when it keeps none, or when Idempotency-Key `key` made one of its versions (a
        replay, which a read answers). Another process may have appended since: `append_version`
        on it is then a VersionConflict, as on any version read before a race."""
        ...

    def check_exists(self, user_id: str, interview_id: str) -> None:
        """Raises InterviewNotFound unless the user has this interview."""
        ...

    def list_versions(
        self, user_id: str, interview_id: str, limit: int, next_token: str | None
    ) -> Page[InterviewSummary]: ...

    def list_interviews(
        self, user_id: str, limit: int, next_token: str | None
    ) -> Page[InterviewSummary]: ...

    def delete(self, user_id: str, interview_id: str) -> int: ...

    def put_rating(self, rating: FeedbackRating) -> None: ...

    def get_rating(self, user_id: str, interview_id: str) -> FeedbackRating | None: ...


class QuotaStore(Protocol):
    """Per-user daily counters. `tucoach_repository.DailyQuotas` provides it on DynamoDB."""

    def consume(self, user_id: str, quota: DailyQuota, limit: int, now: datetime) -> None:
        """Takes one unit of today's `quota`; raises a QuotaExceededError when none is left."""
