"""Creating the table from the schema, for tests, the benchmark and the local server (the real
tables are Terraform's)."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from tucoach_repository.errors import translated_errors
from tucoach_repository.schema import TIME_TO_LIVE_ATTRIBUTE, table_definition

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


def ensure_table(client: DynamoDBClient, name: str) -> None:
    """Creates the table unless it exists, waits until it is active, and turns on its TTL."""
    with translated_errors("CreateTable"):
        # The table may be kept from an earlier run, as the local server's database is.
        with suppress(client.exceptions.ResourceInUseException):
            client.create_table(**table_definition(name))
        client.get_waiter("table_exists").wait(
            TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
        )
        time_to_live = client.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        if time_to_live.get("TimeToLiveStatus") not in ("ENABLED", "ENABLING"):
            client.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={"Enabled": True, "AttributeName": TIME_TO_LIVE_ATTRIBUTE},
            )
