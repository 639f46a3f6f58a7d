"""The item of an idempotency record, kept in its interview's partition.

    partition_key = USER#{user_id}#INTERVIEW#{interview_id}   (the interview's own)
    sort_key      = IDEMPOTENCY#{key}
    record_type   = "IDEMPOTENCY"
    expires_at    = epoch seconds, DynamoDB's time to live

In the interview's partition so that deleting the interview deletes them too (they hold the
answers' text). Version timestamps start with a digit and `I` sorts after every digit, so
version queries bound their sort key and never see these items.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import ConfigDict, model_validator

from tucoach_models import (
    PARTITION_KEY,
    RECORD_TYPE,
    SORT_KEY,
    IdempotencyRecord,
    RecordType,
    interview_partition_key,
)
from tucoach_models.records import Item
from tucoach_repository.schema import TIME_TO_LIVE_ATTRIBUTE, idempotency_sort_key


class _IdempotencyItem(IdempotencyRecord):
    model_config = ConfigDict(frozen=True, extra="ignore")

    partition_key: str
    sort_key: str
    record_type: Literal[RecordType.IDEMPOTENCY]

    @model_validator(mode="after")
    def _keys_match_attributes(self) -> Self:
        if self.partition_key != interview_partition_key(self.user_id, self.interview_id):
            raise ValueError("partition_key does not match user_id and interview_id")
        if self.sort_key != idempotency_sort_key(self.key):
            raise ValueError("sort_key does not match the idempotency key")
        return self


def idempotency_to_item(record: IdempotencyRecord) -> Item:
    document = record.model_dump(mode="json")
    document[PARTITION_KEY] = interview_partition_key(record.user_id, record.interview_id)
    document[SORT_KEY] = idempotency_sort_key(record.key)
    document[RECORD_TYPE] = RecordType.IDEMPOTENCY.value
    document[TIME_TO_LIVE_ATTRIBUTE] = record.expires_at_epoch
    return document


def idempotency_from_item(item: Item) -> IdempotencyRecord:
    stored = _IdempotencyItem.model_validate(item)
    return IdempotencyRecord.model_validate(
        stored.model_dump(exclude={PARTITION_KEY, SORT_KEY, RECORD_TYPE, TIME_TO_LIVE_ATTRIBUTE})
    )
