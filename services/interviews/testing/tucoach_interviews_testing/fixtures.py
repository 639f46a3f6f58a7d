"""Pytest fixtures of the function's tests (a plugin: `pytest_plugins` in their conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from moto import mock_aws

from tucoach_interviews import container
from tucoach_interviews_testing.api import REGION, TABLE, Api
from tucoach_repository import RepositorySettings, ensure_table, make_client


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    """The handler with its environment set and a fresh moto table."""
    for name, value in {
        "TABLE_NAME": TABLE,
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_NAMESPACE": "TuCoachAi",
        "POWERTOOLS_DEV": "false",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        ensure_table(make_client(RepositorySettings(table_name=TABLE, region=REGION)), TABLE)
        container.use(None)
        yield Api()
        container.use(None)
