"""Reading an interview: its latest version, the one stored at a given time, and the request
an Idempotency-Key made on it.

Each is one Query of the interview's partition, newest first: its summary item, which names the
latest version, and its version items. The versions that count are found by following each one
to the version it follows (`previous_version`), from the latest back to the last whole version;
a version item of a write that lost its race (see writes.py) is never on that path. The items
from the last whole version on are folded (`items.interview_from_items`). The Query asks for
the attributes reading needs only, not the summary a whole version also carries for lists. A
version is a few KB, so one page of the Query (up to 1 MB) holds a whole interview; a longer one
pages on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tucoach_models import IdempotencyRecord, Interview, MadeRequest, format_timestamp
from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.errors import InterviewNotFound, translated_errors
from tucoach_repository.items import (
    READ_ATTRIBUTES,
    RecordType,
    idempotency_from_item,
    interview_from_items,
    request_of_item,
)
from tucoach_repository.schema import (
    PARTITION_KEY,
    PREVIOUS_VERSION,
    RECORD_TYPE,
    REQUEST_KEY,
    SORT_KEY,
    SUMMARY_SORT_KEY,
    USER_INTERVIEWS_PARTITION_KEY,
    parse_interview_partition_key,
)
from tucoach_repository.table import Table, interview_key, item_key

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import QueryInputTypeDef

    from tucoach_repository.attribute_values import AttributeValues

_VERSION_TYPES = frozenset({RecordType.INTERVIEW.value, RecordType.INTERVIEW_STEP.value})


def get_latest(table: Table, user_id: str, interview_id: str) -> Interview:
    """The interview's latest version."""
    return read_partition(table, user_id, interview_id).latest()


def get_latest_and_request(
    table: Table, user_id: str, interview_id: str, key: str
) -> tuple[Interview, MadeRequest | None]:
    """The latest version, and the request made with Idempotency-Key `key` on this interview
    (the key's version, or a record of the kind stored before versions carried their keys) with
    the version it produced, all from one read."""
    partition = read_partition(table, user_id, interview_id)
    record = partition.request(key)
    if record is None:
        return partition.latest(), None
    produced = partition.version_at(format_timestamp(record.version_updated_at))
    return partition.latest(), MadeRequest(record, produced)


def check_exists(table: Table, user_id: str, interview_id: str) -> None:
    """InterviewNotFound unless the user has this interview: its summary's key (one GetItem), or
    for an interview stored before summary items, one version's key (one Query more)."""
    partition_key = interview_key(user_id, interview_id)
    with translated_errors("GetItem"):
        summary = table.client.get_item(
            TableName=table.name,
            Key=item_key(partition_key, SUMMARY_SORT_KEY),
            ProjectionExpression="#sort_key",
            ExpressionAttributeNames={"#sort_key": SORT_KEY},
            ConsistentRead=True,
        )
    if "Item" in summary:
        return
    request: QueryInputTypeDef = {
        **table.versions_query(partition_key, attributes=(SORT_KEY,)),
        "Limit": 1,
    }
    if not table.query(request)["Items"]:
        raise InterviewNotFound(interview_id)


def get_version(table: Table, user_id: str, interview_id: str, updated_at: datetime) -> Interview:
    """The version stored at `updated_at`."""
    return read_partition(table, user_id, interview_id).version_at(format_timestamp(updated_at))


@dataclass(frozen=True)
class Partition:
    """An interview's items as read, newest first, and the path of its versions."""

    chain: list[AttributeValues]
    """The versions that count, newest first: from the latest to the first."""
    records: list[AttributeValues]
    """Idempotency records stored before versions carried their keys (they expire in a day)."""
    summary: AttributeValues | None

    def latest(self) -> Interview:
        return _fold(self.chain)

    def version_at(self, sort_key: str) -> Interview:
        for index, item in enumerate(self.chain):
            if item[SORT_KEY]["S"] == sort_key:
                return _fold(self.chain[index:])
        raise InterviewNotFound(_interview_id(self.chain))

    def request(self, key: str) -> IdempotencyRecord | None:
        for item in self.chain:
            if item.get(REQUEST_KEY, {}).get("S") == key:
                return request_of_item(from_attribute_values(item))
        for item in self.records:
            if item.get("key", {}).get("S") == key:
                return idempotency_from_item(from_attribute_values(item))
        return None


def read_partition(table: Table, user_id: str, interview_id: str) -> Partition:
    """The interview's summary, versions and records, in one Query (more past 1 MB)."""
    request: QueryInputTypeDef = {
        **table.interview_query(interview_key(user_id, interview_id), attributes=READ_ATTRIBUTES),
        "ScanIndexForward": False,
    }
    versions: list[AttributeValues] = []
    records: list[AttributeValues] = []
    summary: AttributeValues | None = None
    while True:
        response = table.query(request)
        for item in response["Items"]:
            record_type = item[RECORD_TYPE]["S"]
            if record_type in _VERSION_TYPES:
                versions.append(item)
            elif record_type == RecordType.INTERVIEW_SUMMARY:
                summary = item
            elif record_type == RecordType.IDEMPOTENCY:
                records.append(item)
        if "LastEvaluatedKey" not in response:
            break
        request["ExclusiveStartKey"] = response["LastEvaluatedKey"]
    if not versions:
        raise InterviewNotFound(interview_id)
    return Partition(chain=_chain(versions, summary), records=records, summary=summary)


def _chain(
    newest_first: list[AttributeValues], summary: AttributeValues | None
) -> list[AttributeValues]:
    """The versions that count, newest first: from the latest (the summary's, or for an
    interview stored before summaries the version carrying the index keys) to the first, each
    followed to the version it names, or, written before versions named it, to the version item
    of that time just before it (no write lost a race then: appends were transactions)."""
    by_key = {item[SORT_KEY]["S"]: index for index, item in enumerate(newest_first)}
    if summary is not None:
        head = summary["updated_at"]["S"]
    else:
        marked = [item for item in newest_first if USER_INTERVIEWS_PARTITION_KEY in item]
        head = (marked or newest_first)[0][SORT_KEY]["S"]
    chain = []
    index: int | None = by_key.get(head)
    while index is not None:
        item = newest_first[index]
        chain.append(item)
        if PREVIOUS_VERSION in item:
            previous = item[PREVIOUS_VERSION]["S"]
            index = by_key.get(previous)
            if index is None:
                raise ValueError(f"version {previous} of {_interview_id(chain)} is missing")
        else:
            index = next(
                (
                    older
                    for older in range(index + 1, len(newest_first))
                    if PREVIOUS_VERSION not in newest_first[older]
                ),
                None,
            )
    if not chain:
        raise ValueError(f"the latest version {head} of {_interview_id(newest_first)} is missing")
    return chain


def _fold(newest_first: list[AttributeValues]) -> Interview:
    """The version the first of the items stores, folded from the last whole version below."""
    for index, item in enumerate(newest_first):
        if item[RECORD_TYPE]["S"] == RecordType.INTERVIEW:
            return interview_from_items(
                [from_attribute_values(item) for item in reversed(newest_first[: index + 1])]
            )
    raise ValueError(
        f"no whole version under {newest_first[-1][SORT_KEY]} to fold the steps of "
        f"{_interview_id(newest_first)}"
    )


def _interview_id(items: list[AttributeValues]) -> str:
    return parse_interview_partition_key(items[0][PARTITION_KEY]["S"])[1] if items else "?"
