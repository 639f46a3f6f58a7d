"""The repository's one entry point: every operation on the table, each done by the part that
holds its job (writes, reads, listing, ratings, deletion). Every read is a Query or
a GetItem on a known key, never a Scan."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tucoach_models import (
    FeedbackRating,
    IdempotencyRecord,
    Interview,
    InterviewSummary,
    MadeRequest,
    Page,
)
from tucoach_repository import deletion, listing, ratings, reads, writes
from tucoach_repository.client import make_client
from tucoach_repository.folded import Folded, FoldedInterviews
from tucoach_repository.schema import interview_partition_key
from tucoach_repository.settings import RepositorySettings
from tucoach_repository.table import Table

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


class InterviewRepository:
    """The only code that talks to DynamoDB. Returns tucoach-models objects and raises the
    errors of `tucoach_repository.errors`, nothing else from botocore."""

    def __init__(
        self, settings: RepositorySettings, *, client: DynamoDBClient | None = None
    ) -> None:
        self._table = Table(client or make_client(settings), settings.table_name)
        self._folded = FoldedInterviews(settings.folded_interviews)

    def create(self, interview: Interview) -> None:
        writes.create(self._table, interview)
        self._folded.put(
            interview_partition_key(interview.user_id, interview.interview_id),
            Folded.written(interview, frozenset()),
        )

    def append_version(
        self,
        previous: Interview,
        new: Interview,
        idempotency: IdempotencyRecord | None = None,
    ) -> None:
        partition_key = interview_partition_key(previous.user_id, previous.interview_id)
        try:
            writes.append_version(self._table, previous, new, idempotency)
        except Exception:
            # Another process's version is the latest (VersionConflict), or whether this one
            # is cannot be known (a timeout): the next read finds out.
            self._folded.forget(partition_key)
            raise
        self._folded.advance(
            partition_key, previous, new, idempotency.key if idempotency is not None else None
        )

    def get_kept(self, user_id: str, interview_id: str, key: str | None) -> Interview | None:
        kept = self._folded.get(interview_partition_key(user_id, interview_id))
        if kept is None or (key is not None and key in kept.request_keys):
            return None
        return kept.interview

    def get_latest(self, user_id: str, interview_id: str) -> Interview:
        return reads.get_latest(self._table, self._folded, user_id, interview_id)

    def get_latest_and_request(
        self, user_id: str, interview_id: str, key: str
    ) -> tuple[Interview, MadeRequest | None]:
        return reads.get_latest_and_request(self._table, self._folded, user_id, interview_id, key)

    def check_exists(self, user_id: str, interview_id: str) -> None:
        reads.check_exists(self._table, user_id, interview_id)

    def get_version(self, user_id: str, interview_id: str, updated_at: datetime) -> Interview:
        return reads.get_version(self._table, user_id, interview_id, updated_at)

    def list_versions(
        self, user_id: str, interview_id: str, limit: int, next_token: str | None = None
    ) -> Page[InterviewSummary]:
        return listing.list_versions(self._table, user_id, interview_id, limit, next_token)

    def list_interviews(
        self, user_id: str, limit: int, next_token: str | None = None
    ) -> Page[InterviewSummary]:
        return listing.list_interviews(self._table, user_id, limit, next_token)

    def delete(self, user_id: str, interview_id: str) -> int:
        deleted = deletion.delete(self._table, user_id, interview_id)
        self._folded.forget(interview_partition_key(user_id, interview_id))
        return deleted

    def put_rating(self, rating: FeedbackRating) -> None:
        ratings.put_rating(self._table, rating)

    def get_rating(self, user_id: str, interview_id: str) -> FeedbackRating | None:
        return ratings.get_rating(self._table, user_id, interview_id)
