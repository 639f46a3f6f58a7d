"""Every item kind of the table and its mapping to and from the domain: interview versions,
ratings and idempotency records. The only place that knows how a domain object is stored.

    interview version   partition_key = USER#{user_id}#INTERVIEW#{interview_id}
                        sort_key      = the version's updated_at (fixed-width ISO-8601 UTC)
    idempotency record  partition_key = the interview's
                        sort_key      = IDEMPOTENCY#{key}; expires_at = epoch seconds (TTL)
    rating              partition_key = USER#{user_id}#RATING#{interview_id}
                        sort_key      = rated_at

Each item carries `record_type` and the object's own attributes. Items are plain Python values
as boto3's TypeSerializer takes them (numbers as Decimal). Reading an interview ignores
attributes its mapping does not know (the index keys, the denormalised summary attributes).
Idempotency records live in the interview's partition so deleting the interview deletes them
too (they hold the answers' text); version timestamps start with a digit and `I` sorts after
every digit, so version queries bound their sort key and never see them.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal, Self

from pydantic import ConfigDict, field_validator, model_validator

from tucoach_models import (
    FeedbackRating,
    IdempotencyRecord,
    Interview,
    InterviewSummary,
    format_timestamp,
    parse_timestamp,
)
from tucoach_repository.schema import (
    ANSWERED_COUNT,
    OVERALL_SCORE,
    PARTITION_KEY,
    QUESTION_IDS,
    RECORD_TYPE,
    SORT_KEY,
    TIME_TO_LIVE_ATTRIBUTE,
    idempotency_sort_key,
    interview_partition_key,
    parse_interview_partition_key,
    rating_partition_key,
)

Item = dict[str, Any]


class RecordType(StrEnum):
    """The `record_type` attribute that tells the item kinds of the single table apart."""

    INTERVIEW = "INTERVIEW"
    RATING = "RATING"
    IDEMPOTENCY = "IDEMPOTENCY"
    QUOTA = "QUOTA"


# -- interview versions ----------------------------------------------------------------------


class _InterviewItem(Interview):
    """An interview version with its table keys; validates that keys and attributes agree."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    partition_key: str
    sort_key: str
    record_type: Literal[RecordType.INTERVIEW]

    @field_validator("partition_key")
    @classmethod
    def _partition_key_shape(cls, value: str) -> str:
        parse_interview_partition_key(value)
        return value

    @field_validator("sort_key")
    @classmethod
    def _sort_key_shape(cls, value: str) -> str:
        parse_timestamp(value)
        return value

    @model_validator(mode="after")
    def _keys_match_attributes(self) -> Self:
        expected_partition_key = interview_partition_key(self.user_id, self.interview_id)
        if self.partition_key != expected_partition_key:
            raise ValueError(
                f"partition_key {self.partition_key!r} does not match user_id and interview_id "
                f"(expected {expected_partition_key!r})"
            )
        if self.sort_key != format_timestamp(self.updated_at):
            raise ValueError(
                f"sort_key {self.sort_key!r} is not this version's updated_at "
                f"{format_timestamp(self.updated_at)!r}"
            )
        return self


def interview_to_item(interview: Interview) -> Item:
    """The item that stores this interview version."""
    document = interview.model_dump(mode="json", exclude_none=True)
    document[PARTITION_KEY] = interview_partition_key(interview.user_id, interview.interview_id)
    document[SORT_KEY] = format_timestamp(interview.updated_at)
    document[RECORD_TYPE] = RecordType.INTERVIEW.value
    # Denormalised for index projections (lists show them without reading the answers); they
    # are derived from the interview, so reading ignores them.
    summary = InterviewSummary.of(interview)
    document[ANSWERED_COUNT] = summary.answered_count
    document[QUESTION_IDS] = list(summary.question_ids)
    if summary.overall_score is not None:
        document[OVERALL_SCORE] = summary.overall_score
    converted: Item = _floats_to_decimals(document)
    return converted


def interview_from_item(item: Item) -> Interview:
    """The interview version an item stores; a malformed item raises ValidationError."""
    stored = _InterviewItem.model_validate(item)
    return Interview.model_validate(
        stored.model_dump(exclude={PARTITION_KEY, SORT_KEY, RECORD_TYPE})
    )


def summary_from_item(item: Item) -> InterviewSummary:
    """The summary of the interview version an item (or an index projection of it) stores."""
    return InterviewSummary.model_validate(item)


# -- ratings ---------------------------------------------------------------------------------


class _RatingItem(FeedbackRating):
    model_config = ConfigDict(frozen=True, extra="forbid")

    partition_key: str
    sort_key: str
    record_type: Literal[RecordType.RATING]

    @model_validator(mode="after")
    def _keys_match_attributes(self) -> Self:
        if self.partition_key != rating_partition_key(self.user_id, self.interview_id):
            raise ValueError("partition_key does not match user_id and interview_id")
        if self.sort_key != format_timestamp(self.rated_at):
            raise ValueError("sort_key is not the rating's rated_at")
        return self


def rating_to_item(rating: FeedbackRating) -> Item:
    document = rating.model_dump(mode="json", exclude_none=True)
    document[PARTITION_KEY] = rating_partition_key(rating.user_id, rating.interview_id)
    document[SORT_KEY] = format_timestamp(rating.rated_at)
    document[RECORD_TYPE] = RecordType.RATING.value
    return document


def rating_from_item(item: Item) -> FeedbackRating:
    """The rating an item stores; a malformed item raises pydantic's ValidationError."""
    stored = _RatingItem.model_validate(item)
    return FeedbackRating.model_validate(
        stored.model_dump(exclude={PARTITION_KEY, SORT_KEY, RECORD_TYPE})
    )


# -- idempotency records ---------------------------------------------------------------------


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


def _floats_to_decimals(value: Any) -> Any:
    # DynamoDB numbers are decimals; boto3 refuses floats. repr() is the shortest text that
    # reads back as the same float, so the round trip is exact.
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {key: _floats_to_decimals(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_floats_to_decimals(item) for item in value]
    return value
