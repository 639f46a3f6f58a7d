"""What an `Idempotency-Key` buys: a request's first outcome, kept to answer its replays.

The version a request produced carries its key and hash (stored with the version, so a request
happened with its key or not at all); records written before 2026-12-02 were items of their own,
expiring after `IDEMPOTENCY_TTL`. Either points at the version the request produced; a replay
answers from that version, as the first response did.
"""

from datetime import timedelta
from typing import TYPE_CHECKING, Annotated, NamedTuple

from pydantic import Field, StringConstraints

from tucoach_models.base import DomainModel
from tucoach_models.identifiers import InterviewId, UserId
from tucoach_models.timestamps import UtcDatetime

if TYPE_CHECKING:
    from tucoach_models.interview import Interview

IDEMPOTENCY_TTL = timedelta(hours=24)

IdempotencyKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{8,128}$")]
"""A client-chosen key, e.g. a UUID: 8-128 letters, digits, `_ . : -`."""


class IdempotencyRecord(DomainModel):
    user_id: UserId
    key: IdempotencyKey
    interview_id: InterviewId
    request_hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the request")
    status_code: int = Field(ge=200, le=299)
    version_updated_at: UtcDatetime = Field(
        description="The updated_at of the interview version the request produced."
    )
    created_at: UtcDatetime


class MadeRequest(NamedTuple):
    """A request made with an Idempotency-Key, and the interview version it produced."""

    record: IdempotencyRecord
    version: "Interview"
