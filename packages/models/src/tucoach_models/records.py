"""The DynamoDB item of an interview version, exactly as DESIGN.md section 2 gives it.

    partition_key = USER#{user_id}#INTERVIEW#{interview_id}
    sort_key      = the version's timestamp (updated_at, fixed-width ISO-8601 UTC)
    record_type   = "INTERVIEW"

plus the interview's own attributes. Items are plain Python values as boto3's TypeSerializer
takes them (numbers as Decimal). Index attributes are the repository's business: reading an item
ignores attributes this mapping does not know.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal, Self

from pydantic import ConfigDict, field_validator, model_validator

from tucoach_models.enums import RecordType
from tucoach_models.interview import Interview
from tucoach_models.summary import InterviewSummary, main_question_ids
from tucoach_models.timestamps import format_timestamp, parse_timestamp

PARTITION_KEY = "partition_key"
SORT_KEY = "sort_key"
RECORD_TYPE = "record_type"
ANSWERED_COUNT = "answered_count"
OVERALL_SCORE = "overall_score"
QUESTION_IDS = "question_ids"

INTERVIEW_PARTITION_KEY_FORMAT = "USER#{user_id}#INTERVIEW#{interview_id}"
_INTERVIEW_PARTITION_KEY = re.compile(
    r"^USER#(?P<user_id>[^#]+)#INTERVIEW#(?P<interview_id>[^#]+)$"
)

Item = dict[str, Any]


def interview_partition_key(user_id: str, interview_id: str) -> str:
    return INTERVIEW_PARTITION_KEY_FORMAT.format(user_id=user_id, interview_id=interview_id)


def parse_interview_partition_key(partition_key: str) -> tuple[str, str]:
    """(user_id, interview_id) of an interview's partition key."""
    match = _INTERVIEW_PARTITION_KEY.match(partition_key)
    if match is None:
        raise ValueError(
            f"partition_key must look like {INTERVIEW_PARTITION_KEY_FORMAT}, got {partition_key!r}"
        )
    return match["user_id"], match["interview_id"]


class InterviewItem(Interview):
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
    document[ANSWERED_COUNT] = len(interview.answers)
    document[QUESTION_IDS] = list(main_question_ids(interview))
    if interview.report is not None:
        document[OVERALL_SCORE] = interview.report.overall_score
    converted: Item = _floats_to_decimals(document)
    return converted


def interview_from_item(item: Item) -> Interview:
    """The interview version an item stores; a malformed item raises ValidationError."""
    stored = InterviewItem.model_validate(item)
    return Interview.model_validate(
        stored.model_dump(exclude={PARTITION_KEY, SORT_KEY, RECORD_TYPE})
    )


def summary_from_item(item: Item) -> InterviewSummary:
    """The summary of the interview version an item (or an index projection of it) stores."""
    return InterviewSummary.model_validate(item)


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


__all__ = [
    "ANSWERED_COUNT",
    "OVERALL_SCORE",
    "PARTITION_KEY",
    "QUESTION_IDS",
    "RECORD_TYPE",
    "SORT_KEY",
    "InterviewItem",
    "Item",
    "interview_from_item",
    "interview_partition_key",
    "interview_to_item",
    "parse_interview_partition_key",
    "summary_from_item",
]
