"""Per-user daily quotas: one counter item per user, quota and UTC day.

Each use is one conditional UpdateItem that adds 1 only while the counter is below the limit, so
requests racing for the last unit never pass the limit together, and a refused request changes
nothing. A unit is taken before the work it pays for: if that work then fails, the unit stays
used (the limits are generous; a refund would need a second write that can fail too). Counters
expire through DynamoDB's time to live a day after their day ends.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from tucoach_models import DailyQuota, QuotaExceededError
from tucoach_repository.client import make_client
from tucoach_repository.errors import CONDITIONAL_CHECK_FAILED, translated_errors
from tucoach_repository.items import RecordType
from tucoach_repository.schema import (
    PARTITION_KEY,
    QUOTA_USED,
    RECORD_TYPE,
    SORT_KEY,
    TIME_TO_LIVE_ATTRIBUTE,
    quota_key,
)
from tucoach_repository.settings import RepositorySettings

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

# Counters outlive their day by one more, so a late request near midnight still finds its own.
_KEPT_AFTER_THE_DAY = timedelta(days=1)


class DailyQuotaExceeded(QuotaExceededError):
    def __init__(self, quota: DailyQuota, limit: int, resets_at: datetime, now: datetime) -> None:
        wait = max(1, int((resets_at - now).total_seconds()))
        hours, minutes = divmod(-(-wait // 60), 60)
        super().__init__(
            f"You have reached today's limit of {limit} {quota.value}. It resets at midnight "
            f"UTC, in {hours} h {minutes} min.",
            retry_after_seconds=wait,
            details={"quota": quota.value, "limit": limit, "resets_at": resets_at.isoformat()},
        )


class DailyQuotas:
    """Counts what each user does per UTC day, in the interviews table."""

    def __init__(
        self, settings: RepositorySettings, *, client: DynamoDBClient | None = None
    ) -> None:
        self._table = settings.table_name
        self._client = client or make_client(settings)

    def consume(self, user_id: str, quota: DailyQuota, limit: int, now: datetime) -> None:
        """Takes one unit of today's `quota`, or raises DailyQuotaExceeded when none is left."""
        day = now.astimezone(UTC).date()
        resets_at = datetime.combine(day + timedelta(days=1), time(), UTC)
        partition_key, sort_key = quota_key(user_id, quota.value, day)
        refused = {
            CONDITIONAL_CHECK_FAILED: lambda _: DailyQuotaExceeded(quota, limit, resets_at, now)
        }
        with translated_errors("UpdateItem", refused):
            self._client.update_item(
                TableName=self._table,
                Key={PARTITION_KEY: {"S": partition_key}, SORT_KEY: {"S": sort_key}},
                UpdateExpression=(
                    "ADD #used :one SET #record_type = :record_type, "
                    "#expires_at = if_not_exists(#expires_at, :expires_at)"
                ),
                ConditionExpression="attribute_not_exists(#used) OR #used < :limit",
                ExpressionAttributeNames={
                    "#used": QUOTA_USED,
                    "#record_type": RECORD_TYPE,
                    "#expires_at": TIME_TO_LIVE_ATTRIBUTE,
                },
                ExpressionAttributeValues={
                    ":one": {"N": "1"},
                    ":limit": {"N": str(limit)},
                    ":record_type": {"S": RecordType.QUOTA.value},
                    ":expires_at": {"N": str(int((resets_at + _KEPT_AFTER_THE_DAY).timestamp()))},
                },
            )
