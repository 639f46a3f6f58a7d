"""Reading an interview: its latest version, or the one stored at a given time."""

from __future__ import annotations

from datetime import datetime

from tucoach_models import Interview, format_timestamp
from tucoach_repository.attribute_values import from_attribute_values
from tucoach_repository.errors import InterviewNotFound, translated_errors
from tucoach_repository.items import interview_from_item
from tucoach_repository.table import Table, interview_key, item_key


def get_latest(table: Table, user_id: str, interview_id: str) -> Interview:
    """The interview's latest version (one Query, newest first, Limit 1)."""
    items = table.query(
        {
            **table.versions_query(interview_key(user_id, interview_id)),
            "ScanIndexForward": False,
            "Limit": 1,
        }
    )["Items"]
    if not items:
        raise InterviewNotFound(interview_id)
    return interview_from_item(from_attribute_values(items[0]))


def get_version(table: Table, user_id: str, interview_id: str, updated_at: datetime) -> Interview:
    """The version stored at `updated_at` (one GetItem)."""
    key = item_key(interview_key(user_id, interview_id), format_timestamp(updated_at))
    with translated_errors("GetItem"):
        response = table.client.get_item(TableName=table.name, Key=key, ConsistentRead=True)
    if "Item" not in response:
        raise InterviewNotFound(interview_id)
    return interview_from_item(from_attribute_values(response["Item"]))
