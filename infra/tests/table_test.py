"""The planned table against the repository package's constants (docs/design.md)."""

from __future__ import annotations

from terraform_plan import Plan

from tucoach_repository.schema import (
    BILLING_MODE,
    PARTITION_KEY,
    SORT_KEY,
    SUMMARY_ATTRIBUTES,
    TIME_TO_LIVE_ATTRIBUTE,
    USER_INTERVIEWS_INDEX,
    USER_INTERVIEWS_PARTITION_KEY,
    USER_INTERVIEWS_SORT_KEY,
    table_definition,
    table_name,
)


def test_table_name_keys_and_billing_mode_are_the_schemas(plan: Plan) -> None:
    # Given the planned table
    table = plan.one("aws_dynamodb_table", "main").values

    # Then its name, keys and billing mode are the repository package's
    assert table["name"] == table_name(plan.environment)
    assert (table["hash_key"], table["range_key"]) == (PARTITION_KEY, SORT_KEY)
    assert table["billing_mode"] == BILLING_MODE
    expected = table_definition(table["name"])["AttributeDefinitions"]
    assert sorted((a["name"], a["type"]) for a in table["attribute"]) == sorted(
        (a["AttributeName"], a["AttributeType"]) for a in expected
    )


def test_user_interviews_index_is_the_schemas(plan: Plan) -> None:
    # Given the planned table's global secondary indexes
    (index,) = plan.one("aws_dynamodb_table", "main").values["global_secondary_index"]

    # Then the one index has the schema's name, keys and projected attributes
    assert index["name"] == USER_INTERVIEWS_INDEX
    assert (index["hash_key"], index["range_key"]) == (
        USER_INTERVIEWS_PARTITION_KEY,
        USER_INTERVIEWS_SORT_KEY,
    )
    assert index["projection_type"] == "INCLUDE"
    assert sorted(index["non_key_attributes"]) == sorted(SUMMARY_ATTRIBUTES)


def test_table_expires_idempotency_records_is_recoverable_and_encrypted(plan: Plan) -> None:
    table = plan.one("aws_dynamodb_table", "main").values

    assert table["ttl"] == [{"attribute_name": TIME_TO_LIVE_ATTRIBUTE, "enabled": True}]
    assert table["point_in_time_recovery"][0]["enabled"] is True
    assert table["server_side_encryption"][0]["enabled"] is True


def test_only_production_protects_the_table_from_deletion(plan: Plan) -> None:
    table = plan.one("aws_dynamodb_table", "main").values

    assert table["deletion_protection_enabled"] is (plan.environment == "prod")
