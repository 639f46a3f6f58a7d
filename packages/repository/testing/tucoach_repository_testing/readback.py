"""Reading back what the repository stored, for tests: a partition's item count, and every page
of a list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tucoach_models import Page

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


def item_count(client: DynamoDBClient, table_name: str, partition_key: str) -> int:
    """How many items a partition holds, whatever their kind."""
    return client.query(
        TableName=table_name,
        KeyConditionExpression="partition_key = :key",
        ExpressionAttributeValues={":key": {"S": partition_key}},
        Select="COUNT",
        ConsistentRead=True,
    )["Count"]


def all_pages[T](read_page: Callable[[str | None], Page[T]]) -> list[Page[T]]:
    """Every page of a list, following the tokens from the first page to the last."""
    pages = [read_page(None)]
    while pages[-1].next_token is not None:
        pages.append(read_page(pages[-1].next_token))
    return pages
