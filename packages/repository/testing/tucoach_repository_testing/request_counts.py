"""Counting the requests a client sends, per operation: how tests and the benchmark check that
every access pattern costs what the README's table says."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

_EVENT = "before-send.dynamodb"


@contextmanager
def counted_requests(client: DynamoDBClient) -> Iterator[Counter[str]]:
    """Yields a Counter of the requests (by operation name, e.g. "Query") that the client
    sends inside the block, retries included."""
    counts: Counter[str] = Counter()

    def count(event_name: str, **_: object) -> None:
        counts[event_name.rsplit(".", 1)[-1]] += 1

    # First, so that moto (which answers on this event) cannot stop the count.
    client.meta.events.register_first(_EVENT, count)
    try:
        yield counts
    finally:
        client.meta.events.unregister(_EVENT, count)
