"""Fixtures of this package's tests: a moto table for unit tests, DynamoDB Local for the
integration tests (`*_integration_test.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from moto import mock_aws

from tucoach_repository.client import make_client
from tucoach_repository.fixtures import (  # noqa: F401 - pytest finds fixtures by name
    dynamodb_local_client,
    dynamodb_local_endpoint,
    dynamodb_local_repository,
    dynamodb_local_settings,
)
from tucoach_repository.repository import InterviewRepository
from tucoach_repository.schema import table_name
from tucoach_repository.settings import RepositorySettings
from tucoach_repository.tables import ensure_table

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


@pytest.fixture
def settings() -> RepositorySettings:
    return RepositorySettings(table_name=table_name("test"), region="eu-west-1")


@pytest.fixture
def client(settings: RepositorySettings) -> Iterator[DynamoDBClient]:
    """A client of moto's in-process DynamoDB, with the table created."""
    with mock_aws():
        client = make_client(settings)
        ensure_table(client, settings.table_name)
        yield client


@pytest.fixture
def repository(settings: RepositorySettings, client: DynamoDBClient) -> InterviewRepository:
    return InterviewRepository(settings, client=client)
