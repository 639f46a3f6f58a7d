"""Lists, a page at a time: one interview's version history, and a user's interviews."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tucoach_models import MAX_PAGE_LIMIT, InterviewSummary, Page
from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.errors import InterviewNotFound, InvalidPageLimit
from tucoach_repository.items import summary_from_item
from tucoach_repository.schema import (
    PARTITION_KEY,
    QUESTION_IDS,
    SORT_KEY,
    SUMMARY_ATTRIBUTES,
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


def list_versions(
    table: Table, user_id: str, interview_id: str, limit: int, next_token: str | None = None
) -> Page[InterviewSummary]:
    """The interview's versions, oldest first, one Query per page. A version's entry carries no
    question ids: steps do not store them (the summary item does, for choosing questions)."""
    _check_limit(limit)
    partition_key = interview_key(user_id, interview_id)
    listed = tuple(name for name in SUMMARY_ATTRIBUTES if name != QUESTION_IDS)
    request: QueryInputTypeDef = {
        **table.versions_query(partition_key, attributes=(PARTITION_KEY, SORT_KEY, *listed)),
        "ScanIndexForward": True,
    }
    if next_token is not None:
        request["ExclusiveStartKey"] = version_history_start_key(next_token, partition_key)
    page = _page(table, request, limit, lambda last: version_history_token(partition_key, last))
    if not page.items:
        raise InterviewNotFound(interview_id)
    return page


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
