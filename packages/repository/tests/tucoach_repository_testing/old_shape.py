"""Interviews stored the way the repository stored them before steps and summary items: every
version whole, the index keys on the latest version. For the tests of the migration path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tucoach_models import Interview
from tucoach_repository.attribute_values import to_attribute_values
from tucoach_repository.items import interview_to_item
from tucoach_repository.schema import (
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    user_interviews_partition_key,
    user_interviews_sort_key,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


def store_the_old_way(client: DynamoDBClient, table: str, versions: Sequence[Interview]) -> None:
    for version in versions:
        item = interview_to_item(version)
        if version is versions[-1]:
            item[USER_INTERVIEWS_PARTITION_KEY] = user_interviews_partition_key(version.user_id)
            item[USER_INTERVIEWS_SORT_KEY] = user_interviews_sort_key(
                version.created_at, version.interview_id
            )
        client.put_item(TableName=table, Item=to_attribute_values(item))
