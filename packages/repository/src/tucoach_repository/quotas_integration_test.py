"""Daily quotas against DynamoDB Local: the conditional update under a race, the day boundary,
and the counter item's shape."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from tucoach_models import DailyQuota
from tucoach_repository import DailyQuotaExceeded, DailyQuotas, RepositorySettings

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

USER = "quota-user"
NOW = datetime(2026, 12, 2, 22, 30, tzinfo=UTC)
RACERS = 16
LIMIT = 5


@pytest.fixture
def quotas(
    dynamodb_local_settings: RepositorySettings, dynamodb_local_client: DynamoDBClient
) -> DailyQuotas:
    return DailyQuotas(dynamodb_local_settings, client=dynamodb_local_client)


def test_of_sixteen_requests_racing_for_five_units_exactly_five_pass(quotas: DailyQuotas) -> None:
    # Given a fresh day and sixteen requests released at the same moment
    start_together = threading.Barrier(RACERS)

    def take(_: int) -> bool:
        start_together.wait()
        try:
            quotas.consume(USER, DailyQuota.ANSWERS, LIMIT, NOW)
        except DailyQuotaExceeded:
            return False
        return True

    # When each takes one unit of a limit of five
    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        outcomes = list(pool.map(take, range(RACERS)))

    # Then exactly five pass and the others are refused
    assert outcomes.count(True) == LIMIT
    assert outcomes.count(False) == RACERS - LIMIT


def test_a_refusal_says_when_the_quota_resets_and_the_next_day_starts_afresh(
    quotas: DailyQuotas,
) -> None:
    # Given a limit of one interview, used up at 22:30 UTC
    quotas.consume(USER, DailyQuota.INTERVIEWS, 1, NOW)

    # When another is asked for the same day
    with pytest.raises(DailyQuotaExceeded) as refused:
        quotas.consume(USER, DailyQuota.INTERVIEWS, 1, NOW)

    # Then the error says which limit and waits until midnight UTC (1 h 30 min)
    assert refused.value.retry_after_seconds == 90 * 60
    assert refused.value.details == {
        "quota": "interviews",
        "limit": 1,
        "resets_at": "2026-12-03T00:00:00+00:00",
    }
    assert "limit of 1 interviews" in refused.value.message
    assert "in 1 h 30 min" in refused.value.message
    # and after midnight, and for another quota or user, there are units again
    quotas.consume(USER, DailyQuota.INTERVIEWS, 1, NOW + timedelta(hours=2))
    quotas.consume(USER, DailyQuota.ANSWERS, 1, NOW)
    quotas.consume("another-user", DailyQuota.INTERVIEWS, 1, NOW)


def test_the_counter_is_one_small_item_that_expires_a_day_after_its_day(
    quotas: DailyQuotas,
    dynamodb_local_settings: RepositorySettings,
    dynamodb_local_client: DynamoDBClient,
) -> None:
    # When two units are taken
    quotas.consume(USER, DailyQuota.ANSWERS, 10, NOW)
    quotas.consume(USER, DailyQuota.ANSWERS, 10, NOW)

    # Then one item counts them, with its record type and time to live
    items = dynamodb_local_client.scan(TableName=dynamodb_local_settings.table_name)["Items"]
    assert items == [
        {
            "partition_key": {"S": f"USER#{USER}#QUOTA"},
            "sort_key": {"S": "answers#2026-12-02"},
            "used": {"N": "2"},
            "record_type": {"S": "QUOTA"},
            "expires_at": {"N": str(int(datetime(2026, 12, 4, tzinfo=UTC).timestamp()))},
        }
    ]
