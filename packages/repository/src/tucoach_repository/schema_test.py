from __future__ import annotations

from datetime import UTC, datetime

from tucoach_models import InterviewSummary
from tucoach_repository.schema import (
    SUMMARY_ATTRIBUTES,
    rating_partition_key,
    table_definition,
    table_name,
    user_interviews_partition_key,
    user_interviews_sort_key,
)


def test_the_table_is_named_after_its_environment() -> None:
    assert table_name("dev") == "TuCoachAi-dev"
    assert table_name("prod") == "TuCoachAi-prod"


def test_the_table_has_the_specified_keys_and_is_billed_per_request() -> None:
    definition = table_definition("TuCoachAi-dev")
    assert definition["TableName"] == "TuCoachAi-dev"
    assert definition["BillingMode"] == "PAY_PER_REQUEST"
    assert definition["KeySchema"] == [
        {"AttributeName": "partition_key", "KeyType": "HASH"},
        {"AttributeName": "sort_key", "KeyType": "RANGE"},
    ]
    assert all(a["AttributeType"] == "S" for a in definition["AttributeDefinitions"])


def test_the_user_interviews_index_projects_exactly_what_a_summary_shows() -> None:
    # Given the table's one index
    [index] = table_definition("TuCoachAi-dev")["GlobalSecondaryIndexes"]
    # Then it is keyed by user and creation time, and carries the summary's fields
    assert index["IndexName"] == "user_interviews"
    assert [k["AttributeName"] for k in index["KeySchema"]] == [
        "gsi1_partition_key",
        "gsi1_sort_key",
    ]
    assert index["Projection"]["ProjectionType"] == "INCLUDE"
    assert set(index["Projection"]["NonKeyAttributes"]) == set(SUMMARY_ATTRIBUTES)
    # And those are the summary model's fields, so the two cannot drift apart
    assert set(SUMMARY_ATTRIBUTES) == set(InterviewSummary.model_fields)


def test_key_formats() -> None:
    created_at = datetime(2026, 11, 30, 12, 0, 1, 2, tzinfo=UTC)
    assert user_interviews_partition_key("u-1") == "USER#u-1"
    assert user_interviews_sort_key(created_at, "i-1") == "2026-11-30T12:00:01.000002Z#i-1"
    assert rating_partition_key("u-1", "i-1") == "USER#u-1#RATING#i-1"
