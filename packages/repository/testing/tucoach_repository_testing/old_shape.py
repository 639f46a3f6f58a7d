"""Interviews stored the way the repository stored them before steps and summary items: every
version whole, the index keys on the latest version. For the tests of the migration path."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tucoach_models import Interview, format_timestamp
from tucoach_repository.attribute_values import to_attribute_values
from tucoach_repository.items import interview_to_item
from tucoach_repository.schema import (
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    idempotency_sort_key,
    interview_partition_key,
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


def append_the_old_way(
    client: DynamoDBClient, table: str, previous: Interview, new: Interview, key: str
) -> None:
    """The transaction repository 0.2.0 sent for an answer with an Idempotency-Key: the previous
    version rewritten without the index keys, the new version whole with them, and a record
    holding the response (here its stand-in: the feedback, the next question and the whole
    interview, as the API's AnswerResponse holds them)."""
    partition_key = interview_partition_key(previous.user_id, previous.interview_id)
    new_item = interview_to_item(new)
    new_item[USER_INTERVIEWS_PARTITION_KEY] = user_interviews_partition_key(new.user_id)
    new_item[USER_INTERVIEWS_SORT_KEY] = user_interviews_sort_key(new.created_at, new.interview_id)
    response = {
        "feedback": new.answers[-1].feedback.model_dump(mode="json"),
        "next_question": new.questions[-1].model_dump(mode="json"),
        "interview": new.model_dump(mode="json"),
    }
    record = {
        "partition_key": partition_key,
        "sort_key": idempotency_sort_key(key),
        "record_type": "IDEMPOTENCY",
        "user_id": new.user_id,
        "key": key,
        "interview_id": new.interview_id,
        "request_hash": "0" * 64,
        "status_code": 200,
        "response_body": json.dumps(response),
        "created_at": format_timestamp(new.updated_at),
        "expires_at": int(new.updated_at.timestamp()) + 86_400,
    }
    client.transact_write_items(
        TransactItems=[
            {
                "Update": {
                    "TableName": table,
                    "Key": {
                        "partition_key": {"S": partition_key},
                        "sort_key": {"S": format_timestamp(previous.updated_at)},
                    },
                    "UpdateExpression": "REMOVE gsi1_partition_key, gsi1_sort_key",
                    "ConditionExpression": (
                        "#version = :previous AND attribute_exists(gsi1_partition_key)"
                    ),
                    "ExpressionAttributeNames": {"#version": "version"},
                    "ExpressionAttributeValues": {":previous": {"N": str(previous.version)}},
                }
            },
            {"Put": {"TableName": table, "Item": to_attribute_values(new_item)}},
            {"Put": {"TableName": table, "Item": to_attribute_values(record)}},
        ]
    )
