"""Writing an interview: its first version, and each version after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tucoach_models import IdempotencyRecord, Interview, format_timestamp
from tucoach_repository.attribute_values import AttributeValues, to_attribute_values
from tucoach_repository.errors import (
    CONDITIONAL_CHECK_FAILED,
    InterviewAlreadyExists,
    InterviewNotFound,
    VersionConflict,
    translated_errors,
)
from tucoach_repository.idempotency import idempotency_write
from tucoach_repository.items import interview_to_item
from tucoach_repository.schema import (
    PARTITION_KEY,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    interview_partition_key,
    user_interviews_partition_key,
    user_interviews_sort_key,
)
from tucoach_repository.sizing import ensure_fits
from tucoach_repository.table import Table, item_key
from tucoach_repository.transactions import Reason, Write, transact

if TYPE_CHECKING:
    from tucoach_models import TuCoachError

PREVIOUS_VERSION_WRITE = "previous version"
NEW_VERSION_WRITE = "new version"


def create(table: Table, interview: Interview) -> None:
    """Stores the first version of a new interview (one PutItem).

    The put is conditional on its key being free, so a create sent twice (a retry) is
    InterviewAlreadyExists. Interview ids are generated unique, which is what keeps two
    interviews apart; the condition cannot see other items of the partition.
    """
    if interview.version != 1:
        raise ValueError(f"a new interview starts at version 1, not {interview.version}")
    item = _latest_version_item(interview)
    refused = {CONDITIONAL_CHECK_FAILED: lambda _: InterviewAlreadyExists(interview.interview_id)}
    with translated_errors("PutItem", refused):
        table.client.put_item(
            TableName=table.name,
            Item=item,
            ConditionExpression="attribute_not_exists(#partition_key)",
            ExpressionAttributeNames={"#partition_key": PARTITION_KEY},
        )


def append_version(
    table: Table, previous: Interview, new: Interview, idempotency: IdempotencyRecord | None
) -> None:
    """Stores `new` as the version after `previous`, if `previous` is still the latest.

    One TransactWriteItems: the previous version loses the index attributes (only if it still
    has them, i.e. is still the latest) and the new version is put with them. Of two writers
    appending to the same version, one wins and the other gets VersionConflict; either way no
    version's data is changed or lost. With `idempotency`, its record is put in the same
    transaction, so the change and its record are stored together or not at all; a key already
    used (and not expired) gives IdempotencyKeyUsed.
    """
    check_successor(previous, new)
    writes = [_unmark_previous(table, previous), _put_new_version(table, previous, new)]
    if idempotency is not None:
        if (idempotency.user_id, idempotency.interview_id) != (new.user_id, new.interview_id):
            raise ValueError("an idempotency record belongs to the interview it changes")
        writes.append(idempotency_write(table, idempotency))
    transact(table, writes)


def _unmark_previous(table: Table, previous: Interview) -> Write:
    def refused(reason: Reason) -> TuCoachError:
        # The item as it was comes back only if it exists: without it, there is no interview.
        if "Item" not in reason:
            return InterviewNotFound(previous.interview_id)
        return VersionConflict(previous.interview_id, previous.version)

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
        refused,
    )


def _put_new_version(table: Table, previous: Interview, new: Interview) -> Write:
    # The new version's timestamp taken: another writer's version is there.
    return Write(
        NEW_VERSION_WRITE,
        {
            "Put": {
                "TableName": table.name,
                "Item": _latest_version_item(new),
                "ConditionExpression": "attribute_not_exists(#partition_key)",
                "ExpressionAttributeNames": {"#partition_key": PARTITION_KEY},
            }
        },
        refused=lambda _: VersionConflict(previous.interview_id, previous.version),
    )


def _latest_version_item(interview: Interview) -> AttributeValues:
    item = interview_to_item(interview)
    item[USER_INTERVIEWS_PARTITION_KEY] = user_interviews_partition_key(interview.user_id)
    item[USER_INTERVIEWS_SORT_KEY] = user_interviews_sort_key(
        interview.created_at, interview.interview_id
    )
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
