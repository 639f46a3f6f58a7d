"""The table's shape, in one place: its name, keys, index and key formats (docs/design.md).

The table definition for tests and the local server is built from these constants, and the
Terraform of the real table is checked against them, so nothing here may drift from the
specification.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Final

from tucoach_models import format_timestamp

if TYPE_CHECKING:
    from types_boto3_dynamodb.type_defs import CreateTableInputTypeDef

TABLE_NAME_FORMAT = "TuCoachAi-{environment}"

# The table's own keys, and the attribute that names an item's kind (items.RecordType).
PARTITION_KEY = "partition_key"
SORT_KEY = "sort_key"
RECORD_TYPE = "record_type"

INTERVIEW_PARTITION_KEY_FORMAT = "USER#{user_id}#INTERVIEW#{interview_id}"
_INTERVIEW_PARTITION_KEY = re.compile(
    r"^USER#(?P<user_id>[^#]+)#INTERVIEW#(?P<interview_id>[^#]+)$"
)

# An interview's summary item: what a list shows of it, with the index keys. One per interview,
# rewritten with every version (on condition that it still shows the version appended to).
SUMMARY_SORT_KEY = "SUMMARY"

# Denormalised onto interview versions and summary items for lists and the index projection.
ANSWERED_COUNT = "answered_count"
OVERALL_SCORE = "overall_score"
QUESTION_IDS = "question_ids"

# On a version item appended after another (a step, or a whole version): the sort key of the
# version it follows, so reading follows each version to the one before it and never to an
# item of a write that lost its race (see writes.py). Versions written before 2026-12-02 lack
# it: each followed the version item just before it.
PREVIOUS_VERSION = "previous_version"

# On a version item a request with an Idempotency-Key made: the key and the request's hash.
REQUEST_KEY = "request_key"
REQUEST_HASH = "request_hash"

# The sparse index of a user's interviews: only an interview's summary item carries its keys (or,
# for interviews stored before summary items, their latest version), so the index holds one entry
# per interview.
USER_INTERVIEWS_INDEX = "user_interviews"
USER_INTERVIEWS_PARTITION_KEY = "gsi1_partition_key"
USER_INTERVIEWS_SORT_KEY = "gsi1_sort_key"
USER_INTERVIEWS_PARTITION_KEY_FORMAT = "USER#{user_id}"
USER_INTERVIEWS_SORT_KEY_FORMAT = "{created_at}#{interview_id}"

# What a list shows of an interview; the index projects exactly these (besides the keys).
SUMMARY_ATTRIBUTES = (
    "user_id",
    "interview_id",
    "role",
    "seniority",
    "status",
    "version",
    "question_count",
    "answered_count",
    "overall_score",
    "question_ids",
    "created_at",
    "updated_at",
)

RATING_PARTITION_KEY_FORMAT = "USER#{user_id}#RATING#{interview_id}"

# Idempotency records share their interview's partition under this sort key prefix, as does the
# summary item under SUMMARY_SORT_KEY. Version sort keys are timestamps, which begin with a
# digit: every one lies in VERSION_SORT_KEYS, and no other item of the partition does.
IDEMPOTENCY_SORT_KEY_FORMAT = "IDEMPOTENCY#{key}"
VERSION_SORT_KEYS = ("0", ":")  # ":" is the character after "9"

# Idempotency records and quota counters expire through DynamoDB's time to live on this
# attribute (epoch seconds).
TIME_TO_LIVE_ATTRIBUTE = "expires_at"

# A user's daily quota counters: one item per quota and UTC day, in a partition of their own.
QUOTA_PARTITION_KEY_FORMAT = "USER#{user_id}#QUOTA"
QUOTA_SORT_KEY_FORMAT = "{quota}#{day}"
QUOTA_USED = "used"

BILLING_MODE: Final = "PAY_PER_REQUEST"


def interview_partition_key(user_id: str, interview_id: str) -> str:
    return INTERVIEW_PARTITION_KEY_FORMAT.format(user_id=user_id, interview_id=interview_id)


def parse_interview_partition_key(partition_key: str) -> tuple[str, str]:
    """(user_id, interview_id) of an interview's partition key."""
    match = _INTERVIEW_PARTITION_KEY.match(partition_key)
    if match is None:
        raise ValueError(
            f"partition_key must look like {INTERVIEW_PARTITION_KEY_FORMAT}, got {partition_key!r}"
        )
    return match["user_id"], match["interview_id"]


def idempotency_sort_key(key: str) -> str:
    return IDEMPOTENCY_SORT_KEY_FORMAT.format(key=key)


def table_name(environment: str) -> str:
    return TABLE_NAME_FORMAT.format(environment=environment)


def user_interviews_partition_key(user_id: str) -> str:
    return USER_INTERVIEWS_PARTITION_KEY_FORMAT.format(user_id=user_id)


def user_interviews_sort_key(created_at: datetime, interview_id: str) -> str:
    # The fixed-width timestamp first, so the index sorts by creation time; the id breaks ties.
    return USER_INTERVIEWS_SORT_KEY_FORMAT.format(
        created_at=format_timestamp(created_at), interview_id=interview_id
    )


def quota_key(user_id: str, quota: str, day: date) -> tuple[str, str]:
    """The partition and sort key of a user's counter for one quota on one UTC day."""
    return (
        QUOTA_PARTITION_KEY_FORMAT.format(user_id=user_id),
        QUOTA_SORT_KEY_FORMAT.format(quota=quota, day=day.isoformat()),
    )


def rating_partition_key(user_id: str, interview_id: str) -> str:
    return RATING_PARTITION_KEY_FORMAT.format(user_id=user_id, interview_id=interview_id)


def table_definition(name: str) -> CreateTableInputTypeDef:
    """The keyword arguments of `CreateTable` for a table of this shape."""
    return {
        "TableName": name,
        "BillingMode": BILLING_MODE,
        "AttributeDefinitions": [
            {"AttributeName": PARTITION_KEY, "AttributeType": "S"},
            {"AttributeName": SORT_KEY, "AttributeType": "S"},
            {"AttributeName": USER_INTERVIEWS_PARTITION_KEY, "AttributeType": "S"},
            {"AttributeName": USER_INTERVIEWS_SORT_KEY, "AttributeType": "S"},
        ],
        "KeySchema": [
            {"AttributeName": PARTITION_KEY, "KeyType": "HASH"},
            {"AttributeName": SORT_KEY, "KeyType": "RANGE"},
        ],
        "GlobalSecondaryIndexes": [
            {
                "IndexName": USER_INTERVIEWS_INDEX,
                "KeySchema": [
                    {"AttributeName": USER_INTERVIEWS_PARTITION_KEY, "KeyType": "HASH"},
                    {"AttributeName": USER_INTERVIEWS_SORT_KEY, "KeyType": "RANGE"},
                ],
                "Projection": {
                    "ProjectionType": "INCLUDE",
                    "NonKeyAttributes": list(SUMMARY_ATTRIBUTES),
                },
            }
        ],
    }
