"""Pytest fixtures of a table in moto's in-process DynamoDB, for unit tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from moto import mock_aws

from tucoach_repository import InterviewRepository, RepositorySettings, make_client, table_name
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
