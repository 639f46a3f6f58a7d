from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from tucoach_models import FeedbackRating
from tucoach_repository.ratings import rating_from_item, rating_to_item

RATING = FeedbackRating(
    user_id="user-1",
    interview_id="interview-1",
    helpful=False,
    comment="The example answer was off-topic. 🙃",
    rated_at=datetime(2026, 11, 30, 12, 0, tzinfo=UTC),
)


def test_a_rating_is_stored_in_its_own_partition_keyed_by_its_time() -> None:
    item = rating_to_item(RATING)
    assert item["partition_key"] == "USER#user-1#RATING#interview-1"
    assert item["sort_key"] == "2026-11-30T12:00:00.000000Z"
    assert item["record_type"] == "RATING"


def test_a_rating_survives_the_round_trip_through_its_item() -> None:
    assert rating_from_item(rating_to_item(RATING)) == RATING


def test_a_rating_without_a_comment_leaves_the_attribute_out() -> None:
    rating = RATING.model_copy(update={"comment": None})
    assert "comment" not in rating_to_item(rating)
    assert rating_from_item(rating_to_item(rating)) == rating


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("record_type", "INTERVIEW"),
        ("partition_key", "USER#user-2#RATING#interview-1"),
        ("sort_key", "2026-11-30T12:00:00.000001Z"),
    ],
)
def test_an_item_that_is_not_this_rating_is_refused(attribute: str, value: str) -> None:
    item = rating_to_item(RATING)
    item[attribute] = value
    with pytest.raises(ValidationError):
        rating_from_item(item)
