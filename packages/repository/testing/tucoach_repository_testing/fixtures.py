"""Pytest fixtures for tests against DynamoDB Local; other packages' tests use them too
(import them into a conftest.py).

Where DynamoDB Local or Java is missing, the tests that need it are skipped with the reason,
unless TUCOACH_REQUIRE_DYNAMODB_LOCAL=1 (CI sets it): then they fail, so a skip can never hide
a missing engine.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tucoach_repository.dynamodb_local import (
    DynamoDBLocalMissing,
    find_installation,
    local_client,
    local_settings,
    running,
)
from tucoach_repository.repository import InterviewRepository
from tucoach_repository.schema import table_name
from tucoach_repository.settings import RepositorySettings

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient

REQUIRE_VARIABLE = "TUCOACH_REQUIRE_DYNAMODB_LOCAL"


@pytest.fixture(scope="session")
def dynamodb_local_endpoint() -> Iterator[str]:
    """The endpoint URL of a DynamoDB Local that runs for the whole test session."""
    try:
        installation = find_installation()
    except DynamoDBLocalMissing as missing:
        if os.environ.get(REQUIRE_VARIABLE) == "1":
            pytest.fail(f"{REQUIRE_VARIABLE}=1 but DynamoDB Local cannot run: {missing}")
        pytest.skip(f"DynamoDB Local cannot run: {missing}")
    with running(installation) as endpoint:
        yield endpoint


@pytest.fixture
def dynamodb_local_settings(dynamodb_local_endpoint: str) -> RepositorySettings:
    """Settings of a new, empty table of TuCoach's shape, so tests never see each other's data."""
    return local_settings(dynamodb_local_endpoint, table_name(f"test-{uuid.uuid4().hex[:12]}"))


@pytest.fixture
def dynamodb_local_client(dynamodb_local_settings: RepositorySettings) -> DynamoDBClient:
    return local_client(dynamodb_local_settings)


@pytest.fixture
def dynamodb_local_repository(
    dynamodb_local_settings: RepositorySettings, dynamodb_local_client: DynamoDBClient
) -> InterviewRepository:
    return InterviewRepository(dynamodb_local_settings, client=dynamodb_local_client)
