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

The latest version, once read, is kept folded (folded.py): reading the interview again queries
its items from that version on only (it, any newer version, and the summary) and folds only the
newer steps onto it. A replay finds its key's version among those items, unless the key made a
version before the one kept: then it reads the whole partition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from tucoach_models import IdempotencyRecord, Interview, MadeRequest, format_timestamp
from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.errors import InterviewNotFound, translated_errors
from tucoach_repository.folded import Folded, FoldedInterviews
from tucoach_repository.items import (
    READ_ATTRIBUTES,
    RecordType,
    idempotency_from_item,
    interview_after_steps,
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


def get_latest(
    table: Table, folded: FoldedInterviews, user_id: str, interview_id: str
) -> Interview:
    """The interview's latest version."""
    return _read_latest(table, folded, interview_key(user_id, interview_id), interview_id).latest


def get_latest_and_request(
    table: Table, folded: FoldedInterviews, user_id: str, interview_id: str, key: str
) -> tuple[Interview, MadeRequest | None]:
    """The latest version, and the request made with Idempotency-Key `key` on this interview
    (the key's version, or a record of the kind stored before versions carried their keys) with
    the version it produced, from one read; a key used on a version before the one this
    process kept folded needs the whole partition (one Query more)."""
    partition = _read_latest(table, folded, interview_key(user_id, interview_id), interview_id)
    made = partition.made_request(key)
    if made is None and partition.base is not None and key in partition.folded.request_keys:
        partition = read_partition(table, user_id, interview_id)
        made = partition.made_request(key)
    return partition.latest, made


def _read_latest(
    table: Table, folded: FoldedInterviews, partition_key: str, interview_id: str
) -> Partition:
    """The partition from the version this process kept folded on, when the latest version
    still leads back to it, else whole; its latest version is kept folded for the next read."""
    kept = folded.get(partition_key)
    partition = None
    if kept is not None:
        partition = _read(table, partition_key, interview_id, base=kept)
    if partition is None:
        folded.forget(partition_key)
        partition = _read(table, partition_key, interview_id)
    if partition is None:
        raise InterviewNotFound(interview_id)
    folded.put(partition_key, partition.folded)
    return partition


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
    """The versions that count, newest first: from the latest to the first, or to the version
    kept folded (`base`) when the partition was read from it on."""
    records: list[AttributeValues]
    """Idempotency records stored before versions carried their keys (they expire in a day)."""
    summary: AttributeValues | None
    base: Folded | None = None
    """The version kept folded that the chain leads back to, when read from it on."""

    @cached_property
    def latest(self) -> Interview:
        return _fold(self.chain, self.base)

    @cached_property
    def folded(self) -> Folded:
        """The latest version folded, with the Idempotency-Keys of the requests that made it
        and the versions before it."""
        keys = {item[REQUEST_KEY]["S"] for item in self.chain if REQUEST_KEY in item}
        keys.update(item["key"]["S"] for item in self.records)
        if self.base is not None:
            keys.update(self.base.request_keys)
        return Folded(self.chain[0][SORT_KEY]["S"], self.latest, frozenset(keys))

    def version_at(self, sort_key: str) -> Interview:
        for index, item in enumerate(self.chain):
            if item[SORT_KEY]["S"] == sort_key:
                return _fold(self.chain[index:], self.base)
        raise InterviewNotFound(_interview_id(self.chain))

    def made_request(self, key: str) -> MadeRequest | None:
        """The request made with Idempotency-Key `key` and the version it produced, when both
        are among these items (read from a version kept on, an earlier version is not)."""
        record = self._request(key)
        if record is None:
            return None
        made_at = format_timestamp(record.version_updated_at)
        if self.base is not None and all(item[SORT_KEY]["S"] != made_at for item in self.chain):
            return None
        return MadeRequest(record, self.version_at(made_at))

    def _request(self, key: str) -> IdempotencyRecord | None:
        for item in self.chain:
            if item.get(REQUEST_KEY, {}).get("S") == key:
                return request_of_item(from_attribute_values(item))
        for item in self.records:
            if item.get("key", {}).get("S") == key:
                return idempotency_from_item(from_attribute_values(item))
        return None


def read_partition(table: Table, user_id: str, interview_id: str) -> Partition:
    """The interview's summary, versions and records, in one Query (more past 1 MB)."""
    partition = _read(table, interview_key(user_id, interview_id), interview_id)
    if partition is None:
        raise InterviewNotFound(interview_id)
    return partition


def _read(
    table: Table, partition_key: str, interview_id: str, *, base: Folded | None = None
) -> Partition | None:
    """The partition's items, or those from the version `base` on, with the chain of versions
    from the latest back to the first, or to `base`; None when there are no versions, or when
    read from `base` on, no summary or a chain that does not lead back to it."""
    since = base.version if base is not None else None
    request: QueryInputTypeDef = {
        **table.interview_query(partition_key, attributes=READ_ATTRIBUTES, first=since),
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
    if not versions or (base is not None and summary is None):
        return None
    chain = _chain(versions, summary, since)
    if chain is None:
        return None
    return Partition(chain=chain, records=records, summary=summary, base=base)


def _chain(
    newest_first: list[AttributeValues], summary: AttributeValues | None, since: str | None
) -> list[AttributeValues] | None:
    """The versions that count, newest first: from the latest (the summary's, or for an
    interview stored before summaries the version carrying the index keys) to the first (or to
    `since`; None if it is not on the way), each followed to the version it names, or, written
    before versions named it, to the version item of that time just before it (no write lost a
    race then: appends were transactions)."""
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
        if item[SORT_KEY]["S"] == since:
            return chain
        if PREVIOUS_VERSION in item:
            previous = item[PREVIOUS_VERSION]["S"]
            index = by_key.get(previous)
            if index is None and since is None:
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
    if since is not None:
        return None
    if not chain:
        raise ValueError(f"the latest version {head} of {_interview_id(newest_first)} is missing")
    return chain


def _fold(newest_first: list[AttributeValues], base: Folded | None) -> Interview:
    """The version the first of the items stores, folded from the last whole version below, or
    onto `base`, the version kept folded, if that comes first."""
    for index, item in enumerate(newest_first):
        if base is not None and item[SORT_KEY]["S"] == base.version:
            steps = [from_attribute_values(item) for item in reversed(newest_first[:index])]
            return interview_after_steps(base.interview, steps)
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
