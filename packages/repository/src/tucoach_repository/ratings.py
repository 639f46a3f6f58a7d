"""Users' ratings of the coach's feedback, in a partition of their own per interview."""

from __future__ import annotations

from tucoach_models import FeedbackRating
from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.errors import translated_errors
from tucoach_repository.items import rating_from_item, rating_to_item
from tucoach_repository.sizing import checked_values
from tucoach_repository.table import Table, rating_key


def put_rating(table: Table, rating: FeedbackRating) -> None:
    """Stores a rating (one PutItem). The caller has read the interview it rates: a condition on
    the interview would need its latest sort key, which a rating does not carry."""
    item = checked_values(rating_to_item(rating))
    with translated_errors("PutItem"):
        table.client.put_item(TableName=table.name, Item=item)


def get_rating(table: Table, user_id: str, interview_id: str) -> FeedbackRating | None:
    """The user's latest rating of the interview's feedback, if any (one Query)."""
    items = table.query(
        {
            **table.partition_query(rating_key(user_id, interview_id)),
            "ScanIndexForward": False,
            "Limit": 1,
        }
    )["Items"]
    return rating_from_item(from_attribute_values(items[0])) if items else None
