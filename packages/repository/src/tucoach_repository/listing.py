"""Lists, a page at a time: one interview's version history, and a user's interviews."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tucoach_models import MAX_PAGE_LIMIT, InterviewSummary, Page
from tucoach_repository.attribute_values import AttributeValues, from_attribute_values
from tucoach_repository.errors import InvalidPageLimit
from tucoach_repository.items import FIXED_FIELDS, Item, summary_from_item
from tucoach_repository.reads import read_partition
from tucoach_repository.schema import (
    ANSWERED_COUNT,
    OVERALL_SCORE,
    SORT_KEY,
    USER_INTERVIEWS_INDEX,
    USER_INTERVIEWS_PARTITION_KEY,
    user_interviews_partition_key,
)
from tucoach_repository.table import Table, check_user_id, interview_key
from tucoach_repository.tokens import (
    Key,
    user_interviews_start_key,
    user_interviews_token,
    version_history_start_key,
    version_history_token,
)

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import QueryInputTypeDef

# A version history's entries: the interview's fields no version changes, and each version's own.
_FIXED_SUMMARY_FIELDS = tuple(
    name for name in FIXED_FIELDS if name in InterviewSummary.model_fields
)
_VERSION_SUMMARY_FIELDS = ("version", "status", ANSWERED_COUNT, OVERALL_SCORE)


def list_versions(
    table: Table, user_id: str, interview_id: str, limit: int, next_token: str | None = None
) -> Page[InterviewSummary]:
    """The interview's versions, oldest first: the versions that count, as reading follows them
    (reads.py), so a version item of a write that lost its race is never listed. One Query
    reads the interview (a few KB a version) and a page of it is returned. A version's entry
    carries no question ids: versions do not store them (the summary item does, for choosing
    questions)."""
    _check_limit(limit)
    partition_key = interview_key(user_id, interview_id)
    partition = read_partition(table, user_id, interview_id)
    oldest_first = partition.chain[::-1]
    start = 0
    if next_token is not None:
        after = version_history_start_key(next_token, partition_key)[SORT_KEY]["S"]
        start = next(
            (i for i, item in enumerate(oldest_first) if item[SORT_KEY]["S"] > after),
            len(oldest_first),
        )
    page = oldest_first[start : start + limit]
    fixed = _fixed_fields(partition.summary or oldest_first[0])
    return Page[InterviewSummary](
        items=tuple(_version_summary(fixed, item) for item in page),
        next_token=(
            version_history_token(partition_key, page[-1])
            if start + limit < len(oldest_first)
            else None
        ),
    )


def _fixed_fields(item: AttributeValues) -> Item:
    values = from_attribute_values(item)
    return {name: values[name] for name in _FIXED_SUMMARY_FIELDS}


def _version_summary(fixed: Item, item: AttributeValues) -> InterviewSummary:
    """What a version history shows of a version: the interview's fixed fields, and the
    version's own (steps written before 2026-12-02 and whole versions carry both)."""
    values = from_attribute_values(item)
    own = {name: values[name] for name in _VERSION_SUMMARY_FIELDS if name in values}
    return summary_from_item({**fixed, **own, "updated_at": values[SORT_KEY]})


def list_interviews(
    table: Table, user_id: str, limit: int, next_token: str | None = None
) -> Page[InterviewSummary]:
    """The user's interviews, latest versions only, newest created first; one Query per page on
    the `user_interviews` index."""
    _check_limit(limit)
    check_user_id(user_id)
    request: QueryInputTypeDef = {
        "TableName": table.name,
        "IndexName": USER_INTERVIEWS_INDEX,
        "KeyConditionExpression": "#index_partition_key = :index_partition_key",
        "ExpressionAttributeNames": {"#index_partition_key": USER_INTERVIEWS_PARTITION_KEY},
        "ExpressionAttributeValues": {
            ":index_partition_key": {"S": user_interviews_partition_key(user_id)}
        },
        "ScanIndexForward": False,
    }
    if next_token is not None:
        request["ExclusiveStartKey"] = user_interviews_start_key(next_token, user_id)
    return _page(table, request, limit, lambda last: user_interviews_token(user_id, last))


def _page(
    table: Table, request: QueryInputTypeDef, limit: int, token_after: Callable[[Key], str]
) -> Page[InterviewSummary]:
    # One item more than asked tells whether another page follows, so the last page has no
    # token (DynamoDB's own LastEvaluatedKey would send the caller after an empty page).
    response = table.query({**request, "Limit": limit + 1})
    items = response["Items"]
    next_token: str | None = None
    if len(items) > limit:
        items = items[:limit]
        next_token = token_after(items[-1])
    elif "LastEvaluatedKey" in response:
        next_token = token_after(response["LastEvaluatedKey"])
    return Page[InterviewSummary](
        items=tuple(summary_from_item(from_attribute_values(item)) for item in items),
        next_token=next_token,
    )


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE_LIMIT:
        raise InvalidPageLimit(limit, MAX_PAGE_LIMIT)
