"""The capacity DynamoDB says each request consumed (`ReturnConsumedCapacity`), for the
benchmark: real units as the engine counts them, not estimates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

# The operations that take ReturnConsumedCapacity (others refuse the parameter).
OPERATIONS = (
    "GetItem",
    "PutItem",
    "UpdateItem",
    "DeleteItem",
    "Query",
    "BatchWriteItem",
    "TransactWriteItems",
)
TOTAL = "total"
TABLE = "table"


@contextmanager
def consumed_capacity(client: DynamoDBClient) -> Iterator[Counter[str]]:
    """Yields a Counter of the capacity units consumed inside the block: `total`, `table`, and
    `index <name>` for each global secondary index, as DynamoDB reports them."""
    units: Counter[str] = Counter()

    def ask(params: dict[str, Any], **_: object) -> None:
        params["ReturnConsumedCapacity"] = "INDEXES"

    def add(parsed: Mapping[str, Any], **_: object) -> None:
        consumed = parsed.get("ConsumedCapacity", [])
        for entry in consumed if isinstance(consumed, list) else [consumed]:
            units[TOTAL] += entry.get("CapacityUnits", 0)
            units[TABLE] += entry.get("Table", {}).get("CapacityUnits", 0)
            for name, index in entry.get("GlobalSecondaryIndexes", {}).items():
                units[f"index {name}"] += index.get("CapacityUnits", 0)

    events = client.meta.events
    for operation in OPERATIONS:
        events.register(f"provide-client-params.dynamodb.{operation}", ask)
        events.register(f"after-call.dynamodb.{operation}", add)
    try:
        yield units
    finally:
        for operation in OPERATIONS:
            events.unregister(f"provide-client-params.dynamodb.{operation}", ask)
            events.unregister(f"after-call.dynamodb.{operation}", add)
