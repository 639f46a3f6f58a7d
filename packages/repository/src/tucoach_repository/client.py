"""The DynamoDB client the repository uses, built from its settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3
from botocore.config import Config

from tucoach_repository.settings import RepositorySettings

if TYPE_CHECKING:
    from types_boto3_dynamodb.client import DynamoDBClient


def make_client(
    settings: RepositorySettings, session: boto3.session.Session | None = None
) -> DynamoDBClient:
    """A client with bounded timeouts and retries; `session` supplies other credentials."""
    config = Config(
        retries={"total_max_attempts": settings.max_attempts, "mode": "standard"},
        connect_timeout=settings.connect_timeout_seconds,
        read_timeout=settings.read_timeout_seconds,
        # botocore checks every request against the service model before sending it, walking
        # each attribute value of the items written (0.2 ms of an answer's CPU at the 19th).
        # The requests are typed (types-boto3, mypy) and DynamoDB validates them anyway, as
        # DynamoDB Local does in the integration tests; a bad one fails there instead, with a
        # ClientError that maps to the same RepositoryUnavailable.
        parameter_validation=False,
    )
    return (session or boto3.session.Session()).client(
        "dynamodb",
        region_name=settings.region,
        endpoint_url=settings.endpoint_url,
        config=config,
    )
