"""Writing an interview: its first version, and each version after it.

Creating puts the first version and the summary item (what lists show, with the index keys) in
one transaction. Appending puts the new version beside the others, naming the version it
follows, then puts the summary item on condition that it still shows the version appended to:
that condition is the optimistic-concurrency guard, and the summary names the latest version,
so appending never rewrites a version and needs no transaction (ADR 0010). An interview stored
before summary items existed has none: its first append moves the index keys from its latest
version to a new summary item in one transaction (`_adopt`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from tucoach_models import IdempotencyRecord, Interview, format_timestamp
from tucoach_repository.attribute_values import AttributeValues
from tucoach_repository.errors import (
    CONDITIONAL_CHECK_FAILED,
    InterviewAlreadyExists,
    InterviewNotFound,
    VersionConflict,
    error_code,
    unavailable,
)
from tucoach_repository.items import interview_to_item, step_to_item, summary_to_item
from tucoach_repository.schema import (
    PARTITION_KEY,
    SORT_KEY,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    interview_partition_key,
)
from tucoach_repository.sizing import checked_values
from tucoach_repository.table import Table, item_key
from tucoach_repository.transactions import Reason, Write, transact

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from tucoach_models import TuCoachError

_log = logging.getLogger(__name__)

SUMMARY_WRITE = "summary"
NEW_VERSION_WRITE = "new version"
PREVIOUS_VERSION_WRITE = "previous version"


class _Unsummarised(InterviewNotFound):
    """No summary item: the interview does not exist, or was stored before summary items."""


def create(table: Table, interview: Interview) -> None:
    """Stores the first version of a new interview, whole, and its summary item (one
    TransactWriteItems). Both are conditional on their keys being free, so a create sent twice
    (a retry) is InterviewAlreadyExists. Interview ids are generated unique, which is what keeps
    two interviews apart."""
    if interview.version != 1:
        raise ValueError(f"a new interview starts at version 1, not {interview.version}")

    def exists(_: Reason) -> TuCoachError:
        return InterviewAlreadyExists(interview.interview_id)

    transact(
        table,
        [
            _put_new(table, SUMMARY_WRITE, summary_to_item(interview), exists),
            _put_new(table, NEW_VERSION_WRITE, interview_to_item(interview), exists),
        ],
    )


def append_version(
    table: Table, previous: Interview, new: Interview, idempotency: IdempotencyRecord | None
) -> None:
    """Stores `new` as the version after `previous` (as read), if `previous` is still the latest.

    Two writes, neither a transaction (which bills every item twice): the new version (the step
    from `previous`, or whole when a step cannot say the change), naming the version it follows
    and the Idempotency-Key of the request that made it, is put beside the others; then the
    summary item is put on condition that it still shows `previous`, which makes the new version
    the latest. Of two writers appending to the same version, one moves the summary on and the
    other gets VersionConflict and deletes its version item (reading would never follow it
    anyway: the summary names the winner's). No version is changed or lost.
    """
    check_successor(previous, new)
    if idempotency is not None:
        _check_record(new, idempotency)
    item = checked_values(
        step_to_item(previous, new, idempotency) or interview_to_item(new, previous=previous)
    )
    _put_version(table, item, previous)
    try:
        _move_summary(table, previous, new)
    except _Unsummarised:
        try:
            _adopt(table, previous, new)
        except (VersionConflict, InterviewNotFound):
            _forget(table, item)
            raise
    except VersionConflict:
        # Another writer's version is the latest: this one can never be. After any other
        # failure the summary may have been written (a timeout), so the version stays; if it
        # was not, reading never follows it.
        _forget(table, item)
        raise


def _put_version(table: Table, item: AttributeValues, previous: Interview) -> None:
    """Puts the new version on condition that its key is free. A version already there is
    another writer's (VersionConflict), unless it is this very item: an attempt whose answer was
    lost stored it, and botocore sent it again."""

    def refused(there: Reason) -> TuCoachError | None:
        if there.get("Item") == item:
            return None
        return VersionConflict(previous.interview_id, previous.version)

    _conditional_put(
        table,
        item,
        {
            "ConditionExpression": "attribute_not_exists(#partition_key)",
            "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY},
        },
        refused,
    )


def _forget(table: Table, item: AttributeValues) -> None:
    """Deletes the version item of an append that did not become the latest. Reading never
    follows it anyway, so a failure here is only logged."""
    try:
        table.client.delete_item(
            TableName=table.name, Key={name: item[name] for name in (PARTITION_KEY, SORT_KEY)}
        )
    except (BotoCoreError, ClientError) as error:
        _log.warning("could not delete a version item that lost its append: %s", error)


def _adopt(table: Table, previous: Interview, new: Interview) -> None:
    """Appends to an interview stored before summary items: its latest version gives up the
    index keys to a new summary item, in one transaction, on condition that it is still the
    latest (`version = :previous_version` and it still has the keys)."""
    transact(
        table,
        [
            _unmark_previous(table, previous),
            _put_new(
                table,
                SUMMARY_WRITE,
                summary_to_item(new),
                lambda _: VersionConflict(previous.interview_id, previous.version),
            ),
        ],
    )


def _moved_on(
    previous: Interview, missing: type[InterviewNotFound]
) -> Callable[[Reason], TuCoachError]:
    """The error of a guard on `previous`: the item as it was comes back only if it exists, so
    with it the interview moved on, and without it the item is `missing`."""

    def refused(reason: Reason) -> TuCoachError:
        if "Item" not in reason:
            return missing(previous.interview_id)
        return VersionConflict(previous.interview_id, previous.version)

    return refused


def _move_summary(table: Table, previous: Interview, new: Interview) -> None:
    """Puts the summary of `new`, on condition that it shows `previous`: VersionConflict when it
    shows another version, _Unsummarised when there is none. A summary that already shows `new`
    is this write's own, carried out by an attempt whose answer was lost (botocore sent it
    again), so that is success."""

    def refused(there: Reason) -> TuCoachError | None:
        if there.get("Item", {}).get("updated_at") == {"S": format_timestamp(new.updated_at)}:
            return None
        return _moved_on(previous, _Unsummarised)(there)

    _conditional_put(
        table,
        checked_values(summary_to_item(new)),
        {
            "ConditionExpression": "#version = :previous_version",
            "ExpressionAttributeNames": {"#version": "version"},
            "ExpressionAttributeValues": {":previous_version": {"N": str(previous.version)}},
        },
        refused,
    )


def _conditional_put(
    table: Table,
    item: AttributeValues,
    condition: Mapping[str, Any],
    refused: Callable[[Reason], TuCoachError | None],
) -> None:
    """A PutItem on `condition`. When it fails, DynamoDB returns the item as it is, and
    `refused` says what that means: an error, or None when the item there is this write's own."""
    try:
        table.client.put_item(
            TableName=table.name,
            Item=item,
            ReturnValuesOnConditionCheckFailure="ALL_OLD",
            **condition,
        )
    except ClientError as error:
        if error_code(error) != CONDITIONAL_CHECK_FAILED:
            raise unavailable("PutItem", error) from error
        meaning = refused(error.response)
        if meaning is not None:
            raise meaning from error
    except BotoCoreError as error:
        raise unavailable("PutItem", error) from error


def _unmark_previous(table: Table, previous: Interview) -> Write:
    return Write(
        PREVIOUS_VERSION_WRITE,
        {
            "Update": {
                "TableName": table.name,
                "Key": item_key(
                    interview_partition_key(previous.user_id, previous.interview_id),
                    format_timestamp(previous.updated_at),
                ),
                "UpdateExpression": "REMOVE #index_partition_key, #index_sort_key",
                "ConditionExpression": (
                    "#version = :previous_version AND attribute_exists(#index_partition_key)"
                ),
                "ExpressionAttributeNames": {
                    "#version": "version",
                    "#index_partition_key": USER_INTERVIEWS_PARTITION_KEY,
                    "#index_sort_key": USER_INTERVIEWS_SORT_KEY,
                },
                "ExpressionAttributeValues": {":previous_version": {"N": str(previous.version)}},
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
            }
        },
        _moved_on(previous, InterviewNotFound),
    )


def _put_new(
    table: Table, name: str, item: dict[str, object], refused: Callable[[Reason], TuCoachError]
) -> Write:
    return Write(
        name,
        {
            "Put": {
                "TableName": table.name,
                "Item": checked_values(item),
                "ConditionExpression": "attribute_not_exists(#partition_key)",
                "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY},
            }
        },
        refused,
    )


def _check_record(new: Interview, record: IdempotencyRecord) -> None:
    if (record.user_id, record.interview_id) != (new.user_id, new.interview_id):
        raise ValueError("an idempotency record belongs to the interview it changes")
    if record.version_updated_at != new.updated_at:
        raise ValueError("an idempotency record points at the version its request produced")


def check_successor(previous: Interview, new: Interview) -> None:
    if (new.user_id, new.interview_id) != (previous.user_id, previous.interview_id):
        raise ValueError("a new version must be of the same interview as the previous one")
    if new.version != previous.version + 1:
        raise ValueError(
            f"the version after {previous.version} is {previous.version + 1}, not {new.version}"
        )
    if new.updated_at <= previous.updated_at:
        raise ValueError("a new version must be updated after the previous one")
