"""What an `Idempotency-Key` buys: the first response to a request, kept to answer its replays.

It is written in the same transaction as the change it records, so a request either happened
with its record or did not happen at all.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from pydantic import Field, StringConstraints

from tucoach_models.base import DomainModel
from tucoach_models.identifiers import InterviewId, UserId
from tucoach_models.timestamps import UtcDatetime

IDEMPOTENCY_TTL = timedelta(hours=24)

IdempotencyKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{8,128}$")]
"""A client-chosen key, e.g. a UUID: 8-128 letters, digits, `_ . : -`."""


class IdempotencyRecord(DomainModel):
    user_id: UserId
    key: IdempotencyKey
    interview_id: InterviewId
    request_hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the request")
    status_code: int = Field(ge=200, le=299)
    response_body: str = Field(max_length=200_000, description="the JSON body first returned")
    created_at: UtcDatetime

    @property
    def expires_at_epoch(self) -> int:
        """When DynamoDB's TTL may remove the record, in epoch seconds."""
        return int((self.created_at + IDEMPOTENCY_TTL).timestamp())
