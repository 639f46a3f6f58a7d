"""Idempotency records: read one, and the write that stores one in its change's transaction."""

from __future__ import annotations

from tucoach_models import IdempotencyRecord
from tucoach_repository.attribute_values import from_attribute_values, to_attribute_values
from tucoach_repository.errors import IdempotencyRecordExists, translated_errors
from tucoach_repository.items import idempotency_from_item, idempotency_to_item
from tucoach_repository.schema import PARTITION_KEY, TIME_TO_LIVE_ATTRIBUTE, idempotency_sort_key
from tucoach_repository.sizing import ensure_fits
from tucoach_repository.table import Table, interview_key, item_key
from tucoach_repository.transactions import Write

IDEMPOTENCY_WRITE = "idempotency record"


def get_idempotency(
    table: Table, user_id: str, interview_id: str, key: str
) -> IdempotencyRecord | None:
    """The record of an Idempotency-Key used on this interview, if any (one GetItem)."""
    record_key = item_key(interview_key(user_id, interview_id), idempotency_sort_key(key))
    with translated_errors("GetItem"):
        response = table.client.get_item(TableName=table.name, Key=record_key, ConsistentRead=True)
    if "Item" not in response:
        return None
    return idempotency_from_item(from_attribute_values(response["Item"]))


def idempotency_write(table: Table, record: IdempotencyRecord) -> Write:
    """Puts the record, unless its key is in use: then the transaction fails with
    IdempotencyRecordExists."""
    item = to_attribute_values(idempotency_to_item(record))
    ensure_fits(item)
    return Write(
        IDEMPOTENCY_WRITE,
        {
            "Put": {
                "TableName": table.name,
                "Item": item,
                # An expired record that time to live has not removed yet is reusable.
                "ConditionExpression": (
                    "attribute_not_exists(#partition_key) OR #expires_at < :now"
                ),
                "ExpressionAttributeNames": {
                    "#partition_key": PARTITION_KEY,
                    "#expires_at": TIME_TO_LIVE_ATTRIBUTE,
                },
                "ExpressionAttributeValues": {
                    ":now": {"N": str(int(record.created_at.timestamp()))}
                },
            }
        },
        refused=lambda _: IdempotencyRecordExists(record.interview_id),
    )
