"""Writing an interview: its first version, and each version after it.

Every write is one transaction over the interview's summary item and the new version's item:
the summary item (what lists show, with the index keys) is put on condition that it still shows
the version appended to, which is the optimistic-concurrency guard, and the new version is put
beside the others, so appending never rewrites a version. An interview stored before summary
items existed has none: its first append moves the index keys from its latest version to a new
summary item in the same transaction (`_adopt`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tucoach_models import IdempotencyRecord, Interview, format_timestamp
from tucoach_repository.attribute_values import AttributeValues, to_attribute_values
from tucoach_repository.errors import InterviewAlreadyExists, InterviewNotFound, VersionConflict
from tucoach_repository.idempotency import idempotency_write
from tucoach_repository.items import interview_to_item, step_to_item, summary_to_item
from tucoach_repository.schema import (
    PARTITION_KEY,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    interview_partition_key,
)
from tucoach_repository.sizing import ensure_fits
from tucoach_repository.table import Table, item_key
from tucoach_repository.transactions import Reason, Write, transact

if TYPE_CHECKING:
    from collections.abc import Callable

    from tucoach_models import TuCoachError

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

    One TransactWriteItems: the summary item is put on condition that it shows `previous`, and
    the new version (the step from `previous`, or whole when a step cannot say the change) is
    put beside the others. Of two writers appending to the same version, one wins and the other
    gets VersionConflict; no version is changed or lost. With `idempotency`, its record is put
    in the same transaction, so the change and its record are stored together or not at all; a
    key already used (and not expired) gives IdempotencyRecordExists.
    """
    check_successor(previous, new)
    extra = [] if idempotency is None else [_idempotency_of(table, new, idempotency)]
    version = _put_new(
        table,
        NEW_VERSION_WRITE,
        step_to_item(previous, new) or interview_to_item(new),
        # The new version's timestamp taken: another writer's version is there.
        lambda _: VersionConflict(previous.interview_id, previous.version),
    )
    try:
        transact(table, [_move_summary(table, previous, new), *extra, version])
    except _Unsummarised:
        _adopt(table, previous, new, [*extra, version])


def _adopt(table: Table, previous: Interview, new: Interview, writes: list[Write]) -> None:
    """Appends to an interview stored before summary items: its latest version gives up the
    index keys to a new summary item, in the same transaction as the new version."""
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
            *writes,
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


def _move_summary(table: Table, previous: Interview, new: Interview) -> Write:
    return Write(
        SUMMARY_WRITE,
        {
            "Put": {
                "TableName": table.name,
                "Item": _checked(summary_to_item(new)),
                "ConditionExpression": "#version = :previous_version",
                "ExpressionAttributeNames": {"#version": "version"},
                "ExpressionAttributeValues": {":previous_version": {"N": str(previous.version)}},
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
            }
        },
        _moved_on(previous, _Unsummarised),
    )


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
                "Item": _checked(item),
                "ConditionExpression": "attribute_not_exists(#partition_key)",
                "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY},
            }
        },
        refused,
    )


def _idempotency_of(table: Table, new: Interview, record: IdempotencyRecord) -> Write:
    if (record.user_id, record.interview_id) != (new.user_id, new.interview_id):
        raise ValueError("an idempotency record belongs to the interview it changes")
    if record.version_updated_at != new.updated_at:
        raise ValueError("an idempotency record points at the version its request produced")
    return idempotency_write(table, record)


def _checked(item: dict[str, object]) -> AttributeValues:
    values = to_attribute_values(item)
    ensure_fits(values)
    return values


def check_successor(previous: Interview, new: Interview) -> None:
    if (new.user_id, new.interview_id) != (previous.user_id, previous.interview_id):
        raise ValueError("a new version must be of the same interview as the previous one")
    if new.version != previous.version + 1:
        raise ValueError(
            f"the version after {previous.version} is {previous.version + 1}, not {new.version}"
        )
    if new.updated_at <= previous.updated_at:
        raise ValueError("a new version must be updated after the previous one")
