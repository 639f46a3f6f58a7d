"""Interviews stored the ways the repository stored them before: every version whole with the
index keys on the latest version (0.2.0, before steps and summary items), and versions appended
in transactions with an idempotency record each (before 2026-12-02, when versions began to name
the version they follow and carry their request's key). For the tests of the migration path."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tucoach_models import (
    IDEMPOTENCY_TTL,
    IdempotencyRecord,
    Interview,
    InterviewSummary,
    format_timestamp,
)
from tucoach_repository.attribute_values import to_attribute_values
from tucoach_repository.items import (
    Item,
    RecordType,
    interview_to_item,
    step_to_item,
    summary_to_item,
)
from tucoach_repository.schema import (
    PARTITION_KEY,
    PREVIOUS_VERSION,
    QUESTION_IDS,
    RECORD_TYPE,
    SORT_KEY,
    TIME_TO_LIVE_ATTRIBUTE,
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
        item = _whole_the_old_way(version)
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
    new_item = _whole_the_old_way(new)
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


def idempotency_to_item(record: IdempotencyRecord) -> Item:
    """An idempotency record as stored before 2026-12-02 (expiring a day after it was made)."""
    document = record.model_dump(mode="json")
    document[PARTITION_KEY] = interview_partition_key(record.user_id, record.interview_id)
    document[SORT_KEY] = idempotency_sort_key(record.key)
    document[RECORD_TYPE] = RecordType.IDEMPOTENCY.value
    document[TIME_TO_LIVE_ATTRIBUTE] = int((record.created_at + IDEMPOTENCY_TTL).timestamp())
    return document


def step_before_links(previous: Interview, new: Interview) -> Item:
    """A step as stored before 2026-12-02: every summary attribute but the question ids, and
    neither the version it follows nor its request's key."""
    item = step_to_item(previous, new)
    if item is None:
        raise ValueError("the change is not a step's")
    del item[PREVIOUS_VERSION]
    summary = InterviewSummary.of(new).model_dump(mode="json", exclude_none=True)
    del summary[QUESTION_IDS]
    return {**summary, **item}


def append_with_a_record(
    client: DynamoDBClient,
    table: str,
    previous: Interview,
    new: Interview,
    record: IdempotencyRecord | None = None,
) -> None:
    """What the repository stored for an append before 2026-12-02, in one transaction: the
    summary moved on, the step, and the idempotency record."""
    items = [summary_to_item(new), step_before_links(previous, new)]
    if record is not None:
        items.append(idempotency_to_item(record))
    client.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": table, "Item": to_attribute_values(item)}} for item in items
        ]
    )


def _whole_the_old_way(version: Interview) -> Item:
    """A whole version as 0.2.0 stored it: with the ids of the questions asked, for lists."""
    item = interview_to_item(version)
    item[QUESTION_IDS] = list(InterviewSummary.of(version).question_ids)
    return item
