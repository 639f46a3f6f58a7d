"""The benchmark's measure of botocore's share of a request's CPU (tucoach_repository_testing's
sdk_time): it counts the client's calls, and only theirs."""

from __future__ import annotations

import time
from contextlib import suppress
from typing import TYPE_CHECKING

import boto3
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError
from botocore.stub import Stubber

from tucoach_repository_testing.sdk_time import time_in_sdk

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


def _client() -> DynamoDBClient:
    return boto3.session.Session().client(
        "dynamodb",
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"total_max_attempts": 1}),
    )


def _busy(seconds: float) -> None:
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def test_the_time_of_each_call_is_added_and_work_between_calls_is_not() -> None:
    # Given a client whose two calls are answered by a Stubber that burns 20 ms of CPU on each
    client = _client()
    stubber = Stubber(client)
    for _ in range(2):
        stubber.add_response("get_item", {}, {"TableName": "table", "Key": {"k": {"S": "v"}}})
    # (on the wildcard the Stubber answers on, and first: botocore calls a wildcard's handlers
    # before an operation's own, and stops at the Stubber's response)
    client.meta.events.register_first("before-call.*.*", lambda **_: _busy(0.02))

    # When the two calls are made inside the block, with 100 ms of other work between them
    with stubber, time_in_sdk(client) as spent:
        client.get_item(TableName="table", Key={"k": {"S": "v"}})
        _busy(0.1)
        client.get_item(TableName="table", Key={"k": {"S": "v"}})

    # Then both calls are counted with their 40 ms, and the work between them is not
    assert spent.calls == 2
    assert 0.04 <= spent.seconds < 0.09


def test_a_call_answered_with_an_error_is_counted_and_nothing_after_the_block() -> None:
    # Given a client whose call is answered with an error, then a time that has stopped counting
    client = _client()
    stubber = Stubber(client)
    stubber.add_client_error(
        "get_item", service_error_code="ProvisionedThroughputExceededException"
    )
    stubber.add_response("get_item", {}, {"TableName": "table", "Key": {"k": {"S": "v"}}})

    # When that call is made inside the block and another after it
    with stubber:
        with (
            time_in_sdk(client) as spent,
            suppress(client.exceptions.ProvisionedThroughputExceededException),
        ):
            client.get_item(TableName="table", Key={"k": {"S": "v"}})
        client.get_item(TableName="table", Key={"k": {"S": "v"}})

    # Then only the call inside is counted
    assert spent.calls == 1


def test_a_call_that_gets_no_response_is_counted() -> None:
    # Given a client whose request cannot be sent (no endpoint answers)
    client = _client()

    def unreachable(**_: object) -> None:
        raise EndpointConnectionError(endpoint_url="https://dynamodb.invalid")

    client.meta.events.register_first("before-send.dynamodb.GetItem", unreachable)

    # When the call is made inside the block
    with (
        time_in_sdk(client) as spent,
        suppress(EndpointConnectionError),
    ):
        client.get_item(TableName="table", Key={"k": {"S": "v"}})

    # Then it is counted (it ends on botocore's after-call-error, not after-call)
    assert spent.calls == 1
