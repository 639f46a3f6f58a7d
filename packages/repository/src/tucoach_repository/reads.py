"""Reading an interview: its latest version, or the one stored at a given time.

Either is one Query, newest first, over the interview's versions up to the one asked for: the
items from the last whole version on, folded (`items.interview_from_items`). The Query asks for
the attributes folding reads only (`items.FOLDED_ATTRIBUTES`), not the summary every version
item also carries for lists: at the 19th answer that is a third of the attribute values botocore
would otherwise parse. A version is a few KB, so one page of the Query (up to 1 MB) holds a whole
interview; a longer one pages on.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tucoach_models import Interview, format_timestamp
from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.errors import InterviewNotFound
from tucoach_repository.items import FOLDED_ATTRIBUTES, RecordType, interview_from_items
from tucoach_repository.schema import RECORD_TYPE, SORT_KEY, VERSION_SORT_KEYS
from tucoach_repository.table import Table, interview_key

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import QueryInputTypeDef

    from tucoach_repository.attribute_values import AttributeValues


def get_latest(table: Table, user_id: str, interview_id: str) -> Interview:
    """The interview's latest version."""
    return _fold(table, user_id, interview_id, VERSION_SORT_KEYS[1])


def get_version(table: Table, user_id: str, interview_id: str, updated_at: datetime) -> Interview:
    """The version stored at `updated_at`."""
    sort_key = format_timestamp(updated_at)
    interview = _fold(table, user_id, interview_id, sort_key)
    if format_timestamp(interview.updated_at) != sort_key:
        raise InterviewNotFound(interview_id)
    return interview


def _fold(table: Table, user_id: str, interview_id: str, last: str) -> Interview:
    request: QueryInputTypeDef = {
        **table.versions_query(
            interview_key(user_id, interview_id), last, attributes=FOLDED_ATTRIBUTES
        ),
        "ScanIndexForward": False,
    }
    newest_first: list[AttributeValues] = []
    while True:
        response = table.query(request)
        for item in response["Items"]:
            newest_first.append(item)
            if item[RECORD_TYPE].get("S") == RecordType.INTERVIEW:
                return interview_from_items(
                    [from_attribute_values(item) for item in reversed(newest_first)]
                )
        if "LastEvaluatedKey" not in response:
            break
        request["ExclusiveStartKey"] = response["LastEvaluatedKey"]
    if not newest_first:
        raise InterviewNotFound(interview_id)
    raise ValueError(
        f"no whole version under {newest_first[-1][SORT_KEY]} to fold the steps of {interview_id}"
    )
