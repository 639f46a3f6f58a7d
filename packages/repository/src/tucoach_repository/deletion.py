"""Deleting an interview: every item of its partition and of its ratings' partition."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tucoach_repository import backoff
from tucoach_repository.errors import InterviewNotFound, busy, translated_errors
from tucoach_repository.schema import (
    PARTITION_KEY,
    SORT_KEY,
    SUMMARY_SORT_KEY,
    VERSION_SORT_KEYS,
)
from tucoach_repository.table import Table, interview_key, rating_key

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import QueryInputTypeDef, WriteRequestTypeDef

    from tucoach_repository.attribute_values import AttributeValues

BATCH_SIZE = 25  # BatchWriteItem's limit
BATCH_ATTEMPTS = 8


def delete(table: Table, user_id: str, interview_id: str) -> int:
    """Deletes every item of an interview (versions, summary, idempotency records) and every
    rating of it; returns how many went. The item the list shows (the summary, or the latest
    version of an interview stored before summaries) goes last, so an interrupted delete leaves
    the interview listed as it was, and deleting again finishes the job."""
    items = keys_of(table, interview_key(user_id, interview_id))
    if not items:
        raise InterviewNotFound(interview_id)
    ratings = keys_of(table, rating_key(user_id, interview_id))
    listed = _listed(items)
    _delete_items(table, [*ratings, *(key for key in items if key is not listed)])
    _delete_items(table, [listed])
    return len(items) + len(ratings)


def _listed(keys: list[AttributeValues]) -> AttributeValues:
    summaries = [key for key in keys if key[SORT_KEY].get("S") == SUMMARY_SORT_KEY]
    first, last = VERSION_SORT_KEYS
    versions = [key for key in keys if first <= key[SORT_KEY].get("S", "") <= last]
    return (summaries or versions or keys)[-1]


def keys_of(table: Table, partition_key: str) -> list[AttributeValues]:
    """Every key in a partition, in sort key order (paginated, keys only)."""
    request: QueryInputTypeDef = {
        **table.partition_query(partition_key),
        "ProjectionExpression": "#partition_key, #sort_key",
    }
    request["ExpressionAttributeNames"] = {"#partition_key": PARTITION_KEY, "#sort_key": SORT_KEY}
    keys: list[AttributeValues] = []
    while True:
        response = table.query(request)
        keys.extend(response["Items"])
        if "LastEvaluatedKey" not in response:
            return keys
        request["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def _delete_items(table: Table, keys: Sequence[AttributeValues]) -> None:
    for start in range(0, len(keys), BATCH_SIZE):
        pending: list[WriteRequestTypeDef] = [
            {"DeleteRequest": {"Key": key}} for key in keys[start : start + BATCH_SIZE]
        ]
        for attempt in range(BATCH_ATTEMPTS):
            with translated_errors("BatchWriteItem"):
                response = table.client.batch_write_item(RequestItems={table.name: pending})
            pending = [
                {"DeleteRequest": {"Key": request["DeleteRequest"]["Key"]}}
                for request in response["UnprocessedItems"].get(table.name, [])
            ]
            if not pending:
                break
            if attempt < BATCH_ATTEMPTS - 1:
                backoff.pause(attempt)
        else:
            raise busy("BatchWriteItem", f"{len(pending)} deletes left unprocessed")
