"""The item of a user's rating of the coach's feedback on one interview.

    partition_key = USER#{user_id}#RATING#{interview_id}
    sort_key      = rated_at (fixed-width ISO-8601 UTC, so the latest rating sorts last)
    record_type   = "RATING"

plus the rating's own attributes. The interview's versions live in another partition, so
reading an interview never reads its ratings.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import ConfigDict, model_validator

from tucoach_models import PARTITION_KEY, RECORD_TYPE, SORT_KEY, FeedbackRating, RecordType
from tucoach_models.records import Item
from tucoach_models.timestamps import format_timestamp
from tucoach_repository.schema import rating_partition_key


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
